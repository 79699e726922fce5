"""Issue 18: a save keeps what the user set up on the file.

Before: a symlinked project was replaced by a plain file (the link target kept the
old data); a 0600 project became 0644 with another group; ``export --out`` through a
symlink replaced the link; a project name of about 230 characters opened but could
never be saved (the temporary name was too long); ``export`` into a missing folder
was an internal error (exit 1).
"""

from __future__ import annotations

import os
import stat
import sys

import pytest

from workbench.cli.main import main
from workbench.errors import UserFacingError
from workbench.project.lock import lock_path
from workbench.project.store import close_project, open_project, save_project
from workbench.project.synthetic import make_project

posix_only = pytest.mark.skipif(os.name != "posix", reason="symlinks, modes and owners: POSIX")


@pytest.fixture
def real(tmp_path):
    folder = tmp_path / "store"
    folder.mkdir()
    p = make_project(2)
    path = folder / "real.fwproj"
    save_project(p, path)
    close_project(p)
    return path


@posix_only
def test_save_through_symlink_keeps_the_link(real, tmp_path):
    link_dir = tmp_path / "desk"
    link_dir.mkdir()
    link = link_dir / "shortcut.fwproj"
    link.symlink_to(real)
    p = open_project(link)
    assert lock_path(real).exists(), "the lock sits beside the file itself"
    p.add_sample("through the link")
    save_project(p)
    close_project(p)
    assert link.is_symlink() and os.readlink(link) == str(real)
    q = open_project(real, read_only=True)
    assert "through the link" in {s.name for s in q.samples.values()}
    close_project(q)
    assert sorted(os.listdir(link_dir)) == ["shortcut.fwproj"]
    assert sorted(os.listdir(real.parent)) == ["real.fwproj"]


@posix_only
def test_save_keeps_mode_and_group(real):
    os.chmod(real, 0o600)
    if os.geteuid() == 0:
        os.chown(real, 4321, 5432)
    p = open_project(real)
    p.add_sample("x")
    save_project(p)
    close_project(p)
    st = real.stat()
    assert stat.S_IMODE(st.st_mode) == 0o600
    if os.geteuid() == 0:
        assert (st.st_uid, st.st_gid) == (4321, 5432)


@posix_only
def test_new_project_gets_the_default_mode(tmp_path):
    umask = os.umask(0o027)
    try:
        p = make_project(1)
        save_project(p, tmp_path / "new.fwproj")
        close_project(p)
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.fwproj").stat().st_mode) == 0o640


@posix_only
def test_export_through_symlink_keeps_the_link(real, tmp_path, capsys):
    target = tmp_path / "shared" / "values.csv"
    target.parent.mkdir()
    target.write_text("old\n")
    os.chmod(target, 0o640)
    link = tmp_path / "values.csv"
    link.symlink_to(target)
    assert main(["export", str(real), "--out", str(link)]) == 0
    assert link.is_symlink()
    assert target.read_text().startswith("sheet,sample")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_export_into_missing_folder_is_one_line_exit_2(real, tmp_path, capsys):
    code = main(["export", str(real), "--out", str(tmp_path / "nope" / "v.csv")])
    err = capsys.readouterr().err
    assert code == 2 and "does not exist" in err and len(err.strip().splitlines()) == 1


def test_long_name_that_opens_can_be_saved(tmp_path):
    """About 230 characters: the name fits the folder, the old temporary name did not."""
    name = "K" * 229 + ".fwproj"
    path = tmp_path / name
    p = make_project(1)
    save_project(p, path)
    close_project(p)
    p = open_project(path)
    assert not p.read_only, p.read_only_reason
    p.add_sample("saved")
    save_project(p)
    close_project(p)
    assert sorted(os.listdir(tmp_path)) == [name]


def test_name_too_long_fails_early_and_clearly(tmp_path, capsys):
    name = "L" * 245 + ".fwproj"  # fits the folder (252 bytes), but not with '.lock'
    p = make_project(1)
    with pytest.raises(UserFacingError, match=r"too long|bytes long"):
        save_project(p, tmp_path / name)
    assert os.listdir(tmp_path) == []
    code = main(["new", str(tmp_path / ("M" * 250 + ".fwproj"))])
    err = capsys.readouterr().err
    assert code == 2 and "bytes long" in err and len(err.strip().splitlines()) == 1
    assert os.listdir(tmp_path) == []


@pytest.mark.skipif(sys.platform != "linux", reason="non-UTF-8 file names: Linux")
def test_non_utf8_project_name_saves(tmp_path):
    path = tmp_path / os.fsdecode(b"caf\xe9.fwproj")
    p = make_project(1)
    save_project(p, path)
    p.add_sample("more")
    save_project(p)
    close_project(p)
    assert os.listdir(tmp_path) == [path.name]
