"""``fibre-workbench classify PROJECT [--route ID] [--sample NAME] [--json] [--explain]``.

Classifies every sample of a project (opened read-only) against the route
specifications (built-in plus the user's route folder) and prints a table, the full
explanations, or a JSON list of verdicts (``Verdict.to_json``).
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
    p.add_argument("--json", action="store_true", help="print a JSON list of verdicts")
    p.add_argument("--explain", action="store_true", help="print every criterion of every verdict")
    p.add_argument(
        "--no-suggestions", action="store_true", help="skip the pre-treatment what-if evaluation"
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
    from workbench.classify.engine import classify_sample
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
        verdicts = []
        nearest = {}
        for sample in samples:
            verdicts.extend(classify_sample(sample, routes, suggestions=not args.no_suggestions))
            if args.nearest > 0:
                nearest[sample.id] = _nearest(sample, args.nearest, routes)
        # learned route-outcome models: shown beside the rule verdicts, never instead
        learned = attach_predictions(project, [v.to_json() for v in verdicts])
    finally:
        close_project(project)
    if args.json:
        docs = []
        for v, with_learned in zip(verdicts, learned):
            doc = v.to_json()
            if "learned" in with_learned:
                doc["learned"] = with_learned["learned"]
            if args.nearest > 0:
                doc["nearest_references"] = [
                    {
                        **{k: m[k] for k in m if k != "verdicts"},
                        "verdict": m["verdicts"].get(v.route),
                    }
                    for m in nearest[v.sample_id]
                ]
            docs.append(doc)
        print(json.dumps(docs, indent=2, ensure_ascii=False))
        return 0
    if args.explain:
        print("\n\n".join(format_explanation(v) for v in verdicts))
        for doc in learned:
            for p in doc.get("learned", []):
                print(
                    f"\n{doc['sample']} / {doc['route']}: learned model {p['name']!r} predicts "
                    f"{p['prediction']} (p = {p['probability']:.2f}, cross-validated accuracy "
                    f"{p['cv_accuracy']}) - shown beside the rule verdict, not instead of it"
                )
    else:
        print(format_table(verdicts))
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
