"""A smaller ICU data library for the Linux bundle: English and Finnish only (~30 MB less).

The PySide6 wheels for Linux link Qt against ICU 73, whose data library
``libicudata.so.73`` holds the data of every locale and legacy converter (32 MB, a
tenth of the bundle). Qt uses ICU for collation (sorting), locale-aware case mapping,
IDNA host names, time-zone names and non-Unicode codecs; the application ships in
English and Finnish and reads files through Python's codecs, not Qt's.

This module rebuilds the data library with ICU's own tools, the way ICU documents
customising its data (https://unicode-org.github.io/icu/userguide/icu_data/):
the common data package is taken out of the library, ``icupkg -r`` removes the items
of other languages (kept: root, English, Finnish, every non-locale table, Unicode
normalisation, the Windows-125x and ISO-8859 converters), and a new library that
exports the same symbol ``icudt73_dat`` is linked with the C compiler. Lookups of
other locales then fall back to the root locale (standard Unicode collation, English
names) instead of failing.

Also removed: the word-break dictionaries of Chinese/Japanese, Thai, Lao, Khmer and
Burmese (3 MB; ICU's dictionary-based word segmentation of those scripts, which Qt does
not use: Qt's text layout has its own break tables, and without a dictionary ICU's
break iterators fall back to their rules) and the Unicode character-name table
``unames.icu`` (``u_charName``, which Qt does not call).

It needs ``icupkg`` (Debian/Ubuntu: ``icu-devtools``), ``objcopy`` and ``cc`` on the
build machine; without them the bundle keeps the full library (the build says so).
Windows and macOS are unaffected (their Qt uses the system ICU / no ICU).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

KEEP_LANGUAGES = ("en", "fi")
ALWAYS_KEEP = {"root", "pool", "res_index"}
# Legacy converters kept: Windows code pages 1250-1258, ISO-8859 family, DOS 437/850.
KEEP_CONVERTERS = re.compile(
    r"^(ibm-53(4[6-9]|5[0-4])_|ibm-(912|913|914|915|1089|813|916|920|921|923|8859)_"
    r"|ibm-(437|850)_|iso-8859_)"
)
_LOCALE_NAME = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*$")  # also "de_" aliases


def keep_item(item: str) -> bool:
    """Whether one item of the ICU data package (``coll/fi.res``) stays."""
    parts = item.split("/")
    name = parts[-1]
    if len(parts) > 1 and parts[0] == "translit":
        return False  # transliteration: not used by Qt
    stem, _, ext = name.rpartition(".")
    if is_optional_item(item):
        return False  # CJK/South-East Asian word-break dictionaries; character names
    if ext == "cnv":
        return bool(KEEP_CONVERTERS.match(name))
    if ext != "res":
        return True  # normalisation, properties, collation tables, break rules
    if stem in ALWAYS_KEEP or not _LOCALE_NAME.match(stem):
        return True  # root, pool bundles, supplemental data (likelySubtags, zoneinfo64...)
    language = stem.split("_")[0]
    return language in KEEP_LANGUAGES


def is_optional_item(item: str) -> bool:
    """Items other data does not depend on for correctness: dictionaries, character names."""
    name = item.split("/")[-1]
    return name.endswith(".dict") or name == "unames.icu"


def tools_available() -> bool:
    return all(shutil.which(tool) for tool in ("icupkg", "objcopy", "cc"))


def trim_icu_data(library: Path, workdir: Path) -> Path | None:
    """Build a trimmed copy of ``library`` (``libicudata.so.NN``) in ``workdir``.

    Returns the new library's path, or ``None`` when the tools are missing or the
    library is not an ICU data library this function understands.
    """
    match = re.match(r"libicudata\.so\.(\d+)$", library.name)
    if not match or not tools_available():
        return None
    version = match.group(1)
    symbol = f"icudt{version}_dat"
    # icupkg names the items after the output file ("icudt73l/coll/fi.res"), so both the
    # extracted and the trimmed package carry the original name, in separate folders.
    package = f"icudt{version}l.dat"
    (workdir / "full").mkdir(parents=True, exist_ok=True)
    full = workdir / "full" / package
    subprocess.run(
        ["objcopy", "-O", "binary", "--only-section=.rodata", str(library), str(full)],
        check=True,
    )
    data = full.read_bytes()
    if len(data) < 32 or data[2:4] != b"\xda\x27":
        return None  # not a bare ICU common data package in .rodata
    listing = subprocess.run(
        ["icupkg", "-l", str(full)], check=True, capture_output=True, text=True
    ).stdout.split()
    removed = [item for item in listing if not keep_item(item)]
    # Two passes: locale data with icupkg's dependency check (a kept item must not lose
    # what it needs), then the optional items (dictionaries, character names), which the
    # break-rule tables name but ICU loads only on demand and does without
    # (--ignore-deps; ICU's data build tool offers the same as its
    # "brkitr_dictionaries" filter).
    optional = [item for item in removed if is_optional_item(item)]
    (workdir / "locales").mkdir(exist_ok=True)
    step = workdir / "locales" / package
    trimmed = workdir / package
    passes = (
        ([i for i in removed if i not in optional], full, step, []),
        (optional, step, trimmed, ["--ignore-deps"]),
    )
    for number, (items, source_pkg, out_pkg, flags) in enumerate(passes):
        remove_list = workdir / f"removed-{number}.txt"
        remove_list.write_text("\n".join(items) + "\n", encoding="utf-8")
        subprocess.run(
            ["icupkg", *flags, "-r", str(remove_list), str(source_pkg), str(out_pkg)],
            check=True,
            capture_output=True,
        )
    source = workdir / "icudata.S"
    source.write_text(
        "\t.section .rodata\n"
        f"\t.globl {symbol}\n"
        f"\t.type {symbol}, @object\n"
        "\t.balign 16\n"
        f"{symbol}:\n"
        f'\t.incbin "{trimmed.name}"\n'
        f"\t.size {symbol}, . - {symbol}\n"
        '\t.section .note.GNU-stack,"",@progbits\n',
        encoding="utf-8",
    )
    out = workdir / library.name
    subprocess.run(
        [
            "cc",
            "-shared",
            "-nostdlib",
            f"-Wl,-soname,{library.name}",
            "-o",
            str(out),
            source.name,
        ],
        check=True,
        cwd=workdir,
    )
    return out
