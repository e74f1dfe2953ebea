"""The lesson's notation, written once for all its views: a symbol reads the same in the
sigmoid's labels, the breakdown's table and the curves' legends.

Formulas are not translated: σ′(z) and ∂C/∂w are the same in every language of the course.
"""

PRIME = "\u2032"
SIGMA_PRIME = "σ" + PRIME + "(z)"
DC_DW = "∂C/∂w"
DC_DB = "∂C/∂b"
