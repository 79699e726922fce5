"""End to end through the CLI: import the constructed files, analyse, read back with info --json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.cli.main import main

CONSTRUCTED = Path(__file__).resolve().parents[1] / ".." / "shared" / "samples" / "constructed"
pytestmark = pytest.mark.skipif(
    not CONSTRUCTED.exists(), reason="../shared/samples/constructed is not available"
)


def _json(capsys, argv: list[str]) -> dict:
    capsys.readouterr()
    assert main(argv) == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


def test_import_analyse_info(tmp_path, capsys):
    truth = json.loads((CONSTRUCTED / "truth.json").read_text())
    project = str(tmp_path / "e2e.fwproj")
    assert main(["new", project]) == 0
    files = [
        CONSTRUCTED / n
        for n in ("per_fibre_fi_semicolon_comma_cp1252.csv", "moisture_weighings_fi.csv")
    ]
    assert main(["import", "--new-sample", project, *map(str, files)]) == 0
    doc = _json(capsys, ["analyse", project, "fibre_length", "--json"])
    assert doc["saved"] and len(doc["results"]) == 1
    doc = _json(
        capsys, ["analyse", project, "moisture_ash", "--json", "--param", "moisture_limit=0.5"]
    )
    assert {r["sample"] for r in doc["results"]} == {"Koivuhake 1", "Kuori 2"}
    # Koivuhake 1 replicates differ by 0.70 points: flagged against a 0.5 limit
    koivu = next(r for r in doc["results"] if r["sample"] == "Koivuhake 1")
    assert any("Replicates disagree" in m for m in koivu["messages"])
    info = _json(capsys, ["info", project, "--json"])
    values = {}
    for sample in info["samples"]:
        for result in sample.get("results", []):
            for prop, q in result["values"].items():
                values[(sample["name"], prop)] = q
    fibre = truth["per_fibre_fi_semicolon_comma_cp1252.csv"]
    name = next(n for n, p in values if p == "fibre_length_lw")
    assert values[(name, "fibre_length_lw")]["value"] == pytest.approx(fibre["Lw_mm"], rel=1e-9)
    assert values[(name, "fibre_length_lw")]["unit"] == "mm"
    moist = values[("Kuori 2", "moisture")]
    assert moist["value"] == pytest.approx(
        truth["moisture_weighings_fi.csv"]["Kuori 2"]["moisture_wb_pct_mean"], rel=1e-9
    )
    assert (moist["unit"], moist["basis"]) == ("%", "ar")
