"""Numbers in the window follow the user's locale; files keep their own decimal mark."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from workbench.gui.import_preview_model import fmt_num
from workbench.gui.numbers import locale_fixed, locale_number
from workbench.gui.result_plots import plot_widget  # noqa: F401 - module imports cleanly
from workbench.gui.result_view import fmt


@pytest.fixture
def finnish_locale(qapp):
    old = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Finnish, QLocale.Country.Finland))
    yield
    QLocale.setDefault(old)


def test_views_write_decimal_commas_in_finnish(finnish_locale):
    assert locale_number(12.5) == "12,5"
    assert fmt(0.1664) == "0,1664"
    assert fmt_num(1234.5) == "1235"
    assert locale_fixed(0.875) == "0,88"
    assert locale_number(float("nan")) == ""


def test_english_locale_keeps_points(qapp):
    old = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    try:
        assert fmt(0.1664) == "0.1664" and locale_fixed(0.875) == "0.88"
    finally:
        QLocale.setDefault(old)
