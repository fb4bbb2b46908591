"""From blocks to the lines the splitter reads, seeing the form layouts a flat text would hide.

Most of a document is paragraphs, one line each, which the splitter reads as they are. Forms put
questions and answers in tables, where the place of a cell says what it is:

- a row whose two cells pair a question ("지원 동기 (500자)", "성장과정") with its answer;
- a paragraph that asks, with its answer in a box (a one-column table) right below it, and the
  same inside a one-column table: a row that asks above the row that answers;
- a row of labels and values ("성 명 | 김하늘 | 지원 직무 | 물류 기획"), whose company, role and
  name fill in the application.

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
