"""Inputs the slow fuzz run (``-m slow tests/hardening/test_fuzz_importers.py``) found to
crash a reader, kept as explicit cases so the default run holds them.

Each is the reader's own seed file mutated as hypothesis reported it (the operations are
``fuzzlib.mutate``'s); a reader may refuse it only with ``ImportFormatError`` naming the
file and the place, never with another exception.
"""

from __future__ import annotations

import pytest

from tests.hardening import fuzzlib as F
from tests.hardening.test_fuzz_importers import READERS, SEEDS, own_seeds
from workbench.errors import ImportFormatError

CASES = [
    # the result line's unit cut to a bare '%': ValueError from the unit table
    ("moisture_sartorius_printout", [(2, 0, 0), (2, 0, 161), (1, 416, 0)], "line 9"),
    # the curve's table cut after its time and temperature columns: StopIteration
    ("tga_mettler_stare", [(1, 301, 0), (2, 20868170, 1)], "line 11"),
    # an empty file given to the reader by name: IndexError
    ("tga_pyris_csv", [(1, 0, 0)], "line 1"),
]


@pytest.mark.parametrize(("format_id", "ops", "where"), CASES, ids=[c[0] for c in CASES])
def test_fuzz_found_input_is_refused_with_a_message(format_id, ops, where):
    name = own_seeds(format_id)[0]
    raw = F.mutate(SEEDS[name], ops)
    with pytest.raises(ImportFormatError) as info:
        READERS[format_id].parse(raw, name)
    text = str(info.value)
    assert name in text and where in text, text


@pytest.mark.parametrize("digit", ["\u00b2", "\u0663"], ids=["superscript-two", "arabic-three"])
def test_a_digit_outside_ascii_in_jcamp_data_is_refused_where_it_stands(digit):
    """JCAMP-DX data are ASCII. A '²' in compressed data passed ``str.isdigit`` and
    reached ``float``, whose own wording ("could not convert string to float") was the
    refusal (found by the differential sweep's altered copies); a digit of another
    script was read as its value."""
    from workbench.importers.registry import parse_bytes

    raw = (
        "##TITLE=t\n##JCAMP-DX=4.24\n##XUNITS=1/CM\n##YUNITS=ABSORBANCE\n##FIRSTX=0\n"
        f"##LASTX=3\n##NPOINTS=4\n##XYDATA=(X++(Y..Y))\n0A1J2J{digit}\n##END=\n"
    ).encode()
    with pytest.raises(ImportFormatError) as info:
        parse_bytes(raw, "digits.jdx")
    text = str(info.value)
    assert "line 9" in text and f"unexpected character {digit!r}" in text, text
    assert "could not convert" not in text


def test_a_bare_percent_in_the_interval_trace_names_the_trace_line():
    """A printout without a result line takes its result from the last interval line;
    a unit the display never prints there is refused at that line, not at the last
    line of the file (found in the final read of the fix above)."""
    from workbench.importers.formats.moisture_printout import SartoriusPrintoutReader

    raw = (
        "--------------------\r\nID      SPRUCE-04  \r\nTemp       105 \xb0C  \r\n"
        "Ini.wt+     5.123 g \r\n1:00  +      5.1 %M/S\r\n2:00  +      7.9 %   \r\n"
        "Dry wt+     4.734 g \r\nSign.: ___________\r\n"
    ).encode("cp1252")
    with pytest.raises(ImportFormatError) as info:
        SartoriusPrintoutReader().parse(raw, "trace.txt")
    assert "trace.txt: line 6:" in str(info.value), str(info.value)
