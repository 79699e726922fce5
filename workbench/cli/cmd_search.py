"""``fibre-workbench search FOLDER [TERM...]``: samples across many projects."""

from __future__ import annotations

import argparse
import json


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "search",
        help="find samples in a folder of projects (through their indexes)",
        description="Find samples in every project under a folder. TERMs are words that "
        "must all appear in a sample's name, feedstock type, supplier, origin, notes, "
        "metadata or its measurements' kinds and labels, and conditions on values such as "
        "ash_550<=1.5 or moisture>20 (a measured or derived value of that property must "
        "satisfy it). Each project is read through its index (one read per file); a file "
        "without a current index is listed and searched only with --walk.",
    )
    p.add_argument("folder", help="folder (searched with its subfolders) or one project file")
    p.add_argument("terms", nargs="*", metavar="TERM", help="word or PROPERTY<OP>NUMBER")
    p.add_argument("--kind", help="only samples with a measurement of this kind (e.g. tga)")
    p.add_argument(
        "--walk", action="store_true", help="also read projects without a current index (slow)"
    )
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from workbench.project.search import Query, search

    query = Query.parse(args.terms, kind=args.kind)
    outcome = search(Path(args.folder), query, walk=args.walk)
    if args.json:
        doc = {
            "hits": [h.to_json() for h in outcome.hits],
            "searched": [str(p) for p in outcome.searched],
            "skipped": outcome.skipped,
        }
        print(json.dumps(doc, indent=2, ensure_ascii=False))
        return 0
    for h in outcome.hits:
        values = "; ".join(f"{k}: {v}" for k, v in h.values.items())
        print(f"{h.project}: {h.sample} [{h.feedstock_type}]" + (f"  {values}" if values else ""))
    print(
        f"{len(outcome.hits)} sample(s) in {len(outcome.searched)} project(s)"
        + (f"; {len(outcome.skipped)} not searched:" if outcome.skipped else "")
    )
    for path, why in outcome.skipped.items():
        print(f"  {path}: {why}")
    return 0
