"""Reference values for a calibration: from the samples' data or from a table file.

A reference table is a CSV/TSV text file (any encoding the importers decode, decimal
point or comma) with a header row: a sample name column (``sample``, ``name``,
``sample name``, ``näyte``; else the first column) and a column named after the
property id or its English/Finnish label (else, with exactly two columns, the second).
Empty cells and ``NA``, ``N/A``, ``NaN``, ``n.d.``, ``nd``, ``-``, ``?`` mean *missing*:
such samples are left out of the training set but still predicted. Any other cell
that is not a number is an error naming the line, never silently dropped.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from workbench.analysis.api import QuantitySource, SampleInputs
from workbench.errors import AnalysisError, ImportFormatError
from workbench.importers.text import (
    decode,
    guess_decimal,
    parse_number,
    sniff_delimiter,
    split_lines,
)
from workbench.model import Quantity
from workbench.vocab import PROPERTIES

MISSING = {"", "na", "n/a", "nan", "n.d.", "nd", "-", "--", "?", "null", "none"}
NAME_HEADERS = ("sample", "sample name", "name", "näyte", "näytteen nimi", "id")
MAX_BYTES = 20_000_000


@dataclass
class ReferenceTable:
    """Values by normalised sample name (``None`` = stated missing), plus the file hash."""

    values: dict[str, float | None]
    path: str
    sha256: str
    column: str


def norm_name(name: str) -> str:
    return " ".join(str(name).split()).casefold()


def _cells(line: str, delim: str | None) -> list[str]:
    parts = line.split(delim) if delim else line.split()
    return [p.strip().strip('"').strip() for p in parts]


def _read_lines(path: str) -> tuple[Path, bytes, list[str], str | None, list[str]]:
    """The table's path, bytes, non-empty lines, delimiter and case-folded header."""
    p = Path(path).expanduser()
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise AnalysisError(
            f"The reference table {path} cannot be read ({exc.strerror})."
        ) from None
    if len(raw) > MAX_BYTES:
        raise AnalysisError(f"The reference table {path} is larger than 20 MB.")
    text, _enc = decode(raw, str(p))
    lines = [ln for ln in split_lines(text) if ln.strip()]
    if len(lines) < 2:
        raise ImportFormatError(str(p), "line 1", "a header row and at least one data row")
    delim = sniff_delimiter(lines[:50])
    header = [h.casefold() for h in _cells(lines[0], delim)]
    return p, raw, lines, delim, header


TEST_MARKS = {"test", "val", "validation", "yes", "true", "x", "1", "t", "y"}
CAL_MARKS = {"", "cal", "calibration", "train", "training", "no", "false", "0", "f", "n", "-"}


def read_test_marks(path: str, column: str) -> set[str]:
    """Normalised names of the samples a reference-table column marks as the test set."""
    p, _raw, lines, delim, header = _read_lines(path)
    name_col = next((header.index(h) for h in NAME_HEADERS if h in header), 0)
    wanted = column.strip().casefold()
    if wanted not in header:
        raise ImportFormatError(
            str(p), "line 1", f"a test-set column named {column!r} (columns: {', '.join(header)})"
        )
    col = header.index(wanted)
    marked: set[str] = set()
    for lineno, line in enumerate(lines[1:], start=2):
        r = _cells(line, delim)
        cell = r[col].casefold() if len(r) > col else ""
        if cell in TEST_MARKS:
            marked.add(norm_name(r[name_col]))
        elif cell not in CAL_MARKS:
            raise ImportFormatError(
                str(p),
                f"line {lineno}",
                f"test or cal (or yes/no, 1/0, empty) in the column {column!r}, not {r[col]!r}",
            )
    return marked


def read_table(path: str, prop: str) -> ReferenceTable:
    """Read the reference values of ``prop`` from a CSV/TSV table (see module docstring)."""
    p, raw, lines, delim, header = _read_lines(path)
    name_col = next((header.index(h) for h in NAME_HEADERS if h in header), 0)
    pdef = PROPERTIES.get(prop)
    wanted = {prop.casefold()}
    if pdef is not None:
        wanted |= {pdef.label_en.casefold(), pdef.label_fi.casefold()}
    value_col = next(
        (i for i, h in enumerate(header) if h in wanted or h.split(" (")[0] in wanted), None
    )
    if value_col is None and len(header) == 2:
        value_col = 1 - name_col
    if value_col is None:
        raise ImportFormatError(
            str(p), "line 1", f"a column named {prop!r} (columns: {', '.join(header)})"
        )
    rows = [_cells(ln, delim) for ln in lines[1:]]
    numeric = [
        r[value_col] for r in rows if len(r) > value_col and r[value_col].casefold() not in MISSING
    ]
    decimal = guess_decimal(numeric, delim)
    values: dict[str, float | None] = {}
    for lineno, r in enumerate(rows, start=2):
        if len(r) <= max(name_col, value_col) or not r[name_col]:
            raise ImportFormatError(str(p), f"line {lineno}", "a sample name and a value cell")
        cell = r[value_col]
        if cell.casefold() in MISSING:
            values[norm_name(r[name_col])] = None
            continue
        try:
            values[norm_name(r[name_col])] = parse_number(cell, decimal)
        except ValueError as exc:
            raise ImportFormatError(
                str(p), f"line {lineno}", f"a number or NA for {prop}", str(exc)
            ) from None
    return ReferenceTable(values, str(p), hashlib.sha256(raw).hexdigest(), header[value_col])


def sample_reference(
    si: SampleInputs, prop: str, basis: str
) -> tuple[float, QuantitySource] | None:
    """The newest measured/derived value of ``prop`` on ``basis`` (never a prediction).

    The value used is recorded in ``si.used`` so that the runner lists it as an input.
    """
    found: list[tuple[Quantity, QuantitySource]] = [
        (q, s) for q, s in si.quantities(prop) if q.origin != "predicted" and q.basis == basis
    ]
    if not found:
        return None
    q, src = found[-1]
    if src not in si.used:
        si.used.append(src)
    return float(q.value), src
