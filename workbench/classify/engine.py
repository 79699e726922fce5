"""The classification engine: samples x routes -> explainable verdicts (Qt-free).

Public API::

    classify_bulk(samples, routes) -> Classification    # all verdicts, arrays, no rows
    Classification.verdict(i, r), .score(i, r), .summary(i, r), .explain(i, r)
    classify_sample(sample, routes, *, suggestions=True) -> list[Verdict]
    classify_samples(samples, routes, ...) -> list[Verdict]   # explained, sample by sample
    classify_project(project, routes=None, *, route_id=None) -> list[Verdict]

Every criterion is evaluated for all samples at once (``evaluate.py`` over a
``ValueTable``), then each route's verdict is reached with array operations; explanation
rows and pre-treatment suggestions are built only for the cells asked for.

How a verdict is reached from the criterion results:

1. any hard criterion ``fail``                                  -> not suitable;
2. else any hard criterion on a *feedstock* property ``unknown`` -> not enough data, and
   ``missing`` names the measurement (or the conversion input) that would decide it;
3. else any hard criterion ``borderline``, passing only on a value from a method the
   criterion does not accept, passing only on a *predicted* value, or a *product*
   property not yet measured ("to be tested")                    -> conditionally
   suitable, with each condition listed;
4. else                                                          -> suitable.

Steps 2 and 3 are the missing-data policy of the route README: what decides is whether
the value is a property of the feedstock (measurable now: without it nothing can be
said) or of the product made from it (tested once the product is made) - the same rule
for N, S, Cl and every metal of one standard.

The score (0-100) is the weighted mean of the points of the scored criteria that have a
value (a preferred range gives 1 inside, a linear ramp to 0 at the edge of the
acceptable range). Routes without hard limits (compost, chemicals, ...) carry
``[score_thresholds]`` in their file: a workbench policy, stated as such, that maps the
score to a verdict; the worse of the two verdicts wins. For those routes a score resting
on less than half of the preference weight is "not enough data", and a "suitable" score
with some preferences unmeasured becomes "conditionally suitable". A score is reported
only where it means something: never with "not enough data", nor for a route failed
by a hard limit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from workbench.classify.evaluate import (
    BORDERLINE,
    FAIL,
    NA,
    PASS,
    UNKNOWN,
    CritEval,
    evaluate,
    static,
)
from workbench.classify.explain import fail_text, missing_text, row, row_conditions
from workbench.classify.spec import RouteSpec
from workbench.classify.table import ValueTable
from workbench.classify.texts import Text, fi, join, msg
from workbench.classify.verdict import (
    CONDITIONAL,
    NOT_ENOUGH_DATA,
    NOT_SUITABLE,
    SEVERITY,
    SUITABLE,
    Verdict,
)
from workbench.model import Project, Sample
from workbench.progress import Progress

# verdict codes are the severities
BY_CODE = {SEVERITY[v]: v for v in (SUITABLE, CONDITIONAL, NOT_ENOUGH_DATA, NOT_SUITABLE)}
_NO_SCORED = msg("reason.no_scored")
_LOW_WEIGHT = msg("reason.low_weight")


@lru_cache(maxsize=256)
def _partial_score_note(known: int, total: int) -> Text:
    return msg("note.partial_score", known=known, total=total)


_NO_VALUE: dict[int, tuple[Text, Text]] = {}


def _no_value(what: Text) -> Text:
    """ "no value for <what>": made once per static text (the same for many cells)."""
    hit = _NO_VALUE.get(id(what))
    if hit is not None and hit[0] is what:
        return hit[1]
    text = msg("reason.no_value", what=what)
    if len(_NO_VALUE) < 4096:
        _NO_VALUE[id(what)] = (what, text)  # keeps ``what`` alive: its id stays its own
    return text


@dataclass
class RouteEval:
    """One route evaluated for every sample of a table."""

    route: RouteSpec
    crits: list[CritEval]
    code: np.ndarray  # verdict severity per sample
    score: np.ndarray  # reported score (NaN: none)
    raw_score: np.ndarray  # the score before the "only where it means something" rule
    fail_any: np.ndarray  # a hard limit failed
    miss_any: np.ndarray  # a hard feedstock criterion has no value
    insufficient: np.ndarray  # score routes: the preferences with values weigh too little
    n_scored: np.ndarray
    n_known: np.ndarray


def evaluate_route_table(route: RouteSpec, table: ValueTable) -> RouteEval:
    """Evaluate every criterion of ``route`` and reach each sample's verdict."""
    n = table.n
    crits = [evaluate(c, table) for c in route.criteria]
    fail_any = np.zeros(n, dtype=bool)
    miss_any = np.zeros(n, dtype=bool)
    cond_any = np.zeros(n, dtype=bool)
    w_total = np.zeros(n)
    w_sum = np.zeros(n)
    p_sum = np.zeros(n)
    n_scored = np.zeros(n, dtype=np.int32)
    n_known = np.zeros(n, dtype=np.int32)
    for c, ce in zip(route.criteria, crits):
        code = ce.code
        if c.kind == "scored":
            applies = code != NA
            known = applies & ~np.isnan(ce.points)
            w_total += c.weight * applies
            w_sum += c.weight * known
            p_sum += c.weight * np.where(known, ce.points, 0.0)
            n_scored += applies
            n_known += known
            continue
        if c.kind != "hard":
            continue
        fail_any |= code == FAIL
        unknown = code == UNKNOWN
        if c.applies_to == "product":
            cond_any |= unknown
        else:
            miss_any |= unknown
        cond_any |= code == BORDERLINE
        passed = code == PASS
        if passed.any():
            flagged = np.zeros(n, dtype=bool)
            if ce.col is not None:
                flagged |= ce.col.predicted | ce.col.mismatch
            if ce.estimate is not None:
                flagged |= ce.estimate.used
            cond_any |= passed & flagged
    with np.errstate(invalid="ignore", divide="ignore"):
        score = np.where(
            w_sum > 0, np.round(100.0 * p_sum / np.where(w_sum > 0, w_sum, 1), 1), np.nan
        )
    code = np.where(fail_any, 3, np.where(miss_any, 2, np.where(cond_any, 1, 0))).astype(np.int8)
    insufficient = np.zeros(n, dtype=bool)
    th = route.score_thresholds
    if th is not None:
        insufficient = np.isnan(score) | (w_sum < 0.5 * w_total)
        code = np.where(insufficient & (code < 2), 2, code).astype(np.int8)
        with np.errstate(invalid="ignore"):
            by_score = np.where(score >= th.suitable, 0, np.where(score >= th.conditional, 1, 3))
        by_score = np.where((by_score == 0) & (n_known < n_scored), 1, by_score)
        code = np.where(insufficient, code, np.maximum(code, by_score)).astype(np.int8)
    reported = np.where((code == 2) | fail_any, np.nan, score)
    return RouteEval(
        route, crits, code, reported, score, fail_any, miss_any, insufficient, n_scored, n_known
    )


def cell_texts(ev: RouteEval, i: int, table: ValueTable) -> dict[str, list[Text]]:
    """The reasons, missing measurements, conditions and notes of one verdict."""
    route = ev.route
    reasons: list[Text] = []
    missing: list[Text] = []
    conditions: list[Text] = []
    scored_missing: list[Text] = []
    for c, ce in zip(route.criteria, ev.crits):
        code = int(ce.code[i])
        if c.kind == "scored":
            if code == UNKNOWN:
                scored_missing.append(missing_text(ce, i, table))
            continue
        if c.kind != "hard":
            continue
        if code == FAIL:
            reasons.append(fail_text(ce, i))
        elif code == UNKNOWN:
            if c.applies_to == "product":
                conditions.append(msg("cond.verify", what=missing_text(ce, i, table)))
            else:
                text = missing_text(ce, i, table)
                if text not in missing:  # two criteria on one unanswered question
                    missing.append(text)
        else:
            conditions.extend(row_conditions(ce, i))
    fails = reasons
    if fails:
        severity = 3
    elif missing:
        severity, reasons = 2, [_no_value(m) for m in missing]
    else:
        severity = 1 if conditions else 0
    th = route.score_thresholds
    score = float(ev.raw_score[i])
    if th is not None:
        if ev.insufficient[i]:
            if severity < 2:
                reasons = [_NO_SCORED if np.isnan(score) else _LOW_WEIGHT]
                missing.extend(scored_missing)
        else:
            if scored_missing:
                conditions.append(
                    msg(
                        "cond.partial_score",
                        known=int(ev.n_known[i]),
                        total=int(ev.n_scored[i]),
                        what=join(scored_missing),
                    )
                )
            if th.conditional <= score < th.suitable:
                conditions.append(msg("cond.below_suitable", score=score, limit=th.suitable))
            elif score < th.conditional:
                reasons = [
                    *reasons,
                    msg("reason.below_conditional", score=score, limit=th.conditional),
                ]
    notes: list[Text] = []
    if ev.n_scored[i] and ev.n_known[i] < ev.n_scored[i]:
        notes.append(_partial_score_note(int(ev.n_known[i]), int(ev.n_scored[i])))
    if route.overrides:
        notes.append(msg("note.override", route=route.overrides))
    return {"reasons": reasons, "missing": missing, "conditions": conditions, "notes": notes}


class Classification:
    """The verdicts of many samples for many routes, decided in bulk.

    ``code[r]`` and ``score[r]`` are per-sample arrays for route ``routes[r]``; texts and
    explanations are made per cell on request.
    """

    def __init__(self, table: ValueTable, routes: list[RouteSpec], evals: list[RouteEval]):
        self.table = table
        self.routes = routes
        self.evals = evals

    @property
    def n_samples(self) -> int:
        return self.table.n

    def verdict(self, i: int, r: int) -> str:
        return BY_CODE[int(self.evals[r].code[i])]

    def score(self, i: int, r: int) -> float | None:
        s = self.evals[r].score[i]
        return None if np.isnan(s) else float(s)

    def codes(self) -> np.ndarray:
        """Verdict severities, samples x routes."""
        return (
            np.stack([ev.code for ev in self.evals], axis=1)
            if self.evals
            else np.zeros((self.table.n, 0), dtype=np.int8)
        )

    def _head(self, i: int, r: int) -> dict[str, Any]:
        route = self.routes[r]
        return {
            "sample": self.table.names[i],
            "sample_id": self.table.ids[i],
            "route": route.id,
            "route_name_en": route.name_en,
            "route_name_fi": route.name_fi,
            "route_version": route.version,
            "route_file": route.file_label,
            "verdict": self.verdict(i, r),
            "score": self.score(i, r),
        }

    def summary(self, i: int, r: int, *, finnish: bool = True) -> dict[str, Any]:
        """The verdict of one cell without its criterion rows (reasons, missing,
        conditions, notes; with ``finnish`` also their ``_fi`` twins)."""
        doc = self._head(i, r)
        texts = cell_texts(self.evals[r], i, self.table)
        for key, items in texts.items():
            doc[key] = list(map(str, items))
            if finnish:
                doc[f"{key}_fi"] = list(map(fi, items))
        return doc

    def explain(self, i: int, r: int, *, suggestions: bool = True) -> Verdict:
        """The full explainable verdict of one cell (rows, suggestions)."""
        ev = self.evals[r]
        route = self.routes[r]
        texts = cell_texts(ev, i, self.table)
        v = Verdict(
            sample=self.table.names[i],
            sample_id=self.table.ids[i],
            route=route.id,
            route_name_en=route.name_en,
            route_name_fi=route.name_fi,
            route_version=route.version,
            route_file=route.file_label,
            verdict=self.verdict(i, r),
            score=self.score(i, r),
            criteria=[row(ce, i, self.table) for ce in ev.crits],
            reasons=texts["reasons"],
            missing=texts["missing"],
            conditions=texts["conditions"],
            notes=texts["notes"],
        )
        if suggestions and v.verdict != SUITABLE:
            from workbench.classify.suggest import suggest

            v.suggestions = suggest(route, self.table.one(i), v)
        return v


def classify_bulk(
    samples: Iterable[Sample] | ValueTable,
    routes: Iterable[RouteSpec],
    *,
    progress: Progress | None = None,
) -> Classification:
    """Decide every sample x route at once (no explanation rows are built)."""
    routes = list(routes)
    table = samples if isinstance(samples, ValueTable) else ValueTable.from_samples(list(samples))
    evals = []
    for k, route in enumerate(routes):
        if progress is not None:
            progress.update(k / max(len(routes), 1), "classifying")
        evals.append(evaluate_route_table(route, table))
    return Classification(table, routes, evals)


def evaluate_route(route: RouteSpec, table: ValueTable) -> Verdict:
    """One route for a one-sample table, explained (used by the what-if suggestions)."""
    return Classification(table, [route], [evaluate_route_table(route, table)]).explain(
        0, 0, suggestions=False
    )


def classify_sample(
    sample: Sample | ValueTable, routes: Iterable[RouteSpec], *, suggestions: bool = True
) -> list[Verdict]:
    """Classify one sample against each route, in the order given, explained."""
    routes = list(routes)
    table = sample if isinstance(sample, ValueTable) else ValueTable.from_samples([sample])
    result = classify_bulk(table, routes)
    return [result.explain(0, r, suggestions=suggestions) for r in range(len(routes))]


def classify_samples(
    samples: Iterable[Sample],
    routes: Iterable[RouteSpec],
    *,
    suggestions: bool = True,
    progress: Progress | None = None,
) -> list[Verdict]:
    """Classify many samples against ``routes``: every verdict explained (sample by
    sample, route order kept). For many samples prefer ``classify_bulk`` and explain
    only the cells that are read.

    ``progress`` (optional) is updated per sample and checked for cancellation.
    """
    routes = list(routes)
    samples = list(samples)
    if progress is not None:
        progress.update(0.0, "classifying samples")
    result = classify_bulk(samples, routes)
    out: list[Verdict] = []
    for i in range(len(samples)):
        if progress is not None and i % 50 == 0:
            progress.update(i / max(len(samples), 1), "explaining verdicts")
        out.extend(result.explain(i, r, suggestions=suggestions) for r in range(len(routes)))
    return out


def classify_project(
    project: Project,
    routes: Iterable[RouteSpec] | None = None,
    *,
    route_id: str | None = None,
    suggestions: bool = True,
    progress: Progress | None = None,
) -> list[Verdict]:
    """Classify every sample of ``project``; ``routes=None`` loads built-in + user routes."""
    routes = _routes(routes, route_id)
    verdicts = classify_samples(
        project.samples.values(), routes, suggestions=suggestions, progress=progress
    )
    if progress is not None:
        progress.update(1.0, "classified")
    return verdicts


def _routes(routes: Iterable[RouteSpec] | None, route_id: str | None) -> list[RouteSpec]:
    if routes is None:
        from workbench.classify.routes import load_routes

        routes = load_routes().routes
    routes = list(routes)
    if route_id is not None:
        routes = [r for r in routes if r.id == route_id]
        if not routes:
            from workbench.errors import SpecificationError

            raise SpecificationError(f"no route with id {route_id!r}")
    return routes


__all__ = [
    "CONDITIONAL",
    "NOT_ENOUGH_DATA",
    "NOT_SUITABLE",
    "SUITABLE",
    "Classification",
    "classify_bulk",
    "classify_project",
    "classify_sample",
    "classify_samples",
    "evaluate_route",
    "static",
]
