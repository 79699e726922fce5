"""Packaging size cuts that need proof: one OpenBLAS for NumPy and SciPy, no HiGHS solver.

- ``packaging/lp64_numpy.py`` builds NumPy against SciPy's LP64 OpenBLAS and the spec
  swaps it in for the wheel's NumPy (whose ILP64 OpenBLAS, 25 MB, is then left out).
  Tested here: the swap itself (without a build), the cached build when present
  (links only SciPy's copy, every OpenBLAS symbol it needs is there, one OpenBLAS
  loaded with NumPy, SciPy and scikit-learn imported), and the smoke check's
  loaded-library count.
- ``packaging/no_highs.py`` replaces SciPy's HiGHS extension modules (7 MB) by
  placeholders. Tested: nothing of ours names an LP/MILP entry point, the analyses run
  with the placeholders, and using HiGHS gives a clear ``ImportError``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hook_script import run_hook_script
from tests.source_scan import sources_matching

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
sys.path.insert(0, str(PACKAGING))

import bundle_contents as bc  # noqa: E402
import lp64_numpy  # noqa: E402
import smoke_check  # noqa: E402

# -- one OpenBLAS ---------------------------------------------------------------------


def _touch(path: Path, text: str = "x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_swap_numpy_takes_every_numpy_file_from_the_build_and_drops_numpy_libs(tmp_path):
    wheel_site, built = tmp_path / "venv", tmp_path / "built"
    ext = "numpy/_core/_multiarray_umath.cpython-311-x86_64-linux-gnu.so"
    for base in (wheel_site, built):
        _touch(base / ext)
        _touch(base / "numpy/__init__.py")
        _touch(base / "numpy/linalg/_linalg.py")
        _touch(base / "numpy/_core/lib/npy-pkg-config/npymath.ini")
    binaries = [
        (ext, str(wheel_site / ext), "EXTENSION"),
        ("numpy.libs/libscipy_openblas64_-32a4b2a6.so", "/x/openblas64.so", "BINARY"),
        ("numpy.libs/libgfortran-040039e1-0352e75f.so.5.0.0", "/x/gf.so", "BINARY"),
        ("scipy.libs/libscipy_openblas-6cdc3b4a.so", "/x/openblas.so", "BINARY"),
        ("scipy/linalg/_fblas.so", "/x/fblas.so", "EXTENSION"),
        ("scipy.libs/libgfortran-040039e1-0352e75f.so.5.0.0", "/x/gf2.so", "BINARY"),
        (
            "libscipy_openblas64_-32a4b2a6.so",
            "numpy.libs/libscipy_openblas64_-32a4b2a6.so",
            "SYMLINK",
        ),
    ]
    datas = [
        (
            "numpy/_core/lib/npy-pkg-config/npymath.ini",
            str(wheel_site / "numpy/_core/lib/npy-pkg-config/npymath.ini"),
            "DATA",
        ),
        ("numpy.libs/libgfortran.so", "../scipy.libs/libgfortran.so", "SYMLINK"),
        ("resources/a.toml", "/src/a.toml", "DATA"),
        # PyInstaller's top-level link: the loader resolves $ORIGIN of SciPy's OpenBLAS,
        # opened through its own top-level link, at the top, so this one must remain
        (
            "libgfortran-040039e1-0352e75f.so.5.0.0",
            "numpy.libs/libgfortran-040039e1-0352e75f.so.5.0.0",
            "SYMLINK",
        ),
    ]
    pure = [
        ("numpy", str(wheel_site / "numpy/__init__.py"), "PYMODULE"),
        ("numpy.linalg._linalg", str(wheel_site / "numpy/linalg/_linalg.py"), "PYMODULE"),
        ("scipy", "/x/scipy/__init__.py", "PYMODULE"),
    ]
    new_b, new_d, new_p = lp64_numpy.swap_numpy(binaries, datas, pure, built)
    assert new_b == [
        (ext, str(built / ext), "EXTENSION"),
        binaries[3],
        binaries[4],
        binaries[5],
    ]
    assert new_d == [
        (datas[0][0], str(built / datas[0][0]), "DATA"),
        datas[2],
        (
            "libgfortran-040039e1-0352e75f.so.5.0.0",
            "scipy.libs/libgfortran-040039e1-0352e75f.so.5.0.0",
            "SYMLINK",
        ),
    ]
    assert new_p == [
        ("numpy", str(built / "numpy/__init__.py"), "PYMODULE"),
        ("numpy.linalg._linalg", str(built / "numpy/linalg/_linalg.py"), "PYMODULE"),
        pure[2],
    ]
    (built / ext).unlink()  # a build that lacks a module of the wheel is refused
    with pytest.raises(FileNotFoundError, match="_multiarray_umath"):
        lp64_numpy.swap_numpy(binaries, datas, pure, built)


def test_the_spec_and_build_use_the_lp64_numpy():
    spec = (PACKAGING / "fibre-workbench.spec").read_text(encoding="utf-8")
    assert "lp64_numpy.cached_site()" in spec and "lp64_numpy.swap_numpy(" in spec
    build = (PACKAGING / "build.py").read_text(encoding="utf-8")
    assert "lp64_numpy.ensure_lp64_numpy()" in build
    # the pinned OpenBLAS is the release SciPy's own wheel was built against
    scipy_blas = lp64_numpy.scipy_openblas_version()
    if scipy_blas is not None:
        assert lp64_numpy.OPENBLAS32_VERSION.startswith(scipy_blas + ".")


ONE_BLAS = """
import json
import numpy as np
import scipy.linalg
import sklearn.cross_decomposition
from threadpoolctl import threadpool_info
a = np.random.default_rng(0).normal(size=(60, 60))
ok = np.allclose(scipy.linalg.inv(a) @ a, np.eye(60), atol=1e-9)
ok = ok and np.allclose(np.linalg.inv(a) @ a, np.eye(60), atol=1e-9)
blas = [i["filepath"] for i in threadpool_info() if i["user_api"] == "blas"]
print(json.dumps({"numpy": np.__file__, "blas": blas, "ok": bool(ok)}))
"""


def test_cached_lp64_numpy_needs_only_scipys_openblas(tmp_path):
    """The built NumPy (when build.py has made it here) links SciPy's OpenBLAS only,
    finds every symbol in it, and with SciPy and scikit-learn loaded one BLAS is in use."""
    site = lp64_numpy.cached_site()
    if site is None:
        pytest.skip("no cached LP64 NumPy (made by packaging/build.py on Linux)")
    openblas = lp64_numpy.scipy_openblas()
    assert openblas is not None
    info = lp64_numpy.verify(site, openblas)  # symbols, links, numpy.linalg values
    assert info["blas"] == "scipy-openblas" and info["ilp64"] is False
    users = [m for m in lp64_numpy.extension_modules(site) if lp64_numpy.blas_symbols_used(m)]
    assert {m.name.split(".")[0] for m in users} >= {"_multiarray_umath", "_umath_linalg"}
    for module in users:
        assert openblas.name in lp64_numpy.direct_needs(module)
        assert lp64_numpy.run_path(module).startswith("$ORIGIN/")
    env = dict(os.environ, PYTHONPATH=str(site))
    proc = subprocess.run(
        [sys.executable, "-c", ONE_BLAS], env=env, capture_output=True, text=True, cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["numpy"].startswith(str(site)) and result["ok"]
    assert [Path(p).name for p in result["blas"]] == [openblas.name]


def test_smoke_check_counts_the_openblas_the_loader_initialised(tmp_path):
    trace = (
        "  4711:\tfind library=libscipy_openblas-6cdc3b4a.so [0]; searching\n"
        "  4711:\tcalling init: /b/_internal/numpy/_core/../../scipy.libs/libscipy_openblas.so\n"
        "  4711:\tcalling init: /b/_internal/scipy/linalg/../../scipy.libs/libscipy_openblas.so\n"
        "  4711:\tcalling init: /b/_internal/numpy.libs/libscipy_openblas64_-32a4b2a6.so\n"
        "  4711:\tcalling init: /lib/x86_64-linux-gnu/libc.so.6\n"
    )
    loaded = smoke_check.loaded_libraries(trace)
    assert loaded == sorted(
        {
            "/b/_internal/scipy.libs/libscipy_openblas.so",
            "/b/_internal/numpy.libs/libscipy_openblas64_-32a4b2a6.so",
            "/lib/x86_64-linux-gnu/libc.so.6",
        }
    )
    _touch(tmp_path / "_internal/scipy.libs/libscipy_openblas-1.so")
    (tmp_path / "_internal/numpy.libs").mkdir()
    (tmp_path / "_internal/numpy.libs/libscipy_openblas-1.so").symlink_to(
        "../scipy.libs/libscipy_openblas-1.so"
    )
    assert smoke_check.openblas_files(tmp_path) == ["_internal/scipy.libs/libscipy_openblas-1.so"]


# -- no HiGHS -------------------------------------------------------------------------


def test_nothing_of_ours_solves_linear_programs():
    """The HiGHS placeholders are right only while no code of ours reaches HiGHS."""
    assert not sources_matching(
        re.compile(r"linprog|milp|_highspy|QuantileRegressor|wasserstein_distance_nd")
    )
    assert set(bc.SCIPY_PLACEHOLDER_MODULES) <= set(bc.excludes())
    spec = (PACKAGING / "fibre-workbench.spec").read_text(encoding="utf-8")
    assert '"no_highs.py"' in spec


WITH_HIGHS_PLACEHOLDERS = """
import json, re, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import no_highs  # the runtime hook of the frozen application, before any SciPy import
import bundle_contents as bc
names = set(bc.hidden_imports())
pattern = re.compile(r"^\\s*(?:from|import)\\s+((?:sklearn|scipy)[\\w.]*)", re.M)
for base in ("workbench", "plugins"):
    for path in (bc.ROOT / base).rglob("*.py"):
        names |= set(pattern.findall(path.read_text(encoding="utf-8")))
import importlib
for name in sorted(names - set(bc.PYTHON_EXCLUDES)):
    if not name.startswith("workbench.gui"):
        importlib.import_module(name)
from workbench.selftest import run_self_test
lines = []
ok = run_self_test(Path(sys.argv[2]), out=lines.append,
                   only=["PLS", "numerics", "fibre", "proximate", "classify"])
core = sys.modules["scipy.optimize._highspy._core"]
from scipy.optimize import linprog
try:
    linprog([1.0, 1.0], A_ub=[[-1.0, -1.0]], b_ub=[-1.0])
    error = None
except ImportError as exc:
    error = [type(exc).__name__, str(exc)]
print(json.dumps({"ok": ok, "lines": lines, "doc": core.__doc__, "error": error}))
"""


def test_analyses_run_with_the_highs_placeholders(tmp_path):
    """With the frozen app's HiGHS stand-ins, every module we import loads, the analyses
    of the self-test (PLS, PCA, fibres, proximate, classification) pass, and solving a
    linear program says clearly that HiGHS is not bundled."""
    proc = run_hook_script(
        WITH_HIGHS_PLACEHOLDERS, str(PACKAGING), str(tmp_path / "w"),
        home=tmp_path, cwd=ROOT, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["ok"], result["lines"]
    assert len(result["lines"]) >= 5
    assert result["doc"].startswith("Placeholder.")
    assert result["error"][0] == "HighsNotBundled"
    assert "HiGHS linear-programming solver is not included" in result["error"][1]
