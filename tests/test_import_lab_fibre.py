"""Fibre-analyser summary reports and per-particle lists on inline fixtures, plus speed."""

from __future__ import annotations

import io
import time

import numpy as np
import pytest

from workbench.errors import ImportFormatError
from workbench.importers.registry import parse_bytes

REPORT_EN = (
    "Sample ID,Fibres counted,L(n) (µm),L(l) (µm),L(w) (µm),Fines count (%),"
    "Fines length (%),Width (mm),Curl (%),Kink (1/mm),Coarseness (µg/m),Fibrillation (%)\n"
    "Pulp A,10000,980,1870,2610,30.5,4.2,0.0321,14.2,0.412,150,1.5\n"
)


def test_report_micrometres_and_explicit_fines_converted_to_vocabulary_units():
    p = parse_bytes(REPORT_EN.encode("utf-8"), "r.csv")
    (m,) = p.measurements
    q = {k: (v.value, v.unit) for k, v in m.quantities.items()}
    assert q["fibre_length_ln"] == (pytest.approx(0.98), "mm")
    assert q["fibre_length_lw"] == (pytest.approx(1.87), "mm")
    assert q["fibre_length_lww"] == (pytest.approx(2.61), "mm")
    assert q["fines_count"] == (30.5, "%") and q["fines_length"] == (4.2, "%")
    assert q["fibre_width"] == (pytest.approx(32.1), "µm")
    assert q["kink"] == (pytest.approx(412.0), "1/m")
    assert q["coarseness"] == (pytest.approx(0.15), "mg/m")
    assert q["fibrillation"] == (1.5, "%")
    assert m.metadata["fibres_counted"] == 10000
    assert not p.warnings  # fines stated explicitly: no guess


def test_report_one_block_per_sample_finnish():
    raw = (
        "Kuituanalyysi\r\n\r\n"
        "Näyte;Koivu 1\r\nLn (mm);0,71\r\nLw (mm);0,93\r\nLww (mm);1,08\r\n"
        "Leveys (µm);19,8\r\nKiharuus (%);11,0\r\n\r\n"
        "Näyte;Mänty 2\r\nLn (mm);1,10\r\nLw (mm);2,05\r\nLww (mm);2,90\r\n"
    ).encode("cp1252")
    p = parse_bytes(raw, "fi.csv")
    assert p.format_id == "fibre_report"
    assert p.sample_names == ["Koivu 1", "Mänty 2"]
    a, b = p.measurements
    assert a.quantities["fibre_length_lww"].value == 1.08
    assert a.quantities["curl"].value == 11.0 and a.quantities["fibre_width"].unit == "µm"
    assert b.quantities["fibre_length_lw"].value == 2.05 and "curl" not in b.quantities


def test_report_unknown_unit_refused():
    raw = REPORT_EN.replace("Kink (1/mm)", "Kink (1/ft)").encode()
    with pytest.raises(ImportFormatError, match="1/ft"):
        parse_bytes(raw, "r.csv")


PARTICLES = (
    "Sample;Pulp X\r\n"
    "Fibre no;Length (µm);Width (µm);Curl (%);Kinks\r\n"
    "1;1500;25,5;3,5;1\r\n2;150;30,0;0,0;0\r\n3;2500;28,0;10,2;2\r\n"
    "Total;3\r\n"
)


def test_particles_micrometre_lengths_preamble_and_trailer():
    p = parse_bytes(PARTICLES.encode("cp1252"), "p.csv")
    assert p.format_id == "fibre_particles"
    (m,) = p.measurements
    np.testing.assert_allclose(m.columns["length"].values(), [1.5, 0.15, 2.5])
    assert m.columns["length"].unit == "mm" and m.columns["width"].unit == "µm"
    np.testing.assert_allclose(m.columns["width"].values(), [25.5, 30.0, 28.0])
    assert m.metadata["trailer"] == ["Total;3"]
    assert m.sample_name == "Pulp X"


def test_particles_utf16_cr_only():
    text = "Pituus (mm)\tLeveys (µm)\tKinkit\r1,2\t20,0\t0\r0,3\t22,0\t1\r"
    (m,) = parse_bytes(text.encode("utf-16"), "p.txt").measurements
    np.testing.assert_allclose(m.columns["length"].values(), [1.2, 0.3])
    np.testing.assert_array_equal(m.columns["kinks"].values(), [0, 1])


def test_particles_bad_value_names_line_and_value():
    raw = PARTICLES.replace("2;150;30,0", "2;1.150;30,0").encode("cp1252")
    with pytest.raises(ImportFormatError) as err:
        parse_bytes(raw, "p.csv")
    assert err.value.where == "line 4" and "1.150" in str(err.value)


def _particle_file(n: int) -> bytes:
    rng = np.random.default_rng(1)
    length = rng.lognormal(0.0, 0.7, n)
    width = rng.normal(28, 5, n)
    curl = rng.gamma(2, 3, n)
    kinks = rng.integers(0, 4, n)
    buf = io.StringIO()
    buf.write("Kuitu nro;Pituus (mm);Leveys (µm);Käyristymä (%);Kinkit\r\n")
    table = np.column_stack([np.arange(1, n + 1), length, width, curl, kinks])
    np.savetxt(buf, table, fmt=["%d", "%.3f", "%.1f", "%.1f", "%d"], delimiter=";", newline="\r\n")
    return buf.getvalue().replace(".", ",").encode("cp1252")


def _best_of(n: int, func) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(n):
        t0 = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - t0)
    return best, result


def _compare(n_particles: int) -> tuple[float, float, np.ndarray]:
    raw = _particle_file(n_particles)
    ours, parsed = _best_of(2, lambda: parse_bytes(raw, "big.csv").measurements[0])
    base, ref = _best_of(
        2, lambda: np.loadtxt(io.BytesIO(raw.replace(b",", b".")), delimiter=";", skiprows=1)
    )
    np.testing.assert_array_equal(parsed.columns["length"].values(), ref[:, 1])
    return ours, base, ref


def test_particles_parse_close_to_bare_loadtxt():
    ours, base, _ = _compare(200_000)
    assert ours < 2.0 * base + 0.2, (ours, base)


@pytest.mark.slow
def test_particles_one_million_benchmark():
    ours, base, ref = _compare(1_000_000)
    assert len(ref) == 1_000_000
    assert ours < 1.5 * base, (ours, base)
