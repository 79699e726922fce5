"""Every hard limit of every built-in route file, tested on each side of and exactly at it.

The cases are generated from the route files themselves, so a route added or edited
later is covered without touching this file. Each case builds a hand-made sample with
just the criterion's property on the criterion's own basis and unit (for product
criteria the value measured on the product, which every predictor prefers).
"""

from __future__ import annotations

import pytest

from workbench.classify.engine import classify_sample
from workbench.classify.routes import load_routes
from workbench.classify.spec import NUMERIC_COMPARATORS
from workbench.model import Measurement, Quantity, Sample
from workbench.vocab import SAMPLE_ATTRIBUTES

LIBRARY = load_routes(include_user=False)


def _sample(prop: str, value, basis: str, unit: str) -> Sample:
    s = Sample(id="s-test", name="hand-made")
    if prop == "feedstock_type":
        s.feedstock_type = value
    elif prop in SAMPLE_ATTRIBUTES:
        s.metadata[prop] = value
    else:
        q = Quantity(float(value), unit, basis, method="")
        s.measurements["m1"] = Measurement(id="m1", kind="properties", quantities={prop: q})
    return s


def _cases():
    for route in LIBRARY.routes:
        for c in route.criteria:
            if c.kind != "hard":
                continue
            cid = f"{route.id}:{c.id}"
            comp = c.comparator
            if comp in NUMERIC_COMPARATORS:
                lim = c.limit
                d = 1e-3 * max(1.0, abs(lim))
                at_ok = comp in ("<=", ">=")
                below_ok = comp in ("<=", "<")
                yield pytest.param(
                    route, c, lim - d, "pass" if below_ok else "fail", id=f"{cid}:below"
                )
                yield pytest.param(route, c, lim, "pass" if at_ok else "fail", id=f"{cid}:at")
                yield pytest.param(
                    route, c, lim + d, "fail" if below_ok else "pass", id=f"{cid}:above"
                )
            elif comp == "between":
                lo, hi = c.limits
                d = 1e-3 * max(1.0, abs(hi))
                yield pytest.param(route, c, lo - d, "fail", id=f"{cid}:below-low")
                yield pytest.param(route, c, lo, "pass", id=f"{cid}:at-low")
                yield pytest.param(route, c, (lo + hi) / 2, "pass", id=f"{cid}:inside")
                yield pytest.param(route, c, hi, "pass", id=f"{cid}:at-high")
                yield pytest.param(route, c, hi + d, "fail", id=f"{cid}:above-high")
            elif comp in ("in", "not_in"):
                listed = c.values[0]
                other = next(
                    v for v in SAMPLE_ATTRIBUTES[c.property] if v not in c.values and v != "other"
                )
                yield pytest.param(
                    route, c, listed, "pass" if comp == "in" else "fail", id=f"{cid}:listed"
                )
                yield pytest.param(
                    route, c, other, "fail" if comp == "in" else "pass", id=f"{cid}:unlisted"
                )
            else:  # pragma: no cover - the validator forbids other comparators on hard criteria
                raise AssertionError(f"unexpected hard comparator {comp} in {cid}")


CASES = list(_cases())


def test_every_route_has_hard_limits_covered():
    routes_with_hard = {r.id for r in LIBRARY.routes if any(c.kind == "hard" for c in r.criteria)}
    covered = {p.values[0].id for p in CASES}
    assert routes_with_hard == covered
    assert len(CASES) > 150


@pytest.mark.parametrize(("route", "crit", "value", "expected"), CASES)
def test_hard_limit(route, crit, value, expected):
    sample = _sample(crit.property, value, crit.basis, crit.unit)
    (verdict,) = classify_sample(sample, [route], suggestions=False)
    row = verdict.row(crit.id)
    if crit.only_for_types and crit.property != "feedstock_type":
        # applies only to some feedstock types: n/a until the type is stated
        assert row.result == "n/a"
        sample.feedstock_type = crit.only_for_types[0]
        (verdict,) = classify_sample(sample, [route], suggestions=False)
        row = verdict.row(crit.id)
    assert row.result == expected, (row.value, row.limit_text, row.note)
    if expected == "fail":
        assert verdict.verdict == "not suitable"
        assert any(row.label in reason for reason in verdict.reasons)
    else:
        # the sample has no other value, so nothing else can fail
        assert verdict.verdict != "not suitable", verdict.reasons
    if crit.comparator in NUMERIC_COMPARATORS:
        # the margin is the signed distance to the limit, positive on the passing side
        assert row.margin == pytest.approx(
            (crit.limit - value) if crit.comparator in ("<", "<=") else (value - crit.limit),
            abs=1e-12,
        )
