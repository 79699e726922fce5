"""Shared pieces of the TGA readers: column names, units and the measurement shape.

Every TGA reader returns measurements of kind ``tga`` with columns named the same way
(``temperature`` in °C, ``time`` in min or s, ``mass`` in mg or %, plus whatever else
the file holds, e.g. ``program_temperature``, ``purge_flow``, ``dtg``), ``signal`` the
mass (or the curve's own value for heat-flow and DTG curves) and ``axes`` the sample
temperature, so plots and the proximate-analysis plugin treat all vendors alike.
"""

from __future__ import annotations

import math
import re
from typing import Any

import numpy as np

from workbench.importers.base import ParsedMeasurement, column

_DEGREE_VARIANTS = ("\u00f8C", "\ufffdC", "?C", "\u00baC", "\u00a2C", "\u009bC", "\u203aC")


def normalise_unit(unit: str) -> str:
    """One spelling per unit: degree signs lost in transcoding become °, mL -> ml,
    ``mgs^-1`` -> ``mg/s``, ``°Cmin^-1`` -> ``°C/min``."""
    u = unit.strip().strip("()[]").strip()
    for bad in _DEGREE_VARIANTS:
        u = u.replace(bad, "°C")
    if u in ("C", "deg C", "degC", "Cel"):
        u = "°C"
    u = u.replace("mL", "ml").replace("mgs^-1", "mg/s").replace("min^-1", "/min")
    u = u.replace("°C/min", "°C/min").replace("s^-1", "/s")
    return u


def split_unit(header: str) -> tuple[str, str]:
    """Split a column header into (name, unit).

    Handles ``Temp./°C`` and ``Gas Flow(purge2)/(ml/min)`` (NETZSCH, first slash),
    ``Time (min)``, ``Weight [mg]`` and ``TG (mg)`` (unit in trailing brackets).
    """
    h = header.strip()
    if h and h[-1] in ")]":
        close, depth = h[-1], 0
        opening = "(" if close == ")" else "["
        for i in range(len(h) - 1, -1, -1):
            if h[i] == close:
                depth += 1
            elif h[i] == opening:
                depth -= 1
                if depth == 0:
                    name = h[:i].rstrip().rstrip("/").strip()
                    if name:
                        return name, normalise_unit(h[i + 1 : -1])
                    break
    if "/" in h:
        name, unit = h.split("/", 1)
        return name.strip(), normalise_unit(unit)
    return h, ""


_NAME_RULES: tuple[tuple[str, str], ...] = (
    (r"^(sample\s*)?temp(erature|\.)?$|^ts$|^näytteen lämpötila$|^lämpötila$", "temperature"),
    (r"^program(med)?\s*temp(erature)?$|^tr$|^reference temp(erature)?$", "program_temperature"),
    (r"^furnace\s*temp(erature)?$|^uunin lämpötila$", "furnace_temperature"),
    (r"^(time|t|aika)$", "time"),
    (r"^(mass|weight|tg|sample weight|unsubtracted weight|massa|paino)$", "mass"),
    (r"^baseline weight$", "baseline_mass"),
    (r"^(dtg|deriv\.? weight|derivative weight)$", "dtg"),
    (r"^(dsc|heat ?flow|heat flow)$", "heat_flow"),
    (r"^segment$", "segment"),
)


def canonical_name(name: str) -> str:
    """The workbench column name for a vendor column name (``Temp.`` -> temperature)."""
    n = name.strip().lower()
    for pattern, canon in _NAME_RULES:
        if re.match(pattern, n):
            return canon
    slug = re.sub(r"[^0-9a-z]+", "_", n.replace("ä", "a").replace("ö", "o")).strip("_")
    return slug or "column"


def unique(name: str, taken: dict[str, Any]) -> str:
    """``name`` or ``name_2``, ``name_3``... when already used."""
    if name not in taken:
        return name
    i = 2
    while f"{name}_{i}" in taken:
        i += 1
    return f"{name}_{i}"


def tga_measurement(
    headers: list[tuple[str, str, str]],
    data: np.ndarray,
    *,
    sample_name: str | None,
    instrument: str = "",
    label: str = "",
    metadata: dict[str, Any] | None = None,
    signal: str | None = None,
) -> ParsedMeasurement:
    """A ``tga`` ParsedMeasurement from (canonical name, unit, original label) triples
    and the matching data columns."""
    cols = {}
    for j, (name, unit, original) in enumerate(headers):
        key = unique(name, cols)
        cols[key] = column(key, unit, data[:, j], label=original)
    if signal is None:
        signal = (
            "mass"
            if "mass" in cols
            else next(
                (c for c in cols if c not in ("time", "temperature", "program_temperature")), None
            )
        )
    axes = ["temperature"] if "temperature" in cols else (["time"] if "time" in cols else [])
    return ParsedMeasurement(
        kind="tga",
        sample_name=sample_name or None,
        columns=cols,
        signal=signal,
        axes=axes,
        label=label,
        instrument=instrument,
        metadata=dict(metadata or {}),
    )


def first_float(text: str) -> float | None:
    """The first number in a piece of header text; a lone decimal comma is accepted
    here (``15,0(K/min)`` in a NETZSCH header that declares decimal points)."""
    m = re.search(r"[-+]?\d+(?:[.,]\d+)?", text)
    if not m:
        return None
    value = float(m.group(0).replace(",", "."))
    return value if math.isfinite(value) else None  # 400 digits: not a usable number
