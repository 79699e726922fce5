"""A lock file that tells other instances a project is open for writing.

Opening a project writable creates ``<file>.lock`` beside it (for ``birch.fwproj``:
``birch.fwproj.lock``) holding JSON ``{"pid", "host", "user", "time"}``. The file is
created with ``O_CREAT | O_EXCL`` so two instances cannot both win. A second instance
that finds the lock opens the project read-only and tells the user who holds it. A lock
left by a process that no longer runs on this host is stale and is taken over; locks
from other hosts cannot be checked and are respected.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import time
from dataclasses import dataclass
from pathlib import Path

from workbench.model import now_iso, os_user

LOCK_SUFFIX = ".lock"
UNREADABLE_GRACE_S = 10.0  # a lock being written right now may briefly be empty


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


@dataclass
class LockInfo:
    pid: int
    host: str
    user: str
    time: str

    def describe(self) -> str:
        return f"by {self.user} on {self.host} (process {self.pid}) since {self.time}"


def read_lock(path: Path) -> LockInfo | None:
    """The holder recorded in a lock file, or None if it cannot be read."""
    try:
        raw = path.read_bytes()[:4096]
        d = json.loads(raw.decode("utf-8"))
        return LockInfo(int(d["pid"]), str(d["host"]), str(d["user"]), str(d["time"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


class ProjectLock:
    """The lock this process holds on one project file."""

    def __init__(self, project_path: Path) -> None:
        self.path = lock_path(project_path)
        self.held = False

    def acquire(self) -> LockInfo | None:
        """Take the lock. Returns None on success, else the live holder's info."""
        for _ in range(3):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                holder = read_lock(self.path)
                if holder is None:
                    age = _age(self.path)
                    if age is not None and age < UNREADABLE_GRACE_S:
                        return LockInfo(0, "?", "another instance", "just now")
                elif (
                    holder.host == socket.gethostname()
                    and (holder.pid == os.getpid() or pid_alive(holder.pid))
                ) or holder.host != socket.gethostname():
                    return holder
                _remove(self.path)  # stale: its process is gone
                continue
            except OSError:
                # read-only folder or similar: we cannot lock, so we cannot save either;
                # report it as "no lock" and let the save fail with its own message
                return None
            info = {"pid": os.getpid(), "host": socket.gethostname(), "user": os_user()}
            info["time"] = now_iso()
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(info, fh)
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
            if holder is None or (
                holder.pid == os.getpid() and holder.host == socket.gethostname()
            ):
                _remove(self.path)
            self.held = False


def _age(path: Path) -> float | None:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return None


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
