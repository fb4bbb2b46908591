"""Files written whole or not at all (reports, essays, training data, recovery files)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.atomic import write_atomically, write_bytes_atomically, write_text_atomically


def test_a_failed_write_keeps_the_old_file_and_leaves_no_partial(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    write_text_atomically(target, "첫 판\n")

    def fail(partial: Path) -> None:
        partial.write_text("반쯤", encoding="utf-8")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        write_atomically(target, fail)
    assert target.read_text(encoding="utf-8") == "첫 판\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_text_is_utf8_with_unix_line_ends_and_bytes_are_kept(tmp_path: Path) -> None:
    write_text_atomically(tmp_path / "a.txt", "한 줄\n두 줄\n")
    assert (tmp_path / "a.txt").read_bytes() == "한 줄\n두 줄\n".encode()
    write_bytes_atomically(tmp_path / "b.bin", b"\x00\xff")
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\xff"
