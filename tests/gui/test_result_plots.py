"""Result plots a student can read: legend beside the plot, names on hover, a 1:1 line,
the TGA run's T1 and gas switch marked and each DTG peak named."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from workbench.analysis import discover, run_plugin
from workbench.gui.result_plots import PlotPanel, plot_widget, point_tip
from workbench.gui.result_view import ResultView
from workbench.model import Column, Result


def _items(panel: PlotPanel, kind: type) -> list:
    return [i for i in panel.getPlotItem().items if isinstance(i, kind)]


def test_tga_result_marks_t1_and_the_gas_switch_and_names_each_peak(qtbot, demo_project):
    result = run_plugin(demo_project, "tga_proximate", "s-birch-chips", registry=discover())[0]
    view = ResultView()
    qtbot.addWidget(view)
    view.show_result(demo_project.samples["s-birch-chips"], result, "TGA")
    curve = view.plots.widget(0)
    lines = _items(curve, pg.InfiniteLine)
    texts = [line.label.toPlainText() for line in lines]
    assert any(t.startswith("T1, moisture end (150") for t in texts)
    assert any(t.startswith("Gas switch to oxidising") for t in texts)
    dtg = view.plots.widget(1)
    names = [t.toPlainText() for t in _items(dtg, pg.TextItem)]
    assert any(n.startswith("Drying (water)") for n in names)
    assert any(n.startswith("Cellulose range") for n in names)
    table = view.plots.widget(2)
    headers = [table.model().headerData(r, 2, 0) for r in range(table.model().rowCount())]
    assert headers[0].startswith("Drying (water)")  # rows named, not numbered


def _pls_like_result(n: int = 8) -> Result:
    ref = np.linspace(1, 10, n)
    pred = ref + np.sin(np.arange(n))
    return Result(
        id="r1",
        plugin_id="pls_calibration",
        plugin_version="1.0.0",
        columns={
            "reference": Column("reference", "%", ref, "Reference (%)"),
            "cv_predicted": Column("cv_predicted", "%", pred, "Cross-validated prediction (%)"),
        },
        plots=[
            {
                "kind": "scatter",
                "x": "reference",
                "y": ["cv_predicted"],
                "labels": [f"Sample {i}" for i in range(n)],
                "identity_line": True,
            }
        ],
    )


def test_predicted_versus_reference_names_points_on_hover_and_keeps_the_legend_aside(qtbot):
    result = _pls_like_result()
    panel = plot_widget(result, result.plots[0])
    qtbot.addWidget(panel)
    plot = panel.getPlotItem()
    assert plot.legend is None  # no legend over the points
    assert not _items(panel, pg.TextItem)  # no labels printed over each other
    spots = _items(panel, pg.ScatterPlotItem)[0]
    assert spots.opts["hoverable"]
    point = spots.points()[3]
    tip = spots.opts["tip"](x=point.pos().x(), y=point.pos().y(), data=point.data())
    assert tip.startswith("Sample 3\n")
    assert panel.legend.entries() == [
        "Cross-validated prediction (%)",
        "1:1 line (perfect prediction)",
    ]
    assert not panel.legend.isHidden()
    assert point_tip(1.0, 2.0, None) == "1; 2"


def test_a_narrow_plot_has_its_legend_under_it_and_its_axis_label_whole(qtbot):
    """At 1366 px the PLS plot is narrow: beside it the legend left the x-axis label cut
    ("Tuhka, referenssiarvo (%"); under it the plot has the panel's whole width."""
    from PySide6.QtWidgets import QBoxLayout

    from workbench.gui.result_plots import NARROW_PANEL

    result = _pls_like_result()
    panel = plot_widget(result, result.plots[0])
    qtbot.addWidget(panel)
    panel.resize(NARROW_PANEL + 200, 360)
    panel.show()
    qtbot.wait(20)
    assert panel.box.direction() == QBoxLayout.Direction.LeftToRight
    assert panel.legend.x() > panel.plot_widget.x()
    panel.resize(380, 360)
    qtbot.wait(20)
    assert panel.box.direction() == QBoxLayout.Direction.TopToBottom
    assert panel.legend.y() > panel.plot_widget.y() and panel.legend.width() >= 370
    axis = panel.getPlotItem().getAxis("bottom")
    assert axis.label.boundingRect().width() <= axis.width()  # the label is whole
    rows = panel.legend.count()
    assert panel.legend.height() >= rows * panel.legend.sizeHintForRow(0)  # every entry shows
