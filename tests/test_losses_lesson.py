"""The lesson "Loss functions compared" as a student and a lecturer use it: note 002's
example in the table, its means and per-sample losses read as the table shows them, log₂,
cells edited with the keyboard, samples added and removed, a row that does not sum to 1,
logits, the window's keys while the table has the focus, projector mode, a change of
language, and ``nnlab export --lesson losses``."""

from __future__ import annotations

import json
import math
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractItemView, QApplication

from nnlab.cli import main
from nnlab.gui.lessons.losses.views.table import (
    COMPUTED, CROSS_ENTROPY, ENTRY, ERROR, SQUARED, TARGET, CellEdit,
)
from nnlab.gui.shell.course_window import CourseWindow

from qt_helpers import menu, shown_window

LN2 = math.log(2.0)


@pytest.fixture
def window(qtbot):
    window = shown_window(qtbot, CourseWindow("losses", projector=False))
    yield window
    window.close()


def table_view(window):
    return window.page.views["table"]


def shown(window, row: int, kind: str, model: int | None = None, cls: int | None = None) -> str:
    """The text of a cell as the table shows it."""
    view = table_view(window)
    return view.items.index(row, view.column_of(kind, model, cls)).data()


def mean_row(window) -> int:
    return window.page.session.sample_count


def means(window, kind: str) -> tuple[str, str]:
    return tuple(shown(window, mean_row(window), kind, m) for m in range(2))


def type_into(qtbot, window, sample: int, kind: str, model: int | None, cls: int | None,
              text: str, key=Qt.Key.Key_Return) -> None:
    """Go to a cell and type ``text`` as a user does: the first key into the focused table
    opens the cell's editor, the rest go into the editor, Enter keeps the value (``key``:
    Escape drops it)."""
    view = table_view(window)
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    view.go_to(sample, view.column_of(kind, model, cls))
    qtbot.keyClick(view.table, text[0])
    editor = QApplication.focusWidget()
    assert isinstance(editor, CellEdit)
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, key)
    # the delegate keeps or drops the value from the event loop, and closes the editor
    qtbot.waitUntil(lambda: view.table.state() != QAbstractItemView.State.EditingState)


# --- the notes' example -----------------------------------------------------------------------


def test_the_lesson_is_first_and_opens_on_the_notes_example(window):
    assert window.lesson.name == "losses"
    assert window.lesson_list.currentRow() == 0
    assert "Loss functions compared" in window.windowTitle()
    assert window.page.session.is_example()
    assert [shown(window, i, TARGET) for i in range(3)] == ["0 0 1", "0 1 0", "1 0 0"]
    assert [shown(window, 2, ENTRY, 1, c) for c in range(3)] == ["0.3", "0.4", "0.3"]


def test_the_means_are_the_computed_ones(window):
    assert means(window, ERROR) == ("0.333", "0.333")
    assert means(window, SQUARED) == ("0.807", "0.340")
    assert means(window, CROSS_ENTROPY) == ("1.378", "0.639")
    status = window.statusBar().currentMessage()
    assert "0.807 vs 0.340" in status and "1.378 vs 0.639" in status


def test_the_per_sample_losses_and_the_notes_slip(window):
    squared = [[shown(window, i, SQUARED, m) for i in range(3)] for m in range(2)]
    assert squared == [["0.540", "0.540", "1.340"], ["0.140", "0.140", "0.740"]]
    entropy = [[shown(window, i, CROSS_ENTROPY, m) for i in range(3)] for m in range(2)]
    assert entropy == [["0.916", "0.916", "2.303"], ["0.357", "0.357", "1.204"]]
    assert [shown(window, i, ERROR, 0) for i in range(3)] == ["0 ✓", "0 ✓", "1 ✗"]
    slips = table_view(window).slips
    assert slips.isVisible() and "1.74" in slips.text() and "0.74" in slips.text()
    assert "0.639" in slips.text()


def test_a_tooltip_works_the_squared_error_out(window):
    view = table_view(window)
    index = view.items.index(2, view.column_of(SQUARED, 1))
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "(0.3 − 1)² + (0.4 − 0)² + (0.3 − 0)² = 0.740"


def test_the_definitions_are_typeset(window):
    definitions = window.page.views["definitions"]
    assert r"\sum_{c=1}^{M}\left(y_{ic}-\hat{y}_{ic}\right)^{2}" in \
        definitions.formulas["mean_squared_error"].latex
    assert r"\ln" in definitions.formulas["cross_entropy"].latex
    # formula (1) worked for one sample at p = 0.7, with the computed values
    assert "0.357" in definitions.formulas["worked_1"].latex
    assert "1.204" in definitions.formulas["worked_0"].latex
    for formula in definitions.formulas.values():
        assert formula.sizeHint().width() > 40


# --- log base ---------------------------------------------------------------------------------


def test_log2_divides_the_cross_entropy_by_ln_2(qtbot, window):
    panel = window.page.panel
    qtbot.mouseClick(panel.binary, Qt.MouseButton.LeftButton)
    assert window.page.session.log_base == "2"
    # by hand: (−ln 0.4 − ln 0.4 − ln 0.1)/3 and (−ln 0.7 − ln 0.7 − ln 0.3)/3, over ln 2
    first = (-2 * math.log(0.4) - math.log(0.1)) / 3 / LN2
    second = (-2 * math.log(0.7) - math.log(0.3)) / 3 / LN2
    assert means(window, CROSS_ENTROPY) == (f"{first:.3f}", f"{second:.3f}")
    assert means(window, CROSS_ENTROPY) == ("1.989", "0.922")
    assert shown(window, 0, CROSS_ENTROPY, 0) == f"{-math.log2(0.4):.3f}"
    assert means(window, SQUARED) == ("0.807", "0.340")  # no logarithm in it
    assert r"\log_{2}" in window.page.views["definitions"].formulas["cross_entropy"].latex
    assert window.page.log2_action.isChecked()
    # and back, from the Run menu
    window.page.log2_action.trigger()
    assert means(window, CROSS_ENTROPY) == ("1.378", "0.639")
    assert panel.natural.isChecked()


# --- editing with the keyboard ----------------------------------------------------------------


def test_typing_into_cells_updates_the_means(qtbot, window):
    type_into(qtbot, window, 2, ENTRY, 1, 0, "0.6")
    type_into(qtbot, window, 2, ENTRY, 1, 1, "0.1")
    assert window.page.session.entries[1][2] == [0.6, 0.1, 0.3]
    assert [shown(window, 2, ENTRY, 1, c) for c in range(3)] == ["0.6", "0.1", "0.3"]
    # (0.6 − 1)² + 0.1² + 0.3² = 0.26; −ln 0.6 = 0.511; the third sample is right now
    assert shown(window, 2, SQUARED, 1) == "0.260"
    assert shown(window, 2, ERROR, 1) == "0 ✓"
    assert means(window, SQUARED) == ("0.807", f"{(0.14 + 0.14 + 0.26) / 3:.3f}")
    assert means(window, CROSS_ENTROPY)[1] == \
        f"{(-2 * math.log(0.7) - math.log(0.6)) / 3:.3f}"
    assert means(window, ERROR) == ("0.333", "0.000")
    assert not table_view(window).slips.isVisible()  # no longer the notes' example
    # the current cell stays where it was, the table keeps the keyboard
    view = table_view(window)
    assert view.table.currentIndex().column() == view.column_of(ENTRY, 1, 1)
    assert view.table.hasFocus()


def test_the_true_class_is_typed_as_its_number(qtbot, window):
    type_into(qtbot, window, 0, TARGET, None, None, "1")
    assert shown(window, 0, TARGET) == "1 0 0"
    assert shown(window, 0, ERROR, 0) == "1 ✗"  # model 1 gave class 1 only 0.3
    assert shown(window, 0, CROSS_ENTROPY, 0) == f"{-math.log(0.3):.3f}"


def test_escape_drops_what_was_typed(qtbot, window):
    type_into(qtbot, window, 0, ENTRY, 0, 0, "0.9", key=Qt.Key.Key_Escape)
    assert window.page.session.is_example()


def test_a_value_that_is_no_probability_is_refused_with_the_reason(qtbot, window):
    type_into(qtbot, window, 0, ENTRY, 0, 0, "1.5")
    assert window.page.session.is_example()
    assert "probability" in window.statusBar().currentMessage()
    type_into(qtbot, window, 0, ENTRY, 0, 0, "0..3")
    assert "not a number" in window.statusBar().currentMessage()
    assert window.page.session.is_example()


def test_enter_or_f2_opens_a_cell_and_enter_keeps_the_value(qtbot, window):
    view = table_view(window)
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    for key, before, value in ((Qt.Key.Key_Return, "0.3", "0.25"),
                               (Qt.Key.Key_F2, "0.25", "0.35")):
        view.go_to(1, view.column_of(ENTRY, 0, 0))
        qtbot.keyClick(view.table, key)
        editor = QApplication.focusWidget()
        assert isinstance(editor, CellEdit) and editor.text() == before
        editor.selectAll()
        qtbot.keyClicks(editor, value)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(
            lambda value=value: window.page.session.entries[0][1][0] == float(value))
        qtbot.waitUntil(lambda: view.table.state() != QAbstractItemView.State.EditingState)
    # the means row is no place to type into
    view.go_to(mean_row(window), view.column_of(SQUARED, 0))
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert view.table.state() != QAbstractItemView.State.EditingState


def test_the_arrows_home_and_end_move_in_the_table_not_the_window(qtbot, window):
    view = table_view(window)
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    view.go_to(0, 1)
    qtbot.keyClick(view.table, Qt.Key.Key_Right)
    assert view.table.currentIndex().column() == 2
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert view.table.currentIndex().row() == 1
    qtbot.keyClick(view.table, Qt.Key.Key_End)
    assert view.table.currentIndex().column() == view.items.columnCount() - 1
    qtbot.keyClick(view.table, Qt.Key.Key_Home)
    assert view.table.currentIndex().column() == 0


def test_r_in_the_table_resets_to_the_notes_example(qtbot, window):
    type_into(qtbot, window, 1, ENTRY, 0, 1, "0.5")
    assert not window.page.session.is_example()
    view = table_view(window)
    qtbot.keyClick(view.table, Qt.Key.Key_R)
    assert window.page.session.is_example()
    assert means(window, SQUARED) == ("0.807", "0.340")


def test_reset_from_the_run_menu_restores_everything(qtbot, window):
    window.page.set_logits(True)
    window.page.set_log_base("2")
    window.page.add_sample()
    window.reset_action.trigger()
    assert window.page.session.is_example() and window.page.session.log_base == "e"
    assert not window.page.panel.logits.isChecked()


# --- samples added and removed ----------------------------------------------------------------


def test_insert_adds_a_sample_after_the_current_one_and_delete_removes_it(qtbot, window):
    view = table_view(window)
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    view.go_to(0)
    qtbot.keyClick(view.table, Qt.Key.Key_Insert)
    assert window.page.session.sample_count == 4
    assert view.current_sample() == 1  # the new one, ready to be typed into
    assert [shown(window, 1, ENTRY, 0, c) for c in range(3)] == ["0.333"] * 3
    # unsure of all three classes: squared error 2/3 + ... = 0.667, cross-entropy ln 3
    assert shown(window, 1, SQUARED, 0) == "0.667"
    assert shown(window, 1, CROSS_ENTROPY, 1) == f"{math.log(3):.3f}"
    assert shown(window, 4, ERROR, 0) == "0.500"  # mean row: 2 wrong of 4 (a tie is wrong)
    assert means(window, SQUARED)[0] == f"{(0.54 + 2 / 3 + 0.54 + 1.34) / 4:.3f}"
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert window.page.session.sample_count == 3 and window.page.session.is_example()
    assert means(window, SQUARED) == ("0.807", "0.340")


def test_the_panels_buttons_and_the_run_menu_add_and_remove(qtbot, window):
    panel = window.page.panel
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert window.page.session.sample_count == 4
    texts = [a.text() for a in menu(window, "Run").actions() if a.isVisible()]
    assert "Add a sample" in texts and "Remove the sample" in texts
    window.page.remove_action.trigger()
    window.page.remove_action.trigger()
    window.page.remove_action.trigger()
    assert window.page.session.sample_count == 1
    assert not window.page.remove_action.isEnabled() and not panel.remove_button.isEnabled()
    assert window.page.views["table"].items.rowCount() == 2  # the sample and the means


def test_delete_does_nothing_in_another_lesson(qtbot, window):
    window.show_lesson("neuron")
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Delete)
    assert window.pages["losses"].session.sample_count == 3


# --- rows that do not sum to 1, and logits ----------------------------------------------------


def test_a_row_that_does_not_sum_to_one_is_marked(qtbot, window):
    type_into(qtbot, window, 0, ENTRY, 0, 0, "0.5")
    view = table_view(window)
    for c in range(3):
        index = view.items.index(0, view.column_of(ENTRY, 0, c))
        assert index.data(Qt.ItemDataRole.BackgroundRole) == QColor(255, 214, 214)
        assert "sums to 1.2, not 1" in index.data(Qt.ItemDataRole.ToolTipRole)
    untouched = view.items.index(1, view.column_of(ENTRY, 0, 0))
    assert untouched.data(Qt.ItemDataRole.BackgroundRole) is None
    assert view.notice.isVisible() and "model 1, sample 1" in view.notice.text()
    # its losses take the numbers as they are: (0.5)² + 0.3² + 0.6² = 0.70
    assert shown(window, 0, SQUARED, 0) == "0.700"


def test_logits_put_a_row_through_softmax(qtbot, window):
    type_into(qtbot, window, 0, ENTRY, 0, 0, "0.5")  # sums to 1.2
    qtbot.mouseClick(window.page.panel.logits, Qt.MouseButton.LeftButton)
    assert window.page.session.logits and window.page.logits_action.isChecked()
    view = table_view(window)
    assert not view.notice.isVisible()  # softmax: every row sums to 1
    header = view.items.headerData(view.column_of(ENTRY, 0, 0), Qt.Orientation.Horizontal)
    assert header == "z₁"
    # the marked row, divided by its sum: 0.5/1.2, 0.3/1.2, 0.4/1.2
    assert [shown(window, 0, COMPUTED, 0, c) for c in range(3)] == ["0.417", "0.250", "0.333"]
    # the other rows keep their ŷ: z = ln ŷ
    assert [shown(window, 2, ENTRY, 1, c) for c in range(3)] == ["−1.204", "−0.916", "−1.204"]
    assert means(window, CROSS_ENTROPY)[1] == "0.639"
    # logits typed: z = (2, 1, 0.1) for a sample of class 1
    type_into(qtbot, window, 2, ENTRY, 0, 0, "2")
    type_into(qtbot, window, 2, ENTRY, 0, 1, "1")
    type_into(qtbot, window, 2, ENTRY, 0, 2, "0.1")
    # e² : e¹ : e^0.1 = 7.389 : 2.718 : 1.105, over 11.212
    assert [shown(window, 2, COMPUTED, 0, c) for c in range(3)] == ["0.659", "0.242", "0.099"]
    assert shown(window, 2, ERROR, 0) == "0 ✓"
    assert shown(window, 2, CROSS_ENTROPY, 0) == f"{-math.log(7.389 / 11.212):.3f}"
    # negative logits are typed with a minus
    type_into(qtbot, window, 1, ENTRY, 0, 0, "-3")
    assert window.page.session.entries[0][1][0] == -3.0
    assert shown(window, 1, ENTRY, 0, 0) == "−3"
    # back to probabilities: each row keeps its ŷ
    window.page.logits_action.trigger()
    assert not window.page.session.logits
    assert [shown(window, 2, ENTRY, 0, c) for c in range(3)] == ["0.659", "0.242", "0.099"]


def test_a_true_class_given_nothing_costs_an_unbounded_cross_entropy(qtbot, window):
    type_into(qtbot, window, 0, ENTRY, 0, 2, "0")  # sample 1 is of class 3
    assert shown(window, 0, CROSS_ENTROPY, 0) == "∞"
    assert means(window, CROSS_ENTROPY)[0] == "∞"
    assert shown(window, 0, SQUARED, 0) == f"{0.09 + 0.09 + 1:.3f}"  # bounded: 1.180
    curves = window.page.views["loss_curves"]
    top = [p for p in curves.markers[("cross_entropy", 0)].points() if p.pos().x() == 0.0]
    # drawn at the top of the axis, as a triangle pointing further up
    assert len(top) == 1 and top[0].symbol() == "t1"
    assert top[0].pos().y() >= max(curves.plot_item.viewRange()[1]) - 0.2
    numbers = window.page.numbers()["models"][0]
    assert numbers["cross_entropy"] == "inf" and numbers["samples"][0]["cross_entropy"] == "inf"
    json.dumps(window.page.numbers(), allow_nan=False)  # strict JSON all the same


# --- the window around it ---------------------------------------------------------------------


def test_projector_mode_shows_the_lesson(qtbot, window):
    page = window.page
    window.projector_action.trigger()
    assert window.projector_mode and page.projector_mode
    titles = [page.dashboard.tabText(i) for i in range(page.dashboard.count())]
    assert titles[-1] == "Definitions" and len(titles) in (2, 3)
    assert means(window, CROSS_ENTROPY) == ("1.378", "0.639")
    assert window.statusBar().currentMessage() == "Cross-entropy: model 1 1.378, model 2 0.639"
    type_into(qtbot, window, 0, ENTRY, 0, 2, "0.2")  # the table still takes keys
    assert window.page.session.entries[0][0][2] == 0.2
    window.projector_action.trigger()
    assert not window.projector_mode and page.dashboard.count() == 1


def test_the_table_and_the_plot_sit_side_by_side_where_there_is_room(qtbot, window):
    page = window.page
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: page._arrangement == "beside")
    grid = page.dashboard.currentWidget().layout()
    table = grid.getItemPosition(grid.indexOf(page.views["table"]))
    curves = grid.getItemPosition(grid.indexOf(page.views["loss_curves"]))
    assert table[0] == curves[0] and table[1] < curves[1]
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: page._arrangement != "beside")


def test_the_plot_marks_every_sample(window):
    curves = window.page.views["loss_curves"]
    for model in range(2):
        points = curves.markers[("cross_entropy", model)].points()
        assert len(points) == 3
    xs = sorted(p.pos().x() for p in curves.markers[("squared_error", 1)].points())
    ys = sorted(p.pos().y() for p in curves.markers[("squared_error", 1)].points())
    assert xs == pytest.approx([0.3, 0.7, 0.7]) and ys == pytest.approx([0.14, 0.14, 0.74])


def test_a_change_of_language_keeps_the_table(qtbot, window):
    type_into(qtbot, window, 0, ENTRY, 1, 0, "0.2")
    window.retranslate()
    assert window.page is window.pages["losses"]
    assert shown(window, 0, ENTRY, 1, 0) == "0.2"
    assert window.page.session.entries[1][0][0] == 0.2


def test_the_caption_names_the_example_and_the_logarithm(window):
    page = window.page
    assert page.caption_text(page.current_frame()) == "Note 002's example · cross-entropy in ln"
    page.set_log_base("2")
    page.add_sample()
    assert page.caption_text(page.current_frame()) == "samples: 4 · cross-entropy in log₂"


def test_run_is_off_and_save_has_nothing_to_save(window):
    assert not window.run_action.isEnabled()
    assert not window.save_action.isEnabled()
    assert window.reset_action.isEnabled()


# --- export -------------------------------------------------------------------------------


def test_export_writes_the_figures_and_the_numbers(qapp, tmp_path):
    out = tmp_path / "losses"
    assert main(["export", "--lesson", "losses", "--out", str(out), "--format", "png"]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(["table.png", "loss_curves.png", "definitions.png",
                            "dashboard.png", "numbers.json"])
    for name in names[:-1] if names[-1] == "numbers.json" else names:
        if name.endswith(".png"):
            image = QImage(str(out / name))
            assert image.width() >= 960, name
            colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
                       for y in range(0, image.height(), 7)}
            assert len(colours) > 8, name
    numbers = json.loads((out / "numbers.json").read_text(encoding="utf-8"))
    assert numbers["log_base"] == "e"
    one, two = numbers["models"]
    assert one["classification_error"] == pytest.approx(1 / 3)
    assert two["classification_error"] == pytest.approx(1 / 3)
    assert (round(one["mean_squared_error"], 3), round(two["mean_squared_error"], 3)) \
        == (0.807, 0.340)
    assert (round(one["cross_entropy"], 3), round(two["cross_entropy"], 3)) == (1.378, 0.639)
    assert [s["squared_error"] for s in one["samples"]] == pytest.approx([0.54, 0.54, 1.34])
    assert [s["squared_error"] for s in two["samples"]] == pytest.approx([0.14, 0.14, 0.74])
    assert [s["correct"] for s in two["samples"]] == [True, True, False]
    assert two["samples"][2] == {
        "y_hat": [0.3, 0.4, 0.3], "y": [1, 0, 0], "correct": False,
        "classification_error": 1.0, "squared_error": pytest.approx(0.74),
        "cross_entropy": pytest.approx(-math.log(0.3))}


@pytest.mark.parametrize("fmt", ["svg", "pdf"])
def test_export_as_vectors(qapp, tmp_path, fmt):
    out = tmp_path / fmt
    assert main(["export", "--lesson", "losses", "--out", str(out), "--format", fmt]) == 0
    for view in ("table", "loss_curves", "definitions", "dashboard"):
        path = out / f"{view}.{fmt}"
        if fmt == "svg":
            root = ElementTree.parse(path).getroot()
            assert root.tag.endswith("svg")
            assert len(list(root.iter())) > 20, view
        else:
            data = path.read_bytes()
            assert data.startswith(b"%PDF") and b"/Type /Page" in data


def test_numbers_follow_the_log_base_and_the_logits(window):
    page = window.page
    page.set_log_base("2")
    numbers = page.numbers()
    assert numbers["log_base"] == "2"
    assert numbers["models"][0]["cross_entropy"] == pytest.approx(
        (-2 * math.log(0.4) - math.log(0.1)) / 3 / LN2)
    page.set_logits(True)
    sample = page.numbers()["models"][0]["samples"][0]
    assert sample["logits"] == pytest.approx([math.log(0.3), math.log(0.3), math.log(0.4)])
    assert sample["y_hat"] == pytest.approx([0.3, 0.3, 0.4])
