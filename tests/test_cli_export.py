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
