"""Text from files is data: never a formula, never a control sequence, never a new line.

Sample names, column names and notes come from imported worksheets and other people's
projects. Written into a spreadsheet, a name starting with ``=`` became a live formula
(``=HYPERLINK(...)``); an ANSI escape in a name made the XLSX export fail with an
internal error; a line break in a title would start a new record in a JCAMP-DX file.
These helpers make such text inert where it is written:

* ``cell`` (CSV and XLSX cells, headers included): the OWASP CSV-injection rule, a text
  starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading
  apostrophe, which spreadsheets show as text; control characters become visible
  ``\\xNN`` escapes (XLSX cannot hold them at all);
* ``clean``: control characters as ``\\xNN`` escapes (reports, logs, the window);
* ``one_line``: ``clean`` with line breaks and tabs as spaces (a header line of a file);
* ``html_escape``: ``clean``, then HTML-escaped (the reports).

Numbers are left as numbers: only text is changed.
"""

from __future__ import annotations

import html
import re
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_CONTROL_ALL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _escape(m: re.Match[str]) -> str:
    return f"\\x{ord(m.group()):02x}"


def clean(text: str) -> str:
    """Control characters (not tab, line feed, carriage return) as ``\\xNN``."""
    return _CONTROL.sub(_escape, text)


def one_line(text: str) -> str:
    """``clean`` text on one line: tabs and line breaks become spaces."""
    return _CONTROL_ALL.sub(lambda m: " " if m.group() in "\t\n\r" else _escape(m), text)


def cell(value: Any) -> Any:
    """A spreadsheet cell: text made inert (see the module docstring); others as given."""
    if not isinstance(value, str):
        return value
    text = _CONTROL.sub(_escape, value)
    if text.startswith(FORMULA_START):
        text = "'" + text
    return text


def cells(row: list[Any]) -> list[Any]:
    return [cell(v) for v in row]


def html_escape(text: Any, quote: bool = True) -> str:
    """``html.escape`` of ``clean`` text (reports: control characters made visible)."""
    return html.escape(clean(str(text)), quote=quote)
