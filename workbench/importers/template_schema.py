"""Import-template schema: the ``ImportTemplate`` type and its strict validation.

A template comes from a user's folder or from a colleague's e-mail, so it is treated as
untrusted input: at most 64 KiB of UTF-8 JSON, only known keys, each of the right type,
strings and mappings of bounded size, targets that are vocabulary properties (with a
unit convertible to the property's unit) or plain column names. Every refusal is a
``SpecificationError`` naming the file and the field. See ``templates`` for the format.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.errors import SpecificationError
from workbench.fileio import FileKindError, FileTooLargeError, read_regular
from workbench.units import unit_factor
from workbench.vocab import PROPERTIES, MeasurementKind

MAX_TEMPLATE_BYTES = 64 * 1024
MAX_COLUMNS = 256
MAX_TEXT = 200
_NAME = re.compile(r"^[\w][\w .()+-]{0,63}$")
_COLUMN_TARGET = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
DELIMITERS = {",": ",", ";": ";", "\t": "\t", "tab": "\t", "space": None, "auto": "auto"}
_QUANTITY_KINDS = ("fibre_summary", "properties", "moisture", "ash")
MISSING = ("", "NA", "N/A", "-", "NaN", "nan")

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
    "sheet": ((str, type(None)), False),
    "cell_range": ((str, type(None)), False),
}
_COLUMN_FIELDS = {
    "target": (str, True),
    "unit": (str, False),
    "basis": (str, False),
    "label": (str, False),
    "method": (str, False),
}
FORMAT_NAME = "fibre-workbench-import-template"


@dataclass
class ColumnMap:
    target: str
    unit: str = ""
    basis: str = ""
    label: str = ""
    method: str = ""  # the method or standard of the values ("ISO 18122"), as the lab states it


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
    sheet: str | None = None  # Excel workbooks: the sheet to read (default: the first)
    cell_range: str | None = None  # ... and the cells of it ("B3:H40"); rows count from B3

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
        if self.sheet:
            out["sheet"] = self.sheet
        if self.cell_range:
            out["cell_range"] = self.cell_range
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
    if data["delimiter"] not in DELIMITERS:
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
                    "unknown key (allowed: target, unit, basis, label, method)",
                )
        for key, (types, required) in _COLUMN_FIELDS.items():
            if key not in spec:
                if required:
                    raise _err(source, f"{where}.{key}", "missing")
                continue
            _check_type(source, f"{where}.{key}", spec[key], types, required)
        cmap = ColumnMap(
            spec["target"],
            spec.get("unit", ""),
            spec.get("basis", ""),
            spec.get("label", ""),
            spec.get("method", ""),
        )
        if cmap.target in PROPERTIES:
            want = PROPERTIES[cmap.target].unit
            if unit_factor(cmap.unit or want, want) is None:
                raise _err(
                    source,
                    f"{where}.unit",
                    f"{cmap.unit!r} cannot be converted to {want!r} for {cmap.target}",
                )
        elif not _COLUMN_TARGET.match(cmap.target):
            raise _err(
                source,
                f"{where}.target",
                "a known property id (built-in or defined by the project) or a column name "
                f"[a-z][a-z0-9_]*, not {cmap.target[:40]!r}",
            )
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
        delimiter=DELIMITERS[data["delimiter"]],
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
        sheet=_sheet_name(data.get("sheet"), source),
        cell_range=_cell_range(data.get("cell_range"), source),
    )


_CELL_RANGE = re.compile(r"^[A-Z]{1,3}[1-9][0-9]{0,6}:[A-Z]{1,3}[1-9][0-9]{0,6}$")


def _sheet_name(value: str | None, source: str) -> str | None:
    if value is None or not value.strip():
        return None
    if len(value) > 31 or any(c in value for c in "[]:*?/\\"):
        raise _err(source, "sheet", "an Excel sheet name (1-31 characters, no [ ] : * ? / \\)")
    return value


def _cell_range(value: str | None, source: str) -> str | None:
    if value is None or not value.strip():
        return None
    text = value.strip().upper().replace("$", "")
    if not _CELL_RANGE.match(text):
        raise _err(source, "cell_range", "a cell range such as A1:F200")
    return text


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
    except (ValueError, RecursionError) as exc:  # nesting too deep, a 5000-digit number
        raise _err(source, "(file)", f"not a usable JSON template ({str(exc)[:120]})") from None
    return template_from_dict(data, source)


def template_from_file(path: str | Path) -> ImportTemplate:
    """Read and validate a template file: only a regular file of at most 64 KiB is
    read (a FIFO in the templates folder never blocks, a huge file is not loaded)."""
    p = Path(path)
    try:
        raw = read_regular(p, MAX_TEMPLATE_BYTES)
    except FileKindError as exc:
        raise _err(str(p), "(file)", f"{exc.kind}, not a template file") from None
    except FileTooLargeError:
        raise _err(str(p), "(file)", f"larger than {MAX_TEMPLATE_BYTES // 1024} KiB") from None
    except OSError as exc:
        raise SpecificationError(f"{p}: cannot be read ({exc.strerror or exc})") from None
    return template_from_bytes(raw, str(p))
