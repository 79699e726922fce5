"""The suitability matrix: samples × product routes, each cell a verdict.

``SuitabilityModel`` (a ``QAbstractTableModel``) holds the verdict JSON of every sample
and route. Each cell shows a symbol and a short word (readable without colour: ✔
Suitable, ◐ Conditional, ✘ Not suitable, ? No data) and a background colour.
``SuitabilityPanel`` recomputes the verdicts on the window's ``TaskRunner`` when the
project changes (debounced, never on the GUI thread: a demo-size project takes about
0.3 s; while the panel is hidden it only notes that it is out of date), filters by route (multi-select) and by verdict, and shows the full explanation
of a clicked cell (``verdict_view.explanation_html``) with the nearest reference
feedstocks and any learned-model predictions: in the Details dock while the matrix is
a main view (it then gets the whole width), beside it in simple mode. Verdicts are
decided in bulk; a cell's criterion rows are built only when it is clicked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QSplitter,
    QTableView,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbench.gui.rotated_header import RotatedHeader
from workbench.gui.verdict_view import (
    COLOURS,
    SYMBOLS,
    explanation_html,
    localized,
    route_name,
    verdict_text,
    verdict_word,
)
from workbench.model import Project
from workbench.progress import Progress

if TYPE_CHECKING:
    from workbench.gui.main_window import MainWindow

Index = QModelIndex | QPersistentModelIndex
VERDICT_ROLE = Qt.ItemDataRole.UserRole + 2
DEBOUNCE_MS = 400


def classify_for_matrix(progress: Progress, project: Project) -> dict[str, Any]:
    """Worker-thread body: every verdict decided in bulk, as summaries (verdict, score,
    reasons, missing, conditions, in both languages) with learned predictions.

    The criterion rows, suggestions and nearest reference feedstocks of a cell are made
    when the cell is clicked (``explain_cell``), from the ``Classification`` kept here.
    """
    from workbench.classify.engine import classify_bulk
    from workbench.classify.learned import attach_predictions
    from workbench.classify.routes import load_routes

    library = load_routes()
    routes = library.routes
    samples = list(project.samples.values())
    result = classify_bulk(samples, routes, progress=progress.child(0, 0.6))
    progress.update(0.6, "summarising verdicts")
    verdicts = [result.summary(i, r) for i in range(len(samples)) for r in range(len(routes))]
    attach_predictions(project, verdicts)
    return {
        "samples": [(s.id, s.name) for s in samples],
        "routes": [
            (r.id, {"route_name_en": r.name_en, "route_name_fi": r.name_fi}) for r in routes
        ],
        "verdicts": verdicts,
        "messages": list(library.messages),
        "result": result,
        "project": project,
    }


def explain_cell(data: dict[str, Any], sample_id: str, route_id: str) -> dict[str, Any] | None:
    """The full verdict JSON of one cell (criterion rows, suggestions, learned
    predictions) and its sample's nearest reference feedstocks (``"references"``)."""
    from workbench.classify.learned import attach_predictions
    from workbench.classify.reference import load_reference_library, nearest_references

    result = data.get("result")
    if result is None:
        return None
    try:
        i = result.table.ids.index(sample_id)
        r = [route.id for route in result.routes].index(route_id)
    except ValueError:
        return None
    v = result.explain(i, r).to_json()
    project = data.get("project")
    if project is not None:
        attach_predictions(project, [v])
    try:
        library = data.get("reference_library")
        if library is None:
            library = data["reference_library"] = load_reference_library()
        matches = nearest_references(
            result.table.samples[i], 3, library=library, routes=result.routes
        )
    except (ValueError, KeyError):
        matches = []
    v["references"] = [m.to_json() for m in matches]
    return v


class SuitabilityModel(QAbstractTableModel):
    """Rows: samples; columns: routes; cells: verdict dicts."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.samples: list[tuple[str, str]] = []
        self.routes: list[tuple[str, dict[str, str]]] = []
        self.cells: dict[tuple[str, str], dict[str, Any]] = {}
        self.data_: dict[str, Any] = {}
        self.explained: dict[tuple[str, str], dict[str, Any]] = {}

    def set_data(self, data: dict[str, Any]) -> None:
        self.beginResetModel()
        self.samples = list(data["samples"])
        self.routes = list(data["routes"])
        self.cells = {(v["sample_id"], v["route"]): v for v in data["verdicts"]}
        self.data_ = data
        self.explained = {}
        self.endResetModel()

    def explain(self, sample_id: str, route_id: str) -> dict[str, Any] | None:
        """The full explanation of a cell (made on first request, then kept)."""
        key = (sample_id, route_id)
        if key not in self.explained:
            v = explain_cell(self.data_, sample_id, route_id)
            if v is None:
                return self.cells.get(key)
            self.explained[key] = v
        return self.explained[key]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.samples)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.routes)

    def verdict_at(self, row: int, column: int) -> dict[str, Any] | None:
        if 0 <= row < len(self.samples) and 0 <= column < len(self.routes):
            return self.cells.get((self.samples[row][0], self.routes[column][0]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        v = self.verdict_at(index.row(), index.column())
        if v is None:
            return None
        verdict = v["verdict"]
        if role == Qt.ItemDataRole.DisplayRole:
            # the symbol (the legend above names it, the tooltip says it in words):
            # a dozen routes fit beside the sample names on a 1366-px screen
            return SYMBOLS.get(verdict, "") + (" *" if v.get("learned") else "")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{verdict_word(verdict)}{' *' if v.get('learned') else ''}"
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(COLOURS.get(verdict, "#ffffff")))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#111"))
        if role == Qt.ItemDataRole.ToolTipRole:
            score = v.get("score")
            tip = f"{v['sample']} → {route_name(v)}: {verdict_text(verdict)}"
            if score is not None:
                tip += f" ({score:.0f}/100)"
            reasons = [str(r) for r in localized(v, "reasons", [])[:3]]
            return tip + ("\n" + "\n".join(reasons) if reasons else "")
        if role == VERDICT_ROLE:
            return verdict
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if section >= len(self.routes):
                return None
            rid, names = self.routes[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return route_name(names)
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{route_name(names)} ({rid})"
            return None
        if role == Qt.ItemDataRole.DisplayRole and section < len(self.samples):
            return self.samples[section][1]
        return None


class SuitabilityFilter(QSortFilterProxyModel):
    """Hide unticked routes (columns) and samples without a cell of the chosen verdict."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.hidden_routes: set[str] = set()
        self.verdict = ""  # "" = any

    def set_filters(self, hidden_routes: set[str], verdict: str) -> None:
        self.hidden_routes = set(hidden_routes)
        self.verdict = verdict
        self.invalidate()

    def filterAcceptsColumn(self, column: int, parent: Index) -> bool:
        model: SuitabilityModel = self.sourceModel()  # type: ignore[assignment]
        return column < len(model.routes) and model.routes[column][0] not in self.hidden_routes

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        if not self.verdict:
            return True
        model: SuitabilityModel = self.sourceModel()  # type: ignore[assignment]
        for col, (rid, _n) in enumerate(model.routes):
            if rid in self.hidden_routes:
                continue
            v = model.verdict_at(row, col)
            if v is not None and v["verdict"] == self.verdict:
                return True
        return False


class SuitabilityPanel(QWidget):
    """The Suitability dock's contents: filters, matrix and explanation."""

    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.win = win
        self.model = SuitabilityModel(self)
        self.proxy = SuitabilityFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Route names written upwards, wrapped: every route in view at 1366 px (written
        # across, a column was as wide as its name's longest word: four routes showed)
        self.view.setHorizontalHeader(RotatedHeader(self.view))
        # one line per cell, rows of one height: sizing 1,000 rows to their contents
        # took longer than classifying them
        self.view.setWordWrap(False)
        rows = self.view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        self.view.setToolTip(self.tr("Click a cell to see why"))
        self.view.clicked.connect(self.show_cell)
        self.view.selectionModel().currentChanged.connect(lambda cur, _p: self.show_cell(cur))
        self.explanation = QTextBrowser()
        self.explanation.setOpenLinks(False)
        self.explanation.setHtml(
            "<p style='color:#666'>"
            + self.tr("Click a cell of the matrix to see the explanation.")
            + "</p>"
        )

        self.routes_button = QToolButton()
        self.routes_button.setText(self.tr("Routes"))
        self.routes_button.setToolTip(self.tr("Choose which product routes the matrix shows"))
        self.routes_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.routes_menu = QMenu(self)
        self.routes_button.setMenu(self.routes_menu)
        self.route_actions: dict[str, QAction] = {}
        self.verdict_combo = QComboBox()
        self.verdict_combo.addItem(self.tr("Any verdict"), "")
        for verdict in ("suitable", "conditionally suitable", "not suitable", "not enough data"):
            self.verdict_combo.addItem(f"{SYMBOLS[verdict]} {verdict_word(verdict)}", verdict)
        self.verdict_combo.setToolTip(
            self.tr("Show only samples with this verdict for a shown route")
        )
        self.verdict_combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.status = QLabel()
        self.status.setStyleSheet("color:#555")
        legend = QLabel(
            "  ".join(
                f"<span style='background:{COLOURS[v]}'>&nbsp;{SYMBOLS[v]} {verdict_word(v)}&nbsp;</span>"
                for v in COLOURS
            )
            + "  "
            + self.tr("* learned model prediction available")
        )
        legend.setWordWrap(True)  # the matrix is a main view: it must fit a small window
        legend.setMinimumWidth(120)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.routes_button)
        top.addWidget(self.verdict_combo)
        top.addWidget(legend, 1)
        top.addWidget(self.status)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.view)
        splitter.addWidget(self.explanation)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([900, 460])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.recompute)
        self.task = None
        self.computations = 0
        self.dirty = True

    # -- computing ------------------------------------------------------------------------
    def schedule(self) -> None:
        """The project changed: classify again after a short quiet period.

        Only while the panel is shown: a hidden matrix is brought up to date when it
        appears, so editing a big project never pays for a matrix nobody looks at.
        """
        self.dirty = True
        if self.isVisible():
            self.timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.dirty:
            self.timer.start()

    def recompute(self) -> None:
        project = self.win.doc.project
        if project is None:
            self.model.set_data({"samples": [], "routes": [], "verdicts": []})
            self.status.setText("")
            return
        self.dirty = False
        if self.task is not None and self.task.state == "running":
            self.task.cancel()
        self.status.setText(self.tr("Classifying…"))

        def done(data: dict[str, Any]) -> None:
            if self.win.doc.project is not project:
                return
            self.set_data(data)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, RuntimeError) and "changed size" in str(exc):
                self.schedule()  # the project changed during the run: classify again
            self.status.setText(self.tr("Classification failed: see the task panel."))
            self.win.task_panel.log(
                self.tr("Classification failed: %1").replace("%1", str(exc)), "error"
            )

        self.task = self.win.runner.submit(
            self.tr("Classify samples"),
            classify_for_matrix,
            project,
            on_done=done,
            on_error=failed,
            quiet=True,  # runs after every change; the status label shows it
        )

    def set_data(self, data: dict[str, Any]) -> None:
        current = self.current_key()
        self.model.set_data(data)
        self.computations += 1
        self._fill_route_menu()
        self.apply_filters()
        n = len(data["verdicts"])
        self.status.setText(self.tr("%1 verdicts").replace("%1", str(n)))
        if current is not None:
            self.select(*current)

    def _fill_route_menu(self) -> None:
        hidden = {rid for rid, a in self.route_actions.items() if not a.isChecked()}
        self.routes_menu.clear()
        self.route_actions = {}
        for rid, names in self.model.routes:
            action = QAction(route_name(names), self.routes_menu)
            action.setCheckable(True)
            action.setChecked(rid not in hidden)
            action.toggled.connect(lambda _c: self.apply_filters())
            self.routes_menu.addAction(action)
            self.route_actions[rid] = action

    # -- filters and explanation ----------------------------------------------------------
    def set_route_filter(self, shown: set[str] | None) -> None:
        """Show only these route ids (``None``: all)."""
        for rid, action in self.route_actions.items():
            action.blockSignals(True)
            action.setChecked(shown is None or rid in shown)
            action.blockSignals(False)
        self.apply_filters()

    def set_verdict_filter(self, verdict: str) -> None:
        self.verdict_combo.setCurrentIndex(max(self.verdict_combo.findData(verdict), 0))

    def apply_filters(self) -> None:
        hidden = {rid for rid, a in self.route_actions.items() if not a.isChecked()}
        self.proxy.set_filters(hidden, str(self.verdict_combo.currentData() or ""))
        self.fit_headers()
        n_routes = len(self.model.routes) - len(hidden)
        self.routes_button.setText(
            self.tr("Routes (%1 of %2)")
            .replace("%1", str(n_routes))
            .replace("%2", str(len(self.model.routes)))
        )

    def fit_headers(self) -> None:
        """Header as tall as the longest word of a route name, each column as wide as
        its name wrapped upwards and a verdict cell: no route name is cut in either
        language, and all routes fit beside the sample names at 1366 px."""
        header = self.view.horizontalHeader()
        assert isinstance(header, RotatedHeader)
        cells = [f"{SYMBOLS[v]} *" for v in SYMBOLS]
        header.fit(cell_texts=cells, cell_metrics=self.view.fontMetrics())
        # A short dock must still show the whole header and a few rows under it.
        rows = 3 * self.view.verticalHeader().defaultSectionSize()
        scroll = self.view.horizontalScrollBar().sizeHint().height()
        self.view.setMinimumHeight(self.view.horizontalHeader().height() + rows + scroll + 4)

    def current_key(self) -> tuple[str, str] | None:
        index = self.proxy.mapToSource(self.view.currentIndex())
        v = self.model.verdict_at(index.row(), index.column()) if index.isValid() else None
        return (v["sample_id"], v["route"]) if v else None

    def select(self, sample_id: str, route_id: str) -> bool:
        rows = [i for i, (sid, _n) in enumerate(self.model.samples) if sid == sample_id]
        cols = [i for i, (rid, _n) in enumerate(self.model.routes) if rid == route_id]
        if not rows or not cols:
            return False
        index = self.proxy.mapFromSource(self.model.index(rows[0], cols[0]))
        if not index.isValid():
            return False
        self.view.setCurrentIndex(index)
        self.show_cell(index)
        return True

    def show_cell(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        source = self.proxy.mapToSource(index)
        v = self.model.verdict_at(source.row(), source.column())
        if v is None:
            return
        v = self.model.explain(v["sample_id"], v["route"]) or v
        html = explanation_html(v, v.get("references", []))
        self.explanation.setHtml(html)
        if self.explanation.isHidden():  # the matrix fills its tab: the Details dock explains
            self.win.details.show_html(html)
            self.win.details_dock.show()

    def explain_in_details(self, on: bool) -> None:
        """Explanations in the window's Details dock (``on``: the matrix is a main view
        and gets the whole width) or beside the matrix (simple mode, docks hidden)."""
        self.explanation.setVisible(not on)

    def cell_texts(self) -> list[list[str]]:
        """Displayed text of every visible cell (for tests)."""
        return [
            [str(self.proxy.index(r, c).data() or "") for c in range(self.proxy.columnCount())]
            for r in range(self.proxy.rowCount())
        ]
