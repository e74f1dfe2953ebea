"""What each step of the walkthrough shows: its words, its formulas with the example's numbers,
and which neurons and connections of the diagram it is about.

A step is made of plain values that the views draw (a
:class:`~nnlab.gui.widgets.step_text.StepText` of :class:`Line` values): the formulas are
LaTeX (maths only, typeset by :class:`~nnlab.gui.widgets.formula.Formula`), the words are
translated here, and every number comes from :mod:`nnlab.core.backprop_steps`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from nnlab.core import backprop_steps as bp
from nnlab.core.backprop_steps import BackpropNumbers, Example
from nnlab.gui.text import fill
from nnlab.gui.widgets.formula_numbers import factor, plus, tex
from nnlab.gui.widgets.step_text import StepText

#: a name of its own, so that pyside6-lupdate finds the texts it translates
translate = QCoreApplication.translate

#: Significant digits of a gradient and its finite difference: they agree to all six.
GRADIENT_DIGITS = 6


# -- what a step is made of --------------------------------------------------------------------

@dataclass(frozen=True)
class Line:
    """One line of a step: ``words`` (translated) before its formulas, ``cells`` (LaTeX, one
    per column: a gradient and its finite difference, or two updates), or both. ``general``:
    the formula itself (drawn larger) rather than its numbers."""

    words: str = ""
    cells: tuple[str, ...] = ()
    general: bool = False


@dataclass(frozen=True)
class DiagramState:
    """What the diagram shows at a step: the ``highlighted`` units, inputs, weights and
    biases (by name), the units whose a and δ are known by then, and whether the weights
    show their updated values."""

    highlighted: frozenset[str]
    with_a: frozenset[str]
    with_delta: frozenset[str]
    updated: bool = False
    #: a of every unit for the same sample through the updated network (the last step)
    a_after: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True, eq=False)
class BackpropFrame:
    """Everything the views draw: the step, the numbers, the step's words and formulas, the
    diagram's state, and the descent plot's (histories by method, x axis), or None where it
    is not on show (it is trained only when shown)."""

    step: int
    numbers: BackpropNumbers
    text: StepText
    diagram: DiagramState
    descent: tuple | None = None

    @property
    def example(self) -> Example:
        return self.numbers.example


# -- numbers in formulas -----------------------------------------------------------------------

def sym(name: str) -> str:
    """A parameter, input or unit in LaTeX: "w_{12}", "x_1", "h_1"."""
    return f"{name[0]}_{{{name[1:]}}}"


def gradient_symbol(name: str, inline: bool = False) -> str:
    """∂ℒ/∂θ as a fraction, or ``inline`` with a slash (half the height: a step of nine
    gradients fits its place)."""
    if inline:
        return rf"\partial \mathcal{{L}} / \partial {sym(name)}"
    return rf"\frac{{\partial \mathcal{{L}}}}{{\partial {sym(name)}}}"


def difference_symbol(name: str) -> str:
    """The finite-difference estimate of ∂ℒ/∂θ, written D_θ."""
    return f"D_{{{sym(name)}}}"


def y_hat(i: int) -> str:
    return rf"\hat{{y}}_{i}"


LOSS = r"\mathcal{L}"
SIGMA_PRIME = r"\sigma'(z) = a\,(1 - a)"


# -- the steps ---------------------------------------------------------------------------------

STEP_COUNT = 14

#: the step at which each unit's z and a are known, and its δ
A_STEP = {"h1": 1, "h2": 2, "o1": 3, "o2": 4, "o3": 5}
DELTA_STEP = {"o1": 7, "o2": 7, "o3": 7, "h1": 10, "h2": 10}
UPDATE_STEP = 12


def step_title(index: int) -> str:
    """The step's title, as the step bar and an exported figure show it."""
    titles = (
        translate("BackpropSteps", "the network, the sample and the loss"),
        translate("BackpropSteps", "forward: hidden unit h1"),
        translate("BackpropSteps", "forward: hidden unit h2"),
        translate("BackpropSteps", "forward: output o1"),
        translate("BackpropSteps", "forward: output o2"),
        translate("BackpropSteps", "forward: output o3"),
        translate("BackpropSteps", "the loss"),
        translate("BackpropSteps", "each output's error δ"),
        translate("BackpropSteps", "∂ℒ/∂w7 by the chain rule"),
        translate("BackpropSteps", "∂ℒ/∂w8 … ∂ℒ/∂w12"),
        translate("BackpropSteps", "each hidden unit's error δ"),
        translate("BackpropSteps", "∂ℒ/∂w1 … ∂ℒ/∂w6"),
        translate("BackpropSteps", "the update"),
        translate("BackpropSteps", "the loss after the update"),
    )
    return titles[index] if 0 <= index < len(titles) else ""


def backprop_frame(step: int, numbers: BackpropNumbers,
                   descent: tuple | None = None) -> BackpropFrame:
    """The frame of ``step`` (0 … 13) with ``numbers`` (and the descent plot's ``descent``)."""
    step = max(0, min(int(step), STEP_COUNT - 1))
    texts = (_network_text, _hidden_text, _hidden_text, _output_text, _output_text,
             _output_text, _loss_text, _output_delta_text, _w7_text, _output_gradients_text,
             _hidden_delta_text, _hidden_gradients_text, _update_text, _loss_after_text)
    return BackpropFrame(step, numbers, texts[step](step, numbers),
                         diagram_state(step, numbers), descent)


def diagram_state(step: int, numbers: BackpropNumbers) -> DiagramState:
    biases = numbers.example.use_biases
    highlighted: set[str] = set()
    if step in (1, 2):
        unit = bp.HIDDEN[step - 1]
        highlighted = {unit, *bp.INPUTS, *_weights_into(unit)}
    elif step in (3, 4, 5):
        unit = bp.OUTPUTS[step - 3]
        highlighted = {unit, *bp.HIDDEN, *_weights_into(unit)}
    elif step in (6, 7, 13):
        highlighted = set(bp.OUTPUTS)
    elif step == 8:
        highlighted = {"h1", "o1", "w7"}
    elif step == 9:
        highlighted = {*bp.HIDDEN, *bp.OUTPUTS, *bp.WEIGHT_NAMES[7:], "b3", "b4", "b5"}
    elif step == 10:
        highlighted = {*bp.HIDDEN, *bp.OUTPUTS, *bp.WEIGHT_NAMES[6:]}
    elif step == 11:
        highlighted = {*bp.INPUTS, *bp.HIDDEN, *bp.WEIGHT_NAMES[:6], "b1", "b2"}
    elif step == 12:
        highlighted = {*bp.WEIGHT_NAMES, *bp.BIAS_NAMES}
    if not biases:
        highlighted -= set(bp.BIAS_NAMES)
    if step in (1, 2, 3, 4, 5) and biases:
        highlighted.add(_bias_of(bp.UNITS[step - 1]))
    a_after = ()
    if step == STEP_COUNT - 1:
        after = bp.forward(numbers.example.with_parameters(numbers.updated))
        a_after = tuple(after.a.items())
    return DiagramState(
        frozenset(highlighted),
        frozenset(unit for unit, at in A_STEP.items() if step >= at),
        frozenset(unit for unit, at in DELTA_STEP.items() if step >= at),
        updated=step >= UPDATE_STEP, a_after=a_after)


def _weights_into(unit: str) -> list[str]:
    return [name for name in bp.WEIGHT_NAMES if bp.WEIGHT_ENDS[name][1] == unit]


def _bias_of(unit: str) -> str:
    return next(name for name, u in bp.BIAS_UNITS.items() if u == unit)


def _words(text: str) -> str:
    return fill(translate("BackpropSteps", "%1:"), text)


def _network_text(step: int, n: BackpropNumbers) -> StepText:
    e = n.example
    biases = e.use_biases
    lines = [
        Line(cells=(r"z = \sum_k w_k\,x_k + b, \quad a = \sigma(z) = \frac{1}{1 + e^{-z}}"
                    if biases else
                    r"z = \sum_k w_k\,x_k, \quad a = \sigma(z) = \frac{1}{1 + e^{-z}}",),
             general=True),
        Line(cells=(rf"{LOSS} = \frac{{1}}{{2}}\sum_{{i=1}}^{{3}}({y_hat('i')} - y_i)^2",),
             general=True),
        Line(_words(translate("BackpropSteps", "the sample")),
             (rf"x = ({', '.join(tex(v) for v in e.x)}), \quad "
              rf"y = ({', '.join(tex(v) for v in e.y)}), \quad \eta = {tex(e.eta)}",)),
        Line(translate("BackpropSteps",
                       "The numbering: w1, w2, w3 carry x1, x2, x3 into the hidden unit h1, "
                       "and w4, w5, w6 into h2; w7, w8 carry h1, h2 into the output o1, w9, "
                       "w10 into o2 and w11, w12 into o3.")),
        Line(translate("BackpropSteps",
                       "b1, b2 are the hidden units' biases and b3, b4, b5 the outputs'.")
             if biases else
             translate("BackpropSteps",
                       "The biases are left out, as in the note's figure: they are 0 and are "
                       "not trained.")),
    ]
    return StepText(
        step_title(0),
        translate("BackpropSteps",
                  "A 3-2-3 network of sigmoid neurons and one sample (x1, x2, x3) with its "
                  "one-hot target (y1, y2, y3). Each neuron adds up what comes in, weighted, "
                  "and passes the sum through the sigmoid. The loss is half the squared error "
                  "of the three outputs:"),
        tuple(lines),
        translate("BackpropSteps",
                  "Click a weight or an input in the diagram to type a new value; → walks "
                  "through the forward pass, the errors and the update."))


def _z_lines(unit: str, n: BackpropNumbers, symbol, value) -> tuple[Line, Line]:
    """z of ``unit``: the formula (its weights times what they carry, ``symbol(source)`` of
    the input or unit each comes from, plus its bias where the network has biases), and the
    same with the example's numbers (``value(index, source)``) and the sum."""
    e = n.example
    p = e.parameters()
    weights = _weights_into(unit)
    sources = [bp.WEIGHT_ENDS[w][0] for w in weights]
    general = " + ".join(f"{sym(w)}\\,{symbol(source)}" for w, source in zip(weights, sources))
    numbers = " + ".join(f"{factor(p[w])} \\cdot {value(k, source)}"
                         for k, (w, source) in enumerate(zip(weights, sources)))
    if e.use_biases:
        bias = _bias_of(unit)
        general += f" + {sym(bias)}"
        numbers += f" {plus(p[bias])}"
    u = sym(unit)
    return (Line(cells=(f"z_{{{u}}} = {general}",), general=True),
            Line(cells=(f"z_{{{u}}} = {numbers} = {tex(n.z[unit])}",)))


def _hidden_text(step: int, n: BackpropNumbers) -> StepText:
    unit = bp.HIDDEN[step - 1]
    x = n.example.x
    u = sym(unit)
    return StepText(
        step_title(step),
        fill(translate("BackpropSteps",
                       "The hidden unit %1 weighs the three inputs, adds them up and squashes "
                       "the sum with the sigmoid:"), unit),
        (
            *_z_lines(unit, n, sym, lambda k, source: factor(x[k])),
            Line(cells=(rf"a_{{{u}}} = \sigma({tex(n.z[unit])}) = {tex(n.a[unit])}",)),
        ))


def _output_text(step: int, n: BackpropNumbers) -> StepText:
    unit = bp.OUTPUTS[step - 3]
    i = step - 2
    u = sym(unit)
    return StepText(
        step_title(step),
        fill(translate("BackpropSteps",
                       "The output %1 does the same with the hidden units' outputs; its a is "
                       "the network's prediction ŷ%2:"), unit, i),
        (
            *_z_lines(unit, n, lambda source: f"a_{{{sym(source)}}}",
                      lambda k, source: tex(n.a[source])),
            Line(cells=(rf"{y_hat(i)} = a_{{{u}}} = \sigma({tex(n.z[unit])}) = "
                        rf"{tex(n.a[unit])}",)),
        ))


def _loss_sum(a: dict[str, float], y) -> str:
    terms = " + ".join(f"({tex(a[o])} - {tex(t)})^2" for o, t in zip(bp.OUTPUTS, y))
    return rf"\frac{{1}}{{2}}\left[{terms}\right]"


def _loss_text(step: int, n: BackpropNumbers) -> StepText:
    e = n.example
    return StepText(
        step_title(step),
        translate("BackpropSteps",
                  "The prediction against the target: half the sum of the squared errors."),
        (
            Line(cells=(rf"{LOSS} = \frac{{1}}{{2}}\sum_{{i=1}}^{{3}}({y_hat('i')} - y_i)^2",),
                 general=True),
            Line(cells=(rf"{LOSS} = {_loss_sum(n.a, e.y)} = {tex(n.loss)}",)),
        ),
        translate("BackpropSteps",
                  "Backpropagation now runs from here to the inputs: how much does each "
                  "weight change ℒ?"))


def _output_delta_text(step: int, n: BackpropNumbers) -> StepText:
    e = n.example
    lines = [
        Line(cells=(rf"\delta_{{o_i}} = \frac{{\partial {LOSS}}}{{\partial z_{{o_i}}}} = "
                    rf"({y_hat('i')} - y_i)\,\sigma'(z_{{o_i}}), \quad {SIGMA_PRIME}",),
             general=True),
    ]
    for i, (o, y) in enumerate(zip(bp.OUTPUTS, e.y), start=1):
        a = n.a[o]
        lines.append(Line(cells=(rf"\delta_{{{sym(o)}}} = ({tex(a)} - {tex(y)}) \cdot "
                                 rf"{tex(a)} \cdot (1 - {tex(a)}) = {tex(n.delta[o])}",)))
    return StepText(
        step_title(step),
        translate("BackpropSteps",
                  "The error δ of an output is how fast ℒ changes with its z: the error of "
                  "its prediction times the slope of the sigmoid there."),
        tuple(lines))


def _gradient_cells(n: BackpropNumbers, name: str) -> tuple[str, str]:
    """∂ℒ/∂θ = δ × what it carries = the numbers, and beside it D_θ."""
    grad = tex(n.gradients[name], GRADIENT_DIGITS)
    if name in bp.BIAS_NAMES:
        unit = bp.BIAS_UNITS[name]
        left = rf"{gradient_symbol(name, True)} = \delta_{{{sym(unit)}}} = {grad}"
    else:
        source, unit = bp.WEIGHT_ENDS[name]
        carried = (f"x_{{{source[1:]}}}" if source in bp.INPUTS else f"a_{{{sym(source)}}}")
        value = bp.carried_value(n.example, bp.Forward(n.z, n.a, n.loss), name)
        left = (rf"{gradient_symbol(name, True)} = \delta_{{{sym(unit)}}}\,{carried} = "
                rf"{factor(n.delta[unit])} \cdot {factor(value)} = {grad}")
    right = f"{difference_symbol(name)} = {tex(n.finite_differences[name], GRADIENT_DIGITS)}"
    return left, right


def _difference_line() -> Line:
    return Line(cells=(rf"D_\theta = \frac{{{LOSS}(\theta + h) - {LOSS}(\theta - h)}}{{2h}}, "
                       r"\quad h = 10^{-5}",), general=True)


def _w7_text(step: int, n: BackpropNumbers) -> StepText:
    return StepText(
        step_title(step),
        translate("BackpropSteps",
                  "w7 reaches ℒ only through z of o1, and z of o1 through ŷ1. The chain rule "
                  "multiplies the three links:"),
        (
            Line(cells=(rf"{gradient_symbol('w7')} = "
                        rf"\frac{{\partial {LOSS}}}{{\partial {y_hat(1)}}}\,"
                        rf"\frac{{\partial {y_hat(1)}}}{{\partial z_{{o_1}}}}\,"
                        rf"\frac{{\partial z_{{o_1}}}}{{\partial w_7}} = "
                        rf"({y_hat(1)} - y_1)\,\sigma'(z_{{o_1}})\,a_{{h_1}} = "
                        rf"\delta_{{o_1}}\,a_{{h_1}}",), general=True),
            Line(cells=_gradient_cells(n, "w7")),
            Line(translate("BackpropSteps",
                           "Check by finite differences: nudge w7 up and down by h and see "
                           "how ℒ moves (the D under it).")),
            _difference_line(),
        ),
        translate("BackpropSteps",
                  "Both agree to six digits: backpropagation gets the slope exactly, with one "
                  "pass back instead of two passes forward for every weight."))


def _gradients_text(step: int, n: BackpropNumbers, weights, biases, general: str,
                    lead: str) -> StepText:
    """A step of gradients: the ``general`` formula, then the gradient of each of the
    ``weights`` (and of the ``biases`` where the network has biases) beside its
    finite-difference estimate."""
    names = list(weights)
    if n.example.use_biases:
        names += biases
    lines = [Line(cells=(general,), general=True)]
    lines += [Line(cells=_gradient_cells(n, name)) for name in names]
    return StepText(step_title(step), lead, tuple(lines))


def _output_gradients_text(step: int, n: BackpropNumbers) -> StepText:
    return _gradients_text(
        step, n, bp.WEIGHT_NAMES[7:], ["b3", "b4", "b5"],
        r"\frac{\partial \mathcal{L}}{\partial w} = \delta_{o}\,a_{h}, \quad "
        r"\frac{\partial \mathcal{L}}{\partial b} = \delta_{o}",
        translate("BackpropSteps",
                  "Every weight into an output: the output's δ times the hidden unit's output "
                  "that the weight carries (a bias carries 1). D beside or under each is its "
                  "finite-difference estimate."))


def _hidden_delta_text(step: int, n: BackpropNumbers) -> StepText:
    p = n.example.parameters()
    lines = []
    for h in bp.HIDDEN:
        outgoing = [w for w in bp.WEIGHT_NAMES if bp.WEIGHT_ENDS[w][0] == h]
        general = " + ".join(rf"\delta_{{{sym(bp.WEIGHT_ENDS[w][1])}}}\,{sym(w)}"
                             for w in outgoing)
        numbers = " + ".join(rf"{factor(n.delta[bp.WEIGHT_ENDS[w][1]])} \cdot {factor(p[w])}"
                             for w in outgoing)
        a = n.a[h]
        lines.append(Line(cells=(rf"\delta_{{{sym(h)}}} = \left({general}\right)\,"
                                 rf"\sigma'(z_{{{sym(h)}}})",), general=True))
        lines.append(Line(cells=(rf"\delta_{{{sym(h)}}} = \left({numbers}\right) \cdot "
                                 rf"{tex(a)} \cdot (1 - {tex(a)}) = {tex(n.delta[h])}",)))
    return StepText(
        step_title(step),
        translate("BackpropSteps",
                  "A hidden unit reaches ℒ through all three outputs. By the chain rule its δ "
                  "is the sum, over the outputs, of each output's δ times the weight between "
                  "them, times the slope of its own sigmoid:"),
        tuple(lines),
        translate("BackpropSteps",
                  "The errors flow back along the same weights that carried the signal "
                  "forward."))


def _hidden_gradients_text(step: int, n: BackpropNumbers) -> StepText:
    return _gradients_text(
        step, n, bp.WEIGHT_NAMES[:6], ["b1", "b2"],
        r"\frac{\partial \mathcal{L}}{\partial w} = \delta_{h}\,x_{k}, "
        r"\quad \frac{\partial \mathcal{L}}{\partial b} = \delta_{h}",
        translate("BackpropSteps",
                  "Every weight into a hidden unit: the unit's δ times the input the weight "
                  "carries, with its finite-difference estimate D beside or under it."))


def _update_cell(n: BackpropNumbers, name: str) -> str:
    e = n.example
    old = e.parameters()[name]
    return (rf"{sym(name)} \leftarrow {tex(old)} - {tex(e.eta)} \cdot "
            rf"{factor(n.gradients[name], 4)} = {tex(n.updated[name], 4)}")


def _update_text(step: int, n: BackpropNumbers) -> StepText:
    names = list(bp.WEIGHT_NAMES)
    if n.example.use_biases:
        names += list(bp.BIAS_NAMES)
    lines = [Line(cells=(rf"w_i \leftarrow w_i - \eta\,\frac{{\partial {LOSS}}}"
                         rf"{{\partial w_i}}, \quad \eta = {tex(n.example.eta)}",),
                  general=True)]
    for first in range(0, len(names), 2):
        lines.append(Line(cells=tuple(_update_cell(n, name) for name in names[first:first + 2])))
    return StepText(
        step_title(step),
        translate("BackpropSteps",
                  "Gradient descent: every weight takes a step against its gradient, η times "
                  "as long."),
        tuple(lines),
        "" if n.example.use_biases else
        translate("BackpropSteps", "The biases are left out: they stay 0."))


def _loss_after_text(step: int, n: BackpropNumbers) -> StepText:
    e = n.example
    after = bp.forward(e.with_parameters(n.updated))
    predicted = -e.eta * sum(n.gradients[name] ** 2 for name in bp.WEIGHT_NAMES) - (
        e.eta * sum(n.gradients[name] ** 2 for name in bp.BIAS_NAMES) if e.use_biases else 0.0)
    yhat = ", ".join(tex(after.a[o]) for o in bp.OUTPUTS)
    return StepText(
        step_title(step),
        translate("BackpropSteps",
                  "The same sample through the updated network: the prediction moves towards "
                  "the target and the loss is lower."),
        (
            Line(cells=(rf"\hat{{y}}' = ({yhat}), \quad y = ({', '.join(tex(v) for v in e.y)})",)),
            Line(cells=(rf"{LOSS}' = {_loss_sum(after.a, e.y)} = {tex(n.loss_after)}",)),
            Line(cells=(rf"{LOSS}' - {LOSS} = {tex(n.loss_after)} - {tex(n.loss)} = "
                        rf"{tex(n.loss_after - n.loss)}",)),
            Line(translate("BackpropSteps", "To first order the change is −η times the sum "
                                            "of the squared gradients:")),
            Line(cells=(rf"-\eta \sum_i \left(\frac{{\partial {LOSS}}}{{\partial w_i}}\right)^2"
                        rf" = {tex(predicted)}",)),
        ),
        translate("BackpropSteps",
                  "Repeat for every sample, many times: that is training. The tab “Train on” "
                  "does it for the lesson's 21 samples in three ways."))
