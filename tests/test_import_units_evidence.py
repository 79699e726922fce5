"""Units are never silently assumed, and readers claim files on evidence (issue 14).

* an x unit is taken from the file's own label (``Wavenumber (cm-1)``,
  ``Wavelength (nm)``, ``Raman shift``, an SPC file's custom axis label);
* every assumed unit is a warning, in the preview and in ``--dry-run --json``;
* an x axis that counts points is called a point index, not wavenumbers;
* an x range implausible for its unit is a warning;
* OPUS: a superseded data block does not become a second spectrum, and a file that
  holds only the background is said to be one.
"""

from __future__ import annotations

import json
import struct

import numpy as np
import pytest
from test_import_spectra_spc_opus import AB, AB_PARAM, SAMPLE_PARAM, opus_file, params, spc_new

from workbench.importers.registry import parse_bytes


def _rows(x, y=None) -> str:
    y = y if y is not None else np.linspace(0.1, 0.5, len(x))
    return "".join(f"{a:g},{b:.4f}\n" for a, b in zip(x, y))


X_IR = np.linspace(4000, 400, 50)


@pytest.mark.parametrize(
    ("header", "unit"),
    [
        ("Wavenumber (cm-1),Absorbance", "cm⁻¹"),
        ("Wavenumbers [1/cm],A", "cm⁻¹"),
        ("Raman shift,Intensity", "cm⁻¹"),
        ("Wavelength (nm),Reflectance", "nm"),
        ("Wavelength [µm],Transmittance", "µm"),
    ],
)
def test_the_unit_in_a_label_is_read_without_a_warning(header, unit):
    x = {"nm": np.linspace(1100, 2500, 50), "µm": np.linspace(2.5, 25, 50)}.get(unit, X_IR)
    parsed = parse_bytes(f"{header}\n{_rows(x)}".encode(), "s.csv")
    assert parsed.measurements[0].columns["x"].unit == unit
    assert not [w for w in parsed.warnings if "unit" in w or "unusual" in w]


def test_headerless_wavenumbers_are_assumed_with_a_warning(tmp_path, capsys):
    from workbench.cli.main import main

    path = tmp_path / "omnic.csv"
    path.write_text(_rows(X_IR))
    project = tmp_path / "p.fwproj"
    main(["new", str(project)])
    capsys.readouterr()
    assert main(["import", str(project), str(path), "--dry-run", "--json"]) == 0
    understood = json.loads(capsys.readouterr().out)["files"][0]["understood"]
    assert understood["measurements"][0]["columns"]["x"]["unit"] == "cm⁻¹"
    assert any("assumed" in w and "cm⁻¹" in w for w in understood["warnings"])


def test_a_point_index_axis_is_called_so():
    # an interferogram exported as point number, signal: before, taken as wavenumbers
    x = np.arange(0, 6000, dtype=float)
    parsed = parse_bytes(_rows(x, np.sin(x / 50)).encode(), "ifg.csv")
    m = parsed.measurements[0]
    assert m.columns["x"].unit == "" and m.columns["x"].label == "Point index"
    assert any("point index" in w for w in parsed.warnings)


def test_no_unit_at_all_is_a_warning():
    x = np.linspace(1100, 2498, 50)  # headerless, below the OMNIC wavenumber range
    parsed = parse_bytes(_rows(x).encode(), "dump.txt")
    assert parsed.measurements[0].columns["x"].unit == ""
    assert any("states no x unit" in w for w in parsed.warnings)


def test_an_implausible_range_for_the_stated_unit_is_a_warning():
    x = np.linspace(250_000, 60_000, 50)  # X-ray energies (eV) labelled as wavenumbers
    parsed = parse_bytes(f"Wavenumber (cm-1),Counts\n{_rows(x)}".encode(), "xray.csv")
    assert any("unusual for cm⁻¹" in w for w in parsed.warnings)


def test_spc_custom_axis_label_text_gives_the_unit():
    raw = bytearray(spc_new([[1.0, 2.0, 3.0]], first=100.0, last=300.0, xtype=0, ytype=0))
    raw[0] |= 0x20  # TALABS: axis labels are the text in fcatxt
    raw[218:248] = b"Raman Shift (cm-1)\0Counts\0\0\0\0\0\0\0\0\0\0\0"
    parsed = parse_bytes(bytes(raw), "custom.spc")
    m = parsed.measurements[0]
    assert m.columns["x"].unit == "cm⁻¹" and m.columns["x"].label == "Raman Shift (cm-1)"
    assert m.metadata["x_unit_from_label"] == "cm⁻¹"
    assert not [w for w in parsed.warnings if "unit" in w]


def test_spc_custom_label_without_a_unit_is_a_warning():
    raw = bytearray(spc_new([[1.0, 2.0, 3.0]], first=100.0, last=300.0, xtype=0, ytype=0))
    raw[0] |= 0x20
    raw[218:248] = b"Position\0Signal\0" + b"\0" * 14
    parsed = parse_bytes(bytes(raw), "custom.spc")
    assert parsed.measurements[0].columns["x"].unit == ""
    assert any("states no x unit" in w for w in parsed.warnings)


def test_jcamp_without_xunits_is_a_warning():
    raw = (
        b"##TITLE=t\n##JCAMP-DX=4.24\n##FIRSTX=4000\n##LASTX=3996\n##NPOINTS=5\n"
        b"##XYDATA=(X++(Y..Y))\n4000 1 2 3 4 5\n##END=\n"
    )
    assert any("states no x unit" in w for w in parse_bytes(raw, "t.jdx").warnings)


REFL, REFL_PARAM = 0x300F, 0x301F  # reflectance (data kind 12), ratioed; its data status


def test_opus_superseded_block_is_not_a_second_spectrum():
    old = np.array([0.5, 0.6, 0.7, 0.8], "<f4")  # before atmospheric compensation
    new = np.array([0.4, 0.5, 0.6, 0.7], "<f4")
    data = opus_file([
        (REFL_PARAM | 64 << 24, params(NPT=4, FXV=1000.0, LXV=700.0, CSF=1.0, DXU="WN")),
        (REFL | 64 << 24, old.tobytes()),
        (SAMPLE_PARAM, params(SNM="birch bark")),
        (REFL_PARAM, params(NPT=4, FXV=1000.0, LXV=700.0, CSF=1.0, DXU="WN")),
        (REFL, new.tobytes()),
    ])  # fmt: skip
    parsed = parse_bytes(data, "bark.0")
    (m,) = parsed.measurements
    assert m.columns["y"].data == pytest.approx(new)
    assert m.columns["y"].unit == "reflectance"
    assert parsed.metadata["superseded_blocks"] and any(
        "earlier REFL" in w for w in parsed.warnings
    )


def test_opus_duplicates_of_the_same_kind_keep_the_last():
    first = np.array([1.0, 2.0], "<f4")
    last = np.array([3.0, 4.0], "<f4")
    data = opus_file([
        (AB_PARAM, params(NPT=2, FXV=1000.0, LXV=900.0, DXU="WN")),
        (AB, first.tobytes()),
        (AB, last.tobytes()),
    ])  # fmt: skip
    (m,) = parse_bytes(data, "twice.0").measurements
    assert m.columns["y"].data == pytest.approx(last)


def test_opus_background_only_is_warned():
    data = opus_file([
        (0x041B, params(NPT=2, FXV=4000.0, LXV=400.0, DXU="WN")),
        (0x040B, np.array([5.0, 6.0], "<f4").tobytes()),
    ])  # fmt: skip
    parsed = parse_bytes(data, "background.0")
    assert any("only the background" in w for w in parsed.warnings)
    assert parsed.measurements[0].metadata["background_only"] is True


def test_opus_without_an_x_unit_says_it_was_assumed():
    data = opus_file([(AB_PARAM, params(NPT=2, FXV=1000.0, LXV=900.0)), (AB, b"\0" * 8)])
    parsed = parse_bytes(data, "nodxu.0")
    assert parsed.measurements[0].columns["x"].unit == "cm⁻¹"
    assert any("assumed" in w and "DXU" in w for w in parsed.warnings)


def test_spc_fexp_must_be_plausible_for_the_reader_to_claim_a_file():
    from workbench.importers.formats.spc import SpcReader

    raw = bytearray(spc_new([[1.0, 2.0, 3.0]]))
    assert SpcReader().sniff(bytes(raw), "a.spc") > 0
    struct.pack_into("<b", raw, 3, 100)  # no SPC file scales by 2**(100-32)
    assert SpcReader().sniff(bytes(raw), "a.spc") == 0


# -- readers claim a table only when it is what they read (found in the public sweep) --
def test_a_first_column_that_does_not_run_one_way_is_no_spectrum():
    # an s-SNOM export: row, column, run, ... (before: 13 "spectra" of x = 0 named after
    # the columns); an image of counts (before: 9 spectra)
    rows = "".join(f"0\t{i % 5}\t{i // 5}\t{0.1 * i:.2f}\n" for i in range(40))
    with pytest.raises(Exception, match="does not run one way"):
        parse_bytes(rows.encode(), "map.txt")


def test_the_spectral_axis_must_be_the_first_column():
    rows = "".join(f"{i}\t{4000 - 2 * i}\t{0.1 + 0.001 * i:.4f}\n" for i in range(40))
    with pytest.raises(Exception, match="is the spectral axis but 'Row' comes first"):
        parse_bytes(f"Row\tWavenumber\tO1A\n{rows}".encode(), "nea.txt")


def test_column_names_taken_as_sample_names_are_said():
    rows = "".join(f"{4000 - 2 * i},{0.1:.2f},{0.2:.2f}\n" for i in range(40))
    parsed = parse_bytes(f"Wavenumber (cm-1),Birch,Spruce\n{rows}".encode(), "two.csv")
    assert [m.sample_name for m in parsed.measurements] == ["Birch", "Spruce"]
    assert any("taken as sample names: Birch, Spruce" in w for w in parsed.warnings)


def test_a_time_column_named_as_rows_of_a_spectral_table_is_said():
    # a kinetic series of UV-Vis spectra, one row per time: before, the rows were named
    # "0", "1", ... without a word and the spectra's x unit was the time column's "min"
    wl = range(400, 700, 5)
    rows = "".join(f"{t}," + ",".join("0.5" for _ in wl) + "\n" for t in range(10))
    raw = ("Time (min)," + ",".join(map(str, wl)) + "\n" + rows).encode()
    parsed = parse_bytes(raw, "kinetics.csv")
    assert parsed.format_id == "spectral_table" and len(parsed.measurements) == 10
    assert parsed.measurements[0].columns["x"].unit == "nm"
    assert any(
        "'Time (min)' holds times, temperatures or index numbers" in w for w in parsed.warnings
    )
    assert any("nm assumed" in w for w in parsed.warnings)


def test_a_falling_axis_without_unit_in_a_spectral_table_is_wavenumbers():
    # orange-spectroscopy's collagen table: 1801 ... 902 cm-1, under Orange's rows of
    # column types and flags (before: nm assumed, or not read at all)
    wn = np.linspace(1801.264, 902.561, 30)
    raw = (
        "type," + ",".join(f"{w:.3f}" for w in wn) + "\n" + "d," + ",".join("c" for _ in wn)
        + "\nclass\n" + "".join(f"collagen,{','.join('0.12' for _ in wn)}\n" for _ in range(3))
    ).encode()  # fmt: skip
    parsed = parse_bytes(raw, "collagen.csv")
    assert parsed.format_id == "spectral_table" and len(parsed.measurements) == 3
    assert parsed.measurements[0].columns["x"].unit == "cm⁻¹"
    assert any("falling order" in w for w in parsed.warnings)


def test_jcamp_xunits_written_as_a_label():
    raw = (
        b"##TITLE=Toluene\n##JCAMP-DX=4.24\n##DATA TYPE=UV/VIS SPECTRUM\n"
        b"##XUNITS=Wavelength (nm)\n##YUNITS=Logarithm epsilon\n##XYPOINTS=(XY..XY)\n"
        b"274.9571,1.058566\n274.7790,1.091012\n274.6012,1.123460\n##END=\n"
    )
    (m,) = parse_bytes(raw, "toluene.jdx").measurements
    assert m.columns["x"].unit == "nm"


def test_spc_subfiles_keep_their_own_exponent():
    # each subfile of a multifile is scaled by its own exponent, also a negative one
    # (rohanisaac/spc's dumps use the header's for those; the exponents the writer chose
    # fit the data only as the subfiles' own)
    raw = bytearray(spc_new([[2**30, 2**29], [2**30, 2**29]], exp=0, first=1.0, last=2.0))
    struct.pack_into("<b", raw, 512 + 32 + 8 + 1, -2)  # second subfile: exponent -2
    first, second = parse_bytes(bytes(raw), "m.spc").measurements
    assert first.columns["y"].data.tolist() == [0.25, 0.125]
    assert second.columns["y"].data.tolist() == [0.0625, 0.03125]
