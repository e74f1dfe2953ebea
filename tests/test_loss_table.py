"""The loss table's measures (nnlab.core.loss_table) against lecture note 002's numbers and
against values worked out by hand, never against themselves."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nnlab.core import costs
from nnlab.core.loss_table import (
    NOTE_002_MODELS, NOTE_002_TARGETS, binary_cross_entropy, classification_error,
    cross_entropy, is_correct, log_divisor, logits_of, mean_binary_cross_entropy, one_hot,
    score_model, softmax, squared_error, squared_error_range, sums_to_one, true_class,
)

MODEL_1, MODEL_2 = NOTE_002_MODELS


def truncated(value: float, decimals: int = 2) -> float:
    """The value cut off after ``decimals`` (as note 002 prints its cross-entropies)."""
    scale = 10 ** decimals
    return math.floor(value * scale + 1e-9) / scale


# --- note 002's example ---------------------------------------------------------------------


def test_the_example_is_the_notes():
    assert NOTE_002_TARGETS == ((0, 0, 1), (0, 1, 0), (1, 0, 0))
    assert MODEL_1 == ((0.3, 0.3, 0.4), (0.3, 0.4, 0.3), (0.1, 0.2, 0.7))
    assert MODEL_2 == ((0.1, 0.2, 0.7), (0.1, 0.7, 0.2), (0.3, 0.4, 0.3))


def test_both_models_get_the_first_two_samples_right_and_the_third_wrong():
    # the note's "acc" column: T, T, F for both
    for model in NOTE_002_MODELS:
        assert [is_correct(y_hat, y) for y_hat, y in zip(model, NOTE_002_TARGETS)] \
            == [True, True, False]
    assert score_model(MODEL_1, NOTE_002_TARGETS).classification_error == pytest.approx(1 / 3)
    assert score_model(MODEL_2, NOTE_002_TARGETS).classification_error == pytest.approx(1 / 3)


def test_squared_errors_per_sample_are_the_notes_and_its_slip_is_0_74():
    one = [squared_error(y_hat, y) for y_hat, y in zip(MODEL_1, NOTE_002_TARGETS)]
    two = [squared_error(y_hat, y) for y_hat, y in zip(MODEL_2, NOTE_002_TARGETS)]
    assert one == pytest.approx([0.54, 0.54, 1.34])
    # the note prints 1.74 for the third; (0.3 − 1)² + (0.4 − 0)² + (0.3 − 0)² by hand:
    assert two == pytest.approx([0.14, 0.14, 0.49 + 0.16 + 0.09])
    assert two[2] == pytest.approx(0.74)


def test_mean_squared_error_is_summed_over_classes_and_averaged_over_samples():
    first = score_model(MODEL_1, NOTE_002_TARGETS).mean_squared_error
    second = score_model(MODEL_2, NOTE_002_TARGETS).mean_squared_error
    assert first == pytest.approx((0.54 + 0.54 + 1.34) / 3)
    assert second == pytest.approx((0.14 + 0.14 + 0.74) / 3)
    assert (round(first, 2), round(second, 2)) == (0.81, 0.34)  # as the note prints them
    assert (round(first, 3), round(second, 3)) == (0.807, 0.340)


def test_cross_entropy_per_sample_by_hand_and_as_the_note_prints_it():
    one = [cross_entropy(y_hat, y) for y_hat, y in zip(MODEL_1, NOTE_002_TARGETS)]
    two = [cross_entropy(y_hat, y) for y_hat, y in zip(MODEL_2, NOTE_002_TARGETS)]
    # −ln 0.4, −ln 0.4, −ln 0.1 and −ln 0.7, −ln 0.7, −ln 0.3, to four decimals by hand
    assert one == pytest.approx([0.9163, 0.9163, 2.3026], abs=5e-5)
    assert two == pytest.approx([0.3567, 0.3567, 1.2040], abs=5e-5)
    # the note cuts them off after two decimals: 0.91, 0.91, 2.30 and 0.35, 0.35, 1.20
    assert [truncated(c) for c in one] == [0.91, 0.91, 2.30]
    assert [truncated(c) for c in two] == [0.35, 0.35, 1.20]


def test_mean_cross_entropy_is_1_378_and_0_639():
    first = score_model(MODEL_1, NOTE_002_TARGETS).cross_entropy
    second = score_model(MODEL_2, NOTE_002_TARGETS).cross_entropy
    assert first == pytest.approx((0.91629 + 0.91629 + 2.30259) / 3, abs=1e-5)
    assert second == pytest.approx((0.35667 + 0.35667 + 1.20397) / 3, abs=1e-5)
    assert (round(first, 3), round(second, 3)) == (1.378, 0.639)
    # the note prints 1.37 and 0.63: cut off, not rounded (1.38, 0.64)
    assert (truncated(first), truncated(second)) == (1.37, 0.63)


def test_the_costs_modules_measures_agree_on_the_example():
    targets = np.array(NOTE_002_TARGETS, dtype=float)
    for model in NOTE_002_MODELS:
        score = score_model(model, NOTE_002_TARGETS)
        outputs = np.array(model)
        assert score.classification_error == pytest.approx(
            costs.classification_error(outputs, targets))
        assert score.mean_squared_error == pytest.approx(
            costs.mean_squared_error(outputs, targets))
        assert score.cross_entropy == pytest.approx(
            costs.categorical_cross_entropy(outputs, targets))


def test_each_sample_keeps_its_outputs_target_and_true_probability():
    sample = score_model(MODEL_2, NOTE_002_TARGETS).samples[2]
    assert sample.y_hat == (0.3, 0.4, 0.3) and sample.y == (1, 0, 0)
    assert not sample.correct and sample.classification_error == 1.0
    assert sample.true_probability == 0.3


# --- log base ---------------------------------------------------------------------------


def test_log2_divides_every_cross_entropy_by_ln_2():
    assert log_divisor("e") == 1.0
    assert log_divisor("2") == pytest.approx(0.693147, abs=1e-6)
    # −log₂ 0.4 = log₂ 2.5 = 1.3219 by hand
    assert cross_entropy((0.3, 0.3, 0.4), (0, 0, 1), "2") == pytest.approx(1.32193, abs=1e-5)
    assert cross_entropy((0.5, 0.5), (1, 0), "2") == pytest.approx(1.0)  # one bit
    for model in NOTE_002_MODELS:
        natural = score_model(model, NOTE_002_TARGETS, "e")
        binary = score_model(model, NOTE_002_TARGETS, "2")
        assert binary.cross_entropy == pytest.approx(natural.cross_entropy / math.log(2))
        # the other measures take no logarithm
        assert binary.mean_squared_error == natural.mean_squared_error
        assert binary.classification_error == natural.classification_error
    with pytest.raises(ValueError, match="log base"):
        log_divisor("10")


# --- edges ----------------------------------------------------------------------------


def test_a_true_class_given_probability_zero_costs_infinity_a_wrong_one_nothing():
    assert cross_entropy((1.0, 0.0, 0.0), (0, 1, 0)) == math.inf
    assert cross_entropy((0.0, 1.0, 0.0), (0, 1, 0)) == 0.0
    assert math.copysign(1.0, cross_entropy((0.0, 1.0, 0.0), (0, 1, 0))) == 1.0  # not −0
    # the squared error of the same confident mistake is bounded: 1 + 1 = 2
    assert squared_error((1.0, 0.0, 0.0), (0, 1, 0)) == 2.0


def test_a_tie_for_the_largest_output_is_counted_wrong():
    assert classification_error((0.4, 0.4, 0.2), (1, 0, 0)) == 1.0
    assert classification_error((0.4, 0.4, 0.2), (0, 1, 0)) == 1.0
    assert classification_error((0.5, 0.3, 0.2), (1, 0, 0)) == 0.0


def test_one_hot_targets_and_their_class():
    assert one_hot(2, 3) == (0, 0, 1)
    assert true_class((0, 1, 0)) == 1
    with pytest.raises(ValueError):
        one_hot(3, 3)


def test_rows_that_sum_to_one():
    assert sums_to_one((0.1, 0.2, 0.7))  # 0.9999999999999999 in floating point
    assert not sums_to_one((0.3, 0.3, 0.3))
    assert not sums_to_one((0.5, 0.4, 0.2))


# --- softmax and logits ---------------------------------------------------------------


def test_softmax_by_hand():
    # e² = 7.389, e¹ = 2.718, e^0.1 = 1.105; their sum 11.212
    assert softmax([2.0, 1.0, 0.1]) == pytest.approx([0.6590, 0.2424, 0.0986], abs=5e-5)
    assert softmax([0.0, 0.0, 0.0]) == pytest.approx([1 / 3] * 3)
    # adding a constant to every logit changes nothing
    assert softmax([5.0, 4.0, 3.1]) == pytest.approx(softmax([2.0, 1.0, 0.1]))


def test_softmax_does_not_overflow_and_takes_minus_infinity_as_zero():
    assert softmax([1000.0, 0.0]) == pytest.approx([1.0, 0.0])
    assert softmax([-math.inf, 0.0, 0.0]) == pytest.approx([0.0, 0.5, 0.5])
    for bad in ([-math.inf, -math.inf], [math.inf, 0.0], [math.nan, 1.0], []):
        with pytest.raises(ValueError):
            softmax(bad)


def test_logits_of_probabilities_give_them_back_through_softmax():
    for row in MODEL_1 + MODEL_2:
        assert softmax(logits_of(row)) == pytest.approx(row)
    assert logits_of((0.3, 0.3, 0.4)) == pytest.approx([-1.2040, -1.2040, -0.9163], abs=5e-5)
    z = logits_of((0.0, 0.5, 0.5))
    assert z[0] == -math.inf and softmax(z) == pytest.approx([0.0, 0.5, 0.5])
    # a row that does not sum to 1 comes back divided by its sum
    assert softmax(logits_of((0.5, 0.3, 0.4))) == pytest.approx([0.5 / 1.2, 0.25, 0.4 / 1.2])


# --- binary cross-entropy (note 002's formula (1)) ------------------------------------


def test_binary_cross_entropy_by_hand():
    assert binary_cross_entropy(0.7, 1) == pytest.approx(0.35667, abs=1e-5)  # −ln 0.7
    assert binary_cross_entropy(0.7, 0) == pytest.approx(1.20397, abs=1e-5)  # −ln 0.3
    assert binary_cross_entropy(0.5, 1, "2") == pytest.approx(1.0)
    assert binary_cross_entropy(1.0, 1) == 0.0 and binary_cross_entropy(0.0, 0) == 0.0
    assert binary_cross_entropy(0.0, 1) == math.inf
    values = binary_cross_entropy([0.7, 0.7], [1, 0])
    assert values == pytest.approx([0.35667, 1.20397], abs=1e-5)
    assert mean_binary_cross_entropy([0.7, 0.7], [1, 0]) == pytest.approx(0.78032, abs=1e-5)


def test_binary_cross_entropy_agrees_with_the_neurons_cost_and_two_class_cross_entropy():
    p = np.array([0.1, 0.35, 0.8, 0.99])
    y = np.array([1.0, 0.0, 1.0, 0.0])
    cost = costs.make_cost("cross_entropy")
    assert mean_binary_cross_entropy(p, y) == pytest.approx(cost.fn(p[:, None], y[:, None]))
    # one sigmoid output p is the two-class softmax (p, 1 − p) with target (y, 1 − y)
    for pi, yi in zip(p, y):
        assert binary_cross_entropy(pi, yi) == pytest.approx(
            cross_entropy((pi, 1 - pi), (yi, 1 - yi)))


# --- the squared error's range for the plot --------------------------------------------


def test_squared_error_lies_between_an_even_spread_and_one_wrong_class():
    low, high = squared_error_range(0.4, 3)
    assert low == pytest.approx(0.36 * 1.5) and high == pytest.approx(0.72)
    assert squared_error((0.3, 0.3, 0.4), (0, 0, 1)) == pytest.approx(low)  # spread evenly
    assert squared_error((0.6, 0.0, 0.4), (0, 0, 1)) == pytest.approx(high)  # one class
    assert squared_error_range(0.0, 3)[1] == 2.0  # the most a squared error can be
    for model in NOTE_002_MODELS:
        for sample in score_model(model, NOTE_002_TARGETS).samples:
            low, high = squared_error_range(sample.true_probability, 3)
            assert low - 1e-12 <= sample.squared_error <= high + 1e-12
    with pytest.raises(ValueError):
        squared_error_range(0.5, 1)


def test_score_model_refuses_mismatched_rows():
    with pytest.raises(ValueError):
        score_model(MODEL_1[:2], NOTE_002_TARGETS)
    with pytest.raises(ValueError):
        score_model((), ())
