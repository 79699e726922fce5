"""Simple mode (View > Simple mode): only what a company self-assessment needs.

The plot and table area becomes a ``QStackedWidget`` holding the full workbench (page
0) and the simple panel (page 1). In simple mode the panel offers three big steps (start the
self-assessment wizard, save the report, open another project), the Suitability dock
stays as the overview of verdicts, and the other docks and the expert menus (Edit,
Analyses, Tools) are hidden. The mode and the docks that were open in the full
workbench are remembered in QSettings (``ui/simple_mode``, ``ui/full_mode_docks``), so
the next start opens in the same mode. Switching back restores the full workbench.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.errors import UserFacingError
from workbench.gui.i18n import active_language, fill
from workbench.gui.self_assessment import (
    company_sample_names,
    default_report_folder,
    file_stem,
    is_demo_project,
    open_file,
    save_report_in_background,
)
from workbench.model import Project

if TYPE_CHECKING:
    from workbench.gui.main_window import MainWindow

translate = QCoreApplication.translate
MODE_KEY = "ui/simple_mode"
DOCKS_KEY = "ui/full_mode_docks"
KEPT_MENUS = ("&File", "&View", "&Help")


def stored_simple_mode(settings: QSettings | None = None) -> bool:
    settings = settings or QSettings()
    return str(settings.value(MODE_KEY, "false")).lower() == "true"


def report_samples(project: Project) -> list[str] | None:
    """The samples a report from the window covers: the user's own (None: all of the
    demonstration project, which is only ever reported as the example it is)."""
    if is_demo_project(project):
        return None
    return company_sample_names(project)


def write_report_file(win: MainWindow, path: str) -> str:
    """Write the report of the open project's own samples to ``path`` (.html or .pdf),
    here on the calling thread (scripts and tests; the window uses ``save_report``)."""
    from workbench.report.writer import write_report

    project = win.doc.project
    if project is None:
        raise UserFacingError("Open a project first.")
    return write_report(project, path, sample_names=report_samples(project), lang=active_language())


def suggested_report_path(project: Project) -> Path:
    """The default folder and a file name after the project (or its one sample)."""
    names = report_samples(project)
    if names is not None and len(names) == 1:
        stem = file_stem(names[0])
    elif project.path is not None:
        stem = file_stem(Path(project.path).stem)
    else:
        stem = translate("SimpleMode", "suitability report")
    return default_report_folder() / f"{stem}.pdf"


def save_report(win: MainWindow):
    """Ask for a file name and write the report in the background (the window stays
    usable); the message bar says what happened and offers to open the report."""
    project = win.doc.project
    if project is None:
        return None
    names = report_samples(project)
    if names == []:
        win.message_bar.show_message(
            translate(
                "SimpleMode",
                "There is no sample to report on yet: start the self-assessment first.",
            ),
            "warning",
        )
        return None
    path, _ = QFileDialog.getSaveFileName(
        win,
        translate("SimpleMode", "Save report"),
        str(suggested_report_path(project)),
        translate("SimpleMode", "PDF document (*.pdf);;Web page (*.html)"),
    )
    if not path:
        return None
    if Path(path).suffix.lower() not in (".html", ".htm", ".pdf"):
        path += ".pdf"
    win.message_bar.show_message(
        translate("SimpleMode", "Writing the report to %1…").replace("%1", path), "info"
    )

    def done(written: Path) -> None:
        win.message_bar.show_message(
            translate("SimpleMode", "Report saved to %1").replace("%1", str(written)),
            "info",
            translate("SimpleMode", "Open report"),
            lambda: open_file(written),
        )

    def failed(exc: BaseException) -> None:
        win.message_bar.show_message(
            translate("SimpleMode", "The report could not be saved: %1").replace("%1", str(exc)),
            "error",
        )

    return save_report_in_background(win, path, names, done, failed)


class SimplePanel(QWidget):
    """The simple mode's main panel: three big steps and where the verdicts are."""

    def __init__(self, win: MainWindow) -> None:
        super().__init__()
        self.win = win
        self.setObjectName("simplePanel")
        self.setStyleSheet(
            "QWidget#simplePanel { background:#f3f6f9; }"
            "QPushButton[big='true'] { font-size:12pt; padding:10px 18px; text-align:left; }"
        )
        heading = QLabel(
            "<span style='font-size:17pt; font-weight:600'>"
            + self.tr("What does your side stream suit?")
            + "</span>"
        )
        intro = QLabel(
            self.tr(
                "Describe the material and type in the lab values you have. The overview "
                "below shows, for each product route, whether the material suits it; click "
                "a cell to see why. Save the report to share the result."
            )
        )
        intro.setWordWrap(True)
        self.project_label = QLabel()
        self.project_label.setWordWrap(True)
        self.project_label.setStyleSheet("color:#445")

        self.wizard_button = self._big(
            self.tr("1.  Start self-assessment…"),
            self.tr("Answer a few questions about the material and add its lab values"),
            self.start_wizard,
        )
        self.report_button = self._big(
            self.tr("2.  Save report…"),
            self.tr("Save the suitability report as a PDF document or a web page (HTML)"),
            lambda: save_report(self.win),
        )
        self.open_button = self._big(
            self.tr("Open another project…"),
            self.tr("Open a project file (.fwproj)"),
            self.win.open_dialog,
        )
        self.full_button = QPushButton(self.tr("Switch to the full workbench"))
        self.full_button.setToolTip(
            self.tr("Show every panel and menu: import, analyses, plots (View > Simple mode)")
        )
        self.full_button.clicked.connect(lambda: win.simple_mode.set_simple(False))

        steps = QHBoxLayout()
        steps.setSpacing(12)
        for button in (self.wizard_button, self.report_button, self.open_button):
            steps.addWidget(button)
        steps.addStretch(1)
        steps.addWidget(self.full_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 10)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.project_label)
        layout.addSpacing(4)
        layout.addLayout(steps)
        # answers and values of a side stream assessed before: the wizard again, filled in
        self.sample_combo = QComboBox()
        self.sample_combo.setMinimumContentsLength(24)
        self.change_button = QPushButton(self.tr("Change answers and values…"))
        self.change_button.setToolTip(
            self.tr(
                "Go through the self-assessment again for this side stream, its answers filled in"
            )
        )
        self.change_button.clicked.connect(self.change_answers)
        self.change_row = QWidget()
        change = QHBoxLayout(self.change_row)
        change.setContentsMargins(0, 4, 0, 0)
        change.addWidget(QLabel(self.tr("Your side stream:")))
        change.addWidget(self.sample_combo)
        change.addWidget(self.change_button)
        change.addStretch(1)
        layout.addWidget(self.change_row)
        layout.addStretch(1)
        win.doc.projectReplaced.connect(self.refresh)
        win.doc.dirtyChanged.connect(lambda *_: self.refresh())  # saved under a new name
        win.doc.sampleInserted.connect(lambda *_: self.refresh())
        win.doc.sampleChanged.connect(lambda *_: self.refresh())  # a renamed side stream
        win.doc.sampleRemoved.connect(lambda *_: self.refresh())
        self.refresh()

    def _big(self, text: str, tip: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setProperty("big", "true")
        button.setToolTip(tip)
        button.setMinimumWidth(260)
        button.clicked.connect(slot)
        return button

    def refresh(self) -> None:
        project = self.win.doc.project
        own: list[str] = []
        if project is None:
            self.project_label.setText(self.tr("No project is open."))
        elif is_demo_project(project):
            self.project_label.setText(
                self.tr(
                    "The demonstration project is open: an example, not your data. The "
                    "self-assessment starts a project of its own for your side stream."
                )
            )
        else:
            own = company_sample_names(project)
            name = Path(project.path).stem if project.path else self.tr("Untitled")
            self.project_label.setText(
                fill(self.tr("Project: %1 · side streams: %2"), name, len(own))
            )
        self.report_button.setEnabled(bool(own))
        current = self.sample_combo.currentData()
        self.sample_combo.clear()
        if project is not None and own:
            for sample in project.samples.values():
                if sample.name in own:
                    self.sample_combo.addItem(sample.name, sample.id)
            self.sample_combo.setCurrentIndex(max(self.sample_combo.findData(current), 0))
        self.change_row.setVisible(bool(own))
        self.report_button.setToolTip(
            self.tr("Save the suitability report as a PDF document or a web page (HTML)")
            if own
            else self.tr("Start the self-assessment first: the report covers your own side streams")
        )

    def change_answers(self):
        """The wizard over the chosen side stream, its description and values filled in."""
        from workbench.gui.wizard import SelfAssessmentWizard

        sample_id = self.sample_combo.currentData()
        if sample_id is None:
            return None
        wizard = SelfAssessmentWizard(self.win, sample_id=str(sample_id))
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        analysis = getattr(self.win, "analysis", None)
        if analysis is not None:
            analysis.dialog = wizard
        wizard.open()
        return wizard

    def start_wizard(self) -> None:
        analysis = getattr(self.win, "analysis", None)
        try:
            if analysis is None:
                raise ImportError
            analysis.open_wizard()
        except ImportError:
            self.win.message_bar.show_message(
                self.tr("The self-assessment wizard is not available in this version."),
                "warning",
            )


class SimpleModeController:
    """Switches the window between the full workbench and simple mode."""

    def __init__(self, win: MainWindow) -> None:
        self.win = win
        self.simple = False
        self.full_docks: list[str] = []
        # The stack takes the place of the plot/table area inside the central widget, so
        # the message bar above it stays visible and the docks keep their sizes (a new
        # central widget would reset them).
        central = win.centralWidget()
        layout = central.layout()
        self.full_page = next(
            layout.itemAt(i).widget()
            for i in range(layout.count())
            if layout.itemAt(i).widget() is not None
            and layout.itemAt(i).widget() is not win.message_bar
        )
        self.panel = SimplePanel(win)
        self.stack = QStackedWidget()
        layout.replaceWidget(self.full_page, self.stack)
        self.stack.addWidget(self.full_page)
        # in a scroll area: the panel's width must not widen the central area (and so
        # squeeze the docks) while the full workbench is shown
        self.panel_page = QScrollArea()
        self.panel_page.setWidgetResizable(True)
        self.panel_page.setFrameShape(QFrame.Shape.NoFrame)
        self.panel_page.setWidget(self.panel)
        self.stack.addWidget(self.panel_page)
        self.action = QAction(translate("SimpleMode", "&Simple mode"), win, checkable=True)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        tip = translate(
            "SimpleMode",
            "Show only the self-assessment, the verdicts and the report (switch off for "
            "the full workbench)",
        )
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self.action.toggled.connect(self.set_simple)
        # a project opened in simple mode: the verdicts take the height again
        win.doc.projectReplaced.connect(
            lambda: self.simple and QTimer.singleShot(0, self._grow_overview)
        )

    def overview_dock(self):
        analysis = getattr(self.win, "analysis", None)
        return getattr(analysis, "suitability_dock", None)

    def _menus(self) -> list[QAction]:
        kept = {translate("Actions", text) for text in KEPT_MENUS}
        return [
            a for a in self.win.menuBar().actions() if a.menu() is not None and a.text() not in kept
        ]

    def set_simple(self, simple: bool, remember: bool = True) -> None:
        """Enter (True) or leave (False) simple mode; stored unless ``remember`` is False."""
        simple = bool(simple)
        if remember:
            QSettings().setValue(MODE_KEY, "true" if simple else "false")
        if simple == self.simple:
            self.action.setChecked(simple)
            return
        self.simple = simple
        self.action.setChecked(simple)
        overview = self.overview_dock()
        docks = [d for d in self.win.findChildren(type(self.win.tree_dock)) if d is not overview]
        if simple:
            self.full_docks = [d.objectName() for d in docks if not d.isHidden()]
            if remember:  # at start the docks are already hidden: keep the stored list
                QSettings().setValue(DOCKS_KEY, self.full_docks)
            for dock in docks:
                dock.hide()
            self.stack.setCurrentWidget(self.panel_page)
            if overview is not None:
                overview.show()
                overview.raise_()
                # the verdicts are the point of simple mode: give them most of the height
                self._grow_overview()
                QTimer.singleShot(0, self._grow_overview)  # again once the layout settled
        else:
            stored = QSettings().value(DOCKS_KEY, [])
            names = [stored] if isinstance(stored, str) else list(stored or [])
            if not names:
                names = [d.objectName() for d in docks]
            for dock in docks:
                if dock.objectName() in names:
                    dock.show()
            if overview is not None:  # the matrix goes back to its tab (analysis_actions)
                overview.hide()
            self.stack.setCurrentWidget(self.full_page)
        for menu_action in self._menus():
            menu_action.setVisible(not simple)
        for dock in docks:  # View menu: no switches for panels simple mode does not show
            dock.toggleViewAction().setVisible(not simple)
        self.panel.refresh()

    def _grow_overview(self) -> None:
        overview = self.overview_dock()
        if self.simple and overview is not None:
            height = max(self.win.height() - 250, 200)
            self.win.resizeDocks([overview], [height], Qt.Orientation.Vertical)

    def restore(self) -> None:
        """Apply the remembered mode (at window creation)."""
        if stored_simple_mode():
            self.set_simple(True, remember=False)
