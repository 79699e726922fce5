"""Conformance of the TGA, moisture, ash and fibre importers on the shared sample files.

Every file in ../shared/samples/{tga,moisture,constructed} either imports with the
counts, ranges and values stated in MANIFEST.tsv and truth.json, or is refused with a
specific message. Skipped (with the reason) when ../shared is not beside the repo.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from workbench.errors import ImportFormatError
from workbench.importers.registry import detect, parse_path

SAMPLES = Path(__file__).resolve().parents[1] / ".." / "shared" / "samples"
pytestmark = pytest.mark.skipif(
    not SAMPLES.is_dir(), reason=f"shared sample files not found at {SAMPLES}"
)


def _truth() -> dict:
    return json.loads((SAMPLES / "constructed" / "truth.json").read_text())


def _parse(rel: str):
    return parse_path(SAMPLES / rel)[1]


def test_every_lab_sample_file_is_imported_or_refused_specifically():
    seen = 0
    for folder in ("tga", "moisture", "constructed"):
        for f in sorted((SAMPLES / folder).iterdir()):
            if f.name == "truth.json":
                continue
            seen += 1
            raw = f.read_bytes()
            reader = detect(raw, str(f))  # never "unknown format"
            assert reader.format_id, f
            try:
                parsed = parse_path(f)[1]
            except ImportFormatError as exc:
                assert f.name == "pkynetics_setaram_sample_tga_data.csv", str(exc)
                continue
            assert parsed.measurements, f
    assert seen == 10


def test_netzsch_single():
    p = _parse("tga/pytga_netzsch_TG209F1_single.txt")
    assert p.format_id == "tga_netzsch" and p.encoding == "cp1252"
    (m,) = p.measurements
    t = m.columns["temperature"].values()
    # MANIFEST says "271 data rows": 271 lines follow the ## header, the last is blank
    assert len(t) == 270
    assert t[0] == pytest.approx(27.141) and t[-1] == pytest.approx(699.641)
    assert m.columns["temperature"].unit == "°C"
    assert m.columns["time"].unit == "min" and m.columns["mass"].unit == "%"
    assert m.columns["mass"].values()[0] == pytest.approx(99.98948)
    assert m.columns["mass"].values()[-1] == pytest.approx(19.39108)
    assert m.signal == "mass" and m.axes == ["temperature"]
    assert m.metadata["sample_mass_mg"] == 8.91
    assert m.metadata["heating_rate"] == 5.0
    assert m.metadata["date"] == "30.03.2021 10:53"
    assert m.sample_name == "AlPyr" and "TG 209F1" in m.instrument
    assert m.metadata["crucible"] == "Al2O3 85 µl, open"


def test_ta_q500_utf16_markers_dropped():
    p = _parse("tga/pytga_ta_q500_utf16.txt")
    assert p.format_id == "tga_ta" and p.encoding == "utf-16-le"
    (m,) = p.measurements
    time = m.columns["time"].values()
    # 15580 rows after StartOfData: 3 marker rows (-3 start, -3 segment 2, -1 end)
    assert len(time) == 15577
    assert time.min() > 0 and time[0] == pytest.approx(6.66667e-4)
    assert time[-1] == pytest.approx(129.7958)
    assert m.columns["mass"].unit == "mg" and m.columns["mass"].values().min() > 17
    assert m.columns["temperature"].unit == "°C"
    kinds = [x["type"] for x in m.metadata["marker_rows_dropped"]]
    assert kinds == ["start", "start", "end"]
    assert m.metadata["sample_mass_mg"] == pytest.approx(20.821)
    assert m.metadata["heating_rate"] == 10.0
    assert [s["step"] for s in m.metadata["gas_switches"]] == [1, 8]
    assert m.sample_name == "example_sample"


def test_mettler_stare_three_curves_and_results():
    p = _parse("tga/cheminfo_mettler_stare_weight.txt")
    assert p.format_id == "tga_mettler_stare"
    assert len(p.measurements) == 3
    weight, heat, dtg = p.measurements
    assert weight.signal == "mass" and weight.columns["mass"].unit == "mg"
    assert heat.signal == "heat_flow" and heat.columns["heat_flow"].unit == "mW"
    assert dtg.signal == "dtg" and dtg.columns["dtg"].unit == "mg/s"
    for m in p.measurements:
        assert len(m.columns["time"].values()) == 2251
        assert m.columns["time"].unit == "s" and m.columns["temperature"].unit == "°C"
        assert m.sample_name == "TEST TGA"
        assert m.metadata["sample_mass_mg"] == pytest.approx(12.802)
    assert weight.columns["mass"].values()[0] == pytest.approx(12.8009)
    assert weight.columns["mass"].values()[-1] == pytest.approx(2.304)
    res = weight.metadata["evaluation_results"]
    assert res[0]["step_pct"] == pytest.approx(-66.9395)
    assert res[0]["delta_sign_lost"] is True
    assert res[0]["residue_pct"] == pytest.approx(33.0466)
    assert res[0]["inflection_point_C"] == pytest.approx(397.19)
    assert res[1]["residue_pct"] == pytest.approx(17.9972)
    assert weight.metadata["heating_rate"] == 30.0


def test_pyris_blocks_concatenated_with_step_column():
    p = _parse("tga/pytga_perkinelmer_pyris_tga.txt")
    (m,) = p.measurements
    step = m.columns["step"].values()
    assert len(step) == 12098  # "Total Points in Run: 12098"
    assert sorted(set(step.astype(int))) == list(range(1, 11))
    blocks = m.metadata["blocks"]
    assert len(blocks) == 10 and blocks[0]["type"] == "Isothermal"
    assert blocks[1]["type"] == "Temperature Scan"
    assert m.columns["temperature"].values().max() == pytest.approx(1000.32)
    assert m.columns["mass"].values()[0] == pytest.approx(7.021777)
    assert m.metadata["sample_mass_mg"] == 7.026
    assert m.metadata["date"] == "10/04/2023 08:20:41"
    gases = [(s["step"], s["gas"]) for s in m.metadata["gas_switches"]]
    assert gases == [(0, "Nitrogen"), (8, "Oxygen"), (10, "Nitrogen")]


def test_setaram_thousands_separators_refused_with_line_and_value():
    with pytest.raises(ImportFormatError) as err:
        _parse("tga/pkynetics_setaram_sample_tga_data.csv")
    msg = str(err.value)
    assert err.value.where == "line 2"
    assert "50.026.184" in msg and "Furnace Temperature" in msg and "not guessed" in msg
    # The refusal is right (reference/instrument-formats.md: "the values cannot be
    # recovered unambiguously"): the same column holds '50.026.184' and '5.002.491',
    # both about 50.02 °C, so the dots carry no place value. It says what to do.
    assert "export the data again without digit grouping" in msg


def test_mettler_moisture_printout():
    p = _parse("moisture/mettler_HS153_printout.txt")
    (m,) = p.measurements
    q = m.quantities["moisture"]
    assert q.value == pytest.approx(0.69) and q.unit == "%" and q.basis == "ar"
    assert q.origin == "measured" and "halogen moisture analyser" in q.method
    assert m.metadata["start_weight_g"] == 2.592 and m.metadata["dry_weight_g"] == 2.574
    assert m.metadata["drying_temperature_C"] == 105.0
    assert m.metadata["drying_time_min"] == 5.0
    assert m.metadata["date"] == "21.08.2019 12:33"
    assert m.sample_name is None and m.instrument == "Mettler Toledo HS153"
    assert not p.warnings


def test_moisture_weighings_match_truth_by_iso_formula():
    truth = _truth()["moisture_weighings_fi.csv"]
    p = _parse("constructed/moisture_weighings_fi.csv")
    assert p.sample_names == list(truth)
    for m in p.measurements:
        assert m.kind == "moisture" and m.method == "ISO 18134-2" and not m.quantities
        c = {k: v.values() for k, v in m.columns.items()}
        assert all(m.columns[k].unit == "g" for k in ("dish_mass", "dish_plus_wet_mass"))
        moist = (
            (c["dish_plus_wet_mass"] - c["dish_plus_dry_mass"])
            / (c["dish_plus_wet_mass"] - c["dish_mass"])
            * 100
        )
        np.testing.assert_allclose(moist, truth[m.sample_name]["replicates"], rtol=0, atol=1e-9)
        assert list(c["replicate"]) == [1.0, 2.0]
        assert m.metadata["oven_temperature_C"] == 105.0


def test_ash_weighings_match_truth_by_iso_formula():
    truth = _truth()["ash_weighings_550C.csv"]
    p = _parse("constructed/ash_weighings_550C.csv")
    assert p.sample_names == list(truth)
    for m in p.measurements:
        assert m.kind == "ash" and m.method == "ISO 18122 (550 °C)" and m.basis == "db"
        c = {k: v.values() for k, v in m.columns.items()}
        ash = (
            (c["crucible_plus_ash_mass"] - c["crucible_mass"])
            / (c["crucible_plus_sample_mass"] - c["crucible_mass"])
            * 100
            * 100
            / (100 - c["analysis_moisture"])
        )
        np.testing.assert_allclose(ash, truth[m.sample_name]["replicates"], rtol=0, atol=1e-9)
        assert m.metadata["furnace_temperature_C"] == 550.0
        assert m.metadata["sample_state"] == "dry"


def test_fibre_report_three_samples_match_truth():
    truth = _truth()["fibre_report_fi_decimal_comma.csv"]["samples"]
    p = _parse("constructed/fibre_report_fi_decimal_comma.csv")
    assert p.sample_names == list(truth)
    for m in p.measurements:
        t = truth[m.sample_name]
        q = m.quantities
        assert q["fibre_length_ln"].value == pytest.approx(t["Ln_mm"], abs=1e-12)
        assert q["fibre_length_lw"].value == pytest.approx(t["Lw_mm"], abs=1e-12)
        assert q["fibre_length_lww"].value == pytest.approx(t["Lww_mm"], abs=1e-12)
        assert q["fines_length"].value == pytest.approx(t["fines_pct"], abs=1e-12)
        assert q["fibre_length_ln"].unit == "mm" and q["fibre_width"].unit == "µm"
        assert m.method == "ISO 16065-2"
    assert any("fines" in w for w in p.warnings)


def test_per_fibre_list_matches_truth():
    truth = _truth()["per_fibre_fi_semicolon_comma_cp1252.csv"]
    p = _parse("constructed/per_fibre_fi_semicolon_comma_cp1252.csv")
    (m,) = p.measurements
    length = m.columns["length"].values()
    width = m.columns["width"].values()
    assert len(length) == truth["n_particles"]
    assert m.columns["length"].unit == "mm" and m.columns["width"].unit == "µm"
    fibres = length >= 0.2
    assert int(fibres.sum()) == truth["n_fibres"]
    lf = length[fibres]
    np.testing.assert_allclose(lf.mean(), truth["Ln_mm"], rtol=1e-9)
    np.testing.assert_allclose((lf**2).sum() / lf.sum(), truth["Lw_mm"], rtol=1e-9)
    np.testing.assert_allclose((lf**3).sum() / (lf**2).sum(), truth["Lww_mm"], rtol=1e-9)
    np.testing.assert_allclose(width[fibres].mean(), truth["mean_width_um"], rtol=1e-9)
    assert set(m.columns) == {"length", "width", "curl", "kinks"}
