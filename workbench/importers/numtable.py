"""Fast, strict conversion of a block of delimited numeric rows to a float array.

Large exports (a million-particle fibre list, a 15 000-row TGA curve) must parse at
about the speed of a bare ``numpy.loadtxt``, yet a value the strict rules of
``workbench.importers.text.parse_number`` refuse (thousands separators, mixed decimal
marks, "nan", empty cells) must never slip through. So the block is first checked
with a vectorised character test and converted in bulk; only when that fails is it
re-read cell by cell, which produces the precise message naming line and value.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

import numpy as np

from workbench.errors import ImportFormatError
from workbench.importers.text import (
    NOT_GUESSED,
    AmbiguousNumber,
    NonFiniteNumber,
    excerpt,
    parse_number,
)

_DIGITS = b"0123456789"
_WS = b" \t\r\n"


def _allowed(delimiter: str | None, decimal: str) -> bytes:
    extra = decimal.encode()
    if delimiter:
        extra += delimiter.encode()
    return _DIGITS + _WS + b"eE+-" + extra


def _fast(data: bytes, delimiter: str | None, decimal: str, ncols: int) -> np.ndarray | None:
    """Bulk conversion, or None when anything looks unusual (the slow path decides)."""
    if data.translate(None, _allowed(delimiter, decimal)):
        return None  # a character outside digits, signs, exponent, marks and delimiters
    if decimal == ",":
        data = data.replace(b",", b".")
    if b"\n" not in data and b"\r" in data:
        data = data.replace(b"\r", b"\n")  # CR-only line ends
    try:
        arr = np.loadtxt(io.BytesIO(data), delimiter=delimiter, dtype=np.float64, ndmin=2)
    except ValueError:
        return None
    if arr.size == 0:
        return np.empty((0, ncols))
    if arr.shape[1] != ncols or not np.isfinite(arr).all():
        return None  # 1e309 overflows to infinity: the strict path refuses it by line
    return arr


def parse_cells(
    lines: Sequence[str],
    first_line_no: int,
    delimiter: str | None,
    decimal: str,
    path: str,
    names: Sequence[str],
) -> np.ndarray:
    """Cell-by-cell strict parse of ``lines`` (all must be data rows); raises
    ImportFormatError naming the line (1-based, ``first_line_no`` for ``lines[0]``)."""
    ncols = len(names)
    out = np.empty((len(lines), ncols))
    n = 0
    for i, line in enumerate(lines):
        if not line.strip():
            continue  # blank lines are skipped, as numpy.loadtxt does on the fast path
        cells = line.split(delimiter) if delimiter else line.split()
        while len(cells) > ncols and not cells[-1].strip():
            cells.pop()  # trailing delimiters
        if len(cells) != ncols:
            raise ImportFormatError(
                path,
                f"line {first_line_no + i}",
                f"{ncols} values separated by {_delim_name(delimiter)}",
                f"found {len(cells)}: {excerpt(line, 60)}",
            )
        for j, cell in enumerate(cells):
            try:
                out[n, j] = parse_number(cell, decimal)
            except AmbiguousNumber as exc:
                raise ImportFormatError(
                    path,
                    f"line {first_line_no + i}",
                    f"an unambiguous number in column {excerpt(names[j])}",
                    f"{exc}; {NOT_GUESSED}",
                ) from None
            except NonFiniteNumber as exc:
                raise ImportFormatError(
                    path,
                    f"line {first_line_no + i}",
                    f"a finite number in column {excerpt(names[j])}",
                    str(exc),
                ) from None
            except ValueError:
                raise ImportFormatError(
                    path,
                    f"line {first_line_no + i}",
                    f"a number in column {excerpt(names[j])}",
                    f"found {excerpt(cell)}",
                ) from None
        n += 1
    return out[:n]


def _delim_name(delimiter: str | None) -> str:
    return {None: "spaces", "\t": "tabs", ";": "semicolons", ",": "commas"}.get(
        delimiter, repr(delimiter)
    )


def parse_block(
    data: bytes | str | Sequence[str],
    first_line_no: int,
    delimiter: str | None,
    decimal: str,
    path: str,
    names: Sequence[str],
    encoding: str = "utf-8",
) -> np.ndarray:
    """Rows of numbers -> float array of shape (n_rows, len(names)).

    ``data`` is the data part of a file: raw bytes in an ASCII-compatible ``encoding``
    (fastest: nothing is decoded when the rows are plain numbers), a string, or a list
    of lines. Blank lines are skipped (line numbers in messages still count them). Strict: see the module docstring.
    """
    ncols = len(names)
    if isinstance(data, str):
        raw = data.encode("utf-8", "surrogatepass")
        encoding = "utf-8"
    elif isinstance(data, bytes | bytearray | memoryview):
        raw = bytes(data)
    else:
        raw = "\n".join(data).encode("utf-8", "surrogatepass")
        encoding = "utf-8"
    raw = raw.rstrip(b" \t\r\n")
    if not raw:
        return np.empty((0, ncols))
    arr = _fast(raw, delimiter, decimal, ncols)
    if arr is not None:
        return arr
    text = raw.decode(encoding, errors="replace")
    lines = re.split(r"\r\n|\r|\n", text)
    return parse_cells(lines, first_line_no, delimiter, decimal, path, names)


_COMMA_DECIMAL = re.compile(r"^[+-]?\d*,\d+(?:[eE][+-]?\d+)?$")
_POINT_DECIMAL = re.compile(r"^[+-]?\d*\.\d+(?:[eE][+-]?\d+)?$")


def majority_decimal(cells: Sequence[str], delimiter: str | None) -> str:
    """The decimal mark most numeric ``cells`` use (',' or '.'; '.' on a tie or when the
    delimiter is ','). Unlike a "any point wins" rule, one stray ``1.150`` among
    hundreds of ``0,98`` does not flip the file: that cell is then refused by name."""
    if delimiter == ",":
        return "."
    comma = sum(1 for c in cells if _COMMA_DECIMAL.match(c.strip()))
    point = sum(1 for c in cells if _POINT_DECIMAL.match(c.strip()))
    return "," if comma > point else "."


def majority_delimiter(lines: Sequence[str]) -> str | None:
    """The delimiter (tab, ';' or ',') found on the most non-blank lines; title or
    trailer lines without any delimiter do not disqualify it. None: whitespace."""
    best, best_n = None, 0
    for delim in ("\t", ";", ","):
        n = sum(1 for line in lines if line.strip() and delim in line)
        if n > best_n:
            best, best_n = delim, n
    return best


def parse_region(
    raw: bytes,
    start: int,
    end: int,
    first_line_no: int,
    delimiter: str | None,
    decimal: str,
    path: str,
    names: Sequence[str],
    encoding: str = "utf-8",
) -> np.ndarray:
    """Like ``parse_block`` for the rows in ``raw[start:end]``, without slicing copies.

    For large files (a million particles): the characters are checked through a
    zero-copy numpy view, a decimal comma is replaced in one copy of the file, and
    ``numpy.loadtxt`` reads from that buffer at ``start`` for exactly the number of
    lines in the region. Anything unusual goes to the strict cell-by-cell path.
    """
    ncols = len(names)
    allowed = _allowed(delimiter, decimal)
    # characters outside the allowed set in the region = all of them minus those in the
    # (small) parts before and after it: no copy of the region is made
    outside = len(raw.translate(None, allowed)) - len(raw[:start].translate(None, allowed))
    outside -= len(raw[end:].translate(None, allowed))
    fast_ok = end > start and outside == 0
    n_lines = raw.count(b"\n", start, end) or raw.count(b"\r", start, end)
    if fast_ok and not raw.endswith((b"\n", b"\r"), start, end):
        n_lines += 1  # last row without a line end
    if fast_ok and b"\n" in raw[start : min(end, start + 65536)]:
        arr = _loadtxt_blocks(raw, start, end, delimiter, decimal, n_lines, ncols)
        if arr is not None:
            return arr
    return parse_block(raw[start:end], first_line_no, delimiter, decimal, path, names, encoding)


LOADTXT_BLOCK = 1 << 20  # bytes of rows per numpy.loadtxt call


def _loadtxt_blocks(
    data: bytes,
    start: int,
    end: int,
    delimiter: str | None,
    decimal: str,
    n_rows: int,
    ncols: int,
) -> np.ndarray | None:
    """``data[start:end]`` (only number characters, checked) as an (n_rows, ncols)
    array, read by ``numpy.loadtxt`` about a megabyte of whole lines at a time.

    Blocks, not one call: a decimal comma is replaced block by block, so no second
    copy of the whole file is made; a list of lines is quicker for ``loadtxt`` than a
    byte stream; and other threads (the GUI, compression) get the GIL in between.
    None when the rows are not exactly ``n_rows`` x ``ncols`` numbers (the strict
    cell-by-cell path then names the offending line)."""
    out = np.empty((n_rows, ncols), dtype=np.float64)
    row, pos = 0, start
    while pos < end:
        stop = data.find(b"\n", min(pos + LOADTXT_BLOCK, end - 1), end)
        stop = end if stop < 0 else stop + 1
        # the region holds ASCII only (checked by the caller), so latin-1 is exact
        block = data[pos:stop]
        if decimal == ",":
            block = block.replace(b",", b".")
        lines = block.decode("latin-1").splitlines()
        pos = stop
        try:
            arr = np.loadtxt(lines, delimiter=delimiter, dtype=np.float64, ndmin=2)
        except ValueError:
            return None
        if arr.size == 0:
            continue
        if arr.shape[1] != ncols or row + arr.shape[0] > n_rows or not np.isfinite(arr).all():
            return None
        out[row : row + arr.shape[0]] = arr
        row += arr.shape[0]
    return out if row == n_rows else None
