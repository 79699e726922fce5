"""TGA readers on small inline fixtures, one per pitfall of instrument-formats.md section 6."""

from __future__ import annotations

import numpy as np
import pytest

from workbench.errors import ImportFormatError
from workbench.importers.numtable import parse_block
from workbench.importers.registry import all_readers, parse_bytes
from workbench.importers.tga_common import split_unit

NETZSCH_ASCII = (
    b"#EXPORTTYPE:DATA ALL\r\n#FILE:ash.ngb-ds3\r\n#FORMAT:NETZSCH5\r\n#FTYPE:ASCII\r\n"
    b"#DECIMAL:POINT\r\n#SEPARATOR:SEMICOLON\r\n#INSTRUMENT:NETZSCH STA 449F3\r\n"
    b"#DATE/TIME:02.05.2022 09:10\r\n#SAMPLE:Bark 7\r\n#SAMPLE MASS /mg:10.23\r\n"
    b"#RANGE:37\x9bC/15,0(K/min)/1000\x9bC\r\n#SEGMENT:S1/2\r\n"
    b"#SEG. 1:37\x9bC/15,0(K/min)/1000\x9bC\r\n#SEG. 2:1000\x9bC/30.0/1000\x9bC\r\n"
    b"#PURGE 2 MFC:AIR\r\n\r\n"
    b"##Temp./\x9bC;Time/min;Mass/%;Gas Flow(purge2)/(ml/min);Segment\r\n"
    b"  37.000; 0.000;100.000; 0.000;1\r\n 52.000; 1.000;99.500; 0.000;1\r\n"
    b" 67.000; 2.000;98.000;50.000;1\r\n1000.000;64.000;20.000;50.000;2\r\n\r\n"
)


def test_netzsch_ascii_0x9b_degree_and_decimal_comma_in_header():
    p = parse_bytes(NETZSCH_ASCII, "ash.txt")
    (m,) = p.measurements
    assert p.format_id == "tga_netzsch"
    assert m.columns["temperature"].unit == "°C"
    assert m.columns["temperature"].label == "Temp./°C"
    assert m.metadata["heating_rate"] == 15.0  # "15,0(K/min)" although #DECIMAL:POINT
    assert m.metadata["segments"][1] == "1000°C/30.0/1000°C"
    assert m.columns["gas_flow_purge2"].unit == "ml/min"
    assert m.metadata["gas_switches"] == [
        {"column": "Gas Flow(purge2)/(ml/min)", "row": 2, "state": "on", "temperature_C": 67.0}
    ]
    assert m.metadata["gas"] == {"PURGE 2 MFC": "AIR"}
    assert m.metadata["sample_mass_mg"] == 10.23
    np.testing.assert_array_equal(m.columns["segment"].values(), [1, 1, 1, 2])


def test_netzsch_obeys_declared_decimal_comma_and_tab_separator_ansi():
    raw = (
        "#EXPORTTYPE:DATA SINGLE\n#FTYPE:ANSI\n#DECIMAL:COMMA\n#SEPARATOR:TAB\n"
        "#TYPE OF CRUCIBLE:Al2O3 85 µl\n\n##Temp./°C\tTime/min\tMass/mg\n"
        "30,5\t0,0\t8,91\n35,5\t1,0\t8,90\n"
    ).encode("cp1252")
    (m,) = parse_bytes(raw, "x.txt").measurements
    np.testing.assert_allclose(m.columns["temperature"].values(), [30.5, 35.5])
    assert m.columns["mass"].unit == "mg"
    assert m.metadata["crucible"] == "Al2O3 85 µl"


def test_netzsch_bad_row_names_line():
    raw = NETZSCH_ASCII.replace(b" 52.000; 1.000;", b" 52.000; 1,000;")
    with pytest.raises(ImportFormatError) as err:
        parse_bytes(raw, "bad.txt")
    assert err.value.where == "line 19" and "Time/min" in str(err.value)


def _ta(rows: list[str]) -> bytes:
    head = [
        "CLOSED",
        "Instrument\tTGA Q50 V20.13",
        "Sample\tPine bark",
        "Size\t15.5000\tmg",
        "Xcomment\tGas1: Nitrogen",
        "Xcomment\tGas2: Air",
        "Nsig\t3",
        "Sig1\tTime (min)",
        "Sig2\tTemperature (°C)",
        "Sig3\tWeight (%)",
        "OrgMethod\t1: Select gas 1",
        "OrgMethod\t2: Ramp 20.00 °C/min to 600.00 °C",
        "OrgMethod\t3: Select gas 2",
        "StartOfData",
    ]
    return "\r\n".join(head + rows).encode("utf-16")  # BOM + UTF-16 (native LE here)


def test_ta_utf16_bom_markers_and_units_only_in_sig_lines():
    raw = _ta(
        ["-3.000000\t1.000000\t0", "0.1\t25.0\t100.0", "0.2\t27.0\t99.5", "-1.000000\t27.0\t0"]
    )
    assert raw[:2] == b"\xff\xfe"
    p = parse_bytes(raw, "ta.txt")
    (m,) = p.measurements
    np.testing.assert_allclose(m.columns["time"].values(), [0.1, 0.2])
    assert m.columns["mass"].unit == "%" and m.columns["time"].unit == "min"
    assert m.metadata["sample_mass_mg"] == 15.5
    assert m.metadata["heating_rate"] == 20.0
    assert m.metadata["gas_switches"][1] == {"step": 3, "gas": 2, "name": "Air"}


def test_ta_without_start_of_data_is_refused():
    raw = _ta([]).replace("StartOfData".encode("utf-16-le"), "Garbage....".encode("utf-16-le"))
    with pytest.raises(ImportFormatError, match="StartOfData"):
        parse_bytes(raw, "ta.txt", "tga_ta")


STARE_UTF8 = """Title                                                           18.01.2016 16:59:57
________________________________________________________________________________

Curve Name:
  =Spruce
  Sample Weight
Curve Values:
          Index              t             Ts             Tr          Value
                           [s]           [\ufffdC]           [\ufffdC]           [mg]
              0              0         30.000         30.000         10.000
              1             60         40.000         40.000          9.900


Results:
  ? Step\t-1.0000 %
  \t-0.1000 mg
  Heating Rate\t10.00 \ufffdCmin^-1

Texts:
Sample:
  Spruce, 10.0000 mg
Method:
  TGA 30-800

Curve Name:
  \\Spruce
Curve Values:
          Index              t             Ts             Tr     x value     y value
                           [s]           [\ufffdC]           [\ufffdC]            [s]       [mgs^-1]
              0              0         30.000         30.000              0     -0.0001
              1             60         40.000         40.000             60     -0.0017
Results:
Sample:
  Spruce, 10.0000 mg

________________________________________________________________________________
Not signed                                                        STARe SW 17.00
"""


def test_stare_utf8_replacement_degree_two_curves_and_lost_delta():
    p = parse_bytes(STARE_UTF8.encode("utf-8"), "stare.txt")
    assert p.format_id == "tga_mettler_stare"
    weight, dtg = p.measurements
    assert weight.columns["temperature"].unit == "°C"
    assert dtg.columns["dtg"].unit == "mg/s"
    np.testing.assert_allclose(dtg.columns["dtg"].values(), [-0.0001, -0.0017])
    r = weight.metadata["evaluation_results"][0]
    assert r["delta_sign_lost"] and r["step_pct"] == -1.0 and r["step_mg"] == -0.1
    assert r["heating_rate"] == 10.0 and r["units"]["heating_rate"] == "°C/min"
    assert weight.metadata["software"] == "STARe SW 17.00"
    assert weight.metadata["date"] == "18.01.2016 16:59:57"
    assert weight.sample_name == "Spruce" and weight.metadata["sample_mass_mg"] == 10.0


PYRIS = (
    "Filename:\tC:\\x.tg8d \nSample ID:\tStraw 3 \nData Collected:\t06.12.2019 12:19:21 \n"
    "Sample Weight:\t5.000 mg \nMethod Steps: \nSwitch the Gas to Nitrogen at 20.0 ml/min  \n"
    "1)\tHeat from 50.00\ufffdC to 600.00\ufffdC at 10.00\ufffdC/min \n \n"
    "2)\tHeat from 600.00\ufffdC to 900.00\ufffdC at 10.00\ufffdC/min \n"
    "\t\tSwitch the Gas to Air at 20.0 ml/min  \n \n"
    "1) TGA Temperature Scan \n"
    "\tTime     \tUnsubtracted\tBaseline     \tProgram     \tSample     \n"
    "\t          \tWeight     \tWeight     \tTemperature\tTemperature\n"
    "\t0.0\t5.0\t0.0\t50.0\t49.8 \n\t1.0\t4.9\t0.0\t60.0\t59.9 \n"
    "2) TGA Temperature Scan \n\t2.0\t3.0\t0.0\t600.0\t600.1 \n \n \n"
    "\tTEMPERATURE CALIBRATION INPUTS: \nNickel\t 355.300\t 359.690\tUsed \nNEWPAGE \n"
)


def test_pyris_blocks_header_once_calibration_trailer_ignored():
    p = parse_bytes(PYRIS.replace("\n", "\r\n").encode("utf-8"), "pe.txt")
    (m,) = p.measurements
    np.testing.assert_array_equal(m.columns["step"].values(), [1, 1, 2])
    np.testing.assert_allclose(m.columns["temperature"].values(), [49.8, 59.9, 600.1])
    assert m.columns["mass"].unit == "mg"
    assert m.metadata["date"] == "06.12.2019 12:19:21"  # locale-dependent: kept as written
    assert m.metadata["heating_rates"] == [10.0, 10.0]
    assert m.metadata["gas_switches"][1]["gas"] == "Air"
    assert m.sample_name == "Straw 3"


def test_perkinelmer_csv_blank_named_and_unnamed_columns_dropped():
    raw = (
        b"Time,Unsubtracted Weight,Baseline Weight,Program Temperature,Sample Temperature,"
        b"Sample Purge Flow,Balance Purge Flow, ,,\n"
        b'0.0,5.0,0.0,30.0,30.1,20.0,40.0," ",30.1,100.0\n'
        b'0.5,4.9,0.0,35.0,35.2,20.0,40.0," ",35.2,98.0\n'
    )
    p = parse_bytes(raw, "pe.csv")
    assert p.format_id == "tga_pyris_csv"
    (m,) = p.measurements
    assert len(m.columns) == 7 and m.columns["temperature"].values()[1] == 35.2


def test_generic_cr_only_negative_time_and_units_in_brackets():
    raw = b"time [min];temperature [C];mass [mg]\r-16.13;25.0;10.0\r-10.0;30.0;9.99\r0.0;35.0;9.9\r"
    p = parse_bytes(raw, "agir.csv")
    assert p.format_id == "tga_generic"
    (m,) = p.measurements
    assert m.columns["time"].values()[0] == -16.13
    assert m.columns["temperature"].unit == "°C" and m.columns["mass"].unit == "mg"


def test_generic_decimal_comma_semicolon_finnish_headers():
    raw = "Aika (s);Lämpötila (°C);Massa (mg)\n0;25,0;10,00\n60;35,5;9,95\n".encode("cp1252")
    (m,) = parse_bytes(raw, "fi.csv").measurements
    np.testing.assert_allclose(m.columns["temperature"].values(), [25.0, 35.5])
    assert m.axes == ["temperature"] and m.signal == "mass"


def test_generic_refuses_dot_grouped_values():
    raw = "Time (s);Furnace Temperature (°C);TG (mg)\n0;50.026.184;5.419.046\n0,2;5.002.491;5,4\n"
    with pytest.raises(ImportFormatError) as err:
        parse_bytes(raw.encode("cp1252"), "setaram.csv")
    assert err.value.where == "line 2" and "50.026.184" in str(err.value)


def test_spectrum_tables_are_not_claimed_as_tga():
    raw = b"wavenumber,absorbance\n4000.0,0.1\n3999.0,0.11\n"
    for reader in all_readers():
        if reader.format_id.startswith(("tga_", "moisture_", "fibre_", "gravimetric")):
            assert reader.sniff(raw, "s.csv") == 0.0, reader.format_id


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Temp./°C", ("Temp.", "°C")),
        ("Gas Flow(purge2)/(ml/min)", ("Gas Flow(purge2)", "ml/min")),
        ("Balance Purge Flow (mL/min)", ("Balance Purge Flow", "ml/min")),
        ("Value [mgs^-1]", ("Value", "mg/s")),
        ("Heating Rate (°Cmin^-1)", ("Heating Rate", "°C/min")),
        ("Sample Temperature (øC)", ("Sample Temperature", "°C")),
    ],
)
def test_units_in_headers(header, expected):
    assert split_unit(header) == expected


def test_numeric_block_strict_fast_and_slow_paths():
    names = ["a", "b"]
    np.testing.assert_allclose(
        parse_block(b" 1.5; 2\r\n3;-4e2\r\n", 1, ";", ".", "f", names), [[1.5, 2], [3, -400]]
    )
    np.testing.assert_allclose(
        parse_block("1,5;2\r3;4\r", 1, ";", ",", "f", names), [[1.5, 2], [3, 4]]
    )
    np.testing.assert_allclose(
        parse_block("1;2\n\n3;4\n", 1, ";", ".", "f", names), [[1, 2], [3, 4]]
    )
    with pytest.raises(ImportFormatError) as err:
        parse_block("1;2\n\n3;x\n", 10, ";", ".", "f", names)
    assert err.value.where == "line 12"
    for bad, where, text in [
        ("1;2\n3;nan\n", "line 11", "'nan'"),
        ("1;2\n3;1,234\n", "line 11", "thousands"),
        ("1;2\n3\n", "line 11", "2 values"),
    ]:
        with pytest.raises(ImportFormatError) as err:
            parse_block(bad, 10, ";", ".", "f", names)
        assert err.value.where == where and text in str(err.value), bad


def test_mixed_line_endings_and_netzsch_comma_separator():
    raw = (
        b"#EXPORTTYPE:DATA SINGLE\r\n#FTYPE:ANSI\n#DECIMAL:POINT\r#SEPARATOR:COMMA\r\n"
        b"#DATE/TIME:2/11/2024 13:12:51 (UTC-5)\n\r\n##Temp./\xb0C,Time/min,Mass/%\r\n"
        b"30.0,0.0,100.0\n40.0,1.0,99.0\r50.0,2.0,98.0\r\n"
    )
    (m,) = parse_bytes(raw, "mixed.txt").measurements
    np.testing.assert_allclose(m.columns["mass"].values(), [100.0, 99.0, 98.0])
    assert m.metadata["date"] == "2/11/2024 13:12:51 (UTC-5)"  # stored as written
