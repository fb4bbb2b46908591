"""A page's text boxes are ordered as pdfminer orders them, but a tie between equal distances
goes to the box made first, not to the one at the lower memory address."""

from __future__ import annotations

from pdfminer.layout import LAParams, LTPage, LTTextBox, LTTextBoxHorizontal, LTTextGroup

from desktop.importing.pdf_layout import group_textboxes

PAGE = (0.0, 0.0, 600.0, 800.0)


def _box(x0: float, y0: float, x1: float, y1: float) -> LTTextBoxHorizontal:
    box = LTTextBoxHorizontal()
    box.set_bbox((x0, y0, x1, y1))
    return box


def _shape(item: LTTextBox | LTTextGroup, names: dict[int, str]) -> object:
    """The grouping as nested sets of the boxes' names (a group is ordered later, by place)."""
    if isinstance(item, LTTextGroup):
        return frozenset(_shape(child, names) for child in item)
    return names[id(item)]


def test_equal_distances_go_to_the_boxes_made_first() -> None:
    # Four equal cells of a table: each cell is as near its row neighbour as its column one.
    a, b = _box(100, 500, 120, 520), _box(130, 500, 150, 520)
    c, d = _box(100, 470, 120, 490), _box(130, 470, 150, 490)
    names = {id(a): "a", id(b): "b", id(c): "c", id(d): "d"}
    (by_rows,) = group_textboxes(PAGE, [a, b, c, d])
    assert _shape(by_rows, names) == {frozenset("ab"), frozenset("cd")}
    (by_columns,) = group_textboxes(PAGE, [a, c, b, d])
    assert _shape(by_columns, names) == {frozenset("ac"), frozenset("bd")}


def test_without_ties_the_grouping_is_pdfminers() -> None:
    boxes = [
        _box(72, 700, 400, 720),
        _box(72, 640, 380, 690),
        _box(420, 600, 540, 720),
        _box(72, 500, 300, 560),
        _box(310, 480, 540, 590),
        _box(90, 100, 500, 130),
    ]
    names = {id(box): str(number) for number, box in enumerate(boxes)}
    (ours,) = group_textboxes(PAGE, boxes)
    (theirs,) = LTPage(1, PAGE).group_textboxes(LAParams(), boxes)
    assert _shape(ours, names) == _shape(theirs, names)


def test_a_page_with_one_box_hands_on_the_box() -> None:
    box = _box(72, 700, 400, 720)
    assert [id(item) for item in group_textboxes(PAGE, [box])] == [id(box)]
