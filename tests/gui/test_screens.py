"""The screenshot suite as tests: each main screen photographed and checked (issue 17 part 7).

The default run photographs every screen in Finnish at 1366x768 (the smallest screen and
the longer language, where text is cut first); the slow test does both sizes in both
languages. The pictures go to ``screenshots/<lang>-<size>/`` (ignored by git): look at
them after changing a screen. A problem fails the test unless it is listed in ``KNOWN``
with the engineer who is fixing it; a KNOWN entry that no longer matches anything in the
full run fails the slow test, so fixed entries are removed.

Run one combination by hand (faster, prints every problem):

    .venv/bin/python tests/gui/screen_suite.py --lang fi --size 1366x768 [--only wizard]
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
OUT = ROOT / "screenshots"

# (screen, check, text) regular expressions of problems someone is fixing, with who.
KNOWN: list[tuple[str, str, str, str]] = []


def run_suite(lang: str, size: str, only: str = "") -> tuple[list[dict[str, str]], Path]:
    out = OUT / f"{lang}-{size}"
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    args = [sys.executable, str(HERE / "screen_suite.py"), "--lang", lang, "--size", size]
    args += ["--out", str(out)] + (["--only", only] if only else [])
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return json.loads((out / "problems.json").read_text(encoding="utf-8")), out


def known(problem: dict[str, str]) -> tuple[str, str, str, str] | None:
    for entry in KNOWN:
        screen, check, text, _who = entry
        if (
            re.search(screen, problem["screen"])
            and check == problem["check"]
            and re.search(text, problem["text"])
        ):
            return entry
    return None


def unexpected(problems: list[dict[str, str]]) -> list[str]:
    return [f"{p['screen']} [{p['check']}] {p['text']}" for p in problems if known(p) is None]


def test_screens_finnish_1366(request):
    problems, out = run_suite("fi", "1366x768")
    new = unexpected(problems)
    pictures = sorted(out.glob("*.png"))
    assert len(pictures) >= 14, f"too few pictures in {out}: {[p.name for p in pictures]}"
    assert not new, (
        f"pictures in {out}; fix these (or list them in KNOWN with who fixes them):\n"
        + "\n".join(new)
    )


@pytest.mark.slow
def test_screens_every_size_and_language():
    problems: list[dict[str, str]] = []
    folders = []
    for lang in ("en", "fi"):
        for size in ("1366x768", "1920x1080"):
            found, out = run_suite(lang, size)
            problems += [{**p, "screen": f"{lang}-{size}/{p['screen']}"} for p in found]
            folders.append(out)
    new = unexpected(problems)
    assert not new, f"pictures in {OUT}; fix these:\n" + "\n".join(new)
    used = {known(p) for p in problems}
    stale = [entry for entry in KNOWN if entry not in used]
    assert not stale, f"fixed: remove these from KNOWN in {__file__}:\n" + "\n".join(
        map(str, stale)
    )
