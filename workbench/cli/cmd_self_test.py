"""``fibre-workbench self-test``: exercise the application end-to-end without a display."""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "self-test",
        help="check the installation end-to-end (no display needed)",
        description="Run the built-in self-test in a temporary folder: create a project, "
        "add data, save, reopen and compare, and the steps later features add (import, "
        "analyse, classify, report). Prints OK or FAIL per step; exit code 1 when any "
        "step fails.",
    )
    p.add_argument("--keep", action="store_true", help="keep the work folder and print it")
    p.add_argument(
        "--step", action="append", metavar="TEXT", help="run only steps whose name contains TEXT"
    )
    p.add_argument("--list", action="store_true", help="list the steps and exit")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from workbench.selftest import STEPS, run_self_test

    if args.list:
        for name, _ in STEPS:
            print(name)
        return 0
    workdir = Path(tempfile.mkdtemp(prefix="fibre-workbench-selftest-"))
    try:
        ok = run_self_test(workdir, only=args.step)
    finally:
        if args.keep:
            print(f"Work folder kept: {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0 if ok else 1
