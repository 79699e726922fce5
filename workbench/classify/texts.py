"""Bilingual (English / Finnish) explanation texts of the classification engine (Qt-free).

The engine's sentences (reasons, conditions, missing measurements, notes, limits,
suggestions) are shown in the Finnish GUI and report, but the core must not import Qt,
so Qt's .ts catalogue cannot hold them. They live here instead: ``MESSAGES`` maps a
message id to its English and Finnish template, both with the same named fields.

``msg(id, **fields)`` returns a ``Text``: a ``str`` holding the English sentence (so
existing code, tests and the JSON's English fields see exactly the text they always
did) that also knows its Finnish version (``fi(text)``), rendered only when asked for
(classifying 10,000 samples makes many sentences nobody reads in Finnish). Fields that
are themselves ``Text`` render in the same language; numbers rendered into a Finnish
sentence get a decimal comma (Finnish prose writes 0,7 %, not 0.7 %).
"""

from __future__ import annotations

import numbers
import re
import string
from functools import lru_cache
from typing import Any

from workbench.messages import fi_number

# id -> (English, Finnish). Same placeholders in both (tested).
MESSAGES: dict[str, tuple[str, str]] = {
    # -- verdict reasons ----------------------------------------------------------------
    "reason.fail_in": ("{label}: {value} is not {limit}", "{label}: {value} ei kelpaa ({limit})"),
    "reason.fail_not_in": ("{label}: {value} is excluded", "{label}: {value} on suljettu pois"),
    "reason.fail_limit": (
        "{label}: {value} does not meet {limit}",
        "{label}: {value} ei täytä rajaa {limit}",
    ),
    "reason.no_value": ("no value for {what}", "ei arvoa: {what}"),
    "reason.no_scored": (
        "no scored criterion has a value",
        "yhdelläkään pisteytettävällä kriteerillä ei ole arvoa",
    ),
    "reason.low_weight": (
        "the preferences with values carry less than half of the weight",
        "arvon saaneiden suositusten osuus painosta on alle puolet",
    ),
    "reason.below_conditional": (
        "score {score:g} is below {limit:g} (workbench policy)",
        "pisteet {score:g} jäävät alle rajan {limit:g} (työkalun käytäntö)",
    ),
    # -- conditions ---------------------------------------------------------------------
    "cond.verify": ("to be verified: {what}", "varmistettava: {what}"),
    "cond.borderline": ("{label}: borderline, {note}", "{label}: rajatapaus, {note}"),
    "cond.method": (
        "{label}: confirm with {methods} (value measured by {method})",
        "{label}: vahvista menetelmällä {methods} (arvo mitattu menetelmällä {method})",
    ),
    "cond.predicted": (
        "{label}: predicted ({method}); confirm on the product",
        "{label}: ennustettu ({method}); vahvista mittaamalla tuotteesta",
    ),
    "cond.partial_score": (
        "score from {known} of {total} preferences; measure {what} to confirm",
        "pisteet {known}/{total} suosituksesta; vahvista mittaamalla {what}",
    ),
    "cond.below_suitable": (
        "score {score:g} is below {limit:g} for 'suitable' (workbench policy)",
        "pisteet {score:g} jäävät alle rajan {limit:g}, jota ”soveltuu” edellyttää "
        "(työkalun käytäntö)",
    ),
    # -- verdict notes ------------------------------------------------------------------
    "note.partial_score": (
        "score from {known} of {total} scored criteria (others lack values)",
        "pisteet {known}/{total} pisteytettävästä kriteeristä (muilta puuttuu arvo)",
    ),
    "note.override": (
        "user route file replaces the built-in {route}",
        "käyttäjän reittitiedosto korvaa sisäänrakennetun reitin {route}",
    ),
    # -- criterion rows -----------------------------------------------------------------
    "row.needs_basis": ("{label} ({basis})", "{label} ({basis})"),
    "row.needs_method": ("{what} by {methods}", "{what} menetelmällä {methods}"),
    "row.no_method": (
        "method not stated (the limit expects {methods})",
        "menetelmää ei ole ilmoitettu (raja edellyttää menetelmää {methods})",
    ),
    "row.value_warning": (
        "the value has a warning: {warning}",
        "arvoon liittyy varoitus: {warning}",
    ),
    "row.method_mismatch": (
        "method mismatch: value by {method}, the limit expects {methods}",
        "menetelmä ei vastaa rajaa: arvo menetelmällä {method}, raja edellyttää "
        "menetelmää {methods}",
    ),
    "row.only_types": (
        "applies only to feedstock type {types}",
        "koskee vain raaka-ainetyyppiä {types}",
    ),
    "row.error": ("{label}: {error}", "{label}: {error}"),
    "row.needs_error": ("{what} ({error})", "{what} ({error})"),
    "row.on_product": (
        "{what}, measured on the product (to be tested)",
        "{what}, mitattuna tuotteesta (testattava)",
    ),
    "row.predict_inputs": (
        "{what} (test the product, or measure {inputs} to estimate it)",
        "{what} (testaa tuote tai mittaa {inputs} arviota varten)",
    ),
    "row.borderline_pass": (
        "the mean meets the limit, but the spread {lo:.4g} to {hi:.4g}{unit} crosses it",
        "keskiarvo täyttää rajan, mutta hajonta {lo:.4g}–{hi:.4g}{unit} ulottuu rajan yli",
    ),
    "row.borderline_fail": (
        "the mean does not meet the limit, but the spread {lo:.4g} to {hi:.4g}{unit} crosses it",
        "keskiarvo ei täytä rajaa, mutta hajonta {lo:.4g}–{hi:.4g}{unit} ulottuu rajan yli",
    ),
    "num": ("{x:{spec}}{unit}", "{x:{spec}}{unit}"),
    "margin.at_limit": ("0{unit} (at the limit)", "0{unit} (rajalla)"),
    "row.soft_over": (
        "the estimate {value} is over the limit {limit} if the element stayed in the char; "
        "it can leave with the gases: test the char",
        "arvio {value} ylittää rajan {limit}, jos alkuaine jäisi hiileen; se voi poistua "
        "kaasujen mukana: testaa hiili",
    ),
    "row.or_state": ("state {label}: {value}", "ilmoita {label}: {value}"),
    "row.needs_or": ("{what}, or {alt}", "{what} tai {alt}"),
    "row.not_applicable": (
        "does not apply to this sample (see its description)",
        "ei koske tätä näytettä (katso näytteen kuvaus)",
    ),
    "row.attribute_unknown": (
        "the stated value '{value}' is not one of the choices",
        "ilmoitettu arvo '{value}' ei ole mikään vaihtoehdoista",
    ),
    "row.acceptable": (
        "acceptable, outside the preferred range",
        "hyväksyttävä, suositusalueen ulkopuolella",
    ),
    "row.class": ("class {name}", "luokka {name}"),
    "row.no_class": ("outside all classes", "ei mihinkään luokkaan"),
    "row.attribute_missing": ("{label} of the sample", "näytteen tieto: {label}"),
    "row.method_complement": ("100 - {method}", "100 - {method}"),
    "row.method_plugin": ("plugin {plugin}", "liitännäinen {plugin}"),
    "row.method_tga": ("TGA (thermogravimetry)", "TGA (termogravimetria)"),
    "row.from_sample": ("sample", "näytteen tiedot"),
    "flag.method mismatch": ("method mismatch", "menetelmä ei vastaa"),
    "flag.predicted": ("predicted", "ennustettu"),
    "flag.warning": ("warning", "varoitus"),
    "flag.assumed": ("assumed char yield", "oletettu hiilisaanto"),
    "source.secondary": (
        "this limit was read in a secondary source, not in the standard's own text",
        "raja-arvo on luettu toissijaisesta lähteestä, ei standardin omasta tekstistä",
    ),
    "source.unchecked": (
        "this limit has not yet been checked against the standard's own text; confirm it "
        "before relying on the verdict",
        "raja-arvoa ei ole vielä tarkistettu standardin omasta tekstistä; varmista se ennen "
        "kuin luotat tulokseen",
    ),
    # -- conversions shown with a value ------------------------------------------------------
    "conv.unit": ("{value} = {result}", "{value} = {result}"),
    "conv.imported": (
        "{value} as the lab gave it = {result} (converted on import)",
        "{value} laboratorion ilmoittamana = {result} (muunnettu tuonnissa)",
    ),
    "conv.moisture_db": (
        "moisture {u} on dry basis = 100 x {u} / (100 + {u}) = {m} on wet basis",
        "kosteus {u} kuiva-aineesta = 100 x {u} / (100 + {u}) = {m} märkäpainosta",
    ),
    "conv.basis": (
        "{value} on {src} = {result} on {dst} (ISO 16993; {inputs})",
        "{value} ({src}) = {result} ({dst}) (ISO 16993; {inputs})",
    ),
    "conv.input": ("{what} {value}", "{what} {value}"),
    "conv.input_from": ("{input} from {source}", "{input}, lähde {source}"),
    "conv.input_given_db": (
        "{input} (given as {u} on dry basis)",
        "{input} (ilmoitettu {u} kuiva-aineesta)",
    ),
    "conv.derived": (
        "derived: {formula} from {inputs} = {result}",
        "johdettu: {formula}, lähtöarvot {inputs} = {result}",
    ),
    "conv.estimate_input": ("{label} {value} ({basis})", "{label} {value} ({basis})"),
    "conv.estimate": (
        "estimated: {formula}; with {inputs}: {result}",
        "arvioitu: {formula}; lähtöarvoilla {inputs}: {result}",
    ),
    "conv.assumption": ("assumption: {text}", "oletus: {text}"),
    # -- limits -------------------------------------------------------------------------
    "limit.compare": ("{comp} {limit:g}{unit}", "{comp} {limit:g}{unit}"),
    "limit.between": ("{lo:g} to {hi:g}{unit}", "{lo:g}–{hi:g}{unit}"),
    "limit.in": ("one of {values}", "jokin näistä: {values}"),
    "limit.not_in": ("none of {values}", "ei mikään näistä: {values}"),
    "limit.preferred": ("preferred {pref}", "suositus {pref}"),
    "limit.preferred_acceptable": (
        "preferred {pref}, acceptable {acc}",
        "suositus {pref}, hyväksyttävä {acc}",
    ),
    "limit.band": ("{name}: {band}", "{name}: {band}"),
    "limit.report": ("no limit (reported only)", "ei rajaa (vain raportoidaan)"),
    # -- value conversion errors --------------------------------------------------------
    "err.unit": (
        "the value is in {unit!r}, which cannot be converted to {target!r}",
        "arvon yksikköä {unit!r} ei voi muuntaa yksiköksi {target!r}",
    ),
    "err.no_unit": ("no unit", "ei yksikköä"),
    "err.not_usable": ("the value {value} is {warning}", "arvo {value} on {warning}"),
    "err.no_basis": (
        "the value has no basis stated; the limit is on {basis}",
        "arvon perustaa ei ole ilmoitettu; raja on ilmoitettu perustalla {basis}",
    ),
    "err.convert": (
        "it is on {src} and cannot be converted to {dst}: {detail}",
        "arvon perusta on {src}, eikä sitä voi muuntaa perustalle {dst}: {detail}",
    ),
    "err.convert_needs": (
        "it is on {src}; converting it to {dst} needs {needs}",
        "arvon perusta on {src}; muunnos perustalle {dst} vaatii: {needs}",
    ),
    "err.not_convertible": (
        "it is on {src} and this property is not converted to {dst}",
        "arvon perusta on {src}, eikä tätä ominaisuutta muunneta perustalle {dst}",
    ),
    "err.char_yield": ("char yield must be positive", "biohiilen saannon on oltava positiivinen"),
    "err.fc_ash": (
        "fixed carbon plus ash must be positive",
        "kiinteän hiilen ja tuhkan summan on oltava positiivinen",
    ),
    # -- pre-treatment suggestions ------------------------------------------------------
    "sug.dry": ("Dry to {t:.3g} % moisture", "Kuivaa {t:.3g} %:n kosteuteen"),
    "sug.dry_below": ("Dry to below {t:.3g} % moisture", "Kuivaa alle {t:.3g} %:n kosteuteen"),
    "sug.moisten": (
        "Moisten (or blend with wetter material) to {t:.3g} % moisture",
        "Kostuta (tai sekoita kosteampaan materiaaliin) {t:.3g} %:n kosteuteen",
    ),
    "sug.moisten_below": (
        "Moisten (or blend with wetter material) to below {t:.3g} % moisture",
        "Kostuta (tai sekoita kosteampaan materiaaliin) alle {t:.3g} %:n kosteuteen",
    ),
    "sug.moisture_detail": (
        "moisture {x:.3g} % -> {t:.3g} % (wet basis), for {label}",
        "kosteus {x:.3g} % -> {t:.3g} % (märkäpaino), kriteeri: {label}",
    ),
    "sug.debark": ("Debark (use stemwood without bark)", "Kuori (käytä runkopuuta ilman kuorta)"),
    "sug.debark_detail": (
        "ash {x:.3g} % db -> at most {ash_max:g} % db, the upper end of the range read for "
        "Pinus stemwood (Stolarski et al. 2022 [S101])",
        "tuhka {x:.3g} % kuiva-aineesta -> enintään {ash_max:g} % kuiva-aineesta, männyn "
        "runkopuun vaihteluvälin yläpää (Stolarski ym. 2022 [S101])",
    ),
    "sug.leach": (
        "Leach alkali and chlorine (washing, or delayed spring harvest)",
        "Huuhtele alkalit ja kloori pois (pesu tai viivästetty kevätkorjuu)",
    ),
    "sug.leach_detail": (
        "{label} {x:.3g} -> {t:.3g} {unit} (2-6x lower after leaching, Burvall 1997 [S113]; "
        "lower end used)",
        "{label} {x:.3g} -> {t:.3g} {unit} (huuhtelun jälkeen 2–6 kertaa pienempi, "
        "Burvall 1997 [S113]; käytetty pienintä vähennystä)",
    ),
    "sug.soil": (
        "Wash or screen off attached soil to {t:.3g} %",
        "Pese tai seulo kiinnittynyt maa-aines {t:.3g} %:iin",
    ),
    "sug.soil_detail": (
        "attached soil {x:.3g} % -> {t:.3g} % db",
        "kiinnittynyt maa-aines {x:.3g} % -> {t:.3g} % kuiva-aineesta",
    ),
    "sug.screen": ("Screen out fines", "Seulo hienoaines pois"),
    "sug.grind": ("Grind and screen to size", "Jauha ja seulo oikeaan kokoon"),
    "sug.size_detail": ("{label} {x:.3g} -> {t:.3g} {unit}", "{label} {x:.3g} -> {t:.3g} {unit}"),
    "sug.blend_greens": (
        "Blend with nitrogen-rich (greens) material to C/N {t:.3g}",
        "Sekoita typpipitoiseen (vihreään) materiaaliin, tavoite C/N {t:.3g}",
    ),
    "sug.blend_browns": (
        "Blend with carbon-rich (browns) material to C/N {t:.3g}",
        "Sekoita hiilipitoiseen (ruskeaan) materiaaliin, tavoite C/N {t:.3g}",
    ),
    "sug.cn_detail": (
        "C/N {x:.3g} -> {t:.3g} (Rynk et al. [S90])",
        "C/N {x:.3g} -> {t:.3g} (Rynk ym. [S90])",
    ),
}

# Words joining lists ("ISO 18122 or ISO 1171").
_JOIN_WORDS = {"or": (" or ", " tai "), "and": (" and ", " ja ")}

# Basis names (nominative in Finnish: they stand alone in parentheses and after "perustalla").
BASIS_NAMES: dict[str, tuple[str, str]] = {
    "ar": ("as-received basis", "saapumistila"),
    "ad": ("air-dried basis", "ilmakuiva"),
    "db": ("dry basis", "kuiva-aine"),
    "daf": ("dry ash-free basis", "kuiva tuhkaton"),
}
_NO_BASIS = ("no basis", "ei perustaa")

# Categorical values of sample attributes other than the feedstock type.
_VALUE_WORDS_FI = {
    "untreated": "käsittelemätön",
    "chemically_treated": "kemiallisesti käsitelty",
    "softwood": "havupuu",
    "hardwood": "lehtipuu",
    "mixed": "sekapuu",
    "non_wood": "muu kuin puu",
}

# The fixed messages of workbench.basis.BasisError, in Finnish (patterns for the f-strings).
_BASIS_ERRORS_FI: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), fi)
    for p, fi in [
        (
            r"^converting from as-received basis needs the as-received moisture$",
            "muunnos saapumistilasta vaatii saapumistilan kosteuden",
        ),
        (
            r"^converting from air-dried basis needs the analysis-sample moisture$",
            "muunnos ilmakuivasta vaatii analyysinäytteen kosteuden",
        ),
        (
            r"^converting from dry ash-free basis needs the ash on dry basis$",
            "muunnos kuivasta tuhkattomasta vaatii tuhkan kuiva-aineessa",
        ),
        (
            r"^converting to as-received basis needs the as-received moisture$",
            "muunnos saapumistilaan vaatii saapumistilan kosteuden",
        ),
        (
            r"^converting to air-dried basis needs the analysis-sample moisture$",
            "muunnos ilmakuivaan vaatii analyysinäytteen kosteuden",
        ),
        (
            r"^converting to dry ash-free basis needs the ash on dry basis$",
            "muunnos kuivaan tuhkattomaan vaatii tuhkan kuiva-aineessa",
        ),
        (
            r"^moisture is reported on wet basis and is not converted between bases$",
            "kosteus ilmoitetaan märkäpainona eikä sitä muunneta perustalta toiselle",
        ),
        (
            r"^net calorific value as received needs the ISO 18125 moisture correction$",
            "saapumistilan tehollinen lämpöarvo vaatii ISO 18125 -kosteuskorjauksen",
        ),
        (r"^basis (.+) is not a mass-fraction basis$", r"perusta \1 ei ole massaosuusperusta"),
        (
            r"^(.+) needs the ISO 16993 water correction for ar/ad bases$",
            r"\1 vaatii ISO 16993 -vesikorjauksen saapumistila- ja ilmakuivaperustoille",
        ),
    ]
]


class Text(str):
    """An English sentence (the ``str`` value) that can also render itself in Finnish.

    ``_fi`` is either the Finnish text, or ``(message id, fields)`` from which the
    Finnish text is rendered on first use (one attribute: sentences are made by the
    hundred thousand when many samples are classified).
    """

    _fi: str | tuple[str, dict[str, Any]]

    @property
    def fi(self) -> str:
        f = self._fi
        if not isinstance(f, str):
            f = self._fi = _FI_TEMPLATES[f[0]].format_map(_finnish_fields(f[1]))
        return f


_EN_TEMPLATES = {k: v[0] for k, v in MESSAGES.items()}
_FI_TEMPLATES = {k: v[1] for k, v in MESSAGES.items()}


def msg(key: str, **fields: Any) -> Text:
    """The message ``key`` with ``fields`` (English now, Finnish on demand)."""
    t = Text(_EN_TEMPLATES[key].format_map(fields))
    t._fi = (key, fields)
    return t


def pair(en: str, fi_text: str | None) -> Text:
    """A text whose two versions are given (route-file labels and notes); no Finnish ->
    the English one stands in."""
    t = Text(en)
    t._fi = fi_text if fi_text else en
    return t


def fi(text: Any) -> str:
    """The Finnish version of ``text`` (a plain ``str`` is returned unchanged)."""
    return text.fi if isinstance(text, Text) else str(text)


def in_lang(text: Any, lang: str) -> str:
    return fi(text) if lang == "fi" else str(text)


def join(parts: list[Any], sep: str = "; ") -> Text:
    """Parts joined with ``sep`` in each language (empty parts dropped)."""
    parts = [p for p in parts if p]
    if len(parts) == 1 and isinstance(parts[0], Text):
        return parts[0]
    return pair(sep.join(map(str, parts)), sep.join(fi(p) for p in parts))


def join_words(parts: list[Any], word: str) -> Text:
    """Parts joined with "or" / "and" ("tai" / "ja")."""
    en_sep, fi_sep = _JOIN_WORDS[word]
    return pair(en_sep.join(map(str, parts)), fi_sep.join(fi(p) for p in parts))


def basis_name(basis: str) -> Text:
    return pair(*BASIS_NAMES.get(basis, _NO_BASIS))


@lru_cache(maxsize=1024)
def value_word(value: str) -> Text:
    """A categorical value (feedstock type id, "untreated", ...) with its Finnish word."""
    from workbench.vocab import FEEDSTOCK_LABELS, FeedstockType

    try:
        word = FEEDSTOCK_LABELS[FeedstockType(value)][1].lower()
    except ValueError:
        word = _VALUE_WORDS_FI.get(value, value)
    return pair(value, word)


def basis_error(text: str) -> Text:
    """A ``BasisError`` message with its Finnish version (English if not known here)."""
    for pattern, fi_text in _BASIS_ERRORS_FI:
        if pattern.match(text):
            return pair(text, pattern.sub(fi_text, text))
    return pair(text, text)


def placeholders(template: str) -> set[tuple[str, str, str]]:
    """(field, conversion, format spec) of every placeholder of ``template`` (for tests)."""
    return {
        (name, conv or "", spec or "")
        for _lit, name, spec, conv in string.Formatter().parse(template)
        if name is not None
    }


class _FinnishFormatter(string.Formatter):
    """Fields that are ``Text`` render in Finnish; numbers get a decimal comma."""

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if isinstance(value, Text):
            value = value.fi
        return super().convert_field(value, conversion)

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Text):
            return format(value.fi, format_spec)
        return fi_number(value, format_spec)


_FI = _FinnishFormatter()


class _FiNumber:
    """A number that formats itself the Finnish way (``str.format_map`` calls it)."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __format__(self, spec: str) -> str:
        return fi_number(self.value, spec)

    def __str__(self) -> str:
        return fi_number(self.value)

    def __repr__(self) -> str:
        return repr(self.value)


def _finnish_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Message fields for the Finnish template: ``Text`` in Finnish, numbers with a
    decimal comma (the same result as ``_FinnishFormatter``, with the C formatter)."""
    out = {}
    for k, v in fields.items():
        if isinstance(v, Text):
            out[k] = v.fi
        elif (isinstance(v, float | int) and not isinstance(v, bool)) or (
            isinstance(v, numbers.Real) and not isinstance(v, bool)
        ):
            out[k] = _FiNumber(v)
        else:
            out[k] = v
    return out
