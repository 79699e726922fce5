"""End-to-end self-test of the installed application, without a display.

``fibre-workbench self-test`` (and the packaged application's smoke check) runs every
step below in order, in a fresh temporary folder, and prints OK or FAIL for each.
Steps are plain functions of the work folder registered with ``@step("name")``; they
check real outcomes (arrays equal after a reopen, attributes present in the file)
and raise ``SelfTestFailure`` (or any exception) when something is wrong. Steps may
leave files in the work folder for later steps (the first steps write
``selftest.fwproj``). Features add their own steps here as they land: import a
generated file, run an analysis, classify, report.

Qt-free: the self-test drives the core only.
"""

from __future__ import annotations

import datetime as _dt
import json
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from workbench.projectdiff import SelfTestFailure, check, compare_projects

__all__ = ["STEPS", "SelfTestFailure", "check", "compare_projects", "run_self_test", "step"]

StepFunc = Callable[[Path], None]
STEPS: list[tuple[str, StepFunc]] = []
PROJECT_NAME = "selftest.fwproj"


def step(name: str) -> Callable[[StepFunc], StepFunc]:
    """Register a self-test step under ``name`` (steps run in registration order)."""

    def register(func: StepFunc) -> StepFunc:
        if any(existing == name for existing, _ in STEPS):
            raise ValueError(f"self-test step {name!r} is registered twice")
        STEPS.append((name, func))
        return func

    return register


# -- steps --------------------------------------------------------------------------


def _selftest_project() -> Any:
    """The demo samples plus a derived result with a curve and a stored model."""
    from workbench.demo import build_demo_project
    from workbench.model import Column, Quantity, Result, StoredModel

    project = build_demo_project()
    sample = next(iter(project.samples.values()))
    tga = next(m for m in sample.measurements.values() if m.kind == "tga")
    minutes = tga.columns["time"].values()
    dtg = -np.gradient(tga.columns["mass"].values(), minutes)
    result = Result(
        id="r-selftest",
        plugin_id="selftest.dtg",
        plugin_version="1.0",
        parameters={"smoothing": 0, "window": [150.0, 900.0]},
        inputs=[{"type": "measurement", "id": tga.id, "sample": sample.id}],
        values={"volatile_matter": Quantity(80.0, "%", "db", sd=0.5, n=2, origin="derived")},
        columns={
            "time": Column("time", "min", minutes, "Time"),
            "dtg": Column("dtg", "%/min", dtg, "DTG"),
        },
        plots=[{"x": "time", "y": ["dtg"], "title": "DTG"}],
        messages=["self-test result"],
        label="Self-test DTG",
    )
    project.add_result(sample.id, result)
    project.add_model(
        StoredModel(
            id="model-selftest",
            kind="pls",
            name="self-test model",
            params={"n_components": 2},
            arrays={"coef": np.arange(12, dtype=float).reshape(3, 4)},
            provenance={"note": "self-test"},
        )
    )
    project.settings["selftest"] = {"created_by": "self-test"}
    return project


@step("create a project, add data and save it")
def _step_create_and_save(workdir: Path) -> None:
    from workbench.project.store import close_project, save_project

    project = _selftest_project()
    path = workdir / PROJECT_NAME
    save_project(project, path)
    check(path.is_file() and path.stat().st_size > 0, f"{path} was not written")
    check(not project.dirty, "the project is still marked unsaved after saving")
    leftovers = [p.name for p in workdir.iterdir() if p.name.endswith((".fwtmp", ".tmp"))]
    check(not leftovers, f"temporary files left after saving: {leftovers}")
    close_project(project)


@step("reopen the project: every array and attribute equal")
def _step_reopen_equal(workdir: Path) -> None:
    from workbench.project.store import close_project, open_project

    expected = _selftest_project()
    project = open_project(workdir / PROJECT_NAME)
    try:
        check(not project.read_only, f"opened read-only: {project.read_only_reason}")
        # ids other than the fixed demo ids are random: compare the content by id
        check(set(project.samples) == set(expected.samples), "the sample ids changed")
        for sid, sample in expected.samples.items():
            for mid, m in sample.measurements.items():
                m.created = project.samples[sid].measurements[mid].created
            for rid, r in sample.results.items():
                r.created = project.samples[sid].results[rid].created
        for model in expected.models.values():
            model.created = project.models[model.id].created
        expected.audit = []
        compare_projects(expected, project)
    finally:
        close_project(project)


@step("the file is self-describing HDF5 with NeXus NXdata curves")
def _step_layout(workdir: Path) -> None:
    import h5py

    from workbench.model import FORMAT_NAME, FORMAT_VERSION

    with h5py.File(workdir / PROJECT_NAME, "r") as f:
        check(f.attrs.get("format") == FORMAT_NAME, "root attribute 'format' missing or wrong")
        check(int(f.attrs.get("format_version", -1)) == FORMAT_VERSION, "format_version wrong")
        nxdata: list[str] = []

        def visit(name: str, obj: Any) -> None:
            if isinstance(obj, h5py.Group) and obj.attrs.get("NX_class") == "NXdata":
                nxdata.append(name)

        f.visititems(visit)
        check(nxdata, "no NXdata group found")
        for name in nxdata:
            group = f[name]
            signal = group.attrs.get("signal")
            check(signal is not None and signal in group, f"{name}: 'signal' names no dataset")
            axes = group.attrs.get("axes")
            check(axes is not None, f"{name}: no 'axes' attribute")


@step("edit, save again and reopen")
def _step_resave(workdir: Path) -> None:
    from workbench.project.store import close_project, open_project, save_project

    path = workdir / PROJECT_NAME
    before = path.read_bytes()
    project = open_project(path)
    try:
        sid = next(iter(project.samples))
        project.set_sample_field(sid, "name", "Renamed by self-test")
        project.set_sample_metadata(sid, "checked", "yes")
        save_project(project)
    finally:
        close_project(project)
    check(path.read_bytes() != before, "saving an edited project did not change the file")
    project = open_project(path, read_only=True)
    try:
        sample = project.samples[sid]
        check(sample.name == "Renamed by self-test", "the rename was not saved")
        check(sample.metadata.get("checked") == "yes", "the metadata edit was not saved")
        check(any(e.action == "edit sample" for e in project.audit), "the audit log lacks the edit")
        tga = next(m for m in sample.measurements.values() if m.kind == "tga")
        check(tga.columns["mass"].values().size > 0, "curve data lost on the second save")
    finally:
        close_project(project)


@step("the project index matches every object of the file (full check)")
def _step_index(workdir: Path) -> None:
    from workbench.project.store import close_project, open_project, state_of
    from workbench.project.verify import verify

    path = workdir / PROJECT_NAME
    report = verify(path)
    check(report.ok, "; ".join(report.problems[:3]))
    project = open_project(path, read_only=True)
    try:
        check(
            state_of(project).index == "used", f"not opened by its index: {state_of(project).index}"
        )
    finally:
        close_project(project)


@step("summarise the project (info --json)")
def _step_info(workdir: Path) -> None:
    from workbench.project.store import close_project, open_project
    from workbench.summary import project_summary

    project = open_project(workdir / PROJECT_NAME, read_only=True)
    try:
        doc = project_summary(project)
    finally:
        close_project(project)
    text = json.dumps(doc, allow_nan=False)
    check(len(json.loads(text)["samples"]) == len(project.samples), "sample count differs")
    curves = [m for s in doc["samples"] for m in s["measurements"] if m["x_range"]]
    check(curves, "no curve with an axis range in the summary")
    check(any(r["values"] for s in doc["samples"] for r in s["results"]), "no result values")


@step("write the demonstration project")
def _step_demo(workdir: Path) -> None:
    from workbench.demo import write_demo
    from workbench.project.store import close_project, open_project

    path = workdir / "demo.fwproj"
    started = time.perf_counter()
    write_demo(path)
    elapsed = time.perf_counter() - started
    project = open_project(path, read_only=True)
    try:
        check(6 <= len(project.samples) <= 10, f"{len(project.samples)} demo samples")
        for sample in project.samples.values():
            check(sample.metadata.get("data") == "demonstration", f"{sample.name}: not labelled")
            kinds = {m.kind for m in sample.measurements.values()}
            check({"moisture", "ash", "tga", "spectrum"} <= kinds, f"{sample.name}: {kinds}")
    finally:
        close_project(project)
    check(elapsed < 10.0, f"writing the demo took {elapsed:.1f} s")


@step("analyse: fibre length statistics of a demo fibre list")
def _step_fibre_analysis(workdir: Path) -> None:
    from workbench.analysis.runner import run_plugin
    from workbench.demo import build_demo_project

    project = build_demo_project()
    sample = project.samples["s-wheat-straw"]
    fibres = next(m for m in sample.measurements.values() if m.kind == "fibre_particles")
    target = fibres.metadata["target"]
    (result,) = run_plugin(project, "fibre_length", sample.id)
    value = result.values[target["property"]]
    check(value.unit == "mm", f"{target['property']} unit {value.unit!r}")
    check(
        abs(value.value - target["value_mm"]) < 1e-3,
        f"{target['property']} {value.value:.4f} mm, expected {target['value_mm']} mm",
    )
    check(result.inputs and result.inputs[0]["id"] == fibres.id, "the input is not recorded")


@step("resources: routes, reference library, demo data, guide, translations, icons")
def _step_resources(workdir: Path) -> None:
    """The package data this installation needs, found as every install finds it."""
    from workbench.paths import RESOURCES_PACKAGE, resources_dir

    root = resources_dir()
    wanted = {
        "route specifications": "routes/*.toml",
        "reference library": "reference/feedstocks.toml",
        "demo data": "demo/*.json",
        "user guide (English)": "guide/en/*.md",
        "user guide (Finnish)": "guide/fi/*.md",
        "Finnish translation": "translations/*.qm",
        "icons": "icons/fibre-workbench.png",
    }
    missing = [what for what, pattern in wanted.items() if not list(root.glob(pattern))]
    check(not missing, f"{RESOURCES_PACKAGE} at {root} lacks: {', '.join(missing)}")


@step("plugins: every built-in plugin is found and valid")
def _step_plugins(workdir: Path) -> None:
    from workbench.analysis.registry import discover
    from workbench.paths import plugins_dir

    registry = discover()
    builtin = [r for r in registry if r.origin == "built-in"]
    expected = {p.parent.name for p in plugins_dir().glob("*/plugin.toml")}
    check(expected, f"no built-in plugin manifests under {plugins_dir()}")
    check(
        {r.source and Path(r.source).parent.name for r in builtin} == expected,
        "a plugin is missing",
    )
    broken = [f"{r.id}: {r.error}" for r in builtin if r.status != "ok"]
    check(not broken, f"built-in plugins failed: {broken}")


@step("analyse: TGA proximate, moisture/ash and fuel properties of a demo sample")
def _step_proximate_analysis(workdir: Path) -> None:
    from workbench.analysis.registry import discover
    from workbench.analysis.runner import run_plugin
    from workbench.demo import build_demo_project

    registry = discover()
    project = build_demo_project()
    sample = project.samples["s-wheat-straw"]
    tga = next(m for m in sample.measurements.values() if m.kind == "tga")
    targets = tga.metadata["targets"]
    (prox,) = run_plugin(project, "tga_proximate", sample.id, registry=registry)
    for prop, key in (("moisture", "moisture_ar"), ("volatile_matter", "volatile_matter_db")):
        got = prox.values[prop].value
        check(abs(got - targets[key]) < 0.5, f"TGA {prop} {got:.2f} %, expected {targets[key]} %")
    (gravimetric,) = run_plugin(project, "moisture_ash", sample.id, registry=registry)
    check(gravimetric.values["ash"].basis == "db", "ash is not on dry basis")
    (fuel,) = run_plugin(project, "fuel_properties", sample.id, registry=registry)
    hhv = fuel.values["gross_calorific_value"].value
    check(12.0 < hhv < 25.0, f"estimated gross calorific value {hhv:.2f} MJ/kg is implausible")
    check(
        any(i["type"] == "result" for i in fuel.inputs), "prior results are not recorded as inputs"
    )


@step("import: a generated moisture worksheet, then the same file again")
def _step_import(workdir: Path) -> None:
    import hashlib

    from workbench.importers.service import import_files
    from workbench.project.store import close_project, open_project, save_project

    rows = [(1, 24.1234, 34.5678, 30.1111), (2, 23.9876, 33.8765, 29.6543)]
    lines = ["Sample;Replicate;Dish (g);Dish + wet sample (g);Dish + dry sample (g)"]
    lines += [f"Self-test chips;{r};{a};{b};{c}".replace(".", ",") for r, a, b, c in rows]
    raw = ("\r\n".join(lines) + "\r\n").encode("cp1252")
    worksheet = workdir / "selftest_moisture.csv"
    worksheet.write_bytes(raw)
    path = workdir / PROJECT_NAME
    project = open_project(path)
    try:
        summary = import_files(project, [worksheet], new_sample=True)
        outcome = summary.outcomes[0]
        check(outcome.status == "imported", f"import: {outcome.status}: {outcome.message}")
        again = import_files(project, [worksheet], new_sample=True).outcomes[0]
        check(again.status == "already present", f"second import: {again.status}")
        save_project(project)
    finally:
        close_project(project)
    project = open_project(path, read_only=True)
    try:
        sample = project.find_sample("Self-test chips")
        check(sample is not None, "the imported sample is missing after reopening")
        (m,) = [m for m in sample.measurements.values() if m.kind == "moisture"]
        sha = hashlib.sha256(raw).hexdigest()
        check(m.source_sha256 == sha, "the measurement does not point at its source file")
        check(project.sources[sha].read_bytes() == raw, "the original bytes were not kept")
        wet = m.columns["dish_plus_wet_mass"]
        check(wet.unit == "g", f"wet mass unit {wet.unit!r}")
        check(
            np.allclose(wet.values(), [r[2] for r in rows], rtol=0, atol=1e-9),
            f"decimal-comma values read as {wet.values()}",
        )
    finally:
        close_project(project)


@step("import: a worker process parses files exactly as this process does")
def _step_import_worker(workdir: Path) -> None:
    """Large batches are parsed by worker processes (``importers.parallel``); in a
    packaged application that needs the executable to start itself as a worker."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from workbench.importers.parallel import parse_in_worker
    from workbench.importers.registry import read_and_parse

    folder = workdir / "worker_batch"
    folder.mkdir(exist_ok=True)
    x = np.linspace(4000.0, 400.0, 300)
    files = []
    for i in range(3):
        rows = "\n".join(f"{a:.2f};{0.5 + 0.1 * np.sin(a / (40 + i)):.6f}" for a in x)
        files.append(folder / f"spectrum_{i}.csv")
        files[-1].write_text(f"Wavenumber (cm-1);Absorbance\n{rows}\n".replace(".", ","))
    files.append(folder / "not_a_spectrum.txt")
    files[-1].write_text("no numbers here\n")
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        remote = pool.submit(parse_in_worker, [str(f) for f in files], None).result(timeout=300)
    check(len(remote) == len(files), f"the worker answered for {len(remote)} of {len(files)} files")
    for path, (status, value) in zip(files[:3], remote):
        check(status == "ok", f"{path.name}: the worker said {status}: {value}")
        raw, sha, parsed = read_and_parse(path)
        check(value[1] == sha and value[0] == raw, f"{path.name}: other bytes in the worker")
        (mine,), (theirs,) = parsed.measurements, value[2].measurements
        for name, column in mine.columns.items():
            other = theirs.columns[name]
            check(
                other.unit == column.unit and np.array_equal(other.data, column.data),
                f"{path.name}: column {name} differs between the worker and this process",
            )
    check(remote[3][0] == "error", f"a file no reader takes: the worker said {remote[3][0]}")


@step("classify: every demo sample against every route")
def _step_classify(workdir: Path) -> None:
    from workbench.classify.engine import (
        CONDITIONAL,
        NOT_ENOUGH_DATA,
        NOT_SUITABLE,
        SUITABLE,
        classify_project,
    )
    from workbench.classify.routes import load_routes
    from workbench.demo import build_demo_project

    project = build_demo_project()
    routes = load_routes().routes
    check(routes, "no route specifications were found")
    verdicts = classify_project(project, routes)
    check(len(verdicts) == len(project.samples) * len(routes), "a verdict is missing")
    allowed = {SUITABLE, CONDITIONAL, NOT_SUITABLE, NOT_ENOUGH_DATA}
    for v in verdicts:
        check(v.verdict in allowed, f"{v.sample}/{v.route}: verdict {v.verdict!r}")
        check(v.criteria, f"{v.sample}/{v.route}: no criteria listed")
    decided = {v.verdict for v in verdicts} - {NOT_ENOUGH_DATA}
    check(decided, "the demo data decided no route at all")


@step("report: the demo project as HTML and a one-sample PDF")
def _step_report(workdir: Path) -> None:
    from workbench.demo import write_demo
    from workbench.project.store import close_project, open_project
    from workbench.report.writer import write_report

    path = workdir / "report-demo.fwproj"
    write_demo(path)
    project = open_project(path, read_only=True)
    try:
        html_path, pdf_path = workdir / "report.html", workdir / "report.pdf"
        write_report(project, html_path)
        first = next(iter(project.samples.values()))
        write_report(project, pdf_path, sample_names=[first.name], lang="fi")
        html = html_path.read_text(encoding="utf-8")
        for sample in project.samples.values():
            check(sample.name in html, f"report misses sample {sample.name}")
        for sha in project.sources:
            check(sha in html, f"report misses source {sha[:12]}")
        check(pdf_path.read_bytes().startswith(b"%PDF"), "the PDF report is not a PDF")
    finally:
        close_project(project)


# -- runner -------------------------------------------------------------------------


@step("import: generated TGA exports and a per-fibre list through a saved template")
def _step_import_lab_formats(workdir: Path) -> None:
    """NETZSCH (ASCII, 0x9B degree) and TA (UTF-16, marker rows) exports and a
    template-driven per-fibre table parse to the values written into them."""
    from workbench.importers.registry import parse_bytes
    from workbench.importers.templates import (
        load_template,
        parse_with_template,
        save_template,
        template_from_dict,
    )

    netzsch = (
        b"#EXPORTTYPE:DATA SINGLE\r\n#FTYPE:ASCII\r\n#DECIMAL:POINT\r\n#SEPARATOR:SEMICOLON\r\n"
        b"#SAMPLE MASS /mg:9.5\r\n\r\n##Temp./\x9bC;Time/min;Mass/%\r\n"
        b" 30.0;0.0;100.0\r\n 40.0;1.0;99.0\r\n"
    )
    (m,) = parse_bytes(netzsch, "selftest_netzsch.txt").measurements
    check(m.columns["temperature"].unit == "°C", "NETZSCH degree byte 0x9B not decoded")
    check(m.metadata.get("sample_mass_mg") == 9.5, "NETZSCH sample mass lost")
    rows = "\r\n".join(
        [
            "Nsig\t2",
            "Sig1\tTemperature (°C)",
            "Sig2\tWeight (mg)",
            "StartOfData",
            "-3.000000\t1.000000",
            "30.0\t5.0",
            "40.0\t4.9",
            "-1.000000\t0",
        ]
    )
    (m,) = parse_bytes(rows.encode("utf-16"), "selftest_ta.txt").measurements
    check(list(m.columns["mass"].values()) == [5.0, 4.9], "TA marker rows not dropped")
    save_template(
        template_from_dict(
            {
                "name": "selftest fibres",
                "delimiter": ";",
                "decimal": ",",
                "header_row": 1,
                "measurement_kind": "fibre_particles",
                "columns": {"L (µm)": {"target": "length", "unit": "mm"}},
            }
        )
    )
    raw = "L (µm);x\r\n1,5;a\r\n0,25;b\r\n".encode("cp1252")
    parsed = parse_with_template(raw, "selftest_fibres.csv", load_template("selftest fibres"))
    values = parsed.measurements[0].columns["length"].values()
    check(list(values) == [1.5, 0.25], f"template import read {values!r}")


@step("analyse: PLS calibration of generated spectra; the model survives save and reopen")
def _step_pls_calibration(workdir: Path) -> None:
    from workbench.analysis.model_io import from_stored
    from workbench.analysis.registry import discover
    from workbench.analysis.runner import run_plugin
    from workbench.model import Column, Measurement, Project, Quantity, new_id
    from workbench.project.store import close_project, open_project, save_project

    rng = np.random.default_rng(4)
    x = np.linspace(1100.0, 2500.0, 150)
    bands = np.array([np.exp(-0.5 * ((x - c) / 70.0) ** 2) for c in (1450.0, 1700.0, 2100.0)])
    conc = rng.uniform(0.1, 1.0, size=(30, 3))
    spectra = conc @ bands + rng.normal(0, 0.002, size=(30, 150))
    lignin = 15.0 + 20.0 * conc[:, 0]
    project = Project()
    for i in range(30):
        sample = project.add_sample(f"NIR {i + 1}")
        cols = {
            "wavelength": Column("wavelength", "nm", x.copy()),
            "absorbance": Column("absorbance", "", spectra[i].copy()),
        }
        m = Measurement(new_id("m"), "spectrum", cols, signal="absorbance", axes=["wavelength"])
        project.add_measurement(sample.id, m)
        if i >= 3:  # the first three have no reference value: they get predictions
            q = {"lignin": Quantity(float(lignin[i]), "%", "db", method="Klason")}
            project.add_measurement(sample.id, Measurement(new_id("m"), "properties", quantities=q))
    ids = list(project.samples)
    registry = discover()
    params = {"property": "lignin", "pipeline": "sg2", "folds": 5}
    results = run_plugin(project, "pls_calibration", ids, params, registry=registry)
    rmsecv = results[0].values["pls_rmsecv"].value
    check(rmsecv < 0.5, f"RMSECV {rmsecv:.3f} % on noise-free synthetic spectra")
    pca = run_plugin(project, "pca", ids, {"pipeline": "none"}, registry=registry)
    evr = pca[0].columns["explained_variance_pct"].values()
    check(evr.sum() > 99.0, f"3 PCs of 3-band spectra explain only {evr.sum():.2f} %")
    path = workdir / "pls.fwproj"
    save_project(project, path)
    reopened = open_project(path)
    try:
        model_id = next(iter(reopened.models))
        predictor = from_stored(reopened.models[model_id])
        got = predictor.predict(x, spectra[:3])
        for i in range(3):
            q = results[i].values["lignin"]
            check(q.origin == "predicted" and q.method == f"PLS model {model_id}", "provenance")
            check(abs(got[i] - q.value) < 1e-10, f"reopened model predicts {got[i]} != {q.value}")
            check(abs(q.value - lignin[i]) < 5 * rmsecv + 0.05, f"prediction {q.value:.2f} off")
    finally:
        close_project(reopened)


def run_self_test(
    workdir: Path,
    out: Callable[[str], None] = print,
    only: list[str] | None = None,
) -> bool:
    """Run the steps (all, or those whose names contain any of ``only``) in ``workdir``.

    Prints ``OK`` or ``FAIL`` per step through ``out``; tracebacks of failed steps go to
    a log file whose path is printed. Returns True when every step passed.
    """
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    chosen = [(n, f) for n, f in STEPS if not only or any(o in n for o in only)]
    failures: list[tuple[str, str]] = []
    for name, func in chosen:
        started = time.perf_counter()
        try:
            func(workdir)
        except Exception as exc:
            elapsed = time.perf_counter() - started
            reason = " ".join(f"{type(exc).__name__}: {exc}".split())
            out(f"FAIL  {name} ({elapsed:.2f} s): {reason}")
            failures.append((name, traceback.format_exc()))
        else:
            out(f"OK    {name} ({time.perf_counter() - started:.2f} s)")
    if failures:
        log = _write_failure_log(failures)
        out(f"{len(failures)} of {len(chosen)} self-test steps failed; details in {log}")
        return False
    out(f"All {len(chosen)} self-test steps passed.")
    return True


def _write_failure_log(failures: list[tuple[str, str]]) -> Path:
    from workbench.logsetup import environment_summary
    from workbench.paths import user_subdir

    stamp = _dt.datetime.now(_dt.UTC).strftime("%Y%m%d-%H%M%S")
    path = user_subdir("logs") / f"selftest-{stamp}.log"
    body = [f"Self-test failures at {stamp} UTC", environment_summary(), ""]
    for name, tb in failures:
        body += [f"== {name}", tb]
    path.write_text("\n".join(body), encoding="utf-8")
    return path


@step("import: generated spectra (JCAMP-DX ASDF, SPC multifile) and a JCAMP-DX round trip")
def _step_import_spectra(workdir: Path) -> None:
    """Compressed JCAMP-DX (SQZ/DIF/DUP with a Y-check), a two-subfile SPC and our own
    JCAMP-DX export parse to the values written into them."""
    import struct

    from workbench.importers.export_jcamp import jcamp_text, write_jcamp
    from workbench.importers.registry import parse_bytes, parse_path

    asdf = (
        "##TITLE= self-test\n##JCAMP-DX= 4.24\n##XUNITS= 1/CM\n##YUNITS= ABSORBANCE\n"
        "##XFACTOR= 1\n##YFACTOR= 0.001\n##FIRSTX= 1000\n##LASTX= 1005\n##NPOINTS= 6\n"
        "##XYDATA= (X++(Y..Y))\n1000 A10JU\n1004 A13J%\n##END=\n"
    )  # A10=110, J=+1 three times, then Y-check A13=113 dropped, J=+1, %=+0
    (m,) = parse_bytes(asdf.encode(), "selftest.jdx").measurements
    y = m.columns["y"].values()
    check(np.allclose(y, [0.110, 0.111, 0.112, 0.113, 0.114, 0.114]), f"ASDF decoded {y}")
    check(m.columns["x"].unit == "cm⁻¹", f"x unit {m.columns['x'].unit!r}")

    head = bytearray(512)
    struct.pack_into(
        "<BBBbIddIBBBB", head, 0, 0x04, 0x4B, 0, -128, 3, 1100.0, 1104.0, 2, 3, 3, 0, 0
    )
    body = b""
    for i, ys in enumerate(([0.1, 0.2, 0.3], [0.4, 0.5, 0.6])):
        body += struct.pack("<BbHfffIIf4s", 0, -128, i, 0.0, 0.0, 0.0, 0, 0, 0.0, b"")
        body += np.asarray(ys, "<f4").tobytes()
    spc = parse_bytes(bytes(head) + body, "selftest.spc").measurements
    check(len(spc) == 2, f"{len(spc)} SPC subfiles instead of 2")
    check(list(spc[1].columns["x"].values()) == [1100, 1102, 1104], "SPC x axis wrong")
    check(np.allclose(spc[1].columns["y"].values(), [0.4, 0.5, 0.6]), "SPC y values wrong")

    x = np.linspace(4000.0, 400.0, 901)
    y = np.exp(-(((x - 1700.0) / 40.0) ** 2)) + 0.01 * np.cos(x)
    out = workdir / "selftest_export.jdx"
    write_jcamp(out, jcamp_text(x, y, title="self-test", x_unit="cm⁻¹", y_unit="absorbance"))
    (back,) = parse_path(out)[1].measurements
    check(np.array_equal(back.columns["y"].values(), y), "JCAMP-DX export did not round-trip")
    check(np.allclose(back.columns["x"].values(), x, rtol=0, atol=1e-9), "x did not round-trip")


@step("numerics: NumPy and SciPy linear algebra (solve, eigh, SVD, matrix products)")
def _step_linear_algebra(workdir: Path) -> None:
    """NumPy's and SciPy's BLAS/LAPACK calls give hand-computed values.

    The packaged application builds NumPy against SciPy's OpenBLAS (one library for
    both, see packaging/lp64_numpy.py), so this checks that library through both
    front ends: A = [[4, 1], [1, 3]] has x = [1/11, 7/11] for b = [1, 2] and
    eigenvalues (7 -+ sqrt 5)/2; [[3, 0], [4, 5]] has singular values sqrt 45 and
    sqrt 5; for M = u v^T (u = 1..n, v = ones(k)), M M^T = k u u^T exactly.
    """
    import scipy.linalg

    a = np.array([[4.0, 1.0], [1.0, 3.0]])
    b = np.array([1.0, 2.0])
    root5 = 5.0**0.5
    for name, x in (("numpy", np.linalg.solve(a, b)), ("scipy", scipy.linalg.solve(a, b))):
        check(np.allclose(x, [1 / 11, 7 / 11], rtol=1e-13), f"{name} solve gave {x}")
    eig = (7 - root5) / 2, (7 + root5) / 2
    for name, (w, v) in (("numpy", np.linalg.eigh(a)), ("scipy", scipy.linalg.eigh(a))):
        check(np.allclose(w, eig, rtol=1e-13), f"{name} eigh gave {w}")
        check(np.allclose(a @ v, v * w, atol=1e-12), f"{name} eigenvectors wrong")
    m = np.array([[3.0, 0.0], [4.0, 5.0]])
    for name, (u, s, vt) in (("numpy", np.linalg.svd(m)), ("scipy", scipy.linalg.svd(m))):
        check(np.allclose(s, [45**0.5, root5], rtol=1e-13), f"{name} SVD gave {s}")
        check(np.allclose(u @ np.diag(s) @ vt, m, atol=1e-12), f"{name} SVD does not rebuild")
    n, k = 300, 200  # large enough for the BLAS kernels, values exact in float64
    u_col = np.arange(1.0, n + 1.0)
    big = np.outer(u_col, np.ones(k))
    for dtype in (np.float64, np.float32):
        got = big.astype(dtype) @ big.T.astype(dtype)
        want = k * np.outer(u_col, u_col)
        check(np.allclose(got, want, rtol=1e-6), f"{np.dtype(dtype).name} matrix product wrong")
    q, r = np.linalg.qr(np.vander(np.linspace(0.0, 1.0, 40), 8))
    check(np.allclose(q.T @ q, np.eye(8), atol=1e-12), "QR: Q is not orthonormal")
    check(np.allclose(np.tril(r, -1), 0.0), "QR: R is not upper triangular")
