"""S1xx: vague phrases are found where they stand, also across lines and twice."""

from __future__ import annotations

import json
from pathlib import Path

from prestatie_cli.check.engine import check
from prestatie_cli.check.result import CheckOptions
from prestatie_cli.rules.specific import vague_phrases
from tests.conftest import DURING, base_set


def _set_with_text(tmp_path: Path, text_block: str) -> Path:
    data = base_set()
    agreement = data["agreements"].pop()
    header = "\n".join(
        f"{key}: {json.dumps(value)}" for key, value in data.items() if key != "agreements"
    )
    fields = "\n".join(
        f"    {key}: {json.dumps(value)}"
        for key, value in agreement.items()
        if key not in ("id", "text")
    )
    path = tmp_path / "set.yaml"
    path.write_text(
        f"{header}\nagreements:\n  - id: BS-01\n{fields}\n    text: >-\n{text_block}",
        encoding="utf-8",
    )
    return path


def test_phrase_split_over_lines_is_found_at_its_start(tmp_path: Path) -> None:
    path = _set_with_text(
        tmp_path,
        "      Met volle inzet van middelen bouwt de corporatie; zij zet zich\n"
        "      in om 180 woningen op te leveren.\n",
    )
    lines = path.read_text(encoding="utf-8").splitlines()
    (problem,) = check([path], CheckOptions(DURING)).problems
    assert problem.code == "S101"
    assert lines[problem.line - 1][problem.column - 1 :].startswith("zet zich")
    assert problem.message.endswith("'zet zich in'.")


def test_each_occurrence_gets_its_own_position(tmp_path: Path) -> None:
    path = _set_with_text(
        tmp_path,
        "      De corporatie zet zich in voor nieuwbouw.\n"
        "      De gemeente zet zich in voor locaties.\n",
    )
    problems = check([path], CheckOptions(DURING)).problems
    start = len(path.read_text(encoding="utf-8").splitlines()) - 1
    assert [(p.code, p.line, p.column) for p in problems] == [
        ("S101", start, 21),
        ("S101", start + 1, 19),
    ]


def test_vague_phrases_match_whole_words_only() -> None:
    assert vague_phrases("Wij onderzoeken de mogelijkheden en streven  naar meer.") == [
        "onderzoeken",
        "streven  naar",
    ]
    assert vague_phrases("Het onderzoeksrapport en de bevorderingsregeling.") == []
