"""Every hard limit of every built-in route file, tested on each side of and exactly at it.

The cases are generated from the route files themselves, so a criterion added or edited
later is covered without touching this file. Each case builds a hand-made sample with
just the criterion's property on the criterion's own basis and unit (for product
criteria the value measured on the product, which every predictor prefers): exactly at
the limit, just inside it and just outside it (0.1 % of the limit away). A value at the
limit meets "<=" and ">=" (how ISO 17225-2 and ENplus write their classes) and fails "<"
and ">".

Product criteria estimated from the feedstock (char contaminants by mass balance) are
tested a second time through the feedstock value: at, just inside and just outside the
value that puts the estimated char exactly at the limit at the assumed char yield.
"""

from __future__ import annotations

import pytest

from workbench.classify.engine import classify_sample
from workbench.classify.predictors import ASSUMED_CHAR_YIELD, PREDICTORS
from workbench.classify.routes import load_routes
from workbench.classify.spec import NUMERIC_COMPARATORS
from workbench.model import Measurement, Quantity, Sample
from workbench.vocab import PROPERTIES, SAMPLE_ATTRIBUTES

LIBRARY = load_routes(include_user=False)
STEP = 1e-3  # "just inside / just outside": 0.1 % of the limit


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


def _numeric_cases(cid: str, comp: str, lim: float, make):
    d = STEP * max(1.0, abs(lim))
    at_ok = comp in ("<=", ">=")
    upper = comp in ("<=", "<")  # the limit is a maximum
    inside, outside = (lim - d, lim + d) if upper else (lim + d, lim - d)
    yield make(lim, "pass" if at_ok else "fail", f"{cid}:at")
    yield make(inside, "pass", f"{cid}:inside")
    yield make(outside, "fail", f"{cid}:outside")


def _cases():
    for route in LIBRARY.routes:
        for c in route.criteria:
            if c.kind != "hard":
                continue
            cid = f"{route.id}:{c.id}"
            comp = c.comparator

            def make(value, expected, case_id, c=c, route=route):
                return pytest.param(route, c, value, expected, id=case_id)

            if comp in NUMERIC_COMPARATORS:
                yield from _numeric_cases(cid, comp, c.limit, make)
            elif comp == "between":
                lo, hi = c.limits
                d = STEP * max(1.0, abs(hi))
                yield make(lo - d, "fail", f"{cid}:outside-low")
                yield make(lo, "pass", f"{cid}:at-low")
                yield make(lo + d, "pass", f"{cid}:inside-low")
                yield make(hi - d, "pass", f"{cid}:inside-high")
                yield make(hi, "pass", f"{cid}:at-high")
                yield make(hi + d, "fail", f"{cid}:outside-high")
            elif comp in ("in", "not_in"):
                listed = c.values[0]
                other = next(
                    v for v in SAMPLE_ATTRIBUTES[c.property] if v not in c.values and v != "other"
                )
                yield make(listed, "pass" if comp == "in" else "fail", f"{cid}:listed")
                yield make(other, "fail" if comp == "in" else "pass", f"{cid}:unlisted")
            else:  # pragma: no cover - the validator forbids other comparators on hard criteria
                raise AssertionError(f"unexpected hard comparator {comp} in {cid}")


CASES = list(_cases())


def test_every_route_has_hard_limits_covered():
    routes_with_hard = {r.id for r in LIBRARY.routes if any(c.kind == "hard" for c in r.criteria)}
    covered = {p.values[0].id for p in CASES}
    assert routes_with_hard == covered
    expected = {"in": 2, "not_in": 2, "between": 6}
    n = sum(
        expected.get(c.comparator, 3)
        for r in LIBRARY.routes
        for c in r.criteria
        if c.kind == "hard"
    )
    assert len(CASES) == n > 200


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
        # the limit shows its comparator as written and its unit
        assert row.limit_text.split()[0] in ("≤", "<", "≥", ">")


def _screening_cases():
    for route in LIBRARY.routes:
        for c in route.criteria:
            pred = PREDICTORS.get(c.predictor)
            if c.kind != "hard" or pred is None or pred.output != "char_*":
                continue
            feed = c.property.removeprefix("char_")
            at = c.limit * ASSUMED_CHAR_YIELD / 100.0  # the feedstock value at the limit
            failing = "borderline" if pred.fail_is_soft else "fail"
            for value, expected, name in _numeric_cases(
                f"{route.id}:{c.id}:feedstock", c.comparator, at, lambda *a: a
            ):
                expected = failing if expected == "fail" else expected
                yield pytest.param(route, c, feed, value, expected, id=name)


SCREENING = list(_screening_cases())


def test_char_contaminants_are_screened_from_the_feedstock():
    assert len(SCREENING) >= 3 * 8  # the eight metals of the biochar route


@pytest.mark.parametrize(("route", "crit", "feed", "value", "expected"), SCREENING)
def test_feedstock_screening_at_the_char_limit(route, crit, feed, value, expected):
    sample = _sample(feed, value, "db", PROPERTIES[feed].unit)
    (verdict,) = classify_sample(sample, [route], suggestions=False)
    row = verdict.row(crit.id)
    assert row.origin == "predicted" and "assumed" in row.flags
    assert row.result == expected, (row.value, row.limit_text)
    # the yield assumption is stated with the estimate
    assert any("78 %" in step for step in row.conversions), row.conversions
    if expected == "fail":
        assert verdict.verdict == "not suitable"
    else:  # an estimate is never enough: the char is to be tested
        assert verdict.verdict != "suitable"
        assert any("of the char" in c for c in verdict.conditions), verdict.conditions


def test_a_measured_char_yield_replaces_the_assumption():
    biochar = LIBRARY.get("biochar")
    s = _sample("lead", 30.0, "db", "mg/kg")  # 30 / 0.78 = 38 mg/kg: below 120
    (v,) = classify_sample(s, [biochar], suggestions=False)
    assert v.row("char_lead").result == "pass"
    s.measurements["m1"].quantities["char_yield"] = Quantity(20.0, "%", "db")
    (v,) = classify_sample(s, [biochar], suggestions=False)  # 30 / 0.20 = 150 > 120
    row = v.row("char_lead")
    assert row.result == "fail" and row.value == pytest.approx(150.0)
    assert "assumed" not in row.flags


def test_a_criterion_that_does_not_apply_by_the_samples_answer_is_na():
    biochar = LIBRARY.get("biochar")
    s = _sample("soil_content", 25.0, "db", "%")  # over 10 %, but no soil is attached
    s.metadata["attached_soil"] = "none"
    (v,) = classify_sample(s, [biochar], suggestions=False)
    assert v.row("attached_soil").result == "n/a"
    s.metadata["attached_soil"] = "Present"  # any case: the controlled value matches
    (v,) = classify_sample(s, [biochar], suggestions=False)
    assert v.row("attached_soil").result == "fail"


@pytest.mark.parametrize(
    ("prop", "value", "unit", "basis", "crit"),
    [
        ("nitrogen", 3.0, "g/kg", "db", "nitrogen"),  # 3 g/kg = 0.30000000000000004 %
        ("sulfur", 0.0368, "%", "ar", "sulfur"),  # 0.04 % db at 8 % moisture
        ("chromium", 9.2, "mg/kg", "ar", "chromium"),  # 10 mg/kg db at 8 % moisture
        ("chlorine", 0.2, "g/kg", "db", "chlorine"),
    ],
)
def test_a_value_at_the_limit_in_the_labs_unit_is_at_the_limit(prop, value, unit, basis, crit):
    """Converting a value given exactly at the limit (another unit, another basis) leaves
    floating-point noise; the row still reads 'at the limit' with a margin of 0, never
    'margin -5.551e-17 %'."""
    a1 = LIBRARY.get("pellets_enplus_a1")
    s = _sample(prop, value, basis, unit)
    s.measurements["m1"].quantities["moisture"] = Quantity(8.0, "%", "ar")
    (v,) = classify_sample(s, [a1], suggestions=False)
    row = v.row(crit)
    assert row.result == "pass"
    assert row.margin == 0.0
    doc = row.to_json()
    assert doc["margin"] == 0.0 and "at the limit" in doc["margin_text"], doc["margin_text"]
    assert "e-" not in doc["margin_text"] and "e-" not in doc["margin_text_fi"]
