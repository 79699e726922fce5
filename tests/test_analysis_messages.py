"""Result messages in two languages: picking a language, validation, storage, output.

A message is a plain string (third-party plugins, results stored before bilingual
messages) or ``{"en": ..., "fi": ...}``; see ``workbench.messages``.
"""

from __future__ import annotations

import json

import h5py
import numpy as np
import pytest

from workbench.analysis import PluginRunError, prepare_run
from workbench.analysis.api import AnalysisOutput
from workbench.analysis.manifest import parse_manifest
from workbench.analysis.registry import PluginRecord
from workbench.analysis.runner import commit
from workbench.messages import (
    bilingual,
    message_problem,
    message_text,
    messages_in,
)
from workbench.model import Column, Measurement, Project, Quantity, Result, new_id
from workbench.project.store import close_project, open_project, save_project
from workbench.report.html_report import build_report_html
from workbench.summary import result_summary

NOTE = bilingual("Only one ash replicate.", "Vain yksi tuhkamääritys.")


def test_language_picker_falls_back_to_english():
    assert message_text(NOTE, "fi") == "Vain yksi tuhkamääritys."
    assert message_text(NOTE, "en") == "Only one ash replicate."
    assert message_text(NOTE, "sv") == "Only one ash replicate."  # no Swedish: English
    assert message_text({"en": "Dry basis.", "fi": ""}, "fi") == "Dry basis."
    assert message_text({"en": "Dry basis."}, "fi") == "Dry basis."
    assert messages_in(["plain", NOTE], "fi") == ["plain", "Vain yksi tuhkamääritys."]


def test_plain_string_is_shown_as_is_in_every_language():
    for lang in ("en", "fi", "sv", ""):
        assert message_text("Calibrated on 2024-05-02.", lang) == "Calibrated on 2024-05-02."


def test_note_adds_a_record_or_a_plain_string():
    out = AnalysisOutput()
    out.note(en="Ash on dry basis.", fi="Tuhka kuiva-aineessa.")
    out.note("English only.")
    assert out.messages == [
        {"en": "Ash on dry basis.", "fi": "Tuhka kuiva-aineessa."},
        "English only.",
    ]
    json.dumps(out.messages)  # stored as JSON: must serialise as is


@pytest.mark.parametrize(
    ("message", "problem"),
    [
        (42, "got int"),
        (["en", "fi"], "got list"),
        (None, "got NoneType"),
        ({"fi": "Vain suomeksi."}, "English ('en') text is missing"),
        ({"en": "  ", "fi": "Tyhjä."}, "English ('en') text is missing or empty"),
        ({"en": "Ash.", "fi": 3}, "'fi' text must be a string"),
        ({"en": "Ash.", "Finnish": "Tuhka."}, "'Finnish' is not a language code"),
        ({"en": "Ash.", 1: "x"}, "1 is not a language code"),
    ],
)
def test_malformed_messages_are_named(message, problem):
    assert problem in (message_problem(message) or "")


def test_valid_messages_pass():
    for message in ("text", NOTE, {"en": "Ash.", "fi": "Tuhka.", "sv": "Aska."}, {"en": "x"}):
        assert message_problem(message) is None


MANIFEST = {
    "id": "message_probe",
    "name_en": "Message probe",
    "version": "0.1",
    "api_version": "1.0",
    "entry": "analysis:run",
    "consumes": ["table"],
    "produces": {"values": [{"property": "ash", "unit": "%", "basis": "db"}]},
}


def _plugin(messages: list) -> PluginRecord:
    def run(inputs, params, progress):
        return AnalysisOutput(values={"ash": Quantity(1.0, "%", "db")}, messages=list(messages))

    manifest = parse_manifest(dict(MANIFEST), source="test")
    return PluginRecord(origin="user", source="test", manifest=manifest, _function=run)


def _project() -> tuple[Project, str]:
    project = Project()
    sample = project.add_sample("S1")
    m = Measurement(id=new_id("m"), kind="table", columns={"v": Column("v", "", np.arange(3.0))})
    project.add_measurement(sample.id, m)
    return project, sample.id


@pytest.mark.parametrize(
    ("messages", "where"),
    [
        ([NOTE, 7], "messages[1]: expected a string or a record"),
        ([{"fi": "Vain suomeksi."}], "messages[0]: the English ('en') text is missing"),
        ([{"en": "Ash.", "fi": ["Tuhka."]}], "messages[0]: the 'fi' text must be a string"),
        ("a single string", "messages: expected a list"),
    ],
)
def test_runner_rejects_malformed_messages_and_writes_nothing(messages, where):
    project, sid = _project()
    before = (len(project.audit), sorted(project.samples[sid].results))
    plugin = _plugin(messages)
    if isinstance(messages, str):  # not a list at all

        def run(inputs, params, progress):
            out = AnalysisOutput(values={"ash": Quantity(1.0, "%", "db")})
            out.messages = messages
            return out

        plugin._function = run
    with pytest.raises(PluginRunError) as info:
        prepare_run(project, plugin, [sid])
    assert info.value.stage == "output"
    assert where in str(info.value)
    assert (len(project.audit), sorted(project.samples[sid].results)) == before


def test_runner_stores_plain_and_bilingual_messages_as_given():
    project, sid = _project()
    given = ["A third-party note.", NOTE]
    outcome = prepare_run(project, _plugin(given), [sid])
    commit(project, outcome)
    (result,) = project.samples[sid].results.values()
    assert result.messages == given
    assert result.messages[1] is not NOTE  # a copy: the plugin cannot change it later


def _old_style_project(tmp_path) -> tuple[Project, str]:
    project, sid = _project()
    result = Result(
        id=new_id("r"),
        plugin_id="moisture_ash",
        plugin_version="1.0.0",
        values={"ash": Quantity(0.5, "%", "db")},
        messages=["Replicates disagree: ash range 0.300 percentage points exceeds the limit."],
    )
    project.add_result(sid, result)
    save_project(project, tmp_path / "old.fwproj")
    close_project(project)
    return open_project(tmp_path / "old.fwproj"), sid


def test_stored_plain_string_messages_load_and_display(tmp_path):
    project, sid = _old_style_project(tmp_path)
    try:
        (result,) = project.samples[sid].results.values()
        text = "Replicates disagree: ash range 0.300 percentage points exceeds the limit."
        assert result.messages == [text]
        assert messages_in(result.messages, "fi") == [text]
        summary = result_summary(result)
        assert summary["messages"] == [text] and summary["messages_fi"] == [text]
        html = build_report_html(project, [], lang="fi")
        assert text in html
    finally:
        close_project(project)


def test_bilingual_messages_survive_save_and_reopen(tmp_path):
    project, sid = _project()
    result = Result(id=new_id("r"), plugin_id="p", plugin_version="1", messages=["plain", NOTE])
    project.add_result(sid, result)
    save_project(project, tmp_path / "new.fwproj")
    close_project(project)
    reopened = open_project(tmp_path / "new.fwproj")
    try:
        (back,) = reopened.samples[sid].results.values()
        assert back.messages == ["plain", NOTE]
    finally:
        close_project(reopened)
    # a damaged record (no English) is shown as text, never dropped or trusted
    with h5py.File(tmp_path / "new.fwproj", "r+") as f:
        (rid,) = f[f"samples/{sid}/results"]
        g = f[f"samples/{sid}/results/{rid}"]
        prov = json.loads(g.attrs["provenance"])
        prov["messages"] = [{"fi": "vain suomeksi"}, 3]
        g.attrs["provenance"] = json.dumps(prov)
    reopened = open_project(tmp_path / "new.fwproj")
    try:
        (back,) = reopened.samples[sid].results.values()
        assert back.messages == ["{'fi': 'vain suomeksi'}", "3"]
    finally:
        close_project(reopened)


def test_json_outputs_keep_english_messages_and_add_finnish():
    result = Result(id="r1", plugin_id="p", plugin_version="1", messages=["plain", NOTE])
    summary = result_summary(result)
    assert summary["messages"] == ["plain", "Only one ash replicate."]
    assert summary["messages_fi"] == ["plain", "Vain yksi tuhkamääritys."]


def test_html_report_shows_analysis_notes_in_the_report_language():
    from workbench.analysis import discover, run_plugin
    from workbench.demo import build_demo_project

    project = build_demo_project()
    sid = "s-spruce-bark"
    (result,) = run_plugin(project, "moisture_ash", sid, registry=discover())
    ash = next(m for m in result.messages if m["en"].startswith("Ash "))
    fi_html = build_report_html(project, [], sample_ids=[sid], lang="fi").replace("\u00a0", " ")
    en_html = build_report_html(project, [], sample_ids=[sid], lang="en").replace("\u00a0", " ")
    assert "Analyysien huomautukset" in fi_html and "Notes from the analyses" in en_html
    assert ash["fi"] in fi_html and ash["en"] not in fi_html
    assert ash["en"] in en_html and ash["fi"] not in en_html
