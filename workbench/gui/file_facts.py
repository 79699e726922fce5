"""What an instrument file stated, in words: the metadata an importer kept with a measurement.

Importers keep what a file says about itself (header lines, the instrument's own fields)
and how it was read (column separator, decimal mark, sheet, block) under short keys
("decimal_mark", "drying_temperature_C"). The Details panel showed those keys and
JSON-quoted values. ``file_facts`` gives rows a technician reads: a label in the interface
language for the keys importers write, other snake_case keys in words with their unit
("Drying temperature (°C)"), a file's own field names as the file wrote them; values
without quotes, numbers in the user's locale. The stored keys are unchanged (the
project file and ``fibre-workbench info --json`` show them).
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication

from workbench.gui.numbers import locale_number
from workbench.gui.value_labels import value_label
from workbench.vocab import PROPERTIES

translate = QCoreApplication.translate
MAX_CHARS = 300  # a value longer than this is cut (the whole stays in the project)
MAX_ITEMS = 8  # items of a list shown before "…"

# keys that say how the file was read rather than what it states
READING_KEYS = frozenset(
    [
        "delimiter",
        "decimal",
        "decimal_mark",
        "sheet",
        "sheets",
        "sheet_format",
        "archive_member",
        "member_format",
        "first_data_line",
        "line",
        "column",
        "rows",
        "points",
        "page",
        "block",
        "blocks",
        "data_class",
        "subfile",
        "subfiles",
        "x_type",
        "spc_version",
        "jcamp_version",
        "opus_block",
        "opus_blocks",
        "opus_channel",
        "superseded_blocks",
        "units_assumed",
        "x_unit_assumed",
        "x_is_point_index",
        "marker_rows_dropped",
        "earlier_versions",
        "background_only",
        "template",
        "asp_header",
    ]
)

_UNIT_SUFFIXES = {"C": "°C", "g": "g", "mg": "mg", "min": "min", "pct": "%", "s": "s"}


def _labels() -> dict[str, str]:
    return {
        # what the file states
        "header": translate("FileFacts", "File header"),
        "trailer": translate("FileFacts", "Lines after the data"),
        "notes": translate("FileFacts", "Notes"),
        "text_lines": translate("FileFacts", "Text lines"),
        "date": translate("FileFacts", "Date"),
        "time": translate("FileFacts", "Time"),
        "comment": translate("FileFacts", "Comment"),
        "software": translate("FileFacts", "Software"),
        "instrument": translate("FileFacts", "Instrument"),
        "method": translate("FileFacts", "Method"),
        "sample_holder": translate("FileFacts", "Sample holder"),
        "heating_rate": translate("FileFacts", "Heating rate"),
        "heating_rate_unit": translate("FileFacts", "Unit of the heating rate"),
        "evaluation_results": translate("FileFacts", "Instrument's own evaluation"),
        "gas_switches": translate("FileFacts", "Gas switches"),
        "weights_g": translate("FileFacts", "Weighings (g)"),
        "interval_trace": translate("FileFacts", "Readings during drying"),
        "moisture_from_weights_pct": translate("FileFacts", "Moisture from the weighings (%)"),
        "n_replicates": translate("FileFacts", "Replicates"),
        "sample_state": translate("FileFacts", "Sample state"),
        "fibres_counted": translate("FileFacts", "Fibres counted"),
        "fines_definition": translate("FileFacts", "Definition of fines"),
        "data": translate("FileFacts", "Data"),
        "target": translate("FileFacts", "Value the demonstration data were made from"),
        "sources": translate("FileFacts", "Sources of the values"),
        "not_sourced": translate("FileFacts", "Values without a source"),
        "gas": translate("FileFacts", "Gas"),
        "programme": translate("FileFacts", "Temperature programme"),
        "sample_mass_mg": translate("FileFacts", "Sample mass (mg)"),
        "time_min": translate("FileFacts", "Time (min)"),
        "temperature_C": translate("FileFacts", "Temperature (°C)"),
        "note": translate("FileFacts", "Note"),
        "technique": translate("FileFacts", "Technique"),
        "targets": translate("FileFacts", "Values the demonstration data were made from"),
        "value_mm": translate("FileFacts", "Value (mm)"),
        "composition_used_db": translate("FileFacts", "Composition used (dry basis)"),
        "property": translate("FileFacts", "Property"),
        "value": translate("FileFacts", "Value"),
        "unit": translate("FileFacts", "Unit"),
        "basis": translate("FileFacts", "Basis"),
        "source": translate("FileFacts", "Source"),
        # how the file was read
        "delimiter": translate("FileFacts", "Column separator"),
        "decimal": translate("FileFacts", "Decimal mark"),
        "decimal_mark": translate("FileFacts", "Decimal mark"),
        "sheet": translate("FileFacts", "Worksheet"),
        "sheets": translate("FileFacts", "Worksheets"),
        "sheet_format": translate("FileFacts", "Layout of the worksheet"),
        "archive_member": translate("FileFacts", "File in the archive"),
        "member_format": translate("FileFacts", "Format of the file in the archive"),
        "first_data_line": translate("FileFacts", "First line of data"),
        "line": translate("FileFacts", "Line"),
        "column": translate("FileFacts", "Column"),
        "rows": translate("FileFacts", "Rows"),
        "points": translate("FileFacts", "Points"),
        "page": translate("FileFacts", "Page"),
        "block": translate("FileFacts", "Block"),
        "blocks": translate("FileFacts", "Blocks"),
        "subfile": translate("FileFacts", "Subfile"),
        "subfiles": translate("FileFacts", "Subfiles"),
        "units_assumed": translate("FileFacts", "Units assumed"),
        "x_unit_assumed": translate("FileFacts", "Unit of the x axis assumed"),
        "x_is_point_index": translate("FileFacts", "x axis is the point number"),
        "marker_rows_dropped": translate("FileFacts", "Marker rows left out"),
        "earlier_versions": translate("FileFacts", "Earlier versions in the file"),
        "background_only": translate("FileFacts", "Background only"),
        "template": translate("FileFacts", "Import template"),
    }


def _separators() -> dict[str, str]:
    return {
        "\t": translate("FileFacts", "tab"),
        "tab": translate("FileFacts", "tab"),
        ",": translate("FileFacts", "comma (,)"),
        ";": translate("FileFacts", "semicolon (;)"),
        ".": translate("FileFacts", "point (.)"),
        " ": translate("FileFacts", "spaces"),
        "blank": translate("FileFacts", "spaces"),
        "blanks": translate("FileFacts", "spaces"),
    }


def fact_label(key: str) -> str:
    """A metadata key in words: a known key's label, a snake_case key spelled out with
    its unit ("drying_temperature_C" -> "Drying temperature (°C)"), any other as written."""
    labels = _labels()
    if key in labels:
        return labels[key]
    if key in PROPERTIES:  # a value's name (the demonstration data's sources)
        return value_label(key)
    stem, _, basis = key.rpartition("_")
    if stem in PROPERTIES and basis in ("db", "ar"):  # "ash_db": a value and its basis
        basis_text = {
            "db": translate("FileFacts", "dry basis"),
            "ar": translate("FileFacts", "as received"),
        }[basis]
        return f"{value_label(stem)} ({basis_text})"
    if not re.fullmatch(r"[a-z][a-z0-9]*(_[A-Za-z0-9]+)*", key):
        return key  # the file's own field name
    words = key.split("_")
    unit = _UNIT_SUFFIXES.get(words[-1]) if len(words) > 1 else None
    if unit:
        words = words[:-1]
    text = " ".join(words)
    text = text[:1].upper() + text[1:]
    return f"{text} ({unit})" if unit else text


def fact_value(key: str, value: Any) -> str:
    """A metadata value as plain text: separators and yes/no in words, numbers in the
    user's locale, lists and records item by item, cut after ``MAX_CHARS``."""
    text = _plain(key, value)
    return text if len(text) <= MAX_CHARS else text[: MAX_CHARS - 1] + "…"


def _plain(key: str, value: Any) -> str:
    if isinstance(value, bool):
        return translate("FileFacts", "yes") if value else translate("FileFacts", "no")
    if isinstance(value, (int, float)):
        return locale_number(value) if isinstance(value, float) else str(value)
    if isinstance(value, str):
        if key in ("delimiter", "decimal", "decimal_mark"):
            return _separators().get(value, value)
        if key == "data" and value == "demonstration":
            return translate("FileFacts", "demonstration data")
        return value
    if isinstance(value, dict):  # fields with ",", items of a list with ";"
        return ", ".join(f"{fact_label(str(k))}: {_plain(str(k), v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        items = [_plain(key, v) for v in value[:MAX_ITEMS]]
        more = "; …" if len(value) > MAX_ITEMS else ""
        return "; ".join(items) + more
    return "" if value is None else str(value)


def file_facts(metadata: dict[str, Any]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(what the file states, how it was read): rows of label and value, in file order."""
    stated, reading = [], []
    for key, value in metadata.items():
        row = (fact_label(str(key)), fact_value(str(key), value))
        (reading if key in READING_KEYS else stated).append(row)
    return stated, reading
