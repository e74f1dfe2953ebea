"""Backpropagation one number at a time: the 3-2-3 sigmoid network of lecture note 001 and one
sample, every number the lesson shows.

The numbering (as the note's figure draws it): w1, w2, w3 carry x1, x2, x3 into hidden unit h1
and w4, w5, w6 into h2; w7, w8 carry h1, h2 into output o1, w9, w10 into o2 and w11, w12 into
o3; b1, b2 are the hidden units' biases and b3, b4, b5 the outputs'. With the biases left out
(as the note's figure does) they are 0 and stay 0: not parameters, so not updated.

For one sample (x, y) with a one-hot target y, η the learning rate:

    z_h = Σ_k w·x_k + b,   a_h = σ(z_h)                      (h1, h2)
    z_o = Σ_h w·a_h + b,   ŷ = a_o = σ(z_o)                   (o1, o2, o3)
    ℒ = ½ Σ_i (ŷ_i − y_i)²
    δ_o = ∂ℒ/∂z_o = (ŷ − y)·σ′(z_o)                           σ′(z) = a(1 − a)
    δ_h = ∂ℒ/∂z_h = (Σ_o δ_o·w_(h→o))·σ′(z_h)                 the chain rule
    ∂ℒ/∂w = δ of the unit it leads into × the value it carries;  ∂ℒ/∂b = δ of its unit
    w ← w − η·∂ℒ/∂w

The core's :class:`~nnlab.core.network.Network` computes the same gradients
(:func:`to_network` maps the names onto its matrices): its quadratic cost is the mean over the
rows of ½Σ(a − y)², and for one row that is ℒ itself. Each gradient is also estimated by
central differences, [ℒ(θ + h) − ℒ(θ − h)] / 2h, which agrees with it to far more than six
digits.

:func:`descent_histories` trains the same network on the lesson's data (the three-class set
of the preset ``three-class-3-2-3``) by batch, stochastic and mini-batch descent from one
start, with the core's training loop.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, replace

import numpy as np

from .activations import sigmoid
from .costs import make_cost
from .datasets import Dataset
from .experiment import Field
from .network import Network
from .optimizers import GradientDescent
from .training import EpochRecord, train_network

INPUTS = ("x1", "x2", "x3")
HIDDEN = ("h1", "h2")
OUTPUTS = ("o1", "o2", "o3")
UNITS = HIDDEN + OUTPUTS
WEIGHT_NAMES = tuple(f"w{i}" for i in range(1, 13))
BIAS_NAMES = tuple(f"b{i}" for i in range(1, 6))
PARAMETER_NAMES = WEIGHT_NAMES + BIAS_NAMES
LAYER_SIZES = (3, 2, 3)

#: weight name → (layer, unit it leads into, unit or input it carries): Network's W_layer[j, k]
WEIGHT_PLACES = {
    "w1": (0, 0, 0), "w2": (0, 0, 1), "w3": (0, 0, 2),     # x1, x2, x3 → h1
    "w4": (0, 1, 0), "w5": (0, 1, 1), "w6": (0, 1, 2),     # x1, x2, x3 → h2
    "w7": (1, 0, 0), "w8": (1, 0, 1),                      # h1, h2 → o1
    "w9": (1, 1, 0), "w10": (1, 1, 1),                     # h1, h2 → o2
    "w11": (1, 2, 0), "w12": (1, 2, 1),                    # h1, h2 → o3
}
#: bias name → (layer, unit): Network's b_layer[j]
BIAS_PLACES = {"b1": (0, 0), "b2": (0, 1), "b3": (1, 0), "b4": (1, 1), "b5": (1, 2)}

#: weight name → (the unit or input it carries, the unit it leads into)
WEIGHT_ENDS = {name: ((INPUTS, HIDDEN)[layer][k], (HIDDEN, OUTPUTS)[layer][j])
               for name, (layer, j, k) in WEIGHT_PLACES.items()}
#: bias name → its unit
BIAS_UNITS = {name: (HIDDEN, OUTPUTS)[layer][j]
              for name, (layer, j) in BIAS_PLACES.items()}

#: The step of the finite differences: small enough that the error of the central difference
#: (about h²·ℒ‴/6) is far below 10⁻⁸, large enough that rounding (about 10⁻¹⁶·ℒ/h) is too.
FINITE_DIFFERENCE_STEP = 1e-5

#: What may be typed: a weight, bias or input, and the learning rate.
VALUE_RULE = Field("backprop.value", "number", -100.0, 100.0)
LEARNING_RATE_RULE = Field("backprop.learning_rate", "number", 0.0, 10.0, low_open=True)

#: The lesson's data and how the methods train on it (the preset's data and learning rate).
PRESET = "three-class-3-2-3"
DESCENT_EPOCHS = 100
"""Epochs each method trains for: the three runs of 100 epochs take about 80 ms together
(stochastic descent, 2,100 updates, most of it), so the window does not wait noticeably."""
DEFAULT_MINI_BATCH = 4
#: the methods of note 001, in its order, and their batch size (None: the whole set)
DESCENT_METHODS = ("batch", "sgd", "mini-batch")


@dataclass(frozen=True)
class Example:
    """The network's parameters and one sample: ``x`` (3 inputs), ``y`` (3 targets, one-hot),
    ``eta``, ``weights`` (w1 … w12) and ``biases`` (b1 … b5, ignored as 0 when not
    ``use_biases``)."""

    x: tuple[float, float, float]
    y: tuple[float, float, float]
    eta: float
    weights: tuple[float, ...]
    biases: tuple[float, ...]
    use_biases: bool = True

    def __post_init__(self) -> None:
        if len(self.x) != 3 or len(self.y) != 3:
            raise ValueError("x and y have three entries each")
        if len(self.weights) != 12 or len(self.biases) != 5:
            raise ValueError("the 3-2-3 network has 12 weights and 5 biases")

    @property
    def effective_biases(self) -> tuple[float, ...]:
        """The biases the network uses: 0 when they are left out."""
        return tuple(self.biases) if self.use_biases else (0.0,) * 5

    def parameters(self) -> dict[str, float]:
        """w1 … w12, b1 … b5 by name (the biases as the network uses them)."""
        return dict(zip(PARAMETER_NAMES, (*self.weights, *self.effective_biases)))

    def with_parameters(self, values: dict[str, float]) -> Example:
        """The same example with the named parameters changed."""
        weights = tuple(float(values.get(n, v)) for n, v in zip(WEIGHT_NAMES, self.weights))
        biases = tuple(float(values.get(n, v)) for n, v in zip(BIAS_NAMES, self.biases))
        return replace(self, weights=weights, biases=biases)


#: The lesson's start: weights and biases small and of both signs, the sample x = (1, 0.5,
#: −0.5) of class 1, η = 0.5 (the preset's learning rate).
DEFAULT_EXAMPLE = Example(
    x=(1.0, 0.5, -0.5), y=(1.0, 0.0, 0.0), eta=0.5,
    weights=(0.15, -0.2, 0.25, 0.3, 0.1, -0.35, 0.4, -0.45, 0.5, 0.55, -0.6, 0.2),
    biases=(0.1, -0.1, 0.05, -0.05, 0.0),
)


def one_hot(cls: int) -> tuple[float, float, float]:
    """The target of class ``cls`` (0, 1 or 2)."""
    if cls not in (0, 1, 2):
        raise ValueError(f"class {cls + 1}: expected 1, 2 or 3")
    return tuple(1.0 if i == cls else 0.0 for i in range(3))


# -- the network ---------------------------------------------------------------------------------

def network_matrices(example: Example) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """(weight matrices, bias vectors) of Network's layout: W_l[j, k] connects unit k to j."""
    weights = [np.zeros((2, 3)), np.zeros((3, 2))]
    biases = [np.zeros(2), np.zeros(3)]
    for name, value in zip(WEIGHT_NAMES, example.weights):
        layer, j, k = WEIGHT_PLACES[name]
        weights[layer][j, k] = value
    for name, value in zip(BIAS_NAMES, example.effective_biases):
        layer, j = BIAS_PLACES[name]
        biases[layer][j] = value
    return weights, biases


def to_network(example: Example) -> Network:
    """The core's network with the example's weights and biases."""
    weights, biases = network_matrices(example)
    return Network(LAYER_SIZES).initialise("explicit", weights=weights, biases=biases)


def named_parameters(network: Network) -> dict[str, float]:
    """w1 … w12, b1 … b5 of a 3-2-3 network, by the lesson's names."""
    return named_arrays(network.weights, network.biases)


def named_arrays(weights, biases) -> dict[str, float]:
    """Per-layer arrays (weights or their gradients) laid out as Network's, by name."""
    values = {name: float(weights[layer][j, k]) for name, (layer, j, k) in WEIGHT_PLACES.items()}
    values.update({name: float(biases[layer][j]) for name, (layer, j) in BIAS_PLACES.items()})
    return values


def random_example(seed: int, example: Example = DEFAULT_EXAMPLE) -> Example:
    """``example`` with weights and biases drawn as the preset draws them ("scaled": weights
    N(0, 1/n_in), biases N(0, 1)) from ``default_rng(seed)``, rounded to two decimals so that
    they can be read out and typed; the sample, η and the bias switch stay."""
    network = Network(LAYER_SIZES).initialise("scaled", np.random.default_rng(seed))
    values = {name: round(value, 2) for name, value in named_parameters(network).items()}
    return replace(example, weights=tuple(values[n] for n in WEIGHT_NAMES),
                   biases=tuple(values[n] for n in BIAS_NAMES))


# -- one sample, forward and back -----------------------------------------------------------------

@dataclass(frozen=True)
class Forward:
    """z and a of every unit (h1, h2, o1, o2, o3) and the loss."""

    z: dict[str, float]
    a: dict[str, float]
    loss: float


def forward(example: Example) -> Forward:
    """The forward pass unit by unit, written as the lesson shows it."""
    p = example.parameters()
    x1, x2, x3 = example.x
    z, a = {}, {}
    z["h1"] = p["w1"] * x1 + p["w2"] * x2 + p["w3"] * x3 + p["b1"]
    z["h2"] = p["w4"] * x1 + p["w5"] * x2 + p["w6"] * x3 + p["b2"]
    for h in HIDDEN:
        a[h] = float(sigmoid(z[h]))
    z["o1"] = p["w7"] * a["h1"] + p["w8"] * a["h2"] + p["b3"]
    z["o2"] = p["w9"] * a["h1"] + p["w10"] * a["h2"] + p["b4"]
    z["o3"] = p["w11"] * a["h1"] + p["w12"] * a["h2"] + p["b5"]
    for o in OUTPUTS:
        a[o] = float(sigmoid(z[o]))
    loss = 0.5 * sum((a[o] - y) ** 2 for o, y in zip(OUTPUTS, example.y))
    return Forward(z, a, loss)


def loss_of(example: Example) -> float:
    """ℒ = ½Σ(ŷᵢ − yᵢ)² of the example's sample."""
    return forward(example).loss


def sigma_prime(a: float) -> float:
    """σ′(z) written with the unit's output: a(1 − a)."""
    return a * (1.0 - a)


def deltas(example: Example, f: Forward) -> dict[str, float]:
    """δ = ∂ℒ/∂z of every unit: the outputs' (ŷ − y)·σ′(z), then the hidden units'
    (Σ over the outputs of δ_o·w)·σ′(z_h)."""
    p = example.parameters()
    delta = {o: (f.a[o] - y) * sigma_prime(f.a[o]) for o, y in zip(OUTPUTS, example.y)}
    for h in HIDDEN:
        back = sum(delta[WEIGHT_ENDS[name][1]] * p[name] for name in WEIGHT_NAMES
                   if WEIGHT_ENDS[name][0] == h)
        delta[h] = back * sigma_prime(f.a[h])
    return {unit: delta[unit] for unit in UNITS}


def carried_value(example: Example, f: Forward, weight: str) -> float:
    """What ``weight`` carries: an input x_k or a hidden unit's output a_h."""
    source = WEIGHT_ENDS[weight][0]
    return example.x[INPUTS.index(source)] if source in INPUTS else f.a[source]


def gradients(example: Example, f: Forward, delta: dict[str, float]) -> dict[str, float]:
    """∂ℒ/∂w = δ of the unit the weight leads into × what it carries; ∂ℒ/∂b = δ of its
    unit (also for a bias left out: how ℒ would change if it were there)."""
    values = {name: delta[WEIGHT_ENDS[name][1]] * carried_value(example, f, name)
              for name in WEIGHT_NAMES}
    values.update({name: delta[BIAS_UNITS[name]] for name in BIAS_NAMES})
    return values


def finite_differences(example: Example,
                       step: float = FINITE_DIFFERENCE_STEP) -> dict[str, float]:
    """[ℒ(θ + h) − ℒ(θ − h)] / 2h of every parameter θ, by forward passes alone."""
    values = example.parameters()
    unbiased = replace(example, use_biases=True,
                       biases=tuple(values[name] for name in BIAS_NAMES))
    estimates = {}
    for name, value in values.items():
        up = loss_of(unbiased.with_parameters({name: value + step}))
        down = loss_of(unbiased.with_parameters({name: value - step}))
        estimates[name] = (up - down) / (2.0 * step)
    return estimates


def updated_parameters(example: Example, grads: dict[str, float]) -> dict[str, float]:
    """wᵢ ← wᵢ − η·∂ℒ/∂wᵢ of every weight, and of every bias when they are in (left out,
    they stay 0)."""
    values = example.parameters()
    new = {name: values[name] - example.eta * grads[name] for name in WEIGHT_NAMES}
    new.update({name: (values[name] - example.eta * grads[name]) if example.use_biases
                else 0.0 for name in BIAS_NAMES})
    return new


def updated_example(example: Example, grads: dict[str, float]) -> Example:
    """The example after one update."""
    return example.with_parameters(updated_parameters(example, grads))


@dataclass(frozen=True)
class BackpropNumbers:
    """Every number of the lesson for one example (see the module docstring)."""

    example: Example
    z: dict[str, float]
    a: dict[str, float]
    loss: float
    delta: dict[str, float]
    gradients: dict[str, float]
    finite_differences: dict[str, float]
    updated: dict[str, float]
    loss_after: float

    @property
    def largest_difference(self) -> float:
        """max |gradient − finite difference| over the parameters."""
        return max(abs(self.gradients[n] - self.finite_differences[n]) for n in PARAMETER_NAMES)

    def as_dict(self) -> dict:
        """The numbers as plain floats, by the names of ``numbers.json``."""
        e = self.example
        params = e.parameters()
        return {
            "x": [float(v) for v in e.x], "y": [float(v) for v in e.y], "eta": float(e.eta),
            "use_biases": bool(e.use_biases),
            "weights": {n: params[n] for n in WEIGHT_NAMES},
            "biases": {n: params[n] for n in BIAS_NAMES},
            "z": dict(self.z), "a": dict(self.a), "loss": self.loss,
            "delta": dict(self.delta),
            "gradients": dict(self.gradients),
            "finite_differences": dict(self.finite_differences),
            "updated": dict(self.updated), "loss_after": self.loss_after,
        }


def backprop_numbers(example: Example) -> BackpropNumbers:
    """Forward, δs, gradients, their finite differences, the update and the loss after it."""
    f = forward(example)
    delta = deltas(example, f)
    grads = gradients(example, f, delta)
    updated = updated_parameters(example, grads)
    return BackpropNumbers(
        example=example, z=f.z, a=f.a, loss=f.loss, delta=delta, gradients=grads,
        finite_differences=finite_differences(example), updated=updated,
        loss_after=loss_of(example.with_parameters(updated)))


def network_gradients(example: Example) -> tuple[float, dict[str, float]]:
    """(ℒ, gradients by name) from the core's :meth:`Network.backprop` with the quadratic
    cost: an independent check of :func:`gradients`."""
    network = to_network(example)
    x = np.array([example.x], dtype=float)
    y = np.array([example.y], dtype=float)
    value, grads_w, grads_b, _ = network.backprop(x, y, make_cost("quadratic"))
    return value, named_arrays(grads_w, grads_b)


# -- batch, stochastic and mini-batch descent ------------------------------------------------------

@dataclass(frozen=True, eq=False)
class DescentHistory:
    """One method's run: per epoch (0 = the start) the updates and samples so far and the
    mean loss over the training set; ``seconds``: how long it trained."""

    method: str
    batch_size: int | None
    epochs: np.ndarray
    updates: np.ndarray
    samples: np.ndarray
    loss: np.ndarray
    seconds: float = 0.0

    def axis(self, name: str) -> np.ndarray:
        """The x values: "epochs", "updates" or "samples"."""
        return {"epochs": self.epochs, "updates": self.updates, "samples": self.samples}[name]


def batch_size_of(method: str, mini_batch: int = DEFAULT_MINI_BATCH) -> int | None:
    """The batch size of a method of :data:`DESCENT_METHODS` (None: every sample at once)."""
    return {"batch": None, "sgd": 1, "mini-batch": int(mini_batch)}[method]


def updates_per_epoch(method: str, n_samples: int, mini_batch: int = DEFAULT_MINI_BATCH) -> int:
    """Parameter updates in one epoch: 1, n or ⌈n / size⌉."""
    size = batch_size_of(method, mini_batch)
    return 1 if size is None or size >= n_samples else math.ceil(n_samples / size)


def lesson_dataset() -> Dataset:
    """The preset's data: the three-class set (21 samples), as the preset draws it."""
    from .presets import load_preset
    from .runner import load_dataset

    experiment = load_preset(PRESET)
    return load_dataset(experiment, np.random.default_rng(experiment.seed))


def descent_histories(example: Example, dataset: Dataset, epochs: int = DESCENT_EPOCHS,
                      mini_batch: int = DEFAULT_MINI_BATCH, seed: int = 0,
                      methods=DESCENT_METHODS) -> dict[str, DescentHistory]:
    """Each method trained from the example's weights and biases (quadratic cost, its η) for
    ``epochs`` epochs with the core's :func:`~nnlab.core.training.train_network`, the
    samples' order drawn from ``default_rng(seed)`` alike for all. With the biases left out
    they stay 0: only the weights are trained."""
    cost = make_cost("quadratic")
    histories = {}
    for method in methods:
        network = to_network(example)
        started = time.perf_counter()
        records = [r for r in train_network(network, dataset, cost,
                                            GradientDescent(example.eta, weights_only=not
                                                            example.use_biases), epochs,
                                            np.random.default_rng(seed),
                                            batch_size_of(method, mini_batch))
                   if isinstance(r, EpochRecord)]
        histories[method] = DescentHistory(
            method, batch_size_of(method, mini_batch),
            np.array([r.epoch for r in records], dtype=float),
            np.array([r.steps for r in records], dtype=float),
            np.array([r.samples for r in records], dtype=float),
            np.array([r.train_cost for r in records], dtype=float),
            time.perf_counter() - started)
    return histories
