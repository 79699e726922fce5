"""A slim bar under the menu that explains a state without a modal dialog.

Used for "this project is read-only because ...", "import is not available yet" and
similar messages that the user should see but need not acknowledge. A message may carry
one button for the obvious next step ("Open report").
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

_STYLES = {
    "info": "background:#e8f1fb; border:1px solid #9cc3ea; color:#123;",
    "warning": "background:#fff4d6; border:1px solid #e0b44a; color:#3a2a00;",
    "error": "background:#fde4e4; border:1px solid #d98080; color:#400;",
}


class MessageBar(QFrame):
    """One message at a time, with a close button; hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setStyleSheet("border:none; background:transparent;")
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Hide this message"))
        close.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self.action_button = QPushButton()
        self.action_button.hide()
        self._action: Callable[[], object] | None = None
        self.action_button.clicked.connect(self._run_action)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(close)
        self.level = ""
        self.hide()

    def show_message(
        self,
        text: str,
        level: str = "info",
        action_text: str = "",
        action: Callable[[], object] | None = None,
    ) -> None:
        """Show ``text``; with ``action_text`` and ``action``, a button that runs it."""
        self.level = level
        self.setStyleSheet(f"MessageBar {{{_STYLES.get(level, _STYLES['info'])}}}")
        self.label.setText(text)
        self._action = action
        self.action_button.setText(action_text)
        self.action_button.setVisible(bool(action_text and action))
        self.show()

    def _run_action(self) -> None:
        if self._action is not None:
            self._action()

    def text(self) -> str:
        return self.label.text() if self.isVisible() or self.label.text() else ""

    def dismiss(self) -> None:
        self.label.setText("")
        self._action = None
        self.action_button.hide()
        self.level = ""
        self.hide()
