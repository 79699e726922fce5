"""``fibre-workbench demo PATH [--force] [--lang fi]``: write the demonstration project."""

from __future__ import annotations

import argparse

from workbench.cli._common import new_project_target


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "demo",
        help="write the demonstration project (Finnish feedstocks, synthetic data)",
        description="Write the demonstration project: common Finnish feedstocks and side "
        "streams built from published typical values (sources stored in the project), "
        "with synthetic moisture, ash, TGA, NIR and fibre data. Clearly labelled as "
        "demonstration data.",
    )
    p.add_argument("path", help="the project file to write (.fwproj)")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.add_argument(
        "--lang", choices=["en", "fi"], default="en", help="language of the names and notes"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from workbench.demo import write_demo

    target = new_project_target(args.path, args.force)
    project = write_demo(target, lang=args.lang)
    n_meas = sum(len(s.measurements) for s in project.samples.values())
    print(
        f"Wrote the demonstration project {target}: {len(project.samples)} samples, "
        f"{n_meas} measurements (demonstration data, not real measurements)."
    )
    return 0
