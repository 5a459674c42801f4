"""The columns of an agreements table, and the Dutch words for the format's values.

One row per agreement. The Dutch column names of the export are also the names
the import recognises first, so that a table exported, edited in Excel and
imported again keeps every field the table holds.
"""

from __future__ import annotations

from collections.abc import Sequence

from prestatie_cli.messages import Language
from prestatie_cli.model.agreements import Condition, Milestone, Share, YearValue

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
    # Since issue 13: after the columns of the first tables, so that those read as before.
    ("parent", "onderdeel van", "part of"),
    ("addressed_to", "gevraagd aan", "addressed to"),
    ("answer", "antwoord", "answer"),
    ("answer_date", "datum antwoord", "answer date"),
    ("answer_note", "toelichting antwoord", "answer note"),
    ("scope", "geldt voor", "scope"),
    ("per_event", "per gebeurtenis", "per event"),
    ("conditions", "voorbehoud", "conditions"),
    ("effective_from", "ingangsdatum", "effective from"),
    ("ongoing", "doorlopend", "ongoing"),
    ("beyond_term", "na de looptijd", "beyond term"),
    ("upper", "bovengrens", "upper bound"),
    ("approximate", "circa", "approximate"),
    ("index", "index", "index"),
    ("counting", "telling", "counting"),
    ("per_year", "per jaar", "per year"),
    ("split", "verdeling", "split"),
    ("milestones", "tussendoelen", "milestones"),
)


# Words for values, both ways: what the export writes and what the import reads.
KIND_WORDS = {
    "result": "resultaat",
    "effort": "inspanning",
    "process": "proces",
    "request": "verzoek",
    "context": "context",
}


COMPARISON_WORDS = {
    "at_least": "minimaal",
    "at_most": "maximaal",
    "exactly": "precies",
    "between": "tussen",
}


FREQUENCY_WORDS = {
    "yearly": "jaarlijks",
    "half-yearly": "halfjaarlijks",
    "quarterly": "per kwartaal",
    "monthly": "maandelijks",
}


ANSWER_WORDS = {"open": "open", "accepted": "aanvaard", "declined": "afgewezen"}


CONDITION_WORDS = {
    "approval": "goedkeuring",
    "decision": "besluit",
    "assumption": "aanname",
    "other": "overig",
}


COUNTING_WORDS = {"net": "netto", "gross": "bruto"}


# Yes and no in a cell; what the export writes first.
YES = ("ja", "yes", "true", "1")
NO = ("nee", "no", "false", "0")


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


# --- Cells that hold a list: how the export writes them, and the import reads them back ---


def number_text(value: float, lang: Language) -> str:
    """A number as a cell shows it: whole numbers without decimals, a decimal comma in Dutch."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    shown = repr(value) if isinstance(value, float) else str(value)
    return shown.replace(".", ",") if lang == "nl" else shown


def per_year_text(entries: Sequence[YearValue], lang: Language) -> str:
    """'2027: 700,72; 2028: 718,24 (geïndexeerd)': a year's value, its note in brackets."""
    return "; ".join(
        f"{entry.year}: {number_text(entry.value, lang)}" + _note(entry.note) for entry in entries
    )


def milestones_text(milestones: Sequence[Milestone], lang: Language) -> str:
    """'2027-12-31: 400; 2029-12-31: 750 (note)': the value to reach by each date."""
    return "; ".join(
        f"{milestone.date.isoformat()}: {number_text(milestone.value, lang)}"
        + _note(milestone.note)
        for milestone in milestones
    )


def split_text(shares: Sequence[Share], lang: Language) -> str:
    """'sociale huur 60 %; middenhuur 20 % (240)': a category's share, its own figure in brackets."""
    return "; ".join(
        f"{share.category} {number_text(share.share, lang)} %"
        + ("" if share.value is None else f" ({number_text(share.value, lang)})")
        for share in shares
    )


def conditions_text(conditions: Sequence[Condition]) -> str:
    """'rvc: Goedkeuring door de RvC (goedkeuring, RvC De Meerhof)': id, text, kind and by."""
    return "; ".join(
        f"{condition.id}: {' '.join(condition.text.split())} "
        f"({CONDITION_WORDS[condition.kind]}"
        + ("" if condition.by is None else f", {' '.join(condition.by.split())}")
        + ")"
        for condition in conditions
    )


def _note(note: str | None) -> str:
    return "" if note is None else f" ({' '.join(note.split())})"
