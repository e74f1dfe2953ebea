"""Figures for slides and handouts: a view or a page of views as PNG, SVG or PDF, or on the
clipboard, laid out for a slide, with an optional caption.

:mod:`.render` lays a widget out and paints it into an image, a PDF or an SVG document;
:mod:`.captions` lays out the title and caption around it; :mod:`.svg` makes Qt's SVG output
render the same in other programs.
"""

from nnlab.gui.export.render import (
    DEFAULT_PNG_SCALE, EXPORT_FORMATS, FIGURE_MIN_WIDTH, SLIDE_ASPECT, ExportError,
    copy_to_clipboard, export_widget, widget_image,
)

__all__ = [
    "DEFAULT_PNG_SCALE", "EXPORT_FORMATS", "FIGURE_MIN_WIDTH", "SLIDE_ASPECT", "ExportError",
    "copy_to_clipboard", "export_widget", "widget_image",
]
