"""JCAMP-DX 4.24 / 5.x spectra (``.jdx``, ``.dx``, ``.jcm``): our own reader.

Why our own: the public ``jcamp`` package failed on 3 of the 8 shared JCAMP files
(TESTSPEC.DX with leading spaces before ``##``, xyinc1 with a DOS end-of-file byte,
the malformed ``(X++(Y..Y)`` label), see ``reference/instrument-formats.md`` 1.1.

What it reads:
* labelled data records ``##LABEL=value`` with labels normalised as the standard
  says (upper case; spaces, dashes, slashes and underscores discarded), leading
  blanks, ``$$`` comments, multi-line values; anything after the last ``##END=``
  (e.g. a Ctrl-Z byte) is ignored;
* ``##XYDATA=(X++(Y..Y))`` in AFFN or any ASDF form (``jcamp_asdf``), scaled by
  XFACTOR/YFACTOR; x rebuilt from FIRSTX/LASTX/NPOINTS and the decoded point count
  checked against NPOINTS (a mismatch is refused, never guessed);
* ``##PEAK TABLE=`` and ``##XYPOINTS=`` ``(XY..XY)`` (also XYW/XYM triples);
* LINK / compound files: blocks nested by ``##TITLE=`` ... ``##END=``, each block
  with data becomes its own measurement;
* ``DATA CLASS=NTUPLES``: every ``##PAGE=`` with a ``##DATA TABLE=`` becomes a
  measurement, its axis and factors taken from the SYMBOL/FIRST/LAST/FACTOR lists.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from workbench.errors import ImportFormatError
from workbench.importers.base import MiB, ParsedFile, ParsedMeasurement, Reader, column
from workbench.importers.jcamp_asdf import (
    AsdfError,
    declared_values,
    decode_groups,
    decode_xpp,
    strip_comment,
)
from workbench.importers.spectrum_common import (
    clean_unit,
    guarded,
    guess_technique,
    known_unit,
    spectrum,
    unit_from_label,
)
from workbench.importers.text import decode, split_lines
from workbench.importers.tga_common import (
    canonical_name,
    normalise_unit,
    split_unit,
    tga_measurement,
)

_LDR = re.compile(r"^\s*##([^=]*)=(.*)$|^\s*##(END)\s*$", re.IGNORECASE)
# ("##END" without "=" closes a block in files of several TGA and NMR programs)
_TABLE_LABELS = {"XYDATA", "PEAKTABLE", "XYPOINTS", "DATATABLE"}


def norm_label(label: str) -> str:
    """A label as the standard compares them: ``xUnits`` == ``X-UNITS`` == ``XUNITS``."""
    return re.sub(r"[\s\-/_]", "", label).upper()


@dataclass
class _Table:
    label: str
    form: str
    line: int
    lines: list[tuple[int, str]] = field(default_factory=list)
    page: str | None = None
    page_ldrs: dict[str, str] = field(default_factory=dict)


@dataclass
class _Block:
    line: int
    ldrs: dict[str, str] = field(default_factory=dict)
    ldr_lines: dict[str, int] = field(default_factory=dict)
    tables: list[_Table] = field(default_factory=list)
    children: list[_Block] = field(default_factory=list)
    page: str | None = None
    page_ldrs: dict[str, str] = field(default_factory=dict)


def parse_blocks(text: str) -> list[_Block]:
    """Every block of the file (outer LINK blocks and their children), in file order.

    Only lines holding ``##`` are examined one by one; the data lines between two
    records are attached to their table in bulk (files hold thousands of them)."""
    lines = split_lines(text)
    records = [(i, m) for i, ln in enumerate(lines) if "##" in ln and (m := _LDR.match(ln))]
    root = _Block(line=0)
    stack = [root]
    blocks: list[_Block] = []
    current: _Table | tuple[_Block, str] | None = None
    for k, (i, m) in enumerate(records):
        current = _record(m, i + 1, stack, root, blocks)
        start, end = i + 1, records[k + 1][0] if k + 1 < len(records) else len(lines)
        if start >= end or current is None:
            continue
        if isinstance(current, _Table):
            current.lines.extend(zip(range(start + 1, end + 1), lines[start:end]))
            continue
        blk, label = current
        for line in lines[start:end]:
            extra = strip_comment(line).strip()
            if extra:
                blk.ldrs[label] = (blk.ldrs[label] + " " + extra).strip()
    return blocks


def _record(m: re.Match[str], lineno: int, stack, root, blocks):
    """Apply one ``##LABEL=value`` record; returns what following lines continue."""
    label = norm_label(m.group(1) if m.group(3) is None else "END")
    value = strip_comment(m.group(2) or "").strip()
    if label == "TITLE":
        blk = _Block(line=lineno)
        stack[-1].children.append(blk)
        stack.append(blk)
        blocks.append(blk)
    elif label == "END":
        if len(stack) > 1:
            stack.pop()
        return None
    blk = stack[-1]
    if blk is root:  # records before any ##TITLE= are not part of a block
        return None
    if label in _TABLE_LABELS:
        tbl = _Table(label, value, lineno, page=blk.page, page_ldrs=dict(blk.page_ldrs))
        blk.tables.append(tbl)
        return tbl
    if label == "PAGE":
        blk.page, blk.page_ldrs = value, {}
    elif blk.page is not None:
        blk.page_ldrs[label] = value
    blk.ldrs[label] = value
    blk.ldr_lines[label] = lineno
    return (blk, label)


class JcampReader(Reader):
    format_id = "jcamp"
    format_label = "JCAMP-DX spectrum"
    kinds = ("spectrum",)
    max_bytes = 32 * MiB
    memory_multiple = 24.0

    def sniff(self, head: bytes, name: str) -> float:
        text = head[:8192].decode("latin-1", errors="replace")
        if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
            text = head[:8192].decode("utf-16", errors="replace")
        if "##" not in text:  # both patterns need it; a plain search is far cheaper
            return 0.0
        if re.search(r"^\s*##\s*(TITLE|JCAMP)", text, re.IGNORECASE | re.MULTILINE):
            return 0.95
        if len(re.findall(r"^\s*##[^=\n]{1,40}=", text, re.MULTILINE)) >= 3:
            return 0.6
        return 0.0

    @guarded
    def parse(self, raw: bytes, path: str) -> ParsedFile:
        text, encoding = decode(raw, path)
        text = text.replace("\x1a", "")  # DOS end-of-file byte after ##END=
        blocks = parse_blocks(text)
        if not blocks:
            raise ImportFormatError(path, "line 1", "a JCAMP-DX block starting with ##TITLE=")
        _check_declared_points(blocks, path)
        stem = Path(path).stem
        measurements: list[ParsedMeasurement] = []
        warnings: list[str] = []
        for index, blk in enumerate(blocks, start=1):
            for tbl in blk.tables:
                try:
                    measurements.extend(_measurements(blk, tbl, index, stem, warnings))
                except AsdfError as exc:
                    raise ImportFormatError(
                        path, f"line {exc.line}", "JCAMP-DX data", str(exc)
                    ) from None
                except _Refused as exc:
                    raise ImportFormatError(
                        path, f"line {exc.line}", exc.expected, exc.detail
                    ) from None
        if not measurements:
            first = blocks[0]
            if first.ldrs.get("DATACLASS", "").upper().startswith("NTUPLES"):
                raise ImportFormatError(path, f"line {first.line}", "NTUPLES pages with data")
            raise ImportFormatError(
                path, f"line {first.line}", "an XYDATA, XYPOINTS or PEAK TABLE record"
            )
        first = next((b for b in blocks if b.ldrs), blocks[0])
        return ParsedFile(
            path=path,
            format_id=self.format_id,
            format_label=self.format_label,
            measurements=measurements,
            instrument=measurements[0].instrument,
            encoding=encoding,
            warnings=warnings,
            metadata={"jcamp_version": first.ldrs.get("JCAMPDX", ""), "blocks": len(blocks)},
        )


MAX_POINTS = 4_000_000
"""The most points one JCAMP-DX file may declare, over all its blocks and pages (an
FT-IR spectrum has some 2,000-60,000; 4 million take about 300 MB while decoding)."""


def _check_declared_points(blocks: list[_Block], path: str) -> None:
    """Refuse a file whose tables declare more than ``MAX_POINTS`` values in all, from
    counts alone (``##NPOINTS=`` and the DUP counts of the compressed data): a 3 KB
    file of DUP counts must not be expanded to gigabytes first."""
    total = 0
    for blk in blocks:
        for tbl in blk.tables:
            declared = declared_values(tbl.lines)
            npoints = blk.page_ldrs.get("NPOINTS") or blk.ldrs.get("NPOINTS") or ""
            with contextlib.suppress(ValueError, IndexError, OverflowError):
                declared = max(declared, int(float(npoints.split()[0])) if npoints else 0)
            total += declared
            if total > MAX_POINTS:
                raise ImportFormatError(
                    path,
                    f"line {tbl.line}",
                    f"at most {MAX_POINTS:,} data points in one JCAMP-DX file",
                    f"its tables declare more than {min(total, 10**12):,}; nothing was decoded",
                )


class _Refused(Exception):
    def __init__(self, line: int, expected: str, detail: str = "") -> None:
        super().__init__(expected)
        self.line, self.expected, self.detail = line, expected, detail


def _num(blk: _Block, ldrs: dict[str, str], key: str, default: float | None = None):
    text = ldrs.get(key)
    if text is None or not text.strip():
        return default
    try:
        return float(text.split()[0].replace(",", "."))
    except ValueError:
        raise _Refused(
            blk.ldr_lines.get(key, blk.line), f"a number for ##{key}=", repr(text)
        ) from None


def _axis_unit(text: str | None) -> str:
    """The unit of ``##XUNITS=``/``##YUNITS=``: a unit name ("1/CM"), or the unit in a
    label ("Wavelength (nm)", as NIST's UV/Vis files write it)."""
    unit = clean_unit(text)
    if unit and not known_unit(text):
        return unit_from_label(text) or unit
    return unit


def _list(text: str) -> list[str]:
    return [t.strip() for t in text.split(",")]


def _measurements(
    blk: _Block, tbl: _Table, index: int, stem: str, warnings: list[str]
) -> list[ParsedMeasurement]:
    ldrs = dict(blk.ldrs)
    form = re.sub(r"\s", "", tbl.form).upper()
    x_unit = _axis_unit(ldrs.get("XUNITS"))
    y_unit = _axis_unit(ldrs.get("YUNITS"))
    xfactor = _num(blk, ldrs, "XFACTOR", 1.0)
    yfactor = _num(blk, ldrs, "YFACTOR", 1.0)
    firstx = _num(blk, ldrs, "FIRSTX")
    lastx = _num(blk, ldrs, "LASTX")
    npoints = _num(blk, ldrs, "NPOINTS")
    deltax = _num(blk, ldrs, "DELTAX")
    page_label = ""
    if tbl.label == "DATATABLE" and _tuple_letters(form):
        return [_tuple_page(blk, tbl, form, index, stem)]
    if tbl.label == "DATATABLE":
        nt = _ntuple_axes(blk, form)
        if nt is None:
            raise _Refused(tbl.line, "an NTUPLES DATA TABLE whose variables are declared")
        x_unit, y_unit, xfactor, yfactor, firstx, lastx, npoints = nt
        page_ldrs = {k: v for k, v in tbl.page_ldrs.items() if k in ("NPOINTS", "FIRST", "LAST")}
        if "NPOINTS" in page_ldrs:
            npoints = _num(blk, page_ldrs, "NPOINTS")
        deltax = None
        page_label = tbl.page or ""
    if "X++(" in form:
        dec = decode_xpp(tbl.lines)
        warnings.extend(dec.warnings)
        y = dec.y * yfactor
        n = y.size
        if npoints is not None and round(npoints) != n:
            raise _Refused(
                tbl.line,
                f"{round(npoints)} points as ##NPOINTS= declares",
                f"{n} ordinates decoded",
            )
        if firstx is not None and lastx is not None:
            x = np.linspace(firstx, lastx, n) if n > 1 else np.array([firstx])
        elif firstx is not None and deltax is not None:
            x = firstx + deltax * np.arange(n)
        elif dec.line_x.size:
            x = _x_from_lines(dec.line_x * xfactor, dec.line_index, n)
        else:
            raise _Refused(tbl.line, "##FIRSTX= and ##LASTX= for an (X++(Y..Y)) table")
        _check_line_x(x, dec.line_x * xfactor, dec.line_index, deltax, warnings)
    elif "XY" in form and ".." in form:
        width = 3 if re.search(r"XY[WMA]", form) else 2
        g = decode_groups(tbl.lines, width)
        x = g[:, 0] * xfactor
        y = g[:, 1] * yfactor
        if npoints is not None and round(npoints) != x.size:
            warnings.append(
                f"block {index}: ##NPOINTS={round(npoints)} but {x.size} points are listed"
            )
    else:
        raise _Refused(tbl.line, "a table form (X++(Y..Y)) or (XY..XY)", tbl.form)
    title = ldrs.get("TITLE", "").strip()
    if _is_thermal(ldrs.get("DATATYPE", ""), [ldrs.get("XUNITS", ""), ldrs.get("YUNITS", "")]):
        return [_tga_from_xy(blk, x, y, index, stem)]
    label = title or f"{stem} block {index}"
    if page_label:
        label = f"{label} ({page_label})"
    data_type = ldrs.get("DATATYPE", "")
    meta = {
        "title": title,
        "data_type": data_type,
        "data_class": ldrs.get("DATACLASS", "") or tbl.label,
        "origin": ldrs.get("ORIGIN", ""),
        "owner": ldrs.get("OWNER", ""),
        "date": ldrs.get("LONGDATE", "") or ldrs.get("DATE", ""),
        "time": ldrs.get("TIME", ""),
        "x_unit_raw": ldrs.get("XUNITS", ""),
        "y_unit_raw": ldrs.get("YUNITS", ""),
        "block": index,
        "jcamp_labels": {k: v for k, v in ldrs.items() if len(v) < 500},
    }
    if page_label:
        meta["page"] = page_label
    return [
        spectrum(
            x,
            y,
            x_unit=x_unit,
            y_unit=y_unit,
            label=label,
            sample_name=ldrs.get("$SAMPLENAME") or title or None,
            instrument=ldrs.get("SPECTROMETERDATASYSTEM", "") or ldrs.get("INSTRUMENT", ""),
            technique=guess_technique(data_type, x_unit, x),
            metadata=meta,
        )
    ]


def _x_from_lines(line_x: np.ndarray, line_index: np.ndarray, n: int) -> np.ndarray:
    """x interpolated from the abscissae written at the start of each line."""
    if line_x.size >= 2 and line_index[-1] > line_index[0]:
        step = (line_x[-1] - line_x[0]) / (line_index[-1] - line_index[0])
        return line_x[0] + step * (np.arange(n) - line_index[0])
    return np.full(n, line_x[0] if line_x.size else np.nan)


def _check_line_x(x, line_x, line_index, deltax, warnings: list[str]) -> None:
    """Warn when the abscissa written on a line is far from the rebuilt x (a sign of
    a decoding problem or an inconsistent header)."""
    if x.size < 2 or not line_x.size:
        return
    idx = np.clip(line_index, 0, x.size - 1)
    # the step of the x the points get (a DELTAX that disagrees with FIRSTX/LASTX and
    # NPOINTS, as in some converted files, would flag every line)
    step = abs(x[-1] - x[0]) / (x.size - 1) if x[-1] != x[0] else abs(deltax or 0.0)
    off = np.abs(x[idx] - line_x)
    bad = int(np.count_nonzero(off > 1.5 * step + 1e-9 * np.abs(line_x)))
    if bad:
        warnings.append(f"{bad} line abscissa(e) differ from FIRSTX/LASTX by more than a step")


def _tuple_letters(form: str) -> str:
    """The variable symbols of a tuple table form: "(XYT..XYT)" -> "XYT" ("" for the
    (X++(Y..Y)) form and plain pairs, which the spectrum path reads)."""
    m = re.match(r"\(([A-Z]{3,8})\.\.([A-Z]{3,8})\)", form)
    return m.group(1) if m and m.group(1) == m.group(2) else ""


_THERMAL_WORDS = re.compile(r"TGA|THERMOGRAV|DSC|\bTG\b|TEMP|WEIGHT|MASS\b|°C", re.IGNORECASE)


def _is_thermal(data_type: str, names: list[str]) -> bool:
    """A JCAMP-DX block of thermal analysis data (TGA: temperature, weight, time) rather
    than a spectrum: said by its DATA TYPE, or by its variables' names and units."""
    if re.search(r"TGA|THERMOGRAV|\bTG\b", data_type, re.IGNORECASE):
        return True
    return sum(bool(_THERMAL_WORDS.search(n)) for n in names) >= 2


def _tga_from_xy(blk: _Block, x, y, index: int, stem: str) -> ParsedMeasurement:
    """A TGA block written as x/y (XUNITS ``Ts [°C]``, YUNITS ``Value [mg]``)."""
    columns = []
    for key, values in (("XUNITS", x), ("YUNITS", y)):
        name, unit = split_unit(blk.ldrs.get(key, ""))
        columns.append((name, unit, values))
    return _tga_measurement(blk, columns, index, stem)


def _tuple_page(blk: _Block, tbl: _Table, form: str, index: int, stem: str) -> ParsedMeasurement:
    """An NTUPLES page of tuples, ``##DATA TABLE= (XYT..XYT)``: one row per point, one
    value per declared variable (``##SYMBOL=``, ``##VAR_NAME=``, ``##UNITS=``,
    ``##FACTOR=``). TGA data (temperature, weight, time) become a TGA curve; other
    tuples a spectrum of the first two variables with the rest as extra columns."""
    letters = _tuple_letters(form)
    symbols = [s.upper() for s in _list(blk.ldrs.get("SYMBOL", ""))]
    missing = [c for c in letters if c not in symbols]
    if missing:
        raise _Refused(
            tbl.line, f"##SYMBOL= declaring {', '.join(missing)} of the table {tbl.form!r}"
        )
    names = _list(blk.ldrs.get("VARNAME", ""))
    units = _list(blk.ldrs.get("UNITS", ""))
    factors = _list(blk.ldrs.get("FACTOR", ""))
    data = decode_groups(tbl.lines, len(letters))
    columns = []
    for j, letter in enumerate(letters):
        i = symbols.index(letter)
        factor = 1.0
        if i < len(factors) and factors[i]:
            try:
                factor = float(factors[i])
            except ValueError:
                raise _Refused(tbl.line, "numbers in ##FACTOR=", factors[i]) from None
        name = names[i] if i < len(names) and names[i] else letter
        unit = units[i] if i < len(units) else ""
        columns.append((name, unit, data[:, j] * factor))
    if _is_thermal(blk.ldrs.get("DATATYPE", ""), [f"{n} {u}" for n, u, _ in columns]):
        meta_page = {"page": tbl.page} if tbl.page else {}
        m = _tga_measurement(blk, columns, index, stem)
        m.metadata.update(meta_page)
        return m
    (x_name, x_unit, x), (y_name, y_unit, y) = columns[0], columns[1]
    m = spectrum(
        x, y, x_unit=clean_unit(x_unit), y_unit=clean_unit(y_unit), x_label=x_name,
        y_label=y_name, label=(blk.ldrs.get("TITLE", "").strip() or f"{stem} block {index}"),
        sample_name=blk.ldrs.get("TITLE", "").strip() or None,
        metadata={"page": tbl.page or "", "data_class": "NTUPLES", "block": index},
    )  # fmt: skip
    for name, unit, values in columns[2:]:
        key = re.sub(r"\W+", "_", name.lower()).strip("_") or "column"
        m.columns[key] = column(key, clean_unit(unit), values, label=name)
    return m


def _tga_measurement(blk: _Block, columns, index: int, stem: str) -> ParsedMeasurement:
    headers, arrays = [], []
    for name, unit, values in columns:
        canon = canonical_name(name)
        unit = normalise_unit(unit)
        if canon not in ("temperature", "time", "program_temperature") and unit in (
            "mg",
            "g",
            "µg",
            "%",
        ):
            canon = "mass"  # "Value [mg]", "Weight": the curve's mass signal
        headers.append((canon, unit, f"{name} [{unit}]" if unit else name))
        arrays.append(np.asarray(values, dtype=np.float64))
    title = blk.ldrs.get("TITLE", "").strip()
    return tga_measurement(
        headers,
        np.column_stack(arrays),
        sample_name=title or None,
        label=f"TGA {title}".strip() or f"{stem} block {index}",
        metadata={
            "data_type": blk.ldrs.get("DATATYPE", ""),
            "block": index,
            "jcamp_labels": {k: v for k, v in blk.ldrs.items() if len(v) < 500},
        },
    )


def _ntuple_axes(blk: _Block, form: str):
    """(x_unit, y_unit, xfactor, yfactor, first, last, npoints) of an NTUPLES table."""
    symbols = [s.upper() for s in _list(blk.ldrs.get("SYMBOL", ""))]
    m = re.match(r"\(?([A-Z]+)\+\+\(([A-Z]+)\.\.", form) or re.match(r"\(([A-Z])([A-Z])\.\.", form)
    if not m or m.group(1) not in symbols or m.group(2) not in symbols:
        return None
    ix, iy = symbols.index(m.group(1)), symbols.index(m.group(2))

    def pick(key: str, i: int) -> str:
        vals = _list(blk.ldrs.get(key, ""))
        return vals[i] if i < len(vals) else ""

    def fnum(key: str, i: int, default):
        try:
            return float(pick(key, i))
        except ValueError:
            return default

    return (
        clean_unit(pick("UNITS", ix)),
        clean_unit(pick("UNITS", iy)),
        fnum("FACTOR", ix, 1.0),
        fnum("FACTOR", iy, 1.0),
        fnum("FIRST", ix, None),
        fnum("LAST", ix, None),
        fnum("VARDIM", ix, None),
    )


READERS = [JcampReader()]
