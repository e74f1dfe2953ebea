"""What each step of the derivation shows: its words, its formulas with the numbers of the
start on show, and what its plot draws.

A step is made of plain values that the views draw: its words and formulas (a
:class:`~nnlab.gui.widgets.step_text.StepText` of :class:`Line` values) and its plot
(:class:`StepPlot`). The formulas are LaTeX (maths only, typeset by
:class:`~nnlab.gui.widgets.formula.Formula`), the words are translated here, and every
number and every curve comes from :mod:`nnlab.core.derivation`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication

from nnlab.core import derivation as d
from nnlab.core.derivation import Start, StartNumbers
from nnlab.gui.text import cost_label, fill, format_number
from nnlab.gui.widgets.formula_numbers import factor, plus, tex
from nnlab.gui.widgets.step_text import StepText

#: a name of its own, so that pyside6-lupdate finds the texts it translates
translate = QCoreApplication.translate

STEP_COUNT = 7

#: The z axis of the plots over z, unless a start lies further out.
Z_RANGE = (-4.0, 8.0)
#: The axis of the plots over the output a: (0, 1) and a little room for the ticks at its ends.
OUTPUT_RANGE = (-0.02, 1.02)
#: Beyond this |z| the curves over z show nothing new (σ(40) = 1 − 4·10⁻¹⁸).
MAX_Z = 40.0


# -- what a step is made of --------------------------------------------------------------------

@dataclass(frozen=True)
class Line:
    """One line of a step: ``words`` (translated), ``latex`` (a formula), or both side by
    side. ``general``: the formula itself (drawn larger) rather than its numbers."""

    words: str = ""
    latex: str = ""
    general: bool = False


@dataclass(frozen=True, eq=False)
class Curve:
    """A curve of a step's plot. ``colour``: a cost's key ("quadratic", "cross_entropy"),
    "foreground" or "accent"; ``style``: "solid", "dash" or "dot"."""

    x: np.ndarray
    y: np.ndarray
    colour: str
    legend: str
    style: str = "solid"


@dataclass(frozen=True)
class Marker:
    """A start on a curve: at (x, y) in the curve's ``colour``, drawn with its start's
    ``symbol`` (filled for the start on show), its value as ``label`` beside it (``anchor``:
    the label's point that sits at the marker, as pyqtgraph's TextItem takes it), and a
    tangent of ``slope`` through it if given."""

    x: float
    y: float
    colour: str
    symbol: str
    label: str
    anchor: tuple[float, float] = (-0.1, 1.1)
    current: bool = False
    slope: float | None = None


@dataclass(frozen=True)
class StartKey:
    """A start's entry in the legend: its symbol and its name."""

    symbol: str
    name: str
    current: bool


@dataclass(frozen=True, eq=False)
class StepPlot:
    """What the plot of a step draws."""

    title: str
    x_label: str
    y_label: str
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    curves: tuple[Curve, ...]
    markers: tuple[Marker, ...]
    starts: tuple[StartKey, ...]


@dataclass(frozen=True, eq=False)
class DerivationFrame:
    """Everything the views draw: the step on show, the numbers of its start, the step's
    words and formulas and its plot."""

    step: int
    numbers: StartNumbers
    text: StepText
    plot: StepPlot


# -- a start in words --------------------------------------------------------------------------

def start_name(start: Start) -> str:
    """"w = 2, b = 2", with x and y when they are not the classic x = 1, y = 0."""
    parts = [f"w = {format_number(start.w)}", f"b = {format_number(start.b)}"]
    if (start.x, start.y) != (1.0, 0.0):
        parts += [f"x = {format_number(start.x)}", f"y = {format_number(start.y)}"]
    return ", ".join(parts)


# -- the steps ---------------------------------------------------------------------------------

def step_title(index: int) -> str:
    """The step's title, as the step bar and an exported figure show it."""
    titles = (
        translate("DerivationSteps", "the quadratic cost and its gradients"),
        translate("DerivationSteps", "the slope of the sigmoid, σ′(z)"),
        translate("DerivationSteps", "the wish: a gradient proportional to the error"),
        translate("DerivationSteps", "the chain rule"),
        translate("DerivationSteps", "integrating over a"),
        translate("DerivationSteps", "why it is a cost"),
        translate("DerivationSteps", "the payoff: σ′(z) cancels"),
    )
    return titles[index] if 0 <= index < len(titles) else ""


def derivation_frame(step: int, start: Start) -> DerivationFrame:
    """The frame of ``step`` (0 … 6) at ``start``."""
    numbers = d.start_numbers(start)
    classic = d.classic_numbers()
    texts = (_quadratic_text, _slope_text, _wish_text, _chain_text, _integral_text,
             _cost_text, _payoff_text)
    plots = (_quadratic_plot, _slope_plot, _wish_plot, _chain_plot, _integral_plot,
             _cost_plot, _payoff_plot)
    return DerivationFrame(step, numbers, texts[step](numbers, classic),
                           plots[step](numbers, classic))


def _at_this_start() -> Line:
    return Line(translate("DerivationSteps", "At this start:"))


def _words(text: str) -> str:
    """``text`` before a formula: "wished:"."""
    return fill(translate("DerivationSteps", "%1:"), text)


def _cost_words(name: str) -> str:
    return _words(cost_label(name))


def _z_line(n: StartNumbers) -> str:
    s = n.start
    return (rf"z = {factor(s.w)} \cdot {factor(s.x)} {plus(s.b)} = {tex(n.z)}, \quad "
            rf"a = \sigma({tex(n.z)}) = {tex(n.a)}")


DC_DW = r"\frac{\partial C}{\partial w}"
DC_DB = r"\frac{\partial C}{\partial b}"
DC_DA = r"\frac{\partial C}{\partial a}"
CROSS_ENTROPY = r"{-}\left[y \ln a + (1 - y)\ln(1 - a)\right]"


def _quadratic_text(n: StartNumbers, classic) -> StepText:
    s, q = n.start, n.quadratic
    return StepText(
        step_title(0),
        translate("DerivationSteps",
                  "One sigmoid neuron and one sample (x, y): z = w·x + b and a = σ(z). The "
                  "quadratic cost and, by the chain rule, its gradients:"),
        (
            Line(latex=r"C = \frac{(y - a)^2}{2}", general=True),
            Line(latex=rf"{DC_DW} = (a - y)\,\sigma'(z)\,x", general=True),
            Line(latex=rf"{DC_DB} = (a - y)\,\sigma'(z)", general=True),
            Line(fill(translate("DerivationSteps", "At this start, w = %1, b = %2, x = %3, "
                                                   "y = %4:"),
                      format_number(s.w), format_number(s.b), format_number(s.x),
                      format_number(s.y))),
            Line(latex=_z_line(n)),
            Line(latex=rf"C = \frac{{({tex(s.y)} - {tex(n.a)})^2}}{{2}} = {tex(q.cost)}"),
            Line(latex=rf"{DC_DW} = ({tex(n.a)} - {tex(s.y)}) \cdot {tex(n.sigma_prime)} "
                       rf"\cdot {factor(s.x)} = {tex(q.dC_dw)}"),
            Line(latex=rf"{DC_DB} = ({tex(n.a)} - {tex(s.y)}) \cdot {tex(n.sigma_prime)} "
                       rf"= {tex(q.dC_db)}"),
        ),
        fill(translate("DerivationSteps",
                       "Both gradients carry the factor σ′(z), here %1: of the error "
                       "a − y = %2, only %3 reaches b."),
             format_number(n.sigma_prime), format_number(n.cross_entropy.dC_db),
             format_number(q.dC_db)),
    )


def _slope_line(n: StartNumbers, name: str) -> Line:
    return Line(_words(name),
                rf"\sigma'({tex(n.z)}) = {tex(n.a)} \cdot "
                rf"(1 - {tex(n.a)}) = {tex(n.sigma_prime)}")


def _slope_text(n: StartNumbers, classic) -> StepText:
    mild, saturated = classic
    lines = [
        Line(latex=r"\sigma(z) = \frac{1}{1 + e^{-z}}", general=True),
        Line(latex=r"\sigma'(z) = \sigma(z)\left(1 - \sigma(z)\right) = a(1 - a)",
             general=True),
        Line(translate("DerivationSteps", "At the two classic starts (x = 1, y = 0):")),
        _slope_line(mild, start_name(mild.start)),
        _slope_line(saturated, start_name(saturated.start)),
    ]
    if n.start not in d.CLASSIC_STARTS:  # its name is long: the words column stays narrow
        lines.append(_slope_line(n, translate("DerivationSteps", "this start")))
    note = fill(translate("DerivationSteps",
                          "Where the sigmoid is flat, σ′(z) is small: at z = %1 it is %2 times "
                          "smaller than at z = %3. Lecture note 003 prints σ′ = 0.1539 and "
                          "0.0196, from a rounded to 0.81 and 0.98, and its second line slips "
                          "to 0.1539 again; the values here are computed."),
                format_number(saturated.z),
                format_number(mild.sigma_prime / saturated.sigma_prime, 2),
                format_number(mild.z))
    return StepText(
        step_title(1),
        translate("DerivationSteps",
                  "The factor σ′(z) is the slope of the sigmoid. It is written with the "
                  "sigmoid itself, and it is never more than 1/4:"),
        tuple(lines), note)


def _wish_text(n: StartNumbers, classic) -> StepText:
    return StepText(
        step_title(2),
        translate("DerivationSteps",
                  "A neuron that is badly wrong should learn fast. So we wish for a cost whose "
                  "gradients are the error a − y itself, without σ′(z):"),
        (
            Line(latex=rf"{DC_DW} = x\,(a - y)", general=True),
            Line(latex=rf"{DC_DB} = a - y", general=True),
            _at_this_start(),
            Line(_cost_words("quadratic"),
                 rf"{DC_DB} = (a - y)\,\sigma'(z) = {tex(n.quadratic.dC_db)}"),
            Line(_words(translate("DerivationSteps", "wished")),
                 rf"{DC_DB} = a - y = {tex(n.cross_entropy.dC_db)}"),
        ),
        fill(translate("DerivationSteps",
                       "At this start the wish is %1 times the quadratic cost's gradient: "
                       "1/σ′(z)."), format_number(n.speed_up)),
    )


def _chain_text(n: StartNumbers, classic) -> StepText:
    s = n.start
    return StepText(
        step_title(3),
        translate("DerivationSteps",
                  "The cost depends on b only through a = σ(z), and ∂z/∂b = 1. By the chain "
                  "rule:"),
        (
            Line(latex=rf"{DC_DB} = {DC_DA}\,\sigma'(z) = {DC_DA}\,a(1 - a)", general=True),
            Line(translate("DerivationSteps",
                           "Setting this equal to the wish a − y and solving for ∂C/∂a:")),
            Line(latex=rf"{DC_DA}\,a(1 - a) = a - y", general=True),
            Line(latex=rf"\Longrightarrow\quad {DC_DA} = \frac{{a - y}}{{a(1 - a)}}",
                 general=True),
            _at_this_start(),
            Line(latex=rf"{DC_DA} = \frac{{{tex(n.a)} - {tex(s.y)}}}"
                       rf"{{{tex(n.a)} \cdot (1 - {tex(n.a)})}} = "
                       rf"{tex(n.cross_entropy.dC_da)}"),
            Line(latex=rf"{DC_DB} = {factor(n.cross_entropy.dC_da)} \cdot "
                       rf"{tex(n.sigma_prime)} = {tex(n.cross_entropy.dC_db)} = a - y"),
        ),
        translate("DerivationSteps",
                  "Where the sigmoid is flat, σ′(z) is small, and ∂C/∂a must be large to make "
                  "up for it: the cost has to rise steeply as a moves away from y."),
    )


def _integral_text(n: StartNumbers, classic) -> StepText:
    s = n.start
    return StepText(
        step_title(4),
        translate("DerivationSteps", "Split the fraction, and integrate over a (K is the "
                  "constant of integration):"),
        (
            Line(latex=r"\frac{a - y}{a(1 - a)} = \frac{1 - y}{1 - a} - \frac{y}{a}",
                 general=True),
            Line(latex=r"C = \int \left(\frac{1 - y}{1 - a} - \frac{y}{a}\right) da",
                 general=True),
            Line(latex=r"C = " + CROSS_ENTROPY + r" + K", general=True),
            Line(translate("DerivationSteps",
                           "That is one sample's cost. For n samples, the mean over the "
                           "samples x:")),
            Line(latex=r"C = {-}\frac{1}{n}\sum_x \left[y \ln a + (1 - y)\ln(1 - a)\right]"
                       r" + K", general=True),
            Line(translate("DerivationSteps",
                           "This is the cross-entropy. At this start, with the constant 0:")),
            Line(latex=rf"C = {{-}}\left[{tex(s.y)} \cdot \ln {tex(n.a)} + {tex(1.0 - s.y)} "
                       rf"\cdot \ln(1 - {tex(n.a)})\right] = {tex(n.cross_entropy.cost)}"),
        ),
        translate("DerivationSteps",
                  "The constant changes no gradient; it is taken as 0. The slope of C at the "
                  "start, the tangent on the plot, is the ∂C/∂a of the step before."),
    )


def _cost_text(n: StartNumbers, classic) -> StepText:
    s = n.start
    lines = [
        Line(latex=r"0 < a < 1 \;\Rightarrow\; \ln a < 0, \;\; \ln(1 - a) < 0", general=True),
        Line(latex=r"\Rightarrow\; C = " + CROSS_ENTROPY + r" > 0", general=True),
        Line(latex=r"y = 0{:} \quad C = {-}\ln(1 - a), \quad \lim_{a \to 0} C = 0",
             general=True),
        Line(latex=r"y = 1{:} \quad C = {-}\ln a, \quad \lim_{a \to 1} C = 0", general=True),
        _at_this_start(),
        Line(latex=rf"y = {tex(s.y)}, \; a = {tex(n.a)}{{:}} \quad "
                   rf"C = {tex(n.cross_entropy.cost)} > 0"),
    ]
    if 0.0 < s.y < 1.0:
        lines += [
            Line(translate("DerivationSteps",
                           "For a target between 0 and 1, the least cost, at a = y, is not 0 "
                           "but the entropy of y (the constant can take it away):")),
            Line(latex=rf"\min_a C = {{-}}\left[y \ln y + (1 - y)\ln(1 - y)\right] = "
                       rf"{tex(d.least_cross_entropy(s.y))}"),
        ]
    return StepText(
        step_title(5),
        translate("DerivationSteps",
                  "Two properties make it a cost: it is positive, and it goes to 0 as the "
                  "output a approaches the target y."),
        tuple(lines),
        translate("DerivationSteps",
                  "The quadratic cost has both properties too: what the cross-entropy adds is "
                  "the gradient of the next step."),
    )


def _payoff_text(n: StartNumbers, classic) -> StepText:
    q, ce = n.quadratic, n.cross_entropy
    return StepText(
        step_title(6),
        translate("DerivationSteps",
                  "Differentiate the cross-entropy by the chain rule: the factor σ′(z) cancels "
                  "against the a(1 − a) of ∂C/∂a."),
        (
            Line(latex=r"\frac{\partial C}{\partial w_j} = {-}\left(\frac{y}{\sigma(z)} - "
                       r"\frac{1 - y}{1 - \sigma(z)}\right)\sigma'(z)\,x_j", general=True),
            Line(latex=r"\frac{\partial C}{\partial w_j} = "
                       r"\frac{\cancel{\sigma'(z)}\,x_j}{\cancel{\sigma(z)(1 - \sigma(z))}}"
                       r"\left(\sigma(z) - y\right) = x_j\,(a - y)", general=True),
            Line(translate("DerivationSteps", "For n samples, the mean over the samples x:")),
            Line(latex=r"\frac{\partial C}{\partial w_j} = \frac{1}{n}\sum_x x_j\,"
                       r"(\sigma(z) - y)", general=True),
            Line(latex=r"\frac{\partial C}{\partial b} = \frac{1}{n}\sum_x (\sigma(z) - y)",
                 general=True),
            _at_this_start(),
            Line(_cost_words("quadratic"),
                 rf"{DC_DW} = {tex(q.dC_dw)}, \quad {DC_DB} = {tex(q.dC_db)}"),
            Line(_cost_words("cross_entropy"),
                 rf"{DC_DW} = {tex(ce.dC_dw)}, \quad {DC_DB} = {tex(ce.dC_db)}"),
        ),
        fill(translate("DerivationSteps",
                       "The larger the error, the faster it learns: at this start the "
                       "cross-entropy's gradient is %1 times the quadratic's, 1/σ′(z)."),
             format_number(n.speed_up)),
    )


# -- the plots ---------------------------------------------------------------------------------

SYMBOLS = ("o", "s")   # the classic starts
CUSTOM_SYMBOL = "d"    # a start of the user's


@dataclass(frozen=True)
class _Shown:
    numbers: StartNumbers
    symbol: str
    current: bool


def _shown(n: StartNumbers, classic, same_target: bool) -> list[_Shown]:
    """The starts a plot marks: the classic ones (only those with the start's y, when the
    plot's curves depend on y), and the start on show if it is neither."""
    shown = [_Shown(c, symbol, c.start == n.start) for c, symbol in zip(classic, SYMBOLS)
             if not same_target or c.start.y == n.start.y]
    if n.start not in d.CLASSIC_STARTS:
        shown.append(_Shown(n, CUSTOM_SYMBOL, True))
    return shown


def _keys(shown: list[_Shown]) -> tuple[StartKey, ...]:
    return tuple(StartKey(s.symbol, start_name(s.numbers.start), s.current) for s in shown)


def _z_range(shown: list[_Shown]) -> tuple[float, float]:
    zs = [min(max(s.numbers.z, -MAX_Z), MAX_Z) for s in shown]
    return min(Z_RANGE[0], min(zs) - 2.0), max(Z_RANGE[1], max(zs) + 2.0)


def _padded(low: float, high: float, share: float = 0.05,
            below: float | None = None) -> tuple[float, float]:
    """(low, high) with ``share`` of the span added above, and ``below`` (default: the
    same) under it."""
    span = high - low if high > low else 1.0
    return low - (share if below is None else below) * span, high + share * span


def _clipped(values: np.ndarray, y_range: tuple[float, float]) -> np.ndarray:
    """Values far outside the plot (a cost → ∞ at a = 0 or 1) brought in to just beyond its
    edge: the curve leaves the plot there, and no path holds 10³⁰⁰."""
    low, high = y_range
    span = high - low
    return np.clip(np.nan_to_num(values, nan=high + span, posinf=high + span,
                                 neginf=low - span), low - span, high + span)


def _z_label() -> str:
    return translate("DerivationSteps", "z = w·x + b")


def _output_label() -> str:
    return translate("DerivationSteps", "output a")


def _cost_axis_label() -> str:
    return translate("DerivationSteps", "cost C")


def _named(name: str, formula: str) -> str:
    return fill(translate("DerivationSteps", "%1: %2"), name, formula)


def _quadratic_plot(n: StartNumbers, classic) -> StepPlot:
    shown = _shown(n, classic, same_target=True)
    x_range = _z_range(shown)
    z = d.z_values(*x_range)
    cost = d.quadratic_cost_of_z(z, n.start.y)
    y_range = _padded(0.0, float(cost.max()))
    markers = []
    for s in shown:
        m = s.numbers
        markers.append(Marker(m.z, m.quadratic.cost, "quadratic", s.symbol,
                              f"∂C/∂b = {format_number(m.quadratic.dC_db)}",
                              (1.1, 1.1) if s.symbol == "s" else (-0.1, 1.1), s.current,
                              slope=m.quadratic.dC_db if s.current else None))
    return StepPlot(
        translate("DerivationSteps", "The quadratic cost along z"),
        _z_label(), _cost_axis_label(), x_range, y_range,
        (Curve(z, cost, "quadratic", "C = (y − a)²/2"),),
        tuple(markers), _keys(shown))


def _slope_plot(n: StartNumbers, classic) -> StepPlot:
    shown = _shown(n, classic, same_target=False)
    x_range = _z_range(shown)
    z = d.z_values(*x_range)
    markers = []
    for s in shown:
        m = s.numbers
        on_slope = m.sigma_prime > 0.05  # not on a flat end
        # the labels off the tangent (up and left of the rising sigmoid, or under a flat
        # end of it) and above the falling σ′(z)
        markers.append(Marker(m.z, m.a, "foreground", s.symbol, f"a = {format_number(m.a)}",
                              (1.1, 1.1) if on_slope else (-0.1, -0.3), s.current,
                              slope=m.sigma_prime))
        markers.append(Marker(m.z, m.sigma_prime, "accent", s.symbol,
                              f"σ′({format_number(m.z)}) = {format_number(m.sigma_prime)}",
                              (-0.1, 1.1), s.current))
    return StepPlot(
        translate("DerivationSteps", "The sigmoid and its slope"),
        _z_label(), translate("DerivationSteps", "σ(z), σ′(z)"), x_range, (-0.05, 1.12),
        (Curve(z, d.sigmoid_curve(z), "foreground", "σ(z)"),
         Curve(z, d.sigmoid_slope_curve(z), "accent", "σ′(z)")),
        tuple(markers), _keys(shown))


def _output_markers(shown: list[_Shown], values, colour: str, anchors=None) -> list[Marker]:
    """A marker at (a, value(a)) of each start, labelled with the value."""
    markers = []
    for s in shown:
        a, value = s.numbers.a, float(values(s.numbers))
        anchor = (anchors or {}).get(s.symbol, (1.1, 0.5))
        markers.append(Marker(a, value, colour, s.symbol, format_number(value), anchor,
                              s.current))
    return markers


def _wish_plot(n: StartNumbers, classic) -> StepPlot:
    shown = _shown(n, classic, same_target=True)
    y = n.start.y
    a = d.outputs()
    quadratic, wished = d.quadratic_dC_db(a, y), d.cross_entropy_dC_db(a, y)
    # room under the quadratic cost's curve for the label of a start near a = 1
    y_range = _padded(min(-y, float(quadratic.min())), max(1.0 - y, float(quadratic.max())),
                      below=0.15)
    markers = (_output_markers(shown, lambda m: m.quadratic.dC_db, "quadratic",
                               {"o": (0.5, 1.25), "s": (1.05, -0.15), "d": (0.5, 1.25)})
               + _output_markers(shown, lambda m: m.cross_entropy.dC_db, "cross_entropy",
                                 {"o": (1.1, 0.3), "s": (1.1, 0.8), "d": (1.1, 0.5)}))
    return StepPlot(
        translate("DerivationSteps", "The gradient we have and the one we wish for"),
        _output_label(), translate("DerivationSteps", "∂C/∂b"), OUTPUT_RANGE, y_range,
        (Curve(a, quadratic, "quadratic", _named(cost_label("quadratic"), "(a − y)·σ′(z)")),
         Curve(a, wished, "cross_entropy",
               _named(translate("DerivationSteps", "wished"), "a − y"), "dash")),
        tuple(markers), _keys(shown))


def _chain_plot(n: StartNumbers, classic) -> StepPlot:
    shown = _shown(n, classic, same_target=True)
    y = n.start.y
    a = d.outputs()
    needed, quadratic = d.cross_entropy_dC_da(a, y), d.quadratic_dC_da(a, y)
    values = [abs(s.numbers.cross_entropy.dC_da) for s in shown]
    finite = [v for v in values if math.isfinite(v)]
    reach = min(max([5.0, *(1.15 * v for v in finite)]), 1e3)
    low = -reach if y > 0.0 else -1.0
    high = reach if y < 1.0 else 1.0
    y_range = _padded(low, high, 0.02)
    markers = _output_markers(shown, lambda m: m.cross_entropy.dC_da, "cross_entropy",
                              {"o": (1.1, 0.5), "s": (1.1, 0.5), "d": (1.1, 0.5)})
    markers = [m for m in markers if math.isfinite(m.y)]
    return StepPlot(
        translate("DerivationSteps", "The ∂C/∂a the wish needs"),
        _output_label(), translate("DerivationSteps", "∂C/∂a"), OUTPUT_RANGE, y_range,
        (Curve(a, _clipped(needed, y_range), "cross_entropy",
               _named(translate("DerivationSteps", "needed"), "(a − y)/(a(1 − a))")),
         Curve(a, quadratic, "quadratic", _named(cost_label("quadratic"), "a − y"), "dash")),
        tuple(markers), _keys(shown))


def _cost_range(shown: list[_Shown]) -> tuple[float, float]:
    costs = [s.numbers.cross_entropy.cost for s in shown]
    return _padded(0.0, min(max([3.0, *(1.2 * c for c in costs)]), 50.0), 0.03)


def _integral_plot(n: StartNumbers, classic) -> StepPlot:
    shown = _shown(n, classic, same_target=True)
    y = n.start.y
    a = d.outputs()
    y_range = _cost_range(shown)
    markers = []
    for s in shown:
        m = s.numbers
        markers.append(Marker(m.a, m.cross_entropy.cost, "cross_entropy", s.symbol,
                              f"C = {format_number(m.cross_entropy.cost)}",
                              (1.1, 0.5) if s.symbol != "s" else (1.1, 1.0), s.current,
                              slope=m.cross_entropy.dC_da if s.current else None))
    return StepPlot(
        translate("DerivationSteps", "The cost whose slope is the ∂C/∂a needed"),
        _output_label(), _cost_axis_label(), OUTPUT_RANGE, y_range,
        (Curve(a, _clipped(d.cross_entropy_cost(a, y), y_range), "cross_entropy",
               cost_label("cross_entropy")),
         Curve(a, d.quadratic_cost(a, y), "quadratic", cost_label("quadratic"), "dash")),
        tuple(markers), _keys(shown))


def _cost_plot(n: StartNumbers, classic) -> StepPlot:
    shown = _shown(n, classic, same_target=False)
    a = d.outputs()
    y_range = _cost_range([s for s in shown if s.numbers.start.y in (0.0, 1.0)
                           or s.current])
    targets = [0.0, 1.0]
    if n.start.y not in targets:
        targets.append(n.start.y)
    styles = {0.0: "solid", 1.0: "dash"}
    curves = tuple(Curve(a, _clipped(d.cross_entropy_cost(a, target), y_range),
                         "cross_entropy", f"y = {format_number(target)}",
                         styles.get(target, "dot"))
                   for target in targets)
    markers = []
    for s in shown:
        m = s.numbers
        markers.append(Marker(m.a, m.cross_entropy.cost, "cross_entropy", s.symbol,
                              f"C = {format_number(m.cross_entropy.cost)}",
                              (1.1, 0.5) if s.symbol != "s" else (1.1, 1.0), s.current))
    return StepPlot(
        translate("DerivationSteps", "The cross-entropy for y = 0 and y = 1"),
        _output_label(), _cost_axis_label(), OUTPUT_RANGE, y_range, curves,
        tuple(markers), _keys(shown))


def _payoff_plot(n: StartNumbers, classic) -> StepPlot:
    shown = _shown(n, classic, same_target=True)
    y = n.start.y
    a = d.outputs()
    quadratic = np.abs(d.quadratic_dC_db(a, y))
    cross_entropy = np.abs(d.cross_entropy_dC_db(a, y))
    y_range = _padded(0.0, max(y, 1.0 - y), 0.04, below=0.15)
    markers = (_output_markers(shown, lambda m: abs(m.quadratic.dC_db), "quadratic",
                               {"o": (0.5, 1.25), "s": (1.05, -0.15), "d": (0.5, 1.25)})
               + _output_markers(shown, lambda m: abs(m.cross_entropy.dC_db), "cross_entropy",
                                 {"o": (1.1, 0.3), "s": (1.1, 0.8), "d": (1.1, 0.5)}))
    return StepPlot(
        translate("DerivationSteps", "How fast each cost learns"),
        _output_label(), translate("DerivationSteps", "|∂C/∂b|"), OUTPUT_RANGE, y_range,
        (Curve(a, quadratic, "quadratic", _named(cost_label("quadratic"), "|a − y|·σ′(z)")),
         Curve(a, cross_entropy, "cross_entropy",
               _named(cost_label("cross_entropy"), "|a − y|"))),
        tuple(markers), _keys(shown))
