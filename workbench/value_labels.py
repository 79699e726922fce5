"""Names of values in English and Finnish: the vocabulary's, and the built-in analyses' own.

Most values a result carries are vocabulary properties (moisture, ash, Lw, ...) with
their labels in ``workbench.vocab``. Some analyses report figures of their own (a PLS
model's RMSECV and components, a PCA's scores) that are no property of a material and
so are not in the vocabulary; their names live here, in both languages, so the window,
the exports and the report never show an id such as ``pls_rmsecv``. A value nobody named
reads as its id in words ("Q2 sd").
"""

from __future__ import annotations

import re

from workbench.vocab import PROPERTIES

# id -> (English, Finnish)
ANALYSIS_VALUES: dict[str, tuple[str, str]] = {
    "pls_rmsecv": ("RMSECV (cross-validated error)", "RMSECV (ristiinvalidoitu virhe)"),
    "pls_bias": ("Bias (cross-validated)", "Harha (ristiinvalidoitu)"),
    "pls_q2": ("Q² (cross-validated R²)", "Q² (ristiinvalidoitu R²)"),
    "pls_rpd": ("RPD (cross-validated)", "RPD (ristiinvalidoitu)"),
    "pls_components": ("PLS components", "PLS-komponentteja"),
    "pls_calibration_samples": ("Calibration samples", "Kalibrointinäytteitä"),
    "pls_rmsecv_sd": ("RMSECV spread over repeats (SD)", "RMSECV:n hajonta toistoissa (SD)"),
    "pls_q2_sd": ("Q² spread over repeats (SD)", "Q²:n hajonta toistoissa (SD)"),
    "pls_rmsep": ("RMSEP (test set error)", "RMSEP (testijoukon virhe)"),
    "pls_test_bias": ("Bias (test set)", "Harha (testijoukko)"),
    "pls_sep": ("SEP (test set)", "SEP (testijoukko)"),
    "pls_test_rpd": ("RPD (test set)", "RPD (testijoukko)"),
    "pls_test_r2": ("R² (test set)", "R² (testijoukko)"),
    "pls_test_samples": ("Test samples", "Testinäytteitä"),
}
_PC_SCORE = re.compile(r"pc(\d+)_score")
ACRONYMS = {"pls", "rmsecv", "rmsec", "rmsep", "rpd", "q2", "r2", "ks", "pca", "dtg", "tga", "sep"}


def value_label(pid: str, lang: str = "en") -> str:
    """The name of value ``pid`` in ``lang`` ("en" or "fi")."""
    fi = lang == "fi"
    defn = PROPERTIES.get(pid)
    if defn is not None:
        return defn.label_fi if fi and defn.label_fi else defn.label_en
    if pid in ANALYSIS_VALUES:
        en_text, fi_text = ANALYSIS_VALUES[pid]
        return fi_text if fi else en_text
    m = _PC_SCORE.fullmatch(pid)
    if m:
        return f"PC{m.group(1)}-pistemäärä" if fi else f"PC{m.group(1)} score"
    words = [w.upper() if w in ACRONYMS else w for w in pid.split("_")]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


# -- sample metadata (answers about the material) ----------------------------------------
# keys the application keeps for itself: never shown as a user's answer
INTERNAL_METADATA = frozenset({"demo_key", "sources"})
METADATA_LABELS: dict[str, tuple[str, str]] = {
    "chemical_treatment": ("Chemical treatment", "Kemiallinen käsittely"),
    "wood_type": ("Wood type", "Puun tyyppi"),
    "attached_soil": ("Attached soil", "Tarttunut maa-aines"),
    "data": ("Data", "Aineisto"),
}
METADATA_VALUES: dict[str, tuple[str, str]] = {
    "demonstration": ("demonstration data", "esittelyaineisto"),
}


def metadata_label(key: str, lang: str = "en") -> str:
    """A sample metadata key in words: a known answer's name, else the key as typed."""
    if key in METADATA_LABELS:
        en_text, fi_text = METADATA_LABELS[key]
        return fi_text if lang == "fi" else en_text
    text = key.replace("_", " ")
    return text[:1].upper() + text[1:]


def metadata_value(key: str, value: object, lang: str = "en") -> str:
    """A metadata value in words: controlled values ("untreated", "softwood") in
    ``lang``, anything else as stored."""
    from workbench.classify.texts import value_word
    from workbench.vocab import SAMPLE_ATTRIBUTES

    text = str(value)
    if text in METADATA_VALUES:
        en_text, fi_text = METADATA_VALUES[text]
        return fi_text if lang == "fi" else en_text
    if key in SAMPLE_ATTRIBUTES:
        return value_word(text).fi if lang == "fi" else text.replace("_", " ")
    return text
