"""The window with a year of a lab's samples (issue 16 part 3): no widget per item, a
filter that asks one cached text per sample, a matrix of 1,000 samples filled from one
bulk classification, with explanations made only for the cells that are read.

Timings are measured by ``tests/gui/event_loop_gaps.py`` (select, filter, matrix,
open); these tests check the design that makes them fast.
"""

from __future__ import annotations

from PySide6.QtCore import Qt


def _classified_project(n: int):
    from event_loop_gaps import classified_project

    return classified_project(n)


def test_the_filter_reads_each_sample_once_not_every_cell(window, monkeypatch):
    from workbench.project.synthetic import make_project

    project = make_project(1000, spectrum_points=10, tga_points=10, with_table=False)
    window.set_project(project)
    model = window.table_model
    calls = []
    original = model.data

    def counting(index, role=Qt.ItemDataRole.DisplayRole):
        calls.append(role)
        return original(index, role)

    monkeypatch.setattr(model, "data", counting)
    window.filter_edit.setText("sample 09")
    first = len(calls)
    assert window.table.proxy.rowCount() == 100  # Sample 0900 .. 0999
    window.filter_edit.setText("sample 099")
    assert window.table.proxy.rowCount() == 10
    assert len(calls) == first  # the second keystroke asks the model nothing
    window.filter_edit.setText("SUPPLIER 3")
    assert window.table.proxy.rowCount() == len(
        [s for s in project.samples.values() if s.supplier == "Supplier 3"]
    )
    # an edit shows up in the filter at once
    sid = next(iter(project.samples))
    window.doc.set_sample_field(sid, "supplier", "Supplier 3 (new)")
    assert window.table.proxy.rowCount() == 1 + len(
        [s for s in project.samples.values() if s.supplier == "Supplier 3"]
    )
    window.filter_edit.setText("")
    assert window.table.proxy.rowCount() == 1000


def test_the_matrix_of_1000_samples_explains_only_what_is_read(window, qtbot, monkeypatch):
    from workbench.classify.engine import Classification

    calls: list[tuple[object, int, int]] = []
    explain = Classification.explain
    monkeypatch.setattr(
        Classification,
        "explain",
        lambda self, i, r, **k: calls.append((self, i, r)) or explain(self, i, r, **k),
    )

    def explained() -> list[tuple[int, int]]:  # cells of the matrix, not of the references
        result = panel.model.data_.get("result")
        return [(i, r) for c, i, r in calls if c is result]

    project = _classified_project(1000)
    window.set_project(project)
    panel = window.analysis.suitability
    window.analysis.show_matrix()
    qtbot.waitUntil(lambda: panel.computations > 0, timeout=60000)
    model = panel.model
    assert model.rowCount() == 1000 and model.columnCount() >= 9
    texts = panel.cell_texts()
    assert len(texts) == 1000 and all(texts[-1])  # every cell has its verdict word
    assert not explained()  # drawing and reading verdicts explains nothing
    rows = panel.view.verticalHeader()
    assert rows.sectionResizeMode(0) == rows.ResizeMode.Fixed  # no sizing of 1,000 rows
    tip = model.index(500, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert "sample 500" in tip and not explained()
    sid, rid = model.samples[999][0], model.routes[0][0]
    assert panel.select(sid, rid)
    assert "sample 999" in panel.explanation.toPlainText()
    assert explained() == [(999, 0)]
    panel.set_verdict_filter("suitable")
    assert 0 < panel.proxy.rowCount() < 1000
    assert explained() == [(999, 0)]  # filtering reads verdicts, not explanations


class _CountingArray:
    """A lazy array stand-in that counts its reads (as ``LazyArray``: read on use)."""

    def __init__(self, values) -> None:
        self.values, self.reads = values, 0
        self.shape, self.dtype = values.shape, values.dtype

    def __len__(self) -> int:
        return len(self.values)

    def __array__(self, dtype=None, copy=None):
        import numpy as np

        self.reads += 1
        return np.asarray(self.values, dtype=dtype)


def test_a_curve_read_for_a_sample_is_not_read_again_for_its_measurement(window, make_project):
    """Selecting a sample, then one of its measurements (or going back) draws arrays
    already read: the file is read once (``ArrayCache``), in a turn of its own."""
    import numpy as np

    project = make_project(2, 3)
    counters = []
    for sample in project.samples.values():
        for m in sample.measurements.values():
            for column in m.columns.values():
                column.data = _CountingArray(np.asarray(column.data))
                counters.append(column.data)
    window.set_project(project)
    sample = next(iter(project.samples.values()))
    model, tree = window.tree_model, window.tree
    tree.setCurrentIndex(model.index_of_sample(sample.id))
    assert window._pending_plot is not None  # drawn in later turns of the event loop
    window._plot_step()  # first turn: the arrays are read, nothing drawn yet
    assert window._pending_plot is not None
    assert sum(c.reads for c in counters) == 2 * 3  # x and y of three curves
    window._plot_step()  # next turn: drawn from the arrays read
    assert window._pending_plot is None
    assert len(window.plot.plot_items()[0].listDataItems()) == 3
    tree.setCurrentIndex(model.index(1, 0, model.index_of_sample(sample.id)))
    window.flush_plot()
    tree.setCurrentIndex(model.index_of_sample(sample.id))
    window.flush_plot()
    assert sum(c.reads for c in counters) == 2 * 3  # nothing read again


def test_going_between_a_sample_and_its_curve_keeps_the_plots_laid_out(window, demo_project):
    """The legend does not shrink for a one-curve selection (each new width laid out and
    repainted the plots), and axis labels that stay the same are not set again."""
    window.set_project(demo_project)
    sample = next(
        s
        for s in demo_project.samples.values()
        if sum(m.is_curve for m in s.measurements.values()) > 1
    )
    model, tree = window.tree_model, window.tree
    tree.setCurrentIndex(model.index_of_sample(sample.id))
    window.flush_plot()
    width = window.plot.splitter.sizes()[1]
    labels = {}
    for row, m in enumerate(sample.measurements.values()):
        tree.setCurrentIndex(model.index(row, 0, model.index_of_sample(sample.id)))
        window.flush_plot()
        assert window.plot.splitter.sizes()[1] == width
        if not m.is_curve:
            continue
        plot = window.plot.plot_items()[0]
        label = plot.getAxis("bottom").label
        labels.setdefault(plot.getAxis("bottom").labelText, set()).add(label.toHtml())
    assert all(len(htmls) == 1 for htmls in labels.values())


def test_closing_a_project_lets_the_classifiers_copy_of_its_values_go(
    window, demo_project, monkeypatch
):
    """The classifier keeps the values it read for the next classification of the same
    project; the window lets them go with the project, not at the next classification."""
    from workbench.classify import blockcache
    from workbench.classify.blockcache import BLOCKS
    from workbench.classify.engine import classify_bulk
    from workbench.classify.routes import load_routes

    monkeypatch.setattr(blockcache, "MIN_OWNERS", 1)
    window.doc.set_project(demo_project)
    classify_bulk(list(demo_project.samples.values()), load_routes(include_user=False).routes)
    assert len(BLOCKS) > 0
    window.release_project()
    assert len(BLOCKS) == 0
