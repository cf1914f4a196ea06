"""The documents as files a chair sends as they are: one self-contained HTML page
(no script, no link out, rendered by a real headless Chromium) and a Word file
(real headings and tables, opened here with python-docx), in Danish, with no
markdown syntax and no raw markup from what people typed."""

import shutil
import subprocess
import zipfile

import pytest
from click.testing import CliRunner
from docx import Document

from tracker.cli import main
from tracker.document import blocks, runs
from tracker.model import Change

HOSTILE = "Kick-off | **held** <script>alert(1)</script> `x` _y_ [link](http://x) \\ & ok"


def run(plan_file, *args, lang="da"):
    return CliRunner().invoke(main, ["--plan", str(plan_file), "--user", "anna", "--lang",
                                     lang, *args])


@pytest.fixture
def filled(store):
    store.edit("haps", Change(status="igangsat", owners=["region", "plo"], lead="plo",
                              priorities={2024: "high"}, deliverables={2024: "Rapport"},
                              note=HOSTILE), "anna", "cli")
    store.add_action("haps", "Evaluering", 2024, "anna", "cli", due="2024-02-01")
    store.close()


def all_text(document) -> list[str]:
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    return texts


def test_the_markdown_reads_back_as_text_with_its_escapes_undone():
    from tracker.md import inline

    assert "".join(t for t, *_ in runs(inline(HOSTILE))) == HOSTILE
    (table,) = blocks("| a | b |\n|---|---:|\n| x \\| y | **z**<br>w |")
    assert [[("".join(t for t, *_ in c)) for c in row] for row in table.rows] == [
        ["x | y", "z\nw"]]
    assert table.right == [False, True]


def test_the_status_report_as_a_word_file(filled, plan_file, tmp_path):
    target = tmp_path / "status.docx"
    result = run(plan_file, "export", "--date", "2024-03-15", "-o", str(target))
    assert result.exit_code == 0, result.output
    document = Document(str(target))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "Status pr. 15.03.2024"
    assert "Opmærksomhedspunkter" in headings and "Overblik" in headings
    assert len(document.tables) >= 5
    texts = all_text(document)
    assert any(HOSTILE in text for text in texts)  # as typed, not as markup
    for text in texts:
        for syntax in ("**", "<br>", "\\|", "```", "mermaid"):
            assert syntax not in text.replace(HOSTILE, ""), (syntax, text)
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    assert ["HAPS", "PLO-Hovedstaden", "igangsat", "●●● høj", "Rapport"] in [r[:5] for r in rows]
    assert document.core_properties.title == "Status pr. 15.03.2024"


def test_the_implementation_plan_as_a_page_with_no_script_and_no_link_out(filled, plan_file,
                                                                          tmp_path):
    target = tmp_path / "plan.html"
    result = run(plan_file, "export", "--implementation-plan", "2024", "--date", "2024-03-15",
                 "-o", str(target))
    assert result.exit_code == 0, result.output
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="da">' in page
    assert "<script" not in page and "src=" not in page and "href=" not in page
    assert "@page { size: A4" in page and "<h1>Implementeringsplan 2024" in page
    assert "Leverance 2024: Rapport" in page


@pytest.mark.processes
@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Chromium (Debian: chromium)")
def test_a_real_browser_prints_the_page_on_a_few_a4_pages(filled, plan_file, tmp_path):
    page = tmp_path / "status.html"
    assert run(plan_file, "export", "--date", "2024-03-15", "-o", str(page)).exit_code == 0
    pdf = tmp_path / "status.pdf"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    pages = pdf.read_bytes().count(b"/Type /Page\n") + pdf.read_bytes().count(b"/Type/Page")
    assert 2 <= pages <= 12, pages


def test_the_format_follows_the_files_name_and_a_binary_is_never_typed_out(filled, plan_file,
                                                                           tmp_path):
    assert run(plan_file, "export", "-o", str(tmp_path / "a.docx")).exit_code == 0
    assert zipfile.is_zipfile(tmp_path / "a.docx")
    refused = run(plan_file, "export", "--format", "docx")
    assert refused.exit_code == 1 and "angiv -o FIL.docx" in refused.stderr


def test_pdf_without_its_extra_is_one_line_and_writes_nothing(filled, plan_file, tmp_path):
    try:
        import weasyprint  # noqa: F401
        pytest.skip("WeasyPrint is installed here")
    except ImportError:
        pass
    result = run(plan_file, "export", "-o", str(tmp_path / "a.pdf"), lang="en")
    assert result.exit_code == 1 and "pip install 'praksisplan-tracker[pdf]'" in result.stderr
    assert not list(tmp_path.glob("*a.pdf*"))


def test_the_final_status_as_a_word_file(filled, plan_file, tmp_path):
    target = tmp_path / "slut.docx"
    assert run(plan_file, "export", "--final", "-o", str(target)).exit_code == 0
    headings = [p.text for p in Document(str(target)).paragraphs
                if p.style.name.startswith("Heading")]
    assert headings[0] == "Slutstatus: Praksisplan for almen praksis 2022-2025"


def test_the_charts_are_drawn_in_html_and_word_and_left_out_of_markdown(filled, plan_file,
                                                                        tmp_path):
    """Status per objective as stacked bars (SVG in the page, shaded cells in Word),
    the priority grid coloured by level, and the year's time plan month by month."""
    import re

    assert run(plan_file, "meeting", "add", "2024-03-18", "--body", "ppu").exit_code == 0
    assert run(plan_file, "export", "-o", str(tmp_path / "s.html")).exit_code == 0
    page = (tmp_path / "s.html").read_text(encoding="utf-8")
    svg = page.split("<svg", 1)[1].split("</svg>", 1)[0]
    # 9. Sparring og rådgivning: its one initiative in progress, in the status's colour
    assert "9. Sparring og rådgivning" in svg and 'fill="#3B7DD8"' in svg
    assert svg.count("<rect") == 6  # one part each: six objectives have initiatives
    assert "igangsat</span>" in page.split("<figcaption>", 1)[1]  # the legend, in words
    assert re.search(r'<td style="background:#F4B183">●●● høj</td>', page)  # high: darkest
    assert "<script" not in page.replace("&lt;script&gt;", "")
    assert run(plan_file, "export", "-o", str(tmp_path / "s.md")).exit_code == 0
    assert "```" not in (tmp_path / "s.md").read_text(encoding="utf-8")

    assert run(plan_file, "export", "--implementation-plan", "2024",
               "-o", str(tmp_path / "p.html")).exit_code == 0
    plan = (tmp_path / "p.html").read_text(encoding="utf-8")
    months = plan.split('<table class="months">', 1)[1].split("</table>", 1)[0]
    assert "<th class=\"month\">mar</th>" in months
    row = [r for r in months.split("<tr>") if "Praksisplanudvalget" in r][0]
    cells = re.findall(r'<td class="month"( style="[^"]*")?>', row)
    assert [n for n, style in enumerate(cells, 1) if style] == [3]  # March, and only March

    assert run(plan_file, "export", "-o", str(tmp_path / "s.docx")).exit_code == 0
    with zipfile.ZipFile(tmp_path / "s.docx") as z:
        xml = z.read("word/document.xml").decode()
    assert 'w:fill="3B7DD8"' in xml  # the bar's cells, shaded
    assert 'w:fill="F4B183"' in xml  # the high priority's cell
    with zipfile.ZipFile(tmp_path / "s.docx") as z:  # "Side 1 af 3" on every page
        footers = [z.read(n).decode() for n in z.namelist() if n.startswith("word/footer")]
        core = z.read("docProps/core.xml").decode()
    assert any('w:instr="PAGE"' in f and "Side " in f and 'w:instr="NUMPAGES"' in f
               for f in footers)
    assert "python-docx" not in core and "2013" not in core  # not the template's
    assert '<w:jc w:val="center"/><w:tblW' not in xml  # the schema's order: tblW, then jc
    document = Document(str(tmp_path / "s.docx"))  # and Word's reader opens it
    assert any("9. Sparring og rådgivning (1)" in c for c in all_text(document))
