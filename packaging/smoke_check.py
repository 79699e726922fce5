"""Smoke check of the frozen application: build it, start it, use it like a user would.

    .venv/bin/python packaging/smoke_check.py            # build (with baseline), then check
    .venv/bin/python packaging/smoke_check.py --no-build # check the bundles in dist/

In a fresh temporary user folder (``FIBRE_WORKBENCH_HOME``; Qt settings redirected too)
it runs the frozen executable:

1. ``--version`` prints ``fibre-workbench <workbench.__version__>``;
2. ``self-test`` succeeds (its output is shown);
3. ``--help`` lists the command of every ``cmd_*.py`` module of the source tree and
   reports no command module that failed to load; the self-test's resources step
   finds the routes, demo data, guide and translations through ``importlib.resources``
   inside the bundle (``workbench/resources``), as an installed wheel does;
4. a drop-in plugin written into the user plugin folder is listed by
   ``plugins --json`` as a loaded user plugin, and ``analyse`` runs it on a project
   made by ``demo``; its moisture values match the built-in ``moisture_ash`` plugin's;
5. the window opens the demonstration project and plots a sample's curves (with the
   OpenGL placeholders of ``no_opengl.py``): the start-up probe selects the first
   sample, counts the pyqtgraph curves with data and saves a picture of the window
   (``build/smoke_main_window.png``);
6. start-up time to an interactive main window (``startup_probe.py``): the bundle and
   the bare PySide6 + pyqtgraph window (``dist/bare_window``, frozen with default
   settings) are started alternately, and the ratio of their medians is reported
   (wall-clock time to the window being shown with an idle event loop, and the CPU time
   of the process, which a busy machine disturbs less).

Exit code 0 when every check passes and the start-up ratio is at most
``--max-startup-ratio`` (default 1.3); the figures are printed, and with ``--json``
written as one JSON document.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
sys.path.insert(0, str(PACKAGING))

import build as builder  # noqa: E402
from startup_probe import ENV as PROBE_ENV  # noqa: E402
from startup_probe import GRAB_ENV  # noqa: E402
from startup_probe import MARK as PROBE_MARK  # noqa: E402

IS_WIN = sys.platform == "win32"
EXE_SUFFIX = ".exe" if IS_WIN else ""
PLUGIN_ID = "smoke_drop_in"
GRAB_FILE = ROOT / "build" / "smoke_main_window.png"

PLUGIN_TOML = f"""\
id = "{PLUGIN_ID}"
name_en = "Smoke-check moisture"
name_fi = "Savutestin kosteus"
version = "0.9.1"
api_version = "1.0"
entry = "analysis:run"
description_en = "Drop-in plugin written by the packaging smoke check."

[consumes]
kinds = ["moisture"]

[produces]
values = [{{ property = "moisture", unit = "%", basis = "ar" }}]
"""

PLUGIN_CODE = textwrap.dedent(
    '''\
    """Moisture on wet basis (ISO 18134-1 formula) from dish weighings, mean of replicates."""

    import numpy as np
    from scipy import stats

    from workbench.analysis import AnalysisOutput
    from workbench.model import Quantity


    def run(inputs, params, progress):
        values = []
        for m in inputs.sample.of_kind("moisture"):
            cols = m.columns
            if not {"dish_mass", "dish_plus_wet_mass", "dish_plus_dry_mass"} <= set(cols):
                continue
            dish = np.asarray(cols["dish_mass"].values(), dtype=float)
            wet = np.asarray(cols["dish_plus_wet_mass"].values(), dtype=float)
            dry = np.asarray(cols["dish_plus_dry_mass"].values(), dtype=float)
            values.extend(((wet - dry) / (wet - dish) * 100.0).tolist())
        progress.update(1.0, "done")
        mean = float(stats.tmean(values))
        return AnalysisOutput(values={"moisture": Quantity(mean, "%", "ar")})
    '''
)


class CheckFailed(Exception):
    """One smoke-check step did not give what it should."""


def executable(bundle: Path, name: str = builder.APP_DIR.name) -> Path:
    """The command-line executable in a bundle (on Windows the console twin)."""
    if IS_WIN and name == "fibre-workbench":
        return bundle / f"{name}-cli{EXE_SUFFIX}"
    return bundle / f"{name}{EXE_SUFFIX}"


def isolated_env(tmp: Path) -> dict[str, str]:
    """Environment with a fresh user folder, private Qt settings and no display needed."""
    env = dict(os.environ)
    env.pop(PROBE_ENV, None)
    env["FIBRE_WORKBENCH_HOME"] = str(tmp / "home")
    env["XDG_CONFIG_HOME"] = str(tmp / "config")  # QSettings on Linux
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("PYTHONPATH", None)  # the bundle must not lean on the source tree
    return env


def run(cmd: list[str], env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess:
    """Run a frozen command (from a neutral folder); fail with its output when it fails."""
    proc = subprocess.run(
        cmd,
        env=env,
        cwd=env["FIBRE_WORKBENCH_HOME"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
    )
    if proc.returncode != 0:
        raise CheckFailed(
            f"{' '.join(cmd[1:])} exited with {proc.returncode}\n"
            f"stdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
        )
    return proc


def write_drop_in_plugin(user_plugins: Path) -> Path:
    """The drop-in plugin folder (manifest + code) inside the user plugin folder."""
    folder = user_plugins / PLUGIN_ID
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "plugin.toml").write_text(PLUGIN_TOML, encoding="utf-8")
    (folder / "analysis.py").write_text(PLUGIN_CODE, encoding="utf-8")
    return folder


def command_names_in_source() -> list[str]:
    """Command modules of the source tree (``cmd_*.py``), the way the CLI finds them."""
    return sorted(p.stem for p in (ROOT / "workbench" / "cli").glob("cmd_*.py"))


def check_commands(exe: Path, env: dict[str, str], report: dict) -> None:
    """``--version``, ``self-test`` and ``--help`` of the frozen executable."""
    version = run([str(exe), "--version"], env).stdout.strip()
    expected = f"fibre-workbench {builder.read_version()}"
    if version != expected:
        raise CheckFailed(f"--version printed {version!r}, expected {expected!r}")
    report["version"] = version

    start = time.monotonic()
    selftest = run([str(exe), "self-test"], env, timeout=600)
    report["self_test_seconds"] = round(time.monotonic() - start, 1)
    report["self_test_output"] = selftest.stdout.strip()
    if not re.search(r"^OK\s+resources:", selftest.stdout, re.M):
        raise CheckFailed(f"the frozen self-test did not find its resources:\n{selftest.stdout}")

    help_proc = run([str(exe), "--help"], env)
    if "could not be loaded" in help_proc.stderr:
        raise CheckFailed(f"a command module failed to load in the bundle:\n{help_proc.stderr}")
    report["help_warnings"] = help_proc.stderr.strip()
    commands = [name[len("cmd_") :].replace("_", "-") for name in command_names_in_source()]
    missing = [
        c for c in commands if not re.search(rf"^\s+{re.escape(c)}\b", help_proc.stdout, re.M)
    ]
    if missing:
        raise CheckFailed(f"commands of the source tree missing in the bundle: {missing}")
    report["commands"] = commands


def check_drop_in_plugin(exe: Path, env: dict[str, str], tmp: Path, report: dict) -> None:
    """A plugin in the user plugin folder is found, loads and runs in the frozen app."""
    listing = json.loads(run([str(exe), "plugins", "--json"], env).stdout)
    user_folder = Path(listing["user_plugin_folder"])
    write_drop_in_plugin(user_folder)
    listing = json.loads(run([str(exe), "plugins", "--json"], env).stdout)
    records = {r["id"]: r for r in listing["plugins"]}
    mine = records.get(PLUGIN_ID)
    if mine is None or mine["origin"] != "user" or mine["status"] != "ok":
        raise CheckFailed(f"drop-in plugin not listed as a loaded user plugin: {mine}")
    failed = [r for r in listing["plugins"] if r["status"] != "ok"]
    if failed:
        raise CheckFailed(f"plugins failed in the bundle: {failed}")
    report["plugins"] = sorted(f"{r['id']} ({r['origin']})" for r in listing["plugins"])
    # built-ins come from the package data folder workbench/builtin_plugins inside the
    # bundle (importlib.resources, as in an installed wheel), not from a path of our own
    package_folder = (exe.parent / "_internal" / "workbench" / "builtin_plugins").resolve()
    elsewhere = [
        r["source"]
        for r in listing["plugins"]
        if r["origin"] == "built-in" and package_folder not in Path(r["source"]).resolve().parents
    ]
    if elsewhere:
        raise CheckFailed(f"built-in plugins found outside {package_folder}: {elsewhere}")

    project = tmp / "demo.fwproj"
    run([str(exe), "demo", str(project)], env)
    mine_out = json.loads(run([str(exe), "analyse", str(project), PLUGIN_ID, "--json"], env).stdout)
    builtin_out = json.loads(
        run([str(exe), "analyse", str(project), "moisture_ash", "--json"], env).stdout
    )
    if not mine_out.get("saved") or not mine_out.get("results"):
        raise CheckFailed(f"the drop-in plugin produced nothing: {mine_out}")
    ours = {r["sample"]: r["values"]["moisture"]["value"] for r in mine_out["results"]}
    builtin = {
        r["sample"]: r["values"]["moisture"]["value"]
        for r in builtin_out["results"]
        if "moisture" in r["values"]
    }
    mismatched = {
        s: (v, builtin.get(s))
        for s, v in ours.items()
        if abs(v - builtin.get(s, float("nan"))) > 1e-6
    }
    if mismatched:
        raise CheckFailed(f"drop-in and built-in moisture differ (drop-in, built-in): {mismatched}")
    report["drop_in_results"] = {s: round(v, 3) for s, v in ours.items()}


def check_plots(exe: Path, env: dict[str, str], report: dict) -> None:
    """The frozen window opens the demo project and draws a sample's curves."""
    GRAB_FILE.parent.mkdir(parents=True, exist_ok=True)
    GRAB_FILE.unlink(missing_ok=True)
    probe_env = dict(env, **{PROBE_ENV: "1", GRAB_ENV: str(GRAB_FILE)})
    proc = subprocess.run(
        [str(exe)],
        env=probe_env,
        cwd=env["FIBRE_WORKBENCH_HOME"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=300,
    )
    found = re.search(rf"^{PROBE_MARK} grab .* curves=(\d+)$", proc.stdout, re.M)
    curves = int(found.group(1)) if found else 0
    if proc.returncode != 0 or not curves or not GRAB_FILE.exists():
        raise CheckFailed(
            f"the frozen window plotted no curves (exit {proc.returncode}):\n"
            f"stdout:\n{proc.stdout}\nstderr:\n{proc.stderr[-3000:]}"
        )
    report["plotted_curves"] = curves
    report["window_picture"] = str(GRAB_FILE)


def _time_once(exe: Path, args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from launch to the probe line, and CPU seconds of the whole process."""
    probe_env = dict(env, **{PROBE_ENV: "1"})
    start = time.perf_counter()
    proc = subprocess.Popen(
        [str(exe), *args],
        env=probe_env,
        cwd=env["FIBRE_WORKBENCH_HOME"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    elapsed = None
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith(PROBE_MARK):
            elapsed = time.perf_counter() - start
            if "ready" not in line:
                raise CheckFailed(f"{exe.name}: no main window appeared ({line.strip()})")
            break
    proc.stdout.close()
    if hasattr(os, "wait4"):
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        cpu = usage.ru_utime + usage.ru_stime
    else:
        proc.wait(timeout=120)
        cpu = float("nan")
    if elapsed is None:
        raise CheckFailed(f"{exe.name} exited ({proc.returncode}) without showing its window")
    return elapsed, cpu


def measure_startup(
    app: Path, baseline: Path, env: dict[str, str], runs: int, report: dict
) -> None:
    """Alternate the two executables ``runs`` times after a warm-up start of each."""
    # warm-up: file cache, the first-start demo project (later starts open an empty window)
    _time_once(app, [], env)
    _time_once(baseline, [], env)
    samples: dict[str, list[tuple[float, float]]] = {"app": [], "bare": []}
    for _ in range(runs):
        samples["bare"].append(_time_once(baseline, [], env))
        samples["app"].append(_time_once(app, [], env))
    med = {
        key: (
            statistics.median(v[0] for v in vals),
            statistics.median(v[1] for v in vals),
        )
        for key, vals in samples.items()
    }
    report["startup"] = {
        "runs": runs,
        "app_wall_s": round(med["app"][0], 3),
        "bare_wall_s": round(med["bare"][0], 3),
        "wall_ratio": round(med["app"][0] / med["bare"][0], 3),
        "app_cpu_s": round(med["app"][1], 3),
        "bare_cpu_s": round(med["bare"][1], 3),
        "cpu_ratio": round(med["app"][1] / med["bare"][1], 3) if med["bare"][1] else None,
        "all_wall_s": {k: [round(v[0], 3) for v in vals] for k, vals in samples.items()},
    }


def smoke_check(*, build_first: bool, runs: int, max_ratio: float, startup: bool = True) -> dict:
    """Run every check; returns the figures (raises ``CheckFailed`` on the first failure)."""
    report: dict = {}
    if build_first:
        report["build"] = builder.build(baseline=startup)
    app_exe = executable(builder.APP_DIR)
    if not app_exe.exists():
        raise CheckFailed(f"no bundle at {builder.APP_DIR} (build it or drop --no-build)")
    report["bundle_mb"] = round(builder.folder_size(builder.APP_DIR) / 1e6, 1)
    with tempfile.TemporaryDirectory(prefix="fw-smoke-") as tmp_name:
        tmp = Path(tmp_name)
        env = isolated_env(tmp)
        Path(env["FIBRE_WORKBENCH_HOME"]).mkdir(parents=True)
        check_commands(app_exe, env, report)
        check_drop_in_plugin(app_exe, env, tmp, report)
        check_plots(builder.APP_DIR / f"fibre-workbench{EXE_SUFFIX}", env, report)
        if startup:
            bare_exe = executable(builder.BASELINE_DIR, "bare_window")
            if not bare_exe.exists():
                raise CheckFailed(f"no baseline at {builder.BASELINE_DIR} (build.py --baseline)")
            report["baseline_mb"] = round(builder.folder_size(builder.BASELINE_DIR) / 1e6, 1)
            gui_exe = builder.APP_DIR / f"fibre-workbench{EXE_SUFFIX}"
            measure_startup(gui_exe, bare_exe, env, runs, report)
            ratio = report["startup"]["wall_ratio"]
            if ratio > max_ratio:
                raise CheckFailed(
                    f"start-up takes {ratio:.2f} x the bare window (limit {max_ratio}): "
                    f"{report['startup']}"
                )
    return report


def print_report(report: dict) -> None:
    print(f"\n{report.get('version', '')}: bundle {report.get('bundle_mb')} MB", end="")
    if "baseline_mb" in report:
        print(f", bare PySide6 + pyqtgraph window (default settings) {report['baseline_mb']} MB")
    else:
        print()
    print(f"\nFrozen self-test ({report['self_test_seconds']} s):")
    print(textwrap.indent(report["self_test_output"], "  "))
    print(f"\nCommands in the bundle: {', '.join(report['commands'])}")
    print(f"Plugins in the bundle: {', '.join(report['plugins'])}")
    print(f"Drop-in plugin {PLUGIN_ID} moisture by sample: {report['drop_in_results']}")
    print(
        f"Window: demo project opened, {report['plotted_curves']} curves plotted "
        f"(picture: {report['window_picture']})"
    )
    if "startup" in report:
        s = report["startup"]
        print(
            f"\nStart-up to an interactive main window (median of {s['runs']}): "
            f"ours {s['app_wall_s']} s, bare {s['bare_wall_s']} s, ratio {s['wall_ratio']}; "
            f"CPU {s['app_cpu_s']} s vs {s['bare_cpu_s']} s, ratio {s['cpu_ratio']}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-build", action="store_true", help="use the bundles in dist/")
    parser.add_argument("--runs", type=int, default=5, help="start-up timings of each (5)")
    parser.add_argument("--no-startup", action="store_true", help="skip the start-up timing")
    parser.add_argument("--max-startup-ratio", type=float, default=1.3)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    try:
        report = smoke_check(
            build_first=not args.no_build,
            runs=args.runs,
            max_ratio=args.max_startup_ratio,
            startup=not args.no_startup,
        )
    except (CheckFailed, subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        print(f"SMOKE CHECK FAILED: {exc}", file=sys.stderr)
        return 1
    print_report(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print("\nSmoke check passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
