"""Numbers in the window are written as the interface language writes them.

A Finnish interface on a system with another locale showed "3.104" in its tables
next to "3,104 %" in the Finnish messages of the same result.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

from workbench.gui import i18n
from workbench.gui.numbers import locale_fixed, locale_number


def test_finnish_interface_writes_decimal_commas(finnish_ui):
    assert locale_number(3.104) == "3,104"
    assert locale_fixed(48.7712, 2) == "48,77"


def test_negative_numbers_use_the_minus_a_spreadsheet_reads(finnish_ui):
    """Qt's Finnish minus (U+2212) made a copied cell text in Excel and LibreOffice, and
    differed from the "-" of the messages and reports."""
    from workbench.messages import fi_number

    assert locale_number(-1.5) == "-1,5" == fi_number(-1.5, "g")
    assert locale_fixed(-2.25, 2) == "-2,25"
    assert locale_number(-1.5e-7) == "-1,5e-7"
    assert locale_number(float("-inf")) == "-∞"


def test_english_interface_follows_the_system_locale(qapp):
    i18n.install_translators(qapp, "en")
    assert QLocale() == QLocale.system()
    mark = QLocale.system().decimalPoint()
    assert locale_fixed(48.7712, 2) == f"48{mark}77"


def test_plot_axes_write_the_locale_decimal_mark(finnish_ui):
    from workbench.gui.locale_axis import locale_axes

    axis = locale_axes()["left"]
    assert axis.tickStrings([0.5, 1.0, 1.5], 1.0, 0.5) == ["0,5", "1,0", "1,5"]


def test_plot_axes_in_english_keep_the_point(qapp):
    from workbench.gui.locale_axis import locale_axes

    i18n.install_translators(qapp, "en")
    QLocale.setDefault(QLocale.c())
    try:
        assert locale_axes()["bottom"].tickStrings([0.5, 1.0], 1.0, 0.5) == ["0.5", "1.0"]
    finally:
        QLocale.setDefault(QLocale.system())


def test_the_main_window_plots_use_locale_axes(window, demo_project):
    from workbench.gui.locale_axis import LocaleAxisItem

    window.set_project(demo_project)
    sample = next(
        s for s in demo_project.samples.values() if any(m.is_curve for m in s.measurements.values())
    )
    window.select_sample(sample.id)
    plots = window.plot.plot_items()
    assert plots
    for plot in plots:
        assert isinstance(plot.getAxis("bottom"), LocaleAxisItem)
        assert isinstance(plot.getAxis("left"), LocaleAxisItem)
