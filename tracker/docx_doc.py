"""A document as a Word file (python-docx): real headings, tables and styles,
so the committee's secretariat can attach it, or edit it, as it is. Made from
the same blocks as the HTML; no markdown syntax reaches it."""

from __future__ import annotations

import io

from xml.sax.saxutils import escape

from . import charts
from .document import Block, Run, blocks, plain, title

BAR = "█░"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
EMU_PER_TWIP = 635  # python-docx lengths are EMU; WordprocessingML widths are twips
TABLE_SIZE = 19  # half-points: tables in 9.5 pt, as on the web page
CHAR_TWIPS = 125  # a character of 10.5 pt Calibri, bold headers too, with room to spare


def to_docx(markdown: str, language: str) -> bytes:
    from docx import Document
    from docx.oxml import parse_xml
    from docx.shared import Mm, Pt

    doc = Document()
    section = doc.sections[0]  # A4, as Danish papers are
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(20)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Calibri", Pt(10.5)
    _language(doc, "da-DK" if language == "da" else "en-GB")
    _page_numbers(section, language)
    found = [b for b in blocks(markdown) if not (b.kind == "code" and b.lang == "mermaid")]

    props = doc.core_properties  # (the template's say "python-docx", 2013)
    props.title = title(found)
    props.author = props.last_modified_by = props.comments = ""
    props.language = "da-DK" if language == "da" else "en-GB"
    props.created = props.modified = _now()

    def styled(style_id: str):
        """A paragraph in a style of the template, by its id (looking a style up by
        name costs a millisecond a paragraph)."""
        paragraph = doc.add_paragraph()
        paragraph._p.get_or_add_pPr().style = style_id
        return paragraph

    previous = ""
    for b in found:
        if b.kind == "heading":
            _fill(styled(f"Heading{min(b.level, 4)}"), b.runs)
        elif b.kind == "para":
            if previous == "table":  # a line of air between a table and the text after it
                doc.add_paragraph()
            _fill(doc.add_paragraph(), b.runs)
        elif b.kind == "quote":
            _fill(styled("Quote"), b.runs)
        elif b.kind in ("list", "numbered"):
            for item in b.items:
                _fill(styled("ListBullet" if b.kind == "list" else "ListNumber"), item)
        elif b.kind == "rule":
            doc.add_paragraph()
        elif b.kind == "code" and b.lang == charts.FENCE:  # a chart: shaded cells
            placeholder = doc.add_paragraph()._p
            chart = charts.to_docx_xml(charts.parse(b.text), Mm(170) // EMU_PER_TWIP)
            for element in parse_xml(f"<w:body {W}>{chart}</w:body>"):
                placeholder.addprevious(element)
        elif b.kind == "code":
            doc.add_paragraph(b.text)
        else:
            if previous == "table":  # two tables in a row stay two tables
                doc.add_paragraph()
            placeholder = doc.add_paragraph()._p  # the table goes where it stands
            placeholder.addprevious(parse_xml(_table_xml(b, Mm(170))))
            placeholder.getparent().remove(placeholder)
        previous = b.kind
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _fill(paragraph, found: list[Run], bold: bool = False) -> None:
    from docx.shared import RGBColor

    for text, is_bold, italic, code in found:
        if code and text and set(text) <= set(BAR):  # a progress bar, in colour
            run = paragraph.add_run("█" * text.count("█"))
            run.font.color.rgb = RGBColor(0x4C, 0xA8, 0x5A)
            rest = paragraph.add_run("█" * text.count("░"))
            rest.font.color.rgb = RGBColor(0xD9, 0xDE, 0xE4)
            continue
        for n, line in enumerate(text.split("\n")):
            if n:
                paragraph.add_run().add_break()
            run = paragraph.add_run(line)
            if is_bold or bold:  # set only what differs: each setting costs at 10,000 rows
                run.bold = True
            if italic:
                run.italic = True
            if code:
                run.font.name = "Consolas"


def _table_xml(b: Block, total: int) -> str:
    """A whole table as WordprocessingML, written at once: python-docx's objects
    cost milliseconds a cell, and a plan of 10,000 initiatives has 60,000 cells.
    The header row repeats on each page; columns are as wide as their words need."""
    rows = [b.header] + b.rows
    columns = len(b.header)
    least, wish = [3] * columns, [3] * columns  # in characters
    for row in rows:
        for c, found in enumerate(row[:columns]):
            text = plain(found)
            longest = max(map(len, text.split()), default=1)
            least[c] = max(least[c], longest + 3)  # a word is never broken (+ margins)
            wish[c] = max(wish[c], min(len(text), 45) + 2)
    room = total // EMU_PER_TWIP // CHAR_TWIPS
    if sum(least) >= room:  # too many long words: each in proportion to its least
        chars = least
    else:  # each its least, then what is left in proportion to what more it wishes
        more = [max(0, w - m) for w, m in zip(wish, least)]
        spare = room - sum(least)
        chars = [m + (spare * x / sum(more) if sum(more) else spare / columns)
                 for m, x in zip(least, more)]
    widths = [int(total * c / sum(chars)) for c in chars]
    right = b.right + [False] * columns
    out = [f'<w:tbl {W}><w:tblPr><w:tblStyle w:val="TableGrid"/>'  # (in the schema's order)
           f'<w:tblW w:w="{sum(widths) // EMU_PER_TWIP}" w:type="dxa"/><w:jc w:val="center"/>'
           '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1"/></w:tblPr>'
           "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{w // EMU_PER_TWIP}"/>' for w in widths)
           + "</w:tblGrid>"]
    for r, row in enumerate(rows):
        out.append('<w:tr><w:trPr><w:tblHeader/></w:trPr>' if r == 0 else "<w:tr>")
        for c in range(columns):
            found = row[c] if c < len(row) else []
            align = '<w:pPr><w:jc w:val="right"/></w:pPr>' if right[c] else ""
            fill = charts.level_colour(found[0][0]) if r and found else ""
            shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="{widths[c] // EMU_PER_TWIP}" '
                       f'w:type="dxa"/>{shade}</w:tcPr><w:p>{align}{_runs_xml(found, r == 0)}'
                       "</w:p></w:tc>")
        out.append("</w:tr>")
    return "".join(out) + "</w:tbl>"


def _runs_xml(found: list[Run], header: bool) -> str:
    out = []
    for text, bold, italic, code in found:
        if code and text and set(text) <= set(BAR):  # a progress bar, in colour, small
            out.append(_run_xml("█" * text.count("█"), color="4CA85A", size=12))
            out.append(_run_xml("█" * text.count("░"), color="D9DEE4", size=12))
            continue
        for n, line in enumerate(text.split("\n")):
            if n:
                out.append("<w:r><w:br/></w:r>")
            out.append(_run_xml(line, bold=bold or header, italic=italic, code=code,
                                size=TABLE_SIZE))
    return "".join(out)


def _run_xml(text: str, bold: bool = False, italic: bool = False, code: bool = False,
             color: str = "", size: int = 0) -> str:
    props = (  # in the order WordprocessingML sets them
        ('<w:rFonts w:ascii="Consolas" w:hAnsi="Consolas"/>' if code else "")
        + ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
        + (f'<w:color w:val="{color}"/>' if color else "")
        + (f'<w:sz w:val="{size}"/>' if size else ""))
    return (f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}"
            f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r>')


def _language(doc, tag: str) -> None:
    """Spelling and hyphenation in the document's language: its defaults (the
    template's say en-US) and the Normal style."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    defaults = doc.styles.element.find(qn("w:docDefaults"))
    places = [doc.styles["Normal"].element.get_or_add_rPr()]
    if defaults is not None:
        places += defaults.findall(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    for rpr in places:
        for old in rpr.findall(qn("w:lang")):
            rpr.remove(old)
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), tag)
        lang.set(qn("w:eastAsia"), tag)
        rpr.append(lang)


def _page_numbers(section, language: str) -> None:
    """'Side 2 af 5' centred in the footer of every page (Word fills in the numbers)."""
    from docx.oxml import parse_xml

    page, of = ("Side", "af") if language == "da" else ("Page", "of")
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = 1  # centred
    footer = paragraph._p
    for piece in (f"{page} ", "PAGE", f" {of} ", "NUMPAGES"):
        if piece in ("PAGE", "NUMPAGES"):
            footer.append(parse_xml(f'<w:fldSimple {W} w:instr="{piece}"><w:r><w:t>1</w:t>'
                                    "</w:r></w:fldSimple>"))
        else:
            footer.append(parse_xml(f'<w:r {W}><w:t xml:space="preserve">{piece}</w:t></w:r>'))


def _now():
    import datetime as dt

    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
