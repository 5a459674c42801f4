"""The values of a finding about a date outside the term of a set."""

from __future__ import annotations

from prestatie_cli.model.agreements import Period


def term_values(period: Period) -> dict[str, str]:
    """The first and the last day of the term, for "{start} tot en met {end}"."""
    return {"start": period.start.isoformat(), "end": period.end.isoformat()}
