"""A fully connected feed-forward network, vectorised over a mini-batch.

Samples are rows. Layer l maps a^(l) (n × size_l) to a^(l+1) = σ(a^(l) W_l + b_l), with
W_l of shape (size_l, size_{l+1}) and b_l of shape (size_{l+1},). Backpropagation follows
the four equations of the lesson:

    δ^L     = ∂C_x/∂z^L                        (the cost's ``delta``)
    δ^l     = (δ^(l+1) W_(l+1)ᵀ) ⊙ σ'(z^l)
    ∂C/∂W_l = (1/n) a^(l)ᵀ δ^(l+1)
    ∂C/∂b_l = (1/n) Σ_x δ^(l+1)

so a whole batch costs a handful of matrix products per layer.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from .activations import ACTIVATIONS, OUTPUT_ACTIVATIONS, get_activation, softmax
from .costs import Cost

INIT_METHODS = ("explicit", "standard", "scaled", "xavier", "he")
"""Weight initialisations:

* explicit — the given weights and biases;
* standard — every weight and bias from N(0, 1) (Nielsen's ``large_weight_initializer``);
* scaled   — weights from N(0, 1/n_in), biases from N(0, 1) (Nielsen's default);
* xavier   — weights from N(0, 2/(n_in + n_out)), biases 0 (Glorot and Bengio);
* he       — weights from N(0, 2/n_in), biases 0 (He et al., for ReLU layers).
"""


class Network:
    """A multi-layer perceptron: ``layer_sizes`` from input to output, one activation per
    hidden layer (a single name applies to all), and a sigmoid or softmax output layer.

    The parameters start at zero; call :meth:`initialise` before training.
    """

    def __init__(
        self,
        layer_sizes: Sequence[int],
        hidden_activation: str | Sequence[str] = "sigmoid",
        output: str = "sigmoid",
        dtype=np.float64,
    ):
        sizes = tuple(int(s) for s in layer_sizes)
        if len(sizes) < 2 or any(s < 1 for s in sizes):
            raise ValueError(
                f"layer sizes {list(layer_sizes)}: need at least two layers, each of at least 1 unit"
            )
        n_hidden = len(sizes) - 2
        if isinstance(hidden_activation, str):
            hidden = [hidden_activation] * n_hidden
        else:
            hidden = list(hidden_activation)
            if len(hidden) != n_hidden:
                raise ValueError(
                    f"{len(hidden)} hidden activations given for {n_hidden} hidden layers"
                )
        for name in hidden:
            get_activation(name)  # raises with the allowed names
        if output not in OUTPUT_ACTIVATIONS:
            raise ValueError(
                f"unknown output {output!r} (allowed: {', '.join(OUTPUT_ACTIVATIONS)})"
            )
        self.layer_sizes = sizes
        self.hidden_activations = hidden
        self.output = output
        self.dtype = np.dtype(dtype)
        self.weights = [np.zeros((m, n), self.dtype) for m, n in zip(sizes[:-1], sizes[1:])]
        self.biases = [np.zeros(n, self.dtype) for n in sizes[1:]]
        # σ of every layer after the input; the output's σ' is the cost's business.
        self._functions = [ACTIVATIONS[name].fn for name in hidden]
        self._functions.append(softmax if output == "softmax" else ACTIVATIONS["sigmoid"].fn)
        self._primes = [ACTIVATIONS[name].prime_from_output for name in hidden]

    @property
    def n_layers(self) -> int:
        """Number of weight layers (connections between consecutive layers of units)."""
        return len(self.weights)

    def initialise(self, method: str, rng: np.random.Generator | None = None,
                   weights=None, biases=None) -> "Network":
        """Set every weight and bias by ``method`` (see INIT_METHODS); random methods draw
        from ``rng`` only, so equal seeds give equal networks."""
        if method not in INIT_METHODS:
            raise ValueError(f"unknown initialisation {method!r} (allowed: {', '.join(INIT_METHODS)})")
        if method == "explicit":
            if weights is None or biases is None:
                raise ValueError("explicit initialisation needs both weights and biases")
            self.set_parameters(weights, biases)
            return self
        if rng is None:
            raise ValueError(f"initialisation {method!r} needs a numpy.random.Generator")
        new_w, new_b = [], []
        for n_in, n_out in zip(self.layer_sizes[:-1], self.layer_sizes[1:]):
            std = {
                "standard": 1.0,
                "scaled": 1.0 / np.sqrt(n_in),
                "xavier": np.sqrt(2.0 / (n_in + n_out)),
                "he": np.sqrt(2.0 / n_in),
            }[method]
            new_w.append(rng.standard_normal((n_in, n_out)) * std)
            if method in ("standard", "scaled"):
                new_b.append(rng.standard_normal(n_out))
            else:
                new_b.append(np.zeros(n_out))
        self.set_parameters(new_w, new_b)
        return self

    def set_parameters(self, weights, biases) -> None:
        """Copy in weights and biases, checking each shape against the layer sizes."""
        weights = [np.array(w, dtype=self.dtype, ndmin=2) for w in weights]
        biases = [np.array(b, dtype=self.dtype, ndmin=1) for b in biases]
        if len(weights) != self.n_layers or len(biases) != self.n_layers:
            raise ValueError(f"expected {self.n_layers} weight matrices and bias vectors")
        for l, (w, b, old_w, old_b) in enumerate(zip(weights, biases, self.weights, self.biases)):
            if w.shape != old_w.shape or b.shape != old_b.shape:
                raise ValueError(
                    f"layer {l + 1}: expected weights {old_w.shape} and biases {old_b.shape}, "
                    f"got {w.shape} and {b.shape}"
                )
        self.weights, self.biases = weights, biases

    def copy(self) -> "Network":
        twin = Network(self.layer_sizes, self.hidden_activations, self.output, self.dtype)
        twin.weights = [w.copy() for w in self.weights]
        twin.biases = [b.copy() for b in self.biases]
        return twin

    def forward(self, x):
        """Output activations a^L for the rows of x."""
        a = np.asarray(x, dtype=self.dtype)
        for w, b, fn in zip(self.weights, self.biases, self._functions):
            a = fn(a @ w + b)
        return a

    def predict(self, x):
        """Predicted class of each row: the index of the largest output."""
        return np.argmax(self.forward(x), axis=1)

    def evaluate(self, x, y, cost: Cost) -> tuple[float, float]:
        """(cost, accuracy) on the rows of x with one-hot targets y; accuracy compares the
        largest output with the largest target (for a single output unit: a ≥ 0.5 vs y ≥ 0.5)."""
        a = self.forward(x)
        return cost.fn(a, y), accuracy(a, y)

    def backprop(self, x, y, cost: Cost, compute_cost: bool = True):
        """Gradients of the mean cost over the rows of (x, y).

        Returns ``(cost_value, grads_w, grads_b, a)`` where ``a`` is the output for x;
        ``cost_value`` is NaN when ``compute_cost`` is False (the training loop skips it on
        each step and measures the cost once per epoch).
        """
        if cost.output != self.output:
            raise ValueError(f"cost is for {cost.output} outputs, the network has {self.output}")
        x = np.asarray(x, dtype=self.dtype)
        y = np.asarray(y, dtype=self.dtype)
        activations = [x]
        zs = []
        a = x
        for w, b, fn in zip(self.weights, self.biases, self._functions):
            z = a @ w
            z += b
            a = fn(z)
            zs.append(z)
            activations.append(a)
        n = x.shape[0]
        delta = cost.delta(zs[-1], a, y) * (1.0 / n)
        grads_w = [None] * self.n_layers
        grads_b = [None] * self.n_layers
        for l in range(self.n_layers - 1, -1, -1):
            grads_w[l] = activations[l].T @ delta
            grads_b[l] = delta.sum(axis=0)
            if l > 0:  # the input layer has no error to pass on
                delta = delta @ self.weights[l].T
                delta *= self._primes[l - 1](activations[l])
        value = cost.fn(a, y) if compute_cost else float("nan")
        return value, grads_w, grads_b, a


def accuracy(a, y) -> float:
    """Fraction of rows where the prediction matches the target class."""
    a, y = np.asarray(a), np.asarray(y)
    if len(a) == 0:
        return float("nan")
    if a.shape[1] == 1:
        return float(np.mean((a[:, 0] >= 0.5) == (y[:, 0] >= 0.5)))
    return float(np.mean(np.argmax(a, axis=1) == np.argmax(y, axis=1)))


def gradient_norms(grads_w, grads_b) -> tuple[float, ...]:
    """‖∂C/∂W_l, ∂C/∂b_l‖ of each layer (Euclidean norm over all its parameters), the measure
    in which vanishing gradients show: early sigmoid layers get orders of magnitude less."""
    return tuple(
        float(np.sqrt(np.vdot(gw, gw) + np.vdot(gb, gb))) for gw, gb in zip(grads_w, grads_b)
    )
