"""Warnings carried on a stored value (``Quantity.flags``): what a reader must know first.

A PLS prediction can be a number the model computed correctly and still should not be
trusted as it stands. A mature chemometrics tool says so beside the value, wherever
the value is shown; the workbench stores the warning *on the value* (``Quantity.flags``,
a list of small JSON objects), so the details panel, ``info``, the exports, the
scripting API and the classification explanation all read the same thing. Each flag is
``{"code": ..., <its numbers>}``:

* ``outside_calibration_range`` (``lo``, ``hi``, ``margin``): the prediction lies beyond
  the range of the calibration's reference values ``lo..hi`` by more than ``margin`` x
  (``hi - lo``) (``CALIBRATION_RANGE_MARGIN``, 5 % of the range at each end): the model
  extrapolates, and its cross-validated error says nothing about such values;
* ``outside_physical_bounds`` (``lo``, ``hi``): the value is impossible for the property
  (a mass fraction below 0 % or above 100 %, in the value's unit); see
  ``physical_bounds``. **Policy**: such a value is shown with its warning but never used
  as a measured value; the classification treats the sample as having no usable value
  of that property (its missing-data policy then applies) and says why
  (``usable_as_measured``, applied in ``workbench.classify.table``);
* ``spectral_outlier`` (``t2``, ``t2_limit``, ``q``, ``q_limit``, ``confidence``): the
  predicted spectrum is unlike the calibration spectra (Hotelling T² or the Q residual
  above its limit; ``workbench.analysis.model_io``).

Flags come from project files, which may come from anyone: ``clean_flags`` keeps only
well-formed ones (a code of plain text and finite numbers). A code this version does not
know is kept and shown by its name, so an older program never hides a newer warning.
"""

from __future__ import annotations

import math
from typing import Any

OUTSIDE_CALIBRATION = "outside_calibration_range"
OUTSIDE_PHYSICAL = "outside_physical_bounds"
SPECTRAL_OUTLIER = "spectral_outlier"
CALIBRATION_RANGE_MARGIN = 0.05
"""A prediction is outside the calibration range when it lies beyond the reference
values' range by more than this share of that range (at either end)."""

# flags whose value is not to be used as a measured value (the classification policy)
NOT_USABLE = frozenset({OUTSIDE_PHYSICAL})
_MAX_FLAGS = 8
_MAX_TEXT = 60


def clean_flags(raw: Any) -> list[dict[str, Any]]:
    """The well-formed flags of ``raw`` (as read from a file); anything else is dropped."""
    if not isinstance(raw, list):
        return []
    out = []
    for item in raw[:_MAX_FLAGS]:
        if not isinstance(item, dict):
            continue
        code = item.get("code")
        if not isinstance(code, str) or not code or len(code) > _MAX_TEXT:
            continue
        flag: dict[str, Any] = {"code": code}
        for key, value in item.items():
            if key == "code" or not isinstance(key, str) or len(key) > _MAX_TEXT:
                continue
            number = isinstance(value, int | float) and not isinstance(value, bool)
            if number and math.isfinite(value):
                flag[key] = float(value)
        out.append(flag)
    return out


def usable_as_measured(flags: list[dict[str, Any]] | None) -> bool:
    """False when a flag says the value must not be used as a measured value."""
    return not any(f.get("code") in NOT_USABLE for f in flags or ())


def physical_bounds(pid: str, unit: str) -> tuple[float, float] | None:
    """The physically possible range of property ``pid`` in ``unit``, or None.

    Decided by the vocabulary's unit (the project's own properties included): a property
    whose unit is a mass fraction (``%``, ``g/kg``, ``mg/kg``, ...) lies within 0-100 %
    of the mass. A ``%`` property without a reporting basis is not bounded this way: it
    may be a share by count (fines), an index (curl) or a ratio that exceeds 100 %
    (moisture on dry basis), so no bound is claimed for it. Other units (MJ/kg, °C, kg/m³,
    ratios) have no bound here.
    """
    from workbench.units import normalise_unit, property_group, unit_factor
    from workbench.vocab import PROPERTIES, Basis

    pdef = PROPERTIES.get(pid)
    if pdef is None or property_group(pid) != "mass_fraction":
        return None
    if normalise_unit(pdef.unit) == "%" and pdef.basis == Basis.NONE:
        return None
    factor = unit_factor("%", unit)
    if factor is None:
        return None
    return 0.0, 100.0 * factor


def _num(value: Any, lang: str) -> str:
    from workbench.messages import fi_number

    if not isinstance(value, int | float):
        return "?"
    return fi_number(value, ".4g") if lang == "fi" else format(value, ".4g")


def flag_text(flag: dict[str, Any], unit: str = "", lang: str = "en") -> str:
    """One flag in plain words (English or Finnish), with its numbers and ``unit``."""
    code = flag.get("code", "")
    u = f" {unit}" if unit else ""
    lo, hi = _num(flag.get("lo"), lang), _num(flag.get("hi"), lang)
    if code == OUTSIDE_CALIBRATION:
        if lang == "fi":
            return (
                f"kalibrointialueen ulkopuolella: mallin vertailuarvot ovat {lo}–{hi}{u}, "
                "joten arvo on ekstrapoloitu"
            )
        return (
            f"outside the calibration range: the model's reference values span {lo}–{hi}{u}, "
            "so this value is an extrapolation"
        )
    if code == OUTSIDE_PHYSICAL:
        if lang == "fi":
            return (
                f"fysikaalisesti mahdoton (mahdollinen {lo}–{hi}{u}), joten sitä ei käytetä "
                "mitattuna arvona"
            )
        return f"physically impossible (possible: {lo}–{hi}{u}), so not used as a measured value"
    if code == SPECTRAL_OUTLIER:
        conf = flag.get("confidence")
        pct = _num(100.0 * conf, lang) if isinstance(conf, float) else "?"
        parts = []
        if flag.get("t2", -math.inf) > flag.get("t2_limit", math.inf):
            t2, lim = _num(flag["t2"], lang), _num(flag["t2_limit"], lang)
            parts.append(
                f"Hotellingin T² {t2} > {pct} %:n raja {lim}"
                if lang == "fi"
                else f"Hotelling T² {t2} > its {pct} % limit {lim}"
            )
        if flag.get("q", -math.inf) > flag.get("q_limit", math.inf):
            q, lim = _num(flag["q"], lang), _num(flag["q_limit"], lang)
            parts.append(
                f"jäännös Q {q} > {pct} %:n raja {lim}"
                if lang == "fi"
                else f"residual Q {q} > its {pct} % limit {lim}"
            )
        detail = f" ({'; '.join(parts)})" if parts else ""
        if lang == "fi":
            return f"spektri poikkeaa kalibrointispektreistä{detail}"
        return f"spectrum unlike the calibration spectra{detail}"
    return str(code)


def flags_text(flags: list[dict[str, Any]] | None, unit: str = "", lang: str = "en") -> str:
    """Every flag in plain words, separated by semicolons ("" when none)."""
    return "; ".join(flag_text(f, unit, lang) for f in flags or ())


def flagged_note(
    names: list[str], values: list[float], flags: list[list[dict[str, Any]]], unit: str
) -> tuple[str, str] | None:
    """A run's note (English, Finnish) naming the predictions that carry a warning, with
    the warning; None when none does. At most 10 are named."""
    from workbench.messages import fi_number

    hits = [(n, v, f) for n, v, f in zip(names, values, flags) if f]
    if not hits:
        return None
    u = f" {unit}" if unit else ""
    shown = hits[:10]
    more = " ..." if len(hits) > 10 else ""
    en = "; ".join(f"{n} ({v:.4g}{u}: {flags_text(f, unit)})" for n, v, f in shown)
    fi = "; ".join(
        f"{n} ({fi_number(v, '.4g')}{u}: {flags_text(f, unit, 'fi')})" for n, v, f in shown
    )
    return (
        f"Predictions with a warning ({len(hits)} of {len(values)}): {en}{more}.",
        f"Ennusteista {len(hits)}/{len(values)} on varoitus: {fi}{more}.",
    )
