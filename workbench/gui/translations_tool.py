"""Keep the Qt Linguist catalogues in step with the code (a developer tool).

    python -m workbench.gui.translations_tool          # update .ts from the code, compile .qm
    python -m workbench.gui.translations_tool --check  # exit 1 if .ts or .qm are out of date
    python -m workbench.gui.translations_tool --check --shell  # only the shell's modules

``pyside6-lupdate`` collects every ``tr()`` / ``translate()`` string of ``workbench/gui``
into ``resources/translations/fibre_workbench_<lang>.ts`` (keeping existing
translations); a translator fills them in (Qt Linguist: ``pyside6-linguist``);
``pyside6-lrelease`` compiles the ``.qm`` that the application loads. Both files are
committed, so a source checkout and the packaged application need no Qt tools, and a
test checks that they are up to date.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from workbench.gui.i18n import CATALOGUE, translations_dir

GUI_DIR = Path(__file__).resolve().parent
LANGS = ("fi",)


def tool(name: str) -> Path | None:
    """A PySide6 tool (pyside6-lupdate, pyside6-lrelease) beside the running Python."""
    for folder in (
        Path(sys.executable).parent,
        *(Path(p) for p in [shutil.which(name) or ""] if p),
    ):
        candidate = folder if folder.is_file() else folder / name
        if candidate.is_file():
            return candidate
        if (folder / f"{name}.exe").is_file():
            return folder / f"{name}.exe"
    return None


# The shell's own modules: their strings must all be translated (tested). Feature
# modules added later join the catalogue through ``gui_sources`` and are completed
# by the translation pass of the release (issue 6).
SHELL_MODULES = (
    "actions", "app", "commands", "details_panel", "dialogs", "document", "i18n",
    "latency", "main_window", "message_bar", "metadata_dialog", "plot_view",
    "project_files", "project_text_forms", "project_texts", "project_warning_forms",
    "project_tree", "recovery_writer", "sample_table", "screenshot", "settings", "task_panel", "tasks", "translations_tool",
)  # fmt: skip


def gui_sources(shell_only: bool = False) -> list[str]:
    files = sorted(GUI_DIR.glob("*.py"))
    if shell_only:
        files = [f for f in files if f.stem in SHELL_MODULES]
    return [str(f) for f in files]


def ts_path(lang: str) -> Path:
    return translations_dir() / f"{CATALOGUE}_{lang}.ts"


def qm_path(lang: str) -> Path:
    return translations_dir() / f"{CATALOGUE}_{lang}.qm"


def _run(args: list[str]) -> str:
    done = subprocess.run(args, capture_output=True, text=True, check=True)
    return done.stdout + done.stderr


def lupdate(ts: Path, shell_only: bool = False) -> str:
    exe = tool("pyside6-lupdate")
    if exe is None:
        raise RuntimeError("pyside6-lupdate not found")
    return _run([str(exe), *gui_sources(shell_only), "-no-obsolete", "-ts", str(ts)])


def lrelease(ts: Path, qm: Path) -> str:
    exe = tool("pyside6-lrelease")
    if exe is None:
        raise RuntimeError("pyside6-lrelease not found")
    return _run([str(exe), str(ts), "-qm", str(qm)])


def unfinished(ts: Path) -> int:
    """Number of messages without a finished translation."""
    text = ts.read_text(encoding="utf-8")
    return text.count('type="unfinished"') + text.count("<translation></translation>")


def messages(ts: Path) -> set[tuple[str, str, str]]:
    """(context, source, translation) of every message (file locations ignored)."""
    root = ET.parse(ts).getroot()
    out = set()
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            if msg.find("translation") is not None and msg.find("translation").get("type") in (
                "obsolete",
                "vanished",
            ):
                continue
            out.add((name, msg.findtext("source") or "", msg.findtext("translation") or ""))
    return out


def check(shell_only: bool = False) -> list[str]:
    """Problems: strings missing from the .ts, untranslated strings, stale .qm.

    ``shell_only`` limits the string checks to ``SHELL_MODULES``; the .qm check is
    always for the whole catalogue.
    """
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang in LANGS:
            copy = Path(tmp) / ts_path(lang).name
            shutil.copy(ts_path(lang), copy)
            lupdate(copy, shell_only)
            # Every string of the code must be in the committed .ts with a translation;
            # entries whose code is gone are harmless (lupdate drops them on update).
            missing = sorted(messages(copy) - messages(ts_path(lang)))
            if missing:
                shown = "; ".join(f"{c}: {s!r}" for c, s, _t in missing[:10])
                problems.append(f"{ts_path(lang).name} lacks {len(missing)} strings: {shown}")
            if unfinished(copy):
                problems.append(f"{ts_path(lang).name}: {unfinished(copy)} untranslated strings")
            qm = Path(tmp) / qm_path(lang).name
            lrelease(ts_path(lang), qm)
            if not qm_path(lang).is_file() or qm.read_bytes() != qm_path(lang).read_bytes():
                problems.append(f"{qm_path(lang).name} is not compiled from the current .ts")
    return problems


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if "--check" in args:
        problems = check(shell_only="--shell" in args)
        for p in problems:
            print(p)
        return 1 if problems else 0
    for lang in LANGS:
        print(lupdate(ts_path(lang)).strip())
        print(lrelease(ts_path(lang), qm_path(lang)).strip())
        left = unfinished(ts_path(lang))
        if left:
            print(f"{ts_path(lang).name}: {left} strings still need a translation")
    return 0


if __name__ == "__main__":
    sys.exit(main())
