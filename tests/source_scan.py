"""Which of our own source files mention something (for tests that guard a packaging
cut: a left-out library is right only while none of our code reaches it)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def sources_matching(pattern: re.Pattern[str]) -> list[str]:
    """Paths (relative to the repository) of ``workbench`` and ``plugins`` modules
    whose text matches ``pattern``."""
    return [
        str(path.relative_to(ROOT))
        for base in ("workbench", "plugins")
        for path in (ROOT / base).rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
