"""Run the benchmarks and print: benchmark, ours (s), baseline (s), ratio, peak memory.

Usage (from the repository root)::

    python -m tests.benchmarks                 # all benchmarks, full size
    python -m tests.benchmarks --quick         # scaled down, a smoke run
    python -m tests.benchmarks project_open_1000 --repeat 3 --json out.json

Every (benchmark, side) runs in a fresh subprocess: it sets up, then times one call of
``ours`` or ``baseline`` (best of ``--repeat`` runs). Peak memory is the largest growth
of the process's peak resident set size during one timed call over the resident size
just before it (Linux ``VmHWM``, reset before each call), i.e. the extra memory the
operation needed on top of its inputs. Worker processes an operation starts (a large
import batch) are counted apart: the peak resident size of the largest one.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _rss_mb() -> float:
    """Current resident set size (Linux /proc), or the peak so far elsewhere."""
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError):
        return _peak_mb()


def _peak_mb() -> float:
    """Peak resident set size since the last ``_reset_peak`` (Linux), else since start."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024


def _reset_peak() -> None:
    """Start the peak-memory count afresh (Linux: writing 5 to clear_refs resets VmHWM),
    so the setup's own peak (generating inputs, importing modules) is not counted."""
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:
        pass


def child(
    name: str, side: str, workdir: Path, scale: float, repeat: int, module: str | None = None
) -> dict:
    """Run one side of one benchmark in this process and return its figures.

    ``module`` (the benchmark's module) avoids importing every other benchmark's
    dependencies in the measured process.
    """
    from tests.benchmarks.registry import load

    bench = load(name, module)()
    bench.setup(workdir, scale)
    fn = bench.ours if side == "ours" else bench.baseline
    children_before = _children_peak_mb()  # importing h5py runs a small process
    best, growth = float("inf"), 0.0
    for _ in range(repeat):
        # each call's own peak over the memory in use just before it: what a later
        # call keeps from an earlier one (allocator arenas, library caches) is not
        # counted again as that call's growth
        gc.collect()
        _reset_peak()
        before = _rss_mb()
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
        growth = max(growth, _peak_mb() - before)
        bench.teardown()
    return {
        "seconds": best,
        "peak_mb": max(0.0, growth),
        "arrays_mb": bench.arrays_bytes / 2**20,
        "workers_peak_mb": _workers_peak_mb(children_before),
    }


def _workers_peak_mb(before: float) -> float:
    """Peak resident size of the largest worker process the calls started (import
    workers, ``workbench.importers.parallel``), once they have exited; 0 when none
    outgrew the processes run before the calls."""
    import multiprocessing

    deadline = time.monotonic() + 10
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)  # active_children() also reaps the ones that have exited
    after = _children_peak_mb()
    return after if after > before else 0.0


def _children_peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024


def run_side(
    name: str, side: str, workdir: Path, scale: float, repeat: int, module: str = ""
) -> dict:
    """Run one side of a benchmark in a fresh Python process; return its figures."""
    cmd = [
        sys.executable,
        "-m",
        "tests.benchmarks.run",
        "--child",
        name,
        side,
        str(workdir),
        str(scale),
        str(repeat),
        module,
    ]
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.setdefault("FIBRE_WORKBENCH_HOME", str(workdir / "home"))
    out = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"{name} ({side}) failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        name, side, workdir, scale, repeat, module = [*argv[1:7], ""][:6]
        figures = child(name, side, Path(workdir), float(scale), int(repeat), module or None)
        print(json.dumps(figures))
        return 0
    from tests.benchmarks.registry import discover

    registry = discover()
    ap = argparse.ArgumentParser(
        prog="python -m tests.benchmarks",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument(
        "names", nargs="*", help=f"benchmarks to run (default all: {', '.join(registry)})"
    )
    ap.add_argument("--quick", action="store_true", help="scale inputs down to 10%% (smoke run)")
    ap.add_argument("--repeat", type=int, default=1, help="best of N timed calls per side")
    ap.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    ap.add_argument("--workdir", type=Path, help="keep inputs here (default: a temp folder)")
    args = ap.parse_args(argv)
    unknown = [n for n in args.names if n not in registry]
    if unknown:
        ap.error(f"unknown benchmark(s): {', '.join(unknown)}")
    names = args.names or list(registry)
    scale = 0.1 if args.quick else 1.0
    rows = []
    with tempfile.TemporaryDirectory(prefix="fw-bench-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        header = (
            f"{'benchmark':28s} {'ours (s)':>9s} {'baseline (s)':>12s} {'ratio':>6s} "
            f"{'peak MB ours':>12s} {'peak MB base':>12s} {'peak/arrays':>11s} "
            f"{'workers MB':>10s}"
        )
        print(header)
        print("-" * len(header))
        for name in names:
            module = registry[name].__module__
            ours = run_side(name, "ours", workdir, scale, args.repeat, module)
            base = run_side(name, "baseline", workdir, scale, args.repeat, module)
            ratio = ours["seconds"] / base["seconds"] if base["seconds"] > 0 else float("inf")
            row = {
                "benchmark": name,
                "description": registry[name].description,
                "ours_s": ours["seconds"],
                "baseline_s": base["seconds"],
                "ratio": ratio,
                "peak_mb_ours": ours["peak_mb"],
                "peak_mb_baseline": base["peak_mb"],
                "arrays_mb": ours.get("arrays_mb", 0.0),
                "workers_peak_mb": ours.get("workers_peak_mb", 0.0),
            }
            arrays = row["arrays_mb"]
            row["peak_per_arrays"] = ours["peak_mb"] / arrays if arrays else None
            rows.append(row)
            print(
                f"{name:28s} {ours['seconds']:9.3f} {base['seconds']:12.3f} {ratio:6.2f} "
                f"{ours['peak_mb']:12.1f} {base['peak_mb']:12.1f} "
                + (f"{row['peak_per_arrays']:11.2f}" if arrays else f"{'-':>11s}")
                + (
                    f" {row['workers_peak_mb']:10.1f}" if row["workers_peak_mb"] else f" {'-':>10s}"
                ),
                flush=True,
            )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
