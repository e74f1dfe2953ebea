"""nnlab export: the lesson's figures written headless, with the window's own widgets."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

import pytest
from PySide6.QtGui import QImage

from nnlab.cli import main

VIEWS = ("sigmoid", "cost", "output", "gradient", "breakdown", "surface", "dashboard")


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_export_writes_one_file_per_plot_and_the_dashboard(qapp, tmp_path, capsys, fmt):
    out = tmp_path / "figures"
    assert main(["export", "--preset", "neuron-2-2", "--out", str(out), "--format", fmt]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{v}.{fmt}" for v in VIEWS)
    for view in VIEWS:
        path = out / f"{view}.{fmt}"
        if fmt == "png":
            image = QImage(str(path))
            assert image.width() > 200
            colours = {image.pixel(x, y) for x in range(0, image.width(), 9)
                       for y in range(0, image.height(), 9)}
            assert len(colours) > 8, view
        elif fmt == "svg":
            assert ElementTree.parse(path).getroot().tag.endswith("svg")
        else:
            data = path.read_bytes()
            assert data.startswith(b"%PDF") and b"/Type /Page" in data
    assert f"wrote {out / ('dashboard.' + fmt)}" in capsys.readouterr().out


def test_export_of_an_experiment_file_with_caption_and_width(qapp, tmp_path):
    lesson = tmp_path / "lesson.toml"
    lesson.write_text('schema = 1\nkind = "neuron"\n[neuron]\nw = 0.6\nb = 0.9\n'
                      '[training]\nepochs = 50\n', encoding="utf-8")
    out = tmp_path / "out"
    assert main(["export", str(lesson), "--out", str(out), "--format", "svg", "--caption"]) == 0
    text = (out / "cost.svg").read_text(encoding="utf-8")
    assert "w = 0.6" in text and "epoch 50 of 50" in text
    assert main(["export", str(lesson), "--out", str(out), "--width", "640"]) == 0
    assert QImage(str(out / "cost.png")).width() == 640


def test_an_unwritable_folder_is_refused_and_nothing_is_left(qapp, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["export", "--preset", "neuron-2-2", "--out", str(blocker / "out")]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "cannot write figures" in error and "Traceback" not in error
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_a_network_experiment_or_bad_width_is_refused(qapp, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["export", "--preset", "digits-64-30-10", "--out", str(out)]) == 2
    assert "neuron" in capsys.readouterr().err
    assert main(["export", "--preset", "neuron-2-2", "--out", str(out), "--width", "5"]) == 2
    assert "--width 5" in capsys.readouterr().err
    assert not out.exists()


# --------------------------------------------------------------------------------------------
# --epoch: the figure of a moment of the lesson, e.g. the quadratic run still stuck at epoch 50


@pytest.fixture
def captions(monkeypatch):
    """The caption of every figure exported, in order (the figures are still written)."""
    from nnlab.gui import export

    seen = []
    original = export.export_widget

    def recording(*args, **kwargs):
        seen.append(kwargs.get("caption"))
        return original(*args, **kwargs)

    monkeypatch.setattr(export, "export_widget", recording)
    return seen


def test_epoch_is_shown_in_every_figure_and_named_in_every_caption(qapp, tmp_path, captions):
    at_50, at_300 = tmp_path / "at-50", tmp_path / "at-300"
    common = ["export", "--preset", "neuron-2-2", "--caption", "--width", "400"]
    assert main([*common, "--out", str(at_50), "--epoch", "50"]) == 0
    assert len(captions) == len(VIEWS)
    assert all(caption.endswith("epoch 50 of 300") for caption in captions), captions
    captions.clear()
    assert main([*common, "--out", str(at_300)]) == 0  # default: the last epoch
    assert all(caption.endswith("epoch 300 of 300") for caption in captions), captions
    # every view draws the epoch it is given: none of them looks the same at 50 and at 300
    for view in VIEWS:
        assert (at_50 / f"{view}.png").read_bytes() != (at_300 / f"{view}.png").read_bytes(), view


def test_epoch_0_and_the_last_are_allowed(qapp, tmp_path, captions):
    lesson = tmp_path / "lesson.toml"
    lesson.write_text('schema = 1\nkind = "neuron"\n[training]\nepochs = 40\n', encoding="utf-8")
    for epoch in ("0", "40"):
        assert main(["export", str(lesson), "--out", str(tmp_path / epoch), "--epoch", epoch,
                     "--caption", "--width", "300"]) == 0
        assert captions and all(c.endswith(f"epoch {epoch} of 40") for c in captions)
        captions.clear()


@pytest.mark.parametrize("epoch", ["301", "-1", "abc", "2.5", "1e2"])
def test_a_bad_epoch_is_one_line_naming_the_option_and_the_range(qapp, tmp_path, capsys, epoch):
    out = tmp_path / "out"
    assert main(["export", "--preset", "neuron-2-2", "--out", str(out), "--epoch", epoch]) == 2
    captured = capsys.readouterr()
    assert captured.err == (f"nnlab: error: --epoch {epoch}: must be a whole number from 0 to "
                            "300 (the experiment's epochs)\n")
    assert captured.out == "" and not out.exists()


def test_the_epoch_range_is_the_experiments(qapp, tmp_path, capsys):
    lesson = tmp_path / "lesson.toml"
    lesson.write_text('schema = 1\nkind = "neuron"\n[training]\nepochs = 50\n', encoding="utf-8")
    assert main(["export", str(lesson), "--out", str(tmp_path / "out"), "--epoch", "51"]) == 2
    assert "--epoch 51: must be a whole number from 0 to 50" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lesson.toml"]


# --------------------------------------------------------------------------------------------
# Existing figures are replaced only with --force


def snapshot(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_existing_figures_are_refused_by_name_and_left_alone(qapp, tmp_path, capsys):
    out = tmp_path / "figures"
    out.mkdir()
    (out / "cost.png").write_bytes(b"the lecturer's own figure")
    (out / "notes.txt").write_text("not a figure")
    before = snapshot(out)
    assert main(["export", "--preset", "neuron-2-2", "--out", str(out)]) == 2
    captured = capsys.readouterr()
    assert captured.err == (f"nnlab: error: {out / 'cost.png'} already exists "
                            "(use --force to replace it)\n")
    assert captured.out == ""
    assert snapshot(out) == before  # nothing written, not even the figures that are new
    assert sorted(p.name for p in tmp_path.iterdir()) == ["figures"]  # nor beside it


def test_several_existing_figures_are_all_named(qapp, tmp_path, capsys):
    out = tmp_path / "figures"
    assert main(["export", "--preset", "neuron-2-2", "--out", str(out), "--width", "300"]) == 0
    capsys.readouterr()
    before = snapshot(out)
    assert main(["export", "--preset", "neuron-2-2", "--out", str(out), "--epoch", "50",
                 "--width", "300"]) == 2
    line = capsys.readouterr().err
    assert line.startswith(f"nnlab: error: {len(VIEWS)} files already exist in {out}: ")
    assert all(f"{view}.png" in line for view in VIEWS) and "--force" in line
    assert line.count("\n") == 1
    assert snapshot(out) == before


def test_force_replaces_existing_figures(qapp, tmp_path, capsys):
    out = tmp_path / "figures"
    out.mkdir()
    (out / "cost.png").write_bytes(b"old")
    (out / "notes.txt").write_text("kept")
    assert main(["export", "--preset", "neuron-2-2", "--out", str(out), "--force",
                 "--width", "300"]) == 0
    assert QImage(str(out / "cost.png")).width() == 300
    assert (out / "notes.txt").read_text() == "kept"
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{view}.png" for view in VIEWS] + ["notes.txt"])
