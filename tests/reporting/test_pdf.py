"""reporting.pdf: the PDF is laid out from the report alone, never from the network or a file."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from prestatie_cli.reporting.pdf import write_pdf


@pytest.fixture
def server() -> Iterator[tuple[int, list[str]]]:
    """A local web server that records every path asked of it."""
    asked: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.HTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1], asked
    httpd.shutdown()
    httpd.server_close()


def test_nothing_outside_the_report_is_fetched(
    server: tuple[int, list[str]], tmp_path: Path
) -> None:
    port, asked = server
    secret = tmp_path / "geheim.css"
    secret.write_text("body { color: red }", encoding="utf-8")
    html = (
        f'<html><head><link rel="stylesheet" href="{secret.as_uri()}"></head><body>'
        f'<p>Afspraak</p><img src="http://127.0.0.1:{port}/beeld.png">'
        "</body></html>"
    )
    target = tmp_path / "rapport.pdf"
    write_pdf(html, target)
    assert asked == []
    assert target.read_bytes().startswith(b"%PDF-")
