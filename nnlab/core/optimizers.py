"""Gradient descent: full batch, stochastic (batch of 1) or mini-batch of size k.

One step with learning rate η, momentum μ and L2 coefficient λ, for all parameters θ at once:

    v ← μ v − η (∂C/∂θ + λ m ⊙ θ)        θ ← θ + v

where m is 1 for weights and 0 for biases (biases are not decayed). With μ = 0 this is plain
θ ← θ − η (∂C/∂θ + λ m ⊙ θ). λ is the coefficient of the penalty (λ/2) Σ W² added to the mean
cost.
"""

from __future__ import annotations

from typing import Iterator

import numpy as np


class GradientDescent:
    def __init__(self, learning_rate: float, momentum: float = 0.0, l2: float = 0.0,
                 weights_only: bool = False):
        """``weights_only``: update the weights and keep every bias at its value (a network
        drawn without biases, as lecture note 001's figure is)."""
        if not learning_rate > 0:
            raise ValueError(f"learning rate {learning_rate!r} must be > 0")
        if not 0.0 <= momentum < 1.0:
            raise ValueError(f"momentum {momentum!r} must be in [0, 1)")
        if not l2 >= 0:
            raise ValueError(f"L2 coefficient {l2!r} must be >= 0")
        self.learning_rate = float(learning_rate)
        self.momentum = float(momentum)
        self.l2 = float(l2)
        self.weights_only = bool(weights_only)
        self._velocity = None
        self._step = None

    def train_step(self, network, x, y, cost, gradient_buffer,
                   compute_cost: bool = False) -> float:
        """One gradient step on the batch (x, y); returns the batch's cost before the step
        (NaN unless ``compute_cost``). ``gradient_buffer`` is scratch space laid out like
        ``network.parameters``."""
        if self.momentum or self.l2 or self.weights_only:
            value, gradient, _ = network.gradient(x, y, cost, compute_cost, out=gradient_buffer)
            if self.weights_only:
                gradient *= network.weight_mask  # 0 for every bias: it stays as it is
            self.step(network, gradient)
        else:
            # plain descent θ ← θ − η∇C: ask for η∇C directly and save a pass over θ
            value, scaled, _ = network.gradient(x, y, cost, compute_cost, out=gradient_buffer,
                                                scale=self.learning_rate)
            network.parameters -= scaled
        return value

    def step(self, network, gradient) -> None:
        """Update ``network.parameters`` in place by the flat ``gradient`` (laid out like
        ``network.parameters``, as :meth:`Network.gradient` returns it)."""
        params = network.parameters
        if self._step is None or self._step.shape != params.shape:
            self._step = np.empty_like(params)  # reused: no large allocation per step
        step = self._step
        if self.l2:
            np.multiply(params, network.weight_mask, out=step)
            step *= self.l2
            step += gradient
            step *= self.learning_rate
        else:
            np.multiply(gradient, self.learning_rate, out=step)
        if self.momentum:
            if self._velocity is None:
                self._velocity = np.zeros_like(params)
            self._velocity *= self.momentum
            self._velocity -= step
            params += self._velocity
        else:
            params -= step


SHUFFLED_COPY_LIMIT = 64 * 2**20
"""Datasets up to this many bytes are shuffled by copying them once per epoch, so that each
batch is a contiguous slice; larger ones (MNIST in float64 is 376 MB) gather each batch's
rows instead, to avoid holding a second copy."""


def minibatches(x, y, batch_size: int | None,
                rng: np.random.Generator) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """One epoch's batches of (inputs, targets).

    ``batch_size`` None (or ≥ the number of samples) is full-batch descent: one batch of every
    sample in order, and ``rng`` is not used. Otherwise the samples are shuffled by ``rng``
    and cut into consecutive batches; the last one may be smaller. Batch size 1 is stochastic
    gradient descent.
    """
    n_samples = len(x)
    if batch_size is None or batch_size >= n_samples:
        yield x, y
        return
    order = rng.permutation(n_samples)
    if x.nbytes + y.nbytes <= SHUFFLED_COPY_LIMIT:
        x, y = x[order], y[order]
        for start in range(0, n_samples, batch_size):
            yield x[start:start + batch_size], y[start:start + batch_size]
    else:
        for start in range(0, n_samples, batch_size):
            rows = order[start:start + batch_size]
            yield x[rows], y[rows]
