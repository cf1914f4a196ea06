"""How text from people and plans is shown: one rule each for control characters
(shown as symbols, never obeyed), for text inside a one-line message, and for
the columns text takes in a terminal. Every face uses these."""

from __future__ import annotations

import functools
import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"[\n\r\t\x0b\x0c\u2028\u2029\x85]")


def _picture(match) -> str:
    code = ord(match.group())
    if code < 32:
        return chr(0x2400 + code)  # ␛ for ESC, ␀ for NUL, …
    return "␡" if code == 127 else "�"


def visible(text: str) -> str:
    """Text with control characters shown as symbols, so a stray ESC in a note
    cannot recolour or move the terminal. Newlines and tabs are kept."""
    return _CONTROL.sub(_picture, text)


def one_line(text: str) -> str:
    """Text from a person or a file inside a one-line message: line breaks and tabs
    written as \\n, \\t (a newline in an unknown id made the message two lines),
    other control characters as escapes too, so the message says exactly what came."""
    text = str(text)
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


@functools.lru_cache(maxsize=4096)  # labels repeat on every row
def width(text: str) -> int:
    """Columns `text` takes in a terminal (wide East Asian and emoji take two,
    combining marks none): as Rich, which draws the screen, counts them."""
    if text.isascii():
        return len(text)
    from rich.cells import cell_len  # only for text beyond ASCII

    return cell_len(text)
