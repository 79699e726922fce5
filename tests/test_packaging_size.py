"""Packaging size cuts that need proof: no HiGHS solver.

- ``packaging/no_highs.py`` replaces SciPy's HiGHS extension modules (7 MB) by
  placeholders. Tested: nothing of ours names an LP/MILP entry point, the analyses run
  with the placeholders, and using HiGHS gives a clear ``ImportError``.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from tests.hook_script import run_hook_script
from tests.source_scan import sources_matching

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
sys.path.insert(0, str(PACKAGING))

import bundle_contents as bc  # noqa: E402

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
