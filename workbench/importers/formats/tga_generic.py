"""Generic TGA tables: a header row naming time / temperature / mass columns, then rows.

Covers instrument CSV exports without a richer vendor layout, e.g. the Setaram-style
``Time (s);Furnace Temperature (°C);Sample Temperature (°C);TG (mg)`` and simple
``Temperature (°C),Weight (mg),Weight (%)`` tables, in English or Finnish
(aika, lämpötila, massa, paino). The delimiter is sniffed, the decimal mark guessed
from the data (comma only when no cell uses a point as one), and every value parsed
strictly: dots used as thousands separators (``50.026.184``) are refused with the line
and value, never guessed.
"""

from __future__ import annotations

import re

from workbench.errors import ImportFormatError
from workbench.importers.base import MiB, ParsedFile, Reader
from workbench.importers.numtable import majority_decimal, parse_block
from workbench.importers.text import contains_word, decode, sniff_delimiter, split_lines
from workbench.importers.tga_common import canonical_name, split_unit, tga_measurement

_TEMP = re.compile(r"temp|lämpötila|lampotila|\bts\b", re.I)
_MASS = re.compile(r"\b(mass|weight|tg|massa|paino)\b", re.I)
_MASS_WORDS = ("mass", "weight", "tg", "paino")  # what _MASS can match in ASCII text
_TIME = re.compile(r"\b(time|aika)\b", re.I)
_SPECTRAL = re.compile(r"wavenumber|wavelength|cm-1|cm\^-1|1/cm|\bnm\b|raman|absorb", re.I)


def _header_index(lines: list[str]) -> int | None:
    """Index of the first line that names a temperature or time column and a mass one."""
    for i, line in enumerate(lines[:30]):
        named = _MASS.search(line) and (_TEMP.search(line) or _TIME.search(line))
        if named and not _SPECTRAL.search(line) and not re.match(r"^\s*#", line):
            return i
    return None


_BLANK_HEADER_SPLIT = re.compile(r"\s+(?![\(\[])")  # "Time (min) Mass (mg)": 2 names


def _blank_columns(header: str, rows: list[str]) -> list[str] | None:
    """The column names of a blank-separated header (``Time Temperature Mass``,
    ``Time (min)  Temperature (°C)  Mass (mg)``) when the rows below hold as many
    numbers; None otherwise."""
    names = [c for c in _BLANK_HEADER_SPLIT.split(header.strip()) if c]
    rows = [r for r in rows if r.strip()]
    if len(names) < 2 or not rows:
        return None
    for row in rows:
        cells = row.split()
        if len(cells) != len(names) or not all(_NUMBERISH.match(c) for c in cells):
            return None
    return names


_NEEDS_UNIT = ("time", "temperature", "mass", "program_temperature", "furnace_temperature")
_NUMBERISH = re.compile(r"^[+-]?[\d.,]+(?:[eE][+-]?\d+)?$")


class GenericTgaReader(Reader):
    format_id = "tga_generic"
    format_label = "TGA table (time / temperature / mass)"
    kinds = ("tga",)
    max_bytes = 32 * MiB
    memory_multiple = 24.0

    def sniff(self, head: bytes, name: str) -> float:
        try:
            text, _ = decode(
                head[: len(head) & ~1] if head[:2] in (b"\xff\xfe", b"\xfe\xff") else head, name
            )
        except ImportFormatError:
            return 0.0
        lines = split_lines(text)[:30]
        if not contains_word("\n".join(lines), _MASS_WORDS, _MASS):
            return 0.0  # no line names a mass (one search instead of one per line)
        i = _header_index(lines)
        if i is None:
            return 0.0
        delim = sniff_delimiter(lines[i : i + 5])
        if delim is None and _blank_columns(lines[i], lines[i + 1 : i + 6]) is None:
            return 0.0
        return 0.6

    def parse(self, raw: bytes, path: str) -> ParsedFile:
        text, encoding = decode(raw, path)
        lines = split_lines(text)
        i = _header_index(lines)
        if i is None:
            raise ImportFormatError(
                path, "line 1", "a header naming temperature or time and mass/weight columns"
            )
        body = lines[i + 1 :]
        while body and not body[-1].strip():
            body.pop()
        delim = sniff_delimiter([lines[i], *body[:20]])
        if delim is None:
            cells = _blank_columns(lines[i], body[:5])
            if cells is None:
                raise ImportFormatError(
                    path,
                    f"line {i + 1}",
                    "columns separated by tabs, ';', ',' or blanks, one name per column",
                )
        else:
            cells = [c.strip().strip('"') for c in lines[i].split(delim)]
        while cells and not cells[-1]:
            cells.pop()
        sample_cells = [c for row in body[:200] for c in row.split(delim)]
        decimal = majority_decimal(sample_cells, delim)
        data = parse_block(body, i + 2, delim, decimal, path, cells)
        if data.shape[0] == 0:
            raise ImportFormatError(path, f"line {i + 2}", "data rows after the header")
        headers = []
        for cell in cells:
            name, unit = split_unit(cell)
            headers.append((canonical_name(name), unit, cell))
        m = tga_measurement(
            headers,
            data,
            sample_name=None,
            label="TGA",
            metadata={"decimal_mark": decimal, "delimiter": delim or "blanks"},
        )
        unitless = [h[0] for h in headers if not h[1] and h[0] in _NEEDS_UNIT]
        warnings = []
        if unitless:
            warnings.append(
                f"the file states no unit for {', '.join(unitless)}; the values are kept "
                "as written, without one"
            )
        return ParsedFile(
            path=path,
            format_id=self.format_id,
            format_label=self.format_label,
            measurements=[m],
            encoding=encoding,
            warnings=warnings,
        )


READERS = [GenericTgaReader()]
