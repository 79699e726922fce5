"""``fibre-workbench classify`` on a saved project (the demo project, end to end)."""

from __future__ import annotations

import json

import pytest

from workbench.cli.main import main


@pytest.fixture(scope="module")
def demo_project(tmp_path_factory):
    from workbench.demo import write_demo

    path = tmp_path_factory.mktemp("classify") / "demo.fwproj"
    write_demo(path)
    return path


def test_classify_json_lists_every_sample_and_route(demo_project, capsys):
    from workbench.classify.routes import load_routes

    assert main(["classify", str(demo_project), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    n_routes = len(load_routes())
    assert len(doc) % n_routes == 0 and len(doc) >= n_routes
    for v in doc:
        assert v["verdict"] in (
            "suitable",
            "conditionally suitable",
            "not suitable",
            "not enough data",
        )
        assert v["route_file"].endswith(".toml") and v["route_version"]
        assert "criteria" not in v  # rows only with --explain: the default stays small
        assert {"reasons", "missing", "conditions", "notes", "reasons_fi"} <= set(v)
    spruce_bark_a1 = next(
        v for v in doc if v["sample"] == "Spruce bark" and v["route"] == "pellets_enplus_a1"
    )
    assert spruce_bark_a1["verdict"] == "not suitable"
    assert spruce_bark_a1["reasons"] and spruce_bark_a1["score"] is None
    # with --explain every criterion row, and the same verdicts
    assert main(["classify", str(demo_project), "--json", "--explain"]) == 0
    explained = json.loads(capsys.readouterr().out)
    assert [(v["sample"], v["route"], v["verdict"], v["score"]) for v in explained] == [
        (v["sample"], v["route"], v["verdict"], v["score"]) for v in doc
    ]
    for v in explained:
        assert all(
            {"property", "value", "unit", "basis", "limit", "kind", "result", "source"} <= set(c)
            for c in v["criteria"]
        )
        assert (
            next(e for e in doc if e["sample_id"] == v["sample_id"] and e["route"] == v["route"])[
                "reasons"
            ]
            == v["reasons"]
        )


def test_classify_route_and_sample_filters(demo_project, capsys):
    assert (
        main(
            [
                "classify",
                str(demo_project),
                "--route",
                "wood_chips",
                "--sample",
                "spruce BARK",
                "--json",
            ]
        )
        == 0
    )
    (v,) = json.loads(capsys.readouterr().out)
    assert (v["sample"], v["route"]) == ("Spruce bark", "wood_chips")


def test_classify_table_and_explanation(demo_project, capsys):
    assert main(["classify", str(demo_project), "--route", "wood_chips"]) == 0
    out = capsys.readouterr().out
    assert "verdict" in out.splitlines()[0] and "not suitable" in out
    assert (
        main(
            [
                "classify",
                str(demo_project),
                "--route",
                "biogas",
                "--sample",
                "Wheat straw",
                "--explain",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "source: [S73]" in out and "verdict:" in out


def test_classify_bad_route_and_sample_are_user_errors(demo_project, capsys):
    assert main(["classify", str(demo_project), "--route", "nonsense"]) == 2
    assert "no route with id 'nonsense'" in capsys.readouterr().err
    assert main(["classify", str(demo_project), "--sample", "nobody"]) == 2
    assert "no sample named 'nobody'" in capsys.readouterr().err
    assert main(["classify", str(demo_project.parent / "missing.fwproj")]) == 2


def test_classify_nearest_references(demo_project, capsys):
    args = [
        "classify",
        str(demo_project),
        "--route",
        "pellets_enplus_a2",
        "--sample",
        "Wheat straw",
    ]
    assert main([*args, "--json", "--nearest", "2"]) == 0
    (v,) = json.loads(capsys.readouterr().out)
    refs = v["nearest_references"]
    assert len(refs) == 2 and refs[0]["distance"] <= refs[1]["distance"]
    assert refs[0]["feedstock_type"] == "straw"
    assert refs[0]["verdict"] in (
        "suitable",
        "conditionally suitable",
        "not suitable",
        "not enough data",
    )
    assert main([*args, "--nearest", "2"]) == 0
    assert "Nearest reference feedstocks to Wheat straw:" in capsys.readouterr().out
