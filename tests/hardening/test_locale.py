"""Locale: under a decimal-comma OS locale (fi_FI) files are parsed by their own declaration.

A Qt application calls ``setlocale(LC_ALL, "")`` at start, so C-level number parsing
and printing in the process follow the OS locale. The importers must not: a file
with decimal points and a file with decimal commas give the same values whatever
the locale. The test compiles fi_FI.UTF-8 into a temp folder with ``localedef`` (the
machine may not have it installed) and runs the importers, the JSON output of
``info --json`` and Python's float parsing in a child process with ``LOCPATH`` and
``LC_ALL=fi_FI.UTF-8`` after ``setlocale(LC_ALL, "")``. When localedef is missing
the child runs under C.UTF-8 and the test says so in its skip reason for the
decimal-comma part. The results must equal those of a C-locale child exactly.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

CHILD = r"""
import hashlib, json, locale, sys
locale.setlocale(locale.LC_ALL, "")  # what QApplication does on start
import numpy as np
from tests.hardening.fuzzlib import all_seeds
from workbench.errors import UserFacingError
from workbench.importers.registry import parse_bytes
out = {"decimal_point": locale.localeconv()["decimal_point"],
       "float": float("1.5"), "np": float(np.float64("2.25")),
       "printf": "%.2f" % 1.25, "files": {}}
for name, raw in sorted(all_seeds().items()):
    try:
        parsed = parse_bytes(raw, name)
    except UserFacingError as exc:
        out["files"][name] = "error: " + str(exc)
        continue
    h = hashlib.sha256()
    for m in parsed.measurements:
        h.update(json.dumps({k: q.to_json() for k, q in m.quantities.items()},
                            sort_keys=True).encode())
        for cname, c in m.columns.items():
            arr = np.asarray(c.values())
            h.update(cname.encode() + (arr.tobytes() if arr.dtype.kind != "U"
                     else "|".join(arr).encode()))
    out["files"][name] = h.hexdigest()
from workbench.cli.main import main
from workbench.project.store import save_project, close_project
from workbench.project.synthetic import make_project
import io, contextlib
p = make_project(1)
save_project(p, sys.argv[1]); close_project(p)
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    main(["info", sys.argv[1], "--json"])
out["info"] = json.loads(buf.getvalue())
out["info_has_comma_decimals"] = any(
    ch.isdigit() and buf.getvalue()[i + 1 : i + 2] == "," and buf.getvalue()[i + 2 : i + 3].isdigit()
    for i, ch in enumerate(buf.getvalue()[:-2]))
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def fi_locale(tmp_path_factory) -> tuple[dict[str, str], str]:
    """Environment for a fi_FI.UTF-8 child (compiled with localedef), or C.UTF-8 with a note."""
    folder = tmp_path_factory.mktemp("locales")
    if shutil.which("localedef"):
        done = subprocess.run(
            ["localedef", "-i", "fi_FI", "-f", "UTF-8", str(folder / "fi_FI.UTF-8")],
            capture_output=True,
        )
        if (folder / "fi_FI.UTF-8" / "LC_NUMERIC").exists():
            return {"LOCPATH": str(folder), "LC_ALL": "fi_FI.UTF-8"}, ""
        note = f"localedef failed: {done.stderr.decode(errors='replace')[:200]}"
    else:
        note = "localedef is not available"
    return {"LC_ALL": "C.UTF-8"}, note


def run_child(env_extra: dict[str, str], tmp_path: Path, tag: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k != "LANG"}
    env.update(env_extra, PYTHONPATH=str(REPO))
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / f"{tag}.fwproj")],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=600,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_importers_ignore_a_decimal_comma_os_locale(fi_locale, tmp_path):
    env, note = fi_locale
    c = run_child({"LC_ALL": "C"}, tmp_path, "c")
    fi = run_child(env, tmp_path, "fi")
    assert c["decimal_point"] == "."
    if note:
        pytest.skip(f"fi_FI could not be set up ({note}); only C.UTF-8 was compared")
    assert fi["decimal_point"] == ",", "the child did not run under a decimal-comma locale"
    # Python's and numpy's own number parsing/printing never follow the locale
    assert fi["float"] == 1.5 and fi["np"] == 2.25 and fi["printf"] == "1.25"
    # every seed file (shared samples and generated, both decimal marks) parses the same
    assert fi["files"] == c["files"]
    parsed = [n for n, v in c["files"].items() if not v.startswith("error")]
    assert len(parsed) >= 8, parsed
    # JSON output keeps decimal points
    assert not fi["info_has_comma_decimals"]
    strip = lambda d: json.dumps(d, sort_keys=True)  # noqa: E731
    assert strip(fi["info"]["samples"][0]["measurements"][0]["x_range"]) == strip(
        c["info"]["samples"][0]["measurements"][0]["x_range"]
    )


def test_core_never_uses_the_process_locale():
    """No module outside the GUI imports ``locale`` (number parsing is per file)."""
    import ast

    offenders = []
    for path in sorted((REPO / "workbench").rglob("*.py")) + sorted(
        (REPO / "plugins").rglob("*.py")
    ):
        if "gui" in path.relative_to(REPO).parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            if any(n.split(".")[0] == "locale" for n in names):
                offenders.append(str(path.relative_to(REPO)))
    assert not offenders, offenders
