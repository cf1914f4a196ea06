"""Read YAML safely into plain values that remember where they came from.

Every scalar is text (YAML 1.1's `no` → False, `010` → 8 and dates are not
applied); only an empty value or `null`/`~` is None. Duplicate keys, aliases,
and tags that would build objects are refused. Mappings and lists carry the
line and column of every key and item, for error messages.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


class TextLoader(_BaseLoader):
    """A safe loader that resolves no implicit types but null."""


TextLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag == _NULL]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Mark:
    line: int  # 1-based
    col: int  # 1-based


class YamlProblem(Exception):
    """The text is not YAML the tracker accepts. Has a place and a hint."""

    def __init__(self, message: str, mark: Mark | None, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.mark = mark
        self.hint = hint


class MarkedDict(dict):
    """A mapping that knows where it and each of its keys stand."""

    mark: Mark
    key_marks: dict
    value_marks: dict


class MarkedList(list):
    """A list that knows where it and each of its items stand."""

    mark: Mark
    item_marks: list


def _mark(node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


# How many nodes a plan may hold; far above any real plan, far below an alias bomb.
MAX_NODES = 2_000_000
MAX_DEPTH = 60


def load(text: str):
    """Parse one YAML document into MarkedDict / MarkedList / str / None."""
    try:
        node = yaml.compose(text, Loader=TextLoader)
    except yaml.MarkedYAMLError as exc:
        raise _explain(exc, text) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"not valid YAML: {exc}", None) from None
    if node is None:
        return None
    return _Converter().convert(node, 0)


class _Converter:
    def __init__(self):
        self.seen: set[int] = set()
        self.count = 0

    def convert(self, node, depth: int):
        if id(node) in self.seen:
            raise YamlProblem(
                "anchors and aliases (&name / *name) are not supported",
                _mark(node),
                "write the value out in full",
            )
        self.seen.add(id(node))
        self.count += 1
        if self.count > MAX_NODES:
            raise YamlProblem("the file has too many values to be a plan", _mark(node))
        if depth > MAX_DEPTH:
            raise YamlProblem(
                f"nested more than {MAX_DEPTH} levels deep", _mark(node),
                "a plan needs only a few levels",
            )
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _NULL:
                return None
            if node.tag != _STR:
                raise _bad_tag(node)
            return node.value
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                raise _bad_tag(node)
            out = MarkedList(self.convert(item, depth + 1) for item in node.value)
            out.mark = _mark(node)
            out.item_marks = [_mark(item) for item in node.value]
            return out
        if node.tag != _MAP:
            raise _bad_tag(node)
        out = MarkedDict()
        out.mark, out.key_marks, out.value_marks = _mark(node), {}, {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in (_STR, _NULL):
                raise YamlProblem("a key must be plain text", _mark(key_node))
            key = key_node.value
            if key in out:
                first = out.key_marks[key]
                raise YamlProblem(
                    f"duplicate key '{key}' (first at line {first.line})",
                    _mark(key_node),
                    "keep one of the two; YAML would silently drop the first",
                )
            out.key_marks[key] = _mark(key_node)
            out.value_marks[key] = _mark(value_node)
            out[key] = self.convert(value_node, depth + 1)
        return out


def _bad_tag(node) -> YamlProblem:
    if node.tag.startswith("tag:yaml.org,2002:python/"):
        return YamlProblem(
            f"the tag '!!{node.tag.split(':', 2)[-1].removeprefix('2002:')}' is refused",
            _mark(node),
            "a plan holds only text, lists and mappings; remove the tag",
        )
    return YamlProblem(
        f"the tag '{node.tag}' is not allowed",
        _mark(node),
        "remove the tag; a plan holds only text, lists and mappings",
    )


_HINTS = [
    ("'\\t'", "a tab character", "indent with spaces, never tabs"),
    ("tab character", "a tab character", "indent with spaces, never tabs"),
    ("mapping values are not allowed", "a ':' where YAML did not expect one",
     "put text containing ': ' in quotes, or check the indentation of this line"),
    ("did not find expected key", "the indentation does not line up",
     "items of one mapping must start in the same column"),
    ("did not find expected '-' indicator", "the indentation does not line up",
     "items of one list must start in the same column"),
    ("could not find expected ':'", "a key without ':' or an unclosed quote",
     "check this line and the one before it"),
    ("found unexpected end of stream", "the file ends inside a quote or bracket",
     "close the quote or bracket that opens here"),
    ("expected a single document", "more than one YAML document ('---')",
     "keep the whole plan in one document"),
    ("found undefined alias", "an alias (*name) with no anchor",
     "anchors and aliases are not supported; write the value out in full"),
    ("special characters are not allowed", "a control character in the text",
     "remove the invisible character"),
    ("unacceptable character", "a control character in the text",
     "remove the invisible character"),
]


def _explain(exc: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    mark = exc.problem_mark or exc.context_mark
    where = Mark(mark.line + 1, mark.column + 1) if mark else None
    detail = " ".join(filter(None, [exc.context, exc.problem]))
    if mark and "\t" in _line(text, mark.line)[: mark.column + 1]:
        return YamlProblem("a tab character in the indentation", where,
                           "indent with spaces, never tabs")
    for needle, message, hint in _HINTS:
        if needle in detail:
            return YamlProblem(f"{message} ({detail})", where, hint)
    return YamlProblem(f"not valid YAML: {detail}", where, "check this line and the one before it")


def _line(text: str, index: int) -> str:
    lines = text.splitlines()
    return lines[index] if 0 <= index < len(lines) else ""
