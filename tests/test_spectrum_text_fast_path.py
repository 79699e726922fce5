"""The one-call read of a text spectrum gives exactly what the strict path gives.

``numeric_block.rows_to_end`` reads a table that runs to the end of the file with one
numpy call. It must accept nothing the strict line-by-line path refuses and read every
value the same; anything unusual falls back to the strict path, which names the line.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from workbench.errors import ImportFormatError
from workbench.importers.formats import spectrum_text
from workbench.importers.formats.spectrum_text import SpectrumTextReader

ROWS = [(4000.0 - 1.5 * i, 0.25 + 0.001 * i) for i in range(40)]


def _table(fmt: str = "{x},{y}", header: str = "wavenumber (cm-1),absorbance", nl: str = "\n"):
    body = nl.join(fmt.format(x=x, y=y) for x, y in ROWS)
    return ((header + nl) if header else "") + body + nl


VARIANTS = {
    "csv with header": _table().encode(),
    "no header": _table(header="").encode(),
    "crlf": _table(nl="\r\n").encode(),
    "semicolon decimal comma": _table("{x};{y}", "Wavenumber;Absorbance")
    .replace(".", ",")
    .encode(),
    "tab": _table("{x}\t{y}", "cm-1\tA").encode(),
    "blanks (dpt)": _table("  {x}   {y}", "").encode(),
    "exponents and signs": _table("{x:+.6e},{y:.3E}").encode(),
    "quoted": _table('"{x}","{y}"', '"wavenumber","absorbance"').encode(),
    "utf-16": _table().encode("utf-16"),
    "three columns": _table("{x},{y},{y}", "nm,sample A,sample B").encode(),
    "trailing comments": (_table() + "# end of data\n; exported by OMNIC\n").encode(),
    "no line end at the end": _table().rstrip("\n").encode(),
    "old mac line ends": _table(nl="\r").encode(),
    "blank line inside": _table().replace("\n3970.0,", "\n\n3970.0,").encode(),
    "blank line at end": (_table() + "   \n").encode(),
    "trailing delimiter": _table("{x},{y},").encode(),
    "preamble beyond the sniffed lines": (
        "\n".join(f"note {i}: text" for i in range(200)) + "\n" + _table()
    ).encode(),
    "notes starting with digits": ("2 spectra averaged\n4 cm-1 resolution\n" + _table()).encode(),
    "ambiguous number": _table().replace("3997.0,", "3.997.0,").encode(),
    "not a number": _table().replace("3997.0,", "3997.0x,").encode(),
    "nan cell": _table()
    .replace(",0.26,", ",nan,")
    .replace("\n3985.0,0.26", "\n3985.0,nan")
    .encode(),
    "short row": _table().replace("\n3970.0,0.27", "\n3970.0").encode(),
    "underscore digits": _table().replace("3970.0,", "3_970.0,").encode(),
}


def _outcome(raw: bytes) -> tuple:
    try:
        parsed = SpectrumTextReader().parse(raw, "spectrum.csv")
    except ImportFormatError as exc:
        return ("refused", str(exc))
    out = []
    for pm in parsed.measurements:
        m = pm.to_measurement("sha", "spectrum.csv", "spectrum_text")
        columns = {k: (c.unit, c.label, np.asarray(c.data).tobytes()) for k, c in m.columns.items()}
        out.append((m.label, pm.sample_name, m.signal, m.axes, columns, m.metadata))
    return ("read", parsed.warnings, parsed.metadata, out)


@pytest.mark.parametrize("name", list(VARIANTS))
def test_fast_and_strict_paths_agree(name, monkeypatch):
    raw = VARIANTS[name]
    fast = _outcome(raw)
    monkeypatch.setattr(spectrum_text, "rows_to_end", lambda lines, head, rest="": None)
    strict = _outcome(raw)
    assert fast == strict


@pytest.mark.parametrize("head_lines", [1, 2, 5, 13, 39, 41])
@pytest.mark.parametrize("name", list(VARIANTS))
def test_splitting_only_the_head_reads_what_splitting_every_line_reads(
    name, head_lines, monkeypatch
):
    """A parse splits only the first ``HEAD_LINES`` lines and reads the rest in one
    piece; wherever that cut falls (in the header, in the rows, in trailing comments,
    at the last line), the outcome is the one of splitting every line."""
    raw = VARIANTS[name]
    monkeypatch.setattr(spectrum_text, "HEAD_LINES", 10**9)
    whole = _outcome(raw)
    monkeypatch.setattr(spectrum_text, "HEAD_LINES", head_lines)
    monkeypatch.setattr(spectrum_text, "PROBES", 1)  # so that short heads are kept
    assert _outcome(raw) == whole


@pytest.mark.parametrize(
    "name", ["csv with header", "no line end at the end", "crlf", "old mac line ends"]
)
def test_rows_below_the_split_head_are_read_in_one_call(name, monkeypatch):
    def no_strict(*_args):
        raise AssertionError("the strict line-by-line path was taken")

    monkeypatch.setattr(spectrum_text, "to_array", no_strict)
    monkeypatch.setattr(spectrum_text, "check_trailer", no_strict)
    monkeypatch.setattr(spectrum_text, "HEAD_LINES", 10)
    monkeypatch.setattr(spectrum_text, "PROBES", 5)
    parsed = SpectrumTextReader().parse(VARIANTS[name], "s.csv")
    assert parsed.metadata["rows"] == len(ROWS)
    (m,) = parsed.measurements
    np.testing.assert_array_equal(np.asarray(m.columns["y"].data), [r[1] for r in ROWS])


def test_lines_starting_with_digits_in_the_head_do_not_stand_in_for_the_rows():
    """The head holds many lines that start with a digit but no row of numbers: the
    rows further down decide, as when every line is split."""
    notes = "\n".join(f"{i} scans averaged" for i in range(450))
    raw = (notes + "\nwavenumber (cm-1),absorbance\n" + _table(header="")).encode()
    parsed = SpectrumTextReader().parse(raw, "spectrum.csv")
    assert parsed.metadata["rows"] == len(ROWS) and parsed.metadata["delimiter"] == ","


def test_a_table_below_the_split_head_is_still_found():
    """The probe lines lie beyond the head: every line is split, as before."""
    raw = ("\n".join(f"note {i}: text" for i in range(450)) + "\n" + _table()).encode()
    parsed = SpectrumTextReader().parse(raw, "spectrum.csv")
    assert parsed.metadata["rows"] == len(ROWS)
    assert parsed.measurements[0].metadata["first_data_line"] == 452


def test_a_plain_export_is_read_in_one_call(monkeypatch):
    def no_strict(*_args):
        raise AssertionError("the strict line-by-line path was taken")

    monkeypatch.setattr(spectrum_text, "to_array", no_strict)
    monkeypatch.setattr(spectrum_text, "check_trailer", no_strict)
    parsed = SpectrumTextReader().parse(VARIANTS["semicolon decimal comma"], "s.csv")
    (m,) = parsed.measurements
    data = m.to_measurement("sha", "s.csv", "spectrum_text")
    x = np.asarray(data.columns[data.axes[0]].data)
    y = np.asarray(data.columns[data.signal].data)
    np.testing.assert_array_equal(x, [r[0] for r in ROWS])
    np.testing.assert_array_equal(y, [r[1] for r in ROWS])


def test_unusual_files_still_take_the_strict_path_and_name_the_line():
    with pytest.raises(ImportFormatError, match="line 4"):
        SpectrumTextReader().parse(VARIANTS["ambiguous number"], "s.csv")


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("not a number", 4, "'3997.0x' is not a number"),
        ("nan cell", 12, "'nan' is not a finite number"),
    ],
)
def test_a_bad_cell_near_the_top_is_refused_not_taken_for_a_header(name, line, message):
    # before: the rows above the bad line became the "preamble" and were left out
    with pytest.raises(ImportFormatError, match=rf"line {line}: .*{re.escape(message)}"):
        SpectrumTextReader().parse(VARIANTS[name], "s.csv")


def test_rows_cut_off_by_a_blank_line_are_refused():
    raw = _table().replace("\n3995.5,", "\n\n3995.5,").encode()
    with pytest.raises(ImportFormatError, match=r"line 4: .*cut off from the rows below"):
        SpectrumTextReader().parse(raw, "s.csv")


@pytest.mark.parametrize("note", ["2 spectra averaged", "4 cm-1 resolution", "32 scans; gain 2"])
def test_a_note_starting_with_a_digit_does_not_hide_the_table(note):
    """Such a note used to vote on the delimiter (it has no comma), so the table was
    split on blanks and the file refused as an unknown format."""
    from workbench.importers.registry import parse_bytes

    for header in ("wavenumber (cm-1),absorbance", ""):
        parsed = parse_bytes((note + "\n" + _table(header=header)).encode(), "s.csv")
        assert parsed.format_id == "spectrum_text"
        assert parsed.metadata["rows"] == len(ROWS) and parsed.metadata["delimiter"] == ","


def test_text_preambles_with_numbers_still_read():
    preamble = "Scans,32\nResolution: 4 cm-1\nAveraged: 2 spectra\n1/cm,Abs\n"
    parsed = SpectrumTextReader().parse((preamble + _table(header="")).encode(), "s.csv")
    assert parsed.metadata["rows"] == len(ROWS)


def test_detection_and_parsing_look_for_the_table_once(monkeypatch):
    from workbench.importers import numeric_block
    from workbench.importers.registry import parse_bytes

    calls = []
    real = numeric_block._find_block
    monkeypatch.setattr(numeric_block, "_find_block", lambda *a: calls.append(a[3]) or real(*a))
    numeric_block._find_block_in_head.cache_clear()
    raw = _table().encode()
    parsed = parse_bytes(raw, "spectrum.csv")
    assert parsed.format_id == "spectrum_text"
    assert calls == [spectrum_text.SNIFF_LINES]  # once, for both


def test_column_counts_of_blank_lines_only_are_zero():
    from workbench.importers.numeric_block import column_counts

    # was an IndexError: no character but blanks to find the last cell of a line in
    assert column_counts(["  ", "\t"], ",", "0123456789+-.eE \t,").tolist() == [0, 0]
