"""Column labels (plot axes, result curves) in the interface language.

Importers and plugins label the columns they create in plain English ("Temperature",
"Mass", "DTG (-dm/dT)"). Those generic labels are vocabulary, not data, so the GUI shows
them translated; any other label (a name from the instrument file, a user's column)
is shown as written. Matching is on the whole label, or on the part before " (" so that
"Moisture (wet basis)" and "Moisture" both translate. A label the plugin gave as an
``{"en": ..., "fi": ...}`` record (``workbench.messages``) shows its own text.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QCoreApplication

from workbench.gui.i18n import active_language, local_text

translate = QCoreApplication.translate


def _table() -> dict[str, str]:
    return {
        "Temperature": translate("Columns", "Temperature"),
        "Time": translate("Columns", "Time"),
        "Mass": translate("Columns", "Mass"),
        "Wavelength": translate("Columns", "Wavelength"),
        "Wavenumber": translate("Columns", "Wavenumber"),
        "Absorbance": translate("Columns", "Absorbance"),
        "Reflectance": translate("Columns", "Reflectance"),
        "Transmittance": translate("Columns", "Transmittance"),
        "Intensity": translate("Columns", "Intensity"),
        "Signal": translate("Columns", "Signal"),
        "Heat flow": translate("Columns", "Heat flow"),
        "Length": translate("Columns", "Length"),
        "Width": translate("Columns", "Width"),
        "Curl": translate("Columns", "Curl"),
        "Kinks": translate("Columns", "Kinks"),
        "Replicate": translate("Columns", "Replicate"),
        "Moisture": translate("Columns", "Moisture"),
        "Ash": translate("Columns", "Ash"),
        "Ash (dry basis)": translate("Columns", "Ash (dry basis)"),
        "Moisture (wet basis)": translate("Columns", "Moisture (wet basis)"),
        "Ash replicates": translate("Columns", "Ash replicates"),
        "Moisture replicates": translate("Columns", "Moisture replicates"),
        "Mass, relative to the initial mass": translate(
            "Columns", "Mass, relative to the initial mass"
        ),
        "DTG (-dm/dT)": translate("Columns", "DTG (-dm/dT)"),
        "Peak DTG": translate("Columns", "Peak DTG"),
        "Peak temperature": translate("Columns", "Peak temperature"),
        "Particles": translate("Columns", "Particles"),
        "Share of count": translate("Columns", "Share of count"),
        "Share of length": translate("Columns", "Share of length"),
        "Class from": translate("Columns", "Class from"),
        "Class to": translate("Columns", "Class to"),
        "Class midpoint": translate("Columns", "Class midpoint"),
        "Component": translate("Columns", "Component"),
        "Components": translate("Columns", "Components"),
        "Explained variance": translate("Columns", "Explained variance"),
        "Cumulative explained variance": translate("Columns", "Cumulative explained variance"),
        "Regression coefficient": translate("Columns", "Regression coefficient"),
        "Sample number": translate("Columns", "Sample number"),
    }


@lru_cache(maxsize=4)
def _table_for(language: str) -> dict[str, str]:
    return _table()


def column_label(text: str | dict[str, str]) -> str:
    """``text`` translated when it is one of the generic column labels, else unchanged
    (a bilingual record: its text in the active language)."""
    if isinstance(text, dict):
        return local_text(text)
    if not text:
        return text
    table = _table_for(active_language())
    if text in table:
        return table[text]
    head, sep, rest = text.partition(" (")
    if sep and head in table:
        return f"{table[head]} ({rest}"
    return text
