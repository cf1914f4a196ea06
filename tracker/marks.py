"""Where something stands in a file: shared by the YAML reader and the validator."""

from typing import NamedTuple


class Mark(NamedTuple):  # a tuple: made for every value read, so it must be cheap
    line: int  # 1-based
    col: int  # 1-based
