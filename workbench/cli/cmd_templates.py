"""``fibre-workbench templates``: list, add, show, test and remove import templates.

A template teaches the importer one table layout (see ``workbench.importers.templates``);
``import --template NAME`` then reads such files. ``add`` validates a JSON file and
copies it into the user's templates folder; ``test`` reads a data file with a template
and prints what was understood, without touching any project. A template may map a
column to a property a project defines itself (``properties add``); ``--project`` names
that project, so ``add``, ``list`` and ``test`` know its properties (``import`` opens
the project anyway).
"""

from __future__ import annotations

import argparse
import json

from workbench.errors import SpecificationError


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "templates",
        help="list, add, show, test or remove column-mapping import templates",
        description="Manage import templates (JSON files describing a table layout: "
        "delimiter, decimal mark, header row, sample column, column -> property/unit).",
    )
    sub = p.add_subparsers(dest="action", required=True)
    ls = sub.add_parser("list", help="list saved templates (broken files with their error)")
    ls.add_argument("--json", action="store_true", help="print one JSON document")
    add = sub.add_parser("add", help="validate a template file and save it by its name")
    add.add_argument("file", help="template JSON file")
    add.add_argument(
        "--replace",
        action="store_true",
        help="replace another template whose name maps to the same file name",
    )
    show = sub.add_parser("show", help="print a saved template")
    show.add_argument("name")
    test = sub.add_parser("test", help="read a data file with a template (dry run)")
    test.add_argument("name")
    test.add_argument("file")
    for sp in (ls, add, test):
        sp.add_argument(
            "--project",
            metavar="PROJECT",
            help="a project whose own properties (properties add) the template may name",
        )
    rm = sub.add_parser("remove", help="delete a saved template")
    rm.add_argument("name")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    project_path = getattr(args, "project", None)
    if not project_path:
        try:
            return _run(args)
        except SpecificationError as exc:
            if "target" not in str(exc):
                raise
            raise SpecificationError(
                f"{exc} (a property a project defines itself is known with --project PROJECT)"
            ) from None
    from workbench.cli._common import existing_project
    from workbench.project.store import close_project, open_project

    # opening the project puts its own properties into the vocabulary (read-only, no lock)
    project = open_project(existing_project(project_path), read_only=True)
    try:
        return _run(args)
    finally:
        close_project(project)


def _run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from workbench.importers import templates as t
    from workbench.paths import user_subdir

    if args.action == "list":
        listed = t.list_templates()
        if args.json:
            doc = {
                "folder": str(user_subdir("templates")),
                "templates": [
                    {"name": n, "file": str(v)}
                    if isinstance(v, Path)
                    else {"name": n, "error": str(v)}
                    for n, v in listed.items()
                ],
            }
            print(json.dumps(doc, indent=2, ensure_ascii=False))
            return 0
        for name, entry in listed.items():
            print(f"{name}  ({entry})" if isinstance(entry, Path) else f"{name}  BROKEN: {entry}")
        if not listed:
            print("No import templates saved.")
        print(f"Template folder: {user_subdir('templates')}")
        return 0
    if args.action == "add":
        path = t.save_template(t.template_from_file(args.file), replace=args.replace)
        print(f"Saved template to {path}")
        return 0
    if args.action == "show":
        print(json.dumps(t.load_template(args.name).to_dict(), indent=2, ensure_ascii=False))
        return 0
    if args.action == "test":
        from workbench.importers.registry import read_file

        raw = read_file(args.file)
        parsed = t.parse_with_template(raw, args.file, t.load_template(args.name))
        print(json.dumps(parsed.summary(), indent=2, ensure_ascii=False, default=str))
        return 0
    t.delete_template(args.name)
    print(f"Removed template {args.name!r}")
    return 0
