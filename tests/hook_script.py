"""Running a script the way the frozen application's runtime hooks run (for the
packaging tests of the OpenGL and HiGHS placeholders): in a fresh Python with
``packaging/`` importable, offscreen, in its own user folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_hook_script(
    script: str, *args: str, home: Path, cwd: Path, timeout: float
) -> subprocess.CompletedProcess:
    """``python -c script args...`` with ``FIBRE_WORKBENCH_HOME=home``; never raises on
    a failing script (the caller asserts on the return code and output)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FIBRE_WORKBENCH_HOME=str(home))
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
    )
