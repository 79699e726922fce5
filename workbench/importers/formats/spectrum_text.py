"""Spectra exported as text: OMNIC-style CSV, Bruker .dpt, Raman CSV, Agilent .asp.

Why our own: a bare ``numpy.loadtxt`` fails on the trailing comment lines of a
.dpt, on decimal commas, on UTF-16 files and on headers; pandas guesses. Here the
numeric block is found and checked strictly (``numeric_block``), and whatever
the header says about axes and units is kept.

* Two or more numeric columns: the first is x, each further column a spectrum
  (a header row names them). Comma, semicolon, tab or blank separated; decimal
  point or comma; with or without a header; comment lines (``#``, ``;``, text)
  before or after the data are ignored and counted in the warnings.
* Points are kept in FILE ORDER (descending wavenumbers stay descending), as every
  spectrum reader here does (see ``spectrum_common``).
* Agilent ``.asp``: one number per line: point count, first x, last x, three
  undocumented lines, then the y values; x = linspace(first, last, count).

Detection is deliberately modest for a bare two-column table (0.3), so readers of
specific formats (TGA tables with temperature/mass headers) win those files.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import numpy as np

from workbench.errors import ImportFormatError
from workbench.importers.base import MiB, ParsedFile, ParsedMeasurement, Reader
from workbench.importers.numeric_block import (
    COMMENT_CHARS,
    PROBES,
    BadNumber,
    Block,
    check_preamble,
    check_trailer,
    find_block,
    header_cells,
    number_rows,
    rows_to_end,
    to_array,
)
from workbench.importers.spectrum_common import (
    WAVENUMBER,
    clean_unit,
    guarded,
    guess_technique,
    known_unit,
    spectrum,
    unit_from_label,
)
from workbench.importers.text import decode, excerpt, split_head, split_lines

_SPECTRAL_WORDS = re.compile(
    r"wave\s*number|wavelength|raman|cm-1|cm\^-1|cm⁻¹|1/cm|\bnm\b|absorb|transmit|reflect"
    r"|intensity|kubelka|spectr",
    re.IGNORECASE,
)
_OTHER_WORDS = re.compile(
    r"temp|mass|weight|\bmg\b|°c|\btg\b|dtg|heat|time|\bmin\b|moist|\bash\b|fib|\blength"
    r"|pituus|leveys|kosteus|tuhka|massa|lämpö|aika|näyte",
    re.IGNORECASE,
)
# Lines of the head that sniffing looks at: the numbers start within the first few
# dozen lines of every text spectrum export seen, and sniffing runs for every file.
SNIFF_LINES = 120
# Lines a parse splits one by one; the rows below them are read in one piece when
# they all are rows of numbers (a 1,868-point spectrum: 0.2 ms less per file).
HEAD_LINES = 400
_UNIT_IN_HEADER = re.compile(r"[\(\[]([^\)\]]+)[\)\]]|/\s*(\S+)$")


def _head_lines(head: bytes, max_lines: int = 1000) -> list[str]:
    """The first lines of the file for sniffing (a short prefix is decoded: sniffers
    run for every file of a batch and must stay cheap)."""
    try:
        text, _ = decode(head, "sniff")
    except ImportFormatError:
        return []
    lines = split_lines(text.replace('"', "") if '"' in text else text)
    if lines and not text.endswith(("\n", "\r")):
        lines.pop()  # the prefix may end inside a line
    return lines[:max_lines]


class SpectrumTextReader(Reader):
    format_id = "spectrum_text"
    format_label = "Spectrum text export (CSV, DPT)"
    kinds = ("spectrum",)
    max_bytes = 32 * MiB
    memory_multiple = 14.0

    def sniff(self, head: bytes, name: str) -> float:
        if b"\0" in head[:4096] and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
            return 0.0
        lines = _head_lines(head)
        if lines and lines[0].lstrip().startswith("##"):
            return 0.0  # JCAMP-DX labelled records
        # the same question ``parse`` asks first (answered once for both)
        block = find_block(lines, min_rows=3, scan=SNIFF_LINES)
        if block is None or block.ncols < 2:
            return 0.0
        header = lines[block.header] if block.header is not None else ""
        preamble = " ".join(lines[: block.start])
        if _OTHER_WORDS.search(header) or _OTHER_WORDS.search(preamble[:2000]):
            return 0.05
        if _SPECTRAL_WORDS.search(header):
            return 0.7
        try:
            x = to_array(lines, block)[:, 0]
        except BadNumber:
            return 0.1
        monotonic = bool(np.all(np.diff(x) > 0) or np.all(np.diff(x) < 0))
        if not monotonic or (x[0] in (0, 1) and np.all(np.diff(x) == 1)):
            return 0.1  # not an axis, or a row index / particle number
        return 0.3 if block.ncols == 2 else 0.25

    @guarded
    def parse(self, raw: bytes, path: str) -> ParsedFile:
        text, encoding = decode(raw, path)
        if '"' in text:  # quoted cells ("1.5","0.25"): quotes carry nothing here
            text = text.replace('"', "")
        lines, rest = split_head(text, HEAD_LINES)
        probe_at = number_rows(lines) if rest else None
        if probe_at is not None and len(probe_at) < PROBES:
            lines, rest = lines + split_lines(rest), ""  # the table starts further down
            probe_at = None
        block, data, ignored, lines = _read_block(lines, rest, path, probe_at)
        header_at = block.header
        if header_at is None:
            header_at = _commented_header(lines, block)  # "#Energy  Angle  mux ..."
        header = header_cells(lines[header_at], block.delimiter) if header_at is not None else []
        if header and header_at != block.header:
            header[0] = header[0].lstrip(COMMENT_CHARS + " ")
        if header and _SERIES_X.search(header[0]):
            # a time/temperature/heat-flow table is no spectrum, and its columns no samples
            raise ImportFormatError(
                path,
                f"line {header_at + 1}",
                "a spectrum table (x in wavenumbers or wavelengths, then signals)",
                f"its columns {excerpt(', '.join(header), 80)} are a time series or thermal "
                "analysis data (DSC, TGA), not spectra; define an import template "
                "(kind: table) to import them",
            )
        later = next((h for h in header[1:] if _AXIS_NAME.search(h)), None)
        if later and not _AXIS_NAME.search(header[0]):
            raise ImportFormatError(
                path,
                f"line {header_at + 1}",
                "a spectrum table whose first column is its x axis",
                f"column {excerpt(later)} is the spectral axis but {excerpt(header[0])} comes "
                "first; define an import template to say which column is which",
            )
        _check_axis(data[:, 0], block, path)
        warnings = []
        if ignored:
            warnings.append(f"{ignored} comment or text line(s) after the data were ignored")
        x = data[:, 0]
        x_unit, x_label, assumed = _axis_from_header(
            header[0] if header else "", x, Path(path).suffix
        )
        top = header_at if header_at is not None else block.start
        preamble = [ln.strip() for ln in lines[:top] if ln.strip()]
        measurements: list[ParsedMeasurement] = []
        stem = Path(path).stem
        for col in range(1, block.ncols):
            name = header[col] if col < len(header) else ""
            y = data[:, col]
            y_unit = _unit_of(name)
            hint = " ".join([name, header[0] if header else "", *preamble[:5]])
            technique = guess_technique(hint, x_unit, x)
            if technique == "FTIR" and _looks_like_counts(name, y):
                technique = "Raman"
            multi = block.ncols > 2
            label = (f"{stem} {name or f'column {col + 1}'}") if multi else stem
            measurements.append(
                spectrum(
                    x, y, x_unit=x_unit, y_unit=y_unit, x_label=x_label,
                    y_label=re.sub(r"\s*[\(\[].*$", "", name) or "Signal",
                    label=label,
                    sample_name=name if multi and name and not y_unit else None,
                    technique=technique,
                    metadata={"first_data_line": block.start + 1, "column": col + 1,
                              "header": header, "preamble": preamble[:20],
                              **({"x_unit_assumed": assumed} if assumed else {})},
                )
            )  # fmt: skip
        named = [m.sample_name for m in measurements if m.sample_name]
        if named:
            shown = ", ".join(named[:6]) + (" …" if len(named) > 6 else "")
            warnings.append(f"the column names were taken as sample names: {shown}")
        return ParsedFile(
            path=path, format_id=self.format_id, format_label=self.format_label,
            measurements=measurements, encoding=encoding, warnings=warnings,
            metadata={"delimiter": block.delimiter or "blank", "decimal": block.decimal,
                      "rows": int(data.shape[0])},
        )  # fmt: skip


def _read_block(
    lines: list[str], rest: str, path: str, probe_at: list[int] | None = None
) -> tuple[Block, np.ndarray, int, list[str]]:
    """The numeric block, its values, the count of ignored lines after it, and the
    lines the block's line numbers refer to (every line, when the strict path ran).

    ``lines`` are the file's first lines and ``rest`` the text after them (or ""), as
    ``split_head`` gives them: most exports are a header and numbers to the end of the
    file, and those are read in one call (``rows_to_end``) without splitting the rows
    into lines first. Anything else takes the strict path, which splits every line,
    finds the longest run of numeric rows and names any line that is not a row of
    numbers. ``lines`` must hold the lines ``find_block`` probes (``number_rows``);
    ``probe_at``: those lines' indexes when the caller has them (``probe_lines``)."""
    head = find_block(lines, scan=SNIFF_LINES, probe_at=probe_at)
    if head is not None and head.ncols >= 2:
        data = rows_to_end(lines, head, rest)
        if data is not None:
            block = replace(head, end=head.start + data.shape[0])
            try:
                check_preamble(lines, block)
            except BadNumber as exc:
                raise ImportFormatError(path, f"line {exc.line}", "a number", str(exc)) from None
            return block, data, 0, lines
    if rest:
        lines = lines + split_lines(rest)
    block = find_block(lines)
    if block is None or block.ncols < 2:
        raise ImportFormatError(
            path, "line 1", "at least three rows of x and y numbers (a spectrum table)"
        )
    try:
        check_preamble(lines, block)
        ignored = check_trailer(lines, block)
        data = to_array(lines, block)
    except BadNumber as exc:
        raise ImportFormatError(path, f"line {exc.line}", "a number", str(exc)) from None
    return block, data, ignored, lines


_AXIS_NAME = re.compile(r"wave\s*number|wavelength|raman\s*shift|cm-1|cm\^-1|1/cm", re.I)
# an x column named so is a time series or thermal analysis, not a spectrum's axis
_SERIES_X = re.compile(r"\b(time|aika|temp\.?|temperature|lämpötila)\b", re.I)


def _commented_header(lines: list[str], block: Block) -> int | None:
    """The line just above the numbers when it is a comment naming as many columns as
    the table has ("#Energy  Angle  mux"), else None."""
    h = block.start - 1
    while h >= 0 and not lines[h].strip():
        h -= 1
    if h < 0 or lines[h].lstrip()[:1] not in COMMENT_CHARS:
        return None
    body = lines[h].lstrip().lstrip(COMMENT_CHARS).strip()
    return h if body and len(header_cells(body, block.delimiter)) == block.ncols else None


def _check_axis(x: np.ndarray, block: Block, path: str) -> None:
    """x must run one way (repeated values allowed): a column that jumps about or stays
    constant is a position, index or counter, not a spectrum's axis."""
    steps = np.diff(x[np.isfinite(x)])
    if steps.size and (np.all(steps >= 0) or np.all(steps <= 0)) and np.any(steps != 0):
        return
    raise ImportFormatError(
        path,
        f"line {block.start + 1}",
        "a spectrum table whose first column is its x axis (values rising or falling)",
        "the first column does not run one way; the table is not a spectrum (a map, an "
        "image or a list of positions); define an import template to read it",
    )


def _unit_of(name: str) -> str:
    m = _UNIT_IN_HEADER.search(name)
    if m:
        return clean_unit(m.group(1) or m.group(2))
    return known_unit(name)


def _axis_from_header(name: str, x: np.ndarray, suffix: str) -> tuple[str, str, str]:
    """(unit, label, why the unit was assumed or "") of the x column from its header."""
    unit = unit_from_label(name)
    label = re.sub(r"\s*[\(\[/].*$", "", name).strip()
    assumed = ""
    finite = x[np.isfinite(x)]
    top = float(np.max(np.abs(finite))) if finite.size else 0.0
    if not unit and "wavelength" in name.lower():
        unit = "nm" if top > 100 else "µm"
        assumed = f"the header says wavelength without a unit; {unit} from the range of x"
    elif not unit and not name and (top > 2600 or suffix.lower() == ".dpt" or _falling(finite)):
        unit = WAVENUMBER
        assumed = (
            "the file has no header; wavenumbers assumed, as OMNIC and OPUS (.dpt) text "
            "exports write them"
        )
    return unit, label.capitalize() if label else "", assumed


def _falling(x: np.ndarray) -> bool:
    """An axis written from high to low, as FT-IR software writes wavenumbers."""
    return x.size > 2 and bool(np.all(np.diff(x) < 0)) and float(x.min()) >= 100


def _looks_like_counts(name: str, y: np.ndarray) -> bool:
    if re.search(r"intensity|counts", name, re.IGNORECASE):
        return True
    finite = y[np.isfinite(y)]
    return bool(finite.size and np.all(finite == np.round(finite)) and finite.max() > 100)


_FIRST_LINE = re.compile(rb"[^\r\n]*")
# An ASCII letter or a decimal mark or delimiter: such a line is no count of points in
# any encoding but UTF-16 (hence the NUL test), whatever is stripped around it.
_NOT_A_COUNT = re.compile(rb"[A-Za-z.,;]")


class AgilentAspReader(Reader):
    format_id = "agilent_asp"
    format_label = "Agilent .asp spectrum"
    kinds = ("spectrum",)
    max_bytes = 32 * MiB
    memory_multiple = 16.0

    def sniff(self, head: bytes, name: str) -> float:
        first = _FIRST_LINE.match(head).group()
        if b"\0" not in first and _NOT_A_COUNT.search(first):
            return 0.0  # the first line holds no point count (checked before decoding)
        lines = [ln.strip() for ln in _head_lines(head[:512], 9)[:8]]
        if len(lines) < 8 or not lines[0].isdigit():
            return 0.0
        try:
            first, last = float(lines[1]), float(lines[2])
            [float(v) for v in lines[3:8]]
        except ValueError:
            return 0.0
        return 0.85 if first != last and int(lines[0]) > 1 else 0.0

    @guarded
    def parse(self, raw: bytes, path: str) -> ParsedFile:
        text, encoding = decode(raw, path)
        lines = [ln.strip() for ln in split_lines(text)]
        while lines and not lines[-1]:
            lines.pop()
        try:
            npts = int(lines[0])
            first, last = float(lines[1]), float(lines[2])
        except (IndexError, ValueError):
            raise ImportFormatError(
                path, "line 1", "a point count, then the first and last x value"
            ) from None
        values = lines[6:]
        if len(values) != npts:
            raise ImportFormatError(
                path, f"line {7 + len(values)}", f"{npts} y values as line 1 declares",
                f"{len(values)} found",
            )  # fmt: skip
        try:
            y = np.array(values, dtype=np.float64)
        except ValueError:
            bad = next(i for i, v in enumerate(values) if not _is_float(v))
            raise ImportFormatError(path, f"line {7 + bad}", "a number", values[bad]) from None
        x = np.linspace(first, last, npts)
        m = spectrum(
            x, y, x_unit=WAVENUMBER, y_unit="", label=Path(path).stem,
            technique=guess_technique("", WAVENUMBER, x),
            metadata={"asp_header": lines[3:6]},
        )  # fmt: skip
        return ParsedFile(
            path=path, format_id=self.format_id, format_label=self.format_label,
            measurements=[m], encoding=encoding,
            warnings=["the .asp file states no units; x is taken as cm⁻¹ (Agilent FTIR)"],
        )  # fmt: skip


def _is_float(v: str) -> bool:
    try:
        float(v)
    except ValueError:
        return False
    return True


READERS = [SpectrumTextReader(), AgilentAspReader()]
