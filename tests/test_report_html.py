"""The HTML report: content, provenance, language, and plots without colour only."""

from __future__ import annotations

import numpy as np

from workbench.model import Column, Measurement, Project, Quantity, Result
from workbench.report.html_report import build_report_html
from workbench.report.strings import TEXTS
from workbench.report.svgplot import PlotSpec, Series, nice_ticks, render_svg


def _project() -> Project:
    project = Project()
    s = project.add_sample("Spruce bark 2", feedstock_type="bark", supplier="Sawmill Oy")
    sha, _ = project.add_source(b"fake export bytes", "bark_tga.txt", "tga_netzsch")
    t = np.linspace(25, 900, 50)
    project.add_measurement(
        s.id,
        Measurement(
            id="m-1",
            kind="tga",
            columns={
                "temperature": Column("temperature", "°C", t, "Temperature"),
                "mass": Column("mass", "%", 100 - t / 10, "Mass"),
            },
            signal="mass",
            axes=["temperature"],
            label="TGA run 1",
            source_sha256=sha,
            source_name="bark_tga.txt",
            quantities={"moisture": Quantity(55.0, "%", "ar", method="ISO 18134-2")},
        ),
    )
    project.add_result(
        s.id,
        Result(
            id="r-1",
            plugin_id="tga_proximate",
            plugin_version="1.0.0",
            values={"ash": Quantity(3.1, "%", "db", origin="derived")},
        ),
    )
    return project


def _verdicts(project: Project) -> list[dict]:
    s = next(iter(project.samples.values()))
    return [
        {
            "sample": s.name,
            "sample_id": s.id,
            "route": "wood_chips",
            "route_name_en": "Wood chips",
            "route_name_fi": "Puuhake",
            "route_version": "1.2",
            "route_file": "wood_chips.toml",
            "verdict": "not suitable",
            "score": 20,
            "criteria": [
                {
                    "property": "ash",
                    "value": 3.1,
                    "unit": "%",
                    "basis": "db",
                    "origin": "derived",
                    "limit": 3.0,
                    "comparator": "<=",
                    "kind": "hard",
                    "result": "fail",
                    "source": "ISO 17225-1:2021 Table 4",
                }
            ],
            "missing": [],
            "suggestions": [{"action": "debark", "detail": "bark ash", "new_verdict": "suitable"}],
        }
    ]


def test_report_states_everything_a_reader_needs():
    project = _project()
    html = build_report_html(project, _verdicts(project)).replace("\u00a0", " ")
    for expected in (
        "Spruce bark 2",
        "Sawmill Oy",
        "ISO 18134-2",
        "TGA proximate analysis 1.0.0",  # the analysis by its name and version
        "Wood chips",
        "✘ not suitable",  # symbol and word, not only colour
        "Too much ash (at most 3 %, yours 3.1 %).",  # the reason in plain words
        "ISO 17225-1:2021 Table 4",
        "bark_tga.txt",
        project.sources[next(iter(project.sources))].sha256,
        "Wood chips 1.2",  # the route specification's version
        "debark",
        "data:image/svg+xml;base64,",
    ):
        assert expected in html, expected
    for raw in ("tga_proximate", "wood_chips", ".toml", "Project:"):  # no ids, no files
        assert raw not in html, raw


def test_report_in_finnish_uses_finnish_texts():
    project = _project()
    html = build_report_html(project, _verdicts(project), lang="fi")
    assert "Mihin materiaali soveltuu" in html
    assert "Puuhake" in html
    assert "ei sovellu" in html


def test_sources_keep_what_a_reader_can_find_and_drop_maintainers_notes():
    from workbench.report.sources import OWN_RULE, SourceIndex, citations

    assert [c.key for c in citations("[S90] Rynk et al., Table 4.2; [S92] CalRecycle")] == [
        "S90",
        "S92",
    ]
    assert (
        citations("[S80] Dissolving pulp (Wikipedia copy citing Biermann 1996; Sixta 2006)")[0].text
        == "Dissolving pulp"
    )
    assert citations("route-requirements.md section 6 and section 13, gap 8")[0].key == OWN_RULE
    index = SourceIndex()
    assert index.keys("ISO 17225-1:2021 Table 4") == "R1"
    assert index.keys("[S18] ENplus handbook (route-requirements.md section 3)") == "S18"
    assert [(c.key, c.text) for c in index.listing()] == [
        ("R1", "ISO 17225-1:2021 Table 4"),
        ("S18", "ENplus handbook"),
    ]


def test_every_report_text_has_both_languages():
    for key, (en, fi) in TEXTS.items():
        assert en.strip() and fi.strip(), key


def test_svg_plot_has_axes_labels_and_legend():
    spec = PlotSpec(
        "TGA", "Temperature (°C)", "Mass (%)", [Series("run 1", np.arange(5.0), np.arange(5.0))]
    )
    svg = render_svg(spec)
    assert "Temperature (°C)" in svg and "Mass (%)" in svg and "run 1" in svg
    assert svg.count("<polyline") == 1


def test_svg_plot_without_data_says_so_in_the_report_language():
    empty = PlotSpec("TGA", "T (°C)", "m (%)", [Series("run 1", np.array([]), np.array([]))])
    assert ">no data</text>" in render_svg(empty)
    assert ">ei tietoja</text>" in render_svg(empty, lang="fi")


def test_nice_ticks_are_round_and_cover_range():
    assert nice_ticks(0, 10, 5) == [0, 2, 4, 6, 8, 10]
    assert nice_ticks(25, 900, 5) == [200, 400, 600, 800]
