"""Analysis result messages in several languages (Qt-free).

A plugin's notes and flags for the user (``AnalysisOutput.messages``, stored as
``Result.messages``) are shown in the GUI and in reports, in the user's language.
A message is one of two JSON-serialisable forms:

* a plain string: shown as is in every language. Third-party plugins written for
  API 1.0 and results stored before bilingual messages existed look like this;
* a record of texts by language code, ``{"en": "...", "fi": "..."}``. English is
  required (it is the fallback for any language the record lacks); the built-in
  plugins always give Finnish too. Plugins add one with ``AnalysisOutput.note``.

The core's own outputs that promise plain English (the CLI's text and ``--json``
``messages``) use ``message_text(m, "en")``; the Finnish twin goes beside it, as
the classifier's ``notes``/``notes_fi`` do.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

Message = str | dict[str, str]
"""One result message: plain text, or texts by language code (English required)."""

FALLBACK = "en"
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")


def bilingual(en: str, fi: str) -> dict[str, str]:
    """The message record of an English sentence and its Finnish translation."""
    return {"en": en, "fi": fi}


def message_text(message: Any, lang: str) -> str:
    """The text of ``message`` for language ``lang``, English when it has none.

    A plain string is returned unchanged whatever ``lang`` is. Anything else that is
    not a valid record (a damaged file) is shown through ``str`` rather than hidden.
    """
    if isinstance(message, str):
        return message
    if isinstance(message, dict):
        text = message.get(lang)
        if isinstance(text, str) and text:
            return text
        text = message.get(FALLBACK)
        if isinstance(text, str):
            return text
    return str(message)


def messages_in(messages: Iterable[Any], lang: str) -> list[str]:
    """Every message of a result as text in ``lang`` (see ``message_text``)."""
    return [message_text(m, lang) for m in messages]


def message_problem(message: Any) -> str | None:
    """Why ``message`` is not a valid result message, or ``None`` when it is.

    Valid: a string, or a dict whose keys are lower-case language codes ("en", "fi",
    "sv") and whose values are strings, with a non-empty English text.
    """
    if isinstance(message, str):
        return None
    if not isinstance(message, dict):
        return (
            f"expected a string or a record of texts by language "
            f'({{"en": ..., "fi": ...}}), got {type(message).__name__}'
        )
    for key, text in message.items():
        if not isinstance(key, str) or not _LANGUAGE_CODE.match(key):
            return f"{key!r} is not a language code such as 'en' or 'fi'"
        if not isinstance(text, str):
            return f"the {key!r} text must be a string, got {type(text).__name__}"
    english = message.get(FALLBACK)
    if not isinstance(english, str) or not english.strip():
        return "the English ('en') text is missing or empty; it is the fallback for every language"
    return None


def copy_message(message: Message) -> Message:
    """A copy of a valid message (records are copied, so later edits do not leak)."""
    return message if isinstance(message, str) else dict(message)
