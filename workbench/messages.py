"""Analysis result messages in several languages (Qt-free).

A plugin's notes and flags for the user (``AnalysisOutput.messages``, stored as
``Result.messages``) are shown in the GUI and in reports, in the user's language.
A message is one of two JSON-serialisable forms:

* a plain string: shown as is in every language. Third-party plugins written for
  API 1.0 and results stored before bilingual messages existed look like this;
* a record of texts by language code, ``{"en": "...", "fi": "..."}``. English is
  required (it is the fallback for any language the record lacks); the built-in
  plugins always give Finnish too. Plugins add one with ``AnalysisOutput.note``.

The same two forms serve every other text a plugin gives for people to read: the
result's label, plot and table titles, axis labels and column labels (``Text``).
Records are kept as ``TextRecord``, a ``dict`` whose ``str()`` is the English text, so
code that only wants a string (an HDF5 attribute, a log line, a third-party viewer)
gets readable English rather than a dict's repr, while JSON keeps the whole record.

The core's own outputs that promise plain English (the CLI's text and ``--json``
``messages``) use ``message_text(m, "en")``; the Finnish twin goes beside it, as
the classifier's ``notes``/``notes_fi`` do.
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Iterable
from typing import Any

Message = str | dict[str, str]
"""One result message: plain text, or texts by language code (English required)."""

Text = str | dict[str, str]
"""Any plugin-given text for people (label, title, axis or column label): same forms."""

FALLBACK = "en"
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")


class TextRecord(dict):
    """A ``{language code: text}`` record that reads as its English text.

    ``json.dumps`` stores it as a plain object; ``str()`` and f-strings give the English
    text, so code written for plain strings shows
    something readable instead of ``{'en': ...}``.
    """

    def __str__(self) -> str:
        return message_text(dict(self), FALLBACK)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


NBSP = "\u00a0"
"""Finnish thousands separator (a non-breaking space: "12 345,6" never breaks a line)."""


def fi_number(value: Any, spec: str = "") -> str:
    """``value`` formatted with ``spec`` (as in an f-string) the Finnish way.

    The decimal point becomes a comma ("3,104", not "3.104") and a thousands separator
    asked for with ``,`` in ``spec`` becomes a non-breaking space; everything else is
    exactly what ``format(value, spec)`` gives (the same digits as the English text,
    the minus sign "-", "nan" and "inf"), so the two texts differ only in those marks.
    Anything that is not a real number (``bool`` included) is formatted unchanged.
    Finnish prose writes numbers this way (ISO 80000-1 allows either decimal sign);
    the classifier's Finnish sentences and the built-in plugins' Finnish notes and
    labels all use this one function.
    """
    text = format(value, spec)
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return text
    return text.replace(",", NBSP).replace(".", ",")


def bilingual(en: str, fi: str) -> dict[str, str]:
    """The record of an English text and its Finnish translation."""
    return TextRecord(en=en, fi=fi)


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
    return message if isinstance(message, str) else TextRecord(message)


text_in = message_text
"""The text of any ``Text`` (label, title) for a language: same rules as messages."""

text_problem = message_problem
"""Why a label or title is not a valid ``Text``, or ``None`` (same rules as messages)."""


def as_text(stored: Any) -> Text:
    """A ``Text`` read from a file: a string, a valid record (as ``TextRecord``), or,
    for anything else a damaged file holds, its ``str`` so it still shows."""
    if isinstance(stored, str):
        return stored
    if message_problem(stored) is None:
        return TextRecord(stored)
    return "" if stored is None else str(stored)


# The descriptive words in the built-in plugins' method strings. A method string names
# a standard ("ISO 18134 (oven drying, 105 °C)"); the reference stays as written and
# only these words are translated, longest first, so an unknown method shows unchanged.
_METHOD_WORDS_FI = {
    "PLS regression, components chosen by K-fold cross-validation": (
        "PLS-regressio, komponenttien määrä valittu K-kertaisella ristiinvalidoinnilla"
    ),
    "PLS prediction with a stored calibration model": (
        "PLS-ennuste tallennetulla kalibrointimallilla"
    ),
    "Principal component analysis": "Pääkomponenttianalyysi",
    "two-sample Kolmogorov-Smirnov test": "kahden otoksen Kolmogorov–Smirnov-testi",
    "typed in the self-assessment wizard": "syötetty itsearvioinnissa",
    "ash at 815 °C (ISO 1171 style)": "tuhka 815 °C:ssa (ISO 1171:n tapaan)",
    "furnace temperature not stated": "uunin lämpötilaa ei ilmoitettu",
    "proximate analysis by TGA": "välitön analyysi TGA:lla",
    "oven drying at 105 °C": "uunikuivaus 105 °C:ssa",
    "image analysis": "kuva-analyysi",
    "NIR diffuse reflectance": "NIR-diffuusiheijastus",
    "acid detergent lignin": "happodetergenttiligniini",
    "published typical value": "julkaistu tyypillinen arvo",
    "literature": "kirjallisuus",
    "TGA proximate analysis": "TGA-välitön analyysi",
    "net from gross calorific value": "tehollinen lämpöarvo kalorimetrisestä",
    "two-sample Kolmogorov-Smirnov": "kahden otoksen Kolmogorov–Smirnov",
    "mean-centred SVD": "keskistetty SVD",
    "oven drying": "uunikuivaus",
    "cross-validated": "ristiinvalidoitu",
    "molar ratio": "moolisuhde",
    "proximate": "välitön analyysi",
    "ultimate": "alkuaineanalyysi",
    "PLS model": "PLS-malli",
}
_METHOD_WORDS = {"fi": sorted(_METHOD_WORDS_FI.items(), key=lambda kv: -len(kv[0]))}


def method_text(method: str, lang: str) -> str:
    """A value's method string for language ``lang``: the standard's reference as
    written, the known descriptive words ("oven drying") translated."""
    words = _METHOD_WORDS.get(lang)
    if not words or not isinstance(method, str):
        return method
    for en, local in words:
        if en in method:
            method = method.replace(en, local)
    return method
