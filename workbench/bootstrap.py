"""Set up a private virtual environment and start the workbench or its tests.

This module is what the README's two quick-start commands run on a fresh clone with
only Python 3.11+ available:

    python3 -m workbench.bootstrap start    # set up, then open the demo project
    python3 -m workbench.bootstrap test     # set up, then run the full test suite

It uses the standard library only (nothing else is installed yet when it runs). The
environment lives in ``.venv`` beside ``pyproject.toml`` and is reinstalled only when
``pyproject.toml`` changes, so the second run starts at once.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".fibre-workbench-installed"


def _venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def _wanted_stamp(extras: str) -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    return f"{digest} {extras}"


def ensure_environment(extras: str) -> Path:
    """Create ``.venv`` and install the project (editable) with ``extras``; return its python."""
    if sys.version_info < (3, 11):  # noqa: UP036 - runs before the venv exists
        sys.exit(f"Fibre Workbench needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    py = _venv_python()
    if not py.exists():
        print(f"Creating a virtual environment in {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
    wanted = _wanted_stamp(extras)
    installed = STAMP.read_text(encoding="utf-8").split("\n") if STAMP.exists() else []
    if wanted not in installed:
        target = f".[{extras}]" if extras else "."
        print(f"Installing Fibre Workbench and its dependencies ({target}) ...", flush=True)
        cmd = [str(py), "-m", "pip", "install", "--disable-pip-version-check", "-q", "-e", target]
        subprocess.run(cmd, cwd=ROOT, check=True)
        STAMP.write_text("\n".join([*installed, wanted]), encoding="utf-8")
    return py


def _demo_project(py: Path) -> Path:
    """The demo project in the user folder (the same one the first start opens), written
    by the workbench itself when it is not there yet."""
    from workbench.paths import user_subdir  # standard library only

    demo = user_subdir("demo") / "demo.fwproj"
    if not demo.exists():
        subprocess.run([str(py), "-m", "workbench", "demo", str(demo)], cwd=ROOT, check=True)
    return demo


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    action = args.pop(0) if args else "start"
    try:
        if action == "start":
            py = ensure_environment("")
            if not args:  # the quick start opens the demo project, every time
                args = [str(_demo_project(py))]
            return subprocess.call([str(py), "-m", "workbench", *args], cwd=ROOT)
        if action == "test":
            py = ensure_environment("test")
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
            return subprocess.call([str(py), "-m", "pytest", *args], cwd=ROOT, env=env)
    except subprocess.CalledProcessError as exc:
        print(f"Set-up failed: {exc}", file=sys.stderr)
        return 2
    print("usage: python3 -m workbench.bootstrap [start|test] [arguments...]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
