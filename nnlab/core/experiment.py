"""Experiment files: one versioned TOML description drives the GUI, the headless CLI and the tests.

A file looks like this (every key has a default, except ``schema``)::

    schema = 1
    kind = "neuron"            # or "network"
    seed = 0
    name = "my-lesson"         # optional
    description = "..."        # optional

    [neuron]                   # kind = "neuron" only
    x = 1.0
    y = 0.0
    w = 2.0                    # the start (w, b); or, instead of w and b,
    b = 2.0                    # starts = [[0.6, 0.9], [2.0, 2.0]]: 1 to 4 starts

    [data]                     # kind = "network" only
    dataset = "digits"         # digits | mnist_5k | mnist | three_class | xor | circles
                               # | gaussians | spiral | sine | step | csv | idx
    test_fraction = 0.2        # not with "mnist" or test files: their test set is given
    # idx only: images = "...", labels = "...", and for an official split
    # test_images = "...", test_labels = "..." (both or neither)
    # train_samples = 50000    # "mnist" and "idx" only: the first that many training images
    task = "classification"    # or "regression": numbers to learn (sine, step, or a CSV
                               # file whose label column holds numbers)

    [network]                  # kind = "network" only
    layers = [64, 30, 10]
    hidden_activation = "sigmoid"
    output = "softmax"         # sigmoid | softmax (classes) | linear (regression)

    [training]
    costs = ["quadratic", "cross_entropy"]   # one run per cost, identical start and data order
    learning_rate = 0.15
    epochs = 300
    batch_size = 32            # network only; omitted = full batch
    speed = 10                 # epochs per second in the window (1 to 1000, or "max")
    precision = "float64"      # network only: or "float32" (faster and smaller at MNIST size)

    [compare]                  # kind = "network" only; omitted = one run per cost
    setting = "learning_rate"  # cost | hidden_activation | optimizer | learning_rate
    values = [0.05, 0.5, 5.0]  # one run per value (2 to 6); training.costs then names one cost
    # or, with setting = "cost" (the default): learning_rates = [3.0, 0.5], one per cost

Regression (``data.task = "regression"``) goes with a linear output and the quadratic cost,
the mean squared error: a regression with a sigmoid or softmax output, a linear output for
classes, and cross-entropy with a linear output are each refused with a message that says
why. The sine and step data are regression data: with them ``task`` may be left out.

A neuron experiment has one run per cost, all from its start (w, b); with several
``neuron.starts``, one run per start and cost (at most MAX_NEURON_RUNS), named
``<cost>@<start>`` ("quadratic@1", "cross_entropy@2": see :func:`neuron_runs`), where a single
start keeps the cost's name alone. The runs of a network experiment differ in one setting:
the cost by default (one run per name in ``training.costs``), or the one ``[compare]``
names. Values are hidden activations (every
hidden layer of a run uses its value), optimizers ("batch", "sgd" = one sample per step,
"mini-batch" = ``training.batch_size``) or learning rates. Whatever they differ in, the runs
start from identical parameters and see the data in the identical order.

Every key has its rule in one table, :data:`FIELDS` (a :class:`Field` per dotted key, whose
``default`` is the settings' own); the window's panels check what is typed by the same table,
so a value a file refuses is refused there too. Every refusal is an :class:`ExperimentError`
whose message is one line naming the file, the dotted key, the value and what is allowed, e.g.
``lesson.toml: training.learning_rate = -0.1: must be a finite number > 0 and <= 1000``.
Messages stay short whatever the file holds: a value is shown up to its first 80
characters and a key up to 60, then "…", and a long path by its last 80 characters. Only a
regular file of at most 1 MiB (MAX_FILE_BYTES) is read as an experiment; a named pipe, a
device, a folder or a socket is refused by its type before anything is read (see
:mod:`nnlab.core.reading`).
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import math
import os
import re
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping, NamedTuple, NoReturn

import tomli_w

from .activations import ACTIVATIONS, OUTPUT_ACTIVATIONS
from .costs import COST_NAMES
from .datasets import DATASET_NAMES, DATASET_OPTIONS, REGRESSION_DATASETS, TASKS
from .network import INIT_METHODS as _NETWORK_INIT_METHODS
from .reading import MIB, read_regular_file, shorten, shorten_path
from .text import Message, QT_TRANSLATE_NOOP, fill

SCHEMA_VERSION = 1
KINDS = ("neuron", "network")
HIDDEN_ACTIVATIONS = tuple(ACTIVATIONS)
INIT_METHODS = tuple(m for m in _NETWORK_INIT_METHODS if m != "explicit")
"""Initialisations a file may ask for ("explicit" needs weights, which files do not carry)."""

MAX_LEARNING_RATE = 1000.0
MAX_EPOCHS = 1_000_000
MAX_BATCH_SIZE = 10_000_000
MIN_SPEED, MAX_SPEED = 1.0, 1000.0
DEFAULT_SPEED = 10.0
"""Epochs per second the window trains at unless the experiment says otherwise: slow enough
for a class to watch a run change (``nnlab run`` ignores it and trains at full speed)."""
FULL_SPEED = "max"
"""How a file writes "as fast as possible" (``speed`` None)."""
MIN_LAYERS, MAX_LAYERS = 2, 10
MAX_LAYER_SIZE = 1024
MAX_HIDDEN_SIZE = 512
MAX_TEST_FRACTION = 0.9
MIN_SAMPLES, MAX_SAMPLES = 10, 1_000_000
MAX_TRAIN_SAMPLES = 10_000_000
MAX_NOISE = 10.0
MAX_SEED = 2**63 - 1
MAX_STARTS = 4
MAX_NEURON_RUNS = 4
"""A neuron experiment's runs (starts × costs) side by side: each cost has its colour and
each start its line style and marker, and four is as many as a plot keeps apart."""
MAX_FILE_BYTES = 1 * MIB
"""The largest experiment file read; a real one is a few hundred bytes."""
SHOWN_CHARACTERS = 40
"""Messages show a value up to twice this many characters, a key up to this plus 20, and
a table's key inside a value up to this many, before cutting them with "…"."""


class ExperimentError(ValueError):
    """A refused experiment file or value; ``str(error)`` is one line meant for the user."""


@dataclass(frozen=True)
class NeuronSettings:
    """The single sigmoid neuron a = σ(w x + b) learning one sample (x, y), from the start
    (w, b), or from each of several ``starts`` (w, b), the first of which is then (w, b)
    too (a file gives either w and b or starts, and one start in ``starts`` reads as w
    and b). The lecture notes draw two starts on one figure: ``starts`` puts them side by
    side, each with a run per cost."""

    x: float = 1.0
    y: float = 0.0
    w: float = 2.0
    b: float = 2.0
    starts: tuple[tuple[float, float], ...] = ()

    @property
    def start_points(self) -> tuple[tuple[float, float], ...]:
        """Every start (w, b) in order: ``starts``, or the one start (w, b)."""
        return self.starts if self.starts else ((self.w, self.b),)


@dataclass(frozen=True)
class DataSettings:
    """Which dataset a network learns. Paths are absolute once parsed from a file (relative
    paths in the file are taken relative to the file's folder). ``task`` says what the
    targets are: classes ("classification") or numbers ("regression"; the sine and step data
    are regression whether or not the file says so)."""

    dataset: str = "digits"
    test_fraction: float = 0.2
    n_samples: int = 400
    noise: float = 0.1
    path: str | None = None
    label_column: int = -1
    images: str | None = None
    labels: str | None = None
    test_images: str | None = None
    test_labels: str | None = None
    train_samples: int | None = None
    task: str = "classification"

    @property
    def has_test_files(self) -> bool:
        """The test set comes from files of its own (an official split), not from
        ``test_fraction``."""
        return self.test_images is not None or self.test_labels is not None

    @property
    def is_regression(self) -> bool:
        return self.task == "regression"


@dataclass(frozen=True)
class NetworkSettings:
    """Layer sizes from input to output; ``hidden_activation`` is one name for every hidden
    layer or a tuple with one name per hidden layer."""

    layers: tuple[int, ...] = (64, 30, 10)
    hidden_activation: str | tuple[str, ...] = "sigmoid"
    output: str = "softmax"
    init: str = "scaled"

    @property
    def hidden_activations(self) -> tuple[str, ...]:
        """One activation name per hidden layer."""
        n_hidden = max(len(self.layers) - 2, 0)
        if isinstance(self.hidden_activation, str):
            return (self.hidden_activation,) * n_hidden
        return tuple(self.hidden_activation)


@dataclass(frozen=True)
class TrainingSettings:
    """Gradient descent settings; one run per name in ``costs``. ``batch_size`` None means
    full batch. ``speed`` is the window's pace in epochs per second (None: as fast as
    possible); it does not change what is computed."""

    costs: tuple[str, ...] = ("quadratic", "cross_entropy")
    learning_rate: float = 0.15
    epochs: int = 300
    batch_size: int | None = None
    momentum: float = 0.0
    l2: float = 0.0
    speed: float | None = DEFAULT_SPEED
    precision: str = "float64"


PRECISIONS = ("float64", "float32")
"""The floating-point type a network computes in: float64 (the default: the neuron lessons,
the toys, the digits) or float32 (MNIST-size data: its training steps took 1.4 to 1.6 times
less time in benchmarks/bench_training.py, and the data half the memory; results differ from
float64's in their last digits, which over a long run of small steps can move an accuracy by
some tenths of a per cent)."""

COMPARED_SETTINGS = ("cost", "hidden_activation", "optimizer", "learning_rate")
"""What the runs of a network experiment may differ in (one setting per experiment)."""

OPTIMIZERS = ("batch", "sgd", "mini-batch")
"""Gradient-descent variants: the full batch, one sample per step (SGD), or mini-batches of
``training.batch_size``."""


@dataclass(frozen=True)
class CompareSettings:
    """The one setting the runs differ in, and its value in each run.

    ``setting`` "cost" (the default) compares ``training.costs`` and has no ``values``. For
    the others, ``values`` holds one value per run, in order: names of hidden activations
    (every hidden layer of that run uses it), names from OPTIMIZERS, or learning rates; the
    experiment then has exactly one cost. Every run starts from identical parameters and
    sees the data in the identical order.

    ``learning_rates`` (with "cost" only) gives each cost of ``training.costs`` its own
    learning rate, in the same order: a comparison by cost whose values carry their own rates
    (Nielsen: cross-entropy at 0.5 against quadratic at 3.0). Empty: every run takes
    ``training.learning_rate``.
    """

    setting: str = "cost"
    values: tuple = ()
    learning_rates: tuple[float, ...] = ()


@dataclass(frozen=True)
class Experiment:
    """A whole experiment. Sections that do not belong to ``kind`` keep their defaults and are
    not written to files. ``source`` names where it came from, for messages only."""

    schema: int = SCHEMA_VERSION
    kind: str = "neuron"
    seed: int = 0
    name: str = ""
    description: str = ""
    neuron: NeuronSettings = field(default_factory=NeuronSettings)
    data: DataSettings = field(default_factory=DataSettings)
    network: NetworkSettings = field(default_factory=NetworkSettings)
    training: TrainingSettings = field(default_factory=TrainingSettings)
    compare: CompareSettings = field(default_factory=CompareSettings)
    source: str = field(default="<string>", compare=False)


# ---------------------------------------------------------------------------------------------
# Showing values the way the file spells them


def show_value(value: Any, limit: int = 2 * SHOWN_CHARACTERS) -> str:
    """A value in TOML spelling (strings in double quotes, true/false, [lists]), cut to its
    first ``limit`` characters followed by "…", and always on one line.

    Only as much of the value is spelled as is shown, so a list of a million items or an
    array nested hundreds deep costs no more than a short one.
    """
    pieces: list[str] = []
    length = 0
    for piece in _show(value, depth=0):
        pieces.append(piece)
        length += len(piece)
        if length > limit:
            break
    return shorten("".join(pieces), limit)


_MAX_SHOWN_DEPTH = 20


def _show(value: Any, depth: int):
    """The TOML spelling of ``value`` in pieces, lazily (see show_value)."""
    if depth > _MAX_SHOWN_DEPTH:
        yield "…"
    elif isinstance(value, bool):
        yield "true" if value else "false"
    elif isinstance(value, str):
        yield json.dumps(value[: 8 * SHOWN_CHARACTERS], ensure_ascii=False)
    elif isinstance(value, float):
        yield repr(value)
    elif isinstance(value, int):
        yield _show_int(value)
    elif isinstance(value, (list, tuple)):
        yield "["
        for i, item in enumerate(value):
            if i:
                yield ", "
            yield from _show(item, depth + 1)
        yield "]"
    elif isinstance(value, Mapping):
        yield "{"
        for i, (k, v) in enumerate(value.items()):
            yield f"{', ' if i else ''}{shorten(str(k), SHOWN_CHARACTERS)} = "
            yield from _show(v, depth + 1)
        yield "}"
    elif hasattr(value, "isoformat"):
        yield value.isoformat()
    else:
        yield " ".join(str(value).split())


def _show_int(value: int) -> str:
    # str() refuses integers of more than 4,300 digits (sys.get_int_max_str_digits), and
    # a number that long is not worth spelling out anyway.
    if value.bit_length() <= 4000:  # about 1,200 digits: cheap to convert, cut by show_value
        return str(value)
    digits = int(value.bit_length() * math.log10(2)) + 1
    return f"{'-' if value < 0 else ''}(a whole number of about {digits:,} digits)"


def _choices(names) -> str:
    return ", ".join(json.dumps(name) for name in names)


# ---------------------------------------------------------------------------------------------
# The table of fields: one rule per key, for the file reader and the panels alike


class _Reader:
    def __init__(self, source: str, base_dir: Path | None):
        self.source = shorten_path(source)
        self.base_dir = base_dir

    def fail(self, key: str, value: Any, allowed: str) -> NoReturn:
        self.error(Message.of(QT_TRANSLATE_NOOP("core", "%1 = %2: %3"), _show_key(key),
                              show_value(value), allowed))

    def error(self, text: str) -> NoReturn:
        # the source apart from the rest, which the window shows on its own under a field
        raise ExperimentError(Message.of(QT_TRANSLATE_NOOP("core", "%1: %2"), self.source, text))

    def unknown(self, key: str, allowed) -> NoReturn:
        name = key.rsplit(".", 1)[-1]
        # a name far longer than any allowed one cannot be a slip of the keyboard
        hint = (difflib.get_close_matches(name, list(allowed), n=1)
                if len(name) <= 2 * SHOWN_CHARACTERS else [])
        if hint:
            self.error(Message.of(QT_TRANSLATE_NOOP(
                "core", "unknown key '%1' (allowed: %2; did you mean '%3'?)"),
                _show_key(key), ", ".join(allowed), hint[0]))
        self.error(Message.of(QT_TRANSLATE_NOOP("core", "unknown key '%1' (allowed: %2)"),
                              _show_key(key), ", ".join(allowed)))


def _show_key(key: str) -> str:
    """A dotted key for a message: the file's own keys are short; one that is not is cut."""
    return shorten(key, SHOWN_CHARACTERS + 20)


def _quote_hint(value: Any) -> bool:
    """Whether a hint for the common slip of quoting a number fits ``value``."""
    if isinstance(value, str):
        try:
            float(value)
        except ValueError:
            return False
        return True
    return False


_NUMBER_WORDINGS = {
    # (low: none / included / open, high: none / included / open)
    (False, False): QT_TRANSLATE_NOOP("core", "a finite number"),
    (1, False): QT_TRANSLATE_NOOP("core", "a finite number >= %1"),
    (2, False): QT_TRANSLATE_NOOP("core", "a finite number > %1"),
    (False, 1): QT_TRANSLATE_NOOP("core", "a finite number <= %1"),
    (False, 2): QT_TRANSLATE_NOOP("core", "a finite number < %1"),
    (1, 1): QT_TRANSLATE_NOOP("core", "a finite number >= %1 and <= %2"),
    (1, 2): QT_TRANSLATE_NOOP("core", "a finite number >= %1 and < %2"),
    (2, 1): QT_TRANSLATE_NOOP("core", "a finite number > %1 and <= %2"),
    (2, 2): QT_TRANSLATE_NOOP("core", "a finite number > %1 and < %2"),
}
"""The wording of a "number" field, by its bounds."""

FieldReader = Callable[["_Reader", str, Any], Any]
"""Reads a value no single rule describes (a list of costs, the layers, the speed)."""


@dataclass(frozen=True)
class Field:
    """One key of an experiment file and what it allows.

    ``kind`` is "number" (a finite float), "whole" (an int), "choice" (one of ``choices``),
    "text", "path" or "list"; ``low`` and ``high`` bound a number or a whole number (for the
    layers, how many there are), each included unless ``low_open`` / ``high_open``;
    ``words`` say what a "list", "text" or "path" allows, or replace the usual words. The
    window checks what is typed with :meth:`accepts` and words the rule from
    :attr:`wording` and :attr:`bounds`, so a value a file refuses is refused there too.
    A kind whose values no single rule describes has a ``reader`` of its own.
    """

    key: str
    kind: str
    low: float | None = None
    high: float | None = None
    low_open: bool = False
    high_open: bool = False
    choices: tuple[str, ...] = ()
    words: str = ""
    reader: FieldReader | None = field(default=None, compare=False, repr=False)

    @property
    def name(self) -> str:
        """The key inside its section: "learning_rate" for "training.learning_rate"."""
        return self.key.rpartition(".")[2]

    @property
    def default(self) -> Any:
        """The value an experiment has when its file leaves the key out."""
        section, _, name = self.key.rpartition(".")
        owner = _SETTINGS_OF_SECTION[section]
        spec = owner.__dataclass_fields__[name]
        if spec.default_factory is not dataclasses.MISSING:
            return spec.default_factory()
        return spec.default

    @property
    def bounds(self) -> tuple:
        """The numbers :attr:`wording` names, in the order of its ``%1``, ``%2``."""
        return tuple(b for b in (self.low, self.high) if b is not None)

    @property
    def template(self) -> str:
        """What the key allows, as a template marked for translation: :attr:`wording`, or
        for a key with ``choices`` and no bounds, a wording whose ``%1`` is the choices."""
        if self.words:
            return self.words
        if self.kind == "number":
            return _NUMBER_WORDINGS[(self.low is not None and (1 + self.low_open),
                                     self.high is not None and (1 + self.high_open))]
        if self.kind == "whole":
            if self.low is not None and self.high is not None:
                return QT_TRANSLATE_NOOP("core", "a whole number from %1 to %2")
            if self.low is not None:
                return QT_TRANSLATE_NOOP("core", "a whole number >= %1")
            return QT_TRANSLATE_NOOP("core", "a whole number")
        return QT_TRANSLATE_NOOP("core", "one of %1")

    @property
    def wording(self) -> str:
        """What the key allows, in English with a ``%1``, ``%2`` for each of :attr:`bounds`:
        "a finite number > %1 and <= %2". The window keeps a translation of each wording."""
        if self.choices and not self.bounds:
            return fill(self.template, _choices(self.choices))
        return self.template

    @property
    def allowed(self) -> Message:
        """The end of a file's refusal: "must be a finite number > 0 and <= 1000"."""
        if self.choices and not self.bounds:
            values: tuple = (_choices(self.choices),)
        else:
            values = tuple(f"{b:g}" if self.kind == "number" else b for b in self.bounds)
        return Message.of(QT_TRANSLATE_NOOP("core", "must be %1"),
                          Message.of(self.template, *values))

    def accepts(self, value: Any) -> bool:
        """Whether a file may give the key ``value`` (of the type TOML reads), and so whether
        the window takes it when typed."""
        if self.kind == "choice":
            return isinstance(value, str) and value in self.choices
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return False
        if self.kind == "whole" and not isinstance(value, int):
            return False
        if self.kind == "number":
            try:
                value = float(value)
            except OverflowError:  # an integer beyond the largest float, about 1.8e308
                return False
            if not math.isfinite(value):
                return False
        if self.low is not None and (value <= self.low if self.low_open else value < self.low):
            return False
        return self.high is None or (value < self.high if self.high_open
                                     else value <= self.high)

    def refusal(self, value: Any) -> Message | None:
        """Why ``value`` is refused (:attr:`allowed` and a hint), or None when accepted."""
        if self.accepts(value):
            return None
        if self.kind == "whole" and isinstance(value, float) and math.isfinite(value) \
                and value.is_integer():
            return Message.of(QT_TRANSLATE_NOOP("core", "%1 (write it without a decimal point)"),
                              self.allowed)
        if _quote_hint(value):
            return Message.of(QT_TRANSLATE_NOOP("core", "%1 (write it without quotes)"),
                              self.allowed)
        return self.allowed

    def read(self, r: _Reader, value: Any, key: str | None = None) -> Any:
        """The checked value, or a refusal naming ``key`` (the field's own by default)."""
        key = self.key if key is None else key
        if self.reader is not None:
            return self.reader(r, key, value)
        reason = self.refusal(value)
        if reason is not None:
            r.fail(key, value, reason)
        return float(value) if self.kind == "number" else value


def _text(r: _Reader, key: str, value: Any) -> str:
    if not isinstance(value, str):
        r.fail(key, value, FIELDS["name"].allowed)
    return value


def _path(r: _Reader, key: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip() or "\0" in value:
        r.fail(key, value, FIELDS["data.path"].allowed)
    path = Path(os.path.expanduser(value))
    if not path.is_absolute() and r.base_dir is not None:
        path = r.base_dir / path
    return os.path.normpath(path) if path.is_absolute() else value


def _costs(r: _Reader, key: str, value: Any) -> tuple[str, ...]:
    allowed = FIELDS["training.costs"].allowed
    if not isinstance(value, list) or not value:
        r.fail(key, value, allowed)
    for i, name in enumerate(value):
        if not isinstance(name, str) or name not in COST_NAMES:
            r.fail(f"{key}[{i}]", name, _one_of(COST_NAMES))
    if len(set(value)) != len(value):
        r.fail(key, value, _at_most_once(allowed))
    return tuple(value)


def _starts(r: _Reader, key: str, value: Any) -> tuple[tuple[float, float], ...]:
    rule = FIELDS["neuron.starts"]
    allowed = rule.allowed
    if not isinstance(value, list) or not rule.low <= len(value) <= rule.high:
        r.fail(key, value, allowed)
    starts = []
    for i, start in enumerate(value):
        if not isinstance(start, list) or len(start) != 2:
            r.fail(f"{key}[{i}]", start, Message.of(QT_TRANSLATE_NOOP(
                "core", "must be a start [w, b]: a list of two finite numbers, the weight and "
                "the bias")))
        # each number by the rule of neuron.w and neuron.b, named by its place in the list
        starts.append((FIELDS["neuron.w"].read(r, start[0], key=f"{key}[{i}][0]"),
                       FIELDS["neuron.b"].read(r, start[1], key=f"{key}[{i}][1]")))
    if len(set(starts)) != len(starts):
        r.fail(key, value, _at_most_once(allowed))
    return tuple(starts)


HIDDEN_LAYER_SIZE = Field("network.layers", "whole", 1, MAX_HIDDEN_SIZE)
"""The units of a hidden layer."""
OUTER_LAYER_SIZE = Field("network.layers", "whole", 1, MAX_LAYER_SIZE)
"""The units of the input or the output layer."""


def layer_size_field(index: int, count: int) -> Field:
    """The rule of layer ``index`` (0 = the inputs) of ``count`` layers."""
    return HIDDEN_LAYER_SIZE if 0 < index < count - 1 else OUTER_LAYER_SIZE


def _layers(r: _Reader, key: str, value: Any) -> tuple[int, ...]:
    count = FIELDS["network.layers"]
    if not isinstance(value, list) or not count.low <= len(value) <= count.high:
        r.fail(key, value, count.allowed)
    for i, size in enumerate(value):
        rule = layer_size_field(i, len(value))
        what = (QT_TRANSLATE_NOOP("core", "a hidden layer size %1") if rule is HIDDEN_LAYER_SIZE
                else QT_TRANSLATE_NOOP("core", "an input or output layer size %1"))
        if not rule.accepts(size):
            r.fail(f"{key}[{i}]", size, Message.of(what, rule.allowed))
    return tuple(value)


def _hidden_activation(r: _Reader, key: str, value: Any) -> str | tuple[str, ...]:
    allowed = FIELDS["network.hidden_activation"].allowed
    if isinstance(value, str):
        if value not in HIDDEN_ACTIVATIONS:
            r.fail(key, value, allowed)
        return value
    if not isinstance(value, list):
        r.fail(key, value, allowed)
    for i, name in enumerate(value):
        if not isinstance(name, str) or name not in HIDDEN_ACTIVATIONS:
            r.fail(f"{key}[{i}]", name, _one_of(HIDDEN_ACTIVATIONS))
    return tuple(value)


def _speed(r: _Reader, key: str, value: Any) -> float | None:
    if value == FULL_SPEED:
        return None
    allowed = FIELDS["training.speed"].allowed
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        r.fail(key, value, allowed)
    # compared as given: math.isfinite would overflow on an integer beyond the floats
    if isinstance(value, float) and not math.isfinite(value):
        r.fail(key, value, allowed)
    if not MIN_SPEED <= value <= MAX_SPEED:
        r.fail(key, value, allowed)
    return float(value)


def _one_of(names) -> Message:
    return Message.of(QT_TRANSLATE_NOOP("core", "must be one of %1"), _choices(names))


def _at_most_once(allowed: str) -> Message:
    return Message.of(QT_TRANSLATE_NOOP("core", "%1 (each at most once)"), allowed)


_PATH_WORDS = QT_TRANSLATE_NOOP(
    "core", "a file path in double quotes (relative paths start from the experiment file's "
    "folder)")
MIN_COMPARED, MAX_COMPARED = 2, 6
"""How many values a [compare] table may list: one run each, side by side in the lab."""

_SETTINGS_OF_SECTION = {"": Experiment, "neuron": NeuronSettings, "data": DataSettings,
                        "network": NetworkSettings, "training": TrainingSettings,
                        "compare": CompareSettings}

FIELDS: dict[str, Field] = {f.key: f for f in (
    Field("kind", "choice", choices=KINDS),
    Field("seed", "whole", 0, MAX_SEED),
    Field("name", "text", words=QT_TRANSLATE_NOOP("core", "a string in double quotes"),
          reader=_text),
    Field("description", "text", words=QT_TRANSLATE_NOOP("core", "a string in double quotes"),
          reader=_text),
    Field("neuron.x", "number"),
    Field("neuron.y", "number", 0.0, 1.0),
    Field("neuron.w", "number"),
    Field("neuron.b", "number"),
    Field("neuron.starts", "list", 1, MAX_STARTS,
          words=QT_TRANSLATE_NOOP("core", "a list of %1 to %2 different starts [w, b], each "
                                  "two finite numbers"),
          reader=_starts),
    Field("data.dataset", "choice", choices=DATASET_NAMES),
    Field("data.test_fraction", "number", 0.0, MAX_TEST_FRACTION),
    Field("data.n_samples", "whole", MIN_SAMPLES, MAX_SAMPLES),
    Field("data.noise", "number", 0.0, MAX_NOISE),
    Field("data.path", "path", words=_PATH_WORDS, reader=_path),
    Field("data.label_column", "whole"),
    Field("data.images", "path", words=_PATH_WORDS, reader=_path),
    Field("data.labels", "path", words=_PATH_WORDS, reader=_path),
    Field("data.test_images", "path", words=_PATH_WORDS, reader=_path),
    Field("data.test_labels", "path", words=_PATH_WORDS, reader=_path),
    Field("data.train_samples", "whole", 1, MAX_TRAIN_SAMPLES),
    Field("data.task", "choice", choices=TASKS),
    Field("network.layers", "list", MIN_LAYERS, MAX_LAYERS,
          words=QT_TRANSLATE_NOOP("core",
                                  "a list of %1 to %2 layer sizes, input first and output last"),
          reader=_layers),
    Field("network.hidden_activation", "list", choices=HIDDEN_ACTIVATIONS,
          words=QT_TRANSLATE_NOOP("core",
                                  "one of %1, or a list with one of them per hidden layer"),
          reader=_hidden_activation),
    Field("network.output", "choice", choices=OUTPUT_ACTIVATIONS),
    Field("network.init", "choice", choices=INIT_METHODS),
    Field("training.costs", "list", choices=COST_NAMES,
          words=QT_TRANSLATE_NOOP("core", "a non-empty list of different names from %1"),
          reader=_costs),
    Field("training.learning_rate", "number", 0.0, MAX_LEARNING_RATE, low_open=True),
    Field("training.epochs", "whole", 1, MAX_EPOCHS),
    Field("training.batch_size", "whole", 1, MAX_BATCH_SIZE),
    Field("training.momentum", "number", 0.0, 1.0, high_open=True),
    Field("training.l2", "number", 0.0, MAX_LEARNING_RATE),
    Field("training.speed", "number", MIN_SPEED, MAX_SPEED,
          # "max" is FULL_SPEED, a key of the file: a translation keeps it as it is
          words=QT_TRANSLATE_NOOP("core", 'a number of epochs per second from %1 to %2, '
                                  'or "max" for as fast as possible'),
          reader=_speed),
    Field("training.precision", "choice", choices=PRECISIONS),
    Field("compare.setting", "choice", choices=COMPARED_SETTINGS),
    # read with the rest of [compare], which says what the values are (see _compare)
    Field("compare.values", "list", MIN_COMPARED, MAX_COMPARED,
          words=QT_TRANSLATE_NOOP("core", "a list of %1 to %2 different values, one run each")),
    # read with the rest of [compare]: one rate per name in training.costs (see _compare)
    Field("compare.learning_rates", "list",
          words=QT_TRANSLATE_NOOP("core", "a list of learning rates, one per name in "
                                  "training.costs, each as training.learning_rate allows")),
)}
"""Every key of an experiment file but ``schema``, in the order files list them."""

_TOP_LEVEL = ("schema", "kind", "seed", "name", "description",
              "neuron", "data", "network", "training", "compare")
_SECTIONS_FOR_KIND = {"neuron": ("neuron", "training"),
                      "network": ("data", "network", "training", "compare")}
_NETWORK_ONLY_TRAINING = ("batch_size", "momentum", "l2", "precision")


def _section_fields(section: str) -> dict[str, Field]:
    return {f.name: f for f in FIELDS.values() if f.key.startswith(section + ".")}


def _table_rule(name: str) -> Message:
    return Message.of(QT_TRANSLATE_NOOP("core", "must be a table, written [%1] on its own line"),
                      name)


def _section(r: _Reader, mapping: Mapping, name: str) -> dict:
    fields = _section_fields(name)
    table = mapping.get(name, {})
    if not isinstance(table, Mapping):
        r.fail(name, table, _table_rule(name))
    for key in table:
        if key not in fields:
            r.unknown(f"{name}.{key}", fields)
    return {key: fields[key].read(r, value) for key, value in table.items()}


def parse_experiment(mapping: Mapping[str, Any], source: str = "<string>",
                     base_dir: str | os.PathLike | None = None) -> Experiment:
    """Check a parsed TOML mapping and build the :class:`Experiment` it describes.

    ``source`` names the file in messages; relative data paths are taken relative to
    ``base_dir`` (the file's folder) when it is given. Raises :class:`ExperimentError`.
    """
    r = _Reader(source, Path(base_dir) if base_dir is not None else None)
    if not isinstance(mapping, Mapping):
        r.error(Message.of(QT_TRANSLATE_NOOP("core", "an experiment must be a table of keys, "
                                             "not %1"), show_value(mapping)))
    for key in mapping:
        if key not in _TOP_LEVEL:
            r.unknown(str(key), _TOP_LEVEL)

    if "schema" not in mapping:
        r.error(Message.of(QT_TRANSLATE_NOOP(
            "core", "missing key 'schema' (write schema = %1 as the first line)"),
            SCHEMA_VERSION))
    schema = mapping["schema"]
    if isinstance(schema, bool) or not isinstance(schema, int) or schema != SCHEMA_VERSION:
        r.fail("schema", schema, Message.of(QT_TRANSLATE_NOOP("core", "this nnlab reads schema %1"),
                                            SCHEMA_VERSION))

    kind, seed, name, description = (FIELDS[key].read(r, mapping.get(key, FIELDS[key].default))
                                      for key in ("kind", "seed", "name", "description"))
    if "\n" in name:
        r.fail("name", name, Message.of(QT_TRANSLATE_NOOP("core", "must be a single line")))

    wanted = _SECTIONS_FOR_KIND[kind]
    compare_table = mapping.get("compare")
    if kind == "neuron" and isinstance(compare_table, Mapping) \
            and compare_table.get("setting") == "start":
        r.fail("compare.setting", "start", Message.of(QT_TRANSLATE_NOOP(
            "core", 'not used with kind = "neuron": a neuron experiment lists its starts in '
            "neuron.starts, e.g. %1, one run per start and cost"),
            "starts = [[0.6, 0.9], [2.0, 2.0]]"))
    for section in ("neuron", "data", "network", "compare"):
        if section in mapping and section not in wanted:
            other = "network" if kind == "neuron" else "neuron"
            r.error(Message.of(QT_TRANSLATE_NOOP(
                "core", 'section [%1] is not used with kind = "%2" (kind = "%2" uses %3; '
                '[%1] belongs to kind = "%4")'),
                section, kind, ", ".join(f"[{s}]" for s in wanted), other))

    training_values = _section(r, mapping, "training")
    if kind == "neuron":
        for key in _NETWORK_ONLY_TRAINING:
            if key in training_values:
                r.fail(f"training.{key}", mapping["training"][key], Message.of(
                    QT_TRANSLATE_NOOP("core", 'only used with kind = "network" (a single neuron '
                                      "learns one sample by plain gradient descent)")))
    training = TrainingSettings(**training_values)

    neuron = _neuron(r, mapping, training)

    data_values = _section(r, mapping, "data")
    if data_values.get("dataset") in REGRESSION_DATASETS and "task" not in data_values:
        data_values["task"] = "regression"  # numbers to learn: the sine and step say so
    data = DataSettings(**data_values)
    if kind == "network":
        if data.dataset == "csv" and data.path is None:
            r.error(Message.of(QT_TRANSLATE_NOOP(
                "core", 'data.dataset = "csv" needs data.path, the CSV file '
                "(relative to the experiment file's folder)")))
        if data.dataset == "idx" and (data.images is None or data.labels is None):
            missing = " and ".join(k for k in ("images", "labels") if getattr(data, k) is None)
            r.error(Message.of(QT_TRANSLATE_NOOP(
                "core", 'data.dataset = "idx" needs data.images and data.labels, the IDX image '
                "and label files (missing: %1)"), missing))
        _check_split(r, mapping, data)

    network = NetworkSettings(**_section(r, mapping, "network"))
    if not isinstance(network.hidden_activation, str):
        n_hidden = len(network.layers) - 2
        if len(network.hidden_activation) != n_hidden:
            r.fail("network.hidden_activation", list(network.hidden_activation), Message.of(
                QT_TRANSLATE_NOOP("core", "needs one activation per hidden layer, and "
                                  "network.layers = %1 has %2"),
                show_value(list(network.layers)), n_hidden))

    if kind == "network":
        _check_task(r, data, network, training)
    compare = _compare(r, mapping, training, network)

    return Experiment(schema=schema, kind=kind, seed=seed, name=name,
                      description=description, neuron=neuron, data=data, network=network,
                      training=training, compare=compare, source=source)


def _check_split(r: _Reader, mapping: Mapping, data: DataSettings) -> None:
    """An official split: test files only with "idx" and both of them; no test_fraction
    (other than its default) where the test set is given, with test files or by "mnist";
    train_samples only where the training set has an order of its own ("mnist", "idx")."""
    if data.has_test_files:
        if data.dataset != "idx":
            key = "test_images" if data.test_images is not None else "test_labels"
            r.fail(f"data.{key}", mapping["data"][key], Message.of(QT_TRANSLATE_NOOP(
                "core", 'only used with data.dataset = "idx" (a test set in IDX files of its '
                'own); data.dataset = "%1"'), data.dataset))
        if data.test_images is None or data.test_labels is None:
            given, missing = (("test_images", "test_labels") if data.test_images is not None
                              else ("test_labels", "test_images"))
            r.fail(f"data.{given}", mapping["data"][given], Message.of(QT_TRANSLATE_NOOP(
                "core", "needs data.%1 too: the test set's images and labels come as a pair of "
                "IDX files"), missing))
    split_given = data.has_test_files or data.dataset == "mnist"
    if split_given and data.test_fraction != FIELDS["data.test_fraction"].default:
        where = (Message.of(QT_TRANSLATE_NOOP("core", "data.test_images and data.test_labels "
                                              "are the test set"))
                 if data.dataset != "mnist" else
                 Message.of(QT_TRANSLATE_NOOP("core", 'data.dataset = "mnist" has its official '
                                              "test set of 10,000 images")))
        r.fail("data.test_fraction", mapping["data"]["test_fraction"], Message.of(
            QT_TRANSLATE_NOOP("core", "not used here: %1; leave test_fraction out"), where))
    if data.train_samples is not None and data.dataset not in ("mnist", "idx"):
        r.fail("data.train_samples", data.train_samples, Message.of(QT_TRANSLATE_NOOP(
            "core", 'only used with data.dataset = "mnist" or "idx" (the first that many '
            'training images); data.dataset = "%1"'), data.dataset))


def _check_task(r: _Reader, data: DataSettings, network: NetworkSettings,
                training: TrainingSettings) -> None:
    """Regression goes with regression data, a linear output and the quadratic cost; classes
    with class data and a sigmoid or softmax output."""
    if data.is_regression and data.dataset not in REGRESSION_DATASETS + ("csv",):
        r.fail("data.task", data.task, Message.of(QT_TRANSLATE_NOOP(
            "core", 'data.dataset = "%1" has classes, not numbers to learn: regression needs '
            "the sine or step data, or a CSV file whose label column holds numbers"),
            data.dataset))
    if not data.is_regression and data.dataset in REGRESSION_DATASETS:
        r.fail("data.task", data.task, Message.of(QT_TRANSLATE_NOOP(
            "core", 'data.dataset = "%1" has numbers to learn, not classes: write task = '
            '"regression" (or leave task out)'), data.dataset))
    if data.is_regression and network.output != "linear":
        r.fail("network.output", network.output, Message.of(QT_TRANSLATE_NOOP(
            "core", 'must be "linear" for regression (data.task = "regression"): a sigmoid or '
            "softmax output stays between 0 and 1, a linear output reaches any number")))
    if not data.is_regression and network.output == "linear":
        r.fail("network.output", network.output, Message.of(QT_TRANSLATE_NOOP(
            "core", 'is for regression (data.task = "regression"); classes need outputs '
            "between 0 and 1: sigmoid or softmax")))
    if network.output == "linear" and "cross_entropy" in training.costs:
        r.fail("training.costs", list(training.costs), Message.of(QT_TRANSLATE_NOOP(
            "core", "cross-entropy needs outputs between 0 and 1 (sigmoid or softmax); a "
            'linear output (network.output = "linear") is trained with the quadratic cost, '
            'the mean squared error: write costs = ["quadratic"]')))


def _neuron(r: _Reader, mapping: Mapping, training: TrainingSettings) -> NeuronSettings:
    """The [neuron] table: one start in w and b, or several in starts (and then neither w
    nor b), and no more runs, starts × costs, than MAX_NEURON_RUNS."""
    values = _section(r, mapping, "neuron")
    starts = values.pop("starts", None)
    if starts is not None:
        for name in ("w", "b"):
            if name in values:
                r.fail(f"neuron.{name}", mapping["neuron"][name], Message.of(QT_TRANSLATE_NOOP(
                    "core", "not used with neuron.starts, which gives the w and b of every "
                    "start (write this start in neuron.starts, or leave neuron.starts out)")))
        # the first start is (w, b), so whatever reads one start reads the first
        values["w"], values["b"] = starts[0]
        if len(starts) > 1:
            values["starts"] = starts
    neuron = NeuronSettings(**values)
    n_starts, n_costs = len(neuron.start_points), len(training.costs)
    if n_starts * n_costs > MAX_NEURON_RUNS:
        r.fail("neuron.starts", mapping["neuron"]["starts"], Message.of(QT_TRANSLATE_NOOP(
            "core", "%1 starts × %2 costs (training.costs) make %3 runs, more than the %4 a "
            "neuron experiment shows side by side: list fewer starts, or one cost"),
            n_starts, n_costs, n_starts * n_costs, MAX_NEURON_RUNS))
    return neuron


NEURON_RUN_SEPARATOR = "@"
"""Between a neuron run's cost and its start's number: "quadratic@2"."""


class NeuronRun(NamedTuple):
    """One run of a neuron experiment: its ``name``, its ``cost``, the index ``start`` of
    its start in ``neuron.start_points`` (0: the first) and that start (``w``, ``b``)."""

    name: str
    cost: str
    start: int
    w: float
    b: float


def neuron_run_name(cost: str, start: int, n_starts: int) -> str:
    """The name of the run of ``cost`` from start ``start`` (0: the first) of ``n_starts``:
    the cost alone for a single start ("quadratic", as every file and history.csv has it),
    else the cost and the start's number from 1 ("quadratic@1", "cross_entropy@2"): a name
    without spaces or commas, for history.csv and summary.json alike."""
    return cost if n_starts == 1 else f"{cost}{NEURON_RUN_SEPARATOR}{start + 1}"


def neuron_run_parts(name: str) -> tuple[str, int]:
    """(cost, start index) of a neuron run's name: "quadratic" → ("quadratic", 0),
    "cross_entropy@2" → ("cross_entropy", 1)."""
    cost, separator, number = name.rpartition(NEURON_RUN_SEPARATOR)
    if separator and number.isdigit() and int(number) >= 1:
        return cost, int(number) - 1
    return name, 0


def neuron_runs(exp: Experiment) -> tuple[NeuronRun, ...]:
    """The runs of a neuron experiment in order: for each start, one per cost."""
    starts, costs = exp.neuron.start_points, exp.training.costs
    return tuple(NeuronRun(neuron_run_name(cost, index, len(starts)), cost, index, w, b)
                 for index, (w, b) in enumerate(starts) for cost in costs)


def compared_value_name(setting: str, value: Any) -> str:
    """The name of the run that has ``value`` of the compared ``setting``: the value itself,
    a learning rate written with up to 6 significant digits (``0.5``, ``1e-05``)."""
    if setting == "learning_rate":
        return f"{value:g}"
    return str(value)


def _compare(r: _Reader, mapping: Mapping, training: TrainingSettings,
             network: NetworkSettings) -> CompareSettings:
    """The [compare] table, checked against the [training] and [network] it varies."""
    fields = _section_fields("compare")
    table = mapping.get("compare", {})
    if not isinstance(table, Mapping):
        r.fail("compare", table, _table_rule("compare"))
    for key in table:
        if key not in fields:
            r.unknown(f"compare.{key}", fields)
    setting_field = FIELDS["compare.setting"]
    setting = setting_field.read(r, table.get("setting", setting_field.default))
    if setting == "cost":
        if "values" in table:
            r.fail("compare.values", table["values"], Message.of(QT_TRANSLATE_NOOP(
                "core", 'not used with compare.setting = "cost", the default (the runs are then '
                "the names in training.costs); set compare.setting to what the runs differ in")))
        if "learning_rates" in table:
            return CompareSettings(learning_rates=_learning_rates(r, table["learning_rates"],
                                                                  training))
        return CompareSettings()
    if "learning_rates" in table:
        r.fail("compare.learning_rates", table["learning_rates"], Message.of(QT_TRANSLATE_NOOP(
            "core", 'only used with compare.setting = "cost", the default (one learning rate '
            'per cost); compare.setting = "%1" varies compare.values instead'), setting))

    names_from = QT_TRANSLATE_NOOP("core", "names from %1")
    rate = FIELDS["training.learning_rate"]
    what = {"hidden_activation": Message.of(names_from, _choices(HIDDEN_ACTIVATIONS)),
            "optimizer": Message.of(names_from, _choices(OPTIMIZERS)),
            "learning_rate": Message.of(QT_TRANSLATE_NOOP("core", "learning rates > %1 and <= %2"),
                                        *(f"{b:g}" for b in rate.bounds))}[setting]
    allowed = Message.of(QT_TRANSLATE_NOOP("core", "must be a list of %1 to %2 different %3, "
                                           "one run each"), MIN_COMPARED, MAX_COMPARED, what)
    if "values" not in table:
        r.error(Message.of(QT_TRANSLATE_NOOP(
            "core", 'compare.setting = "%1" needs compare.values, a list of %2 to %3 different '
            "%4, one run each"), setting, MIN_COMPARED, MAX_COMPARED, what))
    raw = table["values"]
    if not isinstance(raw, list) or not MIN_COMPARED <= len(raw) <= MAX_COMPARED:
        r.fail("compare.values", raw, allowed)
    if setting == "learning_rate":
        rule = FIELDS["training.learning_rate"]
    else:
        rule = Field("compare.values", "choice", choices=(
            HIDDEN_ACTIVATIONS if setting == "hidden_activation" else OPTIMIZERS))
    values = tuple(rule.read(r, value, key=f"compare.values[{i}]")
                   for i, value in enumerate(raw))
    if len(set(values)) != len(values):
        r.fail("compare.values", raw, _at_most_once(allowed))
    names = [compared_value_name(setting, value) for value in values]
    if len(set(names)) != len(names):
        r.fail("compare.values", raw, Message.of(QT_TRANSLATE_NOOP(
            "core", "learning rates must differ in their first %1 significant digits (each run "
            "is named by its rate)"), 6))

    if len(training.costs) != 1:
        r.fail("training.costs", list(training.costs), Message.of(QT_TRANSLATE_NOOP(
            "core", 'must name exactly one cost when compare.setting = "%1" '
            "(the runs differ in compare.values instead)"), setting))
    if setting == "optimizer" and "mini-batch" in values and training.batch_size is None:
        r.fail(f"compare.values[{values.index('mini-batch')}]", "mini-batch",
               Message.of(QT_TRANSLATE_NOOP("core", "needs training.batch_size, the number "
                                            "of samples in each mini-batch")))
    if setting == "hidden_activation" and len(network.layers) < 3:
        r.fail("network.layers", list(network.layers), Message.of(QT_TRANSLATE_NOOP(
            "core", 'has no hidden layer, so compare.setting = "hidden_activation" has nothing '
            "to vary (add a hidden layer, e.g. %1)"), "[2, 8, 2]"))
    return CompareSettings(setting, values)


def _learning_rates(r: _Reader, raw: Any, training: TrainingSettings) -> tuple[float, ...]:
    """compare.learning_rates: one rate per name in training.costs, each by the rule of
    training.learning_rate."""
    n_costs = len(training.costs)
    if not isinstance(raw, list) or len(raw) != n_costs:
        r.fail("compare.learning_rates", raw, Message.of(QT_TRANSLATE_NOOP(
            "core", "must be a list of %1 learning rates, one per name in training.costs = %2, "
            "in the same order"), n_costs, show_value(list(training.costs))))
    rule = FIELDS["training.learning_rate"]
    return tuple(rule.read(r, value, key=f"compare.learning_rates[{i}]")
                 for i, value in enumerate(raw))


def run_learning_rates(exp: Experiment) -> tuple[float, ...]:
    """The learning rate of each cost's run, in the order of ``training.costs``:
    ``compare.learning_rates`` when given, else ``training.learning_rate`` for each."""
    if exp.compare.learning_rates:
        return tuple(exp.compare.learning_rates)
    return (exp.training.learning_rate,) * len(exp.training.costs)


_TOML_POSITION = re.compile(
    r"^(?P<what>.*?)\s*\(at (?P<where>line \d+, column \d+|end of document)\)$")


def parse_toml(text: str, source: str = "<string>",
               base_dir: str | os.PathLike | None = None) -> Experiment:
    """Parse TOML text into an :class:`Experiment`; syntax errors name the line and column."""
    shown = shorten_path(source)
    try:
        mapping = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = " ".join(str(exc).split())
        match = _TOML_POSITION.match(message)
        if match:
            message = f"{match['where']}: {match['what']}"
        raise ExperimentError(Message.of(QT_TRANSLATE_NOOP("core", "%1: not valid TOML: %2"),
                                         shown, shorten(message, 120))) from None
    except RecursionError:
        # tomllib reads nested arrays and inline tables recursively: a few hundred levels
        # exhaust Python's stack
        raise ExperimentError(Message.of(QT_TRANSLATE_NOOP(
            "core", "%1: not valid TOML for nnlab: arrays or inline tables nested too deeply"),
            shown)) from None
    except ValueError as exc:
        # tomllib lets int() refuse an integer of more than 4,300 decimal digits
        # (sys.get_int_max_str_digits); anything else it raises is a TOMLDecodeError
        if "digits" not in str(exc):
            raise
        raise ExperimentError(Message.of(QT_TRANSLATE_NOOP(
            "core", "%1: not valid TOML for nnlab: a whole number with more than %2 digits"),
            shown, f"{sys.get_int_max_str_digits():,}")) from None
    return parse_experiment(mapping, source=source, base_dir=base_dir)


def load_experiment(path: str | os.PathLike) -> Experiment:
    """Read and check an experiment file. Raises :class:`ExperimentError` for a missing,
    unreadable or invalid file, always with a one-line message.

    Only a regular file of at most MAX_FILE_BYTES is read: a named pipe, a device, a folder
    or a socket is refused by its type, without waiting or reading."""
    source = os.fspath(path)
    shown = shorten_path(source)
    try:
        raw = read_regular_file(path, MAX_FILE_BYTES)
    except (OSError, ValueError) as exc:  # ValueError: a path with a NUL character
        reason = (exc.strerror if isinstance(exc, OSError) else None) or str(exc) \
            or exc.__class__.__name__
        raise ExperimentError(Message.of(QT_TRANSLATE_NOOP(
            "core", "%1: cannot read experiment file: %2"), shown, shorten(reason, 80))) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise ExperimentError(Message.of(QT_TRANSLATE_NOOP(
            "core", "%1: not UTF-8 text: line %2 has a byte that is not UTF-8 (byte offset %3); "
            "save the file as UTF-8"), shown, line, exc.start)) from None
    base_dir = Path(os.path.abspath(source)).parent
    return parse_toml(text, source=source, base_dir=base_dir)


# ---------------------------------------------------------------------------------------------
# Writing


def experiment_to_mapping(exp: Experiment) -> dict[str, Any]:
    """The TOML mapping of an experiment: only the sections its kind uses, and only the
    data keys its dataset uses (plus any that differ from their defaults)."""
    out: dict[str, Any] = {"schema": exp.schema, "kind": exp.kind, "seed": exp.seed}
    if exp.name:
        out["name"] = exp.name
    if exp.description:
        out["description"] = exp.description
    if exp.kind == "neuron":
        n = exp.neuron
        out["neuron"] = {"x": n.x, "y": n.y}
        starts = n.start_points
        if len(starts) == 1:
            out["neuron"].update(w=starts[0][0], b=starts[0][1])
        else:
            out["neuron"]["starts"] = [list(start) for start in starts]
    else:
        out["data"] = _data_mapping(exp.data)
        net = exp.network
        out["network"] = {
            "layers": list(net.layers),
            "hidden_activation": (net.hidden_activation if isinstance(net.hidden_activation, str)
                                  else list(net.hidden_activation)),
            "output": net.output,
            "init": net.init,
        }
    train = exp.training
    training: dict[str, Any] = {"costs": list(train.costs),
                                "learning_rate": train.learning_rate,
                                "epochs": train.epochs}
    if exp.kind == "network":
        if train.batch_size is not None:
            training["batch_size"] = train.batch_size
        training["momentum"] = train.momentum
        training["l2"] = train.l2
        if train.precision != TrainingSettings.precision:
            training["precision"] = train.precision  # files from before it stay as they were
    training["speed"] = FULL_SPEED if train.speed is None else train.speed
    out["training"] = training
    if exp.compare.learning_rates and exp.compare.setting == "cost" and not exp.compare.values:
        out["compare"] = {"learning_rates": list(exp.compare.learning_rates)}
    elif exp.compare != CompareSettings():
        # only a comparison of something other than the costs is written (a valid one
        # always has a setting other than "cost" here; an invalid one is kept, so that
        # validate_experiment refuses it rather than silently dropping it)
        out["compare"] = {"setting": exp.compare.setting, "values": list(exp.compare.values)}
        if exp.compare.learning_rates:
            out["compare"]["learning_rates"] = list(exp.compare.learning_rates)
    return out


def dataset_options(data: DataSettings) -> dict[str, Any]:
    """The keyword options of ``datasets.make_dataset`` for these settings: test_fraction
    and the keys the chosen dataset uses (unused keys are ignored, not refused)."""
    options: dict[str, Any] = {}
    if _uses_test_fraction(data):
        options["test_fraction"] = data.test_fraction
    for key in DATASET_OPTIONS[data.dataset]:
        value = getattr(data, key)
        if value is not None:
            options[key] = value
    if data.dataset == "csv" and data.is_regression:
        options["task"] = data.task
    return options


def _uses_test_fraction(data: DataSettings) -> bool:
    """Whether the test set is drawn by test_fraction (not given by MNIST or by test files)."""
    return data.dataset != "mnist" and not data.has_test_files


def _data_mapping(data: DataSettings) -> dict[str, Any]:
    used = {"dataset", *DATASET_OPTIONS[data.dataset]}
    if _uses_test_fraction(data):
        used.add("test_fraction")
    defaults = DataSettings()
    out = {}
    for f in dataclasses.fields(DataSettings):
        value = getattr(data, f.name)
        if value is None:
            continue
        if f.name in used or value != getattr(defaults, f.name):
            out[f.name] = value
    return out


def experiment_to_toml(exp: Experiment) -> str:
    """TOML text that :func:`parse_toml` reads back into an equal experiment.

    tomli_w spells every value; lists of scalars are kept on one line (``layers = [64, 30,
    10]``), as a person would write them, rather than tomli_w's one item per line.
    """
    lines: list[str] = []
    for key, value in experiment_to_mapping(exp).items():
        if isinstance(value, Mapping):
            lines.append(f"\n[{key}]")
            lines.extend(f"{k} = {_toml_literal(v)}" for k, v in value.items())
        else:
            lines.append(f"{key} = {_toml_literal(value)}")
    return "\n".join(lines) + "\n"


def _toml_literal(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_literal(item) for item in value) + "]"
    return tomli_w.dumps({"v": value})[len("v = "):].rstrip("\n")


def validate_experiment(exp: Experiment) -> Experiment:
    """Check an experiment built in code (e.g. by the GUI with ``dataclasses.replace``) by the
    same rules as a file; returns the normalised experiment or raises ExperimentError."""
    return parse_experiment(experiment_to_mapping(exp), source=exp.source)
