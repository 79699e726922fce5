"""``fibre-workbench report PROJECT --out FILE.html|FILE.pdf [--sample NAME]``."""

from __future__ import annotations

import argparse

from workbench.cli._common import existing_project


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "report",
        help="write the suitability report (HTML or PDF)",
        description="Write a report of the project or of one sample: sample information, "
        "measurements with plots, the suitability matrix, each verdict's explanation, "
        "the sources of the limits and a provenance appendix.",
    )
    p.add_argument("project", help="project file (.fwproj)")
    p.add_argument("--out", required=True, help="output file ending in .html or .pdf")
    p.add_argument("--sample", action="append", help="only this sample (repeatable)")
    p.add_argument("--lang", choices=["en", "fi"], default="en", help="report language")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from workbench.project.store import close_project, open_project
    from workbench.report.writer import write_report

    project = open_project(existing_project(args.project), read_only=True)
    try:
        print(write_report(project, args.out, sample_names=args.sample, lang=args.lang))
    finally:
        close_project(project)
    return 0
