"""Issue 16 part 4: no code of ours imports a dependency's private module.

The store used to import ``h5py._objects.phil`` (h5py's private lock) to call libhdf5
through ctypes; an h5py release that moved it would have broken opening any project.
This scan reads every module of ``workbench`` and ``plugins`` (and the packaging and
benchmark scripts) with ``ast`` and fails on any ``import x._y`` / ``from x._y import``
/ ``from x import _y`` of another package, and on ``importlib.import_module`` or
``__import__`` calls with such a name. Our own packages may use their private
modules; the standard library's few underscore modules that are documented public
API are allowed by name.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OURS = {"workbench", "plugins", "tests"}
# documented, public standard-library modules whose names start with an underscore
STDLIB_OK = {"__future__", "_thread", "_typeshed"}
SCANNED = ("workbench", "plugins", "packaging", "tests/benchmarks")


def private_parts(module: str) -> list[str]:
    parts = module.split(".")
    if parts[0] in OURS or parts[0].startswith("test_") or module in STDLIB_OK:
        return []  # our own modules (tests import each other by file name)
    return [p for p in parts if p.startswith("_") and not p.startswith("__")]


def offences(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", ""))
            in ("import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names = [node.args[0].value]
        for name in names:
            if private_parts(name):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}")
    return found


def test_no_private_module_of_a_dependency_is_imported():
    files = [p for base in SCANNED for p in (ROOT / base).rglob("*.py")]
    assert len(files) > 100
    bad = [o for p in files for o in offences(p)]
    assert bad == [], "private modules of dependencies imported:\n" + "\n".join(bad)


def test_the_scan_finds_what_it_must(tmp_path):
    """The scan itself: each way of reaching a private module is caught."""
    sample = tmp_path / "x.py"
    sample.write_text(
        "from h5py._objects import phil\n"
        "import numpy._core.multiarray\n"
        "from h5py import _hl\n"
        "import importlib\nimportlib.import_module('h5py._conv')\n"
        "from workbench.project import _private_of_ours\n"
        "from __future__ import annotations\n"
    )
    global ROOT
    old = ROOT
    ROOT = tmp_path
    try:
        found = offences(sample)
    finally:
        ROOT = old
    assert [f.split(": ", 1)[1] for f in found] == [
        "h5py._objects",
        "h5py._objects.phil",
        "numpy._core.multiarray",
        "h5py._hl",
        "h5py._conv",
    ]


# -- no dependency rebuilt from source ---------------------------------------------------
# Issue 16 part 4: the Linux build compiled NumPy from its source distribution against
# SciPy's OpenBLAS (``pip wheel --no-binary numpy -Csetup-args=-Duse-ilp64=false``, then
# patchelf and a module swap in the spec). Every dependency now comes from its wheel:
# no script that builds, installs or packages the program asks pip for a source build.
BUILD_SCRIPTS = ("packaging", ".ci", "workbench/bootstrap.py", "pyproject.toml")
SOURCE_BUILD_MARKS = (
    "--no-binary",
    "no_binary",
    "--no-build-isolation",
    "setup-args",
    "--config-settings",
    "use-ilp64",
    "swap_numpy",
)


def source_build_marks(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    return [
        f"{path.relative_to(ROOT)}:{n}: {mark}"
        for n, line in enumerate(text.splitlines(), start=1)
        for mark in SOURCE_BUILD_MARKS
        if mark in line and "SOURCE_BUILD_MARKS" not in line
    ]


def test_no_dependency_is_rebuilt_from_source():
    files: list[Path] = []
    for base in BUILD_SCRIPTS:
        where = ROOT / base
        files += [where] if where.is_file() else [p for p in where.rglob("*") if p.is_file()]
    scripts = [p for p in files if p.suffix in ("", ".py", ".spec", ".toml", ".sh", ".iss")]
    assert any(p.name == "build.py" for p in scripts) and any(p.name == "run" for p in scripts)
    bad = [m for p in scripts for m in source_build_marks(p)]
    assert bad == [], "a dependency is built from source:\n" + "\n".join(bad)


def test_the_source_build_scan_finds_the_old_numpy_build(tmp_path):
    global ROOT
    old_root, ROOT = ROOT, tmp_path
    sample = tmp_path / "lp64_numpy.py"
    sample.write_text(
        '_pip("wheel", "numpy==2.3", "--no-binary", "numpy", "-w", str(wheels),\n'
        '     "-Csetup-args=-Duse-ilp64=false")\n'
    )
    try:
        found = source_build_marks(sample)
    finally:
        ROOT = old_root
    assert [f.split(": ", 1)[1] for f in found] == ["--no-binary", "setup-args", "use-ilp64"]
