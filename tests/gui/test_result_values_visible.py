"""A result's values are visible without scrolling in the width the window gives them.

The property column used to stretch over the whole narrow pane and push the value,
unit and basis columns out of sight.
"""

from __future__ import annotations


def test_value_column_is_in_view(qtbot, demo_project):
    from workbench.analysis.runner import run_plugin
    from workbench.gui.result_view import ResultView

    sample = next(s for s in demo_project.samples.values() if s.name == "Spruce bark")
    run_plugin(demo_project, "moisture_ash", [sample.id], {})
    result = next(iter(sample.results.values()))
    view = ResultView()
    qtbot.addWidget(view)
    view.resize(690, 420)  # the result pane of a 1400 x 900 main window
    view.show_result(sample, result)
    view.show()
    qtbot.waitExposed(view)
    values = view.values
    assert values.rowCount() == 3
    right_edge = values.columnViewportPosition(1) + values.columnWidth(1)
    assert 0 < right_edge <= values.viewport().width()
