"""Every string the TUI shows a person, in one place.

Screens call `t("key", name=value)`; a translation is a second dict with the
same keys (a test checks that no key is missing).
"""

from __future__ import annotations

EN = {
    # header and panes
    "app.user": "you: {user}",
    "pane.objectives": "Objectives",
    "pane.initiatives": "Initiatives",
    "pane.details": "Details",
    "objective.all": "All",
    "objective.archived": "Archived",
    "objective.progress": "{done}/{total}",
    # table columns
    "col.id": "Id",
    "col.title": "Initiative",
    "col.owners": "Owners",
    "col.status": "Status",
    # details
    "details.none": "No initiative here. Choose another objective or clear the filter.",
    "details.objective": "Objective",
    "details.kind": "Kind",
    "details.status": "Status",
    "details.owners": "Owners",
    "details.priorities": "Priorities",
    "details.also_supports": "Also supports",
    "details.description": "Description",
    "details.notes": "Notes (newest first)",
    "details.no_notes": "No notes yet — press n to add one.",
    "details.changes": "Latest changes",
    "details.archived": "ARCHIVED: gone from the plan; tracking data kept.",
    "details.version": "version {version}, changed {when} by {who}",
    # filters
    "filter.placeholder": "Filter by text (id, title, description) — enter to keep, escape to clear",
    "filter.active": "Filter: {filters}",
    "filter.text": "text “{text}”",
    "filter.owner": "owner {owner}",
    "filter.status": "status {status}",
    "filter.year": "priority in {year}",
    "filter.title": "Filter by owner, status or year",
    "filter.clear": "Clear all filters",
    "filter.by_owner": "Owner: {name}",
    "filter.by_status": "Status: {label}",
    "filter.by_year": "Has a priority in {year}",
    "sort.by": "Sorted by {column}",
    "sort.plan": "plan order",
    # keys
    "key.quit": "Quit",
    "key.status": "Status",
    "key.owners": "Owners",
    "key.priorities": "Priorities",
    "key.note": "Note",
    "key.history": "History",
    "key.undo": "Undo",
    "key.redo": "Redo",
    "key.filter_text": "Search",
    "key.filter": "Filter",
    "key.export": "Export",
    "key.sync": "Sync",
    "key.help": "Help",
    "key.sort": "Sort",
    "key.edit": "Edit",
    "key.top": "Top",
    "key.bottom": "Bottom",
    "key.down": "Down",
    "key.up": "Up",
    "key.cancel": "Cancel",
    "key.save": "Save",
    "key.choose": "Choose",
    "key.toggle": "Toggle",
    "key.close": "Close",
    "key.lower": "Lower",
    "key.higher": "Higher",
    "key.clear": "Clear",
    # modals
    "status.title": "Status of {id} — type to narrow, enter to choose",
    "owners.title": "Owners of {id} — space toggles, enter saves",
    "priorities.title": "Priorities of {id} — ←/→ or 1–4 change, 0 clears, enter saves",
    "priorities.none": "–",
    "note.title": "Note on {id} — ctrl+s saves, escape cancels",
    "history.title": "History of {id}",
    "history.empty": "No changes recorded.",
    "export.title": "Export the status report (markdown)",
    "export.path": "Write to:",
    "export.since": "Also list what changed since (the last meeting's date):",
    "export.since_hint": "YYYY-MM-DD, or leave empty",
    "export.done": "Report written to {path}",
    "edit.title": "{id}: what do you want to change?",
    "edit.status": "Set status (s)",
    "edit.owners": "Assign owners (o)",
    "edit.priorities": "Yearly priorities (p)",
    "edit.note": "Add a note (n)",
    "edit.history": "Full history (h)",
    "help.title": "Keys",
    "help.footer": "Everything is also in the command palette (ctrl+p). Escape closes.",
    "sync.title": "The plan could not be synced",
    "sync.footer": "Fix the plan file and press r again. Nothing was changed.",
    # messages
    "msg.saved": "{id}: saved",
    "msg.unchanged": "{id}: already so; nothing changed",
    "msg.no_initiative": "Choose an initiative first",
    "msg.plan_changed": "The plan file changed on disk — press r to sync it",
    "msg.synced": "Plan synced: {summary}",
    "msg.refreshed": "Updated: someone else changed the tracker",
    "msg.conflicts": "{count} sync conflict(s) — see `tracker sync` for details",
    # palette
    "cmd.status": "Set status of the highlighted initiative",
    "cmd.owners": "Assign owners of the highlighted initiative",
    "cmd.priorities": "Set yearly priorities of the highlighted initiative",
    "cmd.note": "Add a note to the highlighted initiative",
    "cmd.history": "Show the history of the highlighted initiative",
    "cmd.undo": "Undo your last edit",
    "cmd.redo": "Redo your last undo",
    "cmd.filter": "Filter by owner, status or year",
    "cmd.search": "Filter by text",
    "cmd.export": "Export the markdown status report",
    "cmd.sync": "Re-sync from the plan file",
    "cmd.help": "Show every key",
    "cmd.jump": "Go to objective {number}: {name}",
    "cmd.jump_all": "Show all initiatives",
    "cmd.jump_archived": "Show archived initiatives",
}

CATALOGUES = {"en": EN}
_language = "en"


def t(key: str, **values) -> str:
    text = CATALOGUES[_language].get(key) or EN[key]
    return text.format(**values) if values else text
