"""The page of the lesson "Loss functions compared": the loss table, the loss of one sample
against p with the table's samples on it, and the measures' definitions.

Nothing trains. The page keeps the lesson's :class:`~.model.LossTable` (its ``session``),
changes it when the table, the panel or an action asks, and hands every view a new
:class:`~.model.LossFrame`. Reset (R) brings note 002's example back.

Layout: on one page in normal mode, the table beside the plot when the window is wide
enough for both (the definitions under them), else the table over the definitions and the
plot. In projector mode, with large fonts, the definitions have a page of their own, and the
table and the plot share one (side by side, or the plot under the table) or, on a small
screen, have a page each.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence

from nnlab.gui.lessons.losses.model import MAX_SAMPLES, LossFrame, LossTable
from nnlab.gui.lessons.losses.panel import LossesPanel
from nnlab.gui.lessons.losses.views.curves import LossCurvesView
from nnlab.gui.lessons.losses.views.definitions import DefinitionsView
from nnlab.gui.lessons.losses.views.table import LossTableView, score_text
from nnlab.gui.page.dashboard import Dashboard, Page
from nnlab.gui.page.explainer_page import ExplainerPage
from nnlab.gui.text import fill

#: a name of its own, so that pyside6-lupdate finds the texts it translates
translate = QCoreApplication.translate

#: The plot beside the table needs about this many lines of text in width, and under it
#: about this many in height.
PLOT_WIDTH_IN_LINES = 26
PLOT_HEIGHT_IN_LINES = 16

#: How the table and the plot share the page (see LossesPage._arrangement_for_size).
BESIDE, STACKED, APART = "beside", "stacked", "apart"


class LossesPage(ExplainerPage):
    """The lesson's page (see the module docstring)."""

    def __init__(self, actions, session: LossTable | None = None, parent=None):
        super().__init__(session if session is not None else LossTable(), actions, parent)
        self.panel_title = self.tr("Loss table")
        self.views = {
            "table": LossTableView(),
            "loss_curves": LossCurvesView(),
            "definitions": DefinitionsView(),
        }
        table = self.views["table"]
        table.entry_edited.connect(self._on_entry_edited)
        table.target_edited.connect(self._on_target_edited)
        table.refused.connect(lambda text: self.status_message.emit(text, 6000))

        self.add_action = QAction(self.tr("Add a sample"), self)
        self.add_action.setShortcut(QKeySequence(Qt.Key.Key_Insert))
        self.add_action.triggered.connect(lambda *_: self.add_sample())
        self.remove_action = QAction(self.tr("Remove the sample"), self)
        self.remove_action.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        self.remove_action.triggered.connect(lambda *_: self.remove_sample())
        self.log2_action = QAction(self.tr("Cross-entropy in log₂ (note 001)"), self)
        self.log2_action.setCheckable(True)
        self.log2_action.triggered.connect(
            lambda checked: self.set_log_base("2" if checked else "e"))
        self.logits_action = QAction(self.tr("Type logits z"), self)
        self.logits_action.setCheckable(True)
        self.logits_action.triggered.connect(lambda checked: self.set_logits(bool(checked)))

        self.panel = LossesPanel(self.add_action, self.remove_action, actions.reset)
        self.panel.log_base_chosen.connect(self.set_log_base)
        self.panel.logits_toggled.connect(self.set_logits)
        self._arrangement = STACKED
        self._layout_timer = QTimer(self)
        self._layout_timer.setSingleShot(True)
        self._layout_timer.setInterval(0)
        self._layout_timer.timeout.connect(self._check_layout)
        self.dashboard = Dashboard(self.views, self._pages)
        self._set_up()
        self._show_state()

    # -- layout ----------------------------------------------------------------------------
    def _pages(self, projector: bool) -> list[Page]:
        v = self.views
        arrangement = self._arrangement
        table, definitions = v["table"], v["definitions"]
        # a view alone in a row of a page with other rows is as tall as it needs, and the
        # plot takes the rest; beside the plot (or on a page alone) it fills its place,
        # its contents at the top
        table.set_place(fills=arrangement == BESIDE or (projector and arrangement == APART),
                        beside=arrangement == BESIDE)
        definitions.set_fills(projector or arrangement != BESIDE)
        if projector:
            if arrangement == BESIDE:
                pages = [(translate("Dashboard", "Table and curves"),
                          [[table, v["loss_curves"]]])]
            elif arrangement == STACKED:
                pages = [(translate("Dashboard", "Table and curves"),
                          [[table], [v["loss_curves"]]])]
            else:
                pages = [(translate("Dashboard", "Table"), [[table]]),
                         (translate("Dashboard", "Curves"), [[v["loss_curves"]]])]
            return pages + [(translate("Dashboard", "Definitions"), [[definitions]])]
        rows = ([[table, v["loss_curves"]], [definitions]] if arrangement == BESIDE
                else [[table], [definitions, v["loss_curves"]]])
        return [(translate("Dashboard", "Lesson"), rows)]

    def _arrangement_for_size(self) -> str:
        """Beside when the table and the plot fit side by side; stacked when the plot has
        room under the table; apart (each on a page of its own, projector mode) when not."""
        line = self.fontMetrics().height()
        table = self.views["table"]
        if self.width() >= table.natural_width() + PLOT_WIDTH_IN_LINES * line:
            return BESIDE
        if not self.projector_mode:
            return STACKED  # one page: the plot beside the definitions, under the table
        tabs = self.dashboard.tabBar().sizeHint().height()
        if self.height() - tabs >= table.sizeHint().height() + PLOT_HEIGHT_IN_LINES * line:
            return STACKED
        return APART

    def _check_layout(self) -> None:
        if getattr(self, "dashboard", None) is None:
            return  # still being made: _set_up lays it out
        arrangement = self._arrangement_for_size()
        if arrangement != self._arrangement:
            self._arrangement = arrangement
            table = self.views["table"].table
            focused = table.hasFocus() or table.state() == table.State.EditingState
            table.finish_editing()
            self.dashboard.arrange()
            if focused:  # moved to another page of the dashboard: the keys stay with it
                self.views["table"].table.setFocus(Qt.FocusReason.OtherFocusReason)

    # laid out again once the resize or the change of font is over: moving the views
    # between the dashboard's pages from inside it would re-enter the layouts
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._layout_timer.start()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "_layout_timer"):
            self._layout_timer.start()

    # -- what the lesson says --------------------------------------------------------------
    def current_frame(self) -> LossFrame:
        return self.session.frame()

    def status_text(self, frame: LossFrame) -> str:
        one, two = frame.scores
        if self.projector_mode:  # large letters: the point of the lesson only
            return fill(self.tr("Cross-entropy: model 1 %1, model 2 %2"),
                        score_text(one.cross_entropy), score_text(two.cross_entropy))
        return fill(self.tr("Model 1 vs 2: classification error %1 vs %2 · mean squared "
                            "error %3 vs %4 · cross-entropy %5 vs %6"),
                    score_text(one.classification_error), score_text(two.classification_error),
                    score_text(one.mean_squared_error), score_text(two.mean_squared_error),
                    score_text(one.cross_entropy), score_text(two.cross_entropy))

    def caption_text(self, frame: LossFrame) -> str:
        parts = [translate("export", "Note 002's example") if frame.example
                 else fill(translate("export", "samples: %1"), frame.sample_count),
                 translate("export", "cross-entropy in ln") if frame.log_base == "e"
                 else translate("export", "cross-entropy in log₂")]
        if frame.logits:
            parts.append(translate("export", "outputs typed as logits"))
        return " · ".join(parts)

    def menu_items(self) -> dict[str, list]:
        return {"run": [self.add_action, self.remove_action, self.log2_action,
                        self.logits_action]}

    def numbers(self) -> dict:
        """The table as the page shows it, unrounded: each model's samples (outputs, target,
        whether right, each measure) and its means; the cross-entropy's log base."""
        frame = self.current_frame()
        models = []
        for m, score in enumerate(frame.scores):
            samples = []
            for i, sample in enumerate(score.samples):
                entry = {"y_hat": list(sample.y_hat), "y": list(sample.y),
                         "correct": sample.correct,
                         "classification_error": sample.classification_error,
                         "squared_error": sample.squared_error,
                         "cross_entropy": _json_number(sample.cross_entropy)}
                if frame.logits:
                    entry["logits"] = [_json_number(z) for z in frame.entries[m][i]]
                samples.append(entry)
            models.append({"samples": samples,
                           "classification_error": score.classification_error,
                           "mean_squared_error": score.mean_squared_error,
                           "cross_entropy": _json_number(score.cross_entropy)})
        return {"models": models, "log_base": frame.log_base}

    # -- changes ---------------------------------------------------------------------------
    def model_changed(self) -> None:
        self._show_state()
        self.redraw()
        # the table may have become wider or taller: laid out again once the edit that
        # changed it (a cell's editor committing its value) is over
        self._layout_timer.start()

    def _show_state(self) -> None:
        frame = self.session.frame()
        can_add = self.session.sample_count < MAX_SAMPLES
        can_remove = self.session.sample_count > 1
        self.add_action.setEnabled(can_add)
        self.remove_action.setEnabled(can_remove)
        self.log2_action.setChecked(frame.log_base == "2")
        self.logits_action.setChecked(frame.logits)
        self.panel.show_frame(frame, can_add, can_remove)

    def _on_entry_edited(self, model: int, sample: int, cls: int, value: float) -> None:
        try:
            self.session.set_entry(model, sample, cls, value)
        except ValueError as error:  # the table checks first; this is the model's word
            self.status_message.emit(str(error), 6000)
        self.model_changed()

    def _on_target_edited(self, sample: int, cls: int) -> None:
        self.session.set_target(sample, cls)
        self.model_changed()

    def add_sample(self) -> None:
        """A sample after the table's current one (or at the end), its first ŷ current."""
        if self.session.sample_count >= MAX_SAMPLES:
            return
        index = self.session.add_sample(self.views["table"].current_sample())
        self.model_changed()
        self._focus_table(index)

    def remove_sample(self) -> None:
        """The table's current sample (or the last) gone."""
        if self.session.sample_count <= 1:
            return
        table = self.views["table"]
        current = table.current_sample()
        index = self.session.sample_count - 1 if current is None else current
        self.session.remove_sample(index)
        self.model_changed()
        self._focus_table(min(index, self.session.sample_count - 1))

    def _focus_table(self, sample: int) -> None:
        table = self.views["table"]
        table.go_to(sample)
        if self.isVisible():
            table.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_log_base(self, base: str) -> None:
        self.session.set_log_base(base)
        self.model_changed()

    def set_logits(self, on: bool) -> None:
        self.session.set_logits(on)
        self.model_changed()


def _json_number(value: float):
    """A number for JSON: ∞ (a true class given probability 0) as the string "inf"."""
    if value == float("inf"):
        return "inf"
    if value == float("-inf"):
        return "-inf"
    return value
