"""``fibre-workbench info PATH [--json]``: what a project holds, without loading its arrays."""

from __future__ import annotations

import argparse
import json

from workbench.cli._common import existing_project


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "info",
        help="summarise a project (samples, measurements, results, sources)",
        description="Summarise a project: samples, measurements (kind, points, axis range, "
        "units, source file SHA-256), derived results and stored source files. Opens the "
        "file read-only and reads no arrays except each curve's axis.",
    )
    p.add_argument("path", help="project file (.fwproj)")
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p.add_argument(
        "--verify",
        action="store_true",
        help="check the whole file: every object against the project index (exit 2 on a problem)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from workbench.project.store import (
        close_project,
        no_cyclic_gc,
        open_project,
        state_of,
        take_notices,
    )
    from workbench.summary import format_summary, project_summary

    if args.verify:
        from workbench.project.verify import verify

        report = verify(existing_project(args.path))
        print("\n".join(report.lines()))
        return 0 if report.ok else 2
    project = open_project(existing_project(args.path), read_only=True)
    try:
        with no_cyclic_gc():  # hundreds of thousands of small objects, none in a cycle
            doc = project_summary(project, state_of(project).loaded_version, plain=args.json)
    finally:
        close_project(project)
    if args.json:
        print(json.dumps(doc, indent=2, ensure_ascii=False))
    else:
        print(format_summary(doc))
        take_notices()  # recovery files are named among the summary's warnings
    return 0
