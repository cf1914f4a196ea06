"""Where something stands in a file: shared by the YAML reader and the validator."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Mark:
    line: int  # 1-based
    col: int  # 1-based
