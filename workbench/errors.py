"""Error types shared by the core, the CLI and the GUI.

Every error a user can cause (a bad file, a bad argument, a refused project) is a
``UserFacingError``: its message is one clear sentence naming the file, the place and
what was expected, and the CLI turns it into exit code 2 without a traceback. Anything
else escaping is an internal error (exit code 1, traceback to the log file).
"""

from __future__ import annotations

from workbench.safetext import one_line


class UserFacingError(Exception):
    """An error caused by input, shown to the user as its one-line message."""


class ProjectError(UserFacingError):
    """A project file could not be opened, saved or trusted."""


class SaveFailedError(ProjectError):
    """A save failed on the disk (full, quota, I/O error, file too large): the file at
    ``target`` is as it was. ``reason`` is the system's reason in words and ``existed``
    whether there was a file at ``target`` before. The message is the window's wording
    (the work stays open, Save As elsewhere); ``cli_message`` is the command line's,
    whose process ends with nothing kept. ``errno`` is the system's error number when
    known, so the window can say the reason in the user's language."""

    def __init__(
        self, target: str, reason: str, existed: bool = True, errno: int | None = None
    ) -> None:
        self.target = str(target)
        self.reason = reason.rstrip(".")
        self.existed = existed
        self.errno = errno
        super().__init__(
            f"{self.target}: not saved: {self.reason}. The file is unchanged and the unsaved "
            "work is kept; free some space or save it somewhere else (Save As)."
        )

    def cli_message(self) -> str:
        """The same failure said for a command that has ended: nothing was saved."""
        state = "the project file is unchanged" if self.existed else "no project file was written"
        return (
            f"{self.target}: not saved: {self.reason}. Nothing was saved and {state}; "
            "free some space (or choose another place) and run the command again."
        )


class FormatVersionError(ProjectError):
    """The project was written by a newer format version than this application reads."""


class ProjectLockedError(ProjectError):
    """The project is open for writing in another instance."""


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, marked with "…" where it was cut:
    a refusal quotes a short excerpt of a row, never a whole 170 KB line."""
    text = str(text)
    return text if len(text) <= limit else text[: max(limit - 1, 0)] + "…"


class ImportFormatError(UserFacingError):
    """An instrument export could not be read.

    ``path`` names the file, ``where`` the line ("line 12") or byte offset
    ("byte 0x1f4"), and ``expected`` what the reader expected to find there.
    """

    MAX_PART = 240  # characters of ``where``/``expected``/``detail`` kept in the message

    def __init__(self, path: str, where: str, expected: str, detail: str = "") -> None:
        self.path = str(path)
        # short parts, with control characters shown as \xNN (a file's bytes quoted in a
        # terminal or the window must not act: an ANSI escape, a bell)
        self.where = one_line(shorten(where, 80))
        self.expected = one_line(shorten(expected, self.MAX_PART))
        self.detail = one_line(shorten(detail, self.MAX_PART))
        msg = f"{one_line(self.path)}: {self.where}: expected {self.expected}"
        if detail:
            msg += f" ({self.detail})"
        super().__init__(msg)


class UnknownFormatError(ImportFormatError):
    """No reader recognised the file's content (as opposed to a reader that recognised
    it and found it broken)."""


class AnalysisError(UserFacingError):
    """An analysis could not run on the given inputs (missing data, bad parameter)."""


class SpecificationError(UserFacingError):
    """A route specification, template or other side file is malformed."""


class CancelledError(Exception):
    """Long work was cancelled by the user; nothing was written."""
