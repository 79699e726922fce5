"""Result labels, plot and table titles, axis and column labels in two languages.

These texts take the same forms as result messages (``workbench.messages``): a plain
string shown as stored, or an ``{"en", "fi"}`` record shown in the reader's language.
Checked here: the runner validates them, a project keeps them through save and reopen,
the HTML report shows them in its language, method strings translate their words, and
every built-in plugin gives Finnish for them (run on the demo data, and a syntax-tree
scan of ``plugins/`` for texts left English-only).
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import h5py
import numpy as np
import pytest
from test_plugin_messages_bilingual import _demo_results, _pls_results

from tests.result_texts import result_texts
from workbench.analysis import PluginRunError, discover, prepare_run, run_plugin
from workbench.analysis.api import AnalysisOutput
from workbench.analysis.manifest import parse_manifest
from workbench.analysis.registry import PluginRecord
from workbench.analysis.runner import commit
from workbench.demo import build_demo_project
from workbench.messages import TextRecord, bilingual, method_text, text_in
from workbench.model import Column, Measurement, Project, Quantity, Result, new_id
from workbench.project.store import close_project, open_project, save_project
from workbench.report.html_report import build_report_html
from workbench.summary import result_summary

PLUGINS = Path(__file__).resolve().parents[1] / "plugins"
TITLE = bilingual("Ash replicates", "Tuhkan rinnakkaismääritykset")
COLUMN = bilingual("Ash (dry basis)", "Tuhka (kuiva-aineesta)")

MANIFEST = {
    "id": "text_probe",
    "name_en": "Text probe",
    "name_fi": "Tekstikoetin",
    "version": "0.1",
    "api_version": "1.0",
    "entry": "analysis:run",
    "consumes": ["table"],
    "produces": {
        "values": [{"property": "ash", "unit": "%", "basis": "db"}],
        "columns": ["n", "ash_pct"],
    },
}


def _plugin(label=None, title=TITLE, x_label=None, column=COLUMN) -> PluginRecord:
    def run(inputs, params, progress):
        out = AnalysisOutput(values={"ash": Quantity(1.0, "%", "db")})
        if label is not None:
            out.label = label
        out.add_column("n", "", [1, 2], "n")
        out.add_column("ash_pct", "%", [1.0, 1.1], column)
        plot = {"kind": "line", "x": "n", "y": ["ash_pct"], "title": title}
        if x_label is not None:
            plot["x_label"] = x_label
        out.plots.append(plot)
        return out

    manifest = parse_manifest(dict(MANIFEST), source="test")
    return PluginRecord(origin="user", source="test", manifest=manifest, _function=run)


def _project() -> tuple[Project, str]:
    project = Project()
    sample = project.add_sample("S1")
    m = Measurement(id=new_id("m"), kind="table", columns={"v": Column("v", "", np.arange(3.0))})
    project.add_measurement(sample.id, m)
    return project, sample.id


def test_a_record_reads_as_english_where_a_string_is_wanted():
    assert str(TITLE) == "Ash replicates" and f"{TITLE}" == "Ash replicates"
    assert json.loads(json.dumps(TITLE)) == {"en": "Ash replicates", "fi": TITLE["fi"]}
    assert text_in(TITLE, "fi") == "Tuhkan rinnakkaismääritykset"
    assert text_in("Plain title", "fi") == "Plain title"


@pytest.mark.parametrize(
    ("kwargs", "where"),
    [
        ({"label": {"fi": "Vain suomeksi"}}, "label: the English ('en') text is missing"),
        ({"label": 3}, "label: expected a string or a record"),
        ({"title": {"en": "Ash", "fi": 2}}, "plots[0].title: the 'fi' text must be a string"),
        ({"x_label": ["n"]}, "plots[0].x_label: expected a string or a record"),
        ({"column": {"Finnish": "Tuhka"}}, "columns[ash_pct].label: 'Finnish' is not a language"),
    ],
)
def test_runner_rejects_malformed_texts_and_writes_nothing(kwargs, where):
    project, sid = _project()
    before = (len(project.audit), sorted(project.samples[sid].results))
    with pytest.raises(PluginRunError) as info:
        prepare_run(project, _plugin(**kwargs), [sid])
    assert info.value.stage == "output"
    assert where in str(info.value)
    assert (len(project.audit), sorted(project.samples[sid].results)) == before


def test_runner_keeps_plain_and_bilingual_texts_and_names_unlabelled_results():
    project, sid = _project()
    commit(project, prepare_run(project, _plugin(), [sid]))
    commit(project, prepare_run(project, _plugin(label="Typed label", title="Plain"), [sid]))
    first, second = project.samples[sid].results.values()
    # no label from the plugin: the manifest's name in both languages
    assert first.label == {"en": "Text probe", "fi": "Tekstikoetin"}
    assert first.plots[0]["title"] == TITLE and first.columns["ash_pct"].label == COLUMN
    assert second.label == "Typed label" and second.plots[0]["title"] == "Plain"
    summary = result_summary(first)
    assert (summary["label"], summary["label_fi"]) == ("Text probe", "Tekstikoetin")


def test_bilingual_texts_survive_save_and_reopen(tmp_path):
    project, sid = _project()
    commit(project, prepare_run(project, _plugin(x_label=bilingual("Number", "Numero")), [sid]))
    plain = Result(
        id=new_id("r"),
        plugin_id="third_party",
        plugin_version="1",
        label="Stored plain label",
        columns={"a": Column("a", "", np.arange(2.0), "Plain column")},
        plots=[{"kind": "table", "columns": ["a"], "title": "Plain title"}],
    )
    project.add_result(sid, plain)
    path = tmp_path / "texts.fwproj"
    save_project(project, path)
    close_project(project)
    for _ in range(2):  # a second save of the reopened project keeps them too
        reopened = open_project(path)
        try:
            results = {r.plugin_id: r for r in reopened.samples[sid].results.values()}
            probe, old = results["text_probe"], results["third_party"]
            assert probe.label == {"en": "Text probe", "fi": "Tekstikoetin"}
            assert probe.plots[0]["title"] == TITLE
            assert probe.plots[0]["x_label"] == {"en": "Number", "fi": "Numero"}
            assert probe.columns["ash_pct"].label == COLUMN
            assert isinstance(probe.columns["ash_pct"].label, TextRecord)
            assert old.label == "Stored plain label"
            assert old.plots[0]["title"] == "Plain title"
            assert old.columns["a"].label == "Plain column"
            probe.parameters["touched"] = True  # make the next save rewrite the result
            save_project(reopened, path)
        finally:
            close_project(reopened)
    # generic HDF5 viewers read English attributes, not a dict's repr
    with h5py.File(path, "r") as f:
        labels = []
        f.visititems(
            lambda name, obj: (
                labels.append(str(obj.attrs.get("long_name", "")))
                if isinstance(obj, h5py.Dataset) and name.endswith("ash_pct")
                else None
            )
        )
    assert labels == ["Ash (dry basis) (%)"]


def test_finnish_report_shows_labels_titles_and_axes_in_finnish():
    project = build_demo_project()
    registry = discover()
    sid = "s-spruce-bark"
    run_plugin(project, "moisture_ash", sid, registry=registry)
    fibre = next(
        s.id
        for s in project.samples.values()
        if any(m.kind == "fibre_particles" for m in s.measurements.values())
    )
    run_plugin(project, "fibre_length", fibre, registry=registry)
    plain = Result(
        id=new_id("r"),
        plugin_id="third_party",
        plugin_version="1",
        label="Stored plain label",
        values={"ash": Quantity(0.4, "%", "db")},
        columns={"a": Column("a", "", np.arange(3.0), "Plain column")},
        plots=[{"kind": "line", "x": "a", "y": ["a"], "title": "Plain title"}],
    )
    project.add_result(sid, plain)
    raw = lambda svg, _id: svg  # noqa: E731  (the plots as SVG text, not base64)
    fi = build_report_html(project, [], sample_ids=[sid, fibre], lang="fi", embed=raw)
    en = build_report_html(project, [], sample_ids=[sid, fibre], lang="en", embed=raw)
    for finnish, english in [
        ("Kosteus ja tuhka", "Moisture and ash"),
        ("Kuidunpituustilastot", "Fibre length statistics"),
        ("Kuidunpituusjakauma", "Fibre length distribution"),
        ("Pituusluokka (mm)", "Length class (mm)"),
        ("Osuus lukumäärästä", "Share of count"),
    ]:
        assert finnish in fi and english not in fi, english
        assert english in en and finnish not in en, finnish
    for stored in ("Stored plain label", "Plain title", "Plain column"):
        assert stored in fi and stored in en


def test_method_strings_translate_their_words_and_keep_the_standard():
    assert method_text("ISO 18134 (oven drying, 105 °C)", "fi") == "ISO 18134 (uunikuivaus, 105 °C)"
    assert method_text("ISO 18134 (oven drying, 105 °C)", "en") == "ISO 18134 (oven drying, 105 °C)"
    assert method_text("ASTM E1131 (TGA proximate analysis)", "fi") == (
        "ASTM E1131 (TGA-välitön analyysi)"
    )
    assert method_text("cross-validated", "fi") == "ristiinvalidoitu"
    assert method_text("Lab SOP 12 (sieving)", "fi") == "Lab SOP 12 (sieving)"  # unknown: as is


# -- every built-in plugin gives Finnish for its texts -----------------------------------

# Texts with no words to translate: a unit or an abbreviation ("x (nm)", "PC1 (98.9 %)").
NEUTRAL = re.compile(r"^(x|-dm/dT|RMSECV|DTG \(-dm/dT\)|PC\d+)( \(.*\))?$")


def _bilingual(text: object) -> bool:
    if not (isinstance(text, dict) and set(text) == {"en", "fi"}):
        return False
    en, fi = text["en"], text["fi"]
    return isinstance(en, str) and isinstance(fi, str) and bool(en.strip() and fi.strip())


def test_every_builtin_plugin_gives_finnish_labels_titles_and_column_labels():
    registry = discover(entry_points=False)
    results = _demo_results(registry) + _pls_results(registry)
    problems, seen = [], 0
    for r in results:
        for where, text in result_texts(r, messages=False):
            seen += 1
            if isinstance(text, str) and NEUTRAL.match(text):
                continue
            if not _bilingual(text):
                problems.append(f"{r.plugin_id} {where}: {text!r}")
    assert seen > 100
    assert not problems, "\n".join(sorted(set(problems)))


def _words(node: ast.AST) -> str:
    """The literal text of a string or f-string (placeholders left out)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(_words(v) for v in node.values)
    return ""


def _english_only(node: ast.AST | None) -> bool:
    """A plain string or f-string with words in it (not ``bilingual(...)``, not a name)."""
    if node is None or not isinstance(node, ast.Constant | ast.JoinedStr):
        return False
    text = _words(node)
    return bool(text) and not NEUTRAL.match(text) and bool(re.search(r"[A-Za-z]{2,}", text))


def test_no_builtin_plugin_sets_an_english_only_label_title_or_column_label():
    checked, problems = 0, []
    for path in sorted(PLUGINS.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            where = f"{path.relative_to(PLUGINS)}:{getattr(node, 'lineno', '?')}"
            found: list[tuple[str, ast.AST | None]] = []
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if name == "AnalysisOutput":
                    found += [("label", k.value) for k in node.keywords if k.arg == "label"]
                elif name == "add_column":
                    label = node.args[3] if len(node.args) > 3 else None
                    label = next((k.value for k in node.keywords if k.arg == "label"), label)
                    found.append(("column label", label))
            elif isinstance(node, ast.Dict):
                for key, value in zip(node.keys, node.values, strict=True):
                    if isinstance(key, ast.Constant) and key.value in (
                        "title",
                        "x_label",
                        "y_label",
                    ):
                        found.append((key.value, value))
            checked += len(found)
            problems += [
                f"{where}: {what} {ast.unparse(v)}" for what, v in found if _english_only(v)
            ]
    assert checked > 50
    assert not problems, "\n".join(problems)
