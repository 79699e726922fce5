"""The suitability report as one self-contained HTML document (English or Finnish).

A company hands this report on, so it says everything a reader needs without the
application and in the reader's words. For each sample: one page of answers and reasons
(what the material is, and for every product route the answer with its reasons in plain
words), then the evidence (every value used with its unit, basis, method and where it
came from; the curves; the checks of each route against its limits). A report on several
samples starts with an overview of all of them. The sources of the limits and what the
report was made from (application and route versions, input files with SHA-256) close it.
Verdicts are readable without colour: every answer carries a symbol and a word.

The same HTML is laid out on A4 pages by ``workbench.gui.report_pdf`` (Qt's text
renderer), so the markup sticks to what both browsers and QTextDocument render: tables,
headings, inline images, page breaks before each sample.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from typing import Any

from workbench import __version__
from workbench.model import Project, Sample, now_iso
from workbench.report import plain
from workbench.report.sample_pages import (
    VERDICT_STYLE,
    evidence,
    kind_label,
    result_label,
    summary_page,
    table,
    td,
)
from workbench.report.sources import OWN_RULE, SourceIndex
from workbench.report.strings import text
from workbench.safetext import html_escape as escape  # control chars visible

ImageEmbedder = Callable[[str, str], str]  # (svg text, id) -> <img> or inline markup

CSS = """
body { font-family: sans-serif; font-size: 9pt; color: #222; }
h1 { font-size: 16pt; margin-bottom: 2pt; }
h2 { font-size: 13pt; margin-top: 10pt; margin-bottom: 4pt; }
h3 { font-size: 10.5pt; margin-top: 9pt; margin-bottom: 3pt; }
p { margin-top: 2pt; margin-bottom: 3pt; }
table.grid { border-collapse: collapse; border-color: #b0b0b0; margin-top: 2pt; margin-bottom: 4pt; }
th { background-color: #ececec; font-weight: 600; }
.note { color: #555; font-size: 8pt; }
.route { margin-top: 7pt; margin-bottom: 1pt; }
.demo { background-color: #fff3b0; }
.sha { font-family: monospace; font-size: 7pt; }
.newpage { page-break-before: always; }
"""


def _inline_svg(svg: str, _id: str) -> str:
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f'<img alt="plot" width="320" src="data:image/svg+xml;base64,{data}"/>'


def _overview(samples: list[Sample], verdicts: list[dict[str, Any]], lang: str) -> str:
    """Samples by numbered routes, the route names listed below (fits a portrait page)."""
    routes: dict[str, str] = {}
    for v in verdicts:
        routes.setdefault(v["route"], plain.route_name(v, lang))
    cells = {(v.get("sample_id"), v["route"]): v for v in verdicts}
    head = f'<th align="left">{escape(text("sample", lang))}</th>' + "".join(
        f'<th align="center">{i}</th>' for i in range(1, len(routes) + 1)
    )
    rows = []
    for s in samples:
        row = [f"<td>{escape(s.name)}</td>"]
        for rid in routes:
            v = cells.get((s.id, rid))
            symbol, colour = VERDICT_STYLE.get(v["verdict"] if v else "", ("", "#ffffff"))
            row.append(f'<td align="center" bgcolor="{colour}">{symbol}</td>')
        rows.append(f"<tr>{''.join(row)}</tr>")
    names = "".join(f"<li>{escape(name)}</li>" for name in routes.values())
    legend = " · ".join(
        f"{symbol}\u00a0{escape(text(verdict, lang))}"
        for verdict, (symbol, _c) in VERDICT_STYLE.items()
    )
    return (
        '<table width="100%" cellspacing="0" cellpadding="2" border="1" class="grid">'
        f"<tr>{head}</tr>{''.join(rows)}</table><p>{legend}</p>"
        f"<p><b>{escape(text('routes', lang))}</b></p><ol>{names}</ol>"
    )


def _sources(sources: SourceIndex, lang: str) -> str:
    listing = sources.listing()
    if not listing:
        return ""
    items = []
    for c in listing:
        body = text("own_rule", lang) if c.key == OWN_RULE else c.text
        items.append(f"<tr><td><b>{escape(c.key)}</b></td><td>{escape(body)}</td></tr>")
    return (
        f"<h2>{escape(text('limit_sources', lang))}</h2>"
        f'<table cellspacing="0" cellpadding="2">{"".join(items)}</table>'
    )


def _about(
    project: Project, samples: list[Sample], verdicts: list[dict[str, Any]], lang: str
) -> str:
    parts = [f"<h2>{escape(text('about_report', lang))}</h2>"]
    demo = any(s.metadata.get("data") == "demonstration" for s in samples)
    if project.path is not None and not demo:
        parts.append(f"<p>{escape(text('project_file', lang, project.path.name))}</p>")
    routes = sorted(
        {(plain.route_name(v, lang), str(v.get("route_version", ""))) for v in verdicts}
    )
    if routes:
        listed = "; ".join(f"{name} {version}".strip() for name, version in routes)
        parts.append(f"<p><b>{escape(text('route_versions', lang))}:</b> {escape(listed)}</p>")
    analyses = sorted(
        {(result_label(r, lang), r.plugin_version) for s in samples for r in s.results.values()}
    )
    if analyses:
        listed = "; ".join(f"{name} {version}" for name, version in analyses)
        parts.append(f"<p><b>{escape(text('analyses_used', lang))}:</b> {escape(listed)}</p>")
    used = {m.source_sha256: m for s in samples for m in s.measurements.values() if m.source_sha256}
    rows = []
    for sha, m in used.items():
        src = project.sources.get(sha)
        if src is None:
            continue
        rows.append(
            [
                td(src.name),
                td(kind_label(m.kind, lang)),
                td(str(src.imported)[:10]),
                f'<td><span class="sha">{escape(sha)}</span></td>',
            ]
        )
    if rows:
        parts.append(f"<h3>{escape(text('input_files', lang))}</h3>")
        head = [text("file", lang), text("kind", lang), text("imported", lang), "SHA-256"]
        parts.append(table(head, rows, [28, 16, 12, 44]))
    return "".join(parts)


def _keep_numbers(html: str) -> str:
    """Numbers stay with their units in every sentence, the engine's included."""
    return re.sub(r">([^<]+)<", lambda m: ">" + plain.keep_numbers(m.group(1)) + "<", html)


def _document(title: str, body: str, lang: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"/>'
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>\n"
        f"{_keep_numbers(body)}\n</body></html>"
    )


def report_sections(
    project: Project,
    verdicts: list[dict[str, Any]],
    *,
    sample_ids: list[str] | None = None,
    lang: str = "en",
    embed: ImageEmbedder = _inline_svg,
) -> tuple[str, list[str]]:
    """The report's title and its sections, each a whole HTML document that starts on a
    new page: the overview (of several samples), then one section per sample (its page
    of answers, then its evidence), the last one closed by the sources and provenance.

    The PDF lays each section out by itself (short steps on a worker thread); the HTML
    report is the sections one after another (``build_report_html``).
    """
    samples = (
        [project.samples[i] for i in sample_ids] if sample_ids else list(project.samples.values())
    )
    chosen = {s.id for s in samples}
    verdicts = [v for v in verdicts if v.get("sample_id") in chosen]
    one = len(samples) == 1
    title = text("title_sample", lang, samples[0].name) if one else text("title_project", lang)
    written = text("written", lang, now_iso()[:10], __version__)
    head = [f"<h1>{escape(title)}</h1>", f'<p class="note">{escape(written)}</p>']
    if any(s.metadata.get("data") == "demonstration" for s in samples):
        head.append(f'<p class="demo">{escape(text("demo_notice", lang))}</p>')
    sections: list[list[str]] = []
    if not one:
        head.append(f"<h2>{escape(text('overview', lang))}</h2>")
        head.append(
            _overview(samples, verdicts, lang)
            if verdicts
            else f"<p>{escape(text('no_verdicts', lang))}</p>"
        )
        head.append(f'<p class="note">{escape(text("how_to_read", lang))}</p>')
        sections.append(head)
    plot_no = 0
    sources = SourceIndex()
    for s in samples:
        mine = [v for v in verdicts if v.get("sample_id") == s.id]
        part = head if one else [f"<h1>{escape(s.name)}</h1>"]
        part.append(summary_page(s, mine, lang))
        if one:
            part.append(f'<p class="note">{escape(text("how_to_read", lang))}</p>')
        part.append(f'<h2 class="newpage">{escape(text("evidence", lang, s.name))}</h2>')
        body, plot_no = evidence(s, mine, lang, embed, plot_no, sources)
        part.append(body)
        sections.append(part)
    if not samples:
        sections.append(head)
    sections[-1].append(_sources(sources, lang))
    sections[-1].append(_about(project, samples, verdicts, lang))
    return title, [_document(title, "\n".join(part), lang) for part in sections]


def build_report_html(
    project: Project,
    verdicts: list[dict[str, Any]],
    *,
    sample_ids: list[str] | None = None,
    lang: str = "en",
    embed: ImageEmbedder = _inline_svg,
) -> str:
    """The report as one HTML document. ``verdicts`` are the classifier's JSON verdicts."""
    _title, sections = report_sections(
        project, verdicts, sample_ids=sample_ids, lang=lang, embed=embed
    )
    bodies = [doc.split("<body>\n", 1)[1].rsplit("\n</body>", 1)[0] for doc in sections]
    joined = '\n<div class="newpage"></div>\n'.join(bodies)
    return sections[0].split("<body>\n", 1)[0] + "<body>\n" + joined + "\n</body></html>"
