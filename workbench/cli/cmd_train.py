"""``fibre-workbench train PROJECT --label KEY``: a cross-validated learned classifier."""

from __future__ import annotations

import argparse
import json

from workbench.cli._common import existing_project


def register(subparsers: argparse._SubParsersAction) -> None:
    t = subparsers.add_parser(
        "train",
        help="train a classifier on labelled samples (cross-validated)",
        description="Train a classifier that predicts a label from property values and/or "
        "spectra; prints the cross-validated accuracy, confusion matrix and per-class "
        "metrics, and stores the model in the project (as arrays, no pickle).",
    )
    t.add_argument("project", help="project file (.fwproj)")
    t.add_argument("--label", required=True, help="label key to learn (e.g. route:biochar)")
    t.add_argument("--property", action="append", default=[], help="feature property (repeatable)")
    t.add_argument("--spectra", action="store_true", help="use the samples' spectra as features")
    t.add_argument("--components", type=int, default=5, help="PCA components for spectra")
    t.add_argument("--folds", type=int, default=5, help="cross-validation folds")
    t.add_argument("--dry-run", action="store_true", help="report performance; store nothing")
    t.add_argument("--json", action="store_true", help="print the report as JSON")
    t.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from workbench.classify.learned import train_classifier
    from workbench.project.store import close_project, open_project, save_project

    project = open_project(
        existing_project(args.project), read_only=args.dry_run, for_writing=not args.dry_run
    )
    try:
        model, report = train_classifier(
            project,
            args.label,
            properties=args.property,
            spectra=args.spectra,
            n_components=args.components,
            folds=args.folds,
        )
        if not args.dry_run:
            project.add_model(model)
            save_project(project)
    finally:
        close_project(project)
    if args.json:
        print(
            json.dumps({"model": None if args.dry_run else model.id, **report.to_json()}, indent=2)
        )
        return 0
    print(f"{model.name}: {report.n_samples} samples, {report.folds}-fold cross-validation")
    print(f"cross-validated accuracy {report.accuracy:.3f} (not training-set accuracy)")
    width = max(len(c) for c in report.classes)
    print("confusion matrix (rows: label, columns: predicted)")
    print(" " * (width + 2) + " ".join(f"{c:>{width}}" for c in report.classes))
    for c, row in zip(report.classes, report.confusion):
        print(f"{c:>{width}}  " + " ".join(f"{n:>{width}}" for n in row))
    for c, m in report.per_class.items():
        print(f"{c}: precision {m['precision']:.2f}, recall {m['recall']:.2f}, F1 {m['f1']:.2f}")
    for why in report.excluded:
        print(f"excluded: {why}")
    if not args.dry_run:
        print(f"stored as model {model.id}")
    return 0
