"""Halogen / infrared moisture-analyser printouts (Mettler Toledo HS/HX/HC/HE, Sartorius MA).

Mettler Toledo (instrument-formats.md 2): one field per line, label left, value right
(``Start Weight   2.592 g``, ``Dry Weight     2.574 g``, ``Drying Temp    105 øC``,
``End Result    -0.69 -%MC``, ``Measurement end`` + date on the next line). The
result unit decides its meaning: ``%MC`` moisture content, ``-%MC`` the same value
displayed as a loss (so ``-0.69 -%MC`` is 0.69 % moisture, never a negative moisture),
``%DC``/``%SC`` dry (solids) content, ``%AM`` ATRO moisture (water per dry mass, which
is converted to wet basis). The degree sign of a DOS code-page printer stream read as
Latin-1 shows as ``ø``; raw bytes that are not UTF-8 are decoded as cp850 when the
0xF8 degree byte shows it is a DOS stream.

Sartorius MA (22-character frames): ``label(6) sign value unit``, e.g.
``Moist +       22 %M``, ``Ini.wt+    5.123 g``; units ``%M`` moisture, ``%S`` solids,
``%M/S`` ATRO moisture; ``10:23 +  0.23 %M/S`` lines are the print-interval trace;
``Stat  ERR ###`` lines are instrument errors.

The result is stored as ``moisture`` on the as-received (wet) basis, origin "measured";
weights, temperature, time and date go to the metadata.
"""

from __future__ import annotations

import math
import re

from workbench.errors import ImportFormatError
from workbench.importers.base import MiB, ParsedFile, ParsedMeasurement, Reader
from workbench.importers.text import excerpt, split_lines
from workbench.model import Quantity
from workbench.vocab import Basis

_NUM = r"[-+]?\s*\d+(?:[.,]\d+)?"
_SARTORIUS_LINE = re.compile(
    r"^(?P<label>.{0,6}?)\s*(?P<sign>[+-])\s*(?P<value>\d+(?:[.,]\d+)?)\s*(?P<unit>%M/S|%M|%S|g|mg|%)\s*$"
)


def decode_printout(raw: bytes, path: str) -> tuple[str, str]:
    """UTF-8 when valid; otherwise cp850 for DOS printer streams (0xF8 degree byte
    before 'C'), else cp1252. 'ø' before 'C' (0xF8 read as Latin-1) becomes '°'."""
    try:
        text, enc = raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        enc = "cp850" if re.search(rb"\xf8\s?C", raw) else "cp1252"
        text = raw.decode(enc, errors="replace")
    text = re.sub(r"[øº\ufffd]\s?C\b", "°C", text)
    return text, enc


def _num(text: str) -> float | None:
    """The first number in ``text``; None when there is none or it is beyond the range
    of a double (a 400-digit field is damage, not a value)."""
    m = re.search(_NUM, text)
    if not m:
        return None
    value = float(m.group(0).replace(" ", "").replace(",", "."))
    return value if math.isfinite(value) else None


def _minutes(text: str) -> float | None:
    """'5:00 min' -> 5.0; '90 s' -> 1.5; '12 min' -> 12; None when no usable time."""
    m = re.search(r"(\d+):(\d{2})(?::(\d{2}))?", text)
    if m:
        first = float(m.group(1))  # a float: 400 digits give inf, never an OverflowError
        if m.group(3):
            value = first * 60 + float(m.group(2)) + float(m.group(3)) / 60
        else:
            value = first + float(m.group(2)) / 60
        return value if math.isfinite(value) else None
    v = _num(text)
    if v is None:
        return None
    return v / 60 if re.search(r"\bs\b|sec", text) else v


def moisture_from_result(value: float, unit: str) -> tuple[float, str]:
    """Wet-basis moisture % from a printed result and its display unit; returns
    (moisture, how it was obtained). Raises ValueError for an unknown unit."""
    u = unit.strip().upper().replace(" ", "")
    if u in ("%MC", "%M", "%MOISTURE"):
        return value, "printed as moisture content"
    if u in ("-%MC", "-%M"):
        return -value, "printed as loss (-%MC): sign removed"
    if u in ("%DC", "%SC", "%S", "%SOLIDS"):
        return 100.0 - value, "printed as dry/solids content: 100 - value"
    if u in ("%AM", "%M/S", "%ATRO"):
        return 100.0 * value / (100.0 + value), "printed as ATRO moisture (dry basis): converted"
    raise ValueError(unit)


class MettlerPrintoutReader(Reader):
    format_id = "moisture_mettler_printout"
    format_label = "Mettler Toledo moisture analyser printout"
    kinds = ("moisture",)
    max_bytes = 1 * MiB
    memory_multiple = 24.0

    def sniff(self, head: bytes, name: str) -> float:
        h = head[:8192]
        if b"MOISTURE DETERMINATION" in h.upper():
            return 0.95
        if b"Start Weight" in h and b"Dry Weight" in h and b"Result" in h:
            return 0.85
        return 0.0

    def parse(self, raw: bytes, path: str) -> ParsedFile:
        text, enc = decode_printout(raw, path)
        lines = split_lines(text)
        fields: dict[str, str] = {}
        free_text: list[str] = []
        result_line = None
        date = ""
        for i, line in enumerate(lines):
            s = line.strip()
            if (
                not s
                or set(s) <= set("-.=_* ")
                or re.match(r"^-+\s*END\s*-+$", s)
                or "MOISTURE DETERMINATION" in s.upper()
            ):
                continue
            if s.lower().startswith("measurement end") and i + 1 < len(lines):
                date = lines[i + 1].strip()
                continue
            if re.match(r"^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}", s) and s == date:
                continue
            m = re.match(r"^(.*?\S)\s{2,}(\S.*)$", s)
            if m:
                key, value = m.group(1).strip(), m.group(2).strip()
                fields.setdefault(key, value)
                if key.lower() in ("end result", "result", "final result"):
                    result_line = i + 1
            elif s.endswith(":"):
                continue
            else:
                free_text.append(s)
        result = fields.get("End Result") or fields.get("Result") or fields.get("Final Result")
        if not result:
            raise ImportFormatError(
                path, f"line {len(lines)}", "an 'End Result' line such as 'End Result  -0.69 -%MC'"
            )
        rm = re.match(rf"^({_NUM})\s*(\S+)$", result)
        if not rm:
            raise ImportFormatError(
                path,
                f"line {result_line}",
                "a result value and unit (e.g. '-0.69 -%MC')",
                f"found {excerpt(result)}",
            )
        value = float(rm.group(1).replace(" ", "").replace(",", "."))
        if not math.isfinite(value):
            raise ImportFormatError(
                path, f"line {result_line}", "a result value and unit", f"found {excerpt(result)}"
            )
        try:
            moisture, how = moisture_from_result(value, rm.group(2))
        except ValueError:
            raise ImportFormatError(
                path,
                f"line {result_line}",
                "a result unit %MC, -%MC, %DC, %SC or %AM",
                f"found {excerpt(rm.group(2))}",
            ) from None
        meta: dict = {"printed_result": result, "result_interpretation": how, "fields": fields}
        if free_text:
            meta["text_lines"] = free_text
        for key, mkey in (("Start Weight", "start_weight_g"), ("Dry Weight", "dry_weight_g")):
            if key in fields:
                v = _num(fields[key])
                if v is not None:
                    meta[mkey] = v / 1000 if re.search(r"\bmg\b", fields[key]) else v
        if "Drying Temp" in fields:
            meta["drying_temperature_C"] = _num(fields["Drying Temp"])
        unusable: list[str] = []
        for key, mkey in (("Start Weight", "start_weight_g"), ("Dry Weight", "dry_weight_g")):
            if key in fields and mkey not in meta:
                unusable.append(key)
        for key, mkey in (("Total time", "drying_time_min"), ("Switch Off", "switch_off")):
            if key in fields:
                meta[mkey] = _minutes(fields[key]) if mkey == "drying_time_min" else fields[key]
                if meta[mkey] is None:
                    del meta[mkey]
                    unusable.append(key)
        if date:
            meta["date"] = date
        instrument = "Mettler Toledo " + fields.get("Type", "").strip()
        warnings = _check_weights(meta, moisture)
        warnings += [
            f"'{key}' {excerpt(fields[key])} is not a usable number; it was not stored"
            for key in unusable
        ]
        sample = None
        for key in ("Sample ID", "Sample", "ID", "Sample Name"):
            if fields.get(key):
                sample = fields[key]
                break
        method = f"halogen moisture analyser ({instrument.strip()}"
        if meta.get("drying_temperature_C") is not None:
            method += f", {meta['drying_temperature_C']:g} °C"
        method += ")"
        pm = ParsedMeasurement(
            kind="moisture",
            sample_name=sample,
            quantities={
                "moisture": Quantity(
                    moisture, "%", basis=Basis.AS_RECEIVED.value, method=method, origin="measured"
                )
            },
            label=f"Moisture {fields.get('Method Name', '')}".strip(),
            method=method,
            instrument=instrument.strip(),
            basis=Basis.AS_RECEIVED.value,
            metadata=meta,
        )
        return ParsedFile(
            path=path,
            format_id=self.format_id,
            format_label=self.format_label,
            measurements=[pm],
            instrument=instrument.strip(),
            encoding=enc,
            warnings=warnings,
        )


def _check_weights(meta: dict, moisture: float) -> list[str]:
    """A warning when start/dry weights disagree with the printed result beyond the
    printout's rounding (readability 0.01 %MC, weights to 1 mg)."""
    s, d = meta.get("start_weight_g"), meta.get("dry_weight_g")
    if not s or d is None or s <= 0:
        return []
    computed = (s - d) / s * 100.0
    meta["moisture_from_weights_pct"] = computed
    tolerance = 0.011 + 100.0 * 0.001 / s  # result rounding + 1 mg weighing resolution
    if abs(computed - moisture) > tolerance:
        return [f"the printed result {moisture:.2f} % differs from the weights' {computed:.2f} %"]
    return []


# 25 characters on one line, not all blank (a blank line of any length is skipped)
_LONG_LINE = re.compile(r"(?=[^\r\n]*\S)[^\r\n]{25}")


class SartoriusPrintoutReader(Reader):
    format_id = "moisture_sartorius_printout"
    format_label = "Sartorius MA moisture analyser printout (22-character lines)"
    kinds = ("moisture",)
    max_bytes = 1 * MiB
    memory_multiple = 24.0

    def sniff(self, head: bytes, name: str) -> float:
        text = head[:8192].decode("latin-1")
        if _LONG_LINE.search(text):
            return 0.0  # a line longer than the printer's 24 characters
        lines = [ln for ln in split_lines(text) if ln.strip()]
        if not lines:
            return 0.0
        hits = [ln for ln in lines if _SARTORIUS_LINE.match(ln.rstrip())]
        if len(hits) >= 2 and any("%" in h for h in hits):
            return 0.75
        return 0.0

    def parse(self, raw: bytes, path: str) -> ParsedFile:
        text, enc = decode_printout(raw, path)
        lines = split_lines(text)
        results, trace, weights, errors, other = [], [], [], [], []
        trace_line = len(lines)  # the last interval line, once there is one
        for i, line in enumerate(lines, start=1):
            s = line.rstrip()
            if not s.strip():
                continue
            if len(s) > 24:
                raise ImportFormatError(
                    path, f"line {i}", "a printout line of at most 22 characters", f"found {len(s)}"
                )
            if s.strip().startswith("Stat"):
                errors.append(s.strip())
                continue
            m = _SARTORIUS_LINE.match(s)
            if not m:
                other.append(s.strip())
                continue
            label = m.group("label").strip()
            value = float(m.group("value").replace(",", "."))
            if m.group("sign") == "-":
                value = -value
            unit = m.group("unit")
            if unit in ("g", "mg"):
                weights.append({"label": label, "value_g": value / 1000 if unit == "mg" else value})
            elif re.match(r"^\d{1,2}:\d{2}$", label):
                trace.append({"time": label, "value": value, "unit": unit})
                trace_line = i
            else:
                results.append((i, label, value, unit))
        if not results and not trace:
            raise ImportFormatError(
                path, f"line {len(lines)}", "a result line such as 'Moist +    22.00 %M'"
            )
        if results:
            line_no, label, value, unit = results[-1]
        else:
            line_no, label, value, unit = (
                trace_line,
                trace[-1]["time"],
                trace[-1]["value"],
                trace[-1]["unit"],
            )
        try:
            moisture, how = moisture_from_result(value, unit)
        except ValueError:  # a unit the display does not print ('%' alone, ...)
            raise ImportFormatError(
                path,
                f"line {line_no}",
                "a result unit %M, -%M, %S or %M/S",
                f"found {excerpt(unit)}",
            ) from None
        meta: dict = {
            "printed_result": f"{label} {value:g} {unit}",
            "result_interpretation": how,
            "text_lines": other,
        }
        if weights:
            meta["weights_g"] = weights
            meta["start_weight_g"] = weights[0]["value_g"]
            if len(weights) > 1:
                meta["dry_weight_g"] = weights[-1]["value_g"]
        if trace:
            meta["interval_trace"] = trace
        temp = next(
            (re.search(r"(\d+)\s*°C", o) for o in other if re.search(r"(\d+)\s*°C", o)), None
        )
        if temp:
            meta["drying_temperature_C"] = float(temp.group(1))
        date = next((o for o in other if re.search(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}", o)), None)
        if date:
            meta["date"] = date
        warnings = [f"instrument status line: {e}" for e in errors]
        method = "halogen moisture analyser (Sartorius MA)"
        ident = next(
            (m for o in other if (m := re.match(r"^(?:ID|Ident\.?|Sample)\s+(.+)$", o))), None
        )
        pm = ParsedMeasurement(
            kind="moisture",
            sample_name=ident.group(1).strip() if ident else None,
            quantities={
                "moisture": Quantity(
                    moisture, "%", basis=Basis.AS_RECEIVED.value, method=method, origin="measured"
                )
            },
            label="Moisture",
            method=method,
            instrument="Sartorius MA",
            basis=Basis.AS_RECEIVED.value,
            metadata=meta,
        )
        return ParsedFile(
            path=path,
            format_id=self.format_id,
            format_label=self.format_label,
            measurements=[pm],
            instrument="Sartorius MA",
            encoding=enc,
            warnings=warnings,
        )


READERS = [MettlerPrintoutReader(), SartoriusPrintoutReader()]
