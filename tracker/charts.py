"""Charts in the papers: the status of each objective's initiatives as stacked
bars, and a year's time plan month by month. The document's markdown carries a
chart as a fenced block of data (```chart); the markdown format leaves it out
(its tables say the same in figures), the HTML draws it as inline SVG or a
coloured table, Word as a shaded table. People's words in a chart are escaped
where they are drawn."""

from __future__ import annotations

import html
import json

from .shown import visible

FENCE = "chart"
# The status words' colours (the TUI's, in print): finished green, late red, …
STATUS_COLOURS = {"not_started": "C9CED6", "planned": "9CC3E6", "in_progress": "3B7DD8",
                  "delayed": "D9534F", "on_hold": "A47AC2", "done": "4CA85A",
                  "dropped": "E8E8E8"}
OTHERS = ["F0AD4E", "5BC0DE", "8E8E8E", "C7A27C"]  # a plan's own status words
# A priority's shade by its rank (highest first), as its dots say.
LEVEL_COLOURS = ["F4B183", "FBE2D5", "FDF3EC", "F2F2F2"]
MARKS = ["●●●", "●●○", "●○○", "○○○"]  # as md.priority_mark writes them
KIND_COLOURS = {"meeting": "3B7DD8", "milestone": "E69138", "item": "9CC3E6"}


def block(kind: str, data: dict) -> list[str]:
    """Markdown lines carrying a chart for HTML and Word."""
    return ["", f"```{FENCE}", json.dumps({"kind": kind, **data}, ensure_ascii=False), "```"]


def without_charts(markdown: str) -> str:
    """The markdown as people read it: the chart blocks left out."""
    if f"```{FENCE}\n" not in markdown:
        return markdown
    out, skipping = [], False
    for line in markdown.split("\n"):
        if line == f"```{FENCE}":
            skipping = True
            if out and out[-1] == "":
                out.pop()  # the blank line before it too
            continue
        if skipping:
            skipping = line != "```"
            continue
        out.append(line)
    return "\n".join(out)


def status_bars(objectives: list[dict], statuses: list[dict]) -> dict:
    """Per objective with initiatives: how many are at each status."""
    keys = [s["key"] for s in statuses]
    rows = []
    for o in objectives:
        if not o["initiatives"]:
            continue
        counts = {key: 0 for key in keys}
        for i in o["initiatives"]:
            counts[i["status"]] = counts.get(i["status"], 0) + 1
        rows.append({"label": f"{o['number']}. {o['name']}",
                     "parts": [[key, n] for key, n in counts.items() if n]})
    return {"rows": rows, "legend": [[s["key"], s["label"]] for s in statuses if s["count"]]}


def months(year: int, events: list[dict], month_names: list[str]) -> dict:
    """A year's meetings, agenda items and milestones, each in its month."""
    return {"year": year, "months": month_names,
            "rows": [{"date": e["date"], "kind": e["kind"], "text": e["text"]}
                     for e in events if e["date"][:4] == str(year)]}


def colour(key: str, order: list[str]) -> str:
    if key in STATUS_COLOURS:
        return STATUS_COLOURS[key]
    return OTHERS[order.index(key) % len(OTHERS)] if key in order else OTHERS[0]


def level_colour(text: str) -> str:
    """The shade of a priority cell ('●●○ middel'), or '' for any other text."""
    if text[:1] not in ("●", "○"):  # (most cells: a name, a status, a note)
        return ""
    for rank, mark in enumerate(MARKS):
        if text.startswith(mark):
            return LEVEL_COLOURS[rank]
    return ""


def parse(text: str) -> dict:
    """A chart block's data, its words shown as text: a control character that came
    in (JSON writes an ESC as \\u001b, so no pass over the markdown sees it) is a
    symbol, never a byte a Word file cannot hold or a terminal would obey."""
    return _visible(json.loads(text))


def _visible(value):
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, list):
        return [_visible(v) for v in value]
    if isinstance(value, dict):
        return {k: _visible(v) for k, v in value.items()}
    return value


# -- HTML ------------------------------------------------------------------------------
def to_html(data: dict) -> str:
    return _html_bars(data) if data["kind"] == "status" else _html_months(data)


def _html_bars(data: dict) -> str:
    order = [key for key, _ in data["legend"]]
    label_w, bar_w, row_h = 280, 380, 22
    most = max([sum(n for _, n in r["parts"]) for r in data["rows"]] + [1])
    parts = []
    for n, row in enumerate(data["rows"]):
        y = n * row_h
        parts.append(f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" '
                     f'font-size="11">{html.escape(_short(row["label"], 44))}</text>')
        x = label_w
        for key, count in row["parts"]:
            width = bar_w * count / most
            parts.append(f'<rect x="{x:.1f}" y="{y + 3}" width="{width:.1f}" height="{row_h - 6}"'
                         f' fill="#{colour(key, order)}"><title>{count}</title></rect>')
            if width >= 14:
                parts.append(f'<text x="{x + width / 2:.1f}" y="{y + 15}" font-size="10" '
                             f'text-anchor="middle">{count}</text>')
            x += width
    height = row_h * len(data["rows"]) + 4
    legend = "".join(
        f'<span class="key"><span class="swatch" style="background:#{colour(key, order)}">'
        f'</span>{html.escape(label)}</span>' for key, label in data["legend"])
    title = f'<p class="chart-title">{html.escape(data["title"])}</p>' if data.get("title") \
        else ""
    return (f'<figure class="chart">{title}<svg xmlns="http://www.w3.org/2000/svg" role="img" '
            f'width="{label_w + bar_w + 10}" height="{height}" '
            f'viewBox="0 0 {label_w + bar_w + 10} {height}" font-family="inherit">'
            + "".join(parts) + f'</svg><figcaption>{legend}</figcaption></figure>')


def _html_months(data: dict) -> str:
    head = "".join(f"<th class=\"month\">{html.escape(m)}</th>" for m in data["months"])
    rows = []
    for row in data["rows"]:
        month = int(row["date"][5:7])
        fill = KIND_COLOURS.get(row["kind"], "9CC3E6")
        cells = "".join(f'<td class="month" style="background:#{fill}"></td>' if m == month
                        else '<td class="month"></td>' for m in range(1, 13))
        rows.append(f"<tr><td>{html.escape(row['text'])}</td>{cells}</tr>")
    return (f'<table class="months"><thead><tr><th></th>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


def _short(text: str, most: int) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


# -- Word ------------------------------------------------------------------------------
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
UNITS = 24  # a bar is drawn in this many shaded cells


def to_docx_xml(data: dict, width_twips: int) -> str:
    return (_docx_bars(data, width_twips) if data["kind"] == "status"
            else _docx_months(data, width_twips))


def _docx_bars(data: dict, width: int) -> str:
    order = [key for key, _ in data["legend"]]
    label = width * 2 // 5
    unit = (width - label) // UNITS
    most = max([sum(n for _, n in r["parts"]) for r in data["rows"]] + [1])
    rows = []
    for row in data["rows"]:
        fills: list[str] = []
        for key, count in row["parts"]:
            fills += [colour(key, order)] * round(UNITS * count / most)
        fills = (fills + [""] * UNITS)[:UNITS]
        total = sum(n for _, n in row["parts"])
        rows.append("<w:tr>" + _cell(label, f"{row['label']} ({total})")
                    + "".join(_cell(unit, "", fill) for fill in fills) + "</w:tr>")
    legend = "".join(  # a line of coloured squares and words, wrapping as text does
        f'<w:r><w:rPr><w:color w:val="{colour(key, order)}"/></w:rPr><w:t>■</w:t></w:r>'
        f'<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve"> {_xml(text)}'
        "    </w:t></w:r>" for key, text in data["legend"])
    grid = [label] + [unit] * UNITS
    title = (f'<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>'
             f'{_xml(data["title"])}</w:t></w:r></w:p>') if data.get("title") else ""
    return title + _table(grid, rows) + f"<w:p>{legend}</w:p>"


def _docx_months(data: dict, width: int) -> str:
    label = width // 3
    month = (width - label) // 12
    head = "<w:tr>" + _cell(label, "") + "".join(_cell(month, m, bold=True, tight=True)
                                                  for m in data["months"]) + "</w:tr>"
    rows = [head]
    for row in data["rows"]:
        at = int(row["date"][5:7])
        fill = KIND_COLOURS.get(row["kind"], "9CC3E6")
        rows.append("<w:tr>" + _cell(label, row["text"]) + "".join(
            _cell(month, "", fill if m == at else "", tight=True) for m in range(1, 13))
            + "</w:tr>")
    return _table([label] + [month] * 12, rows, borders=True)


def _table(grid: list[int], rows: list[str], borders: bool = False) -> str:
    style = '<w:tblStyle w:val="TableGrid"/>' if borders else ""
    lines = "" if borders else (  # a bar's cells touch: white lines only between rows
        '<w:tblBorders><w:insideH w:val="single" w:sz="12" w:color="FFFFFF"/></w:tblBorders>')
    return (f'<w:tbl {W}><w:tblPr>{style}<w:tblW w:w="{sum(grid)}" w:type="dxa"/>{lines}'
            '<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>'
            + "".join(f'<w:gridCol w:w="{w}"/>' for w in grid) + "</w:tblGrid>"
            + "".join(rows) + "</w:tbl>")


def _cell(width: int, text: str, fill: str = "", bold: bool = False,
          tight: bool = False) -> str:
    """A cell (the parts of its properties in the order WordprocessingML wants);
    `tight`: narrow margins, small centred words (a month's column)."""
    shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    margins = ('<w:tcMar><w:left w:w="15" w:type="dxa"/><w:right w:w="15" w:type="dxa"/>'
               "</w:tcMar>") if tight else ""
    props = "<w:rPr>" + ("<w:b/>" if bold else "") + \
        f'<w:sz w:val="{15 if tight else 18}"/></w:rPr>'
    centre = '<w:jc w:val="center"/>' if tight else ""
    run = (f'<w:r>{props}<w:t xml:space="preserve">{_xml(text)}</w:t></w:r>' if text else "")
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shade}{margins}</w:tcPr>'
            f'<w:p><w:pPr><w:spacing w:before="20" w:after="20"/>{centre}</w:pPr>{run}</w:p>'
            "</w:tc>")


def _xml(text: str) -> str:
    """Text inside a Word XML element: &, < and > escaped (as xml.sax.saxutils does,
    whose import pulls in urllib and the mail parser: 20 ms on every export)."""
    return html.escape(text, quote=False)
