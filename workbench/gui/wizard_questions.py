"""The self-assessment wizard's question pages: what the product routes need to know.

The questions come from the route files (``workbench.classify.questions.route_questions``),
so a route that starts testing a new fact is asked about here without a change to this
module. Two pages:

* ``QuestionsPage``: the categorical facts (chemically treated? soil or stones attached?
  softwood or hardwood?) as plain yes/no choices, each with one or two sentences saying
  what it means and why it matters. Answers are stored as the sample's controlled metadata
  (undoable); "I don't know" stores nothing.
* ``DataPage``: lab values by group (moisture and ash; C, N, S, Cl; heavy metals; ash
  melting; ...), each with its unit (the units a lab report may give instead are offered),
  its basis in plain words and what it is. The heavy metals and the ash melting test start
  with a yes/no ("Do you have a heavy-metal analysis?"), so a company without one is not
  faced with eight empty fields. Typed values become one ``properties`` measurement with
  ``origin="typed"`` in the unit chosen (the classifier converts and shows it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from workbench.classify.questions import EXTRA_VALUES, GROUPS, Question, route_questions
from workbench.gui.commands import SetMetadataCommand
from workbench.gui.i18n import active_language
from workbench.vocab import normalise_attribute

if TYPE_CHECKING:
    from workbench.gui.wizard import SelfAssessmentWizard

# groups a company is first asked whether it has at all
ASK_FIRST = {
    "metals": (
        "Do you have a heavy-metal analysis (arsenic, cadmium, chromium, copper, lead, "
        "mercury, nickel, zinc)?",
        "Onko sinulla raskasmetallianalyysi (arseeni, kadmium, kromi, kupari, lyijy, "
        "elohopea, nikkeli, sinkki)?",
    ),
    "ash_melting": (
        "Do you know how the ash melts (an ash melting test)?",
        "Tiedätkö, miten tuhka sulaa (tuhkan sulamiskoe)?",
    ),
}
BASIS_WORDS = {
    "db": ("of the dry material", "kuiva-aineesta"),
    "ar": ("as delivered", "toimitettuna"),
}


def _t(pair: tuple[str, str]) -> str:
    return pair[1] if active_language() == "fi" else pair[0]


def _questions() -> list[Question]:
    from workbench.classify.routes import load_routes

    return route_questions(load_routes())


def parse_number(text: str) -> float | None:
    """A typed number (decimal point or comma); None when empty; ValueError when bad."""
    text = text.strip().replace(",", ".").replace(" ", "").replace("\u00a0", "")
    return float(text) if text else None


class QuestionsPage(QWizardPage):
    """Yes/no questions about the material, each explained in plain words."""

    def __init__(self, wizard: SelfAssessmentWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("About your material"))
        self.setSubTitle(self.tr("A few questions the product routes need. Answer what you know."))
        self.questions = [q for q in _questions() if q.kind == "choice"]
        self.groups: dict[str, QButtonGroup] = {}
        inner = QWidget()
        box = QVBoxLayout(inner)
        for q in self.questions:
            frame = QGroupBox()
            frame.setObjectName(f"question-{q.id}")
            lay = QVBoxLayout(frame)
            title = QLabel(f"<b>{_t(q.label)}</b>")
            title.setWordWrap(True)
            why = QLabel(_t(q.help))
            why.setWordWrap(True)
            why.setStyleSheet("color:#555")
            lay.addWidget(title)
            lay.addWidget(why)
            row = QHBoxLayout()
            group = QButtonGroup(frame)
            for k, choice in enumerate(q.choices):
                radio = QRadioButton(_t(choice.text))
                group.addButton(radio, k)
                row.addWidget(radio)
            row.addStretch(1)
            lay.addLayout(row)
            self.groups[q.id] = group
            box.addWidget(frame)
        box.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)

    def initializePage(self) -> None:
        project = self.wiz.win.doc.project
        sample = project.samples.get(self.wiz.sample_id) if project is not None else None
        for q in self.questions:
            group = self.groups[q.id]
            stored = sample.metadata.get(q.id, "") if sample is not None else ""
            value = normalise_attribute(q.id, stored) or ""
            index = next((k for k, c in enumerate(q.choices) if c.value == value), -1)
            if index < 0 or not value:
                index = next((k for k, c in enumerate(q.choices) if not c.value), -1)
            if index >= 0:
                group.button(index).setChecked(True)

    def answers(self) -> dict[str, str]:
        """Attribute -> the controlled value answered ("" for I don't know)."""
        out = {}
        for q in self.questions:
            k = self.groups[q.id].checkedId()
            out[q.id] = q.choices[k].value if k >= 0 else ""
        return out

    def answer(self, attr: str, value: str) -> None:
        """Choose the answer storing ``value`` (tests, screenshots)."""
        q = next(q for q in self.questions if q.id == attr)
        k = next(k for k, c in enumerate(q.choices) if c.value == value)
        self.groups[attr].button(k).setChecked(True)

    def fill_for_screenshot(self) -> None:
        self.answer("chemical_treatment", "untreated")
        self.answer("attached_soil", "none")

    def validatePage(self) -> bool:
        project = self.wiz.win.doc.project
        if project is None or self.wiz.sample_id not in project.samples:
            return True
        sample = project.samples[self.wiz.sample_id]
        changes = [
            (attr, value or None)
            for attr, value in self.answers().items()
            if (sample.metadata.get(attr) or None) != (value or None)
        ]
        if changes:
            stack = self.wiz.win.undo_stack
            stack.beginMacro(self.tr("Self-assessment: answers about the material"))
            for attr, value in changes:
                stack.push(SetMetadataCommand(self.wiz.win.doc, self.wiz.sample_id, attr, value))
            stack.endMacro()
        self.wiz.data.set_answers(self.answers())
        return True


class _Field:
    """One value question's widgets."""

    def __init__(self, q: Question, page: DataPage) -> None:
        self.question = q
        self.label = QLabel(_t(q.label))
        self.label.setMinimumWidth(230)  # the groups' columns line up
        self.edit = QLineEdit()
        self.edit.setMaximumWidth(110)
        self.edit.setObjectName(f"typed-{q.id}")
        self.unit = QComboBox()
        self.unit.setObjectName(f"unit-{q.id}")
        for u in q.units or (q.unit,):
            self.unit.addItem(u or "—", u)
        words = BASIS_WORDS.get(q.basis)
        self.basis = QLabel(_t(words) if words else "")
        self.basis.setStyleSheet("color:#555")
        self.help = QLabel(_t(q.help))
        self.help.setWordWrap(True)
        self.help.setStyleSheet("color:#666;font-size:small")
        tip = _t(q.help)
        for w in (self.label, self.edit, self.unit):
            w.setToolTip(tip)
        self.edit.textChanged.connect(page.check)

    def widgets(self):
        return tuple(
            w for w in (self.label, self.edit, self.unit, self.basis, self.help) if w is not None
        )


class DataPage(QWizardPage):
    """Lab values the routes need: import the lab's files or type the values."""

    def __init__(self, wizard: SelfAssessmentWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Add your lab data"))
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
        self.fields: dict[str, _Field] = {}
        self.edits: dict[str, QLineEdit] = {}
        self.boxes: dict[str, QGroupBox] = {}
        self.have: dict[str, QCheckBox] = {}
        inner = QWidget()
        box = QVBoxLayout(inner)
        values = [q for q in _questions() if q.kind == "value"]
        values += [q for q in EXTRA_VALUES if q.id not in {v.id for v in values}]
        for group_id, title in GROUPS.items():
            qs = [q for q in values if q.group == group_id]
            if not qs:
                continue
            frame = QGroupBox(_t(title))
            frame.setObjectName(f"group-{group_id}")
            lay = QVBoxLayout(frame)
            holder = QWidget()
            grid = QGridLayout(holder)
            grid.setContentsMargins(0, 0, 0, 0)
            shared = len(qs) > 1 and len({q.help for q in qs}) == 1  # the metals
            if shared:
                help_label = QLabel(_t(qs[0].help))
                help_label.setWordWrap(True)
                help_label.setStyleSheet("color:#666")
                grid.addWidget(help_label, 0, 0, 1, 4)
            for row, q in enumerate(qs, start=1):
                f = self.fields[q.id] = _Field(q, self)
                self.edits[q.id] = f.edit
                label, edit, unit, basis = f.widgets()[:4]
                help_label = f.help
                grid.addWidget(label, 2 * row, 0)
                grid.addWidget(edit, 2 * row, 1)
                grid.addWidget(unit, 2 * row, 2)
                grid.addWidget(basis, 2 * row, 3)
                if shared:
                    f.help = None
                    help_label.deleteLater()
                else:
                    grid.addWidget(help_label, 2 * row + 1, 0, 1, 4)
            grid.setColumnStretch(3, 1)
            if group_id in ASK_FIRST:
                ask = QCheckBox(_t(ASK_FIRST[group_id]))
                ask.setObjectName(f"have-{group_id}")
                ask.toggled.connect(holder.setVisible)
                holder.setVisible(False)
                self.have[group_id] = ask
                lay.addWidget(ask)
            lay.addWidget(holder)
            self.boxes[group_id] = frame
            box.addWidget(frame)
        box.addStretch(1)
        scroll = self.scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.error = QLabel()
        self.error.setStyleSheet("color:#b00020")
        top = QHBoxLayout()
        top.addWidget(import_button)
        top.addWidget(self.import_note, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel("<b>" + self.tr("Or type lab values:") + "</b>"))
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)

    def set_answers(self, answers: dict[str, str]) -> None:
        """Show only the values that apply after the answers (soil share only when soil
        is attached)."""
        for f in self.fields.values():
            visible = all(answers.get(attr, "") in vals for attr, vals in f.question.only_if)
            for w in f.widgets():
                w.setVisible(visible)
            if not visible:
                f.edit.clear()

    def show_value(self, pid: str, value: float, unit: str, comma: bool = False) -> None:
        """Fill a field with a value typed before, in the unit it was typed in."""
        f = self.fields.get(pid)
        if f is None:
            return
        text = f"{value:g}"
        f.edit.setText(text.replace(".", ",") if comma else text)
        if f.unit.findData(unit) < 0:
            f.unit.addItem(unit, unit)
        f.unit.setCurrentIndex(f.unit.findData(unit))
        ask = self.have.get(f.question.group)
        if ask is not None:
            ask.setChecked(True)

    def import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Import lab files"))
        if paths:
            self.wiz.win.import_files(paths)
            self.import_note.setText(
                self.tr("In the preview, choose the sample “%1” as the target.").replace(
                    "%1", self.wiz.sample_name()
                )
            )

    def typed_values(self) -> dict[str, tuple[float, str, str]]:
        """Property id -> (value, unit, basis) of every filled field; ValueError on bad text."""
        out = {}
        for pid, f in self.fields.items():
            value = parse_number(f.edit.text())
            if value is not None:
                out[pid] = (value, str(f.unit.currentData()), f.question.basis)
        return out

    def check(self) -> bool:
        bad = []
        for f in self.fields.values():
            try:
                value = parse_number(f.edit.text())
            except ValueError:
                bad.append(_t(f.question.label))
                continue
            unit = str(f.unit.currentData())
            if value is not None and (value < 0 or (unit == "%" and value > 100)):
                bad.append(_t(f.question.label))
        self.error.setText(self.tr("Please check: %1").replace("%1", ", ".join(bad)) if bad else "")
        return not bad

    def fill_for_screenshot(self) -> None:
        for pid, value in (("moisture", "45"), ("ash", "2.1"), ("nitrogen", "0.4")):
            if pid in self.edits:
                self.edits[pid].setText(value)
        if "metals" in self.have:
            self.have["metals"].setChecked(True)
            for pid, value in (("lead", "12"), ("zinc", "85"), ("copper", "6")):
                if pid in self.edits:
                    self.edits[pid].setText(value)
            unit = self.fields["zinc"].unit if "zinc" in self.fields else None
            if unit is not None:
                unit.setCurrentIndex(unit.findData("ppm"))
            self.scroll.widget().adjustSize()
            bar = self.scroll.verticalScrollBar()
            bar.setValue(self.boxes["metals"].y() - 10)

    def validatePage(self) -> bool:
        if not self.check():
            return False
        self.wiz.add_typed_values(self.typed_values())
        return True
