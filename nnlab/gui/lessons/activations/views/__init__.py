"""The lesson's views: the curves and their slopes, the depth bound, XOR's straight cut, the
measured times, and the words and formulas beside each."""
