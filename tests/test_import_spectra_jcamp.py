"""JCAMP-DX reader: inline fixtures for each pitfall (instrument-formats.md 1.1 and 6),
with hand-computed expected values."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from workbench.errors import ImportFormatError
from workbench.importers.formats.jcamp import JcampReader, norm_label
from workbench.importers.jcamp_asdf import decode_xpp
from workbench.importers.registry import detect, parse_bytes


def _lines(*texts: str) -> list[tuple[int, str]]:
    return list(enumerate(texts, start=1))


def _jdx(data: str, npoints: int, firstx=100, lastx=None, extra: str = "", form="(X++(Y..Y))"):
    lastx = firstx + npoints - 1 if lastx is None else lastx
    return (
        f"##TITLE= test sample\n##JCAMP-DX= 5.01\n##DATA TYPE= INFRARED SPECTRUM\n"
        f"##XUNITS= 1/CM\n##YUNITS= ABSORBANCE\n##XFACTOR= 1\n##YFACTOR= 0.5\n"
        f"##FIRSTX= {firstx}\n##LASTX= {lastx}\n##NPOINTS= {npoints}\n{extra}"
        f"##XYDATA= {form}\n{data}\n##END=\n"
    ).encode()


def test_sqz_values_hand_computed():
    # A10 = +110, B20 = +220, c5 = -35, @ = 0
    res = decode_xpp(_lines("100 A10B20c5@"))
    assert res.y.tolist() == [110, 220, -35, 0]
    assert res.line_x.tolist() == [100]


def test_dif_values_hand_computed():
    # A10 = 110, J5 = +15 -> 125, K = +2 -> 127, j7 = -17 -> 110, % = +0 -> 110
    assert decode_xpp(_lines("1 A10J5Kj7%")).y.tolist() == [110, 125, 127, 110, 110]


def test_dup_repeats_value_and_difference():
    # U = 3 occurrences in total; after an absolute value it repeats the value,
    # after a difference it repeats the difference.
    assert decode_xpp(_lines("1 A10U")).y.tolist() == [110, 110, 110]
    assert decode_xpp(_lines("1 A10JU")).y.tolist() == [110, 111, 112, 113]
    # S0 = 10 occurrences (the count continues with digits)
    assert decode_xpp(_lines("1 @S0")).y.tolist() == [0] * 10


def test_dif_checkpoint_is_verified_and_dropped():
    res = decode_xpp(_lines("100 A10JJ", "102 A12J"))
    assert res.y.tolist() == [110, 111, 112, 113]
    assert res.check_mismatches == 0
    # the second line's X belongs to the check point, i.e. index 2
    assert res.line_index.tolist() == [0, 2]
    bad = decode_xpp(_lines("100 A10JJ", "102 A19J"))
    assert bad.check_mismatches == 1


def test_no_checkpoint_after_an_absolute_value():
    assert decode_xpp(_lines("100 A10B11", "102 A12")).y.tolist() == [110, 211, 112]


def test_affn_with_signs_as_separators_and_exponents():
    res = decode_xpp(_lines("4000 +10160+10159-5", "3997 1.5E+02 .25 3. ?"))
    assert res.y[:3].tolist() == [10160, 10159, -5]
    assert res.y[3:5].tolist() == [150.0, 0.25]
    assert res.y[5] == 3.0 and np.isnan(res.y[6])


def test_label_normalisation():
    assert norm_label("X-UNITS") == norm_label("xUnits") == norm_label("x_units") == "XUNITS"
    assert norm_label("SPECTROMETER/DATA SYSTEM") == "SPECTROMETERDATASYSTEM"


def test_full_file_with_leading_spaces_comments_and_cr_only():
    text = (
        " ##TITLE= spaced $$ a comment\r ##JCAMP-DX= 4.24\r ##x_units= 1/CM\r"
        " ##Y-UNITS= TRANSMITTANCE\r ##XFACTOR= 2\r ##YFACTOR= 0.001\r ##FIRSTX= 10\r"
        " ##LASTX= 16\r ##NPOINTS= 4\r ##XYDATA=(X++(Y..Y))\r 5 A000J000  $$ note\r"
        " 6 B000JJ\r ##END=\r"
    )
    parsed = parse_bytes(text.encode(), "spaced.dx")
    m = parsed.measurements[0]
    assert parsed.format_id == "jcamp"
    assert m.sample_name == "spaced"
    assert m.columns["x"].unit == "cm⁻¹" and m.columns["y"].unit == "transmittance"
    assert m.columns["x"].data.tolist() == [10, 12, 14, 16]
    # A000 = 1000, J000 = +1000 -> 2000; the next line starts with B000 = 2000, the
    # Y-check of a line ending in DIF, dropped; J, J -> 2001, 2002; times YFACTOR.
    assert m.columns["y"].data.tolist() == pytest.approx([1.0, 2.0, 2.001, 2.002])
    assert not parsed.warnings


def test_npoints_mismatch_is_refused():
    with pytest.raises(ImportFormatError, match="NPOINTS"):
        parse_bytes(_jdx("100 1 2 3", npoints=4), "short.jdx")


def test_x_from_firstx_lastx_descending():
    m = parse_bytes(_jdx("400 2 4 6 8", 4, firstx=400, lastx=397), "d.jdx").measurements[0]
    assert m.columns["x"].data.tolist() == [400, 399, 398, 397]
    assert m.columns["y"].data.tolist() == [1, 2, 3, 4]  # YFACTOR 0.5


def test_malformed_xydata_label_still_read():
    m = parse_bytes(_jdx("100 1 2", 2, form="(X++(Y..Y)"), "m.jdx").measurements[0]
    assert m.columns["y"].data.tolist() == [0.5, 1.0]


def test_peak_table_and_xypoints_pairs():
    text = (
        "##TITLE= peaks\n##JCAMP-DX= 5\n##DATA TYPE= MASS SPECTRUM\n##XUNITS= m/z\n"
        "##YUNITS= relative abundance\n##XFACTOR= 1\n##YFACTOR= 1\n##NPOINTS= 3\n"
        "##PEAK TABLE= (XY..XY)\n41,520 43,1000\n55,630\n##END=\n"
    )
    m = parse_bytes(text.encode(), "p.jdx").measurements[0]
    assert m.columns["x"].data.tolist() == [41, 43, 55]
    assert m.columns["y"].data.tolist() == [520, 1000, 630]
    assert m.columns["x"].unit == "m/z"
    assert m.metadata["technique"] == "MS"


def test_link_file_gives_one_measurement_per_block():
    child = (
        "##TITLE= child {n}\n##JCAMP-DX= 4.24\n##DATA TYPE= INFRARED SPECTRUM\n##XUNITS= 1/CM\n"
        "##YUNITS= ABSORBANCE\n##XFACTOR= 1.0\n##YFACTOR= 0.001\n##NPOINTS= 2\n"
        "##XYPOINTS= (XY..XY)\n  1000.5,    32; 999.5, 33;\n##END=\n"
    )
    text = "##TITLE= outer\n##JCAMP-DX= 4.24\n##DATA TYPE= LINK\n##BLOCKS= 2\n"
    text += child.format(n=1) + child.format(n=2) + "##END=\n"
    parsed = parse_bytes(text.encode(), "link.jdx")
    assert [m.sample_name for m in parsed.measurements] == ["child 1", "child 2"]
    assert parsed.measurements[1].columns["y"].data.tolist() == pytest.approx([0.032, 0.033])


def test_ntuples_pages():
    text = (
        "##TITLE= nt\n##JCAMP-DX= 5.00\n##DATA TYPE= NMR SPECTRUM\n##DATA CLASS= NTUPLES\n"
        "##NTUPLES= NMR SPECTRUM\n##VAR_NAME= FREQUENCY, SPECTRUM/REAL, PAGE NUMBER\n"
        "##SYMBOL= X, R, N\n##UNITS= HZ, ARBITRARY UNITS,\n##FIRST= 10, , 1\n"
        "##LAST= 13, , 1\n##FACTOR= 1, 2,\n##VAR_DIM= 4, 4, 1\n##PAGE= N=1\n"
        "##DATA TABLE= (X++(R..R)), XYDATA\n10 1 2 3 4\n##END NTUPLES= NMR SPECTRUM\n##END=\n"
    )
    m = parse_bytes(text.encode(), "nt.jdx").measurements[0]
    assert m.columns["x"].data.tolist() == [10, 11, 12, 13]
    assert m.columns["y"].data.tolist() == [2, 4, 6, 8]
    assert m.columns["x"].unit == "Hz" and m.metadata["page"] == "N=1"


def test_unknown_character_names_the_line():
    with pytest.raises(ImportFormatError, match="line 12"):
        parse_bytes(_jdx("100 A10#", 2), "bad.jdx")


def test_sniff_prefers_jcamp_and_utf16_bom():
    data = _jdx("100 1 2", 2)
    assert JcampReader().sniff(data, "x.txt") >= 0.9
    assert detect(data, "x.txt").format_id == "jcamp"
    utf16 = data.decode().encode("utf-16")
    parsed = parse_bytes(utf16, "u.jdx")
    assert parsed.measurements[0].columns["y"].data.tolist() == [0.5, 1.0]


def _sqz(v: int, table: str, neg: str) -> str:
    digits = str(abs(v))
    head = table[int(digits[0])] if v >= 0 else neg[int(digits[0]) - 1]
    return head + digits[1:]


def _difdup_encode(values: list[int], per_line: int = 10) -> list[str]:
    """A small independent DIFDUP writer (JCAMP-DX 4.24 6.4): each line starts with
    the SQZ ordinate (the Y-check of the previous line), then DIF with DUP runs."""
    lines = []
    i = 0
    while i < len(values):
        chunk = values[i : i + per_line + 1]
        out = [str(i), _sqz(chunk[0], "@ABCDEFGHI", "abcdefghi")]
        diffs = [b - a for a, b in itertools.pairwise(chunk)]
        k = 0
        while k < len(diffs):
            run = 1
            while k + run < len(diffs) and diffs[k + run] == diffs[k]:
                run += 1
            out.append(_sqz(diffs[k], "%JKLMNOPQR", "jklmnopqr"))
            if run > 1:
                digits = str(run)
                out.append("STUVWXYZs"[int(digits[0]) - 1] + digits[1:])
            k += run
        lines.append("".join(out))
        i += per_line
    return lines


@pytest.mark.parametrize("seed", range(6))
def test_difdup_round_trip_fast_and_line_decoders_agree(seed):
    from workbench.importers.jcamp_asdf import decode_asdf_lines

    rng = np.random.default_rng(seed)
    steps = rng.choice([-3000, -12, 0, 0, 0, 1, 7, 450], size=400)
    values = (np.cumsum(steps) + int(rng.integers(-50000, 50000))).tolist()
    table = _lines(*_difdup_encode(values, per_line=int(rng.integers(3, 25))))
    fast, slow = decode_xpp(table), decode_asdf_lines(table)
    assert fast.y.tolist() == values == slow.y.tolist()
    assert fast.line_index.tolist() == slow.line_index.tolist()
    assert fast.check_mismatches == slow.check_mismatches == 0
    # the X written on each line is the index of its first ordinate (the check point)
    assert fast.line_x.tolist() == fast.line_index.tolist()


def test_units_are_cleaned():
    from workbench.importers.spectrum_common import clean_unit

    assert clean_unit("1/CM") == clean_unit("cm-1") == clean_unit("CM^-1") == "cm⁻¹"
    assert clean_unit("NANOMETERS") == clean_unit("nm") == "nm"
    assert clean_unit("MICROMETERS") == clean_unit("microns") == "µm"
    assert clean_unit("ABSORBANCE") == "absorbance"
    assert clean_unit("TRANSMITTANCE") == "transmittance"
    assert clean_unit("Kubelka-Munk") == "Kubelka-Munk"
    assert clean_unit("ARBITRARY UNITS") == "a.u."
    assert clean_unit("MILLISECONDS") == "ms"
    assert clean_unit("relative abundance") == "relative abundance"  # unknown: kept
