"""Every message of every built-in plugin is in English and Finnish.

Two checks: (1) every built-in plugin is run on the demo project and on small
fixtures that reach its less common notes (class distributions, single replicates,
bases that cannot be used, curves without an oxidising segment, poor PLS models,
samples a model cannot predict), and each message produced must be an
``{"en", "fi"}`` record with two different, non-empty texts; (2) a syntax-tree scan
of ``plugins/`` finds no message added as a plain string, so notes on branches the
fixtures do not reach are bilingual too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np
import pytest
from spectral_synth import project_with_spectra, spectrum_measurement, synthetic
from test_analysis_tga_proximate import _project as tga_project
from test_analysis_tga_proximate import synthetic_curve

from workbench.analysis import discover, run_plugin
from workbench.demo import build_demo_project
from workbench.model import Column, Measurement, Project, Quantity, Result, new_id

PLUGINS = Path(__file__).resolve().parents[1] / "plugins"


@pytest.fixture(scope="module")
def registry():
    return discover(entry_points=False)


def _demo_results(registry) -> list[Result]:
    project = build_demo_project()
    ids = list(project.samples)
    results: list[Result] = []
    for pid in ("moisture_ash", "tga_proximate", "fuel_properties", "spectral_preprocessing"):
        for sid in ids:
            results += run_plugin(project, pid, sid, registry=registry)
    fibre = [
        s.id
        for s in project.samples.values()
        if any(m.kind == "fibre_particles" for m in s.measurements.values())
    ]
    for sid in fibre:
        results += run_plugin(project, "fibre_length", sid, registry=registry)
    results += run_plugin(project, "fibre_length_compare", fibre[:2], registry=registry)
    results += run_plugin(project, "pca", ids, {"n_components": 10}, registry=registry)
    return results


def _edge_results(registry) -> list[Result]:
    """Small fixtures that reach the notes the demo data do not."""
    project = Project()
    results: list[Result] = []

    def add(name: str, *measurements: Measurement) -> str:
        sid = project.add_sample(name).id
        for m in measurements:
            project.add_measurement(sid, m)
        return sid

    def values(kind: str, **qs: Quantity) -> Measurement:
        return Measurement(id=new_id("m"), kind=kind, quantities=dict(qs))

    # Fibre length from class counts, from a particle list with an unreadable length.
    edges = np.array([0.0, 0.2, 1.0, 3.0])
    dist = Measurement(
        id=new_id("m"),
        kind="fibre_distribution",
        columns={
            "class_lower": Column("class_lower", "mm", edges[:-1]),
            "class_upper": Column("class_upper", "mm", edges[1:]),
            "count": Column("count", "", np.array([50.0, 30.0, 20.0])),
        },
    )
    other = Measurement(
        id=new_id("m"),
        kind="fibre_distribution",
        label="other classes",
        columns={
            "class_lower": Column("class_lower", "mm", np.array([0.0, 0.5])),
            "class_upper": Column("class_upper", "mm", np.array([0.5, 2.0])),
            "count": Column("count", "", np.array([5.0, 5.0])),
        },
    )
    sid = add("Classes", dist, other)
    results += run_plugin(project, "fibre_length", sid, registry=registry)
    parts = Measurement(
        id=new_id("m"),
        kind="fibre_particles",
        label="no unit",
        columns={"length": Column("length", "", np.array([0.1, 0.8, np.nan, 1.5, 2.2]))},
    )
    sid = add("Particles", parts)
    results += run_plugin(project, "fibre_length", sid, registry=registry)

    # Moisture and ash: one replicate each, values on bases that cannot be used.
    sid = add(
        "Single",
        values("moisture", moisture=Quantity(30.0, "%", "ar")),
        values("moisture", moisture=Quantity(42.0, "%", "db")),
        values("ash", ash=Quantity(1.5, "%", "db")),
        values("ash", ash=Quantity(1.0, "%", "ar")),
    )
    results += run_plugin(project, "moisture_ash", sid, registry=registry)
    crucible = Measurement(
        id=new_id("m"),
        kind="ash",
        columns={
            "crucible": Column("crucible", "g", np.array([20.0, 20.1])),
            "crucible + sample": Column("crucible + sample", "g", np.array([21.0, 21.1])),
            "crucible + ash": Column("crucible + ash", "g", np.array([20.01, 20.13])),
        },
    )
    sid = add("Weighed ash", crucible)
    results += run_plugin(project, "moisture_ash", sid, registry=registry)

    # Fuel properties: values on as-received basis, a daf value without ash, no N/S/O.
    sid = add(
        "Fuel",
        values(
            "properties",
            volatile_matter=Quantity(60.0, "%", "ar"),
            ash=Quantity(1.0, "%", "ar"),
            moisture=Quantity(25.0, "%", "ar"),
            carbon=Quantity(50.0, "%", "db"),
            hydrogen=Quantity(6.0, "%", "db"),
            fixed_carbon=Quantity(20.0, "g", "db"),
            sulfur=Quantity(0.1, "%", "daf"),
        ),
    )
    results += run_plugin(project, "fuel_properties", sid, registry=registry)

    # TGA: a curve without an oxidising segment; a switch temperature never reached.
    time, temp, mass, n_heat = synthetic_curve()
    tga, tga_sid = tga_project(time[: n_heat + 1], temp[: n_heat + 1], mass[: n_heat + 1])
    results += run_plugin(tga, "tga_proximate", tga_sid, registry=registry)
    tga, tga_sid = tga_project(time, temp, mass)
    params = {"switch_mode": "temperature", "switch_temperature": 950.0}
    results += run_plugin(tga, "tga_proximate", tga_sid, params, registry=registry)
    return results


def _pls_results(registry) -> list[Result]:
    results: list[Result] = []
    x, Y, y, _ = synthetic(40, 120, seed=4)
    good = project_with_spectra(x, Y, y, missing=[0, 5])
    ids = list(good.samples)
    results += run_plugin(
        good, "pls_calibration", ids, {"model_name": "lignin NIR"}, registry=registry
    )
    short = good.add_sample("short range")
    good.add_measurement(short.id, spectrum_measurement(x[:50], Y[3, :50]))
    other_unit = good.add_sample("other unit")
    good.add_measurement(other_unit.id, spectrum_measurement(x, Y[4], unit="cm-1"))
    results += run_plugin(
        good,
        "pls_predict",
        [ids[0], short.id, other_unit.id],
        {"model": "lignin NIR"},
        registry=registry,
    )
    x, Y, _y, _ = synthetic(30, 80, seed=13)
    noise = np.random.default_rng(0).uniform(10, 40, size=30)
    poor = project_with_spectra(x, Y, noise, missing=[0, 1])
    results += run_plugin(
        poor, "pls_calibration", list(poor.samples), {"folds": 5}, registry=registry
    )
    return results


def _bilingual(m: object) -> bool:
    """An {"en", "fi"} record with two different, non-empty texts."""
    if not (isinstance(m, dict) and set(m) == {"en", "fi"}):
        return False
    en, fi = m["en"], m["fi"]
    return (
        isinstance(en, str) and isinstance(fi, str) and bool(en.strip() and fi.strip()) and en != fi
    )


def test_every_builtin_plugin_message_is_in_english_and_finnish(registry):
    results = _demo_results(registry) + _edge_results(registry) + _pls_results(registry)
    builtin = {r.id for r in registry if r.origin == "built-in"}
    assert {r.plugin_id for r in results} == builtin  # every built-in plugin was run
    seen = 0
    problems = []
    for r in results:
        for m in r.messages:
            seen += 1
            if not _bilingual(m):
                problems.append((r.plugin_id, m))
    assert seen > 50
    assert not problems, "\n".join(f"{pid}: {m!r}" for pid, m in problems)


def _message_calls(tree: ast.AST):
    """Calls that add a message: ``<...>.messages/notes.append|extend|insert(...)``
    and ``<out>.note(...)``."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        target = node.func.value
        name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
        if node.func.attr in ("append", "extend", "insert") and name in ("messages", "notes"):
            yield node, "list"
        elif node.func.attr == "note":
            yield node, "note"


def test_no_builtin_plugin_adds_a_plain_string_message():
    found = 0
    problems = []
    for path in sorted(PLUGINS.rglob("*.py")):
        for node, how in _message_calls(ast.parse(path.read_text(encoding="utf-8"))):
            found += 1
            where = f"{path.relative_to(PLUGINS)}:{node.lineno}"
            if how == "note":
                keywords = {k.arg for k in node.keywords}
                if not ({"en", "fi"} <= keywords or len(node.args) == 2):
                    problems.append(f"{where}: note() without a Finnish text")
                continue
            arg = node.args[-1] if node.args else None
            is_record = isinstance(arg, ast.Call) and getattr(arg.func, "id", "") == "bilingual"
            passes_list = isinstance(arg, ast.Name | ast.Attribute) and node.func.attr == "extend"
            if not (is_record or passes_list):
                problems.append(f"{where}: message added without bilingual(en, fi)")
    assert found > 30
    assert not problems, "\n".join(problems)
