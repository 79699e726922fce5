"""Text spectra (CSV, DPT, ASP), multi-sample spectral tables and the JCAMP-DX
export round trip, with small inline fixtures for the pitfalls of
instrument-formats.md section 6."""

from __future__ import annotations

import numpy as np
import pytest

from workbench.errors import ImportFormatError
from workbench.importers.base import ParsedMeasurement, column
from workbench.importers.export_jcamp import jcamp_text, measurement_jcamp, write_jcamp
from workbench.importers.formats.spectrum_text import SpectrumTextReader
from workbench.importers.registry import detect, parse_bytes, parse_path


def test_headerless_csv_with_three_digit_exponents_crlf():
    text = "6.749918e+002,1.356988e-002\r\n6.788489e+002,1.326639e-002\r\n"
    text += "6.827060e+002,1.309657e-002\r\n3.999809e+003,1.105751e-002\r\n"
    parsed = parse_bytes(text.encode(), "a.csv")
    m = parsed.measurements[0]
    assert parsed.format_id == "spectrum_text"
    assert m.columns["x"].data.tolist() == [674.9918, 678.8489, 682.706, 3999.809]
    assert m.columns["y"].data[0] == pytest.approx(0.01356988)
    assert m.columns["x"].unit == "cm⁻¹"
    assert m.metadata["technique"] == "FTIR"


def test_dpt_descending_tab_with_trailing_comments_kept_in_file_order():
    text = "4000.116\t0.5\r\n3998.1\t0.6\r\n3996.2\t0.7\r\n# a comment\r\n"
    text += "; a different kind of comment (from Kazan viewer)\r\n"
    parsed = parse_bytes(text.encode(), "peach.dpt")
    m = parsed.measurements[0]
    assert m.columns["x"].data.tolist() == [4000.116, 3998.1, 3996.2]  # descending kept
    assert m.columns["y"].data.tolist() == [0.5, 0.6, 0.7]
    assert any("ignored" in w for w in parsed.warnings)


def test_header_names_units_and_raman_counts():
    text = "wavenumber,intensity\n301.04,26\n304.632,50\n308.2,48\n"
    m = parse_bytes(text.encode(), "r.csv").measurements[0]
    assert m.columns["x"].unit == "cm⁻¹"
    assert m.columns["y"].data.tolist() == [26, 50, 48]
    assert m.metadata["technique"] == "Raman"


def test_semicolon_decimal_comma_cr_only_utf16_bom():
    text = "Wavelength (nm);Absorbance\r1100,5;0,25\r1102,5;0,5\r1104,5;0,75\r"
    parsed = parse_bytes(text.encode("utf-16"), "n.txt")
    m = parsed.measurements[0]
    assert parsed.encoding == "utf-16-le"
    assert m.columns["x"].data.tolist() == [1100.5, 1102.5, 1104.5]
    assert m.columns["x"].unit == "nm" and m.columns["y"].unit == "absorbance"
    assert m.columns["y"].data.tolist() == [0.25, 0.5, 0.75]
    assert m.metadata["technique"] == "NIR"


def test_ambiguous_number_in_data_is_refused_with_line():
    text = "x;y\n1100;0,25\n1102;0,5\n1104;0,75\n1106;1.234.5\n"
    with pytest.raises(ImportFormatError, match="line 5"):
        parse_bytes(text.encode(), "bad.csv", format_id="spectrum_text")


def test_several_y_columns_become_several_spectra():
    text = "nm\tpine\tspruce\n1100\t1\t2\n1102\t3\t4\n1104\t5\t6\n"
    parsed = parse_bytes(text.encode(), "t.txt", format_id="spectrum_text")
    assert [m.sample_name for m in parsed.measurements] == ["pine", "spruce"]
    assert parsed.measurements[1].columns["y"].data.tolist() == [2, 4, 6]


def test_generic_sniff_is_modest_and_yields_to_tga_headers():
    plain = b"".join(f"{400 + i},{i * 0.1}\n".encode() for i in range(20))
    assert SpectrumTextReader().sniff(plain, "x.csv") == pytest.approx(0.3)
    tga = b"Time (s);Temperature (C);TG (mg)\n" + b"".join(
        f"{i};{25 + i};{10 - i * 0.01}\n".encode() for i in range(20)
    )
    assert SpectrumTextReader().sniff(tga, "t.csv") <= 0.05


def test_agilent_asp():
    ys = [0.1, 0.2, 0.3, 0.4]
    text = "4\r\n4000.0\r\n1000.0\r\n1\r\n2\r\n4\r\n" + "".join(f"{v}\r\n" for v in ys)
    parsed = parse_bytes(text.encode(), "s.asp")
    m = parsed.measurements[0]
    assert parsed.format_id == "agilent_asp"
    assert m.columns["x"].data.tolist() == [4000, 3000, 2000, 1000]
    assert m.columns["y"].data.tolist() == ys
    with pytest.raises(ImportFormatError, match="4 y values"):
        parse_bytes(text.encode()[:-5], "s.asp", format_id="agilent_asp")


def test_spectral_table_padded_cells_decimal_comma_na_and_replicates():
    text = (
        '"  ";908,1 ;914,3 ;920,5 ;926,7 ;932,9 \n'
        "100   ;0,12096 ;0,1209 ;0,13 ;0,14 ;NA \n"
        "101   ;0,2 ;0,21 ;0,22 ;0,23 ;0,24 \n"
        "100   ;0,3 ;0,31 ;0,32 ;0,33 ;0,34 \n"
    )
    parsed = parse_bytes(text.encode("cp1252"), "micronir.csv")
    assert parsed.format_id == "spectral_table"
    ms = parsed.measurements
    assert [(m.sample_name, m.replicate) for m in ms] == [("100", 1), ("101", 1), ("100", 2)]
    assert ms[0].columns["x"].data.tolist() == [908.1, 914.3, 920.5, 926.7, 932.9]
    assert ms[0].columns["x"].unit == "nm"
    assert ms[0].columns["y"].data[:4].tolist() == [0.12096, 0.1209, 0.13, 0.14]
    assert np.isnan(ms[0].columns["y"].data[4])
    assert any("assumed" in w for w in parsed.warnings)


def test_spectral_table_units_in_header_cells():
    text = "Sample,908.1 nm,914.3 nm,920.5 nm,926.7 nm,932.9 nm\nA,1.5,2,3,4,5\n"
    m = parse_bytes(text.encode(), "t.csv").measurements[0]
    assert m.columns["x"].unit == "nm" and m.sample_name == "A"
    assert m.columns["y"].data.tolist() == [1.5, 2, 3, 4, 5]


def test_spectral_table_short_row_refused():
    text = "id;1000;1001;1002;1003;1004\nA;1;2;3\n"
    with pytest.raises(ImportFormatError, match="line 2"):
        parse_bytes(text.encode(), "t.csv", format_id="spectral_table")


@pytest.mark.parametrize(
    "x",
    [
        np.linspace(4000.0, 400.0, 1801),
        np.linspace(1100.0, 2498.0, 700),
        np.array([43.9, 42.9, 40.8, 31.95]),  # uneven: written as XYPOINTS
    ],
)
def test_jcamp_export_round_trip_gives_same_values(x):
    rng = np.random.default_rng(1)
    y = rng.normal(size=x.size) * 10.0 ** rng.integers(-6, 6, size=x.size)
    y[1] = np.nan
    text = jcamp_text(x, y, title="pine bark", x_unit="cm⁻¹", y_unit="absorbance")
    assert max(len(line) for line in text.splitlines()) <= 80
    assert detect(text.encode(), "out.jdx").format_id == "jcamp"
    m = parse_bytes(text.encode(), "out.jdx").measurements[0]
    back_y = m.columns["y"].data
    assert np.array_equal(np.isnan(back_y), np.isnan(y))
    assert np.array_equal(back_y[~np.isnan(y)], y[~np.isnan(y)])  # exact: repr digits
    assert np.allclose(m.columns["x"].data, x, rtol=0, atol=1e-9 * np.ptp(x))
    assert (m.columns["x"].unit, m.columns["y"].unit) == ("cm⁻¹", "absorbance")
    assert m.sample_name == "pine bark"


def test_measurement_export_file_round_trip(tmp_path):
    m = ParsedMeasurement(
        kind="spectrum",
        sample_name="spruce",
        columns={"x": column("x", "nm", [1100, 1102, 1104]), "y": column("y", "", [1, 2, 3])},
        signal="y",
        axes=["x"],
        label="spruce NIR",
        instrument="MicroNIR",
        metadata={"technique": "NIR"},
    )
    out = tmp_path / "s.jdx"
    write_jcamp(out, measurement_jcamp(m))
    _, parsed = parse_path(out)
    back = parsed.measurements[0]
    assert back.sample_name == "spruce" and back.instrument == "MicroNIR"
    assert back.columns["x"].data.tolist() == [1100, 1102, 1104]
    assert back.columns["y"].data.tolist() == [1, 2, 3]
    assert back.metadata["technique"] == "NIR"


def test_spectral_table_trailing_delimiters_and_tab():
    text = "\t1000.0\t1001.0\t1002.0\t1003.0\t1004.0\t\nS1\t1\t2\t3\t4\t5\t\nS2\t6\t7\t8\t9\t10\t\n"
    parsed = parse_bytes(text.encode(), "t.txt")
    assert parsed.format_id == "spectral_table"
    assert [m.sample_name for m in parsed.measurements] == ["S1", "S2"]
    assert parsed.measurements[1].columns["y"].data.tolist() == [6, 7, 8, 9, 10]


def test_quoted_cells_and_trailing_delimiter_in_header():
    text = '"Wavenumber (cm-1)","Absorbance",\n"400.5","0.1"\n"401.5","0.2"\n"402.5","0.3"\n'
    m = parse_bytes(text.encode(), "q.csv").measurements[0]
    assert m.columns["x"].data.tolist() == [400.5, 401.5, 402.5]
    assert (m.columns["x"].unit, m.columns["y"].unit) == ("cm⁻¹", "absorbance")
