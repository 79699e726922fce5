"""``fibre-workbench properties list|show|add|remove``: the property vocabulary.

``list`` prints the built-in property ids (and a project's own, when a project is
given) with unit, usual basis and label; ``show`` one property; ``add`` defines a
property of the project's own, stored in the project file (``workbench.properties``),
so ``--param property=ADF`` or a template column can name it; ``remove`` deletes an
unused one.
"""

from __future__ import annotations

import argparse
import json


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "properties",
        help="list, show or add property ids (the built-in ones and a project's own)",
        description="The vocabulary of properties: every value is named by a property id "
        "with its unit and basis. 'list' shows the built-in ids and a project's own; "
        "'add' defines a new one in a project (stored in the project file).",
    )
    sub = p.add_subparsers(dest="action", required=True)
    ls = sub.add_parser("list", help="list property ids (built-in, and the project's own)")
    ls.add_argument("project", nargs="?", help="project file (.fwproj): also its own properties")
    ls.add_argument("--json", action="store_true", help="print one JSON document")
    show = sub.add_parser("show", help="describe one property: show [PROJECT] ID")
    show.add_argument("args", nargs="+", metavar="[PROJECT] ID")
    show.add_argument("--json", action="store_true", help="print one JSON document")
    add = sub.add_parser("add", help="define a property in a project")
    add.add_argument("project", help="project file (.fwproj)")
    add.add_argument("id", help="the new property id, e.g. ADF or crude_protein")
    add.add_argument("--unit", required=True, help="its unit, e.g. %% or g/kg ('' for none)")
    add.add_argument(
        "--basis",
        default="none",
        help="its usual basis: ar (as received), ad (air dried), db (dry), daf (dry ash-free) "
        "or none (not a mass fraction; the default)",
    )
    add.add_argument("--label-en", default="", help="English label (default: the id)")
    add.add_argument("--label-fi", default="", help="Finnish label (default: the English one)")
    add.add_argument("--description", default="", help="what it is and how it is measured")
    rm = sub.add_parser("remove", help="delete a project's property that no value uses")
    rm.add_argument("project", help="project file (.fwproj)")
    rm.add_argument("id")
    p.set_defaults(func=run)


def _row(defn) -> dict:
    return {
        "id": defn.id,
        "unit": defn.unit,
        "basis": defn.basis.value,
        "label_en": defn.label_en,
        "label_fi": defn.label_fi,
        "mass_fraction": defn.mass_fraction,
        "description": defn.description,
        "origin": "project" if defn.user_defined else "built-in",
    }


def _print_table(rows: list[dict]) -> None:
    width = max(len(r["id"]) for r in rows)
    for r in rows:
        unit = r["unit"] or "-"
        basis = r["basis"] if r["basis"] != "none" else "-"
        own = "  (project)" if r["origin"] == "project" else ""
        print(f"{r['id']:<{width}}  {unit:<7} {basis:<4}  {r['label_en']}{own}")


def _open(path: str, read_only: bool):
    from workbench.cli._common import existing_project
    from workbench.project.store import open_project

    return open_project(existing_project(path), read_only=read_only, for_writing=not read_only)


def run(args: argparse.Namespace) -> int:
    from workbench import properties as up
    from workbench.errors import UserFacingError
    from workbench.project.store import close_project, save_project

    if args.action == "list":
        project = _open(args.project, True) if args.project else None
        try:
            rows = [_row(d) for d in up.all_definitions(project)]
        finally:
            if project is not None:
                close_project(project)
        if args.json:
            print(json.dumps({"properties": rows}, indent=2, ensure_ascii=False))
            return 0
        _print_table(rows)
        n_own = sum(r["origin"] == "project" for r in rows)
        own = f" and {n_own} of the project's own" if n_own else ""
        print(f"\n{len(rows) - n_own} built-in properties{own}. Columns: id, unit, basis, label.")
        return 0
    if args.action == "show":
        if len(args.args) > 2:
            raise UserFacingError("properties show takes [PROJECT] ID.")
        project = _open(args.args[0], True) if len(args.args) == 2 else None
        pid = args.args[-1]
        try:
            defs = {d.id: d for d in up.all_definitions(project)}
        finally:
            if project is not None:
                close_project(project)
        if pid not in defs:
            raise UserFacingError(up.unknown_property_message(pid))
        row = _row(defs[pid])
        if args.json:
            print(json.dumps(row, indent=2, ensure_ascii=False))
        else:
            for key, value in row.items():
                print(f"{key:<14} {value}")
        return 0
    project = _open(args.project, False)
    try:
        if project.read_only:
            raise UserFacingError(f"{project.read_only_reason} Nothing was changed.")
        if args.action == "add":
            defn = up.make_definition(
                args.id,
                unit=args.unit,
                basis=args.basis,
                label_en=args.label_en,
                label_fi=args.label_fi,
                description=args.description,
            )
            up.add(project, defn)
            save_project(project)
            basis = f", {defn.basis.value}" if defn.basis.value != "none" else ""
            print(f"Added property {defn.id} ({defn.unit or 'no unit'}{basis}) to {project.path}.")
        else:
            up.remove(project, args.id)
            save_project(project)
            print(f"Removed property {args.id} from {project.path}.")
    finally:
        close_project(project)
    return 0
