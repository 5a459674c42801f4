"""The bundled valid examples pass every rule, at any reference date."""

from __future__ import annotations

from datetime import date

import pytest

from prestatie_cli.checking import CheckOptions, check
from tests.conftest import REPO

VALID = [REPO / "examples" / "afspraken", REPO / "examples" / "monitor"]


@pytest.mark.parametrize("as_of", [date(2016, 6, 30), date(2026, 11, 21), date(2030, 1, 1)])
def test_valid_examples_are_clean(as_of: date) -> None:
    result = check(VALID, CheckOptions(as_of))
    assert result.files == 5
    assert [(p.path, p.line, p.code) for p in result.problems] == []
    assert result.waived == ()
