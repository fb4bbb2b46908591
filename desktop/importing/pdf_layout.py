"""pdfminer's layout of a page, in the same order every time the same file is read.

pdfminer orders a page's text boxes by grouping the two nearest boxes (or groups) first, and
breaks a tie between two equal distances by ``id()`` of the objects: their memory addresses,
which differ from run to run. A page of equal table cells or equal columns has such ties, and
its boxes came out in another order on another run: of the 49 PDFs of the peer corpus, 3
(a Hancom report, a committee's minutes, an HWPX form printed to PDF) read differently in two
runs, lines and table cells swapped. Here the tie goes to the box made first (a group comes
after every box, in the order the groups were made), and the rest is pdfminer's algorithm
(``LTLayoutContainer.group_textboxes``, pdfminer.six, MIT) unchanged.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import (
    LAParams,
    LTComponent,
    LTFigure,
    LTLayoutContainer,
    LTPage,
    LTTextBox,
    LTTextBoxVertical,
    LTTextGroup,
    LTTextGroupLRTB,
    LTTextGroupTBRL,
)
from pdfminer.pdfpage import PDFPage
from pdfminer.utils import Matrix, Plane, Rect, apply_matrix_rect, mult_matrix

_Element = LTTextBox | LTTextGroup


def _dist(obj1: LTComponent, obj2: LTComponent) -> float:
    """The area of the rectangle around both, less the areas of the two (may be negative)."""
    x0 = min(obj1.x0, obj2.x0)
    y0 = min(obj1.y0, obj2.y0)
    x1 = max(obj1.x1, obj2.x1)
    y1 = max(obj1.y1, obj2.y1)
    return (x1 - x0) * (y1 - y0) - obj1.width * obj1.height - obj2.width * obj2.height


def group_textboxes(bbox: Rect, boxes: Sequence[LTTextBox]) -> list[LTTextGroup]:
    """pdfminer's hierarchical grouping of ``boxes`` (the closest pair first), each pair's
    tie broken by the order the boxes and groups were made rather than by their addresses."""
    plane: Plane[_Element] = Plane(bbox)
    serial = {id(box): number for number, box in enumerate(boxes)}
    made = len(boxes)

    def isany(obj1: _Element, obj2: _Element) -> bool:
        """Whether any other box or group lies in the rectangle around the two."""
        x0 = min(obj1.x0, obj2.x0)
        y0 = min(obj1.y0, obj2.y0)
        x1 = max(obj1.x1, obj2.x1)
        y1 = max(obj1.y1, obj2.y1)
        return any(obj is not obj1 and obj is not obj2 for obj in plane.find((x0, y0, x1, y1)))

    # Every pair's distance as ``_dist`` computes it (the same operations in the same order),
    # from the corners and areas read once: a page of 300 boxes has 45,000 pairs.
    corners = [(box.x0, box.y0, box.x1, box.y1, box.width * box.height) for box in boxes]
    dists: list[tuple[bool, float, int, int, _Element, _Element]] = []
    for i, (ax0, ay0, ax1, ay1, area) in enumerate(corners):
        box1 = boxes[i]
        dists.extend(
            (
                False,
                (max(ax1, bx1) - min(ax0, bx0)) * (max(ay1, by1) - min(ay0, by0))
                - area
                - other_area,
                i,
                j,
                box1,
                boxes[j],
            )
            for j, (bx0, by0, bx1, by1, other_area) in enumerate(corners[i + 1 :], i + 1)
        )
    heapq.heapify(dists)
    plane.extend(boxes)
    done: set[int] = set()
    while dists:
        skip_isany, d, n1, n2, obj1, obj2 = heapq.heappop(dists)
        if n1 in done or n2 in done:
            continue  # one of the two is in a group already
        if not skip_isany and isany(obj1, obj2):
            heapq.heappush(dists, (True, d, n1, n2, obj1, obj2))
            continue
        group: LTTextGroup
        if isinstance(obj1, LTTextBoxVertical | LTTextGroupTBRL) or isinstance(
            obj2, LTTextBoxVertical | LTTextGroupTBRL
        ):
            group = LTTextGroupTBRL([obj1, obj2])
        else:
            group = LTTextGroupLRTB([obj1, obj2])
        plane.remove(obj1)
        plane.remove(obj2)
        done.update((n1, n2))
        number, made = made, made + 1
        serial[id(group)] = number
        for other in plane:
            heapq.heappush(
                dists, (False, _dist(group, other), number, serial[id(other)], group, other)
            )
        plane.add(group)
    # Only groups are left, or the one box of a page with one: pdfminer hands that on too.
    return list(plane)  # type: ignore[arg-type]


class _SameOrder(LTLayoutContainer):
    def group_textboxes(self, laparams: LAParams, boxes: Sequence[LTTextBox]) -> list[LTTextGroup]:
        return group_textboxes(self.bbox, boxes)


class _Page(_SameOrder, LTPage):
    pass


class _Figure(_SameOrder, LTFigure):
    pass


class Aggregator(PDFPageAggregator):
    """pdfminer's ``PDFPageAggregator`` with pages and form XObjects laid out by
    ``group_textboxes`` (the same order on every run)."""

    def begin_page(self, page: PDFPage, ctm: Matrix) -> None:
        (x0, y0, x1, y1) = apply_matrix_rect(ctm, page.mediabox)
        self.cur_item = _Page(self.pageno, (0, 0, abs(x0 - x1), abs(y0 - y1)))

    def begin_figure(self, name: str, bbox: Rect, matrix: Matrix) -> None:
        self._stack.append(self.cur_item)
        self.cur_item = _Figure(name, bbox, mult_matrix(matrix, self.ctm))
