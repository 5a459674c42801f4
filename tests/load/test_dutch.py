"""load.dutch: which date or number a Dutch spelling means."""

from __future__ import annotations

import pytest

from prestatie_cli.load.dutch import dutch_date, dutch_number


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("31-12-2027", ("2027-12-31", "day")),
        ("1-7-2026", ("2026-07-01", "day")),
        ("01/07/2026", ("2026-07-01", "day")),
        ("31.12.2027", ("2027-12-31", "day")),
        ("2026/07/01", ("2026-07-01", "day")),
        ("31 december 2027", ("2027-12-31", "day")),
        ("1 Juli 2026", ("2026-07-01", "day")),
        ("per 1 juli 2026", ("2026-07-01", "day")),
        ("uiterlijk 31 dec 2027", ("2027-12-31", "day")),
        ("tot en met 30 juni 2028", ("2028-06-30", "day")),
        ("Q3 2025", ("2025-09-30", "quarter")),
        ("Q4 2025", ("2025-12-31", "quarter")),
        ("2e kwartaal 2026", ("2026-06-30", "quarter")),
        ("eind 2027", ("2027-12-31", "year")),
    ],
)
def test_a_dutch_date_is_read_as_the_very_date(written: str, meant: tuple[str, str]) -> None:
    assert dutch_date(written) == meant


@pytest.mark.parametrize("written", ["31-02-2027", "binnenkort", "december", "13-13-2026", ""])
def test_no_date_is_made_up(written: str) -> None:
    assert dutch_date(written) is None


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("633,25", ("633.25", "")),
        ("1.600", ("1600", "")),
        ("1.234.567", ("1234567", "")),
        ("1.234,5", ("1234.5", "")),
        ("-0,5", ("-0.5", "")),
        ("€ 550,-", ("550", "euro")),
        ("€550", ("550", "euro")),
        ("550 euro", ("550", "euro")),
        ("25%", ("25", "procent")),
        ("12,5 procent", ("12.5", "procent")),
    ],
)
def test_a_dutch_number_is_read_with_its_unit(written: str, meant: tuple[str, str]) -> None:
    assert dutch_number(written) == meant


@pytest.mark.parametrize("written", ["circa", "veel", "1,2,3", "€", ""])
def test_no_number_is_made_up(written: str) -> None:
    assert dutch_number(written) is None
