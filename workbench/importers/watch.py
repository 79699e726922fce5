"""Watch-folder support for instrument PCs: notice files that appear in a folder.

An instrument writes its export into a folder; the workbench polls that folder and
imports each new file once it has stopped growing (same size and modification time on
two consecutive polls), so half-written files are never read. Polling (not OS file
notifications) works the same on network shares, USB sticks and every platform.
The GUI drives ``poll`` from a timer; the CLI can loop over it.
"""

from __future__ import annotations

from pathlib import Path

from workbench.importers.service import IGNORED_SUFFIXES


class FolderWatcher:
    """Reports files that are new in ``folder`` and stable since the previous poll."""

    def __init__(self, folder: str | Path, *, include_existing: bool = False) -> None:
        self.folder = Path(folder)
        self._pending: dict[Path, tuple[int, int]] = {}
        self._done: set[Path] = set()
        if not include_existing:
            self._done.update(self._candidates())

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
        """Files that appeared and have not changed since the last poll (each returned once)."""
        ready: list[Path] = []
        for path in self._candidates():
            if path in self._done:
                continue
            try:
                st = path.stat()
            except OSError:
                continue
            sig = (st.st_size, st.st_mtime_ns)
            if self._pending.get(path) == sig and st.st_size > 0:
                ready.append(path)
                self._done.add(path)
                del self._pending[path]
            else:
                self._pending[path] = sig
        return ready
