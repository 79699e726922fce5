"""The program installed as Python packages are installed: an sdist, a wheel built from it,
and that wheel in a fresh virtual environment running ``self-test``, ``demo`` and
``plugins`` (issue 15: a plain ``pip install .`` used to lack resources and plugins).

The wheel is built from the sdist (as ``python -m build`` does), so a file the sdist
lacks is missing from the wheel too. The fresh environment installs the wheel and
resolves its dependencies from the configured package indexes (pip's cache keeps that
to about half a minute); its commands run from a folder outside the repository, so
nothing can come from the source tree.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_workbench_package_is_listed_for_the_distribution():
    """``pyproject.toml`` lists packages explicitly (resources/ and plugins/ are mapped into
    the distribution); a new subpackage of workbench/ must be added there."""
    listed = set(_pyproject()["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "workbench").rglob("__init__.py")
        if "__pycache__" not in p.parts
    }
    missing = sorted(found - listed)
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {missing}"
    mapped = _pyproject()["tool"]["setuptools"]["package-dir"]
    assert mapped == {"workbench.resources": "resources", "workbench.builtin_plugins": "plugins"}


def test_resources_are_found_through_importlib_resources_not_the_source_tree():
    import importlib.resources

    from workbench import paths

    assert paths.resources_dir() == Path(str(importlib.resources.files("workbench.resources")))
    assert paths.plugins_dir() == Path(str(importlib.resources.files("workbench.builtin_plugins")))
    source = (ROOT / "workbench" / "paths.py").read_text(encoding="utf-8")
    assert "_MEIPASS" not in source and "__file__" not in source


def _run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, **kw)
    assert proc.returncode == 0, f"{cmd} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}"
    return proc


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    """The sdist of the working tree and a wheel built from that sdist."""
    out = tmp_path_factory.mktemp("dist")
    code = "import sys; from setuptools import build_meta as b; print(b.build_sdist(sys.argv[1]))"
    proc = _run([sys.executable, "-c", code, str(out)], cwd=ROOT)
    # setuptools announces what a later release refuses (the license as a table: an error
    # from 2027-02-18): a build that warns today is a `pip install .` that fails later
    assert "deprecated" not in proc.stdout + proc.stderr, proc.stdout + proc.stderr
    name = proc.stdout.strip().splitlines()[-1]
    sdist = out / name
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    _run([*pip, "wheel", "--no-deps", "-w", str(out), str(sdist)], cwd=out)
    (wheel,) = out.glob("*.whl")
    return {"sdist": sdist, "wheel": wheel}


def test_the_wheel_carries_every_resource_and_builtin_plugin(built):
    names = set(zipfile.ZipFile(built["wheel"]).namelist())
    expected = set()
    for base, package in (
        ("resources", "workbench/resources"),
        ("plugins", "workbench/builtin_plugins"),
    ):
        for path in (ROOT / base).rglob("*"):
            rel = path.relative_to(ROOT / base).as_posix()
            if (
                path.is_file()
                and "__pycache__" not in path.parts
                and not rel.startswith("screenshots/")
            ):
                expected.add(f"{package}/{rel}")
    assert expected - names == set()
    assert not any(n.startswith(("plugins/", "resources/")) for n in names), "no top-level package"
    assert "workbench/resources/screenshots/main_window.png" not in names  # README picture


def test_the_installed_wheel_runs_self_test_demo_and_plugins(built, tmp_path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    py = bin_dir / "python"
    _run(
        [str(py), "-m", "pip", "install", "--disable-pip-version-check", "-q", str(built["wheel"])]
    )
    exe = str(bin_dir / "fibre-workbench")
    work = tmp_path / "work"  # outside the repository: nothing may come from the checkout
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env.update(FIBRE_WORKBENCH_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")

    where = _run(
        [
            str(py),
            "-c",
            "from workbench import paths; print(paths.resources_dir()); print(paths.plugins_dir())",
        ],
        cwd=work,
        env=env,
    ).stdout.split()
    site = str(env_dir)
    assert all(w.startswith(site) for w in where), where

    selftest = _run([exe, "self-test"], cwd=work, env=env).stdout
    assert "FAIL" not in selftest and "self-test steps passed" in selftest
    demo = _run([exe, "demo", str(work / "demo.fwproj")], cwd=work, env=env).stdout
    assert "Wrote the demonstration project" in demo
    listing = json.loads(_run([exe, "plugins", "--json"], cwd=work, env=env).stdout)
    builtin = {
        r["id"] for r in listing["plugins"] if r["origin"] == "built-in" and r["status"] == "ok"
    }
    assert {p.parent.name for p in (ROOT / "plugins").glob("*/plugin.toml")} <= builtin
    verdicts = _run([exe, "classify", str(work / "demo.fwproj")], cwd=work, env=env).stdout
    assert "suitable" in verdicts
