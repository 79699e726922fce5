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
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from workbench.errors import ImportFormatError, SpecificationError
from workbench.importers.base import ParsedFile, ParsedMeasurement, column
from workbench.importers.text import (
    AmbiguousNumber,
    decode,
    guess_decimal,
    parse_number,
    split_lines,
)
from workbench.model import Quantity
from workbench.paths import user_subdir
from workbench.vocab import PROPERTIES, MeasurementKind

MAX_TEMPLATE_BYTES = 64 * 1024
MAX_COLUMNS = 256
MAX_TEXT = 200
_NAME = re.compile(r"^[\w][\w .()+-]{0,63}$")
_COLUMN_TARGET = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_DELIMITERS = {",": ",", ";": ";", "\t": "\t", "tab": "\t", "space": None, "auto": "auto"}
_QUANTITY_KINDS = ("fibre_summary", "properties", "moisture", "ash")
_MISSING = ("", "NA", "N/A", "-", "NaN", "nan")
_UNIT_FACTORS = {
    ("mm", "mm"): 1.0,
    ("µm", "mm"): 1e-3,
    ("um", "mm"): 1e-3,
    ("m", "mm"): 1e3,
    ("cm", "mm"): 10.0,
    ("µm", "µm"): 1.0,
    ("um", "µm"): 1.0,
    ("mm", "µm"): 1e3,
    ("%", "%"): 1.0,
    ("g/kg", "%"): 0.1,
    ("mg/kg", "%"): 1e-4,
    ("1/m", "1/m"): 1.0,
    ("1/mm", "1/m"): 1e3,
    ("mg/m", "mg/m"): 1.0,
    ("µg/m", "mg/m"): 1e-3,
    ("ug/m", "mg/m"): 1e-3,
    ("MJ/kg", "MJ/kg"): 1.0,
    ("kJ/kg", "MJ/kg"): 1e-3,
    ("J/g", "MJ/kg"): 1e-3,
    ("cal/g", "MJ/kg"): 4.1868e-3,
    ("kg/m³", "kg/m³"): 1.0,
    ("kg/m3", "kg/m³"): 1.0,
    ("g/cm³", "kg/m³"): 1e3,
    ("g/cm3", "kg/m³"): 1e3,
    ("", ""): 1.0,
}

_FIELDS: dict[str, tuple[type | tuple[type, ...], bool]] = {
    # key: (allowed types, required)
    "format": (str, False),
    "version": (int, False),
    "name": (str, True),
    "description": (str, False),
    "delimiter": (str, True),
    "decimal": (str, True),
    "encoding": (str, False),
    "header_row": (int, True),
    "skip_rows": (int, False),
    "sample_column": ((str, type(None)), False),
    "measurement_kind": (str, True),
    "columns": (dict, True),
    "signal": ((str, type(None)), False),
    "axes": (list, False),
    "stop_at_blank": (bool, False),
}
_COLUMN_FIELDS = {
    "target": (str, True),
    "unit": (str, False),
    "basis": (str, False),
    "label": (str, False),
}
FORMAT_NAME = "fibre-workbench-import-template"


@dataclass
class ColumnMap:
    target: str
    unit: str = ""
    basis: str = ""
    label: str = ""


@dataclass
class ImportTemplate:
    """A validated template (build it with ``template_from_dict``)."""

    name: str
    delimiter: str | None
    decimal: str
    header_row: int
    measurement_kind: str
    columns: dict[str, ColumnMap]
    encoding: str = "auto"
    skip_rows: int = 0
    sample_column: str | None = None
    description: str = ""
    signal: str | None = None
    axes: list[str] = field(default_factory=list)
    stop_at_blank: bool = True

    def to_dict(self) -> dict[str, Any]:
        delim = {None: "space", "\t": "tab"}.get(self.delimiter, self.delimiter)
        out: dict[str, Any] = {
            "format": FORMAT_NAME,
            "version": 1,
            "name": self.name,
            "description": self.description,
            "delimiter": delim,
            "decimal": self.decimal,
            "encoding": self.encoding,
            "header_row": self.header_row,
            "skip_rows": self.skip_rows,
            "sample_column": self.sample_column,
            "measurement_kind": self.measurement_kind,
            "columns": {
                k: {kk: vv for kk, vv in vars(v).items() if vv} for k, v in self.columns.items()
            },
            "stop_at_blank": self.stop_at_blank,
        }
        if self.signal:
            out["signal"] = self.signal
        if self.axes:
            out["axes"] = list(self.axes)
        return out

    @property
    def quantity_mode(self) -> bool:
        return self.measurement_kind in _QUANTITY_KINDS and all(
            c.target in PROPERTIES for c in self.columns.values()
        )


def _err(source: str, fld: str, problem: str) -> SpecificationError:
    return SpecificationError(f"{source}: field '{fld}': {problem}")


def _check_type(source: str, fld: str, value: Any, types, required: bool) -> None:
    if isinstance(value, bool) and types is int:
        raise _err(source, fld, "expected an integer, found a boolean")
    if not isinstance(value, types):
        names = (
            types.__name__ if isinstance(types, type) else " or ".join(t.__name__ for t in types)
        )
        raise _err(source, fld, f"expected {names}, found {type(value).__name__}")
    if isinstance(value, str) and len(value) > MAX_TEXT * (5 if fld == "description" else 1):
        raise _err(source, fld, f"text longer than {MAX_TEXT} characters")


def template_from_dict(data: Any, source: str = "template") -> ImportTemplate:
    """Validate a parsed JSON object strictly and build the template."""
    if not isinstance(data, dict):
        raise _err(source, "(top level)", "expected a JSON object")
    for key in data:
        if key not in _FIELDS:
            raise _err(source, str(key)[:40], f"unknown key (allowed: {', '.join(_FIELDS)})")
    for key, (types, required) in _FIELDS.items():
        if key not in data:
            if required:
                raise _err(source, key, "missing")
            continue
        _check_type(source, key, data[key], types, required)
    if data.get("format", FORMAT_NAME) != FORMAT_NAME:
        raise _err(source, "format", f"expected {FORMAT_NAME!r}")
    if data.get("version", 1) != 1:
        raise _err(source, "version", "this application reads template version 1")
    name = data["name"].strip()
    if not _NAME.match(name):
        raise _err(source, "name", "1-64 letters, digits, spaces or . ( ) + - _")
    if data["delimiter"] not in _DELIMITERS:
        raise _err(source, "delimiter", "one of ',', ';', 'tab', 'space', 'auto'")
    if data["decimal"] not in (".", ",", "auto"):
        raise _err(source, "decimal", "'.', ',' or 'auto'")
    encoding = data.get("encoding", "auto")
    if encoding != "auto":
        try:
            "".encode(encoding)
        except LookupError:
            raise _err(source, "encoding", f"unknown encoding {encoding!r}") from None
    for key, limit in (("header_row", 10000), ("skip_rows", 10000)):
        if key in data and not 0 <= data[key] <= limit:
            raise _err(source, key, f"an integer from 0 to {limit}")
    kinds = [k.value for k in MeasurementKind]
    if data["measurement_kind"] not in kinds:
        raise _err(source, "measurement_kind", f"one of {', '.join(kinds)}")
    cols_in = data["columns"]
    if not cols_in:
        raise _err(source, "columns", "at least one column mapping")
    if len(cols_in) > MAX_COLUMNS:
        raise _err(source, "columns", f"at most {MAX_COLUMNS} mappings")
    columns: dict[str, ColumnMap] = {}
    targets: set[str] = set()
    for col_name, spec in cols_in.items():
        where = f"columns.{col_name[:40]}"
        if len(col_name) > MAX_TEXT or not col_name.strip():
            raise _err(source, where, "a column name of 1-200 characters")
        if not isinstance(spec, dict):
            raise _err(source, where, f"expected an object, found {type(spec).__name__}")
        for key in spec:
            if key not in _COLUMN_FIELDS:
                raise _err(
                    source,
                    f"{where}.{str(key)[:40]}",
                    "unknown key (allowed: target, unit, basis, label)",
                )
        for key, (types, required) in _COLUMN_FIELDS.items():
            if key not in spec:
                if required:
                    raise _err(source, f"{where}.{key}", "missing")
                continue
            _check_type(source, f"{where}.{key}", spec[key], types, required)
        cmap = ColumnMap(
            spec["target"], spec.get("unit", ""), spec.get("basis", ""), spec.get("label", "")
        )
        if cmap.target in PROPERTIES:
            want = PROPERTIES[cmap.target].unit
            if (cmap.unit or want, want) not in _UNIT_FACTORS:
                raise _err(
                    source,
                    f"{where}.unit",
                    f"{cmap.unit!r} cannot be converted to {want!r} for {cmap.target}",
                )
        elif not _COLUMN_TARGET.match(cmap.target):
            raise _err(source, f"{where}.target", "a property id or a column name [a-z][a-z0-9_]*")
        if cmap.basis and cmap.basis not in ("ar", "ad", "db", "daf", "none"):
            raise _err(source, f"{where}.basis", "one of ar, ad, db, daf, none")
        if cmap.target in targets:
            raise _err(source, f"{where}.target", f"target {cmap.target!r} is mapped twice")
        targets.add(cmap.target)
        columns[col_name] = cmap
    axes = data.get("axes", [])
    for a in axes:
        if not isinstance(a, str) or a not in targets:
            raise _err(source, "axes", "names of mapped targets")
    signal = data.get("signal")
    if signal is not None and signal not in targets:
        raise _err(source, "signal", "the name of a mapped target")
    return ImportTemplate(
        name=name,
        delimiter=_DELIMITERS[data["delimiter"]],
        decimal=data["decimal"],
        header_row=data["header_row"],
        measurement_kind=data["measurement_kind"],
        columns=columns,
        encoding=encoding,
        skip_rows=data.get("skip_rows", 0),
        sample_column=data.get("sample_column"),
        description=data.get("description", ""),
        signal=signal,
        axes=list(axes),
        stop_at_blank=data.get("stop_at_blank", True),
    )


def template_from_bytes(raw: bytes, source: str) -> ImportTemplate:
    """Parse and validate a template file's bytes (size-limited JSON)."""
    if len(raw) > MAX_TEMPLATE_BYTES:
        raise _err(source, "(file)", f"larger than {MAX_TEMPLATE_BYTES // 1024} KiB")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise _err(source, "(file)", f"not UTF-8 text (byte 0x{exc.start:x})") from None
    except json.JSONDecodeError as exc:
        raise _err(
            source, "(file)", f"not valid JSON (line {exc.lineno} column {exc.colno}: {exc.msg})"
        ) from None
    return template_from_dict(data, source)


def template_from_file(path: str | Path) -> ImportTemplate:
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_TEMPLATE_BYTES:
            raise _err(str(p), "(file)", f"larger than {MAX_TEMPLATE_BYTES // 1024} KiB")
        raw = p.read_bytes()
    except OSError as exc:
        raise SpecificationError(f"{p}: cannot be read ({exc.strerror})") from None
    return template_from_bytes(raw, str(p))


def _file_name(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name).strip("._") + ".json"


def save_template(template: ImportTemplate) -> Path:
    """Write the template (atomically) to the user's templates folder; returns the path."""
    folder = user_subdir("templates")
    target = folder / _file_name(template.name)
    text = json.dumps(template.to_dict(), indent=2, ensure_ascii=False)
    template_from_bytes(text.encode("utf-8"), str(target))  # never write what we cannot read
    tmp = target.with_suffix(".json.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, target)
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
    return line.split(delimiter) if delimiter else line.split()


def parse_with_template(raw: bytes, path: str, template: ImportTemplate) -> ParsedFile:
    """Read a table with a template; raises ImportFormatError naming line and column."""
    t = template
    text, encoding = decode(raw, path, None if t.encoding == "auto" else t.encoding)
    lines = split_lines(text)
    delim = t.delimiter
    start = t.header_row + t.skip_rows
    if delim == "auto":
        from workbench.importers.text import sniff_delimiter

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
            if cell in _MISSING:
                out[k] = np.nan
                continue
            try:
                out[k] = parse_number(cell, decimal)
            except AmbiguousNumber as exc:
                raise ImportFormatError(
                    path,
                    f"line {line_no}",
                    f"an unambiguous number in column {col_name!r}",
                    f"{exc}; the value is not guessed",
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
        metadata={"template": t.to_dict(), "decimal_mark": decimal},
    )


def _factor(cmap: ColumnMap) -> tuple[float, str]:
    if cmap.target in PROPERTIES:
        want = PROPERTIES[cmap.target].unit
        return _UNIT_FACTORS[(cmap.unit or want, want)], want
    return 1.0, cmap.unit


def _quantity_rows(t: ImportTemplate, values, samples) -> list[ParsedMeasurement]:
    out = []
    for k, sample in enumerate(samples):
        q = {}
        for col_name, cmap in t.columns.items():
            v = values[col_name][k]
            if np.isnan(v):
                continue
            factor, unit = _factor(cmap)
            basis = cmap.basis or PROPERTIES[cmap.target].basis.value
            q[cmap.target] = Quantity(
                float(v * factor),
                unit,
                basis=basis,
                method=f"import template {t.name}",
                origin="measured",
            )
        if q:
            out.append(
                ParsedMeasurement(
                    kind=t.measurement_kind,
                    sample_name=sample or None,
                    quantities=q,
                    label=f"{t.name} {sample}".strip(),
                    metadata={"template": t.name},
                )
            )
    return out


def _column_groups(t: ImportTemplate, values, samples) -> list[ParsedMeasurement]:
    order: list[str] = []
    for s in samples:
        if s not in order:
            order.append(s)
    out = []
    for s in order:
        idx = np.array([k for k, x in enumerate(samples) if x == s])
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
