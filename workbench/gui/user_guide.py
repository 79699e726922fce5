"""Help > User guide (F1): the bundled, offline user guide in the interface language.

The guide is Markdown under ``resources/guide/<lang>/`` (one file per page, ordered by
file name; the first ``# `` line is the page title). The viewer shows a table of
contents, a search field that narrows the contents to pages containing the words, and
the page rendered by ``QTextBrowser`` (Qt's own Markdown support: nothing is fetched
from the network). Links between pages (``[text](20_verdicts.md)``) stay in the viewer;
web links open in the system browser. A language with no guide falls back to English.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from workbench.gui.i18n import active_language
from workbench.paths import resources_dir


@dataclass(frozen=True)
class GuidePage:
    name: str  # file name, e.g. "10_import.md"
    title: str
    path: Path

    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")


def guide_dir(lang: str) -> Path:
    """Folder of the guide in ``lang``; English when that language has no guide."""
    folder = resources_dir() / "guide" / lang
    if not folder.is_dir() or not any(folder.glob("*.md")):
        folder = resources_dir() / "guide" / "en"
    return folder


def page_title(text: str, fallback: str) -> str:
    for line in text.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return fallback


def guide_pages(lang: str) -> list[GuidePage]:
    """Every page of the guide in ``lang``, in file-name order."""
    pages = []
    for path in sorted(guide_dir(lang).glob("*.md")):
        text = path.read_text(encoding="utf-8")
        pages.append(GuidePage(path.name, page_title(text, path.stem), path))
    return pages


def matching_pages(pages: list[GuidePage], query: str) -> list[GuidePage]:
    """Pages whose text contains every word of ``query`` (case-insensitive)."""
    words = query.casefold().split()
    if not words:
        return list(pages)
    return [p for p in pages if all(w in p.text().casefold() for w in words)]


class UserGuideDialog(QDialog):
    """Contents (with search) on the left, the page on the right; not modal."""

    def __init__(self, parent: QWidget | None = None, lang: str | None = None) -> None:
        super().__init__(parent)
        self.lang = lang or active_language()
        self.pages = guide_pages(self.lang)
        self.setWindowTitle(self.tr("Fibre Workbench user guide"))
        self.resize(1000, 720)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search the guide…"))
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(self.tr("Show only the pages that contain all these words"))
        self.search.textChanged.connect(self._filter)
        self.contents = QListWidget()
        self.contents.setToolTip(self.tr("Contents: click a page to read it"))
        self.contents.setWordWrap(True)
        self.contents.setSpacing(3)
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.contents.currentItemChanged.connect(self._on_item)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._on_link)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.contents, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([290, 710])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._filter("")

    # -- contents ---------------------------------------------------------------------
    def _filter(self, query: str) -> None:
        current = self.current_page()
        self.contents.blockSignals(True)
        self.contents.clear()
        for page in matching_pages(self.pages, query):
            item = QListWidgetItem(page.title)
            item.setData(Qt.ItemDataRole.UserRole, page.name)
            self.contents.addItem(item)
        self.contents.blockSignals(False)
        if self.contents.count():
            names = [
                self.contents.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.contents.count())
            ]
            row = names.index(current) if current in names else 0
            self.contents.setCurrentRow(row)
            self._on_item(self.contents.currentItem())

    def _on_item(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is not None:
            self.show_page(str(item.data(Qt.ItemDataRole.UserRole)))

    def current_page(self) -> str | None:
        return getattr(self, "_current", None)

    def show_page(self, name: str) -> bool:
        """Show the page with file name ``name``; False when there is none."""
        page = next((p for p in self.pages if p.name == name), None)
        if page is None:
            return False
        self._current = name
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(page.path)))
        self.browser.setMarkdown(page.text())
        for row in range(self.contents.count()):
            item = self.contents.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == name and self.contents.currentRow() != row:
                self.contents.blockSignals(True)
                self.contents.setCurrentRow(row)
                self.contents.blockSignals(False)
        return True

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        name = Path(url.path()).name
        if not self.show_page(name) and url.hasFragment():
            self.browser.scrollToAnchor(url.fragment())


def show_user_guide(parent: QWidget, page: str | None = None) -> UserGuideDialog:
    """Open (or raise) the guide window of ``parent``, optionally at ``page``."""
    dialog = getattr(parent, "_user_guide", None)
    if dialog is None or dialog.lang != active_language():
        dialog = UserGuideDialog(parent)
        parent._user_guide = dialog  # type: ignore[attr-defined]
    if page:
        dialog.show_page(page)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
