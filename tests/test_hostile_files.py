"""Hostile files: whatever a user points nnlab at, a refusal is one short line.

A named pipe, a device, a folder or a socket given as the experiment file or as a data file
is refused by its type, without waiting or reading; a file far larger than any real one is
refused before it is read; a gzip bomb or a CSV with tens of thousands of labels is refused
before it is blown up in memory; every exception of reading and checking a file becomes the
one-line ExperimentError or DatasetError, which ``nnlab run`` reports with exit code 2.

Whatever could hang or exhaust memory if the promise broke runs in a child process with a
time-out and a cap on its address space, so that a regression fails a test instead of
hanging the suite or the machine; the child's peak memory (ru_maxrss) is measured.
"""

from __future__ import annotations

import gzip
import json
import os
import socket
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from nnlab.core import datasets, experiment
from nnlab.core.datasets import DatasetError
from nnlab.core.experiment import ExperimentError

ROOT = Path(__file__).resolve().parents[1]
MESSAGE_LIMIT = 200
CHILD_TIMEOUT = 50  # seconds; the outer time-out is longer so the child is always reaped
ADDRESS_SPACE_CAP = 3 * 1024 ** 3  # bytes: enough for Python + NumPy, far below a blow-up
DEV_ZERO = "/dev/zero"  # the never-ending character device of every POSIX system

posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")

# Runs the command in argv[1:] in a grandchild with a time-out and an address-space cap, and
# prints what came of it with the grandchild's peak resident memory. A wrapper of its own,
# because RUSAGE_CHILDREN reports the largest of all children ever waited for.
_MEASURE = textwrap.dedent("""
    import json, resource, subprocess, sys
    cap, timeout = int(sys.argv[1]), float(sys.argv[2])
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    try:
        done = subprocess.run(sys.argv[3:], capture_output=True, text=True,
                              preexec_fn=limit, timeout=timeout)
        result = {"returncode": done.returncode, "stdout": done.stdout, "stderr": done.stderr}
    except subprocess.TimeoutExpired:
        result = {"returncode": None, "stdout": "", "stderr": "timed out"}
    result["peak_mib"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps(result))
""")


def measured(command: list[str]) -> dict:
    """Run ``command`` as described above; returns returncode (None if it timed out),
    stdout, stderr and peak_mib."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1",
               MKL_NUM_THREADS="1", QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(ADDRESS_SPACE_CAP), str(CHILD_TIMEOUT), *command],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=CHILD_TIMEOUT + 10)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def nnlab_run(path: Path, out: Path) -> dict:
    return measured([sys.executable, "-m", "nnlab", "run", str(path), "--out", str(out)])


def python(code: str) -> dict:
    return measured([sys.executable, "-c", textwrap.dedent(code)])


def assert_refused_by_cli(result: dict, out: Path, *fragments: str) -> str:
    """Exit code 2, one line on stderr containing ``fragments``, nothing written."""
    assert result["returncode"] == 2, result
    lines = result["stderr"].splitlines()
    assert len(lines) == 1, lines
    line = lines[0]
    assert line.startswith("nnlab: error: "), line
    for fragment in fragments:
        assert fragment in line, (fragment, line)
    assert len(line) <= len("nnlab: error: ") + MESSAGE_LIMIT, line
    assert not out.exists()
    return line


NETWORK_ON_CSV = """\
schema = 1
kind = "network"
[data]
dataset = "csv"
path = "{path}"
[network]
layers = [2, 4, 2]
[training]
costs = ["cross_entropy"]
epochs = 1
"""

NETWORK_ON_IDX = """\
schema = 1
kind = "network"
[data]
dataset = "idx"
images = "{images}"
labels = "{labels}"
[network]
layers = [4, 4, 2]
[training]
costs = ["cross_entropy"]
epochs = 1
"""


def write_experiment(folder: Path, text: str) -> Path:
    path = folder / "lesson.toml"
    path.write_text(text, encoding="utf-8")
    return path


def idx_bytes(array: np.ndarray) -> bytes:
    magic = bytes([0, 0, 0x08, array.ndim])
    sizes = b"".join(int(size).to_bytes(4, "big") for size in array.shape)
    return magic + sizes + array.astype(np.uint8).tobytes()


def write_labels(path: Path, n: int) -> Path:
    path.write_bytes(idx_bytes(np.arange(n, dtype=np.uint8) % 2))
    return path


# --------------------------------------------------------------------------------------------
# 2. Only regular files are read: a named pipe is refused by its type instead of waiting


@posix_only
def test_a_named_pipe_as_the_experiment_file_is_refused_at_once(tmp_path):
    pipe = tmp_path / "lesson.toml"
    os.mkfifo(pipe)
    result = nnlab_run(pipe, tmp_path / "out")
    assert result["returncode"] is not None, "nnlab run waited on a named pipe"
    assert_refused_by_cli(result, tmp_path / "out", str(pipe), "is a named pipe, not a file")


@posix_only
def test_a_named_pipe_as_the_csv_file_is_refused_at_once(tmp_path):
    os.mkfifo(tmp_path / "points.csv")
    path = write_experiment(tmp_path, NETWORK_ON_CSV.format(path="points.csv"))
    result = nnlab_run(path, tmp_path / "out")
    assert result["returncode"] is not None, "nnlab run waited on a named pipe"
    assert_refused_by_cli(result, tmp_path / "out", "points.csv", "is a named pipe, not a file")


@posix_only
@pytest.mark.parametrize("which", ["images", "labels"])
def test_a_named_pipe_as_an_idx_file_is_refused_at_once(tmp_path, which):
    images = tmp_path / "train-images-idx3-ubyte"
    labels = tmp_path / "train-labels-idx1-ubyte"
    images.write_bytes(idx_bytes(np.zeros((10, 2, 2))))
    write_labels(labels, 10)
    pipe = images if which == "images" else labels
    pipe.unlink()
    os.mkfifo(pipe)
    result = python(f"""
        import numpy as np
        from nnlab.core import datasets
        try:
            datasets.load_idx({str(images)!r}, {str(labels)!r}, np.random.default_rng(0))
        except datasets.DatasetError as error:
            print(error)
    """)
    assert result["returncode"] == 0, result
    assert pipe.name in result["stdout"] and "is a named pipe, not a file" in result["stdout"]


def test_what_is_not_a_regular_file_is_named_by_its_kind(tmp_path):
    from nnlab.core import reading

    with pytest.raises(ExperimentError, match="it is a folder"):
        experiment.load_experiment(tmp_path)
    with pytest.raises(DatasetError, match="directory"):
        datasets.load_csv(tmp_path, np.random.default_rng(0))
    assert reading.kind_of(stat.S_IFIFO) == "a named pipe"
    assert reading.kind_of(stat.S_IFCHR) == "a character device"
    assert reading.kind_of(stat.S_IFBLK) == "a block device"
    assert reading.kind_of(stat.S_IFSOCK) == "a socket"


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="needs Unix sockets")
def test_a_socket_is_refused_by_its_type(tmp_path):
    path = tmp_path / "s.csv"
    if len(os.fsencode(path)) >= 100:
        pytest.skip("the temporary folder's path is too long for a socket address")
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(os.fspath(path))
        with pytest.raises(DatasetError, match="is a socket, not a file"):
            datasets.load_csv(path, np.random.default_rng(0))
        with pytest.raises(ExperimentError, match="is a socket, not a file"):
            experiment.load_experiment(path)
    finally:
        server.close()


# --------------------------------------------------------------------------------------------
# 4. Devices are refused by type; regular files by size before they are read


@pytest.mark.skipif(not os.path.exists(DEV_ZERO), reason="needs /dev/zero")
def test_dev_zero_as_the_experiment_file_is_refused_without_reading(tmp_path):
    result = nnlab_run(Path(DEV_ZERO), tmp_path / "out")
    assert_refused_by_cli(result, tmp_path / "out", DEV_ZERO, "is a character device, not a file")
    assert result["peak_mib"] < 200


@pytest.mark.skipif(not os.path.exists(DEV_ZERO), reason="needs /dev/zero")
def test_dev_zero_as_a_data_file_is_refused_without_reading(tmp_path):
    path = write_experiment(tmp_path, NETWORK_ON_CSV.format(path=DEV_ZERO))
    result = nnlab_run(path, tmp_path / "out")
    assert_refused_by_cli(result, tmp_path / "out", "zero", "is a character device, not a file")
    assert result["peak_mib"] < 200
    with pytest.raises(DatasetError, match="character device"):
        datasets.load_idx(DEV_ZERO, DEV_ZERO, np.random.default_rng(0))


def test_an_experiment_file_over_the_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.toml"
    with path.open("w", encoding="ascii") as stream:
        stream.write("schema = 1\n")
        line = "# " + "x" * 1021 + "\n"
        for _ in range(experiment.MAX_FILE_BYTES // len(line) + 1):
            stream.write(line)
    assert path.stat().st_size > experiment.MAX_FILE_BYTES == 1024 * 1024
    with pytest.raises(ExperimentError) as excinfo:
        experiment.load_experiment(path)
    message = str(excinfo.value)
    assert "huge.toml" in message and "more than the 1 MiB" in message


def test_a_csv_file_over_the_limit_is_refused_before_reading(tmp_path, monkeypatch):
    assert datasets.MAX_CSV_BYTES == 512 * 1024 * 1024
    path = tmp_path / "big.csv"
    path.write_text("x,label\n" + "".join(f"{i},{i % 2}\n" for i in range(200)))
    monkeypatch.setattr(datasets, "MAX_CSV_BYTES", 1000)
    with pytest.raises(DatasetError) as excinfo:
        datasets.load_csv(path, np.random.default_rng(0))
    assert "big.csv" in str(excinfo.value) and "more than the 1000 bytes" in str(excinfo.value)


def test_an_idx_file_longer_than_its_header_says_is_refused_before_reading(tmp_path):
    images = tmp_path / "images-idx3-ubyte"
    with images.open("wb") as stream:
        stream.write(idx_bytes(np.zeros((10, 2, 2))))
        stream.truncate(200 * 1024 * 1024)  # sparse: takes no disk, but 200 MiB to read
    labels = write_labels(tmp_path / "labels-idx1-ubyte", 10)
    result = python(f"""
        import numpy as np
        from nnlab.core import datasets
        try:
            datasets.load_idx({str(images)!r}, {str(labels)!r}, np.random.default_rng(0))
        except datasets.DatasetError as error:
            print(error)
    """)
    assert "images-idx3-ubyte, byte 56: expected the end of the file after 40 data bytes" \
        in result["stdout"], result
    assert result["peak_mib"] < 150, result


def test_an_idx_header_announcing_too_much_is_refused(tmp_path):
    images = tmp_path / "images-idx3-ubyte"
    header = idx_bytes(np.zeros((0, 0, 0)))[:4]
    images.write_bytes(header + b"".join(n.to_bytes(4, "big") for n in (60000, 1000, 1000)))
    labels = write_labels(tmp_path / "labels-idx1-ubyte", 10)
    with pytest.raises(DatasetError) as excinfo:
        datasets.load_idx(images, labels, np.random.default_rng(0))
    assert "at most 256 MiB of data" in str(excinfo.value)
    assert "60000 x 1000 x 1000" in str(excinfo.value)


# --------------------------------------------------------------------------------------------
# 6. A gzip bomb is inflated only as far as its header says


def test_an_idx_gzip_bomb_is_refused_without_being_inflated(tmp_path):
    images = tmp_path / "train-images-idx3-ubyte.gz"
    zeros = gzip.compress(bytes(64 * 1024 * 1024), compresslevel=9)  # about 64 kB
    with images.open("wb") as stream:
        stream.write(gzip.compress(idx_bytes(np.zeros((10, 2, 2)))))
        for _ in range(48):  # 48 more gzip members of 64 MiB each: 3 GiB inflated
            stream.write(zeros)
    assert images.stat().st_size < 4 * 1024 * 1024
    write_labels(tmp_path / "train-labels-idx1-ubyte.gz", 10)
    path = write_experiment(tmp_path, NETWORK_ON_IDX.format(
        images=images.name, labels="train-labels-idx1-ubyte.gz"))
    result = nnlab_run(path, tmp_path / "out")
    assert_refused_by_cli(result, tmp_path / "out", images.name, "decompressed",
                          "expected the end of the file after 40 data bytes")
    assert result["peak_mib"] < 200, result


def test_a_single_stream_gzip_bomb_is_refused_in_bounded_memory(tmp_path):
    import zlib

    images = tmp_path / "images-idx3-ubyte"
    compressor = zlib.compressobj(1, zlib.DEFLATED, 31)  # 31: a gzip stream
    with images.open("wb") as stream:
        stream.write(compressor.compress(idx_bytes(np.zeros((10, 2, 2)))))
        block = bytes(1024 * 1024)
        for _ in range(256):
            stream.write(compressor.compress(block))
        stream.write(compressor.flush())
    labels = write_labels(tmp_path / "labels-idx1-ubyte", 10)
    result = python(f"""
        import numpy as np
        from nnlab.core import datasets
        try:
            datasets.load_idx({str(images)!r}, {str(labels)!r}, np.random.default_rng(0))
        except datasets.DatasetError as error:
            print(error)
    """)
    assert "expected the end of the file after 40 data bytes" in result["stdout"], result
    assert result["peak_mib"] < 150, result


# --------------------------------------------------------------------------------------------
# 5. Tens of thousands of labels are counted, not one-hot encoded


def test_forty_thousand_labels_are_refused_before_one_hot_encoding(tmp_path):
    points = tmp_path / "points.csv"
    points.write_text("".join(f"{i % 7},{i}\n" for i in range(40_000)))
    assert points.stat().st_size < 1_000_000
    path = write_experiment(tmp_path, NETWORK_ON_CSV.format(path="points.csv"))
    result = nnlab_run(path, tmp_path / "out")
    assert_refused_by_cli(result, tmp_path / "out", "points.csv",
                          "expected at most 1,024 different labels", "found 40,000")
    assert result["peak_mib"] < 400, result


def test_the_class_limit_is_the_largest_output_layer():
    assert datasets.MAX_CLASSES == experiment.MAX_LAYER_SIZE
    x = np.zeros((2000, 1))
    with pytest.raises(ValueError, match="at most 1,024 classes"):
        datasets.split(x, np.arange(2000), np.random.default_rng(0), 0.0, "many",
                       [str(i) for i in range(2000)])


# --------------------------------------------------------------------------------------------
# 3. Every exception of reading and checking becomes the one-line refusal


def deep_array(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("text, fragment", [
    (f"schema = 1\nname = {deep_array(300)}\n", 'name = [[[[[[[[[[[[[[[[[[[[[…]]]'),
    (f"schema = 1\nname = {deep_array(1000)}\n", "nested too deeply"),
    (f"schema = 1\nname = {deep_array(100_000)}\n", "nested too deeply"),
    ("schema = 1\nseed = 1" + "0" * 5000 + "\n", "more than 4,300 digits"),
    ("schema = 1\nseed = 0x" + "f" * 5000 + "\n", "seed = (a whole number of about 6,021 digits)"),
    ("schema = 1\n[neuron]\nw = 1" + "0" * 309 + "\n", "neuron.w = 1000000000"),
    ("schema = 1\n[training]\nlearning_rate = -1" + "0" * 400 + "\n", "training.learning_rate"),
    ("schema = 1\n[training]\nspeed = 1" + "0" * 400 + "\n", "training.speed"),
    ('schema = 1\nkind = "network"\n[compare]\nsetting = "learning_rate"\n'
     "values = [1" + "0" * 400 + ", 2]\n", "compare.values[0]"),
], ids=["nested-300", "nested-1000", "nested-100000", "int-5000-digits", "hex-5000-digits", "w-1e309",
        "learning-rate-1e400", "speed-1e400", "compared-rate-1e400"])
def test_every_reading_exception_becomes_one_short_line(tmp_path, text, fragment):
    path = write_experiment(tmp_path, text)
    with pytest.raises(ExperimentError) as excinfo:
        experiment.load_experiment(path)
    message = str(excinfo.value)
    assert message.startswith(f"{path}: ") and fragment in message, message
    assert "\n" not in message and len(message) <= len(str(path)) + MESSAGE_LIMIT, message


def test_a_deeply_nested_experiment_is_exit_code_2_from_the_cli(tmp_path):
    path = write_experiment(tmp_path, f"schema = 1\nname = {deep_array(1000)}\n")
    result = nnlab_run(path, tmp_path / "out")
    assert_refused_by_cli(result, tmp_path / "out", str(path), "nested too deeply")


@pytest.mark.parametrize("content", [",,,\n,,,\n", '"",""\n"",""\n', ";;\n", '""\n'],
                         ids=["commas", "empty-quotes", "semicolons", "one-empty-quote"])
def test_a_csv_of_empty_cells_only_is_refused(tmp_path, content):
    path = tmp_path / "blank.csv"
    path.write_text(content)
    with pytest.raises(DatasetError) as excinfo:
        datasets.load_csv(path, np.random.default_rng(0))
    assert "blank.csv, line 1" in str(excinfo.value) and "only empty cells" in str(excinfo.value)


# --------------------------------------------------------------------------------------------
# 10. Messages are short whatever the file holds


@pytest.mark.parametrize("text, fragment", [
    ("schema = 1\n" + "k" * 100_000 + " = 1\n", "unknown key 'kkkk"),
    ("schema = 1\n[training]\n" + "k" * 100_000 + " = 1\n", "unknown key 'training.kkkk"),
    ('schema = 1\nkind = "' + "n" * 100_000 + '"\n', 'kind = "nnnn'),
    ("schema = 1\nname = [" + "1, " * 100_000 + "]\n", "name = [1, 1"),
    ('schema = 1\nname = "a\\n' + "b" * 100_000 + '"\n', "must be a single line"),
    ("schema = 1\n[training]\ncosts = [\"" + "c" * 100_000 + "\"]\n", "training.costs[0]"),
], ids=["unknown-key", "unknown-section-key", "long-choice", "long-list", "two-line-name",
        "long-cost"])
def test_experiment_refusals_are_at_most_about_200_characters(tmp_path, text, fragment):
    path = write_experiment(tmp_path, text)
    with pytest.raises(ExperimentError) as excinfo:
        experiment.load_experiment(path)
    message = str(excinfo.value)
    assert fragment in message and "…" in message, message[:300]
    assert len(message) <= len(str(path)) + MESSAGE_LIMIT, message[:300]


def test_a_long_path_is_shortened_to_its_end():
    source = "/" + "folder/" * 200 + "lesson.toml"
    with pytest.raises(ExperimentError) as excinfo:
        experiment.parse_toml("schema = 2\n", source=source)
    message = str(excinfo.value)
    assert message.startswith("…") and "folder/lesson.toml: schema = 2" in message
    assert len(message) <= MESSAGE_LIMIT


@pytest.mark.parametrize("content, fragment", [
    ("x,label\n1,a\n" + "9" * 50_000 + "x,b\n", "expected a number in column 1"),
    ("x,label\n1,a\n1e999" + "9" * 50_000 + ",b\n", "expected a finite number in column 1"),
    ("x" * 50_000 + ",label\n1,a\n,b\n", "column 1 ('xxxx"),
    ("x,label\n1," + "a" * 50_000 + "\n2," + "a" * 50_000 + "\n", "at least 2 different labels"),
], ids=["long-cell", "long-non-finite", "long-header", "long-label"])
def test_csv_refusals_are_at_most_about_200_characters(tmp_path, content, fragment):
    path = tmp_path / "long.csv"
    path.write_text(content)
    with pytest.raises(DatasetError) as excinfo:
        datasets.load_csv(path, np.random.default_rng(0))
    message = str(excinfo.value)
    assert fragment in message and "…" in message, message[:300]
    assert len(message) <= MESSAGE_LIMIT, message[:300]


def test_a_missing_file_deep_down_is_named_in_a_short_message(tmp_path):
    path = tmp_path.joinpath(*["d" * 100] * 20, "points.csv")
    with pytest.raises(DatasetError) as excinfo:
        datasets.load_csv(path, np.random.default_rng(0))
    message = str(excinfo.value)
    assert message.startswith("points.csv: file not found") and "/points.csv" in message
    assert len(message) <= MESSAGE_LIMIT


# --------------------------------------------------------------------------------------------
# 11. Numbers in a CSV file are ASCII decimal notation


@pytest.mark.parametrize("cell", ["١٢", "1_000", "１２", "½"])
def test_other_digits_and_underscores_are_not_numbers(tmp_path, cell):
    path = tmp_path / "digits.csv"
    path.write_text(f"x,label\n1,a\n{cell},b\n3,a\n", encoding="utf-8")
    with pytest.raises(DatasetError) as excinfo:
        datasets.load_csv(path, np.random.default_rng(0))
    assert "digits.csv, line 3: expected a number in column 1 ('x')" in str(excinfo.value)
    assert repr(cell) in str(excinfo.value)


def test_ascii_decimal_notation_is_read(tmp_path):
    path = tmp_path / "plain.csv"
    path.write_text("x,y,label\n-1.5,.5,a\n+2e-3,5.,b\n1E2,-0,a\n", encoding="utf-8")
    ds = datasets.load_csv(path, np.random.default_rng(0), test_fraction=0.0)
    assert sorted(map(tuple, ds.x_train.tolist())) == [(-1.5, 0.5), (0.002, 5.0), (100.0, -0.0)]


def test_labels_in_other_digits_are_class_names_as_written(tmp_path):
    path = tmp_path / "labels.csv"
    path.write_text("x,label\n1,١٢\n2,12\n3,1_2\n", encoding="utf-8")
    ds = datasets.load_csv(path, np.random.default_rng(0), test_fraction=0.0)
    assert ds.class_names == ("12", "1_2", "١٢")


def test_infinity_and_nan_are_numbers_refused_as_not_finite(tmp_path):
    path = tmp_path / "inf.csv"
    path.write_text("x,label\n1,a\n-Infinity,b\n", encoding="utf-8")
    with pytest.raises(DatasetError, match=r"line 3: expected a finite number in column 1"):
        datasets.load_csv(path, np.random.default_rng(0))
