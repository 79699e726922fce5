"""Conversion of mass-fraction results between reporting bases (ISO 16993:2016).

ISO 16993 "Solid biofuels - Conversion of analytical results from one basis to
another" gives, for a property X other than moisture and hydrogen/oxygen:

    X_db  = X_ar  * 100 / (100 - M_ar)
    X_db  = X_ad  * 100 / (100 - M_ad)
    X_daf = X_db  * 100 / (100 - A_db)

with M the moisture on wet basis of the material as received (ar) or of the air-dried
analysis sample (ad), and A the ash on dry basis, all in %. Moisture itself is a
property of the wet material; it is not converted between bases. (ISO 16993 corrects
hydrogen and oxygen for the hydrogen/oxygen of water on the ar/ad bases; this
workbench stores H and O on dry basis only and refuses to convert them to ar/ad.)
"""

from __future__ import annotations

import numpy as np

from workbench.vocab import Basis

_NEEDS_WATER_CORRECTION = {"hydrogen", "oxygen"}


class BasisError(ValueError):
    """A conversion cannot be made with the information given."""


def _to_dry(value, basis: Basis, moisture_ar, moisture_ad, ash_db):
    if basis is Basis.DRY:
        return value
    if basis is Basis.AS_RECEIVED:
        if moisture_ar is None:
            raise BasisError("converting from as-received basis needs the as-received moisture")
        return value * 100.0 / (100.0 - np.asarray(moisture_ar, dtype=float))
    if basis is Basis.AIR_DRIED:
        if moisture_ad is None:
            raise BasisError("converting from air-dried basis needs the analysis-sample moisture")
        return value * 100.0 / (100.0 - np.asarray(moisture_ad, dtype=float))
    if basis is Basis.DRY_ASH_FREE:
        if ash_db is None:
            raise BasisError("converting from dry ash-free basis needs the ash on dry basis")
        return value * (100.0 - np.asarray(ash_db, dtype=float)) / 100.0
    raise BasisError(f"basis {basis!s} is not a mass-fraction basis")


def _from_dry(value, basis: Basis, moisture_ar, moisture_ad, ash_db):
    if basis is Basis.DRY:
        return value
    if basis is Basis.AS_RECEIVED:
        if moisture_ar is None:
            raise BasisError("converting to as-received basis needs the as-received moisture")
        return value * (100.0 - np.asarray(moisture_ar, dtype=float)) / 100.0
    if basis is Basis.AIR_DRIED:
        if moisture_ad is None:
            raise BasisError("converting to air-dried basis needs the analysis-sample moisture")
        return value * (100.0 - np.asarray(moisture_ad, dtype=float)) / 100.0
    if basis is Basis.DRY_ASH_FREE:
        if ash_db is None:
            raise BasisError("converting to dry ash-free basis needs the ash on dry basis")
        return value * 100.0 / (100.0 - np.asarray(ash_db, dtype=float))
    raise BasisError(f"basis {basis!s} is not a mass-fraction basis")


def convert(
    value,
    from_basis: Basis | str,
    to_basis: Basis | str,
    *,
    prop: str = "",
    moisture_ar=None,
    moisture_ad=None,
    ash_db=None,
):
    """Convert a mass fraction (%, or MJ/kg for heating values) from one basis to another.

    ``value`` may be a float or a numpy array; the moisture and ash arguments (in %,
    moisture on wet basis, ash on dry basis) are needed only by the bases involved.
    Raises ``BasisError`` when a needed figure is missing or the property cannot be
    converted. Net calorific value on as-received basis also needs the heat of
    vaporisation of the water (ISO 18125); that correction is not a basis conversion
    and is refused here.
    """
    src, dst = Basis(from_basis), Basis(to_basis)
    if src is dst:
        return value
    if prop == "moisture":
        raise BasisError("moisture is reported on wet basis and is not converted between bases")
    if prop in _NEEDS_WATER_CORRECTION and {src, dst} & {Basis.AS_RECEIVED, Basis.AIR_DRIED}:
        raise BasisError(f"{prop} needs the ISO 16993 water correction for ar/ad bases")
    if prop == "net_calorific_value" and {src, dst} & {Basis.AS_RECEIVED, Basis.AIR_DRIED}:
        raise BasisError("net calorific value as received needs the ISO 18125 moisture correction")
    dry = _to_dry(np.asarray(value, dtype=float), src, moisture_ar, moisture_ad, ash_db)
    out = _from_dry(dry, dst, moisture_ar, moisture_ad, ash_db)
    return float(out) if np.ndim(out) == 0 else out


def moisture_dry_basis(moisture_wb):
    """Moisture on dry basis u = M / (100 - M) * 100 from moisture on wet basis M (%)."""
    m = np.asarray(moisture_wb, dtype=float)
    out = m * 100.0 / (100.0 - m)
    return float(out) if np.ndim(out) == 0 else out


def moisture_wet_basis(moisture_db):
    """Moisture on wet basis M = u / (100 + u) * 100 from moisture on dry basis u (%).

    The inverse of ``moisture_dry_basis`` (ISO 18134-1 defines moisture on wet basis;
    a "moisture content, dry basis" of a lab report is u). Used when a value stated on dry
    basis is needed as the wet-basis moisture of the vocabulary.
    """
    u = np.asarray(moisture_db, dtype=float)
    out = u * 100.0 / (100.0 + u)
    return float(out) if np.ndim(out) == 0 else out


_INPUT_OF = {
    Basis.AS_RECEIVED: "moisture_ar",
    Basis.AIR_DRIED: "moisture_ad",
    Basis.DRY_ASH_FREE: "ash_db",
}


def needed_inputs(from_basis: Basis | str, to_basis: Basis | str) -> tuple[str, ...]:
    """Which of ``moisture_ar``, ``moisture_ad``, ``ash_db`` a conversion between two
    mass-fraction bases needs (empty for the same basis)."""
    src, dst = Basis(from_basis), Basis(to_basis)
    if src is dst:
        return ()
    return tuple(dict.fromkeys(_INPUT_OF[b] for b in (src, dst) if b in _INPUT_OF))
