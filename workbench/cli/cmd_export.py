"""``fibre-workbench export PROJECT --out FILE``: values to CSV/XLSX, a curve to CSV/JCAMP-DX,
or with ``--model`` a PLS calibration's figures, predictions and coefficients."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "export",
        help="export measurements and results (CSV, XLSX) or one curve (CSV, JCAMP-DX)",
        description="Export values to .csv or .xlsx (one sheet per kind, units in headers), "
        "or a single curve/spectrum to .jdx or .csv (with --kind spectrum or tga).",
    )
    p.add_argument("project", help="project file (.fwproj)")
    p.add_argument("--out", required=True, help="output file: .csv, .xlsx, .jdx")
    p.add_argument("--sample", action="append", help="only this sample (repeatable)")
    p.add_argument("--kind", help="only this measurement kind (e.g. moisture, spectrum, tga)")
    p.add_argument(
        "--model",
        metavar="ID_OR_NAME",
        help="export this PLS calibration instead: every figure (CV, repeats, test set), the "
        "CV and test predictions, the RMSECV curve and the coefficients (.xlsx: one sheet "
        "each; .csv: one file each, OUT_<table>.csv)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from workbench.cli._common import existing_project
    from workbench.export import export
    from workbench.project.store import close_project, open_project

    project = open_project(existing_project(args.project), read_only=True)
    try:
        if args.model:
            from workbench.calibration_export import export_calibration, find_model

            model = find_model(project, args.model)
            written = export_calibration(model, args.out)
            print(f"wrote calibration {model.name} ({model.id}) to {', '.join(map(str, written))}")
            return 0
        print(export(project, args.out, samples=args.sample, kind=args.kind))
    finally:
        close_project(project)
    return 0
