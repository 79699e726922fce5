"""Pre-treatment suggestions: what would change a verdict, and to what.

For each failing (or borderline) hard or scored criterion whose property a common
pre-treatment changes, the route is re-evaluated with the value the treatment would
give; the suggestion is offered only when the verdict gets better or the score rises.
When several treatments are needed together, their combination is tried as well.

Treatments and the value used for the re-evaluation:

* dry / moisten: moisture set to the limit (just below it for "<"), or to the nearer end
  of the preferred range; dry matter follows (100 - moisture);
* debark (woody samples, e.g. whole-tree chips): ash set to 1.14 % db, the upper end of
  the ash range read for Pinus stemwood in Stolarski et al. 2022 [S101]; offered only
  when that lowers the ash (logging residues are branches and tops: debarking does not
  turn them into stemwood, so it is not offered for them);
* leach alkali / wash (straw and herbaceous samples): chlorine and potassium halved,
  the lower end of the 2-6x reduction by delayed harvest / leaching in Burvall 1997 [S113];
* wash or screen off soil: attached soil set to the limit;
* screen out fines / grind to size: the fines or particle size set to the limit or the
  middle of the preferred range;
* blend (C/N): C/N set to the middle of the preferred range (blending N-rich "greens" or
  C-rich "browns", Rynk et al. [S90]).
"""

from __future__ import annotations

import math

from workbench.classify.spec import Criterion, RouteSpec
from workbench.classify.table import ValueTable
from workbench.classify.texts import join, msg
from workbench.classify.verdict import SEVERITY, CriterionRow, Suggestion, Verdict
from workbench.model import Quantity

STEMWOOD_ASH_MAX = 1.14  # % db, upper end for Pinus stemwood [S101]
LEACH_FACTOR = 0.5  # lower end of the 2-6x reduction [S113]


def _target(c: Criterion, x: float) -> float | None:
    """The value just meeting the criterion, nearest to ``x``."""
    eps = 1e-6 * max(1.0, abs(c.limit or 0.0))
    comp = c.comparator
    if comp == "<=":
        return c.limit
    if comp == "<":
        return c.limit - eps
    if comp == ">=":
        return c.limit
    if comp == ">":
        return c.limit + eps
    if comp == "between":
        return min(max(x, c.limits[0]), c.limits[1])
    if comp == "preferred_range":
        lo, hi = c.preferred
        if x < lo:
            return lo
        if x > hi:
            return hi
    return None


def _mid(c: Criterion, x: float) -> float | None:
    if c.comparator == "preferred_range":
        lo, hi = c.preferred
        if math.isfinite(lo) and math.isfinite(hi):
            return (lo + hi) / 2.0
    return _target(c, x)


def _cand(value: float, c: Criterion, action: str) -> Quantity:
    return Quantity(value, c.unit, c.basis, method=action, origin="what-if")


def _failing(route: RouteSpec, verdict: Verdict) -> list[tuple[Criterion, CriterionRow]]:
    out = []
    for c, row in zip(route.criteria, verdict.criteria):
        if c.kind == "informative":
            continue
        if c.applies_to == "product" and row.origin not in ("measured", "typed"):
            continue  # a predicted product value is changed through its inputs, not directly
        if row.result in ("fail", "borderline") or (row.points is not None and row.points < 1.0):
            out.append((c, row))
    return out


def _actions(
    route: RouteSpec, table: ValueTable, verdict: Verdict
) -> list[tuple[str, str, dict, dict]]:
    """(action, detail, value overrides, attribute overrides) for each applicable treatment."""
    ftype = str(table.attributes.get("feedstock_type", [""])[0])
    acts: list[tuple[str, str, dict, dict]] = []
    for c, row in _failing(route, verdict):
        x = row.value if isinstance(row.value, float) else None
        if x is None:
            continue
        prop = c.property
        if prop == "moisture":
            t = _target(c, x)
            if t is None:
                continue
            if t > x and c.comparator == "preferred_range" and c.preferred[0] <= 0:
                continue  # "as dry as possible": never suggest adding water
            key = "sug.dry" if t < x else "sug.moisten"
            action = msg(key + ("_below" if c.comparator == "<" else ""), t=t)
            over = {"moisture": _cand(t, c, action)}
            over["dry_matter"] = Quantity(100.0 - t, "%", "ar", method=action, origin="what-if")
            detail = msg("sug.moisture_detail", x=x, t=t, label=row.label)
            acts.append((action, detail, over, {}))
        elif prop == "ash" and ftype == "woody":
            if x <= STEMWOOD_ASH_MAX:
                continue
            action = msg("sug.debark")
            over = {"ash": Quantity(STEMWOOD_ASH_MAX, "%", "db", method=action, origin="what-if")}
            detail = msg("sug.debark_detail", x=x, ash_max=STEMWOOD_ASH_MAX)
            acts.append((action, detail, over, {}))
        elif prop in ("chlorine", "potassium") and ftype in ("straw", "herbaceous"):
            action = msg("sug.leach")
            t = x * LEACH_FACTOR
            over = {prop: _cand(t, c, action)}
            detail = msg("sug.leach_detail", label=row.label, x=x, t=t, unit=c.unit)
            acts.append((action, detail, over, {}))
        elif prop == "soil_content":
            t = _target(c, x)
            if t is not None:
                action = msg("sug.soil", t=t)
                acts.append(
                    (
                        action,
                        msg("sug.soil_detail", x=x, t=t),
                        {prop: _cand(t, c, action)},
                        {},
                    )
                )
        elif prop in ("pellet_fines", "fines_length", "fines_count", "median_particle_size"):
            t = _mid(c, x)
            if t is None:
                continue
            action = msg("sug.screen" if t < x and prop != "median_particle_size" else "sug.grind")
            acts.append(
                (
                    action,
                    msg("sug.size_detail", label=row.label, x=x, t=t, unit=c.unit),
                    {prop: _cand(t, c, action)},
                    {},
                )
            )
        elif prop == "c_n_ratio":
            t = _mid(c, x)
            if t is None:
                continue
            action = msg("sug.blend_greens" if t < x else "sug.blend_browns", t=t)
            acts.append(
                (
                    action,
                    msg("sug.cn_detail", x=x, t=t),
                    {prop: _cand(t, c, action)},
                    {},
                )
            )
    # merge actions on the same property (keep the first) and those with the same name
    seen: set[str] = set()
    unique = []
    for a in acts:
        if a[0] not in seen:
            seen.add(a[0])
            unique.append(a)
    return unique


def suggest(route: RouteSpec, table: ValueTable, verdict: Verdict) -> list[Suggestion]:
    """Pre-treatments that would improve ``verdict`` (of the one sample in ``table``), each
    with the verdict that would follow."""
    from workbench.classify.engine import evaluate_route

    acts = _actions(route, table, verdict)
    if not acts:
        return []
    base_sev = SEVERITY[verdict.verdict]
    base_score = verdict.score if verdict.score is not None else -1.0
    out: list[Suggestion] = []

    def trial(action: str, detail: str, over: dict, attrs: dict) -> None:
        new = evaluate_route(route, table.with_values(over, attrs))
        better = SEVERITY[new.verdict] < base_sev
        higher = new.score is not None and new.score >= base_score + 1.0
        if better or (higher and SEVERITY[new.verdict] <= base_sev):
            out.append(Suggestion(action, detail, new.verdict, new.score))

    for a in acts:
        trial(*a)
    if len(acts) > 1:
        over: dict = {}
        attrs: dict = {}
        for _, _, o, at in acts:
            over.update(o)
            attrs.update(at)
        trial(join([a[0] for a in acts], " + "), join([a[1] for a in acts]), over, attrs)
    return out
