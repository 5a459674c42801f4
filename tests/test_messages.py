"""The message catalogue is complete in both languages."""

from __future__ import annotations

import string

import pytest

from prestatie_cli.messages import CATALOGUE, LANGUAGES, register, text

# Imported before the catalogue is read below: the registry adds every rule's own wording
# to it, so that the checks of every entry cover the rules' sentences too.
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


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_the_catalogue_holds_each_rules_wording_as_the_rule_gives_it(code: str) -> None:
    for part, entry in REGISTRY[code].wording.items():
        assert CATALOGUE[f"{code}.{part}"] == entry


def test_registering_the_same_wording_again_changes_nothing() -> None:
    before = dict(CATALOGUE)
    register({"S101.title": {"nl": "Vage formulering", "en": "Vague wording"}})
    assert before == CATALOGUE


def test_other_wording_for_a_key_that_is_taken_is_refused() -> None:
    with pytest.raises(ValueError, match=r"S101\.title"):
        register({"S101.title": {"nl": "Vaag", "en": "Vague"}})
    with pytest.raises(ValueError, match=r"ui\.hint"):
        register({"ui.hint": {"nl": "hint", "en": "hint"}})
    assert text("S101.title", "en") == "Vague wording"


def test_missing_placeholder_stays_visible() -> None:
    assert text("V002.message", "en", {}) == "The required key '{key}' is missing."
