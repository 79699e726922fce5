"""Render the import preview and a plotted imported TGA curve to PNG (for review).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/gui/import_screenshots.py [OUT_DIR]

Writes ``fw_import_preview.png`` (three files, one of them unreadable) and
``fw_tga_plot.png`` (the main window after importing the NETZSCH sample from
../shared/samples/tga, or a generated NETZSCH-like file when ../shared is absent).
Runs in a throw-away user folder and settings file.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = (HERE.parents[1] / ".." / "shared").resolve()
SHARED_TGA = SHARED / "samples" / "tga" / "pytga_netzsch_TG209F1_single.txt"


def main(out_dir: str = "/tmp") -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = Path(tempfile.mkdtemp(prefix="fw-import-shot-"))
    os.environ["FIBRE_WORKBENCH_HOME"] = str(home)
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(HERE.parents[1]))
    from PySide6.QtCore import QSettings, QTimer
    from test_import_flow import write_netzsch_tga, write_spectrum_csv

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home))
    from workbench.gui.app import create_application
    from workbench.gui.main_window import MainWindow
    from workbench.model import Project

    app = create_application([])
    win = MainWindow()
    win.ask_save_changes = lambda: (
        __import__("PySide6.QtWidgets").QtWidgets.QMessageBox.StandardButton.Discard
    )
    win.resize(1400, 900)
    win.show()
    project = Project()
    project.add_sample("Spruce bark", feedstock_type="bark")
    win.set_project(project)
    tga = SHARED_TGA if SHARED_TGA.is_file() else write_netzsch_tga(home / "TG209F1_birch.txt")
    files = [
        tga,
        write_spectrum_csv(home / "spruce_bark_FTIR.csv"),
        home / "balance_notes.txt",
    ]
    files[2].write_text("Balance log\nTare ok\nsee notebook p. 12\n")
    ctrl = win.import_controller
    out = Path(out_dir)

    def on_preview(dialog) -> None:
        dialog.resize(1400, 700)
        dialog.table.selectRow(0)
        QTimer.singleShot(300, lambda: shoot_preview(dialog))

    def shoot_preview(dialog) -> None:
        dialog.grab().save(str(out / "fw_import_preview.png"))
        print(out / "fw_import_preview.png")
        dialog.accept()

    def on_finished(_summary) -> None:
        sample = next(
            s
            for s in project.samples.values()
            if any(m.kind == "tga" for m in s.measurements.values())
        )
        win.select_sample(sample.id)
        win.tree.expand(win.tree_model.index_of_sample(sample.id))
        QTimer.singleShot(400, shoot_window)

    def shoot_window() -> None:
        win.grab().save(str(out / "fw_tga_plot.png"))
        print(out / "fw_tga_plot.png")
        win.close()
        app.quit()

    ctrl.previewShown.connect(on_preview)
    ctrl.importFinished.connect(on_finished)
    win.import_files([str(f) for f in files])
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
