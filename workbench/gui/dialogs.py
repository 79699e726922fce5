"""About and Diagnostics dialogs.

Diagnostics lists what support needs to help: versions of the application and its
libraries, and where resources, the user folder, the settings file and the log file are.
"""

from __future__ import annotations

import platform
import sys
from importlib import metadata

import numpy
import pyqtgraph
import PySide6
from PySide6.QtCore import QCoreApplication, QSettings, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench import APP_NAME, __version__
from workbench.paths import plugins_dir, resources_dir, user_home


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "-"


def diagnostics_rows() -> list[tuple[str, str]]:
    """(label, value) pairs; labels are technical names and stay untranslated."""
    from workbench.logsetup import log_file_path

    try:
        import h5py

        h5 = f"{h5py.__version__} (HDF5 {h5py.version.hdf5_version})"
    except ImportError:
        h5 = "-"
    return [
        (APP_NAME, __version__),
        ("Python", f"{platform.python_version()} ({sys.executable})"),
        ("Platform", platform.platform()),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("pyqtgraph", pyqtgraph.__version__),
        ("h5py", h5),
        ("numpy", numpy.__version__),
        ("scikit-learn", _version("scikit-learn")),
        ("scipy", _version("scipy")),
        ("resources", str(resources_dir())),
        ("plugins (built-in)", str(plugins_dir())),
        ("user folder", str(user_home())),
        ("settings file", QSettings().fileName()),
        ("log file", str(log_file_path())),
    ]


def diagnostics_text() -> str:
    rows = diagnostics_rows()
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"{k.ljust(width)}  {v}" for k, v in rows)


class DiagnosticsDialog(QDialog):
    """Plain-text diagnostics with a Copy button (for support requests)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Diagnostics"))
        self.resize(760, 420)
        self.text = QPlainTextEdit(diagnostics_text())
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        font = self.text.font()
        font.setFamily("monospace")
        self.text.setFont(font)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(self.tr("Copy to clipboard"))
        copy.setToolTip(self.tr("Copy this information, e.g. to paste into a support request"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.text.toPlainText()))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)


def show_about(parent: QWidget) -> None:
    """The About box: what the application is, its version."""
    text = QCoreApplication.translate(
        "About",
        "<h3>%1 %2</h3><p>An offline workbench for fibre and biomass characterisation "
        "data: import instrument exports into one project file, run analyses, and see "
        "which product routes each feedstock suits, with the reasons.</p>"
        "<p>Demonstration data shipped with the application are labelled as such.</p>",
    )
    QMessageBox.about(
        parent,
        QCoreApplication.translate("About", "About %1").replace("%1", APP_NAME),
        text.replace("%1", APP_NAME).replace("%2", __version__),
    )
