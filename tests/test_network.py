"""Backpropagation against central finite differences, for every hidden activation × cost ×
output layer, on a network with several hidden layers; initialisations; the fast neuron path
against the general network."""

import numpy as np
import pytest

from nnlab.core.activations import ACTIVATIONS
from nnlab.core.costs import COST_NAMES, make_cost
from nnlab.core.network import INIT_METHODS, Network, accuracy, gradient_norms
from nnlab.core.neuron import train_neuron
from nnlab.core.optimizers import GradientDescent


def numeric_gradients(net, x, y, cost, h=1e-6):
    """∂C/∂θ for every parameter θ by central differences of the mean cost."""
    grads = []
    for params in (net.weights, net.biases):
        layer_grads = []
        for p in params:
            g = np.zeros_like(p)
            for i in np.ndindex(p.shape):
                saved = p[i]
                p[i] = saved + h
                plus = cost.fn(net.forward(x), y)
                p[i] = saved - h
                minus = cost.fn(net.forward(x), y)
                p[i] = saved
                g[i] = (plus - minus) / (2 * h)
            layer_grads.append(g)
        grads.append(layer_grads)
    return grads


def relative_error(analytic, numeric):
    return np.linalg.norm(analytic - numeric) / max(
        np.linalg.norm(analytic) + np.linalg.norm(numeric), 1e-300)


@pytest.mark.parametrize("output", ["sigmoid", "softmax"])
@pytest.mark.parametrize("cost_name", COST_NAMES)
@pytest.mark.parametrize("activation", list(ACTIVATIONS))
def test_backprop_matches_finite_differences(activation, cost_name, output):
    rng = np.random.default_rng(3)
    net = Network([4, 5, 6, 3], hidden_activation=activation, output=output)
    net.initialise("scaled", rng)
    x = rng.normal(size=(7, 4))
    y = np.eye(3)[rng.integers(0, 3, size=7)]
    cost = make_cost(cost_name, output)
    if activation in ("relu", "leaky_relu"):
        # keep every pre-activation away from the kink at 0, where σ' jumps
        for b in net.biases:
            b += 0.05
    value, grads_w, grads_b, a = net.backprop(x, y, cost)
    assert value == pytest.approx(cost.fn(net.forward(x), y))
    np.testing.assert_allclose(a, net.forward(x))
    numeric_w, numeric_b = numeric_gradients(net, x, y, cost)
    for analytic, numeric in zip(grads_w + grads_b, numeric_w + numeric_b):
        assert analytic.shape == numeric.shape
        assert relative_error(analytic, numeric) < 1e-6


def test_mixed_hidden_activations_backprop():
    rng = np.random.default_rng(11)
    net = Network([3, 4, 4, 4, 2], ["tanh", "sigmoid", "leaky_relu"], output="softmax")
    net.initialise("xavier", rng)
    for b in net.biases:
        b += 0.1
    x = rng.normal(size=(5, 3))
    y = np.eye(2)[[0, 1, 1, 0, 1]]
    cost = make_cost("cross_entropy", "softmax")
    _, grads_w, grads_b, _ = net.backprop(x, y, cost)
    numeric_w, numeric_b = numeric_gradients(net, x, y, cost)
    for analytic, numeric in zip(grads_w + grads_b, numeric_w + numeric_b):
        assert relative_error(analytic, numeric) < 1e-6


@pytest.mark.parametrize("method", [m for m in INIT_METHODS if m != "explicit"])
def test_initialisations_have_their_spread_and_are_reproducible(method):
    sizes = [400, 300, 10]
    a = Network(sizes).initialise(method, np.random.default_rng(5))
    b = Network(sizes).initialise(method, np.random.default_rng(5))
    for wa, wb in zip(a.weights, b.weights):
        assert np.array_equal(wa, wb)
    n_in, n_out = 400, 300
    expected_std = {"standard": 1.0, "scaled": 1 / np.sqrt(n_in),
                    "xavier": np.sqrt(2 / (n_in + n_out)), "he": np.sqrt(2 / n_in)}[method]
    assert a.weights[0].std() == pytest.approx(expected_std, rel=0.02)
    if method in ("xavier", "he"):
        assert not np.any(a.biases[0])
    else:
        assert a.biases[0].std() == pytest.approx(1.0, rel=0.2)


def test_explicit_initialisation_checks_shapes():
    net = Network([1, 1])
    net.initialise("explicit", weights=[[[2.0]]], biases=[[2.0]])
    assert net.forward([[1.0]])[0, 0] == pytest.approx(1 / (1 + np.exp(-4)))
    with pytest.raises(ValueError, match="layer 1: expected weights"):
        net.initialise("explicit", weights=[np.zeros((2, 1))], biases=[np.zeros(1)])


def test_bad_network_settings_are_refused():
    with pytest.raises(ValueError, match="at least two layers"):
        Network([3])
    with pytest.raises(ValueError, match="2 hidden activations given for 1 hidden layers"):
        Network([2, 3, 1], ["relu", "tanh"])
    with pytest.raises(ValueError, match="allowed: sigmoid, softmax"):
        Network([2, 2], output="relu")
    net = Network([2, 2], output="softmax")
    with pytest.raises(ValueError, match="cost is for sigmoid outputs"):
        net.backprop(np.zeros((1, 2)), np.zeros((1, 2)), make_cost("quadratic", "sigmoid"))


@pytest.mark.parametrize("cost_name", COST_NAMES)
def test_fast_neuron_path_equals_the_general_network(cost_name):
    history = train_neuron(1.0, 0.0, 2.0, 2.0, cost_name, 0.15, 300)
    net = Network([1, 1]).initialise("explicit", weights=[[[2.0]]], biases=[[2.0]])
    cost = make_cost(cost_name)
    optimizer = GradientDescent(0.15)
    x, y = np.array([[1.0]]), np.array([[0.0]])
    outputs, dC_dw = [], []
    for _ in range(301):
        value, grads_w, grads_b, a = net.backprop(x, y, cost)
        outputs.append(a[0, 0])
        dC_dw.append(grads_w[0][0, 0])
        optimizer.step(net, net.gradient(x, y, cost)[1])
    np.testing.assert_allclose(history.a, outputs, rtol=1e-12)
    np.testing.assert_allclose(history.dC_dw, dC_dw, rtol=1e-9, atol=1e-15)


def test_float32_network_stays_float32():
    rng = np.random.default_rng(0)
    net = Network([3, 4, 2], "relu", "softmax", dtype=np.float32).initialise("he", rng)
    _, grads_w, grads_b, a = net.backprop(rng.normal(size=(5, 3)), np.eye(2)[[0, 1, 0, 1, 1]],
                                          make_cost("cross_entropy", "softmax"))
    assert a.dtype == np.float32
    assert all(g.dtype == np.float32 for g in grads_w + grads_b)


def test_accuracy_and_gradient_norms():
    a = np.array([[0.9, 0.1], [0.2, 0.8], [0.6, 0.4]])
    y = np.array([[1.0, 0.0], [1.0, 0.0], [1.0, 0.0]])
    assert accuracy(a, y) == pytest.approx(2 / 3)
    assert accuracy(np.array([[0.7], [0.2]]), np.array([[1.0], [1.0]])) == 0.5
    norms = gradient_norms([np.array([[3.0]])], [np.array([4.0])])
    assert norms == (5.0,)


@pytest.mark.parametrize("cost_name", COST_NAMES)
def test_a_batch_of_more_rows_than_go_through_at_once_has_the_true_gradient(cost_name):
    # taken in parts (4096 + 4096 + 808 rows): the mean over all rows, not over a part
    from nnlab.core.network import ROWS_AT_ONCE
    rng = np.random.default_rng(11)
    net = Network([3, 4, 2], hidden_activation="sigmoid", output="softmax")
    net.initialise("scaled", rng)
    n = 2 * ROWS_AT_ONCE + 808
    x = rng.normal(size=(n, 3))
    y = np.eye(2)[rng.integers(0, 2, size=n)]
    cost = make_cost(cost_name, "softmax")
    value, grads_w, grads_b, a = net.backprop(x, y, cost)
    assert a.shape == (n, 2)
    assert value == pytest.approx(cost.fn(net.forward(x), y), rel=1e-12)
    numeric_w, numeric_b = numeric_gradients(net, x, y, cost)
    for analytic, numeric in zip(grads_w + grads_b, numeric_w + numeric_b):
        assert relative_error(analytic, numeric) < 1e-6


def test_a_full_batch_of_many_rows_holds_one_parts_activations_at_a_time():
    import tracemalloc

    rng = np.random.default_rng(5)
    net = Network([784, 512, 512, 512, 10], hidden_activation="sigmoid", output="softmax")
    net.initialise("scaled", rng)
    n = 12_000
    x = rng.random((n, 784))
    y = np.eye(10)[rng.integers(0, 10, size=n)]
    cost = make_cost("cross_entropy", "softmax")
    tracemalloc.start()
    net.backprop(x, y, cost)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    # whole, the 12,000 rows' activations and errors took some 300 MB at once
    whole = 2 * n * (3 * 512 + 10) * 8
    assert peak < whole / 2, (peak, whole)
