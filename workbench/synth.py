"""Synthetic instrument data for the demonstration project and the self-test.

Each function turns a few target values (moisture, volatile matter, ash, composition,
a fibre length) into the raw data an instrument would give: gravimetric weighings, a
TGA mass curve, an NIR spectrum, a per-particle fibre list. The targets are recovered
exactly (weighings, TGA step heights) or statistically (fibre means), so analyses run
on the demo give back the published typical values the demo was built from.

Everything is deterministic for a given ``numpy.random.Generator`` seed. These are
illustrations, not models of real instruments: band positions and peak shapes are
approximate, and nothing here should be read as a measurement.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

# Approximate centres (nm) and widths (nm, 1 sigma) of NIR absorption bands commonly
# assigned for lignocellulose: O-H and C-H overtones and combinations. Illustrative.
NIR_BANDS: dict[str, list[tuple[float, float, float]]] = {
    # component: [(centre_nm, sigma_nm, relative amplitude), ...]
    "water": [(1450.0, 45.0, 0.55), (1940.0, 50.0, 1.0)],
    "cellulose": [
        (1490.0, 30.0, 0.25),
        (1780.0, 25.0, 0.2),
        (2100.0, 35.0, 0.45),
        (2335.0, 30.0, 0.35),
    ],
    "hemicellulose": [(1720.0, 30.0, 0.12), (2270.0, 30.0, 0.2)],
    "lignin": [(1670.0, 25.0, 0.22), (2130.0, 30.0, 0.15), (2270.0, 25.0, 0.25)],
    "ash": [(2210.0, 60.0, 0.05)],
}


def nir_spectrum(
    wavelength_nm: np.ndarray,
    composition_db: Mapping[str, float],
    moisture_ar: float,
    rng: np.random.Generator,
    noise_sd: float = 5e-4,
) -> np.ndarray:
    """Absorbance (log 1/R) of a synthetic diffuse-reflectance NIR spectrum.

    ``composition_db`` gives mass % on dry basis of cellulose, hemicellulose, lignin and
    ash; each band's height scales with its component's share of the wet material, so
    a wetter sample has stronger water bands and weaker dry-matter bands. A sloping
    scatter baseline and seeded Gaussian noise are added.
    """
    x = np.asarray(wavelength_nm, dtype=float)
    dry_share = 1.0 - moisture_ar / 100.0
    shares = {"water": moisture_ar / 100.0}
    for comp in ("cellulose", "hemicellulose", "lignin", "ash"):
        shares[comp] = dry_share * float(composition_db.get(comp, 0.0)) / 100.0
    y = 0.15 + 0.10 * (x - x[0]) / max(x[-1] - x[0], 1.0)  # scatter baseline
    for comp, bands in NIR_BANDS.items():
        for centre, sigma, amplitude in bands:
            y = y + shares[comp] * amplitude * np.exp(-0.5 * ((x - centre) / sigma) ** 2)
    return y + rng.normal(0.0, noise_sd, size=x.shape)


@dataclass(frozen=True)
class TgaProgramme:
    """Heating programme of the synthetic TGA run (ASTM E1131 style proximate analysis).

    Heat from ``start_c`` to ``end_c`` at ``rate_k_per_min`` in nitrogen, switch to air
    at ``end_c`` and hold ``hold_min`` minutes so that the fixed carbon burns off.
    """

    start_c: float = 25.0
    end_c: float = 900.0
    rate_k_per_min: float = 10.0
    hold_min: float = 20.0
    step_min: float = 0.1

    @property
    def switch_min(self) -> float:
        return (self.end_c - self.start_c) / self.rate_k_per_min


def _logistic(t: np.ndarray, centre: float, width: float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(t - centre) / width))


def _released(t: np.ndarray, centre: float, width: float, t0: float, t1: float) -> np.ndarray:
    """Fraction released by temperature ``t``: 0 at ``t0``, exactly 1 at ``t1``."""
    lo, hi = _logistic(np.array([t0, t1]), centre, width)
    return np.clip((_logistic(t, centre, width) - lo) / (hi - lo), 0.0, 1.0)


def tga_curve(
    moisture_ar: float,
    volatile_db: float,
    ash_db: float,
    composition_db: Mapping[str, float],
    rng: np.random.Generator,
    programme: TgaProgramme | None = None,
    noise_sd: float = 0.01,
) -> dict[str, np.ndarray]:
    """Time (min), temperature (°C) and mass (% of initial) of a synthetic TGA run.

    The sample is as received. Mass steps: moisture ``M`` (complete by 150 °C), volatile
    matter ``VM_db * (100 - M) / 100`` released in nitrogen by the end temperature as
    hemicellulose-, cellulose- and lignin-like steps weighted by ``composition_db``, then
    fixed carbon (by difference, ``100 - VM_db - A_db`` on dry basis) burning in air
    during the hold, leaving the ash ``A_db * (100 - M) / 100``. The mass at the switch
    and at the end equal these targets to within the noise.
    """
    prog = programme or TgaProgramme()
    fixed_db = 100.0 - volatile_db - ash_db
    if fixed_db < 0:
        raise ValueError("volatile matter plus ash exceed 100 % on dry basis")
    dry = (100.0 - moisture_ar) / 100.0
    n_heat = round(prog.switch_min / prog.step_min)
    n_hold = round(prog.hold_min / prog.step_min)
    time = np.arange(n_heat + n_hold + 1) * prog.step_min
    temp = np.minimum(prog.start_c + prog.rate_k_per_min * time, prog.end_c)
    t0, t1 = prog.start_c, prog.end_c  # moisture released from t0, all volatiles by t1

    weights = np.array(
        [composition_db.get(k, 0.0) for k in ("hemicellulose", "cellulose", "lignin")]
    )
    weights = weights / weights.sum() if weights.sum() > 0 else np.array([0.3, 0.45, 0.25])
    steps = [(290.0, 18.0), (350.0, 10.0), (420.0, 60.0)]  # centre °C, width K
    # devolatilisation starts after the drying step (plateau 150-200 °C, as on real curves)
    released = sum(w * _released(temp, c, s, 150.0, t1) for w, (c, s) in zip(weights, steps))
    mass = 100.0 - moisture_ar * _released(temp, 80.0, 12.0, t0, 150.0)
    mass = mass - volatile_db * dry * released
    burn_min = np.clip(time - prog.switch_min, 0.0, None)
    burnt = 1.0 - np.exp(-burn_min / 1.5)
    burnt = burnt / burnt[-1] if burnt[-1] > 0 else burnt
    mass = mass - fixed_db * dry * burnt
    mass = mass + rng.normal(0.0, noise_sd, size=mass.shape)
    return {"time": time, "temperature": temp, "mass": mass}


def moisture_weighings(
    moisture_ar: float, n: int, sd: float, rng: np.random.Generator
) -> dict[str, np.ndarray]:
    """Dish, dish + wet sample and dish + dried sample masses (g), ISO 18134-2 style.

    Keys are the column names the gravimetric importer gives (``dish_mass``,
    ``dish_plus_wet_mass``, ``dish_plus_dry_mass``).

    Each replicate's moisture is drawn around ``moisture_ar`` with standard deviation
    ``sd`` (percentage points); masses are rounded to 0.1 mg as a balance would.
    """
    dish = np.round(rng.uniform(20.0, 30.0, n), 4)
    wet = np.round(rng.uniform(9.0, 11.0, n), 4)
    target = moisture_ar + rng.normal(0.0, sd, n)
    dry = np.round(wet * (1.0 - target / 100.0), 4)
    return {
        "dish_mass": dish,
        "dish_plus_wet_mass": np.round(dish + wet, 4),
        "dish_plus_dry_mass": np.round(dish + dry, 4),
    }


def moisture_from_weighings(w: Mapping[str, np.ndarray]) -> np.ndarray:
    """Moisture (% wet basis) per replicate: (m2 - m3) / (m2 - m1) * 100, ISO 18134-2."""
    return (
        (w["dish_plus_wet_mass"] - w["dish_plus_dry_mass"])
        / (w["dish_plus_wet_mass"] - w["dish_mass"])
        * 100.0
    )


def ash_weighings(
    ash_db: float, moisture_ad: float, n: int, sd_rel: float, rng: np.random.Generator
) -> dict[str, np.ndarray]:
    """Crucible, crucible + analysis sample, crucible + ash masses (g), ISO 18122 style.

    Keys are the gravimetric importer's column names (``crucible_mass``,
    ``crucible_plus_sample_mass``, ``crucible_plus_ash_mass``).

    The analysis sample holds ``moisture_ad`` % moisture; each replicate's dry-basis ash
    is drawn around ``ash_db`` with relative standard deviation ``sd_rel``.
    """
    crucible = np.round(rng.uniform(15.0, 25.0, n), 4)
    sample = np.round(rng.uniform(1.0, 2.0, n), 4)
    target = ash_db * (1.0 + rng.normal(0.0, sd_rel, n))
    ash = np.round(sample * (1.0 - moisture_ad / 100.0) * target / 100.0, 4)
    return {
        "crucible_mass": crucible,
        "crucible_plus_sample_mass": np.round(crucible + sample, 4),
        "crucible_plus_ash_mass": np.round(crucible + ash, 4),
    }


def ash_from_weighings(w: Mapping[str, np.ndarray], moisture_ad: float) -> np.ndarray:
    """Ash (% dry basis) per replicate: (m3 - m1)/(m2 - m1) * 100 * 100/(100 - M_ad), ISO 18122."""
    ratio = (w["crucible_plus_ash_mass"] - w["crucible_mass"]) / (
        w["crucible_plus_sample_mass"] - w["crucible_mass"]
    )
    return ratio * 100.0 * 100.0 / (100.0 - moisture_ad)


def lognormal_mu(target_mm: float, sigma: float, weighting: str) -> float:
    """Log-mean giving a lognormal length distribution the wanted mean.

    ``weighting`` "ln": arithmetic mean Ln = exp(mu + s^2/2); "lw": length-weighted mean
    Lw = sum(l^2)/sum(l) = exp(mu + 3 s^2/2) (moments of the lognormal distribution).
    """
    factor = {"ln": 0.5, "lw": 1.5}[weighting]
    return float(np.log(target_mm) - factor * sigma**2)


def length_mean(length: np.ndarray, weighting: str, fines_mm: float = 0.0) -> float:
    """Ln (arithmetic) or Lw (sum l^2 / sum l) of the particles of at least ``fines_mm``."""
    fibres = length[length >= fines_mm]
    if weighting == "ln":
        return float(fibres.mean())
    return float((fibres**2).sum() / fibres.sum())


def fibre_particles(
    n: int,
    length_mm: float,
    weighting: str,
    width_um: float,
    curl_pct: float,
    rng: np.random.Generator,
    sigma: float = 0.6,
    fines_mm: float = 0.2,
) -> dict[str, np.ndarray]:
    """A per-particle list: length (mm), width (µm), curl (%) and kinks (count).

    Lengths are lognormal, scaled so that the list's own Ln or Lw over the fibres (the
    particles of at least ``fines_mm``, as ISO 16065-2 counts them) equals
    ``length_mm`` up to the 0.1 µm rounding; widths lognormal around
    ``width_um`` (20 % spread); curl gamma-distributed with mean ``curl_pct``; kinks
    Poisson with a mean rising with length (about one per 2 mm).
    """
    length = rng.lognormal(lognormal_mu(length_mm, sigma, weighting), sigma, n)
    for _ in range(50):  # scaling moves particles across the fines threshold: iterate
        achieved = length_mean(length, weighting, fines_mm)
        length = length * (length_mm / achieved)
        if abs(achieved / length_mm - 1.0) < 1e-12:
            break
    width = rng.lognormal(np.log(width_um) - 0.02, 0.2, n)
    curl = rng.gamma(2.0, curl_pct / 2.0, n)
    kinks = rng.poisson(length / 2.0).astype(float)
    return {
        "length": np.round(length, 4),
        "width": np.round(width, 2),
        "curl": np.round(curl, 2),
        "kinks": kinks,
    }
