"""Issue 16 part 5: ``fibre-workbench search`` over a folder of projects, by their indexes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import h5py
import pytest

from workbench.cli.main import main
from workbench.demo import write_demo
from workbench.project import search as search_module
from workbench.project.search import Query, search
from workbench.project.store import close_project, save_project
from workbench.project.synthetic import make_project

FIXTURE_V0 = Path(__file__).parent / "fixtures" / "project_v0.fwproj"


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lab")
    (folder / "2025").mkdir()
    write_demo(folder / "2025" / "demo.fwproj")
    p = make_project(12)
    save_project(p, folder / "synthetic.fwproj")
    close_project(p)
    shutil.copy(FIXTURE_V0, folder / "old_v0.fwproj")
    return folder


def test_words_and_conditions(lab, capsys):
    out = search(lab, Query.parse(["bark"]))
    names = {h.sample for h in out.hits}
    assert "Spruce bark" in names
    assert len(out.searched) == 2 and list(out.skipped) == [str(lab / "old_v0.fwproj")]
    out = search(lab, Query.parse(["ash_550<=0.6"], kind="tga"))
    assert out.hits and all(float(h.values["ash_550<=0.6"].split()[0]) <= 0.6 for h in out.hits)
    assert main(["search", str(lab), "ash_550<=0.6", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert {h["sample_id"] for h in doc["hits"]} >= {h.sample_id for h in out.hits}


def test_walk_searches_files_without_an_index(lab):
    out = search(lab, Query.parse(["birch"]), walk=True)
    assert {h.project.name for h in out.hits} >= {"demo.fwproj", "old_v0.fwproj"}
    assert not out.skipped


def test_reads_one_dataset_per_file(lab, monkeypatch):
    """Through the index: no walk, no object opened but the index."""
    opened = []
    real = h5py.File.__getitem__

    def spy(self, name):
        opened.append(name)
        return real(self, name)

    monkeypatch.setattr(h5py.File, "__getitem__", spy)
    monkeypatch.setattr(search_module, "walked_document", lambda p: pytest.fail("walked"))
    search(lab, Query.parse(["birch"]))
    assert set(opened) <= {"index"}


def test_stale_file_is_listed_not_misread(lab, tmp_path):
    stale = tmp_path / "stale.fwproj"
    shutil.copy(lab / "synthetic.fwproj", stale)
    with h5py.File(stale, "r+") as f:
        f.create_group("added")
    out = search(tmp_path, Query.parse([]))
    assert out.hits == [] and "out of date" in out.skipped[str(stale)]


def test_bad_condition_is_one_line(lab, capsys):
    assert main(["search", str(lab), "ash<=x"]) == 2
    err = capsys.readouterr().err
    assert "not a condition" in err and len(err.strip().splitlines()) == 1
