"""What a value is called in the window: never a raw id such as ``pls_rmsecv``.

A property of the vocabulary has its label; a plugin's own output has the name its
manifest declares for it (``[produces] values``, ``label_en`` and ``label_fi``: how an
installed plugin names its figures), else the name ``workbench.value_labels`` gives
the built-in analyses' figures (a model's RMSECV), else its id in words ("PC1 score").
"""

from __future__ import annotations

from workbench.gui.i18n import active_language
from workbench.value_labels import value_label as core_value_label
from workbench.vocab import PROPERTIES


def declared_label(plugin_id: str, pid: str) -> str:
    """The label a plugin's manifest gives its output ``pid`` in the UI language, or ""."""
    if not plugin_id:
        return ""
    from workbench.analysis.registry import get_registry  # plugins found once

    registry = get_registry()
    if plugin_id not in registry:
        return ""
    manifest = registry.get(plugin_id).manifest
    spec = manifest.value_spec(pid) if manifest is not None else None
    if spec is None:
        return ""
    return (spec.label_fi if active_language() == "fi" else "") or spec.label_en


def value_label(pid: str, plugin_id: str = "") -> str:
    """The value's name in the UI language: the vocabulary's, the name the plugin's
    manifest declares, or the built-in analyses' own (``workbench.value_labels``)."""
    if pid not in PROPERTIES:
        declared = declared_label(plugin_id, pid)
        if declared:
            return declared
    return core_value_label(pid, active_language())


def analysis_name(plugin_id: str) -> str:
    """The name of the analysis a plugin makes, in the UI language (its id when it is
    not installed)."""
    from workbench.analysis.registry import get_registry

    registry = get_registry()
    if plugin_id not in registry or registry.get(plugin_id).manifest is None:
        return plugin_id
    manifest = registry.get(plugin_id).manifest
    return (manifest.name_fi if active_language() == "fi" else "") or manifest.name_en
