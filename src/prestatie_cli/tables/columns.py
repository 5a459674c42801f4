"""The columns of an agreements table, and the Dutch words for the format's values.

One row per agreement. The Dutch column names of the export are also the names
the import recognises first, so that a table exported, edited in Excel and
imported again keeps every field the table holds.
"""

from __future__ import annotations

from prestatie_cli.messages import Language

# (field, Dutch column name, English column name)
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("set", "set", "set"),
    ("id", "nr", "id"),
    ("title", "titel", "title"),
    ("theme", "thema", "theme"),
    ("kind", "soort", "kind"),
    ("owner", "trekker", "owner"),
    ("contributors", "bijdragers", "contributors"),
    ("text", "afspraak", "text"),
    ("metric", "maat", "metric"),
    ("unit", "eenheid", "unit"),
    ("comparison", "vergelijking", "comparison"),
    ("target", "streefwaarde", "target"),
    ("cumulative", "cumulatief", "cumulative"),
    ("recurring", "per periode", "recurring"),
    ("baseline", "nulmeting", "baseline"),
    ("baseline_date", "datum nulmeting", "baseline date"),
    ("deadline", "termijn", "deadline"),
    ("frequency", "meetfrequentie", "frequency"),
    ("source", "bron doel", "target source"),
    ("latest", "laatste meting", "latest value"),
    ("measured_on", "gemeten op", "measured on"),
    ("status", "status", "status"),
)


# Words for values, both ways: what the export writes and what the import reads.
KIND_WORDS = {"result": "resultaat", "effort": "inspanning", "process": "proces"}


COMPARISON_WORDS = {"at_least": "minimaal", "at_most": "maximaal", "exactly": "precies"}


FREQUENCY_WORDS = {
    "yearly": "jaarlijks",
    "half-yearly": "halfjaarlijks",
    "quarterly": "per kwartaal",
}


def headers(lang: Language) -> list[str]:
    return [english if lang == "en" else dutch for _, dutch, english in COLUMNS]


# What a spreadsheet program reads as the start of a formula (OWASP, "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def starts_formula(value: str) -> bool:
    """True when a spreadsheet program would take this text for a formula."""
    return value.startswith(FORMULA_START)


def neutralised(value: str) -> str:
    """Text as a CSV cell that no spreadsheet program runs: a quote before a formula start.

    Text that itself begins with a quote before such a start (or before a second
    quote) gets one more, so that ``restored`` gives back exactly what was written;
    "'s-Hertogenbosch" stays as it is.
    """
    if starts_formula(value) or (value[:1] == "'" and value[1:2] in (*FORMULA_START, "'")):
        return "'" + value
    return value


def restored(value: str) -> str:
    """The text ``neutralised`` was given: its one added quote taken off again."""
    if value[:1] == "'" and value[1:2] in (*FORMULA_START, "'"):
        return value[1:]
    return value
