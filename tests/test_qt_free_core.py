"""The layering rule, enforced: only ``workbench.gui`` may import Qt.

Every module of the core, the CLI and the built-in plugins is imported in a fresh
interpreter in which PySide6, shiboken6 and pyqtgraph cannot be imported at all. A
module that needs them (even indirectly) fails this test.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = textwrap.dedent(
    """
    import importlib, importlib.abc, pkgutil, sys

    BLOCKED = ("PySide6", "shiboken6", "pyqtgraph")

    class Block(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                raise ImportError(f"{name} is blocked: the core must not import Qt")
            return None

    sys.meta_path.insert(0, Block())
    import workbench, plugins

    failed = []
    count = 0
    for pkg in (workbench, plugins):
        for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
            if info.name.startswith("workbench.gui") or info.name.endswith("__main__"):
                continue
            count += 1
            try:
                importlib.import_module(info.name)
            except Exception as exc:
                failed.append(f"{info.name}: {type(exc).__name__}: {exc}")
    leaked = [m for m in sys.modules if m.split(".")[0] in BLOCKED]
    print(f"imported {count} modules")
    if failed or leaked:
        print("\\n".join(failed + [f"leaked: {m}" for m in leaked]))
        sys.exit(1)
    """
)


def test_core_cli_and_plugins_import_without_qt():
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    count = int(proc.stdout.split()[1])
    assert count >= 10, proc.stdout
