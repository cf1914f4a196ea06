"""The formats a document is written in: its markdown as it is, or made into
one self-contained HTML page, a Word file, or (with the pdf extra) a PDF."""

from __future__ import annotations

from pathlib import Path

from .catalogue import language
from .errors import TrackerError

FORMATS = ("markdown", "html", "docx", "pdf", "json", "yaml")
FORMATS_BY_SUFFIX = {".md": "markdown", ".markdown": "markdown", ".html": "html",
                     ".htm": "html", ".docx": "docx", ".pdf": "pdf", ".json": "json",
                     ".yaml": "yaml", ".yml": "yaml"}


def format_of(path, default: str = "markdown") -> str:
    """The format a file's name asks for."""
    return FORMATS_BY_SUFFIX.get(Path(path).suffix.lower(), default)


def formatted(markdown: str, fmt: str) -> str | bytes:
    """A document's markdown in the format asked for (json and markdown: as they are)."""
    if fmt in ("html", "pdf"):
        from .html_doc import to_html

        page = to_html(markdown)
        return page if fmt == "html" else to_pdf(page)
    if fmt == "docx":
        from .docx_doc import to_docx

        return to_docx(markdown, language())
    from .charts import without_charts

    return without_charts(markdown)  # its tables say in figures what the charts draw


def to_pdf(page: str) -> bytes:
    try:
        from weasyprint import HTML
    except ImportError:  # an optional extra: say which, do not fail half-way
        raise TrackerError("cli.pdf_extra") from None
    return HTML(string=page).write_pdf()
