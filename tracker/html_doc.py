"""A document as one self-contained HTML file: print-ready on A4, no script, no
link to anything outside it. People's text is escaped; the progress bars of
the tables are drawn with CSS, not typed characters."""

from __future__ import annotations

import html
import re

from . import charts
from .catalogue import language
from .document import Block, Run, blocks, title

CSS = """
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
body { font-family: "Calibri", "Carlito", "Liberation Sans", Arial, sans-serif;
       font-size: 10.5pt; line-height: 1.4; color: #1a1a1a; max-width: 180mm; margin: 2em auto; }
h1 { font-size: 18pt; margin: 0 0 .4em; }
h2 { font-size: 13.5pt; margin: 1.4em 0 .4em; border-bottom: 1px solid #bbb;
     page-break-after: avoid; }
h3 { font-size: 11.5pt; margin: 1.1em 0 .3em; page-break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; font-size: 9.5pt; }
th, td { border: 1px solid #c8c8c8; padding: 3px 5px; vertical-align: top; text-align: left; }
th { background: #eef1f5; }
td.num, th.num { text-align: right; }
tr { page-break-inside: avoid; }
blockquote { margin: .3em 0 .8em; padding-left: .8em; border-left: 3px solid #9fb3c8;
             color: #333; page-break-after: avoid; }
h2 + blockquote, h3 + p { page-break-before: avoid; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 9pt; }
hr { border: 0; border-top: 1px solid #bbb; margin: 1.5em 0 .5em; }
figure.chart { margin: .4em 0 1em; page-break-inside: avoid; }
.chart-title { font-weight: bold; margin: .2em 0; }
figure.chart svg { max-width: 100%; height: auto; }
figure.chart text { fill: #1a1a1a; }
figcaption { font-size: 9pt; color: #333; }
figcaption .key { margin-right: 1.2em; white-space: nowrap; }
.swatch { display: inline-block; width: .9em; height: .9em; margin-right: .3em;
          vertical-align: -.1em; }
table.months td.month, table.months th.month { width: 4.5%; padding: 3px 0;
          text-align: center; font-size: 8.5pt; }
@media print { body { margin: 0; max-width: none; } }
"""


def to_html(markdown: str) -> str:
    found = [b for b in blocks(markdown) if not (b.kind == "code" and b.lang == "mermaid")]
    body = "\n".join(_block(b) for b in found)
    return (f'<!DOCTYPE html>\n<html lang="{language()}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{html.escape(title(found))}</title>\n<style>{CSS}</style>\n</head>\n"
            f"<body>\n{body}\n</body>\n</html>\n")


def _block(b: Block) -> str:
    if b.kind == "heading":  # 2022-2025 never broken at its hyphen
        level = min(max(b.level, 1), 6)
        return f"<h{level}>{_runs(b.runs).replace('-', chr(0x2011))}</h{level}>"
    if b.kind == "para":
        return f"<p>{_runs(b.runs)}</p>"
    if b.kind == "quote":
        return f"<blockquote>{_runs(b.runs)}</blockquote>"
    if b.kind in ("list", "numbered"):
        tag = "ul" if b.kind == "list" else "ol"
        return f"<{tag}>" + "".join(f"<li>{_runs(item)}</li>" for item in b.items) + f"</{tag}>"
    if b.kind == "rule":
        return "<hr>"
    if b.kind == "code" and b.lang == charts.FENCE:
        return charts.to_html(charts.parse(b.text))
    if b.kind == "code":
        return f"<pre>{html.escape(b.text)}</pre>"
    right = b.right + [False] * len(b.header)
    head = "".join(f'<th{_num(right[n])}>{_runs(c)}</th>' for n, c in enumerate(b.header))
    opens = [f"<td{_num(r)}" for r in right]  # (a table of 10,000 rows: 60,000 cells)
    rows = "".join("<tr>" + "".join(f"{opens[n]}{_shade(c) if c else ''}>{_runs(c)}</td>"
                                    for n, c in enumerate(row)) + "</tr>" for row in b.rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _shade(found: list[Run]) -> str:
    """A priority cell ('●●○ middel') shaded by its level: the grid reads at a glance."""
    fill = charts.level_colour(found[0][0])
    return f' style="background:#{fill}"' if fill else ""


def _num(right: bool) -> str:
    return ' class="num"' if right else ""


def _runs(found: list[Run]) -> str:
    if len(found) == 1 and not (found[0][1] or found[0][2] or found[0][3]):
        return _text(found[0][0])  # one plain run: most cells
    out = []
    for text, bold, italic, code in found:
        if code and set(text) <= set("█░"):  # a progress bar: drawn, not typed
            done = text.count("█") / max(len(text), 1)
            out.append(f'<span style="display:inline-block;width:6em;height:.7em;'
                       f'background:#e3e7ec;vertical-align:middle">'
                       f'<span style="display:block;height:100%;width:{done:.0%};'
                       f'background:#4ca85a"></span></span>')  # finished: as in the chart
            continue
        piece = _text(text)
        if code:
            piece = f"<code>{piece}</code>"
        if italic:
            piece = f"<em>{piece}</em>"
        if bold:
            piece = f"<strong>{piece}</strong>"
        out.append(piece)
    return "".join(out)


_SPECIAL = re.compile("[&<>\"'\n]")


def _text(text: str) -> str:
    """Text as HTML: escaped, line breaks as <br> (most text needs neither)."""
    return html.escape(text).replace("\n", "<br>") if _SPECIAL.search(text) else text
