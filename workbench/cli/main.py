"""The ``fibre-workbench`` command: the GUI with no arguments, headless commands otherwise.

Commands are discovered, not listed: every module ``workbench/cli/cmd_*.py`` exposes
``register(subparsers)`` (adds its subparser with ``func=run``) and ``run(args) -> int``.
Later features add a command by adding a module.

Exit codes (documented in the README and kept stable):

* 0 - success;
* 2 - bad usage or bad input (any ``UserFacingError``): one line on stderr, no traceback;
* 1 - internal error: the traceback goes to a crash report in the logs folder and the
  one-line message names that file;
* 130 - interrupted by the user (Ctrl+C) or cancelled.

Start-up stays light: this module imports only the standard library and the small
core modules (errors, paths); commands import numpy, h5py or Qt inside ``run``.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import pkgutil
import sys
from collections.abc import Callable, Sequence
from types import ModuleType

from workbench import __version__
from workbench.errors import CancelledError, SaveFailedError, UserFacingError

PROG = "fibre-workbench"
PROJECT_SUFFIX = ".fwproj"  # same as workbench.model.PROJECT_SUFFIX (not imported: numpy)


class UsageError(UserFacingError):
    """The command line itself is wrong (unknown command, missing argument)."""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line and an exception, not ``sys.exit``."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message} (see '{self.prog} --help')")


def command_modules() -> tuple[list[ModuleType], list[tuple[str, BaseException]]]:
    """Import every ``workbench.cli.cmd_*`` module, sorted by name.

    Returns the modules and the ``(name, exception)`` of any that failed to import, so
    that one broken command does not take the others down with it.
    """
    import workbench.cli as package

    modules: list[ModuleType] = []
    failures: list[tuple[str, BaseException]] = []
    names = sorted(
        info.name for info in pkgutil.iter_modules(package.__path__) if info.name.startswith("cmd_")
    )
    for name in names:
        try:
            module = importlib.import_module(f"workbench.cli.{name}")
        except Exception as exc:  # a broken command module must not break the CLI
            failures.append((name, exc))
            continue
        if callable(getattr(module, "register", None)) and callable(getattr(module, "run", None)):
            modules.append(module)
        else:
            failures.append((name, TypeError("module lacks register(subparsers) or run(args)")))
    return modules, failures


def build_parser() -> tuple[argparse.ArgumentParser, list[tuple[str, BaseException]]]:
    """The full argument parser with every discovered command."""
    parser = _Parser(
        prog=PROG,
        description=(
            "Fibre Workbench: characterisation data of fibre and biomass materials and "
            "their suitability for product routes. Run without arguments to open the "
            "window, or with a project file to open it; use a command for headless work."
        ),
        epilog="Exit codes: 0 success, 1 internal error (see the log file named), "
        "2 bad usage or bad input, 130 interrupted.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    subparsers = parser.add_subparsers(title="commands", dest="command", metavar="COMMAND")
    modules, failures = command_modules()
    for module in modules:
        try:
            module.register(subparsers)
        except Exception as exc:  # a command that cannot register is reported, not fatal
            failures.append((module.__name__.rsplit(".", 1)[-1], exc))
    return parser, failures


def _command_names(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def _is_project_argument(args: Sequence[str], commands: set[str]) -> bool:
    """True for ``fibre-workbench PROJECT.fwproj`` (open the GUI on that project)."""
    if len(args) != 1 or args[0].startswith("-") or args[0] in commands:
        return False
    return args[0].lower().endswith(PROJECT_SUFFIX)


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _report_failures(failures: list[tuple[str, BaseException]]) -> None:
    from workbench.logsetup import write_crash_report

    for name, exc in failures:
        path = write_crash_report(exc, context=f"loading command module {name}")
        print(
            f"{PROG}: warning: the command module {name} could not be loaded "
            f"({_one_line(exc)}); details in {path}",
            file=sys.stderr,
        )


def print_notices() -> None:
    """Print, once, the notes the store collected about the projects a command opened
    (unsaved work waiting in a recovery file), whether the command worked or not."""
    store = sys.modules.get("workbench.project.store")  # loaded only if a project was opened
    if store is None:
        return
    for text in store.take_notices():
        print(f"{PROG}: note: {_one_line(text)}", file=sys.stderr)


def run_guarded(func: Callable[[], int], context: str) -> int:
    """Run ``func`` and turn exceptions into the documented exit codes and messages."""
    store = sys.modules.get("workbench.project.store")
    if store is not None:
        store.take_notices()  # only this command's notes (a process may run several)
    try:
        return _run(func, context)
    finally:
        with contextlib.suppress(Exception):
            print_notices()


def _run(func: Callable[[], int], context: str) -> int:
    try:
        return int(func() or 0)
    except SaveFailedError as exc:  # the process ends: nothing is kept, no Save As
        print(f"{PROG}: error: {_one_line(exc.cli_message())}", file=sys.stderr)
        return 2
    except UserFacingError as exc:
        print(f"{PROG}: error: {_one_line(exc)}", file=sys.stderr)
        return 2
    except (KeyboardInterrupt, CancelledError):
        print(f"{PROG}: cancelled.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. "info --json | head": the reader went away
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - stays open until exit
        return 0
    except Exception as exc:
        from workbench.logsetup import write_crash_report

        try:
            path = write_crash_report(exc, context=context)
            where = f"the details were written to {path}"
        except Exception as log_exc:  # even the log could not be written
            where = f"the log file could not be written either ({_one_line(log_exc)})"
        print(
            f"{PROG}: internal error: {type(exc).__name__}: {_one_line(exc)}; {where}",
            file=sys.stderr,
        )
        return 1


def _start_gui(argv: list[str]) -> int:
    def start() -> int:
        from workbench.gui.app import run_gui  # Qt is imported only here

        return run_gui(argv)

    return run_guarded(start, context=f"{PROG} (window) {' '.join(argv)}".strip())


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``fibre-workbench`` and ``python -m workbench``; returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    from workbench.importers import parallel

    parallel.allow()  # every way into main is safe for worker processes to import
    if not args:
        return _start_gui([])
    parser, failures = build_parser()
    if failures:
        _report_failures(failures)
    if _is_project_argument(args, _command_names(parser)):
        return _start_gui(args)
    try:
        namespace = parser.parse_args(args)
    except UserFacingError as exc:
        print(_one_line(exc), file=sys.stderr)
        return 2
    except SystemExit as exc:  # --help and --version exit through argparse
        return exc.code if isinstance(exc.code, int) else 0
    func = getattr(namespace, "func", None)
    if func is None:
        return _start_gui([])
    return run_guarded(lambda: func(namespace), context=f"{PROG} {' '.join(args)}")


if __name__ == "__main__":
    raise SystemExit(main())
