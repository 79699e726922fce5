"""Translations: the Finnish catalogue covers every GUI string and is compiled and loaded."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from workbench.gui import i18n, translations_tool


def test_catalogue_is_complete_and_compiled():
    """Every string of the shell has a Finnish translation and the .qm is current."""
    if translations_tool.tool("pyside6-lupdate") is None:
        pytest.skip("pyside6-lupdate is not installed beside this Python")
    problems = translations_tool.check(shell_only=True)
    assert problems == [], "run: python -m workbench.gui.translations_tool\n" + "\n".join(problems)


def test_finnish_translator_translates_the_window(qapp, qtbot):
    from workbench.gui.main_window import MainWindow

    installed = i18n.install_translators(qapp, "fi")
    try:
        assert installed, "the Finnish catalogue did not load"
        assert QCoreApplication.translate("Actions", "&File") == "&Tiedosto"
        win = MainWindow()
        qtbot.addWidget(win)
        menus = [a.text() for a in win.menuBar().actions()]
        assert menus[:2] == ["&Tiedosto", "&Muokkaa"]
        assert win.tree_dock.windowTitle() == "Projekti"
        # a mixin method translates with its own context
        assert win._filter().startswith("Fibre Workbench -projektit")
        assert i18n.feedstock_label("bark") == "Kuori"
        assert i18n.kind_label("spectrum") == "Spektri"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        i18n.install_translators(qapp, "en")
    assert QCoreApplication.translate("Actions", "&File") == "&File"
    assert i18n.feedstock_label("bark") == "Bark"


def test_language_setting_resolution(qapp):
    from PySide6.QtCore import QSettings

    settings = QSettings()
    settings.setValue("ui/language", "fi")
    assert i18n.chosen_language(settings) == "fi"
    settings.setValue("ui/language", "xx")
    assert i18n.chosen_language(settings) in ("en", "fi")
