"""Moisture-analyser printouts and gravimetric moisture/ash worksheets on inline fixtures."""

from __future__ import annotations

import numpy as np
import pytest

from workbench.errors import ImportFormatError
from workbench.importers.formats.moisture_printout import moisture_from_result
from workbench.importers.registry import parse_bytes

HS153 = """-MOISTURE DETERMINATION-

Type               HS153
Method Name     METHOD 1
  Drying Temp    105 {deg}C
  Switch Off    5:00 min
Sample ID        Bark 12
Start Weight   2.592 g
Total time      5:00 min
Dry Weight     2.574 g

End Result    -0.69 -%MC
Measurement end
        21.08.2019 12:33
---------- END ---------
"""


def test_mettler_minus_mc_is_positive_moisture_and_o_slash_degree():
    p = parse_bytes(HS153.format(deg="ø").encode("utf-8"), "hs.txt")
    (m,) = p.measurements
    assert m.quantities["moisture"].value == pytest.approx(0.69)
    assert m.quantities["moisture"].basis == "ar"
    assert m.metadata["drying_temperature_C"] == 105.0
    assert m.metadata["fields"]["Drying Temp"] == "105 °C"
    assert m.sample_name == "Bark 12"


def test_mettler_dos_code_page_stream_decoded_as_cp850():
    raw = HS153.format(deg="\u00b0").encode("cp850").replace(b"\n", b"\r\n")
    assert b"\xf8C" in raw  # 0xF8 is the degree sign in code pages 437/850
    p = parse_bytes(raw, "hs.prn")
    assert p.encoding == "cp850"
    assert p.measurements[0].metadata["fields"]["Drying Temp"] == "105 °C"


def test_mettler_result_inconsistent_with_weights_is_warned():
    text = HS153.format(deg="ø").replace("-0.69 -%MC", "5.00 %MC")
    p = parse_bytes(text.encode(), "hs.txt")
    assert p.measurements[0].quantities["moisture"].value == 5.0
    assert p.warnings and "differs" in p.warnings[0]


def test_mettler_without_result_is_refused():
    text = HS153.format(deg="ø").replace("End Result    -0.69 -%MC\n", "")
    with pytest.raises(ImportFormatError, match="End Result"):
        parse_bytes(text.encode(), "hs.txt", "moisture_mettler_printout")


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (0.69, "%MC", 0.69),
        (-0.69, "-%MC", 0.69),
        (90.0, "%DC", 10.0),
        (80.0, "%S", 20.0),
        (25.0, "%AM", 20.0),  # ATRO 25 g water per 100 g dry -> 20 % wet basis
        (25.0, "%M/S", 20.0),
    ],
)
def test_result_units(value, unit, expected):
    assert moisture_from_result(value, unit)[0] == pytest.approx(expected)


SARTORIUS = (
    "--------------------\r\n"
    "ID      SPRUCE-04  \r\n"
    "Temp       105 °C  \r\n"
    "Ini.wt+     5.123 g \r\n"
    "1:00  +      5.1 %M/S\r\n"
    "2:00  +      7.9 %M/S\r\n"
    "Dry wt+     4.734 g \r\n"
    "Moist +      7.59 %M\r\n"
    "--------------------\r\n"
)


def test_sartorius_22_character_printout():
    p = parse_bytes(SARTORIUS.encode("cp1252"), "ma.txt")
    assert p.format_id == "moisture_sartorius_printout"
    (m,) = p.measurements
    assert m.quantities["moisture"].value == pytest.approx(7.59)
    assert m.metadata["start_weight_g"] == 5.123 and m.metadata["dry_weight_g"] == 4.734
    assert len(m.metadata["interval_trace"]) == 2
    assert m.metadata["drying_temperature_C"] == 105.0
    assert m.sample_name == "SPRUCE-04"


def test_sartorius_detection_skips_blank_lines_of_any_length_not_long_text_lines():
    from workbench.importers.formats.moisture_printout import SartoriusPrintoutReader

    reader = SartoriusPrintoutReader()
    blank = SARTORIUS.replace("Temp ", " " * 40 + "\r\nTemp ").encode("cp1252")
    assert reader.sniff(blank, "ma.txt") == 0.75  # a 40-blank line is not a long line
    tab_blank = SARTORIUS.replace("Temp ", "\t" * 30 + "\r\nTemp ").encode("cp1252")
    assert reader.sniff(tab_blank, "ma.txt") == 0.75
    long = SARTORIUS.replace("Temp ", "Operator: a name longer than 24\r\nTemp ")
    assert reader.sniff(long.encode("cp1252"), "ma.txt") == 0.0
    exactly_24 = SARTORIUS.replace("Temp ", "x" * 24 + "\rTemp ")
    assert reader.sniff(exactly_24.encode("cp1252"), "ma.txt") == 0.75


def test_sartorius_error_status_is_reported():
    raw = (SARTORIUS + "Stat     ERR 101\r\n").encode("cp1252")
    p = parse_bytes(raw, "ma.txt")
    assert p.warnings == ["instrument status line: Stat     ERR 101"]


MOISTURE_EN = (
    "Sample,Replicate,Dish (g),Dish + wet sample (g),Dish + dry sample (g),Oven (°C)\n"
    "Pine chips,1,10.0000,20.0000,15.0000,105\n"
    "Pine chips,2,10.0000,20.0000,16.0000,105\n"
)


def test_gravimetric_moisture_english():
    p = parse_bytes(MOISTURE_EN.encode("utf-8"), "w.csv")
    (m,) = p.measurements
    c = {k: v.values() for k, v in m.columns.items()}
    moist = (c["dish_plus_wet_mass"] - c["dish_plus_dry_mass"]) / (
        c["dish_plus_wet_mass"] - c["dish_mass"]
    )
    np.testing.assert_allclose(moist * 100, [50.0, 40.0])
    assert m.sample_name == "Pine chips" and m.metadata["oven_temperature_C"] == 105.0


def test_gravimetric_mg_units_converted_to_g_and_replicates_numbered():
    raw = (
        "Näyte;Astia (mg);Astia + märkä näyte (mg);Astia + kuiva näyte (mg)\r"
        "Kuori;10000;20000;15000\r"
        "Kuori;10000;20000;16000\r"
    ).encode("cp1252")
    (m,) = parse_bytes(raw, "fi.csv").measurements
    np.testing.assert_allclose(m.columns["dish_mass"].values(), [10.0, 10.0])
    assert m.columns["dish_mass"].unit == "g"
    np.testing.assert_array_equal(m.columns["replicate"].values(), [1, 2])


def test_gravimetric_ash_finnish_with_stated_result_and_analysis_moisture():
    raw = (
        "Näyte;Rinnakkainen;Upokas (g);Upokas + näyte (g);Upokas + tuhka (g);"
        "Uuni (°C);Analyysinäytteen kosteus (%);Tuhka (%)\n"
        "Olki;1;20,0000;21,0000;20,0500;550;10,0;5,56\n"
        "Olki;2;20,0000;21,0000;20,0510;550;10,0;5,67\n"
    ).encode("cp1252")
    (m,) = parse_bytes(raw, "ash.csv").measurements
    assert m.kind == "ash" and m.metadata["sample_state"] == "analysis sample"
    np.testing.assert_allclose(m.columns["analysis_moisture"].values(), [10.0, 10.0])
    q = m.quantities["ash"]
    assert q.value == pytest.approx(5.615) and q.replicates == (5.56, 5.67) and q.basis == "db"
    assert m.metadata["furnace_temperature_C"] == 550.0


def test_gravimetric_missing_weighing_column_and_bad_value():
    raw = b"Sample;Crucible (g);Crucible + ash (g)\nA;1;2\n"
    # only two ash weighings: recognised as a worksheet but refused with what is missing
    with pytest.raises(ImportFormatError, match="crucible_sample"):
        parse_bytes(raw, "ash.csv", "gravimetric_worksheet")
    bad = MOISTURE_EN.replace("16.0000", "16.000.0")
    with pytest.raises(ImportFormatError) as err:
        parse_bytes(bad.encode(), "w.csv")
    assert err.value.where == "line 3" and "16.000.0" in str(err.value)
