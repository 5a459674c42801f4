"""The command line run in this process, and the facts of the exported examples, for the table tests."""

from __future__ import annotations

from functools import cache

from tests.commandline import Done
from tests.commandline import in_process as run

AS_OF = "2026-11-21"
EXAMPLES = ("examples/afspraken", "examples/monitor")
FIELDS = [
    "set", "id", "title", "theme", "kind", "owner", "contributors", "text", "metric", "unit",
    "comparison", "target", "cumulative", "recurring", "baseline", "baseline_date", "deadline",
    "frequency", "source", "latest", "measured_on", "status", "parent", "addressed_to", "answer",
    "answer_date", "answer_note", "scope", "per_event", "conditions", "effective_from", "ongoing",
    "beyond_term", "upper", "approximate", "index", "counting", "per_year", "split", "milestones",
]  # fmt: skip
# The columns of the first tables, which a table of before issue 13 has.
V1_HEADER = (
    "set;nr;titel;thema;soort;trekker;bijdragers;afspraak;maat;eenheid;vergelijking;streefwaarde;"
    "cumulatief;per periode;nulmeting;datum nulmeting;termijn;meetfrequentie;bron doel;"
    "laatste meting;gemeten op;status"
)
HEADER = (
    f"{V1_HEADER};onderdeel van;gevraagd aan;antwoord;datum antwoord;toelichting antwoord;"
    "geldt voor;per gebeurtenis;voorbehoud;ingangsdatum;doorlopend;na de looptijd;bovengrens;"
    "circa;index;telling;per jaar;verdeling;tussendoelen"
)
# Rows of the examples: the first three sets, and the Weidemeer frame with its two slices.
ROWS = 45 + 26 + 3 + 5
FILLS = {"green": "00D8F3DC", "orange": "00FFE8B3", "red": "00F8D0D3", "grey": "00E5E7EB"}


@cache
def exported(output_format: str) -> Done:
    return run("export", "--as-of", AS_OF, "--format", output_format, *EXAMPLES)
