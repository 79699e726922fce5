"""``fibre-workbench import PROJECT FILE_OR_FOLDER...``: import instrument exports."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "import",
        help="import instrument exports into a project",
        description="Import instrument exports (files or whole folders) into a project. "
        "The format is detected from each file's content.",
    )
    p.add_argument("project", help="project file (.fwproj)")
    p.add_argument("paths", nargs="+", help="files or folders to import")
    p.add_argument("--sample", help="put every measurement into this sample")
    p.add_argument(
        "--new-sample",
        action="store_true",
        help="create samples the file names (or one named after the file) when missing",
    )
    p.add_argument(
        "--sample-per-measurement",
        action="store_true",
        help="put each spectrum or curve of a file into a new sample of its own, named "
        "from the file (a multi-spectrum SPC or table file becomes one sample per spectrum)",
    )
    p.add_argument("--template", help="read the files with this named column-mapping template")
    p.add_argument(
        "--dry-run", action="store_true", help="show what would be imported; write nothing"
    )
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(func=run)


def empty_folders(paths: list[str]) -> list[str]:
    """The named folders in which nothing is there to import (no files at all, or only
    hidden ones and project, lock, temporary and JSON files, which an import skips)."""
    from workbench.importers.service import expand_paths

    return [p for p in paths if Path(p).is_dir() and not expand_paths([p])]


def run(args: argparse.Namespace) -> int:
    from workbench.importers.service import import_files
    from workbench.project.store import close_project, open_project, save_project

    empty = empty_folders(args.paths)
    project = open_project(args.project, read_only=args.dry_run, for_writing=not args.dry_run)
    try:
        summary = import_files(
            project,
            args.paths,
            sample_name=args.sample,
            new_sample=args.new_sample,
            template=args.template,
            dry_run=args.dry_run,
            per_measurement=args.sample_per_measurement,
        )
        if summary.count("imported") and not args.dry_run:
            save_project(project)
    finally:
        close_project(project)
    for folder in empty:
        # a user who named a file and got a folder (or an empty one) must hear of it
        print(
            f"{folder}: a folder with nothing to import in it (hidden files and .fwproj, "
            ".lock, .tmp and .json files are skipped); nothing was imported from it",
            file=sys.stderr if args.json else sys.stdout,
        )
    if args.json:
        print(json.dumps(summary.to_json(), indent=2, ensure_ascii=False))
    else:
        for o in summary.outcomes:
            # a refusal names its file itself ("a.csv: line 3: expected ..."): once is enough
            message = o.message.removeprefix(f"{o.path}: ")
            print(f"{o.status:16s} {o.path}: {message}")
        print(
            f"{summary.count('imported')} imported, {summary.count('already present')} already "
            f"present, {summary.count('failed')} failed"
            + (f", {summary.count('previewed')} previewed" if args.dry_run else "")
        )
    return 2 if summary.count("failed") or empty else 0
