"""What the lesson shows, as plain data: the samples' targets, each model's outputs as typed,
the cross-entropy's log base and whether the outputs are typed as logits.

The page keeps one :class:`LossTable` (its ``session``); it outlives the page when the
language changes and the window makes the page again. Views never read it directly: the
page hands them a :class:`LossFrame`, an immutable snapshot with every score computed by
:mod:`nnlab.core.loss_table`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from nnlab.core.loss_table import (
    LOG_BASES, NOTE_002_MODELS, NOTE_002_TARGETS, ModelScore, logits_of, one_hot,
    score_model, softmax, sums_to_one, true_class,
)

CLASSES = 3
MODELS = 2
#: Samples there may be (a handful makes the point; the table stays on a slide).
MAX_SAMPLES = 12


@dataclass(frozen=True)
class LossFrame:
    """A snapshot of the table: ``targets`` (the true class of each sample, from 0),
    ``entries[m][i]`` (model m's numbers for sample i as typed: probabilities ŷ, or logits
    z when ``logits``), ``y_hats[m][i]`` (the probabilities scored), ``scores[m]`` and
    ``log_base``; ``example``: whether it is note 002's example as the note has it."""

    targets: tuple[int, ...]
    entries: tuple[tuple[tuple[float, ...], ...], ...]
    y_hats: tuple[tuple[tuple[float, ...], ...], ...]
    scores: tuple[ModelScore, ...]
    log_base: str
    logits: bool
    example: bool

    @property
    def sample_count(self) -> int:
        return len(self.targets)

    @property
    def classes(self) -> int:
        return CLASSES

    def sums_to_one(self, model: int, sample: int) -> bool:
        """Whether model ``model``'s outputs for ``sample`` add up to 1 (logits always do,
        through softmax)."""
        return self.logits or sums_to_one(self.entries[model][sample])

    def unnormalised_rows(self) -> list[tuple[int, int]]:
        """(model, sample) of every row of outputs that does not sum to 1."""
        return [(m, i) for m in range(len(self.entries)) for i in range(self.sample_count)
                if not self.sums_to_one(m, i)]


class LossTable:
    """The lesson's state (see the module docstring). Every change goes through a method
    here, which refuses a value that makes no sense with ValueError."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Note 002's example, cross-entropy in ln, outputs typed as probabilities."""
        self.targets: list[int] = [true_class(y) for y in NOTE_002_TARGETS]
        self.entries: list[list[list[float]]] = [[list(row) for row in model]
                                                 for model in NOTE_002_MODELS]
        self.log_base = "e"
        self.logits = False

    # -- reading ---------------------------------------------------------------------------
    @property
    def sample_count(self) -> int:
        return len(self.targets)

    def y_hat(self, model: int, sample: int) -> tuple[float, ...]:
        """The probabilities scored: as typed, or the softmax of the typed logits."""
        row = self.entries[model][sample]
        return tuple(float(v) for v in (softmax(row) if self.logits else row))

    def is_example(self) -> bool:
        return (not self.logits and self.targets == [true_class(y) for y in NOTE_002_TARGETS]
                and self.entries == [[list(row) for row in model]
                                     for model in NOTE_002_MODELS])

    def frame(self) -> LossFrame:
        targets = tuple(one_hot(index, CLASSES) for index in self.targets)
        y_hats = tuple(tuple(self.y_hat(m, i) for i in range(self.sample_count))
                       for m in range(MODELS))
        return LossFrame(
            targets=tuple(self.targets),
            entries=tuple(tuple(tuple(row) for row in model) for model in self.entries),
            y_hats=y_hats,
            scores=tuple(score_model(rows, targets, self.log_base) for rows in y_hats),
            log_base=self.log_base,
            logits=self.logits,
            example=self.is_example(),
        )

    # -- changing --------------------------------------------------------------------------
    def set_entry(self, model: int, sample: int, cls: int, value: float) -> None:
        """Model ``model``'s output for class ``cls`` of ``sample``: a probability from 0 to
        1, or (typing logits) any number below +∞, −∞ for a probability of 0."""
        value = float(value)
        if self.logits:
            if math.isnan(value) or value == math.inf:
                raise ValueError("a logit is a number below +∞")
            row = list(self.entries[model][sample])
            row[cls] = value
            if not any(math.isfinite(z) for z in row):
                raise ValueError("at least one logit of a sample must be finite")
        elif not 0.0 <= value <= 1.0:
            raise ValueError("a probability lies between 0 and 1")
        self.entries[model][sample][cls] = value

    def set_target(self, sample: int, cls: int) -> None:
        if not 0 <= cls < CLASSES:
            raise ValueError(f"class {cls + 1}: expected 1 to {CLASSES}")
        self.targets[sample] = int(cls)

    def add_sample(self, after: int | None = None) -> int:
        """A new sample after ``after`` (default: at the end) that every model is unsure of
        (ŷ = 1/3 each; logits 0), of class 1; returns its index."""
        if self.sample_count >= MAX_SAMPLES:
            raise ValueError(f"at most {MAX_SAMPLES} samples")
        index = self.sample_count if after is None else max(0, min(after + 1,
                                                                    self.sample_count))
        self.targets.insert(index, 0)
        row = [0.0] * CLASSES if self.logits else [1.0 / CLASSES] * CLASSES
        for model in self.entries:
            model.insert(index, list(row))
        return index

    def remove_sample(self, index: int) -> None:
        """Sample ``index`` gone from every model (one always stays)."""
        if self.sample_count <= 1:
            raise ValueError("the table keeps at least one sample")
        del self.targets[index]
        for model in self.entries:
            del model[index]

    def set_log_base(self, base: str) -> None:
        if base not in LOG_BASES:
            raise ValueError(f"log base {base!r}: expected one of {', '.join(LOG_BASES)}")
        self.log_base = base

    def set_logits(self, on: bool) -> None:
        """Type the outputs as logits z (ŷ = softmax(z)) or as probabilities. Each row's
        probabilities stay as they were: z = ln ŷ going to logits (a row that did not sum
        to 1 is divided by its sum), ŷ = softmax(z) coming back."""
        on = bool(on)
        if on == self.logits:
            return
        for model in self.entries:
            for i, row in enumerate(model):
                if on and not any(v > 0 for v in row):
                    converted = [0.0] * CLASSES  # no probability to keep: unsure of all
                else:
                    converted = logits_of(row) if on else softmax(row)
                model[i] = [float(v) for v in converted]
        self.logits = on
