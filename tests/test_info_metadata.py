"""``info --json`` carries each measurement's metadata (sample mass, heating rate,
instrument settings) as the project stores it (issue 15)."""

from __future__ import annotations

import json

import numpy as np

from workbench.cli.main import main
from workbench.model import Column, Measurement, Project, new_id
from workbench.project.store import close_project, save_project


def test_info_json_includes_measurement_metadata(tmp_path, capsys):
    project = Project()
    sample = project.add_sample("Birch bark")
    t = np.linspace(25.0, 900.0, 50)
    meta = {"sample_mass_mg": 10.52, "heating_rate": "10 °C/min", "purge_gas": "N2"}
    project.add_measurement(
        sample.id,
        Measurement(
            id=new_id("m"),
            kind="tga",
            columns={
                "temperature": Column("temperature", "°C", t, "Temperature"),
                "mass": Column("mass", "%", np.linspace(100.0, 20.0, 50), "Mass"),
            },
            signal="mass",
            axes=["temperature"],
            metadata=meta,
        ),
    )
    path = tmp_path / "m.fwproj"
    save_project(project, path)
    close_project(project)
    assert main(["info", str(path), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    (m,) = doc["samples"][0]["measurements"]
    assert m["metadata"] == meta
