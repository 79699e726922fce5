"""Column-mapping import templates: teach the workbench a table layout once.

No public fibre-analyser export format is documented, so a lab describes its own
instrument's table in a template: a small, readable JSON file (never pickle) kept by
name in the user's ``templates`` folder and used from the GUI and the CLI
(``import --template NAME``). Example::

    {
      "name": "FS5 summary (lab 2)",
      "delimiter": ";", "decimal": ",", "encoding": "cp1252",
      "header_row": 5, "skip_rows": 0,
      "sample_column": "Sample ID",
      "measurement_kind": "fibre_summary",
      "columns": {
        "Ln (mm)":    {"target": "fibre_length_ln", "unit": "mm"},
        "Width (um)": {"target": "fibre_width", "unit": "µm"}
      }
    }

``header_row`` is the 1-based line of the column names (0: no header; columns are then
named ``#1``, ``#2``...); ``skip_rows`` lines after it are skipped; data end at the
first blank line (trailer text follows) unless ``stop_at_blank`` is false. A target is
either a vocabulary property id (``workbench.vocab.PROPERTIES``; the value is converted
to the property's unit) or a column name (``[a-z][a-z0-9_]*``). When every target is a
property and the kind is one of fibre_summary / properties / moisture / ash, each row
becomes one measurement with quantities; otherwise the rows of each sample become one
measurement with columns (``signal``/``axes`` optional).

Templates from other people are untrusted: the file is at most 64 KiB, unknown keys,
wrong types, oversized strings or mappings are refused with a SpecificationError
naming the file and the field.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import numpy as np

from workbench.errors import ImportFormatError, SpecificationError
from workbench.fileio import atomic_write_text
from workbench.importers.base import ParsedFile, ParsedMeasurement, column
from workbench.importers.containers import is_workbook, recognise
from workbench.importers.template_schema import (
    MAX_TEMPLATE_BYTES,
    MISSING,
    ColumnMap,
    ImportTemplate,
    template_from_bytes,
    template_from_dict,
    template_from_file,
)
from workbench.importers.text import (
    NOT_GUESSED,
    AmbiguousNumber,
    decode,
    guess_decimal,
    parse_number,
    sniff_delimiter,
    split_lines,
)
from workbench.importers.workbook import Sheet, read_sheets, sheet_names
from workbench.model import Quantity
from workbench.paths import user_subdir
from workbench.units import dry_basis_marked, normalise_unit, unit_factor
from workbench.vocab import PROPERTIES

__all__ = [
    "MAX_TEMPLATE_BYTES",
    "ColumnMap",
    "ImportTemplate",
    "delete_template",
    "list_templates",
    "load_template",
    "parse_with_template",
    "save_template",
    "template_from_bytes",
    "template_from_dict",
    "template_from_file",
]


def _file_name(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name).strip("._") + ".json"


def save_template(template: ImportTemplate, *, replace: bool = False) -> Path:
    """Write the template (atomically) to the user's templates folder; returns the path.

    Names map to file names ("Lab 2" and "Lab (2)" both to ``Lab_2.json``): a file
    holding another template is replaced only with ``replace`` (it was replaced without
    a word); saving a template under its own name again updates it."""
    folder = user_subdir("templates")
    target = folder / _file_name(template.name)
    if not replace and target.exists():
        try:
            other = json.loads(target.read_text(encoding="utf-8")).get("name")
        except (OSError, ValueError, AttributeError):
            other = None
        if other != template.name:
            shown = f"the template {other!r}" if isinstance(other, str) else "another file"
            raise SpecificationError(
                f"template {template.name!r} would be stored in {target.name}, which holds "
                f"{shown}; choose another name, or replace it explicitly (--replace)."
            )
    text = json.dumps(template.to_dict(), indent=2, ensure_ascii=False)
    template_from_bytes(text.encode("utf-8"), str(target))  # never write what we cannot read
    atomic_write_text(target, text)
    return target


def list_templates() -> dict[str, Path | SpecificationError]:
    """Templates in the user's folder by name; a broken file maps to its error."""
    out: dict[str, Path | SpecificationError] = {}
    for path in sorted(user_subdir("templates").glob("*.json")):
        try:
            out[template_from_file(path).name] = path
        except SpecificationError as exc:
            out[path.stem] = exc
    return out


def load_template(name: str) -> ImportTemplate:
    """The saved template called ``name``; SpecificationError when absent or broken."""
    entry = list_templates().get(name)
    if entry is None:
        raise SpecificationError(f"no import template named {name!r} in {user_subdir('templates')}")
    if isinstance(entry, SpecificationError):
        raise entry
    return template_from_file(entry)


def delete_template(name: str) -> None:
    entry = list_templates().get(name)
    if isinstance(entry, Path):
        entry.unlink()
    else:
        raise SpecificationError(f"no import template named {name!r}")


def _split(line: str, delimiter: str | None) -> list[str]:
    """Cells of a line; blank-separated cells keep a bracketed unit with its name
    ("Time (min)  Mass (mg)" is two column names)."""
    if delimiter:
        return line.split(delimiter)
    return [c for c in _BLANK_SPLIT.split(line.strip()) if c]


_BLANK_SPLIT = re.compile(r"\s+(?![\(\[])")


def parse_with_template(raw: bytes, path: str, template: ImportTemplate) -> ParsedFile:
    """Read a table with a template; raises ImportFormatError naming line and column
    (for an Excel workbook: the sheet and row)."""
    sheet = _template_sheet(raw, path, template)
    try:
        parsed = _parse_with_template(raw, path, template, sheet)
    except ImportFormatError as exc:
        if sheet is None:
            raise
        raise ImportFormatError(
            path, f"sheet {sheet.name!r}, {_rows(exc.where, sheet)}", exc.expected, exc.detail
        ) from None
    if sheet is not None:
        parsed.metadata["sheet"] = sheet.name
        for pm in parsed.measurements:
            pm.metadata["sheet"] = sheet.name
    return parsed


def _rows(where: str, sheet: Sheet) -> str:
    return re.sub(r"\bline (\d+)", lambda m: f"row {sheet.row_of_line(int(m.group(1)))}", where)


def _parse_with_template(
    raw: bytes, path: str, template: ImportTemplate, sheet: Sheet | None
) -> ParsedFile:
    t = template
    if sheet is not None:  # an Excel workbook: the sheet (range) as tab-separated text
        text, encoding = sheet.text(), "xlsx"
        t = replace(t, delimiter="\t", decimal="auto")
    else:
        text, encoding = decode(raw, path, None if t.encoding == "auto" else t.encoding)
    lines = split_lines(text)
    delim = t.delimiter
    start = t.header_row + t.skip_rows
    if delim == "auto":
        delim = sniff_delimiter(lines[max(t.header_row - 1, 0) : start + 10])
    if t.header_row:
        if len(lines) < t.header_row:
            raise ImportFormatError(
                path,
                f"line {t.header_row}",
                f"the header row of template {t.name!r}",
                "the file is shorter",
            )
        header = [c.strip().strip('"') for c in _split(lines[t.header_row - 1], delim)]
    else:
        width = max((len(_split(ln, delim)) for ln in lines[start : start + 50]), default=0)
        header = [f"#{j + 1}" for j in range(width)]
    index: dict[str, int] = {}
    for col_name in [*t.columns, *([t.sample_column] if t.sample_column else [])]:
        if col_name in header:
            index[col_name] = header.index(col_name)
        elif re.fullmatch(r"#\d+", col_name) and int(col_name[1:]) <= len(header):
            index[col_name] = int(col_name[1:]) - 1
        else:
            raise ImportFormatError(
                path,
                f"line {t.header_row or 1}",
                f"a column {col_name!r} (template {t.name!r})",
                f"found columns {header[:12]}",
            )
    rows: list[tuple[int, list[str]]] = []
    for i in range(start, len(lines)):
        if not lines[i].strip(" \t;,"):
            if t.stop_at_blank and rows:
                break
            continue
        rows.append((i + 1, _split(lines[i], delim)))
    if not rows:
        raise ImportFormatError(path, f"line {start + 1}", f"data rows (template {t.name!r})")
    decimal = t.decimal
    if decimal == "auto":
        decimal = guess_decimal([c for _, r in rows[:200] for c in r], delim)
    values: dict[str, np.ndarray] = {}
    for col_name in t.columns:
        j = index[col_name]
        out = np.empty(len(rows))
        for k, (line_no, cells) in enumerate(rows):
            cell = cells[j].strip() if j < len(cells) else ""
            if cell in MISSING:
                out[k] = np.nan
                continue
            try:
                out[k] = parse_number(cell, decimal)
            except AmbiguousNumber as exc:
                raise ImportFormatError(
                    path,
                    f"line {line_no}",
                    f"an unambiguous number in column {col_name!r}",
                    f"{exc}; {NOT_GUESSED}",
                ) from None
            except ValueError:
                raise ImportFormatError(
                    path, f"line {line_no}", f"a number in column {col_name!r}", f"found {cell!r}"
                ) from None
        values[col_name] = out
    samples = [
        (
            cells[index[t.sample_column]].strip().strip('"')
            if t.sample_column and index[t.sample_column] < len(cells)
            else ""
        )
        for _, cells in rows
    ]
    measurements = (
        _quantity_rows(t, values, samples)
        if t.quantity_mode
        else _column_groups(t, values, samples)
    )
    return ParsedFile(
        path=path,
        format_id=f"template:{t.name}",
        format_label=f"Import template '{t.name}'",
        measurements=measurements,
        encoding=encoding,
        metadata={"template": template.to_dict(), "decimal_mark": decimal},
    )


def _template_sheet(raw: bytes, path: str, t: ImportTemplate) -> Sheet | None:
    """The worksheet (cell range) a template reads from an Excel workbook; None for
    a text file. A workbook without a named sheet is read from its first sheet."""
    container = recognise(raw[:4096])
    if container is None or container.kind not in ("xlsx", "zip") or not is_workbook(raw):
        if t.sheet or t.cell_range:
            raise ImportFormatError(
                path, "byte 0", f"an Excel workbook (template {t.name!r} names a sheet or range)"
            )
        return None
    name = t.sheet or sheet_names(raw, path)[0]
    return read_sheets(raw, path, sheet=name, cell_range=t.cell_range)[0]


def _factor(cmap: ColumnMap) -> tuple[float, str]:
    if cmap.target in PROPERTIES:
        want = PROPERTIES[cmap.target].unit
        return unit_factor(cmap.unit or want, want), want
    return 1.0, cmap.unit


def _quantity_rows(t: ImportTemplate, values, samples) -> list[ParsedMeasurement]:
    out = []
    for k, sample in enumerate(samples):
        q = {}
        as_given: dict[str, list] = {}
        for col_name, cmap in t.columns.items():
            v = values[col_name][k]
            if np.isnan(v):
                continue
            factor, unit = _factor(cmap)
            # a unit written "g/kg DM" states dry basis when the template states none
            basis = cmap.basis or (
                "db" if dry_basis_marked(cmap.unit) else PROPERTIES[cmap.target].basis.value
            )
            given = normalise_unit(cmap.unit) or cmap.unit
            if factor != 1.0 or (cmap.unit and given != unit):
                # the value as the lab gave it (ppm, pg/g), for the explanations
                as_given[cmap.target] = [float(v), given]
            q[cmap.target] = Quantity(
                float(v * factor),
                unit,
                basis=basis,
                method=cmap.method,  # as the lab states it ("" when the template says none)
                origin="measured",
            )
        if q:
            meta = {"template": t.name, **({"as_given": as_given} if as_given else {})}
            out.append(
                ParsedMeasurement(
                    kind=t.measurement_kind,
                    sample_name=sample or None,
                    quantities=q,
                    label=f"{t.name} {sample}".strip(),
                    metadata=meta,
                )
            )
    return out


def _column_groups(t: ImportTemplate, values, samples) -> list[ParsedMeasurement]:
    rows_of: dict[str, list[int]] = {}  # sample -> its rows, in the file's order
    for k, name in enumerate(samples):
        rows_of.setdefault(name, []).append(k)
    out = []
    for s, rows in rows_of.items():
        idx = np.array(rows)
        cols = {}
        for col_name, cmap in t.columns.items():
            factor, unit = _factor(cmap)
            cols[cmap.target] = column(
                cmap.target, unit, values[col_name][idx] * factor, label=cmap.label or col_name
            )
        out.append(
            ParsedMeasurement(
                kind=t.measurement_kind,
                sample_name=s or None,
                columns=cols,
                signal=t.signal,
                axes=list(t.axes),
                label=f"{t.name} {s}".strip(),
                metadata={"template": t.name},
            )
        )
    return out
