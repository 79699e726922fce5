"""The explainable result of classifying one sample against one route.

A ``Verdict`` holds the overall answer (suitable / conditionally suitable / not
suitable / not enough data), the score, one ``CriterionRow`` per criterion (the value
used with its basis, origin and source id, the limit, pass/fail and the margin), the
measurements that would decide a "not enough data" verdict, the conditions behind a
"conditionally suitable" verdict, and pre-treatment suggestions. ``to_json`` gives the
stable JSON used by the CLI, reports and the GUI.

Texts in two languages: every sentence field of the JSON (``reasons``, ``missing``,
``conditions``, ``notes``; a row's ``note``, ``limit_text``, ``method``, ``flags``,
``missing``; a suggestion's ``action`` and ``detail``) is English, and has a twin with
the suffix ``_fi`` holding the Finnish version from ``texts.py`` (the Finnish GUI and
report use those).

Row results:

* ``pass`` / ``fail``: the value is on the passing / failing side of the limit;
* ``borderline``: the replicate spread or stated uncertainty crosses the limit;
* ``unknown``: no usable value (missing, or not convertible to the limit's basis/unit);
* ``info``: informative criterion with no limit (value reported only, or a GAP);
* ``n/a``: the criterion applies only to other feedstock types.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workbench.classify.texts import fi, msg, value_word

SUITABLE = "suitable"
CONDITIONAL = "conditionally suitable"
NOT_SUITABLE = "not suitable"
NOT_ENOUGH_DATA = "not enough data"
VERDICTS = (SUITABLE, CONDITIONAL, NOT_SUITABLE, NOT_ENOUGH_DATA)
# How bad a verdict is, for combining rules and ranking suggestions (higher is worse).
SEVERITY = {SUITABLE: 0, CONDITIONAL: 1, NOT_ENOUGH_DATA: 2, NOT_SUITABLE: 3}


def margin_text(margin: float, unit: str):
    """The margin with its unit, signed ("+0.1 %", "-2 mg/kg"), in both languages."""
    from workbench.classify.table import unit_label

    unit = unit_label(unit)
    if margin == 0:
        return msg("margin.at_limit", unit=f" {unit}" if unit else "")
    return msg("num", x=margin, spec="+.4g", unit=f" {unit}" if unit else "")


def _round(v):
    """Floats to 10 significant digits in JSON (drops conversion noise such as 0.19999999999)."""
    return float(f"{v:.10g}") if isinstance(v, float) else v


_attr = property  # the row has an attribute named "property"


class CriterionRow:
    """One criterion as evaluated for one sample.

    The static parts (id, property, label, kind, limit, source, ...) are read from the
    criterion (``spec``) and its precomputed texts (``static``) rather than copied, and
    the row uses ``__slots__``: classifying thousands of samples makes millions of rows,
    so each must be cheap to create and small (about 120 bytes).
    """

    __slots__ = (
        "conversions",
        "flags",
        "margin",
        "measured",
        "method",
        "missing",
        "note",
        "origin",
        "points",
        "result",
        "source_id",
        "spec",
        "spread",
        "static",
        "value",
    )

    def __init__(self, spec: Any, static: dict[str, Any], note: str = "") -> None:
        self.spec = spec  # the Criterion
        self.static = static
        self.value: float | str | None = None
        self.origin = ""
        self.source_id = ""
        self.method = ""
        self.result = "unknown"
        self.margin: float | None = None
        self.points: float | None = None  # 0..1 for scored criteria with a value
        self.spread: tuple[float, float] | None = None
        self.flags: tuple[str, ...] = ()  # "method mismatch", "predicted", ...
        self.note = note
        self.missing = ""  # what would decide an unknown row
        self.measured: dict[str, Any] | None = None  # the value as the lab gave it
        self.conversions: list[str] = []  # each conversion applied, with its inputs

    def add_flag(self, flag: str) -> None:
        self.flags = (*self.flags, flag)

    id = _attr(lambda self: self.spec.id)
    kind = _attr(lambda self: self.spec.kind)
    comparator = _attr(lambda self: self.spec.comparator)
    unit = _attr(lambda self: self.spec.unit)
    basis = _attr(lambda self: self.spec.basis)
    source = _attr(lambda self: self.spec.source)
    reliability = _attr(lambda self: self.spec.reliability)
    applies_to = _attr(lambda self: self.spec.applies_to)
    gap = _attr(lambda self: self.spec.gap)
    label = _attr(lambda self: self.static["label"])
    limit = _attr(lambda self: self.static["limit"])
    limit_text = _attr(lambda self: self.static["limit_text"])
    weight = _attr(lambda self: self.spec.weight if self.spec.kind == "scored" else 0.0)
    property = _attr(lambda self: self.spec.property)

    def __repr__(self) -> str:
        return f"CriterionRow({self.id!r}, value={self.value!r}, result={self.result!r})"

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "property": self.property,
            "label": self.label,
            "label_fi": self.static.get("label_fi", self.label),
            "value": _round(self.value),
            "unit": self.unit,
            "basis": self.basis,
            "origin": self.origin,
            "from": self.source_id,
            "method": self.method,
            "limit": self.limit,
            "limit_text": self.limit_text,
            "comparator": self.comparator,
            "kind": self.kind,
            "applies_to": self.applies_to,
            "result": self.result,
            "margin": _round(self.margin),
            "source": self.source,
            "reliability": self.reliability,
            "note": self.note,
            "from_fi": fi(self.source_id),
            "note_fi": fi(self.note),
            "limit_text_fi": fi(self.limit_text),
            "method_fi": fi(self.method),
        }
        if isinstance(self.value, str):
            d["value_fi"] = value_word(self.value).fi
        if self.spread is not None:
            d["spread"] = [_round(v) for v in self.spread]
        if self.points is not None:
            d["points"] = round(self.points, 4)
            d["weight"] = self.weight
        if self.flags:
            d["flags"] = list(self.flags)
            d["flags_fi"] = [msg("flag." + f).fi for f in self.flags]
        if self.gap:
            d["gap"] = True
        if self.missing:
            d["missing"] = self.missing
            d["missing_fi"] = fi(self.missing)
        if self.measured is not None:
            d["measured"] = self.measured
        if self.conversions:
            d["conversions"] = [str(t) for t in self.conversions]
            d["conversions_fi"] = [fi(t) for t in self.conversions]
        if self.margin is not None:
            mt = margin_text(self.margin, self.unit)
            d["margin_text"], d["margin_text_fi"] = str(mt), fi(mt)
        d["source_type"] = self.spec.source_type
        if self.spec.source_type != "primary":
            note = msg("source." + self.spec.source_type)
            d["source_note"] = str(note)
            d["source_note_fi"] = note.fi
        return d


@dataclass(slots=True)
class Suggestion:
    """A pre-treatment that would change the verdict, with the verdict that would follow."""

    action: str
    detail: str
    new_verdict: str
    new_score: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "new_verdict": self.new_verdict,
            "new_score": self.new_score,
            "detail": self.detail,
            "action_fi": fi(self.action),
            "detail_fi": fi(self.detail),
        }


@dataclass(slots=True)
class Verdict:
    """The classification of one sample against one route."""

    sample: str
    sample_id: str
    route: str
    route_name_en: str
    route_name_fi: str
    route_version: str
    route_file: str
    verdict: str
    score: float | None
    criteria: list[CriterionRow]
    reasons: list[str] = field(default_factory=list)  # the rows that decided the verdict
    missing: list[str] = field(default_factory=list)
    conditions: list[str] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def row(self, criterion_id: str) -> CriterionRow:
        for r in self.criteria:
            if r.id == criterion_id:
                return r
        raise KeyError(criterion_id)

    def to_json(self) -> dict[str, Any]:
        return {
            "sample": self.sample,
            "sample_id": self.sample_id,
            "route": self.route,
            "route_name_en": self.route_name_en,
            "route_name_fi": self.route_name_fi,
            "route_version": self.route_version,
            "route_file": self.route_file,
            "verdict": self.verdict,
            "score": self.score,
            "reasons": list(self.reasons),
            "reasons_fi": [fi(t) for t in self.reasons],
            "criteria": [r.to_json() for r in self.criteria],
            "missing": list(self.missing),
            "missing_fi": [fi(t) for t in self.missing],
            "conditions": list(self.conditions),
            "conditions_fi": [fi(t) for t in self.conditions],
            "suggestions": [s.to_json() for s in self.suggestions],
            "notes": list(self.notes),
            "notes_fi": [fi(t) for t in self.notes],
        }
