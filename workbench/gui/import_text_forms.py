"""The importers' vendor- and format-specific message forms, in the interface language.

``import_texts`` translates the common forms of the importers' refusals and warnings
(places, numbers in columns, units assumed); this module holds the rest: what each
reader expects where it refuses a file (``a result unit %M, -%M, %S or %M/S``), what
it found instead, and its own warnings. Every form the importers write has a form here
or in ``import_texts`` (``tests/gui/test_import_texts.py`` reads them from the
importers' source and fails on one without a Finnish form).

A form is written once, as its English template with ``%1``..``%n`` for the parts it
fills in; the pattern that recognises the English message is made from it, so the
English window shows exactly what the importer wrote. Names the file itself uses
(``'Curve Values:'``, ``##FIRSTX=``, ``%MC``, ``NPT``) are kept in the translation:
they are what the user looks for in the file.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate

RuleSpec = tuple[str, Callable[[], str], tuple[str, ...]]


def _f(
    source: str, text: Callable[[], str], groups: tuple[str, ...] = (), **holes: str
) -> RuleSpec:
    """A rule from its English template: ``%n`` matches any text (``holes`` may give a
    pattern for ``%n`` by the name ``pn``)."""
    parts = re.split(r"(%\d)", source)
    pattern = ""
    for part in parts:
        if re.fullmatch(r"%\d", part):
            pattern += "(" + holes.get("p" + part[1:], ".+?") + ")"
        else:
            pattern += re.escape(part)
    return pattern, text, groups


def vendor_rules() -> list[RuleSpec]:
    """Specific forms: tried before the common ones, which they would otherwise match in
    part (``found %1`` would take ``found 0x4C; MSB-order ... not supported``)."""
    return [
        # -- registry, service, text decoding ----------------------------------------------
        _f(
            "a well-formed %1 file",
            lambda: translate("ImportTexts", "a well-formed %1 file"),
            ("label",),
        ),
        _f("a %1 file", lambda: translate("ImportTexts", "a %1 file"), ("label",)),
        _f(
            "an Excel workbook or ZIP archive",
            lambda: translate("ImportTexts", "an Excel workbook or ZIP archive"),
        ),
        _f(
            "at least one measurement", lambda: translate("ImportTexts", "at least one measurement")
        ),
        _f("none was found", lambda: translate("ImportTexts", "none was found")),
        _f(
            "column %1, point %2", lambda: translate("ImportTexts", "column %1, point %2"), ("", "")
        ),
        _f("value %1", lambda: translate("ImportTexts", "value %1"), ("",), p1="'.*'"),
        _f(
            "a value too large for a number (infinity); nothing was imported",
            lambda: translate(
                "ImportTexts", "a value too large for a number (infinity); nothing was imported"
            ),
        ),
        _f(
            "one of the known formats (%1)",
            lambda: translate("ImportTexts", "one of the known formats (%1)"),
            ("",),
        ),
        _f("format", lambda: translate("ImportTexts", "format")),
        _f("valid %1 text", lambda: translate("ImportTexts", "valid %1 text"), ("",)),
        _f("UTF-8 text", lambda: translate("ImportTexts", "UTF-8 text")),
        _f(
            "unknown decimal mark %1",
            lambda: translate("ImportTexts", "unknown decimal mark %1"),
            ("",),
        ),
        # -- containers ---------------------------------------------------------------------
        _f("a 7-Zip archive", lambda: translate("ImportTexts", "a 7-Zip archive")),
        _f("a RAR archive", lambda: translate("ImportTexts", "a RAR archive")),
        _f("a ZIP archive", lambda: translate("ImportTexts", "a ZIP archive")),
        _f(
            "an Excel workbook (.xlsx)",
            lambda: translate("ImportTexts", "an Excel workbook (.xlsx)"),
        ),
        _f(
            "unpack it and import its files (ZIP archives are read directly)",
            lambda: translate(
                "ImportTexts", "unpack it and import its files (ZIP archives are read directly)"
            ),
        ),
        # -- Excel workbooks and ZIP archives ---------------------------------------------------
        _f("a complete ZIP file", lambda: translate("ImportTexts", "a complete ZIP file")),
        _f("at most %1 members", lambda: translate("ImportTexts", "at most %1 members"), ("",)),
        _f(
            "at most %1 MiB when unpacked",
            lambda: translate("ImportTexts", "at most %1 MiB when unpacked"),
            ("",),
        ),
        _f(
            "its members declare %1 MiB; nothing was unpacked",
            lambda: translate("ImportTexts", "its members declare %1 MiB; nothing was unpacked"),
            ("",),
        ),
        _f("ZIP member %1", lambda: translate("ImportTexts", "ZIP member %1"), ("",)),
        _f(
            "a compression ratio of at most %1:1",
            lambda: translate("ImportTexts", "a compression ratio of at most %1:1"),
            ("",),
        ),
        _f(
            "%1:1 (a ZIP bomb?); nothing was unpacked",
            lambda: translate("ImportTexts", "%1:1 (a ZIP bomb?); nothing was unpacked"),
            ("",),
        ),
        _f(
            "a readable Excel workbook (.xlsx)",
            lambda: translate("ImportTexts", "a readable Excel workbook (.xlsx)"),
        ),
        _f("a sheet named %1", lambda: translate("ImportTexts", "a sheet named %1"), ("",)),
        _f("its sheets are %1", lambda: translate("ImportTexts", "its sheets are %1"), ("",)),
        _f(
            "at most %1 cells in a workbook",
            lambda: translate("ImportTexts", "at most %1 cells in a workbook"),
            ("",),
        ),
        _f(
            "sheet %1 is empty",
            lambda: translate("ImportTexts", "sheet %1 is empty"),
            ("",),
            p1="'.*'",
        ),
        _f(
            "sheet %1, %2",
            lambda: translate("ImportTexts", "sheet %1, %2"),
            ("", "msg"),
            p1="'[^']*'",
        ),
        _f("sheet %1", lambda: translate("ImportTexts", "sheet %1"), ("",), p1="'.*'"),
        _f(
            "the workbook has no sheet with data",
            lambda: translate("ImportTexts", "the workbook has no sheet with data"),
        ),
        _f(
            "a cell range such as A1:F200",
            lambda: translate("ImportTexts", "a cell range such as A1:F200"),
        ),
        _f(
            "a cell range with both corners, such as A1:F200",
            lambda: translate("ImportTexts", "a cell range with both corners, such as A1:F200"),
        ),
        _f("template", lambda: translate("ImportTexts", "template")),
        _f("the archive is empty", lambda: translate("ImportTexts", "the archive is empty")),
        _f("encrypted", lambda: translate("ImportTexts", "encrypted")),
        _f("too large", lambda: translate("ImportTexts", "too large")),
        _f("damaged", lambda: translate("ImportTexts", "damaged")),
        _f(
            "%1: encrypted; not read",
            lambda: translate("ImportTexts", "%1: encrypted; not read"),
            ("",),
        ),
        _f(
            "%1: larger than %2 MiB; not read",
            lambda: translate("ImportTexts", "%1: larger than %2 MiB; not read"),
            ("", ""),
        ),
        _f(
            "%1: %2 MiB; not read",
            lambda: translate("ImportTexts", "%1: %2 MiB; not read"),
            ("", ""),
        ),
        _f(
            "%1: cannot be unpacked (%2); not read",
            lambda: translate("ImportTexts", "%1: cannot be unpacked (%2); not read"),
            ("", ""),
        ),
        _f(
            "%1: %2 inside the archive; not opened",
            lambda: translate("ImportTexts", "%1: %2 inside the archive; not opened"),
            ("", "msg"),
        ),
        # -- import templates ---------------------------------------------------------------
        _f(
            "the header row of template %1",
            lambda: translate("ImportTexts", "the header row of template %1"),
            ("",),
        ),
        _f("the file is shorter", lambda: translate("ImportTexts", "the file is shorter")),
        _f(
            "a column %1 (template %2)",
            lambda: translate("ImportTexts", "a column %1 (template %2)"),
            ("", ""),
        ),
        _f("found columns %1", lambda: translate("ImportTexts", "found columns %1"), ("",)),
        _f(
            "data rows (template %1)",
            lambda: translate("ImportTexts", "data rows (template %1)"),
            ("",),
        ),
        _f(
            "an Excel workbook (template %1 names a sheet or range)",
            lambda: translate(
                "ImportTexts", "an Excel workbook (template %1 names a sheet or range)"
            ),
            ("",),
        ),
        # -- number cells (jcamp_asdf, text) ----------------------------------------------------
        _f("a malformed number", lambda: translate("ImportTexts", "a malformed number")),
        _f(
            "a number beyond the range of numbers the workbench stores (about ±1.8e308)",
            lambda: translate(
                "ImportTexts",
                "a number beyond the range of numbers the workbench stores (about ±1.8e308)",
            ),
        ),
        _f(
            "unexpected character %1 in a number list",
            lambda: translate("ImportTexts", "unexpected character %1 in a number list"),
            ("",),
        ),
        _f(
            "unexpected character %1 (column %2) in compressed data",
            lambda: translate(
                "ImportTexts", "unexpected character %1 (column %2) in compressed data"
            ),
            ("", ""),
        ),
        _f(
            "a DIF digit %1 with no ordinate before it",
            lambda: translate("ImportTexts", "a DIF digit %1 with no ordinate before it"),
            ("",),
        ),
        _f(
            "a DUP digit %1 with no value before it",
            lambda: translate("ImportTexts", "a DUP digit %1 with no value before it"),
            ("",),
        ),
        _f(
            "a DUP count %1 beyond any real spectrum",
            lambda: translate("ImportTexts", "a DUP count %1 beyond any real spectrum"),
            ("",),
        ),
        _f(
            "%1 numbers, not a whole number of %2-value groups",
            lambda: translate("ImportTexts", "%1 numbers, not a whole number of %2-value groups"),
            ("", ""),
        ),
        # -- JCAMP-DX -----------------------------------------------------------------------
        _f(
            "a JCAMP-DX block starting with ##TITLE=",
            lambda: translate("ImportTexts", "a JCAMP-DX block starting with ##TITLE="),
        ),
        _f("JCAMP-DX data", lambda: translate("ImportTexts", "JCAMP-DX data")),
        _f("NTUPLES pages with data", lambda: translate("ImportTexts", "NTUPLES pages with data")),
        _f(
            "an XYDATA, XYPOINTS or PEAK TABLE record",
            lambda: translate("ImportTexts", "an XYDATA, XYPOINTS or PEAK TABLE record"),
        ),
        _f("a number for ##%1=", lambda: translate("ImportTexts", "a number for ##%1="), ("",)),
        _f(
            "an NTUPLES DATA TABLE whose variables are declared",
            lambda: translate("ImportTexts", "an NTUPLES DATA TABLE whose variables are declared"),
        ),
        _f(
            "##FIRSTX= and ##LASTX= for an (X++(Y..Y)) table",
            lambda: translate("ImportTexts", "##FIRSTX= and ##LASTX= for an (X++(Y..Y)) table"),
        ),
        _f(
            "a table form (X++(Y..Y)) or (XY..XY)",
            lambda: translate("ImportTexts", "a table form (X++(Y..Y)) or (XY..XY)"),
        ),
        _f(
            "##SYMBOL= declaring %1 of the table %2",
            lambda: translate("ImportTexts", "##SYMBOL= declaring %1 of the table %2"),
            ("", ""),
        ),
        _f("numbers in ##FACTOR=", lambda: translate("ImportTexts", "numbers in ##FACTOR=")),
        _f(
            "block %1: ##NPOINTS=%2 but %3 points are listed",
            lambda: translate("ImportTexts", "block %1: ##NPOINTS=%2 but %3 points are listed"),
            ("", "", ""),
        ),
        _f(
            "%1 line abscissa(e) differ from FIRSTX/LASTX by more than a step",
            lambda: translate(
                "ImportTexts", "%1 line abscissa(e) differ from FIRSTX/LASTX by more than a step"
            ),
            ("",),
        ),
        # -- Bruker OPUS ----------------------------------------------------------------------
        _f("directory", lambda: translate("ImportTexts", "directory")),
        _f("a complete OPUS file", lambda: translate("ImportTexts", "a complete OPUS file")),
        _f(
            "%1 bytes of %2",
            lambda: translate("ImportTexts", "%1 bytes of %2"),
            ("", "msg"),
            p1=r"\S+",
        ),
        _f(
            "the file ends at byte %1; it is truncated or damaged",
            lambda: translate(
                "ImportTexts", "the file ends at byte %1; it is truncated or damaged"
            ),
            ("",),
        ),
        _f("a parameter block", lambda: translate("ImportTexts", "a parameter block")),
        _f("OPUS header", lambda: translate("ImportTexts", "OPUS header")),
        _f("the block directory", lambda: translate("ImportTexts", "the block directory")),
        _f(
            "the %1 data block",
            lambda: translate("ImportTexts", "the %1 data block"),
            ("",),
            p1=r"\S+",
        ),
        _f(
            "the OPUS magic bytes 0A 0A FE FE",
            lambda: translate("ImportTexts", "the OPUS magic bytes 0A 0A FE FE"),
        ),
        _f(
            "a plausible number of blocks",
            lambda: translate("ImportTexts", "a plausible number of blocks"),
        ),
        _f(
            "parameter %1 inside its block",
            lambda: translate("ImportTexts", "parameter %1 inside its block"),
            ("",),
        ),
        _f("it runs past it", lambda: translate("ImportTexts", "it runs past it")),
        _f(
            "parameter block %1 skipped: %2",
            lambda: translate("ImportTexts", "parameter block %1 skipped: %2"),
            ("", "msg"),
            p1=r"\S+",
        ),
        _f(
            "a data parameter block belonging to the %1 block",
            lambda: translate("ImportTexts", "a data parameter block belonging to the %1 block"),
            ("",),
        ),
        _f(
            "an absorbance, transmittance or single-channel spectrum block",
            lambda: translate(
                "ImportTexts", "an absorbance, transmittance or single-channel spectrum block"
            ),
        ),
        _f(
            "only non-spectral blocks found",
            lambda: translate("ImportTexts", "only non-spectral blocks found"),
        ),
        _f("only %1 found", lambda: translate("ImportTexts", "only %1 found"), ("",)),
        _f(
            "NPT, FXV and LXV in the parameters of %1",
            lambda: translate("ImportTexts", "NPT, FXV and LXV in the parameters of %1"),
            ("",),
        ),
        _f(
            "at most %1 points in block %2",
            lambda: translate("ImportTexts", "at most %1 points in block %2"),
            ("", ""),
        ),
        _f(
            "its parameters declare NPT=%1",
            lambda: translate("ImportTexts", "its parameters declare NPT=%1"),
            ("",),
        ),
        _f(
            "%1: data range differs from the MNY/MXY of its parameters",
            lambda: translate(
                "ImportTexts", "%1: data range differs from the MNY/MXY of its parameters"
            ),
            ("",),
        ),
        # -- Thermo Galactic SPC -------------------------------------------------------------
        _f("a consistent SPC file", lambda: translate("ImportTexts", "a consistent SPC file")),
        _f(
            "SPC version byte 0x4B (new format, LSB) or 0x4D (old format)",
            lambda: translate(
                "ImportTexts", "SPC version byte 0x4B (new format, LSB) or 0x4D (old format)"
            ),
        ),
        _f(
            "found %1; MSB-order (0x4C) SPC files are not supported",
            lambda: translate(
                "ImportTexts", "found %1; MSB-order (0x4C) SPC files are not supported"
            ),
            ("",),
        ),
        _f("SPC header", lambda: translate("ImportTexts", "SPC header")),
        _f("old-format SPC header", lambda: translate("ImportTexts", "old-format SPC header")),
        _f(
            "a plausible subfile count (fnsub)",
            lambda: translate("ImportTexts", "a plausible subfile count (fnsub)"),
        ),
        _f(
            "a plausible point count (%1)",
            lambda: translate("ImportTexts", "a plausible point count (%1)"),
            ("",),
            p1=r"[a-z]+",
        ),
        _f(
            "a plausible subfile point count",
            lambda: translate("ImportTexts", "a plausible subfile point count"),
        ),
        _f(
            "at most %1 spectra in one SPC file",
            lambda: translate("ImportTexts", "at most %1 spectra in one SPC file"),
            ("",),
        ),
        _f("x values", lambda: translate("ImportTexts", "x values")),
        _f(
            "x values of subfile %1",
            lambda: translate("ImportTexts", "x values of subfile %1"),
            ("",),
        ),
        _f(
            "y values of subfile %1",
            lambda: translate("ImportTexts", "y values of subfile %1"),
            ("",),
        ),
        _f(
            "subheader of subfile %1",
            lambda: translate("ImportTexts", "subheader of subfile %1"),
            ("",),
        ),
        # -- spectrum tables ------------------------------------------------------------------
        _f(
            "a header row of at least %1 wavelengths after a label cell",
            lambda: translate(
                "ImportTexts", "a header row of at least %1 wavelengths after a label cell"
            ),
            ("",),
        ),
        _f("wavelengths", lambda: translate("ImportTexts", "wavelengths")),
        _f(
            "a sample id and %1 values",
            lambda: translate("ImportTexts", "a sample id and %1 values"),
            ("",),
        ),
        _f("at least one sample row", lambda: translate("ImportTexts", "at least one sample row")),
        _f(
            "a point count, then the first and last x value",
            lambda: translate("ImportTexts", "a point count, then the first and last x value"),
        ),
        _f(
            "%1 y values as line 1 declares",
            lambda: translate("ImportTexts", "%1 y values as line 1 declares"),
            ("",),
            p1=r"\S+",
        ),
        _f("%1 found", lambda: translate("ImportTexts", "%1 found"), ("",), p1=r"\S+"),
        # -- fibre analysers ------------------------------------------------------------------
        _f(
            "a header with particle length and width/curl/kink columns",
            lambda: translate(
                "ImportTexts", "a header with particle length and width/curl/kink columns"
            ),
        ),
        _f(
            "particle rows after the header",
            lambda: translate("ImportTexts", "particle rows after the header"),
        ),
        _f(
            "a length unit of mm or µm",
            lambda: translate("ImportTexts", "a length unit of mm or µm"),
        ),
        _f(
            "a width unit of mm or µm",
            lambda: translate("ImportTexts", "a width unit of mm or µm"),
        ),
        _f(
            "a %1 unit of mm or µm",
            lambda: translate("ImportTexts", "a %1 unit of mm or µm"),
            ("msg",),
        ),
        _f("length", lambda: translate("ImportTexts", "length")),
        _f("width", lambda: translate("ImportTexts", "width")),
        _f(
            "found %1 in %2",
            lambda: translate("ImportTexts", "found %1 in %2"),
            ("", ""),
            p1="'.*?'",
            p2="'.*'",
        ),
        _f(
            "a header with fibre length columns (Ln, Lw, Lww) or 'Ln;value' lines",
            lambda: translate(
                "ImportTexts",
                "a header with fibre length columns (Ln, Lw, Lww) or 'Ln;value' lines",
            ),
        ),
        _f(
            "an unambiguous number for %1",
            lambda: translate("ImportTexts", "an unambiguous number for %1"),
            ("",),
        ),
        _f("a number for %1", lambda: translate("ImportTexts", "a number for %1"), ("",)),
        _f(
            "a unit convertible to %1",
            lambda: translate("ImportTexts", "a unit convertible to %1"),
            ("",),
        ),
        _f(
            "%1: unit %2 cannot be converted to %3",
            lambda: translate("ImportTexts", "%1: unit %2 cannot be converted to %3"),
            ("msg", "", ""),
        ),
        _f("column %1", lambda: translate("ImportTexts", "column %1"), ("",), p1="'.*'"),
        _f(
            "at least one sample with fibre values",
            lambda: translate("ImportTexts", "at least one sample with fibre values"),
        ),
        # -- gravimetric worksheets ---------------------------------------------------------
        _f(
            "a header with dish / dish + wet / dish + dry (moisture) or crucible / crucible + "
            "sample / crucible + ash (ash) columns",
            lambda: translate(
                "ImportTexts",
                "a header with dish / dish + wet / dish + dry (moisture) or crucible / "
                "crucible + sample / crucible + ash (ash) columns",
            ),
        ),
        _f("columns for %1", lambda: translate("ImportTexts", "columns for %1"), ("",)),
        _f("header: %1", lambda: translate("ImportTexts", "header: %1"), ("",)),
        _f(
            "at least one replicate row",
            lambda: translate("ImportTexts", "at least one replicate row"),
        ),
        # -- moisture analyser printouts ------------------------------------------------------
        _f(
            "an 'End Result' line such as 'End Result  -0.69 -%MC'",
            lambda: translate(
                "ImportTexts", "an 'End Result' line such as 'End Result  -0.69 -%MC'"
            ),
        ),
        _f(
            "a result value and unit (e.g. '-0.69 -%MC')",
            lambda: translate("ImportTexts", "a result value and unit (e.g. '-0.69 -%MC')"),
        ),
        _f("a result value and unit", lambda: translate("ImportTexts", "a result value and unit")),
        _f(
            "a result unit %MC, -%MC, %DC, %SC or %AM",
            lambda: translate("ImportTexts", "a result unit %MC, -%MC, %DC, %SC or %AM"),
        ),
        _f(
            "a result line such as 'Moist +    22.00 %M'",
            lambda: translate("ImportTexts", "a result line such as 'Moist +    22.00 %M'"),
        ),
        _f(
            "a printout line of at most 22 characters",
            lambda: translate("ImportTexts", "a printout line of at most 22 characters"),
        ),
        _f(
            "a result unit %M, -%M, %S or %M/S",
            lambda: translate("ImportTexts", "a result unit %M, -%M, %S or %M/S"),
        ),
        # -- TGA exports ----------------------------------------------------------------------
        _f(
            "a header naming temperature or time and mass/weight columns",
            lambda: translate(
                "ImportTexts", "a header naming temperature or time and mass/weight columns"
            ),
        ),
        _f(
            "data rows after the header",
            lambda: translate("ImportTexts", "data rows after the header"),
        ),
        _f(
            "columns separated by tabs, ';', ',' or blanks, one name per column",
            lambda: translate(
                "ImportTexts", "columns separated by tabs, ';', ',' or blanks, one name per column"
            ),
        ),
        _f(
            "'Curve Values:' after 'Curve Name:'",
            lambda: translate("ImportTexts", "'Curve Values:' after 'Curve Name:'"),
        ),
        _f(
            "a curve column of mass, heat flow or DTG after 'Curve Values:'",
            lambda: translate(
                "ImportTexts", "a curve column of mass, heat flow or DTG after 'Curve Values:'"
            ),
        ),
        _f("found none", lambda: translate("ImportTexts", "found none")),
        _f(
            "a column header and a unit row",
            lambda: translate("ImportTexts", "a column header and a unit row"),
        ),
        _f(
            "one [unit] per column (%1)",
            lambda: translate("ImportTexts", "one [unit] per column (%1)"),
            ("",),
        ),
        _f(
            "at least one 'Curve Name:' or 'Curve:' block",
            lambda: translate("ImportTexts", "at least one 'Curve Name:' or 'Curve:' block"),
        ),
        _f(
            "a '#KEY:value' header line or the '##' column header",
            lambda: translate(
                "ImportTexts", "a '#KEY:value' header line or the '##' column header"
            ),
        ),
        _f(
            "a column header line starting with '##' (e.g. ##Temp./°C;...)",
            lambda: translate(
                "ImportTexts", "a column header line starting with '##' (e.g. ##Temp./°C;...)"
            ),
        ),
        _f(
            "SEMICOLON, COMMA, TAB or SPACE",
            lambda: translate("ImportTexts", "SEMICOLON, COMMA, TAB or SPACE"),
        ),
        _f("POINT or COMMA", lambda: translate("ImportTexts", "POINT or COMMA")),
        _f(
            "%1",
            lambda: translate(
                "ImportTexts",
                "%1",
                "a NETZSCH header key such as #SEPARATOR, where a file is refused",
            ),
            ("",),
            p1="#[A-Z]+",
        ),
        _f(
            "data rows in the TGA blocks",
            lambda: translate("ImportTexts", "data rows in the TGA blocks"),
        ),
        _f(
            "column names (Time, Unsubtracted Weight, ...)",
            lambda: translate("ImportTexts", "column names (Time, Unsubtracted Weight, ...)"),
        ),
        _f(
            "PerkinElmer column names", lambda: translate("ImportTexts", "PerkinElmer column names")
        ),
        _f(
            "PerkinElmer column names (Time, Unsubtracted Weight, ...)",
            lambda: translate(
                "ImportTexts", "PerkinElmer column names (Time, Unsubtracted Weight, ...)"
            ),
        ),
        _f("found nothing", lambda: translate("ImportTexts", "found nothing")),
        _f(
            "at least %1 comma-separated cells",
            lambda: translate("ImportTexts", "at least %1 comma-separated cells"),
            ("",),
        ),
        _f(
            "a 'StartOfData' line, or rows of Nsig numbers after the Sig1..SigN lines",
            lambda: translate(
                "ImportTexts",
                "a 'StartOfData' line, or rows of Nsig numbers after the Sig1..SigN lines",
            ),
        ),
        _f(
            "'Sig1'..'SigN' column definitions",
            lambda: translate("ImportTexts", "'Sig1'..'SigN' column definitions"),
        ),
        _f(
            "Sig1..Sig%1 column definitions",
            lambda: translate("ImportTexts", "Sig1..Sig%1 column definitions"),
            ("",),
            p1=r"\S+",
        ),
        _f(
            "data rows after 'StartOfData'",
            lambda: translate("ImportTexts", "data rows after 'StartOfData'"),
        ),
    ]


def fallback_rules() -> list[RuleSpec]:
    """Forms that take almost any text: tried after all others."""
    return [
        # a number the file holds, quoted as the detail of a refusal ("(4096)")
        _f(
            "%1",
            lambda: translate(
                "ImportTexts", "%1", "a number a file holds, quoted where it is refused"
            ),
            ("",),
            p1=r"-?[\d.,]+",
        ),
        # a JCAMP-DX table form the file declares, quoted as the detail of a refusal
        _f(
            "%1",
            lambda: translate("ImportTexts", "%1", "a JCAMP-DX table form such as (XY..XY)"),
            ("",),
            p1=r"\((?:[^()]|\([^()]*\))*\)",
        ),
        # an archive member's or sheet's name and its message
        _f(
            "%1: %2",
            lambda: translate("ImportTexts", "%1: %2", "a file in an archive: its message"),
            ("", "msg"),
            p1=r"[^:;]+",
        ),
    ]
