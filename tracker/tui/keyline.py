"""The key line under the main view: the keys a chair uses most, always, and
more as the width allows; the rest are in `?` and the palette (ctrl+p).

Textual's footer shows every key with room around it and cuts what does not fit,
which at 80 columns hid `y`, `?`, `d`, `e` and more. Here each key is one
reverse-video letter with a short word after it, fitted to the width.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from ..catalogue import t

ALWAYS = ["status", "owners", "priorities", "note", "add_action", "decision", "actions",
          "export", "help"]  # binding ids, in this order
IF_ROOM = ["search", "filter", "year_view", "timeline", "agenda", "history", "undo",
           "sync", "quit"]


def keys_of(bindings: list[Binding]) -> dict[str, tuple[str, str]]:
    """Binding id → (key as shown, action with its namespace)."""
    out = {}
    for b in bindings:
        if b.id:
            action = b.action if "." in b.action else f"screen.{b.action}"
            out[b.id] = (b.key_display or b.key.split(",")[0], action)
    return out


def line(keys: dict[str, tuple[str, str]], width: int
         ) -> tuple[Text, list[tuple[int, int, str]]]:
    """The keys that fit `width` columns: all of ALWAYS (the help key's word only if
    it fits), then those of IF_ROOM in order while they fit; with where each is
    (from x, to x, action) for a click."""
    words = {ident: t(f"foot.{ident}") for ident in ALWAYS + IF_ROOM}

    def size(ids) -> int:
        return sum(len(keys[i][0]) + len(words[i]) + 1 for i in ids)

    chosen = [i for i in ALWAYS if i in keys]
    if size(chosen) > width:
        words["help"] = ""  # '?' is known without a word
    for ident in IF_ROOM:
        if ident in keys and size(chosen + [ident]) <= width:
            chosen.insert(len(chosen) - 1, ident)  # help stays last
    text, places = Text(no_wrap=True, overflow="crop", end=""), []
    for ident in chosen:
        key, action = keys[ident]
        start = len(text)
        text.append(key, style="bold reverse")
        text.append(words[ident] + " ")
        places.append((start, len(text) - 1, action))
    return text, places


class KeyLine(Static):
    """The main view's keys, refitted whenever the width changes; a click on a key
    does what the key does."""

    DEFAULT_CSS = "KeyLine { height: 1; width: 100%; background: $panel; }"

    def __init__(self, bindings: list[Binding], **kwargs):
        super().__init__(**kwargs)
        self.keys = keys_of(bindings)
        self.places: list[tuple[int, int, str]] = []

    def on_resize(self, event) -> None:
        text, self.places = line(self.keys, event.size.width)
        self.update(text)

    async def on_click(self, event) -> None:
        for start, end, action in self.places:
            if start <= event.x < end:
                await self.run_action(action)
                return
