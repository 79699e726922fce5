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
