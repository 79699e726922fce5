"""Header vocabulary and unit conversion shared by the fibre-analyser readers.

No public fibre-analyser export format is documented (instrument-formats.md 4), so the
readers recognise columns by the words labs and instruments use, in English and
Finnish, and convert every value to the workbench vocabulary unit (``vocab.py``):
lengths in mm, width in µm, kink in 1/m, coarseness in mg/m, shares in %.
"""

from __future__ import annotations

import re
from functools import lru_cache

# pattern on the lower-case header without its unit -> property id
_SUMMARY_RULES: tuple[tuple[str, str], ...] = (
    (
        r"^(lww|l\s*\(w\)|lc\s*\(w\)|l_?w_?w|weight[- ]weighted.*|massapainotettu.*|painopainotettu.*)$",
        "fibre_length_lww",
    ),
    (r"^(lw|l\s*\(l\)|lc\s*\(l\)|length[- ]weighted.*|pituuspainotettu.*)$", "fibre_length_lw"),
    (
        r"^(ln|l\s*\(n\)|lc\s*\(n\)|arithmetic.*length|length,? arithmetic.*|number[- ]weighted.*|"
        r"(aritmeettinen|lukumääräpainotettu).*pituus.*|pituus,? aritm.*)$",
        "fibre_length_ln",
    ),
    (
        r"^(fines|hienoaine(s|et)?)( content|pitoisuus)?\s*[\(,]?\s*"
        r"(count|number|n|lukumäärä|lkm)\)?.*$",
        "fines_count",
    ),
    (
        r"^(fines|hienoaine(s|et)?)( content|pitoisuus)?\s*[\(,]?\s*"
        r"(length|l|pituus|length[- ]weighted)\)?.*$",
        "fines_length",
    ),
    (r"^(fines|hienoaine(s|et)?|fines content|hienoainepitoisuus)$", "fines"),
    (r"^(fib(re|er) )?(width|diameter)|^(kuidun )?leveys$", "fibre_width"),
    (r"^(mean )?curl( index)?$|^(kiharuus|käyristymä)$", "curl"),
    (r"^kink( index)?$|^kinks? ?(/|per) ?m$|^kinkki(-| )?indeksi$|^kinkit$", "kink"),
    (r"^(optical )?coarseness$|^karkeus$", "coarseness"),
    (r"^fibrillation$|^fibrillaatio$|^fibrillation (index|%)$", "fibrillation"),
)

VOCAB_UNITS = {
    "fibre_length_ln": "mm",
    "fibre_length_lw": "mm",
    "fibre_length_lww": "mm",
    "fines_count": "%",
    "fines_length": "%",
    "fibre_width": "µm",
    "curl": "%",
    "kink": "1/m",
    "coarseness": "mg/m",
    "fibrillation": "%",
}

# (from unit, to unit) -> factor
_FACTORS = {
    ("mm", "mm"): 1.0,
    ("µm", "mm"): 1e-3,
    ("m", "mm"): 1e3,
    ("µm", "µm"): 1.0,
    ("mm", "µm"): 1e3,
    ("%", "%"): 1.0,
    ("1/m", "1/m"): 1.0,
    ("1/mm", "1/m"): 1e3,
    ("mg/m", "mg/m"): 1.0,
    ("µg/m", "mg/m"): 1e-3,
    ("g/m", "mg/m"): 1e3,
    ("mg/100m", "mg/m"): 1e-2,
    ("", ""): 1.0,
}


_SHARE_OF = re.compile(r"%\s*(?:in|by|of|,)?\s*(length|number|count|lkm|lukumäärä|pituus)")


@lru_cache(maxsize=4096)
def split_header(cell: str) -> tuple[str, str]:
    """(lower-case name without unit, normalised unit) of a header cell."""
    s = cell.strip().strip('"')
    unit = ""
    m = re.search(r"[\(\[]\s*([^\(\)\[\]]*?)\s*[\)\]]\s*$", s)
    share = _SHARE_OF.fullmatch(m.group(1).strip().lower()) if m else None
    if share:  # "Fines content (% in length)": a % of length (or of the count)
        unit = "%"
        basis = "count" if share.group(1) in ("number", "count", "lkm", "lukumäärä") else "length"
        s = f"{s[: m.start()].rstrip()} ({basis})"
    elif m and not re.fullmatch(
        r"[nlwa]|count|length|number|lukumäärä|pituus|lkm", m.group(1).lower()
    ):
        unit = m.group(1)
        s = s[: m.start()]
    unit = unit.replace("um", "µm").replace("μ", "µ").replace("\ufffdm", "µm").replace(" ", "")
    unit = {"mm-1": "1/mm", "m-1": "1/m", "1/km": "1/km", "kpl/m": "1/m", "/m": "1/m"}.get(
        unit, unit
    )
    return " ".join(s.lower().split()).rstrip(":"), unit


_SUMMARY_PATTERNS = tuple((re.compile(pattern), pid) for pattern, pid in _SUMMARY_RULES)


@lru_cache(maxsize=4096)
def summary_property(cell: str) -> tuple[str | None, str]:
    """Property id (or "fines" when unspecified, or None) and file unit of a header.
    (Cached: every reader's sniffer asks this of the header cells of every file of a
    batch, and a batch's files share their headers.)"""
    name, unit = split_header(cell)
    for pattern, pid in _SUMMARY_PATTERNS:
        if pattern.match(name):
            return pid, unit
    return None, unit


def conversion(pid: str, unit: str, where: str) -> float:
    """Factor from ``unit`` to the vocabulary unit of ``pid``; ValueError naming both
    when no conversion is known. A missing unit is taken as the vocabulary unit."""
    target = VOCAB_UNITS[pid]
    if not unit:
        return 1.0
    try:
        return _FACTORS[(unit, target)]
    except KeyError:
        raise ValueError(f"{where}: unit {unit!r} cannot be converted to {target!r}") from None


def length_factor(unit: str, target: str) -> float | None:
    """Factor for a per-particle length/width column (mm or µm), None if unknown."""
    return _FACTORS.get((unit or target, target))
