"""Published fuel-property correlations (all inputs in % dry basis, outputs MJ/kg).

* ``hhv_parikh`` - Parikh J., Channiwala S.A., Ghosal G.K. (2005), "A correlation for
  calculating HHV from proximate analysis of solid fuels", Fuel 84(5):487-494:
  HHV = 0.3536 FC + 0.1559 VM - 0.0078 ASH.
* ``hhv_channiwala`` - Channiwala S.A., Parikh P.P. (2002), "A unified correlation for
  estimating HHV of solid, liquid and gaseous fuels", Fuel 81(8):1051-1063:
  HHV = 0.3491 C + 1.1783 H + 0.1005 S - 0.1034 O - 0.0151 N - 0.0211 A.
* ``lhv_dry`` - net from gross calorific value on dry basis, ISO 18125 style, with the
  heat of the water formed from the fuel hydrogen: LHV_db = HHV_db - 0.2122 H
  (212.2 J/g per % H; the small constant-volume/constant-pressure term 0.8 (O + N) J/g
  of ISO 18125 is neglected for these estimates).
* ``lhv_as_received`` - LHV_ar = LHV_db (1 - M/100) - 0.02443 M (ISO 18125: 24.43 J/g per
  % moisture, the enthalpy of vaporisation of water at 25 °C).
* ``molar_ratio`` - atomic ratio of two elements from mass fractions, with standard
  atomic weights C 12.011, H 1.008, O 15.999, N 14.007.
"""

from __future__ import annotations

ATOMIC_WEIGHT = {"C": 12.011, "H": 1.008, "O": 15.999, "N": 14.007, "S": 32.06}


def hhv_parikh(fixed_carbon: float, volatile_matter: float, ash: float) -> float:
    """HHV (MJ/kg, dry) from proximate analysis, Parikh et al. 2005, Fuel 84:487."""
    return 0.3536 * fixed_carbon + 0.1559 * volatile_matter - 0.0078 * ash


def hhv_channiwala(c: float, h: float, s: float, o: float, n: float, ash: float) -> float:
    """HHV (MJ/kg, dry) from ultimate analysis, Channiwala & Parikh 2002, Fuel 81:1051."""
    return 0.3491 * c + 1.1783 * h + 0.1005 * s - 0.1034 * o - 0.0151 * n - 0.0211 * ash


def lhv_dry(hhv_db: float, hydrogen_db: float) -> float:
    """LHV on dry basis (MJ/kg) from HHV and hydrogen (% db), ISO 18125 style."""
    return hhv_db - 0.2122 * hydrogen_db


def lhv_as_received(lhv_db: float, moisture_ar: float) -> float:
    """LHV as received (MJ/kg) from LHV on dry basis and moisture (% wet basis), ISO 18125."""
    return lhv_db * (1.0 - moisture_ar / 100.0) - 0.02443 * moisture_ar


def molar_ratio(num_pct: float, num: str, den_pct: float, den: str) -> float:
    """Atomic ratio num/den from mass fractions (e.g. H/C = (H/1.008)/(C/12.011))."""
    return (num_pct / ATOMIC_WEIGHT[num]) / (den_pct / ATOMIC_WEIGHT[den])
