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
