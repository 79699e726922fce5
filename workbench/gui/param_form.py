"""A parameter form built from a plugin manifest's ``ParamSpec`` declarations.

One widget per parameter, chosen by its type: ``float`` a QDoubleSpinBox and ``int`` a
QSpinBox (range from ``min``/``max``, unit as suffix), ``bool`` a check box, ``choice``
a combo box of the choices' plain labels, ``str`` a line edit (a combo of properties
when the parameter names a property, ``choices_from = "properties"``: those the samples
have reference values of first, with their number) and ``list`` a line edit of
comma/semicolon-separated items. A parameter that matters only in some modes
(``enabled_when``) is greyed out in the others. Labels and help texts come in the UI
language (help as tooltip). ``values()`` returns the parameters checked by the core's
own ``coerce_value`` (the same validation the runner applies), so the form can never
accept what the run would refuse.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from workbench.analysis.manifest import Manifest, ParamSpec
from workbench.analysis.params import coerce_value
from workbench.errors import AnalysisError
from workbench.gui.i18n import active_language, basis_label, property_label
from workbench.vocab import PROPERTIES

MIN_REFERENCES = 4  # the fewest reference values a calibration accepts (pls_calibration)

INT_LIMIT = 2_147_483_647
FLOAT_LIMIT = 1e12


def param_label(spec: ParamSpec) -> str:
    """The parameter's label in the UI language (its name when the manifest gives none)."""
    if active_language() == "fi" and spec.label_fi:
        return spec.label_fi
    return spec.label_en or spec.name.replace("_", " ").capitalize()


def param_unit(spec: ParamSpec) -> str:
    """The parameter's unit in the UI language (most units are the same in both)."""
    if active_language() == "fi" and spec.unit_fi:
        return spec.unit_fi
    return spec.unit


def param_help(spec: ParamSpec) -> str:
    if active_language() == "fi" and spec.help_fi:
        return spec.help_fi
    return spec.help_en


def _decimals(spec: ParamSpec) -> int:
    """Enough decimals to show the default, the limits and a fine step."""
    numbers = [v for v in (spec.default, spec.min, spec.max) if isinstance(v, int | float)]
    places = 2
    for v in numbers:
        text = f"{float(v):.10g}"
        if "e-" in text:
            places = max(places, int(text.split("e-")[1]) + 2)
        elif "." in text:
            places = max(places, len(text.split(".")[1]))
    return min(places, 8)


def list_text(values: Any) -> str:
    if isinstance(values, list | tuple):
        return ", ".join(f"{v:g}" if isinstance(v, float) else str(v) for v in values)
    return str(values)


def parse_list(text: str) -> list[str]:
    sep = ";" if ";" in text else ","
    return [p.strip() for p in text.split(sep) if p.strip()]


def _combo() -> QComboBox:
    """A combo box that does not widen the form to its longest entry (the list shows
    it whole; the chosen entry's whole text is the tooltip)."""
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(16)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    combo.currentTextChanged.connect(combo.setToolTip)
    return combo


class ParamForm(QWidget):
    """Form over a manifest's parameters; emits ``changed`` whenever a value changes."""

    changed = Signal()

    def __init__(
        self,
        manifest: Manifest,
        parent: QWidget | None = None,
        property_counts: dict[str, int] | None = None,
    ) -> None:
        super().__init__(parent)
        self.manifest = manifest
        self.property_counts: dict[str, int] = dict(property_counts or {})
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color:#b00020")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        # in a narrow dialog a long label goes above its field instead of cutting it
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for spec in manifest.parameters:
            widget = self._make(spec)
            tip = param_help(spec)
            if spec.unit:
                tip = (tip + "\n" if tip else "") + self.tr("Unit: %1").replace(
                    "%1", param_unit(spec)
                )
            widget.setToolTip(tip)
            widget.setObjectName(f"param-{spec.name}")
            label = QLabel(param_label(spec) + ":")
            label.setToolTip(tip)
            label.setBuddy(widget)
            layout.addRow(label, widget)
            self.widgets[spec.name] = widget
            self.labels[spec.name] = label
        if not manifest.parameters:
            layout.addRow(QLabel(self.tr("This analysis has no parameters.")))
        layout.addRow(self.error_label)
        self.set_values({})

    # -- building -------------------------------------------------------------------
    def _make(self, spec: ParamSpec) -> QWidget:
        if spec.type == "float":
            box = QDoubleSpinBox()
            box.setDecimals(_decimals(spec))
            lo = -FLOAT_LIMIT if spec.min is None else float(spec.min)
            hi = FLOAT_LIMIT if spec.max is None else float(spec.max)
            box.setRange(lo, hi)
            span = hi - lo if math.isfinite(hi - lo) and hi - lo < FLOAT_LIMIT else 10.0
            box.setSingleStep(10 ** math.floor(math.log10(max(span, 1e-9) / 100)))
            if spec.unit:
                box.setSuffix(f" {param_unit(spec)}")
            box.valueChanged.connect(self._emit)
            return box
        if spec.type == "int":
            box = QSpinBox()
            lo = -INT_LIMIT if spec.min is None else math.ceil(spec.min)
            hi = INT_LIMIT if spec.max is None else math.floor(spec.max)
            box.setRange(lo, hi)
            if spec.unit:
                box.setSuffix(f" {param_unit(spec)}")
            box.valueChanged.connect(self._emit)
            return box
        if spec.type == "bool":
            check = QCheckBox()
            check.toggled.connect(self._emit)
            return check
        if spec.type == "choice":
            combo = _combo()
            for choice in spec.choices:
                combo.addItem(spec.choice_label(choice, active_language()), choice)
            combo.currentIndexChanged.connect(self._emit)
            return combo
        if spec.choices_from == "properties":
            combo = _combo()
            self._fill_properties(combo)
            combo.currentIndexChanged.connect(self._emit)
            return combo
        edit = QLineEdit()
        if spec.type == "list":
            unit = f" ({param_unit(spec)})" if spec.unit else ""
            edit.setPlaceholderText(self.tr("values separated by commas") + unit)
        edit.textChanged.connect(self._emit)
        return edit

    def _emit(self, *_args: Any) -> None:
        self._update_enabled()
        self.changed.emit()

    def _update_enabled(self) -> None:
        """Grey out the parameters the chosen mode ignores."""
        raw = self.raw_values()
        for spec in self.manifest.parameters:
            if spec.enabled_when:
                on = spec.enabled_by(raw)
                self.widgets[spec.name].setEnabled(on)
                self.labels[spec.name].setEnabled(on)

    # -- properties with reference values ---------------------------------------------
    def property_text(self, pid: str) -> str:
        """ "Ash, dry basis (reference values: 8)": how many samples have one."""
        pdef = PROPERTIES.get(pid)
        name = property_label(pid)
        if pdef is not None and pdef.basis.value != "none":
            name += ", " + basis_label(pdef.basis.value)
        n = self.property_counts.get(pid, 0)
        if not n:
            return name
        return name + " (" + self.tr("reference values: %1").replace("%1", str(n)) + ")"

    def _fill_properties(self, combo: QComboBox) -> None:
        """Properties the samples have reference values of first (most first), then the
        rest (a reference table may bring their values)."""
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        counted = sorted(
            (pid for pid, n in self.property_counts.items() if n and pid in PROPERTIES),
            key=lambda pid: (-self.property_counts[pid], property_label(pid).casefold()),
        )
        rest = sorted(
            (pid for pid in PROPERTIES if pid not in counted),
            key=lambda pid: property_label(pid).casefold(),
        )
        for pid in counted:
            combo.addItem(self.property_text(pid), pid)
            if self.property_counts[pid] < MIN_REFERENCES:
                combo.setItemData(
                    combo.count() - 1,
                    self.tr(
                        "Too few for a calibration (at least %1) unless a reference "
                        "table gives more"
                    ).replace("%1", str(MIN_REFERENCES)),
                    Qt.ItemDataRole.ToolTipRole,
                )
        if counted and rest:
            combo.insertSeparator(combo.count())
        for pid in rest:
            combo.addItem(self.property_text(pid), pid)
        index = combo.findData(current) if current is not None else -1
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def best_property(self) -> str | None:
        """The property most samples have reference values of (None: none has any)."""
        counted = [(n, pid) for pid, n in self.property_counts.items() if n and pid in PROPERTIES]
        if not counted:
            return None
        return min(counted, key=lambda c: (-c[0], c[1]))[1]  # ties: the same in any language

    def set_property_counts(self, counts: dict[str, int]) -> None:
        """New counts (the ticked samples changed): the property combos are refilled."""
        self.property_counts = dict(counts)
        for spec in self.manifest.parameters:
            if spec.choices_from == "properties":
                self._fill_properties(self.widgets[spec.name])
        self._emit()

    # -- values ---------------------------------------------------------------------
    def default(self, spec: ParamSpec) -> Any:
        """The value a parameter starts with: its declared default, except that a property
        parameter starts at the property most samples have reference values of."""
        if spec.choices_from == "properties":
            return self.best_property() or spec.default
        return spec.default

    def set_values(self, values: dict[str, Any]) -> None:
        """Show ``values`` (defaults for parameters not given)."""
        for spec in self.manifest.parameters:
            value = values.get(spec.name, self.default(spec))
            widget = self.widgets[spec.name]
            widget.blockSignals(True)
            try:
                if isinstance(widget, QDoubleSpinBox):
                    widget.setValue(float(value))
                elif isinstance(widget, QSpinBox):
                    widget.setValue(int(value))
                elif isinstance(widget, QCheckBox):
                    widget.setChecked(bool(value))
                elif isinstance(widget, QComboBox):
                    index = widget.findData(value)
                    if index < 0 and spec.choices_from == "properties" and value:
                        widget.addItem(str(value), value)  # a stored id not in the vocabulary
                        index = widget.count() - 1
                    widget.setCurrentIndex(max(index, 0))
                elif isinstance(widget, QLineEdit):
                    text = list_text(value) if spec.type == "list" else str(value)
                    widget.setText(text)
            finally:
                widget.blockSignals(False)
        self._update_enabled()
        self.changed.emit()

    def raw_values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for spec in self.manifest.parameters:
            widget = self.widgets[spec.name]
            if isinstance(widget, QDoubleSpinBox | QSpinBox):
                out[spec.name] = widget.value()
            elif isinstance(widget, QCheckBox):
                out[spec.name] = widget.isChecked()
            elif isinstance(widget, QComboBox):
                out[spec.name] = widget.currentData()
            elif isinstance(widget, QLineEdit):
                text = widget.text()
                out[spec.name] = parse_list(text) if spec.type == "list" else text
        return out

    def errors(self) -> dict[str, str]:
        """Parameter name -> problem, for every value the run would refuse."""
        problems: dict[str, str] = {}
        raw = self.raw_values()
        for spec in self.manifest.parameters:
            try:
                coerce_value(spec, raw[spec.name])
            except (AnalysisError, ValueError, TypeError) as exc:
                problems[spec.name] = str(exc)
        return problems

    def values(self) -> dict[str, Any]:
        """Checked parameter values; raises ``AnalysisError`` naming the first bad one."""
        raw = self.raw_values()
        return {spec.name: coerce_value(spec, raw[spec.name]) for spec in self.manifest.parameters}

    def validate(self) -> bool:
        """Mark bad fields in red and show the first problem; True when all are valid."""
        problems = self.errors()
        for name, widget in self.widgets.items():
            widget.setStyleSheet("background:#fde7e9" if name in problems else "")
        if problems:
            name, text = next(iter(problems.items()))
            label = param_label(self.manifest.param(name))
            self.error_label.setText(f"{label}: {text}")
            self.error_label.show()
        else:
            self.error_label.hide()
        return not problems
