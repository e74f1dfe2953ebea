"""The loss table of lecture note 002: the same samples scored by two models' softmax outputs
under three measures, classification error, squared error and cross-entropy, and the binary
cross-entropy of a single sigmoid output (the note's formula (1)).

For sample i with outputs ŷ_i = (ŷ_i1 … ŷ_iM) over M classes and one-hot target y_i:

* classification error: e_i = 0 when the true class has the largest output, else 1; over N
  samples, the count of wrong samples over the count of all (1/N) Σ_i e_i. A tie for the
  largest output counts as wrong: the model did not pick the true class.
* squared error, as note 002 computes it: s_i = Σ_c (y_ic − ŷ_ic)², summed over the classes;
  the mean squared error is (1/N) Σ_i s_i, averaged over the samples (0.81 and 0.34 in the
  note, not divided by M as well).
* cross-entropy: c_i = −Σ_c y_ic log ŷ_ic, natural log as in note 002 (formula (2)) or log₂
  as note 001 writes it (H = −y log₂ ŷ), which is the natural value divided by ln 2. A true
  class given probability 0 costs c_i = ∞; classes with y_ic = 0 add nothing, whatever
  their ŷ_ic.
* binary cross-entropy of one sigmoid output p for a label y ∈ {0, 1}:
  L = −[y log p + (1 − y) log(1 − p)] (note 002's formula (1)).

Plain NumPy and the standard library: the lesson's page and the tests both score here.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

#: The logarithms the cross-entropy may be taken in: "e" (ln, note 002) or "2" (note 001).
LOG_BASES = ("e", "2")

#: How far a row of outputs may sum from 1 and still count as a probability distribution:
#: typed decimals such as 0.1 + 0.2 + 0.7 sum to 0.9999999999999999.
SUM_TOLERANCE = 1e-6

#: Note 002's example: three samples of three classes, their one-hot targets, and each model's
#: softmax outputs. Both models are wrong on the third sample only; model 2 is less wrong.
NOTE_002_TARGETS: tuple[tuple[float, ...], ...] = ((0, 0, 1), (0, 1, 0), (1, 0, 0))
NOTE_002_MODELS: tuple[tuple[tuple[float, ...], ...], ...] = (
    ((0.3, 0.3, 0.4), (0.3, 0.4, 0.3), (0.1, 0.2, 0.7)),
    ((0.1, 0.2, 0.7), (0.1, 0.7, 0.2), (0.3, 0.4, 0.3)),
)


def log_divisor(base: str) -> float:
    """ln(base): a natural logarithm divided by it is the logarithm in ``base``."""
    if base == "e":
        return 1.0
    if base == "2":
        return math.log(2.0)
    raise ValueError(f"log base {base!r}: expected one of {', '.join(LOG_BASES)}")


def softmax(logits: Sequence[float]) -> np.ndarray:
    """ŷ_c = e^{z_c} / Σ_k e^{z_k} of one row of logits z. Shifted by max z first, so large
    logits do not overflow; a logit of −∞ gives ŷ_c = 0. Raises ValueError unless at least
    one logit is finite and none is +∞ or NaN."""
    z = np.asarray(logits, dtype=np.float64)
    if z.ndim != 1 or z.size == 0:
        raise ValueError("softmax: expected one non-empty row of logits")
    if np.any(np.isnan(z)) or np.any(z == np.inf) or not np.any(np.isfinite(z)):
        raise ValueError("softmax: the logits must be numbers below +∞, at least one finite")
    e = np.exp(z - z.max())
    return e / e.sum()


def logits_of(y_hat: Sequence[float]) -> np.ndarray:
    """Logits whose softmax is ``y_hat`` divided by its sum: z_c = ln ŷ_c (−∞ where ŷ_c = 0).
    Logits are defined up to a common constant; this choice keeps ŷ as it is when it sums
    to 1."""
    with np.errstate(divide="ignore"):
        return np.log(np.asarray(y_hat, dtype=np.float64))


def sums_to_one(y_hat: Sequence[float], tolerance: float = SUM_TOLERANCE) -> bool:
    """Whether the outputs of one sample add up to 1 (within ``tolerance``)."""
    return abs(float(np.sum(y_hat)) - 1.0) <= tolerance


def true_class(y: Sequence[float]) -> int:
    """The class a one-hot target marks (its largest entry)."""
    return int(np.argmax(np.asarray(y, dtype=np.float64)))


def one_hot(index: int, classes: int) -> tuple[int, ...]:
    """The target of class ``index`` (from 0) among ``classes``: 1 there, 0 elsewhere."""
    if not 0 <= index < classes:
        raise ValueError(f"class {index}: expected 0 to {classes - 1}")
    return tuple(1 if c == index else 0 for c in range(classes))


def is_correct(y_hat: Sequence[float], y: Sequence[float]) -> bool:
    """Whether the true class has the largest output, larger than every other (a tie for the
    largest is no choice of the true class)."""
    outputs = np.asarray(y_hat, dtype=np.float64)
    index = true_class(y)
    others = np.delete(outputs, index)
    return bool(np.all(outputs[index] > others))


def classification_error(y_hat: Sequence[float], y: Sequence[float]) -> float:
    """e = 0 for a sample the model gets right, 1 for one it gets wrong."""
    return 0.0 if is_correct(y_hat, y) else 1.0


def squared_error(y_hat: Sequence[float], y: Sequence[float]) -> float:
    """s = Σ_c (y_c − ŷ_c)², one sample's squared error summed over the classes (note 002:
    (0.3 − 0)² + (0.3 − 0)² + (0.4 − 1)² = 0.54)."""
    difference = np.asarray(y, dtype=np.float64) - np.asarray(y_hat, dtype=np.float64)
    return float(np.sum(difference * difference))


def cross_entropy(y_hat: Sequence[float], y: Sequence[float], base: str = "e") -> float:
    """c = −Σ_c y_c log ŷ_c, one sample's cross-entropy in ``base`` (note 002:
    −(0·ln 0.3 + 0·ln 0.3 + 1·ln 0.4) = 0.916). Terms with y_c = 0 are left out, so a wrong
    class's ŷ_c = 0 costs nothing; a true class's ŷ_c = 0 costs ∞."""
    outputs = np.asarray(y_hat, dtype=np.float64)
    target = np.asarray(y, dtype=np.float64)
    weighted = target != 0
    with np.errstate(divide="ignore"):
        logs = np.log(outputs[weighted])
    value = -float(np.sum(target[weighted] * logs)) / log_divisor(base)
    return value + 0.0  # −0.0 (a certain, right sample) reads 0


def binary_cross_entropy(p, y, base: str = "e"):
    """L = −[y log p + (1 − y) log(1 − p)] of a single sigmoid output p (the probability of
    the positive class) for the label y ∈ {0, 1}: note 002's formula (1) for one sample,
    element by element for arrays. Only the label's own term counts: y = 1, p = 0.7 gives
    −ln 0.7 = 0.357; y = 0, p = 0.7 gives −ln 0.3 = 1.204."""
    p = np.asarray(p, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        positive = np.where(y != 0, y * np.log(p), 0.0)
        negative = np.where(y != 1, (1.0 - y) * np.log(1.0 - p), 0.0)
    value = -(positive + negative) / log_divisor(base) + 0.0
    return float(value) if value.ndim == 0 else value


def mean_binary_cross_entropy(p: Sequence[float], y: Sequence[float], base: str = "e") -> float:
    """(1/N) Σ_i L_i: formula (1) over N samples."""
    return float(np.mean(binary_cross_entropy(p, y, base)))


def squared_error_range(p, classes: int):
    """The least and the most squared error a sample can have whose true class gets the
    probability p, the rest 1 − p lying on the other M − 1 classes (M = ``classes``):

    * least, the rest spread evenly: (1 − p)² + (M − 1)·((1 − p)/(M − 1))² = (1 − p)²·M/(M − 1);
    * most, the rest on one wrong class: (1 − p)² + (1 − p)² = 2(1 − p)², at most 2 (p = 0).

    Unlike the cross-entropy −log p, the squared error depends on all the outputs, not on p
    alone: every sample lies between these two."""
    if classes < 2:
        raise ValueError(f"{classes} classes: a sample needs at least 2")
    rest = (1.0 - np.asarray(p, dtype=np.float64)) ** 2
    return rest * classes / (classes - 1), 2.0 * rest


@dataclass(frozen=True)
class SampleScore:
    """One sample under one model: its outputs, its target and each measure's value."""

    y_hat: tuple[float, ...]
    y: tuple[int, ...]
    correct: bool
    classification_error: float
    squared_error: float
    cross_entropy: float

    @property
    def true_probability(self) -> float:
        """p = ŷ of the true class."""
        return self.y_hat[true_class(self.y)]


@dataclass(frozen=True)
class ModelScore:
    """A model's samples and its means over them: the classification error (wrong / all),
    the mean squared error and the mean cross-entropy."""

    samples: tuple[SampleScore, ...]
    classification_error: float
    mean_squared_error: float
    cross_entropy: float


def score_sample(y_hat: Sequence[float], y: Sequence[float], base: str = "e") -> SampleScore:
    return SampleScore(
        y_hat=tuple(float(value) for value in y_hat),
        y=tuple(round(value) for value in y),
        correct=is_correct(y_hat, y),
        classification_error=classification_error(y_hat, y),
        squared_error=squared_error(y_hat, y),
        cross_entropy=cross_entropy(y_hat, y, base),
    )


def score_model(y_hats: Sequence[Sequence[float]], targets: Sequence[Sequence[float]],
                base: str = "e") -> ModelScore:
    """Each sample of a model scored, and the means over its N samples."""
    if len(y_hats) != len(targets) or not targets:
        raise ValueError(f"{len(y_hats)} rows of outputs for {len(targets)} targets: "
                         "expected as many, at least one")
    samples = tuple(score_sample(y_hat, y, base) for y_hat, y in zip(y_hats, targets))
    n = len(samples)
    return ModelScore(
        samples=samples,
        classification_error=sum(s.classification_error for s in samples) / n,
        mean_squared_error=sum(s.squared_error for s in samples) / n,
        cross_entropy=sum(s.cross_entropy for s in samples) / n,
    )
