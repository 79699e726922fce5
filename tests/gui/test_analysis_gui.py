"""Analyses in the window: manifest-built forms, runs, result view, failures, stale marks."""

from __future__ import annotations

import textwrap

import numpy as np
import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLineEdit, QSpinBox

from workbench.analysis.manifest import parse_manifest
from workbench.analysis.registry import discover
from workbench.gui.param_form import ParamForm


def _manifest():
    return parse_manifest(
        {
            "id": "formtest",
            "name_en": "Form test",
            "name_fi": "Lomaketesti",
            "version": "1.0.0",
            "api_version": "1.0",
            "entry": "x:run",
            "consumes": {"kinds": ["tga"]},
            "parameters": [
                {"name": "t", "type": "float", "unit": "°C", "min": 50.0, "max": 250.0,
                 "default": 150.0, "help_en": "End of drying"},
                {"name": "n", "type": "int", "min": 1, "max": 9, "default": 3},
                {"name": "flag", "type": "bool", "default": True},
                {"name": "mode", "type": "choice", "choices": ["a", "b"], "default": "b"},
                {"name": "label", "type": "str", "default": "hello"},
                {"name": "edges", "type": "list", "item_type": "float", "min": 0.0,
                 "max": 10.0, "default": [0.5, 1.0]},
            ],
        },
        source="test",
    )  # fmt: skip


def test_form_widgets_ranges_and_defaults(qtbot):
    form = ParamForm(_manifest())
    qtbot.addWidget(form)
    w = form.widgets
    assert isinstance(w["t"], QDoubleSpinBox)
    assert (w["t"].minimum(), w["t"].maximum(), w["t"].value()) == (50.0, 250.0, 150.0)
    assert w["t"].suffix() == " °C"
    assert "End of drying" in w["t"].toolTip()
    assert isinstance(w["n"], QSpinBox) and (w["n"].minimum(), w["n"].maximum()) == (1, 9)
    assert isinstance(w["flag"], QCheckBox) and w["flag"].isChecked()
    assert isinstance(w["mode"], QComboBox) and w["mode"].currentText() == "b"
    assert isinstance(w["label"], QLineEdit) and w["label"].text() == "hello"
    assert w["edges"].text() == "0.5, 1"
    assert form.values() == {
        "t": 150.0, "n": 3, "flag": True, "mode": "b", "label": "hello", "edges": [0.5, 1.0]
    }  # fmt: skip
    w["edges"].setText("0.5, 20")  # above the declared maximum
    assert not form.validate() and "edges" in form.errors()
    assert not form.error_label.isHidden()
    form.set_values({"edges": [1.0, 2.0], "n": 7})
    assert form.validate() and form.values()["n"] == 7


def _select_sample(window, sid):
    window.select_sample(sid)
    assert window._selection == [("sample", sid, None)]


def test_run_fibre_length_from_dialog_adds_result_and_shows_it(window, demo_project, qtbot):
    window.doc.set_project(demo_project)
    ctl = window.analysis
    _select_sample(window, "s-birch-chips")
    dialog = ctl.open_dialog(ctl.registry.get("fibre_length"))
    assert dialog.sample_ids() == ["s-birch-chips"]
    assert dialog.form.widgets["fines_threshold"].value() == pytest.approx(0.2)
    dialog.accept()
    sample = demo_project.samples["s-birch-chips"]
    qtbot.waitUntil(lambda: len(sample.results) == 1, timeout=60000)
    result = next(iter(sample.results.values()))
    assert result.plugin_id == "fibre_length" and "fibre_length_lw" in result.values
    qtbot.waitUntil(lambda: window.plot.stack.currentWidget() is ctl.result_view)
    view = ctl.result_view
    assert view.values.rowCount() == len(result.values)
    labels = [view.values.item(r, 0).text() for r in range(view.values.rowCount())]
    assert "Fibre length, length-weighted (Lw)" in labels
    assert view.plot_kinds()[0] == "PlotPanel"  # the bar distribution, legend beside it
    assert "QTableView" in view.plot_kinds()  # the length classes table
    bars = view.plots.widget(0).getPlotItem().items
    assert any(type(i).__name__ == "BarGraphItem" for i in bars)
    # undoable: undo removes the result, redo brings the same one back
    window.undo_stack.undo()
    assert not sample.results
    window.undo_stack.redo()
    assert list(sample.results) == [result.id]


def test_rerun_with_other_parameters_prefills_the_form(window, demo_project, qtbot):
    window.doc.set_project(demo_project)
    ctl = window.analysis
    rec = ctl.registry.get("fibre_length")
    ctl.run(rec, ["s-birch-chips"], {"fines_threshold": 0.3})
    sample = demo_project.samples["s-birch-chips"]
    qtbot.waitUntil(lambda: len(sample.results) == 1, timeout=60000)
    rid = next(iter(sample.results))
    dialog = ctl.rerun_with_dialog("s-birch-chips", rid)
    assert dialog.form.values()["fines_threshold"] == pytest.approx(0.3)
    assert dialog.sample_ids() == ["s-birch-chips"]
    dialog.reject()


PLUGIN_TOML = """
id = "explodes"
name_en = "Explodes"
name_fi = "Räjähtää"
version = "0.1.0"
api_version = "1.0"
entry = "analysis:run"
[consumes]
kinds = ["tga"]
"""


def test_failing_plugin_reports_traceback_and_leaves_project_unchanged(
    window, demo_project, qtbot, tmp_path
):
    folder = tmp_path / "user_plugins" / "explodes"
    folder.mkdir(parents=True)
    (folder / "plugin.toml").write_text(PLUGIN_TOML, encoding="utf-8")
    (folder / "analysis.py").write_text(
        textwrap.dedent(
            """
            def run(inputs, params, progress):
                raise ZeroDivisionError("boom in the plugin")
            """
        ),
        encoding="utf-8",
    )
    registry = discover(user_dir=tmp_path / "user_plugins", entry_points=False)
    window.doc.set_project(demo_project)
    audit_before = len(demo_project.audit)
    results_before = {s.id: dict(s.results) for s in demo_project.samples.values()}
    task = window.analysis.run(registry.get("explodes"), ["s-birch-chips"], {})
    qtbot.waitUntil(lambda: task.state != "running", timeout=60000)
    assert task.state == "failed"
    assert "boom in the plugin" in task.error
    assert "ZeroDivisionError" in task.details and "analysis.py" in task.details
    log = [window.task_panel.log_view.topLevelItem(i) for i in range(window.task_panel.log_count())]
    failed = [item for item in log if "boom in the plugin" in item.text(1)]
    assert failed and failed[-1].childCount() == 1  # traceback as an expandable detail
    assert {s.id: dict(s.results) for s in demo_project.samples.values()} == results_before
    assert len(demo_project.audit) == audit_before
    assert window.undo_stack.count() == 0


def test_help_plugins_lists_builtins_with_status(window):
    dialog = window.analysis.open_plugins()
    rows = dialog.row_texts()
    ids = {r[1]: r for r in rows}
    for pid in ("fibre_length", "tga_proximate", "pls_calibration", "spectral_preprocessing"):
        assert ids[pid][3] == "built-in" and ids[pid][4] == "OK" and ids[pid][2]
    assert dialog.folder_edit.text().endswith("plugins")
    dialog.close()


def test_stale_marking_after_adding_a_measurement(window, demo_project, qtbot):
    import numpy as np

    from workbench.model import Column, Measurement

    window.doc.set_project(demo_project)
    ctl = window.analysis
    ctl.run(ctl.registry.get("tga_proximate"), ["s-pine-sawdust"], {})
    sample = demo_project.samples["s-pine-sawdust"]
    qtbot.waitUntil(lambda: len(sample.results) == 1, timeout=60000)
    rid = next(iter(sample.results))
    ctl.update_stale()
    assert ("s-pine-sawdust", rid) not in ctl.stale
    old = next(m for m in sample.measurements.values() if m.kind == "tga")
    t = np.asarray(old.columns[old.axes[0]].values())
    new = Measurement(
        id="m-new-tga",
        kind="tga",
        columns={k: Column(c.name, c.unit, np.asarray(c.values()), c.label)
                 for k, c in old.columns.items()},
        signal=old.signal,
        axes=list(old.axes),
        metadata=dict(old.metadata),
        replicate=2,
    )  # fmt: skip
    assert t.size
    demo_project.add_measurement(sample.id, new)
    window.doc.notify_sample_contents(sample.id)
    qtbot.waitUntil(lambda: ("s-pine-sawdust", rid) in ctl.stale, timeout=60000)
    index = window.tree_model.index_of_sample(sample.id)
    texts = [
        window.tree_model.index(r, 0, index).data()
        for r in range(window.tree_model.rowCount(index))
    ]
    assert any(t.endswith("(stale)") for t in texts)
    ctl.select_result(sample.id, rid)
    assert not ctl.result_view.stale_box.isHidden()
    ctl.result_view.rerun_button.click()  # one-click re-run replaces the stale result
    qtbot.waitUntil(lambda: rid not in sample.results and len(sample.results) == 1, timeout=60000)
    ctl.update_stale()
    assert not [k for k in ctl.stale if k[0] == sample.id]


def test_spectral_preprocessing_preview_and_named_pipeline(window, demo_project, qtbot):
    window.doc.set_project(demo_project)
    ctl = window.analysis
    _select_sample(window, "s-wheat-straw")
    dialog = ctl.open_dialog(ctl.registry.get("spectral_preprocessing"))
    preview = dialog.preview
    assert preview is not None and preview.computations >= 1
    before = preview.computations
    dialog.form.widgets["pipeline"].setText("snv-sg1")
    qtbot.waitUntil(lambda: preview.computations > before, timeout=60000)
    # a preview within the GUI's budget is drawn at once; a slower one (a loaded
    # machine) moves the next ones to a worker thread: either way the window stays live
    from workbench.gui.pipeline_preview import GUI_BUDGET

    assert preview.last_seconds < GUI_BUDGET or preview.in_background
    _x, y = preview.after.getPlotItem().listDataItems()[0].getData()
    assert abs(float(np.mean(y))) < 0.05  # SNV then a derivative: centred around zero
    assert preview.save("my straw") is True
    assert "my straw" in demo_project.settings["pipelines"]
    dialog.reject()


SLOW_TOML = PLUGIN_TOML.replace('"explodes"', '"slow"').replace("Explodes", "Slow")


def test_cancel_from_the_task_panel_stops_the_run_and_adds_nothing(
    window, demo_project, qtbot, tmp_path
):
    folder = tmp_path / "user_plugins" / "slow"
    folder.mkdir(parents=True)
    (folder / "plugin.toml").write_text(SLOW_TOML, encoding="utf-8")
    (folder / "analysis.py").write_text(
        textwrap.dedent(
            """
            import time

            def run(inputs, params, progress):
                for i in range(400):
                    progress.update(i / 400, "working")
                    time.sleep(0.01)
                raise AssertionError("not cancelled")
            """
        ),
        encoding="utf-8",
    )
    registry = discover(user_dir=tmp_path / "user_plugins", entry_points=False)
    window.doc.set_project(demo_project)
    audit_before = len(demo_project.audit)
    task = window.analysis.run(registry.get("slow"), ["s-birch-chips"], {})
    qtbot.waitUntil(lambda: task.fraction > 0.02, timeout=60000)
    button = window.task_panel._buttons[task.id]
    assert button.isEnabled()
    button.click()
    qtbot.waitUntil(lambda: task.state != "running", timeout=60000)
    assert task.state == "cancelled"
    assert len(demo_project.audit) == audit_before
    assert not demo_project.samples["s-birch-chips"].results
