"""Render the main window on the demonstration project to a PNG (for docs and review).

    python -m workbench.gui.screenshot [OUT.png] [--sample NAME] [--size 1400x900] [--lang fi]

Runs offscreen unless a display is requested, in a throw-away user folder and settings
file, so it never touches the user's own data. The selected sample (default: the first
one) is plotted, so the picture shows curves, the table, details and the log.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m workbench.gui.screenshot")
    parser.add_argument("out", nargs="?", default="/tmp/fw_main.png")
    parser.add_argument("--sample", default="", help="name of the sample to select")
    parser.add_argument("--size", default="1400x900", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--lang", default="en", choices=["en", "fi"])
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = tempfile.mkdtemp(prefix="fw-shot-")
    os.environ["FIBRE_WORKBENCH_HOME"] = home

    from PySide6.QtCore import QCoreApplication, QSettings, QTimer

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, home)

    from workbench.demo import write_demo
    from workbench.gui.app import create_application, demo_path
    from workbench.gui.main_window import MainWindow
    from workbench.project.store import open_project

    app = create_application([])
    QSettings().setValue("ui/language", args.lang)
    from workbench.gui.i18n import install_translators

    for old in getattr(app, "_fw_translators", []):
        app.removeTranslator(old)
    app._fw_translators = install_translators(app, args.lang)  # type: ignore[attr-defined]
    width, height = (int(v) for v in args.size.lower().split("x"))
    window = MainWindow()
    window.resize(width, height)
    window.show()
    path = demo_path()
    write_demo(path)
    project = open_project(path)
    window.set_project(project)
    window.task_panel.log(
        QCoreApplication.translate("ProjectFilesMixin", "Opened %1").replace("%1", path.name)
    )
    sample = project.find_sample(args.sample) if args.sample else None
    sample = sample or next(iter(project.samples.values()))
    window.select_sample(sample.id)
    window.tree.expand(window.tree_model.index_of_sample(sample.id))
    window.table.select_sample(sample.id)
    window.select_sample(sample.id)

    def grab() -> None:
        window.grab().save(args.out)
        print(args.out)
        window.close()
        app.quit()

    QTimer.singleShot(400, grab)
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())
