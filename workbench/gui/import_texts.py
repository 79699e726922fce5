"""The import preview's words that come from the importers, in the interface language.

Importers name their formats and columns in English in the core (they also serve the CLI
and reports). The preview shows a format by its translated name, looked up by the
importer's format id (a new importer's own name is shown as written until it is added
here), and columns by their generic translated labels (``column_labels``).

The core's refusals and warnings are English too (the CLI, ``--json`` and the log keep
them so). The window shows them translated: a message is matched against the forms the
readers write (``line 12: expected a number in column 'Mass (mg)' (found 'x')``, ``the x
unit cm⁻¹ was assumed: ...``) and rebuilt from the translated form, the parts it quotes
(file names, cells, numbers) kept as they are. Parts that are themselves messages (a
sheet's warning, a reason in brackets) are translated the same way. A message no form
matches is shown as the core wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QCoreApplication

from workbench.gui import import_text_forms
from workbench.gui.i18n import fill

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
        "xlsx": translate("ImportFormats", "Excel workbook (.xlsx)"),
        "zip": translate("ImportFormats", "ZIP archive"),
    }


def format_text(format_id: str, label: str, parts: list[str] | None = None) -> str:
    """The format's name in the interface language (``label`` when not known here); for a
    workbook or archive with the formats of its sheets or members (their ids)."""
    name = _formats().get(format_id, label)
    if parts and format_id in ("xlsx", "zip"):
        inner = [_formats().get(p, p) for p in dict.fromkeys(parts)]
        return f"{name}: {', '.join(inner)}"
    return name


Rule = tuple[re.Pattern[str], Callable[[], str], tuple[str, ...]]
# (pattern, translated template with %1..%n, how each group is rendered: "" as is,
# "msg" translated as a message, "where" as a place, "exp" as an expected-phrase,
# "label" a reader's format label, "skip" left out). A form is known when its message
# parts are; of the forms that match, the first known one is taken, else the first.
# The importers' vendor-specific forms are in ``import_text_forms``.


def _rules() -> list[tuple[str, Callable[[], str], tuple[str, ...]]]:
    return [
        # -- places ------------------------------------------------------------------------
        (r"line (\d+)", lambda: translate("ImportTexts", "line %1"), ("",)),
        (
            r"line (\d+), column (\d+)",
            lambda: translate("ImportTexts", "line %1, column %2"),
            ("", ""),
        ),
        (r"byte (0x[0-9a-fA-F]+|\d+)", lambda: translate("ImportTexts", "byte %1"), ("",)),
        (
            r"sheet ('[^']*'), row (\d+)",
            lambda: translate("ImportTexts", "sheet %1, row %2"),
            ("", ""),
        ),
        (r"row (\d+)", lambda: translate("ImportTexts", "row %1"), ("",)),
        (r"whole file", lambda: translate("ImportTexts", "the whole file"), ()),
        (r"opening the file", lambda: translate("ImportTexts", "opening the file"), ()),
        (r"end of file", lambda: translate("ImportTexts", "the end of the file"), ()),
        (r"content", lambda: translate("ImportTexts", "the content"), ()),
        (r"header", lambda: translate("ImportTexts", "the header"), ()),
        (r"every sheet", lambda: translate("ImportTexts", "every sheet"), ()),
        (r"every member", lambda: translate("ImportTexts", "every file in the archive"), ()),
        (r"workbook", lambda: translate("ImportTexts", "the workbook"), ()),
        (r"ZIP directory", lambda: translate("ImportTexts", "the ZIP directory"), ()),
        (r"block directory", lambda: translate("ImportTexts", "the block directory"), ()),
        # -- expected phrases ------------------------------------------------------------------
        (
            r"a supported instrument export \(.*\)",
            lambda: translate(
                "ImportTexts",
                "a supported instrument export (JCAMP-DX, SPC, OPUS, spectrum CSV, TGA export, "
                "moisture printout, gravimetric worksheet, fibre analyser report or per-fibre "
                "list, Excel workbook, ZIP archive of these)",
            ),
            (),
        ),
        (
            r"the content matched none of them; for another table layout, define an import template",
            lambda: translate(
                "ImportTexts",
                "the content matched none of them; for another table layout, define an import "
                "template",
            ),
            (),
        ),
        (
            r"an instrument export, not a container file",
            lambda: translate("ImportTexts", "an instrument export, not a container file"),
            (),
        ),
        (
            r"this is (.+?): (.+)",
            lambda: translate("ImportTexts", "this is %1: %2"),
            ("msg", "msg"),
        ),
        (r"a regular file", lambda: translate("ImportTexts", "a regular file"), ()),
        (
            r"it is (.+); nothing was read",
            lambda: translate("ImportTexts", "it is %1; nothing was read"),
            ("msg",),
        ),
        (r"a readable file", lambda: translate("ImportTexts", "a readable file"), ()),
        (r"some content", lambda: translate("ImportTexts", "some content"), ()),
        (r"the file is empty", lambda: translate("ImportTexts", "the file is empty"), ()),
        (
            r"(.+) of at most (.+)",
            lambda: translate("ImportTexts", "%1 of at most %2"),
            ("msg", ""),
        ),
        (
            r"the file holds (.+); nothing was imported from it",
            lambda: translate("ImportTexts", "the file holds %1; nothing was imported from it"),
            ("",),
        ),
        (r"an instrument export", lambda: translate("ImportTexts", "an instrument export"), ()),
        (r"a number", lambda: translate("ImportTexts", "a number"), ()),
        (r"a finite number", lambda: translate("ImportTexts", "a finite number"), ()),
        (
            r"a number in column (.+)",
            lambda: translate("ImportTexts", "a number in column %1"),
            ("",),
        ),
        (
            r"a finite number in column (.+)",
            lambda: translate("ImportTexts", "a finite number in column %1"),
            ("",),
        ),
        (
            r"an unambiguous number in column (.+)",
            lambda: translate("ImportTexts", "an unambiguous number in column %1"),
            ("",),
        ),
        (
            r"(\d+) values separated by (tabs|semicolons|commas|spaces)",
            lambda: translate("ImportTexts", "%1 values separated by %2"),
            ("", "msg"),
        ),
        (r"tabs", lambda: translate("ImportTexts", "tabs"), ()),
        (r"semicolons", lambda: translate("ImportTexts", "semicolons"), ()),
        (r"commas", lambda: translate("ImportTexts", "commas"), ()),
        (r"spaces", lambda: translate("ImportTexts", "spaces"), ()),
        (r"rising", lambda: translate("ImportTexts", "rising"), ()),
        (r"falling", lambda: translate("ImportTexts", "falling"), ()),
        (
            r"a spectrum table \(x in wavenumbers or wavelengths, then signals\)",
            lambda: translate(
                "ImportTexts", "a spectrum table (x in wavenumbers or wavelengths, then signals)"
            ),
            (),
        ),
        (
            r"a worksheet holding a table the workbench reads",
            lambda: translate("ImportTexts", "a worksheet holding a table the workbench reads"),
            (),
        ),
        (
            r"(\d+) points as ##NPOINTS= declares",
            lambda: translate("ImportTexts", "%1 points as ##NPOINTS= declares"),
            ("",),
        ),
        (
            r"(\d+) ordinates decoded",
            lambda: translate("ImportTexts", "%1 ordinates decoded"),
            ("",),
        ),
        (
            r"a ZIP archive holding instrument exports the workbench reads",
            lambda: translate(
                "ImportTexts", "a ZIP archive holding instrument exports the workbench reads"
            ),
            (),
        ),
        (
            r"at least three rows of x and y numbers \(a spectrum table\)",
            lambda: translate(
                "ImportTexts", "at least three rows of x and y numbers (a spectrum table)"
            ),
            (),
        ),
        (
            r"at most ([\d,]+) data points in one JCAMP-DX file",
            lambda: translate("ImportTexts", "at most %1 data points in one JCAMP-DX file"),
            ("",),
        ),
        # -- details ---------------------------------------------------------------------------
        (r"found (.+)", lambda: translate("ImportTexts", "found %1"), ("",)),
        (
            r"a spectrum table whose first column is its x axis( \(values rising or falling\))?",
            lambda: translate("ImportTexts", "a spectrum table whose first column is its x axis"),
            ("skip",),
        ),
        (
            r"column ('.*') is the spectral axis but ('.*') comes first; .*",
            lambda: translate(
                "ImportTexts",
                "column %1 is the spectral axis but %2 comes first; define an import template "
                "to say which column is which",
            ),
            ("", ""),
        ),
        (
            r"the first column does not run one way; .*",
            lambda: translate(
                "ImportTexts",
                "the first column does not run one way; the table is not a spectrum (a map, an "
                "image or a list of positions); define an import template to read it",
            ),
            (),
        ),
        (
            r"the column names were taken as sample names: (.+)",
            lambda: translate("ImportTexts", "the column names were taken as sample names: %1"),
            ("",),
        ),
        (
            r"the first column ('.*') holds times, temperatures or index numbers, not sample "
            r"names: each row became a spectrum named by its value",
            lambda: translate(
                "ImportTexts",
                "the first column %1 holds times, temperatures or index numbers, not sample "
                "names: each row became a spectrum named by its value",
            ),
            ("",),
        ),
        (
            r"a data block header such as ('.*')",
            lambda: translate("ImportTexts", "a data block header such as %1"),
            ("",),
        ),
        (
            r"the data block ('.*') is not TGA: the workbench reads Pyris TGA curves, not DSC "
            r"heat flow",
            lambda: translate(
                "ImportTexts",
                "the data block %1 is not TGA: the workbench reads Pyris TGA curves, not DSC "
                "heat flow",
            ),
            ("",),
        ),
        (r"('.*') is not a number", lambda: translate("ImportTexts", "%1 is not a number"), ("",)),
        (
            r"('.*') is not a row of (\d+) numbers",
            lambda: translate("ImportTexts", "%1 is not a row of %2 numbers"),
            ("", ""),
        ),
        (
            r"('.*') is not a row of numbers",
            lambda: translate("ImportTexts", "%1 is not a row of numbers"),
            ("",),
        ),
        (
            r"('.*') has a thousands separator or mixed decimal marks(; the value is not guessed.*)?",
            lambda: translate(
                "ImportTexts",
                "%1 has a thousands separator or mixed decimal marks; the value is not "
                "guessed: export the data again without digit grouping (a spreadsheet "
                "program may have added it)",
            ),
            ("", "skip"),
        ),
        (
            r"('.*') is beyond the range of numbers the workbench stores .*",
            lambda: translate(
                "ImportTexts",
                "%1 is beyond the range of numbers the workbench stores (about ±1.8e308); "
                "infinite values are refused, never stored",
            ),
            ("",),
        ),
        (
            r"('.*') is not a finite number; .*",
            lambda: translate(
                "ImportTexts",
                "%1 is not a finite number; infinite and not-a-number values are refused, never "
                "stored (leave the cell empty or write NA where a reader accepts missing values)",
            ),
            ("",),
        ),
        (
            r"a data row that does not match the rows above it",
            lambda: translate("ImportTexts", "a data row that does not match the rows above it"),
            (),
        ),
        (
            r"a data row cut off from the rows below it",
            lambda: translate("ImportTexts", "a data row cut off from the rows below it"),
            (),
        ),
        (
            r"the rows do not all hold the same numbers",
            lambda: translate("ImportTexts", "the rows do not all hold the same numbers"),
            (),
        ),
        (
            r"its columns (.+) are a time series or thermal analysis data .*",
            lambda: translate(
                "ImportTexts",
                "its columns %1 are a time series or thermal analysis data (DSC, TGA), not "
                "spectra; define an import template (kind: table) to import them",
            ),
            ("",),
        ),
        (
            r"its tables declare more than ([\d,]+); nothing was decoded",
            lambda: translate(
                "ImportTexts", "its tables declare more than %1; nothing was decoded"
            ),
            ("",),
        ),
        (
            r"not a table the workbench reads \(no reader recognised its layout\)",
            lambda: translate(
                "ImportTexts", "not a table the workbench reads (no reader recognised its layout)"
            ),
            (),
        ),
        (
            r"not an export the workbench reads \(no reader recognised it\)",
            lambda: translate(
                "ImportTexts", "not an export the workbench reads (no reader recognised it)"
            ),
            (),
        ),
        (r"sheet ('[^']*'): (.+)", lambda: translate("ImportTexts", "sheet %1: %2"), ("", "msg")),
        (r"empty", lambda: translate("ImportTexts", "empty"), ()),
        # -- containers (this is ...: advice) ---------------------------------------------------
        (
            r"an OLE2 compound file \(Excel 97-2003 \.xls, or a Word or Outlook file\)",
            lambda: translate(
                "ImportTexts",
                "an OLE2 compound file (Excel 97-2003 .xls, or a Word or Outlook file)",
            ),
            (),
        ),
        (
            r"save an \.xls workbook as \.xlsx \(Excel: File > Save As\) and import that",
            lambda: translate(
                "ImportTexts",
                "save an .xls workbook as .xlsx (Excel: File > Save As) and import that",
            ),
            (),
        ),
        (
            r"an HDF5 file \(a Fibre Workbench project or another program's data\)",
            lambda: translate(
                "ImportTexts", "an HDF5 file (a Fibre Workbench project or another program's data)"
            ),
            (),
        ),
        (
            r"open a project with File > Open; export other HDF5 data as text to import it",
            lambda: translate(
                "ImportTexts",
                "open a project with File > Open; export other HDF5 data as text to import it",
            ),
            (),
        ),
        (r"a PDF document", lambda: translate("ImportTexts", "a PDF document"), ()),
        (
            r"a PDF holds a printed report, not the data: .*",
            lambda: translate(
                "ImportTexts",
                "a PDF holds a printed report, not the data: export the data from the "
                "instrument software as text, CSV or Excel and import that",
            ),
            (),
        ),
        (
            r"an? (PNG|JPEG|GIF|TIFF|WebP|BMP) image",
            lambda: translate("ImportTexts", "a %1 image"),
            ("",),
        ),
        (
            r"import the data, not a picture",
            lambda: translate("ImportTexts", "import the data, not a picture"),
            (),
        ),
        (r"a gzip-compressed file", lambda: translate("ImportTexts", "a gzip-compressed file"), ()),
        (
            r"an OpenDocument spreadsheet \(\.ods\)",
            lambda: translate("ImportTexts", "an OpenDocument spreadsheet (.ods)"),
            (),
        ),
        (
            r"save it as \.xlsx \(LibreOffice: File > Save As, Excel 2007-365\) and import that",
            lambda: translate(
                "ImportTexts",
                "save it as .xlsx (LibreOffice: File > Save As, Excel 2007-365) and import that",
            ),
            (),
        ),
        (
            r"unpack it \(for example with 7-Zip\) and import its files",
            lambda: translate(
                "ImportTexts", "unpack it (for example with 7-Zip) and import its files"
            ),
            (),
        ),
        (r"a FIFO \(named pipe\)", lambda: translate("ImportTexts", "a FIFO (named pipe)"), ()),
        (r"a character device", lambda: translate("ImportTexts", "a character device"), ()),
        (r"a folder", lambda: translate("ImportTexts", "a folder"), ()),
        # -- warnings ------------------------------------------------------------------------
        (
            r"the x unit (.*) was assumed: (.+)",
            lambda: translate("ImportTexts", "the x unit %1 was assumed: %2"),
            ("", "msg"),
        ),
        (
            r"the file has no header; wavenumbers assumed, as OMNIC and OPUS \(\.dpt\) text exports write them",
            lambda: translate(
                "ImportTexts",
                "the file has no header; wavenumbers assumed, as OMNIC and OPUS (.dpt) text "
                "exports write them",
            ),
            (),
        ),
        (
            r"the header says wavelength without a unit; (.+) from the range of x",
            lambda: translate(
                "ImportTexts", "the header says wavelength without a unit; %1 from the range of x"
            ),
            ("",),
        ),
        (
            r"the file states no x unit \(DXU\); OPUS x axes are wavenumbers",
            lambda: translate(
                "ImportTexts", "the file states no x unit (DXU); OPUS x axes are wavenumbers"
            ),
            (),
        ),
        (
            r"the file states no x unit; x is shown without one",
            lambda: translate("ImportTexts", "the file states no x unit; x is shown without one"),
            (),
        ),
        (
            r"x counts points \(0, 1, 2, …\): .*",
            lambda: translate(
                "ImportTexts",
                "x counts points (0, 1, 2, …): a point index, not a wavenumber or wavelength "
                "axis; the spectrum is shown against point numbers",
            ),
            (),
        ),
        (
            r"x runs from (\S+) to (\S+), which is unusual for (.+); check that the unit is right",
            lambda: translate(
                "ImportTexts",
                "x runs from %1 to %2, which is unusual for %3; check that the unit is right",
            ),
            ("", "", ""),
        ),
        (
            r"the \.asp file states no units; x is taken as cm⁻¹ \(Agilent FTIR\)",
            lambda: translate(
                "ImportTexts", "the .asp file states no units; x is taken as cm⁻¹ (Agilent FTIR)"
            ),
            (),
        ),
        (
            r"the wavelength unit is not stated; (.+) assumed from the range and the (rising|falling) order",
            lambda: translate(
                "ImportTexts",
                "the wavelength unit is not stated; %1 assumed from the range and the %2 order",
            ),
            ("", "msg"),
        ),
        (
            r"the file holds only the background \(reference\) measurement \((.+)\), no spectrum of a sample",
            lambda: translate(
                "ImportTexts",
                "the file holds only the background (reference) measurement (%1), no "
                "spectrum of a sample",
            ),
            ("",),
        ),
        (
            r"an earlier (\S+) block \(byte (0x[0-9a-f]+), before OPUS processed it again\) was left out; the current one is imported",
            lambda: translate(
                "ImportTexts",
                "an earlier %1 block (byte %2, before OPUS processed it again) was left out; "
                "the current one is imported",
            ),
            ("", ""),
        ),
        (
            r"column ('.*') does not say whether fines are by count or by length; .*",
            lambda: translate(
                "ImportTexts",
                "column %1 does not say whether fines are by count or by length; stored as "
                "fines by length, the usual summary-report convention",
            ),
            ("",),
        ),
        (
            r"the file name is not UTF-8; it is kept as ('.*') \(read as Windows-1252\)",
            lambda: translate(
                "ImportTexts", "the file name is not UTF-8; it is kept as %1 (read as Windows-1252)"
            ),
            ("",),
        ),
        (
            r"(\d+) formula cell\(s\) have no stored result \((.+)\) and were read as empty; .*",
            lambda: translate(
                "ImportTexts",
                "%1 formula cell(s) have no stored result (%2) and were read as empty; open "
                "and save the workbook in Excel to store the results",
            ),
            ("", ""),
        ),
        (r"(.+) \(not imported\)", lambda: translate("ImportTexts", "%1 (not imported)"), ("msg",)),
        (
            r"(\d+) comment or text line\(s\) after the data were ignored",
            lambda: translate(
                "ImportTexts", "%1 comment or text line(s) after the data were ignored"
            ),
            ("",),
        ),
        (
            r"the file states no unit for (.+); the values are kept as written, without one",
            lambda: translate(
                "ImportTexts",
                "the file states no unit for %1; the values are kept as written, without one",
            ),
            ("",),
        ),
        (
            r"('.+') ('.*') is not a usable number; it was not stored",
            lambda: translate("ImportTexts", "%1 %2 is not a usable number; it was not stored"),
            ("", ""),
        ),
        (
            r"(\d+) Y-check value\(s\) differ from the decoded ordinate",
            lambda: translate(
                "ImportTexts", "%1 Y-check value(s) differ from the decoded ordinate"
            ),
            ("",),
        ),
        (
            r"the printed result (\S+) % differs from the weights' (\S+) %",
            lambda: translate(
                "ImportTexts", "the printed result %1 % differs from the weights' %2 %"
            ),
            ("", ""),
        ),
    ]


@cache
def _compiled() -> tuple[Rule, ...]:
    """The rules with their patterns compiled (the templates are translated at use, so a
    change of language applies at once)."""
    rules = import_text_forms.vendor_rules() + _rules() + import_text_forms.fallback_rules()
    return tuple((re.compile(p, re.DOTALL), t, g) for p, t, g in rules)


def translate_message(text: str, depth: int = 0) -> str:
    """``text`` (one core message, without its file name) in the window's language."""
    return _translate(text, depth)[0]


def is_known(text: str) -> bool:
    """Whether ``text`` and every message inside it are forms of this module (the parts
    it quotes, and text from the system or a library inside it, may be anything)."""
    return _translate(text, 0)[1]


def _translate(text: str, depth: int) -> tuple[str, bool]:
    """(the translation, whether a form matched) of ``text``."""
    text = text.strip()
    if not text or depth > 6:
        return text, False
    for pattern, template in _wrappers():  # a sheet's or member's message, "(not imported)"
        m = pattern.fullmatch(text)
        if m:
            inner, ok = _translate(m.group(m.lastindex), depth + 1)
            if m.lastindex == 2:
                return fill(template(), m.group(1), inner), ok
            return fill(template(), inner), ok
    refusal = _REFUSAL.fullmatch(text)
    if refusal:
        return _refusal(refusal.group(1), refusal.group(2), depth)
    first = None  # a form that matched, its parts not all known
    for pattern, template, groups in _compiled():
        m = pattern.fullmatch(text)
        if m is None:
            continue
        known, parts = True, []
        for i, how in enumerate(groups, start=1):
            part = m.group(i) or ""
            if how in ("msg", "where", "exp"):
                part, ok = _translate(part, depth + 1)
                known = known and ok
            elif how == "label":
                part, ok = _format_label(part)
                known = known and ok
            elif how == "skip":
                part = ""
            parts.append(part)
        out = fill(template(), *parts)  # in one pass: a part may hold '%2' (a file 'a%20b')
        if known:
            return out, True
        first = first or out
    if "; " in text:  # a list of "NAME: reason" (an archive's members, a workbook's sheets)
        parts = [p.partition(": ") for p in text.split("; ")]
        if all(sep for _name, sep, _rest in parts):
            done = [(name, *_translate(rest, depth + 1)) for name, _sep, rest in parts]
            known = all(ok for _n, _t, ok in done)
            if known or (first is None and any(ok for _name, _tr, ok in done)):
                return "; ".join(f"{name}: {tr}" for name, tr, _ok in done), known
    return (text, False) if first is None else (first, False)


@cache
def _labels() -> dict[str, str]:
    """Format id of each reader's English format label."""
    from workbench.importers.registry import all_readers

    return {r.format_label: r.format_id for r in all_readers()}


def _format_label(label: str) -> tuple[str, bool]:
    """(a reader's format label in the interface language, whether it is one)."""
    format_id = _labels().get(label)
    return (label, False) if format_id is None else (format_text(format_id, label), True)


_REFUSAL = re.compile(r"(.+?): expected (.+)", re.DOTALL)


@cache
def _wrapper_patterns() -> tuple[re.Pattern[str], ...]:
    return (re.compile(r"(.+) \(not imported\)", re.DOTALL),
            re.compile(r"sheet ('[^']*'): (.+)", re.DOTALL))  # fmt: skip


def _wrappers():
    """Messages around a message: the last group is the inner message."""
    first, second = _wrapper_patterns()
    return (
        (first, lambda: translate("ImportTexts", "%1 (not imported)")),
        (second, lambda: translate("ImportTexts", "sheet %1: %2")),
    )


def _refusal(where: str, rest: str, depth: int) -> tuple[str, bool]:
    """``WHERE: expected EXPECTED (DETAIL)``, where EXPECTED and DETAIL may hold
    brackets of their own: of the places the detail could start, the first at which
    both parts are known forms is taken (else the first at which either is)."""
    place, ok_place = _translate(where, depth + 1)
    splits: list[tuple[str, str]] = []
    if rest.endswith(")"):
        start = rest.find(" (")
        while start >= 0:
            splits.append((rest[:start], rest[start + 2 : -1]))
            start = rest.find(" (", start + 1)
    best, best_score = None, -1
    for expected, detail in splits:
        exp, ok_exp = _translate(expected, depth + 1)
        det, ok_det = _translate(detail, depth + 1)
        score = 2 * ok_exp + ok_det
        if score > best_score:
            best, best_score = (exp, det), score
        if score == 3:
            break
    whole, ok_whole = _translate(rest, depth + 1)
    if best is None or (ok_whole and best_score < 3):
        return fill(
            translate("ImportTexts", "%1: expected %2"), place, whole
        ), ok_whole and ok_place
    text = fill(translate("ImportTexts", "%1: expected %2 (%3)"), place, best[0], best[1])
    return text, best_score == 3 and ok_place


def message_text(message: str, path: str) -> str:
    """A refusal as the window shows it: without the file's path, translated."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    for prefix in (path + ": ", name + ": "):
        if path and message.startswith(prefix):
            message = message[len(prefix) :]
            break
    return translate_message(message)


def warning_text(warning: str) -> str:
    return translate_message(warning)
