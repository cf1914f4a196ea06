"""A document the tracker writes, as blocks: read from its own markdown (the
one text every format starts from) and written out as HTML or Word.

The markdown is the tracker's own — headings, paragraphs, quotes, lists, pipe
tables, a rule, fenced code — with people's text escaped by `report.inline`.
`blocks()` reads exactly that back, escapes undone, into plain data; the
writers (`html_doc.py`, `docx_doc.py`) never see markdown syntax, so none of it
reaches a reader of the Word file or the web page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# A run of text: (text, bold, italic, code); a line break inside a cell is "\n".
Run = tuple[str, bool, bool, bool]

ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">"}
_MARKUP = re.compile(r"[\\&<*_`]")  # what `runs` reads as more than a letter


@dataclass
class Block:
    kind: str  # heading, para, quote, list, table, rule, code
    level: int = 0  # a heading's
    runs: list[Run] = field(default_factory=list)  # heading, para, quote
    items: list[list[Run]] = field(default_factory=list)  # list
    header: list[list[Run]] = field(default_factory=list)  # table
    rows: list[list[list[Run]]] = field(default_factory=list)  # table
    right: list[bool] = field(default_factory=list)  # table: right-aligned columns
    text: str = ""  # code
    lang: str = ""  # code


def blocks(markdown: str) -> list[Block]:
    out: list[Block] = []
    lines = markdown.split("\n")
    n = 0
    while n < len(lines):
        line = lines[n]
        if line.startswith("```"):
            end = next((k for k in range(n + 1, len(lines)) if lines[k].startswith("```")),
                       len(lines))
            out.append(Block("code", text="\n".join(lines[n + 1:end]), lang=line[3:].strip()))
            n = end + 1
            continue
        if line.startswith("|") and n + 1 < len(lines) and lines[n + 1].startswith("|-"):
            aligns = cells(lines[n + 1])
            table = Block("table", header=[runs(c) for c in cells(line)],
                          right=[a.strip().endswith(":") for a in aligns])
            n += 2
            while n < len(lines) and lines[n].startswith("|"):
                table.rows.append([runs(c) for c in cells(lines[n])])
                n += 1
            out.append(table)
            continue
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            out.append(Block("heading", level=level, runs=runs(line[level:].strip())))
        elif line.startswith("> "):
            out.append(Block("quote", runs=runs(line[2:])))
        elif line.startswith("- ") or _numbered(line):
            kind = "list" if line.startswith("- ") else "numbered"
            if not out or out[-1].kind != kind or (n and lines[n - 1] == ""):
                out.append(Block(kind))
            out[-1].items.append(runs(line[2:] if kind == "list" else line.split(". ", 1)[1]))
        elif line.strip() == "---":
            out.append(Block("rule"))
        elif line.strip():
            if out and out[-1].kind == "para" and n and lines[n - 1].strip():
                out[-1].runs += [(" ", False, False, False)] + runs(line)
            else:
                out.append(Block("para", runs=runs(line)))
        n += 1
    return out


def _numbered(line: str) -> bool:
    head, dot, _ = line.partition(". ")
    return bool(dot) and head.isascii() and head.isdigit() and len(head) < 4


def cells(line: str) -> list[str]:
    """The cells of a pipe-table row; an escaped `\\|` stays in its cell."""
    if "\\" not in line:  # nothing escaped (most rows): every | is a border
        line = line.strip()
        return [c.strip() for c in (line[1:-1] if line.endswith("|") else line[1:]).split("|")]
    found, current, escaped = [], [], False
    for c in line.strip()[1:-1] if line.strip().endswith("|") else line.strip()[1:]:
        if escaped:
            current.append("\\" + c)
            escaped = False
        elif c == "\\":
            escaped = True
        elif c == "|":
            found.append("".join(current).strip())
            current = []
        else:
            current.append(c)
    found.append("".join(current).strip())
    return found


def runs(text: str) -> list[Run]:
    """Markdown inline text as runs: **bold**, _italic_, `code`, <br>, escapes undone."""
    if _MARKUP.search(text) is None:  # plain words (most cells): one run, as read below
        return [(text, False, False, False)] if text else []
    out: list[Run] = []
    bold = italic = code = False
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            out.append(("".join(buffer), bold, italic, code))
            buffer.clear()

    n = 0
    while n < len(text):
        c = text[n]
        if code and c != "`":
            buffer.append(c)
        elif c == "\\" and n + 1 < len(text):
            buffer.append(text[n + 1])
            n += 1
        elif c == "&" and (text[n:n + 5] in ENTITIES or text[n:n + 4] in ENTITIES):
            entity = text[n:n + 5] if text[n:n + 5] in ENTITIES else text[n:n + 4]
            buffer.append(ENTITIES[entity])
            n += len(entity) - 1
        elif text.startswith("<br>", n):
            buffer.append("\n")
            n += 3
        elif text.startswith("**", n):
            flush()
            bold = not bold
            n += 1
        elif c == "_" and (italic or n == 0 or not text[n - 1].isalnum()):
            flush()
            italic = not italic
        elif c == "`":
            flush()
            code = not code
        else:
            buffer.append(c)
        n += 1
    flush()
    return out


def plain(found: list[Run]) -> str:
    return "".join(text for text, *_ in found)


def title(found: list[Block]) -> str:
    return next((plain(b.runs) for b in found if b.kind == "heading"), "")
