"""Training throughput of nnlab against its peers, measured in one run on the same data.

    python benchmarks/bench_training.py            # everything (about a minute)
    python benchmarks/bench_training.py --quick    # fewer repeats, smaller MNIST-shaped sets

Prints samples per second of nnlab, scikit-learn's MLPClassifier and PyTorch (CPU), each
when installed, and the ratios nnlab / peer, for:

1. the 8×8 digits, 64-30-10, sigmoid hidden layer, softmax + cross-entropy, batch 32, η 0.5;
2. 784-100-10 on 60,000 MNIST-shaped random samples, batch 64, same network kind;
3. Nielsen's chapter-3 setting: 784-30-10, sigmoid hidden and output layers, his
   cross-entropy (summed over the ten outputs, averaged over the batch), N(0, 1) start,
   mini-batches of 10, η 0.5, one epoch of 50,000 MNIST images (the bundled 4,000 training
   images of the 5,000-image subset, repeated; tested on its other 1,000);
4. the lesson neuron: the four classic runs (2 starts × 2 costs × 300 epochs) and 10,000
   starts × 300 epochs at once, each against the general network doing the same work.

Every timing is the best of several repeats, so a passing hiccup of the machine does not
count. The peers train the same model: same layer sizes, activations, cost, plain SGD with
the same η and batch size, shuffled every epoch; PyTorch also starts from nnlab's initial
weights (scikit-learn draws its own). nnlab is
timed twice: its gradient steps alone (``evaluate=False``, like the peers' loops, which
measure nothing per epoch) and as the app runs it, with the full-set evaluation after every
epoch. Both data types are measured: float64 (nnlab's default, and scikit-learn's) and
float32 (PyTorch's default); ratios compare like with like.

This is a benchmark, not a test: it asserts nothing and takes no part in the test suite.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
import warnings
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nnlab.core import datasets  # noqa: E402
from nnlab.core.costs import make_cost  # noqa: E402
from nnlab.core.network import Network  # noqa: E402
from nnlab.core.neuron import train_neuron, train_neuron_starts  # noqa: E402
from nnlab.core.optimizers import GradientDescent  # noqa: E402
from nnlab.core.training import train_network  # noqa: E402

try:
    import torch
except ImportError:  # optional peer
    torch = None
try:
    from sklearn.neural_network import MLPClassifier
except ImportError:  # optional peer
    MLPClassifier = None


def best_seconds(fn, repeats: int) -> float:
    """The shortest of ``repeats`` timed calls of ``fn``."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


class Workload:
    """One training set-up that every contender trains from the same initial weights."""

    def __init__(self, name, x, labels, x_test, labels_test, sizes, batch_size, learning_rate,
                 epochs, seed=0, output="softmax", init="scaled"):
        self.name = name
        self.x, self.labels = x, labels
        self.x_test, self.labels_test = x_test, labels_test
        self.sizes, self.batch_size = sizes, batch_size
        self.learning_rate, self.epochs = learning_rate, epochs
        self.output = output  # softmax + categorical or sigmoid + Nielsen's cross-entropy
        rng = np.random.default_rng(seed)
        self.initial = Network(sizes, "sigmoid", output).initialise(init, rng)
        self.y = np.eye(sizes[-1])[labels]
        self.y_test = np.eye(sizes[-1])[labels_test]

    @property
    def samples(self) -> int:
        return len(self.x) * self.epochs

    # -- nnlab -----------------------------------------------------------------------------
    def nnlab(self, dtype, evaluate):
        data = datasets.Dataset(self.name, self.x.astype(dtype), self.y.astype(dtype),
                                self.x_test.astype(dtype), self.y_test.astype(dtype),
                                tuple(str(i) for i in range(self.sizes[-1])))
        state = {}

        def train():
            net = Network(self.sizes, "sigmoid", self.output, dtype=dtype)
            net.parameters[...] = self.initial.parameters
            for _ in train_network(net, data, make_cost("cross_entropy", self.output),
                                   GradientDescent(self.learning_rate), self.epochs,
                                   np.random.default_rng(1), batch_size=self.batch_size,
                                   evaluate=evaluate):
                pass
            state["accuracy"] = float(np.mean(net.predict(data.x_test) == self.labels_test))
        return train, state

    # -- scikit-learn ----------------------------------------------------------------------
    def sklearn(self):
        state = {}

        def train():
            clf = MLPClassifier(
                hidden_layer_sizes=self.sizes[1:-1], activation="logistic", solver="sgd",
                learning_rate_init=self.learning_rate, batch_size=self.batch_size,
                momentum=0.0, nesterovs_momentum=False, alpha=0.0, max_iter=self.epochs,
                shuffle=True, random_state=1, tol=0.0, n_iter_no_change=self.epochs + 1,
            )
            # scikit-learn draws its own initial weights; their values do not change the
            # arithmetic per step, which is what is timed. Given one-hot rows (a
            # multi-label problem to it) it uses sigmoid outputs and the summed binary
            # cross-entropy: Nielsen's network.
            targets = self.labels if self.output == "softmax" else self.y
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # "maximum iterations reached"
                clf.fit(self.x, targets)
            predicted = np.argmax(clf.predict_proba(self.x_test), axis=1)
            state["accuracy"] = float(np.mean(predicted == self.labels_test))
        return train, state

    # -- PyTorch ---------------------------------------------------------------------------
    def torch(self, dtype):
        tdtype = {np.float64: torch.float64, np.float32: torch.float32}[dtype]
        layers = []
        for i, (m, n) in enumerate(zip(self.sizes[:-1], self.sizes[1:])):
            linear = torch.nn.Linear(m, n).to(tdtype)
            with torch.no_grad():
                linear.weight.copy_(torch.tensor(self.initial.weights[i]))
                linear.bias.copy_(torch.tensor(self.initial.biases[i]))
            layers.append(linear)
            if i < len(self.sizes) - 2:
                layers.append(torch.nn.Sigmoid())
        # the output's sigmoid is in the loss (BCEWithLogitsLoss), as softmax is in
        # CrossEntropyLoss
        template = torch.nn.Sequential(*layers)
        x = torch.tensor(self.x, dtype=tdtype)
        labels = torch.tensor(self.labels, dtype=torch.long)
        x_test = torch.tensor(self.x_test, dtype=tdtype)
        targets = torch.tensor(self.y, dtype=tdtype)
        sigmoid_output = self.output == "sigmoid"
        state = {}

        def train():
            model = torch.nn.Sequential(*[
                type(layer)(layer.in_features, layer.out_features).to(tdtype)
                if isinstance(layer, torch.nn.Linear) else torch.nn.Sigmoid()
                for layer in template])
            model.load_state_dict(template.state_dict())
            optimizer = torch.optim.SGD(model.parameters(), lr=self.learning_rate)
            if sigmoid_output:  # Nielsen's: summed over the outputs, averaged over the batch
                bce = torch.nn.BCEWithLogitsLoss(reduction="sum")

                def loss_fn(logits, rows):
                    return bce(logits, targets[rows]) / len(rows)
            else:
                cross_entropy = torch.nn.CrossEntropyLoss()  # softmax + categorical

                def loss_fn(logits, rows):
                    return cross_entropy(logits, labels[rows])
            generator = torch.Generator().manual_seed(1)
            n = len(x)
            for _ in range(self.epochs):
                order = torch.randperm(n, generator=generator)
                for start in range(0, n, self.batch_size):
                    rows = order[start:start + self.batch_size]
                    optimizer.zero_grad(set_to_none=True)
                    loss_fn(model(x[rows]), rows).backward()
                    optimizer.step()
            with torch.no_grad():
                predicted = model(x_test).argmax(dim=1).numpy()
            state["accuracy"] = float(np.mean(predicted == self.labels_test))
        return train, state


def report(title, rows, repeats):
    """Time each contender and print samples/s, accuracy and the ratios nnlab / peer."""
    print(f"\n{title}")
    rates = {}
    for label, (train, state), samples in rows:
        seconds = best_seconds(train, repeats)
        rates[label] = samples / seconds
        accuracy = state.get("accuracy")
        acc_text = f"   test accuracy {accuracy:.3f}" if accuracy is not None else ""
        print(f"  {label:<44} {rates[label]:>12,.0f} samples/s{acc_text}")
    return rates


def print_ratios(rates, pairs):
    for mine, peer, target in pairs:
        if mine in rates and peer in rates:
            ratio = rates[mine] / rates[peer]
            goal = f"   (target >= {target}x)" if target else ""
            print(f"  ratio {mine} / {peer}: {ratio:.2f}x{goal}")


def digits_benchmark(repeats):
    rng = np.random.default_rng(0)
    data = datasets.digits(rng, test_fraction=0.2)
    work = Workload("digits", data.x_train, data.labels_train, data.x_test, data.labels_test,
                    [64, 30, 10], batch_size=32, learning_rate=0.5, epochs=30)
    rows = [
        ("nnlab float64, steps only", work.nnlab(np.float64, False), work.samples),
        ("nnlab float64, with per-epoch evaluation", work.nnlab(np.float64, True), work.samples),
        ("nnlab float32, steps only", work.nnlab(np.float32, False), work.samples),
    ]
    if MLPClassifier is not None:
        rows.append(("scikit-learn MLPClassifier float64", work.sklearn(), work.samples))
    if torch is not None:
        rows.append(("PyTorch float64", work.torch(np.float64), work.samples))
        rows.append(("PyTorch float32", work.torch(np.float32), work.samples))
    rates = report(f"Digits 64-30-10, batch 32, {work.epochs} epochs of "
                   f"{len(work.x)} samples", rows, repeats)
    print_ratios(rates, [
        ("nnlab float64, steps only", "scikit-learn MLPClassifier float64", 3),
        ("nnlab float64, steps only", "PyTorch float64", 4),
        ("nnlab float32, steps only", "PyTorch float32", 4),
        ("nnlab float64, with per-epoch evaluation", "scikit-learn MLPClassifier float64", None),
        ("nnlab float64, with per-epoch evaluation", "PyTorch float64", None),
    ])


def mnist_shaped_benchmark(repeats, n_samples):
    rng = np.random.default_rng(0)
    # MNIST's shape and value range (pixels in [0, 1], ten classes); the content is random,
    # which changes nothing in the arithmetic timed here.
    x = rng.random((n_samples, 784))
    labels = rng.integers(0, 10, n_samples)
    work = Workload("mnist-shaped", x, labels, x[:1000], labels[:1000], [784, 100, 10],
                    batch_size=64, learning_rate=0.1, epochs=1)
    rows = [
        ("nnlab float64, steps only", work.nnlab(np.float64, False), work.samples),
        ("nnlab float32, steps only", work.nnlab(np.float32, False), work.samples),
    ]
    if torch is not None:
        rows.append(("PyTorch float64", work.torch(np.float64), work.samples))
        rows.append(("PyTorch float32", work.torch(np.float32), work.samples))
    rates = report(f"MNIST-shaped 784-100-10, batch 64, 1 epoch of {n_samples:,} samples",
                   rows, repeats)
    print_ratios(rates, [
        ("nnlab float64, steps only", "PyTorch float64", 1.5),
        ("nnlab float32, steps only", "PyTorch float32", 1.5),
    ])


def nielsen_benchmark(repeats, n_samples):
    data = datasets.mnist_5k(np.random.default_rng(0), test_fraction=0.2)
    copies = -(-n_samples // len(data.x_train))
    x = np.tile(np.asarray(data.x_train, dtype=np.float64), (copies, 1))[:n_samples]
    labels = np.tile(data.labels_train, copies)[:n_samples]
    work = Workload("nielsen", x, labels, np.asarray(data.x_test, dtype=np.float64),
                    data.labels_test, [784, 30, 10], batch_size=10, learning_rate=0.5,
                    epochs=1, output="sigmoid", init="standard")
    rows = [
        ("nnlab float64, steps only", work.nnlab(np.float64, False), work.samples),
        ("nnlab float32, steps only", work.nnlab(np.float32, False), work.samples),
        ("nnlab float64, with per-epoch evaluation", work.nnlab(np.float64, True), work.samples),
        ("nnlab float32, with per-epoch evaluation", work.nnlab(np.float32, True), work.samples),
    ]
    if MLPClassifier is not None:
        rows.append(("scikit-learn MLPClassifier float64", work.sklearn(), work.samples))
    if torch is not None:
        rows.append(("PyTorch float64", work.torch(np.float64), work.samples))
        rows.append(("PyTorch float32", work.torch(np.float32), work.samples))
    rates = report(f"Nielsen's chapter 3: 784-30-10 sigmoid, sigmoid outputs, batch 10, η 0.5, "
                   f"1 epoch of {n_samples:,} MNIST images", rows, repeats)
    print_ratios(rates, [
        ("nnlab float32, steps only", "nnlab float64, steps only", None),
        ("nnlab float64, steps only", "scikit-learn MLPClassifier float64", None),
        ("nnlab float64, steps only", "PyTorch float64", None),
        ("nnlab float32, steps only", "PyTorch float32", None),
        ("nnlab float32, with per-epoch evaluation", "PyTorch float32", None),
    ])


def neuron_benchmark(repeats):
    starts = [(0.6, 0.9), (2.0, 2.0)]
    costs = ["quadratic", "cross_entropy"]

    def four_classic_runs():
        for w, b in starts:
            for cost in costs:
                train_neuron(1.0, 0.0, w, b, cost, 0.15, 300)

    def four_runs_general_network():
        x, y = np.array([[1.0]]), np.array([[0.0]])
        for w, b in starts:
            for cost_name in costs:
                net = Network([1, 1]).initialise("explicit", weights=[[[w]]], biases=[[b]])
                cost, optimizer = make_cost(cost_name), GradientDescent(0.15)
                for _ in range(301):
                    _, gradient, _ = net.gradient(x, y, cost)
                    optimizer.step(net, gradient)

    print("\nLesson neuron (x = 1, y = 0, η = 0.15, 300 epochs)")
    fast = best_seconds(four_classic_runs, max(repeats, 20))
    general = best_seconds(four_runs_general_network, max(repeats // 2, 3))
    print(f"  four classic runs, fast path:          {fast * 1e3:8.3f} ms   (target <= 1 ms)")
    print(f"  four classic runs, general network:    {general * 1e3:8.3f} ms")
    print(f"  ratio general / fast:                  {general / fast:8.1f}x")

    rng = np.random.default_rng(0)
    w0, b0 = rng.uniform(-6, 6, 10_000), rng.uniform(-6, 6, 10_000)
    for cost in costs:
        many = best_seconds(lambda: train_neuron_starts(w0, b0, 1.0, 0.0, cost, 0.15, 300),
                            max(repeats, 5))
        one_by_one = best_seconds(
            lambda: [train_neuron(1.0, 0.0, w, b, cost, 0.15, 300)
                     for w, b in zip(w0[:200], b0[:200])], 1) / 200 * 10_000
        print(f"  10,000 starts x 300 epochs, {cost:<13}: {many * 1e3:8.2f} ms   "
              f"(target <= 50 ms; one start at a time: {one_by_one * 1e3:,.0f} ms, "
              f"{one_by_one / many:,.0f}x slower)")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="fewer repeats, and 10,000 MNIST-shaped samples instead of 60,000 "
                             "(50,000 in Nielsen's setting)")
    parser.add_argument("--repeats", type=int, default=None, help="timed repeats per contender")
    parser.add_argument("--only", choices=["neuron", "digits", "mnist", "nielsen"],
                        help="run one of the four benchmarks")
    args = parser.parse_args(argv)
    repeats = args.repeats or (2 if args.quick else 5)
    print(f"nnlab benchmark: Python {platform.python_version()}, NumPy {np.__version__}, "
          f"{os.cpu_count()} CPUs")
    print(f"  peers: scikit-learn {'installed' if MLPClassifier else 'not installed'}, "
          f"PyTorch {torch.__version__ + f' ({torch.get_num_threads()} threads)' if torch else 'not installed'}")
    if args.only in (None, "neuron"):
        neuron_benchmark(repeats)
    if args.only in (None, "digits"):
        digits_benchmark(repeats)
    if args.only in (None, "mnist"):
        mnist_shaped_benchmark(repeats, 10_000 if args.quick else 60_000)
    if args.only in (None, "nielsen"):
        nielsen_benchmark(repeats, 10_000 if args.quick else 50_000)


if __name__ == "__main__":
    main()
