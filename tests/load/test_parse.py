"""load.parse: the one way every command reads a file."""

from __future__ import annotations

import json
from pathlib import Path

from prestatie_cli.load.parse import parse, parse_file
from prestatie_cli.model.agreements import AgreementSet, Monitor
from tests.conftest import base_monitor, base_set


def test_a_valid_set_gives_its_model_and_no_problem() -> None:
    parsed = parse(json.dumps(base_set(), indent=2), "afspraken/set.yaml")
    assert isinstance(parsed.model, AgreementSet)
    assert parsed.model.id == "voorbeeld-2016-2019"
    assert parsed.document is not None
    assert parsed.document.path == "afspraken/set.yaml"
    assert (parsed.problems, parsed.findings, parsed.unreadable) == ((), (), False)


def test_a_valid_monitor_gives_its_model() -> None:
    parsed = parse(json.dumps(base_monitor(), indent=2), "monitor/set.yaml")
    assert isinstance(parsed.model, Monitor)
    assert len(parsed.model.measurements) == 4


def test_text_that_is_no_yaml_is_unreadable_with_one_placed_problem() -> None:
    parsed = parse("kind: agreements\ntitle: 'open\n", "kapot.yaml", "en")
    assert parsed.unreadable
    assert parsed.model is None
    assert parsed.findings == ()
    [problem] = parsed.problems
    assert (problem.path, problem.code, problem.severity) == ("kapot.yaml", "Y005", "error")
    assert (problem.line, problem.column) == (2, 8)


def test_a_wrong_shape_keeps_the_document_and_words_each_finding() -> None:
    data = base_set()
    data["titel"] = data.pop("title")
    parsed = parse(json.dumps(data, indent=2), "set.yaml")
    assert not parsed.unreadable
    assert parsed.model is None
    assert [(p.code, p.line, p.column) for p in parsed.problems] == [
        ("V002", 1, 1),
        ("V001", 69, 3),
    ]
    assert parsed.problems[1].message == "Onbekend veld 'titel'."
    assert [(f.code, f.pointer) for f in parsed.findings] == [
        ("V002", ()),
        ("V001", ("titel",)),
    ]


def test_parse_file_names_a_missing_file(tmp_path: Path) -> None:
    parsed = parse_file(tmp_path / "weg.yaml", "nl", shown="weg.yaml")
    assert parsed.unreadable
    [problem] = parsed.problems
    assert (problem.path, problem.line, problem.column, problem.code) == ("weg.yaml", 1, 1, "Y001")
    assert problem.message == "Het bestand bestaat niet."


def test_parse_file_reads_what_parse_reads(tmp_path: Path) -> None:
    path = tmp_path / "set.yaml"
    text = json.dumps(base_set(), indent=2)
    path.write_text(text, encoding="utf-8")
    from_file = parse_file(path)
    from_text = parse(text, str(path))
    assert from_file.model == from_text.model
    assert from_file.problems == from_text.problems == ()
