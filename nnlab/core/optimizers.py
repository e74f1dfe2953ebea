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
    def __init__(self, learning_rate: float, momentum: float = 0.0, l2: float = 0.0):
        if not learning_rate > 0:
            raise ValueError(f"learning rate {learning_rate!r} must be > 0")
        if not 0.0 <= momentum < 1.0:
            raise ValueError(f"momentum {momentum!r} must be in [0, 1)")
        if not l2 >= 0:
            raise ValueError(f"L2 coefficient {l2!r} must be >= 0")
        self.learning_rate = float(learning_rate)
        self.momentum = float(momentum)
        self.l2 = float(l2)
        self._velocity = None

    def step(self, network, gradient) -> None:
        """Update ``network.parameters`` in place by the flat ``gradient`` (laid out like
        ``network.parameters``, as :meth:`Network.gradient` returns it)."""
        params = network.parameters
        if self.l2:
            gradient = gradient + self.l2 * params * network.weight_mask
        if not self.momentum:
            params -= self.learning_rate * gradient
            return
        if self._velocity is None:
            self._velocity = np.zeros_like(params)
        self._velocity *= self.momentum
        self._velocity -= self.learning_rate * gradient
        params += self._velocity


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
