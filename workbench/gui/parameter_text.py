"""A result's parameters as a person reads them: the plugin's label and unit, and the
value in the window's number format ("Tuhkan toistettavuusraja 0,2 %-yks."), instead
of the stored identifier and JSON ("ash_limit 0.2")."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication

from workbench.gui.i18n import active_language, property_label
from workbench.gui.numbers import locale_number


def _specs(plugin_id: str) -> dict[str, Any]:
    """The plugin's declared parameters by name ({} when the plugin is not installed)."""
    from workbench.analysis.registry import get_registry  # plugins found once

    registry = get_registry()
    if plugin_id not in registry:
        return {}
    manifest = registry.get(plugin_id).manifest
    return {p.name: p for p in manifest.parameters} if manifest is not None else {}


def value_text(value: Any) -> str:
    """A parameter value: numbers in the locale, yes/no, lists joined, text as is."""
    if isinstance(value, bool):
        if value:
            return QCoreApplication.translate("Parameters", "yes")
        return QCoreApplication.translate("Parameters", "no")
    if isinstance(value, int | float):
        return locale_number(value, 6)
    if isinstance(value, list | tuple):
        return "; ".join(value_text(v) for v in value)
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def parameter_rows(plugin_id: str, parameters: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, value with unit) for each parameter, in the stored order; a parameter
    the plugin does not declare (an older version, a plugin not installed) keeps its
    stored name."""
    specs = _specs(plugin_id)
    fi = active_language() == "fi"
    rows = []
    for name, value in parameters.items():
        spec = specs.get(name)
        label = name
        unit = ""
        text = value_text(value)
        if spec is not None:
            label = (spec.label_fi if fi else spec.label_en) or spec.label_en or name
            unit = (spec.unit_fi if fi else spec.unit) or spec.unit
            if spec.type == "choice":  # its plain label, not the stored id
                text = spec.choice_label(value, "fi" if fi else "en")
            elif spec.choices_from == "properties" and isinstance(value, str):
                text = property_label(value)
        rows.append((label, f"{text} {unit}" if unit and text else text))
    return rows
