"""The loss table: a row per sample, the two models side by side, each with its outputs ŷ
per class and each measure's value for the sample, and each model's means in the last row.

The table is edited with the keyboard: a digit typed on a cell of ŷ (or of the target y)
starts editing it, Enter or Tab keeps the value, Esc drops it. The view never changes the
lesson itself: an edit is announced (``entry_edited``, ``target_edited``), the page changes
its model and hands the view the new frame; a value that makes no sense is refused
(``refused``, with the reason).

Keys: while the table has the focus it keeps the arrows, Home, End, Page Up and Down (to
move between cells) and the characters that start a number, although the course window has
shortcuts on them; a letter is not part of a number and goes to the window (R resets), as
does Insert (a sample more) and Delete (the sample gone). While a cell is being edited its
editor keeps every key it can type.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, QRect, Qt, QTimer, Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemDelegate, QAbstractItemView, QHeaderView, QLabel, QLineEdit, QSizePolicy, QStyle,
    QStyledItemDelegate, QStyleOptionHeader, QTableView, QVBoxLayout, QWidget,
)

from nnlab.gui.lessons.losses.model import CLASSES, MODELS, LossFrame
from nnlab.gui.text import MINUS, fill
from nnlab.gui.theme import ERROR_COLOUR, NORMAL, Theme
from nnlab.gui.widgets.fields import parse_number

#: a name of its own, so that pyside6-lupdate finds the texts it translates
translate = QCoreApplication.translate

SUBSCRIPTS = "₁₂₃₄₅₆₇₈₉"

# the kinds of column
TARGET = "target"
ENTRY = "entry"            # what is typed: ŷ, or the logits z
COMPUTED = "computed"      # ŷ = softmax(z), typing logits
ERROR = "error"
SQUARED = "squared"
CROSS_ENTROPY = "cross_entropy"
MEASURES = (ERROR, SQUARED, CROSS_ENTROPY)

#: The colours of the measures' columns, as the plot draws them (the theme's run colours).
MEASURE_RUNS = {SQUARED: "quadratic", CROSS_ENTROPY: "cross_entropy"}

#: Characters that begin (and make up) a number in a cell: digits, a decimal point or comma,
#: signs, and the minus sign and infinity the cells show.
NUMBER_CHARACTERS = frozenset("0123456789.,+-−∞")

#: Keys the table moves between cells with: the window's shortcuts must not take them.
MOVING_KEYS = frozenset({
    Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home,
    Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Tab,
    Qt.Key.Key_Backtab, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2,
})

#: the table's root: no cell has a parent
_ROOT = QModelIndex()

_TEXT_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier

#: Where the columns do not fit, the table's font shrinks to this share of the font it
#: inherits, never below MIN_POINT_SIZE (and never above the inherited size).
MIN_FONT_SCALE = 0.65
MIN_POINT_SIZE = 9.0

#: Pixels around a header's texts.
HEADER_PADDING = 4
#: Height of the coloured bar under a measure's column title (pixels, at the normal theme).
MEASURE_BAR = 3


@dataclass(frozen=True)
class Column:
    """A column: its kind, the model it belongs to (None: the target) and its class."""

    kind: str
    model: int | None = None
    cls: int | None = None


def columns_for(logits: bool) -> list[Column]:
    """The target, then for each model: what is typed per class (and, typing logits, the
    ŷ computed from them), and the three measures."""
    columns = [Column(TARGET)]
    for m in range(MODELS):
        columns += [Column(ENTRY, m, c) for c in range(CLASSES)]
        if logits:
            columns += [Column(COMPUTED, m, c) for c in range(CLASSES)]
        columns += [Column(kind, m) for kind in MEASURES]
    return columns


# -- numbers as the cells show them --------------------------------------------------------

def entry_text(value: float) -> str:
    """A typed number, short: 0.3, 0.333 (at most three decimals), −1.204, −∞."""
    if math.isinf(value):
        return ("−" if value < 0 else "") + "∞"
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "0", "") else text.replace("-", MINUS)


def score_text(value: float) -> str:
    """A loss or a probability, three decimals: 0.540, 1.378, ∞."""
    if math.isinf(value):
        return ("−" if value < 0 else "") + "∞"
    if math.isnan(value):
        return "—"
    return f"{value:.3f}".replace("-", MINUS)


def edit_text(value: float) -> str:
    """A number put into a cell's editor: all the digits that matter."""
    if math.isinf(value):
        return ("−" if value < 0 else "") + "∞"
    return f"{value:.6g}".replace("-", MINUS)


def parse_cell_number(text: str) -> float | None:
    """A number as typed into a cell: 0.3, 0,3, −1.2, -inf, −∞; None if it is none."""
    text = text.strip().replace(MINUS, "-").replace("∞", "inf")
    if not text:
        return None
    value = parse_number(text)
    if value is None or math.isnan(value):
        return None
    return value


def parse_target(text: str, classes: int = CLASSES) -> int | None:
    """A true class as typed: its number (1 … classes) or its one-hot row ("0 0 1",
    "0, 0, 1", "(0, 0, 1)"); the class from 0, or None."""
    cleaned = text.strip().strip("()[]")
    parts = [part for part in cleaned.replace(",", " ").replace(";", " ").split() if part]
    if len(parts) == 1 and parts[0].isdigit():
        number = int(parts[0])
        return number - 1 if 1 <= number <= classes else None
    if len(parts) == classes and all(part in ("0", "1") for part in parts) \
            and parts.count("1") == 1:
        return parts.index("1")
    return None


def one_hot_text(cls: int, classes: int = CLASSES) -> str:
    return " ".join("1" if c == cls else "0" for c in range(classes))


# -- the model of the table ----------------------------------------------------------------

class LossItems(QAbstractTableModel):
    """The table's cells, read from a :class:`LossFrame`: a row per sample and the means in
    the last row. Edits are announced, not made (see the module docstring)."""

    entry_edited = Signal(int, int, int, float)   # model, sample, class, value
    target_edited = Signal(int, int)              # sample, class
    refused = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.frame: LossFrame | None = None
        self.columns = columns_for(False)
        self.theme: Theme = NORMAL

    def set_frame(self, frame: LossFrame) -> None:
        columns = columns_for(frame.logits)
        if (self.frame is None or frame.sample_count != self.frame.sample_count
                or columns != self.columns):
            self.beginResetModel()
            self.frame, self.columns = frame, columns
            self.endResetModel()
            return
        self.frame = frame
        self.dataChanged.emit(self.index(0, 0),
                              self.index(self.rowCount() - 1, self.columnCount() - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    # -- shape -----------------------------------------------------------------------------
    def rowCount(self, parent=_ROOT) -> int:
        if parent.isValid() or self.frame is None:
            return 0
        return self.frame.sample_count + 1

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def is_mean_row(self, row: int) -> bool:
        return self.frame is not None and row == self.frame.sample_count

    def column_of(self, kind: str, model: int | None = None, cls: int | None = None) -> int:
        return self.columns.index(Column(kind, model, cls))

    def groups(self) -> list[tuple[str, int, int]]:
        """(title, first column, last column) of the target and of each model."""
        groups = [("", 0, 0)]
        for m in range(MODELS):
            spots = [i for i, column in enumerate(self.columns) if column.model == m]
            groups.append((fill(translate("LossTable", "Model %1"), m + 1), spots[0],
                           spots[-1]))
        return groups

    def flags(self, index: QModelIndex):
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editable(index):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _editable(self, index: QModelIndex) -> bool:
        return (index.isValid() and not self.is_mean_row(index.row())
                and self.columns[index.column()].kind in (TARGET, ENTRY))

    # -- headers ---------------------------------------------------------------------------
    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if self.frame is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            mean = section == self.frame.sample_count
            if role == Qt.ItemDataRole.DisplayRole:
                return translate("LossTable", "Mean") if mean else str(section + 1)
            if role == Qt.ItemDataRole.ToolTipRole:
                return (translate("LossTable", "Each model's mean over its samples") if mean
                        else fill(translate("LossTable", "Sample %1"), section + 1))
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._column_title(column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._column_tip(column)
        return None

    def _column_title(self, column: Column) -> str:
        if column.kind == TARGET:
            return "y"
        if column.kind == ENTRY:
            letter = "z" if self.frame.logits else "ŷ"
            return letter + SUBSCRIPTS[column.cls]
        if column.kind == COMPUTED:
            return "ŷ" + SUBSCRIPTS[column.cls]
        return {ERROR: translate("LossTable", "Error"),
                SQUARED: translate("LossTable", "Squared error"),
                CROSS_ENTROPY: translate("LossTable", "Cross-entropy")}[column.kind]

    def _column_tip(self, column: Column) -> str:
        if column.kind == TARGET:
            return translate("LossTable", "The one-hot target y: 1 for the sample's true "
                                          "class. Type the class (1, 2 or 3) to change it.")
        if column.kind == ENTRY and self.frame.logits:
            return fill(translate("LossTable", "Model %1's logit z for class %2: any number; "
                                               "ŷ = softmax(z)"), column.model + 1,
                        column.cls + 1)
        if column.kind in (ENTRY, COMPUTED):
            return fill(translate("LossTable", "Model %1's probability ŷ for class %2"),
                        column.model + 1, column.cls + 1)
        if column.kind == ERROR:
            return translate("LossTable", "Classification error: 1 when the largest ŷ is "
                                          "not the true class's (a tie counts as wrong), "
                                          "0 when it is")
        if column.kind == SQUARED:
            return translate("LossTable", "Squared error: Σ (y − ŷ)² over the classes "
                                          "(note 002)")
        return translate("LossTable", "Cross-entropy: −Σ y log ŷ over the classes, which "
                                      "leaves −log p, p the true class's ŷ")

    # -- cells -----------------------------------------------------------------------------
    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.frame is None:
            return None
        row, column = index.row(), self.columns[index.column()]
        if self.is_mean_row(row):
            return self._mean_data(column, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.FontRole:
            return self._font(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            if column.kind == ENTRY and not self.frame.sums_to_one(column.model, row):
                return QColor(255, 214, 214)  # a row that does not sum to 1
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column.kind == COMPUTED:
            return QColor("#444444")
        return None

    def _mean_data(self, column: Column, role):
        if role == Qt.ItemDataRole.FontRole:
            return _bold(QFont())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor("#eef1f5")
        if column.kind not in MEASURES:
            return None
        score = self.frame.scores[column.model]
        value = {ERROR: score.classification_error, SQUARED: score.mean_squared_error,
                 CROSS_ENTROPY: score.cross_entropy}[column.kind]
        if role == Qt.ItemDataRole.DisplayRole:
            return score_text(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            names = {ERROR: translate("LossTable", "Model %1's classification error: wrong "
                                                   "samples / all samples = %2"),
                     SQUARED: translate("LossTable", "Model %1's mean squared error: the "
                                                     "mean of its samples' squared errors "
                                                     "= %2"),
                     CROSS_ENTROPY: translate("LossTable", "Model %1's mean cross-entropy "
                                                           "= %2")}
            return fill(names[column.kind], column.model + 1, edit_text(value))
        return None

    def _sample(self, row: int, column: Column):
        return self.frame.scores[column.model].samples[row]

    def _text(self, row: int, column: Column) -> str:
        frame = self.frame
        if column.kind == TARGET:
            return one_hot_text(frame.targets[row])
        if column.kind == ENTRY:
            return entry_text(frame.entries[column.model][row][column.cls])
        if column.kind == COMPUTED:
            return score_text(frame.y_hats[column.model][row][column.cls])
        sample = self._sample(row, column)
        if column.kind == ERROR:
            return "0 ✓" if sample.correct else "1 ✗"
        if column.kind == SQUARED:
            return score_text(sample.squared_error)
        return score_text(sample.cross_entropy)

    def _edit_text(self, row: int, column: Column) -> str:
        if column.kind == TARGET:
            return str(self.frame.targets[row] + 1)
        if column.kind == ENTRY:
            return edit_text(self.frame.entries[column.model][row][column.cls])
        return self._text(row, column)

    def _tip(self, row: int, column: Column) -> str:
        frame = self.frame
        if column.kind == TARGET:
            return fill(translate("LossTable", "Sample %1 is of class %2: type 1, 2 or 3 to "
                                               "change it"), row + 1, frame.targets[row] + 1)
        if column.kind in (ENTRY, COMPUTED):
            y_hat = frame.y_hats[column.model][row]
            if column.kind == ENTRY and frame.logits:
                tip = fill(translate("LossTable", "z = %1 gives ŷ = %2 (softmax)"),
                           edit_text(frame.entries[column.model][row][column.cls]),
                           score_text(y_hat[column.cls]))
            else:
                tip = fill(translate("LossTable", "ŷ = %1"), edit_text(y_hat[column.cls]))
            if column.kind == ENTRY and not frame.sums_to_one(column.model, row):
                tip += "\n" + fill(translate("LossTable", "This row of ŷ sums to %1, not 1"),
                                   edit_text(sum(frame.entries[column.model][row])))
            return tip
        sample = self._sample(row, column)
        if column.kind == ERROR:
            return (translate("LossTable", "Right: the true class has the largest ŷ")
                    if sample.correct else
                    translate("LossTable", "Wrong: another class has a ŷ as large or larger"))
        if column.kind == SQUARED:
            terms = " + ".join(f"({entry_text(a)} − {b})²"
                               for a, b in zip(sample.y_hat, sample.y))
            return f"{terms} = {score_text(sample.squared_error)}"
        log = "ln" if frame.log_base == "e" else "log₂"
        p = sample.true_probability
        return f"−{log} {entry_text(p)} = {score_text(sample.cross_entropy)}"

    def _font(self, row: int, column: Column):
        if column.kind in (ENTRY, COMPUTED) and column.cls == self.frame.targets[row] \
                and not (column.kind == ENTRY and self.frame.logits):
            return _bold(QFont())  # p, the true class's ŷ: what the cross-entropy sees
        if column.kind == COMPUTED:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    # -- editing ---------------------------------------------------------------------------
    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self._editable(index):
            return False
        text = str(value).strip()
        row, column = index.row(), self.columns[index.column()]
        if column.kind == TARGET:
            cls = parse_target(text)
            if cls is None:
                self.refused.emit(fill(translate(
                    "LossTable", "“%1” is no class: type 1, 2 or 3, or a one-hot row such as "
                                 "0 0 1"), text))
                return False
            self.target_edited.emit(row, cls)
            return True
        number = parse_cell_number(text)
        if number is None:
            self.refused.emit(fill(translate("LossTable", "“%1” is not a number"), text))
            return False
        if self.frame.logits:
            others = [z for c, z in enumerate(self.frame.entries[column.model][row])
                      if c != column.cls]
            if number == math.inf:
                self.refused.emit(translate("LossTable", "A logit is a number below +∞"))
                return False
            if number == -math.inf and all(z == -math.inf for z in others):
                self.refused.emit(translate("LossTable", "At least one logit of a sample "
                                                         "must be finite"))
                return False
        elif not 0.0 <= number <= 1.0:
            self.refused.emit(fill(translate("LossTable", "ŷ is a probability, from 0 to 1: "
                                                          "not %1"), text))
            return False
        self.entry_edited.emit(column.model, row, column.cls, number)
        return True


def _bold(font: QFont) -> QFont:
    font.setBold(True)
    return font


# -- the header: the models' names over their columns --------------------------------------

class GroupedHeader(QHeaderView):
    """A horizontal header of two tiers: each group's title ("Model 1") over its columns,
    and under it each column's title, wrapped at spaces and hyphens. A measure's column has
    a bar in the colour the plot draws it in."""

    def __init__(self, parent=None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._groups: list[tuple[str, int, int]] = []
        self._lines = 1
        self._bars: dict[int, QColor] = {}
        self.setSectionsClickable(False)
        self.setHighlightSections(False)
        self.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setMinimumSectionSize(8)

    def set_groups(self, groups: list[tuple[str, int, int]]) -> None:
        self._groups = list(groups)
        self.viewport().update()

    def set_bars(self, bars: dict[int, QColor]) -> None:
        self._bars = dict(bars)
        self.viewport().update()

    def set_text_lines(self, lines: int) -> None:
        if lines != self._lines:
            self._lines = lines
            self.updateGeometry()
            self.geometriesChanged.emit()

    def group_height(self) -> int:
        return self.fontMetrics().height() + 2 * HEADER_PADDING

    def sizeHint(self):
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        hint.setHeight(self.group_height() + self._lines * metrics.lineSpacing()
                       + 2 * HEADER_PADDING + self._bar_height())
        return hint

    def _bar_height(self) -> int:
        return max(MEASURE_BAR, round(self.fontMetrics().height() / 6))

    def _section_option(self, rect: QRect, section: int) -> QStyleOptionHeader:
        option = QStyleOptionHeader()
        option.initFrom(self)
        option.rect = rect
        option.section = section
        option.orientation = Qt.Orientation.Horizontal
        option.position = QStyleOptionHeader.SectionPosition.Middle
        option.text = ""
        return option

    def paintSection(self, painter: QPainter, rect: QRect, section: int) -> None:
        top = rect.top() + self.group_height()
        lower = QRect(rect.left(), top, rect.width(), rect.bottom() - top + 1)
        painter.save()
        self.style().drawControl(QStyle.ControlElement.CE_HeaderSection,
                                 self._section_option(lower, section), painter, self)
        bar = self._bars.get(section)
        if bar is not None:
            height = self._bar_height()
            painter.fillRect(QRect(lower.left() + 2, lower.bottom() - height - 1,
                                   lower.width() - 4, height), bar)
        text = self.model().headerData(section, Qt.Orientation.Horizontal) if self.model() else ""
        painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        painter.drawText(lower.adjusted(HEADER_PADDING, HEADER_PADDING, -HEADER_PADDING,
                                        -HEADER_PADDING - (self._bar_height() if bar else 0)),
                         int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                         str(text or ""))
        painter.restore()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        height = self.group_height()
        for title, first, last in self._groups:
            if last >= self.count():
                continue
            left = self.sectionViewportPosition(first)
            right = self.sectionViewportPosition(last) + self.sectionSize(last)
            rect = QRect(left, 0, right - left, height)
            self.style().drawControl(QStyle.ControlElement.CE_HeaderSection,
                                     self._section_option(rect, first), painter, self)
            painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), title)
        painter.end()


def header_words(text: str) -> list[str]:
    """The pieces a column title may wrap between: at spaces, and after a hyphen."""
    words = []
    for word in text.split():
        while "-" in word[:-1]:
            cut = word.index("-") + 1
            words.append(word[:cut])
            word = word[cut:]
        words.append(word)
    return words


# -- the editor and the table --------------------------------------------------------------

class CellEdit(QLineEdit):
    """A cell's editor: it keeps every key it types with, and Insert and Delete, so that no
    shortcut of the window fires while a value is being typed."""

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self._keeps(event):
            event.accept()
            return True
        return super().event(event)

    @staticmethod
    def _keeps(event: QKeyEvent) -> bool:
        if event.modifiers() & ~_TEXT_MODIFIERS:
            return False
        text = event.text()
        return (bool(text) and text.isprintable()) or event.key() in (
            Qt.Key.Key_Insert, Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Left,
            Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End)


class CellDelegate(QStyledItemDelegate):
    """Edits a cell in a :class:`CellEdit`; draws a line between the models' columns."""

    def __init__(self, table: ScoreTable):
        super().__init__(table)
        self.table = table

    def createEditor(self, parent, option, index):
        editor = CellEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return editor

    def setEditorData(self, editor, index) -> None:
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor, model, index) -> None:
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def paint(self, painter: QPainter, option, index) -> None:
        super().paint(painter, option, index)
        if index.column() in self.table.group_starts():
            painter.save()
            pen = QPen(option.palette.color(QPalette.ColorRole.WindowText))
            pen.setWidth(1)
            painter.setPen(pen)
            painter.drawLine(option.rect.topLeft(), option.rect.bottomLeft())
            painter.restore()


class ScoreTable(QTableView):
    """The table itself: keys as the module docstring says, columns as wide as their
    contents (wider when there is room), as tall as its rows."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.header = GroupedHeader(self)
        self.setHorizontalHeader(self.header)
        self.setItemDelegate(CellDelegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.SelectedClicked)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setTabKeyNavigation(True)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self._natural_widths: list[int] = []  # at the inherited font
        self._fitted_widths: list[int] = []   # at the table's own
        self._fitting = False
        self._room_used = 0
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit_columns)
        self._group_starts: frozenset[int] = frozenset()
        self.header.geometriesChanged.connect(self._fit_height)

    def group_starts(self) -> frozenset[int]:
        return self._group_starts

    def set_groups(self, groups: list[tuple[str, int, int]]) -> None:
        self.header.set_groups(groups)
        self._group_starts = frozenset(first for _, first, _ in groups[1:])

    def finish_editing(self) -> None:
        """Keep what is being typed into a cell, and close its editor (before the table
        moves to another place: a moved table would drop it)."""
        if self.state() != QAbstractItemView.State.EditingState:
            return
        editor = self.indexWidget(self.currentIndex())
        if editor is not None:
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    # -- keys ------------------------------------------------------------------------------
    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self._keeps(event):
            event.accept()
            return True
        return super().event(event)

    @staticmethod
    def _keeps(event: QKeyEvent) -> bool:
        """The keys the table has a use for, before the window's shortcuts see them."""
        if event.modifiers() & ~_TEXT_MODIFIERS:
            return False
        if event.key() in MOVING_KEYS:
            return True
        text = event.text()
        return bool(text) and text in NUMBER_CHARACTERS

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        if not editing and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            current = self.currentIndex()
            if current.isValid() and current.flags() & Qt.ItemFlag.ItemIsEditable:
                self.edit(current)
                return
        text = event.text()
        if (not editing and text and text.isprintable() and text not in NUMBER_CHARACTERS
                and not event.modifiers() & ~_TEXT_MODIFIERS):
            event.ignore()  # a letter or a space starts no number (and R is the window's)
            return
        super().keyPressEvent(event)

    # -- size ------------------------------------------------------------------------------
    def natural_width(self) -> int:
        """How wide the table is with every column as wide as its contents."""
        return (sum(self._natural_widths) + self.verticalHeader().sizeHint().width()
                + 2 * self.frameWidth() + 2)

    def fit_columns(self) -> None:
        """Every column as wide as its widest text (its title may wrap at spaces and
        hyphens), the room that is left shared out among them, and the header as tall as
        its titles' lines. Where the columns do not fit at the font the table inherits
        (projector mode on a narrow screen), the table's font is made smaller, down to
        MIN_FONT_SCALE of it; beyond that, the table scrolls."""
        model = self.model()
        if model is None or self._fitting:
            return
        self._fitting = True
        try:
            inherited = QFont(self.parentWidget().font() if self.parentWidget() is not None
                              else self.font())
            self._natural_widths = self._text_widths(inherited)
            size = inherited.pointSizeF()
            smallest = min(size, max(MIN_POINT_SIZE, size * MIN_FONT_SCALE))
            while True:
                font = QFont(inherited)
                font.setPointSizeF(size)
                if size == inherited.pointSizeF():
                    if self.font().resolveMask():
                        self.setFont(QFont())  # the inherited font, whatever it becomes
                elif self.font().pointSizeF() != size:
                    self.setFont(font)
                widths = self._text_widths(font)
                scroll_bar = self.verticalScrollBar()
                room = (self.width() - 2 * self.frameWidth()
                        - self.verticalHeader().sizeHint().width()
                        - (scroll_bar.sizeHint().width() if scroll_bar.isVisible() else 0))
                if sum(widths) <= room or size <= smallest:
                    break
                size = max(smallest, size - 0.5)
            plain = QFontMetrics(font)
            room = self.viewport().width()
            self._room_used = room
            extra = max(0, room - sum(widths))
            count = max(1, len(widths))
            lines = 1
            for column, width in enumerate(widths):
                share = extra // count + (1 if column < extra % count else 0)
                self.header.resizeSection(column, width + share)
                title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
                lines = max(lines, _wrapped_lines(plain, title, width + share
                                                  - 2 * HEADER_PADDING))
            self.header.set_text_lines(lines)
            self._fitted_widths = widths
        finally:
            self._fitting = False
        self._fit_height()
        # no vertical scroll bar while every row is shown (Qt left one for the pixels a
        # header that got shorter had taken); one when the page squeezes the table
        squeezed = self.height() < self.content_height()
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded if squeezed
                                        else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.updateGeometries()
        if self.viewport().width() != self._room_used:
            self.fit_soon()  # a scroll bar came or went: the room is not what was shared
        self.fitted()

    def fitted(self) -> None:
        """Called after the columns were fitted (the view keeps its width by them)."""

    def _text_widths(self, font: QFont) -> list[int]:
        """Each column's width for its widest text in ``font`` (bold where the cell is)."""
        model = self.model()
        plain, bold = QFontMetrics(font), QFontMetrics(_bold(QFont(font)))
        padding = plain.horizontalAdvance("0") // 2 + 8
        widths = []
        for column in range(model.columnCount()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            widest = max((plain.horizontalAdvance(word) for word in header_words(title)),
                         default=0)
            for row in range(model.rowCount()):
                index = model.index(row, column)
                cell_font = index.data(Qt.ItemDataRole.FontRole)
                metrics = bold if cell_font is not None and cell_font.bold() else plain
                widest = max(widest, metrics.horizontalAdvance(str(index.data() or "")))
            widths.append(widest + padding)
        return widths

    def content_height(self) -> int:
        """The header, every row and the frame (and a scroll bar, if the columns do not
        fit); a pixel more, or the view scrolls by its last grid line."""
        rows = sum(self.rowHeight(row) for row in range(self.model().rowCount())) \
            if self.model() is not None else 0
        height = self.header.sizeHint().height() + rows + 2 * self.frameWidth() + 2
        if sum(self._fitted_widths) > self.viewport().width() + 1:
            height += self.horizontalScrollBar().sizeHint().height()
        return height

    def _fit_height(self) -> None:
        height = self.content_height()
        if self.maximumHeight() != height:
            self.setMaximumHeight(height)
            self.updateGeometry()

    def sizeHint(self):
        hint = super().sizeHint()
        hint.setWidth(self.natural_width())
        hint.setHeight(self.content_height())
        return hint

    def minimumSizeHint(self):
        hint = super().minimumSizeHint()
        rows = self.model().rowCount() if self.model() is not None else 1
        hint.setHeight(min(self.content_height(), self.header.sizeHint().height()
                           + self.verticalHeader().defaultSectionSize() * min(rows, 3)
                           + 2 * self.frameWidth()))
        return hint

    def fit_soon(self) -> None:
        """Fit the columns once the event being handled is over: not from inside a resize
        or a font change, whose layouts a change of sections and fonts would re-enter."""
        self._fit_timer.start()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_soon()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.verticalHeader().setDefaultSectionSize(
                self.fontMetrics().height() + 2 * HEADER_PADDING + 2)
            self.fit_soon()


def _wrapped_lines(metrics: QFontMetrics, text: str, width: int) -> int:
    if not text:
        return 1
    rect = metrics.boundingRect(QRect(0, 0, max(1, width), 10_000),
                                int(Qt.TextFlag.TextWordWrap), text)
    return max(1, round(rect.height() / metrics.lineSpacing()))


# -- the view ------------------------------------------------------------------------------

class LossTableView(QWidget):
    """The table, what is wrong with it (a row of ŷ that does not sum to 1) and, for the
    notes' example, where note 002 prints other numbers than it computes."""

    slug = "table"

    entry_edited = Signal(int, int, int, float)
    target_edited = Signal(int, int)
    refused = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.theme: Theme = NORMAL
        self._beside = False
        self.items = LossItems(self)
        self.table = ScoreTable()
        self.table.setModel(self.items)
        self.table.setObjectName("loss_table")
        self.table.fitted = self._keep_width
        self.items.entry_edited.connect(self.entry_edited)
        self.items.target_edited.connect(self.target_edited)
        self.items.refused.connect(self.refused)
        self.items.modelReset.connect(self._on_reset)

        self.notice = QLabel()
        self.notice.setObjectName("sum_notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.notice.hide()
        self.slips = QLabel()
        self.slips.setObjectName("slips_note")
        self.slips.setWordWrap(True)
        self.slips.hide()
        for label in (self.notice, self.slips):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(6)
        layout.addWidget(self.table)
        layout.addWidget(self.notice)
        layout.addWidget(self.slips)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)

    @property
    def title(self) -> str:
        return self.tr("Loss table")

    def set_place(self, fills: bool, beside: bool) -> None:
        """``fills``: fill the place the page gives, the table at its top, or be no taller
        than the table and its notes. ``beside``: the plot is beside it."""
        self._beside = beside
        vertical = QSizePolicy.Policy.Preferred if fills else QSizePolicy.Policy.Maximum
        self.setSizePolicy(QSizePolicy.Policy.Expanding, vertical)
        self._keep_width()

    def _keep_width(self) -> None:
        """Beside the plot, never narrower than its columns (the plot gives way); alone in
        its row, as narrow as the page is (it scrolls, or its font shrinks)."""
        self.setMinimumWidth(self.natural_width() if self._beside else 0)

    def export_widget(self) -> QWidget:
        return self

    def natural_width(self) -> int:
        margins = self.layout().contentsMargins()
        return self.table.natural_width() + margins.left() + margins.right()

    def column_of(self, kind: str, model: int | None = None, cls: int | None = None) -> int:
        return self.items.column_of(kind, model, cls)

    def current_sample(self) -> int | None:
        """The sample of the table's current cell (None: none, or the means)."""
        index = self.table.currentIndex()
        if not index.isValid() or self.items.is_mean_row(index.row()):
            return None
        return index.row()

    def go_to(self, sample: int, column: int | None = None) -> None:
        """Make a cell of ``sample`` current (default: the first ŷ of model 1)."""
        column = self.column_of(ENTRY, 0, 0) if column is None else column
        self.table.setCurrentIndex(self.items.index(sample, column))

    def update_frame(self, frame: LossFrame) -> None:
        self.items.set_frame(frame)
        self.table.set_groups(self.items.groups())
        self.table.header.set_bars(self._bars())
        rows = frame.unnormalised_rows()
        if rows:
            places = ", ".join(fill(translate("LossTable", "model %1, sample %2"), m + 1, i + 1)
                               for m, i in rows)
            self.notice.setText(fill(self.tr(
                "ŷ does not sum to 1 in the marked rows (%1): change a value, or type logits "
                "(Type logits z in the panel) and softmax makes every row sum to 1. The losses "
                "take the numbers as they are."), places))
        self.notice.setVisible(bool(rows))
        if frame.example:
            self.slips.setText(self.tr(
                "Note 002 prints 1.74 for model 2's third squared error: it is 0.74, as the "
                "note's own mean (0.34) has it. It cuts the cross-entropies off after two "
                "decimals (0.91, 1.37, 0.63) where the table rounds (0.916, 1.378, 0.639)."))
        self.slips.setVisible(frame.example and frame.log_base == "e")
        self.table.fit_columns()
        self._keep_width()
        self.updateGeometry()

    def _on_reset(self) -> None:
        self.table.set_groups(self.items.groups())

    def _bars(self) -> dict[int, QColor]:
        return {i: self.theme.run_color(MEASURE_RUNS[column.kind])
                for i, column in enumerate(self.items.columns) if column.kind in MEASURE_RUNS}

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.table.header.set_bars(self._bars())
        self.table.fit_columns()
        self.updateGeometry()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            # the table may have a font of its own (smaller, to fit): it is fitted again to
            # the new font it would inherit
            self.table.fit_soon()
