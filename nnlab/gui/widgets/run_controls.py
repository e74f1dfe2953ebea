"""Run controls under the plots: Run/Pause, Step, Reset, the speed, and the timeline.

The buttons show the window's actions (so the keyboard shortcuts, menus and buttons are one
thing). The timeline is a slider over the epochs recorded so far: dragging it shows that
epoch everywhere; "Live" follows the newest epoch again. The key of the runs' colours sits
beside the timeline, or, when it is long, on a row of its own above it, wrapped between its
entries; a key in groups (the one-neuron lesson's runs by start) has a line per group.
"""

from __future__ import annotations

import html
import math

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QSizePolicy, QSlider, QToolButton, QVBoxLayout, QWidget,
)

from nnlab.gui.text import fill

#: A key wider than this share of the controls gets a row of its own (the timeline keeps
#: the rest of its row).
KEY_SHARE = 0.4

# The speed slider is logarithmic from 1 to 1000 epochs/s; its last notch is "as fast as
# possible" (None).
SPEED_STEPS = 30
MAX_PACED_SPEED = 1000.0
#: notches of the speed slider per press of − or +: 3 decades in 29 notches, so 3 notches
#: are a factor of two
NOTCHES_PER_SPEED_KEY = 3


def speed_for_position(position: int) -> float | None:
    if position >= SPEED_STEPS:
        return None
    return round(10 ** (3 * position / (SPEED_STEPS - 1)), 2)


def position_for_speed(speed: float | None) -> int:
    if speed is None:
        return SPEED_STEPS
    speed = min(max(speed, 1.0), MAX_PACED_SPEED)
    return round(math.log10(speed) / 3 * (SPEED_STEPS - 1))


class RunControls(QWidget):
    """``speed_changed(speed)`` with epochs/s or None for as fast as possible;
    ``epoch_chosen(epoch)`` when the timeline is moved by the user; ``live_requested()``
    when "Live" is pressed."""

    speed_changed = Signal(object)
    epoch_chosen = Signal(int)
    live_requested = Signal()

    def __init__(self, run_action, step_action, reset_action, parent=None):
        super().__init__(parent)
        buttons = []
        for action in (run_action, step_action, reset_action):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keep Space for the shortcut
            buttons.append(button)

        self.speed = QSlider(Qt.Orientation.Horizontal)
        self.speed.setRange(0, SPEED_STEPS)
        self.speed.setToolTip(self.tr("Training speed, from 1 epoch per second to as fast "
                                      "as possible"))
        self.speed.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.speed.setMinimumWidth(80)
        self.speed_label = QLabel()
        self.speed.valueChanged.connect(self._on_speed_moved)

        self.timeline = QSlider(Qt.Orientation.Horizontal)
        self.timeline.setRange(0, 0)
        self.timeline.setToolTip(self.tr("Timeline: drag to show any epoch of the run"))
        self.timeline.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.timeline.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.timeline.sliderMoved.connect(self.epoch_chosen)
        self.timeline.actionTriggered.connect(self._on_timeline_action)
        self.live = QToolButton()
        self.live.setText(self.tr("Live"))
        self.live.setCheckable(True)
        self.live.setChecked(True)
        self.live.setToolTip(self.tr("Follow the newest epoch"))
        self.live.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.live.clicked.connect(self._on_live_clicked)
        self.epoch_label = QLabel()
        self._planned = 300
        self.key = QLabel()  # the runs' colours: the plots' legends are hidden on a projector
        self.key.setTextFormat(Qt.TextFormat.RichText)
        self._key_plain = ""  # the key's (longest line of) text without markup, to measure it
        self._key_grouped = False
        self._key_on_own_row = False
        self._fit_labels()

        top = QHBoxLayout()
        for button in buttons:
            top.addWidget(button)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("Speed")))
        top.addWidget(self.speed, 1)
        top.addWidget(self.speed_label)
        self.key_row = QHBoxLayout()  # the key, when it is too long for the timeline's row
        bottom = QHBoxLayout()
        self._bottom = bottom
        bottom.addWidget(self.key)
        bottom.addSpacing(12)
        bottom.addWidget(QLabel(self.tr("Epoch")))
        bottom.addWidget(self.timeline, 1)
        bottom.addWidget(self.epoch_label)
        bottom.addWidget(self.live)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addLayout(top)
        layout.addLayout(self.key_row)
        layout.addLayout(bottom)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self._fit_labels()
            self._place_key()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_key()

    def _fit_labels(self) -> None:
        # room for the longest texts in the current font, so nothing is cut or jumps
        metrics = self.fontMetrics()
        self.speed_label.setMinimumWidth(metrics.horizontalAdvance(self.tr("1000 epochs/s")))
        self.epoch_label.setMinimumWidth(metrics.horizontalAdvance(
            f"{self._planned} / {self._planned}"))

    def show_key(self, runs: list[tuple]) -> None:
        """The colour key: (label, colour name) per run; or (label, colour name, glyph) to
        show the run's marker and line style ("━●━") in its colour instead of a square; or
        (label, colour name, glyph, group), where the runs of each group share a line led by
        the group's name ("start 1 (w = 0.6, b = 0.9):  ━●━ quadratic  ━●━ cross-entropy")."""
        def entry(label: str, color: str, mark: str) -> str:
            # an entry never breaks; the key wraps between entries only
            return (f'<span style="color:{color}">{html.escape(mark)}</span>&nbsp;'
                    + html.escape(label).replace(" ", "&nbsp;"))

        groups: dict[str, list[tuple[str, str]]] = {}
        for label, color, *rest in runs:
            mark = rest[0] if rest else "\u25a0"
            group = rest[1] if len(rest) > 1 else None
            groups.setdefault(group, []).append((entry(label, color, mark), f"{mark} {label}"))
        self._key_grouped = bool(groups) and None not in groups
        if self._key_grouped:
            # one line per group, its entries in columns that line up from line to line
            rows = "".join(
                f"<tr><td>{html.escape(group).replace(' ', '&nbsp;')}:&nbsp;&nbsp;</td>"
                + "".join(f"<td>{text}&nbsp;&nbsp;&nbsp;</td>" for text, _ in items)
                + "</tr>" for group, items in groups.items())
            self.key.setText(f"<table cellspacing='0' cellpadding='0'>{rows}</table>")
            self._key_plain = max((f"{group}:  " + "   ".join(plain for _, plain in items)
                                   for group, items in groups.items()), key=len, default="")
        else:
            items = [item for group in groups.values() for item in group]
            self._key_plain = "    ".join(plain for _, plain in items)
            self.key.setText("&nbsp;&nbsp; ".join(text for text, _ in items))
        self._place_key()

    @property
    def key_on_own_row(self) -> bool:
        """Whether the key has a row of its own (it is too long to share the timeline's)."""
        return self._key_on_own_row

    def _place_key(self) -> None:
        """The key beside the timeline, or on a row of its own when it takes more than
        KEY_SHARE of the width (where it wraps between entries) or has a line per group."""
        wanted = self._key_grouped or (self.key.fontMetrics().horizontalAdvance(self._key_plain)
                                       > KEY_SHARE * max(self.width(), 1))
        wrap = wanted and not self._key_grouped
        if self.key.wordWrap() != wrap:
            self.key.setWordWrap(wrap)
        if wanted == self._key_on_own_row:
            return
        self._key_on_own_row = wanted
        (self._bottom if wanted else self.key_row).removeWidget(self.key)
        if wanted:
            self.key_row.addWidget(self.key, 1)
        else:
            self._bottom.insertWidget(0, self.key)

    # -- speed -----------------------------------------------------------------------------
    def set_speed(self, speed: float | None) -> None:
        with QSignalBlocker(self.speed):
            self.speed.setValue(position_for_speed(speed))
        self._show_speed(speed)

    def change_speed(self, direction: int) -> None:
        """Half (-1) or twice (+1) the speed, as the − and + keys ask; from "max", − goes to
        the fastest paced speed."""
        self.speed.setValue(self.speed.value() + direction * NOTCHES_PER_SPEED_KEY)

    def _on_speed_moved(self, position: int) -> None:
        speed = speed_for_position(position)
        self._show_speed(speed)
        self.speed_changed.emit(speed)

    def _show_speed(self, speed: float | None) -> None:
        if speed is None:
            self.speed_label.setText(self.tr("max"))
        else:
            self.speed_label.setText(fill(self.tr("%1 epochs/s"), f"{speed:.3g}"))

    # -- timeline --------------------------------------------------------------------------
    def show_epochs(self, shown: int, latest: int, planned: int, live: bool) -> None:
        """Reflect the session: ``latest`` epochs recorded of ``planned``, ``shown`` on show."""
        with QSignalBlocker(self.timeline):
            self.timeline.setRange(0, max(latest, 0))
            self.timeline.setValue(shown)
        with QSignalBlocker(self.live):
            self.live.setChecked(live)
        self.epoch_label.setText(fill(self.tr("%1 / %2"), shown, planned))
        if planned != self._planned:
            self._planned = planned
            self._fit_labels()

    def _on_timeline_action(self, _action: int) -> None:
        # clicks on the groove and keyboard paging move the slider without sliderMoved
        if not self.timeline.isSliderDown():
            self.epoch_chosen.emit(self.timeline.sliderPosition())

    def _on_live_clicked(self, checked: bool) -> None:
        if checked:
            self.live_requested.emit()
        else:
            self.epoch_chosen.emit(self.timeline.value())
