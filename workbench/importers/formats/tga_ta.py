"""TA Instruments Universal Analysis / Q-series "export data" text file.

Layout (instrument-formats.md 3.1): UTF-16 LE with BOM, tab separated; a header of
``key<TAB>value[<TAB>unit]`` lines (``Instrument``, ``Sample``, ``Size 20.8210 mg``,
``Xcomment Gas1: Nitrogen``, ``OrgMethod 2: Ramp 10.00 °C/min to 120.00 °C``) in which
the columns are defined only by ``Nsig`` and ``Sig1``..``SigN`` (``Time (min)``,
``Temperature (°C)``, ``Weight (mg)``); then ``StartOfData`` and the rows. The first
row (``-3.000000 1.000000 0 0 0``) and the last (``-1.000000 25.00298 0 0 0``) are
marker rows, not data: they are dropped, as is every other row of that shape (the
sample file has a ``-3.000000 2.000000 0 0 0`` row mid-run where the second method
segment starts); their positions are kept in ``metadata["marker_rows_dropped"]``.
"""

from __future__ import annotations

import re

import numpy as np

from workbench.errors import ImportFormatError
from workbench.importers.base import MiB, ParsedFile, Reader
from workbench.importers.numtable import parse_block
from workbench.importers.text import decode, split_lines
from workbench.importers.tga_common import canonical_name, first_float, split_unit, tga_measurement


class TAReader(Reader):
    format_id = "tga_ta"
    format_label = "TA Instruments text export (Universal Analysis)"
    kinds = ("tga",)
    max_bytes = 32 * MiB
    memory_multiple = 24.0

    def sniff(self, head: bytes, name: str) -> float:
        try:
            text, _ = decode(
                head[: len(head) - (len(head) % 2)]
                if head[:2] in (b"\xff\xfe", b"\xfe\xff")
                else head,
                name,
            )
        except ImportFormatError:
            return 0.0
        if "StartOfData" in text and re.search(r"(?m)^Sig1\t", text):
            return 0.97
        if (
            "Nsig\t" in text  # cheap test first: the patterns scan the whole head
            and re.search(r"(?m)^Nsig\t\d+", text)
            and re.search(r"(?m)^Instrument\t", text)
        ):
            return 0.9
        return 0.0

    def parse(self, raw: bytes, path: str) -> ParsedFile:
        text, encoding = decode(raw, path)
        lines = split_lines(text)
        start, delim = _data_start(lines)
        if start is None:
            raise ImportFormatError(
                path,
                "end of file",
                "a 'StartOfData' line, or rows of Nsig numbers after the Sig1..SigN lines",
            )
        header: dict[str, list[str]] = {}
        sigs: dict[int, str] = {}
        for line in lines[:start]:
            key, _, rest = line.partition("\t")
            key = key.strip()
            if not key:
                continue
            header.setdefault(key, []).append(rest.strip())
            m = re.match(r"^Sig(\d+)$", key)
            if m:
                sigs[int(m.group(1))] = rest.strip()
        if not sigs:
            raise ImportFormatError(path, f"line {start}", "'Sig1'..'SigN' column definitions")
        nsig = int(first_float(header.get("Nsig", [str(len(sigs))])[0]) or len(sigs))
        if sorted(sigs) != list(range(1, nsig + 1)):
            raise ImportFormatError(
                path, "header", f"Sig1..Sig{nsig} column definitions", f"found {sorted(sigs)}"
            )
        headers = []
        for i in range(1, nsig + 1):
            name, unit = split_unit(sigs[i])
            headers.append((canonical_name(name), unit, sigs[i]))
        body = lines[start + 1 :]
        if body and body[0].startswith("\f"):
            body[0] = body[0].lstrip("\f")  # a page break (form feed) before the rows
        data = parse_block(body, start + 2, delim, ".", path, [h[2] for h in headers])
        marker = np.isin(data[:, 0], (-3.0, -1.0)) & np.all(data[:, 2:] == 0, axis=1)
        markers = []
        for n_before, row in zip(np.cumsum(~marker)[marker], data[marker], strict=True):
            kind = "start" if row[0] == -3.0 else "end"
            markers.append({"type": kind, "value": float(row[1]), "before_row": int(n_before)})
        data = data[~marker]
        if data.shape[0] == 0:
            raise ImportFormatError(path, f"line {start + 2}", "data rows after 'StartOfData'")
        meta = _metadata(header)
        meta["marker_rows_dropped"] = markers
        sample = (header.get("Sample") or [""])[0] or None
        instrument = (header.get("Instrument") or ["TA Instruments"])[0]
        m = tga_measurement(
            headers,
            data,
            sample_name=sample,
            instrument=instrument,
            label=f"TGA {sample or ''}".strip(),
            metadata=meta,
        )
        return ParsedFile(
            path=path,
            format_id=self.format_id,
            format_label=self.format_label,
            measurements=[m],
            instrument=instrument,
            encoding=encoding,
        )


_NUMBERS = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def _data_start(lines: list[str]) -> tuple[int | None, str | None]:
    """(index of the line before the first data row, delimiter of the rows).

    Universal Analysis writes ``StartOfData`` then tab-separated rows. Some Q-series
    exports write no ``StartOfData``: the header ends, a form feed starts the page, and
    the rows follow separated by blanks. There the first line after the ``SigN``
    definitions holding exactly ``Nsig`` numbers starts the data."""
    for i, line in enumerate(lines):
        if line.strip() == "StartOfData":
            return i, "\t"
    nsig = next((ln for ln in lines[:400] if re.match(r"^Nsig\t\s*\d+", ln)), None)
    sig_lines = [i for i, ln in enumerate(lines[:400]) if re.match(r"^Sig\d+\t", ln)]
    if nsig is None or not sig_lines:
        return None, None
    n = int(re.findall(r"\d+", nsig)[0])
    for i in range(sig_lines[-1] + 1, min(len(lines), sig_lines[-1] + 400)):
        cells = lines[i].strip("\f \t").split()
        if len(cells) == n and all(_NUMBERS.fullmatch(c) for c in cells):
            return i - 1, None
    return None, None


def _metadata(header: dict[str, list[str]]) -> dict:
    meta: dict = {"header": {k: v if len(v) > 1 else v[0] for k, v in header.items()}}
    size = (header.get("Size") or [""])[0]
    if size:
        value, _, unit = size.partition("\t")
        mass = first_float(value)
        if mass is not None:
            meta["sample_mass_mg"] = mass / 1000.0 if unit.strip() == "µg" else mass
    if "Date" in header:
        meta["date"] = " ".join([header["Date"][0], (header.get("Time") or [""])[0]]).strip()
    gases = [x for x in header.get("Xcomment", []) if re.search(r"gas", x, re.I)]
    if gases:
        meta["gas"] = gases
    program = header.get("OrgMethod") or header.get("Method") or []
    steps = [p for p in program if re.match(r"^\d+:", p)]
    if steps:
        meta["temperature_program"] = steps
        rates = [
            float(r) for r in re.findall(r"Ramp\s+([-+]?\d+(?:\.\d+)?)\s*°C/min", " | ".join(steps))
        ]
        if rates:
            meta["heating_rate"] = rates[0]
            meta["heating_rate_unit"] = "°C/min"
            meta["heating_rates"] = rates
        switches = []
        for step in steps:
            m = re.match(r"^(\d+):\s*Select gas\s*(\d+)", step, re.I)
            if m:
                n = m.group(2)
                named = next((g for g in gases if g.lower().startswith(f"gas{n}:")), "")
                switches.append(
                    {
                        "step": int(m.group(1)),
                        "gas": int(n),
                        "name": named.partition(":")[2].strip(),
                    }
                )
        if switches:
            meta["gas_switches"] = switches
    return meta


READERS = [TAReader()]
