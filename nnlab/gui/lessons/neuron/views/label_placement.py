"""Where the sigmoid view's labels go, so that no text covers other text or a marker and as
little text as can be lies over the curves.

Plain geometry: the view measures its items and hands over points, sizes and boxes, and gets
boxes back. Everything is in scene pixels (text keeps its size whatever the axes' scale), a
box is (left, top, right, bottom) with y pointing down, as in Qt's scene.
"""

from __future__ import annotations

import math
from typing import NamedTuple, Sequence

import numpy as np

Box = tuple[float, float, float, float]
Point = tuple[float, float]
Size = tuple[float, float]

TEXT_CLASH = 4.0         # a pixel of text over text (or off the plot) against one over a line
LABEL_INSET = 2.0        # pixels between a saturation label and its region's or plot's edge
HIDDEN_MARKER_SHARE = 0.25  # a legend over this share of a marker's box hides the marker
ADJACENT_OFFSETS = 2.0   # a label within this many marker offsets of its point is next to it
NEAR_SEARCH_SIZES = 2.0  # a label's free place is first sought this many sizes around its point
NEAREST_PLACES_FIRST = 32  # the free places nearest to a point whose lines are weighed first
# where the target line's label may sit, as fractions of the visible line, best first
TARGET_LABEL_POSITIONS = (0.5, 0.38, 0.62, 0.26, 0.74, 0.14, 0.86)
# how a saturation label may be laid out, best first: (which of the texts, angle): the whole
# text level, the whole text reading upwards, the short text level, the short one upwards
SATURATION_LAYOUTS = ((0, 0), (0, 90), (1, 0), (1, 90))

# (dx, dy, stack, anchor x, anchor y): the label's anchor goes to point + offset·(dx, dy),
# moved down (stack > 0) or up (stack < 0) by whole label heights. Above-left and
# below-right of a point on the rising curve are free of the curve and of the tangent.
LABEL_CANDIDATES = (
    (1, 1, 0, 0, 0),     # below right
    (-1, -1, 0, 1, 1),   # above left
    (1, 1, 1, 0, 0),     # below right, one row further down
    (-1, -1, -1, 1, 1),  # above left, one row further up
    (1, -1, 0, 0, 1),    # above right
    (-1, 1, 0, 1, 0),    # below left
    (1, 1, 2, 0, 0),
    (-1, -1, -2, 1, 1),
)
START_CANDIDATES = (
    (0, 1, 0, 0.5, 0),   # centred below: a saturated start sits at the top of the axis
    (0, -1, 0, 0.5, 1),  # centred above
    (1, 1, 0, 0, 0),
    (-1, -1, 0, 1, 1),
    (1, -1, 0, 0, 1),
    (-1, 1, 0, 1, 0),
    (0, 1, 1, 0.5, 0),
)


class TargetLabel(NamedTuple):
    """The target line's label as it is: its box, whether it sits above the line, and its
    position along the line (a share of the visible line)."""

    box: Box
    above: bool
    position: float


class SaturationRegion(NamedTuple):
    """A shaded region's left and right edge, and the size of each of its label's texts
    (the whole one first, then the short one), unturned."""

    left: float
    right: float
    text_sizes: Sequence[Size]


class LabelScene(NamedTuple):
    """What the labels must fit around, in scene pixels."""

    view: Box                      # the plot
    slope_points: Sequence[Point]  # the operating points, one σ′ label each
    slope_sizes: Sequence[Size]
    start_points: Sequence[Point]  # the start markers, one label each ("start", "start 2")
    start_sizes: Sequence[Size]
    offset: float                  # from a point to its label
    marker_half: float             # half the side of a marker's box
    line_xs: np.ndarray            # points along the curve and the tangents
    line_ys: np.ndarray
    line_half: float               # half the side of the box around each of those points
    target_y: float                # the target line, straight across the plot
    legend_size: Size | None       # None: no legend on show
    legend_margin: float
    target: TargetLabel
    regions: Sequence[SaturationRegion]
    preferred_y: float             # where a saturation label is best centred


class LabelLayout(NamedTuple):
    """Where everything goes: the legend's corner (None: no legend), a box per σ′ label in
    the order of the points, a box per start label in the order of the starts, the target
    label's (above, position, box) and each saturation label's (text, angle, box); None for
    a label with no room."""

    legend_corner: tuple[int, int] | None
    slope_boxes: list[np.ndarray]
    start_boxes: list[np.ndarray]
    target: tuple[bool, float, np.ndarray] | None
    saturation: list[tuple[int, int, np.ndarray] | None]


def lay_out_labels(scene: LabelScene) -> LabelLayout:
    """First the legend, in the free corner; then the σ′ labels and the start labels, each in
    the first of a few places around its point that overlaps nothing and lies inside the
    plot, or else in the place nearby that costs least; then the target line's label, slid
    along the line to a free place (or hidden); last the saturation labels, each inside its
    shaded region where no text is, shortened or hidden where the region has no room."""
    view, offset = scene.view, scene.offset
    half = scene.marker_half
    boxes = [(x - half, y - half, x + half, y + half)
             for x, y in [*scene.slope_points, *scene.start_points]]
    xs, ys, line_half = scene.line_xs, scene.line_ys, scene.line_half
    line_boxes = np.column_stack([xs - line_half, ys - line_half,
                                  xs + line_half, ys + line_half])
    # the target line is straight: one long thin box, the last
    line_boxes = np.vstack([line_boxes, [view[0], scene.target_y - line_half,
                                         view[2], scene.target_y + line_half]])
    corner = None
    if scene.legend_size is not None:
        corner, legend_box = legend_place(view, scene.legend_size, scene.legend_margin,
                                          np.array(boxes, dtype=float), line_boxes)
        boxes.append(legend_box)
    text_boxes = np.array(boxes, dtype=float).reshape(-1, 4)
    # text over a line stays readable, text over text does not: the weights say so
    obstacles = np.vstack([text_boxes, line_boxes])
    weights = np.concatenate([np.full(len(text_boxes), TEXT_CLASH), np.ones(len(line_boxes))])

    # the σ′ values first: they are the lesson; the short start label fits in afterwards.
    # Placed one after the other, the first label may take the only free place near the
    # second's point: both orders are tried, the one whose labels sit closer wins.
    indices = list(range(len(scene.slope_points)))
    orders = [indices] + ([indices[::-1]] if len(indices) > 1 else [])
    best_plan, best_total = [], math.inf
    for order in orders:
        plan, total, all_adjacent = [], 0.0, True
        order_obstacles, order_weights = obstacles, weights
        for index in order:
            box, cost, adjacent = best_label_box(
                scene.slope_points[index], scene.slope_sizes[index], offset, LABEL_CANDIDATES,
                view, order_obstacles, order_weights)
            plan.append((index, box))
            total += cost
            all_adjacent = all_adjacent and adjacent
            order_obstacles = np.vstack([order_obstacles, box])
            order_weights = np.append(order_weights, TEXT_CLASH)
        if total < best_total:
            best_plan, best_total = plan, total
        if all_adjacent:
            break  # every label right next to its point, over nothing
    # the start labels one after the other, each clear of the labels placed before it
    placed = [box for _, box in best_plan]
    start_boxes = []
    for point, size in zip(scene.start_points, scene.start_sizes):
        box, _, _ = best_label_box(
            point, size, offset, START_CANDIDATES, view, np.vstack([obstacles] + placed),
            np.append(weights, [TEXT_CLASH] * len(placed)))
        start_boxes.append(box)
        placed.append(box)
    slope_boxes = [None] * len(indices)
    for index, box in best_plan:
        slope_boxes[index] = box
        text_boxes = np.vstack([text_boxes, box])
    if start_boxes:
        text_boxes = np.vstack([text_boxes, *start_boxes])
    # the target line's own box (the last) is no obstacle to its label
    target = target_label_place(view, scene.target, text_boxes, line_boxes[:-1])
    if target is not None:
        text_boxes = np.vstack([text_boxes, target[2]])

    saturation = []
    for region in scene.regions:
        placed = saturation_label_place(region, view, scene.preferred_y, text_boxes,
                                        line_boxes)
        if placed is not None:
            text_boxes = np.vstack([text_boxes, placed[2]])
        saturation.append(placed)
    return LabelLayout(corner, slope_boxes, start_boxes, target, saturation)


def same_scene(first: LabelScene, second: LabelScene) -> bool:
    """Whether two scenes are the same in every number (so their layouts are the same)."""
    return all(np.array_equal(a, b) if isinstance(a, np.ndarray) else a == b
               for a, b in zip(first, second))


def legend_place(view: Box, size: Size, margin: float, markers: np.ndarray,
                 line_boxes: np.ndarray) -> tuple[tuple[int, int], Box]:
    """The legend's corner, bottom right (1, 1) or top left (0, 0) when fewer of the points
    and tangents lie there (the rising curve leaves both corners free, the points may not),
    and its box there. A corner where the legend would hide fewer markers (a quarter of a
    marker's box or more) wins whatever lines lie there: the long legend of several starts
    must not hide a start."""
    width, height = size
    corners = {
        (1, 1): (view[2] - margin - width, view[3] - margin - height),
        (0, 0): (view[0] + margin, view[1] + margin),
    }
    scores = {}
    for corner, (left, top) in corners.items():
        box = np.array([left, top, left + width, top + height])
        hidden = overlaps(box, markers) if len(markers) else np.zeros(0)
        areas = ((markers[:, 2] - markers[:, 0]) * (markers[:, 3] - markers[:, 1])
                 if len(markers) else np.zeros(0))
        scores[corner] = (int(np.count_nonzero((hidden > 0)
                                               & (hidden >= HIDDEN_MARKER_SHARE * areas))),
                          TEXT_CLASH * float(hidden.sum())
                          + float(overlaps(box, line_boxes).sum()))
    corner = (0, 0) if scores[(0, 0)] < scores[(1, 1)] else (1, 1)
    left, top = corners[corner]
    return corner, (left, top, left + width, top + height)


def target_label_place(view: Box, label: TargetLabel, avoid: np.ndarray,
                       lines: np.ndarray | None = None) -> tuple[bool, float, np.ndarray] | None:
    """The target line's label slid along the line, above it or below it, to the first
    place inside the plot clear of ``avoid`` (markers, legend, labels) and, where there is
    such a place, clear of ``lines`` (the curve and the tangents: on the sigmoid's flat
    tail, above the line is on the curve): (above, position, box), or None for no place
    (the label is hidden, the dashed line stays)."""
    # the label spans the visible line: a position further along moves it that share of
    # the plot's width; below the line it moves down by its own height
    here = np.array(label.box)
    height = here[3] - here[1]
    above = here - (0 if label.above else np.array([0, height, 0, height]))
    shifts = (np.array(TARGET_LABEL_POSITIONS) - label.position) * (view[2] - view[0])
    along = np.column_stack([shifts, np.zeros_like(shifts)] * 2)
    boxes = np.vstack([above + along, above + np.array([0, height, 0, height]) + along])
    sides = [True] * len(shifts) + [False] * len(shifts)
    positions = list(TARGET_LABEL_POSITIONS) * 2
    area = (here[2] - here[0]) * height
    usable = overlap_areas(boxes, np.array([view]))[:, 0] >= area - 1.0
    if len(avoid):
        usable = usable & (overlap_areas(boxes, avoid).sum(axis=1) == 0)
    if not usable.any():
        return None
    if lines is not None and len(lines):
        clear = usable & (overlap_areas(boxes, lines).sum(axis=1) == 0)
        if clear.any():
            usable = clear
    first = int(np.argmax(usable))
    return sides[first], positions[first], boxes[first]


def saturation_label_place(region: SaturationRegion, view: Box, preferred_y: float,
                           text_boxes: np.ndarray, line_boxes: np.ndarray
                           ) -> tuple[int, int, np.ndarray] | None:
    """A saturation label inside its shaded region, over no text and inside the plot, as
    near ``preferred_y`` as it can and preferably off the curve: the whole text, else the
    whole text turned to read upwards (a narrow region is tall), else the short one, level
    or upwards. Returns (which text, angle, box), or None: no room."""
    left_edge = max(region.left, view[0]) + LABEL_INSET
    right_edge = min(region.right, view[2]) - LABEL_INSET
    for text, angle in SATURATION_LAYOUTS:
        width, height = region.text_sizes[text]
        if angle:
            width, height = height, width
        if width > right_edge - left_edge:
            continue
        x0 = (left_edge + right_edge - width) / 2
        top_min, top_max = view[1] + LABEL_INSET, view[3] - LABEL_INSET - height
        if top_max < top_min:
            continue
        step = max(2.0, min(width, height) / 6)
        tops = np.arange(top_min, top_max + 0.5 * step, step)
        tops = tops[np.argsort(np.abs(tops + height / 2 - preferred_y), kind="stable")]
        chosen, least = None, math.inf
        for top in tops:
            box = np.array([x0, top, x0 + width, top + height])
            if len(text_boxes) and overlaps(box, text_boxes).sum() > 0:
                continue
            over_line = float(overlaps(box, line_boxes).sum())
            if over_line < least:
                chosen, least = box, over_line
            if over_line == 0:
                break
        if chosen is not None:
            return text, angle, chosen
    return None


def best_label_box(point: Point, size: Size, offset: float, candidates, view: Box,
                   obstacles: np.ndarray, weights: np.ndarray
                   ) -> tuple[np.ndarray, float, bool]:
    """Where a label of ``size`` goes: the first of the ``candidates`` places next to
    ``point`` that overlaps nothing and lies inside the plot; without one, the place
    anywhere in the plot that costs least (text over text or off the plot, line under text
    and the distance from the point). Returns the box, its cost and whether it is one of
    the free places next to the point."""
    width, height = size
    places = []
    for dx, dy, stack, ax, ay in candidates:
        left = point[0] + dx * offset - ax * width
        top = point[1] + dy * offset + stack * (height + 2) - ay * height
        # each place as it is, and slid inside the plot if it sticks out
        places.append((left, top))
        places.append((min(max(left, view[0] + 2), view[2] - 2 - width),
                       min(max(top, view[1] + 2), view[3] - 2 - height)))
    places = np.array(places)
    boxes = np.column_stack([places, places + (width, height)])
    # overlap in square pixels: with nothing free, the least bad place wins
    outside = width * height - overlap_areas(boxes, np.array([view]))[:, 0]
    clash = TEXT_CLASH * outside + overlap_areas(boxes, obstacles) @ weights
    distance = distance_cost(point, boxes, height)
    free = (clash == 0) & (distance <= _distance_cost_of(ADJACENT_OFFSETS * offset, height))
    if free.any():
        first = int(np.argmax(free))  # the candidates are in order of preference
        return boxes[first], float(distance[first]), True
    best = int(np.argmin(clash + distance))
    chosen, least = boxes[best], float(clash[best] + distance[best])
    nearest, cost = nearest_free_box(point, size, view, obstacles, weights)
    if nearest is not None and cost < least:
        return nearest, cost, False
    return chosen, least, False


def distance_cost(point: Point, boxes: np.ndarray, height: float) -> np.ndarray:
    """What each box's distance from its label's point costs, in square pixels of line
    under the label: a label height further away is worth half a label height's square."""
    x, y = point
    dx = np.maximum(np.maximum(boxes[:, 0] - x, x - boxes[:, 2]), 0.0)
    dy = np.maximum(np.maximum(boxes[:, 1] - y, y - boxes[:, 3]), 0.0)
    return _distance_cost_of(np.hypot(dx, dy), height)


def _distance_cost_of(distance, height: float):
    return distance * height / 2


def nearest_free_box(point: Point, size: Size, view: Box, obstacles: np.ndarray,
                     weights: np.ndarray) -> tuple[np.ndarray | None, float]:
    """The place inside the plot, over no text, that is nearest to the point and over as
    little line as can be; with its cost (line under it and distance). (None, inf): none.

    The places near the point are searched first (a few label sizes around it), the whole
    plot only when none of them is free: a search of the whole plot costs milliseconds.
    """
    width, height = size
    reach = NEAR_SEARCH_SIZES * (width + height)
    near = (max(view[0], point[0] - reach - width), max(view[1], point[1] - reach - height),
            min(view[2], point[0] + reach + width), min(view[3], point[1] + reach + height))
    for area in (near, view):
        box, score = _best_free_box_in(point, size, area, obstacles, weights)
        if box is not None:
            return box, score
    return None, math.inf


def _best_free_box_in(point: Point, size: Size, area: Box, obstacles: np.ndarray,
                      weights: np.ndarray) -> tuple[np.ndarray | None, float]:
    width, height = size
    step = max(4.0, height / 2)
    xs = np.arange(area[0] + 2, area[2] - 2 - width + 0.5, step)
    ys = np.arange(area[1] + 2, area[3] - 2 - height + 0.5, step)
    if not len(xs) or not len(ys):
        return None, math.inf
    left, top = (grid.ravel() for grid in np.meshgrid(xs, ys))
    boxes = np.column_stack([left, top, left + width, top + height])
    text = weights >= TEXT_CLASH
    # the places over no text (a few boxes to check), and of those only the ones that can
    # win are checked against the hundreds of little boxes along the lines: the line under
    # a place adds to its distance's cost, so a place further away than the best of the
    # nearest few costs more than that one whatever lies under it
    free = np.flatnonzero(overlap_areas(boxes, obstacles[text]).sum(axis=1) == 0)
    if not len(free):
        return None, math.inf
    boxes = boxes[free]
    distance = distance_cost(point, boxes, height)
    lines = obstacles[~text]

    def scores(rows: np.ndarray) -> np.ndarray:
        return overlap_areas(boxes[rows], lines).sum(axis=1) + distance[rows]

    nearest = np.argsort(distance, kind="stable")[:NEAREST_PLACES_FIRST]
    contenders = np.flatnonzero(distance <= scores(nearest).min())
    score = scores(contenders)
    best = int(np.argmin(score))  # the first of equals, as among all the places
    return boxes[contenders[best]], float(score[best])


def overlap_areas(boxes: np.ndarray, others: np.ndarray) -> np.ndarray:
    """The overlap area of each row of ``boxes`` with each row of ``others``: an array of
    shape (len(boxes), len(others))."""
    width = (np.minimum(boxes[:, None, 2], others[None, :, 2])
             - np.maximum(boxes[:, None, 0], others[None, :, 0]))
    height = (np.minimum(boxes[:, None, 3], others[None, :, 3])
              - np.maximum(boxes[:, None, 1], others[None, :, 1]))
    return np.maximum(width, 0.0) * np.maximum(height, 0.0)


def overlaps(box: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """The overlap area of ``box`` with each row of ``boxes``."""
    width = np.minimum(box[2], boxes[:, 2]) - np.maximum(box[0], boxes[:, 0])
    height = np.minimum(box[3], boxes[:, 3]) - np.maximum(box[1], boxes[:, 1])
    return np.clip(width, 0.0, None) * np.clip(height, 0.0, None)
