"""Decoding JCAMP-DX data tables: AFFN and ASDF (SQZ, DIF, DUP) ordinates.

JCAMP-DX 4.24/5.01 (McDonald & Wilks 1988, Appl. Spectrosc. 42:151; Lampen et al.
1994) write ordinates either as plain numbers (AFFN, separated by blanks, commas or
signs) or as ASDF pseudo-digits that replace the first digit and carry the sign:

* SQZ  ``@ A-I a-i``  an absolute value 0, +1..+9, -1..-9 followed by more digits;
* DIF  ``% J-R j-r``  a difference to the previous ordinate 0, +1..+9, -1..-9;
* DUP  ``S-Z s``      repeat the previous token (value or difference) so that it
  occurs 1..9 times in total (the count may continue with digits: ``S0`` = 10);
* ``?`` a missing value.

When a line ends with a DIF ordinate, the first ordinate of the next line repeats
the last one as a check (the "Y-check value"); it is verified and dropped.

This module is pure: it turns lines of text into numbers and never sees a file.
"""

from __future__ import annotations

import math
import re
import warnings
from dataclasses import dataclass, field
from operator import itemgetter

import numpy as np

_SQZ = {"@": "0", **{c: str(i + 1) for i, c in enumerate("ABCDEFGHI")}}
_SQZ.update({c: f"-{i + 1}" for i, c in enumerate("abcdefghi")})
_DIF = {"%": "0", **{c: str(i + 1) for i, c in enumerate("JKLMNOPQR")}}
_DIF.update({c: f"-{i + 1}" for i, c in enumerate("jklmnopqr")})
_DUP = {c: str(i + 1) for i, c in enumerate("STUVWXYZs")}

# JCAMP-DX data are ASCII: digits are 0-9 (``\d`` would take other scripts' digits too)
_ASDF_TOKEN = re.compile(
    r"[@A-Ia-i%J-Rj-r][0-9]*(?:\.[0-9]*)?|[S-Zs][0-9]*|[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"
    r"|\?|[\s,;]+|."
)
MAX_VALUES = 10_000_000
_AFFN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|\?")
_AFFN_LEFTOVER = re.compile(r"[^\s,;]")
_AFFN_BYTES = b"0123456789 \t\r\n,;.+-eE?"  # every byte an uncompressed table may hold
# Characters that can only be ASDF pseudo-digits (E/e may also be an AFFN exponent).
_ASDF_ONLY = re.compile(r"[@A-DF-Za-df-s%]")
_DUP_TOKEN = re.compile(r"[S-Zs][0-9]*")


def declared_values(lines: list[tuple[int, str]]) -> int:
    """An upper bound of the values a table decodes to, counted without decoding it:
    one per place a value can start (a pseudo-digit, sign or exponent letter, or a digit
    after a separator), plus each DUP's count minus one. A few bytes of DUP digits can
    declare millions of values; this is what a reader checks against its limit BEFORE
    any of them is made (numpy over the bytes: about three bytes per character)."""
    joined = joined_text(lines)
    sb = np.frombuffer(joined.encode("latin-1", "replace"), np.uint8)
    if not sb.size:
        return 0
    sep = _SEP[sb]
    digit = _NUMERIC[sb]
    prev_sep = np.concatenate(([True], sep[:-1]))
    starts = int(np.count_nonzero(~sep & (~digit | prev_sep)))
    dup = 0
    for m in _DUP_TOKEN.finditer(joined):
        digits = m.group()[1:]
        if len(digits) > 12:
            return MAX_VALUES * 1000  # a count beyond any real table
        dup += int(_DUP[m.group()[0]] + digits) - 1
    return starts + dup


class AsdfError(ValueError):
    """A data line that cannot be decoded; ``line`` is the 1-based file line."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class XppResult:
    """Ordinates of an (X++(Y..Y)) table and the abscissa written on each line."""

    y: np.ndarray
    line_x: np.ndarray  # the X value written at the start of each line (unscaled)
    line_index: np.ndarray  # index into y of the ordinate each line X belongs to
    check_mismatches: int = 0  # Y-check values that did not equal the previous ordinate
    warnings: list[str] = field(default_factory=list)


def strip_comment(text: str) -> str:
    """The text before a ``$$`` comment."""
    i = text.find("$$")
    return text if i < 0 else text[:i]


def joined_text(lines: list[tuple[int, str]]) -> str:
    """The table's lines joined by newlines, ``$$`` comments removed."""
    joined = "\n".join(map(itemgetter(1), lines))
    if "$$" in joined:
        joined = "\n".join(strip_comment(t) for _, t in lines)
    return joined


def is_compressed(lines: list[tuple[int, str]]) -> bool:
    """True when the table uses ASDF pseudo-digits anywhere (decided per table, so a
    lone ``E`` is read as an exponent only in a table that is otherwise AFFN)."""
    joined = joined_text(lines)
    raw = joined.encode("latin-1", "replace")
    leftover = raw.translate(None, _AFFN_BYTES)
    if leftover and _ASDF_ONLY.search(leftover.decode("latin-1")):
        return True
    if b"e" not in raw and b"E" not in raw:
        return False
    sb = np.frombuffer(raw, np.uint8)
    pos = np.flatnonzero((sb == 69) | (sb == 101))
    return bool(((pos == 0) | ~_NUMERIC[sb[pos - 1]]).any())


def _affn_values(lineno: int, text: str) -> list[float]:
    if _AFFN_LEFTOVER.search(_AFFN_NUMBER.sub(" ", text)):
        bad = _AFFN_LEFTOVER.search(_AFFN_NUMBER.sub(" ", text))
        raise AsdfError(lineno, f"unexpected character {bad.group()!r} in a number list")
    return [math.nan if t == "?" else float(t) for t in _AFFN_NUMBER.findall(text)]


def _affn_table(lines: list[tuple[int, str]]) -> tuple[np.ndarray, np.ndarray]:
    """All numbers of an uncompressed table and how many each line holds, converted
    with one numpy call (the fast path for AFFN files such as our own exports)."""
    joined = joined_text(lines)
    norm = joined.replace("+", " +").replace("-", " -").replace(",", " ").replace(";", " ")
    for e in ("e", "E"):  # an exponent's sign stays with its number
        norm = norm.replace(e + " +", e + "+").replace(e + " -", e + "-")
    norm = norm.replace("?", " nan ")
    counts = tokens_per_line(norm, len(lines))
    try:
        if joined.encode("latin-1", "replace").translate(None, _AFFN_BYTES):
            raise ValueError
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # numpy warns where it stops at a bad number
            # text mode of fromstring: no Python string per number (a list of them
            # took seven times the file's size)
            flat = np.fromstring(norm, sep=" ")
        if flat.size != int(counts.sum()):
            raise ValueError
    except (ValueError, DeprecationWarning):
        for lineno, text in lines:
            _affn_values(lineno, strip_comment(text))  # raises with the line number
        raise AsdfError(lines[0][0] if lines else 0, "a malformed number") from None
    if np.isinf(flat).any():
        line = int(np.searchsorted(np.cumsum(counts), np.flatnonzero(np.isinf(flat))[0], "right"))
        raise AsdfError(
            lines[min(line, len(lines) - 1)][0],
            "a number beyond the range of numbers the workbench stores (about ±1.8e308)",
        )
    return flat, counts


def tokens_per_line(text: str, n_lines: int) -> np.ndarray:
    """How many blank-separated tokens each of the ``n_lines`` lines of ``text`` holds
    (numpy on the bytes: a token starts where a blank is followed by a non-blank)."""
    sb = np.frombuffer(text.encode("latin-1", "replace"), np.uint8)
    blank = (sb == 32) | (sb == 9) | (sb == 10) | (sb == 13) | (sb == 11) | (sb == 12)
    starts = np.flatnonzero(~blank & np.concatenate(([True], blank[:-1])))
    line_of = np.searchsorted(np.flatnonzero(sb == 10), starts)
    return np.bincount(line_of, minlength=n_lines)[:n_lines].astype(np.int64)


def _decode_affn_xpp(lines: list[tuple[int, str]]) -> XppResult:
    flat, counts = _affn_table(lines)
    counts = counts[counts > 0]
    if not counts.size:
        return XppResult(y=flat[:0], line_x=flat[:0], line_index=np.zeros(0, dtype=np.int64))
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    is_x = np.zeros(flat.size, dtype=bool)
    is_x[starts] = True
    line_index = starts - np.arange(starts.size)  # index of each line's first ordinate
    return XppResult(y=flat[~is_x], line_x=flat[starts], line_index=line_index)


def decode_xpp(lines: list[tuple[int, str]]) -> XppResult:
    """Decode an (X++(Y..Y)) table: each line is an X value followed by ordinates."""
    compressed = is_compressed(lines)
    if not compressed:
        return _decode_affn_xpp(lines)
    fast = _decode_asdf_fast(lines)
    if fast is not None:
        return fast
    return decode_asdf_lines(lines)


def decode_asdf_lines(lines: list[tuple[int, str]]) -> XppResult:
    """The line-by-line ASDF decoder: the reference for ``_decode_asdf_fast`` and the
    path that names the line of anything malformed."""
    compressed = True
    ys: list[float] = []
    line_x: list[float] = []
    line_index: list[int] = []
    mismatches = 0
    prev_dif = False  # did the previous line end with a DIF ordinate?
    for lineno, raw in lines:
        text = strip_comment(raw)
        if not text.strip():
            continue
        if compressed:
            values, kinds = _asdf_line(lineno, text)
        else:
            values = _affn_values(lineno, text)
            kinds = [False] * len(values)
        if not values:
            continue
        x, yv, ykinds = values[0], values[1:], kinds[1:]
        start = len(ys)
        if prev_dif and yv:
            check, yv, ykinds = yv[0], yv[1:], ykinds[1:]
            start -= 1
            if ys and not (check == ys[-1] or (math.isnan(check) and math.isnan(ys[-1]))):
                mismatches += 1
        line_x.append(x)
        line_index.append(max(start, 0))
        ys.extend(yv)
        if ykinds:
            prev_dif = ykinds[-1]
        elif not yv:
            prev_dif = False
    res = XppResult(
        y=np.asarray(ys, dtype=np.float64),
        line_x=np.asarray(line_x, dtype=np.float64),
        line_index=np.asarray(line_index, dtype=np.int64),
        check_mismatches=mismatches,
    )
    if mismatches:
        res.warnings.append(f"{mismatches} Y-check value(s) differ from the decoded ordinate")
    return res


def _asdf_line(lineno: int, text: str) -> tuple[list[float], list[bool]]:
    """Values of one ASDF line and, per value, whether it was produced by DIF."""
    values: list[float] = []
    is_dif: list[bool] = []
    last_kind = ""  # "abs" or "dif"
    last_diff = 0.0
    for m in _ASDF_TOKEN.finditer(text):
        tok = m.group()
        c = tok[0]
        if c in " \t,;" or tok.isspace():
            continue
        if c in _SQZ:
            values.append(float(_SQZ[c] + tok[1:]))
            is_dif.append(False)
            last_kind = "abs"
        elif c in _DIF:
            if not values:
                raise AsdfError(lineno, f"a DIF digit {c!r} with no ordinate before it")
            last_diff = float(_DIF[c] + tok[1:])
            values.append(values[-1] + last_diff)
            is_dif.append(True)
            last_kind = "dif"
        elif c in _DUP:
            if not values:
                raise AsdfError(lineno, f"a DUP digit {c!r} with no value before it")
            count = int(_DUP[c] + tok[1:])
            if count > MAX_VALUES or len(values) + count > MAX_VALUES:
                raise AsdfError(lineno, f"a DUP count {count} beyond any real spectrum")
            for _ in range(count - 1):
                if last_kind == "dif":
                    values.append(values[-1] + last_diff)
                    is_dif.append(True)
                else:
                    values.append(values[-1])
                    is_dif.append(False)
        elif c == "?":
            values.append(math.nan)
            is_dif.append(False)
            last_kind = "abs"
        elif c in "0123456789" or (c in "+-." and len(tok) > 1):  # not '²' (isdigit)
            values.append(float(tok))
            is_dif.append(False)
            last_kind = "abs"
        else:
            raise AsdfError(
                lineno, f"unexpected character {c!r} (column {m.start() + 1}) in compressed data"
            )
    return values, is_dif


def decode_groups(lines: list[tuple[int, str]], width: int) -> np.ndarray:
    """Decode an (XY..XY)-style table (pairs, or triples for XYW/XYM) into an
    (n, width) array. Groups are separated by blanks or ';', values by ','."""
    out: list[float] = []
    compressed = is_compressed(lines)
    if not compressed:
        flat = _affn_table(lines)[0]
        if flat.size % width:
            last = lines[-1][0] if lines else 0
            raise AsdfError(
                last, f"{flat.size} numbers, not a whole number of {width}-value groups"
            )
        return flat.reshape(-1, width)
    for lineno, raw in lines:
        text = strip_comment(raw)
        if not text.strip():
            continue
        if compressed:
            out.extend(_asdf_line(lineno, text)[0])
        else:
            out.extend(_affn_values(lineno, text))
    if len(out) % width:
        last = lines[-1][0] if lines else 0
        raise AsdfError(last, f"{len(out)} numbers, not a whole number of {width}-value groups")
    return np.asarray(out, dtype=np.float64).reshape(-1, width)


_PSEUDO_REPL = [
    (c.encode(), b" " + v.encode()) for table in (_SQZ, _DIF, _DUP) for c, v in table.items()
]
_KIND = np.zeros(256, dtype=np.int8)  # 0 absolute (AFFN, SQZ), 1 DIF, 2 DUP
_KIND[[ord(c) for c in _DIF]] = 1
_KIND[[ord(c) for c in _DUP]] = 2
_PSEUDO = np.zeros(256, dtype=bool)
_PSEUDO[[ord(c) for table in (_SQZ, _DIF, _DUP) for c in table]] = True
_NUMERIC = np.zeros(256, dtype=bool)
_NUMERIC[list(b"0123456789.")] = True
_SEP = np.zeros(256, dtype=bool)
_SEP[list(b" \t\r\n,;")] = True


def _decode_asdf_fast(lines: list[tuple[int, str]]) -> XppResult | None:
    """Vectorised ASDF decoding of a whole table (numpy on the bytes, no per-value
    Python).

    Token starts (pseudo-digits, signs, digits after a separator) and their kinds
    come from byte lookups; the values from replacing each pseudo-digit by a blank
    and its signed digit and one numpy conversion. DUP repeats the previous token
    (``np.repeat``); DIF runs are a cumulative sum restarted at every absolute value;
    Y-checks are marked from the kind of the previous line's last token, verified,
    then dropped. Returns None when anything is unusual (a '?', a stray character),
    and the line-by-line decoder takes over and names the line.
    """
    texts = [t for _, t in lines]
    joined = joined_text(lines)
    try:
        raw = joined.encode("ascii")
    except UnicodeEncodeError:
        return None
    sb = np.frombuffer(raw, np.uint8)
    pseudo, numeric, sep = _PSEUDO[sb], _NUMERIC[sb], _SEP[sb]
    sign = (sb == 43) | (sb == 45)
    if not sb.size or not (pseudo | numeric | sep | sign).all():
        return None
    after_sep = np.concatenate(([True], sep[:-1]))
    start_pos = np.flatnonzero(pseudo | sign | (numeric & after_sep))
    codes = sb[start_pos]
    text = raw.replace(b"+", b" +").replace(b"-", b" -")
    for c, repl in _PSEUDO_REPL:
        if c in text:
            text = text.replace(c, repl)
    try:
        vals = np.array(text.replace(b",", b" ").replace(b";", b" ").split(), dtype=np.float64)
    except ValueError:
        return None
    if vals.size != codes.size or not vals.size:
        return None
    counts = np.bincount(np.searchsorted(np.flatnonzero(sb == 10), start_pos), minlength=len(texts))
    kind = _KIND[codes]
    line = np.repeat(np.arange(counts.size), counts)  # line of each token
    first = np.concatenate(([True], line[1:] != line[:-1]))
    dup = np.flatnonzero(kind == 2)
    if dup.size:
        if first[dup].any() or first[dup - 1].any() or (kind[dup - 1] == 2).any():
            return None
        n_rep = vals[dup]
        if (n_rep < 1).any() or (n_rep != np.round(n_rep)).any() or n_rep.sum() > MAX_VALUES:
            return None
        reps = np.ones(vals.size, dtype=np.int64)
        reps[dup - 1] += n_rep.astype(np.int64) - 1
        keep = kind != 2
        vals = np.repeat(vals[keep], reps[keep])
        kind = np.repeat(kind[keep], reps[keep])
        line = np.repeat(line[keep], reps[keep])
        first = np.concatenate(([True], line[1:] != line[:-1]))
    if (kind[first] != 0).any():
        return None  # an X value written as a difference
    xs = vals[first]
    x_line = line[first]
    is_y = ~first
    yv, yk, yl = vals[is_y], kind[is_y], line[is_y]
    # Y-check: the first ordinate of a line after a line whose last token was DIF
    last_tok = np.concatenate((np.flatnonzero(first)[1:] - 1, [vals.size - 1]))
    ends_dif = np.zeros(counts.size, dtype=bool)
    ends_dif[x_line] = kind[last_tok] == 1
    prev_line_dif = np.zeros(counts.size, dtype=bool)
    prev_line_dif[x_line[1:]] = ends_dif[x_line[:-1]]
    y_first = np.concatenate(([True], yl[1:] != yl[:-1])) if yl.size else yl.astype(bool)
    is_check = y_first & prev_line_dif[yl]
    absolute = yk == 0
    if yv.size and not absolute[0]:
        return None
    seg = np.cumsum(absolute) - 1
    starts = np.flatnonzero(absolute)
    nan_start = np.isnan(yv) & absolute
    v = np.where(nan_start, 0.0, yv)
    cs = np.cumsum(v)
    y = cs - (cs[starts] - v[starts])[seg]
    if nan_start.any():
        y[nan_start[starts][seg]] = np.nan
    check_pos = np.flatnonzero(is_check)
    mismatches = 0
    if check_pos.size:
        a, b = y[check_pos], y[check_pos - 1]
        mismatches = int(np.count_nonzero((a != b) & ~(np.isnan(a) & np.isnan(b))))
    # index, in the final ordinates, of the point each line's X belongs to
    n_y_before = np.searchsorted(np.flatnonzero(is_y), np.flatnonzero(first))
    checks_before = np.searchsorted(check_pos, n_y_before)
    has_check = np.zeros(counts.size, dtype=bool)
    has_check[yl[is_check]] = True
    line_index = np.maximum(n_y_before - checks_before - has_check[x_line], 0)
    res = XppResult(y=y[~is_check], line_x=xs, line_index=line_index, check_mismatches=mismatches)
    if mismatches:
        res.warnings.append(f"{mismatches} Y-check value(s) differ from the decoded ordinate")
    return res
