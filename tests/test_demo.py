"""The demonstration project and the synthetic data it is built from."""

from __future__ import annotations

import json

import numpy as np
import pytest

from workbench import synth
from workbench.demo import build_demo_project, demo_data_path, load_demo_data
from workbench.errors import SpecificationError
from workbench.vocab import PROPERTIES, FeedstockType, MeasurementKind


@pytest.fixture(scope="module")
def demo():
    return build_demo_project()


@pytest.fixture(scope="module")
def data():
    return load_demo_data()[0]


def _by_kind(sample, kind):
    return [m for m in sample.measurements.values() if m.kind == kind]


def _entry(data, sample):
    return next(e for e in data["samples"] if e["key"] == sample.metadata["demo_key"])


def _target(entry, prop):
    for tv in entry["typical_values"]:
        if tv["property"] == prop:
            return tv["value"]
    return entry["assumptions"][prop]["value"]


def test_six_to_ten_labelled_samples(demo):
    assert 6 <= len(demo.samples) <= 10
    types = set()
    for s in demo.samples.values():
        assert s.metadata["data"] == "demonstration"
        assert s.supplier == "Demonstration data"
        assert s.notes.startswith("DEMONSTRATION DATA")
        types.add(FeedstockType(s.feedstock_type))
    assert {FeedstockType.BARK, FeedstockType.SAWDUST, FeedstockType.STRAW} <= types


def test_every_sample_has_moisture_ash_tga_and_nir(demo):
    for s in demo.samples.values():
        for kind in ("moisture", "ash", "tga", "spectrum"):
            assert len(_by_kind(s, kind)) == 1, (s.name, kind)
        for m in s.measurements.values():
            assert m.kind in {k.value for k in MeasurementKind}
            assert m.source_sha256 in demo.sources
            for col in m.columns.values():
                assert col.unit is not None
            for prop, q in m.quantities.items():
                assert q.unit == PROPERTIES[prop].unit and q.basis
        tga = _by_kind(s, "tga")[0]
        assert tga.is_curve and tga.signal == "mass" and tga.axes == ["temperature"]
        assert tga.columns["mass"].unit == "%" and tga.columns["time"].unit == "min"
        nir = _by_kind(s, "spectrum")[0]
        assert nir.columns["wavelength"].unit == "nm" and nir.n_points == 701


def test_deterministic(demo):
    again = build_demo_project()
    assert list(again.samples) == list(demo.samples)
    for sid, s in demo.samples.items():
        for mid, m in s.measurements.items():
            other = again.samples[sid].measurements[mid]
            for name, col in m.columns.items():
                assert np.array_equal(col.values(), other.columns[name].values())
            assert {k: q.to_json() for k, q in m.quantities.items()} == {
                k: q.to_json() for k, q in other.quantities.items()
            }


def test_every_typical_value_is_cited_and_in_the_vocabulary(data):
    sources = data["sources"]
    for entry in data["samples"]:
        for tv in entry["typical_values"]:
            assert tv["source"] in sources
            assert tv["unit"] == PROPERTIES[tv["property"]].unit
            assert tv["basis"] in ("ar", "db", "daf", "ad", "none")
        if "fibre" in entry:
            assert entry["fibre"]["source"] in sources
        # assumed values are never also given as published ones
        published = {tv["property"] for tv in entry["typical_values"]}
        assert not published & set(entry.get("assumptions", {}))
    for sid, src in sources.items():
        assert src["citation"] and src["grade"], sid


def test_typical_values_are_stored_with_their_sources(demo, data):
    for s in demo.samples.values():
        entry = _entry(data, s)
        lit = _by_kind(s, "properties")
        others = [tv for tv in entry["typical_values"] if tv["property"] not in ("moisture", "ash")]
        if not others:
            assert not lit
            continue
        (m,) = lit
        for tv in others:
            q = m.quantities[tv["property"]]
            assert q.value == tv["value"] and q.basis == tv["basis"] and q.origin == "typed"
            assert f"[{tv['source']}]" in q.method
            assert m.metadata["sources"][tv["property"]]["source"].startswith(tv["source"] + ":")


def test_moisture_from_weighings_by_hand(demo, data):
    # hand example (ISO 18134-2): dish 20 g, dish + wet 30 g, dish + dry 26 g -> 40 %
    w = {
        "dish_mass": np.array([20.0]),
        "dish_plus_wet_mass": np.array([30.0]),
        "dish_plus_dry_mass": np.array([26.0]),
    }
    assert synth.moisture_from_weighings(w)[0] == pytest.approx(40.0)
    for s in demo.samples.values():
        m = _by_kind(s, "moisture")[0]
        cols = {k: c.values() for k, c in m.columns.items()}
        wet, dry = cols["dish_plus_wet_mass"], cols["dish_plus_dry_mass"]
        per_rep = (wet - dry) / (wet - cols["dish_mass"]) * 100
        assert m.columns["dish_mass"].unit == "g" and m.columns["oven_temperature"].unit == "°C"
        q = m.quantities["moisture"]
        assert q.basis == "ar" and q.n == 3 and len(q.replicates) == 3
        assert q.value == pytest.approx(per_rep.mean(), abs=0.006)
        assert q.sd == pytest.approx(per_rep.std(ddof=1), abs=0.006)
        assert q.value == pytest.approx(_target(_entry(data, s), "moisture"), abs=1.5)


def test_ash_from_weighings_by_hand(demo, data):
    # hand example (ISO 18122): 0.02 g ash from 2 g sample at 6 % moisture:
    # 0.02 / 2 * 100 = 1.0 % ad; * 100 / (100 - 6) = 1.06383 % db
    w = {
        "crucible_mass": np.array([10.0]),
        "crucible_plus_sample_mass": np.array([12.0]),
        "crucible_plus_ash_mass": np.array([10.02]),
    }
    assert synth.ash_from_weighings(w, 6.0)[0] == pytest.approx(1.0638298, rel=1e-6)
    for s in demo.samples.values():
        m = _by_kind(s, "ash")[0]
        q = m.quantities["ash"]
        assert q.basis == "db" and q.unit == "%" and q.n == 2
        assert m.metadata["furnace_temperature_C"] == 550.0
        cols = {k: c.values() for k, c in m.columns.items()}
        assert np.all(cols["furnace_temperature"] == 550.0)
        ratio = (cols["crucible_plus_ash_mass"] - cols["crucible_mass"]) / (
            cols["crucible_plus_sample_mass"] - cols["crucible_mass"]
        )
        by_hand = ratio * 100 * 100 / (100 - cols["analysis_moisture"])
        assert q.value == pytest.approx(by_hand.mean(), abs=6e-4)
        target = _target(_entry(data, s), "ash")
        assert q.value == pytest.approx(target, rel=0.15, abs=0.03)


def test_tga_steps_match_moisture_volatiles_and_ash(demo):
    for s in demo.samples.values():
        m = _by_kind(s, "tga")[0]
        t = m.metadata["targets"]
        temp = m.columns["temperature"].values()
        minutes = m.columns["time"].values()
        mass = m.columns["mass"].values()
        dry = (100 - t["moisture_ar"]) / 100
        switch = int(np.searchsorted(minutes, 87.5))
        assert temp.min() == 25.0 and temp.max() == 900.0
        assert np.all(temp[switch:] == 900.0)  # isothermal hold after the gas switch
        assert 100 - mass[np.searchsorted(temp, 150.0)] == pytest.approx(t["moisture_ar"], abs=0.1)
        volatile_ar = mass[np.searchsorted(temp, 150.0)] - mass[switch]
        assert volatile_ar / dry == pytest.approx(t["volatile_matter_db"], abs=0.25)
        assert mass[-20:].mean() / dry == pytest.approx(t["ash_db"], abs=0.05)
        gases = [g["gas"] for g in m.metadata["gas_switches"]]
        assert gases == ["nitrogen", "air"]


def test_nir_water_bands_follow_moisture(demo):
    def water_band(name):
        s = next(x for x in demo.samples.values() if x.name == name)
        m = _by_kind(s, "spectrum")[0]
        x, y = m.columns["wavelength"].values(), m.columns["absorbance"].values()
        return y[np.argmin(abs(x - 1940))] - y[np.argmin(abs(x - 1800))]

    assert water_band("Fibre sludge") > water_band("Wheat straw") + 0.1


def test_fibre_lists_hit_their_published_lengths(demo, data):
    fibrous = 0
    for s in demo.samples.values():
        entry = _entry(data, s)
        lists = _by_kind(s, "fibre_particles")
        if "fibre" not in entry:
            assert not lists
            continue
        fibrous += 1
        (m,) = lists
        length = m.columns["length"].values()
        assert m.columns["length"].unit == "mm" and m.columns["width"].unit == "µm"
        assert len(length) == 4000 and np.all(length > 0)
        fibres = length[length >= 0.2]  # ISO 16065-2: shorter particles are fines
        if entry["fibre"]["weighting"] == "ln":
            achieved = fibres.mean()
        else:
            achieved = (fibres**2).sum() / fibres.sum()
        assert achieved == pytest.approx(entry["fibre"]["length_mm"], rel=1e-3)
    assert fibrous >= 3


def test_lognormal_moments():
    mu = synth.lognormal_mu(2.0, 0.5, "lw")
    assert np.exp(mu + 1.5 * 0.25) == pytest.approx(2.0)
    mu = synth.lognormal_mu(1.2, 0.6, "ln")
    assert np.exp(mu + 0.5 * 0.36) == pytest.approx(1.2)


def test_a_value_citing_an_unknown_source_is_refused(tmp_path):
    data = json.loads(demo_data_path().read_text(encoding="utf-8"))
    data["samples"][0]["typical_values"][0]["source"] = "S999"
    bad = tmp_path / "feedstocks.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SpecificationError, match="S999"):
        build_demo_project(bad)


def test_a_value_outside_the_vocabulary_is_refused(tmp_path):
    data = json.loads(demo_data_path().read_text(encoding="utf-8"))
    data["samples"][0]["typical_values"][0]["unit"] = "g/kg"
    bad = tmp_path / "feedstocks.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SpecificationError, match="vocabulary"):
        load_demo_data(bad)


def test_categorical_attributes_are_vocabulary_values(demo):
    from workbench.vocab import SAMPLE_ATTRIBUTES

    seen = 0
    for s in demo.samples.values():
        for attr in ("chemical_treatment", "wood_type"):
            if attr in s.metadata:
                assert s.metadata[attr] in SAMPLE_ATTRIBUTES[attr]
                seen += 1
    assert seen >= 10
    assert demo.samples["s-birch-chips"].metadata["wood_type"] == "hardwood"


def test_the_demo_speaks_finnish_with_the_same_values():
    from workbench.demo import build_demo_project

    en, fi = build_demo_project(), build_demo_project(lang="fi")
    assert [s.id for s in en.samples.values()] == [s.id for s in fi.samples.values()]
    birch_en, birch_fi = en.samples["s-birch-chips"], fi.samples["s-birch-chips"]
    assert (birch_en.name, birch_fi.name) == ("Birch chips", "Koivuhake")
    assert birch_fi.supplier == "Esittelyaineisto" and "ESITTELYAINEISTOA" in birch_fi.notes
    assert birch_fi.metadata == birch_en.metadata  # answers and markers are not words
    for m_en, m_fi in zip(birch_en.measurements.values(), birch_fi.measurements.values()):
        assert m_en.label != m_fi.label
        assert {k: q.value for k, q in m_en.quantities.items()} == {
            k: q.value for k, q in m_fi.quantities.items()
        }
