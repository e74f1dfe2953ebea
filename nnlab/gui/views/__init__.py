"""View code every lesson shares.

A view is a QWidget that draws one frame (:mod:`nnlab.app.frames`): it has
``update_frame(frame)``, ``apply_theme(theme)``, ``export_widget()``, a translated ``title``
and a ``slug`` for file names. Views keep their pyqtgraph items for their whole life and
update them in place; they never talk to the session or the training process.
:mod:`.base` holds the plot widget, pens, fonts, axes and legends; :mod:`.epoch_plot` a plot
of values against epochs. A lesson's own views live in its package; code here never imports
a lesson.
"""
