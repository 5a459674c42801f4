"""The YAML loader on its own: scalar resolution, positions, and every way a file can be bad.

Positions are 1-based (line, column) as the user sees them in an editor.
"""

from __future__ import annotations

import math
import os
import pickle
import random
import sys
import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prestatie_cli.load import yaml as loading
from prestatie_cli.load.yaml import (
    MAX_ALIAS_NODES,
    MAX_DEPTH,
    MAX_FILE_BYTES,
    Document,
    LoadError,
    Pointer,
    Span,
    decode,
    load_file,
    load_text,
    resolve_scalar,
)

BAD_INPUT = Path(__file__).parent.parent / "bad_input"


def load_error(text: str) -> LoadError:
    with pytest.raises(LoadError) as caught:
        load_text(text, "test.yaml")
    return caught.value


def where(error: LoadError) -> tuple[str, int | None, int | None]:
    return error.code, error.line, error.column


# --- Scalars: YAML 1.2 core schema plus ISO dates ---------------------------------------

SCALARS: list[Any] = [
    # Norway stays Norway: YAML 1.1 booleans are text in 1.2.
    ("no", "no"),
    ("No", "No"),
    ("yes", "yes"),
    ("on", "on"),
    ("off", "off"),
    ("y", "y"),
    ("n", "n"),
    ("true", True),
    ("True", True),
    ("TRUE", True),
    ("false", False),
    ("False", False),
    ("FALSE", False),
    ("tRUE", "tRUE"),
    ("", None),
    ("~", None),
    ("null", None),
    ("Null", None),
    ("NULL", None),
    ("nULL", "nULL"),
    ("0", 0),
    ("180", 180),
    ("-5", -5),
    ("+12", 12),
    ("012", 12),
    ("1_000", "1_000"),
    ("0x1A", "0x1A"),
    ("0o17", "0o17"),
    ("2.5", 2.5),
    ("-0.5", -0.5),
    (".5", 0.5),
    ("5.", 5.0),
    ("1e3", 1000.0),
    ("1E-3", 0.001),
    ("3.000", 3.0),
    ("3,5", "3,5"),
    ("1e400", "1e400"),  # would be infinity
    (".inf", ".inf"),
    ("-.inf", "-.inf"),
    (".Inf", ".Inf"),
    (".nan", ".nan"),
    (".NaN", ".NaN"),
    ("12:30", "12:30"),  # sexagesimal in YAML 1.1 only
    ("2016-01-01", date(2016, 1, 1)),
    ("2019-12-31", date(2019, 12, 31)),
    ("2020-02-29", date(2020, 2, 29)),
    ("2019-02-30", "2019-02-30"),
    ("2019-02-29", "2019-02-29"),
    ("2016-13-01", "2016-13-01"),
    ("0000-01-01", "0000-01-01"),
    ("2016-1-1", "2016-1-1"),
    ("2016-01-01T10:00:00", "2016-01-01T10:00:00"),
    ("1" * 30, int("1" * 30)),
    ("1" * 31, "1" * 31),
    ("1234567890123456789012345678901234567890", "1234567890123456789012345678901234567890"),
    ("1234567890123456789012345678901234567890.5", "1234567890123456789012345678901234567890.5"),
    ("\uff11\uff12", "\uff11\uff12"),  # full-width digits are not digits here
    ("Woonstichting A", "Woonstichting A"),
]


@pytest.mark.parametrize(("written", "expected"), SCALARS, ids=[repr(item[0]) for item in SCALARS])
def test_resolve_scalar(written: str, expected: Any) -> None:
    value = resolve_scalar(written)
    assert value == expected
    assert type(value) is type(expected)


def _same_resolution(written: str) -> None:
    quick, by_pattern = resolve_scalar(written), loading._resolve_by_pattern(written)
    assert type(quick) is type(by_pattern)
    assert quick == by_pattern or (quick != quick and by_pattern != by_pattern)


@pytest.mark.parametrize(
    "written",
    ["123e-56789", "+12e-45678", "1234-56-78", "2025-02-30", "null\n", "12\n", "tRue", "1e999"],
)
def test_resolve_scalar_takes_shortcuts_to_what_the_patterns_say(written: str) -> None:
    # A number shaped like a date ("123e-56789" has "-" where a date does) stays a number.
    _same_resolution(written)


@given(st.text(alphabet="0123456789+-.eE:~nNtTfFrualsx \n_", max_size=12))
def test_resolve_scalar_agrees_with_the_patterns_on_generated_text(written: str) -> None:
    _same_resolution(written)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("no", "no"),
        ("on", "on"),
        ("yes", "yes"),
        ("true", True),
        ("false", False),
        ("180", 180),
        ("2.5", 2.5),
        ("3.000", 3.0),
        ("2016-01-01", date(2016, 1, 1)),
        ("2019-02-30", "2019-02-30"),
        (".inf", ".inf"),
        (".nan", ".nan"),
        ("1234567890123456789012345678901234567890", "1234567890123456789012345678901234567890"),
        ("~", None),
        ("", None),
        # Quoted and explicitly tagged scalars are always text.
        ('"180"', "180"),
        ("'180'", "180"),
        ('"true"', "true"),
        ("'2016-01-01'", "2016-01-01"),
        ('""', ""),
        ("!!str 180", "180"),
        ("! 180", "180"),
        ("'it''s'", "it's"),
    ],
)
def test_scalars_in_a_document(written: str, expected: Any) -> None:
    document = load_text(f"value: {written}\n", "test.yaml")
    assert document.data == {"value": expected}
    assert type(document.data["value"]) is type(expected)


def test_numbers_keep_their_written_text() -> None:
    document = load_text("a: 3.000\nb: [180, '7', 2.50, x]\nc: true\nd: 2016-01-01\n", "t.yaml")
    assert document.data == {"a": 3.0, "b": [180, "7", 2.5, "x"], "c": True, "d": date(2016, 1, 1)}
    assert document.number_texts == {("a",): "3.000", ("b", 0): "180", ("b", 2): "2.50"}


def test_infinite_and_nan_never_become_floats() -> None:
    document = load_text("a: .inf\nb: -.inf\nc: .nan\nd: 1e400\ne: -1e400\n", "t.yaml")
    for value in document.data.values():
        assert isinstance(value, str)
    assert not any(isinstance(v, float) and not math.isfinite(v) for v in document.data.values())
    assert document.number_texts == {}


# --- Positions ----------------------------------------------------------------------------

SAMPLE = """\
kind: agreements
period:
  start: 2016-01-01
  end: 2019-12-31
parties:
  - id: gemeente
    name: Gemeente
  - {id: corp, name: "Woon, stichting"}
list: [a, 'b', "c"]
nested:
  - - x
    - y
folded: >-
  streven naar
  meer woningen
literal: |
  regel een
  regel twee
empty:
last: ~
"""

# pointer -> (line, column, end_line, end_column) of the value
SAMPLE_VALUES: list[tuple[Pointer, tuple[int, int, int, int]]] = [
    ((), (1, 1, 20, 8)),  # a collection ends where its last value ends
    (("kind",), (1, 7, 1, 17)),
    (("period",), (3, 3, 4, 18)),
    (("period", "start"), (3, 10, 3, 20)),
    (("period", "end"), (4, 8, 4, 18)),
    (("parties",), (6, 3, 8, 39)),
    (("parties", 0), (6, 5, 7, 19)),
    (("parties", 0, "id"), (6, 9, 6, 17)),
    (("parties", 0, "name"), (7, 11, 7, 19)),
    (("parties", 1), (8, 5, 8, 39)),
    (("parties", 1, "id"), (8, 10, 8, 14)),
    (("parties", 1, "name"), (8, 22, 8, 39)),
    (("list",), (9, 7, 9, 19)),
    (("list", 0), (9, 8, 9, 9)),
    (("list", 1), (9, 11, 9, 14)),
    (("list", 2), (9, 16, 9, 19)),
    (("nested",), (11, 3, 12, 8)),
    (("nested", 0), (11, 5, 12, 8)),
    (("nested", 0, 0), (11, 7, 11, 8)),
    (("nested", 0, 1), (12, 7, 12, 8)),
    (("folded",), (13, 9, 16, 1)),
    (("literal",), (16, 10, 19, 1)),
    (("last",), (20, 7, 20, 8)),
]

# pointer -> (line, column) of the key
SAMPLE_KEYS: list[tuple[Pointer, tuple[int, int]]] = [
    (("kind",), (1, 1)),
    (("period",), (2, 1)),
    (("period", "start"), (3, 3)),
    (("period", "end"), (4, 3)),
    (("parties",), (5, 1)),
    (("parties", 0, "id"), (6, 5)),
    (("parties", 0, "name"), (7, 5)),
    (("parties", 1, "id"), (8, 6)),
    (("parties", 1, "name"), (8, 16)),
    (("list",), (9, 1)),
    (("nested",), (10, 1)),
    (("folded",), (13, 1)),
    (("literal",), (16, 1)),
    (("empty",), (19, 1)),
    (("last",), (20, 1)),
]


@pytest.fixture(scope="module")
def sample() -> Document:
    return load_text(SAMPLE, "sample.yaml")


def test_sample_data(sample: Document) -> None:
    assert sample.data == {
        "kind": "agreements",
        "period": {"start": date(2016, 1, 1), "end": date(2019, 12, 31)},
        "parties": [
            {"id": "gemeente", "name": "Gemeente"},
            {"id": "corp", "name": "Woon, stichting"},
        ],
        "list": ["a", "b", "c"],
        "nested": [["x", "y"]],
        "folded": "streven naar meer woningen",
        "literal": "regel een\nregel twee\n",
        "empty": None,
        "last": None,
    }
    assert sample.path == "sample.yaml"
    assert sample.text == SAMPLE


@pytest.mark.parametrize(("pointer", "expected"), SAMPLE_VALUES, ids=str)
def test_value_positions(sample: Document, pointer: Pointer, expected: tuple[int, ...]) -> None:
    assert sample.span(pointer) == Span(*expected)


@pytest.mark.parametrize(("pointer", "expected"), SAMPLE_KEYS, ids=str)
def test_key_positions(sample: Document, pointer: Pointer, expected: tuple[int, int]) -> None:
    span = sample.key_span(pointer)
    assert (span.line, span.column) == expected
    assert span.end_line == span.line
    assert span.end_column == span.column + len(str(pointer[-1]))


def test_every_value_and_key_has_a_position(sample: Document) -> None:
    assert set(sample.values) == {pointer for pointer, _ in SAMPLE_VALUES} | {("empty",)}
    assert set(sample.keys) == {pointer for pointer, _ in SAMPLE_KEYS}


def test_empty_value_position_is_on_its_own_line(sample: Document) -> None:
    span = sample.span(("empty",))
    assert (span.line, span.column) == (19, 7)


def test_span_falls_back_to_nearest_parent(sample: Document) -> None:
    assert sample.span(("period", "missing")) == sample.span(("period",))
    assert sample.span(("parties", 5, "id")) == sample.span(("parties",))
    assert sample.span(("nope", "deeper")) == sample.span(())
    assert sample.key_span(("period", "missing")) == sample.span(("period",))
    empty = Document("x.yaml", "", {})
    assert empty.span(("a", 1)) == Span(1, 1, 1, 1)


# locate() returns the position of the phrase's first word.
@pytest.mark.parametrize(
    ("pointer", "needle", "expected"),
    [
        (("folded",), "meer woningen", Span(15, 3, 15, 7)),
        (("folded",), "MEER Woningen", Span(15, 3, 15, 7)),  # case-insensitive
        (("folded",), "streven  naar", Span(14, 3, 14, 10)),  # any white space between words
        (("folded",), "naar meer", Span(14, 11, 14, 15)),  # across a line break
        (("literal",), "twee", Span(18, 9, 18, 13)),
        (("parties", 1, "name"), "stichting", Span(8, 29, 8, 38)),
        (("parties", 1, "name"), "stich", Span(8, 22, 8, 39)),  # whole words only
        (("folded",), "ontbreekt", Span(13, 9, 16, 1)),  # not found: the scalar itself
        (("missing",), "ontbreekt", Span(1, 1, 20, 8)),  # no such value: its parent
    ],
)
def test_locate(sample: Document, pointer: Pointer, needle: str, expected: Span) -> None:
    assert sample.locate(pointer, needle) == expected


def test_locate_searches_only_inside_the_scalar() -> None:
    text = "a: streven naar\nb: niets\nc: ook streven naar\n"
    document = load_text(text, "t.yaml")
    assert document.locate(("c",), "streven") == Span(3, 8, 3, 15)
    assert document.locate(("b",), "streven") == document.span(("b",))
    # The key 'streven: ...' is before the value and is not searched.
    document = load_text("streven: wij streven naar\n", "t.yaml")
    assert document.locate(("streven",), "streven") == Span(1, 14, 1, 21)


def test_locate_occurrence() -> None:
    text = "a: >-\n  zo veel mogelijk en\n  zoveel mogelijk, Zo Veel\n  mogelijk\n"
    document = load_text(text, "t.yaml")
    assert document.locate(("a",), "zo veel mogelijk") == Span(2, 3, 2, 5)
    assert document.locate(("a",), "zo veel mogelijk", 1) == Span(3, 20, 3, 22)
    assert document.locate(("a",), "zo veel mogelijk", 2) == document.span(("a",))


def test_locate_after_unicode_line_separator() -> None:
    text = "basis: eerste\u2028tweede\nagreements:\n  - text: wij gaan streven naar meer\n"
    document = load_text(text, "t.yaml")
    assert document.span(("agreements", 0, "text")) == Span(3, 11, 3, 37)
    assert document.locate(("agreements", 0, "text"), "streven naar") == Span(3, 20, 3, 27)


def spans(document: Document, places: dict[Pointer, int]) -> dict[Pointer, Span]:
    return {pointer: document.at(packed) for pointer, packed in places.items()}


def test_crlf_positions_equal_lf_positions() -> None:
    lf = load_text(SAMPLE, "lf.yaml")
    crlf = load_text(SAMPLE.replace("\n", "\r\n"), "crlf.yaml")
    assert crlf.data == lf.data
    # The same lines and columns, at other offsets (a line break is two characters).
    assert spans(crlf, crlf.values) == spans(lf, lf.values)
    assert spans(crlf, crlf.keys) == spans(lf, lf.keys)
    assert crlf.values != lf.values
    assert crlf.locate(("folded",), "meer woningen") == Span(15, 3, 15, 7)
    assert crlf.locate(("folded",), "naar meer") == Span(14, 11, 14, 15)


def test_positions_count_characters_not_bytes() -> None:
    document = load_text("naam: Woonstichting café\nééé: 😀 x\nb: [ü, y]\n", "t.yaml")
    assert document.span(("ééé",)) == Span(2, 6, 2, 9)
    assert document.key_span(("ééé",)) == Span(2, 1, 2, 4)
    assert document.span(("b", 1)) == Span(3, 8, 3, 9)


def test_bom_does_not_shift_columns(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbfkind: agreements\nversion: 1\n")
    document = load_file(path)
    assert document.data == {"kind": "agreements", "version": 1}
    assert document.key_span(("kind",)) == Span(1, 1, 1, 5)
    assert document.span(("kind",)) == Span(1, 7, 1, 17)
    assert not document.text.startswith("\ufeff")


def test_load_file_uses_shown_name(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("kind: x\n", encoding="utf-8")
    assert load_file(path).path == str(path)
    assert load_file(path, "afspraken/a.yaml").path == "afspraken/a.yaml"
    with pytest.raises(LoadError) as caught:
        load_file(tmp_path / "b.yaml", "afspraken/b.yaml")
    assert caught.value.path == "afspraken/b.yaml"


def test_aliases_copy_values() -> None:
    text = "base: &p [gemeente, corp-a]\nfirst: *p\nsecond:\n  owners: *p\n"
    document = load_text(text, "t.yaml")
    assert document.data["first"] == ["gemeente", "corp-a"]
    assert document.data["second"] == {"owners": ["gemeente", "corp-a"]}
    assert document.span(("first",)) == Span(2, 8, 2, 10)
    assert document.span(("second", "owners")) == Span(4, 11, 4, 13)
    # Positions inside an alias fall back to the alias itself.
    assert document.span(("first", 1)) == Span(2, 8, 2, 10)


# --- Duplicate keys -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key", "line", "column", "first"),
    [
        ("kind: agreements\nversion: 1\nkind: monitor\n", "kind", 3, 1, 1),
        (
            "period:\n  start: 2016-01-01\n  end: 2019-12-31\n  start: 2017-01-01\n",
            "start",
            4,
            3,
            2,
        ),
        ("items:\n  - id: 1\n    title: a\n    id: 2\n", "id", 4, 5, 2),
        ("{a: 1, b: 2, a: 3}\n", "a", 1, 14, 1),
        ('kind: a\n"kind": b\n', "kind", 2, 1, 1),
        ("a: 1\n\n\n# c\na: 2\n", "a", 5, 1, 1),
    ],
)
def test_duplicate_keys(text: str, key: str, line: int, column: int, first: int) -> None:
    error = load_error(text)
    assert where(error) == ("Y006", line, column)
    assert error.params == {"key": key, "first": str(first)}


def test_same_key_in_different_mappings_is_fine() -> None:
    text = "a:\n  id: 1\nb:\n  id: 1\nc:\n  - id: 1\n  - id: 2\n"
    assert load_text(text, "t.yaml").data == {
        "a": {"id": 1},
        "b": {"id": 1},
        "c": [{"id": 1}, {"id": 2}],
    }


# --- Load errors from text ----------------------------------------------------------------

HEAD = "kind: agreements\nversion: 1\nid: voorbeeld-2025\n"

# name, text, (code, line, column); a None position means "no position".
LOAD_ERRORS: list[Any] = [
    pytest.param(
        HEAD + "title: Voorbeeld\nperiod:\n    start: 2025-01-01\n  end: 2025-12-31\n",
        ("Y005", 7, 3),
        id="syntax-error",
    ),
    pytest.param(HEAD + "period:\n\tstart: 2025-01-01\n", ("Y005", 5, 1), id="tab-indentation"),
    pytest.param(HEAD + 'title: "Voorbeeld\nperiod:\n  start: 1\n', ("Y005", 4, 8), id="dq-open"),
    pytest.param(HEAD + "title: 'Voorbeeld\nperiod:\n  start: 1\n", ("Y005", 4, 8), id="sq-open"),
    pytest.param('title: "a\\qb"\n', ("Y005", 1, 11), id="bad-escape"),
    pytest.param(
        HEAD + "owners: [gemeente, corp-a\nperiod:\n  start: 2025-01-01\n",
        ("Y005", 4, 9),
        id="unclosed-flow-list",
    ),
    pytest.param(
        HEAD + "period: {start: 2025-01-01, end: 2025-12-31\n",
        ("Y005", 4, 9),
        id="unclosed-flow-mapping-at-end",
    ),
    pytest.param(
        HEAD + "contributors: [gemeente, corp-a\n",
        ("Y005", 4, 15),
        id="unclosed-flow-list-at-end",
    ),
    pytest.param(
        HEAD + "title Prestatieafspraken\nperiod:\n  start: 1\n",
        ("Y005", 4, 1),
        id="missing-colon",
    ),
    pytest.param(
        "kind: agreements\nversion:1\nid: x\n",
        ("Y005", 2, 1),
        id="missing-space-after-colon",
    ),
    pytest.param(HEAD + "title: Afspraken: jaarschijf\n", ("Y005", 4, 17), id="colon-in-text"),
    pytest.param("", ("Y004", None, None), id="empty"),
    pytest.param("\n\n   \n", ("Y004", None, None), id="only-blank-lines"),
    pytest.param("# alleen\n# commentaar\n", ("Y004", None, None), id="only-comments"),
    pytest.param("kind: agreements\n---\nkind: monitor\n", ("Y008", 2, 1), id="two-documents"),
    pytest.param("--- \nkind: x\n---\n", ("Y008", 3, 1), id="two-documents-explicit"),
    pytest.param("kind: agreements\n...\nkind: monitor\n", ("Y008", 3, 1), id="after-end-marker"),
    pytest.param(
        HEAD + 'title: !!python/object/apply:os.system ["true"]\n', ("Y007", 4, 8), id="py-apply"
    ),
    pytest.param(HEAD + "title: !!python/name:os.system\n", ("Y007", 4, 8), id="py-name"),
    pytest.param("a: !!python/object/new:os.system [ls]\n", ("Y007", 1, 4), id="py-new"),
    pytest.param("a: !!python/module:os\n", ("Y007", 1, 4), id="py-module"),
    pytest.param(HEAD + "title: !foo Voorbeeld\n", ("Y007", 4, 8), id="custom-tag"),
    pytest.param("period: !foo\n  start: 1\n", ("Y007", 1, 9), id="custom-tag-mapping"),
    pytest.param("a: !foo [1]\n", ("Y007", 1, 4), id="custom-tag-list"),
    pytest.param("%TAG !e! tag:example.com,2000:\n---\nk: !e!x v\n", ("Y007", 3, 4), id="tag-dir"),
    pytest.param("a: !!int 3\n", ("Y007", 1, 4), id="int-tag"),
    pytest.param("a: !!binary aGVsbG8=\n", ("Y007", 1, 4), id="binary-tag"),
    pytest.param("a: !!timestamp 2016-01-01\n", ("Y007", 1, 4), id="timestamp-tag"),
    pytest.param("a: !!set {x: null}\n", ("Y007", 1, 4), id="set-tag"),
    pytest.param(HEAD + "title: *titel\n", ("Y005", 4, 8), id="unknown-alias"),
    pytest.param("a: &a [1, *a]\n", ("Y005", 1, 11), id="self-referencing-alias"),
    pytest.param(
        HEAD + "? [start, end]\n: [2025-01-01, 2025-12-31]\n", ("Y011", 4, 3), id="seq-key"
    ),
    pytest.param("{a: 1}: value\n", ("Y011", 1, 1), id="mapping-key"),
    pytest.param("? {a: 1}\n: value\n", ("Y011", 1, 3), id="block-complex-key"),
    pytest.param("a: &k key\n*k : v\n", ("Y011", 2, 1), id="alias-key"),
    pytest.param(
        HEAD + "title: Voorbeeld\x1b[1m 2025\n",
        ("Y003", 4, 17),
        id="control-character",
    ),
    pytest.param(
        "a: 1\nb: bel\x07\n",
        ("Y003", 2, 7),
        id="bell-character",
    ),
]


@pytest.mark.parametrize(("text", "expected"), LOAD_ERRORS)
def test_load_errors(text: str, expected: tuple[str, int | None, int | None]) -> None:
    assert where(load_error(text)) == expected


def test_load_error_params() -> None:
    assert load_error("a: !!python/name:os.system\n").params == {"tag": "!!python/name:os.system"}
    assert load_error("a: !foo x\n").params == {"tag": "!foo"}
    assert load_error("a: *nobody\n").params == {"problem": "unknown alias *nobody"}
    assert load_error("? [a]\n: b\n").params == {"reason": "complex-key"}
    assert load_error("[" * 100).params == {"limit": str(MAX_DEPTH)}
    problem = load_error("a:\n\tb: 1\n").params["problem"]
    assert "'\\t'" in problem
    assert "quoted scalar" in load_error("a: 'open\n").params["problem"]
    assert load_error("a: 'open\n").path == "test.yaml"


def test_code_from_tags_never_runs(tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    opened = tmp_path / "opened"
    texts = [
        f'a: !!python/object/apply:os.system ["touch {marker}"]\n',
        f"a: !!python/object/apply:subprocess.call [[touch, {marker}]]\n",
        f'a: !!python/object/apply:builtins.open ["{opened}", "w"]\n',
        f'a: !!python/object/new:builtins.open ["{opened}", "w"]\n',
        f'- !!python/object/apply:os.system ["touch {marker}"]\n',
        f'!!python/object/apply:os.system ["touch {marker}"]\n',
        f'? !!python/object/apply:os.system ["touch {marker}"]\n: x\n',
    ]
    for text in texts:
        assert load_error(text).code == "Y007", text
    assert not marker.exists()
    assert not opened.exists()


# --- Limits: aliases and depth ------------------------------------------------------------


def billion_laughs() -> str:
    lines = ["a: &a [" + ", ".join(["lol"] * 9) + "]"]
    for name in "bcdefghi":
        previous = chr(ord(name) - 1)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_billion_laughs() -> None:
    # Nodes added by aliases: b 9*10, c 9*91, d 9*820, e 9*7381 = 74,718; the first
    # alias on line f adds 66,430 more, which crosses the limit of 100,000.
    assert where(load_error(billion_laughs())) == ("Y010", 6, 8)


def test_alias_limit_boundary() -> None:
    anchor = "a: &a [" + ", ".join(["x"] * 999) + "]\nb:\n"  # 1,000 nodes per alias
    allowed = MAX_ALIAS_NODES // 1000
    document = load_text(anchor + "  - *a\n" * allowed, "t.yaml")
    assert len(document.data["b"]) == allowed
    error = load_error(anchor + "  - *a\n" * (allowed + 1))
    assert where(error) == ("Y010", 2 + allowed + 1, 5)
    assert error.params == {"limit": str(MAX_ALIAS_NODES)}


def test_depth_limit_boundary() -> None:
    nested: Any = load_text("[" * MAX_DEPTH + "]" * MAX_DEPTH, "t.yaml").data
    for _ in range(MAX_DEPTH - 1):
        nested = nested[0]
    assert nested == []
    assert where(load_error("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))) == (
        "Y009",
        1,
        MAX_DEPTH + 1,
    )


def deep_block_mappings(depth: int) -> str:
    return "".join(" " * level + "a:\n" for level in range(depth))


DEEP: list[Any] = [
    pytest.param("[" * 20_000 + "]" * 20_000, (1, 65), id="flow-lists"),
    pytest.param("{a: " * 20_000 + "}" * 20_000, (1, 257), id="flow-mappings"),
    pytest.param("- " * 20_000 + "x\n", (1, 129), id="compact-block-lists"),
    # 20,000 levels of block indentation would be 200 MB; a few thousand show the same.
    pytest.param(deep_block_mappings(3_000), (65, 65), id="block-mappings"),
    pytest.param("a:\n" + "  - " * 20_000 + "x\n", (2, 255), id="lists-in-mapping"),
    pytest.param("a: " + "[{b: " * 10_000 + "}]" * 10_000, (1, 160), id="mixed-flow"),
]


@pytest.mark.parametrize(("text", "position"), DEEP)
def test_deep_nesting(text: str, position: tuple[int, int]) -> None:
    assert where(load_error(text)) == ("Y009", *position)


# --- Bytes: size cap and encoding ---------------------------------------------------------

DECODE_ERRORS: list[Any] = [
    pytest.param(HEAD.encode() + "title: Woonvisie café\n".encode("latin-1"), 4, 21, "encoding"),
    pytest.param("titel: “Wonen”\n".encode("cp1252"), 1, 8, "encoding"),
    pytest.param("title: é".encode()[:-1], 1, 8, "encoding", id="truncated-utf8"),
    pytest.param("a: ééé\n".encode() + b"\xff", 2, 1, "encoding", id="after-multibyte"),
    pytest.param("a: ééé\xff".encode()[:-2] + b"\xff", 1, 7, "encoding", id="mid-line"),
    pytest.param(b"\xed\xa0\x80", 1, 1, "encoding", id="surrogate"),
    pytest.param(HEAD.encode() + b"title: Voor\x00beeld\n", 4, 12, "binary", id="nul"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 3, 1, "binary", id="png"),
    pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", 1, 7, "binary", id="old-excel"),
    pytest.param(b"PK\x03\x04\x14\x00", 1, 6, "binary", id="docx-zip"),
    pytest.param(
        "kind: agreements\n".encode("utf-16"),
        1,
        1,
        "encoding",
        id="utf-16",
    ),
    pytest.param(
        "kind: agreements\n".encode("utf-32"),
        1,
        1,
        "encoding",
        id="utf-32",
    ),
]


@pytest.mark.parametrize(("raw", "line", "column", "reason"), DECODE_ERRORS)
def test_decode_errors(raw: bytes, line: int, column: int, reason: str) -> None:
    with pytest.raises(LoadError) as caught:
        decode(raw, "bad.yaml")
    error = caught.value
    assert (error.code, error.line, error.column) == ("Y003", line, column)
    assert error.params == {"reason": reason}


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (b"kind: a\n", "kind: a\n"),
        (b"\xef\xbb\xbfkind: a\n", "kind: a\n"),
        (b"\xef\xbb\xbf", ""),
        ("naam: café ✓ 😀\n".encode(), "naam: café ✓ 😀\n"),
        (b"a: 1\r\nb: 2\r\n", "a: 1\r\nb: 2\r\n"),
        (b"", ""),
    ],
)
def test_decode_accepts_utf8(raw: bytes, text: str) -> None:
    assert decode(raw, "x.yaml") == text


def test_size_cap() -> None:
    assert decode(b"#" * MAX_FILE_BYTES, "x.yaml") == "#" * MAX_FILE_BYTES
    with pytest.raises(LoadError) as caught:
        decode(b"#" * (MAX_FILE_BYTES + 1), "x.yaml")
    assert (caught.value.code, caught.value.line, caught.value.column) == ("Y002", None, None)
    assert caught.value.params == {"limit": "10"}


def test_thirty_megabyte_scalar(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.write(b"title: ")
        chunk = b"x" * (1024 * 1024)
        for _ in range(30):
            handle.write(chunk)
        handle.write(b"\n")
    with pytest.raises(LoadError) as caught:
        load_file(path)
    assert caught.value.code == "Y002"


def test_random_binary_bytes(tmp_path: Path) -> None:
    raw = random.Random(20250101).randbytes(65_536)
    path = tmp_path / "random.yaml"
    path.write_bytes(raw)
    with pytest.raises(LoadError) as caught:
        load_file(path)
    error = caught.value
    first_nul = raw.index(b"\x00")
    assert (error.code, error.params) == ("Y003", {"reason": "binary"})
    assert error.line == raw[:first_nul].count(b"\n") + 1


# --- Files that cannot be read ------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as caught:
        load_file(tmp_path / "nope.yaml")
    assert caught.value.code == "Y001"
    assert caught.value.params == {"reason": "not-found"}


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "x.yaml"
    folder.mkdir()
    with pytest.raises(LoadError) as caught:
        load_file(folder)
    assert caught.value.code == "Y001"
    assert caught.value.params == {"reason": "directory"}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_fifo_is_refused_without_opening(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    # Opening a FIFO for reading blocks until a writer appears: load_file must not open it.
    # It runs in a thread so that a regression fails this test instead of hanging the run.
    outcome: list[BaseException | Document] = []

    def load() -> None:
        try:
            outcome.append(load_file(fifo))
        except BaseException as error:
            outcome.append(error)

    worker = threading.Thread(target=load, daemon=True)
    worker.start()
    worker.join(timeout=5)
    if worker.is_alive():
        with fifo.open("wb"):  # let the blocked reader go
            pass
        worker.join(timeout=5)
        pytest.fail("load_file blocked on a named pipe")
    [error] = outcome
    assert isinstance(error, LoadError)
    assert error.code == "Y001"
    assert error.params == {"reason": "special"}


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX device")
def test_device_is_refused() -> None:
    with pytest.raises(LoadError) as caught:
        load_file(Path("/dev/zero"))
    assert caught.value.params == {"reason": "special"}


def test_symlink_loop(tmp_path: Path) -> None:
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.symlink_to(second)
    second.symlink_to(first)
    with pytest.raises(LoadError) as caught:
        load_file(first)
    assert caught.value.code == "Y001"
    assert caught.value.params["reason"] == "os"
    assert caught.value.params["detail"]


def test_dangling_symlink(tmp_path: Path) -> None:
    link = tmp_path / "a.yaml"
    link.symlink_to(tmp_path / "gone.yaml")
    with pytest.raises(LoadError) as caught:
        load_file(link)
    assert caught.value.params == {"reason": "not-found"}


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file"
)
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.yaml"
    path.write_text("kind: agreements\n", encoding="utf-8")
    path.chmod(0)
    try:
        with pytest.raises(LoadError) as caught:
            load_file(path)
    finally:
        path.chmod(0o644)
    assert caught.value.code == "Y001"
    assert caught.value.params["reason"] == "os"


# --- The committed corpus, through load_file ----------------------------------------------

# File -> (code, line, column) of the LoadError, or None when the file loads (its
# problems are about shape and come from validation).
CORPUS: list[Any] = [
    pytest.param("agreements_version_2.yaml", None),
    pytest.param("bom_valid.yaml", None),
    pytest.param("colon_in_text.yaml", ("Y005", 4, 26)),
    pytest.param("complex_key.yaml", ("Y011", 4, 3)),
    pytest.param(
        "control_characters.yaml",
        ("Y003", 4, 17),
    ),
    pytest.param("crlf_valid.yaml", None),
    pytest.param("crlf_wrong_type.yaml", None),
    pytest.param("condition_without_text.yaml", None),
    pytest.param("custom_tag.yaml", ("Y007", 4, 8)),
    pytest.param("duplicate_key_nested.yaml", ("Y006", 8, 3)),
    pytest.param("duplicate_key_top.yaml", ("Y006", 5, 1)),
    pytest.param("empty.yaml", ("Y004", None, None)),
    pytest.param("empty_value.yaml", None),
    pytest.param("impossible_date.yaml", None),
    pytest.param("invalid_utf8.yaml", ("Y003", 4, 21)),
    pytest.param("key_typo.yaml", None),
    pytest.param("long_line.yaml", None),
    pytest.param(
        "missing_colon.yaml",
        ("Y005", 4, 1),
    ),
    pytest.param("missing_kind.yaml", None),
    pytest.param(
        "missing_space.yaml",
        ("Y005", 2, 1),
    ),
    pytest.param("multiple_documents.yaml", ("Y008", 3, 1)),
    pytest.param("nul_byte.yaml", ("Y003", 4, 12)),
    pytest.param("number_for_date.yaml", None),
    pytest.param("only_comments.yaml", ("Y004", None, None)),
    pytest.param("owner_list.yaml", None),
    pytest.param("python_name.yaml", ("Y007", 4, 8)),
    pytest.param("python_object_apply.yaml", ("Y007", 4, 8)),
    pytest.param("quoted_number.yaml", None),
    pytest.param("syntax_error.yaml", ("Y005", 7, 3)),
    pytest.param("tab_indentation.yaml", ("Y005", 5, 1)),
    pytest.param("text_for_number.yaml", None),
    pytest.param("top_level_list.yaml", None),
    pytest.param("top_level_scalar.yaml", None),
    pytest.param(
        "unclosed_flow_list.yaml",
        ("Y005", 5, 9),
    ),
    pytest.param(
        "unclosed_flow_mapping.yaml",
        ("Y005", 5, 9),
    ),
    pytest.param("unknown_alias.yaml", ("Y005", 4, 8)),
    pytest.param("unknown_kind.yaml", None),
    pytest.param("unterminated_double_quote.yaml", ("Y005", 4, 8)),
    pytest.param("unterminated_single_quote.yaml", ("Y005", 4, 8)),
    pytest.param(
        "utf16.yaml",
        ("Y003", 1, 1),
    ),
]


def test_corpus_table_lists_every_file() -> None:
    on_disk = {path.name for path in BAD_INPUT.iterdir() if not path.name.startswith(".")}
    assert on_disk == {param.values[0] for param in CORPUS}


@pytest.mark.parametrize(("name", "expected"), CORPUS)
def test_corpus_through_load_file(
    name: str, expected: tuple[str, int | None, int | None] | None, tmp_path: Path
) -> None:
    path = BAD_INPUT / name
    if expected is None:
        document = load_file(path)
        assert isinstance(document, Document)
        assert document.path == str(path)
        return
    with pytest.raises(LoadError) as caught:
        load_file(path)
    assert where(caught.value) == expected
    assert caught.value.path == str(path)


# --- Properties ---------------------------------------------------------------------------

YAMLISH = st.lists(
    st.sampled_from(
        [
            "a",
            "b",
            "kind",
            ": ",
            ":",
            "- ",
            "-",
            "\n",
            "  ",
            "\t",
            "[",
            "]",
            "{",
            "}",
            ", ",
            "&x ",
            "*x",
            "*y",
            "!!str ",
            "!foo ",
            "? ",
            "|\n",
            ">-\n",
            "'",
            '"',
            "# c",
            "---\n",
            "...\n",
            "3.000",
            "2019-02-30",
            "2016-01-01",
            "no",
            "~",
            "\r\n",
            "\r",
            "\u2028",
            "\x85",
            "\ufeff",
            "é",
            "😀",
            "\\",
            "%YAML 1.2\n",
            "<<: ",
            "1e400",
        ]
    ),
    max_size=40,
).map("".join)


def lines_in(text: str) -> int:
    return len(text.splitlines()) + 1


def check_positions(text: str, document: Document) -> None:
    limit = lines_in(text)
    for packed in (*document.values.values(), *document.keys.values()):
        span = document.at(packed)
        assert 1 <= span.line <= limit
        assert 1 <= span.end_line <= limit
        assert span.column >= 1
        assert span.end_column >= 1
        assert (span.line, span.column) <= (span.end_line, span.end_column)


PROPERTY_SETTINGS = settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@PROPERTY_SETTINGS
@given(st.text() | YAMLISH)
def test_any_text_loads_or_fails_cleanly(text: str) -> None:
    try:
        document = load_text(text, "fuzz.yaml")
    except LoadError as error:
        assert error.code.startswith("Y")
        if error.line is not None:
            assert 1 <= error.line <= lines_in(text)
            assert error.column is not None
            assert error.column >= 1
        return
    assert isinstance(document, Document)
    check_positions(text, document)


@PROPERTY_SETTINGS
@given(st.binary(max_size=200) | YAMLISH.map(lambda text: text.encode("utf-8")))
def test_any_bytes_decode_and_load_or_fail_cleanly(raw: bytes) -> None:
    try:
        text = decode(raw, "fuzz.yaml")
        document = load_text(text, "fuzz.yaml")
    except LoadError as error:
        assert error.code.startswith("Y")
        if error.line is not None:
            assert 1 <= error.line <= len(raw.splitlines()) + 1
        return
    check_positions(text, document)


@pytest.mark.parametrize("fast", [True, False])
def test_text_with_a_lone_surrogate_is_a_clear_problem(
    fast: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Such text reaches load_text from the command line (import --title), not from files.
    monkeypatch.setattr(loading, "FAST", fast)
    with pytest.raises(LoadError) as raised:
        load_text("title: Titel \udcff\n", "x.yaml")
    assert (raised.value.code, raised.value.line, raised.value.column) == ("Y003", 1, 14)
    assert raised.value.params == {"reason": "control", "character": "U+DCFF"}


def test_text_larger_than_a_file_may_be_is_refused() -> None:
    with pytest.raises(LoadError) as raised:
        load_text("a: " + "x" * MAX_FILE_BYTES + "\n", "x.yaml")
    assert (raised.value.code, raised.value.params) == ("Y002", {"limit": "10"})


def test_a_load_error_survives_the_way_between_processes() -> None:
    error = LoadError("Y005", "a.yaml", 3, 4, problem="unexpected end")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.code, copy.path, copy.line, copy.column, copy.params) == (
        "Y005",
        "a.yaml",
        3,
        4,
        {"problem": "unexpected end"},
    )
