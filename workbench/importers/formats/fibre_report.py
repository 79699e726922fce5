"""Fibre-analyser summary reports (Ln, Lw, Lww, fines, width, curl, kink, coarseness...).

Two layouts are read, in English or Finnish, with mm or µm, decimal point or comma:

* a table with one row per sample: a sample-name column (``Sample ID``, ``Näyte``)
  and one column per value, optionally preceded by ``key;value`` lines (instrument,
  date) and followed by trailer text (``Averages according to ISO 16065-2``);
* one block per sample: ``label;value`` lines, each block starting with a
  ``Sample``/``Näyte`` line.

Values become quantities with vocabulary property ids and units (lengths converted to
mm, width to µm, kink to 1/m, coarseness to mg/m). A fines column that says neither
"count" nor "length" (``Fines (%)``) is stored as ``fines_length`` - the length-based
share is what summary reports conventionally print (the ISO 16065-2 fines definition
is by length class) - and a warning in the summary says so; a template maps it
otherwise.
"""

from __future__ import annotations

import re

from workbench.errors import ImportFormatError
from workbench.importers.base import MiB, ParsedFile, ParsedMeasurement, Reader
from workbench.importers.fibre_common import VOCAB_UNITS, conversion, summary_property
from workbench.importers.numtable import majority_decimal, majority_delimiter
from workbench.importers.text import (
    AmbiguousNumber,
    decode,
    letter_rows,
    parse_number,
    split_lines,
)
from workbench.model import Quantity
from workbench.vocab import Basis

_SAMPLE = re.compile(r"^(sample( id| name)?|näyte(tunnus)?|näytteen nimi|sample no\.?)$", re.I)
_COUNT = re.compile(
    r"^(fib(re|er)s? (counted|count|measured)|mitatut kuidut|kuituja.*|count|n)$", re.I
)
_FINES_NOTE = (
    "column {col!r} does not say whether fines are by count or by length; stored as "
    "fines by length (fines_length), the usual summary-report convention"
)


def _is_length(pid: str | None) -> bool:
    return pid is not None and pid.startswith("fibre_length")


def _header_row(lines: list[str], delim: str | None) -> int | None:
    for i in letter_rows(lines[:60]):  # a header names its columns
        line = lines[i]
        cells = line.split(delim) if delim else line.split()
        pids = [summary_property(c)[0] for c in cells]
        if sum(_is_length(p) for p in pids) >= 2 or (
            sum(p is not None for p in pids) >= 3 and any(_SAMPLE.match(c.strip()) for c in cells)
        ):
            return i
    return None


def _vertical_hits(lines: list[str], delim: str | None) -> int:
    hits = 0
    for i in letter_rows(lines[:200]):
        cells = lines[i].split(delim) if delim else lines[i].split()
        if len(cells) >= 2 and _is_length(summary_property(cells[0])[0]):
            hits += 1
    return hits


class FibreReportReader(Reader):
    format_id = "fibre_report"
    format_label = "Fibre analyser summary report"
    kinds = ("fibre_summary",)
    max_bytes = 8 * MiB
    memory_multiple = 24.0

    def sniff(self, head: bytes, name: str) -> float:
        text, _ = decode(head, name)
        lines = split_lines(text)[:60]
        delim = majority_delimiter([ln for ln in lines if ln.strip()][:30])
        if _header_row(lines, delim) is not None:
            return 0.85
        if _vertical_hits(lines, delim) >= 2:
            return 0.8
        return 0.0

    def parse(self, raw: bytes, path: str) -> ParsedFile:
        text, encoding = decode(raw, path)
        lines = split_lines(text)
        delim = majority_delimiter([ln for ln in lines if ln.strip()][:60])
        h = _header_row(lines, delim)
        warnings: list[str] = []
        if h is not None:
            blocks, preamble, trailer = self._horizontal(lines, h, delim, path)
        elif _vertical_hits(lines, delim) >= 2:
            blocks, preamble, trailer = self._vertical(lines, delim, path)
        else:
            raise ImportFormatError(
                path,
                "line 1",
                "a header with fibre length columns (Ln, Lw, Lww) or 'Ln;value' lines",
            )
        file_meta = {k: v for k, v in preamble}
        instrument = next((v for k, v in preamble if re.match(r"instrument|laite", k, re.I)), "")
        method = ""
        for note in trailer:
            m = re.search(r"(ISO\s*16065(-\d)?|TAPPI\s*T\s*\d+)", note)
            if m:
                method = m.group(1)
        cells = [c for b in blocks for _, _, c, _ in b[1]]
        decimal = majority_decimal(cells, delim)
        measurements = []
        for sample, entries, meta_lines in blocks:
            quantities: dict[str, Quantity] = {}
            meta: dict = {k: v for k, v in file_meta.items()}
            if trailer:
                meta["notes"] = trailer
            for line_no, pid, cell, (col, unit) in entries:
                try:
                    value = parse_number(cell, decimal)
                except AmbiguousNumber as exc:
                    raise ImportFormatError(
                        path, f"line {line_no}", f"an unambiguous number for {col!r}", str(exc)
                    ) from None
                except ValueError:
                    if not cell.strip() or cell.strip().upper() in ("NA", "N/A", "-"):
                        continue
                    raise ImportFormatError(
                        path, f"line {line_no}", f"a number for {col!r}", f"found {cell.strip()!r}"
                    ) from None
                if pid == "count":
                    meta["fibres_counted"] = value
                    continue
                if pid == "fines":
                    pid = "fines_length"
                    note = _FINES_NOTE.format(col=col)
                    if note not in warnings:
                        warnings.append(note)
                    meta["fines_definition"] = "unspecified in file; stored as fines_length"
                try:
                    factor = conversion(pid, unit, f"column {col!r}")
                except ValueError as exc:
                    raise ImportFormatError(
                        path,
                        f"line {line_no}",
                        f"a unit convertible to {VOCAB_UNITS[pid]}",
                        str(exc),
                    ) from None
                quantities[pid] = Quantity(
                    value * factor,
                    VOCAB_UNITS[pid],
                    basis=Basis.NONE.value,
                    method=method or "fibre analyser report",
                    origin="measured",
                )
            meta.update(meta_lines)
            if not quantities:
                continue
            measurements.append(
                ParsedMeasurement(
                    kind="fibre_summary",
                    sample_name=sample or None,
                    quantities=quantities,
                    label=f"Fibre analyser summary {sample}".strip(),
                    method=method,
                    instrument=instrument,
                    metadata=meta,
                )
            )
        if not measurements:
            raise ImportFormatError(path, "whole file", "at least one sample with fibre values")
        return ParsedFile(
            path=path,
            format_id=self.format_id,
            format_label=self.format_label,
            measurements=measurements,
            instrument=instrument,
            encoding=encoding,
            warnings=warnings,
            metadata={"decimal_mark": decimal},
        )

    def _horizontal(self, lines, h, delim, path):
        header = [c.strip() for c in (lines[h].split(delim) if delim else lines[h].split())]
        roles = []
        for c in header:
            if _SAMPLE.match(c):
                roles.append(("sample", ""))
            elif _COUNT.match(c):
                roles.append(("count", ""))
            else:
                pid, unit = summary_property(c)
                roles.append((pid, unit))
        sample_j = next((j for j, r in enumerate(roles) if r[0] == "sample"), None)
        preamble = []
        for line in lines[:h]:
            cells = [c.strip() for c in (line.split(delim) if delim else line.split())]
            cells = [c for c in cells if c]
            if len(cells) >= 2:
                preamble.append((cells[0], " ".join(cells[1:])))
            elif cells:
                preamble.append(("title", cells[0]))
        blocks, trailer = [], []
        ended = False
        for i in range(h + 1, len(lines)):
            cells = lines[i].split(delim) if delim else lines[i].split()
            if not any(c.strip() for c in cells):
                ended = ended or bool(blocks)
                continue
            first = cells[0].strip()
            if ended or (sample_j is not None and len([c for c in cells if c.strip()]) == 1):
                trailer.append(" ".join(c.strip() for c in cells if c.strip()))
                ended = True
                continue
            sample = (
                first
                if sample_j == 0
                else (
                    cells[sample_j].strip()
                    if sample_j is not None and sample_j < len(cells)
                    else ""
                )
            )
            entries = []
            for j, (pid, unit) in enumerate(roles):
                if pid in (None, "sample") or j >= len(cells):
                    continue
                entries.append((i + 1, pid, cells[j], (header[j], unit)))
            blocks.append((sample, entries, {}))
        return blocks, preamble, trailer

    def _vertical(self, lines, delim, path):
        blocks, preamble, trailer = [], [], []
        current = None
        for i, line in enumerate(lines):
            cells = [c.strip() for c in (line.split(delim) if delim else line.split())]
            cells = [c for c in cells if c]
            if not cells:
                continue
            if _SAMPLE.match(cells[0]):
                current = (cells[1] if len(cells) > 1 else "", [], {})
                blocks.append(current)
                continue
            if len(cells) < 2:
                (trailer if current else preamble).append(
                    ("title", cells[0]) if not current else cells[0]
                )
                continue
            label = cells[0] if len(cells) < 3 else f"{cells[0]} ({cells[2]})"
            pid, unit = summary_property(label)
            if _COUNT.match(cells[0]):
                pid = "count"
            if pid is None:
                if current is None:
                    preamble.append((cells[0], " ".join(cells[1:])))
                else:
                    current[2][cells[0]] = " ".join(cells[1:])
                continue
            if current is None:
                current = ("", [], {})
                blocks.append(current)
            current[1].append((i + 1, pid, cells[1], (cells[0], unit)))
        return blocks, preamble, [t for t in trailer if isinstance(t, str)]


READERS = [FibreReportReader()]
