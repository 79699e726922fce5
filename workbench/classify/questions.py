"""The questions the product routes need answered, in plain words (Qt-free).

The self-assessment wizard asks a company about its side stream; what it asks comes from
the route files, so a route that starts testing a new property or sample fact is asked
about without touching the wizard. ``route_questions`` returns:

* **choice questions** for the categorical facts the routes test (chemical treatment,
  soil or stones attached, wood type): a yes/no (or a few choices) with what each answer
  means, and the controlled value each answer stores;
* **value questions** for every feedstock property a route decides or scores on (and the
  feedstock values product estimates are made from: fixed carbon for the char's carbon,
  the metals for the char's metals), grouped (moisture and ash, elements, metals, ash
  melting, fibres, wood chemistry, ...), each with its unit, the units a lab report may
  give instead, its usual basis in plain words, a one-line explanation of what it is and
  the routes that use it.

Texts are in English and Finnish (``en``/``fi`` pairs); the GUI picks the language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from workbench.classify.predictors import PREDICTORS, predictor_inputs
from workbench.classify.spec import RouteSpec
from workbench.classify.table import DERIVED
from workbench.units import common_units
from workbench.vocab import PROPERTIES, SAMPLE_ATTRIBUTES

Pair = tuple[str, str]  # (English, Finnish)


@dataclass(frozen=True)
class Choice:
    """One answer of a choice question and the controlled value it stores."""

    value: str  # the attribute value ("" = not known: nothing stored)
    text: Pair


@dataclass(frozen=True)
class Question:
    """One thing the routes need to know."""

    id: str  # the attribute or property id
    kind: str  # "choice" or "value"
    group: str
    label: Pair
    help: Pair
    choices: tuple[Choice, ...] = ()
    unit: str = ""
    units: tuple[str, ...] = ()
    basis: str = "none"
    routes: tuple[str, ...] = field(default=())  # route ids that use it
    only_if: tuple[tuple[str, tuple[str, ...]], ...] = ()  # ask only when these answers hold

    def text(self, pair: Pair, lang: str) -> str:
        return pair[1] if lang == "fi" else pair[0]


DONT_KNOW = Choice("", ("I don't know", "En tiedä"))

# -- the categorical facts ------------------------------------------------------------------
CHOICE_QUESTIONS: dict[str, tuple[Pair, Pair, tuple[Choice, ...]]] = {
    "chemical_treatment": (
        (
            "Has the material been chemically treated?",
            "Onko materiaalia käsitelty kemiallisesti?",
        ),
        (
            "Painted, glued, impregnated, coated, pressure-treated or otherwise treated with "
            "chemicals (as in used or demolition wood, plywood, MDF). Pellets, biochar and "
            "insulation take only untreated wood.",
            "Maalattu, liimattu, kyllästetty, pinnoitettu, painekyllästetty tai muuten "
            "kemikaaleilla käsitelty (kuten kierrätys- tai purkupuu, vaneri, MDF). Pelletit, "
            "biohiili ja eristeet hyväksyvät vain käsittelemätöntä puuta.",
        ),
        (
            Choice("untreated", ("No, it is untreated", "Ei, se on käsittelemätöntä")),
            Choice("chemically_treated", ("Yes, it is treated", "Kyllä, se on käsiteltyä")),
            DONT_KNOW,
        ),
    ),
    "attached_soil": (
        (
            "Is there soil, sand or stones attached to it?",
            "Onko siinä mukana maata, hiekkaa tai kiviä?",
        ),
        (
            "Material lifted from the ground (stumps, roots, roadside residues) often carries "
            "soil. For biochar, attached soil may be at most 10 % of the dry matter; a lab "
            "measures the share when there is some.",
            "Maasta nostetussa materiaalissa (kannot, juuret, tienvarsien jäte) on usein "
            "maata. Biohiilessä tarttunutta maata saa olla enintään 10 % kuiva-aineesta; "
            "laboratorio mittaa osuuden, jos sitä on.",
        ),
        (
            Choice("none", ("No, it is clean", "Ei, se on puhdasta")),
            Choice("present", ("Yes, there is some", "Kyllä, sitä on jonkin verran")),
            DONT_KNOW,
        ),
    ),
    "wood_type": (
        ("Is it softwood or hardwood?", "Onko se havupuuta vai lehtipuuta?"),
        (
            "Softwood: spruce, pine. Hardwood: birch, aspen, alder. Insulation prefers "
            "softwood, dissolving pulp hardwood.",
            "Havupuu: kuusi, mänty. Lehtipuu: koivu, haapa, leppä. Eristeet suosivat "
            "havupuuta, liukosellu lehtipuuta.",
        ),
        (
            Choice("softwood", ("Softwood", "Havupuuta")),
            Choice("hardwood", ("Hardwood", "Lehtipuuta")),
            Choice("mixed", ("Both", "Molempia")),
            Choice("non_wood", ("It is not wood", "Se ei ole puuta")),
            DONT_KNOW,
        ),
    ),
}

# -- the values, by group ---------------------------------------------------------------------
GROUPS: dict[str, Pair] = {
    "basics": ("Moisture and ash", "Kosteus ja tuhka"),
    "elements": ("Carbon, nitrogen, sulfur and chlorine", "Hiili, typpi, rikki ja kloori"),
    "metals": ("Heavy metals", "Raskasmetallit"),
    "ash_melting": ("Ash melting", "Tuhkan sulaminen"),
    "char": ("For a char (biochar)", "Hiiltä (biohiiltä) varten"),
    "fibres": ("Fibres and particles", "Kuidut ja partikkelit"),
    "chemistry": ("Wood chemistry", "Puun kemia"),
    "other": ("Other values", "Muut arvot"),
}

_METALS = ("arsenic", "cadmium", "chromium", "copper", "lead", "mercury", "nickel", "zinc")
_GROUP_OF = {
    "moisture": "basics",
    "ash": "basics",
    "carbon": "elements",
    "nitrogen": "elements",
    "sulfur": "elements",
    "chlorine": "elements",
    **dict.fromkeys(_METALS, "metals"),
    "ash_deformation_temperature": "ash_melting",
    "fixed_carbon": "char",
    "volatile_matter": "char",
    "char_yield": "char",
    "soil_content": "char",
    "fibre_length_lw": "fibres",
    "fines_length": "fibres",
    "median_particle_size": "fibres",
    "non_paper_components": "fibres",
    "cellulose": "chemistry",
    "lignin": "chemistry",
    "pentosans": "chemistry",
    "hemicellulose": "chemistry",
    "extractives": "chemistry",
}
_METAL_HELP = (
    "From a heavy-metal analysis of the dry material (ISO 16968), usually in mg/kg. Pellets "
    "have limits for each metal; for biochar the metals concentrate in the char.",
    "Kuiva-aineen raskasmetallianalyysistä (ISO 16968), yleensä mg/kg. Pelleteillä on raja "
    "jokaiselle metallille; biohiilessä metallit väkevöityvät hiileen.",
)
HELP: dict[str, Pair] = {
    "moisture": (
        "Water in the material as delivered, in % of its wet mass (ISO 18134).",
        "Vesi materiaalissa toimitettuna, % märkäpainosta (ISO 18134).",
    ),
    "ash": (
        "What is left after burning at 550 °C, in % of the dry material (ISO 18122).",
        "Mitä jää jäljelle poltossa 550 °C:ssa, % kuiva-aineesta (ISO 18122).",
    ),
    "carbon": (
        "Carbon of the dry material (elemental analysis).",
        "Kuiva-aineen hiili (alkuaineanalyysi).",
    ),
    "nitrogen": (
        "Nitrogen of the dry material (ISO 16948). Too much gives NOx when burnt.",
        "Kuiva-aineen typpi (ISO 16948). Liika typpi tuottaa poltossa typen oksideja.",
    ),
    "sulfur": ("Sulfur of the dry material (ISO 16994).", "Kuiva-aineen rikki (ISO 16994)."),
    "chlorine": (
        "Chlorine of the dry material (ISO 16994); corrodes boilers. Labs report it in % or mg/kg.",
        "Kuiva-aineen kloori (ISO 16994); syövyttää kattiloita. Laboratoriot ilmoittavat sen "
        "%:na tai mg/kg.",
    ),
    **{m: _METAL_HELP for m in _METALS},
    "ash_deformation_temperature": (
        "From an ash melting test (CEN/TS 15370-1 / ISO 21404): the temperature at which the "
        "ash starts to deform. Low values slag boilers.",
        "Tuhkan sulamiskokeesta (CEN/TS 15370-1 / ISO 21404): lämpötila, jossa tuhka alkaa "
        "muuttaa muotoaan. Matala arvo kuonaannuttaa kattiloita.",
    ),
    "fixed_carbon": (
        "Fixed carbon from a proximate analysis, % of the dry material: estimates the char's "
        "carbon.",
        "Kiinteä hiili välittömästä analyysistä, % kuiva-aineesta: arvio hiilen "
        "hiilipitoisuudesta.",
    ),
    "char_yield": (
        "The char left by a pyrolysis test, % of the dry feedstock.",
        "Koepyrolyysissä jäävä hiili, % kuivasta raaka-aineesta.",
    ),
    "soil_content": (
        "The share of attached soil, % of the dry matter (asked because soil is attached).",
        "Tarttuneen maan osuus, % kuiva-aineesta (kysytään, koska maata on mukana).",
    ),
    "fibre_length_lw": (
        "Length-weighted fibre length (Lw) from a fibre analyser.",
        "Pituuspainotettu kuidunpituus (Lw) kuituanalysaattorista.",
    ),
    "median_particle_size": (
        "Median particle size (d50) of the ground material.",
        "Jauhetun materiaalin partikkelikoon mediaani (d50).",
    ),
    "non_paper_components": (
        "Plastics, metals and other non-paper material in recovered paper, % (EN 643).",
        "Muovit, metallit ja muu kuin paperiaines keräyspaperissa, % (EN 643).",
    ),
    "lignin": ("Lignin of the dry material.", "Kuiva-aineen ligniini."),
    "cellulose": ("Cellulose of the dry material.", "Kuiva-aineen selluloosa."),
    "pentosans": (
        "Pentosans (mainly xylan) of the dry material; hardwoods have more.",
        "Kuiva-aineen pentosaanit (pääosin ksylaania); lehtipuissa niitä on enemmän.",
    ),
}


# the units a lab report gives for each group (those a property cannot take are dropped)
UNITS_BY_GROUP = {
    "basics": ("%", "g/kg"),
    "elements": ("%", "g/kg", "mg/kg", "ppm"),
    "metals": ("mg/kg", "ppm", "g/kg"),
    "char": ("%", "g/kg"),
    "chemistry": ("%", "g/kg"),
    "fibres": ("mm", "µm", "%"),
}


def _units(pid: str, group: str) -> tuple[str, ...]:
    offered = common_units(pid)
    wanted = UNITS_BY_GROUP.get(group)
    if not offered or wanted is None:
        return tuple(offered)
    own = offered[0]
    return (own, *(u for u in wanted if u in offered and u != own))


def _route_properties(route: RouteSpec) -> dict[str, tuple]:
    """Feedstock properties a route decides or scores on, and estimate inputs:
    property -> (basis, only_if)."""
    out: dict[str, tuple] = {}
    for c in route.criteria:
        if c.kind == "informative" or c.property in SAMPLE_ATTRIBUTES:
            continue
        if c.applies_to == "feedstock":
            if c.property in DERIVED:  # asked through its inputs (C and N for C/N)
                for pid in DERIVED[c.property][0]:
                    out.setdefault(pid, ("ar" if pid == "moisture" else "db", ()))
            else:
                out.setdefault(c.property, (c.basis, c.only_if))
            continue
        pred = PREDICTORS.get(c.predictor)
        if pred is not None and pred.func is not None:
            for inp in predictor_inputs(pred, c.property):
                if not inp.optional:
                    out.setdefault(inp.property, (inp.basis, ()))
    return out


def route_questions(routes: Iterable[RouteSpec]) -> list[Question]:
    """Every question the ``routes`` need, choice questions first, values by group."""
    routes = list(routes)
    attr_routes: dict[str, list[str]] = {}
    prop_routes: dict[str, list[str]] = {}
    prop_info: dict[str, tuple] = {}
    for route in routes:
        for c in route.criteria:
            if c.property in SAMPLE_ATTRIBUTES and c.kind != "informative":
                attr_routes.setdefault(c.property, []).append(route.id)
            for attr, _vals in c.only_if:
                attr_routes.setdefault(attr, []).append(route.id)
        for pid, info in _route_properties(route).items():
            prop_routes.setdefault(pid, []).append(route.id)
            prop_info.setdefault(pid, info)
    out: list[Question] = []
    for attr, (label, help_text, choices) in CHOICE_QUESTIONS.items():
        if attr in attr_routes:
            out.append(
                Question(
                    attr,
                    "choice",
                    "about",
                    label,
                    help_text,
                    choices=choices,
                    routes=tuple(dict.fromkeys(attr_routes[attr])),
                )
            )
    order = list(GROUPS)
    values = []
    for pid, route_ids in prop_routes.items():
        pdef = PROPERTIES[pid]
        basis, only_if = prop_info[pid]
        group = _GROUP_OF.get(pid, "other")
        values.append(
            Question(
                pid,
                "value",
                group,
                (pdef.label_en, pdef.label_fi),
                HELP.get(pid, ("", "")),
                unit=pdef.unit,
                units=_units(pid, group),
                basis=basis if pdef.mass_fraction else "none",
                routes=tuple(dict.fromkeys(route_ids)),
                only_if=only_if,
            )
        )
    values.sort(
        key=lambda q: (
            order.index(q.group),
            list(_GROUP_OF).index(q.id) if q.id in _GROUP_OF else 99,
        )
    )
    return out + values


def choice_value(question: Question, index: int) -> str:
    """The controlled value stored for answer ``index`` ("" when not known)."""
    return question.choices[index].value


def _value_question(pid: str, basis: str, group: str = "other") -> Question:
    pdef = PROPERTIES[pid]
    group = _GROUP_OF.get(pid, group)
    return Question(
        pid,
        "value",
        group,
        (pdef.label_en, pdef.label_fi),
        HELP.get(pid, ("", "")),
        unit=pdef.unit,
        units=_units(pid, group),
        basis=basis if pdef.mass_fraction else "none",
    )


HELP.update(
    {
        "volatile_matter": (
            "Volatile matter from a proximate analysis, % of the dry material (ISO 18123).",
            "Haihtuvat aineet välittömästä analyysistä, % kuiva-aineesta (ISO 18123).",
        ),
        "hydrogen": (
            "Hydrogen of the dry material (elemental analysis).",
            "Kuiva-aineen vety (alkuaineanalyysi).",
        ),
        "net_calorific_value": (
            "The heat burning gives, water vapour not condensed (ISO 18125); a lab report "
            "usually gives it as received and on dry basis.",
            "Poltossa vapautuva lämpö, vesihöyry tiivistymättä (ISO 18125); laboratorio "
            "ilmoittaa sen yleensä saapumistilassa ja kuiva-aineessa.",
        ),
        "bulk_density": (
            "Mass of a loose heap per volume, as delivered (ISO 17828).",
            "Irtokasan massa tilavuutta kohti toimitettuna (ISO 17828).",
        ),
    }
)

# values worth typing even when no route decides on them today (the estimates and the
# company report use them)
EXTRA_VALUES: list[Question] = [
    _value_question("volatile_matter", "db"),
    _value_question("hydrogen", "db", "elements"),
    _value_question("net_calorific_value", "ar"),
    _value_question("bulk_density", "ar"),
]
