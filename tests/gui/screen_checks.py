"""Checks a screenshot can make by itself: cut text, windows off the screen, English in Finnish.

Used by the screenshot suite (``screen_suite.py``) on every visible top-level window of a
screen. Each check returns problems as short sentences naming the widget and the text, so
a failing test says what to fix:

- ``cut_text``: a label, button, tab, header section, combo box or item-view cell whose
  text does not fit its widget (elided, clipped or wrapped past its height) and whose
  widget offers no tooltip with the whole text;
- ``off_screen``: a window that is not wholly inside the screen's available area;
- ``english_words``: on a Finnish screen, words of the English message catalogue that
  are not Finnish (a word also used by a Finnish translation, or present in the user's
  own data such as sample names, is not counted).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from functools import cache

from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics, QGuiApplication, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenuBar,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionViewItem,
    QTabBar,
    QTextEdit,
    QToolButton,
    QWidget,
)

from workbench.paths import resources_dir

TS = resources_dir() / "translations" / "fibre_workbench_fi.ts"
WORD = re.compile(r"[A-Za-zÅÄÖåäö][A-Za-zÅÄÖåäö'’-]*[A-Za-zÅÄÖåäö]")
TOLERANCE = 2  # pixels: rounding of text metrics


def shown(widget: QWidget) -> bool:
    """Visible on screen, with a non-empty area."""
    return widget.isVisible() and widget.width() > 1 and widget.height() > 1


def plain(text: str) -> str:
    """The text a label shows: rich text without its markup, mnemonic '&' removed."""
    if "<" in text and ">" in text:
        return QTextDocumentFragment.fromHtml(text).toPlainText()
    return re.sub(r"&(?!&)", "", text).replace("&&", "&")


def _name(widget: QWidget) -> str:
    name = widget.objectName()
    return f"{type(widget).__name__}{'#' + name if name else ''}"


def _has_tip(widget: QWidget) -> bool:
    return bool(widget.toolTip().strip())


def _widgets(top: QWidget) -> Iterator[QWidget]:
    for widget in [top, *top.findChildren(QWidget)]:
        if shown(widget) and widget.window() is top:
            yield widget


# -- cut text -------------------------------------------------------------------------------
def _label_problem(label: QLabel) -> str | None:
    text = plain(label.text()).strip()
    picture = label.pixmap()
    if not text or _has_tip(label) or (picture is not None and not picture.isNull()):
        return None
    rect = label.contentsRect()
    margin = 2 * label.margin() + label.indent() if label.indent() > 0 else 2 * label.margin()
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + TOLERANCE:
            return f"{_name(label)} “{_short(text)}” needs {needed} px height, has {label.height()}"
        return None
    metrics = QFontMetrics(label.font())
    widest = max(metrics.horizontalAdvance(line) for line in text.splitlines() or [""])
    if widest + margin > rect.width() + TOLERANCE:
        return f"{_name(label)} “{_short(text)}” needs {widest} px, has {rect.width()}"
    return None


def _button_problem(button: QAbstractButton) -> str | None:
    text = plain(button.text()).strip()
    if not text or _has_tip(button):
        return None
    if (
        isinstance(button, QToolButton)
        and button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    ):
        return None
    metrics = QFontMetrics(button.font())
    widest = max(metrics.horizontalAdvance(line) for line in text.splitlines())
    # the style's frame and padding: what the button's own size hint adds to the text
    padding = button.sizeHint().width() - widest
    padding = max(8 if isinstance(button, QPushButton) else 0, min(padding, 40))
    if isinstance(button, QCheckBox | QRadioButton):
        padding = button.sizeHint().width() - widest
    if widest + padding > button.width() + TOLERANCE:
        return f"{_name(button)} “{_short(text)}” needs {widest + padding} px, has {button.width()}"
    return None


def _combo_problem(combo: QComboBox) -> str | None:
    text = combo.currentText().strip()
    if not text or _has_tip(combo) or combo.isEditable():
        return None
    metrics = QFontMetrics(combo.font())
    arrow = combo.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)  # the drop arrow
    if metrics.horizontalAdvance(text) + arrow + 8 > combo.width() + TOLERANCE:
        return f"{_name(combo)} “{_short(text)}” is cut (width {combo.width()})"
    return None


def _tab_problems(bar: QTabBar) -> Iterator[str]:
    for i in range(bar.count()):
        if not bar.isTabVisible(i) or bar.tabToolTip(i):
            continue
        if bar.tabSizeHint(i).width() > bar.tabRect(i).width() + TOLERANCE:
            yield f"tab “{_short(plain(bar.tabText(i)))}” is cut"


def _header_problems(header: QHeaderView) -> Iterator[str]:
    model = header.model()
    if model is None or not shown(header):
        return
    horizontal = header.orientation() == Qt.Orientation.Horizontal
    metrics = QFontMetrics(header.font())
    wraps = bool(int(header.defaultAlignment()) & int(Qt.TextFlag.TextWordWrap))
    margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
    viewport = header.viewport().rect()
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        pos = header.sectionViewportPosition(section)
        size = header.sectionSize(section)
        extent = viewport.width() if horizontal else viewport.height()
        if pos < 0 or pos + size > extent or size <= 0:
            continue  # scrolled out or partly out of view: a scroll bar shows the rest
        text = str(model.headerData(section, header.orientation()) or "").strip()
        tip = model.headerData(section, header.orientation(), Qt.ItemDataRole.ToolTipRole)
        if not text or tip:
            continue
        if horizontal:
            width = size - margin
            if wraps:
                box = metrics.boundingRect(
                    QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text
                )
                longest = max(metrics.horizontalAdvance(w) for w in text.split())
                if longest > width + TOLERANCE or box.height() > header.height() + TOLERANCE:
                    yield f"header “{_short(text)}” is cut (section {size} px)"
            elif (
                max(metrics.horizontalAdvance(line) for line in text.splitlines())
                > width + TOLERANCE
            ):
                yield f"header “{_short(text)}” is cut (section {size} px)"
        elif metrics.horizontalAdvance(text) + margin > header.width() + TOLERANCE:
            yield f"row header “{_short(text)}” is cut"


def _view_problems(view: QAbstractItemView, limit: int = 400) -> Iterator[str]:
    model = view.model()
    if model is None or isinstance(view, QHeaderView):
        return
    viewport = view.viewport().rect()
    checked = 0
    for index in _visible_indexes(view, model, viewport):
        checked += 1
        if checked > limit:
            return
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "").strip()
        if not text or index.data(Qt.ItemDataRole.ToolTipRole):
            continue
        rect = view.visualRect(index)
        if rect.left() < 0 or rect.right() > viewport.right() + 1:
            continue  # partly scrolled out of view
        if view.indexWidget(index) is not None:
            continue
        option = QStyleOptionViewItem()
        option.font = view.font()
        option.rect = rect
        option.decorationSize = (
            view.iconSize() if view.iconSize().isValid() else option.decorationSize
        )
        if view.wordWrap():
            option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        hint = view.itemDelegateForIndex(index).sizeHint(option, index)
        if view.wordWrap():
            if hint.height() > rect.height() + TOLERANCE:
                yield f"{_name(view)} cell “{_short(text)}” is cut (wrapped lines)"
        elif hint.width() > rect.width() + TOLERANCE:
            yield f"{_name(view)} cell “{_short(text)}” is cut ({rect.width()} of {hint.width()} px)"


def _visible_indexes(view: QAbstractItemView, model, viewport: QRect) -> Iterator[QModelIndex]:
    """Indexes whose cells are at least partly in the viewport (tree rows as expanded)."""
    top = view.indexAt(viewport.topLeft() + QPoint(1, 1))
    if not top.isValid():
        return
    index = top.siblingAtColumn(0)
    seen = 0
    while index.isValid() and seen < 200:
        seen += 1
        if view.visualRect(index).top() > viewport.bottom():
            return
        for column in range(_columns(model, index.parent())):
            if hasattr(view, "isColumnHidden") and view.isColumnHidden(column):
                continue
            yield index.siblingAtColumn(column)
        following = view.indexBelow(index) if hasattr(view, "indexBelow") else None
        if following is None:
            following = model.index(index.row() + 1, 0, index.parent())
        index = following


def _columns(model, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # list models keep columnCount private in PySide6
        return 1


def cut_text(top: QWidget) -> list[str]:
    """Every text of ``top`` that does not fit where it is shown (and has no tooltip)."""
    problems: list[str] = []
    for widget in _widgets(top):
        problem = None
        if isinstance(widget, QLabel):
            problem = _label_problem(widget)
        elif isinstance(widget, QAbstractButton) and not isinstance(widget, QTabBar):
            problem = _button_problem(widget)
        elif isinstance(widget, QComboBox):
            problem = _combo_problem(widget)
        if problem:
            problems.append(problem)
        if isinstance(widget, QTabBar):
            problems += list(_tab_problems(widget))
        if isinstance(widget, QHeaderView):
            problems += list(_header_problems(widget))
        elif isinstance(widget, QAbstractItemView):
            problems += list(_view_problems(widget))
    return problems


# -- windows inside the screen -----------------------------------------------------------------
def off_screen(windows: Iterable[QWidget]) -> list[str]:
    """Windows not wholly inside the available screen area."""
    problems = []
    for window in windows:
        screen = window.screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        frame = window.frameGeometry()
        if not area.contains(frame):
            title = window.windowTitle() or _name(window)
            problems.append(
                f"window “{title}” {frame.width()}x{frame.height()} at "
                f"({frame.x()}, {frame.y()}) is not inside the screen "
                f"{area.width()}x{area.height()}"
            )
    return problems


# -- English on a Finnish screen --------------------------------------------------------------------
@cache
def catalogue_words() -> tuple[frozenset[str], frozenset[str]]:
    """(English words of the catalogue's sources, words used by its Finnish translations)."""
    english: set[str] = set()
    finnish: set[str] = set()
    root = ET.parse(TS).getroot()
    for message in root.iter("message"):
        english |= _words(plain(message.findtext("source") or ""))
        translation = message.find("translation")
        if translation is not None:
            for text in [translation.text or ""] + [f.text or "" for f in translation.iter()]:
                finnish |= _words(plain(text))
    return frozenset(english), frozenset(finnish)


IDENTIFIER = re.compile(r"\b[\w-]*[-_][0-9a-f]{6,}\b|\b\w+_\w+\b")  # run-f4cfe15f, demo_key


def _words(text: str) -> set[str]:
    """Words of 3 letters or more; identifiers (ids, keys with "_") are not words."""
    text = IDENTIFIER.sub(" ", text)
    return {w.lower() for w in WORD.findall(text) if len(w) >= 3}


def visible_texts(top: QWidget) -> list[str]:
    """The texts a user reads in ``top``: labels, buttons, titles, cells, plots."""
    texts = [top.windowTitle()]
    for widget in _widgets(top):
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(plain(widget.text()))
        elif isinstance(widget, QGroupBox):
            texts.append(plain(widget.title()))
        elif isinstance(widget, QDockWidget):
            texts.append(widget.windowTitle())
        elif isinstance(widget, QComboBox):
            texts.append(widget.currentText())
        elif isinstance(widget, QLineEdit) and not widget.text():
            texts.append(widget.placeholderText())
        elif isinstance(widget, QTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QTabBar):
            texts += [plain(widget.tabText(i)) for i in range(widget.count())]
        elif isinstance(widget, QMenuBar):
            texts += [plain(a.text()) for a in widget.actions() if a.isVisible()]
        elif isinstance(widget, QGraphicsView) and widget.scene() is not None:
            texts += [
                item.toPlainText()
                for item in widget.scene().items()
                if isinstance(item, QGraphicsTextItem) and item.isVisible()
            ]
        if isinstance(widget, QHeaderView) and widget.model() is not None:
            texts += [
                str(widget.model().headerData(s, widget.orientation()) or "")
                for s in range(widget.count())
                if not widget.isSectionHidden(s)
            ]
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            viewport = widget.viewport().rect()
            texts += [
                str(i.data() or "")
                for n, i in enumerate(_visible_indexes(widget, widget.model(), viewport))
                if n < 400
            ]
    if isinstance(top, QMainWindow) and top.statusBar().isVisible():
        texts.append(top.statusBar().currentMessage())
    return [t for t in texts if t]


def english_words(texts: Iterable[str], data_words: Iterable[str] = ()) -> list[str]:
    """The English catalogue words in ``texts`` (a Finnish screen should have none)."""
    english, finnish = catalogue_words()
    allowed = finnish | {w.lower() for w in data_words} | ALLOWED
    found: dict[str, str] = {}
    for text in texts:
        for word in _words(text):
            if word in english and word not in allowed:
                found.setdefault(word, text)
    return [f"English “{word}” in “{_short(text)}”" for word, text in sorted(found.items())]


# Names and symbols that are the same in both languages.
ALLOWED = frozenset(
    {
        "fibre", "workbench", "enplus", "tga", "dtg", "nir", "ftir", "pls", "pca", "snv",
        "msc", "iso", "astm", "ebc", "html", "pdf", "csv", "xlsx", "json", "sha-256",
        "opus", "jcamp-dx", "spc", "netzsch", "mettler", "toledo", "rmsecv", "ctrl",
        "shift", "alt", "esc", "fwproj", "log", "kolmogorov-smirnov", "savitzky-golay",
    }
)  # fmt: skip


def _short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
