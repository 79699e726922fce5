"""``fibre-workbench classify PROJECT [--route ID] [--sample NAME] [--json] [--explain]``.

Classifies every sample of a project (opened read-only) against the route
specifications (built-in plus the user's route folder) and prints a table, the full
explanations, or a JSON list of verdicts.

Every verdict is decided in bulk (``classify_bulk``: each criterion for all samples at
once); the explanation rows of a verdict (every criterion with its value, limit, margin
and source) and the pre-treatment suggestions are built only with ``--explain``. So
``--json`` gives each verdict with its score, reasons, missing measurements, conditions
and notes (English and Finnish), and ``--json --explain`` adds the criterion rows and
suggestions (``Verdict.to_json``) - for a large project that is a much larger document.
"""

from __future__ import annotations

import argparse
import json
import sys

from workbench.cli._common import existing_project


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "classify",
        help="suitability of each sample for each product route, with reasons",
        description="Classify every sample of a project against the product-route "
        "specifications (built-in routes and the user's route folder): suitable, "
        "conditionally suitable, not suitable or not enough data, with a score, each "
        "criterion's value, limit and source, the missing measurements and pre-treatment "
        "suggestions. The project is opened read-only and not changed.",
    )
    p.add_argument("project", help="project file (.fwproj)")
    p.add_argument("--route", metavar="ID", help="only this route (e.g. biochar)")
    p.add_argument("--sample", metavar="NAME", help="only this sample (name)")
    p.add_argument(
        "--json",
        action="store_true",
        help="print a JSON list of verdicts with their reasons (with --explain: and every "
        "criterion row and suggestion)",
    )
    p.add_argument(
        "--explain",
        action="store_true",
        help="every criterion of every verdict (value as measured, conversions, limit, "
        "margin, source) and the pre-treatments that would change the verdict",
    )
    p.add_argument(
        "--no-suggestions",
        action="store_true",
        help="with --explain: skip the pre-treatment what-if evaluation",
    )
    p.add_argument(
        "--nearest",
        metavar="K",
        type=int,
        default=0,
        help="also name each sample's K nearest reference feedstocks and their verdicts",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from workbench.classify.engine import classify_bulk
    from workbench.classify.learned import attach_predictions
    from workbench.classify.routes import load_routes
    from workbench.classify.text import format_explanation, format_table
    from workbench.errors import UserFacingError
    from workbench.project.store import close_project, open_project

    project = open_project(existing_project(args.project), read_only=True)
    try:
        # routes after the project: a user's route may judge a property the project defines
        library = load_routes()
        routes = [library.get(args.route)] if args.route else library.routes
        for message in library.messages:
            print(f"note: {message}", file=sys.stderr)
        samples = list(project.samples.values())
        if args.sample:
            found = project.find_sample(args.sample)
            if found is None:
                names = ", ".join(s.name for s in samples) or "none"
                raise UserFacingError(f"no sample named {args.sample!r} (samples: {names})")
            samples = [found]
        result = classify_bulk(samples, routes)
        cells = [(i, r) for i in range(len(samples)) for r in range(len(routes))]
        verdicts = []
        if args.explain:
            suggestions = not args.no_suggestions
            verdicts = [result.explain(i, r, suggestions=suggestions) for i, r in cells]
            docs = [v.to_json() for v in verdicts]
        else:
            finnish = args.json  # the text table is English
            docs = [result.summary(i, r, finnish=finnish) for i, r in cells]
        # learned route-outcome models: shown beside the rule verdicts, never instead
        attach_predictions(project, docs)
        nearest = {}
        if args.nearest > 0:
            for sample in samples:
                nearest[sample.id] = _nearest(sample, args.nearest, routes)
    finally:
        close_project(project)
    if args.json:
        if args.nearest > 0:
            for doc in docs:
                doc["nearest_references"] = [
                    {
                        **{k: m[k] for k in m if k != "verdicts"},
                        "verdict": m["verdicts"].get(doc["route"]),
                    }
                    for m in nearest[doc["sample_id"]]
                ]
        json.dump(docs, sys.stdout, indent=1 if args.explain else None, ensure_ascii=False)
        print()
        return 0
    if args.explain:
        print("\n\n".join(format_explanation(v) for v in verdicts))
        for doc in docs:
            for p in doc.get("learned", []):
                print(
                    f"\n{doc['sample']} / {doc['route']}: learned model {p['name']!r} predicts "
                    f"{p['prediction']} (p = {p['probability']:.2f}, cross-validated accuracy "
                    f"{p['cv_accuracy']}) - shown beside the rule verdict, not instead of it"
                )
    else:
        print(format_table(docs))
    for sample in samples if args.nearest > 0 else []:
        print(f"\nNearest reference feedstocks to {sample.name}:")
        for m in nearest[sample.id] or [{"name_en": "none (no property in common)"}]:
            if "distance" not in m:
                print(f"  {m['name_en']}")
                continue
            shared = ", ".join(m["shared_properties"])
            print(f"  {m['name_en']} (distance {m['distance']:.3g} over {shared})")
    return 0


def _nearest(sample, k: int, routes) -> list[dict]:
    from workbench.classify.reference import load_reference_library, nearest_references

    global _LIBRARY
    if _LIBRARY is None:
        _LIBRARY = load_reference_library()
    return [m.to_json() for m in nearest_references(sample, k, library=_LIBRARY, routes=routes)]


_LIBRARY = None
