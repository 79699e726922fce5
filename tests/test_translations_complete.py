"""Finnish for everything a user sees: GUI catalogue, plugins, routes, report, vocabulary, guide.

Each test FAILS when a user-visible text has no Finnish counterpart:

- the Qt Linguist catalogue: every message has a finished, non-empty translation with
  the same %1/%2 placeholders, and every ``tr()``/``translate()`` string in the GUI
  source is in the catalogue (found by reading the source, so it needs no Qt tools);
  with ``pyside6-lupdate`` available, the catalogue also equals a fresh extraction and
  the committed ``.qm`` is compiled from the current ``.ts``;
- plugin manifests and route files: every ``*_en`` text has a non-empty ``*_fi`` beside it;
- report texts, vocabulary labels and the user guide pages exist in Finnish.
"""

from __future__ import annotations

import ast
import re
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from workbench.paths import plugins_dir, resources_dir

ROOT = Path(__file__).resolve().parents[1]
GUI = ROOT / "workbench" / "gui"
TS = resources_dir() / "translations" / "fibre_workbench_fi.ts"
PLACEHOLDER = re.compile(r"%(?:\d|n)")


def _ts_messages() -> list[tuple[str, str, Any]]:
    root = ET.parse(TS).getroot()
    out = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            out.append((name, msg.findtext("source") or "", msg.find("translation")))
    return out


def test_every_catalogue_message_has_a_finnish_translation():
    problems = []
    for context, source, translation in _ts_messages():
        if translation is None or translation.get("type") in ("obsolete", "vanished"):
            continue
        forms = [f.text or "" for f in translation.iter("numerusform")]  # plural forms
        for text in forms or [translation.text or ""]:
            if translation.get("type") == "unfinished" or not text.strip():
                problems.append(f"{context}: {source!r} has no Finnish translation")
            elif sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
                problems.append(f"{context}: {source!r} -> {text!r}: placeholders differ")
    assert not problems, (
        "translate these in resources/translations/fibre_workbench_fi.ts "
        "(python -m workbench.gui.translations_tool updates it and compiles the .qm):\n"
        + "\n".join(problems[:40])
    )


def _tr_strings(path: Path) -> list[tuple[int, str]]:
    """Literal texts passed to ``tr(text)`` or ``translate(context, text)`` in a module."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        position = {"tr": 0, "translate": 1}.get(name)
        if position is None or len(node.args) <= position:
            continue
        arg = node.args[position]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            out.append((node.lineno, arg.value))
    return out


def test_every_gui_string_in_the_source_is_in_the_catalogue():
    known = {source for _c, source, _t in _ts_messages()}
    missing = []
    for path in sorted(GUI.glob("*.py")):
        for line, text in _tr_strings(path):
            if text not in known:
                missing.append(f"{path.name}:{line}: {text!r}")
    assert not missing, (
        "new strings are not in the catalogue: run python -m workbench.gui.translations_tool "
        "and translate them:\n" + "\n".join(missing[:40])
    )


def test_catalogue_equals_a_fresh_extraction_and_qm_is_current():
    from workbench.gui import translations_tool

    if translations_tool.tool("pyside6-lupdate") is None:
        pytest.skip("pyside6-lupdate is not installed beside this Python")
    problems = translations_tool.check(shell_only=False)
    assert problems == [], "run: python -m workbench.gui.translations_tool\n" + "\n".join(problems)


def _missing_fi(data: Any, where: str) -> list[str]:
    """Every ``x_en`` text in a (nested) TOML document without a non-empty ``x_fi``."""
    problems = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key.endswith("_en") and isinstance(value, str) and value.strip():
                fi = data.get(key[:-3] + "_fi")
                if not isinstance(fi, str) or not fi.strip():
                    problems.append(f"{where}: {key[:-3]}_fi is missing or empty")
            else:
                problems += _missing_fi(value, f"{where}.{key}")
    elif isinstance(data, list):
        for i, item in enumerate(data):
            problems += _missing_fi(item, f"{where}[{i}]")
    return problems


def test_plugin_manifests_are_in_finnish():
    manifests = sorted(plugins_dir().glob("*/plugin.toml"))
    assert len(manifests) >= 5
    problems = []
    for path in manifests:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        if not str(data.get("name_fi", "")).strip():
            problems.append(f"{path.parent.name}: name_fi is missing")
        for param in data.get("parameters", []):
            for key in ("label", "help"):
                if not str(param.get(f"{key}_fi", "")).strip():
                    problems.append(f"{path.parent.name}: parameter {param['name']}: {key}_fi")
        problems += _missing_fi(data, path.parent.name)
    assert not problems, "\n".join(problems)


def test_route_names_descriptions_and_criteria_are_in_finnish():
    routes = sorted((resources_dir() / "routes").glob("*.toml"))
    assert len(routes) >= 10
    problems = []
    for path in routes:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for key in ("name_fi", "description_fi"):
            if not str(data.get(key, "")).strip():
                problems.append(f"{path.name}: {key} is missing")
        problems += _missing_fi(data, path.name)
    assert not problems, "\n".join(problems)


def test_report_texts_are_in_finnish():
    from workbench.report.strings import TEXTS, text

    empty = [k for k, (en, fi) in TEXTS.items() if not en.strip() or not fi.strip()]
    assert not empty, f"report texts without Finnish: {empty}"
    assert text("title_sample", "fi", "Kuori") == "Soveltuvuusraportti: Kuori"


def test_vocabulary_labels_are_in_finnish():
    from workbench.vocab import BASIS_LABELS, FEEDSTOCK_LABELS, PROPERTIES

    assert all(fi.strip() for _en, fi in FEEDSTOCK_LABELS.values())
    assert all(fi.strip() for en, fi in BASIS_LABELS.values() if en)  # "no basis" has none
    missing = [pid for pid, d in PROPERTIES.items() if not d.label_fi.strip()]
    assert not missing, f"properties without a Finnish label: {missing}"


def test_every_user_guide_page_has_a_finnish_page():
    guide = resources_dir() / "guide"
    en = sorted(p.name for p in (guide / "en").glob("*.md"))
    fi = sorted(p.name for p in (guide / "fi").glob("*.md"))
    assert en and en == fi
    for name in fi:
        assert (guide / "fi" / name).read_text(encoding="utf-8") != (guide / "en" / name).read_text(
            encoding="utf-8"
        ), f"fi/{name} is a copy of the English page"
