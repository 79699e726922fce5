"""NETZSCH Proteus ASCII export (``#EXPORTTYPE:DATA SINGLE`` / ``DATA ALL``).

Layout (instrument-formats.md 3.2): ``#KEY:value`` header lines with units inside the
key (``#SAMPLE MASS /mg:8.91``), a blank line, a column header prefixed ``##``
(``##Temp./°C;Time/min;Mass/%``), then right-aligned rows. The file declares its own
``#DECIMAL`` (POINT/COMMA) and ``#SEPARATOR`` (SEMICOLON/COMMA/TAB) and they are
obeyed. ``#FTYPE:ANSI`` means cp1252; an ``#FTYPE:ASCII`` export writes the degree
sign as byte 0x9B, which is mapped back to °. Header text may use a decimal comma even
when the data use points (``15,0(K/min)``); header numbers are read leniently, data
strictly.
"""

from __future__ import annotations

import re

import numpy as np

from workbench.errors import ImportFormatError
from workbench.importers.base import MiB, ParsedFile, Reader
from workbench.importers.numtable import parse_block
from workbench.importers.text import split_lines
from workbench.importers.tga_common import canonical_name, first_float, split_unit, tga_measurement

_SEPARATORS = {"SEMICOLON": ";", "COMMA": ",", "TAB": "\t", "TABULATOR": "\t", "SPACE": None}
_DECIMALS = {"POINT": ".", "COMMA": ","}


def _decode(raw: bytes, path: str) -> tuple[str, str]:
    """Decode per ``#FTYPE``: ANSI -> cp1252; ASCII -> cp1252 with 0x9B read as °."""
    head = raw[:4096].decode("latin-1")
    m = re.search(r"#FTYPE:\s*(\w+)", head)
    ftype = m.group(1).upper() if m else ""
    if raw.startswith(b"\xef\xbb\xbf") or ftype in ("UTF8", "UTF-8", "UNICODE"):
        try:
            return raw.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError as exc:
            raise ImportFormatError(path, f"byte 0x{exc.start:x}", "UTF-8 text") from None
    if ftype == "ASCII" or b"\x9b" in raw:
        return raw.replace(b"\x9b", b"\xb0").decode("cp1252", errors="replace"), "ascii+0x9B"
    return raw.decode("cp1252", errors="replace"), "cp1252"


class NetzschReader(Reader):
    format_id = "tga_netzsch"
    format_label = "NETZSCH Proteus ASCII export (TGA/STA)"
    kinds = ("tga",)
    max_bytes = 32 * MiB
    memory_multiple = 24.0

    def sniff(self, head: bytes, name: str) -> float:
        h = head[:4096].lstrip(b"\xef\xbb\xbf \r\n")
        if h.startswith(b"#EXPORTTYPE:") or b"#FORMAT:NETZSCH" in h:
            return 0.97
        if b"#INSTRUMENT:NETZSCH" in h and b"\n##" in h:
            return 0.95
        return 0.0

    def parse(self, raw: bytes, path: str) -> ParsedFile:
        text, encoding = _decode(raw, path)
        lines = split_lines(text)
        header: dict[str, str] = {}
        segments: list[str] = []
        col_line = None
        for i, line in enumerate(lines):
            s = line.strip()
            if s.startswith("##"):
                col_line = i
                break
            if s.startswith("#"):
                key, _, value = s[1:].partition(":")
                key, value = key.strip(), value.strip()
                if re.match(r"^SEG\.\s*\d+", key):
                    segments.append(value)
                header.setdefault(key, value)
            elif s:
                raise ImportFormatError(
                    path, f"line {i + 1}", "a '#KEY:value' header line or the '##' column header"
                )
        if col_line is None:
            raise ImportFormatError(
                path, "end of file", "a column header line starting with '##' (e.g. ##Temp./°C;...)"
            )
        sep_word = header.get("SEPARATOR", "SEMICOLON").upper()
        dec_word = header.get("DECIMAL", "POINT").upper()
        if sep_word not in _SEPARATORS:
            raise ImportFormatError(
                path, "#SEPARATOR", "SEMICOLON, COMMA, TAB or SPACE", f"found {sep_word!r}"
            )
        if dec_word not in _DECIMALS:
            raise ImportFormatError(path, "#DECIMAL", "POINT or COMMA", f"found {dec_word!r}")
        delim, decimal = _SEPARATORS[sep_word], _DECIMALS[dec_word]
        names_raw = lines[col_line].strip()[2:]
        cells = names_raw.split(delim) if delim else names_raw.split()
        headers = []
        for cell in cells:
            name, unit = split_unit(cell)
            headers.append((canonical_name(name), unit, cell.strip()))
        body = lines[col_line + 1 :]
        while body and not body[-1].strip():
            body.pop()
        data = parse_block(body, col_line + 2, delim, decimal, path, [h[2] for h in headers])
        if data.shape[0] == 0:
            raise ImportFormatError(path, f"line {col_line + 2}", "data rows after the header")
        meta = _metadata(header, segments)
        sample = header.get("SAMPLE") or header.get("IDENTITY") or None
        instrument = header.get("INSTRUMENT", "NETZSCH")
        m = tga_measurement(
            headers,
            data,
            sample_name=sample,
            instrument=instrument,
            label=f"TGA {sample or ''}".strip(),
            metadata=meta,
        )
        switches = _gas_switches(m)
        if switches:
            m.metadata["gas_switches"] = switches
        return ParsedFile(
            path=path,
            format_id=self.format_id,
            format_label=self.format_label,
            measurements=[m],
            instrument=instrument,
            encoding=encoding,
            metadata={"header": header},
        )


def _gas_switches(m) -> list[dict]:
    """Where a gas-flow column turns on or off (a stated gas switch), with temperature."""
    out = []
    temp = m.columns["temperature"].data if "temperature" in m.columns else None
    for name, col in m.columns.items():
        if "gas_flow" not in name and "purge" not in name:
            continue
        on = np.asarray(col.data) > 0.5
        for i in np.flatnonzero(on[1:] != on[:-1]) + 1:
            event = {"column": col.label, "row": int(i), "state": "on" if on[i] else "off"}
            if temp is not None:
                event["temperature_C"] = float(temp[i])
            out.append(event)
    return out


def _metadata(header: dict[str, str], segments: list[str]) -> dict:
    meta: dict = {"header": dict(header)}
    for key, value in header.items():
        k = key.upper()
        if k.startswith("SAMPLE MASS") and value:
            mass = first_float(value)
            if mass is not None:
                meta["sample_mass_mg"] = mass
        elif k.startswith("DATE/TIME"):
            meta["date"] = value
        elif k.startswith("TYPE OF CRUCIBLE"):
            meta["crucible"] = value
        elif k.startswith(("PURGE", "PROTECTIVE")) and value:
            meta.setdefault("gas", {})[key] = value
    if segments:
        meta["segments"] = segments
    rates = []
    for seg in segments or [header.get("RANGE", "")]:
        m = re.search(r"([-+]?\d+(?:[.,]\d+)?)\s*\(K/min\)", seg)
        if m:
            rates.append(float(m.group(1).replace(",", ".")))
    if rates:
        meta["heating_rate"] = rates[0]
        meta["heating_rate_unit"] = "K/min"
        meta["heating_rates"] = rates
    if "RANGE" in header:
        meta["temperature_program"] = header["RANGE"]
    return meta


READERS = [NetzschReader()]
