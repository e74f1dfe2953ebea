"""The lesson's model: the network's weights and biases, the sample, η, the step on show, and
the settings of the descent comparison.

A plain object (no Qt): when the language changes, the window makes the page again around the
same model, so nothing typed or chosen is lost. Every change goes through a method here, which
refuses a value that makes no sense with ValueError; every number comes from
:mod:`nnlab.core.backprop_steps`.
"""

from __future__ import annotations

from dataclasses import replace

from nnlab.core.backprop_steps import (
    BIAS_NAMES, DEFAULT_EXAMPLE, DEFAULT_MINI_BATCH, INPUTS, LEARNING_RATE_RULE, VALUE_RULE,
    WEIGHT_NAMES, BackpropNumbers, DescentHistory, Example, backprop_numbers,
    descent_histories, lesson_dataset, one_hot, random_example,
)

#: The x axes the descent plot can show the loss against.
X_AXES = ("epochs", "updates", "samples")
DEFAULT_SEED = 1
#: The mini-batch sizes that may be chosen (21 samples: 2 … 20 makes a batch of several).
MINI_BATCH_RANGE = (2, 20)


class BackpropModel:
    """``example`` (weights, biases, sample, η, bias switch), ``step`` (on show), ``seed``
    (of a random start and the order of the samples), ``x_axis`` and ``mini_batch`` (the
    descent plot)."""

    def __init__(self) -> None:
        self._numbers: tuple[Example, BackpropNumbers] | None = None
        self._descent: tuple[tuple, dict[str, DescentHistory]] | None = None
        self._dataset = None
        self.reset()

    def reset(self) -> None:
        """The lesson as it opens: the default start and sample, the first step."""
        self.example = DEFAULT_EXAMPLE
        self.step = 0
        self.seed = DEFAULT_SEED
        self.x_axis = "epochs"
        self.mini_batch = DEFAULT_MINI_BATCH

    # -- reading -----------------------------------------------------------------------------
    def numbers(self) -> BackpropNumbers:
        """Every number of the example (computed once per example)."""
        if self._numbers is None or self._numbers[0] != self.example:
            self._numbers = (self.example, backprop_numbers(self.example))
        return self._numbers[1]

    @property
    def target_class(self) -> int:
        return self.example.y.index(1.0)

    def value(self, name: str) -> float:
        """A weight, bias or input by name (a bias as set, even while left out)."""
        e = self.example
        if name in WEIGHT_NAMES:
            return e.weights[WEIGHT_NAMES.index(name)]
        if name in BIAS_NAMES:
            return e.biases[BIAS_NAMES.index(name)]
        return e.x[INPUTS.index(name)]

    def descent(self) -> dict[str, DescentHistory]:
        """Batch, stochastic and mini-batch descent from the start on show (trained when
        first asked for after a change, about 0.1 s)."""
        key = (self.example, self.mini_batch, self.seed)
        if self._descent is None or self._descent[0] != key:
            if self._dataset is None:
                self._dataset = lesson_dataset()
            self._descent = (key, descent_histories(self.example, self._dataset,
                                                    mini_batch=self.mini_batch,
                                                    seed=self.seed))
        return self._descent[1]

    # -- changing ----------------------------------------------------------------------------
    def set_value(self, name: str, value: float) -> None:
        """A weight (w1 … w12), bias (b1 … b5) or input (x1, x2, x3), from −100 to 100."""
        value = float(value)
        if not VALUE_RULE.accepts(value):
            raise ValueError(f"{name} = {value!r}: expected a number from −100 to 100")
        e = self.example
        if name in WEIGHT_NAMES or name in BIAS_NAMES:
            self.example = e.with_parameters({name: value})
        elif name in INPUTS:
            x = list(e.x)
            x[INPUTS.index(name)] = value
            self.example = replace(e, x=tuple(x))
        else:
            raise ValueError(f"no value called {name!r}")

    def set_eta(self, eta: float) -> None:
        eta = float(eta)
        if not LEARNING_RATE_RULE.accepts(eta):
            raise ValueError(f"η = {eta!r}: expected a number more than 0 and at most 10")
        self.example = replace(self.example, eta=eta)

    def set_target(self, cls: int) -> None:
        """The sample's class: 0, 1 or 2 (y one-hot)."""
        self.example = replace(self.example, y=one_hot(int(cls)))

    def set_use_biases(self, on: bool) -> None:
        self.example = replace(self.example, use_biases=bool(on))

    def random_start(self, seed: int) -> None:
        """Weights and biases drawn from ``seed`` (the sample, η and the switch stay)."""
        self.seed = int(seed)
        self.example = random_example(self.seed, self.example)

    def set_x_axis(self, axis: str) -> None:
        if axis not in X_AXES:
            raise ValueError(f"x axis {axis!r}: expected one of {', '.join(X_AXES)}")
        self.x_axis = axis

    def set_mini_batch(self, size: int) -> None:
        low, high = MINI_BATCH_RANGE
        if not low <= int(size) <= high:
            raise ValueError(f"mini-batch size {size}: expected {low} to {high}")
        self.mini_batch = int(size)
