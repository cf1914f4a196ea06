"""The plan's own rows — objectives, initiatives, their text, archiving, renames,
which declared action an action is, the plan as synced — written by the sync
only. Not tracking data: none of it goes through the tracking writer, and the
history rows for the plan's text are written here (README "Data safety").

A part of `Store` (see store.py); it needs the store's connection (`db`).
"""

from __future__ import annotations

from .model import PlanInfo


class PlanRows:
    def plan_objectives(self) -> dict[str, tuple]:
        return {r[0]: tuple(r) for r in self.db.execute(
            "SELECT id, number, title, short, title_en, position, archived FROM objectives")}

    def add_objective(self, row: tuple) -> None:
        self.db.execute("INSERT INTO objectives(id, number, title, short, title_en, "
                        "position, archived) VALUES (?,?,?,?,?,?,?)", row)

    def update_objective(self, row: tuple) -> None:
        self.db.execute("UPDATE objectives SET number = ?, title = ?, short = ?, "
                        "title_en = ?, position = ?, archived = ? WHERE id = ?",
                        list(row[1:]) + [row[0]])

    def plan_initiatives(self) -> dict[str, tuple]:
        """(id, objective, title, short, kind, description, also_supports,
        position, archived, placement, continues) of every initiative, by id."""
        return {r[0]: tuple(r) for r in self.db.execute(
            "SELECT id, objective_id, title, short, kind, description, also_supports, "
            "position, archived, placement, continues FROM initiatives")}

    def update_initiative(self, row: list) -> None:
        """`row`: as `sync._plan_row` makes it."""
        self.db.execute("UPDATE initiatives SET objective_id = ?, title = ?, short = ?, "
                        "kind = ?, description = ?, also_supports = ?, position = ?, "
                        "placement = ?, continues = ? WHERE id = ?", list(row[1:10]) + [row[0]])

    def rename_in_records(self, old: str, new: str) -> None:
        """Agenda items and milestones name an initiative by id: they follow a rename."""
        for table in ("agenda_items", "milestones"):
            self.db.execute(f"UPDATE {table} SET initiative = ? WHERE initiative = ?",
                            [new, old])

    def set_record_key(self, kind: str, record_id: int, key: str) -> None:
        """Which meeting or milestone of the plan file a record is (plan-owned)."""
        table = {"meeting": "meetings", "milestone": "milestones"}[kind]
        self.db.execute(f"UPDATE {table} SET key = ? WHERE id = ?", [key, record_id])

    def rename_initiative(self, old: str, new: str) -> None:
        # Tracking rows follow by ON UPDATE CASCADE; history by the key.
        self.db.execute("UPDATE initiatives SET id = ? WHERE id = ?", [new, old])
        self.rename_in_records(old, new)

    def set_archived(self, table: str, ident: str, archived: bool) -> None:
        assert table in ("objectives", "initiatives")
        self.db.execute(f"UPDATE {table} SET archived = ? WHERE id = ?", [int(archived), ident])

    def audit_plan_changes(self, rows: list[tuple], who: str, at: str, edit_id: int) -> None:
        """History rows for what the plan changed about initiatives (their text,
        archiving, renames): (initiative id, field, old, new) each."""
        uids = dict(self.db.execute("SELECT id, uid FROM initiatives"))
        self._audit_plan([(edit_id, at, who, "sync", "sync", ident, uids.get(ident), field_name,
                           old, new, None) for ident, field_name, old, new in rows])

    def _audit_plan(self, rows: list[tuple]) -> None:
        self.db.executemany(
            "INSERT INTO audit(edit_id, at, who, source, action, initiative_id, "
            "initiative_uid, field, old, new, version) VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)

    def record_sync(self, info: PlanInfo, sha256: str, who: str, at: str,
                    counts: tuple[int, int, int, int] | None) -> None:
        """The plan as synced (what readers use without the YAML), and a row per
        sync that changed something: (added, changed, archived, conflicts)."""
        if counts is not None:
            self.db.execute("INSERT INTO sync_runs(at, who, plan_sha256, added, changed, "
                            "archived, conflicts) VALUES (?,?,?,?,?,?,?)",
                            [at, who, sha256, *counts])
        self.set_meta("plan", info.to_json())
        self.set_meta("plan_sha256", sha256)
        if counts is not None or self.meta("synced_at") is None:
            self.set_meta("synced_at", at)
        self.forget_info()

    def set_action_key(self, action_id: int, key: str) -> None:
        """Which declared action of the plan this is (plan-owned, like a title)."""
        self.db.execute("UPDATE actions SET key = ? WHERE id = ?", [key, action_id])
