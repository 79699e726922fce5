"""The welcome page: shown at start (the first start opens the demo behind it).

Four short cards instead of a wall of text: what the application does, how to bring
data in, how to read the suitability matrix (✔ ◐ ✘ ?), where help is. Buttons lead
straight to the next step (import, the user guide, simple mode). A "Don't show this
at start" checkbox is stored in QSettings (``ui/welcome_hidden``); Help > Welcome
opens the page again at any time.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from workbench import APP_NAME
from workbench.gui.verdict_view import COLOURS, SYMBOLS

if TYPE_CHECKING:
    from workbench.gui.main_window import MainWindow

HIDDEN_KEY = "ui/welcome_hidden"


def welcome_hidden(settings: QSettings | None = None) -> bool:
    settings = settings or QSettings()
    return str(settings.value(HIDDEN_KEY, "false")).lower() == "true"


def set_welcome_hidden(hidden: bool, settings: QSettings | None = None) -> None:
    (settings or QSettings()).setValue(HIDDEN_KEY, "true" if hidden else "false")


def _card(title: str, body: str) -> QFrame:
    frame = QFrame()
    frame.setObjectName("card")
    frame.setStyleSheet(
        "QFrame#card { background:#ffffff; border:1px solid #d5dde5; border-radius:6px; }"
    )
    heading = QLabel(f"<b style='font-size:12pt'>{title}</b>")
    text = QLabel(body)
    text.setWordWrap(True)
    text.setTextFormat(Qt.TextFormat.RichText)
    text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(14, 12, 14, 12)
    layout.addWidget(heading)
    layout.addWidget(text, 1)
    return frame


class WelcomeDialog(QDialog):
    """The welcome page (not modal: the window behind stays usable)."""

    def __init__(self, win: MainWindow | None = None) -> None:
        super().__init__(win)
        self.win = win
        self.setObjectName("welcome")
        self.setWindowTitle(self.tr("Welcome to %1").replace("%1", APP_NAME))
        self.setStyleSheet("QDialog#welcome { background:#f3f6f9; }")

        title = QLabel(
            "<span style='font-size:18pt; font-weight:600'>"
            + self.tr("Welcome to %1").replace("%1", APP_NAME)
            + "</span>"
        )
        self.subtitle = subtitle = QLabel(
            self.tr(
                "The demonstration project is open behind this page: eight common Finnish "
                "feedstocks with typical literature values. Try things on it freely."
            )
        )
        subtitle.setWordWrap(True)

        what = _card(
            self.tr("What it does"),
            self.tr(
                "Fibre Workbench collects lab instrument exports (TGA, moisture, ash, NIR "
                "spectra, fibre analyser reports) into one project file, runs analyses on "
                "them and tells which product routes each feedstock suits, with the reasons."
            ),
        )
        how_import = _card(
            self.tr("Bring in your data"),
            self.tr(
                "Drag files or whole folders onto the window, or use <b>File &gt; Import "
                "files…</b> (Ctrl+I). The format is recognised from the content; a preview "
                "shows what was read before anything is added."
            ),
        )
        legend = "<br>".join(
            f"<span style='background:{COLOURS[v]}'>&nbsp;{SYMBOLS[v]}&nbsp;</span> {text}"
            for v, text in (
                ("suitable", self.tr("<b>Suitable</b>: every limit is met")),
                (
                    "conditionally suitable",
                    self.tr("<b>Conditional</b>: met only within uncertainty, or with a condition"),
                ),
                ("not suitable", self.tr("<b>Not suitable</b>: a hard limit fails")),
                ("not enough data", self.tr("<b>No data</b>: a deciding measurement is missing")),
            )
        )
        matrix = _card(
            self.tr("Read the suitability matrix"),
            self.tr("Samples are rows, product routes are columns:")
            + "<br>"
            + legend
            + "<br>"
            + self.tr("Click a cell to see every limit, the measured value and its source."),
        )
        help_card = _card(
            self.tr("Help is built in"),
            self.tr(
                "<b>Help &gt; User guide</b> (F1) explains every task step by step, works "
                "offline and is in English and Finnish. Hover over a control to see what it "
                "does. For a quick company self-assessment, switch on <b>View &gt; Simple "
                "mode</b>."
            ),
        )
        grid = QGridLayout()
        grid.setSpacing(12)
        grid.addWidget(what, 0, 0)
        grid.addWidget(how_import, 0, 1)
        grid.addWidget(matrix, 1, 0)
        grid.addWidget(help_card, 1, 1)
        self.cards = [what, how_import, matrix, help_card]

        self.dont_show = QCheckBox(self.tr("Don't show this at start"))
        self.dont_show.setToolTip(self.tr("Help > Welcome opens this page again"))
        self.dont_show.setChecked(welcome_hidden())
        self.dont_show.toggled.connect(set_welcome_hidden)
        self.import_button = QPushButton(self.tr("Import files…"))
        self.import_button.setToolTip(self.tr("Choose instrument exports to add to the project"))
        self.import_button.clicked.connect(self._import)
        self.guide_button = QPushButton(self.tr("Open the user guide"))
        self.guide_button.setToolTip(self.tr("The guide opens in a window of its own (F1)"))
        self.guide_button.clicked.connect(self._guide)
        self.close_button = QPushButton(self.tr("Start working"))
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.dont_show)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.guide_button)
        buttons.addWidget(self.close_button)
        for button in (self.import_button, self.guide_button):
            button.setEnabled(win is not None)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addLayout(grid, 1)  # extra height goes to the cards' wrapped texts
        layout.addLayout(buttons)
        if win is not None:
            win.doc.projectReplaced.connect(self.refresh)
        self.refresh()
        self.setMinimumWidth(min(900, self._available().width() - 40))
        self.resize(self.minimumWidth(), 1)  # as short as the cards allow (fit_cards)

    def _available(self):
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_cards()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_cards()

    def fit_cards(self) -> None:
        """Each card at least as tall as its wrapped text needs at the card's width, so the
        page grows (to at most the screen) instead of cutting the cards' last lines: the
        layout alone undersized them (the "? No data" line, the last help line in
        Finnish)."""
        room = self._available().height() - 60 - (self.height() - self.cards[0].height())
        for row in (self.cards[:2], self.cards[2:]):  # the two cards of a row alike
            if all(card.width() > 0 for card in row):
                tallest = max(card.heightForWidth(card.width()) for card in row)
                for card in row:
                    card.setMinimumHeight(min(tallest, max(room // 2, 80)))
        if self.subtitle.width() > 0:  # wraps to two lines in Finnish
            self.subtitle.setMinimumHeight(self.subtitle.heightForWidth(self.subtitle.width()))
        # the page has a minimum width of its own, so Qt does not raise its minimum height
        # to the layout's: grow the page here (the cards overlapped the buttons)
        self.layout().invalidate()  # the cards' new minimum heights count from here
        needed = self.layout().minimumSize().height()
        if self.height() < needed:
            self.resize(self.width(), min(needed, self._available().height() - 60))

    def refresh(self) -> None:
        """The demo sentence only while the demonstration project is the open one."""
        from workbench.gui.app import demo_path

        project = self.win.doc.project if self.win is not None else None
        is_demo = project is not None and project.path is not None
        self.subtitle.setVisible(is_demo and Path(project.path) == demo_path())

    def _import(self) -> None:
        self.accept()
        if self.win is not None:
            self.win.import_dialog()

    def _guide(self) -> None:
        if self.win is not None:
            from workbench.gui.user_guide import show_user_guide

            self.accept()
            show_user_guide(self.win)


def show_welcome(win: MainWindow) -> WelcomeDialog:
    """Open the welcome page over ``win`` (Help > Welcome)."""
    dialog = getattr(win, "_welcome", None)
    if dialog is None:
        dialog = WelcomeDialog(win)
        win._welcome = dialog  # type: ignore[attr-defined]
    dialog.dont_show.setChecked(welcome_hidden())
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def show_welcome_at_start(win: MainWindow) -> WelcomeDialog | None:
    """Show the page at start unless the user ticked "Don't show this at start"."""
    if welcome_hidden():
        return None
    return show_welcome(win)
