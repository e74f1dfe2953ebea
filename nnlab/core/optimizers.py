"""Gradient descent: full batch, stochastic (batch of 1) or mini-batch of size k.

One step with learning rate η, momentum μ and L2 coefficient λ:

    v ← μ v − η (∂C/∂W + λ W)        W ← W + v
    b ← b + v_b, with v_b ← μ v_b − η ∂C/∂b   (biases are not decayed)

With μ = 0 this is plain W ← W − η (∂C/∂W + λ W). λ is the coefficient of the penalty
(λ/2) Σ W² added to the mean cost.
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
        self._velocity_w = None
        self._velocity_b = None

    def step(self, network, grads_w, grads_b) -> None:
        """Update ``network``'s parameters in place."""
        eta = self.learning_rate
        if self.l2:
            grads_w = [g + self.l2 * w for g, w in zip(grads_w, network.weights)]
        if not self.momentum:
            for w, g in zip(network.weights, grads_w):
                w -= eta * g
            for b, g in zip(network.biases, grads_b):
                b -= eta * g
            return
        if self._velocity_w is None:
            self._velocity_w = [np.zeros_like(w) for w in network.weights]
            self._velocity_b = [np.zeros_like(b) for b in network.biases]
        for params, grads, velocities in (
            (network.weights, grads_w, self._velocity_w),
            (network.biases, grads_b, self._velocity_b),
        ):
            for p, g, v in zip(params, grads, velocities):
                v *= self.momentum
                v -= eta * g
                p += v


def minibatches(n_samples: int, batch_size: int | None,
                rng: np.random.Generator) -> Iterator[np.ndarray]:
    """Index arrays of one epoch's batches.

    ``batch_size`` None (or ≥ n_samples) is full-batch descent: one batch of every sample in
    order, and ``rng`` is not used. Otherwise the samples are shuffled by ``rng`` and cut
    into consecutive batches; the last one may be smaller. Batch size 1 is stochastic
    gradient descent.
    """
    if batch_size is None or batch_size >= n_samples:
        yield np.arange(n_samples)
        return
    order = rng.permutation(n_samples)
    for start in range(0, n_samples, batch_size):
        yield order[start:start + batch_size]
