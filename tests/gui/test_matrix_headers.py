"""The suitability matrix shows every route name in full, in Finnish too.

Finnish route names are longer ("Puumuovi- ja luonnonkuitukomposiitit"); with a fixed
column width and header height the longest words were cut on both sides and a fourth
line fell off. Now every column is at least as wide as its name's longest word, and the
header is as tall as the most wrapped name.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt

from workbench.gui import i18n


def _check_headers_fit(panel) -> list[str]:
    view = panel.view
    header = view.horizontalHeader()
    metrics = header.fontMetrics()
    names = []
    for column in range(view.model().columnCount()):
        name = view.model().headerData(column, Qt.Orientation.Horizontal)
        names.append(name)
        width = header.sectionSize(column)
        longest = max(metrics.horizontalAdvance(w) for w in name.split())
        assert longest < width, (name, longest, width)
        flags = int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        wrapped = metrics.boundingRect(QRect(0, 0, width - 8, 10_000), flags, name)
        assert wrapped.height() <= 3 * metrics.lineSpacing(), name  # at most three lines
        assert wrapped.height() < header.height(), (name, wrapped.height(), header.height())
        tip = view.model().headerData(
            column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
        )
        assert name in tip
    # the header and a few rows fit in the view however short the dock is
    assert view.minimumHeight() >= header.height() + 3 * view.verticalHeader().defaultSectionSize()
    return names


def test_finnish_route_headers_are_not_cut(qapp, qtbot, window, demo_project):
    installed = i18n.install_translators(qapp, "fi")
    try:
        window.doc.set_project(demo_project)
        panel = window.analysis.suitability
        window.analysis.show_matrix()
        qtbot.waitUntil(lambda: panel.computations > 0, timeout=20000)
        names = _check_headers_fit(panel)
        assert "Puumuovi- ja luonnonkuitukomposiitit" in names
        # a column the user narrows makes the header taller instead of cutting the name
        header = panel.view.horizontalHeader()
        before = header.height()
        column = names.index("Liukosellu ja mikrofibrilloitu selluloosa")
        header.resizeSection(column, 70)  # four lines now
        assert header.height() > before
        # hiding and showing routes keeps the fitted widths
        panel.set_route_filter({panel.model.routes[column][0]})
        panel.set_route_filter(None)
        _check_headers_fit(panel)
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        i18n.install_translators(qapp, "en")


def test_english_route_headers_are_not_cut(qtbot, window, demo_project):
    window.doc.set_project(demo_project)
    panel = window.analysis.suitability
    window.analysis.show_matrix()
    qtbot.waitUntil(lambda: panel.computations > 0, timeout=20000)
    assert "Wood-plastic and natural-fibre composites" in _check_headers_fit(panel)
