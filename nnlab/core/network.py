"""A fully connected feed-forward network, vectorised over a mini-batch.

Samples are rows. Layer l maps a^(l) (n × size_l) to a^(l+1) = σ(a^(l) W_lᵀ + b_l), with
W_l of shape (size_{l+1}, size_l) as in the lesson's notation (w_jk connects unit k of one
layer to unit j of the next) and b_l of shape (size_{l+1},). Backpropagation follows the four
equations of the lesson:

    δ^L     = ∂C_x/∂z^L                        (the cost's ``delta``)
    δ^l     = (δ^(l+1) W_(l+1)) ⊙ σ'(z^l)
    ∂C/∂W_l = (1/n) δ^(l+1)ᵀ a^(l)
    ∂C/∂b_l = (1/n) Σ_x δ^(l+1)

so a whole batch costs a handful of matrix products per layer.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from .activations import ACTIVATIONS, OUTPUT_ACTIVATIONS, get_activation, softmax
from .costs import Cost
from .evaluation import accuracy, predicted_classes

INIT_METHODS = ("explicit", "standard", "scaled", "xavier", "he")
ROWS_AT_ONCE = 4096
"""Rows that go through the network at once; more are taken in parts of this many. The
per-epoch full-batch measurement of 60,000 MNIST rows through 784-512×8-10 held 2.3 GB of
activations at once, and as much again in errors; in parts it holds 160 MB. The small
datasets (the digits' 1,438 training rows) go through whole, as before."""
"""Weight initialisations:

* explicit — the given weights and biases;
* standard — every weight and bias from N(0, 1) (Nielsen's ``large_weight_initializer``);
* scaled   — weights from N(0, 1/n_in), biases from N(0, 1) (Nielsen's default);
* xavier   — weights from N(0, 2/(n_in + n_out)), biases 0 (Glorot and Bengio);
* he       — weights from N(0, 2/n_in), biases 0 (He et al., for ReLU layers).
"""


class Network:
    """A multi-layer perceptron: ``layer_sizes`` from input to output, one activation per
    hidden layer (a single name applies to all), and a sigmoid or softmax output layer
    (classes), or a linear one, a = z (regression: any number).

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
        # All parameters live in one flat vector, W_1, b_1, W_2, b_2, …; ``weights`` and
        # ``biases`` are views into it. A gradient step is then one vector operation instead
        # of one per array, which matters for small networks and batches.
        self._shapes = []
        for n_in, n_out in zip(sizes[:-1], sizes[1:]):
            self._shapes += [(n_out, n_in), (n_out,)]
        self._offsets = np.cumsum([0] + [int(np.prod(s)) for s in self._shapes])
        self.parameters = np.zeros(self._offsets[-1], self.dtype)
        self.weights, self.biases = self._unflatten(self.parameters)
        mask = np.zeros(self._offsets[-1], self.dtype)
        for w in self._unflatten(mask)[0]:
            w[...] = 1.0
        self.weight_mask = mask
        self._views_of = self._views = None  # see gradient()
        self._part_gradient = None  # scratch for a gradient taken in parts
        self._ones_cache = np.ones(0, self.dtype)
        """1 for every entry of ``parameters`` that is a weight, 0 for a bias (L2 decays
        weights only)."""
        # σ of every hidden layer (in place: z is not kept) and of the output layer (whose z
        # the cost's delta receives); the output's σ' is the cost's business.
        self._hidden_functions = [ACTIVATIONS[name].apply_inplace for name in hidden]
        self._output_function = {"softmax": softmax, "linear": ACTIVATIONS["linear"].fn,
                                  "sigmoid": ACTIVATIONS["sigmoid"].fn}[output]
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
            new_w.append(rng.standard_normal((n_out, n_in)) * std)
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
        for w, b, old_w, old_b in zip(weights, biases, self.weights, self.biases):
            old_w[...] = w
            old_b[...] = b

    def _unflatten(self, flat):
        """Views of a flat parameter-shaped vector as (weight matrices, bias vectors)."""
        views = [flat[start:stop].reshape(shape) for start, stop, shape
                 in zip(self._offsets[:-1], self._offsets[1:], self._shapes)]
        return views[0::2], views[1::2]

    def _ones(self, n: int):
        if len(self._ones_cache) != n:
            self._ones_cache = np.ones(n, self.dtype)
        return self._ones_cache

    def copy(self) -> "Network":
        twin = Network(self.layer_sizes, self.hidden_activations, self.output, self.dtype)
        twin.parameters[...] = self.parameters
        return twin

    def __reduce__(self):
        # pickled as its copy is made (its cached functions include lambdas): a network sent
        # to the training process is rebuilt there with the same parameters
        return (_rebuilt_network, (self.layer_sizes, self.hidden_activations, self.output,
                                   self.dtype, self.parameters))

    def forward(self, x):
        """Output activations a^L for the rows of x (ROWS_AT_ONCE rows at a time)."""
        x = np.asarray(x, dtype=self.dtype)
        if x.shape[0] <= ROWS_AT_ONCE:
            return self._forward(x)[0][-1]
        return np.concatenate([self._forward(x[start:start + ROWS_AT_ONCE])[0][-1]
                               for start in range(0, x.shape[0], ROWS_AT_ONCE)])

    def hidden_outputs(self, x) -> list[np.ndarray]:
        """The activations a^(1) … a^(L−1) of the hidden layers for the rows of x (at most
        ROWS_AT_ONCE of them), as the forward pass computes them."""
        return self._hidden_forward(np.asarray(x, dtype=self.dtype))[1:]

    def _hidden_forward(self, x):
        """The activations of the input and every hidden layer: [x, a^(1), …, a^(L−1)]."""
        activations = [x]
        a = x
        for w, b, fn in zip(self.weights[:-1], self.biases[:-1], self._hidden_functions):
            z = a @ w.T
            z += b
            a = fn(z)
            activations.append(a)
        return activations

    def _forward(self, x):
        """(activations of every layer, input first and output last; the output layer's z)."""
        activations = self._hidden_forward(x)
        z = activations[-1] @ self.weights[-1].T
        z += self.biases[-1]
        activations.append(self._output_function(z))
        return activations, z

    def predict(self, x):
        """Predicted class of each row (:func:`~nnlab.core.evaluation.predicted_classes`: the
        largest output, or for a single output unit class 1 where a ≥ 0.5)."""
        return predicted_classes(self.forward(x))

    @property
    def is_regression(self) -> bool:
        """A linear output: the network answers numbers, not classes."""
        return self.output == "linear"

    def accuracy(self, a, y) -> float:
        """The accuracy of outputs ``a`` against targets ``y`` (see
        :func:`~nnlab.core.evaluation.accuracy`); NaN for a linear output, whose numbers
        are not classes (a regression is measured by its cost, the mean squared error)."""
        return float("nan") if self.is_regression else accuracy(a, y)

    def evaluate(self, x, y, cost: Cost) -> tuple[float, float]:
        """(cost, accuracy) on the rows of x with one-hot targets y; accuracy compares the
        largest output with the largest target (for a single output unit: a ≥ 0.5 vs y ≥ 0.5),
        and is NaN for a linear output (see :meth:`accuracy`)."""
        a = self.forward(x)
        return cost.fn(a, y), self.accuracy(a, y)

    def backprop(self, x, y, cost: Cost, compute_cost: bool = True):
        """Gradients of the mean cost over the rows of (x, y).

        Returns ``(cost_value, grads_w, grads_b, a)`` where ``a`` is the output for x;
        ``cost_value`` is NaN when ``compute_cost`` is False.
        """
        value, gradient, a = self.gradient(x, y, cost, compute_cost)
        grads_w, grads_b = self._unflatten(gradient)
        return value, grads_w, grads_b, a

    def gradient(self, x, y, cost: Cost, compute_cost: bool = True, out=None, scale=1.0):
        """Like :meth:`backprop`, with the gradient as one flat vector laid out like
        ``parameters``: ``(cost_value, gradient, a)``.

        The training loop uses this form: it passes the same ``out`` vector at every step,
        sparing a large allocation, and may ask for ``scale`` × the gradient (e.g. η∇C),
        which costs nothing extra because the scale is applied to the small output error.
        """
        if cost.output != self.output:
            raise ValueError(f"cost is for {cost.output} outputs, the network has {self.output}")
        x = np.asarray(x, dtype=self.dtype)
        y = np.asarray(y, dtype=self.dtype)
        if x.shape[0] > ROWS_AT_ONCE:
            return self._gradient_in_parts(x, y, cost, compute_cost, out, scale)
        return self._gradient_of_rows(x, y, cost, compute_cost, out, scale)

    def _gradient_in_parts(self, x, y, cost: Cost, compute_cost: bool, out, scale):
        """:meth:`gradient` of many rows, ROWS_AT_ONCE at a time: the mean gradient is the
        sum of each part's mean weighted by its share of the rows (and so is the cost), and
        only one part's activations exist at once."""
        n = x.shape[0]
        gradient = np.empty_like(self.parameters) if out is None else out
        if self._part_gradient is None or self._part_gradient.shape != gradient.shape:
            self._part_gradient = np.empty_like(gradient)
        gradient[...] = 0.0
        total, outputs = 0.0, []
        for start in range(0, n, ROWS_AT_ONCE):
            xs, ys = x[start:start + ROWS_AT_ONCE], y[start:start + ROWS_AT_ONCE]
            share = xs.shape[0] / n
            value, part, a = self._gradient_of_rows(xs, ys, cost, compute_cost,
                                                    self._part_gradient, scale * share)
            gradient += part
            total += value * share
            outputs.append(a)
        return (total if compute_cost else float("nan")), gradient, np.concatenate(outputs)

    def _gradient_of_rows(self, x, y, cost: Cost, compute_cost: bool, out, scale):
        """:meth:`gradient` of rows few enough to go through the network at once."""
        activations, z = self._forward(x)
        a = activations[-1]
        if out is None:
            gradient = np.empty_like(self.parameters)
            grads_w, grads_b = self._unflatten(gradient)
        else:
            # the training loop passes the same buffer every step: reuse its views
            if self._views_of is not out:
                self._views_of, self._views = out, self._unflatten(out)
            gradient, (grads_w, grads_b) = out, self._views
        # δ^L of each sample, divided by n here once for the mean over the batch
        delta = cost.delta(z, a, y)
        delta *= scale / x.shape[0]
        ones = self._ones(x.shape[0])  # Σ over samples as a product: faster than sum
        for l in range(self.n_layers - 1, -1, -1):
            # δᵀa written into a C-ordered (n_out, n_in) block is several times faster in
            # OpenBLAS than aᵀδ into (n_in, n_out) for wide inputs such as MNIST's 784
            np.matmul(delta.T, activations[l], out=grads_w[l])
            np.matmul(ones, delta, out=grads_b[l])
            if l > 0:  # the input layer has no error to pass on
                delta = delta @ self.weights[l]
                delta *= self._primes[l - 1](activations[l])
        value = cost.fn(a, y) if compute_cost else float("nan")
        return value, gradient, a


def gradient_norms(grads_w, grads_b) -> tuple[float, ...]:
    """‖∂C/∂W_l, ∂C/∂b_l‖ of each layer (Euclidean norm over all its parameters), the measure
    in which vanishing gradients show: early sigmoid layers get orders of magnitude less."""
    return tuple(
        float(np.sqrt(np.vdot(gw, gw) + np.vdot(gb, gb))) for gw, gb in zip(grads_w, grads_b)
    )


def _rebuilt_network(layer_sizes, hidden_activations, output, dtype, parameters) -> Network:
    network = Network(layer_sizes, hidden_activations, output, dtype)
    network.parameters[...] = parameters
    return network
