"""Fuzzed importers: every reader and detection under mutation of real and generated files.

Only ``ImportFormatError`` may escape a reader; no input may take longer than 2 s;
peak memory stays below 50 times the input size plus 16 MiB. The default run uses a
fixed-seed budget (``derandomize=True``, ``FUZZ_EXAMPLES`` inputs per reader, 40 by
default); ``-m slow`` runs 1,000 per reader. The number of inputs run per reader is
printed at the end of the session. Failures found are kept as explicit inputs in
``test_fuzz_regressions.py``.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hardening import fuzzlib as F
from workbench.errors import ImportFormatError
from workbench.importers.registry import all_readers, detect, parse_bytes

SEEDS = F.all_seeds()
NAMES = sorted(SEEDS)
DEFAULT_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
SLOW_EXAMPLES = int(os.environ.get("FUZZ_SLOW_EXAMPLES", "1000"))


def _detected(name: str) -> str:
    try:
        return detect(SEEDS[name], name).format_id
    except ImportFormatError:
        return ""


DETECTED = {name: _detected(name) for name in NAMES}
READERS = {r.format_id: r for r in all_readers()}


def own_seeds(format_id: str) -> list[str]:
    """Seeds detected as this format (all seeds when none is)."""
    return [n for n in NAMES if DETECTED[n] == format_id] or NAMES


OPS = st.lists(
    st.tuples(st.integers(0, len(F.OPS) - 1), st.integers(0, 2**31 - 1), st.integers(0, 2**16 - 1)),
    min_size=1,
    max_size=4,
)


def fuzz_settings(n: int):
    return settings(
        max_examples=n,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def run_reader(format_id: str, n: int) -> None:
    reader = READERS[format_id]
    own = own_seeds(format_id)

    @fuzz_settings(n)
    @given(mine=st.integers(0, 9), i=st.integers(0, 10_000), ops=OPS)
    def inner(mine: int, i: int, ops: list[tuple[int, int, int]]) -> None:
        pool = own if mine < 8 else NAMES
        name = pool[i % len(pool)]
        raw = F.mutate(SEEDS[name], ops)
        F.check(lambda data: reader.parse(data, name), raw, format_id)

    inner()


def run_detection(n: int) -> None:
    @fuzz_settings(n)
    @given(i=st.integers(0, 10_000), ops=OPS)
    def inner(i: int, ops: list[tuple[int, int, int]]) -> None:
        name = NAMES[i % len(NAMES)]
        raw = F.mutate(SEEDS[name], ops)
        F.check(lambda data: parse_bytes(data, name), raw, "detect+parse")

    inner()


TEMPLATES = {
    "summary": (
        {
            "name": "Lab FS summary",
            "delimiter": ";",
            "decimal": ",",
            "encoding": "cp1252",
            "header_row": 3,
            "skip_rows": 1,
            "sample_column": "Näyte",
            "measurement_kind": "fibre_summary",
            "columns": {
                "Pituus (µm)": {"target": "fibre_length_lw", "unit": "µm"},
                "Hienoaine lkm (%)": {"target": "fines_count", "unit": "%"},
            },
        },
        "Laite;XYZ\r\n\r\nNäyte;Pituus (µm);Hienoaine lkm (%)\r\n;µm;%\r\n"
        "Koivu;930;6,3\r\nMänty;NA;12,5\r\n\r\nKeskiarvot ISO 16065-2\r\n".encode("cp1252"),
    ),
    "curve": (
        {
            "name": "balance log",
            "delimiter": "tab",
            "decimal": "auto",
            "header_row": 1,
            "sample_column": "id",
            "measurement_kind": "tga",
            "columns": {
                "T": {"target": "temperature", "unit": "°C"},
                "m": {"target": "mass", "unit": "mg"},
            },
            "signal": "mass",
            "axes": ["temperature"],
        },
        b"id\tT\tm\n" + b"".join(b"A\t%d.0\t%.2f\n" % (30 + i, 10 - i / 50) for i in range(40)),
    ),
}


def run_templates(n: int) -> None:
    from workbench.importers.template_schema import template_from_dict
    from workbench.importers.templates import parse_with_template

    parsed = {k: (template_from_dict(d, k), raw) for k, (d, raw) in TEMPLATES.items()}
    keys = sorted(parsed)

    @fuzz_settings(n)
    @given(i=st.integers(0, 10), ops=OPS)
    def inner(i: int, ops: list[tuple[int, int, int]]) -> None:
        template, seed = parsed[keys[i % len(keys)]]
        raw = F.mutate(seed, ops)
        F.check(lambda data: parse_with_template(data, "t.csv", template), raw, "template")

    inner()


def test_fuzz_import_templates():
    run_templates(DEFAULT_EXAMPLES)


@pytest.mark.slow
def test_fuzz_import_templates_long():
    run_templates(SLOW_EXAMPLES)


def test_shared_samples_are_seeds():
    if not F.SHARED.is_dir():
        pytest.skip(f"shared samples not found at {F.SHARED}; fuzzing generated seeds only")
    assert len(F.shared_seeds()) >= 20


def test_every_reader_has_a_seed_it_reads():
    """Each format has at least one seed it detects, so mutations start from valid input."""
    if not F.shared_seeds():
        pytest.skip("../shared/samples is absent: some formats have seeds only among its files")
    missing = [fid for fid in READERS if fid not in set(DETECTED.values())]
    assert not missing, f"formats without a detected seed: {missing}"


@pytest.mark.parametrize("format_id", sorted(READERS))
def test_fuzz_reader(format_id):
    run_reader(format_id, DEFAULT_EXAMPLES)


def test_fuzz_detection_and_parse():
    run_detection(DEFAULT_EXAMPLES * 2)


@pytest.mark.slow
@pytest.mark.parametrize("format_id", sorted(READERS))
def test_fuzz_reader_long(format_id):
    run_reader(format_id, SLOW_EXAMPLES)


@pytest.mark.slow
def test_fuzz_detection_and_parse_long():
    run_detection(SLOW_EXAMPLES * 2)
