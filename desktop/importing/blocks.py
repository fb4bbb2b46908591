"""What a reader hands on: the document's body as paragraphs and tables, in document order.

A reader keeps each piece of text once, where the document has it; the layout step
(``layout.py``) then turns the blocks into the lines the splitter reads, knowing the form layouts
that a flat text would hide (a question cell beside its answer cell).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

# Told how far a reader is: parts read (pages, sections) of all of them.
Progress = Callable[[int, int], None]


def no_progress(done: int, total: int) -> None:
    """A reader's progress where nobody watches it."""


# Text a reader leaves out on purpose, for the preview to list as not imported: its kind
# ("header", "footer", "note", "comment", "page": a PDF's running title or page number) and text.
LeftOut = list[tuple[str, str]]


@dataclass
class Paragraph:
    text: str  # may hold "\n" (a line break inside the paragraph) and "\t"


@dataclass
class Cell:
    blocks: list[Block] = field(default_factory=list)

    def text(self) -> str:
        return plain_text(self.blocks)


@dataclass
class Table:
    rows: list[list[Cell]] = field(default_factory=list)


Block = Paragraph | Table


def plain_text(blocks: list[Block]) -> str:
    """Every paragraph on its own line, tables row by row and cell by cell."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            lines.append(block.text)
        else:
            lines.extend(cell.text() for row in block.rows for cell in row)
    return "\n".join(lines)
