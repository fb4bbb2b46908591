"""From blocks to the lines the splitter reads, seeing the form layouts a flat text would hide.

Most of a document is paragraphs, one line each, which the splitter reads as they are. Forms put
questions and answers in tables, where the place of a cell says what it is:

- a row whose two cells pair a question ("지원 동기 (500자)", "성장과정") with its answer;
- a paragraph that asks, with its answer in a box (a one-column table) right below it, and the
  same inside a one-column table: a row that asks above the row that answers;
- a row of labels and values ("성 명 | 김하늘 | 지원 직무 | 물류 기획"), whose company, role and
  name fill in the application;
- a form of two columns, a short label beside each value ("연구목적 | 본 연구는 …", "연구기간 |
  2024.03.01 ~ 2025.02.28"): a value of more than one line or of ``MIN_ANSWER`` characters
  answers its label, taken as a question; a shorter one is a detail, "label: value". A table
  whose right column holds only labels too ("이름 | 학교" over "김하늘 | 서울대") is a list,
  and stays text.

A question found this way is written as a "## " heading when the splitter would not read it as
a question by itself (the import dialog shows every question so anyway); a detail as
"label: value". Everything else keeps its text and order. Only a label that reads as a question
(``reads_as_question``) is taken for one, so a two-column table of dates and activities stays
text.
"""

from __future__ import annotations

from typing import Final

from desktop.importing.blocks import Block, Cell, Paragraph, Table
from desktop.importing.split import detail_field, is_question_line, reads_as_question

MAX_DETAIL_VALUE: Final = 100
MAX_LABEL: Final = 12  # characters, spaces aside: "연구비지원기관", "학과/학부"
MIN_ANSWER: Final = 40  # characters: a value this long answers its label
_SENTENCE_END: Final = (".", "?", "!", "다", "요", "오")


def layout_text(blocks: list[Block]) -> str:
    return "\n".join(_lines(blocks))


def _one_line(text: str) -> str:
    return " ".join(part.strip() for part in text.split("\n") if part.strip())


def _question_line(label: str) -> str:
    line = _one_line(label)
    return line if is_question_line(line) else f"## {line}"


def _filled(row: list[Cell]) -> list[Cell]:
    return [cell for cell in row if cell.text().strip()]


def _label(cell: Cell) -> str | None:
    """The cell's text on one line when it is only paragraphs and reads as a question."""
    if not all(isinstance(block, Paragraph) for block in cell.blocks):
        return None
    line = _one_line(cell.text())
    return line if reads_as_question(line) else None


def _field_label(cell: Cell) -> str | None:
    """The cell's text when it reads as a form's label: one short line of words, no digits,
    not a sentence ("연구목적", "성 명", "지원 분야:")."""
    if not all(isinstance(block, Paragraph) for block in cell.blocks):
        return None
    line = _one_line(cell.text()).rstrip(":：").strip()
    compact = "".join(line.split())
    if not 0 < len(compact) <= MAX_LABEL or any(char.isdigit() for char in compact):
        return None
    if compact.endswith(_SENTENCE_END) or not any(char.isalpha() for char in compact):
        return None
    return line


def _is_answer(cell: Cell) -> bool:
    text = cell.text().strip()
    return "\n" in text or len(text) >= MIN_ANSWER


def _is_label_value(rows: list[list[Cell]]) -> bool:
    """A table of two columns whose left cells are labels and whose right ones are not all."""
    pairs = [cells for cells in rows if cells]
    if not pairs or any(len(cells) != 2 or _field_label(cells[0]) is None for cells in pairs):
        return False
    return any(_field_label(cells[1]) is None for cells in pairs)


def _label_value_lines(label: str, value: Cell) -> list[str]:
    if _is_answer(value) and detail_field(label) is None:
        return [_question_line(label), *_lines(value.blocks)]
    return [f"{label}: {_one_line(value.text())}"]


def _short_text(cell: Cell) -> str | None:
    """The cell's text when it is one short line (a label or a value in a details row)."""
    text = cell.text().strip()
    if "\n" in text or len(text) > MAX_DETAIL_VALUE:
        return None
    return text


def _is_answer_box(table: Table) -> bool:
    """A one-column table with text and no question in it."""
    cells = [cell for row in table.rows for cell in _filled(row)]
    if not cells or any(len(_filled(row)) > 1 for row in table.rows):
        return False
    return not any(is_question_line(line) for cell in cells for line in cell.text().split("\n"))


def _asks_above_box(blocks: list[Block], index: int) -> bool:
    block = blocks[index]
    if not isinstance(block, Paragraph) or not reads_as_question(_one_line(block.text)):
        return False
    for below in blocks[index + 1 :]:
        if isinstance(below, Table):
            return _is_answer_box(below)
        if below.text.strip():
            return False
    return False


def _lines(blocks: list[Block]) -> list[str]:
    lines: list[str] = []
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            lines += _table_lines(block)
        elif _asks_above_box(blocks, index):
            lines.append(_question_line(block.text))
        else:
            lines.append(block.text)
    return lines


def _table_lines(table: Table) -> list[str]:
    rows = [_filled(row) for row in table.rows]
    lines: list[str] = []
    if _is_label_value(rows):
        for cells in rows:
            if cells:
                question = _label(cells[0])
                label = question if question is not None else _field_label(cells[0])
                lines += _label_value_lines(label or "", cells[1])
        return lines
    for index, cells in enumerate(rows):
        below = rows[index + 1] if index + 1 < len(rows) else []
        if len(cells) == 1:
            label = _label(cells[0])
            answers = len(below) == 1 and not reads_as_question(_one_line(below[0].text()))
            if label is not None and answers and detail_field(label) is None:
                lines.append(_question_line(label))
            else:
                lines += _lines(cells[0].blocks)
        elif cells:
            heads = table.rows[index + 1] if index == 0 and len(rows) > 1 else None
            lines += _row_lines(table.rows[index], cells, heads)
    return lines


def _heads_a_column(index: int, below: list[Cell] | None) -> bool:
    """True when the label at ``index`` of a table's first row heads a column of values
    ("이름" over a list of names) rather than labelling the cell beside it."""
    if below is None or index >= len(below):
        return False
    text = below[index].text().strip()
    return bool(text) and detail_field(text) is None


def _row_lines(row: list[Cell], filled: list[Cell], below: list[Cell] | None) -> list[str]:
    if len(filled) == 2:
        label = _label(filled[0])
        if label is not None and detail_field(label) is None:
            return [_question_line(label), *_lines(filled[1].blocks)]
    # A detail's value is the cell right of its label, so empty cells count here.
    lines: list[str] = []
    index = 0
    while index < len(row):
        label = _short_text(row[index])
        value = _short_text(row[index + 1]) if index + 1 < len(row) else None
        if (
            label
            and value
            and detail_field(label) is not None
            and not _heads_a_column(index, below)
        ):
            lines.append(f"{label.rstrip(':：').rstrip()}: {value}")
            index += 2
            continue
        if label != "":
            lines += _lines(row[index].blocks)
        index += 1
    return lines
