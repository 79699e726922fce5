"""The importers' refusals and warnings are shown in the window's language.

The importers write them in English (the CLI, ``--json`` and the log keep them so); the
import preview translates them (``workbench.gui.import_texts``). These tests fail when

* an importer gains a message form (a refusal's place, expectation or detail, or a
  warning) that has no translated form: every form is read from the importers' source
  (``tests/import_message_forms.py``), none is guessed;
* the English window shows any form other than exactly as the importer wrote it;
* a real refused file (the shared samples' refused files, the fuzz regression inputs,
  crafted bad files for each reader) gives a refusal or warning that a Finnish window
  would show with English left in it.
"""

from __future__ import annotations

import itertools
import random
import re
from pathlib import Path

import pytest
from import_message_forms import import_forms
from PySide6.QtWidgets import QApplication

from workbench.errors import ImportFormatError
from workbench.gui.import_texts import is_known, translate_message

# what a form's holes (X1) may hold: a name, a number, a quoted cell, a message of its
# own, a reader's format label
FILLERS = ("X1", "12", "'x'", "commas", "JCAMP-DX spectrum")


def _variants(text: str) -> list[str]:
    """The form with each of its holes filled every way (at most 3 holes vary)."""
    pieces = text.split("X1")
    holes = len(pieces) - 1
    if holes == 0:
        return [text]
    out = []
    for combo in itertools.product(FILLERS, repeat=min(holes, 3)):
        fill = list(combo) + [combo[-1]] * (holes - len(combo))
        out.append("".join(p + f for p, f in zip(pieces, [*fill, ""], strict=True)))
    return out


def _translated(text: str) -> bool:
    return any(is_known(v) and translate_message(v) != v for v in _variants(text))


def test_the_forms_are_read_from_the_importers_source():
    forms = import_forms()
    texts = {(f.kind, f.text) for f in forms}
    assert len(forms) > 200
    assert ("expected", "a result unit %M, -%M, %S or %M/S") in texts
    assert ("place", "line X1") in texts  # f"line {i + 1}"
    assert ("expected", "x values") in texts  # _need(..., what)
    assert ("warning", "the file states no x unit (DXU); OPUS x axes are wavenumbers") in texts
    assert ("detail", "'X1' is not a number") in texts or ("detail", "X1 is not a number") in texts


def test_every_importer_form_has_a_finnish_form(finnish_ui):
    missing = sorted(
        f"{f.where}: {f.kind} {f.text!r}" for f in import_forms() if not _translated(f.text)
    )
    assert not missing, (
        "add these forms to workbench/gui/import_text_forms.py and translate them "
        "(python -m workbench.gui.translations_tool):\n" + "\n".join(missing)
    )


# forms the English window has always shown reworded (a place with its article, a long
# detail in its shorter or fuller wording); every other form reads exactly as written
REWORDED = {
    "every member", "whole file", "block directory", "header", "end of file", "content",
    "ZIP directory", "workbook",
    "column 'X1' does not say whether fines are by count or by length; stored as fines by "
    "length (fines_length), the usual summary-report convention",
    "a spectrum table whose first column is its x axis (values rising or falling)",
    "X1 has a thousands separator or mixed decimal marks",
}  # fmt: skip


def test_english_is_exactly_what_the_importer_wrote():
    changed = [
        (v, translate_message(v))
        for f in import_forms()
        if f.text not in REWORDED
        for v in _variants(f.text)
        if translate_message(v) != v.strip()
    ]
    assert not changed, changed[:5]


# -- real refusals and warnings -------------------------------------------------------------

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"
# (seed, [(bytes, replaced by)], reader or None to detect, what the refusal must say);
# no replacement: the seed's first line alone
CRAFTED = [
    ("gen_sartorius.txt", [(b"7.59 %M\r", b"7.59 %\r")], None, "a result unit %M, -%M, %S or %M/S"),
    ("mettler_HS153_printout.txt", [(b"-%MC", b"-%ZZ")], None, "a result unit %MC, -%MC"),
    ("gen_pyris.csv", [(b"Time,Unsubtracted Weight,Baseline Weight,Program Temperature,"
                        b"Sample Temperature,Sample Purge Flow,Balance Purge Flow",
                        b"a,b,c,d,e,f,g")],
     "tga_pyris_csv", "PerkinElmer column names"),
    ("cheminfo_mettler_stare_weight.txt",
     [(b"[mg]", b"[\xb0C]"), (b"          Value\r", b"             Tr\r")], None,
     "a curve column of mass, heat flow or DTG after 'Curve Values:'"),
    ("pytga_netzsch_TG209F1_single.txt", [(b"#SEPARATOR:SEMICOLON", b"#SEPARATOR:PIPE")], None,
     "#SEPARATOR: expected SEMICOLON, COMMA, TAB or SPACE"),
    ("pytga_netzsch_TG209F1_single.txt", [(b"##Temp.", b"Temp.")], "tga_netzsch",
     "a '#KEY:value' header line"),
    ("gen_per_fibre.csv", [(b"Length (mm)", b"Length (in)")], None, "a length unit of mm or"),
    ("gen_gravimetric.csv", [(b",Dish + dry sample (g)", b"")], "gravimetric_worksheet",
     "expected columns for"),
    ("spc_nir.spc", [(b"\x4b", b"\x4c")], "spc", "SPC version byte"),  # the first 0x4B: byte 1
    ("openspecy_ftir_ps.0", [(b"\x0a\x0a\xfe\xfe", b"\x00\x00\x00\x00")], "opus",
     "the OPUS magic bytes"),
    ("gen_jcamp.jdx", [(b"##TITLE=generated", b"##ORIGIN=generated")], "jcamp", "##TITLE="),
    ("gen_jcamp.jdx", [(b"=(X++(Y..Y))", b"=(Q++(Y..Y))")], "jcamp", "a table form"),
    ("gen_tga.csv", [(b"0,0;25,0;10,0000", b"0,0;25,0;zehn")], "tga_generic",
     "a number in column"),
    ("gen_fibre_report.csv", [], "fibre_report", "at least one sample with fibre values"),
    ("gen_spectral_table.csv", [], "spectral_table", "at least one sample row"),
]  # fmt: skip


def _crafted() -> list[tuple[str, bytes, str | None, str]]:
    from tests.hardening.test_fuzz_importers import SEEDS

    out = []
    for name, edits, reader, says in CRAFTED:
        raw = SEEDS[name]
        for old, new in edits:
            assert old in raw, (name, old)
            raw = raw.replace(old, new, 1)
        if not edits:
            raw = raw.splitlines(keepends=True)[0]
        out.append((name, raw, reader, says))
    return out


def _fuzzed() -> list[tuple[str, bytes, str | None]]:
    """The fuzz regression inputs, and every seed mutated a few fixed ways (a cut, a
    flipped byte, a number made extreme, a field of a binary header overwritten)."""
    from tests.hardening import fuzzlib as F
    from tests.hardening.test_fuzz_importers import DETECTED, NAMES, SEEDS, own_seeds
    from tests.hardening.test_fuzz_regressions import CASES

    out = [
        (own_seeds(fid)[0], F.mutate(SEEDS[own_seeds(fid)[0]], ops), fid) for fid, ops, _ in CASES
    ]
    rng = random.Random(7)
    for name in NAMES:
        for _ in range(12):
            ops = [(rng.randrange(8), rng.randrange(2**31), rng.randrange(2**16)) for _ in range(3)]
            raw = F.mutate(SEEDS[name], ops[: rng.randint(1, 3)])
            out.append((name, raw, None))
            if DETECTED[name]:
                out.append((name, raw, DETECTED[name]))
    return out


def _messages(name: str, raw: bytes, reader: str | None) -> list[str]:
    """The refusal (without the file's name) or the warnings of ``raw`` read as ``name``."""
    from workbench.importers.registry import parse_bytes

    try:
        parsed = parse_bytes(raw, name, reader)
    except ImportFormatError as exc:
        return [str(exc).removeprefix(name + ": ")]
    except Exception:  # a crash is the fuzz tests' business, not a message
        return []
    return list(parsed.warnings)


# text from Python's zipfile and zlib, quoted as the detail of a refusal: English only
LIBRARY = re.compile(
    r" \((?:\w+: )?(?:File is not a zip file|Bad magic number|Bad CRC-32|Bad offset|Error -\d+ "
    r"while decompressing)[^()]*\)$"
)
# words of the importers' English: none may be left outside quoted parts
ENGLISH = re.compile(
    r"\b(expected|found|line|column|row|byte|not imported|assumed|nothing|the file|of at most|"
    r"number|header|values?|unit|sheet|block|was|were|is not|with|without)\b"
)


def _left_in_english(shown: str) -> list[str]:
    bare = re.sub(r"'[^']*'|\"[^\"]*\"", "''", shown)
    return ENGLISH.findall(bare)


def _check(messages: list[tuple[str, str]]) -> list[str]:
    problems = []
    for source, text in messages:
        core = LIBRARY.sub("", text)
        shown = translate_message(core)
        if not is_known(core):
            problems.append(f"{source}: not a known form: {text!r}")
        elif shown == core or _left_in_english(shown):
            problems.append(f"{source}: English left {_left_in_english(shown)}: {shown!r}")
    return problems


def test_crafted_refusals_are_finnish_in_a_finnish_window(finnish_ui):
    messages = []
    for name, raw, reader, says in _crafted():
        texts = _messages(name, raw, reader)
        assert texts and says in texts[0], (name, texts)
        messages += [(name, t) for t in texts]
    problems = _check(messages)
    assert not problems, "\n".join(problems)
    shown = {translate_message(t) for _n, t in messages}
    assert "rivi 8: odotettiin: tuloksen yksikkö %M, -%M, %S tai %M/S (löytyi '%')" in shown, shown


def test_fuzzed_inputs_give_finnish_refusals_and_warnings(finnish_ui):
    messages = [(name, t) for name, raw, reader in _fuzzed() for t in _messages(name, raw, reader)]
    assert len({t for _n, t in messages}) > 150  # the mutations do reach many refusals
    problems = _check(messages)
    assert not problems, "\n".join(problems)


def test_shared_samples_refusals_and_warnings_are_finnish(finnish_ui):
    if not SAMPLES.is_dir():
        pytest.skip(f"the shared samples are not at {SAMPLES}")
    messages = []
    for path in sorted(SAMPLES.rglob("*")):
        if path.is_file() and path.name != "MANIFEST.tsv":
            messages += [(path.name, t) for t in _messages(str(path), path.read_bytes(), None)]
    assert any("thousands separator" in t for _n, t in messages)  # the refused Setaram file
    problems = _check(messages)
    assert not problems, "\n".join(problems)


def test_finnish_import_preview_shows_refused_files_in_finnish(
    finnish_ui, window, make_project, tmp_path, qtbot
):
    import os

    from test_import_flow import wait_preview

    window.set_project(make_project(1, 0))
    paths = []
    for name, raw, reader, _says in _crafted():
        if reader is None and not (tmp_path / name).exists():
            (tmp_path / name).write_bytes(raw)
            paths.append(str(tmp_path / name))
    window.import_files(paths)
    dialog = wait_preview(window, qtbot)
    notes = {
        Path(item.path).name: dialog.cell_text(r, "notes") for r, item in enumerate(dialog.items)
    }
    assert len(notes) == len(paths) >= 5, notes
    assert notes["gen_sartorius.txt"].startswith(
        "rivi 8: odotettiin: tuloksen yksikkö %M, -%M, %S tai %M/S"
    ), notes
    for name, text in notes.items():
        assert "odotettiin" in text and not _left_in_english(text), (name, text)
    dialog.table.selectRow(next(r for r, i in enumerate(dialog.items) if "stare" in i.path))
    dialog.resize(1280, 760)
    QApplication.processEvents()
    picture = dialog.grab()
    assert not picture.isNull()
    if os.environ.get("IMPORT_TEXTS_SHOT"):  # a path: look at the preview afterwards
        assert picture.save(os.environ["IMPORT_TEXTS_SHOT"])
    dialog.reject()
