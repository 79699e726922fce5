"""What the project core says about a project file, in the interface language.

Opening a project can give warnings (``project.warnings``: a part skipped, an attribute
ignored, a link left out, attributes another program added) and a reason why it is
read-only (``project.read_only_reason``: another instance holds it, its version number
looks damaged, parts could not be taken in); opening, saving and restoring can be
refused (``ProjectError``). The core writes all of these in English, because the CLI,
``--json`` and the log keep them so, and it stays Qt-free. The window shows them
translated, as ``import_texts`` does for the importers' messages: a message is matched
against the forms the core writes (``workbench/project/*.py``) and rebuilt from the
translated form; the parts it quotes (paths inside the file, names, numbers, file
names) are kept as they are, and parts that are themselves messages (the reason a
sample was skipped, what a link is) are translated the same way. Text from the system
or HDF5 (``No space left on device``) is kept as written. A message no form matches is
shown as the core wrote it; ``tests/gui/test_project_texts.py`` fails when the core
gains a form that is not here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QCoreApplication

from workbench.gui import import_texts
from workbench.gui.i18n import fill
from workbench.gui.project_text_forms import forms, places

translate = QCoreApplication.translate


@cache
def _compiled(which: str) -> tuple[tuple[re.Pattern[str], Callable[[], str], tuple[str, ...]], ...]:
    rules = forms() if which == "forms" else places()
    return tuple((re.compile(p, re.DOTALL), t, g) for p, t, g in rules)


# the last form only passes a message on: it counts as known when its part is
_PASS_ON = r"(.+)\."


def project_message(text: str) -> str:
    """``text`` (a warning, read-only reason or refusal of the project core) in the
    window's language; as written when no form matches."""
    return _translate(text, 0)[0]


def is_known(text: str) -> bool:
    """Whether ``text`` and every message inside it are forms of this module (text from
    the system or HDF5 inside it may still be English)."""
    return _translate(text, 0)[1]


def has_form(text: str) -> bool:
    """Whether a form of this module (not only one that passes a message on) matches
    ``text`` as a whole; the parts it fills in may be anything."""
    for pattern, _template, _groups in _compiled("forms"):
        if pattern.fullmatch(text):
            return pattern.pattern != _PASS_ON
    return False


def _translate(text: str, depth: int, which: str = "forms") -> tuple[str, bool]:
    """(the translation, whether the whole message was known) of ``text``."""
    if not text or depth > 8:
        return text, False
    for pattern, template, groups in _compiled(which):
        m = pattern.fullmatch(text)
        if m is None:
            continue
        out, known = template(), pattern.pattern != _PASS_ON
        parts: list[str] = []
        for i, how in enumerate(groups, start=1):
            part = m.group(i) or ""
            if how in ("msg", "opt") and part:
                part, ok = _translate(part, depth + 1)
                known = known and ok
            elif how == "msg":
                known = False
            elif how == "opt":
                out = out.replace(f"%{i} ", "")  # the template's own text: nothing filled yet
            elif how == "lib":
                part = _library_text(part, depth)
            elif how == "in":
                part, ok = _translate(part, depth + 1, "places")
                known = known and ok
            elif how == "count":
                part = _count(part)
            parts.append(part)
        out = fill(out, *parts)  # in one pass: a part may hold '%2' (a file 'a%20b')
        if pattern.pattern == _PASS_ON:
            known = _translate(m.group(1), depth + 1)[1]
        return out, known
    return text, False


def _library_text(text: str, depth: int) -> str:
    """A part that may be text from the system or HDF5: translated when it is a known
    form (of the project core, or a file kind the importers name), else kept."""
    out, known = _translate(text, depth + 1)
    return out if known else import_texts.translate_message(text)


def _count(part: str) -> str:
    """`` (N samples)`` of a recovery file, or nothing."""
    m = re.fullmatch(r" \((\S+) (samples?)\)", part)
    if m is None:
        return part
    if m.group(2) == "sample":
        return fill(translate("ProjectTexts", " (%1 sample)"), m.group(1))
    return fill(translate("ProjectTexts", " (%1 samples)"), m.group(1))
