"""The `tracker` command. Each command is a thin shell over the core modules,
grouped by what it does; `shell.main` loads a group's module when one of its
commands is asked for (`shell.COMMANDS`)."""

from .shell import main

__all__ = ["main"]
