"""Mutation fuzzing of the importers: seeds, mutations and the per-input checks.

Seeds are the shared sample files (``../shared/samples``, cut to a few hundred lines
so each input parses in milliseconds) plus small generated files for every format,
so the fuzzer runs even without the shared folder. A mutation is a short list of
operations (byte flip, truncation, insertion, deletion, line duplication, encoding
change, an extreme number in place of a number, a forged binary field), each given
by plain integers so hypothesis can shrink a failure to a small input.

``check`` parses one input and enforces the contract: only ``ImportFormatError``
escapes, no input takes longer than ``MAX_SECONDS``, and the peak memory traced
while parsing stays below ``MEMORY_FACTOR`` times the input size plus a constant.
"""

from __future__ import annotations

import contextlib
import re
import signal
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from workbench.errors import ImportFormatError

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "samples"
MAX_SECONDS = 2.0
MEMORY_FACTOR = 50
MEMORY_CONSTANT = 16 * 2**20
HEAD_LINES = 150
TAIL_LINES = 10

# inputs run per reader id (and "detect"), for the report
COUNTS: Counter[str] = Counter()

GENERATED: dict[str, bytes] = {
    "gen_sartorius.txt": (
        "--------------------\r\nID      SPRUCE-04  \r\nTemp       105 °C  \r\n"
        "Ini.wt+     5.123 g \r\n1:00  +      5.1 %M/S\r\n2:00  +      7.9 %M/S\r\n"
        "Dry wt+     4.734 g \r\nMoist +      7.59 %M\r\n--------------------\r\n"
    ).encode("cp1252"),
    "gen_gravimetric.csv": (
        b"Sample,Replicate,Dish (g),Dish + wet sample (g),Dish + dry sample (g),Oven (\xc2\xb0C)\n"
        b"Pine chips,1,10.0000,20.0000,15.0000,105\nPine chips,2,10.0000,20.0000,16.0000,105\n"
    ),
    "gen_pyris.csv": (
        b"Time,Unsubtracted Weight,Baseline Weight,Program Temperature,Sample Temperature,"
        b"Sample Purge Flow,Balance Purge Flow\n"
        + b"".join(
            f"{i * 0.5:.1f},{5.0 - i * 0.01:.3f},0.0,{30 + 5 * i:.1f},{30.1 + 5 * i:.1f},20.0,40.0\n".encode()
            for i in range(40)
        )
    ),
    "gen_tga.csv": (
        "Time (min);Temperature (°C);Mass (mg)\n"
        + "".join(
            f"{i * 0.5:.1f};{25 + 5 * i:.1f};{10 - i * 0.02:.4f}\n".replace(".", ",")
            for i in range(40)
        )
    ).encode("utf-8"),
    "gen_spectrum.csv": (
        "wavenumber,absorbance\n"
        + "".join(f"{4000 - 2 * i},{0.1 + 0.001 * i:.4f}\n" for i in range(60))
    ).encode(),
    "gen_spectral_table.csv": (
        b"Sample;1100 nm;1102 nm;1104 nm;1106 nm;1108 nm\nbirch;0,21;0,22;0,25;0,24;0,23\n"
        b"spruce;0,31;0,32;0,35;0,34;NA\n"
    ),
    "gen_jcamp.jdx": (
        b"##TITLE=generated\n##JCAMP-DX=4.24\n##DATA TYPE=INFRARED SPECTRUM\n"
        b"##XUNITS=1/CM\n##YUNITS=ABSORBANCE\n##FIRSTX=400\n##LASTX=418\n##XFACTOR=1\n"
        b"##YFACTOR=0.001\n##NPOINTS=10\n##XYDATA=(X++(Y..Y))\n400 100 110 120 130 140\n"
        b"410 150 160 170 180 190\n##END=\n"
    ),
    "gen_fibre_report.csv": (
        "Sample;Ln (mm);Lw (mm);Lww (mm);Fines (%);Width (µm);Curl (%)\n"
        "Birch kraft;0,71;0,95;1,12;12,5;19,8;11,2\nPine TMP;1,10;1,85;2,40;22,1;30,5;14,0\n"
    ).encode("cp1252"),
    "gen_per_fibre.csv": (
        "Length (mm);Width (µm);Curl (%)\n"
        + "".join(f"{0.2 + 0.01 * i:.2f};{15 + i % 7};{5 + i % 11}\n" for i in range(80)).replace(
            ".", ","
        )
    ).encode("cp1252"),
}


def _container_seeds() -> dict[str, bytes]:
    """A two-sheet Excel workbook (a TGA table and a note) and a ZIP of two exports."""
    import io
    import zipfile

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "TGA"
    ws.append(["Time (min)", "Temperature (°C)", "Mass (mg)"])
    for i in range(30):
        ws.append([i * 0.5, 25 + 5 * i, 10 - i * 0.02])
    wb.create_sheet("Notes")["A1"] = "run 7, nitrogen"
    book = io.BytesIO()
    wb.save(book)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("run7/tga.csv", GENERATED["gen_tga.csv"])
        z.writestr("run7/fibres.csv", GENERATED["gen_per_fibre.csv"])
    return {"gen_workbook.xlsx": book.getvalue(), "gen_archive.zip": archive.getvalue()}


GENERATED.update(_container_seeds())


def _cut_text(raw: bytes) -> bytes:
    """The first HEAD_LINES and last TAIL_LINES lines of a long text file, same encoding."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text, enc = raw.decode("utf-16"), "utf-16"
    else:
        text, enc = raw.decode("latin-1"), "latin-1"
    lines = text.splitlines(keepends=True)
    if len(lines) <= HEAD_LINES + TAIL_LINES:
        return raw
    return "".join(lines[:HEAD_LINES] + lines[-TAIL_LINES:]).encode(enc)


def _is_binary(raw: bytes) -> bool:
    head = raw[:4096]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return False
    return b"\x00" in head


def shared_seeds() -> dict[str, bytes]:
    """Shared sample files (cut when long); empty when ../shared is absent."""
    out: dict[str, bytes] = {}
    if not SHARED.is_dir():
        return out
    for p in sorted(SHARED.rglob("*")):
        if not p.is_file() or p.suffix in (".json", ".tsv"):
            continue
        raw = p.read_bytes()
        out[p.name] = raw if _is_binary(raw) else _cut_text(raw)
    return out


def all_seeds() -> dict[str, bytes]:
    return {**GENERATED, **shared_seeds()}


# -- mutations ------------------------------------------------------------------------

EXTREME_NUMBERS = [
    b"0",
    b"-1",
    b"2147483648",
    b"99999999999999999999",
    b"1e308",
    b"-1e308",
    b"1e-320",
    b"nan",
    b"inf",
    b"1,5",
    b"1.5.5",
    b"",
]
EXTREME_INTS = [0, 1, 0xFF, 0x7FFF, 0xFFFF, 0x7FFFFFFF, 0xFFFFFFFF, 0x80000000]
INSERTS = [
    b"\x00",
    b"\r",
    b"\n",
    b"\r\n",
    b";",
    b",",
    b"\t",
    b"#",
    b"##",
    b"##XYDATA=(X++(Y..Y))\n",
    b"##END=\n",
    b"##NPOINTS=999999999\n",
    b"-",
    b"e",
    b"9" * 400,
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xe4",
    b'"',
]
ENCODINGS = ["utf-16", "utf-16-le", "utf-16-be", "cp1252", "utf-8-sig", "utf-8", "latin-1"]
NUMBER = re.compile(rb"-?\d+(?:[.,]\d+)?(?:[eE][-+]?\d+)?")
OPS = ("flip", "truncate", "insert", "delete", "dup_line", "encoding", "number", "field")


def mutate(raw: bytes, ops: list[tuple[int, int, int]]) -> bytes:
    """Apply operations ``(op index, a, b)``; ``a`` and ``b`` pick positions and payloads."""
    data = bytearray(raw)
    for op_i, a, b in ops:
        op = OPS[op_i % len(OPS)]
        n = len(data)
        pos = a % (n + 1)
        if op == "flip" and n:
            data[pos % n] ^= (b % 255) + 1
        elif op == "truncate":
            del data[pos:]
        elif op == "insert":
            data[pos:pos] = INSERTS[b % len(INSERTS)]
        elif op == "delete":
            del data[pos : pos + 1 + b % 64]
        elif op == "dup_line":
            lines = bytes(data).splitlines(keepends=True)
            if lines:
                i = a % len(lines)
                lines[i:i] = [lines[i]] * (1 + b % 50)
                data = bytearray(b"".join(lines))
        elif op == "encoding":
            text = bytes(data).decode("utf-8", errors="replace")
            enc = ENCODINGS[b % len(ENCODINGS)]
            data = bytearray(text.encode(enc, errors="replace"))
        elif op == "number":
            matches = list(NUMBER.finditer(bytes(data)))
            if matches:
                m = matches[a % len(matches)]
                data[m.start() : m.end()] = EXTREME_NUMBERS[b % len(EXTREME_NUMBERS)]
        elif op == "field" and n >= 4:
            p = pos % (n - 3)
            data[p : p + 4] = EXTREME_INTS[b % len(EXTREME_INTS)].to_bytes(4, "little")
    return bytes(data)


# -- the per-input contract -----------------------------------------------------------


class Hang(Exception):
    """Raised by the alarm when one input runs far beyond the time limit."""


def _alarm(signum, frame):  # pragma: no cover - only on a hang
    raise Hang("the input did not finish within 20 s")


def check(call: Callable[[bytes], object], raw: bytes, counter_key: str) -> None:
    """Run ``call(raw)``; fail unless it returns or raises ImportFormatError, fast and small.

    Peak memory is traced with ``tracemalloc`` (numpy reports its buffers to it).
    The time limit is checked on a second, untraced run when the traced run is slow,
    so tracing overhead never causes a false failure.
    """
    COUNTS[counter_key] += 1
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, 20.0)
    tracemalloc.start()
    try:
        t0 = time.perf_counter()
        with contextlib.suppress(ImportFormatError):
            call(raw)
        elapsed = time.perf_counter() - t0
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    limit = MEMORY_FACTOR * len(raw) + MEMORY_CONSTANT
    assert peak <= limit, f"peak memory {peak} bytes for a {len(raw)}-byte input (limit {limit})"
    if elapsed > MAX_SECONDS:
        t0 = time.perf_counter()
        with contextlib.suppress(ImportFormatError):
            call(raw)
        elapsed = time.perf_counter() - t0
        assert elapsed <= MAX_SECONDS, f"took {elapsed:.2f} s (limit {MAX_SECONDS} s)"
