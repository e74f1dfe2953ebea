"""The descriptions of the built-in presets (``nnlab/core/presets/*.toml``), marked for
translation: the lab's Run › Examples menu shows them as tooltips, translated under the context
"presets". Each text is exactly the ``description`` of its file (a test checks that they agree).
"""

from __future__ import annotations

from .text import QT_TRANSLATE_NOOP

PRESET_DESCRIPTIONS: dict[str, str] = {
    "deep-sigmoid-vs-relu": QT_TRANSLATE_NOOP(
        "presets",
        "Handwritten digits through six hidden layers of 30, sigmoid vs ReLU from the "
        "same He start: the sigmoid net's first layer gets a gradient hundreds of times "
        "smaller than its last, and the net stays at chance while the ReLU net learns"),
    "digits-64-30-10": QT_TRANSLATE_NOOP(
        "presets",
        "Handwritten 8x8 digits, 64-30-10 sigmoid network with softmax output, "
        "mini-batches of 32: quadratic vs cross-entropy"),
    "digits-optimizers": QT_TRANSLATE_NOOP(
        "presets",
        "Handwritten 8x8 digits, 64-30-10 sigmoid network with softmax output: "
        "full-batch, stochastic (one sample per step) and mini-batch (32) gradient "
        "descent from the same start"),
    "digits-sigmoid-outputs": QT_TRANSLATE_NOOP(
        "presets",
        "Handwritten 8x8 digits, 64-30-10 with sigmoid outputs and large N(0, 1) "
        "starting weights: saturated outputs make the quadratic cost crawl while "
        "cross-entropy learns at once"),
    "mnist-5-epochs": QT_TRANSLATE_NOOP(
        "presets",
        "Note 004 on the full MNIST: the same 784-30-10 sigmoid network, both costs "
        "at one learning rate (0.5) for 5 epochs on the first 50,000 training images:"
        " cross-entropy clearly converges faster; needs MNIST downloaded"),
    "mnist-5k-5-epochs": QT_TRANSLATE_NOOP(
        "presets",
        "Note 004 on the 5,000 bundled MNIST digits (works offline): the same "
        "784-30-10 sigmoid network, both costs at one learning rate (0.5) for 5 "
        "epochs: cross-entropy clearly converges faster"),
    "mnist-5k-nielsen-ch3": QT_TRANSLATE_NOOP(
        "presets",
        "Nielsen's chapter 3 setting on the 5,000 bundled MNIST digits (works "
        "offline; 4,000 to train, 1,000 to test): 784-30-10 sigmoid network with "
        "sigmoid outputs and N(0, 1) starting weights, mini-batches of 10, 30 epochs,"
        " quadratic at learning rate 3.0 vs cross-entropy at 0.5"),
    "mnist-nielsen-ch3": QT_TRANSLATE_NOOP(
        "presets",
        "Nielsen's chapter 3 on the full MNIST: 784-30-10 sigmoid network with "
        "sigmoid outputs and N(0, 1) starting weights, mini-batches of 10, 30 epochs "
        "on the first 50,000 training images, tested on the 10,000 test images: "
        "quadratic at learning rate 3.0 (his 95.42 %) vs cross-entropy at 0.5 (his "
        "95.49 %); needs MNIST downloaded"),
    "neuron-0.6-0.9": QT_TRANSLATE_NOOP(
        "presets",
        "One sigmoid neuron, x = 1 -> y = 0, a mild start (w = 0.6, b = 0.9, a = 0.82): "
        "both costs learn"),
    "neuron-2-2": QT_TRANSLATE_NOOP(
        "presets",
        "One sigmoid neuron, x = 1 -> y = 0, a badly wrong start (w = 2, b = 2, a = "
        "0.98): quadratic crawls, cross-entropy does not"),
    "neuron-two-starts": QT_TRANSLATE_NOOP(
        "presets",
        "One sigmoid neuron, x = 1 -> y = 0, the quadratic cost from both classic starts "
        "(a = 0.82 and a = 0.98) on one plot, as in the lecture notes: the saturated start "
        "learns far more slowly"),
    "neuron-two-starts-both-costs": QT_TRANSLATE_NOOP(
        "presets",
        "One sigmoid neuron, x = 1 -> y = 0, both classic starts (a = 0.82 and a = 0.98) "
        "under both costs, four runs: cross-entropy learns fast from either start, the "
        "quadratic cost crawls from the saturated one"),
    "sine-regression": QT_TRANSLATE_NOOP(
        "presets",
        "Regression: a noisy sine y = sin(3x) on [-1, 1] (200 points), a 1-16-16-1 tanh "
        "network with a linear output, trained with the quadratic cost (the mean squared "
        "error): the fitted curve bends to the sine within a hundred epochs"),
    "spiral-2-16-16-2": QT_TRANSLATE_NOOP(
        "presets",
        "Two interleaved spiral arms in 2-D (400 points), a 2-16-16-2 ReLU network with "
        "softmax output: the decision regions wind into spirals over a few hundred "
        "epochs"),
    "spiral-learning-rates": QT_TRANSLATE_NOOP(
        "presets",
        "The 2-D spiral with a 2-16-16-2 leaky-ReLU network at four learning rates from "
        "the same start: 0.01 crawls, 0.1 learns, 1 jumps about, 100 diverges at once"),
    "three-class-3-2-3": QT_TRANSLATE_NOOP(
        "presets",
        "The lecture's 3-2-3 sigmoid network on three classes of three inputs (21 "
        "samples), quadratic vs cross-entropy"),
    "xor-2-8-2": QT_TRANSLATE_NOOP(
        "presets",
        "Noisy XOR in 2-D (400 points), a 2-8-2 tanh network with softmax output: no "
        "straight line separates the classes"),
    "xor-deep-linear-vs-tanh": QT_TRANSLATE_NOOP(
        "presets",
        "Noisy XOR in 2-D (400 points), a 2-8-8-8-2 network with softmax output, linear vs "
        "tanh hidden units: three linear layers are still one straight cut, depth does not "
        "help without a non-linearity"),
    "xor-linear-vs-tanh": QT_TRANSLATE_NOOP(
        "presets",
        "Noisy XOR in 2-D (400 points), a 2-8-2 network with softmax output, linear vs tanh "
        "hidden units from the same start: without a non-linearity the net is one straight "
        "cut and stays near chance, tanh separates the classes"),
}
"""The description of every built-in preset, by its name."""

PRESET_TITLES: dict[str, str] = {
    "deep-sigmoid-vs-relu": QT_TRANSLATE_NOOP("presets", "Deep network: sigmoid vs ReLU"),
    "digits-64-30-10": QT_TRANSLATE_NOOP("presets", "Digits: quadratic vs cross-entropy"),
    "digits-optimizers": QT_TRANSLATE_NOOP(
        "presets", "Digits: batch, stochastic and mini-batch descent"),
    "digits-sigmoid-outputs": QT_TRANSLATE_NOOP(
        "presets", "Digits: sigmoid outputs from a saturated start"),
    "mnist-5-epochs": QT_TRANSLATE_NOOP(
        "presets", "MNIST: both costs over 5 epochs"),
    "mnist-5k-5-epochs": QT_TRANSLATE_NOOP(
        "presets", "MNIST offline (5,000 digits): both costs over 5 epochs"),
    "mnist-5k-nielsen-ch3": QT_TRANSLATE_NOOP(
        "presets", "MNIST offline (5,000 digits): Nielsen's chapter 3"),
    "mnist-nielsen-ch3": QT_TRANSLATE_NOOP(
        "presets", "MNIST: Nielsen's chapter 3, quadratic vs cross-entropy"),
    "neuron-0.6-0.9": QT_TRANSLATE_NOOP("presets", "One neuron: a mild start"),
    "neuron-2-2": QT_TRANSLATE_NOOP("presets", "One neuron: a badly wrong start"),
    "neuron-two-starts": QT_TRANSLATE_NOOP("presets", "One neuron: two starts, quadratic cost"),
    "neuron-two-starts-both-costs": QT_TRANSLATE_NOOP(
        "presets", "One neuron: two starts, both costs"),
    "sine-regression": QT_TRANSLATE_NOOP(
        "presets", "Regression: a network fits a noisy sine"),
    "spiral-2-16-16-2": QT_TRANSLATE_NOOP("presets", "Spiral: quadratic vs cross-entropy"),
    "spiral-learning-rates": QT_TRANSLATE_NOOP(
        "presets", "Spiral: four learning rates, one diverges"),
    "three-class-3-2-3": QT_TRANSLATE_NOOP("presets", "The lecture's 3-2-3 network"),
    "xor-2-8-2": QT_TRANSLATE_NOOP("presets", "XOR: a 2-8-2 network"),
    "xor-deep-linear-vs-tanh": QT_TRANSLATE_NOOP(
        "presets", "XOR: three linear hidden layers vs tanh"),
    "xor-linear-vs-tanh": QT_TRANSLATE_NOOP("presets", "XOR: linear vs tanh hidden units"),
}
"""A short title of every built-in preset, by its name: what the Examples menu shows (the
name itself is for files and the command line)."""
