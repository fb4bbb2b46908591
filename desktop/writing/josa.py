"""Korean particles (조사) and copula endings that depend on how the preceding word ends.

``FORMS`` lists each alternation once: the form after a final consonant, the form after a vowel,
what may follow it in the same word, and whether the form with 이 is also right after a vowel
(the copula's 이 may drop: 친구이다 and 친구다 are both right; 친구이랑 is not). How a word ends
is ``reading.read``; where that is uncertain, nothing is changed or flagged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import regex

from desktop.writing.reading import RIEUL, Reading, read

ANY: Final = None  # any Hangul may follow (a copula stem: 이었다, 이었고, 이었기에)


@dataclass(frozen=True)
class Form:
    consonant: str
    vowel: str
    follows: tuple[str, ...] | None = ("",)  # what may come after it in the word ("" = nothing)
    keeps_i: bool = False  # the consonant form is right after a vowel too
    rieul_takes_vowel_form: bool = False  # 으로: after ㄹ it is 로
    prefers_i: bool = False  # after a vowel the form with 이 is the written standard (이기에)

    def right_for(self, reading: Reading) -> str:
        """The canonical form after a word with ``reading``."""
        if self.prefers_i:
            return self.consonant
        if reading.vowel or (self.rieul_takes_vowel_form and reading.final == RIEUL):
            return self.vowel
        return self.consonant

    def accepts(self, reading: Reading, written: str) -> bool:
        """Whether ``written`` (one of the two forms) is right after a word with ``reading``."""
        if written == self.right_for(reading):
            return True
        if reading.vowel and (self.keeps_i or self.prefers_i):
            return written in (self.consonant, self.vowel)
        return False


_AND_MORE: Final = ("", "의", "는", "도", "만", "은")
_RO_MORE: Final = ("", "서", "써", "부터", "는", "도", "의", "만", "서의", "써의", "부터의", "서는")
_RA_MORE: Final = ("", "는", "고", "면", "서", "도", "며", "니까", "는데", "기에", "도록")
_COPULA_KEEPS: Final = (
    "이고", "이지만", "이면", "이니까", "이므로", "이기에", "이던", "이죠", "이네요", "이어도",
    "이기", "이기도", "이고요", "이에게",
)  # fmt: skip

FORMS: Final = (
    Form("이", "가"),
    Form("은", "는"),
    Form("을", "를"),
    Form("과", "와", _AND_MORE),
    Form("으로", "로", _RO_MORE, rieul_takes_vowel_form=True),
    Form("이랑", "랑", _AND_MORE),
    Form("이나", "나", ("", "마", "마도")),
    Form("이며", "며", keeps_i=True),
    Form("이란", "란", keeps_i=True),
    Form("이라", "라", _RA_MORE),
    Form("이든", "든", ("", "지", "가")),
    Form("이여", "여"),
    Form("이야", "야", ("", "말로")),
    Form("아", "야"),
    Form("이다", "다", keeps_i=True),
    Form("이었", "였", ANY),
    Form("이에요", "예요", ("", "요")),
    Form("이어서", "여서"),
    Form("이자", "이자"),  # 친구이자 동료: never 친구자
    *(Form(ending, ending[1:], prefers_i=True) for ending in _COPULA_KEEPS),
)
# Forms a KO.JOSA flag may rest on: a wrong one of these is unmistakable. Left out: forms that
# are also words or other endings after a name (고 high school, 면 township, 나 I, 야 hey).
CHECKED: Final = frozenset(
    {"이", "가", "은", "는", "을", "를", "과", "와", "으로", "로", "이랑", "랑", "다", "였", "예요",
     "라", "이라", "란", "든"}
)  # fmt: skip


def _lookup() -> dict[str, Form]:
    table: dict[str, Form] = {}
    for form in FORMS:
        table.setdefault(form.consonant, form)
    for form in FORMS:
        table.setdefault(form.vowel, form)
    # "야" after a vowel is 이야's form ("너야말로", "친구야") before it is the vocative's.
    table["야"] = next(f for f in FORMS if f.consonant == "이야")
    return table


_BY_WRITTEN: Final = _lookup()
_WRITTEN_LONGEST: Final = sorted(_BY_WRITTEN, key=len, reverse=True)
_HANGUL: Final = regex.compile(r"[가-힣]*")
# Between a name and its particle: closing quotes or brackets, or a gloss ("삼성(Samsung)은").
_CLOSING: Final = regex.compile(r"(?:[\"'”’」』》〉\]]|\([^()\n]{1,20}\))*")


def after_closers(text: str, at: int) -> int:
    """The offset past any closing quotes, brackets or bracketed gloss at ``at``."""
    match = _CLOSING.match(text, at)
    return match.end() if match else at


# What may follow a name whatever its last sound: particles that do not alternate, and copula
# forms that keep their 이 (인, 입니다, 임, 일).
INVARIANT: Final = (
    "의", "에", "에서", "에게", "께", "께서", "도", "만", "까지", "부터", "보다", "처럼", "한테",
    "마다", "조차", "밖에", "뿐", "만큼", "같이", "마저", "이나마", "인", "입", "임", "일", "이",
    "님", "씨", "측", "내", "답게", "다운", "로서의", "에도", "에서는", "에서의", "에는",
)  # fmt: skip


@dataclass(frozen=True)
class Ending:
    """A particle or copula form found after a word: ``written`` at ``[start, end)``."""

    form: Form
    written: str
    start: int
    end: int


def ending_at(text: str, at: int) -> Ending | None:
    """The alternating particle or copula form that starts at ``at`` and is followed only by
    what that form allows in the same word; None if there is none."""
    tail = _HANGUL.match(text, at)
    word = tail.group() if tail else ""
    for written in _WRITTEN_LONGEST:
        if not word.startswith(written):
            continue
        form = _BY_WRITTEN[written]
        rest = word[len(written) :]
        if form.follows is ANY:
            if rest or written in ("이었", "였"):
                return Ending(form, written, at, at + len(written))
            continue
        if rest in form.follows:
            return Ending(form, written, at, at + len(written))
    return None


def particle_for(word: str, particle: str) -> str:
    """The form of ``particle`` that fits after ``word`` ("한빛물류" + "을" → "를").

    ``particle`` is either form, with what follows it ("을", "를", "으로부터", "였기에"), or a
    pair ("을/를", "아/야"). Where the reading of ``word`` is unknown, or the particle is not one
    that alternates, it comes back as given (a pair: its first form).
    """
    first, _, second = particle.partition("/")
    form: Form | None = None
    rest = ""
    if second:
        form = next((f for f in FORMS if {f.consonant, f.vowel} == {first, second}), None)
    if form is None:
        ending = ending_at(first, 0)
        if ending is not None:
            form, rest = ending.form, first[ending.end :]
    reading = read(word)
    if form is None or reading is None:
        return first
    return form.right_for(reading) + rest


def final_consonant(word: str) -> int | None:
    """The final consonant index (0 none, 1-27) of ``word`` as read, or None if unknown."""
    reading = read(word)
    return None if reading is None else reading.final


def wrong_ending(word: str, ending: Ending) -> str | None:
    """The right form where ``ending`` is unmistakably wrong after ``word``, else None."""
    reading = read(word)
    if reading is None or not reading.certain or ending.written not in CHECKED:
        return None
    if ending.form.accepts(reading, ending.written):
        return None
    return ending.form.right_for(reading)


def _same_class(a: Reading | None, b: Reading | None) -> bool:
    if a is None or b is None or not (a.certain and b.certain):
        return False
    return a.vowel == b.vowel and (a.final == RIEUL) == (b.final == RIEUL)


@dataclass(frozen=True)
class NameSwap:
    """``text`` with the name replaced; ``unresolved``: spans in ``text`` where the old name
    was left because the word after it could not be fitted to the new name."""

    text: str
    count: int
    unresolved: tuple[tuple[int, int], ...]


def swap_name(text: str, old: str, new: str) -> NameSwap:
    """Replace every ``old`` with ``new``, refitting the particle or copula after each.

    An occurrence followed by a word ending that cannot be fitted (the new name's reading is
    uncertain, or the ending is unknown and the two names end differently) is left as it was
    and reported, so the user sees it (COMPANY.OTHER flags the old name, too).
    """
    if not old:
        return NameSwap(text, 0, ())
    new_reading = read(new)
    same = _same_class(read(old), new_reading)
    parts: list[str] = []
    unresolved: list[tuple[int, int]] = []
    count = 0
    at = 0
    length = 0
    for match in regex.finditer(regex.escape(old), text):
        if match.start() < at:
            continue
        parts.append(text[at : match.start()])
        length += match.start() - at
        closed = after_closers(text, match.end())
        fitted = _refit(text, closed, new + text[match.end() : closed], new_reading, same)
        if fitted is None:
            unresolved.append((length, length + len(old)))
            piece, consumed = old, len(old)
        else:
            count += 1
            piece, consumed = fitted[0], closed - match.start() + fitted[1]
        parts.append(piece)
        length += len(piece)
        at = match.start() + consumed
    parts.append(text[at:])
    return NameSwap("".join(parts), count, tuple(unresolved))


def _refit(
    text: str, at: int, new: str, reading: Reading | None, same: bool
) -> tuple[str, int] | None:
    """``new`` with the particle that follows at ``at`` refitted, and how many characters of
    that particle it replaces; None if it cannot be fitted."""
    ending = ending_at(text, at)
    if ending is not None:
        written = ending.written
        if ending.form.consonant == ending.form.vowel:
            return new + written, len(written)
        if reading is None or not reading.certain:
            # Unknown how the new name ends: a particle that fitted the old name fits this one
            # if both end alike; otherwise it cannot be fitted.
            return (new + written, len(written)) if same else None
        # Refitted even after a name that ends like the old one: a particle that was wrong
        # before the swap ("한빛물류은") comes out right ("코리아익스프레스는").
        if ending.form.accepts(reading, written):
            return new + written, len(written)
        return new + ending.form.right_for(reading), len(written)
    tail = _HANGUL.match(text, at)
    word = tail.group() if tail else ""
    if not word or same or any(word.startswith(p) for p in INVARIANT):
        return new, 0
    return None


def replace_name(text: str, old: str, new: str) -> tuple[str, int]:
    """Replace every ``old`` with ``new``, fixing the particle after each; returns the count of
    replaced names (see ``swap_name`` for the ones left untouched)."""
    swapped = swap_name(text, old, new)
    return swapped.text, swapped.count
