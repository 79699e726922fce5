"""Units of the vocabulary: the one table of exact conversions every part of the workbench uses.

A lab report gives a value in whatever unit its method prints: trace elements in mg/kg,
ppm or g/t, potassium in g/kg, chlorine in %, heating values in MJ/kg, kWh/kg or GJ/t,
temperatures in °C. Route limits use the unit of their source, the vocabulary
(``workbench.vocab.PROPERTIES``) stores one unit per property, and import templates map a
file's column to a property with the file's unit. All of them convert here.

Only exact, definitional factors are listed (1 % = 10 g/kg = 10 000 mg/kg; 1 kWh = 3.6 MJ;
1 GJ/t = 1 MJ/kg; 1 cal = 4.1868 J, the International Table calorie of ISO 1928 and
ASTM D5865), so a conversion never changes a value beyond floating-point rounding. A pair
of units in different groups (mg/kg and MJ/kg) is "not convertible": callers report it
and never compare the raw numbers.

Every unit converts to itself (a template mapping ``zinc`` in mg/kg to the vocabulary's
mg/kg is the identity, not an error). Spellings are normalised (``mg kg-1``, ``mg/kg DM``,
``ºC``, ``degC``, ``kg/m3``, ``um``, ``wt-%``) before they are looked up; the canonical
spelling is what is stored.

Mass-fraction units say nothing about the reporting basis (as received, dry, dry ash-free):
the basis is a separate attribute of every value (``workbench.basis`` converts between
bases).
"""

from __future__ import annotations

import re
from functools import lru_cache

# group -> {canonical unit: factor to the group's base unit}
_GROUPS: dict[str, dict[str, float]] = {
    # mass fractions, base mg/kg
    "mass_fraction": {
        "%": 1e4,
        "g/kg": 1e3,
        "g/t": 1.0,
        "mg/kg": 1.0,
        "ppm": 1.0,
        "µg/g": 1.0,
        "µg/kg": 1e-3,
        "ppb": 1e-3,
        "ng/kg": 1e-6,
        "pg/g": 1e-6,
    },
    # percentages that are not mass fractions (a share by count or length, an index)
    "percent": {"%": 1.0},
    # specific energy, base MJ/kg
    "specific_energy": {
        "MJ/kg": 1.0,
        "GJ/t": 1.0,
        "kJ/kg": 1e-3,
        "J/g": 1e-3,
        "kWh/kg": 3.6,
        "MWh/t": 3.6,
        "kcal/kg": 4.1868e-3,
        "cal/g": 4.1868e-3,
    },
    # lengths, base µm
    "length": {"µm": 1.0, "mm": 1e3, "cm": 1e4, "m": 1e6},
    # bulk and particle density, base kg/m³
    "density": {"kg/m³": 1.0, "g/cm³": 1e3, "g/l": 1.0, "t/m³": 1e3},
    "temperature": {"°C": 1.0},
    "dimensionless": {"": 1.0},
    "per_length": {"1/m": 1.0, "1/mm": 1e3},
    "linear_density": {"mg/m": 1.0, "µg/m": 1e-3, "g/m": 1e3, "mg/100m": 1e-2},
}

# spelling -> canonical unit (after lower-casing and removing blanks)
_ALIASES: dict[str, str] = {
    "%": "%",
    "wt%": "%",
    "wt-%": "%",
    "w-%": "%",
    "m-%": "%",
    "mass-%": "%",
    "%w/w": "%",
    "%(w/w)": "%",
    "%wt": "%",
    "wt.%": "%",
    "g/kg": "g/kg",
    "gkg-1": "g/kg",
    "g/t": "g/t",
    "mg/kg": "mg/kg",
    "mgkg-1": "mg/kg",
    "mg/kgdm": "mg/kg",
    "mg/kgds": "mg/kg",
    "mg/kgts": "mg/kg",
    "mg/kgdw": "mg/kg",
    "ppm": "ppm",
    "ppmw": "ppm",
    "µg/g": "µg/g",
    "ug/g": "µg/g",
    "μg/g": "µg/g",
    "µg/kg": "µg/kg",
    "ug/kg": "µg/kg",
    "μg/kg": "µg/kg",
    "ppb": "ppb",
    "ng/kg": "ng/kg",
    "pg/g": "pg/g",
    "mj/kg": "MJ/kg",
    "mjkg-1": "MJ/kg",
    "gj/t": "GJ/t",
    "kj/kg": "kJ/kg",
    "j/g": "J/g",
    "kwh/kg": "kWh/kg",
    "mwh/t": "MWh/t",
    "kcal/kg": "kcal/kg",
    "cal/g": "cal/g",
    "µm": "µm",
    "um": "µm",
    "μm": "µm",
    "\ufffdm": "µm",
    "mm": "mm",
    "cm": "cm",
    "m": "m",
    "kg/m³": "kg/m³",
    "kg/m3": "kg/m³",
    "kgm-3": "kg/m³",
    "g/cm³": "g/cm³",
    "g/cm3": "g/cm³",
    "g/l": "g/l",
    "t/m³": "t/m³",
    "t/m3": "t/m³",
    "°c": "°C",
    "ºc": "°C",
    "degc": "°C",
    "deg.c": "°C",
    "c": "°C",
    "\ufffdc": "°C",
    "": "",
    "-": "",
    "1": "",
    "1/m": "1/m",
    "m-1": "1/m",
    "/m": "1/m",
    "1/mm": "1/mm",
    "mm-1": "1/mm",
    "mg/m": "mg/m",
    "µg/m": "µg/m",
    "ug/m": "µg/m",
    "μg/m": "µg/m",
    "g/m": "g/m",
    "mg/100m": "mg/100m",
}

# Percent properties that are shares by count or length (or an index), not mass fractions:
# they can only be given in %.
_PERCENT_NOT_MASS = {"curl", "fines_count", "fines_length", "fibrillation"}

_BLANKS = re.compile(r"\s+")


# Markers lab reports add to a unit: the dry-matter basis ("mg/kg DM", "% ka", "mg/kg TS",
# "mg/kg TM", "mg/kg d.m.") and toxic equivalents of dioxins and furans ("ng WHO-TEQ/kg",
# "pg I-TEQ/g"). Both are part of what the value is, not of its unit: the basis is a
# separate attribute (``dry_basis_marked`` tells an importer), and the PCDD/F property is
# defined in toxic equivalents. Fresh-matter markers are not dropped (another basis).
_DRY_SUFFIX = re.compile(r"(?:dm|ds|ts|tm|ka|dw|d\.m\.|drymatter|\(db\)|db)$")
_TEQ = re.compile(r"(?:who(?:-?\d{4})?-?|i-?)?teq")


def _lookup(key: str) -> str | None:
    if key in _ALIASES:
        return _ALIASES[key]
    return _ALIASES.get(key.replace("²", "2").replace("³", "3"))


@lru_cache(maxsize=1024)
def normalise_unit(text: str) -> str | None:
    """The canonical spelling of a unit (``"mg kg-1"`` -> ``"mg/kg"``), ``None`` if unknown.

    A dry-matter marker ("g/kg DM") and a toxic-equivalent marker ("ng WHO-TEQ/kg") are
    dropped after a known unit; see ``dry_basis_marked`` for the basis the first implies.
    """
    key = _BLANKS.sub("", str(text)).lower().replace("μ", "µ")
    found = _lookup(key)
    if found is not None:
        return found
    stripped = _TEQ.sub("", key)
    dry = _DRY_SUFFIX.sub("", stripped)
    for candidate in (stripped, dry):
        if candidate and candidate != key:
            found = _lookup(candidate)
            if found is not None and found != "":
                return found
    return None


def dry_basis_marked(text: str) -> bool:
    """True when a unit as written carries a dry-matter marker ("mg/kg DM", "% ka")."""
    key = _TEQ.sub("", _BLANKS.sub("", str(text)).lower().replace("μ", "µ"))
    return bool(_DRY_SUFFIX.search(key)) and bool(_lookup(_DRY_SUFFIX.sub("", key)))


def _group(unit: str) -> str | None:
    for name, members in _GROUPS.items():
        if name != "percent" and unit in members:
            return name
    return None


@lru_cache(maxsize=4096)
def unit_factor(src: str, dst: str) -> float | None:
    """Multiply a value in ``src`` by this to get it in ``dst``; ``None`` if not convertible.

    Both units may be given in any known spelling. A unit always converts to itself.
    """
    a, b = normalise_unit(src), normalise_unit(dst)
    if a is None or b is None:
        return 1.0 if str(src).strip() == str(dst).strip() else None
    if a == b:
        return 1.0
    ga, gb = _group(a), _group(b)
    if ga is None or ga != gb:
        return None
    return _GROUPS[ga][a] / _GROUPS[gb][b]


def units_compatible(a: str, b: str) -> bool:
    """True when a value in unit ``a`` can be expressed in unit ``b``."""
    return unit_factor(a, b) is not None


def convert_value(value: float, src: str, dst: str) -> float:
    """``value`` in ``src`` expressed in ``dst``; ``ValueError`` naming both when impossible."""
    factor = unit_factor(src, dst)
    if factor is None:
        raise ValueError(f"a value in {src!r} cannot be converted to {dst!r}")
    return value * factor


def property_group(pid: str) -> str | None:
    """The unit group of a vocabulary property (``None`` for an unknown property or unit)."""
    from workbench.vocab import PROPERTIES

    pdef = PROPERTIES.get(pid)
    if pdef is None:
        return None
    if pdef.unit == "%" and pid in _PERCENT_NOT_MASS:
        return "percent"
    unit = normalise_unit(pdef.unit)
    return None if unit is None else _group(unit)


def units_for(pid: str) -> list[str]:
    """The units a value of property ``pid`` may be given in (its own unit first).

    These are the choices the GUI offers (template editor, typed values) and exactly the
    units ``unit_factor`` converts to the property's unit.
    """
    from workbench.vocab import PROPERTIES

    pdef = PROPERTIES.get(pid)
    if pdef is None:
        return []
    group = property_group(pid)
    own = normalise_unit(pdef.unit) or pdef.unit
    if group is None:
        return [own]
    return [own, *(u for u in _GROUPS[group] if u != own)]


_COMMON = {
    "mass_fraction": ("%", "g/kg", "mg/kg", "ppm"),
    "specific_energy": ("MJ/kg", "kWh/kg", "GJ/t"),
    "length": ("mm", "µm"),
    "density": ("kg/m³", "g/cm³"),
}


def common_units(pid: str) -> list[str]:
    """The few units lab reports use for ``pid`` (its own first): the short list a form
    offers (``units_for`` has every unit)."""
    offered = units_for(pid)
    if not offered:
        return []
    common = _COMMON.get(property_group(pid) or "", ())
    return [offered[0], *(u for u in common if u in offered and u != offered[0])]


def factor_table() -> dict[tuple[str, str], float]:
    """``(unit, vocabulary unit) -> factor`` for every property's offered units.

    The table form of ``unit_factor`` for code that looks pairs up in a dict (import
    templates); it includes every identity pair.
    """
    from workbench.vocab import PROPERTIES

    table: dict[tuple[str, str], float] = {}
    for pid, pdef in PROPERTIES.items():
        for unit in units_for(pid):
            factor = unit_factor(unit, pdef.unit)
            if factor is not None:
                table[(unit, pdef.unit)] = factor
    return table
