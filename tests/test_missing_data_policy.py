"""The missing-data policy (route README), generated from the route files.

For every route a sample is built that meets each hard criterion; then each hard
criterion's value is left out in turn. A feedstock property left out gives "not enough
data" naming it (N, S, Cl and every metal of one standard alike); a product property left
out gives "conditionally suitable" with "to be verified: ..." naming it.
"""

from __future__ import annotations

import pytest

from workbench.classify.engine import classify_sample
from workbench.classify.routes import load_routes
from workbench.classify.spec import NUMERIC_COMPARATORS, Criterion, RouteSpec
from workbench.model import Measurement, Quantity, Sample
from workbench.vocab import SAMPLE_ATTRIBUTES

LIBRARY = load_routes(include_user=False)


def _inside(c: Criterion) -> float:
    """A value comfortably meeting a numeric criterion (or in its preferred range)."""
    if c.comparator == "between":
        return sum(c.limits) / 2.0
    if c.comparator == "preferred_range":
        lo, hi = c.preferred
        return lo + 1.0 if hi == float("inf") else (lo + hi) / 2.0
    lim = c.limit
    return lim * 0.5 if c.comparator in ("<", "<=") else lim * 1.5 + 1.0


def complete_sample(route: RouteSpec) -> Sample:
    """A sample meeting every hard criterion and preference of ``route`` (values on the
    criteria's own bases and units; attributes chosen to satisfy every gate on them)."""
    s = Sample(id="s-complete", name="complete")
    quantities: dict[str, Quantity] = {}
    allowed: dict[str, set[str]] = {}
    for c in route.criteria:
        if c.kind == "informative":
            continue
        if c.property in SAMPLE_ATTRIBUTES:
            values = set(SAMPLE_ATTRIBUTES[c.property]) - {"other"}
            values = values & set(c.values) if c.comparator == "in" else values - set(c.values)
            allowed[c.property] = allowed.get(c.property, values) & values
        elif c.comparator in (*NUMERIC_COMPARATORS, "between", "preferred_range"):
            quantities[c.property] = Quantity(_inside(c), c.unit, c.basis)
        for attr, vals in c.only_if:
            allowed[attr] = allowed.get(attr, set(vals)) & set(vals)
        if c.only_for_types:
            allowed["feedstock_type"] = allowed.get("feedstock_type", set(c.only_for_types)) & set(
                c.only_for_types
            )
    for attr, values in allowed.items():
        value = sorted(values)[0]
        if attr == "feedstock_type":
            s.feedstock_type = value
        else:
            s.metadata[attr] = value
    s.measurements["m"] = Measurement(id="m", kind="properties", quantities=quantities)
    return s


def _cases():
    for route in LIBRARY.routes:
        for c in route.criteria:
            if c.kind == "hard":
                yield pytest.param(route, c, id=f"{route.id}:{c.id}")


CASES = list(_cases())


@pytest.mark.parametrize("route", LIBRARY.routes, ids=[r.id for r in LIBRARY.routes])
def test_the_complete_sample_meets_every_hard_limit(route):
    (v,) = classify_sample(complete_sample(route), [route], suggestions=False)
    assert not [r for r in v.criteria if r.kind == "hard" and r.result in ("fail", "unknown")]
    assert v.verdict in ("suitable", "conditionally suitable"), (v.reasons, v.missing)


@pytest.mark.parametrize(("route", "crit"), CASES)
def test_a_missing_value_decides_by_what_it_is_a_property_of(route, crit):
    s = complete_sample(route)
    if crit.property == "feedstock_type":
        s.feedstock_type = "other"
    elif crit.property in SAMPLE_ATTRIBUTES:
        s.metadata.pop(crit.property, None)
    else:
        s.measurements["m"].quantities.pop(crit.property, None)
    (v,) = classify_sample(s, [route], suggestions=False)
    row = v.row(crit.id)
    if row.result == "n/a":  # only for some feedstock types: leaving the type out
        assert crit.only_for_types
        return
    assert row.result == "unknown", (row.value, row.note)
    if crit.applies_to == "product":
        assert v.verdict == "conditionally suitable", (v.reasons, v.missing)
        assert any(c.startswith("to be verified: ") and row.label in c for c in v.conditions)
        assert not v.missing
    else:
        assert v.verdict == "not enough data", (v.reasons, v.conditions)
        assert row.missing in v.missing
        assert v.score is None  # never a score with "not enough data"


def test_enplus_normative_elements_are_treated_alike():
    """N, S, Cl and the eight metals: each missing one is 'not enough data'."""
    a1 = LIBRARY.get("pellets_enplus_a1")
    elements = [
        "nitrogen",
        "sulfur",
        "chlorine",
        "arsenic",
        "cadmium",
        "chromium",
        "copper",
        "lead",
        "mercury",
        "nickel",
        "zinc",
    ]
    kinds = {c.property: c.applies_to for c in a1.criteria if c.property in elements}
    assert set(kinds) == set(elements) and set(kinds.values()) == {"feedstock"}
    s = complete_sample(a1)
    for pid in elements:
        s.measurements["m"].quantities.pop(pid)
    (v,) = classify_sample(s, [a1], suggestions=False)
    assert v.verdict == "not enough data"
    assert len(v.missing) == len(elements)


def test_scores_only_where_they_mean_something():
    compost = LIBRARY.get("compost_growing_media")
    s = Sample(id="s", name="bark", feedstock_type="bark")
    s.measurements["m"] = Measurement(
        id="m", kind="properties", quantities={"moisture": Quantity(55.0, "%", "ar")}
    )
    (v,) = classify_sample(s, [compost], suggestions=False)
    assert v.verdict == "not enough data" and v.score is None
    a1 = LIBRARY.get("pellets_enplus_a1")
    s = complete_sample(a1)
    s.measurements["m"].quantities["ash"] = Quantity(5.0, "%", "db")
    (v,) = classify_sample(s, [a1], suggestions=False)
    assert v.verdict == "not suitable" and v.score is None


def test_one_missing_answer_is_asked_for_once():
    """Two criteria of a route on the same unanswered question (wood chips: woody origin,
    and not logging residues) name it once, not twice."""
    from workbench.classify.engine import classify_sample
    from workbench.classify.routes import load_routes
    from workbench.model import Measurement, Quantity, Sample

    s = Sample(id="s1", name="chips")
    s.measurements["m"] = Measurement(
        id="m", kind="properties", quantities={"moisture": Quantity(25.0, "%", "ar")}
    )
    (v,) = classify_sample(s, [load_routes(include_user=False).get("wood_chips")])
    assert v.verdict == "not enough data"
    assert len(v.missing) == len(set(v.missing)) == 1, v.missing
    assert len(v.reasons) == 1 and len(v.to_json()["missing_fi"]) == 1
