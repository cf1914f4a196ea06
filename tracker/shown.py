"""How text from people and plans is shown: one rule each for control characters
(shown as symbols, never obeyed), for text inside a one-line message, and for
the columns text takes in a terminal. Every face uses these."""

from __future__ import annotations

import functools
import re
import unicodedata

# Control characters, and the bidirectional embeddings, overrides and isolates that
# make a line read in another order than it is written ("Trojan Source").
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_C0_C1 = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"[\n\r\t\x0b\x0c\u2028\u2029\x85]")
# Characters that may take other than one column: past the Latin letters (æøå are
# one column), except the dashes, quotes, bullets and "…" of General Punctuation.
_NOT_ONE_COLUMN = re.compile(r"[^\x00-\u02ff\u2010-\u2027\u2030-\u205e]")


def _picture(match) -> str:
    code = ord(match.group())
    if code < 32:
        return chr(0x2400 + code)  # ␛ for ESC, ␀ for NUL, …
    return "␡" if code == 127 else "�"


def controls_visible(text: str) -> str:
    """Only the C0 and C1 controls shown as symbols: for data written out as it is
    (a state file to stdout), where a right-to-left mark in a note must survive."""
    return _C0_C1.sub(_picture, text)


def visible(text: str) -> str:
    """Text with control characters shown as symbols, so a stray ESC in a note
    cannot recolour or move the terminal, and a right-to-left override cannot make
    "50 mio." of what reads "2 mio.": those show as �. Newlines and tabs are kept."""
    return _CONTROL.sub(_picture, text)


def has_control(texts) -> bool:
    """Whether any of `texts` holds a character `visible` would change: one search
    over them all, so 10,000 clean names are not rewritten one by one."""
    return _CONTROL.search("\n".join(texts)) is not None


def on_one_line(texts: list[str]) -> list[str]:
    """Names kept from before the plan's check, line breaks and tabs as spaces, so a
    table row stays one row (the rest as they are)."""
    if not _LINE_BREAKS.search("".join(texts)):
        return texts
    return [_LINE_BREAKS.sub(" ", text) for text in texts]


def one_line(text: str) -> str:
    """Text from a person or a file inside a one-line message: line breaks and tabs
    written as \\n, \\t (a newline in an unknown id made the message two lines),
    other control characters as escapes too, so the message says exactly what came."""
    text = str(text)
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def one_column(text: str) -> bool:
    """Whether every character of `text` takes one column, so len() is its width."""
    return text.isascii() or _NOT_ONE_COLUMN.search(text) is None


@functools.lru_cache(maxsize=4096)  # labels repeat on every row
def width(text: str) -> int:
    """Columns `text` takes in a terminal: wide East Asian characters and emoji two,
    combining marks, variation selectors and zero-width joiners none (as the
    terminal, and Rich drawing the screen, count them)."""
    return len(text) if one_column(text) else measured(text)


def measured(text: str) -> int:
    """`width` counted a character at a time (what the shortcut above must agree with)."""
    total = last = 0
    joined = False  # after a zero-width joiner: one glyph with the one before
    for c in text:
        if c == "\ufe0f":  # emoji presentation: the character before it takes two
            total += 1 if last == 1 and not joined else 0
            last = 2
        elif c == "\u200d":
            joined = True
        elif joined:
            joined, last = False, 2
        else:
            last = 0 if unicodedata.category(c) in _ZERO_WIDTH and c != "\xad" else \
                2 if unicodedata.east_asian_width(c) in "WF" else 1  # (a soft hyphen: 1)
            total += last
    return total


_ZERO_WIDTH = {"Mn", "Me", "Cf"}
