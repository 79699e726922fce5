"""Excel workbooks (``.xlsx``) as tables the text readers understand.

Labs keep gravimetric worksheets, fibre analyser summaries and lab reports in Excel.
Every reader that takes a table (gravimetric worksheets, fibre reports and per-particle
lists, TGA tables, spectral tables, property tables through templates) takes a
worksheet too: a sheet is turned into tab-separated text, one line per row, and read by
the same readers and rules as a text export (``formats.xlsx``). Numbers keep their full
precision (the shortest text that reads back to the same double) with a decimal
point; dates become ISO 8601 text; a cell's tabs and line breaks become blanks.

openpyxl (already used for the XLSX export) reads the workbook in its streaming mode.
Formulas are read as the result the file stores with them; a formula stored without a
result (a file written by a program that does not calculate, or saved with manual
calculation) is read as an empty cell and named in a warning, never guessed.

Workbooks from others are untrusted ZIP files: the members' declared sizes, count and
compression ratio are checked before anything is unpacked (a ZIP bomb of a few KB can
declare gigabytes), and a sheet may hold at most ``MAX_CELLS`` cells.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
import zipfile
from dataclasses import dataclass, field

from workbench.errors import ImportFormatError

MAX_UNPACKED = 512 * 1024 * 1024  # all members together, as declared
MAX_RATIO = 200  # declared size / compressed size of one member (XML packs ~10-20x)
MAX_MEMBERS = 5000
MAX_CELLS = 20_000_000  # of one workbook (Excel's own limit is 17 billion per sheet)
_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[ >/]")


@dataclass
class Sheet:
    """One worksheet (or the cell range of one) as rows of cell texts."""

    name: str
    rows: list[list[str]]
    first_row: int = 1  # the sheet row of ``rows[0]``
    first_col: int = 1
    no_result: list[str] = field(default_factory=list)  # cells: formula without a result
    error_cells: list[str] = field(default_factory=list)  # cells holding #DIV/0! etc.

    def text(self) -> str:
        """The sheet as tab-separated lines (see ``table_text``)."""
        return table_text(self.rows)

    def row_of_line(self, line: int) -> int:
        """The sheet row of a 1-based line of ``text()``."""
        return self.first_row + line - 1


def check_archive(raw: bytes, path: str) -> zipfile.ZipFile:
    """The open ZIP, after its directory passed the size checks (nothing unpacked)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ImportFormatError(path, "ZIP directory", "a complete ZIP file", str(exc)) from None
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise ImportFormatError(
            path, "ZIP directory", f"at most {MAX_MEMBERS} members", f"{len(infos)}"
        )
    total = sum(i.file_size for i in infos)
    if total > MAX_UNPACKED:
        raise ImportFormatError(
            path,
            "ZIP directory",
            f"at most {MAX_UNPACKED // 2**20} MiB when unpacked",
            f"its members declare {total / 2**20:.0f} MiB; nothing was unpacked",
        )
    for info in infos:
        if info.file_size > 1_000_000 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ImportFormatError(
                path,
                f"ZIP member {info.filename[:80]!r}",
                f"a compression ratio of at most {MAX_RATIO}:1",
                f"{info.file_size / max(info.compress_size, 1):.0f}:1 (a ZIP bomb?); "
                "nothing was unpacked",
            )
    return archive


def sheet_names(raw: bytes, path: str) -> list[str]:
    """The worksheet names of a workbook, in the workbook's order."""
    try:
        with _open(raw, path) as wb:
            return [ws.title for ws in wb.worksheets]
    except ImportFormatError:
        raise
    except Exception as exc:
        raise ImportFormatError(
            path, "workbook", "a readable Excel workbook (.xlsx)", f"{type(exc).__name__}: {exc}"
        ) from None


def read_sheets(
    raw: bytes, path: str, *, sheet: str | None = None, cell_range: str | None = None
) -> list[Sheet]:
    """Every worksheet (or the one named ``sheet``, limited to ``cell_range`` such as
    ``"B3:H40"``) as rows of cell texts, with the formulas that lack a stored result.

    A damaged workbook is refused in one line: openpyxl and zlib raise many kinds of
    errors on broken parts, all of which mean the same to the user."""
    try:
        return _read_sheets(raw, path, sheet, cell_range)
    except ImportFormatError:
        raise
    except Exception as exc:
        raise ImportFormatError(
            path, "workbook", "a readable Excel workbook (.xlsx)", f"{type(exc).__name__}: {exc}"
        ) from None


def _read_sheets(raw: bytes, path: str, sheet: str | None, cell_range: str | None) -> list[Sheet]:
    archive = check_archive(raw, path)
    with archive:
        formula_parts = {
            name for name in archive.namelist() if name.startswith("xl/worksheets/") and
            _FORMULA_TAG.search(archive.read(name))
        }  # fmt: skip
    bounds = _range(cell_range, path) if cell_range else None
    out: list[Sheet] = []
    cells = 0
    with _open(raw, path) as wb:
        names = [ws.title for ws in wb.worksheets]
        if sheet is not None and sheet not in names:
            raise ImportFormatError(
                path, "workbook", f"a sheet named {sheet!r}", f"its sheets are {names}"
            )
        formulas: dict[str, set[str]] = {}
        if formula_parts:
            formulas = _formula_cells(raw, path, sheet, bounds)
        for ws in wb.worksheets:
            if sheet is not None and ws.title != sheet:
                continue
            result = Sheet(ws.title, [])
            if bounds:
                result.first_col, result.first_row = bounds[0], bounds[1]
            kwargs = _iter_args(bounds)
            for r, row in enumerate(ws.iter_rows(values_only=True, **kwargs)):
                cells += len(row)
                if cells > MAX_CELLS:
                    raise ImportFormatError(
                        path, f"sheet {ws.title!r}", f"at most {MAX_CELLS:,} cells in a workbook"
                    )
                texts = []
                for c, value in enumerate(row):
                    ref = _ref(result.first_row + r, result.first_col + c)
                    if value is None and ref in formulas.get(ws.title, ()):
                        result.no_result.append(ref)
                    elif isinstance(value, str) and value in _ERRORS:
                        result.error_cells.append(ref)
                    texts.append(cell_text(value))
                result.rows.append(texts)
            _drop_trailing_blank_rows(result.rows)
            out.append(result)
    return out


_ERRORS = {"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#GETTING_DATA"}


def _open(raw: bytes, path: str):
    """openpyxl's streaming workbook of the cached values (a context manager)."""
    import openpyxl

    check_archive(raw, path).close()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "unknown extension", "no default style"...
            wb = openpyxl.load_workbook(
                io.BytesIO(raw), read_only=True, data_only=True, keep_links=False
            )
    except Exception as exc:  # openpyxl raises many types for a damaged workbook
        raise ImportFormatError(
            path, "workbook", "a readable Excel workbook (.xlsx)", f"{type(exc).__name__}: {exc}"
        ) from None
    return _Closing(wb)


class _Closing:
    def __init__(self, wb) -> None:
        self.wb = wb

    def __enter__(self):
        return self.wb

    def __exit__(self, *exc) -> None:
        self.wb.close()


def _formula_cells(
    raw: bytes, path: str, sheet: str | None, bounds: tuple[int, int, int, int] | None
) -> dict[str, set[str]]:
    """Per sheet, the cells that hold a formula (openpyxl's formula view)."""
    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
    out: dict[str, set[str]] = {}
    try:
        for ws in wb.worksheets:
            if sheet is not None and ws.title != sheet:
                continue
            first_row = bounds[1] if bounds else 1
            first_col = bounds[0] if bounds else 1
            refs = set()
            for r, row in enumerate(ws.iter_rows(values_only=True, **_iter_args(bounds))):
                for c, value in enumerate(row):
                    if (isinstance(value, str) and value.startswith("=")) or type(
                        value
                    ).__name__ in ("ArrayFormula", "DataTableFormula"):
                        refs.add(_ref(first_row + r, first_col + c))
            out[ws.title] = refs
    finally:
        wb.close()
    return out


def _range(text: str, path: str) -> tuple[int, int, int, int]:
    from openpyxl.utils.cell import range_boundaries

    try:
        min_col, min_row, max_col, max_row = range_boundaries(text.strip().upper())
    except (ValueError, TypeError):
        raise ImportFormatError(
            path, "template", "a cell range such as A1:F200", f"found {text!r}"
        ) from None
    if None in (min_col, min_row, max_col, max_row):
        raise ImportFormatError(
            path, "template", "a cell range with both corners, such as A1:F200", f"{text!r}"
        )
    return min_col, min_row, max_col, max_row


def _iter_args(bounds: tuple[int, int, int, int] | None) -> dict[str, int]:
    if not bounds:
        return {}
    min_col, min_row, max_col, max_row = bounds
    return {"min_col": min_col, "min_row": min_row, "max_col": max_col, "max_row": max_row}


def _ref(row: int, col: int) -> str:
    from openpyxl.utils.cell import get_column_letter

    return f"{get_column_letter(col)}{row}"


def cell_text(value: object) -> str:
    """The text of one cell for a tab-separated table."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return repr(value) if value != int(value) or abs(value) >= 1e16 else str(int(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value.total_seconds())
    text = str(value)
    if "\t" in text or "\n" in text or "\r" in text:
        text = " ".join(text.split())
    return text.strip()


def table_text(rows: list[list[str]]) -> str:
    """Rows of cells as tab-separated lines.

    A row of two or more filled cells is a table row and keeps the width of the
    widest such row (an empty last cell is a missing value, as in Excel's own CSV);
    a row of at most one filled cell (a title, a note) loses its trailing empty cells.
    """
    width = 0
    for row in rows:
        filled = [i for i, c in enumerate(row) if c]
        if len(filled) >= 2:
            width = max(width, filled[-1] + 1)
    lines = []
    for row in rows:
        filled = sum(1 for c in row if c)
        if filled >= 2:
            cells = (row + [""] * width)[:width]
        else:
            cells = list(row)
            while cells and not cells[-1]:
                cells.pop()
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def _drop_trailing_blank_rows(rows: list[list[str]]) -> None:
    while rows and not any(rows[-1]):
        rows.pop()
