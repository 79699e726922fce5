"""The baseline for size and start-up time: a bare PySide6 + pyqtgraph window.

Frozen with PyInstaller's default settings (``baseline/bare_window.spec``) it shows what
any PySide6 + pyqtgraph application costs before any effort; the smoke check compares
the Fibre Workbench bundle with it (size, and start-up time to a shown main window).
"""

import sys

import pyqtgraph as pg
from PySide6.QtWidgets import QApplication, QMainWindow


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Bare PySide6 + pyqtgraph window")
    plot = pg.PlotWidget()
    plot.plot([0, 1, 2, 3], [0, 1, 4, 9])
    window.setCentralWidget(plot)
    window.resize(800, 600)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
