"""Keys in the order they were typed, each to where the ones before it led.

Textual sends a key to the widget focused when the app *reads* it, and typing
takes effect there at once, but a key's binding runs only once the key has
bubbled up, a queue at a time, to the app (a priority binding even before the
key goes anywhere). Keys that arrive together (a paste, a fast typist, a slow
SSH link, a browser) are all read before the first has done its work: `1.3.2024`
went into the text field before the `tab`s moved on, a digit set 2022 before the
`down`s moved the row, ctrl+s saved a note before its text was in, and the keys
after `a`, `p` or `n` went to the table instead of the dialog it opens.
Here a key is sent on only when everything the key before it started is done:
its binding run, a dialog pushed, mounted and focused, a dialog's result handled.
"""

from __future__ import annotations

from collections import deque

from textual import events
from textual.app import App

KEY_PATIENCE = 1.0  # seconds a key waits at most for the one before it


class KeysInOrder(App):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._keys: deque[events.Key] = deque()
        self._key_busy = False
        self._key_turn = 0  # which key the waiting below belongs to

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            self._keys.append(event)
            if not self._key_busy:
                await self._next_key()
            return
        await super().on_event(event)

    async def _next_key(self) -> None:
        if not self._keys:
            self._key_busy = False
            return
        self._key_busy = True
        self._key_turn += 1
        turn = self._key_turn
        self.set_timer(KEY_PATIENCE, lambda: self._key_done(turn))
        await super().on_event(self._keys.popleft())  # to whatever is focused now
        self._settle(turn)

    def _settle(self, turn: int, quiet_once: bool = False) -> None:
        """Wait until no part of the app has a message left to handle, twice: the
        second time after the callbacks the first let run (a dialog's result)."""
        if turn != self._key_turn:
            return
        busy = [node for screen in self.screen_stack
                for node in screen.walk_children(with_self=True) if node.message_queue_size]
        if self.message_queue_size and not quiet_once:  # (call_next leaves a wake-up there)
            busy.append(self)
        if not busy:
            if quiet_once:
                self.call_later(self._key_done, turn)
            else:
                self.call_next(self._settle, turn, True)
            return
        left = len(busy)

        def handled() -> None:
            nonlocal left
            left -= 1
            if left == 0:
                self.call_later(self._settle, turn)

        for node in busy:  # each hands back once it has handled what it has now
            if not node.call_later(handled):
                handled()

    async def _key_done(self, turn: int) -> None:
        if turn == self._key_turn and self._key_busy:
            self._key_turn += 1
            await self._next_key()
