"""Texts the code builds read in Finnish in a Finnish window (issue 17 part 6)."""

from __future__ import annotations


def test_task_title_has_the_finnish_plural(window, demo_project, qtbot, finnish_ui):
    window.set_project(demo_project)
    record = window.analysis.registry.get("moisture_ash")
    defaults = {p.name: p.default for p in record.manifest.parameters}
    sample = next(iter(demo_project.samples))
    one = window.analysis.run(record, [sample], defaults)
    qtbot.waitUntil(lambda: one.state != "running", timeout=30000)
    two = window.analysis.run(record, list(demo_project.samples)[:3], defaults)
    qtbot.waitUntil(lambda: two.state != "running", timeout=30000)
    assert one.title == "Kosteus ja tuhka, 1 näyte"
    assert two.title == "Kosteus ja tuhka, 3 näytettä"


def test_details_name_answers_values_and_columns_in_finnish(window, demo_project, finnish_ui):
    from workbench.gui.details_panel import DetailsPanel

    panel = DetailsPanel()
    sample = demo_project.find_sample("Birch chips")
    html = panel._sample_html(sample)
    assert "Kemiallinen käsittely" in html and "käsittelemätön" in html
    assert "Chemical treatment" not in html and "Demo key" not in html
    tga = next(m for m in sample.measurements.values() if m.kind == "tga")
    html = panel._measurement_html(demo_project, sample, tga)
    assert "Lämpötila" in html and ">Temperature<" not in html
