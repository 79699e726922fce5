"""Gravimetric moisture (ISO 18134) and ash (ISO 18122) worksheets with replicates.

A worksheet is a table with one row per weighing replicate. Moisture: dish, dish +
wet sample, dish + dry sample (``Astia``, ``Astia + märkä näyte``, ``Astia + kuiva
näyte`` in Finnish), oven temperature. Ash: crucible, crucible + sample, crucible + ash
(``Upokas``, ``Upokas + näyte``, ``Upokas + tuhka``), furnace temperature and the
moisture of the analysis sample (needed for the dry-basis correction). Headers are
recognised by words in English or Finnish, with units in brackets or as ``_g`` /
``_C`` / ``_pct`` suffixes; delimiter and decimal mark are detected.

Output: ONE measurement per sample (kind ``moisture`` or ``ash``) holding the
replicates as rows of its columns - ``replicate``, ``dish_mass`` /
``dish_plus_wet_mass`` / ``dish_plus_dry_mass`` or ``crucible_mass`` /
``crucible_plus_sample_mass`` / ``crucible_plus_ash_mass`` (all in g),
``oven_temperature`` / ``furnace_temperature`` (°C) and ``analysis_moisture`` (%, wet
basis of the analysis sample). Imported data stay raw: the moisture and ash values are
computed by the moisture/ash analysis plugin. Only a result the file itself states
(a ``Moisture %`` / ``Ash %`` column) becomes a quantity.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from workbench.errors import ImportFormatError
from workbench.importers.base import MiB, ParsedFile, ParsedMeasurement, Reader, column
from workbench.importers.numtable import majority_decimal, parse_cells
from workbench.importers.text import decode, letter_rows, sniff_delimiter, split_lines
from workbench.model import Quantity
from workbench.vocab import Basis, ash_method

_WEIGHINGS = {
    "dish": "dish_mass",
    "dish_wet": "dish_plus_wet_mass",
    "dish_dry": "dish_plus_dry_mass",
    "crucible": "crucible_mass",
    "crucible_sample": "crucible_plus_sample_mass",
    "crucible_ash": "crucible_plus_ash_mass",
}
MAX_HEADER_CELL = 200
_MOISTURE_SET = ("dish", "dish_wet", "dish_dry")
_ASH_SET = ("crucible", "crucible_sample", "crucible_ash")


def _words(cell: str) -> tuple[str, str]:
    """(normalised lower-case words, unit) of a header cell."""
    s = cell.strip().strip('"')
    unit = ""
    if len(s) > MAX_HEADER_CELL:
        return s[:MAX_HEADER_CELL].lower(), ""  # no column name is this long
    m = re.search(r"[\(\[]\s*([^\(\)\[\]]*)\s*[\)\]]\s*$", s)
    if m:
        unit = m.group(1).strip()
        s = s[: m.start()]
    s = s.lower().replace("_", " ").replace("+", " plus ")
    tail = re.search(r"\s(g|mg|c|degc|pct|percent)$", s)
    if tail and not unit:
        unit = {"c": "°C", "degc": "°C", "pct": "%", "percent": "%"}.get(
            tail.group(1), tail.group(1)
        )
        s = s[: tail.start()]
    unit = unit.replace("øC", "°C").replace("\ufffdC", "°C").replace("ºC", "°C")
    return " ".join(s.split()), unit


@lru_cache(maxsize=4096)
def role(cell: str) -> tuple[str | None, str]:
    """The worksheet role of a header cell (sample, replicate, dish, dish_wet, ...).
    (Cached: the sniffer asks it of the header cells of every file of a batch.)"""
    w, unit = _words(cell)
    has = lambda *keys: any(re.search(rf"\b{k}", w) for k in keys)  # noqa: E731
    plus = " plus " in f" {w} " or "+" in cell
    if has("dish", "astia", "vuoka", "tray", "container"):
        if has("wet", "märkä", "kostea", "moist") or (plus and not has("dry", "kuiva")):
            return "dish_wet", unit
        if has("dry", "kuiva"):
            return "dish_dry", unit
        return "dish", unit
    if has("crucible", "upokas", "kuppi"):
        if has("ash", "tuhka"):
            return "crucible_ash", unit
        if plus or has("sample", "näyte"):
            return "crucible_sample", unit
        return "crucible", unit
    if re.fullmatch(r"(sample( id| name)?|näyte(tunnus)?|näytteen nimi|tunnus|id)", w):
        return "sample", unit
    if re.fullmatch(r"(replicate|rep\.?|repeat|rinnakkainen|rinnakkaisnäyte|toisto|n:o|nro)", w):
        return "replicate", unit
    if has("moisture", "kosteus") and has("analysis", "analyysi"):
        return "analysis_moisture", unit or "%"
    if has("temperature", "temp", "lämpötila", "uuni", "furnace", "oven") or unit == "°C":
        return "temperature", unit or "°C"
    if has("ash", "tuhka") and unit == "%":
        return "ash_result", unit
    if has("moisture", "kosteus"):
        return "moisture_result", unit or "%"
    return None, unit


def _find_header(lines: list[str]) -> tuple[int, str, list[str]] | None:
    for i in letter_rows(lines[:40]):  # a header names its columns
        line = lines[i]
        delim = sniff_delimiter([line]) or sniff_delimiter(lines[i : i + 3])
        if not delim:
            continue
        cells = line.split(delim)
        roles = {role(c)[0] for c in cells}
        if len(roles & set(_MOISTURE_SET)) >= 2 or len(roles & set(_ASH_SET)) >= 2:
            return i, delim, cells
    return None


class GravimetricReader(Reader):
    format_id = "gravimetric_worksheet"
    format_label = "Gravimetric moisture / ash worksheet (ISO 18134 / ISO 18122)"
    kinds = ("moisture", "ash")
    max_bytes = 8 * MiB
    memory_multiple = 16.0

    def sniff(self, head: bytes, name: str) -> float:
        text, _ = decode(head, name)
        return 0.9 if _find_header(split_lines(text)[:40]) else 0.0

    def parse(self, raw: bytes, path: str) -> ParsedFile:
        text, encoding = decode(raw, path)
        lines = split_lines(text)
        found = _find_header(lines)
        if not found:
            raise ImportFormatError(
                path,
                "line 1",
                "a header with dish / dish + wet / dish + dry (moisture) or crucible / "
                "crucible + sample / crucible + ash (ash) columns",
            )
        h, delim, cells = found
        roles = [role(c) for c in cells]
        kinds = {r for r, _ in roles}
        ash = len(kinds & set(_ASH_SET)) >= 2
        needed = _ASH_SET if ash else _MOISTURE_SET
        missing = [k for k in needed if k not in kinds]
        if missing:
            raise ImportFormatError(
                path, f"line {h + 1}", f"columns for {', '.join(missing)}", f"header: {lines[h]!r}"
            )
        numeric_idx = [j for j, (r, _) in enumerate(roles) if r not in ("sample", None)]
        sample_j = next((j for j, (r, _) in enumerate(roles) if r == "sample"), None)
        names = [cells[j].strip() for j in numeric_idx]
        # one pass over the rows, keeping only their numeric cells (blank lines stay
        # blank, so the strict parse below names the file's own line numbers)
        numeric_lines: list[str] = []
        samples: list[str] = []
        votes: list[str] = []
        for ln in lines[h + 1 :]:
            if not ln.strip(delim + " \t"):
                numeric_lines.append("")
                continue
            c = ln.split(delim)
            numeric = [c[j] if j < len(c) else "" for j in numeric_idx]
            if len(votes) < 5000:
                votes.extend(numeric)
            numeric_lines.append(delim.join(numeric))
            named = sample_j is not None and sample_j < len(c)
            samples.append(c[sample_j].strip().strip('"') if named else "")
        if not samples:
            raise ImportFormatError(path, f"line {h + 2}", "at least one replicate row")
        decimal = majority_decimal(votes, delim)
        values = parse_cells(numeric_lines, h + 2, delim, decimal, path, names)
        rows_of: dict[str, list[int]] = {}  # sample -> its rows, in the file's order
        for k, name in enumerate(samples):
            rows_of.setdefault(name, []).append(k)
        out = [
            self._measurement(
                name or None, values[idx], [roles[j] for j in numeric_idx], names, ash, path
            )
            for name, idx in rows_of.items()
        ]
        return ParsedFile(
            path=path,
            format_id=self.format_id,
            format_label=self.format_label,
            measurements=out,
            encoding=encoding,
            metadata={"decimal_mark": decimal, "delimiter": delim},
        )

    def _measurement(self, sample, vals, roles, names, ash, path) -> ParsedMeasurement:
        cols = {}
        meta: dict = {}
        quantities = {}
        rep = next((k for k, (r, _) in enumerate(roles) if r == "replicate"), None)
        replicates = vals[:, rep] if rep is not None else np.arange(1, len(vals) + 1, dtype=float)
        cols["replicate"] = column("replicate", "", replicates, label="Replicate")
        for k, (r, unit) in enumerate(roles):
            v = vals[:, k]
            if r in _WEIGHINGS:
                factor = 0.001 if unit == "mg" else 1.0
                cols[_WEIGHINGS[r]] = column(_WEIGHINGS[r], "g", v * factor, label=names[k])
            elif r == "temperature":
                key = "furnace_temperature" if ash else "oven_temperature"
                cols[key] = column(key, "°C", v, label=names[k])
                if np.all(v == v[0]):
                    meta[f"{key}_C"] = float(v[0])
            elif r == "analysis_moisture":
                cols["analysis_moisture"] = column("analysis_moisture", "%", v, label=names[k])
            elif r in ("ash_result", "moisture_result"):
                pid = "ash" if r == "ash_result" else "moisture"
                basis = Basis.DRY.value if pid == "ash" else Basis.AS_RECEIVED.value
                reps = [float(x) for x in v]
                quantities[pid] = Quantity(
                    float(np.mean(v)),
                    "%",
                    basis=basis,
                    sd=float(np.std(v, ddof=1)) if len(v) > 1 else None,
                    n=len(reps),
                    method=ash_method(_constant(vals, roles, "temperature"))
                    if pid == "ash"
                    else "ISO 18134-2",
                    origin="measured",
                    replicates=reps,
                )
            elif r is None:
                key = re.sub(r"\W+", "_", names[k].lower()).strip("_") or f"column_{k}"
                cols[key] = column(key, unit, v, label=names[k])
        if ash:
            state = next(
                (n for n, (r, _) in zip(names, roles, strict=True) if r == "crucible_sample"), ""
            )
            meta["sample_state"] = (
                "dry" if re.search(r"dry|kuiva", state, re.I) else "analysis sample"
            )
        return ParsedMeasurement(
            kind="ash" if ash else "moisture",
            sample_name=sample,
            columns=cols,
            quantities=quantities,
            label=("Ash weighings" if ash else "Moisture weighings")
            + (f" {sample}" if sample else ""),
            method=ash_method(meta.get("furnace_temperature_C")) if ash else "ISO 18134-2",
            basis=Basis.DRY.value if ash else Basis.AS_RECEIVED.value,
            metadata={**meta, "n_replicates": len(vals)},
        )


def _constant(vals, roles, role: str) -> float | None:
    """The value of a column that is the same on every row (the furnace temperature)."""
    for k, (r, _unit) in enumerate(roles):
        if r == role:
            v = vals[:, k]
            if len(v) and np.all(v == v[0]):
                return float(v[0])
    return None


READERS = [GravimetricReader()]
