"""Self-assessment wizard for companies: which product routes can use my side stream?

Four pages, in plain language:

1. Describe the side stream: name, kind of material (the feedstock vocabulary with
   plain labels), supplier and origin. Leaving the page adds the sample (undoable).
2. Add data: import lab files (the window's one import entry point, with its preview)
   or type lab values in a short form (each with its unit and, in plain words, its
   basis). Typed values become one ``properties`` measurement whose quantities have
   ``origin="typed"``, added by an undoable command.
3. The verdicts for every route with their reasons in plain sentences
   (``verdict_view.plain_reasons``), computed on the task runner.
4. Save the report (HTML or PDF, in the UI language) with ``write_report``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from workbench.gui.analysis_commands import AddMeasurementCommand
from workbench.gui.commands import AddSampleCommand, SetSampleFieldCommand
from workbench.gui.i18n import active_language, feedstock_choices
from workbench.gui.verdict_view import COLOURS, SYMBOLS, plain_reasons, route_name, verdict_text
from workbench.model import Measurement, Quantity, new_id
from workbench.progress import Progress

if TYPE_CHECKING:
    from workbench.gui.main_window import MainWindow

translate = QCoreApplication.translate
TYPED_METHOD = "typed in the self-assessment wizard"
VERDICT_ORDER = ("suitable", "conditionally suitable", "not suitable", "not enough data")


def lab_fields() -> list[tuple[str, str, str, str, str]]:
    """(property id, unit, basis, label, basis in plain words) of the typed-values form."""
    t = translate
    dry = t("Wizard", "of the dry material")
    delivered = t("Wizard", "as delivered")
    return [
        ("moisture", "%", "ar", t("Wizard", "Moisture (water content)"), delivered),
        ("ash", "%", "db", t("Wizard", "Ash"), dry),
        ("volatile_matter", "%", "db", t("Wizard", "Volatile matter"), dry),
        ("fixed_carbon", "%", "db", t("Wizard", "Fixed carbon"), dry),
        ("carbon", "%", "db", t("Wizard", "Carbon (C)"), dry),
        ("hydrogen", "%", "db", t("Wizard", "Hydrogen (H)"), dry),
        ("nitrogen", "%", "db", t("Wizard", "Nitrogen (N)"), dry),
        ("sulfur", "%", "db", t("Wizard", "Sulfur (S)"), dry),
        ("chlorine", "%", "db", t("Wizard", "Chlorine (Cl)"), dry),
        ("net_calorific_value", "MJ/kg", "db", t("Wizard", "Net heating value"), dry),
        ("bulk_density", "kg/m³", "ar", t("Wizard", "Bulk density"), delivered),
        ("fibre_length_lw", "mm", "none", t("Wizard", "Fibre length (length-weighted)"), ""),
    ]


def parse_number(text: str) -> float | None:
    """A typed number (decimal point or comma); None when empty; ValueError when bad."""
    text = text.strip().replace(",", ".").replace(" ", "")
    return float(text) if text else None


def classify_one(progress: Progress, project: Any, sample_id: str) -> list[dict[str, Any]]:
    """Worker-thread body: the sample's verdicts as JSON with learned predictions."""
    from workbench.classify.engine import classify_sample
    from workbench.classify.learned import attach_predictions
    from workbench.classify.routes import load_routes

    progress.update(0.1, "classifying")
    verdicts = [v.to_json() for v in classify_sample(project.samples[sample_id], load_routes())]
    return attach_predictions(project, verdicts)


class DescribePage(QWizardPage):
    def __init__(self, wizard: SelfAssessmentWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("1. Describe your side stream"))
        self.setSubTitle(self.tr("Tell us what the material is. Only the name is required."))
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. Sawmill bark, spring 2026"))
        self.type_combo = QComboBox()
        for value, label in feedstock_choices():
            self.type_combo.addItem(label, value)
        self.supplier_edit = QLineEdit()
        self.origin_edit = QLineEdit()
        self.origin_edit.setPlaceholderText(self.tr("e.g. our mill in Kuopio"))
        form = QFormLayout(self)
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("What kind of material:"), self.type_combo)
        form.addRow(self.tr("Supplier:"), self.supplier_edit)
        form.addRow(self.tr("Where it comes from:"), self.origin_edit)
        self.registerField("name*", self.name_edit)

    def validatePage(self) -> bool:
        return self.wiz.ensure_sample(
            self.name_edit.text().strip(),
            str(self.type_combo.currentData()),
            self.supplier_edit.text().strip(),
            self.origin_edit.text().strip(),
        )


class DataPage(QWizardPage):
    def __init__(self, wizard: SelfAssessmentWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("2. Add your lab data"))
        self.setSubTitle(
            self.tr(
                "Import the files from your lab, or type the values you have. "
                "Leave a field empty if you do not know it."
            )
        )
        import_button = QPushButton(self.tr("Import lab files…"))
        import_button.clicked.connect(self.import_files)
        self.import_note = QLabel()
        self.import_note.setWordWrap(True)
        self.import_note.setStyleSheet("color:#555")
        grid = QGridLayout()
        self.edits: dict[str, QLineEdit] = {}
        validator = QDoubleValidator(0.0, 1e6, 6, self)
        validator.setLocale(QLocale.c())
        for row, (pid, unit, _basis, label, basis_words) in enumerate(lab_fields()):
            edit = QLineEdit()
            edit.setMaximumWidth(110)
            edit.setObjectName(f"typed-{pid}")
            edit.textChanged.connect(self._check)
            self.edits[pid] = edit
            grid.addWidget(QLabel(label), row // 2 * 1, (row % 2) * 3)
            unit_text = unit + (f", {basis_words}" if basis_words else "")
            unit_label = QLabel(unit_text)
            unit_label.setStyleSheet("color:#555")
            grid.addWidget(edit, row // 2, (row % 2) * 3 + 1)
            grid.addWidget(unit_label, row // 2, (row % 2) * 3 + 2)
        self.error = QLabel()
        self.error.setStyleSheet("color:#b00020")
        top = QHBoxLayout()
        top.addWidget(import_button)
        top.addWidget(self.import_note, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel("<b>" + self.tr("Or type lab values:") + "</b>"))
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Import lab files"))
        if paths:
            self.wiz.win.import_files(paths)
            self.import_note.setText(
                self.tr("In the preview, choose the sample “%1” as the target.").replace(
                    "%1", self.wiz.sample_name()
                )
            )

    def typed_values(self) -> dict[str, float]:
        """Property id -> value of every filled field; raises ValueError on bad text."""
        out = {}
        for pid, edit in self.edits.items():
            value = parse_number(edit.text())
            if value is not None:
                out[pid] = value
        return out

    def _check(self) -> bool:
        bad = []
        for pid, unit, _b, label, _w in lab_fields():
            try:
                value = parse_number(self.edits[pid].text())
            except ValueError:
                bad.append(label)
                continue
            if value is not None and (value < 0 or (unit == "%" and value > 100)):
                bad.append(label)
        self.error.setText(self.tr("Please check: %1").replace("%1", ", ".join(bad)) if bad else "")
        return not bad

    def validatePage(self) -> bool:
        if not self._check():
            return False
        self.wiz.add_typed_values(self.typed_values())
        return True


class VerdictPage(QWizardPage):
    def __init__(self, wizard: SelfAssessmentWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("3. What your side stream suits"))
        self.setSubTitle(self.tr("Each product route, with the reasons in plain words."))
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        self.verdicts: list[dict[str, Any]] = []
        self.task = None

    def initializePage(self) -> None:
        self.verdicts = []
        self.browser.setHtml("<p>" + self.tr("Checking every route…") + "</p>")
        sid = self.wiz.sample_id
        project = self.wiz.win.doc.project
        if sid is None or project is None:
            return
        self.task = self.wiz.win.runner.submit(
            self.tr("Self-assessment"), classify_one, project, sid, on_done=self.show_verdicts
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.verdicts)

    def show_verdicts(self, verdicts: list[dict[str, Any]]) -> None:
        self.verdicts = verdicts
        self.browser.setHtml(self.html(verdicts))
        self.completeChanged.emit()

    def html(self, verdicts: list[dict[str, Any]]) -> str:
        from html import escape

        heads = {
            "suitable": self.tr("Good fit"),
            "conditionally suitable": self.tr("Possible, with conditions"),
            "not enough data": self.tr("We need more data to say"),
            "not suitable": self.tr("Not suitable as it is"),
        }
        parts = []
        for verdict in VERDICT_ORDER:
            group = [v for v in verdicts if v["verdict"] == verdict]
            if not group:
                continue
            parts.append(
                f"<h3 style='background:{COLOURS[verdict]};padding:4px'>"
                f"{SYMBOLS[verdict]} {escape(heads[verdict])} ({len(group)})</h3>"
            )
            for v in group:
                reasons = "".join(f"<li>{escape(r)}</li>" for r in plain_reasons(v, 3))
                learned = "".join(
                    "<li><i>"
                    + escape(
                        self.tr("Your own trained model says: %1").replace(
                            "%1", verdict_text(str(p.get("prediction")))
                        )
                    )
                    + "</i></li>"
                    for p in v.get("learned", [])
                )
                parts.append(f"<p><b>{escape(route_name(v))}</b></p><ul>{reasons}{learned}</ul>")
        return "".join(parts)


class ReportPage(QWizardPage):
    def __init__(self, wizard: SelfAssessmentWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("4. Save the report"))
        self.setSubTitle(
            self.tr("A report with your values, every verdict and where the limits come from.")
        )
        self.html_radio = QRadioButton(self.tr("Web page (HTML)"))
        self.pdf_radio = QRadioButton(self.tr("PDF document"))
        self.html_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.html_radio)
        group.addButton(self.pdf_radio)
        self.path_edit = QLineEdit()
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.browse)
        self.save_button = QPushButton(self.tr("Save report"))
        self.save_button.clicked.connect(self.save_report)
        self.status = QLabel()
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.html_radio)
        layout.addWidget(self.pdf_radio)
        layout.addLayout(row)
        layout.addWidget(self.save_button)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.html_radio.toggled.connect(self._suffix)
        self.written: Path | None = None

    def initializePage(self) -> None:
        if not self.path_edit.text():
            safe = "".join(c if c.isalnum() or c in "-_ " else "_" for c in self.wiz.sample_name())
            self.path_edit.setText(str(Path.home() / f"{safe.strip() or 'report'}.html"))

    def _suffix(self) -> None:
        path = Path(self.path_edit.text() or "report.html")
        self.path_edit.setText(
            str(path.with_suffix(".html" if self.html_radio.isChecked() else ".pdf"))
        )

    def browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save report"), self.path_edit.text())
        if path:
            self.path_edit.setText(path)
            self.pdf_radio.setChecked(path.lower().endswith(".pdf"))

    def save_report(self):
        from workbench.report.writer import write_report

        project = self.wiz.win.doc.project
        out = self.path_edit.text().strip()
        if project is None or not out:
            return None
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Writing the report…"))
        name = self.wiz.sample_name()
        lang = active_language()

        def work(_progress: Progress) -> str:
            return write_report(project, out, sample_names=[name], lang=lang)

        def done(_summary: str) -> None:
            self.written = Path(out)
            self.save_button.setEnabled(True)
            self.status.setText(self.tr("Saved: %1").replace("%1", out))

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            self.status.setText(self.tr("Could not save the report: %1").replace("%1", str(exc)))

        return self.wiz.win.runner.submit(
            self.tr("Write report"), work, on_done=done, on_error=failed
        )


class SelfAssessmentWizard(QWizard):
    """The four-page self-assessment."""

    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.win = win
        self.sample_id: str | None = None
        self.typed_measurement: Measurement | None = None
        self._typed_command: AddMeasurementCommand | None = None
        self.setWindowTitle(self.tr("Self-assessment of a side stream"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.describe = DescribePage(self)
        self.data = DataPage(self)
        self.verdict_page = VerdictPage(self)
        self.report = ReportPage(self)
        for page in (self.describe, self.data, self.verdict_page, self.report):
            self.addPage(page)
        self.resize(860, 640)

    def sample_name(self) -> str:
        project = self.win.doc.project
        if project is not None and self.sample_id in project.samples:
            return project.samples[self.sample_id].name
        return self.describe.name_edit.text().strip()

    def ensure_sample(self, name: str, ftype: str, supplier: str, origin: str) -> bool:
        """Create the sample (first time) or update its fields; undoable."""
        if self.win.doc.project is None:
            self.win.new_project()
        project = self.win.doc.project
        if project is None or project.read_only or not name:
            return False
        stack = self.win.undo_stack
        doc = self.win.doc
        stack.beginMacro(self.tr("Self-assessment: describe “%1”").replace("%1", name))
        if self.sample_id is None or self.sample_id not in project.samples:
            command = AddSampleCommand(doc, name)
            stack.push(command)
            assert command.sample is not None
            self.sample_id = command.sample.id
        sample = project.samples[self.sample_id]
        for field, value in (
            ("name", name),
            ("feedstock_type", ftype),
            ("supplier", supplier),
            ("origin", origin),
        ):
            if getattr(sample, field) != value:
                stack.push(SetSampleFieldCommand(doc, self.sample_id, field, value))
        stack.endMacro()
        return True

    def add_typed_values(self, values: dict[str, float]) -> None:
        """Add (or, when changed, replace) the typed lab values as one measurement."""
        if self.sample_id is None:
            return
        fields = {pid: (unit, basis) for pid, unit, basis, _l, _w in lab_fields()}
        current = self.typed_measurement
        if current is not None and {k: q.value for k, q in current.quantities.items()} == values:
            return
        stack = self.win.undo_stack
        if current is not None and stack.command(stack.index() - 1) is self._typed_command:
            stack.undo()  # going back and changing the values replaces the earlier ones
        if not values:
            self.typed_measurement = None
            return
        quantities = {
            pid: Quantity(v, fields[pid][0], fields[pid][1], method=TYPED_METHOD, origin="typed")
            for pid, v in values.items()
        }
        m = Measurement(
            id=new_id("m"),
            kind="properties",
            quantities=quantities,
            label=self.tr("Typed lab values"),
            method=TYPED_METHOD,
        )
        self._typed_command = AddMeasurementCommand(self.win.doc, self.sample_id, m)
        self.win.undo_stack.push(self._typed_command)
        self.typed_measurement = m
