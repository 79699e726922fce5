"""Axis titles do not repeat a unit the instrument's column label already carries."""

from __future__ import annotations

import numpy as np
import pytest

from workbench.gui.plot_view import axis_text
from workbench.model import Column


@pytest.mark.parametrize(
    ("label", "unit", "expected"),
    [
        ("Temp./°C", "°C", "Temp."),
        ("Mass/%", "%", "Mass"),
        ("Time (min)", "min", "Time"),
        ("Weight [mg]", "mg", "Weight"),
        ("Absorbance", "", "Absorbance"),
        ("/%", "%", "/%"),  # nothing would be left: keep it
        ("Mass ratio (mg/g)", "%", "Mass ratio (mg/g)"),  # a different unit stays
    ],
)
def test_unit_suffix_is_dropped_once(qapp, label, unit, expected):
    assert axis_text(Column("c", unit, np.zeros(2), label)) == expected
