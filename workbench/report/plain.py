"""A verdict in plain words, in English or Finnish (Qt-free): the company's sentences.

The self-assessment wizard, simple mode and the report all read a verdict the same way:
short sentences without jargon ("Too much ash (at most 0.7 %, yours 2.1 %).") built from
the verdict JSON of the engine (``Verdict.to_json()``). The report is written headless
(CLI, packaged self-test), so these texts cannot live in Qt's catalogue; ``PLAIN`` holds
both languages, with the same ``%1``.. placeholders (tested).

Numbers follow the language (decimal comma in Finnish) and are joined to their unit and
comparator with no-break spaces, so a value is never split across lines in the report.
"""

from __future__ import annotations

import re
from typing import Any

from workbench.classify.texts import value_word
from workbench.messages import fi_number
from workbench.vocab import FEEDSTOCK_LABELS, FeedstockType

NBSP = "\u00a0"

PLAIN: dict[str, tuple[str, str]] = {
    "need_value": ("We need a value for “%1” to decide.", "Tarvitaan arvo: ”%1”."),
    "to_test": (
        "“%1” is tested on the product made from your material.",
        "”%1” testataan materiaalistasi valmistetusta tuotteesta.",
    ),
    "other_method": (
        "“%1” was measured by another method than the limit uses (%3): confirm it with the standard method.",
        "”%1” on mitattu eri menetelmällä kuin raja edellyttää (%3): vahvista se standardin menetelmällä.",
    ),
    "estimated": (
        "“%1” is estimated from your material (%4): confirm it on the product.",
        "”%1” on arvioitu materiaalistasi (%4): vahvista se tuotteesta.",
    ),
    "close": (
        "“%1” is close to the limit (%3, yours %4).",
        "”%1” on lähellä rajaa (%3, sinun %4).",
    ),
    "too_much": ("Too much %1 (%3, yours %4).", "%1 on liian suuri (%3, sinun %4)."),
    "too_little": ("Too little %1 (%3, yours %4).", "%1 on liian pieni (%3, sinun %4)."),
    "needs": ("%1: needs %3; yours is %4.", "%1: edellyttää: %3; sinun: %4."),
    "excluded": ("%1: %4 is not accepted.", "%1: %4 ei käy."),
    "outside": ("%1 is outside the range (%3, yours %4).", "%1 on sallitun alueen ulkopuolella (%3, sinun %4)."),
    "meets_all": (
        "Meets every limit we checked (%1 checks).",
        "Täyttää kaikki tarkistamamme rajat (%1 tarkistusta).",
    ),
    "more": ("…and %1 more points to check.", "…ja %1 muuta tarkistettavaa kohtaa."),
    "tip": ("Tip: %1. Then the answer would be: %2.", "Vinkki: %1. Silloin vastaus olisi: %2."),
    "or": (" or ", " tai "),
    "none_of": ("none of: %1", "ei mikään näistä: %1"),
    "at_most": ("at most %1", "enintään %1"),
    "below": ("below %1", "alle %1"),
    "at_least": ("at least %1", "vähintään %1"),
    "above": ("above %1", "yli %1"),
    "between": ("%1 to %2", "%1–%2"),
    # verdict phrases
    "suitable": ("suitable", "soveltuu"),
    "conditionally suitable": ("conditionally suitable", "soveltuu ehdoin"),
    "not suitable": ("not suitable", "ei sovellu"),
    "not enough data": ("not enough data", "tiedot eivät riitä"),
}  # fmt: skip

COMPARATOR_WORDS = {"<=": "at_most", "<": "below", ">=": "at_least", ">": "above"}


def say(key: str, lang: str, *args: Any) -> str:
    """The plain text ``key`` in ``lang`` with ``%1``, ``%2``, ... filled in."""
    en, fi = PLAIN[key]
    text = fi if lang == "fi" else en
    for n in range(len(args), 0, -1):  # %10 before %1
        text = text.replace(f"%{n}", str(args[n - 1]))
    return text


def loc(d: dict[str, Any], key: str, lang: str, default: Any = "") -> Any:
    """The engine's text ``d[key]`` in ``lang``: its ``key_fi`` twin in Finnish."""
    if lang == "fi" and d.get(f"{key}_fi") is not None:
        return d[f"{key}_fi"]
    value = d.get(key)
    return default if value is None else value


def number(value: Any, lang: str = "en", ref: Any = None) -> str:
    """A number for prose: three significant digits (whole numbers from 1000 on), more
    when needed to tell it from ``ref`` (a value just over a limit never reads as the
    limit itself)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "" if value is None else str(value)
    spec = ".3g" if abs(value) < 1000 else ".0f"
    if isinstance(ref, int | float) and not isinstance(ref, bool) and value != ref:
        digits = 3
        while digits < 12 and format(float(value), spec) == format(float(ref), spec):
            digits += 1
            spec = f".{digits}g"
    return fi_number(float(value), spec) if lang == "fi" else format(float(value), spec)


_UNIT_AFTER = re.compile(r"(\d)[ ](%|°|MJ|mg|kg|g/|mm|µm|cm|kWh|GJ|ppm|t\b|m³|m\b)")
_NUMBER_AFTER = re.compile(r"(->|-&gt;|→|<=|>=|&lt;=|&gt;=|&lt;|&gt;|[<>≤≥=/–]) (?=[-+]?\d)")


def keep_numbers(text: str) -> str:
    """``text`` with no-break spaces where a line break would part a number from its
    unit ("45 %") or from the sign before it ("≤ 0.7", "-> 50"); for engine sentences."""
    text = _UNIT_AFTER.sub(lambda m: m.group(1) + NBSP + m.group(2), text)
    return _NUMBER_AFTER.sub(lambda m: m.group(1) + NBSP, text)


def with_unit(value: str, unit: str) -> str:
    """``value`` and ``unit`` that never part at a line end."""
    return f"{value}{NBSP}{unit}" if unit else value


def route_name(v: dict[str, Any], lang: str) -> str:
    name = v.get(f"route_name_{lang}") or v.get("route_name_en") or v.get("route_name")
    return str(name or v.get("route", ""))


def criterion_label(row: dict[str, Any], lang: str) -> str:
    return str(loc(row, "label", lang) or row.get("property", ""))


def verdict_phrase(verdict: str, lang: str) -> str:
    return say(verdict, lang) if verdict in PLAIN else verdict


def category_word(prop: str, value: Any, lang: str) -> str:
    """A category value in words: a feedstock type by its label, others by their word."""
    text = str(value)
    if prop == "feedstock_type":
        try:
            en, fi = FEEDSTOCK_LABELS[FeedstockType(text)]
            return (fi if lang == "fi" else en).lower()
        except ValueError:
            pass
    word = value_word(text)
    return word.fi if lang == "fi" else text.replace("_", " ")


def value_text(row: dict[str, Any], lang: str) -> str:
    """The row's value with its unit (a category value in words); "—" when missing."""
    value = row.get("value")
    if value is None:
        return "—"
    if isinstance(value, str):
        return category_word(str(row.get("property", "")), value, lang)
    limit = row.get("limit")
    return with_unit(number(value, lang, limit), str(row.get("unit") or ""))


def limit_text(row: dict[str, Any], lang: str) -> str:
    """The limit as the standard writes it, in words: "at most 0.7 %", "between 20 and 30"."""
    limit = row.get("limit")
    unit = str(row.get("unit") or "")
    comparator = str(row.get("comparator") or "")
    if isinstance(limit, int | float) and not isinstance(limit, bool):
        words = COMPARATOR_WORDS.get(comparator)
        amount = with_unit(number(limit, lang), unit)
        return say(words, lang, "\0").replace(" \0", NBSP + amount) if words else amount
    if (
        isinstance(limit, list | tuple)
        and len(limit) == 2
        and all(isinstance(x, int | float) for x in limit)
        and comparator == "between"
    ):
        low, high = (number(x, lang) for x in limit)
        return with_unit(say("between", lang, low, high).replace(" ", NBSP), unit)
    if isinstance(limit, list) and limit and comparator in ("in", "not_in"):
        words = [category_word(str(row.get("property", "")), x, lang) for x in limit]
        if comparator == "not_in":  # the values excluded, not the ones wanted
            return say("none_of", lang, ", ".join(words))
        return say("or", lang).join(words)
    return str(loc(row, "limit_text", lang))


def plain_sentence(row: dict[str, Any], lang: str) -> str:
    """One plain sentence for a failing, borderline or unknown criterion."""
    label = criterion_label(row, lang)
    comp = row.get("comparator")
    result = row.get("result")
    flags = row.get("flags") or ()
    if result == "unknown":
        to_test = row.get("applies_to") == "product"
        return say("to_test" if to_test else "need_value", lang, label)
    value = value_text(row, lang)
    if result == "pass" and "method mismatch" in flags:
        return say("other_method", lang, label, "", str(loc(row, "method", lang)))
    if result == "pass" and "predicted" in flags:
        return say("estimated", lang, label, "", "", value)
    limit = limit_text(row, lang)
    if result == "borderline":
        return say("close", lang, label, "", limit, value)
    if comp in ("<", "<="):
        key = "too_much"
    elif comp in (">", ">="):
        key = "too_little"
    elif comp in ("in", "classify"):
        key = "needs"
    elif comp == "not_in":
        key = "excluded"
    else:
        key = "outside"
    first = _lower_first(label) if key in ("too_much", "too_little") and lang == "en" else label
    return say(key, lang, first, "", limit, value)


def _lower_first(text: str) -> str:
    """ "Ash" -> "ash", keeping symbols such as "(Cl)" and abbreviations as written."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _concern(row: dict[str, Any]) -> str:
    """What a row asks of the reader: its result, or "condition" for a value that passes
    only on another method or an estimate (the verdict is conditional because of it)."""
    result = str(row.get("result"))
    flags = row.get("flags") or ()
    if result == "pass" and ({"method mismatch", "predicted"} & set(flags)):
        return "condition"
    return result


def plain_reasons(v: dict[str, Any], lang: str = "en", limit: int = 4, tips: int = 2) -> list[str]:
    """Short plain-language reasons behind a verdict (hard limits first), then tips."""
    rows = v.get("criteria", [])
    order = {"fail": 0, "borderline": 1, "condition": 2, "unknown": 3}
    picked = [r for r in rows if r.get("kind") == "hard" and _concern(r) in order]
    if not picked:
        picked = [r for r in rows if r.get("kind") == "scored" and r.get("result") == "fail"]
    if v.get("verdict") == "suitable" and not picked:
        passed = [r for r in rows if r.get("result") == "pass" and r.get("kind") == "hard"]
        return [say("meets_all", lang, len(passed))]
    picked.sort(key=lambda r: order.get(_concern(r), 4))
    out = [plain_sentence(r, lang) for r in picked[:limit]]
    if not picked:  # preference-scored routes: say which measurements are missing
        missing = [str(m) for m in loc(v, "missing", lang, [])][:limit]
        out = [say("need_value", lang, m) for m in missing]
        if not out:
            out = [str(r) for r in loc(v, "reasons", lang, [])[:limit]]
    if len(picked) > limit:
        out.append(say("more", lang, len(picked) - limit))
    useful = [  # a tip that leaves the answer where it is says nothing
        s
        for s in v.get("suggestions", [])
        if s.get("new_verdict") not in (v.get("verdict"), "not enough data")
    ]
    for s in useful[:tips]:
        what = str(loc(s, "detail", lang) or loc(s, "action", lang))
        out.append(say("tip", lang, what, verdict_phrase(str(s.get("new_verdict")), lang)))
    return out
