"""The Details panel speaks in labels: no stored ids or importer keys as the user's text
(issue 17), each id kept as a small reference line for lab records."""

from __future__ import annotations

import numpy as np


def _measurement_with_file_facts():
    from workbench.model import Column, Measurement

    t = np.linspace(30, 800, 20)
    return Measurement(
        id="m-tga-7f3a9c21",
        kind="tga",
        columns={
            "temperature": Column("temperature", "°C", t, "Temperature"),
            "mass": Column("mass", "%", 100 - t / 10, "Mass"),
        },
        signal="mass",
        axes=["temperature"],
        label="TGA",
        metadata={
            "decimal_mark": ",",
            "delimiter": "\t",
            "drying_temperature_C": 105.0,
            "background_only": False,
            "Operator": "A. Virtanen",  # the file's own field name
            "gas_switches": [{"time_min": 45.0, "gas": "air"}],
        },
    )


def test_sample_details_name_no_identifier_row(window, demo_project):
    from workbench.gui.details_panel import DetailsPanel

    window.set_project(demo_project)
    sample = demo_project.samples["s-birch-chips"]
    panel = DetailsPanel()
    panel.show_ref(demo_project, ("sample", sample.id, None))
    lines = panel.text().splitlines()
    assert "Identifier" not in panel.text()
    # the id only on the last, small reference line
    assert [line for line in lines if sample.id in line] == [lines[-1]]
    assert lines[-1].startswith("Sample reference")


def test_measurement_details_label_what_the_file_stated(window, make_project):
    from workbench.gui.details_panel import DetailsPanel

    project = make_project(1, 0)
    sample = next(iter(project.samples.values()))
    m = _measurement_with_file_facts()
    project.add_measurement(sample.id, m)
    panel = DetailsPanel()
    panel.show_ref(project, ("measurement", sample.id, m.id))
    text = panel.text()
    for raw in ("decimal_mark", "delimiter", "drying_temperature_C", "background_only", '"'):
        assert raw not in text, raw
    assert "Stated in the file" in text and "How the file was read" in text
    assert "Drying temperature (°C)\n105" in text
    assert "Operator\nA. Virtanen" in text  # the file's own words as written
    assert "Decimal mark\ncomma (,)" in text and "Column separator\ntab" in text
    assert "Background only\nno" in text
    assert "Gas switches\nTime (min): 45, Gas: air" in text
    assert text.splitlines()[-1] == f"Measurement reference: {m.id}"


def test_result_details_name_a_run_by_its_samples(window, make_project):
    from workbench.gui.details_panel import DetailsPanel
    from workbench.model import Quantity, Result

    project = make_project(2, 1)
    sid = next(iter(project.samples))
    r = Result(
        id="r-5d2e8b41aa",
        plugin_id="pca",
        plugin_version="1.0",
        inputs=[{"type": "run", "id": "run-f4cfe15f", "samples": list(project.samples)}],
        values={"pca_components": Quantity(2.0, "")},
    )
    project.samples[sid].results[r.id] = r
    panel = DetailsPanel()
    panel.show_ref(project, ("result", sid, r.id))
    text = panel.text()
    assert "run-f4cfe15f" not in text and "Identifier" not in text
    assert "Run on several samples\n2 samples" in text
    assert text.splitlines()[-1] == f"Result reference: {r.id}"


def test_file_facts_in_finnish(finnish_ui):
    from workbench.gui.file_facts import file_facts

    stated, reading = file_facts({"decimal_mark": ",", "oven_temperature_C": 105.0})
    assert reading == [("Desimaalimerkki", "pilkku (,)")]
    assert stated[0][1] == "105"  # a number in the Finnish locale (no decimals needed)
