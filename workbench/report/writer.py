"""Writing a report file (HTML or PDF) for a project or one sample.

The verdicts are computed fresh from the project (the classifier is fast and pure),
so a report always matches the data it describes.
"""

from __future__ import annotations

from pathlib import Path

from workbench.errors import UserFacingError
from workbench.fileio import atomic_write_text
from workbench.model import Project
from workbench.report.html_report import build_report_html


def write_report(
    project: Project,
    out: str | Path,
    *,
    sample_names: list[str] | None = None,
    lang: str = "en",
) -> str:
    """Write the report to ``out`` (.html or .pdf); returns a one-line summary."""
    from workbench.classify.engine import classify_project
    from workbench.export import select_samples

    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in {".html", ".htm", ".pdf"}:
        raise UserFacingError(f"{out}: a report is written as .html or .pdf, not {suffix!r}")
    if not out.parent.is_dir():
        raise UserFacingError(f"{out.parent}: no such folder")
    samples = select_samples(project, sample_names)
    ids = [s.id for s in samples]
    from workbench.classify.learned import attach_predictions

    verdicts = [v.to_json() for v in classify_project(project) if v.sample_id in set(ids)]
    attach_predictions(project, verdicts)
    if suffix == ".pdf":
        from workbench.gui.report_pdf import write_pdf  # Qt lays out the PDF, headless

        write_pdf(
            lambda embed: build_report_html(
                project, verdicts, sample_ids=ids, lang=lang, embed=embed
            ),
            out,
        )
    else:
        atomic_write_text(out, build_report_html(project, verdicts, sample_ids=ids, lang=lang))
    return f"wrote the report on {len(samples)} sample(s) and {len(verdicts)} verdict(s) to {out}"
