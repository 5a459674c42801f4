"""The HTML report as a PDF, laid out by WeasyPrint from the same HTML and its print CSS.

WeasyPrint (an optional extra) renders CSS paged media: page numbers and a running
header in the page margins, page breaks between sets, and a tagged PDF for screen
readers; with a variant, PDF/A for the archive.
"""

from __future__ import annotations

from pathlib import Path

from prestatie_cli.errors import PrestatieError

# The PDF/A variants offered: tagged ("a") and unicode ("u") levels keep the text readable.
PDF_VARIANTS = ("pdf/a-3a", "pdf/a-3u", "pdf/a-2u", "pdf/ua-1")


class PdfUnavailable(PrestatieError):
    """WeasyPrint (the ``pdf`` extra) is not installed."""


def write_pdf(html: str, target: Path, variant: str | None = None) -> None:
    """Write ``html`` to ``target`` as a tagged PDF (``variant``: a PDF/A or PDF/UA level)."""
    try:
        # Imported here: only a PDF needs WeasyPrint, and it is an optional extra.
        from weasyprint import HTML
    except (ImportError, OSError):  # OSError: the package is there, Pango is not
        raise PdfUnavailable(key="report.pdf-needs-extra") from None
    from weasyprint.urls import URLFetcher

    # The report is self-contained: nothing in it may make the PDF reach the network or
    # read a file (an image or stylesheet named in hostile text), only inline data.
    fetcher = URLFetcher(allowed_protocols=("data",), allow_redirects=False)
    document = HTML(string=html, base_url=None, url_fetcher=fetcher)
    try:
        document.write_pdf(target, pdf_tags=True, pdf_variant=variant)
    except Exception as error:  # WeasyPrint raises many kinds; none may become a traceback
        raise PrestatieError(key="report.pdf-failed", error=str(error)) from None
