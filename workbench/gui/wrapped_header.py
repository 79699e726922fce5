"""Column headers that show long names in full: word-wrapped, sized to their words.

Route names are long, and longer in Finnish ("Puumuovi- ja luonnonkuitukomposiitit",
"Liukosellu ja mikrofibrilloitu selluloosa"). A fixed column width cut the longest
words on both sides and a fixed header height cut a fourth line. ``fit_wrapped_header``
instead gives every column at least the width of its header's longest word (and of
its widest cell), within ``max_width``, and makes the header as tall as its most
wrapped title, up to ``max_lines`` lines; the header's tooltip still carries the full
name for anything beyond that. ``follow_section_resizes`` keeps the height right when
the user drags a column narrower or wider.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView

_WRAP = int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)


def _margins(header: QHeaderView) -> tuple[int, int]:
    """Horizontal and vertical room a header section needs around its text."""
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    return 2 * margin + 8, 2 * margin + 6


def _title(view: QTableView, column: int) -> str:
    text = view.model().headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    return str(text or "")


def _wrapped_height(header: QHeaderView, text: str, width: int) -> int:
    """Pixel height of ``text`` word-wrapped into a section ``width`` pixels wide."""
    pad_w, _pad_h = _margins(header)
    box = QRect(0, 0, max(width - pad_w, 1), 100_000)
    return header.fontMetrics().boundingRect(box, _WRAP, text).height()


def header_height(view: QTableView, max_lines: int = 4) -> int:
    """The height that shows every column title wrapped at its current width."""
    header = view.horizontalHeader()
    metrics = header.fontMetrics()
    _pad_w, pad_h = _margins(header)
    tallest = metrics.height()
    for column in range(view.model().columnCount()):
        if not header.isSectionHidden(column):
            text = _title(view, column)
            tallest = max(tallest, _wrapped_height(header, text, header.sectionSize(column)))
    return min(tallest, max_lines * metrics.lineSpacing()) + pad_h


def fit_wrapped_header(
    view: QTableView,
    *,
    cell_texts: Iterable[str] = (),
    min_width: int = 90,
    max_width: int = 200,
    lines: int = 3,
    max_lines: int = 4,
) -> None:
    """Size each column to its title's longest word (and the widest of ``cell_texts``),
    widened in steps until the title wraps onto at most ``lines`` lines, all within
    ``min_width`` .. ``max_width`` pixels; then the header height to fit (at most
    ``max_lines`` lines, for a title no width up to ``max_width`` brings to ``lines``)."""
    header = view.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
    header.setTextElideMode(Qt.TextElideMode.ElideNone)
    title_metrics, cell_metrics = header.fontMetrics(), view.fontMetrics()
    pad_w, _pad_h = _margins(header)
    cells = max((cell_metrics.horizontalAdvance(t) for t in cell_texts), default=0)
    target = lines * title_metrics.lineSpacing()
    for column in range(view.model().columnCount()):
        title = _title(view, column)
        longest = max((title_metrics.horizontalAdvance(w) for w in title.split()), default=0)
        width = min(max(min_width, longest + pad_w, cells + pad_w), max_width)
        while width < max_width and _wrapped_height(header, title, width) > target:
            width = min(width + 8, max_width)
        header.resizeSection(column, width)
    header.setFixedHeight(header_height(view, max_lines))


def follow_section_resizes(view: QTableView, max_lines: int = 4) -> None:
    """Recompute the header height whenever a column is resized (by the user or code)."""
    header = view.horizontalHeader()
    header.sectionResized.connect(lambda *_: header.setFixedHeight(header_height(view, max_lines)))
