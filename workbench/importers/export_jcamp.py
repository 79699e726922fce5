"""Writing a spectrum or curve as JCAMP-DX 5.01 text that imports back unchanged.

Values are written in AFFN with XFACTOR = YFACTOR = 1 and Python's shortest
round-trip representation (``repr``), so re-importing gives the very same float64
ordinates. An evenly spaced axis (every x within 1e-6 of a step of
``linspace(first, last, n)``) is written as ``##XYDATA=(X++(Y..Y))`` with FIRSTX,
LASTX, DELTAX and NPOINTS; any other axis as ``##XYPOINTS=(XY..XY)`` pairs, which
keeps every x exactly. Missing values are written as ``?``. Lines stay within 80
characters as the standard asks. Units use the JCAMP names where one exists
("1/CM", "NANOMETERS", "ABSORBANCE"); other units are written as they are.
"""

from __future__ import annotations

import datetime as _dt
import math
from pathlib import Path
from typing import Any

import numpy as np

from workbench.fileio import atomic_write_text
from workbench.importers.spectrum_common import WAVENUMBER

_JCAMP_UNITS = {
    WAVENUMBER: "1/CM",
    "nm": "NANOMETERS",
    "µm": "MICROMETERS",
    "absorbance": "ABSORBANCE",
    "transmittance": "TRANSMITTANCE",
    "reflectance": "REFLECTANCE",
    "Kubelka-Munk": "KUBELKA-MUNK",
    "a.u.": "ARBITRARY UNITS",
    "s": "SECONDS",
    "ms": "MILLISECONDS",
    "Hz": "HZ",
    "m/z": "M/Z",
    "ppm": "PPM",
}
_DATA_TYPES = {
    "FTIR": "INFRARED SPECTRUM",
    "NIR": "INFRARED SPECTRUM",
    "Raman": "RAMAN SPECTRUM",
    "UV-Vis": "UV/VIS SPECTRUM",
    "MS": "MASS SPECTRUM",
    "NMR": "NMR SPECTRUM",
}
MAX_LINE = 80


def _fmt(v: float) -> str:
    return "?" if not math.isfinite(v) else repr(float(v))


def _clean(text: str) -> str:
    """A value safe on one LDR line (no line breaks, no '$$' comment, no '##')."""
    return " ".join(str(text).split()).replace("$$", "$ $").replace("##", "# #")


def jcamp_text(
    x: np.ndarray,
    y: np.ndarray,
    *,
    title: str,
    x_unit: str = "",
    y_unit: str = "",
    data_type: str = "",
    technique: str = "",
    origin: str = "Fibre Workbench export",
    owner: str = "",
    instrument: str = "",
    extra: dict[str, Any] | None = None,
) -> str:
    """The JCAMP-DX 5.01 text of one x/y data set."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if x.ndim != 1 or x.shape != y.shape or x.size == 0:
        raise ValueError("x and y must be 1-D arrays of the same, non-zero length")
    dtype = data_type or _DATA_TYPES.get(technique, "UNKNOWN")
    finite = y[np.isfinite(y)]
    lines = [
        f"##TITLE={_clean(title)}",
        "##JCAMP-DX=5.01",
        f"##DATA TYPE={_clean(dtype)}",
        f"##ORIGIN={_clean(origin)}",
        f"##OWNER={_clean(owner)}",
        f"##LONGDATE={_dt.datetime.now(_dt.UTC).strftime('%Y/%m/%d %H:%M:%S')}",
        f"##XUNITS={_JCAMP_UNITS.get(x_unit, _clean(x_unit))}",
        f"##YUNITS={_JCAMP_UNITS.get(y_unit, _clean(y_unit))}",
    ]
    if instrument:
        lines.append(f"##SPECTROMETER/DATA SYSTEM={_clean(instrument)}")
    for key, value in (extra or {}).items():
        lines.append(f"##${_clean(key).upper()}={_clean(value)}")
    n = x.size
    even = n > 1 and _evenly_spaced(x)
    lines.insert(3, f"##DATA CLASS={'XYDATA' if even else 'XYPOINTS'}")
    lines += ["##XFACTOR=1", "##YFACTOR=1"]
    lines += [f"##FIRSTX={_fmt(x[0])}", f"##LASTX={_fmt(x[-1])}"]
    if even:
        lines.append(f"##DELTAX={_fmt((x[-1] - x[0]) / (n - 1))}")
    lines.append(f"##NPOINTS={n}")
    lines.append(f"##FIRSTY={_fmt(y[0])}")
    if finite.size:
        lines += [f"##MINY={_fmt(finite.min())}", f"##MAXY={_fmt(finite.max())}"]
    if even:
        lines.append("##XYDATA=(X++(Y..Y))")
        lines += _xpp_lines(x, y)
    else:
        lines.append("##XYPOINTS=(XY..XY)")
        lines += [f"{_fmt(a)}, {_fmt(b)}" for a, b in zip(x.tolist(), y.tolist())]
    lines.append("##END=")
    return "\n".join(lines) + "\n"


def _evenly_spaced(x: np.ndarray) -> bool:
    step = (x[-1] - x[0]) / (x.size - 1)
    if step == 0 or not math.isfinite(step):
        return False
    return bool(np.max(np.abs(x - np.linspace(x[0], x[-1], x.size))) <= 1e-6 * abs(step))


def _xpp_lines(x: np.ndarray, y: np.ndarray) -> list[str]:
    out: list[str] = []
    ys = [_fmt(v) for v in y.tolist()]
    i, n = 0, len(ys)
    while i < n:
        line = _fmt(x[i])
        j = i
        while j < n and (j == i or len(line) + 1 + len(ys[j]) <= MAX_LINE):
            line += " " + ys[j]
            j += 1
        out.append(line)
        i = j
    return out


def measurement_jcamp(
    measurement: Any, title: str | None = None, sample_name: str | None = None
) -> str:
    """JCAMP-DX text of a Measurement (or ParsedMeasurement) with a signal and an axis.

    ``sample_name`` (a project Measurement does not carry its sample's name) is
    written as ``##$SAMPLE NAME=``, which our reader prefers to the title when it
    imports the file back, so the spectrum lands on the same sample.
    """
    cols = measurement.columns
    signal = measurement.signal or "y"
    axis = measurement.axes[0] if measurement.axes else "x"
    if signal not in cols or axis not in cols:
        raise ValueError("the measurement has no signal/axis columns to export")
    xc, yc = cols[axis], cols[signal]
    meta = getattr(measurement, "metadata", {}) or {}
    extra = {"SAMPLE NAME": sample_name or getattr(measurement, "sample_name", None) or ""}
    extra = {k: v for k, v in extra.items() if v}
    return jcamp_text(
        np.asarray(xc.values() if hasattr(xc, "values") else xc.data),
        np.asarray(yc.values() if hasattr(yc, "values") else yc.data),
        title=title
        or getattr(measurement, "sample_name", None)
        or getattr(measurement, "label", "")
        or "spectrum",
        x_unit=xc.unit,
        y_unit=yc.unit,
        technique=str(meta.get("technique", "")),
        instrument=getattr(measurement, "instrument", "") or "",
        extra=extra,
    )


def write_jcamp(path: str | Path, text: str) -> None:
    """Write JCAMP-DX text (UTF-8, LF line ends)."""
    atomic_write_text(path, text)
