"""Untrusted side files: templates (JSON), route files (TOML) and stored models.

Each is refused with a clear ``UserFacingError`` (``SpecificationError`` or
``AnalysisError``) when malformed, oversized or wrongly typed; nothing in them is ever
evaluated (a canary file that Python code in them would create never appears); and
no module of the application or its plugins uses pickle, marshal, shelve, eval,
exec, ``compile``, ``__import__`` or ``yaml.load`` (checked on the syntax tree).
Hypothesis mutates valid documents (values replaced by arbitrary JSON-like values)
with a fixed seed: only the documented error type may escape.
"""

from __future__ import annotations

import ast
import contextlib
import copy
import json
import tomllib
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.errors import AnalysisError, SpecificationError, UserFacingError
from workbench.importers.template_schema import template_from_dict
from workbench.importers.templates import parse_with_template, template_from_bytes

REPO = Path(__file__).resolve().parents[2]
ROUTES = REPO / "resources" / "routes"
CODE = "__import__('pathlib').Path({canary!r}).write_text('pwned')"

TEMPLATE = {
    "name": "Lab FS summary",
    "delimiter": ";",
    "decimal": ",",
    "encoding": "utf-8",
    "header_row": 1,
    "sample_column": "Sample",
    "measurement_kind": "fibre_summary",
    "columns": {"Lw (mm)": {"target": "fibre_length_lw", "unit": "mm"}},
}
TEMPLATE_FILE = b"Sample;Lw (mm)\nbirch;0,93\n"


def fuzz(n: int):
    return settings(
        max_examples=n,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )


JSONISH = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | st.sampled_from(["__reduce__", "os.system('x')", "{{7*7}}", "${HOME}", "../../etc"]),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=8,
)


def paths_of(doc: Any, prefix: tuple = ()) -> list[tuple]:
    """Every key/index path inside a nested dict/list document."""
    out = [prefix] if prefix else []
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += paths_of(v, (*prefix, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out += paths_of(v, (*prefix, i))
    return out


def replaced(doc: Any, path: tuple, value: Any) -> Any:
    doc = copy.deepcopy(doc)
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return doc


# -- templates -------------------------------------------------------------------------


def _template_bytes(change) -> bytes:
    doc = copy.deepcopy(TEMPLATE)
    change(doc)
    return json.dumps(doc).encode()


TEMPLATE_CASES = [
    ("oversized", b"{" + b" " * (70 * 1024) + b"}", "larger than"),
    ("not-utf8", b'{"name": "\xff\xfe"}', "not UTF-8"),
    ("not-json", b"name = 'toml?'", "not valid JSON"),
    ("deep-nesting", b"[" * 30000 + b"]" * 30000, "(file)"),
    ("huge-integer", b'{"name": ' + b"9" * 5000 + b"}", "(file)"),
    ("list-at-top", b"[1, 2]", "JSON object"),
    ("header-row-text", _template_bytes(lambda d: d.__setitem__("header_row", "1")), "header_row"),
    (
        "header-row-negative",
        _template_bytes(lambda d: d.__setitem__("header_row", -5)),
        "header_row",
    ),
    ("columns-list", _template_bytes(lambda d: d.__setitem__("columns", ["a"])), "columns"),
    ("nan-name", b'{"name": NaN}', "name"),
    (
        "pickle-like-payload",
        _template_bytes(lambda d: d.__setitem__("__reduce__", ["os.system", ["touch x"]])),
        "__reduce__",
    ),
]


@pytest.mark.parametrize(
    ("case", "raw", "text"), TEMPLATE_CASES, ids=[c[0] for c in TEMPLATE_CASES]
)
def test_bad_templates_are_refused_clearly(case, raw, text):
    with pytest.raises(SpecificationError) as info:
        template_from_bytes(raw, "lab.json")
    assert "lab.json" in str(info.value) and text in str(info.value), str(info.value)


def test_code_in_a_template_is_kept_as_text_never_run(tmp_path):
    canary = tmp_path / "canary.txt"
    code = CODE.format(canary=str(canary))
    doc = copy.deepcopy(TEMPLATE)
    doc["name"] = code
    with pytest.raises(SpecificationError, match="'name'"):
        template_from_bytes(json.dumps(doc).encode(), "lab.json")
    doc = copy.deepcopy(TEMPLATE)
    doc["columns"] = {
        "Lw (mm)": {"target": "fibre_length_lw", "unit": "mm"},
        code: {"target": "fines_count", "unit": "%"},
    }
    try:
        t = template_from_bytes(json.dumps(doc).encode(), "lab.json")
        parse_with_template(TEMPLATE_FILE, "f.csv", t)
    except UserFacingError:
        pass
    assert not canary.exists()


@fuzz(150)
@given(data=st.data())
def test_fuzzed_template_documents_only_raise_specification_error(data):
    path = data.draw(st.sampled_from(paths_of(TEMPLATE)))
    doc = replaced(TEMPLATE, path, data.draw(JSONISH))
    try:
        t = template_from_dict(doc, "fuzz.json")
    except SpecificationError:
        return
    with contextlib.suppress(UserFacingError):
        parse_with_template(TEMPLATE_FILE, "f.csv", t)


# -- route files -----------------------------------------------------------------------


def _route_text() -> str:
    return (ROUTES / "biochar.toml").read_text(encoding="utf-8")


ROUTE_CASES = [
    ("oversized", lambda: "# " + "x" * (1100 * 1024) + "\n" + _route_text(), "larger than"),
    ("not-toml", lambda: "{ this is json }", "not valid TOML"),
    ("not-utf8", lambda: b"id = '\xff'".decode("latin-1"), "UTF-8"),
    ("deep-nesting", lambda: "a = " + "[" * 50000 + "]" * 50000, "cannot be read"),
    ("deep-tables", lambda: "a = " + "{b = " * 3000 + "1" + "}" * 3000, "cannot be read"),
    ("huge-integer", lambda: "version = " + "9" * 5000 + "\n", "cannot be read"),
    ("empty", lambda: "", "route file"),
]


@pytest.mark.parametrize(("case", "make", "text"), ROUTE_CASES, ids=[c[0] for c in ROUTE_CASES])
def test_bad_route_files_are_refused_clearly(tmp_path, case, make, text):
    from workbench.classify.spec import load_route_file

    path = tmp_path / "user_route.toml"
    path.write_text(make(), encoding="utf-8" if case != "not-utf8" else "latin-1")
    with pytest.raises(SpecificationError) as info:
        load_route_file(path, origin="user")
    msg = str(info.value)
    assert "user_route.toml" in msg and text in msg, msg


def test_code_in_a_route_file_is_never_run(tmp_path):
    from workbench.classify.spec import load_route_file

    canary = tmp_path / "canary.txt"
    code = CODE.format(canary=str(canary)).replace('"', "'")
    text = _route_text().replace('name_en = "', f'name_en = "{code} ', 1)
    path = tmp_path / "code.toml"
    path.write_text(text, encoding="utf-8")
    with contextlib.suppress(SpecificationError):
        load_route_file(path, origin="user")
    assert not canary.exists()


@fuzz(200)
@given(data=st.data())
def test_fuzzed_route_documents_only_raise_specification_error(data):
    from workbench.classify.spec import validate_route

    doc = tomllib.loads(_route_text())
    path = data.draw(st.sampled_from(paths_of(doc)))
    with contextlib.suppress(SpecificationError):
        validate_route(replaced(doc, path, data.draw(JSONISH)), "fuzz.toml")


# -- stored models ---------------------------------------------------------------------


def _pls_model():
    from sklearn.cross_decomposition import PLSRegression

    from workbench.analysis.model_io import to_stored
    from workbench.analysis.pipelines import fit_pipeline

    rng = np.random.default_rng(3)
    x = np.linspace(1100.0, 2500.0, 80)
    Y = rng.normal(size=(30, 80)).cumsum(axis=1)
    y = Y[:, 10] * 0.5 + rng.normal(scale=0.01, size=30)
    steps = [{"op": "msc"}]
    xp, Xp, state = fit_pipeline(x, Y, steps)
    ref = PLSRegression(n_components=3, scale=False).fit(Xp, y)
    stored = to_stored(
        name="fuzz",
        property="lignin",
        unit="%",
        basis="db",
        n_components=3,
        steps=steps,
        x_axis=x,
        x_unit="nm",
        x_processed=xp,
        x_mean=Xp.mean(axis=0),
        coef=ref.coef_,
        intercept=float(ref.intercept_[0]),
        state=state,
        performance={"rmsecv": 0.1},
        provenance={"plugin_id": "test"},
    )
    return stored, x, Y


def _label_model():
    from workbench.classify.learned import train_classifier
    from workbench.model import Project, Quantity

    rng = np.random.default_rng(1)
    project = Project()
    for i in range(16):
        good = i % 2 == 0
        s = project.add_sample(f"S{i:02d}")
        s.labels["route:biochar"] = "suitable" if good else "not suitable"
        from workbench.model import Measurement, new_id

        ash = rng.normal(0.6, 0.1) if good else rng.normal(6.0, 0.5)
        project.add_measurement(
            s.id,
            Measurement(
                id=new_id("m"),
                kind="ash",
                quantities={"ash": Quantity(float(ash), "%", "db")},
            ),
        )
    model, _ = train_classifier(project, "route:biochar", properties=["ash"])
    return model


@pytest.fixture(scope="module")
def models():
    return _pls_model(), _label_model()


def _use_pls(stored, x, Y):
    from workbench.analysis.model_io import from_stored

    from_stored(stored).predict(x, Y[:2])


def _use_label(model):
    from workbench.classify.learned import LabelPredictor

    LabelPredictor(model)


def test_pickle_like_and_code_params_are_refused_or_inert(models, tmp_path):
    (pls, x, Y), label = models
    canary = tmp_path / "canary.txt"
    code = CODE.format(canary=str(canary))
    for change in (
        {"pipeline": [{"op": code}]},
        {"pipeline": {"__reduce__": ["os.system", ["touch x"]]}},
        {"n_components": code},
        {"__reduce__": code, "__class__": "builtins.eval"},
    ):
        m = copy.deepcopy(pls)
        m.params.update(change)
        with contextlib.suppress(AnalysisError, SpecificationError):
            _use_pls(m, x, Y)
    m = copy.deepcopy(label)
    m.params = {k: code for k in m.params}
    with pytest.raises(AnalysisError):
        _use_label(m)
    m = copy.deepcopy(label)
    m.arrays = {k: np.array([code] * 3) for k in m.arrays}
    with pytest.raises(AnalysisError):
        _use_label(m)
    assert not canary.exists()


@fuzz(150)
@given(data=st.data())
def test_fuzzed_stored_models_only_raise_user_facing_errors(models, data):
    (pls, x, Y), label = models
    which = data.draw(st.sampled_from(["pls", "label"]))
    m = copy.deepcopy(pls if which == "pls" else label)
    if data.draw(st.booleans()) and paths_of(m.params):
        m.params = replaced(
            m.params, data.draw(st.sampled_from(paths_of(m.params))), data.draw(JSONISH)
        )
    else:
        key = data.draw(st.sampled_from(sorted(m.arrays)))
        arr = np.asarray(m.arrays[key])
        m.arrays[key] = data.draw(
            st.sampled_from(
                [
                    arr[:-1] if arr.ndim and len(arr) else arr,
                    arr.reshape(-1),
                    np.full_like(arr, np.nan, dtype=float),
                    arr.astype(str),
                    np.zeros((0,)),
                    np.zeros((2, 2, 2)),
                    np.array(1e308) * np.ones_like(arr, dtype=float),
                ]
            )
        )
    with contextlib.suppress(AnalysisError, SpecificationError):
        _use_pls(m, x, Y) if which == "pls" else _use_label(m)


def test_stored_model_tampered_in_the_project_file(models, tmp_path):
    """A model whose JSON info in the file is replaced by junk opens and is refused when used."""
    import h5py

    from workbench.model import Project
    from workbench.project.store import close_project, open_project, save_project

    (pls, x, Y), _ = models
    project = Project()
    project.add_model(copy.deepcopy(pls))
    path = tmp_path / "m.fwproj"
    save_project(project, path)
    close_project(project)
    with h5py.File(path, "a") as f:
        g = f[f"models/{pls.id}"]
        g.attrs["info"] = json.dumps({"params": {"__reduce__": ["os.system", ["id"]]}})
    reopened = open_project(path, read_only=True)
    try:
        with pytest.raises(AnalysisError):
            _use_pls(reopened.models[pls.id], x, Y)
    finally:
        close_project(reopened)


# -- no code-executing deserialisers anywhere ----------------------------------------------

BANNED_MODULES = {"pickle", "cPickle", "dill", "joblib", "marshal", "shelve", "cloudpickle", "yaml"}
BANNED_CALLS = {"eval", "exec", "compile", "__import__"}


def _violations(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [
                f"import {a.name}" for a in node.names if a.name.split(".")[0] in BANNED_MODULES
            ]
        elif (
            isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in BANNED_MODULES
        ):
            out.append(f"from {node.module} import ...")
        elif isinstance(node, ast.Call):
            f = node.func
            if isinstance(f, ast.Name) and f.id in BANNED_CALLS:
                out.append(f"{f.id}(...)")
            for kw in node.keywords:
                if kw.arg == "allow_pickle" and not (
                    isinstance(kw.value, ast.Constant) and kw.value.value is False
                ):
                    out.append("allow_pickle=True")
    return [f"{path.relative_to(REPO)}:{v}" for v in out]


def test_no_pickle_eval_exec_or_yaml_load_in_application_or_plugins():
    files = sorted((REPO / "workbench").rglob("*.py")) + sorted((REPO / "plugins").rglob("*.py"))
    assert len(files) > 50
    found = [v for p in files for v in _violations(p)]
    assert not found, found


def test_the_source_check_catches_what_it_looks_for(tmp_path):
    bad = REPO / "tests" / "hardening" / "_probe_not_collected.py"
    bad.write_text(
        "import pickle\nfrom yaml import load\nx = eval('1')\nnp.load('f', allow_pickle=True)\n"
    )
    try:
        assert len(_violations(bad)) == 4
    finally:
        bad.unlink()
