"""Guessing a table's layout for the template editor: delimiter, header row, units.

Pure functions (no Qt) so they are easy to test: the editor calls them when a sample
file is opened, and the user corrects what they got wrong.
"""

from __future__ import annotations

import re
from collections import Counter

from workbench.importers.text import sniff_delimiter

_NUMBER = re.compile(r"^[-+]?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?$")
_UNIT_IN_HEADER = re.compile(r"[\[(]\s*([^\])]{1,12}?)\s*[\])]\s*$")


def slug(name: str, taken: set[str]) -> str:
    """A plain-column target name ``[a-z][a-z0-9_]*`` from a header (its unit in brackets
    left out: "Temperature (°C)" is "temperature"), unique in ``taken``."""
    bare = _UNIT_IN_HEADER.sub("", name).strip() or name
    base = re.sub(r"[^a-z0-9]+", "_", bare.lower()).strip("_")[:48] or "column"
    if not base[0].isalpha():
        base = "c_" + base
    out, n = base, 2
    while out in taken:
        out, n = f"{base}_{n}", n + 1
    return out


_BASIS_WORDS = {
    "ar": "ar",
    "a.r.": "ar",
    "as received": "ar",
    "wet": "ar",
    "wb": "ar",
    "w.b.": "ar",
    "wet basis": "ar",
    "dry basis": "db",
    "db": "db",
    "d.b.": "db",
    "dry": "db",
    "dm": "db",
    "ka": "db",
    "daf": "daf",
    "d.a.f.": "daf",
    "ad": "ad",
    "a.d.": "ad",
}
_BASIS_IN_HEADER = re.compile(
    r"(?:^|[\s,(\[])("
    + "|".join(re.escape(w) for w in sorted(_BASIS_WORDS, key=len)[::-1])
    + r")(?=$|[\s,)\]])",
    re.IGNORECASE,
)


def header_unit(header: str) -> str:
    """The unit a header states in brackets ("Cl (mg/kg db)" -> "mg/kg"), or after its
    last comma when that is a unit ("NCV, MJ/kg a.r." -> "MJ/kg"), basis words left out."""
    m = _UNIT_IN_HEADER.search(header)
    if not m:
        if "," not in header:
            return ""
        from workbench.units import normalise_unit

        tail = header.rsplit(",", 1)[1]
        unit = _BASIS_IN_HEADER.sub("", " " + tail).strip(" ,")
        return unit if unit and normalise_unit(unit) is not None else ""
    inner = m.group(1)
    return _BASIS_IN_HEADER.sub("", inner).strip(" ,") or inner


def header_basis(header: str) -> str:
    """The basis a header states ("Ash (% db)" -> "db", "NCV, MJ/kg a.r." -> "ar"); ""
    when it states none."""
    unit = _UNIT_IN_HEADER.search(header)
    where = [unit.group(1)] if unit else []
    if "," in header:
        where.append(header.rsplit(",", 1)[1])  # "Ash, % d.b."
    for text in where:
        m = _BASIS_IN_HEADER.search(" " + text)
        if m:
            return _BASIS_WORDS[m.group(1).lower()]
    return ""


def split_cells(line: str, delimiter: str | None) -> list[str]:
    """The cells of a line; with blanks as the delimiter a unit in brackets stays with
    its name ("Time (min)  Mass (mg)": two cells), as the importer reads it."""
    cells = line.split(delimiter) if delimiter else BLANK_SPLIT.split(line.strip())
    return [c.strip().strip('"') for c in cells if delimiter or c]


BLANK_SPLIT = re.compile(r"\s+(?![\(\[])")


def guess_delimiter(lines: list[str]) -> str | None:
    """The delimiter that splits the most lines into the same number (>= 2) of cells;
    preamble and trailer lines do not spoil it (unlike a whole-file consistency test)."""
    best, best_score = None, 0
    for delim in ("\t", ";", ","):
        widths = Counter(len(ln.split(delim)) for ln in lines[:200] if ln.strip())
        _width, count = max(
            ((w, c) for w, c in widths.items() if w >= 2),
            default=(0, 0),
            key=lambda wc: (wc[1], wc[0]),
        )
        if count > best_score:
            best, best_score = delim, count
    return best if best_score >= 2 else sniff_delimiter(lines[:60])


def _numeric_share(cells: list[str]) -> float:
    cells = [c for c in cells if c]
    return sum(1 for c in cells if _NUMBER.match(c)) / len(cells) if cells else 0.0


def guess_header_row(lines: list[str], delimiter: str | None) -> int:
    """1-based line of the column names: the last mostly-text line of the same width
    before the first mostly-numeric row (0 when the data start without one)."""
    for i, line in enumerate(lines[:200]):
        cells = split_cells(line, delimiter)
        if len(cells) >= 2 and _numeric_share(cells) >= 0.5:
            for j in range(i - 1, -1, -1):
                prev = split_cells(lines[j], delimiter)
                if len(prev) == len(cells) and _numeric_share(prev) < 0.5:
                    return j + 1
            return 0
    return 1


def guess_kind(header: list[str]) -> str:
    """The measurement kind a table with these column names most likely holds, read
    with the importers' own header vocabulary: TGA (time or temperature and mass, heat
    flow), gravimetric moisture or ash weighings, a per-particle list, a fibre summary,
    a spectral table (wavelengths as column names), lab values (vocabulary property
    names), else a generic table."""
    from workbench.importers.fibre_common import summary_property
    from workbench.importers.formats.fibre_particles import particle_role
    from workbench.importers.formats.gravimetric import role
    from workbench.importers.tga_common import canonical_name, split_unit

    cells = [h for h in header if h and not h.startswith("#")]
    if not cells:
        return "table"
    tga = {canonical_name(split_unit(c)[0]) for c in cells}
    if tga & {"temperature", "time"} and tga & {"mass", "heat_flow", "dtg"}:
        return "tga"
    roles = {role(c)[0] for c in cells}
    if len(roles & {"dish", "dish_wet", "dish_dry"}) >= 2:
        return "moisture"
    if len(roles & {"crucible", "crucible_sample", "crucible_ash"}) >= 2:
        return "ash"
    parts = {particle_role(c)[0] for c in cells}
    if "length" in parts and parts & {"width", "curl", "kinks"}:
        return "fibre_particles"
    if any(summary_property(c)[0] for c in cells):
        return "fibre_summary"
    if sum(1 for c in cells if _NUMBER.match(c.split()[0] if c.split() else "")) >= 5:
        return "spectrum"
    if any(property_of(c) for c in cells):
        return "properties"
    return "table"


# names lab reports use for a property besides its id and labels (matched in lower case)
_ALIASES = {
    "ncv": "net_calorific_value",
    "lhv": "net_calorific_value",
    "gcv": "gross_calorific_value",
    "hhv": "gross_calorific_value",
}
_SYMBOL_IN_LABEL = re.compile(r"\(([A-Z][A-Za-z]?)\)$")  # "Chlorine (Cl)", "... (DT)"
_ASH_550 = re.compile(r"\s*\b550\s*°?\s*C\b")  # "Ash 550 °C": the ISO 18122 temperature


def property_of(header: str) -> str | None:
    """The vocabulary property a column name names ("Ash (%)", "Tuhka", "lignin"), if
    any: its id, English or Finnish label, without the unit in brackets; also as a lab
    report writes it: the symbol the label ends with, matched as written ("Cl", "Cd",
    "N", "DT", "Lw"), NCV/GCV/LHV/HHV, "Ash 550 °C", a unit after a comma ("NCV, MJ/kg").
    Ash at another furnace temperature (815 °C) is left to the user: it is another method."""
    from workbench.vocab import PROPERTIES

    name = _UNIT_IN_HEADER.sub("", header).strip()
    if "," in name:
        name = name.split(",", 1)[0].strip()  # "NCV, MJ/kg a.r." / "Ash, % d.b."
    name = _ASH_550.sub("", name).strip()
    if not name:
        return None
    low = name.lower()
    for pid, prop in PROPERTIES.items():
        labels = {pid.replace("_", " "), prop.label_en.lower(), prop.label_fi.lower()}
        if low in labels:
            return pid
    if low in _ALIASES:
        return _ALIASES[low]
    for pid, prop in PROPERTIES.items():
        symbol = _SYMBOL_IN_LABEL.search(prop.label_en)
        if symbol and name == symbol.group(1):  # case as written: "N" is nitrogen, "n" is not
            return pid
    return None


def guess_columns(header: list[str], kind: str) -> dict[str, tuple[str, str]]:
    """A first mapping of the columns for ``kind``: column name -> (use, unit), where
    use is "sample", "plain" or a property id; columns it cannot place are left out
    (ignored). The user corrects what is wrong; nothing is saved unseen."""
    from workbench.importers.fibre_common import VOCAB_UNITS, summary_property

    out: dict[str, tuple[str, str]] = {}
    for cell in header:
        low = cell.strip().lower()
        if re.fullmatch(r"(sample|sample id|sample name|näyte|näytteen nimi|näytetunnus|id)", low):
            out[cell] = ("sample", "")
            continue
        unit = header_unit(cell)
        if kind == "fibre_summary":
            pid, unit_in = summary_property(cell)
            if pid and pid in VOCAB_UNITS:
                out[cell] = (pid, unit_in)
                continue
            if pid == "fines":
                out[cell] = ("fines_length", unit_in)
                continue
        if kind in ("properties", "fibre_summary"):
            pid = property_of(cell)
            if pid:
                out[cell] = (pid, unit)
            continue
        if kind != "spectrum":
            out[cell] = ("plain", unit)
    return out
