"""Writing a report file (HTML or PDF) for a project or some of its samples.

The verdicts are computed fresh from the project (the classifier is fast and pure),
so a report always matches the data it describes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.errors import UserFacingError
from workbench.fileio import atomic_write_text
from workbench.model import Project, Sample
from workbench.report.html_report import build_report_html, report_sections
from workbench.report.strings import text

if TYPE_CHECKING:
    from workbench.gui.report_pdf import ReportDocument


def report_inputs(
    project: Project, sample_names: list[str] | None = None
) -> tuple[list[Sample], list[dict[str, Any]]]:
    """The samples a report covers and their verdicts (with learned predictions)."""
    from workbench.classify.engine import classify_samples
    from workbench.classify.learned import attach_predictions
    from workbench.classify.routes import load_routes
    from workbench.export import select_samples

    samples = select_samples(project, sample_names)
    verdicts = [v.to_json() for v in classify_samples(samples, load_routes())]
    attach_predictions(project, verdicts)
    return samples, verdicts


def report_title(samples: list[Sample], lang: str) -> str:
    if len(samples) == 1:
        return text("title_sample", lang, samples[0].name)
    return text("title_project", lang)


def report_document(
    project: Project, sample_names: list[str] | None = None, lang: str = "en"
) -> ReportDocument:
    """The report laid out on A4 pages (Qt, headless): for a PDF, page pictures, tests."""
    samples, verdicts = report_inputs(project, sample_names)
    return _laid_out(project, samples, verdicts, lang)


def _laid_out(
    project: Project, samples: list[Sample], verdicts: list[dict[str, Any]], lang: str
) -> ReportDocument:
    from workbench.gui.report_pdf import ReportDocument

    ids = [s.id for s in samples]
    return ReportDocument(
        lambda embed: report_sections(project, verdicts, sample_ids=ids, lang=lang, embed=embed)[1],
        report_title(samples, lang),
        lang,
    )


def write_report(
    project: Project,
    out: str | Path,
    *,
    sample_names: list[str] | None = None,
    lang: str = "en",
) -> str:
    """Write the report to ``out`` (.html or .pdf); returns a one-line summary."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in {".html", ".htm", ".pdf"}:
        raise UserFacingError(f"{out}: a report is written as .html or .pdf, not {suffix!r}")
    if not out.parent.is_dir():
        raise UserFacingError(f"{out.parent}: no such folder")
    samples, verdicts = report_inputs(project, sample_names)
    pages = ""
    if suffix == ".pdf":
        document = _laid_out(project, samples, verdicts, lang)
        document.write_pdf(out)
        pages = f", {document.page_count()} page(s)"
    else:
        ids = [s.id for s in samples]
        atomic_write_text(out, build_report_html(project, verdicts, sample_ids=ids, lang=lang))
    return f"wrote the report on {len(samples)} sample(s){pages} to {out}"
