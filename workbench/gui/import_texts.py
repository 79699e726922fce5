"""The import preview's words that come from the importers, in the interface language.

Importers name their formats and columns in English in the core (they also serve the CLI
and reports). The preview shows a format by its translated name, looked up by the
importer's format id (a new importer's own name is shown as written until it is added
here), and columns by their generic translated labels (``column_labels``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def _formats() -> dict[str, str]:
    return {
        "agilent_asp": translate("ImportFormats", "Agilent .asp spectrum"),
        "opus": translate("ImportFormats", "Bruker OPUS spectrum"),
        "fibre_particles": translate("ImportFormats", "Fibre analyser per-particle list"),
        "fibre_report": translate("ImportFormats", "Fibre analyser summary report"),
        "gravimetric_worksheet": translate(
            "ImportFormats", "Gravimetric moisture / ash worksheet (ISO 18134 / ISO 18122)"
        ),
        "jcamp": translate("ImportFormats", "JCAMP-DX spectrum"),
        "tga_mettler_stare": translate("ImportFormats", "Mettler Toledo STARe text export"),
        "moisture_mettler_printout": translate(
            "ImportFormats", "Mettler Toledo moisture analyser printout"
        ),
        "tga_netzsch": translate("ImportFormats", "NETZSCH Proteus ASCII export (TGA/STA)"),
        "tga_pyris": translate("ImportFormats", "PerkinElmer Pyris TGA text export"),
        "tga_pyris_csv": translate("ImportFormats", "PerkinElmer TGA CSV export"),
        "moisture_sartorius_printout": translate(
            "ImportFormats", "Sartorius MA moisture analyser printout (22-character lines)"
        ),
        "spectral_table": translate("ImportFormats", "Spectral table (one sample per row)"),
        "spectrum_text": translate("ImportFormats", "Spectrum text export (CSV, DPT)"),
        "tga_ta": translate("ImportFormats", "TA Instruments text export (Universal Analysis)"),
        "tga_generic": translate("ImportFormats", "TGA table (time / temperature / mass)"),
        "spc": translate("ImportFormats", "Thermo Galactic SPC spectrum"),
    }


def format_text(format_id: str, label: str) -> str:
    """The format's name in the interface language (``label`` when not known here)."""
    return _formats().get(format_id, label)
