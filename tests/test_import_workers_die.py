"""Import workers end with the process that started them, however it ends.

``fibre-workbench import`` (or the window) may be killed while its worker processes
parse (SIGKILL, Task Manager, a crash). Before ``parallel.die_with_parent`` the workers
waited for their next files forever, and multiprocessing's resource tracker with them.
Here a real command-line import is killed while its workers run, and every process it
started must be gone within seconds.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="needs /proc to find the child processes"
)

# The command line as users run it, with two changes that make the test quick and
# certain: workers start whatever the batch's size (WORTH_STARTING 0), and this process
# parses its own share slowly, so the batch is still running when it is killed.
DRIVER = """
import sys, time
from workbench.importers import parallel, service
parallel.WORTH_STARTING = 0.0
slow = service._preview_one
def slowly(path, template):
    time.sleep(0.3)
    return slow(path, template)
service._preview_one = slowly
from workbench.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def _children(pid: int) -> set[int]:
    """Every descendant process of ``pid`` (from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, todo = set(), [pid]
    while todo:
        p = todo.pop()
        for child, parent in parents.items():
            if parent == p and child not in found:
                found.add(child)
                todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_killing_the_import_ends_its_workers_and_resource_tracker(tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    for i in range(48):
        rows = "\n".join(f"{4000 - k},{(k * (i + 1)) % 97 / 100:.2f}" for k in range(300))
        (folder / f"s{i:02d}.csv").write_text(f"wavenumber (cm-1),absorbance\n{rows}\n")
    env = dict(os.environ, FIBRE_WORKBENCH_IMPORT_WORKERS="1")
    project = tmp_path / "p.fwproj"
    subprocess.run([sys.executable, "-m", "workbench", "new", str(project)], check=True, env=env)
    proc = subprocess.Popen(
        [sys.executable, "-c", DRIVER, "import", str(project), str(folder),
         "--new-sample", "--dry-run"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        started: set[int] = set()
        deadline = time.monotonic() + 60
        # the worker and the resource tracker: two processes of our own Python
        while len(started) < 2 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.1)
            started = _children(proc.pid)
        assert len(started) >= 2, "the import started no worker process" + (
            proc.stderr.read().decode(errors="replace")[-500:] if proc.poll() is not None else ""
        )
        time.sleep(0.5)  # the worker is parsing or waiting for its next files
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(p) for p in started):
            time.sleep(0.1)
        left = [p for p in started if _alive(p)]
    finally:
        for p in _children(proc.pid) | set(locals().get("started", set())):
            if _alive(p):
                os.kill(p, signal.SIGKILL)
        if proc.poll() is None:
            proc.kill()
    assert not left, f"processes of the killed import still running: {left}"
