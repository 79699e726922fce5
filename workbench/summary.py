"""A project's contents as one JSON-ready document, and as readable text.

``fibre-workbench info`` prints these; the GUI's diagnostics and the tests use them
too. Building the summary reads structure and attributes only, plus each curve's first
axis (for its range): the signal arrays, tables and stored source bytes are never
loaded. The JSON shape is documented in the README ("info --json") and kept stable;
fields may be added, none removed or renamed.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from workbench.model import READ_ONLY_ON_REQUEST, Measurement, Project, Result, Sample
from workbench.value_flags import flags_text

_PLAIN = (str, int, bool, type(None))


def jsonable(value: Any) -> Any:
    """``value`` with numpy scalars and arrays made plain, and NaN/inf as ``None``."""
    kind = type(value)
    if kind in _PLAIN:  # the common case first: a summary has hundreds of thousands
        return value
    if kind is float:
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, np.ndarray):
        return jsonable(value.tolist())
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def axis_range(m: Measurement) -> list[float] | None:
    """[min, max] of the first axis of a curve (finite values), or None."""
    if not m.axes or m.axes[0] not in m.columns:
        return None
    data = m.columns[m.axes[0]].data
    if getattr(data, "range", None) is not None:
        return list(data.range)  # known from the project index: nothing read
    try:
        values = np.asarray(data, dtype=float)
    except (TypeError, ValueError):  # a text axis
        return None
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return None
    return [float(finite.min()), float(finite.max())]


def measurement_summary(m: Measurement) -> dict[str, Any]:
    signal = m.columns.get(m.signal) if m.signal else None
    axis = m.columns.get(m.axes[0]) if m.axes else None
    out: dict[str, Any] = {"id": m.id, "kind": m.kind, "label": m.label}
    if signal is not None and len(signal.shape) > 1:
        out["shape"] = list(signal.shape)
    else:
        out["n_points"] = m.n_points
    out.update(
        {
            "x_range": axis_range(m),
            "x_unit": axis.unit if axis is not None else None,
            "y_unit": signal.unit if signal is not None else None,
            "signal": m.signal,
            "axes": list(m.axes),
            "columns": {
                name: {"unit": c.unit, "shape": list(c.shape)} for name, c in m.columns.items()
            },
            "source_sha256": m.source_sha256 or None,
            "source_name": m.source_name or None,
            "method": m.method,
            "instrument": m.instrument,
            "replicate": m.replicate,
            "basis": m.basis,
            "quantities": {k: q.to_json() for k, q in m.quantities.items()},
            "created": m.created,
            # what the file stated: sample mass, heating rate, instrument settings, ...
            "metadata": jsonable(dict(m.metadata)),
        }
    )
    return out


def result_summary(r: Result) -> dict[str, Any]:
    from workbench.messages import messages_in, text_in

    return {
        "id": r.id,
        "plugin": r.plugin_id,
        "plugin_version": r.plugin_version,
        "label": text_in(r.label, "en"),
        "label_fi": text_in(r.label, "fi"),
        "created": r.created,
        "app_version": r.app_version,
        "parameters": r.parameters,
        "inputs": r.inputs,
        "values": {k: q.to_json() for k, q in r.values.items()},
        "columns": {
            name: {"unit": c.unit, "shape": list(c.shape)} for name, c in r.columns.items()
        },
        "messages": messages_in(r.messages, "en"),
        "messages_fi": messages_in(r.messages, "fi"),
    }


def sample_summary(s: Sample) -> dict[str, Any]:
    return {
        "id": s.id,
        "name": s.name,
        "feedstock_type": s.feedstock_type,
        "supplier": s.supplier,
        "origin": s.origin,
        "date_received": s.date_received,
        "notes": s.notes,
        "metadata": dict(s.metadata),
        "measurements": [measurement_summary(m) for m in s.measurements.values()],
        "results": [result_summary(r) for r in s.results.values()],
    }


_OWN: Any = object()


def project_summary(
    project: Project, file_format_version: int | None = _OWN, *, plain: bool = True
) -> dict[str, Any]:
    """The ``info --json`` document of ``project``.

    ``file_format_version`` is the version the file states (None when it states none:
    a damaged file), which differs from the in-memory one for an older file migrated
    on open or a damaged version number; default: the project's own. ``plain=False``
    leaves numpy values and NaN as they are (for ``format_summary``, which formats
    them itself: a 10,000-measurement summary spent a third of ``info`` in making
    them plain).
    """
    doc = {
        "format_version": (
            project.format_version if file_format_version is _OWN else file_format_version
        ),
        "app_version": project.written_by,
        "path": str(project.path) if project.path else None,
        "read_only": project.read_only,
        "read_only_reason": project.read_only_reason if project.read_only else "",
        "created": project.created,
        "modified": project.modified,
        "samples": [sample_summary(s) for s in project.samples.values()],
        "sources": [
            {
                "sha256": f.sha256,
                "name": f.name,
                "size": f.size,
                "format": f.format,
                "imported": f.imported,
            }
            for f in project.sources.values()
        ],
        "models": [
            {"id": m.id, "kind": m.kind, "name": m.name, "created": m.created}
            for m in project.models.values()
        ],
        "warnings": list(project.warnings),
    }
    index = getattr(getattr(project, "_store", None), "index", "")
    if index:  # "used", or why the file's objects were walked instead (README)
        doc["index"] = index
    return jsonable(doc) if plain else doc


def _num(v: Any, spec: str) -> str:
    """A number formatted with ``spec``; "n/a" for a missing (NaN in JSON) or odd value."""
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return format(v, spec)
    return "n/a"


def _fmt_value(q: dict[str, Any]) -> str:
    text = f"{_num(q.get('value'), '.4g')} {q.get('unit', '')}".rstrip()
    if q.get("basis") and q["basis"] != "none":
        text += f" ({q['basis']})"
    if q.get("sd") is not None:
        text += f" ± {_num(q['sd'], '.2g')}"
    if q.get("n"):
        text += f" n={q['n']}"
    if q.get("origin") == "predicted":
        unc = q.get("uncertainty")
        text += ", predicted" + (f" ± {_num(unc, '.3g')}" if unc is not None else "")
    if q.get("flags"):
        text += f"; WARNING: {flags_text(q['flags'], q.get('unit', ''))}"
    return text


def _fmt_measurement(m: dict[str, Any]) -> str:
    if "shape" in m:
        size = f"shape {m['shape']}"
    elif m["signal"]:
        size = f"{m['n_points']} points"
    elif m["columns"]:
        size = f"{m['n_points']} rows"
    else:
        size = "values"
    parts = [f"    {m['kind']:<18} {m['label'] or m['id']:<32} {size}"]
    if m["x_range"]:
        lo, hi = m["x_range"]
        parts.append(f"x {lo:.6g}–{hi:.6g} {m['x_unit'] or ''}".rstrip())
    if m["y_unit"] is not None:
        parts.append(f"y [{m['y_unit']}]")
    text = ", ".join(parts)
    for name, q in m["quantities"].items():
        text += f"\n      {name} = {_fmt_value(q)}"
    return text


def format_summary(doc: dict[str, Any]) -> str:
    """The summary as readable text for the terminal."""
    n_meas = sum(len(s["measurements"]) for s in doc["samples"])
    n_res = sum(len(s["results"]) for s in doc["samples"])
    # why the file itself is read-only (damaged version, another instance): said at the
    # top, not only among the warnings at the end of a 1,000-sample listing
    held = doc["read_only_reason"] if doc["read_only"] else ""
    held = "" if held == READ_ONLY_ON_REQUEST else held
    lines = [
        f"Project {doc['path']}" + (" (read-only)" if doc["read_only"] else ""),
        *([f"  read-only because: {held}"] if held else []),
        f"  format version {doc['format_version']}, written by Fibre Workbench "
        f"{doc['app_version']}, modified {doc['modified']}",
        f"  {len(doc['samples'])} samples, {n_meas} measurements, {n_res} results, "
        f"{len(doc['sources'])} source files, {len(doc['models'])} models",
    ]
    for s in doc["samples"]:
        lines.append("")
        extra = ", ".join(x for x in (s["feedstock_type"], s["supplier"], s["origin"]) if x)
        lines.append(f"  {s['name']} [{s['id']}] {extra}")
        lines.extend(_fmt_measurement(m) for m in s["measurements"])
        for r in s["results"]:
            # the label tells several runs of one plugin apart ("PLS calibration of ADF")
            label = f"{r['label']}: " if r.get("label") else ""
            lines.append(f"    result {label}{r['plugin']} {r['plugin_version']} [{r['id']}]")
            lines.extend(f"      {k} = {_fmt_value(q)}" for k, q in r["values"].items())
    if [w for w in doc["warnings"] if w != held]:
        lines.append("")
        lines.append("Warnings:")
        lines.extend(f"  - {w}" for w in doc["warnings"] if w != held)
    return "\n".join(lines)
