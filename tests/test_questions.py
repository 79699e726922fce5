"""The wizard's questions come from the route files (Qt-free)."""

from __future__ import annotations

from workbench.classify.questions import EXTRA_VALUES, route_questions
from workbench.classify.routes import load_routes
from workbench.classify.table import DERIVED
from workbench.units import convert_value
from workbench.vocab import PROPERTIES, SAMPLE_ATTRIBUTES


def test_every_feedstock_fact_a_route_decides_on_is_asked():
    routes = load_routes()
    questions = {q.id: q for q in route_questions(routes)}
    for route in routes:
        for c in route.criteria:
            if c.kind == "informative" or c.applies_to != "feedstock":
                continue
            if c.property == "feedstock_type":
                continue  # the wizard's first page asks what kind of material it is
            if c.property in DERIVED:
                for pid in DERIVED[c.property][0]:
                    assert pid in questions, (route.id, c.property, pid)
            else:
                assert c.property in questions, (route.id, c.property)
            for attr, _ in c.only_if:
                assert attr in questions


def test_questions_the_routes_need_include_treatment_soil_and_metals():
    questions = {q.id: q for q in route_questions(load_routes())}
    for attr in ("chemical_treatment", "attached_soil"):
        q = questions[attr]
        assert q.kind == "choice"
        stored = {c.value for c in q.choices} - {""}
        assert stored <= set(SAMPLE_ATTRIBUTES[attr])  # controlled values only
        assert any(not c.value for c in q.choices)  # "I don't know" stores nothing
        assert all(q.help) and all(all(c.text) for c in q.choices)  # en and fi
    for metal in ("cadmium", "lead", "zinc", "mercury"):
        assert questions[metal].group == "metals"
        assert questions[metal].units[0] == "mg/kg"
    assert questions["ash_deformation_temperature"].group == "ash_melting"
    # the soil share is asked only when soil is attached
    assert questions["soil_content"].only_if == (("attached_soil", ("present",)),)


def test_every_offered_unit_converts_and_every_value_is_explained():
    for q in route_questions(load_routes()) + EXTRA_VALUES:
        if q.kind != "value":
            continue
        assert q.unit == PROPERTIES[q.id].unit and q.units[0] == q.unit
        for unit in q.units:
            assert convert_value(1.0, unit, q.unit) > 0, (q.id, unit)
        assert q.help[0] and q.help[1], q.id  # a plain sentence in English and Finnish
