"""Language: system default resolution, stored choice, restart prompt and command."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSettings

from workbench.gui import language


def test_resolve_follows_the_system_locale_only_when_unset():
    assert language.resolve("", "fi_FI") == "fi"
    assert language.resolve("", "sv_FI") == "en"
    assert language.resolve("", "en_GB") == "en"
    assert language.resolve("fi", "en_US") == "fi"
    assert language.resolve("en", "fi_FI") == "en"


def test_restart_command_reopens_the_project(monkeypatch):
    program, args = language.restart_command("/x/demo.fwproj")
    assert program == sys.executable and args == ["-m", "workbench", "/x/demo.fwproj"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert language.restart_command(None) == (sys.executable, [])


def test_menu_choice_is_stored_and_asks_to_restart(window, monkeypatch):
    asked = []
    restarted = []
    monkeypatch.setattr(language, "ask_restart", lambda win: asked.append(win) or False)
    monkeypatch.setattr(language, "restart", lambda win: restarted.append(win))
    actions = {a.data(): a for a in window.actions_.language_group.actions()}
    actions["fi"].trigger()
    assert QSettings().value("ui/language") == "fi"
    assert asked == [window] and restarted == []
    assert "next time" in window.message_bar.text()
    # choosing the language already in use asks nothing
    actions["en"].trigger()
    assert QSettings().value("ui/language") == "en"
    assert len(asked) == 1


def test_restart_now_restarts(window, monkeypatch):
    restarted = []
    monkeypatch.setattr(language, "ask_restart", lambda win: True)
    monkeypatch.setattr(language, "restart", lambda win: restarted.append(win))
    language.change_language(window, "fi")
    assert restarted == [window]


def test_restart_closes_window_and_starts_a_process(window, monkeypatch):
    from PySide6.QtCore import QProcess

    calls = []
    monkeypatch.setattr(QProcess, "startDetached", lambda *a: calls.append(a) or (True, 1))
    quits = []
    monkeypatch.setattr(window, "close", lambda: quits.append(window) or True)
    app = __import__("PySide6.QtWidgets", fromlist=["QApplication"]).QApplication.instance()
    monkeypatch.setattr(app, "quit", lambda: None)
    assert language.restart(window)
    assert quits == [window] and calls and calls[0][0] == sys.executable
    monkeypatch.undo()


def test_generic_column_labels_follow_the_language(qapp):
    from workbench.gui import i18n
    from workbench.gui.column_labels import column_label

    installed = i18n.install_translators(qapp, "fi")
    try:
        assert column_label("Temperature") == "Lämpötila"
        assert column_label("Moisture (wet basis)") == "Kosteus (märkäpainosta)"
        assert column_label("Absorbance (log(1/R))") == "Absorbanssi (log(1/R))"
        assert column_label("Sample weight 2") == "Sample weight 2"  # a file's own label
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        i18n.install_translators(qapp, "en")
    assert column_label("Temperature") == "Temperature"


def test_default_language_follows_a_finnish_system(monkeypatch):
    from workbench.gui import i18n

    class FakeLocale:
        def __init__(self, name: str) -> None:
            self._name = name

        def name(self) -> str:
            return self._name

    settings = QSettings()
    settings.remove("ui/language")  # never chosen: follow the system
    for system, expected in (("fi_FI", "fi"), ("en_US", "en"), ("de_DE", "en")):
        monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda s=system: FakeLocale(s)))
        assert i18n.chosen_language(settings) == expected
        assert language.resolve("", system) == expected


def test_restart_question_answers(window):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def answer(text: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and "Restart now" in box.text()
        next(b for b in box.buttons() if b.text() == text).click()

    QTimer.singleShot(50, lambda: answer("Restart now"))
    assert language.ask_restart(window) is True
    QTimer.singleShot(50, lambda: answer("Later"))
    assert language.ask_restart(window) is False
