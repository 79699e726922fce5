"""Finding the block of numbers in a text export, strictly and fast.

Text spectra (OMNIC CSV, Bruker .dpt, Raman CSV) are a run of lines with the same
number of numeric cells, maybe a header line above and comment lines below. This
module finds that run, the delimiter (tab, ';', ',' or blanks) and the decimal mark,
and converts the whole block with one numpy call after every line has been checked
by a strict regular expression. A line that looks like data but whose number is
ambiguous ("1.234.567") is refused with its line number, never skipped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from workbench.importers.text import AmbiguousNumber, guess_decimal, parse_number, sniff_delimiter

_NUM = {
    ".": r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?",
    ",": r"[+-]?(?:\d+,?\d*|,\d+)(?:[eE][+-]?\d+)?",
}
_DATA_START = re.compile(r"^\s*[+\-]?[.,]?\d")
COMMENT_CHARS = "#;%!/*"


@dataclass
class Block:
    """Where the numbers are: 0-based line indexes [start, end), columns, format."""

    start: int
    end: int
    ncols: int
    delimiter: str | None  # None = blanks
    decimal: str
    header: int | None  # index of the header line just above the data, if any


class BadNumber(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line  # 1-based


def pick_delimiter(lines: list[str]) -> str | None:
    """Tab or ';' when every line has the same non-zero count of it (a decimal comma
    then never passes for the delimiter); otherwise ``text.sniff_delimiter``."""
    rows = [ln for ln in lines if ln.strip()]
    for delim in ("\t", ";"):
        counts = {ln.count(delim) for ln in rows}
        if rows and len(counts) == 1 and counts != {0}:
            return delim
    return sniff_delimiter(rows)


def _line_regex(delim: str | None, decimal: str) -> re.Pattern[str]:
    num = _NUM[decimal]
    if delim is None:
        return re.compile(rf"^\s*{num}(?:\s+{num})*\s*$")
    d = re.escape(delim)
    return re.compile(rf"^\s*{num}(?:\s*{d}\s*{num})*\s*{d}?\s*$")


def find_block(lines: list[str], min_rows: int = 3) -> Block | None:
    """The longest run of numeric lines with the same column count (>= 1 column)."""
    probe = [ln for ln in lines[:2000] if _DATA_START.match(ln)][:400]
    if not probe:
        return None
    delim = pick_delimiter(probe)
    if (
        delim is None
        and any("," in ln for ln in probe)
        and not any(" " in ln.strip() for ln in probe)
    ):
        delim = ","
    cells = [c for ln in probe[:50] for c in (ln.split(delim) if delim else ln.split())]
    decimal = guess_decimal(cells, delim)
    rx = _line_regex(delim, decimal)
    best: tuple[int, int, int] | None = None
    i, n = 0, len(lines)
    while i < n:
        if not rx.match(lines[i]):
            i += 1
            continue
        k = _ncols(lines[i], delim)
        j = i + 1
        while j < n and (rx.match(lines[j]) and _ncols(lines[j], delim) == k):
            j += 1
        if best is None or (j - i) > (best[1] - best[0]):
            best = (i, j, k)
        i = j
    if best is None or best[1] - best[0] < min_rows:
        return None
    start, end, k = best
    header = None
    h = start - 1
    while h >= 0 and not lines[h].strip():
        h -= 1
    if h >= 0 and len(split_cells(lines[h], delim)) == k:
        header = h
    return Block(start, end, k, delim, decimal, header)


def _ncols(line: str, delim: str | None) -> int:
    s = line.strip()
    if delim is None:
        return len(s.split())
    parts = s.split(delim)
    if parts and not parts[-1].strip():
        parts = parts[:-1]
    return len(parts)


def split_cells(line: str, delim: str | None) -> list[str]:
    return [c.strip() for c in (line.split(delim) if delim else line.split())]


def to_array(lines: list[str], block: Block) -> np.ndarray:
    """The (rows, ncols) float array of the block (already validated line by line)."""
    chunk = lines[block.start : block.end]
    text = "\n".join(chunk)
    if block.delimiter is not None:
        text = text.replace(block.delimiter, " ")
    if block.decimal == ",":
        text = text.replace(",", ".")
    flat = np.array(text.split(), dtype=np.float64)
    return flat.reshape(len(chunk), block.ncols)


def check_trailer(lines: list[str], block: Block) -> int:
    """Lines after the block must be comments or text: a line that looks like data but
    failed the strict number check is refused (BadNumber). Returns how many non-blank
    trailing lines were ignored."""
    ignored = 0
    for idx in range(block.end, len(lines)):
        s = lines[idx].strip()
        if not s:
            continue
        ignored += 1
        if s[0] in COMMENT_CHARS or not _DATA_START.match(s):
            continue
        for cell in split_cells(s, block.delimiter):
            if not cell:
                continue
            try:
                parse_number(cell, block.decimal)
            except AmbiguousNumber as exc:
                raise BadNumber(idx + 1, str(exc)) from None
            except ValueError:
                if re.match(r"^[+\-]?[\d.,]+$", cell):
                    raise BadNumber(idx + 1, f"{cell!r} is not a number") from None
        if _ncols(s, block.delimiter) == block.ncols:
            raise BadNumber(idx + 1, "a data row that does not match the rows above it")
    return ignored
