"""The values of a finding about a party named where it is none of the set's parties."""

from __future__ import annotations

from collections.abc import Sequence

from prestatie_cli.model.findings import suggestion


def unknown_party(party: str, known: Sequence[str]) -> dict[str, str]:
    """The party as written, the known ones (for the hint) and the closest (for a did-you-mean)."""
    return {"party": party, "known": ", ".join(known), "suggestion": suggestion(party, known)}
