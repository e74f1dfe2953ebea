"""The course window, its lessons, and what they share: pages, widgets, plot views, figure
export, themes and translated text.

Imports ``nnlab.app`` and ``nnlab.core``, never the reverse.
"""
