"""A result's label, plot titles, axis and column labels follow the interface language.

Built-in plugins give these texts in English and Finnish (``{"en", "fi"}`` records,
``workbench.messages``). With Finnish selected the result view's title and plot tabs,
the table headers, the axis labels and the value methods are Finnish, and so are the
project tree and the details panel; a third-party result's plain strings are shown as
stored, and a result stored with the plugin's English name shows the Finnish name.
"""

from __future__ import annotations

import numpy as np

from workbench.analysis import discover, run_plugin
from workbench.gui import i18n
from workbench.gui.project_tree import REF_ROLE
from workbench.model import Column, Quantity, Result, new_id


def _tabs(view) -> list[str]:
    return [view.plots.tabText(i) for i in range(view.plots.count())]


def _headers(table) -> list[str]:
    model = table.model()
    return [model.headerData(i, _horizontal(), 0) for i in range(model.columnCount())]


def _horizontal():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def _tree_name(window, sid: str, rid: str) -> str:
    model = window.tree_model
    parent = model.index_of_sample(sid)
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        if model.data(index, REF_ROLE) == ("result", sid, rid):
            return model.data(index)
    raise AssertionError(f"result {rid} not in the tree")


def _show(window, qtbot, sid: str, rid: str):
    ctl = window.analysis
    ctl.select_result(sid, rid)
    qtbot.waitUntil(
        lambda: (
            window.plot.stack.currentWidget() is ctl.result_view
            and ctl.result_view.result_id == rid
        )
    )
    return ctl.result_view


def test_finnish_user_sees_finnish_result_texts(qapp, qtbot, window, demo_project):
    registry = discover()
    bark = "s-spruce-bark"
    (moisture,) = run_plugin(demo_project, "moisture_ash", bark, registry=registry)
    fibre = next(
        s.id
        for s in demo_project.samples.values()
        if any(
            m.kind == "fibre_particles" for m in demo_project.samples[s.id].measurements.values()
        )
    )
    (lengths,) = run_plugin(demo_project, "fibre_length", fibre, registry=registry)
    third = Result(
        id=new_id("r"),
        plugin_id="third_party",
        plugin_version="0.1",
        label="Stored plain label",
        values={"ash": Quantity(0.4, "%", "db", method="Lab SOP 12")},
        columns={"a": Column("a", "", np.arange(3.0), "Plain column")},
        plots=[{"kind": "table", "columns": ["a"], "title": "Plain title"}],
    )
    older = Result(  # computed before labels were bilingual: the plugin's English name
        id=new_id("r"),
        plugin_id="moisture_ash",
        plugin_version="1.0.0",
        label="Moisture and ash",
        values={"ash": Quantity(0.5, "%", "db")},
    )
    demo_project.add_result(bark, third)
    demo_project.add_result(bark, older)
    installed = i18n.install_translators(qapp, "fi")
    try:
        window.doc.set_project(demo_project)
        view = _show(window, qtbot, bark, moisture.id)
        assert view.title.text() == "Spruce bark: Kosteus ja tuhka"
        assert _tabs(view) == ["Kosteuden rinnakkaismääritykset", "Tuhkan rinnakkaismääritykset"]
        assert _headers(view.plots.widget(0)) == [
            "Rinnakkaismääritys",
            "Kosteus (märkäpainosta) (%)",
        ]
        assert "uunikuivaus" in view.values.item(0, 0).toolTip()
        assert _tree_name(window, bark, moisture.id) == "Kosteus ja tuhka"
        details = window.details.text()
        assert "Kosteus ja tuhka" in details and "uunikuivaus" in details
        assert "Moisture and ash" not in details and "oven drying" not in details

        view = _show(window, qtbot, fibre, lengths.id)
        assert view.title.text().endswith(": Kuidunpituustilastot")
        assert _tabs(view) == ["Kuidunpituusjakauma", "Pituusluokat"]
        bars = view.plots.widget(0).getPlotItem()
        assert bars.getAxis("bottom").labelText == "Pituusluokka (mm)"
        assert bars.getAxis("left").labelText == "Osuus (%)"
        assert _headers(view.plots.widget(1))[:2] == ["Luokan alaraja (mm)", "Luokan yläraja (mm)"]

        view = _show(window, qtbot, bark, third.id)
        assert view.title.text() == "Spruce bark: Stored plain label"
        assert _tabs(view) == ["Plain title"]
        assert _headers(view.plots.widget(0)) == ["Plain column"]
        assert _tree_name(window, bark, older.id) == "Kosteus ja tuhka"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        i18n.install_translators(qapp, "en")
    view = _show(window, qtbot, bark, moisture.id)
    assert view.title.text() == "Spruce bark: Moisture and ash"
    assert _tabs(view) == ["Moisture replicates", "Ash replicates"]
    assert _headers(view.plots.widget(0)) == ["Replicate", "Moisture (wet basis) (%)"]
    assert _tree_name(window, bark, older.id) == "Moisture and ash"
