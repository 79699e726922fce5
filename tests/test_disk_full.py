"""Issue 18: a full disk never kills the process and never touches the project.

A save that ran out of space could end in SIGSEGV (exit 139) after printing its
message, leaving a temporary file and the lock file: HDF5 failed while flushing its
metadata, kept identifiers of a half-closed file and crashed on them at exit. Now
HDF5 never writes to the disk (``workbench.project.diskwrite``).

Here, in the default run: a disk error (ENOSPC, EDQUOT, EIO, EFBIG) injected into the
one place files reach the disk (``fileio.disk_write``/``disk_pwrite``) at several
points of a save (1.2: the header, written last); and every CLI write path
under a real file-size limit (RLIMIT_FSIZE, EFBIG) in a subprocess, which would show a
crash at exit. The same paths on a real 2 MB tmpfs are in ``tests/hardening/
test_full_disk_tmpfs.py`` (slow).
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from workbench import fileio
from workbench.errors import ProjectError, UserFacingError
from workbench.project.store import close_project, open_project, save_project
from workbench.project.synthetic import make_project

REPO = Path(__file__).resolve().parents[1]
ERRORS = [errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EFBIG]


class FailingDisk:
    """Replaces the workbench's disk writes: after ``budget`` bytes, every write fails
    with ``err`` (a disk that has just filled up)."""

    def __init__(self) -> None:
        self.mp = pytest.MonkeyPatch()  # its own: undoing it leaves the test's others
        self.written = 0
        self.failures = 0

    def arm(self, err: int, budget: int) -> None:
        real_write, real_pwrite = fileio.disk_write, fileio.disk_pwrite
        self.written = self.failures = 0

        def check(n: int) -> None:
            if self.written + n > budget:
                self.failures += 1
                raise OSError(err, os.strerror(err))
            self.written += n

        def write(fd, data):
            check(len(data))
            return real_write(fd, data)

        def pwrite(fd, data, offset):
            check(len(data))
            return real_pwrite(fd, data, offset)

        self.mp.setattr(fileio, "disk_write", write)
        self.mp.setattr(fileio, "disk_pwrite", pwrite)

    def disarm(self) -> None:
        self.mp.undo()


@pytest.fixture
def disk():
    failing = FailingDisk()
    yield failing
    failing.disarm()


@pytest.fixture
def project_file(tmp_path):
    p = make_project(3)
    path = tmp_path / "proj" / "birch.fwproj"
    path.parent.mkdir()
    save_project(p, path)
    close_project(p)
    return path


def _leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(n for n in os.listdir(folder) if n not in keep)


@pytest.mark.parametrize("err", ERRORS, ids=[errno.errorcode[e] for e in ERRORS])
@pytest.mark.parametrize("fraction", [0.0, 0.1, 0.5, 0.98, 1.2])
def test_failed_save_leaves_file_and_work(project_file, disk, err, fraction):
    before = project_file.read_bytes()
    p = open_project(project_file)
    try:
        new = p.add_sample("unsaved work")
        disk.arm(err, int(len(before) * fraction))
        with pytest.raises(ProjectError) as info:
            save_project(p)
        message = str(info.value)
        assert disk.failures, "the injected failure was not reached"
        assert os.strerror(err) in message and "not saved" in message, message
        assert "\n" not in message and "unchanged" in message
        disk.disarm()
        assert project_file.read_bytes() == before
        assert _leftovers(project_file.parent, {"birch.fwproj", "birch.fwproj.lock"}) == []
        assert p.dirty and new.id in p.samples  # the work is kept in memory
        for s in p.samples.values():  # every array still reads (from the old file)
            for m in s.measurements.values():
                for c in m.columns.values():
                    np.asarray(c.data)
        elsewhere = project_file.parent / "elsewhere.fwproj"
        save_project(p, elsewhere)  # Save As elsewhere works
        assert not p.dirty
    finally:
        close_project(p)
    q = open_project(elsewhere, read_only=True)
    assert "unsaved work" in {s.name for s in q.samples.values()}
    close_project(q)


@pytest.mark.parametrize("err", ERRORS, ids=[errno.errorcode[e] for e in ERRORS])
@pytest.mark.parametrize("command", ["label", "new"])
def test_cli_save_failure_says_nothing_was_saved(project_file, disk, capsys, err, command):
    """The window keeps unsaved work and offers Save As; a command ends, so its message
    says nothing was saved, the file is unchanged, and to free space and run it again."""
    from workbench.cli.main import main

    before = project_file.read_bytes()
    fresh = project_file.parent / "fresh.fwproj"
    if command == "label":
        args = ["label", str(project_file), "--sample", "Sample 0001", "route:biochar=suitable"]
        budget = len(before) // 2
    else:
        args = ["new", str(fresh)]
        budget = 0
    capsys.readouterr()
    disk.arm(err, budget)
    code = main(args)
    disk.disarm()
    err_text = capsys.readouterr().err.strip()
    assert disk.failures, "the injected failure was not reached"
    assert code == 2, err_text
    assert len(err_text.splitlines()) == 1 and "Traceback" not in err_text
    assert os.strerror(err) in err_text and "not saved" in err_text, err_text
    assert "Nothing was saved" in err_text and "run the command again" in err_text
    assert "Save As" not in err_text and "kept" not in err_text, err_text
    if command == "label":
        assert "the project file is unchanged" in err_text
    else:
        assert "no project file was written" in err_text and not fresh.exists()
    assert project_file.read_bytes() == before
    assert _leftovers(project_file.parent, {"birch.fwproj"}) == []


@pytest.mark.parametrize("err", ERRORS, ids=[errno.errorcode[e] for e in ERRORS])
def test_failed_side_file_write_is_one_line_and_leaves_nothing(tmp_path, disk, err):
    target = tmp_path / "out.csv"
    target.write_text("old export\n")
    disk.arm(err, 3)
    with pytest.raises(UserFacingError) as info:
        fileio.atomic_write_text(target, "new,export\n" * 100)
    disk.disarm()
    assert os.strerror(err) in str(info.value) and "\n" not in str(info.value)
    assert target.read_text() == "old export\n"
    assert os.listdir(tmp_path) == ["out.csv"]


def test_failed_recovery_write_leaves_no_half_recovery(project_file, disk):
    from workbench.project.recovery import list_recoveries, write_recovery

    p = open_project(project_file)
    p.add_sample("unsaved")
    disk.arm(errno.ENOSPC, 1000)
    with pytest.raises(UserFacingError):
        write_recovery(p)
    disk.disarm()
    assert list_recoveries() == []
    folder = Path(os.environ["FIBRE_WORKBENCH_HOME"])
    assert not [f for f in folder.rglob("*") if f.suffix in (".fwtmp", ".tmp")]
    close_project(p)


# -- every CLI write path under a real file-size limit ----------------------------------

_CHILD = """
import resource, sys
limit = int(sys.argv[2])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from workbench.cli.main import main
sys.exit(main(sys.argv[3:]))
"""


def run_limited(args: list[str], limit: int, home: Path, guarded: bool = False):
    env = dict(os.environ, FIBRE_WORKBENCH_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-c", _CHILD, "guarded" if guarded else "memory", str(limit), *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    from workbench.demo import write_demo

    path = tmp_path_factory.mktemp("demo") / "demo.fwproj"
    write_demo(path)
    return path


def _spectrum_csv(folder: Path) -> Path:
    x = np.linspace(4000, 10000, 1500)
    rows = "\n".join(f"{a:.1f};{0.5 + 0.1 * np.sin(a / 500):.5f}" for a in x)
    path = folder / "extra_spectrum.csv"
    path.write_text("Wavenumber (cm-1);Absorbance\n" + rows + "\n")
    return path


CLI_CASES = {
    "label": lambda p, d: ["label", str(p), "--sample", "Birch chips", "route:biochar=suitable"],
    "import": lambda p, d: ["import", str(p), str(_spectrum_csv(d)), "--sample", "Birch chips"],
    "analyse": lambda p, d: ["analyse", str(p), "moisture_ash"],
    "pipelines-save": lambda p, d: [
        "pipelines",
        "save",
        "mine",
        '[{"op": "snv"}]',
        "--project",
        str(p),
    ],
    "new": lambda p, d: ["new", str(d / "new.fwproj")],
    "export-csv": lambda p, d: ["export", str(p), "--out", str(d / "values.csv")],
    "export-xlsx": lambda p, d: ["export", str(p), "--out", str(d / "values.xlsx")],
    "export-jdx": lambda p, d: [
        "export",
        str(p),
        "--out",
        str(d / "one.jdx"),
        "--kind",
        "spectrum",
        "--sample",
        "Birch chips",
    ],
    "report": lambda p, d: ["report", str(p), "--out", str(d / "report.html")],
    "demo": lambda p, d: ["demo", str(d / "demo2.fwproj")],
}


@pytest.mark.parametrize("limit_kind", ["project", "tiny"])
@pytest.mark.parametrize("case", sorted(CLI_CASES))
def test_cli_write_paths_under_file_size_limit(demo_file, tmp_path, case, limit_kind):
    """Exit 2, one line, no traceback, no temporary or lock file, the project as it
    was. ``project``: a limit of half the project's size (saves fail, small files
    such as a new empty project or an export succeed); ``tiny``: 64 bytes (even the
    lock file fails)."""
    work = tmp_path / "work"
    work.mkdir()
    project = work / "demo.fwproj"
    shutil.copy(demo_file, project)
    before = project.read_bytes()
    limit = len(before) // 2 if limit_kind == "project" else 64
    args = CLI_CASES[case](project, tmp_path)
    out = run_limited(args, limit, tmp_path / "home", guarded=case == "import")
    assert out.returncode in (0, 2), (out.returncode, out.stderr[-2000:])
    assert "Traceback" not in out.stderr, out.stderr[-2000:]
    if out.returncode == 2:
        lines = out.stderr.strip().splitlines()
        assert len(lines) == 1 and "error:" in lines[0], out.stderr
        assert "Save As" not in lines[0], "a command that ended keeps no work to save"
    else:
        small = case.startswith(("export", "report", "new"))
        assert limit_kind == "project" and small, out.stderr
    assert project.read_bytes() == before
    assert sorted(os.listdir(work)) == ["demo.fwproj"]
    left = [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert left == [], left
