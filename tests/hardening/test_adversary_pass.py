"""Failures found by the team's own adversarial pass over the issue 18 code.

The pass (crafted projects, corrupted copies, mutated importer inputs, special files,
full disks, kills) is described with its counts in the closing note of issue 18; each
case here is one it found, kept so it stays fixed.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import h5py
import numpy as np
import pytest

from workbench.cli.main import main
from workbench.demo import write_demo
from workbench.project.verify import verify


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("adversary") / "demo.fwproj"
    write_demo(path)
    return path


@pytest.fixture
def copy(demo, tmp_path):
    path = tmp_path / "p.fwproj"
    shutil.copy(demo, path)
    return path


def _one_line_refusal(capsys, code: int) -> str:
    err = capsys.readouterr().err.strip()
    assert code == 2, err
    assert "internal error" not in err and "Traceback" not in err, err
    assert len(err.splitlines()) == 1, err
    return err


def test_info_verify_of_a_truncated_file_is_a_clean_refusal(copy, capsys):
    # found on corrupted copies: 'info --verify' of a truncated file ended in
    # "internal error: OSError" (exit 1) while 'info' refused it in one line
    data = copy.read_bytes()
    copy.write_bytes(data[: len(data) // 3])
    err = _one_line_refusal(capsys, main(["info", "--verify", str(copy)]))
    assert "damaged or truncated" in err


def test_info_verify_does_not_read_an_index_declared_huge(copy, capsys):
    # the full check read the stored index whole, whatever size it declared: a crafted
    # 1 TiB index (a few KB on disk) is reported as unreadable, not read
    with h5py.File(copy, "r+") as f:
        del f["index"]
        f.create_dataset("index", shape=(2**40,), dtype="u1", chunks=(2**20,), compression="gzip")
    report = verify(copy)
    assert not report.ok
    assert any("index" in p for p in report.problems), report.problems


def test_info_verify_of_an_index_that_is_not_an_object(copy, capsys):
    # a crafted index holding a JSON list (not an object) ended in AttributeError
    import zlib

    with h5py.File(copy, "r+") as f:
        del f["index"]
        raw = zlib.compress(b"[1, 2, 3]")
        f.create_dataset("index", data=np.frombuffer(raw, dtype=np.uint8))
    assert main(["info", "--verify", str(copy)]) == 2
    assert "no readable project index" in capsys.readouterr().out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_among_the_users_pipelines_is_listed_as_broken(tmp_path, monkeypatch, capsys):
    # one FIFO (or unreadable file) in the pipelines folder made 'pipelines list' exit 2
    # with "There is no preprocessing pipeline named 'evil' (known: ..., evil, ...)"
    home = tmp_path / "home"
    monkeypatch.setenv("FIBRE_WORKBENCH_HOME", str(home))
    (home / "pipelines").mkdir(parents=True)
    os.mkfifo(home / "pipelines" / "evil.json")
    (home / "pipelines" / "junk.json").write_text("{not json")
    assert main(["pipelines", "list"]) == 0
    out = capsys.readouterr().out
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert "FIFO" in lines["evil"] and "BROKEN" in lines["evil"]
    assert "BROKEN" in lines["junk"] and "snv" in lines
    code = main(["pipelines", "show", "evil"])
    assert "FIFO" in _one_line_refusal(capsys, code)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_or_device_as_project_says_what_it_is(tmp_path, capsys):
    # 'info' of a FIFO named like a project said "no such project file" (it exists)
    fifo = tmp_path / "p.fwproj"
    os.mkfifo(fifo)
    err = _one_line_refusal(capsys, main(["info", str(fifo)]))
    assert "FIFO" in err and "no such" not in err
    err = _one_line_refusal(capsys, main(["info", "/dev/zero"]))
    assert "character device" in err


_SAVE_CAPPED = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1536 * 2**20, 1536 * 2**20))
from workbench.cli.main import main
sys.exit(main(["label", sys.argv[1], "--sample", "Birch chips", "route:biochar=suitable"]))
"""


@pytest.mark.skipif(sys.platform != "linux", reason="the memory cap uses RLIMIT_AS (Linux)")
def test_a_save_over_damaged_unused_audit_slots_stays_small(copy, tmp_path):
    # a torn write in the unused part of the audit log's 64 KiB chunk made the save's
    # HDF5 object copy allocate 2.8-3.7 GB for 20 s and then refuse ("Unable to copy
    # object"); now the entries are copied one by one and the save succeeds
    import random
    import subprocess

    with h5py.File(copy, "r") as f:
        ds = f["audit/time"]
        used = ds.shape[0]
        start = ds.id.get_chunk_info(0).byte_offset
    rng = random.Random(3)
    with open(copy, "r+b") as fh:
        fh.seek(start + 16 * (used + 10))
        fh.write(rng.randbytes(4096))
    env = dict(os.environ, FIBRE_WORKBENCH_HOME=str(tmp_path / "home"))
    out = subprocess.run(
        [sys.executable, "-c", _SAVE_CAPPED, str(copy)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    with h5py.File(copy, "r") as f:
        assert f["audit/time"].shape[0] == used + 1
    assert verify(copy).ok, verify(copy).problems


def test_verify_after_saving_a_project_opened_by_the_walk(copy, capsys):
    # a file changed by another HDF5 program opens by the walk (axis ranges not read);
    # its next save indexed those ranges as unknown and 'info --verify' then reported
    # every sample as differing from its index
    with h5py.File(copy, "r+") as f:
        f.attrs["touched_by"] = "another program"
    assert main(["label", str(copy), "--sample", "Birch chips", "route:biochar=suitable"]) == 0
    capsys.readouterr()
    assert main(["info", "--verify", str(copy)]) == 0, capsys.readouterr().out


# -- importer inputs -------------------------------------------------------------------

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "samples"


def _asp(values: list[bytes]) -> bytes:
    """An Agilent .asp spectrum: point count, first and last wavenumber, three header
    numbers, then one ordinate per line."""
    return b"%d\n4000.0\n650.0\n1\n2\n4\n" % len(values) + b"\n".join(values) + b"\n"


def test_a_number_overflowing_to_infinity_is_refused_in_any_reader():
    # 400 digits in an .asp ordinate (and, in JCAMP-DX ASDF, a difference run grown by
    # inserted digits) were stored as infinity without a word
    from workbench.errors import ImportFormatError
    from workbench.importers.registry import parse_bytes

    values = [b"%f" % (0.1 + i * 1e-4) for i in range(200)]
    assert parse_bytes(_asp(values), "ok.asp").measurements
    values[57] = b"9" * 400
    with pytest.raises(ImportFormatError, match=r"point 58: expected a finite number"):
        parse_bytes(_asp(values), "bad.asp")


@pytest.mark.skipif(not SHARED.is_dir(), reason="needs ../shared/samples")
def test_jcamp_asdf_with_inserted_digits_is_refused_not_infinite():
    from workbench.errors import ImportFormatError
    from workbench.importers.registry import parse_bytes

    raw = (SHARED / "spectra" / "jcamp_isopropanol_ASDF.jdx").read_bytes()
    mutated = raw[:12253] + b"9" * 400 + raw[12253:]  # found by the mutation loop
    with pytest.raises(ImportFormatError, match="finite number"):
        parse_bytes(mutated, "iso.jdx")


def test_a_refusal_quoting_a_huge_header_stays_short():
    # the gravimetric reader's refusal quoted a 6,000-character header whole (the
    # excerpt limit of ImportFormatError was applied to its fields, not its message)
    from workbench.errors import ImportFormatError
    from workbench.importers.registry import parse_bytes

    header = b"Sample,Replicate,Dish (g),Dish + wet sample (g),Dish + dr\x1dy" + b";Dish" * 1000
    raw = header + b",Oven (\xc2\xb0C)\nPine chips,1,10.0000,20.0000,15.0000,105\n"
    with pytest.raises(ImportFormatError) as caught:
        parse_bytes(raw, "g.csv")
    message = str(caught.value)
    assert len(message) < 700, len(message)
    assert "\x1d" not in message and "\n" not in message


def test_a_zeroed_block_in_a_heap_of_texts_is_refused_not_a_hang(copy, tmp_path):
    # a zeroed disk block inside one of HDF5's global heaps (where text attributes
    # live) made the library loop forever on open: every command and the window hung
    # (9 of 280 corrupted copies); now refused in one line before HDF5 reads it
    import subprocess

    data = bytearray(copy.read_bytes())
    at = data.find(b"GCOL", 65536)
    assert at > 0
    data[at + 16 : at + 80] = bytes(64)  # the first object's header: index 0, size 0
    copy.write_bytes(bytes(data))
    env = dict(os.environ, FIBRE_WORKBENCH_HOME=str(tmp_path / "home"))
    for command in (["info", str(copy)], ["info", "--verify", str(copy)]):
        out = subprocess.run(
            [sys.executable, "-m", "workbench", *command],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert out.returncode == 2, (command, out.stderr[-1000:])
        assert "would make the HDF5 library hang" in out.stderr
        assert len(out.stderr.strip().splitlines()) == 1


def test_the_heap_check_passes_every_saved_project(tmp_path):
    from workbench.project import safety
    from workbench.project.store import close_project, save_project
    from workbench.project.synthetic import make_project

    p = make_project(30, with_table=True)
    path = tmp_path / "big.fwproj"
    save_project(p, path)
    close_project(p)
    safety.check_global_heaps(path)  # raises on a broken heap


def _forge_index(path, edit) -> None:
    """Rewrite ``path``'s index with ``edit(doc)`` and sign it as a save would (an
    attacker can: the header's checksum is no secret)."""
    import json as _json
    import zlib

    from workbench.project import index
    from workbench.project.diskwrite import CHECKSUM_START, USERBLOCK, checksum

    with h5py.File(path, "r+") as f:
        doc = _json.loads(zlib.decompress(f["index"][()].tobytes()))
        data = zlib.compress(_json.dumps(edit(doc)).encode(), 9)
        del f["index"]
        f.create_dataset("index", data=np.frombuffer(data, dtype=np.uint8))
    crc = CHECKSUM_START
    with open(path, "rb") as fh:
        fh.seek(USERBLOCK)
        while block := fh.read(1 << 20):
            crc = checksum(block, crc)
    with open(path, "r+b") as fh:
        fh.write(index.header_bytes(path.stat().st_size, data, crc))


def test_an_index_inflating_beyond_its_limit_is_not_read(copy, monkeypatch):
    # a 5 MB project whose forged index inflated to 700 MB made 'info' take 17 s and
    # 2.2 GB (the inflation cap was 64 times the stored bytes); shown here with the
    # limit lowered so the test stays small
    from workbench.project import index
    from workbench.project.store import close_project, open_project, state_of

    monkeypatch.setattr(index, "MAX_INDEX_TEXT", 2**20)
    _forge_index(copy, lambda doc: {**doc, "pad": "x" * (4 * 2**20)})
    p = open_project(copy, read_only=True)
    try:
        assert state_of(p).index.startswith("damaged"), state_of(p).index
        assert len(p.samples) == 8  # the walk
    finally:
        close_project(p)


def test_an_index_listing_a_sample_twice_is_not_used(copy):
    # a forged index listing every sample 201 times opened (collapsed silently) and
    # took 7-10 s; a save lists each sample, measurement and result once
    from workbench.project.store import close_project, open_project, state_of

    _forge_index(copy, lambda doc: {**doc, "samples": doc["samples"] * 3})
    p = open_project(copy, read_only=True)
    try:
        assert "listed twice" in state_of(p).index
        assert len(p.samples) == 8
    finally:
        close_project(p)
