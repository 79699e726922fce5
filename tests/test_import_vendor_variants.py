"""Vendor variants and text-table habits that were refused or misread (issue 14 part 2).

Each fixture is written here from the format's description (the layouts seen in the
public test data of pyTGA and cheminfo's tga-spectrum, with values of our own), not
copied from a file:

* Mettler Toledo STARe SW 17 "Curve:" table layout (report fields, then ``Curve:``,
  the column row ``Index t Ts Tr Value``, the unit row, the rows; several curves);
* TA Instruments Q-series UTF-16 export without ``StartOfData`` (a form feed, then
  blank-separated rows);
* JCAMP-DX TGA data: ``##END`` without ``=``, ``##DATA TYPE=TGA`` x/y tables, and
  ``NTUPLES`` pages ``(XYT..XYT)`` whose variables ``##VAR_NAME=``/``##SYMBOL=`` declare;
* text tables: a trailing tab on every line, decimal comma with blank separators, a
  table whose first data row ends beyond 16 KiB, a ``Time Temperature Mass`` header
  separated by blanks, ``Fines content (% in length)``, and DSC data, which is no
  spectrum.
"""

from __future__ import annotations

import numpy as np
import pytest

from workbench.errors import ImportFormatError
from workbench.importers.registry import parse_bytes

# -- Mettler STARe SW 17 table layout -------------------------------------------------


def _stare_curve(name: str, unit: str, values) -> str:
    rows = "".join(
        f"{i:15d}{i * 30:15d}{30 + i * 5.0:15.3f}{30 + i * 5.0:15.3f}{v:15.5f}\n"
        for i, v in enumerate(values)
    )
    return (
        f"FileName:\n  Spruce bark 3, 12.03.2024 09:15:00\n  {name}\n"
        "SampleID:\n  Spruce bark 3, 8.1234 mg\nTexts:\n\nRemarks:\n  \n"
        "Evaluation:\n  Spruce bark 3\nMethod:\n  N2 10K 900C\nUser:\n  lab\nResults:\n"
        "Curve:\n          Index              t             Ts             Tr          Value\n"
        f"                           [s]           [\xb0C]           [\xb0C]           [{unit}]\n"
        + rows
        + "\n\nLastKeyWD:\n  Alumina 70ul\n  Weight  : 180.112 mg\n\n"
    )


STARE_17 = (
    "Title                                                           12.03.2024 09:15\n"
    + "_" * 80
    + "\n\nTitle\n\n\n"
    + _stare_curve("Sample Weight", "mg", np.linspace(8.1234, 2.5, 40))
    + _stare_curve("Heat Flow", "mW", np.linspace(0.0, -3.2, 40))
    + "_" * 80
    + "\n"
    + " " * 66
    + "STARe SW 17.00\n"
)


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8"])
def test_mettler_stare_17_table_layout(encoding):
    text = STARE_17 if encoding == "cp1252" else STARE_17.replace("\xb0", "\ufffd")
    parsed = parse_bytes(text.encode(encoding), "bark.txt")
    assert parsed.format_id == "tga_mettler_stare"  # before: a text spectrum, refused
    weight, heat = parsed.measurements
    assert weight.signal == "mass" and weight.columns["mass"].unit == "mg"
    assert weight.columns["temperature"].unit == "°C" and weight.columns["time"].unit == "s"
    assert weight.columns["mass"].data[0] == pytest.approx(8.1234)
    assert weight.sample_name == "Spruce bark 3"
    assert weight.metadata["sample_mass_mg"] == 8.1234
    assert weight.metadata["method"] == "N2 10K 900C"
    assert weight.metadata["software"] == "STARe SW 17.00"
    assert heat.signal == "heat_flow" and heat.columns["heat_flow"].unit == "mW"
    assert heat.label == "Heat Flow" and len(heat.columns["heat_flow"].data) == 40


# -- TA Instruments without StartOfData -------------------------------------------------

TA_NO_START = (
    "CLOSED\r\nVersion\t2.0\r\nInstrument\tTGA Q50 V20.10 Build 36\r\nModule\tTGA\r\n"
    "Sample\tWillow SRC 2\r\nSize\t10.5000\tmg\r\nXcomment\tGas1: Nitrogen\r\n"
    "Nsig\t3\r\nSig1\tTime (min)\r\nSig2\tTemperature (°C)\r\nSig3\tWeight (mg)\r\n"
    "Date\t2024-03-12\r\nTime\t10:00:00\r\nOrgMethod\t1: Ramp 10.00 °C/min to 900.00 °C\r\n"
    "\x0c" + "".join(f"{i * 0.5:.6f} {30 + 5 * i:.4f} {10.5 - 0.05 * i:.6f}\r\n" for i in range(60))
)


def test_ta_export_without_start_of_data():
    parsed = parse_bytes(TA_NO_START.encode("utf-16"), "willow.001.txt")
    assert parsed.format_id == "tga_ta"  # before: "expected a 'StartOfData' line"
    (m,) = parsed.measurements
    assert m.sample_name == "Willow SRC 2"
    assert m.columns["mass"].data.size == 60 and m.columns["mass"].data[0] == 10.5
    assert m.columns["temperature"].unit == "°C" and m.columns["time"].unit == "min"
    assert m.metadata["sample_mass_mg"] == 10.5


# -- JCAMP-DX TGA -----------------------------------------------------------------------


def test_jcamp_tga_peak_table_with_end_without_equals():
    rows = "".join(f"{30 + 2.5 * i:.3f} {12.0 - 0.1 * i:.4f}\n" for i in range(50))
    raw = (
        "##TITLE=Birch char\n##JCAMP-DX=4.24\n##DATA TYPE=TGA\n##XUNITS=Ts [°C]\n"
        "##YUNITS=Value [mg]\n##NPOINTS=50\n##PEAK TABLE=(XY..XY)\n" + rows + "##END"
    ).encode("utf-8")
    parsed = parse_bytes(raw, "char.jdx")
    (m,) = parsed.measurements  # before: "unexpected character '#' in compressed data"
    assert m.kind == "tga" and m.signal == "mass"
    assert m.columns["temperature"].unit == "°C" and m.columns["mass"].unit == "mg"
    assert m.columns["mass"].data[-1] == pytest.approx(7.1)


def test_jcamp_ntuples_xyt_pages_with_var_names():
    rows = "".join(f"{30 + 2 * i:.2f}\t{5.0 - 0.02 * i:.4f}\t{6 * i}\n" for i in range(40))
    raw = (
        "##TITLE=Reed canary grass\n##JCAMP-DX=6.00\n##DATA TYPE=\n##NTUPLES=\n"
        "##VAR_NAME=  Temperature,        Weight,     Time\n##SYMBOL=    X,Y,T\n"
        "##VAR_TYPE=  DEPENDENT,DEPENDENT,INDEPENDENT\n##VAR_DIM=   40,40,40\n"
        "##UNITS=     °C,mg,s\n##PAGE= N=1\n##DATA TABLE= (XYT..XYT), PEAKS\n"
        + rows
        + "##END NTUPLES=\n##END=\n"
    ).encode("utf-8")
    parsed = parse_bytes(raw, "rcg.jdx")
    (m,) = parsed.measurements  # before: "an NTUPLES DATA TABLE whose variables are declared"
    assert m.kind == "tga"
    assert {k: c.unit for k, c in m.columns.items()} == {
        "temperature": "°C",
        "mass": "mg",
        "time": "s",
    }
    assert m.columns["time"].data[-1] == 234 and m.sample_name == "Reed canary grass"


def test_jcamp_ntuples_tuples_that_are_no_tga_stay_a_spectrum():
    rows = "".join(f"{4000 - 10 * i} {0.1 + 0.01 * i:.3f} {0.5:.1f}\n" for i in range(20))
    raw = (
        "##TITLE=t\n##JCAMP-DX=5.01\n##NTUPLES=INFRARED\n##VAR_NAME=WAVENUMBER,ABSORBANCE,NOISE\n"
        "##SYMBOL=X,Y,W\n##UNITS=1/CM,ABSORBANCE,ABSORBANCE\n##PAGE=N=1\n"
        "##DATA TABLE=(XYW..XYW), PEAKS\n" + rows + "##END NTUPLES=\n##END=\n"
    ).encode()
    (m,) = parse_bytes(raw, "ir.jdx").measurements
    assert m.kind == "spectrum" and m.columns["x"].unit == "cm⁻¹"
    assert m.columns["noise"].data.size == 20


# -- text tables ------------------------------------------------------------------------
X = np.linspace(4000, 400, 40)


def _spectrum_rows(fmt: str) -> str:
    return "".join(fmt.format(x=a, y=0.1 + i * 0.01) for i, a in enumerate(X))


@pytest.mark.parametrize("header", ["", "Wavenumber (cm-1)\tAbsorbance\t\n"])
def test_a_trailing_tab_on_every_line(header):
    raw = (header + _spectrum_rows("{x:.2f}\t{y:.4f}\t\n")).encode()
    (m,) = parse_bytes(raw, "tab.txt").measurements  # before: refused
    assert m.columns["y"].data.size == 40 and m.columns["y"].data[-1] == pytest.approx(0.49)


@pytest.mark.parametrize("header", ["", "Wavenumber (cm-1)  Absorbance\n"])
def test_decimal_comma_with_blank_separators(header):
    raw = (header + _spectrum_rows("{x:.2f}  {y:.4f}\n").replace(".", ",")).encode()
    (m,) = parse_bytes(raw, "dpt.txt").measurements  # before: refused
    assert m.columns["x"].data[0] == 4000.0 and m.columns["y"].data[1] == pytest.approx(0.11)


def test_a_table_whose_first_data_row_ends_beyond_16_kib():
    wl = np.arange(900.0, 2500.0, 0.4)  # 4,000 wavelengths: a 28 KB header line
    raw = (
        "Sample;" + ";".join(f"{w:.1f}" for w in wl) + "\n"
        + "".join(f"S{k};" + ";".join("0.12345" for _ in wl) + "\n" for k in range(3))
    ).encode()  # fmt: skip
    assert raw.index(b"\n") > 16 * 1024
    parsed = parse_bytes(raw, "wide.csv")  # before: "not a supported export"
    assert parsed.format_id == "spectral_table" and len(parsed.measurements) == 3
    assert parsed.measurements[0].columns["x"].data.size == wl.size


@pytest.mark.parametrize(
    "header", ["Time Temperature Mass", "Time (min)   Temperature (°C)   Mass (mg)"]
)
def test_a_blank_separated_time_temperature_mass_table_is_tga(header):
    rows = "".join(f"{i * 0.5:.1f} {25 + 5 * i:.1f} {10 - i * 0.02:.4f}\n" for i in range(40))
    parsed = parse_bytes(f"{header}\n{rows}".encode(), "run.txt")
    (m,) = parsed.measurements  # before: two spectra, samples "Temperature" and "Mass"
    assert parsed.format_id == "tga_generic" and m.kind == "tga"
    assert list(m.columns) == ["time", "temperature", "mass"]
    if "(" not in header:
        assert any("no unit" in w for w in parsed.warnings)


def test_fines_content_in_length_and_number():
    raw = (
        b"Sample;Ln (mm);Lw (mm);Lww (mm);Fines content (% in length);"
        b"Fines content (% in number)\nBirch;0,71;0,93;1,05;8,2;35,1\n"
    )
    (m,) = parse_bytes(raw, "fs5.csv").measurements  # before: "unit '%inlength'"
    assert m.quantities["fines_length"].value == 8.2
    assert m.quantities["fines_count"].value == 35.1


def test_dsc_data_are_not_spectra():
    rows = "".join(f"{i},{25 + 10 * i},{0.01 * i:.2f}\n" for i in range(30))
    with pytest.raises(ImportFormatError, match="not spectra"):
        parse_bytes(f"Time (min),Temperature (C),Heat flow (mW)\n{rows}".encode(), "dsc.csv")


def test_a_pyris_dsc_export_is_refused_as_dsc():
    # cheminfo/tga-spectrum's PerkinElmerAscii.txt layout: a Pyris header, then a DSC
    # block; before, the refusal asked for '1) TGA Isothermal' without saying why
    rows = "".join(
        f"\t{0.0017 * i:.6f}\t{-16.1 + 0.03 * i:.6f}\t0.0\t-15.0\t-15.05\n" for i in range(20)
    )
    raw = (
        "Filename:\tC:\\Pyris\\data\\run.ds8d \nSample ID:\telectrolyte \n"
        "Data Collected:\t23/12/2025 12:18:26 \nSample Weight:\t7.244 mg \n"
        "1)\tHold for 1.0 min at -15.00\xb0C \n\n1) DSC 8500 Isothermal \n"
        "\tTime\tUnsubtracted\tBaseline\tProgram\tSample\n"
        "\t\tHeat Flow\tHeat Flow\tTemperature\tTemperature\n" + rows
    ).encode("cp1252")
    with pytest.raises(ImportFormatError, match="'1\\) DSC 8500 Isothermal' is not TGA"):
        parse_bytes(raw, "dsc.txt")
