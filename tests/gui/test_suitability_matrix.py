"""The suitability matrix: symbols and words, colours, filters and the explanation."""

from __future__ import annotations

from PySide6.QtCore import Qt

SYMBOLS = ("✔", "◐", "✘", "?")
WORDS = ("Suitable", "Conditional", "Not suitable", "No data")


def _loaded(window, demo_project, qtbot):
    window.doc.set_project(demo_project)
    panel = window.analysis.suitability
    assert panel.computations == 0  # its tab is not shown: nothing computed yet
    window.analysis.show_matrix()
    qtbot.waitUntil(lambda: panel.computations > 0, timeout=20000)
    return panel


def test_matrix_shows_symbols_words_and_colours_for_the_demo(window, demo_project, qtbot):
    panel = _loaded(window, demo_project, qtbot)
    model = panel.model
    assert model.rowCount() == len(demo_project.samples)
    assert model.columnCount() >= 9
    cells = [c for row in panel.cell_texts() for c in row]
    assert cells and all(c.split()[0] in SYMBOLS for c in cells)
    assert len({c.split()[0] for c in cells}) >= 2  # the demo gets different verdicts
    index = model.index(0, 0)
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    # the symbol's word: in the tooltip, for screen readers, and in the legend above
    assert any(w in index.data(Qt.ItemDataRole.ToolTipRole) for w in ("suitable", "data"))
    assert index.data(Qt.ItemDataRole.AccessibleTextRole).rstrip(" *") in WORDS
    header = model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    assert header and header != model.routes[0][0]  # a route name, not its id


def test_clicking_a_cell_shows_the_full_explanation(window, demo_project, qtbot):
    panel = _loaded(window, demo_project, qtbot)
    assert panel.select("s-spruce-bark", "pellets_enplus_a1")
    text = panel.explanation.toPlainText()
    assert "Spruce bark" in text and "Wood pellets ENplus A1" in text
    for heading in ("Criteria", "Nearest reference feedstocks", "Limit", "Result", "Source"):
        assert heading in text
    assert "Ash" in text and "%" in text
    # a verdict with a pre-treatment suggestion names the verdict that would follow
    suggested = [v for v in panel.model.cells.values() if v.get("suggestions")]
    if suggested:
        v = suggested[0]
        assert panel.select(v["sample_id"], v["route"])
        assert "Pre-treatment that would change it" in panel.explanation.toPlainText()


def test_filters_by_route_and_verdict(window, demo_project, qtbot):
    panel = _loaded(window, demo_project, qtbot)
    routes = [rid for rid, _n in panel.model.routes]
    panel.set_route_filter({routes[0], routes[1]})
    assert panel.proxy.columnCount() == 2
    assert "2 of" in panel.routes_button.text()
    panel.set_route_filter(None)
    assert panel.proxy.columnCount() == len(routes)
    panel.set_verdict_filter("not suitable")
    rows = panel.cell_texts()
    assert rows and all(any(c.startswith("✘") for c in row) for row in rows)
    n_not = panel.proxy.rowCount()
    panel.set_verdict_filter("suitable")
    assert all(any(c.startswith("✔") for c in row) for row in panel.cell_texts())
    panel.set_verdict_filter("")
    assert panel.proxy.rowCount() == len(demo_project.samples) >= n_not


def test_matrix_follows_project_changes(window, demo_project, qtbot):
    panel = _loaded(window, demo_project, qtbot)
    before = panel.computations
    window.add_sample()
    qtbot.waitUntil(lambda: panel.computations > before, timeout=20000)
    assert panel.model.rowCount() == len(demo_project.samples)


def test_every_route_and_its_whole_name_in_view_at_1366x768(window, demo_project, qtbot):
    """Issue 17: route names and headers readable at 1366x768. Names are written upwards
    and wrapped, so all routes fit beside the sample names, and no name is cut."""
    from workbench.gui.rotated_header import PAD

    window.resize(1366, 768)
    panel = _loaded(window, demo_project, qtbot)
    qtbot.wait(50)
    header = panel.view.horizontalHeader()
    last = header.count() - 1
    assert header.count() >= 12
    assert header.sectionViewportPosition(last) + header.sectionSize(last) <= (
        panel.view.viewport().width()
    ), "a route is off to the right at 1366 px"
    metrics = header.fontMetrics()
    for section in range(header.count()):
        title = header.title(section)
        # every word of the name fits the header's height, and the wrapped name the width
        assert max(metrics.horizontalAdvance(w) for w in title.split()) <= header.height() - 2 * PAD
        assert header._thickness(title, header.height()) <= header.sectionSize(section)
        assert title in str(panel.model.headerData(section, Qt.Orientation.Horizontal, 3))
