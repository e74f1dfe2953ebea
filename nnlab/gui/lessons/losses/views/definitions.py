"""The measures' definitions as the lecture notes give them, typeset: the classification
error, the mean squared error as note 002 computes it, the cross-entropy (ln as in note 002,
or log₂ as note 001 writes it), the binary cross-entropy of one sigmoid output (note 002's
formula (1)) with two worked values, and the softmax that makes probabilities of logits.

The formulas hold maths only; what they are called and what their letters mean are Qt
labels, which the interface translates.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QFrame, QGridLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget,
)

from nnlab.core.loss_table import binary_cross_entropy
from nnlab.gui.lessons.losses.model import LossFrame
from nnlab.gui.theme import NORMAL, Theme
from nnlab.gui.text import fill
from nnlab.gui.widgets.formula import Formula

#: a name of its own, so that pyside6-lupdate finds the texts it translates
translate = QCoreApplication.translate

FORMULA_SCALE = 1.25
#: The worked values of formula (1): one sigmoid output p for each label y.
WORKED_P = 0.7


def _log(base: str) -> str:
    """The logarithm, followed by a space: ``\\ln p``, never ``\\lnp``."""
    return r"\ln " if base == "e" else r"\log_{2} "


def classification_error_latex() -> str:
    return (r"\frac{1}{N}\sum_{i=1}^{N}e_i,\qquad e_i=\begin{cases}0 & \hat{c}_i=c_i\\"
            r"1 & \hat{c}_i\neq c_i\end{cases}")


def mean_squared_error_latex() -> str:
    return (r"\mathrm{MSE}=\frac{1}{N}\sum_{i=1}^{N}\sum_{c=1}^{M}"
            r"\left(y_{ic}-\hat{y}_{ic}\right)^{2}")


def cross_entropy_latex(base: str) -> str:
    return (rf"L=-\frac{{1}}{{N}}\sum_{{i=1}}^{{N}}\sum_{{c=1}}^{{M}}y_{{ic}}\,{_log(base)}"
            r"\hat{y}_{ic}")


def binary_cross_entropy_latex(base: str) -> str:
    log = _log(base)
    return (rf"L=-\frac{{1}}{{N}}\sum_{{i=1}}^{{N}}\left[y_i\,{log}p_i+(1-y_i)\,{log}"
            r"(1-p_i)\right]")


def worked_latex(base: str, label: int) -> str:
    """Formula (1) for one sample of label ``label`` (1 or 0) at p = WORKED_P, with the
    core's value: y = 1 leaves −log p, y = 0 leaves −log(1 − p)."""
    log = _log(base)
    value = binary_cross_entropy(WORKED_P, label, base)
    p = f"{WORKED_P:g}"
    if label == 1:
        return rf"y=1:\quad L=-{log}\,{p}={value:.3f}"
    return rf"y=0:\quad L=-{log}(1-{p})={value:.3f}"


def softmax_latex() -> str:
    return r"\hat{y}_{ic}=\frac{e^{z_{ic}}}{\sum_{k=1}^{M}e^{z_{ik}}}"


class DefinitionBlock(QFrame):
    """A measure's name, its formula (or formulas) and a line on what it does."""

    def __init__(self, formulas: list[Formula], parent=None):
        super().__init__(parent)
        self.name = QLabel()
        self.name.setObjectName("definition_name")
        self.formulas = formulas
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        layout.addWidget(self.name)
        for formula in formulas:
            layout.addWidget(formula)
        layout.addWidget(self.note)

    def set_texts(self, name: str, note: str) -> None:
        self.name.setText(name)
        self.note.setText(note)

    def formula_width(self) -> int:
        return max(formula.sizeHint().width() for formula in self.formulas) + 12


class DefinitionsContent(QWidget):
    """The blocks in a grid as many columns wide as the width allows."""

    def __init__(self, blocks: list[DefinitionBlock], parent=None):
        super().__init__(parent)
        self.blocks = blocks
        self.symbols = QLabel()
        self.symbols.setWordWrap(True)
        self.symbols.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.symbols)
        layout.addLayout(self.grid)
        layout.addStretch(1)
        self._columns = 0
        self.reflow()

    def columns_for(self, width: int) -> int:
        widest = max(block.formula_width() for block in self.blocks)
        return max(1, min(len(self.blocks), (width - 12) // max(1, widest)))

    def reflow(self) -> None:
        self.reflow_for(self.columns_for(self.width()))

    def reflow_for(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for block in self.blocks:
            self.grid.removeWidget(block)
        for index, block in enumerate(self.blocks):
            self.grid.addWidget(block, index // columns, index % columns,
                                Qt.AlignmentFlag.AlignTop)
        for column in range(len(self.blocks)):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        self.reflowed()

    def reflowed(self) -> None:
        """Called after the blocks moved (the view measures itself again)."""

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.reflow()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._columns = 0
            self.reflow()


class DefinitionsView(QWidget):
    """The definitions (see the module docstring), scrolling where the page is short."""

    slug = "definitions"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.theme: Theme = NORMAL
        self.formulas = {
            "classification_error": Formula(classification_error_latex(), FORMULA_SCALE),
            "mean_squared_error": Formula(mean_squared_error_latex(), FORMULA_SCALE),
            "cross_entropy": Formula(cross_entropy_latex("e"), FORMULA_SCALE),
            "binary_cross_entropy": Formula(binary_cross_entropy_latex("e"), FORMULA_SCALE),
            "worked_1": Formula(worked_latex("e", 1), FORMULA_SCALE * 0.9),
            "worked_0": Formula(worked_latex("e", 0), FORMULA_SCALE * 0.9),
            "softmax": Formula(softmax_latex(), FORMULA_SCALE),
        }
        f = self.formulas
        self.blocks = {
            "classification_error": DefinitionBlock([f["classification_error"]]),
            "mean_squared_error": DefinitionBlock([f["mean_squared_error"]]),
            "cross_entropy": DefinitionBlock([f["cross_entropy"]]),
            "binary_cross_entropy": DefinitionBlock([f["binary_cross_entropy"], f["worked_1"],
                                                     f["worked_0"]]),
            "softmax": DefinitionBlock([f["softmax"]]),
        }
        self.content = DefinitionsContent(list(self.blocks.values()))
        self.content.reflowed = self.updateGeometry
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.content)
        # white as the plots, on screen and in a figure: the viewport paints it, the
        # definitions themselves leave their background to it
        self.content.setAutoFillBackground(False)
        self.scroll.viewport().setBackgroundRole(QPalette.ColorRole.Base)
        self.scroll.viewport().setAutoFillBackground(True)
        self._fills = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)
        self._base = "e"
        self._set_texts()

    @property
    def title(self) -> str:
        return self.tr("Definitions")

    def set_fills(self, fills: bool) -> None:
        """Fill the place the page gives (True), or be no taller than the definitions."""
        self._fills = fills
        vertical = QSizePolicy.Policy.Preferred if fills else QSizePolicy.Policy.Maximum
        self.setSizePolicy(QSizePolicy.Policy.Preferred, vertical)
        self.updateGeometry()

    def minimumSizeHint(self):
        """Under the table and the plot, never squeezed (the plot gives way); beside the
        plot or alone, as small as a scroll area."""
        if self._fills:
            return super().minimumSizeHint()
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())

    def sizeHint(self):
        hint = self.content.sizeHint()
        width = self.width() if self.width() > 0 else hint.width()
        height = self.content.heightForWidth(width)
        return QSize(hint.width(), height if height > 0 else hint.height())

    def export_widget(self) -> QWidget:
        # the view, not its contents: the scroll area lays them out at the size a figure
        # asks for (and its scroll bars stay out of the figure)
        return self

    def _set_texts(self) -> None:
        base = self._base
        self.content.symbols.setText(self.tr(
            "N samples i, M classes c; y: the one-hot target, c its true class; ŷ: the "
            "model's probabilities, ĉ the class of the largest; p: ŷ of the true class."))
        b = self.blocks
        b["classification_error"].set_texts(
            self.tr("Classification error"),
            self.tr("Wrong samples over all samples: how wrong a wrong sample is does not "
                    "count."))
        b["mean_squared_error"].set_texts(
            self.tr("Mean squared error"),
            self.tr("Each sample's squares summed over the classes, then averaged over the "
                    "samples (note 002)."))
        if base == "e":
            note = self.tr("Natural log, as note 002 (2). Only the true class's term is left: "
                           "−ln p.")
        else:
            note = self.tr("log₂, as note 001 writes it (H = −y log₂ ŷ): every value is the "
                           "natural one divided by ln 2 ≈ 0.693.")
        b["cross_entropy"].set_texts(self.tr("Cross-entropy"), note)
        b["binary_cross_entropy"].set_texts(
            self.tr("Binary cross-entropy, note 002 (1)"),
            fill(self.tr("One sigmoid output p, the probability of the positive class "
                         "(y = 1); above, one sample at p = %1."), f"{WORKED_P:g}"))
        b["softmax"].set_texts(
            self.tr("Softmax"),
            self.tr("Makes probabilities of a sample's logits z: each between 0 and 1, "
                    "together 1."))

    def update_frame(self, frame: LossFrame) -> None:
        if frame.log_base != self._base:
            self._base = frame.log_base
            self.formulas["cross_entropy"].set_latex(cross_entropy_latex(self._base))
            self.formulas["binary_cross_entropy"].set_latex(
                binary_cross_entropy_latex(self._base))
            self.formulas["worked_1"].set_latex(worked_latex(self._base, 1))
            self.formulas["worked_0"].set_latex(worked_latex(self._base, 0))
            self._set_texts()
            self.content._columns = 0
            self.content.reflow()

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        for formula in self.formulas.values():
            formula.apply_theme(theme)
        bold = QFont()  # only the weight set: the size follows the theme's font
        bold.setBold(True)
        for block in self.blocks.values():
            block.name.setFont(bold)
        self.content._columns = 0
        self.content.reflow()
