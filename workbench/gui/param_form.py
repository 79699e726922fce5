"""A parameter form built from a plugin manifest's ``ParamSpec`` declarations.

One widget per parameter, chosen by its type: ``float`` a QDoubleSpinBox and ``int`` a
QSpinBox (range from ``min``/``max``, unit as suffix), ``bool`` a check box, ``choice``
a combo box, ``str`` a line edit and ``list`` a line edit of comma/semicolon-separated
items. Labels and help texts come in the UI language (help as tooltip). ``values()``
returns the parameters checked by the core's own ``coerce_value`` (the same validation
the runner applies), so the form can never accept what the run would refuse.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from workbench.analysis.manifest import Manifest, ParamSpec
from workbench.analysis.params import coerce_value
from workbench.errors import AnalysisError
from workbench.gui.i18n import active_language

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


class ParamForm(QWidget):
    """Form over a manifest's parameters; emits ``changed`` whenever a value changes."""

    changed = Signal()

    def __init__(self, manifest: Manifest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.manifest = manifest
        self.widgets: dict[str, QWidget] = {}
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color:#b00020")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
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
            combo = QComboBox()
            for choice in spec.choices:
                combo.addItem(str(choice), choice)
            combo.currentIndexChanged.connect(self._emit)
            return combo
        edit = QLineEdit()
        if spec.type == "list":
            unit = f" ({param_unit(spec)})" if spec.unit else ""
            edit.setPlaceholderText(self.tr("values separated by commas") + unit)
        edit.textChanged.connect(self._emit)
        return edit

    def _emit(self, *_args: Any) -> None:
        self.changed.emit()

    # -- values ---------------------------------------------------------------------
    def set_values(self, values: dict[str, Any]) -> None:
        """Show ``values`` (defaults for parameters not given)."""
        for spec in self.manifest.parameters:
            value = values.get(spec.name, spec.default)
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
                    widget.setCurrentIndex(max(index, 0))
                elif isinstance(widget, QLineEdit):
                    text = list_text(value) if spec.type == "list" else str(value)
                    widget.setText(text)
            finally:
                widget.blockSignals(False)
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
