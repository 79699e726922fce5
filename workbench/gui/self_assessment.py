"""The company's path around the report: whose samples, which folder, saving in the background.

A company's self-assessment lives in a project of its own; the demonstration project is
an example that is never written to (``is_demo_project``) and whose samples never reach
a company's report (``company_sample_names``). Reports are written on the task runner
(the window stays responsive while the PDF is laid out), into a folder that makes sense
on a first start (``default_report_folder``: the last folder used, else
``Documents/Fibre Workbench``, not the home folder), and the message that follows offers
to open the report.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices

from workbench.gui.i18n import active_language
from workbench.model import Project
from workbench.progress import Progress

if TYPE_CHECKING:
    from workbench.gui.main_window import MainWindow
    from workbench.gui.tasks import Task

translate = QCoreApplication.translate
FOLDER_KEY = "report/folder"
APP_FOLDER = "Fibre Workbench"


def is_demo_file(project: Project | None) -> bool:
    """The demonstration project's own file (written at the first start): never saved over."""
    if project is None or project.path is None:
        return False
    from workbench.gui.app import demo_path

    try:
        return Path(project.path).resolve() == demo_path().resolve()
    except OSError:
        return False


def is_demo_project(project: Project | None) -> bool:
    """The demonstration project: its file, or a project of demonstration samples only."""
    if project is None:
        return False
    samples = list(project.samples.values())
    demo_data = bool(samples) and all(s.metadata.get("data") == "demonstration" for s in samples)
    return demo_data or is_demo_file(project)


def company_sample_names(project: Project) -> list[str]:
    """The samples that are the user's own (demonstration samples left out)."""
    return [s.name for s in project.samples.values() if s.metadata.get("data") != "demonstration"]


def default_report_folder() -> Path:
    """Where reports go unless the user chose another folder before."""
    stored = str(QSettings().value(FOLDER_KEY, "") or "")
    if stored and Path(stored).is_dir():
        return Path(stored)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    base = Path(documents) if documents else Path.home()
    return base / APP_FOLDER


def remember_report_folder(folder: Path) -> None:
    QSettings().setValue(FOLDER_KEY, str(folder))


def file_stem(name: str) -> str:
    """A file name made of a sample or project name: characters that no file system takes
    (/ \\ : * ? " < > |) become "-"."""
    safe = "".join("-" if c in '/\\:*?"<>|' or ord(c) < 32 else c for c in name)
    return " ".join(safe.split()).strip(" .") or translate("SelfAssessment", "report")


def open_file(path: str | Path) -> bool:
    """Open a saved report in the system's viewer."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def save_report_in_background(
    win: MainWindow,
    path: str | Path,
    sample_names: list[str] | None,
    on_done: Callable[[Path], None],
    on_error: Callable[[BaseException], None],
) -> Task | None:
    """Write the report of ``sample_names`` (None: every sample) to ``path`` on the task
    runner, in the interface language; the folder is created and remembered."""
    project = win.doc.project
    if project is None:
        return None
    path = Path(path)
    lang = active_language()

    def work(progress: Progress) -> Path:
        # imported here, on the worker: the first report's import of the report and
        # classification code (some 70 ms) kept the window's event loop waiting
        from workbench.report.writer import write_report

        progress.update(0.05, "")
        path.parent.mkdir(parents=True, exist_ok=True)
        write_report(project, path, sample_names=sample_names, lang=lang)
        return path

    def done(written: Path) -> None:
        remember_report_folder(written.parent)
        on_done(written)

    title = translate("SelfAssessment", "Save report %1").replace("%1", path.name)
    return win.runner.submit(title, work, on_done=done, on_error=on_error)
