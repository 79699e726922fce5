"""``fibre-workbench plugins [--json]``: every discovered analysis plugin and its status."""

from __future__ import annotations

import argparse
import json


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "plugins",
        help="list analysis plugins (id, version, origin, status, error)",
        description="List every analysis plugin found: built-in, installed through the "
        "'fibre_workbench.plugins' entry-point group, and in the user plugin folder. A "
        "plugin that failed to load is listed with its error, not hidden.",
    )
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p.add_argument(
        "--traceback", action="store_true", help="with a failed plugin, print its full traceback"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from workbench.analysis.registry import discover
    from workbench.paths import user_subdir

    registry = discover()
    records = [r.to_json() for r in registry]
    if args.json:
        doc = {"user_plugin_folder": str(user_subdir("plugins")), "plugins": records}
        if not args.traceback:
            for r in doc["plugins"]:
                r.pop("traceback", None)
        print(json.dumps(doc, indent=2, ensure_ascii=False))
        return 0
    if not records:
        print("No plugins found.")
    width = max([len(r["id"]) for r in records] + [2])
    for r in records:
        line = f"{r['id']:<{width}}  {r['version'] or '-':<8}  {r['origin']:<9}  {r['status']}"
        if r["status"] != "ok":
            line += f": {r['error']}"
        print(line)
        if r["status"] != "ok" and args.traceback and r["traceback"]:
            print("    " + r["traceback"].rstrip().replace("\n", "\n    "))
    print(f"User plugin folder: {user_subdir('plugins')}")
    return 0
