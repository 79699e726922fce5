"""A project's warnings, read-only reasons and refusals are shown in the window's language.

The project core writes them in English (the CLI and ``--json`` keep them so); the
window translates them (``workbench.gui.project_texts``). These tests fail when

* the core gains a message form that has no translated form: every form is read from
  the core's source (``tests/project_message_forms.py``), none is guessed;
* a damaged, hostile, locked, migrated or read-only project (the cases of
  ``tests/hardening/test_hostile_projects.py`` and the crafted files of the
  ``test_project_*`` tests, opened here in-process) gives a warning or reason that is
  not wholly known, or that a Finnish window would show in English;
* the Finnish window shows such a project's bar and task panel in English
  (``PROJECT_TEXTS_SHOT=/tmp/texts-shot.png`` saves a picture of it).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import h5py
import numpy as np
import pytest
from project_message_forms import project_forms
from PySide6.QtWidgets import QApplication

from workbench.errors import ProjectError
from workbench.gui.project_texts import has_form, is_known, project_message
from workbench.model import FORMAT_VERSION, READ_ONLY_ON_REQUEST
from workbench.project import recovery, store
from workbench.project.lock import lock_path, this_process


def _wrapped(form) -> str:
    """A form as the window gets it: an expected-phrase inside the warning that
    quotes it, a place inside the sentence that names it."""
    if form.kind == "expected":
        return f"/samples/S1: attribute 'notes' should be {form.text}; it was ignored."
    if form.kind == "place":
        return f"/samples/S1/x: a group in {form.text} is not part of a project; it was left out."
    return form.text


def test_the_forms_are_read_from_the_core_source():
    forms = project_forms()
    texts = {f.text for f in forms}
    assert len(forms) > 120
    assert any("is a soft link to 'X1'; links are not followed" in t for t in texts)
    assert any(t.startswith("All raw were skipped") for t in texts)  # a loop's values
    assert any(t.endswith("this file stays as it is.") for t in texts)  # "..." + keep


def test_every_message_form_of_the_core_has_a_translation(finnish_ui):
    untranslated = []
    for form in project_forms():
        text = _wrapped(form)
        if not has_form(text) or project_message(text) == text:
            untranslated.append(f"{form.where}: {text!r}")
    for text in (READ_ONLY_ON_REQUEST,):
        if project_message(text) == text:
            untranslated.append(f"model: {text!r}")
    assert not untranslated, (
        "add these forms to workbench/gui/project_text_forms.py or project_warning_forms.py "
        "and translate them "
        "(python -m workbench.gui.translations_tool):\n" + "\n".join(untranslated)
    )


def test_english_is_exactly_what_the_core_wrote():
    changed = [
        (f.text, project_message(_wrapped(f)))
        for f in project_forms()
        if project_message(_wrapped(f)) != _wrapped(f)
    ]
    assert not changed, changed[:5]


# -- real projects: hostile, damaged, locked, migrated, read-only -------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    from workbench.cli.main import main
    from workbench.demo import write_demo

    path = tmp_path_factory.mktemp("texts") / "demo.fwproj"
    write_demo(path)
    assert main(["analyse", str(path), "tga_proximate", "--keep-going"]) in (0, 2)
    return path


def _first_sample(f: h5py.File) -> str:
    return json.loads(f["samples"].attrs["order"])[0]


def _flip_version(f):
    f.attrs["format_version"] = 0


def _foreign_and_links(f):
    sid = _first_sample(f)
    g = f[f"samples/{sid}"]
    g.attrs["lims_id"] = "LIMS-1"  # kept: one attribute another program added
    g["soft"] = h5py.SoftLink("/samples")
    g["external"] = h5py.ExternalLink("other.h5", "/data")
    g.attrs["link_to"] = np.void(b"\x01\x02")  # cannot be kept: read-only


def _bad_fields(f):
    sid = _first_sample(f)
    g = f[f"samples/{sid}"]
    info = json.loads(g.attrs["info"])
    info["feedstock_type"] = "moon rock"
    info["notes"] = 5
    g.attrs["info"] = json.dumps(info)
    f["samples"].attrs["order"] = json.dumps([sid] * 5)
    m = next(iter(g["measurements"].values()))
    m.attrs["info"] = "{not json"


def _dataset_problems(f):
    sid = _first_sample(f)
    ms = f[f"samples/{sid}/measurements"]
    names = list(ms)
    g = ms[names[0]]
    name = next(iter(g))
    del g[name]
    g.create_dataset(name, data=np.zeros((3, 3)))  # 2-D where 1-D is expected
    if len(names) > 1:
        g2 = ms[names[1]]
        name2 = next(iter(g2))
        del g2[name2]
        g2.create_dataset(name2, data=np.zeros(4, dtype=[("a", "f8"), ("b", "i4")]))
    ms.create_group("not-a-measurement-set").attrs["x"] = 1
    f["settings"].create_group("extra")


def _attribute_problems(f):
    sid = _first_sample(f)
    g = f[f"samples/{sid}"]
    g.attrs["info"] = np.array([1, 2, 3])  # not text
    f["samples"].attrs["order"] = np.int64(3)


def _hostile_cases() -> dict:
    from hardening.test_hostile_projects import CASES

    return dict(CASES)


CASES = {
    "flipped-version": _flip_version,
    "foreign-attributes-and-links": _foreign_and_links,
    "bad-fields": _bad_fields,
    "dataset-problems": _dataset_problems,
    "attribute-problems": _attribute_problems,
    **{f"hostile-{k}": v for k, v in _hostile_cases().items()},
}


def _messages(project) -> list[str]:
    out = list(project.warnings)
    if project.read_only_reason:
        out.append(project.read_only_reason)
    return out


def _check(texts: list[str], problems: list[str], case: str) -> None:
    from workbench.gui import i18n

    for text in texts:
        english = project_message(text)
        if not is_known(text):
            problems.append(f"{case}: not a known form: {text!r}")
        elif i18n.active_language() == "fi" and english == text:
            problems.append(f"{case}: shown in English: {text!r}")


@pytest.fixture(scope="module")
def opened(demo, tmp_path_factory) -> dict[str, list[str]]:
    """case -> the warnings and read-only reason of the demo project damaged that way."""
    out = {}
    for case, damage in CASES.items():
        path = tmp_path_factory.mktemp(case) / "p.fwproj"
        shutil.copy(demo, path)
        with h5py.File(path, "r+") as f:
            damage(f)
        try:
            project = store.open_project(path)
        except ProjectError as exc:
            out[case] = [str(exc)]
            continue
        out[case] = _messages(project)
        store.close_project(project)
    return out


def test_damaged_and_hostile_projects_give_only_known_forms(opened):
    problems: list[str] = []
    for case, texts in opened.items():
        _check(texts, problems, case)
    assert not problems, "\n".join(problems)
    assert sum(len(t) for t in opened.values()) > 20  # the cases did give warnings
    assert any("reads 0" in t for t in opened["flipped-version"])


def test_damaged_projects_warnings_are_finnish_in_a_finnish_window(opened, finnish_ui):
    problems: list[str] = []
    for case, texts in opened.items():
        _check(texts, problems, case)
    assert not problems, "\n".join(problems)
    flipped = [project_message(t) for t in opened["flipped-version"]]
    assert any("muotoversio on 0" in t and "vain luku -tilassa" in t for t in flipped), flipped


def test_locks_recovery_refusals_and_read_only_are_known_and_finnish(demo, tmp_path, finnish_ui):
    texts: list[str] = []
    path = tmp_path / "p.fwproj"
    shutil.copy(demo, path)
    # held by another (live) instance: this process's identity in the lock file
    lock_path(path).write_text(json.dumps(this_process()), encoding="utf-8")
    project = store.open_project(path)
    assert project.read_only
    texts += _messages(project)
    try:
        store.save_project(project)
    except ProjectError as exc:
        texts.append(str(exc))
    else:
        raise AssertionError("a read-only project was saved to its file")
    store.close_project(project)
    lock_path(path).unlink()
    # asked for read-only; a recovery file of another session waits
    writer = store.open_project(path)
    writer.samples[next(iter(writer.samples))].notes = "changed"
    writer.dirty = True
    recovery.write_recovery(writer)
    texts += _messages(reader := store.open_project(path, read_only=True))
    store.close_project(reader)
    restored = recovery.open_recovery(recovery.recoveries_for(path)[0])
    texts += _messages(restored)
    store.close_project(restored)
    store.close_project(writer, discard_unsaved=True)
    # refused files
    for name, content in (
        ("not-hdf5.fwproj", b"not an hdf5 file at all"),
        ("truncated.fwproj", path.read_bytes()[:3000]),
    ):
        bad = tmp_path / name
        bad.write_bytes(content)
        with pytest.raises(ProjectError) as info:
            store.open_project(bad)
        texts.append(str(info.value))
    plain = tmp_path / "plain.h5"
    with h5py.File(plain, "w") as f:
        f["x"] = [1, 2]
    newer = tmp_path / "newer.fwproj"
    shutil.copy(demo, newer)
    with h5py.File(newer, "r+") as f:
        f.attrs["format_version"] = FORMAT_VERSION + 1
    for bad in (plain, newer, tmp_path / "missing.fwproj", tmp_path):
        with pytest.raises(ProjectError) as info:
            store.open_project(bad)
        texts.append(str(info.value))
    problems: list[str] = []
    _check(texts, problems, "lock/recovery/refusal")
    assert not problems, "\n".join(problems)
    shown = [project_message(t) for t in texts]
    assert any("on auki toisessa Fibre Workbenchissä" in t for t in shown), shown
    assert any(t == "Avattu vain luku -tilassa." for t in shown), shown
    assert any("palautustiedostossa" in t for t in shown), shown
    assert any(t.startswith("Palautettiin tallentamaton työ ajalta") for t in shown), shown


# -- the window ----------------------------------------------------------------------------


def test_finnish_window_shows_a_damaged_projects_bar_and_log_in_finnish(
    finnish_ui, window, demo, tmp_path, qtbot
):
    path = tmp_path / "vaurioitunut.fwproj"
    shutil.copy(demo, path)
    with h5py.File(path, "r+") as f:
        _flip_version(f)
        _foreign_and_links(f)
    before = window.task_panel.log_count()
    task = window.open_path(str(path))
    qtbot.waitUntil(lambda: task.state != "running", timeout=60000)
    qtbot.waitUntil(lambda: window.doc.project is not None, timeout=60000)
    bar = window.message_bar.text()
    assert bar.startswith("Tämä projekti on vain luku -tilassa."), bar
    assert "sen muotoversio on 0, mutta sen sisältö on version" in bar, bar
    assert "It was opened" not in bar and "its format version" not in bar, bar
    view = window.task_panel.log_view
    logged = [view.topLevelItem(i).text(1) for i in range(before, view.topLevelItemCount())]
    warnings = [t for t in logged if not t.startswith(("Avattiin", "Opened"))]
    assert len(warnings) >= 4, logged
    assert any("symbolinen linkki kohteeseen '/samples'" in t for t in warnings), warnings
    assert any("ulkoinen linkki tiedostoon 'other.h5'" in t for t in warnings), warnings
    english = ("was left out", "is not part of a project", "cannot be kept", "It was opened")
    assert not [t for t in warnings if any(e in t for e in english)], warnings
    window.resize(1280, 800)
    QApplication.processEvents()
    picture = window.grab()
    assert not picture.isNull()
    if os.environ.get("PROJECT_TEXTS_SHOT"):  # a path: look at the window afterwards
        assert picture.save(os.environ["PROJECT_TEXTS_SHOT"])
