"""The CLI entry point: discovery, GUI start, exit codes, error messages and crash logs."""

from __future__ import annotations

import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from workbench import __version__
from workbench.cli import main as cli_main
from workbench.errors import UserFacingError

ROOT = Path(__file__).resolve().parents[1]


def _run_module(args: list[str], home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, FIBRE_WORKBENCH_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "workbench", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_version_through_python_m(tmp_path):
    proc = _run_module(["--version"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"fibre-workbench {__version__}"


def test_version_does_not_import_heavy_modules(tmp_path):
    code = (
        "import sys; from workbench.cli.main import main; rc = main(['--version']);"
        "heavy = [m for m in ('numpy', 'h5py', 'PySide6', 'pyqtgraph', 'sklearn') "
        "if m in sys.modules]; print(heavy); sys.exit(rc)"
    )
    env = dict(os.environ, FIBRE_WORKBENCH_HOME=str(tmp_path))
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "[]"


def test_every_command_is_discovered():
    parser, failures = cli_main.build_parser()
    assert not failures, failures
    names = cli_main._command_names(parser)
    assert {"new", "info", "demo", "self-test"} <= names


@pytest.fixture
def fake_gui(monkeypatch):
    calls: list[list[str]] = []
    module = types.ModuleType("workbench.gui.app")

    def run_gui(argv):
        calls.append(list(argv))
        return 0

    module.run_gui = run_gui
    monkeypatch.setitem(sys.modules, "workbench.gui.app", module)
    return calls


def test_no_arguments_start_the_gui(fake_gui):
    assert cli_main.main([]) == 0
    assert fake_gui == [[]]


def test_project_path_argument_opens_the_gui_on_it(fake_gui, tmp_path):
    path = str(tmp_path / "x.fwproj")
    assert cli_main.main([path]) == 0
    assert fake_gui == [[path]]


def _one_line_error(captured) -> str:
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert "Traceback" not in captured.err
    return lines[0]


def test_unknown_command_is_exit_2_one_line(capsys):
    assert cli_main.main(["frobnicate"]) == 2
    line = _one_line_error(capsys.readouterr())
    assert "invalid choice" in line and "--help" in line


def test_missing_argument_is_exit_2_one_line(capsys):
    assert cli_main.main(["info"]) == 2
    assert "path" in _one_line_error(capsys.readouterr())


def test_missing_project_file_is_exit_2(tmp_path, capsys):
    assert cli_main.main(["info", str(tmp_path / "nope.fwproj")]) == 2
    assert "no such file" in _one_line_error(capsys.readouterr())


def test_not_a_project_file_is_exit_2(tmp_path, capsys):
    junk = tmp_path / "junk.fwproj"
    junk.write_bytes(b"this is not HDF5\n" * 10)
    assert cli_main.main(["info", str(junk)]) == 2
    assert str(junk.name) in _one_line_error(capsys.readouterr())


def test_user_facing_error_from_a_command_is_exit_2(monkeypatch, capsys):
    from workbench.cli import cmd_info

    def run(args):
        raise UserFacingError("bad input\nspread over lines")

    monkeypatch.setattr(cmd_info, "run", run)
    assert cli_main.main(["info", "whatever.fwproj"]) == 2
    assert _one_line_error(capsys.readouterr()).endswith("bad input spread over lines")


def test_internal_error_is_exit_1_with_traceback_in_a_log(monkeypatch, capsys, _workbench_home):
    from workbench.cli import cmd_info

    def run(args):
        raise RuntimeError("boom in the core")

    monkeypatch.setattr(cmd_info, "run", run)
    assert cli_main.main(["info", "whatever.fwproj"]) == 1
    line = _one_line_error(capsys.readouterr())
    assert "internal error" in line and "boom in the core" in line
    log = Path(line.rsplit("written to ", 1)[1])
    assert log.is_file() and log.parent == _workbench_home / "logs"
    text = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text
    assert "RuntimeError: boom in the core" in text
    assert "info whatever.fwproj" in text  # the context names the command line


def test_interrupt_is_exit_130(monkeypatch, capsys):
    from workbench.cli import cmd_info

    def run(args):
        raise KeyboardInterrupt

    monkeypatch.setattr(cmd_info, "run", run)
    assert cli_main.main(["info", "x.fwproj"]) == 130
    assert "cancelled" in capsys.readouterr().err


def test_broken_command_module_does_not_break_the_others(monkeypatch, capsys):
    real = cli_main.pkgutil.iter_modules

    def iter_modules(path):
        yield from real(path)
        yield types.SimpleNamespace(name="cmd_zz_missing")

    monkeypatch.setattr(cli_main.pkgutil, "iter_modules", iter_modules)
    assert cli_main.main(["--version"]) == 0
    captured = capsys.readouterr()
    assert "cmd_zz_missing could not be loaded" in captured.err
    assert __version__ in captured.out


def test_bad_input_through_python_m(tmp_path):
    """A real process given a folder instead of a project: exit 2, one line, no traceback."""
    proc = _run_module(["info", str(tmp_path)], tmp_path / "home")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_a_file_that_is_not_a_project_is_not_opened_in_the_gui(fake_gui, tmp_path, capsys):
    other = tmp_path / "notes.txt"
    other.write_text("x", encoding="utf-8")
    assert cli_main.main([str(other)]) == 2
    assert fake_gui == []
    assert "invalid choice" in capsys.readouterr().err
