"""The table's rows, read a page at a time: the ids of the whole list are known
(in the order shown), but an initiative's data is read only when its row is
drawn or asked for, so start-up and memory stay flat in the plan's size."""

from __future__ import annotations

from ..model import InitiativeView

PAGE = 100  # rows read at once: a screenful or two
KEPT = 20  # pages kept (the last used); older ones are read again when needed


class PagedViews:
    """A list-like of InitiativeView over `ids`, filled from `read(ids)` by page."""

    def __init__(self, ids: list[str], read):
        self.ids = ids
        self.read = read  # list of ids → their views (any order)
        self.pages: dict[int, list[InitiativeView]] = {}

    def __len__(self) -> int:
        return len(self.ids)

    def __bool__(self) -> bool:
        return bool(self.ids)

    def __iter__(self):
        return (self[row] for row in range(len(self.ids)))

    def __eq__(self, other) -> bool:
        return list(self) == list(other)

    def __getitem__(self, row: int) -> InitiativeView:
        if not 0 <= row < len(self.ids):
            raise IndexError(row)
        page = self.pages.pop(row // PAGE, None)  # popped and put back: newest last
        if page is None:
            start = row // PAGE * PAGE
            wanted = self.ids[start:start + PAGE]
            found = {v.id: v for v in self.read(wanted)}
            page = [found[ident] for ident in wanted]
            if len(self.pages) >= KEPT:
                del self.pages[next(iter(self.pages))]
        self.pages[row // PAGE] = page
        return page[row % PAGE]

    def __setitem__(self, row: int, view: InitiativeView) -> None:
        page = self.pages.get(row // PAGE)
        if page is not None:
            page[row % PAGE] = view
