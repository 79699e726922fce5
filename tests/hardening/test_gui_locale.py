"""GUI numbers follow the user's locale (decimal comma under Finnish); files do not.

``QLocale.setDefault(QLocale(Finnish, Finland))`` stands in for a fi_FI desktop. The
details panel then shows a moisture of 12.5 % as "12,5 %"; importing a file with
decimal points in the same process still gives 12.5 (files are parsed by their own
declaration, see test_locale.py for the OS-level C locale).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

pytest.importorskip("pytestqt")
from PySide6.QtCore import QLocale

from workbench.model import Measurement, Project, Quantity, new_id

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("gui_gc")]


@pytest.fixture
def finnish():
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Finnish, QLocale.Country.Finland))
    yield
    QLocale.setDefault(before)


def test_details_panel_uses_decimal_comma_and_import_does_not(qtbot, finnish):
    from workbench.gui.details_panel import DetailsPanel
    from workbench.importers.registry import parse_bytes

    project = Project()
    s = project.add_sample("Birch")
    m = Measurement(
        id=new_id("m"),
        kind="moisture",
        quantities={"moisture": Quantity(12.5, "%", "ar", sd=0.25)},
    )
    project.add_measurement(s.id, m)
    panel = DetailsPanel()
    qtbot.addWidget(panel)
    panel.show_ref(project, ("measurement", s.id, m.id))
    text = panel.text()
    assert "12,5" in text and "0,25" in text, text
    assert "12.5" not in text
    raw = (
        b"Sample,Replicate,Dish (g),Dish + wet sample (g),Dish + dry sample (g)\n"
        b"Birch,1,10.0000,20.5000,15.2500\n"
    )
    (pm,) = parse_bytes(raw, "w.csv").measurements
    assert pm.to_measurement("x" * 64, "w.csv", "gravimetric_worksheet").columns[
        "dish_plus_wet_mass"
    ].values()[0] == pytest.approx(20.5)
