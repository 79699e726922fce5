"""Log files of the workbench: the running log and one crash report per internal error.

Both live in ``user_subdir("logs")`` (redirected by ``FIBRE_WORKBENCH_HOME``), so a
user can send them to support without hunting for them. The running log rotates so
that it never grows without bound; crash reports are small separate files named by
time and process id, so two crashing processes never write into the same file.
Standard library only: this module is imported at CLI start-up.
"""

from __future__ import annotations

import datetime as _dt
import logging
import logging.handlers
import os
import platform
import sys
import traceback
from pathlib import Path

from workbench import __version__
from workbench.paths import user_subdir

LOG_NAME = "fibre-workbench.log"
_LOGGER_NAME = "workbench"


def log_file_path() -> Path:
    """The running log file (shown in Help > Diagnostics)."""
    return user_subdir("logs") / LOG_NAME


def setup_logging(level: int = logging.INFO) -> Path:
    """Send the ``workbench`` logger to the rotating log file; returns its path.

    Safe to call more than once: a handler for the same file is added only once.
    """
    path = log_file_path()
    logger = logging.getLogger(_LOGGER_NAME)
    logger.setLevel(level)
    for handler in logger.handlers:
        if getattr(handler, "baseFilename", None) == str(path):
            return path
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    return path


def environment_summary() -> str:
    """Versions and platform, for crash reports and the Diagnostics dialog."""
    return (
        f"Fibre Workbench {__version__}; Python {platform.python_version()} "
        f"({sys.executable}); {platform.platform()}"
    )


def write_crash_report(exc: BaseException, context: str = "") -> Path:
    """Write the traceback of ``exc`` to a new file in the logs folder; returns its path.

    ``context`` says what was being done (the command line, the GUI action). The
    traceback also goes to the running log.
    """
    stamp = _dt.datetime.now(_dt.UTC).strftime("%Y%m%d-%H%M%S")
    path = user_subdir("logs") / f"crash-{stamp}-{os.getpid()}.log"
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    body = (
        f"Internal error in Fibre Workbench at {stamp} UTC\n"
        f"{environment_summary()}\n"
        f"Context: {context or '-'}\n\n{text}"
    )
    path.write_text(body, encoding="utf-8")
    try:
        setup_logging()
        logging.getLogger(_LOGGER_NAME).error(
            "internal error (%s); report: %s\n%s", context, path, text
        )
    except OSError:  # the crash report itself is what matters
        pass
    return path
