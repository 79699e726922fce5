"""UI state kept in QSettings: window geometry, recent and last projects, language.

Only user-interface state lives here; anything that changes results belongs in the
project file. Recent files are de-duplicated (by resolved path) and capped.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "FibreWorkbench"
APPLICATION = "Fibre Workbench"
MAX_RECENT = 8


def _norm(path: str) -> str:
    try:
        return str(Path(path).expanduser().resolve())
    except OSError:
        return str(path)


class UiSettings:
    """Typed access to the few QSettings keys the GUI uses."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.qs = settings or QSettings()

    # -- recent projects -------------------------------------------------------
    def recent_files(self) -> list[str]:
        value = self.qs.value("recent/files", [])
        if isinstance(value, str):  # QSettings returns a bare string for one entry
            value = [value]
        out: list[str] = []
        for item in value or []:
            norm = _norm(str(item))
            if norm not in out:
                out.append(norm)
        return out[:MAX_RECENT]

    def add_recent_file(self, path: str) -> list[str]:
        """Put ``path`` first, drop duplicates, cap the list; returns the new list."""
        norm = _norm(path)
        files = [norm] + [p for p in self.recent_files() if p != norm]
        files = files[:MAX_RECENT]
        self.qs.setValue("recent/files", files)
        return files

    def remove_recent_file(self, path: str) -> None:
        norm = _norm(path)
        self.qs.setValue("recent/files", [p for p in self.recent_files() if p != norm])

    def clear_recent_files(self) -> None:
        self.qs.setValue("recent/files", [])

    # -- the project open when the window closed (reopened at the next start) -----
    def last_project(self) -> str:
        return str(self.qs.value("session/last_project", "") or "")

    def set_last_project(self, path: str) -> None:
        self.qs.setValue("session/last_project", _norm(path) if path else "")

    # -- language ---------------------------------------------------------------
    def language(self) -> str:
        """ "" (follow the system), "en" or "fi"."""
        return str(self.qs.value("ui/language", "") or "")

    def set_language(self, code: str) -> None:
        self.qs.setValue("ui/language", code)

    # -- first start ------------------------------------------------------------
    def first_start_done(self) -> bool:
        return str(self.qs.value("ui/first_start_done", "false")).lower() == "true"

    def set_first_start_done(self) -> None:
        self.qs.setValue("ui/first_start_done", "true")

    # -- window state -----------------------------------------------------------
    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        return self.qs.value("window/geometry"), self.qs.value("window/state")

    def save_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        self.qs.setValue("window/geometry", geometry)
        self.qs.setValue("window/state", state)

    def file_name(self) -> str:
        return self.qs.fileName()
