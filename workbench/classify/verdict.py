"""The explainable result of classifying one sample against one route.

A ``Verdict`` holds the overall answer (suitable / conditionally suitable / not
suitable / not enough data), the score, one ``CriterionRow`` per criterion (the value
used with its basis, origin and source id, the limit, pass/fail and the margin), the
measurements that would decide a "not enough data" verdict, the conditions behind a
"conditionally suitable" verdict, and pre-treatment suggestions. ``to_json`` gives the
stable JSON used by the CLI, reports and the GUI.

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

SUITABLE = "suitable"
CONDITIONAL = "conditionally suitable"
NOT_SUITABLE = "not suitable"
NOT_ENOUGH_DATA = "not enough data"
VERDICTS = (SUITABLE, CONDITIONAL, NOT_SUITABLE, NOT_ENOUGH_DATA)
# How bad a verdict is, for combining rules and ranking suggestions (higher is worse).
SEVERITY = {SUITABLE: 0, CONDITIONAL: 1, NOT_ENOUGH_DATA: 2, NOT_SUITABLE: 3}


def _round(v):
    """Floats to 10 significant digits in JSON (drops conversion noise such as 0.19999999999)."""
    return float(f"{v:.10g}") if isinstance(v, float) else v


@dataclass(slots=True)
class CriterionRow:
    """One criterion as evaluated for one sample."""

    id: str
    property: str
    label: str
    kind: str
    comparator: str
    limit: Any
    limit_text: str
    unit: str
    basis: str
    source: str
    reliability: str
    applies_to: str = "feedstock"
    value: float | str | None = None
    origin: str = ""
    source_id: str = ""
    method: str = ""
    result: str = "unknown"
    margin: float | None = None
    points: float | None = None  # 0..1 for scored criteria with a value
    weight: float = 0.0
    spread: tuple[float, float] | None = None
    gap: bool = False
    flags: list[str] = field(default_factory=list)  # "method mismatch", "predicted", ...
    note: str = ""
    missing: str = ""  # what would decide an unknown row

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "property": self.property,
            "label": self.label,
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
        }
        if self.spread is not None:
            d["spread"] = [_round(v) for v in self.spread]
        if self.points is not None:
            d["points"] = round(self.points, 4)
            d["weight"] = self.weight
        if self.flags:
            d["flags"] = list(self.flags)
        if self.gap:
            d["gap"] = True
        if self.missing:
            d["missing"] = self.missing
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
            "criteria": [r.to_json() for r in self.criteria],
            "missing": list(self.missing),
            "conditions": list(self.conditions),
            "suggestions": [s.to_json() for s in self.suggestions],
            "notes": list(self.notes),
        }
