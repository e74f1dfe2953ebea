"""The interface in Simplified and Traditional Chinese, as a student sees it: every visible
text of every lesson in Chinese (formulas, numbers and names aside), Taiwan's script without
Simplified characters, and the language switched while a run trains."""

from __future__ import annotations

import html
import re

import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton, QComboBox, QDockWidget, QGraphicsView, QGroupBox, QLabel, QListWidget,
    QMenu, QTabBar, QWidget,
)

from nnlab.app.lab_session import LabSession
from nnlab.core.presets import load_preset
import nnlab.gui.language as language_module
import nnlab.gui.shell.course_window as course_window_module
from nnlab.gui.language import (
    LANGUAGE_SETTING, LANGUAGES, chosen_language, system_language, translations_of,
)
from nnlab.gui.shell.course_window import CourseWindow

from test_translations import SIMPLIFIED

#: Latin words a Chinese interface keeps: names, units, formats, keys and symbols.
ALLOWED_WORDS = {
    "nnlab", "ReLU", "leaky", "softmax", "sigmoid", "tanh", "SGD", "MNIST", "CSV", "IDX",
    "TOML", "PNG", "SVG", "PDF", "He", "Xavier", "Glorot", "Okabe", "Ito", "ln", "max", "exp",
    "Space", "Ctrl", "Shift", "Alt", "PgUp", "PgDown", "Home", "End", "F5", "F9", "F11", "Esc",
    "toml", "csv", "tsv", "txt", "idx", "ubyte", "gz", "px", "dpi", "UCI", "MLP", "GD", "L2",
    "RGB", "lr", "English", "XOR", "nan", "NaN", "inf", "sin",
    "MB", "float32", "float64", "Nielsen",
}
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]+")
#: A symbol of a formula, not a word: a weight, bias, unit, input, target, z, a or a finite
#: difference numbered by digits (w7, b3, h1, o1, x1, y1, D12).
SYMBOL = re.compile(r"[wbhoxyzaD][0-9]+")
CJK = re.compile(r"[\u4e00-\u9fff]")


def plain(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", text or ""))


def shown_texts(window: CourseWindow) -> list[tuple[str, str]]:
    """(where, text) of every text the window shows or offers: title, labels, buttons, group
    boxes, tabs, lists, combo boxes, tooltips, menus and their entries, dock titles, the
    status bar, and the plots' titles, axis labels, legends and texts."""
    found = [("window title", window.windowTitle()),
             ("status bar", window.statusBar().currentMessage())]
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        kind = type(widget).__name__
        if widget.toolTip():
            found.append((f"{kind} tooltip", widget.toolTip()))
        if isinstance(widget, QLabel):
            found.append((kind, widget.text()))
        elif isinstance(widget, QAbstractButton):
            found.append((kind, widget.text()))
        elif isinstance(widget, QGroupBox):
            found.append((kind, widget.title()))
        elif isinstance(widget, QDockWidget):
            found.append((kind, widget.windowTitle()))
        elif isinstance(widget, QTabBar):
            found += [(kind, widget.tabText(i)) for i in range(widget.count())]
        elif isinstance(widget, QComboBox):
            found += [(kind, widget.itemText(i)) for i in range(widget.count())]
        elif isinstance(widget, QListWidget):
            found += [(kind, widget.item(i).text()) for i in range(widget.count())]
    for menu in window.findChildren(QMenu):
        if not menu.menuAction().isVisible():
            continue
        found.append(("menu", menu.title()))
        for action in menu.actions():
            if action.isVisible() and not action.isSeparator():
                found += [("menu entry", action.text()), ("menu tip", action.toolTip()),
                          ("menu status tip", action.statusTip())]
    for view in window.findChildren(QGraphicsView):
        if not view.isVisible() or view.scene() is None:
            continue
        for item in view.scene().items():
            if not item.isVisible():
                continue
            if isinstance(item, pg.AxisItem) and item.label.isVisible():
                found.append(("axis label", item.labelText))
            elif isinstance(item, pg.LabelItem):
                found.append(("plot label", item.text))
            elif isinstance(item, pg.TextItem):
                found.append(("plot text", item.toPlainText()))
            elif isinstance(item, pg.LegendItem):
                found += [("legend", label.text) for _, label in item.items]
    return [(where, plain(text)) for where, text in found if text and plain(text).strip()]


def foreign_words(texts: list[tuple[str, str]]) -> list[str]:
    """Latin words outside ALLOWED_WORDS, with where they are."""
    words = []
    for where, text in texts:
        for word in LATIN_WORD.findall(text):
            if word not in ALLOWED_WORDS and not SYMBOL.fullmatch(word):
                words.append(f"{where}: {word!r} in {text[:80]!r}")
    return words


def assert_chinese(texts: list[tuple[str, str]], language: str) -> None:
    """No English word outside ALLOWED_WORDS, and in zh_TW no Simplified character."""
    words = foreign_words(texts)
    assert not words, f"{len(words)} English words in the {language} interface:\n" + \
        "\n".join(words[:30])
    if language == "zh_TW":
        simplified = [f"{where}: {text!r}" for where, text in texts if set(text) & SIMPLIFIED]
        assert not simplified, "\n".join(simplified[:20])


@pytest.fixture
def translations(qapp):
    translations = translations_of(qapp)  # the one the window's Language menu uses
    yield translations
    translations.install("en")


def open_course(qtbot, lesson: str, session=None) -> CourseWindow:
    window = CourseWindow(lesson, session=session, projector=False, remember=False)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    with qtbot.waitExposed(window):
        window.show()
    window.page.redraw()
    return window


def choose_language(window: CourseWindow, language: str) -> None:
    """View › Language › the entry of ``language``, as a user picks it."""
    menu = window.findChild(QMenu, "language_menu")
    next(a for a in menu.actions() if a.data() == language).trigger()


LESSONS = [("neuron", None), ("lab", "digits-64-30-10"), ("lab", "spiral-2-16-16-2"),
           ("lab", "sine-regression"), ("lab", "xor-linear-vs-tanh")]


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW"])
@pytest.mark.parametrize("lesson, preset", LESSONS)
def test_every_text_a_lesson_shows_is_chinese(qtbot, translations, language, lesson, preset):
    assert translations.install(language), "the compiled translations are missing"
    session = LabSession(load_preset(preset)) if preset else None
    window = open_course(qtbot, lesson, session)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Right)  # one epoch: the runs'
    qtbot.waitUntil(lambda: window.page.session.latest_epoch == 1)  # texts, legends, status
    window.page.redraw()
    texts = shown_texts(window)
    assert len(texts) > 60
    assert sum(bool(CJK.search(text)) for _, text in texts) > 40
    assert_chinese(texts, language)
    window.close()


def test_the_language_switches_while_a_run_trains(qtbot, translations):
    translations.install("zh_CN")
    window = open_course(qtbot, "neuron")
    session = window.page.session
    session.set_speed(20.0)  # slow: it trains all through the switches
    with qtbot.waitSignal(session.state_changed, check_params_cb=lambda s: s == "running"):
        window.run_action.trigger()
    assert window.file_menu.title() == "文件(&F)"
    seen = [session.latest_epoch]

    def switch(language: str) -> list[tuple[str, str]]:
        choose_language(window, language)
        window.page.redraw()
        epoch = session.latest_epoch
        qtbot.waitUntil(lambda: session.latest_epoch > epoch)  # training went on
        seen.append(session.latest_epoch)
        return shown_texts(window)

    english = switch("en")
    assert window.file_menu.title() == "&File" and window.run_action.text() == "Pause"
    # the Language menu names each language in itself, in every language
    assert not [text for _, text in english
                if CJK.search(text) and text not in LANGUAGES.values()]
    traditional = switch("zh_TW")
    assert window.file_menu.title() == "檔案(&F)"
    assert not foreign_words(traditional)
    assert window.page.session is session and session.state == "running"
    assert seen == sorted(seen) and seen[-1] > seen[0]
    window.run_action.trigger()  # pause: the page made in zh_TW still drives the session
    qtbot.waitUntil(lambda: session.state == "paused")
    window.close()


def test_a_refused_experiment_file_is_explained_in_chinese(qtbot, translations, monkeypatch,
                                                          tmp_path, warnings):
    from PySide6.QtWidgets import QFileDialog

    translations.install("zh_CN")
    path = tmp_path / "bad.toml"
    path.write_text('schema = 1\nkind = "neuron"\n[training]\nlearning_rate = -0.1\n',
                    encoding="utf-8")
    window = open_course(qtbot, "neuron")
    before = window.page.session.experiment
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.open_action.trigger()
    (title, text), = warnings
    assert CJK.search(title) and CJK.search(text)
    # a file's name and the file's key are names: the rest is the explanation
    explanation = text.replace(str(path), "").replace("training.learning_rate", "")
    assert "training.learning_rate" in text and "-0.1" in text
    words = [w for w in LATIN_WORD.findall(explanation) if w not in ALLOWED_WORDS]
    assert not words, (words, text)
    assert window.page.session.experiment == before
    window.close()


def test_a_diverged_run_says_why_in_chinese(qtbot, translations):
    translations.install("zh_TW")
    session = LabSession(load_preset("spiral-learning-rates"))  # η = 100 diverges at once
    window = open_course(qtbot, "lab", session)
    for _ in range(3):
        epoch = session.latest_epoch
        qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Right)
        qtbot.waitUntil(lambda: session.latest_epoch > epoch)
    qtbot.waitUntil(lambda: any(h.status == "diverged" for h in session.histories.values()))
    window.page.redraw()
    text = plain(window.page.divergence.text())
    assert window.page.divergence.isVisible() and CJK.search(text), text
    assert not foreign_words([("divergence", text)]), text
    assert not set(text) & SIMPLIFIED
    window.close()


@pytest.mark.parametrize("preferred, language", [
    (["zh-Hans-CN", "en-US"], "zh_CN"), (["zh-CN"], "zh_CN"), (["zh_SG"], "zh_CN"),
    (["zh-Hant-TW"], "zh_TW"), (["zh-HK", "en"], "zh_TW"), (["zh-MO"], "zh_TW"),
    (["zh"], "zh_CN"), (["en-GB", "zh-CN"], "en"), (["fr-FR", "zh-TW"], "zh_TW"),
    (["de-DE"], "en"), ([], "en"),
])
def test_the_first_start_follows_the_systems_preferred_languages(preferred, language):
    assert system_language(preferred) == language


def test_chosen_language_prefers_the_command_line_then_the_saved_choice(monkeypatch):
    from PySide6.QtCore import QSettings

    monkeypatch.setattr(language_module, "system_language", lambda *a: "zh_TW")
    QSettings().remove(LANGUAGE_SETTING)
    assert chosen_language() == "zh_TW"
    QSettings().setValue(LANGUAGE_SETTING, "en")
    assert chosen_language() == "en" and chosen_language("zh_CN") == "zh_CN"
    QSettings().remove(LANGUAGE_SETTING)


def test_without_a_chinese_font_the_window_says_so_once(qtbot, translations, monkeypatch):
    monkeypatch.setattr(language_module, "cjk_family", lambda language: None)
    monkeypatch.setattr(course_window_module, "cjk_family", lambda language: None)
    window = open_course(qtbot, "neuron")
    choose_language(window, "zh_CN")
    message = window.statusBar().currentMessage()
    assert "fonts-noto-cjk" in message and CJK.search(message)
    window.statusBar().clearMessage()
    choose_language(window, "en")
    choose_language(window, "zh_CN")
    assert "fonts-noto-cjk" not in window.statusBar().currentMessage()  # once is enough
    window.close()


def test_formulas_keep_a_latin_font_in_chinese(qapp):
    from PySide6.QtGui import QFont

    font = language_module.interface_font(QFont("Sans Serif", 10), "zh_CN")
    if language_module.cjk_family("zh_CN") is None:
        pytest.skip("no Chinese font installed")
    latin, chinese = font.families()
    assert latin in language_module.LATIN_FAMILIES  # σ, ∂, digits: the Latin font's
    assert chinese == language_module.cjk_family("zh_CN")
    assert language_module.interface_font(QFont("Sans Serif", 10), "en").families() == \
        ["Sans Serif"]


def walk_through_the_steps(qtbot, window: CourseWindow) -> list[tuple[str, str]]:
    """The texts of every step, → pressed as a student presses it to go from one to the next
    (and each press checked to move the step: a focused slider keeps the arrows, Esc gives
    them back)."""
    page = window.page
    texts = []
    count = page.step_count()
    for step in range(max(count, 1)):
        if count:
            assert page.step_index == step, f"→ did not move to step {step + 1}"
        page.redraw()
        texts += shown_texts(window)
        if step < count - 1:
            focused = window.focusWidget()
            if focused is not None and focused is getattr(
                    getattr(page, "controls", None), "slider", None):
                qtbot.keyClick(focused, Qt.Key.Key_Escape)  # the arrows back to the steps
            qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Right)
    return texts


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW"])
@pytest.mark.parametrize("lesson", ["losses", "derivation", "backprop", "activations"])
def test_every_text_a_lesson_that_explains_shows_is_chinese(qtbot, translations, language,
                                                           lesson):
    """Every step of the lesson (→ as a student presses it), all in Chinese."""
    assert translations.install(language), "the compiled translations are missing"
    window = open_course(qtbot, lesson)
    texts = walk_through_the_steps(qtbot, window)
    assert sum(bool(CJK.search(text)) for _, text in texts) > 30
    assert_chinese(texts, language)
    window.close()


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW"])
def test_the_backprop_lessons_train_on_tab_is_chinese(qtbot, translations, language):
    """The second tab of the backpropagation lesson, clicked as a student clicks it: the
    three descent methods' plot against each of its x axes, and the panel beside it."""
    assert translations.install(language), "the compiled translations are missing"
    window = open_course(qtbot, "backprop")
    page = window.page
    tabs = page.dashboard.tabBar()
    assert tabs.isVisible() and tabs.count() == 2
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(1).center())
    plot = page.views["descent"]
    qtbot.waitUntil(lambda: bool(plot.histories) and plot.isVisible())
    combo = page.panel.x_axis
    texts = []
    for index in range(combo.count()):
        combo.setCurrentIndex(index)
        combo.activated.emit(index)
        page.redraw()
        axis = plot.plot_item.getAxis("bottom").labelText
        assert axis and CJK.search(axis), axis
        texts += shown_texts(window)
    legend = [label.text for _, label in plot.plot_item.legend.items]
    assert len(legend) == 3 and all(CJK.search(plain(text)) for text in legend), legend
    assert sum(bool(CJK.search(text)) for _, text in texts) > 30
    assert_chinese(texts, language)
    window.close()


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW"])
def test_the_neuron_lesson_with_two_starts_is_chinese(qtbot, translations, language):
    from nnlab.app.neuron_session import NeuronSession

    assert translations.install(language), "the compiled translations are missing"
    window = open_course(qtbot, "neuron",
                         NeuronSession(load_preset("neuron-two-starts-both-costs")))
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: window.page.session.latest_epoch == 1)
    window.page.redraw()
    texts = shown_texts(window)
    assert_chinese(texts, language)
    window.close()
