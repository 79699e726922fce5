"""Numbers shown in the window, written in the user's locale (decimal comma under fi_FI).

Files are always parsed by their own declaration (see ``workbench.importers.text``);
only what the window shows follows the locale, through these helpers.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLocale

# Qt writes negative numbers with the locale's minus sign: U+2212 in Finnish. A table
# cell copied into a spreadsheet is then text, not a number ("−1,5" is no number to
# Excel or LibreOffice; "-1,5" is), and the messages and reports write "-"
# (``workbench.messages.fi_number``); so the window writes "-" too.
_MINUS = "\u2212"


def _locale() -> QLocale:
    loc = QLocale()
    loc.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)  # "1235", not "1 235"
    return loc


def locale_number(value: float, digits: int = 4) -> str:
    """``digits`` significant digits in the locale ("12,5" in Finnish); "" for NaN."""
    value = float(value)
    if not math.isfinite(value):
        return "" if math.isnan(value) else ("∞" if value > 0 else "-∞")
    text = _locale().toString(value, "g", digits).replace(_MINUS, "-")
    return text.replace("e+0", "e").replace("e-0", "e-")


def locale_fixed(value: float, decimals: int = 2) -> str:
    """``decimals`` digits after the decimal mark of the locale."""
    return _locale().toString(float(value), "f", decimals).replace(_MINUS, "-")
