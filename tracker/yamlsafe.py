"""Read YAML safely into plain values that remember where they came from.

Every scalar is text (YAML 1.1's `no` → False, `010` → 8 and dates are not
applied); only an empty value or `null`/`~` is None. Duplicate keys, aliases,
and tags that would build objects are refused. Mappings and lists carry the
line and column of every key and item, for error messages.
"""

from __future__ import annotations

import yaml

from .bulk import collector_paused
from .errors import Joined, Said
from .marks import Mark

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
    """Parse one YAML document into MarkedDict / MarkedList / str / None.

    Built from the parser's events with an explicit stack, not by composing a
    node tree: the composer recurses (and deep nesting crashed it), while this
    loop refuses too deep nesting, too many values and aliases as it goes.
    """
    try:
        with collector_paused():
            loader = TextLoader(text)
            try:
                return _build(loader.get_event)
            finally:
                loader.dispose()
    except yaml.MarkedYAMLError as exc:
        raise _explain(exc, text) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise YamlProblem(Said("y.control", code=f"U+{code:04X}"), Mark(line, col),
                          Said("y.control_hint")) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(Joined([Said("y.invalid"), InEnglishOnly(exc)], ""), None) from None


_NULLS = {"", "~", "null", "Null", "NULL"}
_PLAIN = (None, "")  # the style of a scalar written without quotes


def _build(next_event):
    """One loop over the events, everything local: a 10,000-initiative plan is
    ~140,000 events, and a method call or two per event cost more than parsing."""
    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    count = documents = 0
    stack: list = []  # (container, the key its parent waits to fill) being filled
    parent = None  # the container being filled (stack's top), or None
    key = None  # in a mapping: (key, mark) read, its value not yet; else None
    result = None
    while True:
        event = next_event()
        kind = event.__class__
        if kind is scalar_event or kind is mapping_start or kind is sequence_start:
            start = event.start_mark
            mark = Mark(start.line + 1, start.column + 1)
            count += 1
            if count > MAX_NODES:
                raise YamlProblem(Said("y.too_many"), mark)
            if event.anchor is not None:
                raise YamlProblem(Said("y.alias"), mark, Said("y.alias_hint"))
            if kind is scalar_event:
                tag, value = event.tag, event.value
                if tag is None or tag == "!":
                    if value in _NULLS and event.implicit[0] and event.style in _PLAIN:
                        value = None
                elif tag == _NULL:
                    value = None
                elif tag != _STR:
                    raise _bad_tag(event)
            else:  # a mapping or a list begins: filled until its end event
                mapping = kind is mapping_start
                if event.tag not in (None, "!", _MAP if mapping else _SEQ):
                    raise _bad_tag(event)
                if key is None and isinstance(parent, dict):
                    raise YamlProblem(Said("y.key_text"), mark)
                if len(stack) >= MAX_DEPTH:
                    raise YamlProblem(Said("y.deep", depth=MAX_DEPTH), mark, Said("y.deep_hint"))
                container = MarkedDict() if mapping else MarkedList()
                container.mark = mark
                if mapping:
                    container.key_marks, container.value_marks = {}, {}
                else:
                    container.item_marks = []
                stack.append((container, key))
                parent, key = container, None
                continue
        elif kind in ends:
            value, key = stack.pop()
            mark = value.mark
            parent = stack[-1][0] if stack else None
        elif kind is alias_event:
            start = event.start_mark
            raise YamlProblem(Said("y.alias"), Mark(start.line + 1, start.column + 1),
                              Said("y.alias_hint"))
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                start = event.start_mark
                raise YamlProblem(Said("y.documents"), Mark(start.line + 1, start.column + 1),
                                  Said("y.documents_hint"))
            continue
        elif kind is yaml.StreamEndEvent:
            return result
        else:
            continue
        # A value is complete (a scalar, or a container just closed): place it.
        if parent is None:
            result = value
        elif key is not None:
            name, key_mark = key
            parent[name] = value
            parent.key_marks[name] = key_mark
            parent.value_marks[name] = mark
            key = None
        elif isinstance(parent, list):
            parent.append(value)
            parent.item_marks.append(mark)
        elif value is None:
            raise YamlProblem(Said("y.empty_key"), mark, Said("y.empty_key_hint"))
        elif value in parent:
            first = parent.key_marks[value]
            raise YamlProblem(Said("y.duplicate", key=value, line=first.line), mark,
                              Said("y.duplicate_hint"))
        else:
            key = (value, mark)


def _bad_tag(node) -> YamlProblem:  # a node or an event: both have .tag
    tag = node.tag
    short = "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") \
        else tag
    if short.startswith("!!python/"):
        return YamlProblem(Said("y.tag_refused", tag=short), _mark(node), Said("y.tag_hint"))
    return YamlProblem(Said("y.tag_not_allowed", tag=short), _mark(node), Said("y.tag_hint"))


class InEnglishOnly:
    """PyYAML's own words, in parentheses after ours: they are English, so they are
    shown only to English readers (a Danish message stays Danish)."""

    def __init__(self, words):
        self.words = words

    def __str__(self) -> str:
        from .catalogue import language

        return f" ({self.words})" if language() == "en" else ""


# PyYAML's problem text → our message and hint (catalogue keys).
_HINTS = [
    ("found unknown escape character", "y.unknown_escape", "y.unknown_escape_hint"),
    ("'\\t'", "y.tab", "y.tab_hint"),
    ("tab character", "y.tab", "y.tab_hint"),
    ("mapping values are not allowed", "y.colon", "y.colon_hint"),
    ("did not find expected key", "y.indent", "y.indent_map_hint"),
    ("did not find expected '-' indicator", "y.indent", "y.indent_list_hint"),
    ("could not find expected ':'", "y.no_colon", "y.check_line_before"),
    ("found unexpected end of stream", "y.unclosed", "y.unclosed_hint"),
    ("expected a single document", "y.documents_short", "y.documents_hint"),
    ("found undefined alias", "y.undefined_alias", "y.alias_undefined_hint"),
    ("special characters are not allowed", "y.control_short", "y.control_hint"),
    ("unacceptable character", "y.control_short", "y.control_hint"),
    ("while parsing a flow sequence", "y.flow_list", "y.flow_hint"),
    ("while parsing a flow mapping", "y.flow_map", "y.flow_hint"),
    ("cannot start any token", "y.bad_start", "y.quote_hint"),
    ("expected the node content", "y.no_value", "y.quote_hint"),
    ("expected <block end>", "y.indent", "y.check_line_before"),
    ("while scanning a quoted scalar", "y.unclosed_quote", "y.unclosed_hint"),
    ("while scanning an anchor", "y.bad_anchor", "y.quote_hint"),
    ("while scanning an alias", "y.bad_anchor", "y.quote_hint"),
]


def _explain(exc: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    mark = exc.problem_mark or exc.context_mark
    where = Mark(mark.line + 1, mark.column + 1) if mark else None
    detail = " ".join(filter(None, [exc.context, exc.problem]))  # PyYAML's own words
    opened = exc.context_mark
    said: list = [InEnglishOnly(detail)]  # and where the bracket or quote opened
    if opened and exc.problem_mark and opened.line != exc.problem_mark.line:
        said.append(Said("y.opens_at", line=opened.line + 1))
    if mark and "\t" in _line(text, mark.line)[: mark.column + 1]:
        return YamlProblem(Said("y.tab_indent"), where, Said("y.tab_hint"))
    if "maximum nesting depth" in detail:  # PyYAML ≥ 6.0.4 stops deep nesting itself
        return YamlProblem(Said("y.deep", depth=MAX_DEPTH), where, Said("y.deep_hint"))
    for needle, message, hint in _HINTS:
        if needle in detail:
            return YamlProblem(Joined([Said(message), *said], ""), where, Said(hint))
    return YamlProblem(Joined([Said("y.invalid"), *said], ""), where, Said("y.check_line"))


def _line(text: str, index: int) -> str:
    lines = text.splitlines()
    return lines[index] if 0 <= index < len(lines) else ""
