"""Unit conversion for the few unit pairs route criteria and lab values mix.

Route limits use the unit of the source (ENplus metals in mg/kg, the net calorific value
in MJ/kg, particle sizes in mm); labs report in whatever their method prints (trace
elements in mg/kg or %, K in g/kg, heating values in kWh/kg). Only exact, definitional
factors are listed here: 1 % = 10 g/kg = 10 000 mg/kg; 1 kWh = 3.6 MJ; 1 mm = 1000 µm.
Anything else is "not convertible", and the classifier reports the criterion as unknown
instead of comparing numbers in different units.
"""

from __future__ import annotations

# factor: value_in_unit * factor = value in the group's base unit
_GROUPS: dict[str, tuple[str, float]] = {
    "%": ("mass_fraction", 1e4),
    "g/kg": ("mass_fraction", 1e3),
    "mg/kg": ("mass_fraction", 1.0),
    "ppm": ("mass_fraction", 1.0),
    "MJ/kg": ("specific_energy", 1.0),
    "kWh/kg": ("specific_energy", 3.6),
    "mm": ("length", 1e3),
    "µm": ("length", 1.0),
    "um": ("length", 1.0),
    "kg/m³": ("density", 1.0),
    "kg/m3": ("density", 1.0),
    "°C": ("temperature", 1.0),
    "C": ("temperature", 1.0),
    "": ("dimensionless", 1.0),
    "-": ("dimensionless", 1.0),
    "1/m": ("per_length", 1.0),
    "mg/m": ("linear_density", 1.0),
}


def units_compatible(a: str, b: str) -> bool:
    """True when a value in unit ``a`` can be expressed in unit ``b``."""
    ga, gb = _GROUPS.get(a.strip()), _GROUPS.get(b.strip())
    return ga is not None and gb is not None and ga[0] == gb[0]


def unit_factor(src: str, dst: str) -> float | None:
    """Multiply a value in ``src`` by this to get it in ``dst``; ``None`` if not convertible."""
    if src == dst:
        return 1.0
    gs, gd = _GROUPS.get(src.strip()), _GROUPS.get(dst.strip())
    if gs is None or gd is None or gs[0] != gd[0]:
        return None
    return gs[1] / gd[1]
