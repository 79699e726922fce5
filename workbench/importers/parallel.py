"""Reading and parsing a large batch of files on more than one core.

A lab drops a folder of hundreds of exports; detecting and parsing them is Python work
that holds the interpreter lock, so one process uses one core. For a large batch,
worker processes parse runs of files while this process parses the files between
them; the plans come out in the order of the list, exactly as one by one
(``service.iter_previews``), and only the caller, in this process, ever touches the
project.

What the workers run is the same ``registry.read_and_parse`` as a sequential import, on
the same readers. A file a worker could not finish for any other reason than a
``UserFacingError`` (an unexpected error, a worker that died, a result that could not
be sent back) is parsed again here, so it fails or succeeds exactly as it would one by
one. When this process runs out of files of its own, it parses the next file in order
itself rather than wait for a worker that may still be starting.

The workers are started with ``spawn`` on every platform (never ``fork``: the window's
threads would be copied in an unknown state) and stopped when the batch ends, fails or
is cancelled. Their results come back through the pipe ``multiprocessing`` sets up to
them; nothing is read from a file that way.

A worker starts by importing the program's main script, as ``spawn`` does. The
workbench's own entry points (the window, the command line, the frozen application)
are safe to import and turn the workers on (``allow``). A user's own script that
imports ``workbench`` may not be (without an ``if __name__ == "__main__":`` guard it
would run again in every worker), so its batches are parsed in its own process unless
it calls ``allow`` itself. ``FIBRE_WORKBENCH_IMPORT_WORKERS`` sets how many worker
processes a batch may use either way (``0``: parse everything in this process).
"""

from __future__ import annotations

import multiprocessing
import os
import statistics
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from workbench.errors import UserFacingError
from workbench.progress import NullProgress, Progress

# Starting a worker costs about half a second of another core (Python, numpy and the
# readers are imported afresh). The packaged application pays more: its executable
# starts twice per process, and on Linux and macOS a second process (multiprocessing's
# resource tracker) is started as well. Below MIN_FILES files, or when the first PROBE
# files say the rest of the batch takes less than WORTH_STARTING seconds here, that buys
# nothing. Measured on 2 cores with 1,868-point spectra, command line: from source, 500
# files 3.1 s with a worker against 3.3-3.6 s without; packaged, 500 files 3.8-4.7 s
# against 3.5-3.7 s, 2,000 files 11.7-15.7 s against 13.6-18.9 s. Once a spectrum's
# import took about 1.4 ms here, 500 files were estimated at 0.7 s and started no
# worker, though one still paid (benchmark import_spectra_500_same_data, a core free:
# 1.14-1.18 s with a worker against 1.34-1.46 s without): the threshold from source is
# 0.5 s. A worker pays only on a core nobody else is using: with one core of two busy
# elsewhere the same batch took 1.5-2.2 s with a worker against 1.4-1.5 s without, so
# workers start only when the probe saw a core to spare (``spare_core``).
MIN_FILES = 32
PROBE = 8
WORTH_STARTING = 4.0 if getattr(sys, "frozen", False) else 0.5
MAX_WORKERS = 4
CHUNK = 8  # files handed to a worker at a time
AHEAD = 2  # runs of files queued per worker
ENV = "FIBRE_WORKBENCH_IMPORT_WORKERS"

Outcome = tuple[Path, Any, str]  # (path, ImportPlan or None, error message)
_allowed = False


def allow() -> None:
    """Let large batches use worker processes (for programs whose main script is safe
    to import again, as every workbench entry point is)."""
    global _allowed
    _allowed = True


def cores() -> int:
    """The cores this process may use (at most 8)."""
    from workbench.cores import available_cores

    return available_cores()


def worker_count(n_files: int) -> int:
    """Worker processes a batch of ``n_files`` uses: what ``FIBRE_WORKBENCH_IMPORT_WORKERS``
    says (a number; 0 turns the workers off); else, once ``allow`` was called, the
    cores but one (at most ``MAX_WORKERS``) for batches of ``MIN_FILES`` or more; else 0
    (parse in this process)."""
    wanted = os.environ.get(ENV, "").strip()
    if wanted.isdigit():
        return min(int(wanted), n_files)
    if not _allowed or n_files < MIN_FILES:
        return 0
    return max(0, min(cores() - 1, MAX_WORKERS))


def busy_elsewhere() -> int | None:
    """Threads of other processes (and this one's other threads) running or ready to
    run on this machine right now, besides the calling one (Linux: the running count
    in ``/proc/loadavg``); None where the system does not say."""
    try:
        with open("/proc/loadavg", encoding="ascii") as fh:
            running = int(fh.read().split()[3].split("/")[0])
    except (OSError, ValueError, IndexError):
        return None
    return max(0, running - 1)


def machine_cores() -> int:
    """The machine's cores, which ``busy_elsewhere`` counts against (not only the ones
    this process may use, ``cores``)."""
    return os.cpu_count() or cores()


def spare_core(samples: list[int | None]) -> bool:
    """Whether a worker would have a core to itself, from ``busy_elsewhere`` sampled
    while the first files were parsed: at some sample fewer threads than the machine's
    other cores were running (the fewest seen, so that a passing process does not
    count). True when the system does not say, or when
    ``FIBRE_WORKBENCH_IMPORT_WORKERS`` asks for workers by number."""
    if os.environ.get(ENV, "").strip().isdigit():
        return True
    known = [s for s in samples if s is not None]
    return not known or min(known) < machine_cores() - 1


def die_with_parent() -> None:
    """Run in each worker as it starts: end the worker the moment its parent process
    ends, however it ends.

    A worker otherwise waits for its next files on a pipe it holds both ends of, so
    when the window or ``fibre-workbench import`` is killed (SIGKILL, a crash, Task
    Manager) it would wait forever, and with it multiprocessing's resource tracker
    (which exits only when every process holding its pipe has). ``spawn`` gives each
    worker a handle that becomes ready when the parent is gone (``parent_process()
    .sentinel``, a pipe on POSIX and the process handle on Windows); a daemon thread
    waits on it and ends the worker at once."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()  # returns when the parent process has ended
        os._exit(3)

    threading.Thread(target=watch, name="die-with-parent", daemon=True).start()


def parse_in_worker(paths: list[str], template: str | None) -> list[tuple[str, Any]]:
    """Run in a worker process, for a few files at a time: per file ("ok", (raw,
    sha256, parsed)), ("error", message) for a file that cannot be imported, or
    ("again", "") for anything else (the caller then parses the file itself, so the
    failure surfaces there as it would one by one). ``raw`` comes back deflated as
    the project holds it (``heldbytes.deflated``): compressed on this core, not on the
    importing process's, which also applies and saves the whole batch."""
    from workbench.importers.registry import read_and_parse
    from workbench.project.heldbytes import deflated

    out: list[tuple[str, Any]] = []
    for path in paths:
        try:
            raw, sha256, parsed = read_and_parse(Path(path), template=template)
            out.append(("ok", (deflated(raw), sha256, parsed)))
        except UserFacingError as exc:
            out.append(("error", str(exc)))
        except Exception:
            out.append(("again", ""))
    return out


def parallel_previews(
    files: list[Path],
    *,
    template: str | None,
    progress: Progress | None,
    workers: int,
    here: Callable[[Path], Outcome],
    plan_from: Callable[[Path, tuple], Any],
    task: Callable[[list[str], str | None], list[tuple[str, Any]]] = parse_in_worker,
) -> Iterator[Outcome]:
    """(path, plan or None, error) for every file, in the order of ``files``.

    ``here(path)`` parses one file in this process (``service`` passes its sequential
    step); ``plan_from(path, (raw, sha256, parsed))`` turns a worker's result into a plan;
    ``task`` is what a worker runs for a run of files (a module-level function).

    Workers get runs of ``CHUNK`` files: handing files out and taking results back is
    done by a thread of this process, which waits for the interpreter lock while this
    thread parses, so handing out one file at a time left the workers idle.
    """
    progress = progress or NullProgress()
    n = len(files)
    # The first files are parsed here and timed: workers start only when the rest of
    # the batch would take long enough to pay for starting them.
    took: list[float] = []
    busy: list[int | None] = []
    front = 0
    while front < min(PROBE, n):
        progress.update(front / n, files[front].name)
        busy.append(busy_elsewhere())
        started = time.perf_counter()
        outcome = here(files[front])
        took.append(time.perf_counter() - started)
        yield outcome
        front += 1
    # the median: the first file of a session also pays for loading its reader
    rest = statistics.median(took or [0.0]) * (n - front)
    if rest < WORTH_STARTING or not spare_core(busy):
        while front < n:
            progress.update(front / n, files[front].name)
            yield here(files[front])
            front += 1
        progress.update(1.0, "")
        return
    context = multiprocessing.get_context("spawn")
    pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
        workers, mp_context=context, initializer=die_with_parent
    )
    runs: dict[int, tuple[int, Future]] = {}  # first file -> (files in the run, its future)
    results: dict[int, tuple[str, Any]] = {}  # worker results not yet handed on
    mine: dict[int, tuple[Any, Exception | None]] = {}  # parsed here, awaiting their turn
    taken = front  # files [0, taken) are with a worker or parsed here; front: the next
    # file to hand on, in order
    try:
        while front < n:
            progress.update(front / n, files[front].name)
            while pool is not None and taken < n and len(runs) < workers * AHEAD:
                size = min(CHUNK, n - taken)
                names = [str(f) for f in files[taken : taken + size]]
                try:
                    runs[taken] = (size, pool.submit(task, names, template))
                except (BrokenProcessPool, RuntimeError):  # the rest is parsed here
                    _stop(pool)
                    pool = None
                    break
                taken += size
            for first in [k for k, (_, future) in runs.items() if future.done()]:
                size, future = runs.pop(first)
                got = _run_results(future, first, size)
                results.update((i, r) for i, r in got.items() if i >= front)
            if front in mine:
                outcome, error = mine.pop(front)
                if error is not None:
                    raise error  # where one by one would have raised it
                yield outcome
            elif front in results:
                yield _outcome(results.pop(front), files[front], here, plan_from)
            elif front >= taken:  # nobody has it: parse it here
                taken += 1
                yield here(files[front])
            elif taken < n:  # its worker is busy: parse the next file nobody has meanwhile
                mine[taken] = _attempt(here, files[taken])
                taken += 1
                continue
            else:
                # Only files the workers hold are left: parse the next one here rather
                # than wait (its worker may still be starting); a late result is dropped.
                yield here(files[front])
                for first in [k for k, (size, _) in runs.items() if k + size <= front + 1]:
                    runs.pop(first)  # all of it done here (not cancelled: 3.11 trips over it)
            front += 1
        progress.update(1.0, "")
    finally:
        if pool is not None:
            _stop(pool)


def _run_results(future: Future, first: int, size: int) -> dict[int, tuple[str, Any]]:
    try:
        return dict(enumerate(future.result(), start=first))
    except Exception:  # a worker died or its results could not be sent: parse them here
        return {first + i: ("again", "") for i in range(size)}


def _attempt(here: Callable[[Path], Outcome], path: Path) -> tuple[Any, Exception | None]:
    """``here(path)``, or the unexpected error it raised, to be raised in its turn."""
    try:
        return here(path), None
    except Exception as exc:  # re-raised when the file's turn comes
        return None, exc


def _outcome(
    result: tuple[str, Any], path: Path, here: Callable[[Path], Outcome], plan_from: Callable
) -> Outcome:
    status, value = result
    if status == "ok":
        return path, plan_from(path, value), ""
    if status == "error":
        return path, None, value
    return here(path)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop handing out files; a worker finishes the run it is on, then exits."""
    pool.shutdown(wait=False, cancel_futures=True)
