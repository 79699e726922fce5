"""``fibre-workbench pipelines``: list, show and save spectral preprocessing pipelines.

    fibre-workbench pipelines [list] [--project P] [--json]
    fibre-workbench pipelines show NAME [--project P] [--json]
    fibre-workbench pipelines save NAME STEPS_JSON [--project P] [--description TEXT]

Without ``--project`` a saved pipeline goes to the user folder (shared by all
projects); with it, into the project file (saved atomically).
"""

from __future__ import annotations

import argparse
import json


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "pipelines",
        help="list, show or save named spectral preprocessing pipelines",
        description="Named spectral preprocessing pipelines (SNV, MSC, Savitzky-Golay, "
        "baseline, normalisation, range, resampling) used by the spectral_preprocessing, "
        "pca and pls_calibration plugins. STEPS_JSON is a JSON list such as "
        '\'[{"op": "snv"}, {"op": "savgol", "window": 15, "polyorder": 2, "deriv": 1}]\'.',
    )
    p.add_argument("action", nargs="?", default="list", choices=["list", "show", "save"])
    p.add_argument("name", nargs="?", help="pipeline name (show, save)")
    p.add_argument("steps", nargs="?", help="JSON list of steps (save)")
    p.add_argument("--project", help="project file: read its pipelines / save into it")
    p.add_argument("--description", default="", help="description stored with a saved pipeline")
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p.add_argument(
        "--replace",
        action="store_true",
        help="replace a saved pipeline whose name differs only in case or spacing",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from workbench.analysis.pipelines import (
        describe,
        list_pipelines,
        load_pipeline,
        resolve_pipeline,
        save_pipeline,
    )
    from workbench.cli._common import existing_project
    from workbench.errors import SpecificationError, UserFacingError

    project = None
    if args.project:
        from workbench.project.store import open_project

        writes = args.action == "save"
        project = open_project(
            existing_project(args.project), read_only=not writes, for_writing=writes
        )
    try:
        if args.action == "list":
            names = list_pipelines(project)
            doc: dict = {}
            for n, o in names.items():  # one broken file is listed, not fatal for all
                try:
                    doc[n] = {"origin": o, "steps": load_pipeline(n, project=project)}
                except SpecificationError as exc:
                    doc[n] = {"origin": o, "steps": None, "error": str(exc)}
            if args.json:
                print(json.dumps(doc, indent=2, ensure_ascii=False))
            else:
                width = max(len(n) for n in doc)
                for n, d in doc.items():
                    what = (
                        describe(d["steps"]) if d["steps"] is not None else f"BROKEN: {d['error']}"
                    )
                    print(f"{n:<{width}}  {d['origin']:<8}  {what}")
            return 0
        if not args.name:
            raise UserFacingError(f"'pipelines {args.action}' needs a pipeline name.")
        if args.action == "show":
            steps = load_pipeline(args.name, project=project)
            print(json.dumps(steps, indent=2) if args.json else describe(steps))
            return 0
        if not args.steps:
            raise UserFacingError("'pipelines save' needs the steps as a JSON list.")
        steps = resolve_pipeline(
            args.steps if args.steps.strip().startswith("[") else "[" + args.steps + "]"
        )
        save_pipeline(
            args.name, steps, project=project, description=args.description, replace=args.replace
        )
        if project is not None:
            from workbench.project.store import save_project

            save_project(project)
        where = args.project if project is not None else "the user folder"
        print(f"Saved pipeline {args.name!r} in {where}: {describe(steps)}")
        return 0
    finally:
        if project is not None:
            from workbench.project.store import close_project

            close_project(project)
