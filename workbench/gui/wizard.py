"""Self-assessment wizard for companies: which product routes can use my side stream?

Pages, in plain language:

1. Describe the side stream: name, kind of material (the feedstock vocabulary with
   plain labels), supplier and origin. The assessment lives in a project of its own:
   over the demonstration project (an example, never written to) or with no project
   open, leaving the page starts a new project; over the user's own project, the page
   asks whether to add the side stream there or start a new project. Leaving the page
   adds the sample (undoable).
2. The questions the routes need (treatment, soil, ...), the classify engineer's pages.
3. Add data: import lab files (the window's one import entry point, with its preview)
   or type lab values in a short form (each with its unit and, in plain words, its
   basis). Typed values become one ``properties`` measurement whose quantities have
   ``origin="typed"``, added by an undoable command.
4. The verdicts for every route with their reasons in plain sentences
   (``verdict_view.plain_reasons``), computed on the task runner.
5. Save the report of this side stream (``wizard_report.ReportPage``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from workbench.gui.analysis_commands import AddMeasurementCommand
from workbench.gui.commands import AddSampleCommand, SetSampleFieldCommand
from workbench.gui.i18n import active_language, feedstock_choices
from workbench.gui.self_assessment import is_demo_project
from workbench.gui.verdict_view import COLOURS, SYMBOLS, plain_reasons, route_name, verdict_text
from workbench.gui.wizard_questions import DataPage, QuestionsPage
from workbench.gui.wizard_report import ReportPage
from workbench.model import Measurement, Project, Quantity, new_id
from workbench.progress import Progress

if TYPE_CHECKING:
    from workbench.gui.main_window import MainWindow

translate = QCoreApplication.translate
TYPED_METHOD = "typed in the self-assessment wizard"
VERDICT_ORDER = ("suitable", "conditionally suitable", "not suitable", "not enough data")


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
        self.setTitle(self.tr("Describe your side stream"))
        self.setSubTitle(self.tr("Tell us what the material is. Only the name is required."))
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. Sawmill bark, spring 2026"))
        self.type_combo = QComboBox()
        for value, label in feedstock_choices():
            self.type_combo.addItem(label, value)
        self.supplier_edit = QLineEdit()
        self.origin_edit = QLineEdit()
        self.origin_edit.setPlaceholderText(self.tr("e.g. our mill in Kuopio"))
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("What kind of material:"), self.type_combo)
        form.addRow(self.tr("Supplier:"), self.supplier_edit)
        form.addRow(self.tr("Where it comes from:"), self.origin_edit)
        # where the assessment is kept: asked only when the user's own project is open
        self.new_radio = QRadioButton(self.tr("Start a new project for it"))
        self.add_radio = QRadioButton()
        self.new_radio.setChecked(True)
        self.where = QGroupBox(self.tr("Where to keep this assessment"))
        where = QVBoxLayout(self.where)
        where.addWidget(self.add_radio)
        where.addWidget(self.new_radio)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.where)
        layout.addStretch(1)
        self.registerField("name*", self.name_edit)

    def initializePage(self) -> None:
        own = self.wiz.own_project()
        self.where.setVisible(own is not None and self.wiz.sample_id is None)
        if own is not None:
            name = Path(own.path).stem if own.path else self.tr("Untitled")
            self.add_radio.setText(self.tr("Add it to the open project “%1”").replace("%1", name))
            self.add_radio.setChecked(True)

    def validatePage(self) -> bool:
        return self.wiz.ensure_sample(
            self.name_edit.text().strip(),
            str(self.type_combo.currentData()),
            self.supplier_edit.text().strip(),
            self.origin_edit.text().strip(),
            new_project=not (self.where.isVisible() and self.add_radio.isChecked()),
        )


class VerdictPage(QWizardPage):
    def __init__(self, wizard: SelfAssessmentWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("What your side stream suits"))
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


class SelfAssessmentWizard(QWizard):
    """The self-assessment, from describing the side stream to its report."""

    def __init__(self, win: MainWindow, sample_id: str | None = None) -> None:
        super().__init__(win)
        self.win = win
        self.sample_id: str | None = None
        self.started_project = False  # this wizard made the project it works in
        self.typed_measurement: Measurement | None = None
        self._typed_command: QUndoCommand | None = None
        self.setWindowTitle(self.tr("Self-assessment of a side stream"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.describe = DescribePage(self)
        self.questions = QuestionsPage(self)
        self.data = DataPage(self)
        self.verdict_page = VerdictPage(self)
        self.report = ReportPage(self)
        for page in (self.describe, self.questions, self.data, self.verdict_page, self.report):
            self.addPage(page)
        self.resize(860, 600)
        if sample_id is not None:
            self.load_sample(sample_id)

    def load_sample(self, sample_id: str) -> None:
        """Go over a side stream assessed before: its description and typed values filled
        in, so answers and values can be changed (simple mode's "Change answers…")."""
        project = self.win.doc.project
        if project is None or sample_id not in project.samples:
            return
        sample = project.samples[sample_id]
        self.sample_id = sample_id
        page = self.describe
        page.name_edit.setText(sample.name)
        index = page.type_combo.findData(sample.feedstock_type)
        page.type_combo.setCurrentIndex(max(index, 0))
        page.supplier_edit.setText(sample.supplier)
        page.origin_edit.setText(sample.origin)
        typed = [
            m
            for m in sample.measurements.values()
            if m.kind == "properties" and m.method == TYPED_METHOD
        ]
        if typed:
            self.typed_measurement = typed[-1]
            comma = active_language() == "fi"
            for pid, q in self.typed_measurement.quantities.items():
                self.data.show_value(pid, q.value, q.unit, comma)

    def own_project(self) -> Project | None:
        """The open project when it is the user's own and can take a new sample."""
        project = self.win.doc.project
        if project is None or project.read_only or is_demo_project(project):
            return None
        return project

    def sample_name(self) -> str:
        project = self.win.doc.project
        if project is not None and self.sample_id in project.samples:
            return project.samples[self.sample_id].name
        return self.describe.name_edit.text().strip()

    def ensure_sample(
        self, name: str, ftype: str, supplier: str, origin: str, new_project: bool = True
    ) -> bool:
        """Create the sample (first time, in a new project unless told to use the user's
        open one) or update its fields; undoable."""
        if not name:
            return False
        fresh = self.sample_id is None or self.win.doc.project is None
        if fresh and (new_project or self.own_project() is None) and not self.started_project:
            self.win.new_project()  # asks to save the open project's changes first
            if self.win.doc.project is None or self.win.doc.project.samples:
                return False  # the user kept the open project (Cancel)
            self.started_project = True
            self.sample_id = None
        project = self.win.doc.project
        if project is None or project.read_only:
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

    def add_typed_values(self, values: dict[str, tuple[float, str, str]]) -> None:
        """Add (or, when changed, replace) the typed lab values as one measurement:
        property id -> (value, unit as typed, basis)."""
        if self.sample_id is None:
            return
        current = self.typed_measurement
        if (
            current is not None
            and {k: (q.value, q.unit, q.basis) for k, q in current.quantities.items()} == values
        ):
            return
        stack = self.win.undo_stack
        if current is not None and stack.command(stack.index() - 1) is self._typed_command:
            stack.undo()  # going back and changing the values replaces the earlier ones
            current = self.typed_measurement = None
        new = None
        if values:
            quantities = {
                pid: Quantity(value, unit, basis, origin="typed")
                for pid, (value, unit, basis) in values.items()
            }
            new = Measurement(
                id=new_id("m"),
                kind="properties",
                quantities=quantities,
                label=self.tr("Typed lab values"),
                method=TYPED_METHOD,
            )
        if current is not None:  # typed in an earlier session: replaced, undoably
            self._typed_command = ReplaceTypedValuesCommand(
                self.win.doc, self.sample_id, current, new
            )
        elif new is not None:
            self._typed_command = AddMeasurementCommand(self.win.doc, self.sample_id, new)
        else:
            return
        stack.push(self._typed_command)
        self.typed_measurement = new


class ReplaceTypedValuesCommand(QUndoCommand):
    """Values typed in an earlier session give way to the ones typed now (or to none);
    undo brings the earlier ones back. Imported measurements are never replaced."""

    def __init__(self, doc, sample_id: str, old: Measurement, new: Measurement | None) -> None:
        super().__init__(translate("Wizard", "Change typed lab values"))
        self.doc = doc
        self.sample_id = sample_id
        self.old = old
        self.new = new

    def _swap(self, out: Measurement | None, into: Measurement | None) -> None:
        project = self.doc._require()
        if out is not None and out.id in project.samples[self.sample_id].measurements:
            project.remove_measurement(self.sample_id, out.id)
        if into is not None:
            project.add_measurement(self.sample_id, into)
        self.doc.notify_sample_contents(self.sample_id)

    def redo(self) -> None:
        self._swap(self.old, self.new)

    def undo(self) -> None:
        self._swap(self.new, self.old)
