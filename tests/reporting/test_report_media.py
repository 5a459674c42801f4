"""prestatie report on every medium: axe-core and a phone in Chromium, a PDF read back,
Markdown that reads without colour, Dutch dates and numbers."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import date
from importlib.resources import files
from pathlib import Path

import pytest

from prestatie_cli.reporting.report_view import amount, long_date, theme_label
from tests.conftest import REPO
from tests.reporting.test_report import CASES, _render, run

# The monitor's explanation of each agreement of Bodegraven-Reeuwijk that was not met.
REASONS = {
    "BS-04": "de doorlooptijd liep op door onderbezetting bij de gemeente",
    "KD-03": "Er meldden zich te weinig vrijwillige energiecoaches",
    "BD-01": "doordat de nieuwbouw in Reeuwijk-Brug later werd opgeleverd",
    "BD-02": "de uitstroom uit beschermd wonen is in deze periode niet geregistreerd",
}


def _chromium() -> str:
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI must test the report in Chromium; .ci/run installs it")
        pytest.skip("Chromium is not installed (CI installs it)")
    return executable


@pytest.mark.parametrize(("width", "scheme"), [(1280, "light"), (390, "light"), (390, "dark")])
def test_html_has_no_axe_violations_and_fits_a_phone(
    tmp_path: Path, width: int, scheme: str
) -> None:
    from playwright.sync_api import sync_playwright

    axe = (files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
    page_file = tmp_path / "rapport.html"
    page_file.write_text(_render(CASES["alle"], "html"), encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=_chromium(), args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
            page.goto(page_file.as_uri(), wait_until="load")
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            page.screenshot(path=str(tmp_path / "rapport.png"))
            page.add_script_tag(content=axe)
            result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        finally:
            browser.close()
    violations = [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in result["violations"]]
    assert violations == []
    # No horizontal scrolling: the page is exactly as wide as the screen.
    assert scroll_width == width


def _pdf_text(path: Path) -> tuple[int, str]:
    from pypdf import PdfReader

    reader = PdfReader(path)
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def test_pdf_holds_the_reasons_baselines_and_page_numbers(tmp_path: Path) -> None:
    target = tmp_path / "rapport.pdf"
    done = run("report", "--as-of", "2026-11-21", "-o", target, *CASES["bodegraven"])
    assert (done.returncode, done.stdout) == (0, "")
    assert done.stderr.endswith(f"Rapport geschreven naar {target}.\n")
    assert target.read_bytes().startswith(b"%PDF-")
    pages, shown = _pdf_text(target)
    flat = " ".join(shown.split())
    for agreement, reason in REASONS.items():
        assert agreement in flat
        assert reason in flat, agreement
    assert "Nulmeting 38 weken op 31 december 2015" in flat
    assert "In het kort" in flat
    assert pages > 5
    assert [f"pagina {n} van {pages}" in flat for n in (1, pages)] == [True, True]
    # The running header: the set and the report's date.
    assert "Prestatieafspraken Bodegraven-Reeuwijk 2016-2019 21 november 2026" in flat


def test_pdf_for_the_archive(tmp_path: Path) -> None:
    target = tmp_path / "rapport.pdf"
    args = ["report", "--as-of", "2026-11-21", "--pdf-variant", "pdf/a-3u"]
    done = run(*args, "-o", target, *CASES["hofstreek"])
    assert done.returncode == 0, done.stderr
    from pypdf import PdfReader

    metadata = PdfReader(target).xmp_metadata
    assert metadata is not None
    assert b"pdfaid" in metadata.stream.get_data()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "md", "-o", "rapport.pdf"], "-o {tmp}/rapport.pdf past niet bij --format md"),
        (
            ["--format", "pdf", "-o", "rapport.html"],
            "-o {tmp}/rapport.html past niet bij --format pdf",
        ),
        (["--format", "pdf"], "Een PDF gaat naar een bestand: geef -o rapport.pdf."),
        (["--pdf-variant", "pdf/a-3u", "-o", "rapport.html"], "--pdf-variant hoort bij een PDF"),
        (["--pdf-variant", "pdf/z", "-o", "rapport.pdf"], "--pdf-variant pdf/z bestaat niet"),
    ],
)
def test_a_pdf_that_cannot_be_meant_is_refused(
    tmp_path: Path, args: list[str], message: str
) -> None:
    shown = [str(tmp_path / arg) if arg.startswith("rapport.") else arg for arg in args]
    done = run("report", *shown, *CASES["hofstreek"])
    assert done.returncode == 2
    assert message.format(tmp=tmp_path) in done.stderr
    assert "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_pdf_to_the_terminal_is_refused_in_english() -> None:
    done = run("report", "--lang", "en", "--format", "pdf", *CASES["hofstreek"])
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "prestatie: A PDF is written to a file: give -o report.pdf.\n"


@pytest.mark.parametrize(
    ("name", "args"),
    [("r.docx", []), ("r.docx", ["--format", "html"]), ("r.txt", []), ("r", [])],
)
def test_a_report_file_of_another_kind_is_refused(
    tmp_path: Path, name: str, args: list[str]
) -> None:
    target = tmp_path / name
    done = run("report", *args, "-o", target, *CASES["hofstreek"])
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        f"prestatie: -o {target}: een rapport is Markdown, HTML of PDF; "
        "laat de naam eindigen op .md .markdown .html .htm .pdf.\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_pdf_without_weasyprint_names_the_extra(tmp_path: Path) -> None:
    # A real interpreter in which WeasyPrint cannot be imported, as without the extra.
    code = (
        "import sys; sys.modules['weasyprint'] = None\n"
        "from prestatie_cli.cli import main\n"
        "sys.argv = ['prestatie', *sys.argv[1:]]\nmain()\n"
    )
    target = tmp_path / "rapport.pdf"
    done = subprocess.run(
        [sys.executable, "-c", code, "report", "-o", str(target), *map(str, CASES["hofstreek"])],
        cwd=REPO, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert "pip install 'prestatie[pdf]'" in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_markdown_reads_without_colour_and_mentions_nobody(tmp_path: Path) -> None:
    shown = _render(CASES["bodegraven"], "md")
    assert "#### BS-04 Doorlooptijd ruimtelijke procedures: 🔴 **niet gehaald**" in shown
    assert "- Voortgang: `░░░░░░░░░░░░░░░░░░░┃` -58 % (verwacht op die datum 100 %)" in shown
    assert "- Nulmeting: 38 weken op 31 december 2015" in shown
    assert "| | |" not in shown
    for reason in REASONS.values():
        assert reason in " ".join(shown.split())
    afspraken = (CASES["hofstreek"][0]).read_text(encoding="utf-8")
    with_mention = tmp_path / "set.yaml"
    with_mention.write_text(
        afspraken.replace("title: ", "title: Overleg met @gemeente over ", 1), "utf-8"
    )
    done = run("report", "--as-of", "2026-11-21", with_mention)
    assert "\\@gemeente" in done.stdout
    assert re.search(r"(?<!\\)@gemeente", done.stdout) is None


def test_dates_numbers_and_themes_as_a_reader_writes_them() -> None:
    assert long_date(date(2019, 12, 31), "nl") == "31 december 2019"
    assert long_date(date(2019, 12, 31), "en") == "31 December 2019"
    assert amount(731.4, "nl", whole=True) == "731"
    assert amount(22000.456, "nl") == "22.000,46"
    assert amount(22000.456, "en") == "22,000.46"
    assert theme_label("kwaliteit-en-duurzaamheid", "nl") == "Kwaliteit en duurzaamheid"
    assert theme_label("wonen-en-zorg", "en") == "Housing and care"
    assert theme_label("jongeren-en-starters", "nl") == "Jongeren en starters"
    html = _render(CASES["alle"], "html")
    assert "<h1>Overzicht van 6 sets</h1>" in html
    # Dates in long form everywhere but in machine attributes, the findings of check (its
    # own wording) and a note that writes an ISO date itself.
    shown = re.sub(r'datetime="[^"]+"', "", html)
    shown = re.sub(r'<section aria-labelledby="findings-.*?</section>', "", shown, flags=re.S)
    assert re.findall(r"\b20\d\d-\d\d-\d\d\b", shown) == ["2017-06-27"]
