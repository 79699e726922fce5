"""Project lock (second instance opens read-only) and crash recovery files."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

import numpy as np
import pytest

from workbench.errors import ProjectError, ProjectLockedError
from workbench.project.lock import lock_path, process_start
from workbench.project.recovery import (
    discard_recovery,
    list_recoveries,
    open_recovery,
    write_recovery,
)
from workbench.project.store import close_project, open_project, save_project
from workbench.project.synthetic import make_project


@pytest.fixture
def saved(tmp_path):
    p = make_project(2)
    path = tmp_path / "locked.fwproj"
    save_project(p, path)
    close_project(p)
    return path


def test_second_open_is_read_only_with_reason(saved):
    first = open_project(saved)
    assert not first.read_only
    info = json.loads(lock_path(saved).read_text())
    assert info["pid"] == os.getpid() and info["host"] == socket.gethostname()
    second = open_project(saved)
    assert second.read_only
    assert "open in another Fibre Workbench" in second.read_only_reason
    assert "read-only" in second.read_only_reason
    second.add_sample("change")
    with pytest.raises(ProjectError, match="read-only"):
        save_project(second)
    close_project(second)
    assert lock_path(saved).exists(), "closing the read-only copy keeps the owner's lock"
    close_project(first)
    assert not lock_path(saved).exists()
    third = open_project(saved)
    assert not third.read_only
    close_project(third)


def test_lock_held_by_live_other_process(saved):
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        start = process_start(child.pid)
        lock_path(saved).write_text(
            json.dumps(
                {
                    "pid": child.pid,
                    "host": socket.gethostname(),
                    "user": "alice",
                    "time": "t",
                    "start": start,
                }
            )
        )
        p = open_project(saved)
        assert p.read_only and "alice" in p.read_only_reason
        close_project(p)
        # save-as onto the locked file is refused too
        other = make_project(1)
        with pytest.raises(ProjectLockedError):
            save_project(other, saved)
    finally:
        child.kill()
        child.wait()
    # now the holder is dead: the stale lock is taken over
    p = open_project(saved)
    assert not p.read_only
    assert json.loads(lock_path(saved).read_text())["pid"] == os.getpid()
    close_project(p)


def test_lock_from_other_host_is_respected(saved):
    lock_path(saved).write_text(
        json.dumps({"pid": 1, "host": "another-host.example", "user": "bob", "time": "t"})
    )
    p = open_project(saved)
    assert p.read_only and "another-host.example" in p.read_only_reason
    close_project(p)


def test_explicit_read_only_takes_no_lock(saved):
    p = open_project(saved, read_only=True)
    assert p.read_only and not lock_path(saved).exists()
    close_project(p)


def test_save_as_moves_the_lock(saved, tmp_path):
    p = open_project(saved)
    new = tmp_path / "renamed.fwproj"
    save_project(p, new)
    assert p.path == new
    assert lock_path(new).exists() and not lock_path(saved).exists()
    close_project(p)
    assert not lock_path(new).exists()


def test_recovery_write_list_restore_and_discard(saved):
    p = open_project(saved)
    s = p.add_sample("unsaved work")
    spec_before = (
        next(iter(p.samples.values())).measurements["m-spec-0"].columns["absorbance"].values()
    )
    rec = write_recovery(p)
    assert rec.exists()
    items = list_recoveries()
    assert len(items) == 1 and items[0].original_path == saved and items[0].samples == 3
    # simulate the crash: the project is gone without close; the lock is stale
    p._store.handle.close()
    p._store.lock.held = False  # the dead process never released it
    lock_path(saved).write_text(
        json.dumps({"pid": 999999, "host": socket.gethostname(), "user": "x", "time": "t"})
    )
    r = open_recovery(items[0])
    assert not r.read_only and r.dirty and r.path == saved
    assert s.id in r.samples and r.samples[s.id].name == "unsaved work"
    np.testing.assert_array_equal(
        r.samples[next(iter(r.samples))].measurements["m-spec-0"].columns["absorbance"].values(),
        spec_before,
    )
    save_project(r)
    assert list_recoveries() == [], "a clean save discards the recovery file"
    close_project(r)
    q = open_project(saved, read_only=True)
    assert s.id in q.samples
    close_project(q)


def test_untitled_recovery_and_discard():
    p = make_project(1)
    write_recovery(p)
    write_recovery(p)  # rewritten in place, still one
    items = list_recoveries()
    assert len(items) == 1 and items[0].original_path is None
    r = open_recovery(items[0].key)
    assert r.path is None and len(r.samples) == 1
    close_project(r)
    assert len(list_recoveries()) == 1, "closing unsaved work keeps it"
    r = open_recovery(items[0].key)
    close_project(r, discard_unsaved=True)
    assert list_recoveries() == [], "closing with the user's Discard removes it"
    write_recovery(p)
    discard_recovery(list_recoveries()[0])
    assert list_recoveries() == []
    with pytest.raises(ProjectError, match="no recovery file"):
        open_recovery("nothing-here")


def test_close_discards_recovery_only_when_the_user_discards(saved):
    p = open_project(saved)
    p.add_sample("x")
    write_recovery(p)
    assert len(list_recoveries()) == 1
    close_project(p)
    assert len(list_recoveries()) == 1, "unsaved work is kept"
    p = open_project(saved)
    p.add_sample("y")
    write_recovery(p)
    close_project(p, discard_unsaved=True)
    assert len(list_recoveries()) == 1, "only its own recovery file goes"


def test_read_only_project_can_be_saved_as_elsewhere(saved, tmp_path):
    first = open_project(saved)
    second = open_project(saved)
    assert second.read_only
    second.add_sample("kept via save as")
    copy = tmp_path / "mine.fwproj"
    save_project(second, copy)
    assert not second.read_only and second.path == copy
    close_project(second)
    close_project(first)
    q = open_project(copy, read_only=True)
    assert "kept via save as" in [s.name for s in q.samples.values()]
    close_project(q)


def test_audit_log_is_append_only(saved):
    p = open_project(saved)
    n = len(p.audit)
    assert n > 0
    p.add_sample("appended")
    save_project(p)
    assert len(p.audit) == n + 1
    del p.audit[0]
    with pytest.raises(ProjectError, match="append-only"):
        save_project(p)
    close_project(p)


def test_dropped_project_releases_its_lock(saved):
    import gc

    p = open_project(saved)
    assert lock_path(saved).exists()
    del p
    gc.collect()
    assert not lock_path(saved).exists()


def test_read_only_copy_has_its_own_recovery_file(saved):
    first = open_project(saved)
    second = open_project(saved)
    first.add_sample("in first")
    second.add_sample("in second")
    write_recovery(first)
    write_recovery(second)
    items = list_recoveries()
    assert len(items) == 2 and {i.original_path for i in items} == {saved}
    close_project(second, discard_unsaved=True)
    close_project(first, discard_unsaved=True)
    assert list_recoveries() == []


def _lock_for(saved, pid, **extra):
    doc = {"pid": pid, "host": socket.gethostname(), "user": "carol", "time": "t", **extra}
    lock_path(saved).write_text(json.dumps(doc))


def test_lock_naming_a_live_unrelated_process_is_stale(saved):
    """Issue 18: a lock whose process number now belongs to another program (here a
    plain sleeping Python without the workbench) no longer keeps the project read-only."""
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        _lock_for(saved, child.pid)  # an older lock: no start time
        p = open_project(saved)
        assert not p.read_only, p.read_only_reason
        close_project(p)
        _lock_for(saved, child.pid, start="1")  # the number was reused by a later process
        p = open_project(saved)
        assert not p.read_only, p.read_only_reason
        close_project(p)
    finally:
        child.kill()
        child.wait()


def test_full_disk_while_taking_the_lock(saved, monkeypatch):
    """Issue 18: no empty lock file left, and the read-only reason says what happened
    (was: 'held by another instance on ? (process 0)')."""
    import errno

    from workbench.project import lock as lock_module

    class Full:
        def __init__(self, fd, mode):
            os.close(fd)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(lock_module.os, "fdopen", Full)
    p = open_project(saved)
    assert p.read_only
    assert "No space left on device" in p.read_only_reason and "process 0" not in p.read_only_reason
    assert not lock_path(saved).exists()
    close_project(p)
    monkeypatch.undo()
    p = open_project(saved)
    assert not p.read_only
    close_project(p)


@pytest.mark.parametrize("command", ["sample set", "label"])
def test_full_disk_while_taking_the_lock_on_the_command_line(saved, monkeypatch, capsys, command):
    """Issue 18 (adversarial pass): ``sample set`` on a disk too full for the lock file
    said "use Save As to keep changes elsewhere. Use Save As to a new file." (twice, and
    the command line has no Save As). Now one line: nothing was changed, free some
    space and run the command again; no lock file left, the project unchanged."""
    import errno

    from workbench.cli.main import main
    from workbench.project import lock as lock_module

    before = saved.read_bytes()
    p = open_project(saved, read_only=True)
    name = next(iter(p.samples.values())).name
    close_project(p)

    class Full:
        def __init__(self, fd, mode):
            os.close(fd)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(lock_module.os, "fdopen", Full)
    argv = (
        ["sample", "set", str(saved), name, "--supplier", "Mill"]
        if command == "sample set"
        else ["label", str(saved), "--sample", name, "route:biochar=suitable"]
    )
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    assert "No space left on device" in err and "Nothing was changed" in err, err
    assert "free some space and run the command again" in err, err
    assert "Save As" not in err, err
    assert saved.read_bytes() == before and not lock_path(saved).exists()


def test_read_only_save_names_save_as_once(saved, monkeypatch):
    """The window's refusal to save a project opened read-only for want of a lock file
    says to use Save As once (it said it twice)."""
    import errno

    from workbench.project import lock as lock_module

    def refuse(*args, **kwargs):
        raise lock_module.LockUnavailable(errno.ENOSPC, "No space left on device", "x.lock")

    monkeypatch.setattr(lock_module.ProjectLock, "acquire", refuse)
    p = open_project(saved)
    try:
        assert p.read_only
        with pytest.raises(ProjectError) as caught:
            save_project(p)
        assert str(caught.value).count("Save As") == 1, str(caught.value)
    finally:
        close_project(p)


def test_project_held_open_by_another_hdf5_program(saved):
    """Issue 18: was 'damaged or truncated'; the file is fine, another program has it."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import h5py, sys, time; f = h5py.File(sys.argv[1], 'a'); print('open', flush=True); "
            "time.sleep(60)",
            str(saved),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(ProjectError) as info:
            open_project(saved)
        assert "another program has the file open" in str(info.value)
        assert "damaged" not in str(info.value)
        assert not lock_path(saved).exists()
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
