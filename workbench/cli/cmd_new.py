"""``fibre-workbench new PATH [--force]``: create an empty project file."""

from __future__ import annotations

import argparse

from workbench.cli._common import new_project_target


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "new",
        help="create an empty project file",
        description="Create an empty project file. An existing file is never replaced "
        "unless --force is given. The .fwproj suffix is added when the name has none.",
    )
    p.add_argument("path", help="the new project file (.fwproj)")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from workbench.model import Project
    from workbench.project.store import close_project, save_project

    target = new_project_target(args.path, args.force)
    project = Project()
    project.log("create project", target.name)
    save_project(project, target)
    close_project(project)
    print(f"Created the empty project {target}")
    return 0
