"""The lesson's views: the network diagram, the step's words and formulas, and the plot of the
three descent methods."""
