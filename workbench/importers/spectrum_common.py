"""Shared pieces of the spectrum readers: clean unit names, technique guess, and
building the ParsedMeasurement every spectrum reader returns.

Every spectrum measurement has the same shape so plugins and the GUI need not care
which file it came from: kind "spectrum", columns ``x`` (axis) and ``y`` (signal),
``signal="y"``, ``axes=["x"]``. Points are stored in FILE ORDER (a descending
wavenumber axis stays descending), because that is what the instrument wrote and
"imported data are never modified"; consumers that need ascending x sort a copy.
"""

from __future__ import annotations

import functools
import re
import struct
from collections.abc import Callable
from typing import Any

import numpy as np

from workbench.errors import ImportFormatError
from workbench.importers.base import ParsedFile, ParsedMeasurement, column

WAVENUMBER = "cm⁻¹"

# Upper-cased unit text with spaces, dashes, underscores and dots removed -> clean unit.
_UNITS = {
    "1/CM": WAVENUMBER,
    "CM1": WAVENUMBER,
    "CM^1": WAVENUMBER,
    "CM**1": WAVENUMBER,
    "WAVENUMBER": WAVENUMBER,
    "WAVENUMBERS": WAVENUMBER,
    "WAVENUMBERS(CM1)": WAVENUMBER,
    "RAMANSHIFT": WAVENUMBER,
    "NANOMETERS": "nm",
    "NANOMETER": "nm",
    "NM": "nm",
    "MICROMETERS": "µm",
    "MICROMETER": "µm",
    "MICRONS": "µm",
    "UM": "µm",
    "µM": "µm",
    "ABSORBANCE": "absorbance",
    "TRANSMITTANCE": "transmittance",
    "TRANSMISSION": "transmittance",
    "REFLECTANCE": "reflectance",
    "KUBELKAMUNK": "Kubelka-Munk",
    "LOG(1/R)": "log(1/R)",
    "LOG(1/T)": "absorbance",
    "ARBITRARYUNITS": "a.u.",
    "ARBITRARY": "a.u.",
    "AU": "a.u.",
    "COUNTS": "counts",
    "INTENSITY": "a.u.",
    "HZ": "Hz",
    "SECONDS": "s",
    "MILLISECONDS": "ms",
    "MINUTES": "min",
    "M/Z": "m/z",
    "PPM": "ppm",
    "NANOAMPERES": "nA",
    "DEGREES": "°",
}


def _unit_key(raw: str) -> str:
    key = re.sub(r"[\s\-_.]", "", raw.upper())
    return key.replace("⁻¹", "1").replace("−", "")


def known_unit(text: str | None) -> str:
    """The clean unit when ``text`` is a unit name we know, else ""."""
    return _UNITS.get(_unit_key(text), "") if text else ""


def clean_unit(text: str | None) -> str:
    """A clean unit string for a unit as instruments write it ("1/CM" -> "cm⁻¹").

    Unknown units are returned stripped (and lower-cased when shouted in capitals)
    rather than dropped, so nothing the file says is lost.
    """
    if not text:
        return ""
    raw = text.strip()
    key = _unit_key(raw)
    if key in _UNITS:
        return _UNITS[key]
    return raw.lower() if raw.isupper() and len(raw) > 3 else raw


def guess_technique(hint: str, x_unit: str, x: np.ndarray) -> str:
    """NIR, FTIR, Raman, UV-Vis, NMR or MS from a data-type hint and the x axis.

    The hint (JCAMP DATA TYPE, SPC axis type, file text) wins; otherwise the axis
    unit and range decide: nm/µm above 780 nm -> NIR, cm⁻¹ above 4500 -> NIR,
    cm⁻¹ -> FTIR. Returns "" when nothing says.
    """
    h = hint.upper()
    if "RAMAN" in h:
        return "Raman"
    if "NMR" in h:
        return "NMR"
    if "MASS" in h:
        return "MS"
    if "UV" in h or "VIS" in h:
        return "UV-Vis"
    if "NIR" in h or "NEAR" in h:
        return "NIR"
    if x_unit == "m/z":
        return "MS"
    finite = x[np.isfinite(x)] if x.size else x
    if not finite.size:
        return "FTIR" if "INFRARED" in h or h.strip() == "IR" else ""
    lo, hi = float(finite.min()), float(finite.max())
    if x_unit == "nm":
        return "NIR" if hi > 780 else "UV-Vis"
    if x_unit == "µm":
        return "NIR" if hi <= 2.6 else "FTIR"
    if x_unit == WAVENUMBER:
        if lo >= 3800 and hi > 4500:
            return "NIR"
        return "FTIR"
    if "INFRARED" in h or h.strip() == "IR":
        return "FTIR"
    return ""


def spectrum(
    x: np.ndarray,
    y: np.ndarray,
    *,
    x_unit: str,
    y_unit: str,
    label: str,
    sample_name: str | None = None,
    instrument: str = "",
    x_label: str = "",
    y_label: str = "",
    technique: str = "",
    metadata: dict[str, Any] | None = None,
) -> ParsedMeasurement:
    """The ParsedMeasurement of one spectrum (kind "spectrum", columns x and y)."""
    meta = dict(metadata or {})
    if technique:
        meta["technique"] = technique
    meta.setdefault("n_points", int(np.asarray(x).shape[0]))
    return ParsedMeasurement(
        kind="spectrum",
        sample_name=(sample_name or None),
        columns={
            "x": column("x", x_unit, x, x_label or _axis_label(x_unit)),
            "y": column("y", y_unit, y, y_label or (y_unit.capitalize() if y_unit else "Signal")),
        },
        signal="y",
        axes=["x"],
        label=label,
        instrument=instrument,
        metadata=meta,
    )


def _axis_label(unit: str) -> str:
    return {
        WAVENUMBER: "Wavenumber",
        "nm": "Wavelength",
        "µm": "Wavelength",
        "m/z": "Mass-to-charge ratio",
        "s": "Time",
        "ms": "Time",
        "min": "Time",
        "Hz": "Frequency",
        "ppm": "Chemical shift",
    }.get(unit, "x")


_UNIT_IN_LABEL = re.compile(r"[\(\[]([^\)\]]{1,20})[\)\]]\s*$|/\s*([^\s/]{1,20})\s*$")


def unit_from_label(text: str) -> str:
    """The x unit an axis label states: in brackets or after a slash (``Wavenumber
    (cm-1)``, ``Wavelength [nm]``, ``Raman shift / cm^-1``), else from its words
    (``Raman shift`` and ``wavenumber`` are cm⁻¹); "" when it states none. A label
    that says only "wavelength" names no unit (nm or µm is the reader's to assume)."""
    text = (text or "").strip()
    if not text:
        return ""
    m = _UNIT_IN_LABEL.search(text)
    if m:
        unit = clean_unit(m.group(1) or m.group(2))
        if unit:
            return unit
    low = text.lower()
    if known_unit(text):
        return known_unit(text)
    if "raman" in low or "wavenumber" in low or "cm-1" in low or "cm^-1" in low or "1/cm" in low:
        return WAVENUMBER
    return ""


# x ranges an instrument of the field writes in each unit (wide: an implausible range
# is a warning to check the unit, never a refusal)
PLAUSIBLE_X = {
    WAVENUMBER: (-2000.0, 30000.0),  # anti-Stokes Raman to near-UV; FT-IR 400-4000
    "nm": (150.0, 3500.0),  # UV-Vis-NIR
    "µm": (0.15, 60.0),
}


def is_point_index(x: np.ndarray) -> bool:
    """True for 0, 1, 2, ... or 1, 2, 3, ... (either direction): point numbers, not an
    axis of the spectrum."""
    if x.size < 3 or not np.all(np.isfinite(x)):
        return False
    steps = np.diff(x)
    first = float(min(x[0], x[-1]))
    return (
        first in (0.0, 1.0)
        and bool(np.all(np.abs(steps) == 1.0))
        and bool(np.all(steps == steps[0]))
    )


def check_axes(parsed: ParsedFile) -> None:
    """Units are never silently assumed: add a warning to ``parsed`` for every spectrum
    whose x unit the file does not state, whose unit the reader assumed
    (``metadata["x_unit_assumed"]``), whose x is a point index, or whose x range is
    implausible for its unit. Each warning once per file."""
    seen = set(parsed.warnings)

    def warn(text: str) -> None:
        if text not in seen:
            seen.add(text)
            parsed.warnings.append(text)

    for pm in parsed.measurements:
        if pm.kind != "spectrum" or "x" not in pm.columns:
            continue
        col = pm.columns["x"]
        x = np.asarray(col.data, dtype=np.float64)
        assumed = pm.metadata.get("x_unit_assumed")
        if is_point_index(x) and col.unit in ("", WAVENUMBER, "nm", "µm"):
            if not col.unit or assumed:  # the numbers outweigh a guess of a unit
                pm.columns["x"] = column("x", "", x, "Point index")
                pm.metadata["x_is_point_index"] = True
                pm.metadata.pop("x_unit_assumed", None)
            warn(
                "x counts points (0, 1, 2, …): a point index, not a wavenumber or "
                "wavelength axis; the spectrum is shown against point numbers"
            )
            continue
        if assumed:
            warn(f"the x unit {col.unit or '(none)'} was assumed: {assumed}")
        elif not col.unit:
            warn("the file states no x unit; x is shown without one")
        finite = x[np.isfinite(x)]
        limits = PLAUSIBLE_X.get(col.unit)
        if limits and finite.size and (finite.min() < limits[0] or finite.max() > limits[1]):
            warn(
                f"x runs from {finite.min():g} to {finite.max():g}, which is unusual for "
                f"{col.unit}; check that the unit is right"
            )


def guarded(parse: Callable[[Any, bytes, str], ParsedFile]):
    """Wrap a reader's ``parse`` so that nothing but ImportFormatError escapes it.

    The readers check what they can and name the place; this is the last line for
    damaged files that slip past those checks (a cut number, an impossible count),
    so a user never sees a traceback for a bad file. numpy's cast warnings on
    garbage floats are silenced for the same reason.
    """

    @functools.wraps(parse)
    def wrapper(self, raw: bytes, path: str) -> ParsedFile:
        try:
            with np.errstate(all="ignore"):
                return parse(self, raw, path)
        except ImportFormatError:
            raise
        except (ValueError, IndexError, KeyError, struct.error, OverflowError, MemoryError) as exc:
            raise ImportFormatError(
                path, "content", f"a well-formed {self.format_label} file", str(exc)[:200]
            ) from None

    return wrapper
