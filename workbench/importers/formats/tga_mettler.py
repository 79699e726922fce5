"""Mettler Toledo STARe text export (report-style, one or several curves per file).

Layout (instrument-formats.md 3.3): a title line with a date, then per curve
``Curve Name:`` (``=TEST TGA`` / ``Sample Weight``), ``Curve Values:``, a fixed-width
column header (``Index t Ts Tr Value`` or ``... x value y value``) and a unit row
(``[s] [°C] [°C] [mg]``), right-aligned rows, then ``Results:`` (evaluations: Step %,
Residue %, limits, heating rate, inflection point, midpoint), ``Texts:``,
``Sample: TEST TGA, 12.8020 mg``, ``Method:``, ``Adjustment:``... Each curve becomes one
measurement (sample weight, heat flow, DTG). The evaluation results go into the
curve's metadata; the Δ of "ΔStep" was lost as ``?`` by the exporting code page and is
recorded as ``delta_sign_lost``. STARe 16 writes cp1252, STARe 17 UTF-8 (with U+FFFD
where ° was); both decode here.
"""

from __future__ import annotations

import re

from workbench.errors import ImportFormatError
from workbench.importers.base import MiB, ParsedFile, ParsedMeasurement, Reader
from workbench.importers.numtable import parse_block
from workbench.importers.text import decode, excerpt, split_lines
from workbench.importers.tga_common import first_float, normalise_unit, tga_measurement

_SECTION = re.compile(r"^[A-Z][A-Za-z .]*:\s*$")
_COLUMNS = {"t": "time", "Ts": "temperature", "Tr": "program_temperature", "x value": "time_x"}
_RESULT_KEYS = {
    "step": "step",
    "residue": "residue",
    "left limit": "left_limit",
    "right limit": "right_limit",
    "heating rate": "heating_rate",
    "inflect. pt.": "inflection_point",
    "midpoint": "midpoint",
    "onset": "onset",
    "endset": "endset",
}


def _value_name(unit: str, curve_label: str) -> str:
    u, lab = unit.lower(), curve_label.lower()
    if u in ("mg/s", "mg/min", "%/s", "%/min", "%/°c", "mg/°c") or "dtg" in lab:
        return "dtg"
    if u in ("mw", "w/g", "mw/mg") or "heat" in lab:
        return "heat_flow"
    return "mass"


class MettlerStareReader(Reader):
    format_id = "tga_mettler_stare"
    format_label = "Mettler Toledo STARe text export"
    kinds = ("tga",)
    max_bytes = 32 * MiB
    memory_multiple = 24.0

    def sniff(self, head: bytes, name: str) -> float:
        if b"Curve Name:" in head and b"Curve Values:" in head:
            return 0.96
        if b"Curve:" in head and _TABLE_CURVE.search(head):  # STARe SW 17 table layout
            return 0.95
        if b"STARe SW" in head and b"Index" in head:
            return 0.8
        return 0.0

    def parse(self, raw: bytes, path: str) -> ParsedFile:
        text, encoding = decode(raw, path)
        lines = split_lines(text)
        title_date = re.search(
            r"\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}(:\d{2})?", lines[0] if lines else ""
        )
        measurements: list[ParsedMeasurement] = []
        i, n, since = 0, len(lines), 0
        while i < n:
            if lines[i].strip() == "Curve Name:":
                i, m = self._curve(lines, i, path)
                measurements.append(m)
            elif lines[i].strip() == "Curve:":
                since, (i, m) = i, _table_curve(lines, i, since, path)
                measurements.append(m)
            else:
                i += 1
        if not measurements:
            raise ImportFormatError(
                path, "whole file", "at least one 'Curve Name:' or 'Curve:' block"
            )
        footer = next((ln.strip() for ln in reversed(lines) if "STARe SW" in ln), "")
        version = re.search(r"STARe SW [\d.]+", footer)
        for m in measurements:
            if title_date:
                m.metadata.setdefault("date", title_date.group(0))
            if version:
                m.metadata["software"] = version.group(0)
        return ParsedFile(
            path=path,
            format_id=self.format_id,
            format_label=self.format_label,
            measurements=measurements,
            instrument=measurements[0].instrument,
            encoding=encoding,
        )

    def _curve(self, lines: list[str], i: int, path: str) -> tuple[int, ParsedMeasurement]:
        names = []
        i += 1
        while i < len(lines) and lines[i].strip() != "Curve Values:":
            if _SECTION.match(lines[i].strip()):
                raise ImportFormatError(
                    path, f"line {i + 1}", "'Curve Values:' after 'Curve Name:'"
                )
            if lines[i].strip():
                names.append(lines[i].strip())
            i += 1
        table_line = i + 1
        end, col_names, units, data = _table_at(lines, i, path)
        label = " / ".join(x.lstrip("=\\") for x in names[1:]) or (names[0] if names else "")
        label = label.lstrip("=\\")
        headers = []
        for name, unit in zip(col_names, units, strict=True):
            canon = _COLUMNS.get(name)
            if canon is None:
                canon = _value_name(unit, label if name == "Value" else "dtg")
            headers.append((canon, unit, f"{name} [{unit}]"))
        if "DTG" not in label and any(h[0] == "dtg" for h in headers):
            label = f"{label} DTG".strip()
        i = end
        results, meta = [], {}
        sample = None
        while i < len(lines) and lines[i].strip() != "Curve Name:":
            s = lines[i].strip()
            if s == "Results:":
                i, results = _results(lines, i + 1)
                continue
            if s == "Sample:" and i + 1 < len(lines):
                sample_text = lines[i + 1].strip()
                sname, _, smass = sample_text.rpartition(",")
                sample = sname.strip() or sample_text
                mass = first_float(smass)
                if mass is not None and "mg" in smass:
                    meta["sample_mass_mg"] = mass
            elif s == "Method:" and i + 1 < len(lines):
                meta["method"] = lines[i + 1].strip()
            elif s == "Sample Holder:" and i + 1 < len(lines):
                meta["sample_holder"] = lines[i + 1].strip()
            elif s == "TA Module:" and i + 1 < len(lines):
                meta["instrument"] = lines[i + 1].strip()
            i += 1
        if results:
            meta["evaluation_results"] = results
            rates = [r["heating_rate"] for r in results if "heating_rate" in r]
            if rates:
                meta["heating_rate"] = rates[0]
                meta["heating_rate_unit"] = "°C/min"
        meta["curve_name"] = names
        instrument = meta.pop("instrument", "Mettler Toledo")
        signal = next((h[0] for h in headers if h[0] in ("mass", "heat_flow", "dtg")), None)
        if signal is None:  # only time, temperature or index columns
            raise ImportFormatError(
                path,
                f"line {table_line + 1}",
                "a curve column of mass, heat flow or DTG after 'Curve Values:'",
                f"found {excerpt(', '.join(h[2] for h in headers)) if headers else 'none'}",
            )
        m = tga_measurement(
            headers,
            data[:, 1:],
            sample_name=sample,
            instrument=instrument,
            label=label,
            metadata=meta,
            signal=signal,
        )
        return i, m


_TABLE_CURVE = re.compile(rb"(?m)^Curve:[ \t]*\r?\n[ \t]*Index[ \t]")
_KEY_LINE = re.compile(r"^([A-Z][A-Za-z .]*):\s*$")


def _table_at(lines: list[str], i: int, path: str):
    """(end, column names, units, data incl. Index) of the table whose column header is
    the line after ``lines[i]`` and whose unit row follows it."""
    if i + 3 > len(lines):
        raise ImportFormatError(path, f"line {i + 1}", "a column header and a unit row")
    col_names = re.split(r"\s{2,}", lines[i + 1].strip())
    units = [normalise_unit(u) for u in re.findall(r"\[([^\]]*)\]", lines[i + 2])]
    if col_names and col_names[0] == "Index":
        col_names = col_names[1:]
    if len(units) != len(col_names):
        raise ImportFormatError(
            path,
            f"line {i + 3}",
            f"one [unit] per column ({len(col_names)})",
            f"found {len(units)}",
        )
    start = i + 3
    end = start
    while end < len(lines) and re.match(r"^\s*[-+]?\.?\d", lines[end]):
        end += 1
    data = parse_block(lines[start:end], start + 1, None, ".", path, ["Index", *col_names])
    return end, col_names, units, data


def _key_values(lines: list[str]) -> dict[str, list[str]]:
    """The ``Key:`` / indented value blocks of a STARe report (``SampleID:`` then
    ``  TGA_PP, 4.9292 mg``), by key."""
    out: dict[str, list[str]] = {}
    key = None
    for line in lines:
        m = _KEY_LINE.match(line)
        if m:
            key = m.group(1)
            out.setdefault(key, [])
        elif key and line.startswith(" ") and line.strip():
            out[key].append(line.strip())
        elif not line.strip():
            continue
        else:
            key = None
    return out


def _table_curve(lines: list[str], i: int, since: int, path: str) -> tuple[int, ParsedMeasurement]:
    """A curve of the STARe SW 17 table layout: report fields (``FileName:``,
    ``SampleID:``, ``Method:``...) above it (after the previous curve, from line
    ``since``), then ``Curve:``, the column and unit rows and the data, then
    ``LastKeyWD:`` (crucible) below."""
    end, col_names, units, data = _table_at(lines, i, path)
    before = _key_values(lines[since:i])
    if since and not before.get("SampleID"):  # fields the first curve's report gave
        before = {**_key_values(lines[:since]), **before}
    after = _key_values(lines[end : end + 40])
    sample, meta = None, {}
    sample_id = (before.get("SampleID") or [""])[0]
    if sample_id:
        name, _, mass_text = sample_id.rpartition(",")
        sample = name.strip() or sample_id.strip()
        mass = first_float(mass_text)
        if mass is not None and "mg" in mass_text:
            meta["sample_mass_mg"] = mass
    for key, mkey in (("Method", "method"), ("User", "operator"), ("Evaluation", "evaluation")):
        if before.get(key) and before[key][0]:
            meta[mkey] = before[key][0]
    if before.get("FileName"):
        meta["file_name"] = before["FileName"]
    if after.get("LastKeyWD"):
        meta["sample_holder"] = "; ".join(after["LastKeyWD"])
    meta["layout"] = "STARe table (Curve:)"
    label = (before.get("FileName") or [""])[-1] or "TGA"
    headers = []
    for name, unit in zip(col_names, units, strict=True):
        canon = _COLUMNS.get(name) or _value_name(unit, label)
        headers.append((canon, unit, f"{name} [{unit}]"))
    m = tga_measurement(
        headers,
        data[:, 1:],
        sample_name=sample,
        instrument="Mettler Toledo",
        label=label,
        metadata=meta,
        signal=next((h[0] for h in headers if h[0] in ("mass", "heat_flow", "dtg")), None),
    )
    return end, m


def _results(lines: list[str], i: int) -> tuple[int, list[dict]]:
    """Evaluation results up to 'Texts:' (or the next section), one dict per evaluation
    (groups separated by blank lines). Keys carry the unit: ``step_pct``, ``step_mg``,
    ``residue_pct``, ``left_limit_C``, ``heating_rate`` (°C/min), ``inflection_point_C``."""
    groups: list[dict] = []
    current: dict = {}
    base = ""
    suffix = {"%": "_pct", "mg": "_mg", "°C": "_C", "s": "_s", "min": "_min", "mW": "_mW"}
    while i < len(lines):
        line = lines[i]
        s = line.strip()
        if _SECTION.match(s):
            break
        i += 1
        if not s:
            if current:
                groups.append(current)
            current, base = {}, ""
            continue
        label, _, value = line.strip(" ").partition("\t")
        label = label.strip()
        if label.startswith("?"):
            label = label[1:].strip()
            current["delta_sign_lost"] = True
        if not value.strip():
            current.setdefault("notes", []).append(s)
            continue
        if label:
            base = _RESULT_KEYS.get(label.lower(), re.sub(r"\W+", "_", label.lower()).strip("_"))
        number_text, _, unit = value.strip().partition(" ")
        unit = normalise_unit(unit)
        key = base + suffix.get(unit, "")
        current[key] = first_float(number_text)
        if unit and unit not in suffix:
            current.setdefault("units", {})[key] = unit
    if current:
        groups.append(current)
    return i, groups


READERS = [MettlerStareReader()]
