"""Small helpers plugins share: finding columns by name and converting common units.

Instrument exports name columns in many ways ("Length (mm)", "Pituus (mm)",
"length"), so plugins look columns up by aliases rather than exact names, and take
the unit from ``Column.unit`` or, failing that, from a bracketed unit in the name.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable

import numpy as np

from workbench.errors import AnalysisError
from workbench.model import Column, Measurement

_LENGTH_TO_MM = {
    "mm": 1.0,
    "µm": 1e-3,
    "μm": 1e-3,
    "um": 1e-3,
    "micron": 1e-3,
    "cm": 10.0,
    "m": 1000.0,
}
_MASS_TO_G = {"g": 1.0, "mg": 1e-3, "kg": 1000.0, "µg": 1e-6, "ug": 1e-6}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().casefold())


def column_unit(col: Column) -> str:
    """The column's unit, or the unit written in brackets in its name/label ("Pituus (mm)")."""
    if col.unit:
        return col.unit.strip()
    for text in (col.name, col.label):
        m = re.search(r"[\(\[]\s*([^\)\]]+?)\s*[\)\]]", text or "")
        if m:
            return m.group(1)
    return ""


def find_column(m: Measurement, aliases: Iterable[str], *, required: bool = True) -> Column | None:
    """The first column whose name or label is one of ``aliases`` (optionally + "(unit)").

    Matching is case-insensitive; exact matches win over ones with a unit in brackets. Raises
    ``AnalysisError`` naming the measurement when a required column is absent.
    """
    aliases = [_norm(a) for a in aliases]
    cols = list(m.columns.values())
    for alias in aliases:
        for c in cols:
            if _norm(c.name) == alias or _norm(c.label or "") == alias:
                return c
    for alias in aliases:  # then the alias followed only by a bracketed unit: "Pituus (mm)"
        for c in cols:
            for text in (c.name, c.label or ""):
                t = _norm(text)
                rest = t[len(alias) :].strip()
                if t.startswith(alias) and re.fullmatch(r"[\(\[][^\)\]]*[\)\]]", rest):
                    return c
    if required:
        names = ", ".join(repr(c.name) for c in cols) or "none"
        raise AnalysisError(
            f"measurement {m.label or m.id} has no column like {aliases[0]!r} (columns: {names})"
        )
    return None


def to_mm(values: np.ndarray, unit: str, *, default: str = "mm") -> np.ndarray:
    """Convert lengths to mm; an empty unit means ``default``; unknown units are refused."""
    u = (unit or default).strip()
    factor = _LENGTH_TO_MM.get(u) or _LENGTH_TO_MM.get(u.lower())
    if factor is None:
        raise AnalysisError(f"length unit {unit!r} is not one of {', '.join(_LENGTH_TO_MM)}")
    return np.asarray(values, dtype=float) * factor


def to_um(values: np.ndarray, unit: str, *, default: str = "µm") -> np.ndarray:
    """Convert lengths to µm (fibre widths)."""
    return to_mm(values, unit, default=default) * 1000.0


def to_g(values: np.ndarray, unit: str, *, default: str = "g") -> np.ndarray:
    """Convert masses to g; an empty unit means ``default``."""
    u = (unit or default).strip()
    factor = _MASS_TO_G.get(u) or _MASS_TO_G.get(u.lower())
    if factor is None:
        raise AnalysisError(f"mass unit {unit!r} is not one of {', '.join(_MASS_TO_G)}")
    return np.asarray(values, dtype=float) * factor


FIBRE_LENGTH_ALIASES = ("length", "pituus", "fibre length", "fiber length", "l")


def particle_lengths_mm(m: Measurement) -> tuple[np.ndarray, bool]:
    """Per-particle lengths of a fibre list in mm, and whether the file stated the unit.

    An unstated unit is taken as mm (what fibre analysers report lengths in).
    """
    col = find_column(m, FIBRE_LENGTH_ALIASES)
    unit = column_unit(col)
    return to_mm(finite_values(col), unit), bool(unit)


def finite_values(col: Column) -> np.ndarray:
    """The column as float64 (non-numeric entries become NaN)."""
    arr = np.asarray(col.values())
    if arr.dtype.kind in "biuf":
        return arr.astype(float)
    out = np.full(arr.shape, np.nan)
    for i, v in enumerate(arr.ravel()):
        with contextlib.suppress(ValueError):
            out[i] = float(str(v.decode() if isinstance(v, bytes) else v).replace(",", "."))
    return out
