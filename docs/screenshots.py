"""Regenerate the README's pictures of the report: its first page and one agreement card.

    .venv/bin/python docs/screenshots.py

Needs the test extra (Playwright) and Chromium (Debian: apt-get install chromium).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

DOCS = Path(__file__).resolve().parent
REPO = DOCS.parent


def main() -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("Chromium is needed: apt-get install chromium")
    with tempfile.TemporaryDirectory() as folder:
        page_file = Path(folder) / "rapport.html"
        subprocess.run(
            [sys.executable, "-m", "prestatie_cli", "report", "--as-of", "2026-11-21",
             "-o", str(page_file), "examples/afspraken", "examples/monitor"],
            cwd=REPO, check=True,
        )  # fmt: skip
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1100, "height": 1400})
            page.goto(page_file.as_uri(), wait_until="load")
            page.screenshot(path=str(DOCS / "rapport.png"))
            card = page.locator("#a-bodegraven-reeuwijk-2016-2019-BS-04")
            card.screenshot(path=str(DOCS / "rapport-afspraak.png"))
            browser.close()


if __name__ == "__main__":
    main()
