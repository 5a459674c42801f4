"""The message catalogue is complete in both languages."""

from __future__ import annotations

import string

import pytest

from prestatie_cli.messages import CATALOGUE, LANGUAGES, text
from prestatie_cli.rules import REGISTRY


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_entry_in_both_languages_with_same_placeholders(key: str) -> None:
    entry = CATALOGUE[key]
    assert set(entry) == set(LANGUAGES)
    assert all(entry[lang].strip() for lang in LANGUAGES)
    assert _fields(entry["nl"]) == _fields(entry["en"])


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_every_rule_has_wording(code: str) -> None:
    for part in ("title", "message", "hint", "rationale"):
        assert f"{code}.{part}" in CATALOGUE


def test_missing_placeholder_stays_visible() -> None:
    assert text("V002.message", "en", {}) == "The required key '{key}' is missing."
