"""Feedstock suitability classification (Qt-free).

Route specifications are data (``resources/routes/*.toml``, format in
``resources/routes/README.md``); this package loads and validates them (``spec``,
``routes``), gathers a sample's values with their provenance (``values``), evaluates each
criterion (``evaluate``, ``predictors``), reaches explainable verdicts (``engine``,
``verdict``), proposes pre-treatments (``suggest``) and finds the nearest reference
feedstocks (``reference``).

Typical use::

    from workbench.classify import classify_project, load_routes
    verdicts = classify_project(project)            # built-in + user routes
    [v.to_json() for v in verdicts]

Submodules are imported lazily so that ``import workbench.classify`` stays cheap.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "Verdict",
    "classify_project",
    "classify_sample",
    "load_reference_library",
    "load_routes",
    "nearest_references",
]

_WHERE = {
    "Verdict": "workbench.classify.verdict",
    "classify_project": "workbench.classify.engine",
    "classify_sample": "workbench.classify.engine",
    "load_reference_library": "workbench.classify.reference",
    "nearest_references": "workbench.classify.reference",
    "load_routes": "workbench.classify.routes",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        import importlib

        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'workbench.classify' has no attribute {name!r}")
