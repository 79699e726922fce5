"""Multi-sample spectral tables: one row per sample, wavelengths as column headers.

Handheld NIR instruments (e.g. Viavi MicroNIR) export a table whose header row is a
blank or label cell followed by the wavelengths, and whose rows are a sample id
followed by that sample's spectrum. Cells are often padded (``100   ;0.12096 ;``),
quoted, or use a decimal comma; missing values are ``NA``. Each row becomes one
spectrum measurement named after its sample; a sample id seen again becomes the
next replicate.

The wavelength unit is taken from the header (``908.1 nm``, ``Wavelength (nm)``,
``cm-1``); when the file does not say, 350-2600 is taken as nm and larger values as
cm⁻¹, and a warning says so. Numbers are parsed strictly: a cell whose thousands
separator makes it ambiguous is refused with its line and column.
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter

import numpy as np

from workbench.errors import ImportFormatError
from workbench.importers.base import MiB, ParsedFile, ParsedMeasurement, Reader
from workbench.importers.numeric_block import pick_delimiter
from workbench.importers.spectrum_common import (
    WAVENUMBER,
    clean_unit,
    guarded,
    guess_technique,
    spectrum,
)
from workbench.importers.text import (
    AmbiguousNumber,
    decode,
    excerpt,
    guess_decimal,
    parse_number,
    split_lines,
)

_AXIS_CELL = re.compile(r"^([+-]?\d+(?:[.,]\d+)?)\s*([A-Za-zµ/\-⁻¹^1]*)$")
_MISSING = {"", "NA", "N/A", "NAN", "-", "?"}
MIN_AXIS = 5


def _cells(line: str, delim: str) -> list[str]:
    return [c.strip().strip('"').strip("'").strip() for c in line.split(delim)]


def _axis(cells: list[str]) -> tuple[list[str], str] | None:
    """(numeric texts, unit suffix) when cells[1:] are all wavelengths, else None."""
    values, units = [], set()
    if _AXIS_CELL.match(cells[0]):  # a numeric first cell: a data row, not a header
        return None
    cells = list(cells)
    while len(cells) > 1 and not cells[-1]:  # a trailing delimiter
        cells.pop()
    for cell in cells[1:]:
        m = _AXIS_CELL.match(cell)
        if not m:
            return None
        values.append(m.group(1))
        if m.group(2):
            units.add(m.group(2))
    if len(values) < MIN_AXIS or len(units) > 1:
        return None
    return values, (units.pop() if units else "")


# a line with MIN_AXIS - 1 of one separator: the least a header of wavelengths holds
_WIDE_LINE = re.compile(
    "|".join(rf"^(?:[^{sep}\n]*{sep}){{{MIN_AXIS - 1}}}" for sep in (",", ";", "\t", " ")),
    re.MULTILINE,
)


def _find_header(lines: list[str]):
    if not _WIDE_LINE.search("\n".join(lines[:50])):
        return None  # no line has cells enough (one search instead of a count per line)
    for idx, line in enumerate(lines[:50]):
        if (
            len(line) < MIN_AXIS - 1
            or not line.strip()
            or max(line.count(","), line.count(";"), line.count("\t"), line.count(" ")) + 1
            < MIN_AXIS
        ):
            continue  # too few cells to hold a wavelength axis
        # the header line alone decides when it can (rows of column types and flags
        # under it, as Orange writes them, would spoil a count over several lines)
        delim = pick_delimiter([line]) or pick_delimiter([line, *lines[idx + 1 : idx + 6]])
        if delim is None:
            continue
        ax = _axis(_cells(line, delim))
        if ax is not None:
            return idx, delim, ax
    return None


class SpectralTableReader(Reader):
    format_id = "spectral_table"
    format_label = "Spectral table (one sample per row)"
    kinds = ("spectrum",)
    max_bytes = 32 * MiB
    memory_multiple = 16.0

    def sniff(self, head: bytes, name: str) -> float:
        try:
            text, _ = decode(head, name)
        except ImportFormatError:
            return 0.0
        lines = split_lines(text)[:60]
        if not lines or (len(lines) < 2 and not text.endswith(("\n", "\r"))):
            return 0.0
        found = _find_header(lines)
        if found is None:
            return 0.0
        idx, delim, (values, _unit) = found
        try:
            dec = guess_decimal(values, delim)
            x = np.array([parse_number(v, dec) for v in values])
        except ValueError:
            return 0.0
        steps = np.diff(x)
        if not (np.all(steps > 0) or np.all(steps < 0)):
            return 0.0
        rows = [ln for ln in lines[idx + 1 :] if ln.strip()]
        if not rows or len(_cells(rows[0], delim)) < len(values):
            return 0.0
        return 0.8

    @guarded
    def parse(self, raw: bytes, path: str) -> ParsedFile:
        text, encoding = decode(raw, path)
        lines = split_lines(text)
        found = _find_header(lines)
        if found is None:
            raise ImportFormatError(
                path,
                "line 1",
                f"a header row of at least {MIN_AXIS} wavelengths after a label cell",
            )
        hidx, delim, (axis_texts, suffix) = found
        # rows are split one at a time below: all cells of a large table as Python
        # strings at once took twelve times the file's size
        row_lines = [i for i in range(hidx + 1, len(lines)) if lines[i].strip(delim + " \t")]
        # Orange's tables (orange-spectroscopy) put a row of column types ("d", "c",
        # "continuous") and one of flags ("class", "meta") under the names
        while (
            row_lines and row_lines[0] <= hidx + 2 and _orange_markers(lines[row_lines[0]], delim)
        ):
            row_lines.pop(0)
        data_rows = ((i, _cells(lines[i], delim)) for i in row_lines)
        sample_cells = [v for i in row_lines[:50] for v in _cells(lines[i], delim)[1:]]
        decimal = guess_decimal(sample_cells, delim)  # header and data may differ
        axis_decimal = guess_decimal(axis_texts, delim)
        try:
            x = np.array([parse_number(v, axis_decimal) for v in axis_texts])
        except ValueError as exc:
            raise ImportFormatError(path, f"line {hidx + 1}", "wavelengths", str(exc)) from None
        label_cell = _cells(lines[hidx], delim)[0]
        warnings: list[str] = []
        if _SERIES_NAME.search(label_cell):
            # rows of a kinetic or heating series: their names are times or temperatures
            warnings.append(
                f"the first column {excerpt(label_cell)} holds times, temperatures or index "
                "numbers, not sample names: each row became a spectrum named by its value"
            )
        x_unit = _unit(suffix, label_cell)
        if not x_unit:
            # wavelengths are written rising, wavenumbers (FT-IR) falling; a rising axis
            # within 350-2600 is nm, anything else cm⁻¹ (900-1800 falling is FT-IR)
            rising = x.size > 1 and x[-1] > x[0]
            in_nm = rising and np.min(x) >= 350 and np.max(x) <= 2600
            x_unit = "nm" if in_nm else WAVENUMBER
            how = "rising" if rising else "falling"
            warnings.append(
                f"the wavelength unit is not stated; {x_unit} assumed from the range "
                f"and the {how} order"
            )
        n = x.size
        seen: Counter[str] = Counter()
        out: list[ParsedMeasurement] = []
        for lineno0, cells in data_rows:
            if not any(cells):
                continue
            name = cells[0]
            values = cells[1 : n + 1]
            if len(values) < n or any(c for c in cells[n + 1 :]):
                raise ImportFormatError(
                    path, f"line {lineno0 + 1}", f"a sample id and {n} values", f"{len(cells) - 1}"
                )
            y = _row_values(values, decimal, path, lineno0 + 1)
            seen[name] += 1
            out.append(
                spectrum(
                    x, y, x_unit=x_unit, y_unit="", label=name or f"row {lineno0 + 1}",
                    sample_name=name or None, technique=guess_technique("", x_unit, x),
                    metadata={"line": lineno0 + 1},
                )
            )  # fmt: skip
            out[-1].replicate = seen[name]
        if not out:
            raise ImportFormatError(path, f"line {hidx + 2}", "at least one sample row")
        return ParsedFile(
            path=path, format_id=self.format_id, format_label=self.format_label,
            measurements=out, encoding=encoding, warnings=warnings,
            metadata={"delimiter": delim, "decimal": decimal, "rows": len(out), "points": n},
        )  # fmt: skip


# a name column headed so holds times, temperatures or index numbers, whose unit is not
# the wavelengths' unit
_SERIES_NAME = re.compile(r"\b(time|aika|temp\.?|temperature|lämpötila|index)\b", re.I)
_AXIS_UNITS = {WAVENUMBER, "nm", "µm"}

_ORANGE_MARKERS = {
    "", "c", "d", "s", "t", "continuous", "discrete", "string", "time", "class", "meta",
    "ignore", "weight", "m", "i", "w",
}  # fmt: skip


def _orange_markers(line: str, delim: str) -> bool:
    """A row of Orange's column types or flags, not of data."""
    cells = _cells(line, delim)
    return any(cells) and all(c.lower() in _ORANGE_MARKERS for c in cells)


def _unit(suffix: str, label_cell: str) -> str:
    if suffix:
        return clean_unit(suffix)
    m = re.search(r"[\(\[]([^\)\]]+)[\)\]]", label_cell)
    if m and clean_unit(m.group(1)) in _AXIS_UNITS:
        # the unit of the name column ("Time (min)") is not the wavelengths' unit
        return clean_unit(m.group(1))
    low = label_cell.lower()
    if "wavenumber" in low or "cm-1" in low:
        return WAVENUMBER
    if "nm" in low.split() or "wavelength" in low:
        return "nm"
    return ""


def _row_values(values: list[str], decimal: str, path: str, lineno: int) -> np.ndarray:
    """A row's values as floats (NA -> NaN), fast when clean, strict always: numpy
    would also take "inf", "nan" or "1e309" (infinity), which the strict path refuses
    by column."""
    missing = [v.upper() in _MISSING for v in values]
    cleaned = ["nan" if m else v for v, m in zip(values, missing, strict=True)]
    fast = None
    other_mark = "." if decimal == "," else ","
    if not any(other_mark in v for v in cleaned):
        if decimal == ",":
            cleaned = [v.replace(",", ".") for v in cleaned]
        with contextlib.suppress(ValueError):
            fast = np.array(cleaned, dtype=np.float64)
    if fast is not None and np.array_equal(~np.isfinite(fast), np.array(missing, dtype=bool)):
        return fast
    out = np.empty(len(values))
    for col, v in enumerate(values):
        if v.upper() in _MISSING:
            out[col] = np.nan
            continue
        try:
            out[col] = parse_number(v, decimal)
        except (AmbiguousNumber, ValueError) as exc:
            raise ImportFormatError(
                path, f"line {lineno}, column {col + 2}", "a number", str(exc)
            ) from None
    return out


READERS = [SpectralTableReader()]
