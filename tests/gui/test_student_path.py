"""The student's path: a PLS form that offers what can be calibrated and runs with its
defaults on the demo, forms that speak in labels and grey out what a mode ignores,
and results without raw ids or a sample's name on a project-wide model."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox

from workbench.analysis.manifest import ManifestError, parse_manifest
from workbench.analysis.reference_values import reference_counts


def test_reference_counts_of_the_demo(demo_project):
    counts = reference_counts(demo_project)
    assert counts["ash"] == counts["moisture"] == len(demo_project.samples) == 8
    assert counts["lignin"] == 3  # the plugin's declared default: too few to calibrate
    assert reference_counts(demo_project, ["s-birch-chips"])["ash"] == 1


def test_pls_form_offers_properties_with_reference_values_and_runs_with_its_defaults(
    window, demo_project, qtbot
):
    window.set_project(demo_project)
    ctl = window.analysis
    dialog = ctl.open_dialog(ctl.registry.get("pls_calibration"))
    combo = dialog.form.widgets["property"]
    assert isinstance(combo, QComboBox)  # a choice, not a free-text id
    first = [combo.itemData(i) for i in range(2)]
    assert set(first) == {"ash", "moisture"}  # most reference values first
    assert "8" in combo.itemText(0) and "Ash" in combo.itemText(combo.findData("ash"))
    lignin = combo.findData("lignin")
    assert lignin > 1 and "3" in combo.itemText(lignin)
    assert dialog.params()["property"] == "ash"  # the default is one that can be calibrated
    # fewer ticked samples: the counts follow
    for row in range(3, dialog.samples.count()):
        dialog.samples.item(row).setCheckState(dialog.samples.item(row).checkState().Unchecked)
    assert "3" in combo.itemText(combo.findData("ash"))
    dialog.form.set_values({})
    for row in range(dialog.samples.count()):
        dialog.samples.item(row).setCheckState(dialog.samples.item(row).checkState().Checked)
    dialog.accept()
    first_sample = demo_project.samples["s-birch-chips"]
    qtbot.waitUntil(
        lambda: any(r.plugin_id == "pls_calibration" for r in first_sample.results.values()),
        timeout=60000,
    )
    assert window.message_bar.level != "error"
    result = next(r for r in first_sample.results.values() if r.plugin_id == "pls_calibration")
    assert result.parameters["property"] == "ash"

    # the project-wide model is not titled after the sample that stores it
    qtbot.waitUntil(lambda: window.plot.stack.currentWidget() is ctl.result_view)
    title = ctl.result_view.title.text()
    assert not title.startswith(first_sample.name) and "8" in title
    labels = [ctl.result_view.values.item(r, 0).text() for r in range(6)]
    assert "RMSECV (cross-validated error)" in labels
    details = window.details.text()
    assert "pls_rmsecv" not in details and "pls_calibration" not in details
    assert "RMSECV (cross-validated error)" in details
    # and the sample's own details list no model figures
    window.details.show_ref(demo_project, ("sample", first_sample.id, None))
    assert "RMSECV" not in window.details.text()


def test_tga_form_greys_out_what_the_mode_ignores_and_shows_labels(window, demo_project):
    window.set_project(demo_project)
    ctl = window.analysis
    dialog = ctl.open_dialog(ctl.registry.get("tga_proximate"))
    form = dialog.form
    mode = form.widgets["switch_mode"]
    assert mode.currentData() == "auto"
    assert mode.currentText().startswith("Automatic")  # a label, not the id "auto"
    assert not form.widgets["switch_time"].isEnabled()
    assert not form.widgets["switch_index"].isEnabled()
    assert form.widgets["switch_temperature"].isEnabled()  # auto falls back on it
    mode.setCurrentIndex(mode.findData("time"))
    assert form.widgets["switch_time"].isEnabled()
    assert not form.widgets["switch_temperature"].isEnabled()
    assert not form.labels["switch_temperature"].isEnabled()
    dialog.reject()


def test_parameters_are_shown_in_words(qapp):
    from workbench.gui.parameter_text import parameter_rows

    rows = dict(parameter_rows("tga_proximate", {"switch_mode": "auto"}))
    assert rows["Inert/oxidising switch from"].startswith("Automatic")
    rows = dict(parameter_rows("pls_calibration", {"property": "ash", "selection": "1se"}))
    assert rows["Property"] == "Ash"
    assert rows["Component choice"].startswith("Fewest components")


def _manifest(param: dict) -> dict:
    return {
        "id": "demo_x",
        "name_en": "X",
        "version": "1",
        "api_version": "1.0",
        "entry": "a:b",
        "consumes": {"kinds": ["tga"]},
        "parameters": [
            {"name": "mode", "type": "choice", "choices": ["a", "b"], "default": "a"},
            param,
        ],
    }


@pytest.mark.parametrize(
    "param",
    [
        {"name": "p", "type": "float", "default": 1.0, "choices_from": "properties"},
        {"name": "p", "type": "str", "default": "", "choices_from": "routes"},
        {"name": "p", "type": "float", "default": 1.0, "enabled_when": {"nope": ["a"]}},
        {"name": "p", "type": "float", "default": 1.0, "enabled_when": ["mode"]},
        {
            "name": "p",
            "type": "choice",
            "choices": ["x", "y"],
            "default": "x",
            "choice_labels_en": ["only one"],
        },
    ],
)
def test_manifest_refuses_malformed_form_hints(param):
    with pytest.raises(ManifestError):
        parse_manifest(_manifest(param), source="t.toml")


def test_manifest_reads_form_hints():
    m = parse_manifest(
        _manifest({"name": "t", "type": "float", "default": 1.0, "enabled_when": {"mode": ["b"]}}),
        source="t.toml",
    )
    spec = m.param("t")
    assert not spec.enabled_by({"mode": "a"}) and spec.enabled_by({"mode": "b"})
