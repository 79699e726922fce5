"""Proximate analysis from a thermogravimetric curve (ASTM E1131 style), plain functions.

ASTM E1131 separates "highly volatile matter" (moisture and other components volatile
at 200 °C or less), "medium volatile matter" released in an inert gas, combustible
material burnt after switching to an oxidising gas, and the residue (ash). With the
mass ``w`` in % of the initial (as-received) mass:

* moisture (as received)       M     = 100 - w(T_moisture)           default T = 150 °C
* volatile matter (dry basis)  VM_db = (w(T_moisture) - w_switch) / (100 - M) * 100
* ash (dry basis)              A_db  = w_end / (100 - M) * 100
* fixed carbon (dry basis)     FC_db = 100 - VM_db - A_db             (by difference)

``w_switch`` is the mass when the gas is switched from inert to oxidising (from the
file's gas-switch metadata, a temperature, a time or a row index); ``w_end`` the
residue at the end of the run. 150 °C is the moisture end used by a testing
laboratory running E1131 (loss in N2 up to 150 °C); biomass starts to decompose
above ~200 °C, E1131's upper bound for highly volatile matter. 900 °C is the classic
volatile-matter temperature (900 ± 20 °C, inert).

DTG = -dw/dT (% per °C) of the heating part of the curve after Savitzky-Golay
smoothing of mass and temperature; peaks are local maxima whose prominence exceeds a
fraction of the largest DTG value.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy.signal import find_peaks, savgol_filter

from workbench.messages import Message, bilingual, fi_number


@dataclass
class Proximate:
    moisture_ar: float
    volatile_db: float
    ash_db: float | None
    fixed_carbon_db: float | None
    switch_index: int
    moisture_index: float  # fractional row where T_moisture was reached
    notes: list[Message] = field(default_factory=list)


def crossing(temperature: np.ndarray, threshold: float, stop: int | None = None) -> float | None:
    """Fractional index where the temperature first reaches ``threshold`` (linear interpolation)."""
    t = np.asarray(temperature, dtype=float)[: stop if stop is not None else None]
    above = np.flatnonzero(t >= threshold)
    if above.size == 0:
        return None
    i = int(above[0])
    if i == 0:
        return 0.0
    t0, t1 = t[i - 1], t[i]
    return i - 1 + (threshold - t0) / (t1 - t0) if t1 != t0 else float(i)


def at_index(values: np.ndarray, idx: float) -> float:
    """Linear interpolation of ``values`` at a fractional row index."""
    v = np.asarray(values, dtype=float)
    i = int(np.floor(idx))
    if i >= v.size - 1:
        return float(v[-1])
    frac = idx - i
    return float(v[i] * (1 - frac) + v[i + 1] * frac)


def proximate(
    temperature: np.ndarray,
    mass_pct: np.ndarray,
    switch_index: int,
    t_moisture: float = 150.0,
    end_points: int = 1,
) -> Proximate:
    """Moisture (ar), VM, ash and FC (dry basis) from a curve in % of initial mass."""
    t = np.asarray(temperature, dtype=float)
    w = np.asarray(mass_pct, dtype=float)
    if t.size < 5 or t.size != w.size:
        raise ValueError("a TGA curve needs at least 5 points of temperature and mass")
    notes: list[Message] = []
    idx_m = crossing(t, t_moisture, stop=switch_index + 1)
    if idx_m is None:
        raise ValueError(f"the curve never reaches the moisture end temperature {t_moisture} °C")
    w_m = at_index(w, idx_m)
    moisture = 100.0 - w_m
    if not 0.0 <= moisture < 100.0:
        raise ValueError(f"moisture {moisture:.2f} % is outside 0-100 %")
    w_s = float(w[switch_index])
    dry = 100.0 - moisture
    volatile = (w_m - w_s) / dry * 100.0
    ash = fixed = None
    if switch_index < w.size - 1:
        w_end = float(np.mean(w[-max(1, end_points) :]))
        ash = w_end / dry * 100.0
        fixed = 100.0 - volatile - ash
        if fixed < 0:
            notes.append(
                bilingual(
                    f"Fixed carbon by difference is negative ({fixed:.2f} %): check the gas "
                    "switch and windows.",
                    "Erotuksena laskettu kiinteä hiili on negatiivinen "
                    f"({fi_number(fixed, '.2f')} %): "
                    "tarkista kaasunvaihto ja lämpötilaikkunat.",
                )
            )
    else:
        notes.append(
            bilingual(
                "No oxidising segment after the switch: ash and fixed carbon cannot be determined.",
                "Kaasunvaihdon jälkeen ei ole hapettavaa vaihetta: tuhkaa ja kiinteää hiiltä "
                "ei voida määrittää.",
            )
        )
    return Proximate(moisture, volatile, ash, fixed, int(switch_index), float(idx_m), notes)


def dtg(
    temperature: np.ndarray,
    mass_pct: np.ndarray,
    stop: int,
    window: int = 11,
    min_rate: float = 0.5,
) -> tuple[np.ndarray, np.ndarray]:
    """(T, -dw/dT) over rows [0, stop) where the temperature rises, smoothed (Savitzky-Golay).

    Rows where the smoothed heating rate per row is below ``min_rate`` × its median
    (isothermal holds, cooling) are left out, so the derivative never divides by ~0.
    """
    t = np.asarray(temperature, dtype=float)[:stop]
    w = np.asarray(mass_pct, dtype=float)[:stop]
    n = t.size
    if n < 5:
        return np.array([]), np.array([])
    win = min(window if window % 2 else window + 1, n if n % 2 else n - 1)
    win = max(win, 5)
    if win > n:
        return np.array([]), np.array([])
    ts = savgol_filter(t, win, 2)
    dw = savgol_filter(w, win, 2, deriv=1)
    dt = savgol_filter(t, win, 2, deriv=1)
    positive = dt[dt > 0]
    if positive.size == 0:
        return np.array([]), np.array([])
    ok = dt > min_rate * float(np.median(positive))
    return ts[ok], -dw[ok] / dt[ok]


def dtg_peaks(
    temp: np.ndarray, rate: np.ndarray, rel_prominence: float = 0.1
) -> tuple[np.ndarray, np.ndarray]:
    """Temperatures and rates of DTG peaks with prominence >= rel_prominence × max rate."""
    if rate.size < 3 or float(np.max(rate)) <= 0:
        return np.array([]), np.array([])
    idx, _ = find_peaks(rate, prominence=rel_prominence * float(np.max(rate)))
    return temp[idx], rate[idx]
