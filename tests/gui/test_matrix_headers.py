"""The suitability matrix shows every route name in full, in Finnish too.

Finnish route names are longer ("Puumuovi- ja luonnonkuitukomposiitit"). Names are
written upwards (``gui/rotated_header.py``): the header is as tall as the longest word
and each column as wide as its name wrapped onto that height, so no word is cut and a
name takes at most three lines of the column's width.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from workbench.gui import i18n


def _check_headers_fit(panel) -> list[str]:
    from workbench.gui.rotated_header import PAD

    view = panel.view
    header = view.horizontalHeader()
    metrics = header.fontMetrics()
    names = []
    for column in range(view.model().columnCount()):
        name = view.model().headerData(column, Qt.Orientation.Horizontal)
        names.append(name)
        longest = max(metrics.horizontalAdvance(w) for w in name.split())
        assert longest <= header.height() - 2 * PAD, (name, longest, header.height())
        thickness = header._thickness(name, header.height())
        assert thickness <= header.sectionSize(column), (name, thickness)
        assert thickness <= 3 * metrics.lineSpacing() + 2 * PAD, name  # at most three lines
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
        column = names.index("Liukosellu ja mikrofibrilloitu selluloosa")
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
