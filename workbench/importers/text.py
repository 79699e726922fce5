"""Decoding text exports and reading numbers from them, strictly.

Real instrument exports come as UTF-8 (with or without BOM), UTF-16 LE/BE with BOM,
cp1252 or a DOS code page, with CR, LF or CRLF line ends, with decimal points or
commas. These helpers decode and split them, and parse numbers without ever guessing:
a value whose thousands separator makes it ambiguous ("50.026.184", "1,234" in a
decimal-point file) is refused with a message, never read as some number.
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from workbench.errors import ImportFormatError, shorten

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def decode(raw: bytes, path: str, declared: str | None = None) -> tuple[str, str]:
    """Decode file bytes to text; returns (text, encoding name used) (see ``_decode``).

    Short inputs (the heads every reader's ``sniff`` decodes during detection) are
    cached, so detecting a file's format decodes its head once, not once per reader.
    """
    if len(raw) <= _CACHE_LIMIT:
        key = (raw, declared)
        with _cache_lock:
            hit = _cache.get(key)
        if hit is None:
            hit = _decode(raw, path, declared)
            with _cache_lock:
                if len(_cache) >= 8:
                    _cache.pop(next(iter(_cache)))
                _cache[key] = hit
        return hit
    return _decode(raw, path, declared)


_CACHE_LIMIT = 65536
_cache_lock = threading.Lock()
_cache: dict[tuple[bytes, str | None], tuple[str, str]] = {}


def _decode(raw: bytes, path: str, declared: str | None = None) -> tuple[str, str]:
    """Decode file bytes to text.

    Order: a byte-order mark wins; then an encoding the header declared (``declared``,
    e.g. "cp1252" for NETZSCH ``#FTYPE:ANSI`` or "cp850" for a DOS printout); then
    UTF-16 without BOM when every other byte is NUL; then strict UTF-8; then cp1252.
    Bytes cp1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) fall back to Latin-1.
    """
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(enc)
            except UnicodeDecodeError as exc:
                raise ImportFormatError(path, f"byte {exc.start}", f"valid {enc} text") from None
            return text.lstrip("\ufeff"), enc.replace("-sig", "")
    if declared:
        try:
            return raw.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass
    head = raw[:4096]
    if len(head) >= 8 and head[1::2].count(0) > 0.9 * (len(head) // 2):
        try:
            return raw.decode("utf-16-le"), "utf-16-le"
        except UnicodeDecodeError:
            pass
    if len(head) >= 8 and head[0::2].count(0) > 0.9 * (len(head) // 2):
        try:
            return raw.decode("utf-16-be"), "utf-16-be"
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "latin-1"


def split_lines(text: str) -> list[str]:
    """Split on CRLF, CR or LF (and nothing else: form feeds stay in the line).

    Short texts (the decoded heads that every reader's ``sniff`` splits) are split
    once per detection; each caller gets its own list."""
    if len(text) <= _CACHE_LIMIT:
        return list(_split_cached(text))
    return _split(text)


@lru_cache(maxsize=8)
def _split_cached(text: str) -> tuple[str, ...]:
    return tuple(_split(text))


def split_head(text: str, n: int) -> tuple[list[str], str]:
    """The first ``n`` lines of ``text`` as ``split_lines`` gives them, and the text
    after them with its line ends made LF ("" when that was all): a reader that needs
    the head line by line and the rest in one piece splits no more than it needs."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    parts = text.split("\n", n)
    if len(parts) <= n:
        if parts and parts[-1] == "":
            parts.pop()
        return parts, ""
    return parts[:n], parts[n]


def _split(text: str) -> list[str]:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


_LETTER = re.compile(r"[^\W\d_]")


def has_letter(line: str) -> bool:
    """True when ``line`` holds a letter (of any script; ``[^\\W\\d_]``). The table
    readers' sniffers ask it of every line of every file's head, and most are rows of
    numbers: an ASCII line is answered by its case (only letters have one), about four
    times quicker than the pattern, which answers the others."""
    if line.isascii():
        return line.lower() != line.upper()
    return _LETTER.search(line) is not None


_LETTER_LINE = re.compile(r"^[^A-Za-z\n]*[A-Za-z]", re.MULTILINE)


def letter_rows(lines: Sequence[str]) -> list[int]:
    """Indexes of the ``lines`` (no line ends in them) that hold a letter
    (``has_letter``): the only lines a table reader's header search looks at. ASCII
    lines are searched joined, in one pass, as every file's head is."""
    joined = "\n".join(lines)
    if not joined.isascii():
        return [i for i, line in enumerate(lines) if has_letter(line)]
    out: list[int] = []
    line, pos = 0, 0  # the line that starts at ``pos``
    for m in _LETTER_LINE.finditer(joined):
        start = m.start()
        if start != pos:
            line += joined.count("\n", pos, start)
        out.append(line)
        end = joined.find("\n", m.end())
        if end < 0:
            break
        line, pos = line + 1, end + 1
    return out


def contains_word(text: str, words: tuple[str, ...], pattern: re.Pattern[str]) -> bool:
    """``pattern.search(text)`` for a case-insensitive ``pattern`` that only matches
    where one of ``words`` (lower case ASCII) occurs: an ASCII text in which none
    occurs is answered without the pattern (a plain search is far cheaper than a
    case-insensitive one), any other text by the pattern itself."""
    if text.isascii():
        low = text.lower()
        if not any(w in low for w in words):
            return False
    return pattern.search(text) is not None


def sniff_delimiter(lines: Sequence[str]) -> str | None:
    """The column delimiter used consistently by ``lines``: tab, ';', ',' or None (spaces)."""
    candidates = ["\t", ";", ","]
    best, best_score = None, 0
    filled = [line for line in lines if line.strip()]
    joined = "\n".join(filled)
    for delim in candidates:
        if delim not in joined:
            continue  # every count 0 (the test below): not this one
        counts = [line.count(delim) for line in filled]
        if not counts or min(counts) == 0:
            continue
        # consistent count across lines scores high
        # the most frequent count; on a tie the smaller one
        common, n_common = max(Counter(counts).items(), key=lambda kv: (kv[1], -kv[0]))
        score = n_common * 10 + common
        if score > best_score:
            best, best_score = delim, score
    return best


# Each pattern has one way to match a given text (digits, then an optional mark and
# digits): no backtracking, so a 100,000-digit cell costs one pass, not 10^10 steps.
_NUM_POINT = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
_NUM_COMMA = re.compile(r"^[+-]?(?:\d+(?:,\d*)?|,\d+)(?:[eE][+-]?\d+)?$")
NON_FINITE_WORD = re.compile(r"[+-]?(?:inf(?:inity)?|nan)", re.IGNORECASE)
"""How programs write infinity and not-a-number (``inf``, ``-Infinity``, ``NaN``)."""
_SEPARATED = re.compile(r"^[+-]?[\d.,\s']+$")


NOT_GUESSED = (
    "the value is not guessed: export the data again without digit grouping "
    "(a spreadsheet program may have added it)"
)
"""What a refusal of an ambiguous number tells the user to do (a Setaram export opened
in a spreadsheet program reads '50.026.184' for 50.026184 and '5.002.491' for 50.02491:
the grouping dots carry no place value, so no reading of them is right)."""


class AmbiguousNumber(ValueError):
    """A number whose separators make its value ambiguous."""


class NonFiniteNumber(ValueError):
    """A number written beyond the range of a double (``1e309``): never stored as
    infinity, any more than the text ``inf`` is."""


def excerpt(text: str, limit: int = 40) -> str:
    """A short quoted excerpt of a cell or row for a message (``repr``, cut with "…")."""
    return repr(shorten(str(text).strip(), limit))


def finite(value: float, text: str) -> float:
    """``value`` when finite; NonFiniteNumber naming ``text`` otherwise."""
    if math.isfinite(value):
        return value
    raise NonFiniteNumber(
        f"{excerpt(text)} is beyond the range of numbers the workbench stores "
        "(about ±1.8e308); infinite values are refused, never stored"
    )


def parse_number(text: str, decimal: str = ".") -> float:
    """Parse one number with the given decimal mark ('.' or ',').

    Accepts signs, exponents, a leading or trailing decimal mark and surrounding
    spaces. Raises ``AmbiguousNumber`` when a thousands separator or a mixed use of
    marks appears (never guessed), ``NonFiniteNumber`` for a number beyond the range
    of a double (``1e309``), and ``ValueError`` for anything else that is not a
    number. "nan"/"inf" are not numbers here: an instrument that writes them means a
    missing or broken value, and the workbench stores only finite numbers (a missing
    value is stored as missing only where a reader names its missing-value words).
    """
    s = text.strip().replace("\u2212", "-")
    if decimal == ".":
        if _NUM_POINT.match(s):
            return finite(float(s), s)
        if (_SEPARATED.match(s) and any(c in s for c in ",'")) or s.count(".") > 1:
            raise AmbiguousNumber(f"{excerpt(s)} has a thousands separator or mixed decimal marks")
    elif decimal == ",":
        if _NUM_COMMA.match(s):
            return finite(float(s.replace(",", ".")), s)
        if _SEPARATED.match(s) and ("." in s or "'" in s or s.count(",") > 1):
            raise AmbiguousNumber(f"{excerpt(s)} has a thousands separator or mixed decimal marks")
    else:
        raise ValueError(f"unknown decimal mark {decimal!r}")
    if NON_FINITE_WORD.fullmatch(s):
        raise NonFiniteNumber(
            f"{excerpt(s)} is not a finite number; infinite and not-a-number values are "
            "refused, never stored (leave the cell empty or write NA where a reader "
            "accepts missing values)"
        )
    raise ValueError(f"{excerpt(s)} is not a number")


def guess_decimal(cells: Sequence[str], delimiter: str | None) -> str:
    """The decimal mark used by numeric ``cells``: ',' only when commas appear as
    decimal marks and no cell uses a point as one; otherwise '.'."""
    if delimiter == ",":
        return "."
    comma = point = 0
    for cell in cells:
        s = cell.strip()
        if _COMMA_DECIMAL.match(s):
            comma += 1
        elif _POINT_DECIMAL.match(s):
            point += 1
            break  # one point used as a decimal mark settles it
    return "," if comma > 0 and point == 0 else "."


_COMMA_DECIMAL = re.compile(r"^[+-]?\d*,\d+(?:[eE][+-]?\d+)?$")
_POINT_DECIMAL = re.compile(r"^[+-]?\d*\.\d+(?:[eE][+-]?\d+)?$")
