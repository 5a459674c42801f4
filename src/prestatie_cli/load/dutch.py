"""Dates and numbers as Dutch documents write them, read back to the format's spelling.

Only for suggestions: the format keeps one spelling (2027-12-31, 633.25) and a value
written the Dutch way is still an error; these functions say which value was meant.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "jan"),
            ("februari", "feb"),
            ("maart", "mrt", "mar"),
            ("april", "apr"),
            ("mei",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("augustus", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
# Words before a date that do not change it: "per 1 juli 2026", "uiterlijk 31-12-2027".
_LEADING = re.compile(r"^(?:per|op|vanaf|uiterlijk|voor|tot(?: en met)?|t/m|eind(?:e)?)\s+")
_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_REVERSED = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
_SPELLED = re.compile(r"^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$")
_QUARTER = re.compile(r"^(?:q([1-4])|([1-4])e\s+kwartaal|kwartaal\s+([1-4]))\s+(\d{4})$")
_YEAR_END = re.compile(r"^eind(?:e)?\s+(\d{4})$")


def dutch_date(written: str) -> tuple[str, str] | None:
    """The ISO spelling of a date written the Dutch way, and how it was read.

    How: ``day`` (the very date), ``quarter`` (the last day of the quarter) or ``year``
    (the last day of the year, for "eind 2027"). None when it is no date we recognise.
    """
    folded = " ".join(written.casefold().split())
    year_end = _YEAR_END.match(folded)
    if year_end:
        return _iso(int(year_end.group(1)), 12, 31, "year")
    folded = _LEADING.sub("", folded)
    quarter = _QUARTER.match(folded)
    if quarter:
        number = int(next(group for group in quarter.groups()[:3] if group))
        year = int(quarter.group(4))
        first_of_next = date(year + (number == 4), 1 if number == 4 else number * 3 + 1, 1)
        last = first_of_next - timedelta(days=1)
        return last.isoformat(), "quarter"
    numeric = _NUMERIC.match(folded)
    if numeric:
        day, month, year = (int(part) for part in numeric.groups())
        return _iso(year, month, day, "day")
    reversed_ = _REVERSED.match(folded)
    if reversed_:
        year, month, day = (int(part) for part in reversed_.groups())
        return _iso(year, month, day, "day")
    spelled = _SPELLED.match(folded)
    if spelled and spelled.group(2) in _MONTHS:
        return _iso(int(spelled.group(3)), _MONTHS[spelled.group(2)], int(spelled.group(1)), "day")
    return None


def _iso(year: int, month: int, day: int, how: str) -> tuple[str, str] | None:
    try:
        return date(year, month, day).isoformat(), how
    except ValueError:
        return None


_EURO = re.compile(r"^(?:€|eur(?:o)?)\s*(.+?)(?:\s*euro)?$|^(.+?)\s*(?:€|euro|eur)$")
_PERCENT = re.compile(r"^(.+?)\s*(?:%|procent|pct\.?)$")
_DUTCH_NUMBER = re.compile(r"^-?\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^-?\d+,\d+$|^-?\d+$|^-?\d+\.\d+$")


def dutch_number(written: str) -> tuple[str, str] | None:
    """The format's spelling of a number written the Dutch way, and its unit if it had one.

    "633,25" is 633.25; "1.600" is 1600; "€ 550,-" is 550 euro; "25%" is 25 procent.
    None when it is no number we recognise.
    """
    folded = " ".join(written.casefold().split())
    unit = ""
    euro = _EURO.match(folded)
    if euro:
        folded, unit = (euro.group(1) or euro.group(2)).strip(), "euro"
    else:
        percent = _PERCENT.match(folded)
        if percent:
            folded, unit = percent.group(1).strip(), "procent"
    folded = re.sub(",[-\u2013]$", "", folded)  # "550,-" (or with an en dash): whole euros
    if not _DUTCH_NUMBER.match(folded):
        return None
    if "," in folded or re.match(r"^-?\d{1,3}(?:\.\d{3})+$", folded):
        folded = folded.replace(".", "").replace(",", ".")
    return folded, unit
