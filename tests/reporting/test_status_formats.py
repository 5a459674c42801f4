"""status in pieces: each format is written a set at a time, and says what it said whole."""

from __future__ import annotations

import json
from datetime import date

import pytest

from prestatie_cli.load.corpus import load_corpus
from prestatie_cli.model.agreements import Thresholds
from prestatie_cli.progress.status import SetStatus, StatusReport, status
from prestatie_cli.reporting.status_formats import (
    STATUS_FORMATS,
    render_json,
    render_markdown,
    render_text,
)
from tests.conftest import REPO

AS_OF = date(2026, 11, 21)


@pytest.fixture(scope="module")
def report() -> StatusReport:
    corpus = load_corpus([REPO / "examples" / "afspraken", REPO / "examples" / "monitor"], "nl")
    shown = status(corpus, AS_OF, Thresholds())
    assert len(shown.sets) >= 5
    return shown


def test_json_pieces_are_the_document_json_would_write_whole(report: StatusReport) -> None:
    pieces = list(STATUS_FORMATS["json"](report, "nl", color=False, width=80))
    # The head, the opening of the list, a piece per set and the close.
    assert len(pieces) == len(report.sets) + 3
    written = "".join(pieces)
    document = json.loads(written)
    assert [item["id"] for item in document["sets"]] == [b.agreements.id for b in report.sets]
    assert written == json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    assert written == render_json(report, "nl", color=False, width=80)


def test_json_of_no_sets_is_an_empty_list() -> None:
    empty = StatusReport(AS_OF, 0, (), ())
    written = "".join(STATUS_FORMATS["json"](empty, "nl", color=False, width=80))
    assert written == '{\n  "version": 1,\n  "as_of": "2026-11-21",\n  "sets": []\n}\n'


def test_json_of_a_set_keeps_what_json_cannot_hold_readable(report: StatusReport) -> None:
    # A lone surrogate (an undecodable byte) in a title is shown as an escape, in that set.
    first = report.sets[0]
    broken = first.agreements.model_copy(update={"title": "Wonen \udc80 in"})
    odd = StatusReport(AS_OF, 2, (SetStatus(broken, first.rows), *report.sets[1:2]), ())
    written = "".join(STATUS_FORMATS["json"](odd, "nl", color=False, width=80))
    sets = json.loads(written)["sets"]
    assert sets[0]["title"] == "Wonen \\x80 in"
    assert sets[1]["title"] == report.sets[1].agreements.title
    assert written.count("\\\\x80") == 1
    written.encode("utf-8")  # valid UTF-8: no surrogate left


@pytest.mark.parametrize("name", ["text", "md"])
def test_text_and_markdown_come_a_set_at_a_time(report: StatusReport, name: str) -> None:
    whole = {"text": render_text, "md": render_markdown}[name]
    pieces = list(STATUS_FORMATS[name](report, "nl", color=False, width=100))
    assert len(pieces) == len(report.sets)
    for piece, block in zip(pieces, report.sets, strict=True):
        assert block.agreements.title in piece
    assert "".join(pieces) == whole(report, "nl", color=False, width=100)
