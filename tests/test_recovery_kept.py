"""Issue 18: a recovery file belongs to the user.

The sequences of the issue: a window crashes with unsaved work (here: a process that
writes its recovery file and is killed), then the project is opened some other way
(a CLI command that opens it for writing and fails, one that works and saves, a
script, ``info``). Each must leave the recovery file and say that it exists. Before
the fix every one of them deleted it without a word.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.cli.main import main
from workbench.project.recovery import (
    crashed_recoveries,
    list_recoveries,
    open_recovery,
    write_recovery,
)
from workbench.project.store import close_project, open_project, save_project
from workbench.project.synthetic import make_project

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def project_file(tmp_path):
    p = make_project(2)
    path = tmp_path / "birch.fwproj"
    save_project(p, path)
    close_project(p)
    return path


def crash_with_unsaved_work(path: Path) -> Path:
    """A separate process opens ``path``, adds a sample, writes its recovery file as the
    window's timer does, and is killed (SIGKILL: no clean-up runs). Returns the file."""
    code = (
        "import os, signal\n"
        "from workbench.project.store import open_project\n"
        "from workbench.project.recovery import write_recovery\n"
        f"p = open_project({str(path)!r})\n"
        "p.add_sample('Unsaved birch')\n"
        "print(write_recovery(p), flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == -signal.SIGKILL, out.stderr
    file = Path(out.stdout.strip())
    assert file.exists()
    return file


def test_failed_cli_command_keeps_recovery_and_says_so(project_file, capsys):
    file = crash_with_unsaved_work(project_file)
    assert main(["label", str(project_file), "--sample", "no such", "a=b"]) == 2
    err = capsys.readouterr().err
    assert file.exists(), "a failed command deleted the user's unsaved work"
    assert "note:" in err and str(file) in err and "Unsaved work" in err
    assert [i.file for i in crashed_recoveries(project_file)] == [file]


def test_cli_command_that_saves_keeps_recovery(project_file, capsys):
    file = crash_with_unsaved_work(project_file)
    sample = next(iter(open_project(project_file, read_only=True).samples.values())).name
    assert main(["label", str(project_file), "--sample", sample, "route:biochar=suitable"]) == 0
    assert file.exists(), "the command saved its own change, not the crashed session's work"
    assert str(file) in capsys.readouterr().err
    # the crashed work is still whole and can be restored
    restored = open_recovery(crashed_recoveries(project_file)[0])
    assert "Unsaved birch" in {s.name for s in restored.samples.values()}
    close_project(restored)
    assert file.exists()


def test_failed_import_keeps_recovery(project_file, tmp_path, capsys):
    file = crash_with_unsaved_work(project_file)
    assert main(["import", str(project_file), str(tmp_path / "missing.csv")]) == 2
    assert file.exists()
    assert str(file) in capsys.readouterr().err


def test_script_open_and_close_keeps_recovery_and_warns(project_file):
    file = crash_with_unsaved_work(project_file)
    p = open_project(project_file)
    assert any(str(file) in w for w in p.warnings)
    p.add_sample("script change")
    save_project(p)
    close_project(p)
    p = open_project(project_file)
    close_project(p, discard_unsaved=True)  # discards only its own unsaved work
    assert file.exists()


def test_info_names_the_recovery_file(project_file, capsys):
    file = crash_with_unsaved_work(project_file)
    assert main(["info", str(project_file)]) == 0
    out = capsys.readouterr().out
    assert str(file) in out and "Unsaved work" in out
    assert main(["info", "--json", str(project_file)]) == 0
    captured = capsys.readouterr()
    assert any(str(file) in w for w in json.loads(captured.out)["warnings"])
    assert file.exists()


def test_second_session_of_a_running_window_never_touches_its_recovery(project_file):
    first = open_project(project_file)
    first.add_sample("window work")
    file = write_recovery(first)
    second = open_project(project_file)  # another window or command, read-only here
    assert second.read_only
    assert any("Another Fibre Workbench window" in w for w in second.warnings)
    second.add_sample("second")
    write_recovery(second)
    close_project(second, discard_unsaved=True)
    assert file.exists()
    assert crashed_recoveries(project_file) == [], "a running session's file is not offered"
    save_project(first)
    assert not file.exists(), "saving the work removes its own recovery file"
    close_project(first)


def test_restored_work_keeps_one_recovery_file_until_saved(project_file):
    file = crash_with_unsaved_work(project_file)
    restored = open_recovery(crashed_recoveries(project_file)[0])
    assert not restored.read_only, "the dead session's lock was taken over"
    restored.add_sample("more work")
    assert write_recovery(restored) == file, "a restored project goes on writing its file"
    assert len(list_recoveries()) == 1
    close_project(restored)  # e.g. a second crash: the work stays
    assert file.exists()
    restored = open_recovery(list_recoveries()[0])
    assert {"Unsaved birch", "more work"} <= {s.name for s in restored.samples.values()}
    save_project(restored)
    assert list_recoveries() == []
    close_project(restored)


def test_recovery_key_differs_per_session(project_file):
    a = open_project(project_file, read_only=True)
    b = open_project(project_file, read_only=True)
    from workbench.project.store import recovery_key

    assert recovery_key(a) != recovery_key(b)
    assert recovery_key(a).startswith("birch-")
    close_project(a)
    close_project(b)


def test_old_recovery_file_without_writer_is_offered(project_file):
    """Files written before the writer was recorded count as left by a crash."""
    p = open_project(project_file)
    p.add_sample("old style")
    file = write_recovery(p)
    side = file.with_suffix(".json")
    doc = json.loads(side.read_text())
    del doc["writer"]
    side.write_text(json.dumps(doc))
    close_project(p)
    assert [i.file for i in crashed_recoveries(project_file)] == [file]
    assert os.path.exists(file)
