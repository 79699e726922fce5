"""Entry script of the frozen application: the same ``main`` as the installed command.

With no arguments (or one ``.fwproj`` file) it opens the window; with a command it runs
that command headless, exactly like ``fibre-workbench`` from a Python installation.

Windows has two executables built from this script (see packaging/README.md):
``fibre-workbench.exe`` is a windowed (GUI subsystem) program, so starting it from the
Start menu or Explorer opens no console window; ``fibre-workbench-cli.exe`` is its
console twin for terminals and scripts (the shell waits for it, redirection and exit
codes work). When the windowed executable is nevertheless given a command in a
terminal, it attaches to that terminal's console so the output is not lost.
"""

from __future__ import annotations

import multiprocessing
import sys


def _attach_parent_console() -> None:
    """Windowed exe run with a command from a console: write to that console."""
    if sys.platform != "win32" or sys.stdout is not None:
        return  # not Windows, or a console executable that already has its streams
    args = sys.argv[1:]
    if not args or (len(args) == 1 and args[0].lower().endswith(".fwproj")):
        return  # the window: no console wanted
    import ctypes

    attach_parent_process = -1
    if not ctypes.windll.kernel32.AttachConsole(attach_parent_process):
        return  # started from Explorer or a shortcut: there is no console to attach to
    sys.stdout = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
    sys.stderr = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
    sys.stdin = open("CONIN$", encoding="utf-8", errors="replace")  # noqa: SIM115


def run() -> int:
    """Start the application and return its exit code."""
    multiprocessing.freeze_support()  # a frozen child process must not start the app again
    _attach_parent_console()
    from workbench.cli.main import main

    return main()


if __name__ == "__main__":
    sys.exit(run())
