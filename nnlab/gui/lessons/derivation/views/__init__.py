"""The derivation's views: the step's words and formulas, and the step's plot."""
