"""Tests for nnlab.core.datasets: built-in data sets, CSV and IDX loaders, and their error messages."""

from __future__ import annotations

import gzip
import subprocess
import sys

import numpy as np
import pytest

from nnlab.core import datasets
from nnlab.core.datasets import DatasetError


def rng(seed: int = 0) -> np.random.Generator:
    return np.random.default_rng(seed)


def assert_valid_dataset(ds: datasets.Dataset, n_features: int, n_classes: int) -> None:
    for x, y in ((ds.x_train, ds.y_train), (ds.x_test, ds.y_test)):
        assert x.dtype == np.float64 and y.dtype == np.float64
        assert x.ndim == 2 and x.shape[1] == n_features
        assert y.shape == (x.shape[0], n_classes)
        # One-hot: every row has exactly one 1 and zeros elsewhere.
        assert np.all((y == 0.0) | (y == 1.0))
        np.testing.assert_array_equal(y.sum(axis=1), np.ones(y.shape[0]))
        assert np.all(np.isfinite(x))
    assert ds.n_features == n_features
    assert ds.n_classes == n_classes == len(ds.class_names)
    np.testing.assert_array_equal(ds.labels_train, np.argmax(ds.y_train, axis=1))
    assert ds.labels_test.shape == (ds.x_test.shape[0],)


def all_arrays(ds: datasets.Dataset) -> list[np.ndarray]:
    return [ds.x_train, ds.y_train, ds.x_test, ds.y_test]


def assert_bit_identical(a: datasets.Dataset, b: datasets.Dataset) -> None:
    for left, right in zip(all_arrays(a), all_arrays(b)):
        assert left.shape == right.shape
        assert left.tobytes() == right.tobytes()
    assert a.class_names == b.class_names


# ------------------------------------------------------------------------------------------
# Built-in data sets

TOYS = [datasets.xor, datasets.circles, datasets.gaussians, datasets.spiral]


def test_lesson_neuron_is_the_single_sample_x1_y0():
    x, y = datasets.lesson_neuron()
    assert x.shape == y.shape == (1, 1)
    assert x.dtype == y.dtype == np.float64
    assert x[0, 0] == 1.0 and y[0, 0] == 0.0
    x, y = datasets.lesson_neuron(x=2.5, y=1.0)
    assert x[0, 0] == 2.5 and y[0, 0] == 1.0


@pytest.mark.parametrize("make", TOYS, ids=lambda f: f.__name__)
def test_toy_shapes_balance_and_one_hot(make):
    ds = make(rng(), n_samples=101, noise=0.1, test_fraction=0.2)
    assert_valid_dataset(ds, n_features=2, n_classes=2)
    assert ds.name == make.__name__
    assert ds.x_train.shape[0] + ds.x_test.shape[0] == 101
    counts = np.bincount(np.concatenate([ds.labels_train, ds.labels_test]), minlength=2)
    assert sorted(counts.tolist()) == [50, 51]


@pytest.mark.parametrize("make", TOYS, ids=lambda f: f.__name__)
def test_toy_same_seed_bit_identical_different_seed_different(make):
    assert_bit_identical(make(rng(7)), make(rng(7)))
    first, other = make(rng(7)), make(rng(8))
    assert not np.array_equal(first.x_train, other.x_train)


@pytest.mark.parametrize("make", TOYS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("test_fraction, expected_test", [(0.0, 0), (0.25, 50), (0.5, 100), (0.1, 20)])
def test_toy_test_fraction_is_honoured(make, test_fraction, expected_test):
    ds = make(rng(), n_samples=200, test_fraction=test_fraction)
    assert ds.x_test.shape[0] == expected_test
    assert ds.x_train.shape[0] == 200 - expected_test


def test_noiseless_toys_have_their_shape():
    xor = datasets.xor(rng(), noise=0.0, test_fraction=0.0)
    signs_differ = np.sign(xor.x_train[:, 0]) != np.sign(xor.x_train[:, 1])
    np.testing.assert_array_equal(signs_differ, xor.labels_train == 1)

    circles = datasets.circles(rng(), noise=0.0, test_fraction=0.0)
    radius = np.hypot(circles.x_train[:, 0], circles.x_train[:, 1])
    np.testing.assert_allclose(radius, np.where(circles.labels_train == 0, 0.5, 1.0))

    gaussians = datasets.gaussians(rng(), n_samples=2000, noise=0.0, test_fraction=0.0)
    for label, centre in ((0, -0.5), (1, 0.5)):
        np.testing.assert_allclose(gaussians.x_train[gaussians.labels_train == label].mean(axis=0), centre, atol=0.03)

    spiral = datasets.spiral(rng(), noise=0.0, test_fraction=0.0)
    assert np.hypot(spiral.x_train[:, 0], spiral.x_train[:, 1]).max() <= 1.0


def test_noise_moves_points():
    quiet = datasets.circles(rng(3), noise=0.0, test_fraction=0.0)
    noisy = datasets.circles(rng(3), noise=0.2, test_fraction=0.0)
    radius = np.hypot(noisy.x_train[:, 0], noisy.x_train[:, 1])
    assert not np.allclose(radius, np.where(noisy.labels_train == 0, 0.5, 1.0), atol=0.05)
    assert quiet.x_train.shape == noisy.x_train.shape


@pytest.mark.parametrize(
    "kwargs", [{"n_samples": 3}, {"n_samples": 10.5}, {"noise": -0.1}, {"noise": float("nan")}, {"test_fraction": 1.0}, {"test_fraction": -0.1}]
)
def test_toy_rejects_bad_arguments(kwargs):
    with pytest.raises(ValueError):
        datasets.xor(rng(), **kwargs)


def test_three_class_is_fixed_three_inputs_one_hot():
    ds = datasets.three_class(rng())
    assert_valid_dataset(ds, n_features=3, n_classes=3)
    assert ds.x_train.shape == (21, 3) and ds.x_test.shape == (0, 3)
    assert np.bincount(ds.labels_train).tolist() == [7, 7, 7]
    # The points do not depend on the seed; only their order does.
    other = datasets.three_class(rng(1))
    order, other_order = np.lexsort(ds.x_train.T), np.lexsort(other.x_train.T)
    np.testing.assert_array_equal(ds.x_train[order], other.x_train[other_order])
    assert not np.array_equal(ds.x_train, other.x_train)
    assert_bit_identical(ds, datasets.three_class(rng()))
    # Each sample is nearest to its own class's prototype, input j large for class j.
    np.testing.assert_array_equal(np.argmax(ds.x_train, axis=1), ds.labels_train)
    assert datasets.three_class(rng(), test_fraction=1 / 3).x_test.shape == (7, 3)


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def test_three_class_is_classified_perfectly_by_a_3_2_3_sigmoid_net():
    ds = datasets.three_class(rng())
    x, labels = ds.x_train, ds.labels_train

    # Existence, by hand: hidden unit 1 fires for class B (input 2 high), hidden unit 2 for
    # class C (input 3 high); class A leaves both off. Outputs read the three corners.
    hidden = _sigmoid(20.0 * (x[:, 1:3] - 0.5))
    output_weights = np.array([[-1.0, 1.0, -1.0], [-1.0, -1.0, 1.0]])
    output = _sigmoid(10.0 * (hidden @ output_weights + np.array([0.5, -0.5, -0.5])))
    np.testing.assert_array_equal(np.argmax(output, axis=1), labels)

    # And learnable: plain full-batch gradient descent (sigmoid outputs, cross-entropy) from a
    # random start reaches 100 % training accuracy.
    init = np.random.default_rng(1)
    w1, b1 = init.standard_normal((3, 2)), init.standard_normal(2)
    w2, b2 = init.standard_normal((2, 3)), init.standard_normal(3)
    learning_rate, y = 3.0, ds.y_train
    for _ in range(2000):
        h = _sigmoid(x @ w1 + b1)
        a = _sigmoid(h @ w2 + b2)
        delta_out = a - y
        delta_hidden = (delta_out @ w2.T) * h * (1 - h)
        w2 -= learning_rate * h.T @ delta_out / len(x)
        b2 -= learning_rate * delta_out.mean(axis=0)
        w1 -= learning_rate * x.T @ delta_hidden / len(x)
        b1 -= learning_rate * delta_hidden.mean(axis=0)
    accuracy = np.mean(np.argmax(_sigmoid(_sigmoid(x @ w1 + b1) @ w2 + b2), axis=1) == labels)
    assert accuracy == 1.0


def test_digits_1797_images_of_64_features_in_unit_interval_10_classes():
    ds = datasets.digits(rng(), test_fraction=0.2)
    assert_valid_dataset(ds, n_features=64, n_classes=10)
    assert ds.class_names == tuple("0123456789")
    assert ds.x_train.shape[0] + ds.x_test.shape[0] == 1797
    assert ds.x_test.shape[0] == round(1797 * 0.2)
    x = np.vstack([ds.x_train, ds.x_test])
    assert x.min() == 0.0 and x.max() == 1.0
    # Pixels were counts 0..16, so every value is a multiple of 1/16.
    np.testing.assert_array_equal(x * 16, np.round(x * 16))
    counts = np.bincount(np.concatenate([ds.labels_train, ds.labels_test]), minlength=10)
    assert counts.tolist() == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]
    assert_bit_identical(ds, datasets.digits(rng(), test_fraction=0.2))
    assert not np.array_equal(ds.x_train, datasets.digits(rng(1), test_fraction=0.2).x_train)


def test_digits_does_not_import_sklearn():
    code = (
        "import sys, numpy as np\n"
        "from nnlab.core import datasets\n"
        "datasets.digits(np.random.default_rng(0))\n"
        "assert 'sklearn' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_dataset_arrays_are_read_only():
    ds = datasets.xor(rng())
    with pytest.raises(ValueError):
        ds.x_train[0, 0] = 5.0


def test_split_keeps_pairs_together_and_validates():
    x = np.arange(20, dtype=np.float64).reshape(10, 2)
    labels = np.array([0, 1] * 5)
    ds = datasets.split(x, labels, rng(), 0.3, "pairs", ("even", "odd"))
    assert ds.x_test.shape == (3, 2) and ds.x_train.shape == (7, 2)
    for xs, ls in ((ds.x_train, ds.labels_train), (ds.x_test, ds.labels_test)):
        # Row i of x is [2i, 2i+1] and has label i % 2.
        np.testing.assert_array_equal(ls, (xs[:, 0] // 2) % 2)
    together = np.sort(np.concatenate([ds.x_train[:, 0], ds.x_test[:, 0]]))
    np.testing.assert_array_equal(together, x[:, 0])
    with pytest.raises(ValueError):
        datasets.split(x, labels + 1, rng(), 0.3, "pairs", ("even", "odd"))
    with pytest.raises(ValueError):
        datasets.split(x, labels[:5], rng(), 0.3, "pairs", ("even", "odd"))


def test_make_dataset_by_name():
    ds = datasets.make_dataset("spiral", rng(), n_samples=50, noise=0.0, test_fraction=0.0)
    assert_bit_identical(ds, datasets.spiral(rng(), n_samples=50, noise=0.0, test_fraction=0.0))
    assert datasets.make_dataset("three_class", rng()).x_train.shape == (21, 3)
    assert set(datasets.DATASET_NAMES) == {"digits", "mnist_5k", "mnist", "three_class", "xor", "circles", "gaussians", "spiral", "sine", "step", "csv", "idx"}
    with pytest.raises(ValueError, match="one of"):
        datasets.make_dataset("moons", rng())
    with pytest.raises(ValueError, match="noise"):
        datasets.make_dataset("digits", rng(), noise=0.1)
    with pytest.raises(ValueError, match="path"):
        datasets.make_dataset("csv", rng())


# ------------------------------------------------------------------------------------------
# CSV


def write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_round_trip_with_header(tmp_path):
    x = np.random.default_rng(5).normal(size=(30, 3))
    labels = np.arange(30) % 3
    lines = ["x1,x2,x3,label"] + [",".join(repr(float(v)) for v in row) + f",{label}" for row, label in zip(x, labels)]
    path = write(tmp_path / "data.csv", "\n".join(lines) + "\n")
    ds = datasets.load_csv(path, rng(), test_fraction=0.0)
    assert_valid_dataset(ds, n_features=3, n_classes=3)
    assert ds.name == "data.csv"
    assert ds.class_names == ("0", "1", "2")
    order = np.argsort(ds.x_train[:, 0])
    np.testing.assert_array_equal(ds.x_train[order], x[np.argsort(x[:, 0])])
    np.testing.assert_array_equal(ds.labels_train[order], labels[np.argsort(x[:, 0])])


def test_csv_round_trip_without_header_string_labels_first_column(tmp_path):
    rows = [("cat", 1.5, -2.0), ("dog", 0.25, 3.0), ("ant", 7.0, 8.0), ("dog", -1.0, 0.0)]
    text = "\n".join(f"{name}, {a}, {b}" for name, a, b in rows) + "\n\n"  # spaces and a blank line
    path = write(tmp_path / "animals.csv", text)
    ds = datasets.load_csv(path, rng(), test_fraction=0.0, label_column=0)
    assert ds.class_names == ("ant", "cat", "dog")
    assert_valid_dataset(ds, n_features=2, n_classes=3)
    got = sorted((ds.class_names[label], *row) for label, row in zip(ds.labels_train, ds.x_train.tolist()))
    assert got == sorted(rows)


def test_csv_integer_labels_sort_numerically_and_other_delimiters(tmp_path):
    path = write(tmp_path / "tabs.tsv", "1\t2\t10\n3\t4\t9\n5\t6\t10\n")
    ds = datasets.load_csv(path, rng(), test_fraction=0.0)
    assert ds.class_names == ("9", "10")
    assert ds.x_train.shape == (3, 2)
    semicolons = write(tmp_path / "semi.csv", "a;b;y\n1;2;x\n3;4;z\n")
    assert datasets.load_csv(semicolons, rng(), test_fraction=0.0).class_names == ("x", "z")


def test_csv_split_deterministic_and_fraction_honoured(tmp_path):
    path = write(tmp_path / "d.csv", "".join(f"{i},{i * 2},{i % 2}\n" for i in range(40)))
    a = datasets.load_csv(path, rng(11), test_fraction=0.25)
    assert a.x_test.shape == (10, 2) and a.x_train.shape == (30, 2)
    assert_bit_identical(a, datasets.load_csv(path, rng(11), test_fraction=0.25))
    assert not np.array_equal(a.x_train, datasets.load_csv(path, rng(12), test_fraction=0.25).x_train)


def assert_error(excinfo, *fragments: str) -> None:
    message = str(excinfo.value)
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message!r}"


def test_csv_short_row_names_file_and_line(tmp_path):
    path = write(tmp_path / "data.csv", "a,b,c,d,label\n1,2,3,4,0\n1,2,3,4,1\n\n1,2,3,1\n")
    with pytest.raises(DatasetError) as excinfo:
        datasets.load_csv(path, rng())
    assert_error(excinfo, "data.csv, line 5", "expected 5 columns", "found 4")
    assert excinfo.value.line == 5 and excinfo.value.file == str(path)


def test_csv_non_numeric_feature_names_file_line_and_column(tmp_path):
    path = write(tmp_path / "data.csv", "1,2,0\n3,4,1\n5,oops,1\n")
    with pytest.raises(DatasetError) as excinfo:
        datasets.load_csv(path, rng())
    assert_error(excinfo, "data.csv, line 3", "expected a number in column 2", "'oops'")


def test_csv_empty_feature_cell_and_non_finite(tmp_path):
    path = write(tmp_path / "gaps.csv", "x,y,label\n1,2,a\n3,,b\n")
    with pytest.raises(DatasetError) as excinfo:
        datasets.load_csv(path, rng())
    assert_error(excinfo, "gaps.csv, line 3", "column 2 ('y')", "empty cell")
    path = write(tmp_path / "nan.csv", "1,2,a\n3,nan,b\n")
    with pytest.raises(DatasetError) as excinfo:
        datasets.load_csv(path, rng())
    assert_error(excinfo, "nan.csv, line 2", "finite number", "'nan'")


@pytest.mark.parametrize("content", ["", "\n\n  \n"])
def test_csv_empty_file(tmp_path, content):
    path = write(tmp_path / "empty.csv", content)
    with pytest.raises(DatasetError) as excinfo:
        datasets.load_csv(path, rng())
    assert_error(excinfo, "empty.csv, line 1", "empty file")


def test_csv_header_only(tmp_path):
    path = write(tmp_path / "head.csv", "x,y,label\n")
    with pytest.raises(DatasetError) as excinfo:
        datasets.load_csv(path, rng())
    assert_error(excinfo, "head.csv, line 2", "expected data rows")


def test_csv_single_class(tmp_path):
    path = write(tmp_path / "one.csv", "x,label\n1,yes\n2,yes\n3,yes\n")
    with pytest.raises(DatasetError) as excinfo:
        datasets.load_csv(path, rng())
    assert_error(excinfo, "one.csv", "at least 2 different labels", "'yes'", "2 to 4")


def test_csv_missing_file(tmp_path):
    with pytest.raises(DatasetError) as excinfo:
        datasets.load_csv(tmp_path / "nowhere.csv", rng())
    assert_error(excinfo, "nowhere.csv", "not found")


def test_csv_directory_and_binary_file(tmp_path):
    with pytest.raises(DatasetError) as excinfo:
        datasets.load_csv(tmp_path, rng())
    assert_error(excinfo, tmp_path.name, "directory")
    path = tmp_path / "image.csv"
    path.write_bytes(b"1,2,0\n3,4,1\n\x89PNG\xff\n")
    with pytest.raises(DatasetError) as excinfo:
        datasets.load_csv(path, rng())
    assert_error(excinfo, "image.csv, line 3", "UTF-8")


def test_csv_label_column_out_of_range_and_single_column(tmp_path):
    path = write(tmp_path / "data.csv", "1,2,0\n3,4,1\n")
    with pytest.raises(DatasetError) as excinfo:
        datasets.load_csv(path, rng(), label_column=3)
    assert_error(excinfo, "data.csv, line 1", "label_column", "found 3")
    path = write(tmp_path / "single.csv", "1\n2\n")
    with pytest.raises(DatasetError) as excinfo:
        datasets.load_csv(path, rng())
    assert_error(excinfo, "single.csv, line 1", "at least 2 columns")


# ------------------------------------------------------------------------------------------
# IDX


def idx_bytes(array: np.ndarray, magic: int | None = None) -> bytes:
    """Encode a uint8 array as IDX: magic 0x000008NN, NN big-endian sizes, then the data."""
    if magic is None:
        magic = 0x0800 | array.ndim
    header = magic.to_bytes(4, "big") + b"".join(int(n).to_bytes(4, "big") for n in array.shape)
    return header + np.ascontiguousarray(array, dtype=np.uint8).tobytes()


def write_idx_pair(tmp_path, images: np.ndarray, labels: np.ndarray, gzipped: bool):
    suffix = ".gz" if gzipped else ""
    pack = gzip.compress if gzipped else (lambda data: data)
    images_path = tmp_path / f"train-images-idx3-ubyte{suffix}"
    labels_path = tmp_path / f"train-labels-idx1-ubyte{suffix}"
    images_path.write_bytes(pack(idx_bytes(images)))
    labels_path.write_bytes(pack(idx_bytes(labels)))
    return images_path, labels_path


def small_images_and_labels(n: int = 50):
    generator = np.random.default_rng(2)
    images = generator.integers(0, 256, size=(n, 4, 3), dtype=np.uint8)
    labels = (np.arange(n) % 3 + 2).astype(np.uint8)  # digits 2, 3, 4
    return images, labels


@pytest.mark.parametrize("gzipped", [False, True], ids=["plain", "gzipped"])
def test_idx_round_trip(tmp_path, gzipped):
    images, labels = small_images_and_labels()
    images_path, labels_path = write_idx_pair(tmp_path, images, labels, gzipped)
    ds = datasets.load_idx(images_path, labels_path, rng(), test_fraction=0.2)
    assert_valid_dataset(ds, n_features=12, n_classes=3)
    assert ds.class_names == ("2", "3", "4")
    assert ds.x_test.shape == (10, 12)
    x = np.vstack([ds.x_train, ds.x_test])
    y = np.concatenate([ds.labels_train, ds.labels_test])
    assert x.min() >= 0.0 and x.max() <= 1.0
    expected = images.reshape(len(images), -1) / 255.0
    # Every loaded row is one of the original images, with its own label.
    for row, label in zip(x, y):
        matches = np.flatnonzero((expected == row).all(axis=1))
        assert matches.size == 1
        assert labels[matches[0]] == int(ds.class_names[label])
    assert_bit_identical(ds, datasets.load_idx(images_path, labels_path, rng(), test_fraction=0.2))
    assert not np.array_equal(ds.x_train, datasets.load_idx(images_path, labels_path, rng(1)).x_train)


def test_idx_gzip_detected_by_magic_bytes_not_name(tmp_path):
    images, labels = small_images_and_labels()
    images_path = tmp_path / "images.bin"
    labels_path = tmp_path / "labels.gz"
    images_path.write_bytes(gzip.compress(idx_bytes(images)))
    labels_path.write_bytes(idx_bytes(labels))
    assert datasets.load_idx(images_path, labels_path, rng()).n_features == 12


def test_idx_wrong_magic(tmp_path):
    images, labels = small_images_and_labels()
    images_path, labels_path = write_idx_pair(tmp_path, images, labels, gzipped=False)
    png = tmp_path / "train-images.idx3-ubyte"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    with pytest.raises(DatasetError) as excinfo:
        datasets.load_idx(png, labels_path, rng())
    assert_error(excinfo, "train-images.idx3-ubyte, byte 0", "expected IDX magic 0x00000803", "found 0x89504e47")
    assert excinfo.value.byte_offset == 0
    # The two files swapped: the message says what was found instead.
    with pytest.raises(DatasetError) as excinfo:
        datasets.load_idx(labels_path, images_path, rng())
    assert_error(excinfo, f"{labels_path.name}, byte 0", "0x00000803", "found 0x00000801", "label file")


@pytest.mark.parametrize("gzipped", [False, True], ids=["plain", "gzipped"])
def test_idx_truncated_data(tmp_path, gzipped):
    images, labels = small_images_and_labels()
    data = idx_bytes(images)[:-7]  # 16-byte header + 600 pixels, 7 missing
    images_path = tmp_path / "images-idx3-ubyte"
    images_path.write_bytes(gzip.compress(data) if gzipped else data)
    labels_path = tmp_path / "labels-idx1-ubyte"
    labels_path.write_bytes(idx_bytes(labels))
    with pytest.raises(DatasetError) as excinfo:
        datasets.load_idx(images_path, labels_path, rng())
    assert_error(excinfo, f"images-idx3-ubyte, byte {16 + 600 - 7}", "expected 600 data bytes", "found the end")
    if gzipped:
        assert_error(excinfo, "decompressed")


def test_idx_truncated_header_extra_bytes_and_broken_gzip(tmp_path):
    images, labels = small_images_and_labels()
    labels_path = tmp_path / "labels-idx1-ubyte"
    labels_path.write_bytes(idx_bytes(labels))
    path = tmp_path / "images-idx3-ubyte"

    path.write_bytes(idx_bytes(images)[:10])
    with pytest.raises(DatasetError) as excinfo:
        datasets.load_idx(path, labels_path, rng())
    assert_error(excinfo, "images-idx3-ubyte, byte 10", "16-byte header")

    path.write_bytes(idx_bytes(images) + b"\x00\x00")
    with pytest.raises(DatasetError) as excinfo:
        datasets.load_idx(path, labels_path, rng())
    assert_error(excinfo, "images-idx3-ubyte, byte 616", "expected the end of the file", "2 more bytes")

    compressed = gzip.compress(idx_bytes(images))
    path.write_bytes(compressed[: len(compressed) // 2])
    with pytest.raises(DatasetError) as excinfo:
        datasets.load_idx(path, labels_path, rng())
    assert_error(excinfo, f"images-idx3-ubyte, byte {len(compressed) // 2}", "gzip")


def test_idx_count_mismatch(tmp_path):
    images, labels = small_images_and_labels(50)
    images_path, labels_path = write_idx_pair(tmp_path, images, labels[:49], gzipped=True)
    with pytest.raises(DatasetError) as excinfo:
        datasets.load_idx(images_path, labels_path, rng())
    assert_error(excinfo, f"{labels_path.name}, byte 4", "expected 50 labels", images_path.name, "found 49")


def test_idx_single_class_and_missing_file(tmp_path):
    images, _ = small_images_and_labels(10)
    images_path, labels_path = write_idx_pair(tmp_path, images, np.full(10, 7, dtype=np.uint8), gzipped=False)
    with pytest.raises(DatasetError) as excinfo:
        datasets.load_idx(images_path, labels_path, rng())
    assert_error(excinfo, f"{labels_path.name}, byte 8", "at least 2 different labels", "only 7")
    with pytest.raises(DatasetError) as excinfo:
        datasets.load_idx(images_path, tmp_path / "t10k-labels-idx1-ubyte", rng())
    assert_error(excinfo, "t10k-labels-idx1-ubyte", "not found")
