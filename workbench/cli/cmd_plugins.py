"""``fibre-workbench plugins [--json]``: every discovered analysis plugin and its status;
``plugins show ID``: one plugin with every parameter, its default and allowed values."""

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
    p.add_argument(
        "action", nargs="?", choices=["show"], help="show: describe one plugin (show ID)"
    )
    p.add_argument("plugin_id", nargs="?", help="with show: the plugin id")
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p.add_argument(
        "--traceback", action="store_true", help="with a failed plugin, print its full traceback"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from workbench.analysis.registry import discover
    from workbench.paths import user_subdir

    registry = discover()
    if args.action == "show":
        return _show(registry, args)
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


def _show(registry, args: argparse.Namespace) -> int:
    from workbench.errors import UserFacingError
    from workbench.reference_docs import plugin_text

    if not args.plugin_id:
        raise UserFacingError("plugins show needs a plugin id (see 'fibre-workbench plugins').")
    record = next((r for r in registry if r.id == args.plugin_id), None)
    if record is None:
        from workbench.analysis.pipelines import list_pipelines

        known = ", ".join(sorted(r.id for r in registry)) or "none"
        if args.plugin_id in list_pipelines():
            raise UserFacingError(
                f"{args.plugin_id!r} is a preprocessing pipeline, not a plugin: "
                f"'fibre-workbench pipelines show {args.plugin_id}' shows its steps "
                f"(plugins: {known})"
            )
        raise UserFacingError(f"no plugin {args.plugin_id!r} (plugins: {known})")
    if args.json:
        doc = record.to_json()
        if not args.traceback:
            doc.pop("traceback", None)
        print(json.dumps(doc, indent=2, ensure_ascii=False))
        return 0
    if record.manifest is None or record.status != "ok":
        raise UserFacingError(f"plugin {record.id} failed to load: {record.error}")
    print(plugin_text(record.manifest, record.origin, record.source))
    return 0
