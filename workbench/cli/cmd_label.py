"""``fibre-workbench label PROJECT --sample NAME KEY=VALUE...``: training labels."""

from __future__ import annotations

import argparse

from workbench.cli._common import existing_project


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "label",
        help="set training labels of a sample (e.g. route:biochar=suitable)",
        description="Set labels that learned classifiers train on: a feedstock type or an "
        "observed route outcome from a pilot trial (key route:<route id>). KEY= removes a label.",
    )
    p.add_argument("project", help="project file (.fwproj)")
    p.add_argument("--sample", required=True, help="sample name")
    p.add_argument("labels", nargs="+", metavar="KEY=VALUE", help="labels to set")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from workbench.errors import UserFacingError
    from workbench.project.store import close_project, open_project, save_project

    pairs = []
    for item in args.labels:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UserFacingError(f"label {item!r}: expected KEY=VALUE")
        pairs.append((key.strip(), value.strip() or None))
    project = open_project(existing_project(args.project), for_writing=True)
    try:
        sample = project.find_sample(args.sample)
        if sample is None:
            raise UserFacingError(f"no sample named {args.sample!r}")
        for key, value in pairs:
            project.set_sample_label(sample.id, key, value)
        save_project(project)
        print(f"{sample.name}: " + ", ".join(f"{k}={v}" for k, v in sample.labels.items()))
    finally:
        close_project(project)
    return 0
