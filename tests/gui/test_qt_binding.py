"""Guard against a Qt binding that corrupts reference counts (PySide6 6.12.0).

PySide6 6.12.0 returns ``None`` from pointer-returning Qt functions (``QObject.parent()``
and many calls inside pyqtgraph) without taking a reference. On Python 3.11, where
``None`` is not immortal, every plot then eats references until the interpreter aborts
("Fatal Python error: none_dealloc"). pyproject.toml pins PySide6 below 6.12; this
test fails if an affected binding gets installed anyway.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_returning_none_keeps_reference_counts(qapp):
    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(1000):
        obj.parent()
    lost = before - sys.getrefcount(None)
    assert lost < 100, f"the Qt binding lost {lost} references to None in 1,000 calls"
