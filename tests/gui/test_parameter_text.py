"""A result's parameters read as the plugin's labels, units and locale numbers.

The details panel listed them as stored: "moisture_limit 1.0" in a Finnish window.
"""

from __future__ import annotations

from workbench.gui import i18n
from workbench.gui.parameter_text import parameter_rows
from workbench.model import Measurement, Project, Result

PARAMS = {"moisture_limit": 1.0, "ash_limit": 0.2, "analysis_moisture": 0.0}


def test_finnish_labels_units_and_decimal_commas(finnish_ui):
    assert parameter_rows("moisture_ash", PARAMS) == [
        ("Kosteuden toistettavuusraja", "1 %-yks."),
        ("Tuhkan toistettavuusraja", "0,2 %-yks."),
        ("Analyysinäytteen kosteus", "0 %"),
    ]


def test_english_labels(qapp):
    i18n.install_translators(qapp, "en")
    rows = dict(parameter_rows("moisture_ash", PARAMS))
    assert list(rows) == [
        "Moisture repeatability limit",
        "Ash repeatability limit",
        "Analysis-sample moisture",
    ]
    assert rows["Ash repeatability limit"] == "0.2 %-points"


def test_undeclared_parameters_and_other_values_stay_readable(finnish_ui):
    rows = parameter_rows(
        "no_such_plugin", {"flag": True, "steps": ["snv", "sg1"], "seed": 7, "opts": {"a": 1}}
    )
    assert rows == [
        ("flag", "kyllä"),
        ("steps", "snv; sg1"),
        ("seed", "7"),
        ("opts", '{"a": 1}'),
    ]


def test_details_panel_shows_the_labels(finnish_ui, qtbot):
    from workbench.gui.details_panel import DetailsPanel

    project = Project()
    sample = project.add_sample("Kuusen kuori")
    project.add_measurement(sample.id, Measurement("m-1", "ash", label="Ash at 550 °C"))
    inputs = [
        {"type": "measurement", "sample": sample.id, "id": "m-1"},
        {"type": "measurement", "sample": sample.id, "id": "m-deleted"},
    ]
    result = Result("r-1", "moisture_ash", "1.0.0", parameters=PARAMS, inputs=inputs)
    project.add_result(sample.id, result)
    panel = DetailsPanel()
    qtbot.addWidget(panel)
    panel.show_ref(project, ("result", sample.id, "r-1"))
    text = panel.text()
    assert "Kosteuden toistettavuusraja" in text and "0,2 %-yks." in text
    assert "moisture_limit" not in text
    # what the result used: named when still in the project, said to be gone if not
    # (the stored ids are not the user's text)
    assert "Mittaus\nTuhka (Kuusen kuori)" in text
    assert "Mittaus\nei enää projektissa (Kuusen kuori)" in text
    assert "m-deleted" not in text


def test_the_parameter_form_shows_the_finnish_unit(finnish_ui, qtbot):
    from workbench.analysis.registry import get_registry
    from workbench.gui.param_form import ParamForm

    form = ParamForm(get_registry().get("moisture_ash").manifest)
    qtbot.addWidget(form)
    suffixes = [box.suffix() for box in form.findChildren(type(form.widgets["ash_limit"]))]
    assert " %-yks." in suffixes and " %-points" not in suffixes
