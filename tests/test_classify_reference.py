"""Reference feedstock library (every value cited) and nearest reference feedstocks."""

from __future__ import annotations

import pytest

from workbench.classify.reference import load_reference_library, nearest_references
from workbench.classify.routes import load_routes
from workbench.errors import SpecificationError
from workbench.model import Measurement, Quantity, Sample

LIB = load_reference_library()
ROUTES = load_routes(include_user=False).routes


def test_library_has_cited_values():
    assert len(LIB.entries) >= 30
    for e in LIB.entries:
        assert e.values, e.id
        for v in e.values.values():
            assert v.source in LIB.sources
            assert LIB.sources[v.source]["grade"] in ("A", "B", "C")
    assert LIB.citation("S101").startswith("[S101] Stolarski et al. 2022")


def test_ranges_keep_their_spread_and_middle():
    pine = next(e for e in LIB.entries if e.id == "pinus_stemwood")
    ash = pine.values["ash"]
    assert ash.range == (0.17, 1.14) and ash.value == pytest.approx(0.655)
    table = pine.table()
    col = table.column("ash", "db", "%")
    assert (col.lo[0], col.hi[0]) == (0.17, 1.14)
    assert col.source.owners[int(col.cand[0])].id == "reference:S101"


def test_library_sources_checked(tmp_path):
    path = tmp_path / "lib.toml"
    path.write_text(
        '[sources]\nS1 = { citation = "x", grade = "A" }\n[[feedstock]]\nid = "a"\nname_en = "A"\n'
        'name_fi = "A"\nfeedstock_type = "woody"\nvalues = [{ property = "ash", value = 1, source = "S9" }]\n',
        encoding="utf-8",
    )
    with pytest.raises(SpecificationError, match="source 'S9' is not in \\[sources\\]"):
        load_reference_library(path)


def _sample(**values) -> Sample:
    s = Sample(id="s-x", name="unknown bark?", feedstock_type="other")
    s.measurements["m"] = Measurement(id="m", kind="properties", quantities=values)
    return s


def test_nearest_references_for_a_bark_like_sample():
    s = _sample(ash=Quantity(3.08, "%", "db"))
    matches = nearest_references(s, k=3, library=LIB, routes=ROUTES)
    assert [m.entry.id for m in matches][:2] == ["norway_spruce_bark", "scots_pine_bark"]
    m = matches[0]
    assert m.shared == ["ash"] and m.distance < 0.05
    assert {v.route for v in m.verdicts} == {r.id for r in ROUTES}
    doc = m.to_json()
    assert doc["reference"] == "norway_spruce_bark"
    assert doc["verdicts"]["pellets_enplus_a1"] == "not suitable"  # bark is not an A1 origin


def test_nearest_references_use_converted_values_and_scales():
    # ash given as received (20 % moisture): 0.248 % ar = 0.31 % db -> red oak sawdust
    s = _sample(
        ash=Quantity(0.248, "%", "ar"),
        moisture=Quantity(20.0, "%", "ar"),
        volatile_matter=Quantity(86.2, "%", "db"),
        fixed_carbon=Quantity(13.5, "%", "db"),
    )
    (best,) = nearest_references(s, k=1, library=LIB, routes=ROUTES)
    assert best.entry.id == "red_oak_sawdust"
    assert set(best.shared) == {"ash", "moisture", "volatile_matter", "fixed_carbon"}


def test_sample_without_shared_properties_has_no_neighbours():
    s = _sample(curl=Quantity(5.0, "%", "none"))
    assert nearest_references(s, library=LIB, routes=ROUTES) == []


def test_reference_verdicts_show_borderline_ranges():
    # willow SRC ash 1.0-1.2 % db: ENplus A2 writes "≤ 1.2", so the whole range meets it
    # (the top of the range is at the limit); A1 "≤ 0.7" fails the whole range
    willow = next(e for e in LIB.entries if e.id == "willow_src")
    verdicts = {v.route: v for v in LIB.verdicts(willow, ROUTES)}
    assert verdicts["pellets_enplus_a2"].row("ash").result == "pass"
    assert verdicts["pellets_enplus_a1"].row("ash").result == "fail"
    # a range that crosses a limit is borderline: stemwood ash 0.17-1.14 against A1 0.7
    pine = next(e for e in LIB.entries if e.id == "pinus_stemwood")
    verdicts = {v.route: v for v in LIB.verdicts(pine, ROUTES)}
    assert verdicts["pellets_enplus_a1"].row("ash").result == "borderline"


def test_robust_spread_by_hand():
    from workbench.classify.reference import robust_spread

    # median 3, absolute deviations 2, 1, 0, 1, 97 -> median 1 -> 1.4826
    assert robust_spread([1, 2, 3, 4, 100]) == pytest.approx(1.4826)
    # MAD 0 falls back to the standard deviation
    assert robust_spread([5, 5, 5, 9]) == pytest.approx(2.0)
    assert robust_spread([7.0]) == 7.0
