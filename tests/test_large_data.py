"""MNIST-size data: a 60,000 x 785 CSV file loads in bounded memory; loaders report progress
and can be cancelled."""

from __future__ import annotations

import gzip
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from nnlab.core import datasets
from nnlab.core.datasets import LoadCancelled, load_csv, load_idx

N_ROWS, N_PIXELS = 60_000, 784
PEAK_LIMIT_BYTES = 1024 ** 3


def write_mnist_shaped_csv(path, rows: int = N_ROWS) -> np.ndarray:
    """Pixels 0..255 and a label 0..9 per row, written with NumPy; returns the table."""
    table = np.random.default_rng(7).integers(0, 256, size=(rows, N_PIXELS + 1), dtype=np.int64)
    table[:, -1] %= 10
    with open(path, "wb") as stream:
        np.savetxt(stream, table, fmt="%d", delimiter=",")
    return table


CHILD = textwrap.dedent("""
    import sys, time
    import numpy as np
    from nnlab.core.datasets import load_csv
    start = time.perf_counter()
    data = load_csv(sys.argv[1], np.random.default_rng(0), test_fraction=0.2)
    seconds = time.perf_counter() - start
    # VmHWM: this program's own peak. (ru_maxrss keeps the peak of the process it was
    # started from as well: Linux carries it over the fork, so a large test process
    # would count.)
    with open("/proc/self/status") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) * 1024
    np.save(sys.argv[2], np.vstack([data.x_train, data.x_test]))
    np.save(sys.argv[3], np.concatenate([data.labels_train, data.labels_test]))
    print(peak, seconds, " ".join(data.class_names))
""")


@pytest.mark.skipif(sys.platform != "linux", reason="VmHWM in /proc is Linux's")
def test_an_mnist_shaped_csv_loads_in_under_1_gb(tmp_path):
    path = tmp_path / "mnist_train.csv"
    table = write_mnist_shaped_csv(path)
    assert path.stat().st_size > 128 * 1024 * 1024  # over the old limit
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), str(tmp_path / "x.npy"), str(tmp_path / "y.npy")],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    peak, seconds, *class_names = result.stdout.split()
    print(f"MNIST-shaped CSV ({path.stat().st_size / 1e6:.0f} MB): loaded in {float(seconds):.1f} s, "
          f"peak RSS {int(peak) / 2**20:.0f} MiB")
    assert int(peak) < PEAK_LIMIT_BYTES
    assert class_names == [str(digit) for digit in range(10)]
    # The loader keeps the numbers as written (no scaling); rows come in the split's order.
    train_rows, test_rows = datasets._split_indices(N_ROWS, np.random.default_rng(0), 0.2)
    order = np.concatenate([train_rows, test_rows])
    x = np.load(tmp_path / "x.npy")
    assert x.dtype == np.float64 and x.shape == (N_ROWS, N_PIXELS)
    np.testing.assert_array_equal(x, table[order, :-1].astype(np.float64))
    np.testing.assert_array_equal(np.load(tmp_path / "y.npy"), table[order, -1])


def small_idx(tmp_path, count: int = 3000, gzipped: bool = False):
    rng = np.random.default_rng(1)
    images = rng.integers(0, 256, size=(count, 28, 28), dtype=np.uint8)
    labels = (np.arange(count) % 10).astype(np.uint8)
    image_bytes = (0x803).to_bytes(4, "big") + b"".join(n.to_bytes(4, "big") for n in (count, 28, 28)) + images.tobytes()
    label_bytes = (0x801).to_bytes(4, "big") + count.to_bytes(4, "big") + labels.tobytes()
    opener = gzip.compress if gzipped else (lambda data: data)
    images_path, labels_path = tmp_path / "images.idx", tmp_path / "labels.idx"
    images_path.write_bytes(opener(image_bytes))
    labels_path.write_bytes(opener(label_bytes))
    return images_path, labels_path


def assert_progress(fractions: list[float]) -> None:
    assert len(fractions) >= 3
    assert all(0.0 <= value <= 1.0 for value in fractions)
    assert all(a <= b for a, b in zip(fractions, fractions[1:])), fractions
    assert fractions[-1] == 1.0 and fractions[0] < 1.0


def test_csv_progress_increases_to_one(tmp_path):
    path = tmp_path / "rows.csv"
    table = write_mnist_shaped_csv(path, rows=3000)  # about 8 MB: several blocks
    fractions: list[float] = []
    data = load_csv(path, np.random.default_rng(0), progress=fractions.append)
    assert data.x_train.shape[0] + data.x_test.shape[0] == table.shape[0]
    assert_progress(fractions)


def test_precise_csv_reader_reports_progress_too(tmp_path):
    path = tmp_path / "quoted.csv"
    path.write_text('"x","y","label"\n' + "".join(f"{i},{i * 2},\"c{i % 3}\"\n" for i in range(5000)))
    fractions: list[float] = []
    data = load_csv(path, np.random.default_rng(0), progress=fractions.append)
    assert data.class_names == ("c0", "c1", "c2")
    assert_progress(fractions)


@pytest.mark.parametrize("gzipped", [False, True], ids=["raw", "gzip"])
def test_idx_progress_increases_to_one(tmp_path, gzipped):
    images_path, labels_path = small_idx(tmp_path, gzipped=gzipped)
    fractions: list[float] = []
    load_idx(images_path, labels_path, np.random.default_rng(0), progress=fractions.append)
    assert_progress(fractions)


def cancel_after_first_call(calls: list[float]):
    def progress(fraction: float) -> None:
        calls.append(fraction)
        if len(calls) > 1:
            raise LoadCancelled()
    return progress


def test_loadcancelled_is_not_a_dataset_error():
    assert not issubclass(LoadCancelled, datasets.DatasetError)
    assert not issubclass(LoadCancelled, ValueError)


def test_cancelling_a_csv_load_raises_loadcancelled(tmp_path):
    path = tmp_path / "rows.csv"
    write_mnist_shaped_csv(path, rows=3000)
    calls: list[float] = []
    with pytest.raises(LoadCancelled):
        load_csv(path, np.random.default_rng(0), progress=cancel_after_first_call(calls))
    assert len(calls) == 2 and calls[-1] < 1.0


def test_cancelling_through_make_dataset(tmp_path):
    path = tmp_path / "rows.csv"
    write_mnist_shaped_csv(path, rows=3000)
    calls: list[float] = []
    with pytest.raises(LoadCancelled):
        datasets.make_dataset("csv", np.random.default_rng(0), path=str(path),
                              progress=cancel_after_first_call(calls))
    assert len(calls) == 2


@pytest.mark.parametrize("gzipped", [False, True], ids=["raw", "gzip"])
def test_cancelling_an_idx_load_raises_loadcancelled(tmp_path, gzipped):
    images_path, labels_path = small_idx(tmp_path, gzipped=gzipped)
    calls: list[float] = []
    with pytest.raises(LoadCancelled):
        load_idx(images_path, labels_path, np.random.default_rng(0), progress=cancel_after_first_call(calls))
    assert len(calls) == 2 and calls[-1] < 1.0


def test_a_large_file_with_a_bad_cell_is_refused_by_line(tmp_path, monkeypatch):
    monkeypatch.setattr(datasets, "MAX_PRECISE_CSV_BYTES", 1000)
    path = tmp_path / "bad.csv"
    path.write_text("".join(f"{i},{i % 2}\n" for i in range(500)) + "x,1\n")
    with pytest.raises(datasets.DatasetError) as excinfo:
        load_csv(path, np.random.default_rng(0))
    assert "bad.csv, line" in str(excinfo.value)
