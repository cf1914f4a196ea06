"""The app's real actions in the command palette (ctrl+p)."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Provider

from .. import present
from ..catalogue import t


class TrackerCommands(Provider):
    """The app's real actions in the command palette (ctrl+p)."""

    def commands(self) -> list[tuple[str, str]]:
        app = self.app
        found = [(t(f"cmd.{name}"), name) for name in (
            "status", "owners", "priorities", "note", "add_action", "edit_action", "decision",
            "actions", "history", "undo", "redo", "filter", "search", "export", "export_plan",
            "sync", "help")]
        found.append((t("cmd.jump_all"), "objective('all')"))
        for objective in app.store.objectives():
            name = present.objective_title(app.store.info, objective.id)
            found.append((t("cmd.jump", number=objective.number, name=name),
                          f"objective('{objective.id}')"))
        found.append((t("cmd.jump_archived"), "objective('archived')"))
        return found

    async def discover(self):
        for text, action in self.commands():
            yield DiscoveryHit(text, partial(self.app.run_action, action))

    async def search(self, query: str):
        matcher = self.matcher(query)
        for text, action in self.commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(self.app.run_action, action))
