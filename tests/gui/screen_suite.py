"""The screenshot suite: every main screen as a user sees it, at one screen size and language.

    .venv/bin/python tests/gui/screen_suite.py --lang fi --size 1366x768 [--out screenshots/fi-1366x768]
        [--only wizard,simple_mode]

Runs in a process of its own (``tests/gui/test_screens.py`` starts it) because the screen
size is the offscreen platform's: the process gets a screen of exactly ``--size``, so
dialogs that size themselves from the screen behave as on a real laptop or desktop. Each
screen is built in a fresh main window, in a throw-away user folder and settings file,
saved as ``NN_name.png`` (the whole screen: the window and every dialog over it, where
they are), and checked (``screen_checks``): no text cut without a tooltip, every window
inside the screen, and on Finnish screens no English catalogue word. The problems go to
``problems.json`` beside the pictures.

Adding a screen is one line in ``SCREENS`` (a name and a function of the context that
yields the moments to photograph); the ``Context`` helpers below open the demo, select
a sample, run an analysis, open the wizard, and so on.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SIZES = ("1366x768", "1920x1080")
LANGS = ("en", "fi")


@dataclass(frozen=True)
class Screen:
    name: str
    build: Callable[[Context], Iterator[str]]  # yields a suffix ("" or "page2") per picture


class Context:
    """One screen's world: the application, a main window, helpers to reach a state."""

    def __init__(self, app, lang: str, size: tuple[int, int], work: Path) -> None:
        self.app = app
        self.lang = lang
        self.size = size
        self.work = work
        self.win = None
        self.data_words: set[str] = set()
        self.pages: list | None = None  # pictures of report pages instead of windows
        self.page = 0
        self.page_texts: list[str] = []

    # -- waiting --------------------------------------------------------------------------
    def wait(self, seconds: float = 0.2) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.app.processEvents()
            time.sleep(0.01)

    def wait_until(self, condition: Callable[[], object], timeout: float = 60.0) -> None:
        end = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > end:
                raise TimeoutError(f"waited {timeout} s for {condition}")
            self.app.processEvents()
            time.sleep(0.01)
        self.wait(0.15)  # let the layout settle

    def wait_tasks(self, timeout: float = 120.0) -> None:
        self.wait(0.05)
        self.wait_until(lambda: not self.win.runner.running(), timeout)

    # -- windows and projects ---------------------------------------------------------------
    def window(self, project: str | None = "demo", simple: bool = False):
        """A main window filling the screen, with the demo (``"demo"``) or no project."""
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QMessageBox

        from workbench.gui.main_window import MainWindow

        QSettings().setValue("ui/simple_mode", "true" if simple else "false")
        win = MainWindow()
        win.ask_save_changes = lambda: QMessageBox.StandardButton.Discard
        win.setGeometry(self.app.primaryScreen().availableGeometry())
        win.showMaximized()
        self.win = win
        if project == "demo":
            from workbench.demo import build_demo_project

            demo = build_demo_project()
            win.set_project(demo)
            self.remember_data(demo)
        self.wait(0.2)
        return win

    def remember_data(self, project) -> None:
        """Words of the user's own data (names, suppliers, notes, file names): not UI text."""
        texts: list[str] = []
        for sample in project.samples.values():
            texts += [sample.name, sample.supplier, sample.origin, sample.notes]
            texts += [str(v) for v in sample.metadata.values() if isinstance(v, str)]
            for m in sample.measurements.values():
                texts += [m.label, m.source_name, m.instrument, m.method]
                # "stated in the file": the file's own words, shown as read (keys are
                # identifiers, which the check skips)
                texts += [str(v) for v in m.metadata.values() if isinstance(v, str)]
        self.add_data(*texts)

    def add_data(self, *texts: str) -> None:
        import screen_checks

        for text in texts:
            self.data_words |= screen_checks._words(str(text or "").replace("_", " "))

    def add_cited_sources(self) -> None:
        """The titles of the publications the routes cite (``source = "[S18] ENplus
        Handbook v3.0, Part 3: ..."``): quoted as published, in their own language."""
        import tomllib

        from workbench.paths import resources_dir

        def walk(node) -> Iterator[str]:
            if isinstance(node, dict):
                for key, value in node.items():
                    if key == "source" and isinstance(value, str):
                        yield value
                    else:
                        yield from walk(value)
            elif isinstance(node, list):
                for item in node:
                    yield from walk(item)

        for route in sorted((resources_dir() / "routes").glob("*.toml")):
            self.add_data(*walk(tomllib.loads(route.read_text(encoding="utf-8"))))

    def sample(self, name: str = "Birch chips"):
        project = self.win.doc.project
        return project.find_sample(name) or next(iter(project.samples.values()))

    def select_sample(self, name: str = "Birch chips") -> None:
        sample = self.sample(name)
        self.win.select_sample(sample.id)
        self.win.table.select_sample(sample.id)
        self.win.select_sample(sample.id)
        self.wait(0.4)

    def select_measurement(self, kind: str, name: str = "Birch chips") -> None:
        sample = self.sample(name)
        m = next(m for m in sample.measurements.values() if m.kind == kind)
        tree = self.win.tree
        model = self.win.tree_model
        parent = model.index_of_sample(sample.id)
        tree.expand(parent)
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if m.id in str(index.data(0x0100) or "") or index.data() == (m.label or m.kind):
                tree.setCurrentIndex(index)
                break
        else:
            self.win._show_refs([("measurement", sample.id, m.id)])
        self.wait(0.4)

    def plugin(self, plugin_id: str):
        return self.win.analysis.registry.get(plugin_id)

    def run_analysis(self, plugin_id: str, params: dict | None = None, samples=None) -> None:
        record = self.plugin(plugin_id)
        project = self.win.doc.project
        ids = samples or [self.sample().id]
        defaults = {p.name: p.default for p in record.manifest.parameters}
        task = self.win.analysis.run(record, list(ids), {**defaults, **(params or {})})
        self.wait_until(lambda: task.state != "running", 180)
        if task.state != "done":
            raise RuntimeError(f"{plugin_id} failed: {task.error}")
        self.wait_tasks()
        del project

    def matrix(self):
        """The suitability matrix, shown and computed."""
        panel = self.win.analysis.suitability
        self.win.analysis.show_matrix()  # its tab (or, in simple mode, its dock)
        panel.schedule()
        self.wait_until(lambda: panel.model.rowCount() > 0 and not self.win.runner.running(), 120)
        return panel

    def wizard(self):
        self.win.analysis.open_wizard()
        self.wait_until(lambda: getattr(self.win.analysis, "dialog", None) is not None)
        wizard = self.win.analysis.dialog
        self.wait(0.3)
        return wizard


# -- the screens ------------------------------------------------------------------------------
def first_start(c: Context) -> Iterator[str]:
    from workbench.gui.app import start_window

    win = c.window(project=None)
    start_window(win, None)
    c.wait_until(lambda: win.doc.project is not None and getattr(win, "_welcome", None))
    c.remember_data(win.doc.project)
    c.wait(0.5)
    yield ""


def main_with_sample(c: Context) -> Iterator[str]:
    c.window()
    c.select_sample()
    yield ""


def import_preview(c: Context) -> Iterator[str]:
    sys.path.insert(0, str(HERE))
    from test_import_flow import write_netzsch_tga, write_spectrum_csv, write_unknown

    win = c.window()
    files = [
        write_netzsch_tga(c.work / "TG209F1_birch.txt"),
        write_spectrum_csv(c.work / "spruce_bark_FTIR.csv"),
        write_unknown(c.work / "balance_notes.txt"),
    ]
    ctrl = win.import_controller
    ctrl.dialog = None
    win.import_files([str(f) for f in files])
    c.wait_until(lambda: ctrl.dialog is not None and ctrl.dialog.isVisible())
    ctrl.dialog.table.selectRow(0)
    c.wait(0.3)
    yield ""
    ctrl.dialog.reject()


def tga_plot(c: Context) -> Iterator[str]:
    c.window()
    c.select_measurement("tga")
    yield ""


def spectrum_plot(c: Context) -> Iterator[str]:
    c.window()
    c.select_measurement("spectrum")
    yield ""


def analysis_form(c: Context) -> Iterator[str]:
    c.window()
    c.select_sample()
    dialog = c.win.analysis.open_dialog(c.plugin("tga_proximate"))
    c.wait_until(dialog.isVisible)
    yield ""
    dialog.reject()


def analysis_result(c: Context) -> Iterator[str]:
    c.window()
    c.select_sample()
    c.run_analysis("tga_proximate")
    c.wait(0.5)
    yield ""


def pls_result(c: Context) -> Iterator[str]:
    c.window()
    project = c.win.doc.project
    with_spectra = [
        s.id
        for s in project.samples.values()
        if any(m.kind == "spectrum" for m in s.measurements.values())
    ]
    c.run_analysis("pls_calibration", {"property": "ash", "folds": 4}, samples=with_spectra)
    c.wait(0.5)
    yield ""


def matrix(c: Context) -> Iterator[str]:
    c.window()
    c.matrix()
    yield ""


def explanation(c: Context) -> Iterator[str]:
    c.window()
    panel = c.matrix()
    panel.select(c.sample("Spruce bark").id, "pellets_enplus_a1")
    c.add_cited_sources()
    c.wait(0.3)
    yield ""


def explanation_lab(c: Context) -> Iterator[str]:
    """A lab report in the lab's units (Cl in mg/kg db, NCV in MJ/kg ar) imported with a
    template: the explanation shows each value as the lab gave it and its conversion."""
    sys.path.insert(0, str(HERE.parent))
    from test_cli_sample_labreport import COLUMNS, REPORT

    from workbench.importers.service import import_files
    from workbench.importers.template_schema import template_from_dict
    from workbench.importers.templates import save_template
    from workbench.model import Project

    report = c.work / "lab_report.csv"
    report.write_text(REPORT, encoding="utf-8")
    columns = {
        col: {"target": t, "unit": u, **({"basis": b} if b else {}), "method": m}
        for col, (t, u, b, m) in COLUMNS.items()
    }
    spec = {"name": "lab report", "delimiter": ";", "decimal": ",", "header_row": 1}
    spec |= {"sample_column": "Sample", "measurement_kind": "properties", "columns": columns}
    save_template(template_from_dict(spec, "screen suite"))
    project = Project()
    import_files(project, [report], template="lab report", new_sample=True)
    for sample in project.samples.values():
        sample.feedstock_type = "sawdust"
        sample.metadata["chemical_treatment"] = "untreated"
    win = c.window(project=None)
    win.set_project(project)
    c.remember_data(project)
    panel = c.matrix()
    panel.select(project.find_sample("Pellet feedstock B").id, "pellets_enplus_a1")
    c.add_cited_sources()
    c.wait(0.3)
    browser = win.details.browser
    browser.find("201 mg/kg")  # the chlorine row: as the lab gave it, and its conversion
    browser.ensureCursorVisible()
    bar = browser.verticalScrollBar()
    bar.setValue(bar.value() + browser.viewport().height() // 3)
    c.wait(0.2)
    yield ""


def wizard_pages(c: Context) -> Iterator[str]:
    c.window()
    wizard = c.wizard()
    page = 1
    while True:
        current = wizard.currentPage()
        fill = getattr(current, "fill_for_screenshot", None)
        if fill is not None:
            fill()
        elif current is getattr(wizard, "describe", None):
            current.name_edit.setText("Sawmill bark, spring 2026")
            c.add_data("Sawmill bark, spring 2026")
            current.type_combo.setCurrentIndex(current.type_combo.findData("bark"))
        elif current is getattr(wizard, "data", None):
            for pid, value in (("moisture", "45"), ("ash", "2.1"), ("nitrogen", "0.4")):
                if pid in current.edits:
                    current.edits[pid].setText(value)
        c.wait(0.2)
        if hasattr(current, "isComplete"):
            c.wait_until(current.isComplete, 120)
        c.wait_tasks()
        yield f"page{page}"
        if wizard.currentId() == wizard.pageIds()[-1] or page > 12:
            break
        wizard.next()
        page += 1
        c.wait(0.3)
    wizard.reject()


def simple_mode(c: Context) -> Iterator[str]:
    c.window(simple=True)
    c.matrix()
    yield ""


def simple_mode_own(c: Context) -> Iterator[str]:
    """Simple mode over the company's own assessment (its side stream, the report button)."""
    from test_report_layout import company_project

    win = c.window(project=None, simple=True)
    project = company_project()
    c.remember_data(project)
    win.set_project(project)
    c.matrix()
    yield ""


def report_pages(c: Context) -> Iterator[str]:
    """The company's report for one side stream, each page as a picture (not a window)."""
    from test_report_layout import company_project

    from workbench.classify.routes import load_routes
    from workbench.gui.report_pdf import render_pages
    from workbench.report.sources import citations
    from workbench.report.writer import report_document

    project = company_project()
    c.remember_data(project)
    for route in load_routes():  # the titles of cited works are quoted as they are
        for criterion in route.criteria:
            c.add_data(*(cited.text for cited in citations(criterion.source)))
    document = report_document(project, None, lang=c.lang)
    c.pages = render_pages(document, dpi=70)
    c.page_texts = [document.page_text(i) for i in range(len(c.pages))]
    for n in range(len(c.pages)):
        c.page = n
        yield f"page{n + 1}"


SCREENS: list[Screen] = [
    Screen("first_start", first_start),
    Screen("main_with_sample", main_with_sample),
    Screen("import_preview", import_preview),
    Screen("tga_plot", tga_plot),
    Screen("spectrum_plot", spectrum_plot),
    Screen("analysis_form", analysis_form),
    Screen("analysis_result", analysis_result),
    Screen("pls_result", pls_result),
    Screen("matrix", matrix),
    Screen("explanation", explanation),
    Screen("wizard", wizard_pages),
    Screen("simple_mode", simple_mode),
    Screen("simple_mode_own", simple_mode_own),
    Screen("report", report_pages),
    Screen("explanation_lab", explanation_lab),
]


# -- photographing and checking ------------------------------------------------------------------
def photograph(c: Context, path: Path):
    """The whole screen: every visible window drawn where it is, topmost last."""
    from PySide6.QtGui import QColor, QPainter, QPixmap
    from PySide6.QtWidgets import QApplication

    if c.pages is not None:  # report pages are pictures of paper, not windows
        c.pages[c.page].save(str(path))
        return []
    screen = c.app.primaryScreen().geometry()
    canvas = QPixmap(screen.size())
    canvas.fill(QColor("#3a3a3a"))
    painter = QPainter(canvas)
    windows = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()]
    windows.sort(key=lambda w: (w is not c.win, w.isModal()))
    for window in windows:
        frame = window.frameGeometry()
        painter.fillRect(frame, QColor("#c0c4c8"))
        painter.drawPixmap(window.geometry().topLeft(), window.grab())
    painter.end()
    canvas.save(str(path))
    return windows


def check(c: Context, windows) -> list[dict[str, str]]:
    import screen_checks as checks

    problems = []
    if c.pages is not None:
        if c.lang == "fi":
            from workbench.report.strings import TEXTS

            english = {w.lower() for en, _fi in TEXTS.values() for w in checks.WORD.findall(en)}
            finnish = {w.lower() for _en, fi in TEXTS.values() for w in checks.WORD.findall(fi)}
            words = checks.english_words([c.page_texts[c.page]], c.data_words)
            extra = sorted(
                {
                    w
                    for w in checks._words(c.page_texts[c.page])
                    if w in english - finnish - checks.ALLOWED - {x.lower() for x in c.data_words}
                }
            )
            words += [f"English “{w}” (report text)" for w in extra]
            problems += [{"check": "english", "text": w} for w in words]
        return problems
    problems += [{"check": "off_screen", "text": t} for t in checks.off_screen(windows)]
    for window in windows:
        problems += [{"check": "cut_text", "text": t} for t in checks.cut_text(window)]
        if c.lang == "fi":
            texts = checks.visible_texts(window)
            problems += [
                {"check": "english", "text": t} for t in checks.english_words(texts, c.data_words)
            ]
    return problems


def _steady(problem: dict[str, str]) -> tuple[str, str]:
    """A problem without its pixel figures, to recognise it in a second look."""
    return problem["check"], re.sub(r"\d+", "#", problem["text"])


def close_all(c: Context) -> None:
    from PySide6.QtWidgets import QApplication

    for window in QApplication.topLevelWidgets():
        if window.isVisible() and window is not c.win:
            window.close()
    if c.win is not None:
        c.win.runner.cancel_all()
        c.win.runner.shutdown()
        c.win.close()
        c.win = None
    c.wait(0.05)


def run(lang: str, size: str, out: Path, only: set[str] | None = None) -> list[dict[str, str]]:
    """Photograph and check every screen; returns the problems (also in problems.json)."""
    width, height = (int(v) for v in size.split("x"))
    home = Path(tempfile.mkdtemp(prefix="fw-screens-"))
    config = home / "screen.json"
    config.write_text(
        json.dumps(
            {
                "synchronousWindowSystemEvents": False,
                "windowFrameMargins": True,
                "screens": [
                    {
                        "name": "screen",
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": height,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ],
            }
        )
    )
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ["FIBRE_WORKBENCH_HOME"] = str(home)
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home))
    from workbench.gui.app import create_application

    QSettings("FibreWorkbench", "Fibre Workbench").setValue("ui/language", lang)
    app = create_application([])
    QSettings().setValue("ui/language", lang)
    from workbench.gui.i18n import install_translators

    for old in getattr(app, "_fw_translators", []):
        app.removeTranslator(old)
    app._fw_translators = install_translators(app, lang)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.png"):
        old.unlink()
    problems: list[dict[str, str]] = []
    for number, screen in enumerate(SCREENS, 1):
        if only and screen.name not in only:
            continue
        work = home / screen.name
        work.mkdir()
        QSettings().clear()
        QSettings().setValue("ui/language", lang)
        c = Context(app, lang, (width, height), work)
        started = time.monotonic()
        try:
            for suffix in screen.build(c):
                name = f"{number:02d}_{screen.name}{'_' + suffix if suffix else ''}"
                windows = photograph(c, out / f"{name}.png")
                found = check(c, windows)
                if found and c.pages is None:
                    # A busy machine may photograph a layout still settling: a problem
                    # counts when it is still there a moment later, picture taken again.
                    c.wait(1.0)
                    windows = photograph(c, out / f"{name}.png")
                    again = {_steady(p) for p in check(c, windows)}
                    found = [p for p in found if _steady(p) in again]
                problems += [{"screen": name, **p} for p in found]
        except Exception:
            problems.append(
                {"screen": screen.name, "check": "builder", "text": traceback.format_exc()}
            )
        finally:
            close_all(c)
        print(f"{screen.name}: {time.monotonic() - started:.1f} s", flush=True)
    (out / "problems.json").write_text(json.dumps(problems, indent=1, ensure_ascii=False))
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lang", choices=LANGS, default="en")
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--out", default="")
    parser.add_argument("--only", default="", help="comma-separated screen names")
    args = parser.parse_args(argv)
    out = Path(args.out or ROOT / "screenshots" / f"{args.lang}-{args.size}")
    only = {n.strip() for n in args.only.split(",") if n.strip()} or None
    problems = run(args.lang, args.size, out, only)
    for p in problems:
        print(f"{p['screen']} [{p['check']}] {p['text']}")
    print(f"{len(problems)} problem(s); pictures in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
