"""A lock file that tells other instances a project is open for writing.

Opening a project writable creates ``<file>.lock`` beside it (for ``birch.fwproj``:
``birch.fwproj.lock``) holding JSON ``{"pid", "host", "user", "time", "start"}``. The
file is created with ``O_CREAT | O_EXCL`` so two instances cannot both win. A second
instance that finds the lock opens the project read-only and tells the user who holds
it. A lock is stale, and is taken over, when its process no longer runs on this host,
or when the process now running under that number is another program: ``start`` is
the holder's start time (Linux ``/proc/<pid>/stat``), and a lock written without it
is trusted only while that process's command line names the workbench. Locks from
other hosts cannot be checked and are respected.

A lock that cannot be written (a full disk, a read-only folder) leaves no lock file
behind and is reported as ``LockUnavailable`` with the system's reason, so the project
opens read-only saying why instead of naming a holder that does not exist.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import time
from dataclasses import dataclass
from pathlib import Path

from workbench.fileio import resolve_destination
from workbench.model import now_iso, os_user

LOCK_SUFFIX = ".lock"
UNREADABLE_GRACE_S = 10.0  # a lock being written right now may briefly be empty


class LockUnavailable(OSError):
    """The lock file could not be created or written (its ``strerror`` says why)."""


def lock_path(project_path: Path) -> Path:
    return project_path.with_name(project_path.name + LOCK_SUFFIX)


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this host."""
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def process_start(pid: int) -> str | None:
    """When process ``pid`` started, in clock ticks since boot (Linux), else None.

    Together with the pid it names one process: a number reused by a later process
    comes with another start time."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            raw = fh.read(4096)
    except OSError:
        return None
    # the command name (field 2) is in parentheses and may contain spaces
    fields = raw[raw.rfind(b")") + 2 :].split()
    return fields[19].decode("ascii", "replace") if len(fields) > 19 else None


def process_command(pid: int) -> str | None:
    """The command line of process ``pid`` (Linux), or None when it cannot be read."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return fh.read(8192).replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return None


_THIS_START = process_start(os.getpid()) or ""


@dataclass
class LockInfo:
    pid: int
    host: str
    user: str
    time: str
    start: str = ""  # the holder's process start time (see ``process_start``)

    def describe(self) -> str:
        return f"by {self.user} on {self.host} (process {self.pid}) since {self.time}"

    def is_this_process(self) -> bool:
        return self.host == socket.gethostname() and self.pid == os.getpid()

    def alive(self) -> bool:
        """Whether the process that wrote this still runs (True when it cannot be told)."""
        if self.host != socket.gethostname():
            return True  # another computer: cannot be checked, so respected
        if self.pid == os.getpid():
            return True
        if not pid_alive(self.pid):
            return False
        start = process_start(self.pid)
        if self.start and start is not None:
            return start == self.start
        command = process_command(self.pid)
        if command is not None:  # an older lock without a start time
            return "workbench" in command.lower()
        return True


def this_process() -> dict[str, object]:
    """The identity written into lock files and recovery sidecars."""
    return {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "user": os_user(),
        "time": now_iso(),
        "start": _THIS_START,
    }


def read_lock(path: Path) -> LockInfo | None:
    """The holder recorded in a lock file, or None if it cannot be read."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read(4096)
        d = json.loads(raw.decode("utf-8"))
        return LockInfo(
            int(d["pid"]), str(d["host"]), str(d["user"]), str(d["time"]), str(d.get("start", ""))
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


class ProjectLock:
    """The lock this process holds on one project file."""

    def __init__(self, project_path: Path) -> None:
        # beside the file itself: every link to one project shares its lock
        self.path = lock_path(resolve_destination(project_path))
        self.held = False

    def acquire(self) -> LockInfo | None:
        """Take the lock. Returns None on success, else the live holder's info.

        Raises ``LockUnavailable`` when the lock file cannot be created or written
        (nothing is left behind)."""
        for _ in range(3):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                holder = read_lock(self.path)
                if holder is None:
                    age = _age(self.path)
                    if age is not None and age < UNREADABLE_GRACE_S:
                        return LockInfo(0, "?", "another instance", "just now")
                elif holder.alive():
                    return holder
                _remove(self.path)  # stale: its process is gone (or is another program)
                continue
            except OSError as exc:
                raise LockUnavailable(exc.errno, exc.strerror or str(exc), str(self.path)) from exc
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(json.dumps(this_process()).encode("utf-8"))
                    fh.flush()
            except OSError as exc:  # a full disk, a quota: leave no empty lock behind
                _remove(self.path)
                raise LockUnavailable(exc.errno, exc.strerror or str(exc), str(self.path)) from exc
            self.held = True
            return None
        return LockInfo(0, "?", "another instance", "just now")

    def __del__(self) -> None:
        # a project dropped without close_project must not keep its file locked
        with contextlib.suppress(Exception):
            self.release()

    def release(self) -> None:
        if self.held:
            holder = read_lock(self.path)
            if holder is None or holder.is_this_process():
                _remove(self.path)
            self.held = False


def _age(path: Path) -> float | None:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return None


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
