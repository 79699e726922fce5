"""The quick paths of detection and parsing answer exactly as the per-line checks they
replace (``text.has_letter``, ``text.letter_rows``, ``text.contains_word``,
``numeric_block.number_rows``, ``numeric_block.column_counts``): every file of a batch
is sniffed by every table reader, so these run hundreds of times per import
(``python -m tests.benchmarks import_spectra_500_same_data``), and a different answer
would be a file read by another reader or refused.
"""

from __future__ import annotations

import random
import re

from workbench.importers import numeric_block
from workbench.importers.formats import spectral_table
from workbench.importers.numeric_block import column_counts, number_chars, number_rows
from workbench.importers.text import contains_word, has_letter, letter_rows

_LETTER = re.compile(r"[^\W\d_]")
_ROW = re.compile(r"\s*[+\-]?[.,]?\d[0-9+\-.,;eE \t]*")
# digits, marks, separators, blanks (some only Unicode calls blank), letters of other
# scripts, and the words the non-finite test looks for
_PIECES = [*"0123456789" * 3, *".,;\t eE+-" * 2, *"ab#_\x0b\x0c\x1cé\u2028\xa0İı", "inf", "NaN"]


def _lines(rng: random.Random, most: int) -> list[str]:
    return [
        "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 10)))
        for _ in range(rng.randint(0, most))
    ]


def test_letters_are_found_as_the_pattern_finds_them():
    rng = random.Random(1)
    for _ in range(3000):
        lines = _lines(rng, 12)
        expected = [i for i, line in enumerate(lines) if _LETTER.search(line)]
        assert [i for i, line in enumerate(lines) if has_letter(line)] == expected
        assert letter_rows(lines) == expected
    assert letter_rows(["1,2", "Wavenumber (cm-1),A", "3,4", "x"]) == [1, 3]
    assert letter_rows(["1;2", "Näyte;2"]) == [1] and not has_letter("1_2 3")


def test_a_word_is_found_as_the_case_insensitive_pattern_finds_it():
    mass = re.compile(r"\b(mass|weight|tg|massa|paino)\b", re.I)
    words = ("mass", "weight", "tg", "paino")
    for text in ("Time;Temp;MASS", "wavenumber,absorbance", "Paino (mg)", "tgx", "TG %",
                 "maſs", "Massa\u2028", "time,temperature\n1,2"):  # fmt: skip
        assert contains_word(text, words, mass) == bool(mass.search(text)), text


def test_number_rows_are_the_lines_the_row_pattern_matches_whole():
    rng = random.Random(2)
    for _ in range(3000):
        lines = _lines(rng, 140)
        expected = [i for i, line in enumerate(lines[:2000]) if _ROW.fullmatch(line)][:100]
        assert number_rows(lines) == expected
    # a table of more rows than the probe: the first lines decide, for any length
    table = ["x,y"] + [f"{4000 - i}.0,0.{i:03d}" for i in range(400)]
    for n in (120, 121, 401):
        assert number_rows(table[:n]) == list(range(1, 101))
    assert numeric_block.number_rows(["# note", *table[1:130]]) == list(range(1, 101))


def _column_counts_per_line(lines: list[str], delim: str | None, allowed: str) -> list[int]:
    """What ``column_counts`` answers, line by line (the definition it computes)."""
    out = []
    for line in lines:
        if re.search(r"(?i)inf|nan", "\n".join(lines)):
            line = numeric_block._NON_FINITE_CELL.sub("0", line)
        ok = all(c in allowed for c in line) and any("0" <= c <= "9" for c in line)
        if not ok:
            out.append(0)
        elif delim is None:
            out.append(len(line.split()))
        else:
            blanks = " \t\r" if delim != "\t" else " \r"
            out.append(line.count(delim) + 1 - line.rstrip(blanks).endswith(delim))
    return out


def test_column_counts_are_the_cells_of_each_row_of_numbers():
    rng = random.Random(3)
    for _ in range(1500):
        lines = _lines(rng, 6)
        for delim in (None, ",", ";", "\t"):
            for decimal in (".", ","):
                allowed = number_chars(delim, decimal)
                expected = _column_counts_per_line(lines, delim, allowed)
                assert column_counts(lines, delim, allowed).tolist() == expected, (lines, delim)
    rows = ["1;2;", "1;2 ;  ", "3;4", "a;1", "inf;2", ";"]
    assert column_counts(rows, ";", number_chars(";", ".")).tolist() == [2, 2, 2, 0, 2, 0]


def test_a_spectral_table_header_needs_cells_for_five_wavelengths():
    """The one search that rules a head out finds every line the per-line count would
    look at (a header of wavelengths has at least five cells)."""
    rng = random.Random(4)
    for _ in range(3000):
        lines = _lines(rng, 5)
        counted = any(
            max(line.count(","), line.count(";"), line.count("\t"), line.count(" ")) >= 4
            for line in lines
        )
        assert bool(spectral_table._WIDE_LINE.search("\n".join(lines))) == counted
