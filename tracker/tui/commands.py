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
        # Run on the main screen; "app." ones are the shell's.
        found = [(t(f"cmd.{name}"), action) for name, action in (
            ("status", "status"), ("owners", "owners"), ("priorities", "priorities"),
            ("note", "note"), ("add_action", "add_action"), ("edit_action", "edit_action"),
            ("decision", "decision"), ("actions", "year_actions"), ("history", "history"),
            ("timeline", "timeline"), ("agenda", "agenda"),
            ("undo", "undo"), ("redo", "redo"), ("filter", "filter"), ("search", "search"),
            ("export", "app.export"), ("export_plan", "export_plan"), ("sync", "app.sync"),
            ("help", "app.help"))]
        found.append((t("cmd.jump_all"), "objective('all')"))
        for objective in app.store.objectives():
            name = present.objective_title(app.store.info, objective.id)
            found.append((t("cmd.jump", number=objective.number, name=name),
                          f"objective('{objective.id}')"))
        found.append((t("cmd.jump_archived"), "objective('archived')"))
        return found

    async def discover(self):
        for text, action in self.commands():
            yield DiscoveryHit(text, partial(self.app.main.run_action, action))

    async def search(self, query: str):
        matcher = self.matcher(query)
        for text, action in self.commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(self.app.main.run_action, action))
