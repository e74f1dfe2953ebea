"""Property-based checks of the readers of users' files: experiment files (TOML), CSV files
and IDX files (gzipped or not), generated from a grammar of valid and hostile pieces.

Whatever a file holds, reading it ends in one of two ways: an experiment or dataset that can
be used (an accepted experiment trains one epoch), or a refusal, ExperimentError or
DatasetError, whose message is one line of at most MESSAGE_LIMIT characters. Never another
exception, and never more than MEMORY_LIMIT bytes allocated for one file (tracemalloc sees
NumPy's arrays as well as Python's objects).

CI runs a few hundred examples of each (derandomised, so a run is repeatable);
NNLAB_FUZZ_EXAMPLES=N runs N of each, e.g. for a long run by hand.
"""

from __future__ import annotations

import gzip
import os
import struct
import tracemalloc

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nnlab.core.datasets import DatasetError, load_csv, load_idx
from nnlab.core.experiment import ExperimentError, parse_toml
from nnlab.core.runner import build_runs

EXAMPLES = int(os.environ.get("NNLAB_FUZZ_EXAMPLES", "150"))
MESSAGE_LIMIT = 300
MEMORY_LIMIT = 200 * 2**20

FUZZ = settings(max_examples=EXAMPLES, derandomize=True, database=None, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def assert_one_line_refusal(error: Exception) -> None:
    message = str(error)
    assert message and "\n" not in message, repr(message[:300])
    assert len(message) <= MESSAGE_LIMIT, (len(message), message[:300])


class PeakMemory:
    """The most memory allocated at once inside the block (tracemalloc)."""

    def __enter__(self):
        tracemalloc.start()
        return self

    def __exit__(self, *exc):
        self.peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return False


# --- experiment files -----------------------------------------------------------------------

HOSTILE_NUMBERS = ["0", "-1", "1e309", "-1e309", "nan", "inf", "1" * 5000, "0.5", "300", "3",
                   "2", "1_000", "0x10", "1e-300", "true", '"0.5"', "[]", "{}", "[" * 400 + "]" * 400]
HOSTILE_TEXT = ['"x"', '"' + "k" * 5000 + '"', '"\\u0000"', '"数字"', "'''a\nb'''", '""']
KEYS = {
    "neuron": ["x", "y", "w", "b"],
    "data": ["dataset", "test_fraction", "n_samples", "noise", "path", "images", "labels",
             "label_column"],
    "network": ["layers", "hidden_activation", "output", "init"],
    "training": ["costs", "learning_rate", "epochs", "batch_size", "momentum", "l2", "speed"],
    "compare": ["setting", "values"],
}
GOOD_VALUES = {
    "x": ["1.0"], "y": ["0.0", "1"], "w": ["2.0", "0.6"], "b": ["2.0", "0.9"],
    "dataset": ['"xor"', '"spiral"', '"three_class"', '"csv"', '"idx"', '"digits"'],
    "test_fraction": ["0.2", "0"], "n_samples": ["40", "400"], "noise": ["0.1"],
    "path": ['"/dev/zero"', '"missing.csv"', '"."'], "images": ['"/dev/urandom"'],
    "labels": ['"x"'], "label_column": ["-1", "0"],
    "layers": ["[2, 4, 2]", "[2, 2]", "[64, 30, 10]", "[2" + ", 512" * 9 + ", 2]",
               "[2, 100000, 2]", "[]"],
    "hidden_activation": ['"relu"', '"sigmoid"', '["relu"]', '"bogus"'],
    "output": ['"softmax"', '"sigmoid"'], "init": ['"he"', '"xavier"', '"scaled"'],
    "costs": ['["quadratic", "cross_entropy"]', '["quadratic"]', '["hinge"]', "[]"],
    "learning_rate": ["0.15", "100"], "epochs": ["1", "2", "1000000"],
    "batch_size": ["1", "16"], "momentum": ["0", "0.9"], "l2": ["0"],
    "speed": ["10", '"max"', "0"],
    "setting": ['"learning_rate"', '"cost"'], "values": ["[0.1, 0.5]", "[]"],
}


@st.composite
def experiment_files(draw) -> str:
    lines = []
    if draw(st.booleans()) or draw(st.booleans()):
        lines.append("schema = " + draw(st.sampled_from(["1", "1", "2", '"1"'])))
    kind = draw(st.sampled_from(["neuron", "network", "other"]))
    lines.append(f'kind = "{kind}"')
    if draw(st.booleans()):
        lines.append("seed = " + draw(st.sampled_from(["0", "7", "-1"] + HOSTILE_NUMBERS)))
    if draw(st.booleans()):
        lines.append("name = " + draw(st.sampled_from(HOSTILE_TEXT)))
    sections = draw(st.lists(st.sampled_from(sorted(KEYS) + ["bogus"]), max_size=4,
                             unique=True))
    for section in sections:
        lines.append(f"[{section}]")
        for key in draw(st.lists(st.sampled_from(KEYS.get(section, ["a" * 300])), max_size=5,
                                 unique=True)):
            values = GOOD_VALUES.get(key, []) + HOSTILE_NUMBERS + HOSTILE_TEXT
            lines.append(f"{key} = {draw(st.sampled_from(values))}")
    text = "\n".join(lines) + "\n"
    if draw(st.integers(0, 9)) == 0:  # now and then, garbage in the middle
        junk = draw(st.text(max_size=40))
        cut = draw(st.integers(0, len(text)))
        text = text[:cut] + junk + text[cut:]
    return text


@FUZZ
@given(experiment_files())
def test_any_experiment_file_is_used_or_refused_in_one_line(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("exp")
    with PeakMemory() as memory:
        try:
            experiment = parse_toml(text, source="fuzz.toml", base_dir=folder)
        except ExperimentError as error:
            assert_one_line_refusal(error)
            experiment = None
        if experiment is not None and experiment.kind == "neuron":
            # accepted: it trains (one epoch is enough to show it runs)
            for run in build_runs(experiment):
                records = run.start().records
                next(records)
                next(records)
    assert memory.peak < MEMORY_LIMIT, memory.peak


# --- CSV files ------------------------------------------------------------------------------

CELLS = ["1", "0.5", "-2e3", "", " ", '""', '"a,b"', "nan", "inf", "1_000", "١٢", "setosa",
         "x" * 200, "1e309", "0x1", ";", "\t", "9" * 400]


@st.composite
def csv_files(draw) -> bytes:
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    width = draw(st.integers(1, 6))
    rows = []
    if draw(st.booleans()):
        rows.append(delimiter.join(f"c{i}" for i in range(width)))
    for _ in range(draw(st.integers(0, 30))):
        cells = [draw(st.sampled_from(CELLS[:3]) if draw(st.integers(0, 4)) else
                      st.sampled_from(CELLS)) for _ in range(width - 1)]
        cells.append(str(draw(st.integers(0, 3))) if draw(st.integers(0, 5))
                     else draw(st.sampled_from(CELLS)))
        if draw(st.integers(0, 9)) == 0:
            cells = cells[:draw(st.integers(0, width))]
        rows.append(delimiter.join(cells))
    data = ("\n".join(rows) + "\n").encode("utf-8")
    if draw(st.integers(0, 9)) == 0:
        data = draw(st.binary(max_size=64)) + data
    return data


@FUZZ
@given(csv_files())
def test_any_csv_file_is_a_dataset_or_refused_in_one_line(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("csv") / "data.csv"
    path.write_bytes(data)
    with PeakMemory() as memory:
        try:
            dataset = load_csv(path, np.random.default_rng(0))
        except DatasetError as error:
            assert_one_line_refusal(error)
        else:
            assert dataset.n_classes >= 2
            assert np.isfinite(dataset.x_train).all()
    assert memory.peak < MEMORY_LIMIT, memory.peak


# --- IDX files ------------------------------------------------------------------------------

@st.composite
def idx_pairs(draw) -> tuple[bytes, bytes]:
    count = draw(st.sampled_from([0, 1, 2, 5, 10, 2**31 - 1, 2**32 - 1]))
    rows, columns = draw(st.sampled_from([(2, 2), (28, 28), (0, 3), (65535, 65535)]))
    images = struct.pack(">I", draw(st.sampled_from([0x803, 0x803, 0x801, 0x1234])))
    images += struct.pack(">III", count, rows, columns)
    real = min(count, 10) * rows * columns if rows * columns < 10_000 else 16
    images += draw(st.binary(min_size=real, max_size=real)) if draw(st.integers(0, 5)) \
        else draw(st.binary(max_size=50))
    labels = struct.pack(">II", draw(st.sampled_from([0x801, 0x801, 0x803])),
                         draw(st.sampled_from([count, min(count, 10), 3])))
    labels += bytes(draw(st.integers(0, 3)) for _ in range(min(count, 10)))
    if draw(st.booleans()):
        images = gzip.compress(images)
    if draw(st.integers(0, 3)) == 0:
        labels = gzip.compress(labels)
    return images, labels


@FUZZ
@given(idx_pairs())
def test_any_idx_pair_is_a_dataset_or_refused_in_one_line(tmp_path_factory, pair):
    folder = tmp_path_factory.mktemp("idx")
    images, labels = folder / "images-idx3-ubyte", folder / "labels-idx1-ubyte"
    images.write_bytes(pair[0])
    labels.write_bytes(pair[1])
    with PeakMemory() as memory:
        try:
            dataset = load_idx(images, labels, np.random.default_rng(0), 0.2)
        except DatasetError as error:
            assert_one_line_refusal(error)
        else:
            assert dataset.n_classes >= 2
    assert memory.peak < MEMORY_LIMIT, memory.peak
