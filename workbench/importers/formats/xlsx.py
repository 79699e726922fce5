"""Excel workbooks (``.xlsx``): every worksheet read by the reader its table fits.

A workbook is a container of tables: each worksheet is turned into tab-separated text
(``importers.workbook``) and detected and parsed exactly as a text export would be,
so gravimetric worksheets, fibre analyser reports and per-particle lists, TGA tables,
spectral tables and text spectra all come from Excel too. Every measurement records
its sheet (``metadata["sheet"]``); messages name the sheet and the row. A sheet that
no reader takes (notes, a chart's data, an empty sheet) is listed in the warnings with
its reason; the file is refused only when no sheet can be read.
"""

from __future__ import annotations

import re
from pathlib import Path

from workbench.errors import ImportFormatError, UnknownFormatError
from workbench.importers.base import MiB, ParsedFile, ParsedMeasurement, Reader
from workbench.importers.containers import XLSX, recognise
from workbench.importers.workbook import Sheet, read_sheets

_LINE = re.compile(r"\bline (\d+)")


class XlsxReader(Reader):
    format_id = "xlsx"
    format_label = "Excel workbook (.xlsx)"
    kinds = ("spectrum", "tga", "moisture", "ash", "fibre_summary", "fibre_particles")
    max_bytes = 64 * MiB
    memory_multiple = 24.0  # of the unpacked sheet text; XML packs about 10:1

    def sniff(self, head: bytes, name: str) -> float:
        return 0.99 if recognise(head) is XLSX else 0.0

    def parse(self, raw: bytes, path: str) -> ParsedFile:
        sheets = read_sheets(raw, path)
        return parse_sheets(sheets, path, self)


def parse_sheets(sheets: list[Sheet], path: str, reader: Reader) -> ParsedFile:
    """Detect and parse each sheet's table; one ParsedFile for the workbook."""
    from workbench.importers.registry import parse_bytes

    measurements: list[ParsedMeasurement] = []
    warnings: list[str] = []
    used: dict[str, str] = {}  # sheet -> format label of its reader, or the refusal
    refusals: list[str] = []
    stem = Path(path).stem
    for sheet in sheets:
        text = sheet.text()
        if not text.strip():
            used[sheet.name] = "empty"
            if len(sheets) > 1:
                warnings.append(f"sheet {sheet.name!r} is empty")
            continue
        if sheet.no_result:
            shown = ", ".join(sheet.no_result[:8]) + (" …" if len(sheet.no_result) > 8 else "")
            warnings.append(
                f"sheet {sheet.name!r}: {len(sheet.no_result)} formula cell(s) have no stored "
                f"result ({shown}) and were read as empty; open and save the workbook in "
                "Excel to store the results"
            )
        # the readers name measurements after the file: "report [Moisture]"
        name = str(Path(path).with_name(f"{stem} [{sheet.name}].txt"))
        try:
            parsed = parse_bytes(text.encode("utf-8"), name)
        except ImportFormatError as exc:
            reason = sheet_message(exc, sheet)
            used[sheet.name] = reason
            refusals.append(f"sheet {sheet.name!r}: {reason}")
            continue
        used[sheet.name] = parsed.format_label
        for pm in parsed.measurements:
            pm.metadata["sheet"] = sheet.name
            pm.metadata["sheet_format"] = parsed.format_id
            measurements.append(pm)
        warnings += [f"sheet {sheet.name!r}: {w}" for w in parsed.warnings]
    if not measurements:
        where = refusals[0] if len(refusals) == 1 else "; ".join(refusals[:4])
        raise ImportFormatError(
            path,
            "every sheet",
            "a worksheet holding a table the workbench reads",
            where or "the workbook has no sheet with data",
        )
    warnings += [f"{r} (not imported)" for r in refusals]
    formats = list(dict.fromkeys(used[m.metadata["sheet"]] for m in measurements))
    label = f"{reader.format_label}: {', '.join(formats)}" if formats else reader.format_label
    return ParsedFile(
        path=path,
        format_id=reader.format_id,
        format_label=label,
        measurements=measurements,
        instrument=next((m.instrument for m in measurements if m.instrument), ""),
        encoding="xlsx",
        warnings=warnings,
        metadata={"sheets": used},
    )


def sheet_message(exc: ImportFormatError, sheet: Sheet) -> str:
    """A reader's refusal of a sheet's text, its line numbers made sheet rows."""
    if isinstance(exc, UnknownFormatError):
        return "not a table the workbench reads (no reader recognised its layout)"
    where = _LINE.sub(lambda m: f"row {sheet.row_of_line(int(m.group(1)))}", exc.where)
    text = f"{where}: expected {exc.expected}"
    if exc.detail:
        text += f" ({exc.detail})"
    return text


READERS = [XlsxReader()]
