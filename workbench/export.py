"""Exporting measurements and results: value tables to CSV/XLSX, curves to CSV/JCAMP-DX.

Value tables have one row per measurement or result, the sample's metadata in the
first columns, and one column per property whose header carries its unit and basis
("ash [%, db]"), so a spreadsheet user never has to guess. XLSX files get one sheet
per measurement kind plus "samples", "results" and "values" sheets. The CSV (and the
"values" sheet) has one row per value with everything it carries: unit, basis,
replicate SD and count, uncertainty, origin (measured, derived, predicted, typed),
method, the model that predicted it, the label of its measurement or result (so
the figures of two calibrations in one project never read alike) and its warning (a
prediction outside its calibration range or physically impossible). A single curve or spectrum
exports to a two-or-more-column CSV ("temperature [°C]", "mass [%]") or to JCAMP-DX;
both import back to the same values.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from workbench import safetext
from workbench.errors import UserFacingError
from workbench.fileio import atomic_write_bytes, workbook_bytes
from workbench.model import Measurement, Project, Quantity, Sample
from workbench.value_flags import flags_text

SAMPLE_COLUMNS = ("sample", "sample_id", "feedstock_type", "supplier", "origin", "date_received")
# In the long table "origin" is the value's (measured, predicted, ...), so the sample's
# origin (where the material came from) is "sample_origin" there: one name, one meaning.
LONG_SAMPLE_COLUMNS = tuple("sample_origin" if c == "origin" else c for c in SAMPLE_COLUMNS)
# The long table (CSV, and the "values" sheet of XLSX): one row per value with all it
# carries, so a prediction keeps its uncertainty, origin, method and model.
VALUE_COLUMNS = (
    "value",
    "unit",
    "basis",
    "sd",
    "n",
    "uncertainty",
    "origin",
    "method",
    "model",
    "warning",  # the value's flags in plain words (workbench.value_flags), "" when none
)
_MODEL_METHOD = re.compile(r"\bmodel (\S+)$")


def value_cells(q: Quantity, project: Project | None = None) -> list[Any]:
    """The cells of ``VALUE_COLUMNS`` for one value; ``model`` names the model that
    predicted it (``name (id)``) when its method says so."""
    model = ""
    found = _MODEL_METHOD.search(q.method or "")
    if found:
        model_id = found.group(1)
        stored = project.models.get(model_id) if project is not None else None
        model = f"{stored.name} ({model_id})" if stored is not None else model_id
    return [
        q.value,
        q.unit,
        q.basis,
        "" if q.sd is None else q.sd,
        "" if q.n is None else q.n,
        "" if q.uncertainty is None else q.uncertainty,
        q.origin,
        q.method,
        model,
        flags_text(q.flags, q.unit),
    ]


def value_long_rows(
    project: Project, chosen: list[Sample], kind: str | None = None
) -> tuple[list[str], list[list[Any]]]:
    """Every value as one row (sheet, sample, id, label, property and ``VALUE_COLUMNS``).

    ``label`` is the measurement's or result's own name ("PLS calibration of Crude
    protein"), so the figures of several calibrations in one project stay told apart.
    """
    header = ["sheet", *LONG_SAMPLE_COLUMNS, "id", "label", "property", *VALUE_COLUMNS]
    rows: list[list[Any]] = []
    for s in chosen:
        for m in s.measurements.values():
            if kind and m.kind != kind:
                continue
            for prop, q in m.quantities.items():
                cells = [m.kind, *_sample_cells(s), m.id, _label(m.label), prop]
                rows.append([*cells, *value_cells(q, project)])
        if kind and kind != "results":
            continue
        for r in s.results.values():
            for prop, q in r.values.items():
                cells = ["results", *_sample_cells(s), r.id, _label(r.label), prop]
                rows.append([*cells, *value_cells(q, project)])
    return header, rows


def _label(label: Any) -> str:
    """A measurement's or result's label in English (labels may be {en, fi} records)."""
    from workbench.messages import text_in

    return text_in(label, "en") if label else ""


def _sample_cells(sample: Sample) -> list[Any]:
    return [
        sample.name,
        sample.id,
        sample.feedstock_type,
        sample.supplier,
        sample.origin,
        sample.date_received,
    ]


def _header(prop: str, q: Quantity) -> str:
    unit = q.unit or "-"
    return f"{prop} [{unit}, {q.basis}]" if q.basis and q.basis != "none" else f"{prop} [{unit}]"


def select_samples(project: Project, names: Iterable[str] | None) -> list[Sample]:
    """The named samples (all when ``names`` is empty); unknown names are an error."""
    names = list(names or [])
    if not names:
        return list(project.samples.values())
    out = []
    for name in names:
        sample = project.find_sample(name)
        if sample is None:
            known = ", ".join(s.name for s in project.samples.values()) or "none"
            raise UserFacingError(f"no sample named {name!r} in the project (samples: {known})")
        out.append(sample)
    return out


def value_rows(
    samples: list[Sample], kind: str | None = None
) -> dict[str, tuple[list[str], list[list[Any]]]]:
    """Tables of scalar values keyed by sheet name: measurement kinds and "results"."""
    sheets: dict[str, dict[str, Any]] = {}

    def add(sheet: str, sample: Sample, fixed: list[Any], fixed_names: list[str], values):
        table = sheets.setdefault(sheet, {"fixed": fixed_names, "props": {}, "rows": []})
        row = {"_fixed": _sample_cells(sample) + fixed}
        for prop, q in values.items():
            head = _header(prop, q)
            table["props"].setdefault(head, None)
            row[head] = q.value
        table["rows"].append(row)

    for sample in samples:
        for m in sample.measurements.values():
            if kind and m.kind != kind:
                continue
            fixed = [
                m.id,
                m.label,
                m.method,
                m.instrument,
                m.replicate,
                m.source_name,
                m.source_sha256,
                m.n_points,
            ]
            names = [
                "measurement_id",
                "label",
                "method",
                "instrument",
                "replicate",
                "source_file",
                "source_sha256",
                "n_points",
            ]
            add(m.kind, sample, fixed, names, m.quantities)
        if kind and kind != "results":
            continue
        for r in sample.results.values():
            fixed = [r.id, _label(r.label), r.plugin_id, r.plugin_version, r.created]
            names = ["result_id", "label", "plugin", "plugin_version", "created"]
            add("results", sample, fixed, names, r.values)
    out: dict[str, tuple[list[str], list[list[Any]]]] = {}
    for sheet, table in sheets.items():
        props = list(table["props"])
        header = [*SAMPLE_COLUMNS, *table["fixed"], *props]
        rows = [row["_fixed"] + [row.get(p, "") for p in props] for row in table["rows"]]
        out[sheet] = (header, rows)
    return out


def csv_bytes(header: list[str], rows: list[list[Any]]) -> bytes:
    """A table as UTF-8 CSV text (value exports and calibration exports)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(safetext.cells(header))  # names from files are data, never formulas
    writer.writerows(safetext.cells(row) for row in rows)
    return buf.getvalue().encode("utf-8")


def curve_csv_bytes(m: Measurement) -> bytes:
    """A curve/spectrum as CSV: axis column first, then the signal, then the others."""
    order = [*m.axes, *([m.signal] if m.signal else [])]
    order += [c for c in m.columns if c not in order]
    cols = [m.columns[c] for c in order]
    header = [f"{c.name} [{c.unit}]" if c.unit else c.name for c in cols]
    header = [safetext.cell(safetext.one_line(h)).replace(",", ";") for h in header]
    data = np.column_stack([c.values().astype(float) for c in cols])
    buf = io.StringIO()
    buf.write(",".join(header) + "\n")
    np.savetxt(buf, data, delimiter=",", fmt="%.17g")
    return buf.getvalue().encode("utf-8")


def export(
    project: Project,
    out: str | Path,
    *,
    samples: Iterable[str] | None = None,
    kind: str | None = None,
) -> str:
    """Export by the output's suffix (.csv, .xlsx, .jdx/.dx); returns a one-line summary."""
    out = Path(out)
    suffix = out.suffix.lower()
    chosen = select_samples(project, samples)
    if suffix in {".jdx", ".dx", ".jcamp"} or (suffix == ".csv" and kind in {"spectrum", "tga"}):
        curves = [
            (s, m)
            for s in chosen
            for m in s.measurements.values()
            if m.is_curve and (kind is None or m.kind == kind)
        ]
        if len(curves) != 1:
            listing = "; ".join(f"{s.name}: {m.label or m.kind}" for s, m in curves[:10])
            raise UserFacingError(
                f"a curve export needs exactly one curve; the selection has {len(curves)}"
                + (f" ({listing})" if listing else "")
                + ". Narrow it with --sample and --kind."
            )
        sample, m = curves[0]
        if m.n_points == 0:
            raise UserFacingError(
                f"{sample.name}: its curve {m.label or m.kind!r} has no points; nothing to export."
            )
        if suffix == ".csv":
            atomic_write_bytes(out, curve_csv_bytes(m))
        else:
            from workbench.importers.export_jcamp import measurement_jcamp

            title = safetext.one_line(f"{sample.name} {m.label}".strip())  # one header line
            text = measurement_jcamp(m, title=title, sample_name=safetext.one_line(sample.name))
            atomic_write_bytes(out, text.encode("utf-8"))
        return f"wrote {m.kind} {m.label!r} of {sample.name} ({m.n_points} points) to {out}"
    tables = value_rows(chosen, kind)
    samples_sheet = (
        [*SAMPLE_COLUMNS, "notes", "metadata"],
        [
            [*_sample_cells(s), s.notes, "; ".join(f"{k}={v}" for k, v in s.metadata.items())]
            for s in chosen
        ],
    )
    if suffix == ".csv":
        header, rows = value_long_rows(project, chosen, kind)
        atomic_write_bytes(out, csv_bytes(header, rows))
        return f"wrote {len(rows)} values of {len(chosen)} sample(s) to {out}"
    if suffix == ".xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.title = "samples"
        ws.append(safetext.cells(samples_sheet[0]))
        for row in samples_sheet[1]:
            ws.append(safetext.cells(row))
        for sheet, (header, rows) in tables.items():
            ws = wb.create_sheet(sheet[:31])
            ws.append(safetext.cells(header))
            for row in rows:
                ws.append(safetext.cells(row))
        ws = wb.create_sheet("values")  # every value with uncertainty, origin, method, model
        header, rows = value_long_rows(project, chosen, kind)
        ws.append(safetext.cells(header))
        for row in rows:
            ws.append(safetext.cells(row))
        atomic_write_bytes(out, workbook_bytes(wb, out))
        return f"wrote {len(tables) + 2} sheet(s) for {len(chosen)} sample(s) to {out}"
    raise UserFacingError(f"{out}: unknown export type {suffix!r}; use .csv, .xlsx or .jdx")
