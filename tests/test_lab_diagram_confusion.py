"""The network lab's confusion matrices, misclassified images and network diagram draw real runs.

Frames are built from real training (the built-in presets: the 8 × 8 digits with a 64-30-10
network, and the lecture's 3-2-3 network on 21 samples without a test set), and the tests
check what the views hold against what the networks predict and weigh: counts, labels,
pens, item counts and tooltip texts.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QContextMenuEvent, QHelpEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip

from nnlab.core.network import Network
from nnlab.core.presets import load_preset
from nnlab.core.runner import build_runs
from nnlab.core.training import network_row
from nnlab.gui.export import export_widget, widget_image
from nnlab.app.frames import LabFrame, RunFrame
from nnlab.gui.text import format_number
from nnlab.gui.theme import NORMAL, PROJECTOR, RUN_COLOURS, OkabeIto
from nnlab.core.evaluation import confusion_matrix
from nnlab.gui.lessons.lab.views.colours import (
    CONFUSED_COLOUR, CORRECT_COLOUR, cell_colour, text_colour_on,
)
from nnlab.gui.lessons.lab.views.confusion import ConfusionMatrixView
from nnlab.gui.lessons.lab.views.diagram import MAX_LINES, MAX_SHOWN_UNITS, NetworkDiagram
from nnlab.gui.lessons.lab.views.misclassified import MisclassifiedStrip

from qt_helpers import show

VIEW_SIZE = (900, 560)  # the views' size unless a test says otherwise

LABELS = {"quadratic": "quadratic", "cross_entropy": "cross-entropy"}


def trained(preset: str, epochs: int) -> tuple[LabFrame, dict]:
    """A frame of the preset's runs after ``epochs`` epochs of real training, with their
    history columns, and the networks as trained (by run name)."""
    experiment = load_preset(preset)
    prepared = build_runs(experiment)
    runs, networks = [], {}
    for run in prepared:
        started = run.start()
        rows = []
        for record in started.records:
            rows.append(network_row(record))
            if record.epoch >= epochs:
                break
        table = np.array(rows, dtype=float)
        columns = {name: table[:, i] for i, name in enumerate(run.columns)}
        network = started.network.copy()
        networks[run.name] = network
        runs.append(RunFrame(run.name, LABELS[run.name], columns, len(rows) - 1, "running",
                             colour=RUN_COLOURS[run.name], network=network,
                             network_epoch=epochs))
    frame = LabFrame(prepared[0].dataset, tuple(experiment.network.layers),
                     experiment.training.epochs, tuple(runs), epochs, compared="cost")
    return frame, networks


@pytest.fixture(scope="module")
def digits():
    return trained("digits-64-30-10", 3)


@pytest.fixture(scope="module")
def three_class():
    return trained("three-class-3-2-3", 200)


def with_runs(frame: LabFrame, **changes) -> LabFrame:
    """``frame`` with the fields of every run changed as given."""
    return dataclasses.replace(frame, runs=tuple(dataclasses.replace(run, **changes)
                                                 for run in frame.runs))


def diverged_copy(network: Network) -> Network:
    broken = network.copy()
    broken.parameters[::3] = np.nan
    return broken


def inked(image) -> int:
    """Pixels that are not white: something was drawn."""
    white = QColor("#FFFFFF").rgb()
    step = max(1, image.width() // 200)
    return sum(image.pixel(x, y) != white for x in range(0, image.width(), step)
               for y in range(0, image.height(), step))


# -- the cells' colours (the counts themselves: test_evaluation.py) ---------------------------

def test_cells_are_shaded_by_their_row_share_with_readable_text():
    strong, weak = cell_colour(30, 32, True), cell_colour(1, 32, True)
    assert strong.lightness() < weak.lightness() < 255  # more of the row: darker
    assert cell_colour(0, 32, False) == QColor("#FFFFFF")
    # the diagonal and the confusions are told apart by hue, not only by shade
    assert cell_colour(16, 32, True).hue() == pytest.approx(QColor(CORRECT_COLOUR).hue(), abs=3)
    assert cell_colour(16, 32, False).hue() == pytest.approx(QColor(CONFUSED_COLOUR).hue(),
                                                             abs=3)
    assert text_colour_on(strong) == QColor("#FFFFFF")
    assert text_colour_on(weak).lightness() < 60


# -- the confusion matrix view -------------------------------------------------------------------

def test_the_matrix_shown_is_the_one_of_the_predictions_on_the_test_set(qtbot, digits):
    frame, networks = digits
    view = show(qtbot, ConfusionMatrixView(), *VIEW_SIZE)
    view.update_frame(frame)
    dataset = frame.dataset
    for run in frame.runs:
        predicted = networks[run.name].predict(dataset.x_test)
        expected = confusion_matrix(predicted, dataset.labels_test, 10)
        shown = view.matrix(run.name)
        np.testing.assert_array_equal(shown, expected)
        assert shown.sum() == len(dataset.x_test) == 359
        np.testing.assert_array_equal(shown.sum(axis=1), np.bincount(dataset.labels_test))
    assert view.class_names == tuple(str(d) for d in range(10))
    titles = view.titles()
    assert [label for label, _ in titles] == ["quadratic", "cross-entropy"]
    for (_, line), run in zip(titles, frame.runs):
        correct = np.trace(view.matrix(run.name))
        assert line.startswith("test set")
        assert format_number(100 * correct / 359, 3) in line and f"({correct} of 359)" in line
    assert view.context_menus() == []
    assert inked(widget_image(view.export_widget())) > 100


def test_the_painted_cells_follow_the_matrix_of_each_frame(qtbot, digits):
    frame, networks = digits
    view = show(qtbot, ConfusionMatrixView(), 330, 200)  # cells without numbers

    def painted(run_name: str) -> list[list[int]]:
        image = view.grab().toImage()
        index = [run.name for run in frame.runs].index(run_name)
        geometry = view.layout_geometry()[index]
        left, top, cell = geometry.matrix.left(), geometry.matrix.top(), geometry.cell
        return [[QColor(image.pixel(int(left + (j + 0.5) * cell),
                                    int(top + (i + 0.5) * cell))).rgb() for j in range(10)]
                for i in range(10)]

    def shades(matrix: np.ndarray) -> list[list[int]]:
        totals = matrix.sum(axis=1)
        return [[cell_colour(int(matrix[i, j]), int(totals[i]), i == j).rgb()
                 for j in range(10)] for i in range(10)]

    name = frame.runs[0].name
    view.update_frame(frame)
    trained_matrix = view.matrix(name).copy()
    assert painted(name) == shades(trained_matrix)
    # another network: other counts, other shades (none kept from the frame before)
    other = networks[name].copy()
    other.parameters[:] = np.random.default_rng(1).normal(size=other.parameters.shape)
    view.update_frame(with_runs(frame, network=other, network_epoch=0))
    assert not np.array_equal(view.matrix(name), trained_matrix)
    assert painted(name) == shades(view.matrix(name))


def test_without_a_test_set_the_training_set_is_shown_and_said(qtbot, three_class):
    frame, networks = three_class
    view = show(qtbot, ConfusionMatrixView(), *VIEW_SIZE)
    view.update_frame(frame)
    for run in frame.runs:
        expected = confusion_matrix(networks[run.name].predict(frame.dataset.x_train),
                                    frame.dataset.labels_train, 3)
        np.testing.assert_array_equal(view.matrix(run.name), expected)
        assert view.matrix(run.name).sum() == 21
    assert all("training set" in line for _, line in view.titles())
    assert view.class_names == ("A", "B", "C")


def test_ten_classes_stay_legible_on_a_projector_and_numbers_go_when_cells_get_tiny(
        qtbot, digits):
    frame, _ = digits
    # a lab window's view area on a 1024 × 768 projector
    view = show(qtbot, ConfusionMatrixView(theme=PROJECTOR), 1000, 560)
    view.update_frame(frame)
    geometries = view.layout_geometry()
    assert len(geometries) == 2
    for geometry in geometries:
        assert geometry.count_font is not None
        assert geometry.count_font.pointSizeF() >= 11
        assert geometry.cell * 10 == pytest.approx(geometry.matrix.width())
        assert view.rect().toRectF().contains(geometry.matrix)
        assert geometry.panel.contains(geometry.matrix)
    # side by side, not overlapping
    assert geometries[0].matrix.right() < geometries[1].matrix.left()
    view.resize(330, 200)
    view.update_frame(frame)
    assert all(geometry.count_font is None for geometry in view.layout_geometry())
    assert not view.grab().isNull()


def test_hovering_a_cell_tells_its_count(qtbot, digits):
    frame, _ = digits
    view = show(qtbot, ConfusionMatrixView(), *VIEW_SIZE)
    view.update_frame(frame)
    geometry = view.layout_geometry()[1]
    matrix = view.matrix("cross_entropy")
    point = QPointF(geometry.matrix.left() + 2.5 * geometry.cell,
                    geometry.matrix.top() + 2.5 * geometry.cell)
    panel, true, predicted = view.cell_at(point)
    assert (panel.name, true, predicted) == ("cross_entropy", 2, 2)
    text = view.cell_text(panel, true, predicted)
    assert f"{matrix[2, 2]} of the {matrix[2].sum()} samples of class 2 predicted as 2" in text
    QToolTip.hideText()
    global_point = view.mapToGlobal(point.toPoint())
    qtbot_event = QHelpEvent(QEvent.Type.ToolTip, point.toPoint(), global_point)
    view.event(qtbot_event)
    assert QToolTip.text() == text


def test_a_diverged_run_or_one_without_a_network_does_not_break_the_matrix(qtbot, digits):
    frame, networks = digits
    broken = dataclasses.replace(frame.runs[0], network=diverged_copy(networks["quadratic"]),
                                 status="diverged", network_epoch=4)
    waiting = dataclasses.replace(frame.runs[1], network=None, network_epoch=-1)
    view = show(qtbot, ConfusionMatrixView(), *VIEW_SIZE)
    view.update_frame(dataclasses.replace(frame, runs=(broken, waiting)))
    assert view.matrix("quadratic") is None and view.matrix("cross_entropy") is None
    titles = dict(view.titles())
    assert "diverged" in titles["quadratic"]
    assert "no network" in titles["cross-entropy"]
    assert not view.grab().isNull()
    view.update_frame(dataclasses.replace(frame, dataset=None))
    assert view.message


# -- the misclassified images --------------------------------------------------------------------

def test_the_strip_shows_every_misclassified_test_image_with_true_and_predicted(
        qtbot, digits):
    frame, networks = digits
    strip = show(qtbot, MisclassifiedStrip(), 1500, 900)
    strip.picker.choose("cross_entropy")
    strip.update_frame(frame)
    dataset = frame.dataset
    outputs = networks["cross_entropy"].forward(dataset.x_test)
    predicted = outputs.argmax(axis=1)
    wrong = np.flatnonzero(predicted != dataset.labels_test)
    assert 0 < len(wrong) < 120
    tiles = strip.tiles()
    assert strip.misclassified_count == len(wrong)
    assert len(tiles) == len(wrong) and strip.more_count == 0 and strip.more_text() == ""
    assert sorted(tile.sample for tile in tiles) == sorted(wrong)
    for tile in tiles:
        assert tile.true == dataset.labels_test[tile.sample]
        assert tile.predicted == predicted[tile.sample] != tile.true
        assert strip.caption(tile) == f"true {tile.true} → predicted {tile.predicted}"
    # the most confident mistakes first
    confidence = [outputs[tile.sample, tile.predicted] for tile in tiles]
    assert confidence == sorted(confidence, reverse=True)
    assert strip.heading().startswith("cross-entropy: ")
    assert f"{len(wrong)} of 359 test images" in strip.heading()
    assert inked(widget_image(strip.export_widget())) > 100


def test_what_does_not_fit_is_counted_as_and_n_more(qtbot, digits):
    frame, networks = digits
    strip = show(qtbot, MisclassifiedStrip(theme=PROJECTOR), 1000, 420)
    strip.update_frame(frame)
    assert strip.picker.chosen == "quadratic"  # the first run by default
    wrong = np.flatnonzero(networks["quadratic"].predict(frame.dataset.x_test)
                           != frame.dataset.labels_test)
    tiles = strip.tiles()
    assert 0 < len(tiles) < len(wrong)
    assert len(tiles) + strip.more_count == len(wrong)
    assert strip.more_text() == f"and {len(wrong) - len(tiles)} more"
    canvas = strip.canvas.rect().toRectF()
    assert all(canvas.contains(tile.image_rect) and canvas.contains(tile.caption_rect)
               for tile in tiles)


def test_clicking_an_image_shows_its_outputs(qtbot, digits):
    frame, networks = digits
    strip = show(qtbot, MisclassifiedStrip(), *VIEW_SIZE)
    strip.update_frame(frame)
    tile = strip.tiles()[0]
    QToolTip.hideText()
    QTest.mouseClick(strip.canvas, Qt.MouseButton.LeftButton, pos=tile.image_rect.center()
                     .toPoint())
    text = QToolTip.text()
    assert text == strip.tile_text(tile)
    outputs = networks["quadratic"].forward(frame.dataset.x_test[tile.sample:tile.sample + 1])[0]
    assert f"true {tile.true}, predicted {tile.predicted}" in text
    assert f"{tile.predicted}: {format_number(outputs[tile.predicted], 2)}" in text


def test_the_picker_chooses_the_run_and_keeps_it(qtbot, digits):
    frame, _ = digits
    strip = show(qtbot, MisclassifiedStrip(), *VIEW_SIZE)
    strip.update_frame(frame)
    combo = strip.picker.combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["quadratic", "cross-entropy"]
    assert combo.itemData(1, Qt.ItemDataRole.ForegroundRole) == QColor(OkabeIto.BLUE)
    combo.setCurrentIndex(1)
    assert strip.heading().startswith("cross-entropy")
    strip.update_frame(with_runs(frame, status="finished"))  # a new frame keeps the choice
    assert strip.picker.chosen == "cross_entropy"
    strip.update_frame(dataclasses.replace(frame, runs=frame.runs[:1]))  # its run gone
    assert strip.picker.chosen == "quadratic"


def test_data_that_are_not_images_get_a_message(qtbot, three_class, digits):
    frame, networks = three_class
    strip = show(qtbot, MisclassifiedStrip(), *VIEW_SIZE)
    strip.update_frame(frame)
    assert "not images" in strip.message and strip.tiles() == []
    digits_frame, digits_networks = digits
    broken = dataclasses.replace(digits_frame.runs[0], status="diverged",
                                 network=diverged_copy(digits_networks["quadratic"]))
    strip.update_frame(dataclasses.replace(digits_frame, runs=(broken,)))
    assert "diverged" in strip.message and strip.tiles() == []
    assert not strip.grab().isNull()


# -- the network diagram ---------------------------------------------------------------------------

def line_weights(diagram: NetworkDiagram, network: Network) -> np.ndarray:
    return np.array([network.weights[layer - 1][to, source]
                     for layer, to, source in diagram.line_pairs()])


def test_the_3_2_3_network_is_drawn_whole_with_pens_following_the_weights(
        qtbot, three_class):
    frame, networks = three_class
    diagram = show(qtbot, NetworkDiagram(), 700, 500)
    diagram.update_frame(frame)
    network = networks["quadratic"]
    assert len(diagram.neurons) == 3 + 2 + 3
    assert [layer for layer, _ in diagram.neuron_units()] == [0, 0, 0, 1, 1, 2, 2, 2]
    assert len(diagram.lines) == 6 + 6
    pairs = {tuple(pair) for pair in diagram.line_pairs().tolist()}
    assert pairs == {(1, j, k) for j in range(2) for k in range(3)} | \
        {(2, j, k) for j in range(3) for k in range(2)}
    weights = line_weights(diagram, network)
    for line, w in zip(diagram.lines, weights):
        # the sign is the line's style; its colour a grey (colours are the runs')
        assert line.pen().style() == (Qt.PenStyle.SolidLine if w >= 0
                                      else Qt.PenStyle.CustomDashLine)
        colour = line.pen().color()
        assert colour.hsvSaturation() == 0 and colour.alpha() == 255
    # the stronger a weight, the darker its line
    lightness = np.array([line.pen().color().lightness() for line in diagram.lines])
    order = np.argsort(np.abs(weights))
    assert np.all(np.diff(lightness[order]) <= 0) and lightness[order[-1]] < lightness[order[0]]
    widths = np.array([line.pen().widthF() for line in diagram.lines])
    order = np.argsort(np.abs(weights))
    assert np.all(np.diff(widths[order]) >= 0)  # wider with |w|
    assert widths[order[-1]] > widths[order[0]]
    assert [label.toPlainText() for label in diagram.layer_labels] == \
        ["input 3", "hidden 2 (sigmoid)", "output 3 (sigmoid)"]
    assert diagram.run_title.text() == "quadratic"
    assert diagram.run_title.brush().color() == QColor(OkabeIto.VERMILLION)
    # nothing outside the view
    area = diagram.scene.sceneRect()
    for item in [*diagram.neurons, *diagram.layer_labels]:
        assert area.contains(item.sceneBoundingRect())


def test_layer_labels_name_the_activations_as_the_panel_does(qtbot, three_class):
    frame, networks = three_class
    network = networks["quadratic"]
    leaky = Network(network.layer_sizes, ["leaky_relu"], network.output)
    leaky.parameters[:] = network.parameters
    diagram = show(qtbot, NetworkDiagram(), 700, 500)
    diagram.update_frame(with_runs(frame, network=leaky))
    assert [label.toPlainText() for label in diagram.layer_labels] == \
        ["input 3", "hidden 2 (leaky ReLU)", "output 3 (sigmoid)"]


def test_a_large_network_is_summarised_with_a_bounded_number_of_items(qtbot, digits):
    frame, networks = digits
    diagram = show(qtbot, NetworkDiagram(theme=PROJECTOR), 1000, 560)
    diagram.update_frame(frame)
    network = networks["quadratic"]
    assert [len(units) for units in diagram.shown] == [MAX_SHOWN_UNITS, MAX_SHOWN_UNITS, 10]
    assert len(diagram.neurons) == 34
    assert 0 < len(diagram.lines) <= MAX_LINES
    assert len(diagram.scene.items()) < 300
    summaries = [item.toPlainText() for item in diagram.summary_labels if item is not None]
    assert any("64" in text for text in summaries) and any("30" in text for text in summaries)
    assert diagram.layer_labels[0].toPlainText() == "input 64"
    assert diagram.layer_labels[2].toPlainText() == "output 10 (softmax)"
    # between the shown neurons, the lines are the strongest weights
    first = diagram.line_pairs()[:, 0] == 1
    drawn = np.abs(line_weights(diagram, network)[first])
    inputs, hidden = diagram.shown[0], diagram.shown[1]
    candidates = np.abs(network.weights[0][np.ix_(hidden, inputs)]).ravel()
    assert drawn.min() >= np.sort(candidates)[-len(drawn)] - 1e-12
    # the inputs shown are the ones that vary in the digits, not the blank corners
    assert 0 not in inputs and 63 not in inputs
    area = diagram.scene.sceneRect()
    for item in [*diagram.neurons, *diagram.layer_labels, *filter(None, diagram.summary_labels)]:
        assert area.contains(item.sceneBoundingRect())


def test_hovering_a_weight_or_a_neuron_tells_its_value(qtbot, three_class):
    frame, networks = three_class
    diagram = show(qtbot, NetworkDiagram(), 700, 500)
    diagram.update_frame(frame)
    network = networks["quadratic"]
    index = 7
    layer, to, source = diagram.line_pairs()[index]
    line = diagram.lines[index].line()
    # along the line, away from the neurons at its ends and from the lines it crosses
    point = diagram.view.mapFromScene(line.p1() + (line.p2() - line.p1()) * 0.6)
    weight = network.weights[layer - 1][to, source]
    expected = f"w = {format_number(weight)} (layer {layer}, unit {source + 1} → unit {to + 1})"
    assert diagram.text_at(point) == expected
    QToolTip.hideText()
    viewport = diagram.view.viewport()
    diagram.view.viewportEvent(QHelpEvent(QEvent.Type.ToolTip, point,
                                          viewport.mapToGlobal(point)))
    assert QToolTip.text() == expected
    neuron = diagram.neurons[3]  # the first hidden unit
    centre = diagram.view.mapFromScene(neuron.sceneBoundingRect().center())
    assert diagram.text_at(centre) == \
        f"b = {format_number(network.biases[0][0])} (layer 2, unit 1)"
    output = diagram.view.mapFromScene(diagram.neurons[-1].sceneBoundingRect().center())
    assert diagram.text_at(output).endswith("· class C")
    assert diagram.text_at(QPoint(2, diagram.view.viewport().height() - 2)) == ""


def test_a_diverged_run_shows_diverged_and_recovers(qtbot, three_class):
    frame, networks = three_class
    diagram = show(qtbot, NetworkDiagram(), 700, 500)
    broken = dataclasses.replace(frame.runs[0], status="diverged", network_epoch=201,
                                 network=diverged_copy(networks["quadratic"]))
    diagram.update_frame(dataclasses.replace(frame, runs=(broken,)))
    assert "diverged" in diagram.message_text
    assert len(diagram.lines) == 12 and not diagram.grab().isNull()
    assert "w = —" in diagram.describe(diagram.lines[0])
    diagram.update_frame(with_runs(frame, network=None))
    assert "no network yet" in diagram.message_text
    diagram.update_frame(frame)
    assert diagram.message_text == ""
    # no line keeps the diverged grey
    assert all(line.pen().color().lightness() < QColor("#C0C0C0").lightness()
               for line in diagram.lines)


# -- themes, caching, export -----------------------------------------------------------------------

def test_the_projector_theme_enlarges_the_text(qtbot, digits):
    frame, _ = digits
    matrix = show(qtbot, ConfusionMatrixView(), *VIEW_SIZE)
    diagram = show(qtbot, NetworkDiagram(), *VIEW_SIZE)
    strip = show(qtbot, MisclassifiedStrip(), *VIEW_SIZE)
    for view in (matrix, diagram, strip):
        view.update_frame(frame)
    before = (matrix.layout_geometry()[0].label_font.pointSizeF(),
              diagram.layer_labels[0].font().pointSizeF(), diagram.run_title.font().pointSizeF(),
              strip.picker.combo.font().pointSizeF(), strip.tiles()[0].image_rect.height())
    pens = max(line.pen().widthF() for line in diagram.lines)
    for view in (matrix, diagram, strip):
        view.apply_theme(PROJECTOR)
    after = (matrix.layout_geometry()[0].label_font.pointSizeF(),
             diagram.layer_labels[0].font().pointSizeF(), diagram.run_title.font().pointSizeF(),
             strip.picker.combo.font().pointSizeF(), strip.tiles()[0].image_rect.height())
    assert all(a > b for a, b in zip(after, before))
    assert diagram.run_title.font().pointSize() == PROJECTOR.font_point_size
    assert max(line.pen().widthF() for line in diagram.lines) > pens
    for view in (matrix, diagram, strip):
        view.apply_theme(NORMAL)
    assert diagram.run_title.font().pointSize() == NORMAL.font_point_size


def test_an_unchanged_network_epoch_computes_nothing_again(qtbot, digits, monkeypatch):
    frame, networks = digits
    calls = []
    forward = Network.forward

    def counted(self, x):
        calls.append(len(x))
        return forward(self, x)

    monkeypatch.setattr(Network, "forward", counted)
    shown_values = []
    show_values = NetworkDiagram._show_values

    def counted_values(self, network, run):
        shown_values.append(run.name)
        return show_values(self, network, run)

    monkeypatch.setattr(NetworkDiagram, "_show_values", counted_values)
    matrix = show(qtbot, ConfusionMatrixView(), *VIEW_SIZE)
    strip = show(qtbot, MisclassifiedStrip(), *VIEW_SIZE)
    diagram = show(qtbot, NetworkDiagram(), *VIEW_SIZE)
    views = (matrix, strip, diagram)
    for view in views:
        view.update_frame(frame)
    assert len(calls) == 3 and shown_values == ["quadratic"]  # 2 matrices, 1 strip
    # the display timer's next frames: another copy of the same parameters, same epoch
    for _ in range(5):
        copies = tuple(dataclasses.replace(run, network=networks[run.name].copy())
                       for run in frame.runs)
        again = dataclasses.replace(frame, runs=copies, training=True)
        for view in views:
            view.update_frame(again)
    assert len(calls) == 3 and shown_values == ["quadratic"]
    later = with_runs(frame, network_epoch=4)
    for view in views:
        view.update_frame(later)
    assert len(calls) == 6 and shown_values == ["quadratic", "quadratic"]
    # a run reset and trained again to the same epoch has other parameters: drawn afresh
    retrained = dataclasses.replace(frame.runs[0], network_epoch=4,
                                    network=networks["cross_entropy"])
    for view in views:
        view.update_frame(dataclasses.replace(later, runs=(retrained, later.runs[1])))
    assert len(calls) == 8 and shown_values == ["quadratic"] * 3


def test_the_views_export_as_vectors_and_pixels(qtbot, digits, tmp_path):
    frame, _ = digits
    for view in (ConfusionMatrixView(), NetworkDiagram()):
        show(qtbot, view, 700, 450)
        view.update_frame(frame)
        svg = export_widget(view.export_widget(), tmp_path / f"{view.slug}.svg")
        text = svg.read_text(encoding="utf-8")
        assert "<svg" in text and ("<path" in text or "<rect" in text)
        png = export_widget(view.export_widget(), tmp_path / f"{view.slug}.png")
        assert png.stat().st_size > 1000


@pytest.mark.parametrize("view_class", [ConfusionMatrixView, MisclassifiedStrip, NetworkDiagram])
def test_a_right_click_reaches_the_windows_export_menu(qtbot, digits, view_class):
    """The window offers Export and Copy on each view's own right-click signal: a click
    inside (on the painted canvas, the diagram's scene) must get there."""
    frame, _ = digits
    view = show(qtbot, view_class(), 600, 400)
    view.update_frame(frame)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    inner = view.export_widget()
    target = inner.viewport() if hasattr(inner, "viewport") else inner
    with qtbot.waitSignal(view.customContextMenuRequested, timeout=1000):
        position = QPoint(target.width() // 2, target.height() // 2)
        QApplication.sendEvent(target, QContextMenuEvent(QContextMenuEvent.Reason.Mouse,
                                                         position,
                                                         target.mapToGlobal(position)))
