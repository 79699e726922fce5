"""PerkinElmer Pyris TGA exports: the text report and the CSV.

Text (instrument-formats.md 3.4): ``Key:<TAB>value`` header (Sample ID, Sample Weight
``7.026 mg``, Data Collected with a locale-dependent date kept as written), the method
steps (``1) Hold for 1.0 min at 50.00°C``, ``Switch the Gas to Oxygen at 45.0
ml/min``), then one data block per method step (``1) TGA Isothermal``,
``2) TGA Temperature Scan``), the first with a two-line column header, rows starting
with a TAB; a calibration report follows the data and is ignored.

Design choice: the blocks are concatenated into ONE curve with a ``step`` column (the
method step number of each row), because the proximate analysis needs the whole run
(inert heating, cooling, oxidising burn-off) as one curve; the step texts, gas
switches and heating rates are in the metadata, so a per-step view is a filter away.

The file states no units for the columns; Pyris writes time in min, weights in mg
(the header's Sample Weight unit), temperatures in °C and purge flows in ml/min, and
those units are assigned (``metadata["units_assumed"]`` says so).
"""

from __future__ import annotations

import re

import numpy as np

from workbench.errors import ImportFormatError
from workbench.importers.base import MiB, ParsedFile, Reader
from workbench.importers.numtable import parse_block
from workbench.importers.text import decode, excerpt, split_lines
from workbench.importers.tga_common import first_float, tga_measurement

_PE_COLUMNS = {
    "time": ("time", "min"),
    "unsubtracted weight": ("mass", "mg"),
    "baseline weight": ("baseline_mass", "mg"),
    "program temperature": ("program_temperature", "°C"),
    "sample temperature": ("temperature", "°C"),
    "sample purge flow": ("sample_purge_flow", "ml/min"),
    "balance purge flow": ("balance_purge_flow", "ml/min"),
    "weight": ("mass", "mg"),
    "temperature": ("temperature", "°C"),
}
_DEFAULT_ORDER = [
    "Time",
    "Unsubtracted Weight",
    "Baseline Weight",
    "Program Temperature",
    "Sample Temperature",
    "Sample Purge Flow",
    "Balance Purge Flow",
]
_BLOCK = re.compile(r"^(\d+)\)\s+TGA\b(.*)$")
# a Pyris export of another instrument ("1) DSC 8500 Isothermal"): same header, no TGA
_OTHER_BLOCK = re.compile(r"^\d+\)\s+(DSC|DTA|STA)\b.*(Isothermal|Scan)", re.I)
_NUMERIC_ROW = re.compile(r"^\t\s*[-+]?(\d|\.\d)")


class PyrisTextReader(Reader):
    format_id = "tga_pyris"
    format_label = "PerkinElmer Pyris TGA text export"
    kinds = ("tga",)
    max_bytes = 32 * MiB
    memory_multiple = 24.0

    def sniff(self, head: bytes, name: str) -> float:
        if b") TGA " in head and re.search(rb"(?m)^\d+\) TGA (Isothermal|Temperature Scan)", head):
            return 0.95
        if b"Sample Weight:" in head and b"Data Collected:" in head:
            return 0.85
        return 0.0

    def parse(self, raw: bytes, path: str) -> ParsedFile:
        text, encoding = decode(raw, path)
        text = text.replace("\ufffdC", "°C")  # TGA 4000 UTF-8 exports lost the degree sign
        lines = split_lines(text)
        header: dict[str, str] = {}
        steps: list[str] = []
        i, n = 0, len(lines)
        while i < n and not _BLOCK.match(lines[i].strip()):
            line = lines[i]
            key, sep, value = line.partition(":")
            if sep and "\t" in value and not re.match(r"^\d+\)", line):
                header.setdefault(key.strip(), value.strip())
            if re.match(r"^\d+\)\t", line) or re.match(r"^\s*Switch the Gas", line):
                steps.append(" ".join(line.split()))
            i += 1
        if i >= n:
            other = next((ln.strip() for ln in lines if _OTHER_BLOCK.match(ln.strip())), "")
            raise ImportFormatError(
                path,
                "end of file",
                "a data block header such as '1) TGA Isothermal'",
                f"the data block {excerpt(other)} is not TGA: the workbench reads Pyris TGA "
                "curves, not DSC heat flow"
                if other
                else "",
            )
        names = list(_DEFAULT_ORDER)
        blocks: list[tuple[int, str, np.ndarray]] = []
        while i < n:
            m = _BLOCK.match(lines[i].strip())
            if not m:
                break
            step, title = int(m.group(1)), m.group(2).strip()
            i += 1
            head_rows = []
            while i < n and lines[i].startswith("\t") and not _NUMERIC_ROW.match(lines[i]):
                head_rows.append(lines[i])
                i += 1
            if head_rows:
                names = _header_names(head_rows, path, i)
            start = i
            while i < n and _NUMERIC_ROW.match(lines[i]):
                i += 1
            rows = [ln.strip() for ln in lines[start:i]]
            data = parse_block(rows, start + 1, "\t", ".", path, names)
            blocks.append((step, title, data))
            while i < n and not lines[i].strip():
                i += 1
                if i < n and not _BLOCK.match(lines[i].strip()):
                    break
        if not blocks or sum(len(b[2]) for b in blocks) == 0:
            raise ImportFormatError(path, f"line {i + 1}", "data rows in the TGA blocks")
        data = np.vstack([b[2] for b in blocks])
        step_col = np.concatenate([np.full(len(b[2]), b[0], dtype=float) for b in blocks])
        headers = []
        for name in names:
            canon, unit = _PE_COLUMNS.get(name.lower(), (re.sub(r"\W+", "_", name.lower()), ""))
            headers.append((canon, unit, name))
        headers.append(("step", "", "Method step"))
        data = np.column_stack([data, step_col])
        meta = _metadata(header, steps)
        meta["blocks"] = [
            {
                "step": s,
                "type": t,
                "rows": len(d),
                "first_row": int(sum(len(b[2]) for b in blocks[:k])),
            }
            for k, (s, t, d) in enumerate(blocks)
        ]
        meta["units_assumed"] = (
            "Pyris text exports state no column units; min, mg, °C, ml/min assumed"
        )
        sample = header.get("Sample ID") or None
        instrument = "PerkinElmer " + (header.get("Serial Number") or "Pyris").strip()
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


def _header_names(rows: list[str], path: str, line_no: int) -> list[str]:
    """Join the two-line Pyris column header cell by cell (``Unsubtracted`` +
    ``Weight``)."""
    split = [r.split("\t")[1:] for r in rows]
    width = max(len(r) for r in split)
    names = []
    for j in range(width):
        parts = [r[j].strip() for r in split if j < len(r) and r[j].strip()]
        names.append(" ".join(parts))
    names = [x for x in names if x]
    if not names:
        raise ImportFormatError(
            path, f"line {line_no}", "column names (Time, Unsubtracted Weight, ...)"
        )
    return names


def _metadata(header: dict[str, str], steps: list[str]) -> dict:
    meta: dict = {"header": header}
    weight = header.get("Sample Weight", "")
    mass = first_float(weight)
    if mass is not None:
        meta["sample_mass_mg"] = mass / 1000.0 if "µg" in weight else mass
    if header.get("Data Collected"):
        meta["date"] = header["Data Collected"]
    if steps:
        meta["temperature_program"] = steps
    rates = [
        float(r) for s in steps for r in re.findall(r"^\d+\) Heat from .* at ([\d.]+)\s*°C/min", s)
    ]
    if rates:
        meta["heating_rate"] = rates[0]
        meta["heating_rate_unit"] = "°C/min"
        meta["heating_rates"] = rates
    switches = []
    current_step = 0
    for s in steps:
        m = re.match(r"^(\d+)\)", s)
        if m:
            current_step = int(m.group(1))
            continue
        g = re.search(r"Switch the Gas to (\w+)(?: at ([\d.]+) ml/min)?", s)
        if g:
            switches.append(
                {
                    "step": current_step,
                    "gas": g.group(1),
                    "flow_ml_min": float(g.group(2)) if g.group(2) else None,
                }
            )
    if switches:
        meta["gas_switches"] = switches
        meta["gas"] = switches[0]["gas"]
    return meta


class PyrisCsvReader(Reader):
    """PerkinElmer CSV (``Time,Unsubtracted Weight,Baseline Weight,...``): no units, a
    blank-named column holding ``" "`` and unnamed trailing columns, which are dropped."""

    format_id = "tga_pyris_csv"
    format_label = "PerkinElmer TGA CSV export"
    kinds = ("tga",)
    max_bytes = 32 * MiB
    memory_multiple = 24.0

    def sniff(self, head: bytes, name: str) -> float:
        first = head.split(b"\n", 1)[0].lower()
        if first.startswith(b"time,unsubtracted weight") or (
            b"unsubtracted weight" in first and b"sample temperature" in first
        ):
            return 0.95
        return 0.0

    def parse(self, raw: bytes, path: str) -> ParsedFile:
        text, encoding = decode(raw, path)
        lines = split_lines(text)
        if not lines:
            raise ImportFormatError(path, "line 1", "PerkinElmer column names", "found nothing")
        cells = [c.strip().strip('"') for c in lines[0].split(",")]
        keep = [j for j, c in enumerate(cells) if c.lower() in _PE_COLUMNS]
        if not keep:
            raise ImportFormatError(
                path, "line 1", "PerkinElmer column names (Time, Unsubtracted Weight, ...)"
            )
        rows = []
        for k, line in enumerate(lines[1:], start=2):
            if not line.strip():
                rows.append("")  # skipped by the parser, keeps line numbers right
                continue
            parts = line.split(",")
            if len(parts) <= max(keep):
                raise ImportFormatError(
                    path, f"line {k}", f"at least {max(keep) + 1} comma-separated cells"
                )
            rows.append(",".join(parts[j] for j in keep))
        names = [cells[j] for j in keep]
        data = parse_block(rows, 2, ",", ".", path, names)
        headers = [(*_PE_COLUMNS[nm.lower()], nm) for nm in names]
        m = tga_measurement(
            headers,
            data,
            sample_name=None,
            instrument="PerkinElmer",
            label="TGA",
            metadata={
                "units_assumed": "PerkinElmer CSV states no units; min, mg, °C, ml/min assumed"
            },
        )
        return ParsedFile(
            path=path,
            format_id=self.format_id,
            format_label=self.format_label,
            measurements=[m],
            instrument="PerkinElmer",
            encoding=encoding,
        )


READERS = [PyrisTextReader(), PyrisCsvReader()]
