"""The PDF report's layout: short, whole words, whole numbers, and only the reader's words.

Issue 17 part 2: a company's report for one sample is at most 6 pages in either language
(one page of answers and reasons, then the evidence); no line break splits a word or a
number from its unit ("0.163 / 9"); no maintainers' notes, document references, raw ids
or "Project: demo" reach it. The checks read the laid-out document, the same layout the
PDF is painted from.
"""

from __future__ import annotations

import itertools
import re

import pytest

from workbench.model import Measurement, Project, Quantity, new_id
from workbench.report.writer import report_document

UNIT_START = re.compile(r"^(%|°|MJ|mg|kg|g/|mm|µm|cm|kWh|GJ|ppm|/|–\d|-\d)")
FORBIDDEN = re.compile(
    r"Project: demo|Projekti: demo|route-requirements|\.md\b|\.toml\b|Wikipedia|\bgap \d|"
    r"\b[a-z]+_[a-z_]+\b|workbench policy|työkalun käytäntö"
)


def company_project() -> Project:
    """One side stream as the wizard makes it: a kind, typed values, an answer."""
    project = Project()
    sample = project.add_sample("Sawmill bark, spring 2026", feedstock_type="bark")
    sample.metadata["chemical_treatment"] = "untreated"
    typed = {"moisture": (45.0, "ar"), "ash": (2.1, "db"), "nitrogen": (0.4, "db")}
    typed |= {"volatile_matter": (75.0, "db"), "carbon": (51.0, "db")}
    quantities = {
        pid: Quantity(v, "%", basis, method="typed in", origin="typed")
        for pid, (v, basis) in typed.items()
    }
    m = Measurement(id=new_id("m"), kind="properties", quantities=quantities, label="Typed")
    project.add_measurement(sample.id, m)
    return project


def layout_problems(document) -> list[str]:
    """Words broken across lines and numbers parted from their unit or comparator."""
    problems = []
    lines = list(document.lines())
    for (_p, before, wrapped), (_q, after, _w) in itertools.pairwise(lines):
        if not wrapped or not before or not after:
            continue
        end, start = before.rstrip(), after.lstrip()
        if before[-1].isalnum() and after[0].isalnum():
            problems.append(f"word broken: {before[-15:]!r} | {after[:15]!r}")
        elif end[-1:].isdigit() and UNIT_START.match(start):
            problems.append(f"number parted from its unit: {end[-15:]!r} | {start[:15]!r}")
        elif end[-1:] in "/–<>≤≥" and start[:1].isdigit():
            problems.append(f"number parted: {end[-15:]!r} | {start[:15]!r}")
    return problems


@pytest.mark.parametrize("lang", ["en", "fi"])
def test_company_report_for_one_sample_is_short_whole_and_plain(qapp, lang):
    project = company_project()
    document = report_document(project, ["Sawmill bark, spring 2026"], lang)
    assert 2 <= document.page_count() <= 6
    assert layout_problems(document) == []
    text = "\n".join(document.page_text(p) for p in range(document.page_count()))
    assert not FORBIDDEN.search(text), FORBIDDEN.search(text)
    first = document.page_text(0)
    assert "Sawmill bark, spring 2026" in first
    # page 1 answers every route in plain words
    words = (
        ("Too much ash", "not suitable") if lang == "en" else ("Tuhka on liian suuri", "ei sovellu")
    )
    assert all(w in first for w in words), first
    assert ("Demonstration" in text) is False and ("Esittely" in text) is False


@pytest.mark.parametrize("lang", ["en", "fi"])
def test_every_demo_sample_report_fits_six_pages_and_the_whole_report_is_laid_out_whole(
    qapp, demo_project, lang
):
    whole = report_document(demo_project, None, lang)
    assert whole.page_count() <= 6 * len(demo_project.samples)
    assert layout_problems(whole) == []
    text = "\n".join(whole.page_text(p) for p in range(whole.page_count()))
    assert not FORBIDDEN.search(text), FORBIDDEN.search(text)
    for sample in demo_project.samples.values():
        one = report_document(demo_project, [sample.name], lang)
        assert one.page_count() <= 6, (sample.name, one.page_count())


def test_pdf_pages_are_the_laid_out_pages(qapp, tmp_path):
    project = company_project()
    document = report_document(project, None, "fi")
    out = tmp_path / "r.pdf"
    document.write_pdf(out)
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", data)) == document.page_count()
    image = document.render_page(0, dpi=40)
    assert abs(image.width() - 210 / 25.4 * 40) <= 1 and abs(image.height() - 297 / 25.4 * 40) <= 1
