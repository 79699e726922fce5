"""The classification engine: samples x routes -> explainable verdicts (Qt-free).

Public API::

    classify_sample(sample, routes, *, suggestions=True) -> list[Verdict]
    classify_project(project, routes=None, *, route_id=None) -> list[Verdict]
    Verdict.to_json()

How a verdict is reached from the criterion rows (see ``evaluate.py`` for the rows):

1. any hard criterion ``fail``                               -> not suitable;
2. else any hard feedstock criterion ``unknown``             -> not enough data, and
   ``missing`` names the measurement (or the conversion input) that would decide it;
3. else any hard criterion ``borderline``, passing only on a value from a method the
   criterion does not accept, passing only on a *predicted* value, or unknown but marked
   ``if_missing = "condition"`` (product properties to be tested, rarely measured
   contaminants)                                              -> conditionally suitable,
   with each condition listed;
4. else                                                       -> suitable.

The score (0-100) is the weighted mean of the points of the scored criteria that have a
value (a preferred range gives 1 inside, a linear ramp to 0 at the edge of the
acceptable range); ``None`` when none has a value. Routes without hard limits
(compost, chemicals, ...) carry ``[score_thresholds]`` in their file: a workbench policy,
stated as such, that maps the score to a verdict; the worse of the two verdicts wins.
For those routes a score resting on less than half of the preference weight is "not
enough data", and a "suitable" score with some preferences unmeasured becomes
"conditionally suitable" (measure them to confirm).
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache

from workbench.classify.evaluate import evaluate
from workbench.classify.spec import RouteSpec
from workbench.classify.texts import Text, join, msg, value_word
from workbench.classify.values import SampleValues
from workbench.classify.verdict import (
    CONDITIONAL,
    NOT_ENOUGH_DATA,
    NOT_SUITABLE,
    SEVERITY,
    SUITABLE,
    CriterionRow,
    Verdict,
)
from workbench.model import Project, Sample
from workbench.progress import Progress

_NO_SCORED = msg("reason.no_scored")
_LOW_WEIGHT = msg("reason.low_weight")
_NO_VALUE: dict[str, tuple[str, Text]] = {}


@lru_cache(maxsize=256)
def _partial_score_note(known: int, total: int) -> Text:
    return msg("note.partial_score", known=known, total=total)


def _no_value(missing: str) -> Text:
    """ "no value for X", made once per distinct missing-measurement text object."""
    hit = _NO_VALUE.get(missing)
    if hit is None or hit[0] is not missing:
        if len(_NO_VALUE) > 4096:
            _NO_VALUE.clear()
        hit = _NO_VALUE[missing] = (missing, msg("reason.no_value", what=missing))
    return hit[1]


def _verify(row: CriterionRow) -> Text:
    """ "to be verified: X" for an unknown product/conditional row (cached per criterion)."""
    st = row.static
    what = row.missing or row.label
    if what is st["needs"]:
        return st["verify"]
    hit = st.get("verify_for")
    if hit is None or hit[0] is not what:
        hit = st["verify_for"] = (what, msg("cond.verify", what=what))
    return hit[1]


def _value_text(row: CriterionRow) -> str:
    if isinstance(row.value, float):
        unit = f" {row.unit}" if row.unit else ""
        return msg("row.value", value=row.value, unit=unit)
    return value_word(str(row.value))


def _fail_text(comparator: str, row: CriterionRow) -> Text:
    if comparator == "in":
        cache = row.static.setdefault("fail_in", {})
        hit = cache.get(row.value)
        if hit is None:
            hit = cache[row.value] = msg(
                "reason.fail_in", label=row.label, value=_value_text(row), limit=row.limit_text
            )
        return hit
    if comparator == "not_in":
        return msg("reason.fail_not_in", label=row.label, value=_value_text(row))
    if isinstance(row.value, float):
        unit = f" {row.unit}" if row.unit else ""
        return msg(
            "reason.fail_number", label=row.label, value=row.value, unit=unit, limit=row.limit_text
        )
    return msg("reason.fail_limit", label=row.label, value=_value_text(row), limit=row.limit_text)


def evaluate_route(route: RouteSpec, sv: SampleValues) -> Verdict:
    """Evaluate every criterion of ``route`` and reach the verdict (no suggestions)."""
    rows = [evaluate(c, sv) for c in route.criteria]
    fails: list[str] = []
    missing: list[str] = []
    conditions: list[str] = []
    w_sum = p_sum = w_total = 0.0
    n_scored = n_scored_known = 0
    scored_missing: list[str] = []
    for c, row in zip(route.criteria, rows):
        kind, res = c.kind, row.result
        if kind == "scored":
            if res == "n/a":
                continue
            n_scored += 1
            w_total += c.weight
            if row.points is not None:
                n_scored_known += 1
                w_sum += c.weight
                p_sum += c.weight * row.points
            elif res == "unknown":
                scored_missing.append(row.missing or row.label)
            continue
        if kind != "hard":
            continue
        if res == "fail":
            fails.append(_fail_text(c.comparator, row))
        elif res == "unknown":
            if c.if_missing == "condition":
                conditions.append(_verify(row))
            else:
                missing.append(row.missing or row.label)
        elif res == "borderline":
            conditions.append(msg("cond.borderline", label=row.label, note=row.note))
        elif res == "pass":
            if "method mismatch" in row.flags:
                conditions.append(
                    msg(
                        "cond.method",
                        label=row.label,
                        methods=row.static["methods"],
                        method=row.method,
                    )
                )
            if "predicted" in row.flags:
                conditions.append(msg("cond.predicted", label=row.label, method=row.method))
    score = round(100.0 * p_sum / w_sum, 1) if w_sum > 0 else None
    if fails:
        verdict, reasons = NOT_SUITABLE, fails
    elif missing:
        verdict, reasons = NOT_ENOUGH_DATA, [_no_value(m) for m in missing]
    elif conditions:
        verdict, reasons = CONDITIONAL, []
    else:
        verdict, reasons = SUITABLE, []
    notes: list[str] = []
    th = route.score_thresholds
    if th is not None:
        if score is None or w_sum < 0.5 * w_total:
            if SEVERITY[verdict] < SEVERITY[NOT_ENOUGH_DATA]:
                verdict = NOT_ENOUGH_DATA
                reasons = [_NO_SCORED if score is None else _LOW_WEIGHT]
                missing.extend(scored_missing)
        else:
            if scored_missing:
                conditions.append(
                    msg(
                        "cond.partial_score",
                        known=n_scored_known,
                        total=n_scored,
                        what=join(scored_missing),
                    )
                )
            if score >= th.suitable:
                by_score = SUITABLE
            elif score >= th.conditional:
                by_score = CONDITIONAL
                conditions.append(msg("cond.below_suitable", score=score, limit=th.suitable))
            else:
                by_score = NOT_SUITABLE
                reasons = [
                    *reasons,
                    msg("reason.below_conditional", score=score, limit=th.conditional),
                ]
            if by_score == SUITABLE and scored_missing:
                by_score = CONDITIONAL
            if SEVERITY[by_score] > SEVERITY[verdict]:
                verdict = by_score
    if n_scored and n_scored_known < n_scored:
        notes.append(_partial_score_note(n_scored_known, n_scored))
    if route.overrides:
        notes.append(msg("note.override", route=route.overrides))
    return Verdict(
        sample=sv.sample_name,
        sample_id=sv.sample_id,
        route=route.id,
        route_name_en=route.name_en,
        route_name_fi=route.name_fi,
        route_version=route.version,
        route_file=route.file_label,
        verdict=verdict,
        score=score,
        criteria=rows,
        reasons=reasons,
        missing=missing,
        conditions=conditions,
        notes=notes,
    )


def classify_sample(
    sample: Sample | SampleValues, routes: Iterable[RouteSpec], *, suggestions: bool = True
) -> list[Verdict]:
    """Classify one sample against each route, in the order given."""
    from workbench.classify.suggest import suggest

    sv = sample if isinstance(sample, SampleValues) else SampleValues.from_sample(sample)
    out = []
    for route in routes:
        v = evaluate_route(route, sv)
        if suggestions and v.verdict != SUITABLE:
            v.suggestions = suggest(route, sv, v)
        out.append(v)
    return out


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while many small acyclic objects are made.

    Classifying thousands of samples creates millions of criterion rows; Python's cyclic
    collector would rescan them again and again (a third of the run time). Rows and
    verdicts hold no reference cycles, so reference counting frees them; the collector
    is switched back on (if it was on) when the work ends, even on error.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def classify_samples(
    samples: Iterable[Sample | SampleValues],
    routes: Iterable[RouteSpec],
    *,
    suggestions: bool = True,
    progress: Progress | None = None,
) -> list[Verdict]:
    """Classify many samples against ``routes`` (verdicts sample by sample, route order kept).

    ``progress`` (optional) is updated per sample and checked for cancellation.
    """
    routes = list(routes)
    samples = list(samples)
    out: list[Verdict] = []
    with _gc_paused():
        for i, sample in enumerate(samples):
            if progress is not None and i % 50 == 0:
                progress.update(i / len(samples), "classifying samples")
            out.extend(classify_sample(sample, routes, suggestions=suggestions))
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
    if routes is None:
        from workbench.classify.routes import load_routes

        routes = load_routes().routes
    routes = list(routes)
    if route_id is not None:
        routes = [r for r in routes if r.id == route_id]
        if not routes:
            from workbench.errors import SpecificationError

            raise SpecificationError(f"no route with id {route_id!r}")
    verdicts = classify_samples(
        project.samples.values(), routes, suggestions=suggestions, progress=progress
    )
    if progress is not None:
        progress.update(1.0, "classified")
    return verdicts


__all__ = [
    "CONDITIONAL",
    "NOT_ENOUGH_DATA",
    "NOT_SUITABLE",
    "SUITABLE",
    "classify_project",
    "classify_sample",
    "classify_samples",
    "evaluate_route",
]
