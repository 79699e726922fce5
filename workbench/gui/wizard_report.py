"""The self-assessment wizard's last page: save the report (and the answers) and open it.

The report covers the wizard's side stream only and is written in the background in the
interface language (``self_assessment.save_report_in_background``), as a PDF by default
(a company hands it on) into the default report folder, named after the side stream.
When the assessment lives in a new, unsaved project, its answers and values are kept in
a project file beside the report (never over another file), so closing the window loses
nothing and File > Open brings them back. Once written, "Open report" opens it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWizardPage,
)

from workbench.gui.self_assessment import (
    default_report_folder,
    file_stem,
    open_file,
    save_report_in_background,
)
from workbench.model import PROJECT_SUFFIX

if TYPE_CHECKING:
    from workbench.gui.wizard import SelfAssessmentWizard


def free_path(path: Path) -> Path:
    """``path``, or ``name (2).ext``, ``name (3).ext``... when a file is already there."""
    n = 2
    candidate = path
    while candidate.exists():
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
        n += 1
    return candidate


class ReportPage(QWizardPage):
    def __init__(self, wizard: SelfAssessmentWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Save the report"))
        self.setSubTitle(
            self.tr(
                "One page of answers and reasons for your side stream, then the values and "
                "the limits they were checked against, with their sources."
            )
        )
        self.pdf_radio = QRadioButton(self.tr("PDF document (to print or send)"))
        self.html_radio = QRadioButton(self.tr("Web page (HTML)"))
        self.pdf_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.pdf_radio)
        group.addButton(self.html_radio)
        self.folder_edit = QLineEdit()
        browse = QPushButton(self.tr("Choose…"))
        browse.setToolTip(self.tr("Choose the folder for the report"))
        browse.clicked.connect(self.browse)
        self.name_edit = QLineEdit()
        self.keep_project = QCheckBox()
        self.save_button = QPushButton(self.tr("Save report"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_report)
        self.open_button = QPushButton(self.tr("Open report"))
        self.open_button.clicked.connect(lambda: self.written and open_file(self.written))
        self.folder_button = QPushButton(self.tr("Open folder"))
        self.folder_button.clicked.connect(lambda: self.written and open_file(self.written.parent))
        for button in (self.open_button, self.folder_button):
            button.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Save in folder:"), folder_row)
        form.addRow(self.tr("File name:"), self.name_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pdf_radio)
        layout.addWidget(self.html_radio)
        layout.addLayout(form)
        layout.addWidget(self.keep_project)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.written: Path | None = None
        self.project_file: Path | None = None
        self.task = None

    def initializePage(self) -> None:
        if not self.folder_edit.text():
            self.folder_edit.setText(str(default_report_folder()))
        self.name_edit.setText(file_stem(self.wiz.sample_name()))
        project = self.wiz.win.doc.project
        untitled = project is not None and project.path is None
        self.keep_project.setText(
            self.tr("Keep my answers and values in a project file beside the report")
            if untitled
            else self.tr("Save the project with my answers as well")
        )
        self.keep_project.setChecked(project is not None and not project.read_only)
        self.keep_project.setEnabled(project is not None and not project.read_only)

    def browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the report"), self.folder_edit.text()
        )
        if folder:
            self.folder_edit.setText(folder)

    def target(self) -> Path:
        suffix = ".pdf" if self.pdf_radio.isChecked() else ".html"
        name = file_stem(self.name_edit.text() or self.wiz.sample_name())
        return Path(self.folder_edit.text().strip() or default_report_folder()) / (name + suffix)

    def save_report(self):
        """Write the report in the background; then keep the project if asked."""
        if self.wiz.win.doc.project is None or self.wiz.sample_id is None:
            return None
        out = self.target()
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Writing the report…"))
        self.task = save_report_in_background(
            self.wiz.win, out, [self.wiz.sample_name()], self._written, self._failed
        )
        return self.task

    def _written(self, path: Path) -> None:
        self.written = path
        self.save_button.setEnabled(True)
        for button in (self.open_button, self.folder_button):
            button.show()
        said = self.tr("Report saved: %1").replace("%1", str(path))
        if self.keep_project.isChecked():
            kept = self._keep_project(path)
            if kept is not None:
                said += "\n" + self.tr(
                    "Your answers and values are kept in %1; File > Open brings them back."
                ).replace("%1", str(kept))
        self.status.setText(said)

    def _keep_project(self, report: Path) -> Path | None:
        win = self.wiz.win
        project = win.doc.project
        if project is None or project.read_only:
            return None
        if project.path is None:
            target = free_path(report.with_suffix(PROJECT_SUFFIX))
            self.project_file = target
            return target if win._save_to(str(target), False) else None
        if project.dirty and win._save_to(None, False):
            return Path(project.path)
        return Path(project.path)

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.status.setText(self.tr("Could not save the report: %1").replace("%1", str(exc)))
