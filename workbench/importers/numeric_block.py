"""Finding the block of numbers in a text export, strictly and fast.

Text spectra (OMNIC CSV, Bruker .dpt, Raman CSV) are a run of lines with the same
number of numeric cells, maybe a header line above and comment lines below. This
module finds that run, the delimiter (tab, ';', ',' or blanks) and the decimal mark,
and converts the whole block with one numpy call after every line has been checked
by a strict regular expression. A line that looks like data but whose number is
ambiguous ("1.234.567") is refused with its line number, never skipped silently.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

import numpy as np

from workbench.importers.text import (
    AmbiguousNumber,
    NonFiniteNumber,
    contains_word,
    excerpt,
    guess_decimal,
    parse_number,
    sniff_delimiter,
)

_DATA_START = re.compile(r"^\s*[+\-]?[.,]?\d")
_NUMBER_ROW = re.compile(r"\s*[+\-]?[.,]?\d[0-9+\-.,;eE \t]*")
# the lines of a text (joined by LF, which no line holds) that _NUMBER_ROW matches whole
_NUMBER_ROWS = re.compile(r"^[^\S\n]*[+\-]?[.,]?\d[0-9+\-.,;eE \t]*$", re.MULTILINE)
COMMENT_CHARS = "#;%!/*"
_NON_FINITE_HINT = re.compile(r"inf|nan", re.IGNORECASE)
_NON_FINITE_CELL = re.compile(
    r"(?<![^\s,;])[+-]?(?:inf(?:inity)?|nan)(?![^\s,;])", re.IGNORECASE | re.MULTILINE
)


@dataclass(frozen=True)
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
    joined = "\n".join(rows)
    for delim in ("\t", ";"):
        if delim not in joined:
            continue  # a count of 0 on every line: not this one
        counts = {ln.count(delim) for ln in rows}
        if rows and len(counts) == 1 and counts != {0}:
            return delim
    return sniff_delimiter(rows)


def find_block(
    lines: list[str],
    min_rows: int = 3,
    scan: int | None = None,
    probe_at: Sequence[int] | None = None,
) -> Block | None:
    """The longest run of numeric lines with the same column count (>= 1 column).

    With ``scan``, only runs within the first ``scan`` lines are looked for; the
    delimiter and decimal mark are still chosen exactly as for the whole file. Such
    a call depends only on the first lines of the file, and detection and parsing ask
    the same question of the same lines, so its answer is remembered for them.
    ``probe_at``: ``probe_lines(lines)`` when the caller has it already."""
    probe_at = list(probe_at) if probe_at else probe_lines(lines)
    if not probe_at:
        return None
    if scan is None:
        return _find_block(lines, probe_at, min_rows, None)
    seen = tuple(lines[: max(scan, probe_at[-1] + 1)])
    return _find_block_in_head(seen, tuple(probe_at), min_rows, scan)


PROBES = 100  # lines that decide the delimiter and decimal mark


def probe_lines(lines: Sequence[str]) -> list[int]:
    """Indexes of the first ``PROBES`` lines (of the first 2,000) that are rows of
    numbers (digits, signs, exponents, decimal marks, delimiters, blanks): the lines
    ``find_block`` chooses the delimiter and decimal mark from. A note above the table
    that starts with a digit ("2 spectra averaged") is no row and does not vote. When
    no line is such a row, the lines that start like one are used, as before."""
    rows = number_rows(lines)
    if rows:
        return rows
    return list(islice((i for i, ln in enumerate(lines[:2000]) if _DATA_START.match(ln)), PROBES))


def number_rows(lines: Sequence[str]) -> list[int]:
    """Indexes of the first ``PROBES`` rows of numbers among the first 2,000 lines. When
    ``lines`` (a file's first lines) hold ``PROBES`` of them, ``probe_lines`` of the
    whole file is the same list.

    One search of the joined lines (``_NUMBER_ROWS``, each line as ``_NUMBER_ROW``
    matches it whole) instead of a match per line: every file's head is probed. When
    the first ``HEAD_ROWS`` lines hold ``PROBES`` rows, they alone decide, and their
    answer is remembered: detection and parsing ask it of the same file's first lines
    (split from its first bytes and from the whole file)."""
    if len(lines) >= HEAD_ROWS:
        found = _head_number_rows(tuple(lines[:HEAD_ROWS]))
        if len(found) == PROBES:
            return list(found)
    return _number_rows(lines)


HEAD_ROWS = 120


@lru_cache(maxsize=16)
def _head_number_rows(head: tuple[str, ...]) -> tuple[int, ...]:
    return tuple(_number_rows(head))


def _number_rows(lines: Sequence[str]) -> list[int]:
    joined = "\n".join(lines[:2000])
    out: list[int] = []
    line, pos = 0, 0  # the line that starts at ``pos``
    for m in _NUMBER_ROWS.finditer(joined):
        start = m.start()
        if start != pos:  # lines that are no rows of numbers lie between
            line += joined.count("\n", pos, start)
        out.append(line)
        if len(out) == PROBES:
            break
        line, pos = line + 1, m.end() + 1
    return out


@lru_cache(maxsize=16)
def _find_block_in_head(
    lines: tuple[str, ...], probe_at: tuple[int, ...], min_rows: int, scan: int
) -> Block | None:
    return _find_block(lines, probe_at, min_rows, scan)


def _find_block(
    lines: Sequence[str], probe_at: Sequence[int], min_rows: int, scan: int | None
) -> Block | None:
    probe = [lines[i] for i in probe_at]
    delim = pick_delimiter(probe)
    if (
        delim is None
        and any("," in ln for ln in probe)
        and not any(" " in ln.strip() for ln in probe)
    ):
        delim = ","
    if delim == "," and _blank_separated_commas(probe):
        delim = None  # "4000,00  0,1234": blanks separate, the comma is the decimal mark
    cells = [c for ln in probe[:20] for c in (ln.split(delim) if delim else ln.split())]
    decimal = guess_decimal(cells, delim)
    allowed = number_chars(delim, decimal)
    k = column_counts(lines[:scan] if scan else lines, delim, allowed)
    if not k.size or not k.any():
        return None
    change = np.flatnonzero(np.diff(k) != 0) + 1
    run_starts = np.concatenate(([0], change))
    run_ends = np.concatenate((change, [k.size]))
    lengths = np.where(k[run_starts] > 0, run_ends - run_starts, 0)
    r = int(np.argmax(lengths))
    best = (int(run_starts[r]), int(run_ends[r]), int(k[run_starts[r]]))
    if best is None or best[1] - best[0] < min_rows:
        return None
    start, end, k = best
    header = None
    h = start - 1
    while h >= 0 and not lines[h].strip():
        h -= 1
    if h >= 0 and len(header_cells(lines[h], delim)) == k:
        header = h
    return Block(start, end, k, delim, decimal, header)


_COMMA_NUMBER = r"[+-]?(?:\d+(?:,\d*)?|,\d+)(?:[eE][+-]?\d+)?"
_BLANK_COMMA_ROW = re.compile(rf"{_COMMA_NUMBER}(?:[ \t]+{_COMMA_NUMBER})+")


def _blank_separated_commas(probe: Sequence[str]) -> bool:
    """True when every probe row is two or more numbers with decimal commas separated by
    blanks (and some number has a comma): the comma is then no delimiter."""
    rows = [ln.strip() for ln in probe if ln.strip()]
    return bool(rows) and all(_BLANK_COMMA_ROW.fullmatch(r) for r in rows)


def number_chars(delim: str | None, decimal: str) -> str:
    """The characters a row of numbers may hold: digits, signs, exponents, blanks, the
    delimiter and the decimal mark."""
    return "0123456789+-.eE \t" + (delim or "") + ("," if decimal == "," else "")


def column_counts(lines: Sequence[str], delim: str | None, allowed: str) -> np.ndarray:
    """Per line: its number of cells when it holds only number characters (``allowed``)
    and at least one digit, else 0. Computed on the bytes with numpy, not per line
    in Python, because text spectra are imported by the hundred (the byte tables are
    built once per delimiter and decimal mark, ``_byte_tables``)."""
    if not lines:
        return np.zeros(0, dtype=np.int64)
    joined = "\n".join(lines) + "\n"
    if contains_word(joined, ("inf", "nan"), _NON_FINITE_HINT):
        # "inf"/"nan" cells count as cells, so the row stays in the table and the strict
        # check refuses it by line as not finite (exactly as 1e309, which numpy reads
        # as infinity), instead of the file being "not a supported export"
        joined = _NON_FINITE_CELL.sub("0", joined)
    b = np.frombuffer(joined.encode("utf-8", "replace"), np.uint8)
    outside, digit, blank = _byte_tables(allowed, delim)
    nl = np.flatnonzero(b == 10)
    starts = np.empty(nl.size, dtype=np.intp)
    starts[0] = 0
    starts[1:] = nl[:-1] + 1

    def per_line(mask: np.ndarray) -> np.ndarray:
        # each segment runs from a line start to its newline, which is 0 in every mask
        return np.add.reduceat(mask, starts, dtype=np.int64)

    bad = per_line(outside[b])
    digits = per_line(digit[b])
    if delim is None:
        space = blank[b]
        first = ~space
        first[1:] &= space[:-1]
        k = per_line(first)
    else:
        k = per_line(b == ord(delim)) + 1
        blanks = " \t\r" if delim != "\t" else " \r"
        if re.search(f"{re.escape(delim)}[{blanks}]*\n", joined):
            # a trailing delimiter ("1;2;", "1<TAB>2<TAB>") leaves an empty last cell
            # that does not count; a tab delimiter is no blank for this test
            filled = np.flatnonzero(~blank[b])
            if not filled.size:  # only blanks: no line counts anyway
                return np.zeros(len(lines), dtype=np.int64)
            last = np.searchsorted(filled, nl) - 1
            last_pos = np.where(last >= 0, filled[np.clip(last, 0, None)], -1)
            k -= (last_pos >= starts) & (b[np.clip(last_pos, 0, None)] == ord(delim))
    return np.where((bad == 0) & (digits > 0), k, 0)


@lru_cache(maxsize=32)
def _byte_tables(allowed: str, delim: str | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per byte value: not an ``allowed`` character (a line end is allowed); an ASCII
    digit; a blank (space, tab, CR, LF; a tab delimiter is no blank)."""
    outside = np.ones(256, dtype=bool)
    outside[list(allowed.encode("ascii"))] = False
    outside[10] = False
    digit = np.zeros(256, dtype=bool)
    digit[48:58] = True
    blank = np.zeros(256, dtype=bool)
    blank[list(b" \t\r\n")] = True
    if delim is not None:
        blank[ord(delim)] = False
    for table in (outside, digit, blank):
        table.flags.writeable = False
    return outside, digit, blank


def _ncols(line: str, delim: str | None) -> int:
    s = line.strip()
    if delim is None:
        return len(s.split())
    parts = s.split(delim)
    if parts and not parts[-1].strip():
        parts = parts[:-1]
    return len(parts)


def header_cells(line: str, delim: str | None) -> list[str]:
    """The cells of a header line: unquoted, without a trailing empty cell."""
    cells = [c.strip('"').strip("'").strip() for c in split_cells(line, delim)]
    while len(cells) > 1 and not cells[-1]:
        cells.pop()
    return cells


def split_cells(line: str, delim: str | None) -> list[str]:
    return [c.strip() for c in (line.split(delim) if delim else line.split())]


def to_array(lines: list[str], block: Block) -> np.ndarray:
    """The (rows, ncols) float array of the block, converted in one numpy call.

    The block holds only number characters (``find_block``); numpy then refuses any
    malformed number ("1.2.3", "1-2", "e"), and a wrong cell count shows in the
    reshape. On failure the offending line is found cell by cell (linear in the line,
    whatever it holds) and named (BadNumber); so is a number beyond the range of a
    double (``1e309``), which numpy would read as infinity."""
    chunk = lines[block.start : block.end]
    text = "\n".join(chunk)
    if block.delimiter is not None:
        text = text.replace(block.delimiter, " ")
    if block.decimal == ",":
        text = text.replace(",", ".")
    try:
        flat = np.array(text.split(), dtype=np.float64)
        data = flat.reshape(len(chunk), block.ncols)
    except ValueError:
        data = None
    if data is not None and np.isfinite(data).all():
        return data
    for offset, line in enumerate(chunk):
        problem = _row_problem(line, block)
        if problem:
            raise BadNumber(block.start + offset + 1, problem) from None
    raise BadNumber(block.start + 1, "the rows do not all hold the same numbers") from None


def _row_problem(line: str, block: Block) -> str:
    """Why ``line`` is not a row of the block's numbers ("" when it is one)."""
    cells = split_cells(line, block.delimiter)
    if block.delimiter is not None and len(cells) > 1 and not cells[-1]:
        cells.pop()  # a trailing delimiter
    if len(cells) != block.ncols:
        return f"{excerpt(line, 60)} is not a row of {block.ncols} numbers"
    for cell in cells:
        try:
            parse_number(cell, block.decimal)
        except ValueError as exc:
            if isinstance(exc, AmbiguousNumber | NonFiniteNumber):
                return str(exc)
            return f"{excerpt(line, 60)} is not a row of numbers"
    return ""


def rows_to_end(lines: list[str], head: Block, rest: str = "") -> np.ndarray | None:
    """The (rows, ncols) array when every line from ``head.start`` to the end of the
    file is a row of ``head.ncols`` numbers, else None (then use ``find_block``,
    ``check_trailer`` and ``to_array``, which name any bad line). ``rest``: the text
    after ``lines`` when only the file's first lines were split (``split_head``).

    ``head`` is ``find_block`` of the file's first lines. The common case, a table that
    runs to the end of the file, is then converted by numpy's C reader in one call
    instead of being checked line by line first. It accepts exactly what the strict
    path accepts: the same characters only (numbers, signs, exponents, the delimiter,
    blanks), one row per line (a blank or skipped line changes the row count and
    sends the file to the strict path), the same column count on every row."""
    body = lines[head.start :]
    if not body:
        return None
    allowed = number_chars(head.delimiter, head.decimal)
    rows = len(body)
    encoded = "\n".join(body).encode("utf-8", "replace")
    if rest:
        # the rows are ASCII or go to the strict path: one bytes copy, never a str one
        encoded += b"\n" + rest.encode("utf-8", "replace")
        rows += rest.count("\n") + (not rest.endswith("\n"))  # as split_lines counts
    if encoded.translate(None, (allowed + "\n").encode("ascii")):
        return None  # another character somewhere: letters, quotes, '#'...
    if head.decimal == ",":
        encoded = encoded.replace(b",", b".")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # numpy warns instead of failing on empty input
            data = np.loadtxt(
                io.BytesIO(encoded), delimiter=head.delimiter, comments=None, ndmin=2,
                dtype=np.float64,
            )  # fmt: skip
    except (ValueError, UserWarning):
        return None
    if data.shape != (rows, head.ncols) or not np.isfinite(data).all():
        return None  # the strict path names the line (1e309 is read as infinity)
    return data


def check_preamble(lines: list[str], block: Block) -> None:
    """Lines above the numbers must be text. The line nearest the table that looks like
    one of its rows (it starts with a digit, has as many cells as the table and at
    least one of them is a number) is refused (BadNumber): for a cell that is not a
    number, or as a complete row cut off from the table by a blank or bad line.
    Otherwise the rows above a single bad cell would be taken for a header and left
    out without a word."""
    for idx in range(block.start - 1, -1, -1):
        s = lines[idx].strip()
        if not s or s[0] in COMMENT_CHARS or not _DATA_START.match(s):
            continue
        cells = split_cells(s, block.delimiter)
        if cells and not cells[-1]:
            cells.pop()  # a trailing delimiter
        numbers = [_number_or_error(c, block.decimal) for c in cells]
        if len(cells) != block.ncols or not any(isinstance(n, float) for n in numbers):
            continue
        for cell, n in zip(cells, numbers):
            if isinstance(n, ValueError):
                raise BadNumber(idx + 1, str(n))
            if n is None:
                raise BadNumber(idx + 1, f"{excerpt(cell)} is not a number")
        raise BadNumber(idx + 1, "a data row cut off from the rows below it")


def _number_or_error(cell: str, decimal: str) -> float | ValueError | None:
    try:
        return float(parse_number(cell, decimal))
    except (AmbiguousNumber, NonFiniteNumber) as exc:
        return exc
    except ValueError:
        return None


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
            except (AmbiguousNumber, NonFiniteNumber) as exc:
                raise BadNumber(idx + 1, str(exc)) from None
            except ValueError:
                if re.match(r"^[+\-]?[\d.,]+$", cell):
                    raise BadNumber(idx + 1, f"{excerpt(cell)} is not a number") from None
        if _ncols(s, block.delimiter) == block.ncols:
            raise BadNumber(idx + 1, "a data row that does not match the rows above it")
    return ignored
