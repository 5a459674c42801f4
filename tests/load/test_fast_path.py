"""The C parser path gives exactly what the Python parser gives: data, positions, errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prestatie_cli.load import yaml as loading
from prestatie_cli.load.yaml import LoadError, decode, load_text
from tests.conftest import REPO

FILES = sorted(
    path
    for folder in (REPO / "examples", REPO / "tests" / "bad_input")
    for path in folder.rglob("*")
    if path.suffix in (".yaml", ".yml") and path.is_file()
)


def _outcome(text: str, fast: bool, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setattr(loading, "FAST", fast)
    try:
        document = load_text(text, "x.yaml")
    except LoadError as error:
        return ("error", error.code, error.line, error.column, error.params)
    return (document.data, document.values, document.keys, document.number_texts)


def _text(path: Path) -> Iterator[str]:
    try:
        yield decode(path.read_bytes(), path.name)
    except LoadError:
        return


def test_the_c_parser_is_installed() -> None:
    assert loading._CParser is not None


def test_corpus_is_large_enough() -> None:
    assert len(FILES) > 60


@pytest.mark.parametrize("path", FILES, ids=lambda path: str(path.relative_to(REPO)))
def test_same_outcome_for_every_example_and_bad_input(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for text in _text(path):
        assert _outcome(text, True, monkeypatch) == _outcome(text, False, monkeypatch)


_YAMLISH = st.text(
    alphabet=st.sampled_from(list("ab:-[]{}#'\"!&*|>\n\t ,.0123456789é\u2028\x85")), max_size=60
)


@settings(max_examples=500, deadline=None)
@given(_YAMLISH)
def test_what_the_python_parser_accepts_reads_the_same(text: str) -> None:
    """Whatever mapping ruamel's parser accepts, the C path reads identically; what it
    rejects, the C path rejects alike or (rarely: '|#', a tab after a value) accepts."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        pure = _outcome(text, False, monkeypatch)
        fast = _outcome(text, True, monkeypatch)
    # Our files are mappings; at the root of a document libyaml also reads a block scalar
    # differently ('|' then '#' at column 1 is a comment to it, text to ruamel).
    if isinstance(pure[0], dict) or (pure[0] == "error" and fast[0] == "error"):
        assert fast == pure
