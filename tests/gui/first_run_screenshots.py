"""Screenshots of the first-run experience (for review; not a test).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/gui/first_run_screenshots.py [OUT_DIR]

Writes ``fw_welcome.png`` (the welcome page over the demo, English), ``fw_main_fi.png``
(the main window in Finnish on the demo, suitability matrix shown) and
``fw_simple.png`` (simple mode, Finnish) at 1400x900, in a throw-away user folder and
settings file.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path


def _wait(app, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "/tmp")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = tempfile.mkdtemp(prefix="fw-shot-")
    os.environ["FIBRE_WORKBENCH_HOME"] = home
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, home)
    from PySide6.QtGui import QColor, QPainter

    from workbench.demo import write_demo
    from workbench.gui.app import create_application, demo_path
    from workbench.gui.i18n import install_translators
    from workbench.gui.main_window import MainWindow
    from workbench.gui.welcome import show_welcome
    from workbench.project.store import open_project

    app = create_application([])
    path = demo_path()
    write_demo(path)

    def window(lang: str, simple: bool) -> MainWindow:
        for old in getattr(app, "_fw_translators", []):
            app.removeTranslator(old)
        app._fw_translators = install_translators(app, lang)  # type: ignore[attr-defined]
        QSettings().setValue("ui/simple_mode", "true" if simple else "false")
        win = MainWindow()
        win.resize(1400, 900)
        win.show()
        win.set_project(open_project(path))
        _wait(app, 0.3)
        return win

    # (a) welcome page over the demo
    win = window("en", False)
    sample = next(iter(win.doc.project.samples.values()))
    win.select_sample(sample.id)
    page = show_welcome(win)
    _wait(app, 1.5)
    shot = win.grab()
    painter = QPainter(shot)
    painter.fillRect(shot.rect(), QColor(0, 0, 0, 90))
    dialog = page.grab()
    painter.drawPixmap((shot.width() - dialog.width()) // 2, 110, dialog)
    painter.end()
    shot.save(str(out / "fw_welcome.png"))
    page.close()
    win.close()

    # (b) main window in Finnish, with the suitability matrix raised
    win = window("fi", False)
    sample = next(s for s in win.doc.project.samples.values() if "kuori" in s.name.lower() or True)
    win.select_sample(sample.id)
    win.table.select_sample(sample.id)
    analysis = getattr(win, "analysis", None)
    if analysis is not None:
        analysis.show_matrix()
        analysis.suitability.schedule()
    _wait(app, 3.0)
    win.grab().save(str(out / "fw_main_fi.png"))
    win.close()

    # (c) simple mode (Finnish)
    win = window("fi", True)
    if analysis is not None:
        win.analysis.suitability.schedule()
    _wait(app, 3.0)
    win.grab().save(str(out / "fw_simple.png"))
    win.close()
    print(out / "fw_welcome.png", out / "fw_main_fi.png", out / "fw_simple.png")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
