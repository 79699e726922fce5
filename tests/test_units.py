"""Every vocabulary property in every unit the GUI offers converts, exactly, both ways.

The GUI offers ``units_for(property)`` (the template editor's unit choices, the typed
values of the wizard); templates, route criteria and the classifier all convert through
``workbench.units``. A lab report's unit for its own property must never be refused
("mg/kg cannot be converted to mg/kg").
"""

from __future__ import annotations

import pytest

from workbench.importers.template_schema import template_from_dict
from workbench.units import convert_value, normalise_unit, unit_factor, units_for
from workbench.vocab import PROPERTIES

# the definitions (exact): value in unit x factor = value in mg/kg, MJ/kg, µm, kg/m³
EXPECTED = {
    "%": 1e4,
    "g/kg": 1e3,
    "g/t": 1.0,
    "mg/kg": 1.0,
    "ppm": 1.0,
    "µg/g": 1.0,
    "µg/kg": 1e-3,
    "ppb": 1e-3,
    "ng/kg": 1e-6,
    "pg/g": 1e-6,
    "MJ/kg": 1.0,
    "GJ/t": 1.0,
    "kJ/kg": 1e-3,
    "J/g": 1e-3,
    "kWh/kg": 3.6,
    "MWh/t": 3.6,
    "kcal/kg": 4.1868e-3,
    "cal/g": 4.1868e-3,
    "µm": 1.0,
    "mm": 1e3,
    "cm": 1e4,
    "m": 1e6,
    "kg/m³": 1.0,
    "g/cm³": 1e3,
    "g/l": 1.0,
    "t/m³": 1e3,
}

PAIRS = [(pid, unit) for pid in sorted(PROPERTIES) for unit in units_for(pid)]


def test_every_property_offers_its_own_unit_first():
    for pid, pdef in PROPERTIES.items():
        offered = units_for(pid)
        assert offered and offered[0] == (normalise_unit(pdef.unit) or pdef.unit), pid
    assert len(PAIRS) > 2 * len(PROPERTIES)


@pytest.mark.parametrize(("pid", "unit"), PAIRS, ids=[f"{p}-{u or 'none'}" for p, u in PAIRS])
def test_offered_unit_converts_exactly_both_ways(pid, unit):
    own = PROPERTIES[pid].unit
    there = unit_factor(unit, own)
    back = unit_factor(own, unit)
    assert there is not None and back is not None
    assert there * back == pytest.approx(1.0, rel=1e-12)
    if unit in EXPECTED and normalise_unit(own) in EXPECTED:
        assert there == pytest.approx(EXPECTED[unit] / EXPECTED[normalise_unit(own)], rel=1e-12)
    assert convert_value(convert_value(12.5, unit, own), own, unit) == pytest.approx(12.5)
    # an import template may map a column of this property in this unit
    template = {
        "name": "lab report",
        "delimiter": ";",
        "decimal": ",",
        "header_row": 0,
        "measurement_kind": "properties",
        "columns": {"Value": {"target": pid, "unit": unit, "basis": "db"}},
    }
    assert template_from_dict(template).columns["Value"].unit == unit


def test_identity_for_every_unit_and_hand_values():
    for pid, pdef in PROPERTIES.items():
        assert unit_factor(pdef.unit, pdef.unit) == 1.0, pid
    assert convert_value(150.0, "mg/kg", "%") == pytest.approx(0.015)
    assert convert_value(0.02, "%", "ppm") == pytest.approx(200.0)
    assert convert_value(4.6, "kWh/kg", "MJ/kg") == pytest.approx(16.56)
    assert convert_value(16.5, "GJ/t", "MJ/kg") == 16.5
    assert convert_value(4.5, "g/kg", "%") == pytest.approx(0.45)
    assert convert_value(1.2, "g/t", "mg/kg") == 1.2


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("mg kg-1", "mg/kg"),
        ("mg/kg DM", "mg/kg"),
        ("MJ/KG", "MJ/kg"),
        ("ºC", "°C"),
        ("degC", "°C"),
        ("kg/m3", "kg/m³"),
        ("um", "µm"),
        ("μm", "µm"),
        ("wt-%", "%"),
        ("m-%", "%"),
        (" % ", "%"),
        # as lab reports print them: dry-matter markers on any mass-fraction unit
        ("g/kg DM", "g/kg"),
        ("% DM", "%"),
        ("mg/kg ka", "mg/kg"),  # Finnish: kuiva-aine
        ("% ka", "%"),
        ("mg/kg TM", "mg/kg"),  # German: Trockenmasse
        ("mg/kg TS", "mg/kg"),
        ("mg kg-1 DM", "mg/kg"),
        ("mg/kg d.m.", "mg/kg"),
        ("µg/kg DM", "µg/kg"),
        ("wt.%", "%"),
        ("wt %", "%"),
        # dioxins and furans are reported as toxic equivalents, often per gram
        ("pg/g", "pg/g"),
        ("ng WHO-TEQ/kg", "ng/kg"),
        ("ng TEQ/kg", "ng/kg"),
        ("ng I-TEQ/kg DM", "ng/kg"),
        ("ng WHO2005-TEQ/kg", "ng/kg"),
        ("pg WHO-TEQ/g", "pg/g"),
        ("ng/kg TEQ", "ng/kg"),
    ],
)
def test_spellings_are_normalised(written, canonical):
    assert normalise_unit(written) == canonical
    assert unit_factor(written, canonical) == 1.0


def test_dioxins_in_lab_units():
    """PCDD/F as a lab prints them (pg WHO-TEQ/g is ng/kg) reach the property's ng/kg."""
    assert unit_factor("pg WHO-TEQ/g", "ng/kg") == 1.0
    assert convert_value(0.012, "µg/kg", "ng/kg") == pytest.approx(12.0)
    assert "pg/g" in units_for("char_pcdd_f")
    assert normalise_unit("g/kg FM") is None  # fresh matter is another basis: not dropped


def test_different_quantities_never_convert():
    assert unit_factor("mg/kg", "MJ/kg") is None
    assert unit_factor("%", "°C") is None
    assert unit_factor("furlongs", "mm") is None
    # a share by count or length is not a mass fraction: only %
    assert units_for("fines_count") == ["%"]
    with pytest.raises(ValueError, match="cannot be converted"):
        convert_value(1.0, "mg/kg", "kWh/kg")
