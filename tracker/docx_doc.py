"""A document as a Word file (python-docx): real headings, tables and styles,
so the committee's secretariat can attach it, or edit it, as it is. Made from
the same blocks as the HTML; no markdown syntax reaches it."""

from __future__ import annotations

import io

from .document import Block, Run, blocks, title

BAR = "█░"


def to_docx(markdown: str, language: str) -> bytes:
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    doc = Document()
    section = doc.sections[0]  # A4, as Danish papers are
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(20)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Calibri", Pt(10.5)
    _language(doc, "da-DK" if language == "da" else "en-GB")
    found = [b for b in blocks(markdown) if not (b.kind == "code" and b.lang == "mermaid")]
    doc.core_properties.title = title(found)
    previous = ""
    for b in found:
        if b.kind == "heading":
            _fill(doc.add_heading(level=min(b.level, 4)), b.runs)
        elif b.kind == "para":
            _fill(doc.add_paragraph(), b.runs)
        elif b.kind == "quote":
            _fill(doc.add_paragraph(style="Quote"), b.runs)
        elif b.kind in ("list", "numbered"):
            style = "List Bullet" if b.kind == "list" else "List Number"
            for item in b.items:
                _fill(doc.add_paragraph(style=style), item)
        elif b.kind == "rule":
            doc.add_paragraph()
        elif b.kind == "code":
            doc.add_paragraph(b.text)
        else:
            if previous == "table":  # two tables in a row stay two tables
                doc.add_paragraph()
            table = doc.add_table(rows=1 + len(b.rows), cols=len(b.header))
            table.style = "Table Grid"
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            right = b.right + [False] * len(b.header)
            for r, row in enumerate([b.header] + b.rows):
                for c, found_runs in enumerate(row[:len(b.header)]):
                    paragraph = table.cell(r, c).paragraphs[0]
                    _fill(paragraph, found_runs, bold=r == 0, size=Pt(9.5))
                    if right[c]:
                        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            _repeat_header(table)
            _widths(table, [b.header] + b.rows, Mm(170))
        previous = b.kind
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _fill(paragraph, found: list[Run], bold: bool = False, size=None) -> None:
    from docx.shared import RGBColor

    for text, is_bold, italic, code in found:
        if code and text and set(text) <= set(BAR):  # a progress bar, in colour
            run = paragraph.add_run("█" * text.count("█"))
            run.font.color.rgb = RGBColor(0x3B, 0x7D, 0xD8)
            rest = paragraph.add_run("█" * text.count("░"))
            rest.font.color.rgb = RGBColor(0xD9, 0xDE, 0xE4)
            continue
        for n, line in enumerate(text.split("\n")):
            if n:
                paragraph.add_run().add_break()
            run = paragraph.add_run(line)
            run.bold = is_bold or bold or None
            run.italic = italic or None
            if code:
                run.font.name = "Consolas"
            if size is not None:
                run.font.size = size


def _widths(table, rows, total) -> None:
    """Columns as wide as their text needs (a long word never split), within the page."""
    from .document import plain

    needs = [3] * len(rows[0])
    for row in rows:
        for c, found in enumerate(row[:len(needs)]):
            longest = max((len(w) for w in plain(found).split()), default=1)
            needs[c] = max(needs[c], min(len(plain(found)), 45), longest + 1)
    for c, need in enumerate(needs):
        width = int(total * need / sum(needs))
        for cell in table.columns[c].cells:
            cell.width = width


def _repeat_header(table) -> None:
    """The header row repeats on every page a table runs over."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _language(doc, tag: str) -> None:
    """Spelling and hyphenation in the document's language."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rpr = doc.styles["Normal"].element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), tag)
    rpr.append(lang)
