"""Welcome page: shown at start over the demo, "Don't show again" remembered, Help > Welcome."""

from __future__ import annotations

from PySide6.QtCore import QSettings


def test_start_shows_welcome_over_the_demo(window, qtbot, make_project):
    from workbench.gui.app import start_window

    start_window(window, None)
    qtbot.waitUntil(lambda: window.doc.project is not None, timeout=15000)
    page = window._welcome
    assert page.isVisible()
    from PySide6.QtWidgets import QLabel

    all_text = " ".join(label.text() for label in page.findChildren(QLabel))
    for symbol in ("✔", "◐", "✘", "?"):
        assert symbol in all_text
    assert "File &gt; Import" in all_text and "User guide" in all_text
    assert not page.subtitle.isHidden()  # "the demonstration project is open behind"
    window.set_project(make_project())
    assert page.subtitle.isHidden()  # not said over the user's own project
    page.close()


def test_dont_show_again_is_remembered(window, qtbot):
    from workbench.gui.app import start_window
    from workbench.gui.welcome import show_welcome_at_start, welcome_hidden

    start_window(window, None)
    page = window._welcome
    page.dont_show.setChecked(True)
    page.close()
    assert welcome_hidden(QSettings())
    assert show_welcome_at_start(window) is None
    # Help > Welcome still opens it, with the box ticked
    window.help_actions.welcome.trigger()
    assert page.isVisible() and page.dont_show.isChecked()
    page.dont_show.setChecked(False)
    assert not welcome_hidden(QSettings())
    page.close()


def test_welcome_closes_with_the_window(qtbot):
    from workbench.gui.main_window import MainWindow
    from workbench.gui.welcome import show_welcome

    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    page = show_welcome(win)
    assert page.isVisible()
    win.close()
    assert not page.isVisible()
