"""The one vocabulary of properties, bases, measurement kinds and feedstock types.

Importers, analyses, route specifications, the GUI and reports all name values by the
property ids below, each with its unit and the basis it is normally reported on. A
value never travels without its unit and basis (see ``workbench.model.Quantity``), and
values on different bases are converted with ``workbench.basis.convert`` before they
are compared.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Basis(StrEnum):
    """Reporting basis of a mass-fraction value (ISO 16993 terms)."""

    AS_RECEIVED = "ar"  # wet basis, including the total moisture of the delivered material
    AIR_DRIED = "ad"  # including the moisture of the air-dried analysis sample
    DRY = "db"  # dry basis
    DRY_ASH_FREE = "daf"  # dry, ash-free basis
    NONE = "none"  # not a mass fraction (lengths, temperatures, ratios)


BASIS_LABELS = {
    Basis.AS_RECEIVED: ("as received (wet basis)", "saapumistilassa (märkäpaino)"),
    Basis.AIR_DRIED: ("air dried", "ilmakuiva"),
    Basis.DRY: ("dry basis", "kuiva-aine"),
    Basis.DRY_ASH_FREE: ("dry ash-free", "kuiva tuhkaton"),
    Basis.NONE: ("", ""),
}


class MeasurementKind(StrEnum):
    """What a stored measurement is; plugins declare the kinds they consume."""

    SPECTRUM = "spectrum"  # NIR / FTIR / Raman: x axis (wavenumber or wavelength), y signal
    TGA = "tga"  # thermogravimetric curve: temperature/time axis, mass signal
    MOISTURE = "moisture"  # moisture determination: analyser printout or weighings
    ASH = "ash"  # ash determination: weighings, furnace temperature
    FIBRE_SUMMARY = "fibre_summary"  # fibre analyser summary values (Ln, Lw, fines, ...)
    FIBRE_PARTICLES = "fibre_particles"  # per-particle list: length, width, curl, kinks
    FIBRE_DISTRIBUTION = "fibre_distribution"  # counts per length class
    PROPERTIES = "properties"  # lab values typed in or imported from a table
    TABLE = "table"  # any other table imported through a template


class FeedstockType(StrEnum):
    """Controlled feedstock vocabulary: ISO 17225-1 origin groups plus side streams."""

    WOODY = "woody"
    HERBACEOUS = "herbaceous"
    FRUIT = "fruit"
    AQUATIC = "aquatic"
    BLENDS = "blends"
    BARK = "bark"
    SAWDUST = "sawdust"
    LOGGING_RESIDUES = "logging_residues"
    FIBRE_SLUDGE = "fibre_sludge"
    DEINKING_SLUDGE = "deinking_sludge"
    RECYCLED_FIBRE_REJECTS = "recycled_fibre_rejects"
    TEXTILE_WASTE = "textile_waste"
    GARDEN_WASTE = "garden_waste"
    STRAW = "straw"
    OTHER = "other"


FEEDSTOCK_LABELS: dict[FeedstockType, tuple[str, str]] = {
    FeedstockType.WOODY: ("Woody biomass", "Puubiomassa"),
    FeedstockType.HERBACEOUS: ("Herbaceous biomass", "Ruohovartinen biomassa"),
    FeedstockType.FRUIT: ("Fruit biomass", "Hedelmäbiomassa"),
    FeedstockType.AQUATIC: ("Aquatic biomass", "Vesibiomassa"),
    FeedstockType.BLENDS: ("Blends and mixtures", "Seokset"),
    FeedstockType.BARK: ("Bark", "Kuori"),
    FeedstockType.SAWDUST: ("Sawdust", "Sahanpuru"),
    FeedstockType.LOGGING_RESIDUES: ("Logging residues", "Hakkuutähteet"),
    FeedstockType.FIBRE_SLUDGE: ("Fibre / paper sludge", "Kuitu- / paperiliete"),
    FeedstockType.DEINKING_SLUDGE: ("Deinking sludge", "Siistausliete"),
    FeedstockType.RECYCLED_FIBRE_REJECTS: ("Recycled-fibre rejects", "Kierrätyskuidun rejekti"),
    FeedstockType.TEXTILE_WASTE: ("Textile waste", "Tekstiilijäte"),
    FeedstockType.GARDEN_WASTE: ("Garden waste", "Puutarhajäte"),
    FeedstockType.STRAW: ("Straw", "Olki"),
    FeedstockType.OTHER: ("Other", "Muu"),
}


@dataclass(frozen=True)
class PropertyDef:
    """One property of the vocabulary: id, unit, usual basis, and labels."""

    id: str
    unit: str
    basis: Basis
    label_en: str
    label_fi: str
    mass_fraction: bool = False  # True when basis conversion applies
    description: str = ""  # user-defined properties: what it is, how it is measured
    user_defined: bool = False  # defined by a project (workbench.properties), not built in


def _p(pid: str, unit: str, basis: Basis, en: str, fi: str, mf: bool = False) -> PropertyDef:
    return PropertyDef(pid, unit, basis, en, fi, mf)


_B = Basis
PROPERTIES: dict[str, PropertyDef] = {
    p.id: p
    for p in [
        # proximate analysis and moisture
        _p("moisture", "%", _B.AS_RECEIVED, "Moisture (wet basis)", "Kosteus (märkäpaino)", True),
        _p("ash", "%", _B.DRY, "Ash", "Tuhka", True),
        _p("volatile_matter", "%", _B.DRY, "Volatile matter", "Haihtuvat aineet", True),
        _p("fixed_carbon", "%", _B.DRY, "Fixed carbon", "Kiinteä hiili", True),
        # ultimate analysis
        _p("carbon", "%", _B.DRY, "Carbon (C)", "Hiili (C)", True),
        _p("hydrogen", "%", _B.DRY, "Hydrogen (H)", "Vety (H)", True),
        _p("nitrogen", "%", _B.DRY, "Nitrogen (N)", "Typpi (N)", True),
        _p("sulfur", "%", _B.DRY, "Sulfur (S)", "Rikki (S)", True),
        _p("chlorine", "%", _B.DRY, "Chlorine (Cl)", "Kloori (Cl)", True),
        _p("oxygen", "%", _B.DRY, "Oxygen (O, by difference)", "Happi (O, erotuksena)", True),
        # composition
        _p("cellulose", "%", _B.DRY, "Cellulose", "Selluloosa", True),
        _p("hemicellulose", "%", _B.DRY, "Hemicellulose", "Hemiselluloosa", True),
        _p("lignin", "%", _B.DRY, "Lignin", "Ligniini", True),
        _p("extractives", "%", _B.DRY, "Extractives", "Uuteaineet", True),
        _p(
            "pentosans",
            "%",
            _B.DRY,
            "Pentosans (xylan, arabinan)",
            "Pentosaanit (ksylaani, arabinaani)",
            True,
        ),
        # heating values
        _p(
            "gross_calorific_value",
            "MJ/kg",
            _B.DRY,
            "Gross calorific value",
            "Kalorimetrinen lämpöarvo",
            True,
        ),
        _p(
            "net_calorific_value",
            "MJ/kg",
            _B.DRY,
            "Net calorific value",
            "Tehollinen lämpöarvo",
            True,
        ),
        _p(
            "hhv_proximate",
            "MJ/kg",
            _B.DRY,
            "HHV, proximate correlation",
            "Lämpöarvo, välitön analyysi",
        ),
        _p(
            "hhv_ultimate",
            "MJ/kg",
            _B.DRY,
            "HHV, ultimate correlation",
            "Lämpöarvo, alkuaineanalyysi",
        ),
        _p(
            "net_calorific_value_ar",
            "MJ/kg",
            _B.AS_RECEIVED,
            "Net calorific value, as received",
            "Tehollinen lämpöarvo, saapumistila",
        ),
        # fibre morphology (TAPPI T 271 / ISO 16065)
        _p(
            "fibre_length_ln",
            "mm",
            _B.NONE,
            "Fibre length, arithmetic (Ln)",
            "Kuidunpituus, aritmeettinen (Ln)",
        ),
        _p(
            "fibre_length_lw",
            "mm",
            _B.NONE,
            "Fibre length, length-weighted (Lw)",
            "Kuidunpituus, pituuspainotettu (Lw)",
        ),
        _p(
            "fibre_length_lww",
            "mm",
            _B.NONE,
            "Fibre length, weight-weighted (Lww)",
            "Kuidunpituus, massapainotettu (Lww)",
        ),
        _p("fines_count", "%", _B.NONE, "Fines share by count", "Hienoaineen osuus lukumäärästä"),
        _p("fines_length", "%", _B.NONE, "Fines share by length", "Hienoaineen osuus pituudesta"),
        _p("fibre_width", "µm", _B.NONE, "Fibre width", "Kuidun leveys"),
        _p("curl", "%", _B.NONE, "Curl index", "Kiharuus"),
        _p("kink", "1/m", _B.NONE, "Kink index", "Kinkki-indeksi"),
        _p("coarseness", "mg/m", _B.NONE, "Coarseness", "Karkeus"),
        _p("fibrillation", "%", _B.NONE, "Fibrillation", "Fibrillaatio"),
        _p(
            "fibre_length_p10",
            "mm",
            _B.NONE,
            "Fibre length, 10th percentile",
            "Kuidunpituus, 10. persentiili",
        ),
        _p("fibre_length_p50", "mm", _B.NONE, "Fibre length, median", "Kuidunpituus, mediaani"),
        _p(
            "fibre_length_p90",
            "mm",
            _B.NONE,
            "Fibre length, 90th percentile",
            "Kuidunpituus, 90. persentiili",
        ),
        _p("fibre_count", "", _B.NONE, "Fibres measured", "Mitattuja kuituja"),
        _p("particle_count", "", _B.NONE, "Particles measured", "Mitattuja partikkeleita"),
        _p("kinks_per_fibre", "", _B.NONE, "Kinks per fibre", "Kinkkejä kuitua kohden"),
        _p(
            "ks_statistic",
            "",
            _B.NONE,
            "Kolmogorov-Smirnov statistic D",
            "Kolmogorov-Smirnov-testisuure D",
        ),
        _p("ks_p_value", "", _B.NONE, "Kolmogorov-Smirnov p-value", "Kolmogorov-Smirnov-p-arvo"),
        # physical
        _p("bulk_density", "kg/m³", _B.AS_RECEIVED, "Bulk density", "Irtotiheys"),
        _p("ph", "", _B.NONE, "pH", "pH"),
        _p("c_n_ratio", "", _B.NONE, "C/N ratio", "C/N-suhde"),
        _p("h_c_molar", "", _B.NONE, "H/C molar ratio", "H/C-moolisuhde"),
        _p("o_c_molar", "", _B.NONE, "O/C molar ratio", "O/C-moolisuhde"),
        _p("char_yield", "%", _B.DRY, "Char yield", "Hiilisaanto", True),
        # thermal analysis
        _p("dtg_peak_temperature", "°C", _B.NONE, "DTG peak temperature", "DTG-huippulämpötila"),
        _p(
            "moisture_db", "%", _B.NONE, "Moisture content (dry basis)", "Kosteussuhde (kuiva-aine)"
        ),
        _p(
            "dry_matter",
            "%",
            _B.AS_RECEIVED,
            "Dry matter (total solids)",
            "Kuiva-aine (kokonaiskiintoaine)",
        ),
        _p(
            "volatile_solids",
            "%",
            _B.DRY,
            "Volatile solids (of total solids)",
            "Orgaaninen aines (VS, kuiva-aineesta)",
        ),
        _p("soil_content", "%", _B.DRY, "Attached soil", "Tarttunut maa-aines", True),
        _p(
            "non_paper_components",
            "%",
            _B.AS_RECEIVED,
            "Non-paper components",
            "Muut kuin paperiainekset",
        ),
        _p(
            "median_particle_size",
            "mm",
            _B.NONE,
            "Median particle size (d50)",
            "Partikkelikoon mediaani (d50)",
        ),
        _p(
            "degradation_onset",
            "°C",
            _B.NONE,
            "Onset of thermal degradation",
            "Lämpöhajoamisen alkulämpötila",
        ),
        # major and trace elements (ISO 16967 / ISO 16968)
        _p("potassium", "mg/kg", _B.DRY, "Potassium (K)", "Kalium (K)", True),
        _p("silicon", "mg/kg", _B.DRY, "Silicon (Si)", "Pii (Si)", True),
        _p("calcium", "mg/kg", _B.DRY, "Calcium (Ca)", "Kalsium (Ca)", True),
        _p("arsenic", "mg/kg", _B.DRY, "Arsenic (As)", "Arseeni (As)", True),
        _p("cadmium", "mg/kg", _B.DRY, "Cadmium (Cd)", "Kadmium (Cd)", True),
        _p("chromium", "mg/kg", _B.DRY, "Chromium (Cr)", "Kromi (Cr)", True),
        _p("copper", "mg/kg", _B.DRY, "Copper (Cu)", "Kupari (Cu)", True),
        _p("lead", "mg/kg", _B.DRY, "Lead (Pb)", "Lyijy (Pb)", True),
        _p("mercury", "mg/kg", _B.DRY, "Mercury (Hg)", "Elohopea (Hg)", True),
        _p("nickel", "mg/kg", _B.DRY, "Nickel (Ni)", "Nikkeli (Ni)", True),
        _p("zinc", "mg/kg", _B.DRY, "Zinc (Zn)", "Sinkki (Zn)", True),
        _p(
            "ash_deformation_temperature",
            "°C",
            _B.NONE,
            "Ash deformation temperature (DT)",
            "Tuhkan muodonmuutoslämpötila (DT)",
        ),
        # product properties (measured on pellets, char or pulp made from the sample)
        _p(
            "pellet_durability",
            "%",
            _B.AS_RECEIVED,
            "Pellet mechanical durability",
            "Pellettien mekaaninen kestävyys",
        ),
        _p(
            "pellet_fines",
            "%",
            _B.AS_RECEIVED,
            "Pellet fines (< 3.15 mm)",
            "Pellettien hienoaines (< 3,15 mm)",
        ),
        _p(
            "pellet_bulk_density",
            "kg/m³",
            _B.AS_RECEIVED,
            "Pellet bulk density",
            "Pellettien irtotiheys",
        ),
        _p(
            "char_carbon",
            "%",
            _B.DRY,
            "Organic carbon of the char",
            "Biohiilen orgaaninen hiili",
            True,
        ),
        _p(
            "char_h_corg_molar",
            "",
            _B.NONE,
            "H/Corg molar ratio of the char",
            "Biohiilen H/Corg-moolisuhde",
        ),
        _p("char_ash", "%", _B.DRY, "Ash of the char", "Biohiilen tuhka", True),
        *(
            _p(f"char_{el}", "mg/kg", _B.DRY, f"{en} of the char", f"Biohiilen {fi}", True)
            for el, en, fi in (
                ("arsenic", "Arsenic (As)", "arseeni (As)"),
                ("cadmium", "Cadmium (Cd)", "kadmium (Cd)"),
                ("chromium", "Chromium (Cr)", "kromi (Cr)"),
                ("copper", "Copper (Cu)", "kupari (Cu)"),
                ("lead", "Lead (Pb)", "lyijy (Pb)"),
                ("mercury", "Mercury (Hg)", "elohopea (Hg)"),
                ("nickel", "Nickel (Ni)", "nikkeli (Ni)"),
                ("zinc", "Zinc (Zn)", "sinkki (Zn)"),
            )
        ),
        _p(
            "char_pah16",
            "mg/kg",
            _B.DRY,
            "PAH16 (16 EPA PAHs) of the char",
            "Biohiilen PAH16 (16 EPA-PAH-yhdistettä)",
            True,
        ),
        _p("char_pcb", "mg/kg", _B.DRY, "PCB of the char", "Biohiilen PCB-yhdisteet", True),
        _p(
            "char_pcdd_f",
            "ng/kg",
            _B.DRY,
            "PCDD/F (dioxins and furans, toxic equivalents) of the char",
            "Biohiilen PCDD/F (dioksiinit ja furaanit, toksisuusekvivalentteina)",
            True,
        ),
        _p("pulp_cellulose", "%", _B.DRY, "Cellulose of the pulp", "Massan selluloosa", True),
        _p("pulp_ash", "%", _B.DRY, "Ash of the pulp", "Massan tuhka", True),
    ]
}

# The built-in vocabulary. Projects add their own (``workbench.properties``),
# which join ``PROPERTIES`` while the project is open but may never replace these.
BUILTIN_PROPERTY_IDS: frozenset[str] = frozenset(PROPERTIES)

# Categorical sample attributes route criteria may test with the "in" / "not_in"
# comparators: the attribute id, where it lives on a Sample, and its allowed values.
# ``feedstock_type`` is the Sample field; the others are keys of ``Sample.metadata``.
SAMPLE_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "feedstock_type": tuple(t.value for t in FeedstockType),
    "chemical_treatment": ("untreated", "chemically_treated"),
    "wood_type": ("softwood", "hardwood", "mixed", "non_wood"),
    "attached_soil": ("none", "present"),
}

# Words people type for the controlled values (matched without regard to case, blanks,
# hyphens and underscores), in English and Finnish, besides the values and the GUI labels.
_ATTRIBUTE_SYNONYMS: dict[str, dict[str, str]] = {
    "chemical_treatment": {
        "untreated": "untreated",
        "no": "untreated",
        "none": "untreated",
        "natural": "untreated",
        "virgin": "untreated",
        "kasittelematon": "untreated",
        "käsittelemätön": "untreated",
        "ei": "untreated",
        "treated": "chemically_treated",
        "chemicallytreated": "chemically_treated",
        "yes": "chemically_treated",
        "kemiallisestikasitelty": "chemically_treated",
        "kemiallisestikäsitelty": "chemically_treated",
        "kasitelty": "chemically_treated",
        "käsitelty": "chemically_treated",
        "kyllä": "chemically_treated",
    },
    "wood_type": {
        "havupuu": "softwood",
        "lehtipuu": "hardwood",
        "sekapuu": "mixed",
        "nonwood": "non_wood",
        "muukuinpuu": "non_wood",
    },
    "attached_soil": {
        "no": "none",
        "ei": "none",
        "clean": "none",
        "yes": "present",
        "kyllä": "present",
        "soil": "present",
    },
}

ATTRIBUTE_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "chemical_treatment": {
        "untreated": ("Chemically untreated", "Kemiallisesti käsittelemätön"),
        "chemically_treated": ("Chemically treated", "Kemiallisesti käsitelty"),
    },
    "wood_type": {
        "softwood": ("Softwood", "Havupuu"),
        "hardwood": ("Hardwood", "Lehtipuu"),
        "mixed": ("Mixed softwood and hardwood", "Havu- ja lehtipuun seos"),
        "non_wood": ("Not wood", "Muu kuin puu"),
    },
    "attached_soil": {
        "none": ("No soil or stones attached", "Ei tarttunutta maa-ainesta tai kiviä"),
        "present": ("Soil or stones attached", "Tarttunutta maa-ainesta tai kiviä"),
    },
    "feedstock_type": {t.value: FEEDSTOCK_LABELS[t] for t in FeedstockType},
}


def _attribute_key(text: str) -> str:
    return "".join(ch for ch in str(text).casefold() if ch not in " -_/.\t")


def normalise_attribute(attr: str, text: str | None) -> str | None:
    """The controlled value of a categorical attribute for what a person typed, or ``None``.

    Matched without regard to case, blanks, hyphens and underscores ("Untreated",
    "chemically treated", "Kemiallisesti käsitelty" and "CHEMICALLY_TREATED" all work), also
    against the English and Finnish labels; empty text is ``None``, unknown text is ``None``.
    """
    if text is None or not str(text).strip():
        return None
    allowed = SAMPLE_ATTRIBUTES.get(attr)
    if allowed is None:
        return None
    key = _attribute_key(text)
    for value in allowed:
        if key == _attribute_key(value):
            return value
    for value, labels in ATTRIBUTE_LABELS.get(attr, {}).items():
        if key in (_attribute_key(labels[0]), _attribute_key(labels[1])):
            return value
    return _ATTRIBUTE_SYNONYMS.get(attr, {}).get(key)


def property_def(pid: str) -> PropertyDef:
    """Look up a property; raises ``KeyError`` naming the unknown id."""
    try:
        return PROPERTIES[pid]
    except KeyError:
        raise KeyError(f"unknown property {pid!r}") from None


def register_property(defn: PropertyDef) -> None:
    """Add a property to the vocabulary (used by plugins and route files that need more)."""
    existing = PROPERTIES.get(defn.id)
    if existing is not None and existing != defn:
        raise ValueError(f"property {defn.id!r} is already defined differently")
    PROPERTIES[defn.id] = defn


def ash_method(furnace_temperature_c: float | None) -> str:
    """The method of an ash determination from its furnace temperature.

    ISO 18122 (solid biofuels) ashes at 550 ± 10 °C and is the method of the ISO 17225
    ash classes; ISO 1171 (solid mineral fuels) ashes at 815 ± 10 °C, the temperature the
    ENplus ash-melting test uses. Ash at 815 °C is lower than at 550 °C (carbonates
    decompose), so it is a different method, never relabelled as ISO 18122.
    """
    if furnace_temperature_c is None:
        return "ISO 18122 (furnace temperature not stated)"
    t = float(furnace_temperature_c)
    if 540.0 <= t <= 560.0:
        return "ISO 18122 (550 °C)"
    if 805.0 <= t <= 825.0:
        return "ash at 815 °C (ISO 1171 style)"
    return f"ash at {t:g} °C"
