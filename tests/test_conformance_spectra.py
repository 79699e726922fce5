"""Conformance of the spectrum importers on every shared spectra file.

Each file in ../shared/samples/spectra imports with the point counts, axis ranges,
units and values stated in MANIFEST.tsv (or in the file's own header: NPOINTS,
FIRSTY, MINY/MAXY, OPUS MNY/MXY), and spc_nir.spc is compared point by point, all
20 subfiles, with its reference text dump. Skipped, with the reason, when ../shared
is not beside the repository.

One deliberate difference from MANIFEST.tsv: it says the AB block of ftir_ps.0 has
1124 points (what brukeropusreader returned). The block with 1124 words is an OPUS
"Report" block (extended type 1, starts with BID/NRP/SIZ/TIT records), not data.
The real AB block has 2126 points, 4497.5-399.2 cm-1 as the manifest says, and its
own data parameters (NPT=2126, MNY/MXY) match its values exactly - checked below.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from workbench.errors import ImportFormatError
from workbench.importers.registry import detect, parse_path

SPECTRA = Path(__file__).resolve().parents[1] / ".." / "shared" / "samples" / "spectra"
pytestmark = pytest.mark.skipif(
    not SPECTRA.is_dir(), reason=f"shared spectra samples not found at {SPECTRA}"
)

EXPECTED_FORMAT = {
    ".DX": "jcamp",
    ".jdx": "jcamp",
    ".spc": "spc",
    ".0": "opus",
    ".asp": "agilent_asp",
    ".csv": "spectrum_text",
    ".txt": "spectrum_text",
}


def _parse(name: str):
    return parse_path(SPECTRA / name)[1]


def _xy(m):
    return m.columns["x"].values(), m.columns["y"].values()


def test_every_spectra_file_imports_with_the_expected_reader():
    files = sorted(SPECTRA.iterdir())
    assert len(files) == 18
    for f in files:
        raw = f.read_bytes()
        try:
            reader = detect(raw, str(f))
            parsed = parse_path(f)[1]
        except ImportFormatError as exc:  # pragma: no cover - the message says which
            pytest.fail(f"{f.name} was refused: {exc}")
        assert reader.format_id == EXPECTED_FORMAT[f.suffix], f.name
        assert parsed.measurements, f.name
        for m in parsed.measurements:
            assert m.kind == "spectrum" and m.signal == "y" and m.axes == ["x"]
            x, y = _xy(m)
            assert x.shape == y.shape and x.size > 0, f.name


def test_pe1800():
    (m,) = _parse("jcamp_PE1800.DX").measurements
    x, y = _xy(m)
    assert x.size == 3301 and (x[0], x[-1]) == (4000, 700)
    assert (m.columns["x"].unit, m.columns["y"].unit) == ("cm⁻¹", "transmittance")
    assert y[0] == pytest.approx(1.0160)  # FIRSTY
    assert (y.min(), y.max()) == pytest.approx((0.8631, 1.0189))  # MINY, MAXY
    assert m.instrument == "PERKIN-ELMER 1800"
    assert m.sample_name == "Isobutylacrylat 1 ul"
    assert m.metadata["technique"] == "FTIR"


def test_testspec_with_leading_spaces_and_checkpoint_line():
    (m,) = _parse("jcamp_TESTSPEC.DX").measurements
    x, y = _xy(m)
    assert x.size == 16384  # NPOINTS
    assert (x[0], x[-1]) == pytest.approx((24038.50, 0.0))
    assert y[0] == pytest.approx(2254931, abs=1)  # FIRSTY
    assert (y.min(), y.max()) == pytest.approx((-27593240, 972201806), abs=1)  # MINY, MAXY
    assert m.columns["x"].unit == "Hz" and m.metadata["technique"] == "NMR"
    assert m.instrument == "JEOL GX 400"


def test_compound_link_file_two_blocks():
    p = _parse("jcamp_example_compound_file.jdx")
    assert len(p.measurements) == 2
    bounds = [(0.032038, 0.529274, 0.032112), (0.190318, 1.205558, 0.193929)]
    for m, (miny, maxy, firsty) in zip(p.measurements, bounds):
        x, y = _xy(m)
        assert x.size == 2074
        assert (x[0], x[-1]) == pytest.approx((11995.21, 3999.691))
        assert (y.min(), y.max(), y[0]) == pytest.approx((miny, maxy, firsty), abs=2e-6)
        assert m.columns["y"].unit == "absorbance"


def test_multiline_datasets():
    (m,) = _parse("jcamp_example_multiline_datasets.jdx").measurements
    x, y = _xy(m)
    assert x.size == 1919
    assert (x[0], x[-1]) == pytest.approx((401.1, 7798.8), abs=0.05)
    assert y[0] == pytest.approx(1.014020, abs=1e-6)
    assert (y.min(), y.max()) == pytest.approx((0.948091, 1.019141), abs=1e-6)
    assert m.metadata["origin"] == "Origin test" and m.metadata["owner"] == "Owner test"
    assert m.instrument == "Test Spectrometer"


def test_isopropanol_asdf():
    (m,) = _parse("jcamp_isopropanol_ASDF.jdx").measurements
    x, y = _xy(m)
    assert x.size == 9541
    assert (x[0], x[-1]) == pytest.approx((400.2, 5000.0), abs=0.05)
    assert (y.min(), y.max()) == pytest.approx((-0.09, 0.37), abs=0.005)  # MINY, MAXY
    assert m.columns["y"].unit == "absorbance" and m.metadata["date"] == "28/8/2023"


def test_pktab1_peak_table():
    (m,) = _parse("jcamp_lancashire_pktab1.jdx").measurements
    x, y = _xy(m)
    assert x.size == 46
    assert (x[0], x[-1]) == (0, 386)
    assert x[np.argmax(y)] == 43 and y.max() == 1000
    assert m.columns["x"].unit == "m/z" and m.metadata["technique"] == "MS"


def test_xyinc1_npoints_and_firsty():
    p = _parse("jcamp_lancashire_xyinc1.jdx")
    (m,) = p.measurements
    x, y = _xy(m)
    assert x.size == 3601  # NPOINTS
    assert (x[0], x[-1]) == (400, 4000)
    assert y[0] == pytest.approx(4.47999984025955e-01, abs=1e-6)  # FIRSTY
    assert not p.warnings


def test_noencoding_malformed_label_milliseconds():
    (m,) = _parse("jcamp_noencoding_example.jdx").measurements
    x, y = _xy(m)
    assert x.size == 53 and (x[0], x[-1]) == (4, 56)
    assert (m.columns["x"].unit, m.columns["y"].unit) == ("ms", "nA")
    assert y[-1] == pytest.approx(12.8)  # 128 * YFACTOR 0.1


def test_spc_nir_every_point_of_all_20_subfiles_against_reference_dump():
    p = _parse("spc_nir.spc")
    assert len(p.measurements) == 20
    # reference layout: 700 rows, tab-separated: x then the 20 subfiles' y
    ref = np.loadtxt(SPECTRA / "spc_nir.spc.txt", delimiter="\t")
    assert ref.shape == (700, 21)
    for i, m in enumerate(p.measurements):
        x, y = _xy(m)
        np.testing.assert_array_equal(x, ref[:, 0])
        np.testing.assert_allclose(y, ref[:, i + 1], rtol=1e-10, atol=0)  # 12 digits printed
        assert (m.columns["x"].unit, m.columns["y"].unit) == ("nm", "Kubelka-Munk")
        assert m.metadata["technique"] == "NIR"


def test_spc_nir_text_dump_is_read_as_twenty_spectra():
    p = _parse("spc_nir.spc.txt")
    assert len(p.measurements) == 20
    spc = _parse("spc_nir.spc").measurements
    np.testing.assert_allclose(_xy(p.measurements[19])[1], _xy(spc[19])[1], rtol=1e-10)


def test_spc_ftir_single():
    (m,) = _parse("spc_Ft-ir.spc").measurements
    x, y = _xy(m)
    assert x.size == 1776 and (x[0], x[-1]) == (4000, 450)
    assert m.columns["y"].unit == "transmittance" and y.max() == pytest.approx(100.0)


def test_spc_xyxy_512_subfiles_each_with_its_own_x():
    p = _parse("spc_m_xyxy.spc")
    assert len(p.measurements) == 512
    sizes = [m.columns["x"].values().size for m in p.measurements]
    # MANIFEST says "5-8 pts" (the first subfiles); the file's own subfile directory
    # (at byte fnpts, 12 bytes per subfile: offset, size, z) gives every subfile's size
    # = 32-byte subheader + n float32 x + n int16 y, and sizes range from 3 to 53.
    raw = (SPECTRA / "spc_m_xyxy.spc").read_bytes()
    fnpts = int(np.frombuffer(raw, "<u4", 1, 4)[0])
    directory = np.frombuffer(raw, "<i4", 3 * 512, fnpts).reshape(-1, 3)
    # (entry 0 points at a padded copy of subfile 1 at the end, 96 bytes)
    assert sizes[1:] == ((directory[1:, 1] - 32) // 6).tolist()
    assert sizes[:3] == [8, 6, 5] and (min(sizes), max(sizes)) == (3, 53)
    xs = {tuple(m.columns["x"].values()) for m in p.measurements}
    assert len(xs) > 1  # not every subfile got the first subfile's x
    assert all(m.columns["x"].unit == "m/z" for m in p.measurements)


def test_spc_old_format_doerner():
    (m,) = _parse("spc_DOERNER_oldformat.spc").measurements
    x, y = _xy(m)
    assert (x[0], x[-1]) == (100, 1800) and x.size == 1602
    assert m.columns["x"].unit == "cm⁻¹" and m.metadata["technique"] == "Raman"
    # word order right: a smooth spectrum, not byte noise
    assert np.median(np.abs(np.diff(y))) < 0.01 * np.ptp(y)


def test_opus_ftir_ps_blocks_with_their_own_parameters():
    p = _parse("openspecy_ftir_ps.0")
    blocks = {m.metadata["opus_block"]: m for m in p.measurements}
    assert set(blocks) == {"AB", "ScSm", "ScRf"}
    assert p.measurements[0].metadata["opus_block"] == "AB"
    ab = blocks["AB"]
    x, y = _xy(ab)
    assert x.size == 2126
    assert (x[0], x[-1]) == pytest.approx((4497.5, 399.2), abs=0.05)
    assert (y.min(), y.max()) == pytest.approx((0.012989447, 0.61121404), rel=1e-6)  # MNY/MXY
    assert ab.columns["y"].unit == "absorbance" and ab.columns["x"].unit == "cm⁻¹"
    assert ab.sample_name == "sample1_PSnew" and ab.instrument == "VERTEX 70"
    # dates kept as the raw strings the instrument wrote (section 6.9)
    assert (ab.metadata["date"], ab.metadata["time"]) == ("28/10/2020", "14:33:02.042 (GMT-5)")
    assert _xy(blocks["ScRf"])[0].size == 2132
    assert not p.warnings  # every block's MNY/MXY agree with its data


def test_opus_background_reference_channel_only():
    p = _parse("scp_opus_background.0")
    (m,) = p.measurements
    x, _ = _xy(m)
    assert m.metadata["opus_block"] == "ScRf"
    assert x.size == 4096 and (x[0], x[-1]) == pytest.approx((5264.70, 0.0), abs=0.01)
    assert p.metadata["not_imported"] == ["IgRf"]


def test_text_spectra():
    (pva,) = _parse("openspecy_ftir_pva_without_header.csv").measurements
    x, _ = _xy(pva)
    assert x.size == 863 and (x[0], x[-1]) == pytest.approx((674.99, 3999.8), abs=0.01)
    (hdpe,) = _parse("openspecy_raman_hdpe.csv").measurements
    x, y = _xy(hdpe)
    assert x.size == 964 and (x[0], x[-1]) == pytest.approx((301.0, 3198.1), abs=0.05)
    assert np.all(y == np.round(y)) and hdpe.metadata["technique"] == "Raman"
    (asp,) = _parse("openspecy_ftir_ldpe_soil.asp").measurements
    x, _ = _xy(asp)
    assert x.size == 1798 and (x[0], x[-1]) == pytest.approx((3999.43, 650.42), abs=0.005)


def test_damaged_copies_raise_only_import_format_errors():
    """Truncated, bit-flipped and cut copies of every file are untrusted input: the
    reader either parses them or raises ImportFormatError, nothing else."""
    rng = np.random.default_rng(7)
    for f in sorted(SPECTRA.iterdir()):
        raw = f.read_bytes()
        reader = detect(raw, str(f))
        for k in range(24):
            b = bytearray(raw)
            if k % 3 == 0:
                b = b[: int(rng.integers(len(b)))]
            elif k % 3 == 1:
                for i in rng.integers(len(b), size=int(rng.integers(1, 20))):
                    b[i] = int(rng.integers(256))
            else:
                i = int(rng.integers(len(b)))
                del b[i : i + int(rng.integers(1, 200))]
            try:
                reader.parse(bytes(b), f.name)
            except ImportFormatError as exc:
                assert str(exc).startswith(f.name), exc
