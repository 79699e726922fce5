"""The import preview's panel beside the file list: what one file holds, drawn and said.

For the selected file: its warnings (or why it could not be read) wrapped and at the
top, where they are seen without scrolling; a small plot of its data; a choice of the
spectrum, curve or sheet to draw when the file holds several; and everything read from
it (format, encoding, SHA-256, per measurement its sample, points, units and ranges,
and for a workbook or archive what each sheet or member gave).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workbench.fileio import read_head
from workbench.gui.i18n import kind_label
from workbench.gui.import_plot import PreviewPlot, axis_name
from workbench.gui.import_preview_model import PreviewItem, fmt_num
from workbench.gui.import_texts import format_text, message_text, warning_text
from workbench.safetext import clean

HEAD_BYTES = 4096  # of a file that could not be read, shown so the user sees what it holds
HEAD_LINES = 20

RED, AMBER = "#b41414", "#8a5a00"


class ImportDetails(QWidget):
    """Warnings, plot and facts of the file selected in the preview."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item: PreviewItem | None = None
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.notes = QLabel()  # warnings or the reason the file could not be read
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.RichText)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.choice_label = QLabel(self.tr("Show:"))
        self.choice = QComboBox()
        self.choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.choice.setMinimumContentsLength(20)
        self.choice.currentIndexChanged.connect(self._draw)
        choice_row = QHBoxLayout()
        choice_row.addWidget(self.choice_label)
        choice_row.addWidget(self.choice, 1)
        self.plot = PreviewPlot()
        self.facts = QPlainTextEdit()
        self.facts.setReadOnly(True)
        self.facts.setPlaceholderText(self.tr("Select a file to see everything read from it."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.notes)
        layout.addLayout(choice_row)
        layout.addWidget(self.plot, 3)
        layout.addWidget(self.facts, 2)
        self.show_item(None)

    # -- showing a file ---------------------------------------------------------------------
    def show_item(self, item: PreviewItem | None, count: int = 1) -> None:
        """Show ``item`` (None with ``count`` > 1: that many files are selected)."""
        self.item = item
        self.choice.blockSignals(True)
        self.choice.clear()
        self.choice.blockSignals(False)
        if item is None:
            self.title.setText(
                self.tr("%1 files selected.").replace("%1", str(count)) if count > 1 else ""
            )
            self._notes([], "")
            self._choices([])
            self.plot.show_measurement(None)
            self.facts.setPlainText("")
            return
        self.title.setText(item.texts.get("file", ""))
        if item.plan is None:
            self._notes([], message_text(item.error, item.path))
            self._choices([])
            head = file_head(item.path)
            self.plot.show_measurement(None, self.tr("Nothing was read from this file."))
            # the file's first lines take the plot's room: what the user needs to see now
            self.plot.setVisible(not head)
            title = self.tr("The first lines of the file:")
            self.facts.setPlainText(f"{item.path}\n\n{title}\n{head}" if head else item.path)
            return
        self.plot.setVisible(True)
        parsed = item.plan.parsed
        self._notes([warning_text(w) for w in parsed.warnings], "")
        self._choices(parsed.measurements)
        self._draw()
        self.facts.setPlainText(self.facts_text(item))

    def _notes(self, warnings: list[str], error: str) -> None:
        if error:
            self.notes.setText(f'<span style="color:{RED}">{_html(error)}</span>')
        elif warnings:
            rows = "".join(f"<li>{_html(w)}</li>" for w in warnings[:12])
            more = len(warnings) - 12
            more_text = self.tr("%1 more…").replace("%1", str(more))
            title = self.tr("Warnings")
            extra = f"<li>{_html(more_text)}</li>" if more > 0 else ""
            self.notes.setText(
                f'<div style="color:{AMBER}"><b>{_html(title)}</b>'
                f'<ul style="margin-left:-20px">{rows}{extra}</ul></div>'
            )
        else:
            self.notes.setText("")
        self.notes.setVisible(bool(error or warnings))

    def _choices(self, measurements) -> None:
        self.choice.blockSignals(True)
        for i, m in enumerate(measurements):
            where = m.metadata.get("sheet") or m.metadata.get("archive_member") or ""
            text = f"{i + 1}. {kind_label(m.kind)}: {m.label or m.sample_name or ''}"
            self.choice.addItem(text + (f" [{where}]" if where else ""), i)
        self.choice.blockSignals(False)
        many = len(measurements) > 1
        self.choice_label.setVisible(many)
        self.choice.setVisible(many)

    def _draw(self) -> None:
        item = self.item
        if item is None or item.plan is None:
            return
        ms = item.plan.parsed.measurements
        index = self.choice.currentData() if self.choice.count() else 0
        self.plot.show_measurement(ms[index] if ms else None)

    def facts_text(self, item: PreviewItem) -> str:
        """Everything read from a parsed file, as plain text."""
        parsed = item.plan.parsed
        lines = [
            item.path,
            self.tr("Format: %1").replace("%1", item.texts.get("format", parsed.format_label)),
            self.tr("Encoding: %1").replace("%1", parsed.encoding or "-"),
            "SHA-256: " + item.plan.sha256,
        ]
        parts = parsed.metadata.get("sheets") or parsed.metadata.get("members") or {}
        if parts:
            lines.append("")
            lines.append(
                self.tr("Sheets:")
                if "sheets" in parsed.metadata
                else self.tr("Files in the archive:")
            )
            ids = {
                m.metadata.get("sheet") or m.metadata.get("archive_member"): (
                    m.metadata.get("sheet_format") or m.metadata.get("member_format") or ""
                )
                for m in parsed.measurements
            }
            for name, outcome in parts.items():
                text = format_text(ids[name], outcome) if name in ids else message_text(outcome, "")
                lines.append(f"  {name}: {text}")
        for m in parsed.measurements:
            lines.append("")
            lines.append(f"{kind_label(m.kind)}: {m.label}  [{m.sample_name or '-'}]")
            summary = m.summary()
            if "n_points" in summary:
                lines.append(self.tr("  points/rows: %1").replace("%1", str(summary["n_points"])))
            for name, info in summary.get("columns", {}).items():
                rng = info.get("range")
                span = f"{fmt_num(rng[0])} … {fmt_num(rng[1])}" if rng else ""
                label = axis_name(m.columns[name]) if name in m.columns else name
                lines.append(f"  {label} [{info.get('unit', '')}] {span}")
            for pid, q in m.quantities.items():
                lines.append(f"  {pid} = {fmt_num(q.value)} {q.unit} ({q.basis})")
            facts = [
                f"{k}: {v if str(v).strip() else repr(v)}"  # a tab delimiter as '\t'
                for k, v in m.metadata.items()
                if isinstance(v, (str, int, float)) and not isinstance(v, bool) and str(v)
            ]
            if facts:
                lines.append("  " + "; ".join(facts[:8]))
        return "\n".join(lines)


def file_head(path: str) -> str:
    """The first lines of a file as text (what a technician checks first: is this the
    export I meant, which columns, which separator); "" when it is not text or cannot be
    read. Read without blocking and never more than ``HEAD_BYTES``."""
    try:
        raw = read_head(path, HEAD_BYTES)
    except OSError:
        return ""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16", errors="replace")
    elif b"\x00" in raw or not raw:
        return ""  # binary
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            cut = exc.start >= len(raw) - 3  # a character cut at the end of the glimpse
            text = raw.decode("utf-8" if cut else "cp1252", errors="replace")
    lines = text.splitlines()
    if len(raw) == HEAD_BYTES and lines:
        lines = lines[:-1] or lines  # the last line may be cut
    return clean("\n".join(line[:200] for line in lines[:HEAD_LINES]))


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
