"""Numbers in a formula's LaTeX, written as :func:`~nnlab.gui.text.format_number` writes them
for people: "0.0177", "{−}0.2" (the minus sign of a number, not an operator),
"1.23 \\times 10^{−5}", "\\infty"."""

from __future__ import annotations

from nnlab.gui.text import MINUS, format_number

_FROM_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789" + MINUS)


def tex(value: float, digits: int = 3) -> str:
    """``value`` to ``digits`` significant digits, in LaTeX (see the module docstring)."""
    text = format_number(value, digits)
    if text.endswith("∞"):
        return text.replace(MINUS, "{" + MINUS + "}").replace("∞", r"\infty")
    if " × 10" in text:
        mantissa, power = text.split(" × 10")
        text = rf"{mantissa} \times 10^{{{power.translate(_FROM_SUPERSCRIPT)}}}"
    if text.startswith(MINUS):
        text = "{" + MINUS + "}" + text[1:]
    return text


def factor(value: float, digits: int = 3) -> str:
    """``value`` as a factor of a product: a negative number in brackets."""
    return f"({tex(value, digits)})" if value < 0 else tex(value, digits)


def plus(value: float) -> str:
    """``value`` added: "+ 2", or "− 3" for a negative one."""
    return f"- {tex(-value)}" if value < 0 else f"+ {tex(value)}"
