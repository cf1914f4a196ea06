"""The `tracker` command. Each command is a thin shell over the core modules,
grouped by what it does; importing this package registers them all on `main`."""

from . import edit_commands, plan_commands, read_commands, serve_commands  # noqa: F401
from .shell import main

__all__ = ["main"]
