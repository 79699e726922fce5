"""Watch-folder support for instrument PCs: notice files that appear in a folder.

An instrument writes its export into a folder; the workbench polls that folder and
imports each new file once it has stopped growing (same size and modification time on
two consecutive polls), so half-written files are never read. Polling (not OS file
notifications) works the same on network shares, USB sticks and every platform.
The GUI drives ``poll`` from a timer; the CLI can loop over it.

Many instruments write every result to the same file name (``result.txt``, ``last
run.csv``). A file already handed on that changes (its size, modification time or
file identity) is handed on again once it is stable, and listed in ``changed``: the
importer stores it as a new version (a new SHA-256 beside the earlier one, which is
kept), and an unchanged rewrite (the same bytes) is reported as already present.
"""

from __future__ import annotations

import os
from pathlib import Path

from workbench.importers.service import IGNORED_SUFFIXES, ImportPlan, display_name
from workbench.model import Project

Signature = tuple[int, int, int]  # size, modification time (ns), file identity (inode)


def _signature(st: os.stat_result) -> Signature:
    return st.st_size, st.st_mtime_ns, st.st_ino


class FolderWatcher:
    """Reports files that are new (or changed) in ``folder`` and stable since the
    previous poll."""

    def __init__(self, folder: str | Path, *, include_existing: bool = False) -> None:
        self.folder = Path(folder)
        self._pending: dict[Path, Signature] = {}
        self._done: dict[Path, Signature] = {}  # what each file was when handed on
        self.changed: set[Path] = set()
        """Files of the last ``poll`` that had been handed on before: new versions."""
        if not include_existing:
            for path in self._candidates():
                try:
                    self._done[path] = _signature(path.stat())
                except OSError:
                    continue

    def _candidates(self) -> list[Path]:
        if not self.folder.is_dir():
            return []
        return [
            p
            for p in sorted(self.folder.iterdir())
            if p.is_file()
            and not p.name.startswith(".")
            and p.suffix.lower() not in IGNORED_SUFFIXES
        ]

    def poll(self) -> list[Path]:
        """Files that appeared or changed and have not changed since the last poll
        (each version returned once; ``changed`` says which are new versions)."""
        ready: list[Path] = []
        self.changed = set()
        for path in self._candidates():
            try:
                sig = _signature(path.stat())
            except OSError:
                continue
            before = self._done.get(path)
            if before == sig:
                continue
            if self._pending.get(path) == sig and sig[0] > 0:
                ready.append(path)
                if before is not None:
                    self.changed.add(path)
                self._done[path] = sig
                del self._pending[path]
            else:
                self._pending[path] = sig
        return ready


def mark_new_version(plan: ImportPlan, project: Project) -> list[str]:
    """Record in each measurement of ``plan`` the SHA-256 of the files of the same name
    already in ``project`` (``metadata["earlier_versions"]``): the provenance of a
    watched file that changed. Returns those SHA-256s."""
    name = display_name(Path(plan.path).name)[0]
    earlier = sorted(
        sha for sha, source in project.sources.items() if source.name == name and sha != plan.sha256
    )
    if earlier:
        for pm in plan.parsed.measurements:
            pm.metadata["earlier_versions"] = list(earlier)
    return earlier
