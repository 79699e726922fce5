"""The template editor's first guess on a lab report's header row (issue 13: every value a
lab report gives can enter the project): element symbols, NCV/GCV, the ash temperature,
units and bases written in brackets or after a comma, as labs print them. A guess the
user would have to undo is worse than none: lower-case "n" (a count), ash at 815 °C
(another method) and plain columns are left alone."""

from __future__ import annotations

import pytest

from workbench.gui.template_guess import guess_columns, guess_kind, header_basis, header_unit
from workbench.units import normalise_unit

LAB_REPORT = [
    "Sample",
    "Moisture (% wb)",
    "Ash 550 °C (% DM)",
    "N (g/kg DM)",
    "S (% db)",
    "Cl (mg/kg db)",
    "Cd [mg/kg TS]",
    "Zn (ppm)",
    "Hg (mg/kg ka)",
    "DT (°C)",
    "NCV, MJ/kg a.r.",
    "GCV (MJ/kg db)",
]
EXPECTED = {  # column -> (property, unit, basis)
    "Moisture (% wb)": ("moisture", "%", "ar"),
    "Ash 550 °C (% DM)": ("ash", "%", "db"),
    "N (g/kg DM)": ("nitrogen", "g/kg", "db"),
    "S (% db)": ("sulfur", "%", "db"),
    "Cl (mg/kg db)": ("chlorine", "mg/kg", "db"),
    "Cd [mg/kg TS]": ("cadmium", "mg/kg TS", ""),  # TS marks dry matter in the unit itself
    "Zn (ppm)": ("zinc", "ppm", ""),
    "Hg (mg/kg ka)": ("mercury", "mg/kg", "db"),
    "DT (°C)": ("ash_deformation_temperature", "°C", ""),
    "NCV, MJ/kg a.r.": ("net_calorific_value", "MJ/kg", "ar"),
    "GCV (MJ/kg db)": ("gross_calorific_value", "MJ/kg", "db"),
}


def test_a_lab_reports_header_row_is_guessed_column_by_column():
    assert guess_kind(LAB_REPORT) == "properties"
    guessed = guess_columns(LAB_REPORT, "properties")
    assert guessed.pop("Sample") == ("sample", "")
    got = {col: (pid, unit, header_basis(col)) for col, (pid, unit) in guessed.items()}
    assert got == EXPECTED
    for _pid, unit, _basis in EXPECTED.values():
        assert normalise_unit(unit) is not None, unit  # every guessed unit converts


@pytest.mark.parametrize(
    "header",
    ["n", "Ash 815 °C (% DM)", "Time (min)", "Comment", "Fines, count", "Name, first"],
)
def test_what_is_not_a_property_is_not_guessed_as_one(header):
    assert guess_columns(["Sample", header], "properties").get(header) is None


def test_a_unit_after_a_comma_is_read_only_when_it_is_a_unit():
    assert header_unit("Ash, % d.b.") == "%" and header_basis("Ash, % d.b.") == "db"
    assert header_unit("Fines, count") == ""
