"""How the main window shares its width: the applications list, the editor, the writing help.

The editor gets the room; the list and the writing-help panel get sensible widths that their
content cannot grow (a long English review used to widen the panel until the answer was clipped
and the Delete button went off screen).
"""

from __future__ import annotations

from typing import Final

LIST_MIN: Final = 190
LIST_MAX: Final = 300
HELP_MIN: Final = 300
HELP_MAX: Final = 460


def list_width(window_width: int) -> int:
    """About a fifth of the window, within LIST_MIN..LIST_MAX."""
    return max(LIST_MIN, min(LIST_MAX, round(window_width * 0.19)))


def help_width(window_width: int) -> int:
    """About 27 % of the window, within HELP_MIN..HELP_MAX."""
    return max(HELP_MIN, min(HELP_MAX, round(window_width * 0.27)))
