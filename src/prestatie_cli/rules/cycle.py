"""P620-P621, the yearly cycle: a yearly slice (jaarschijf) works out a multi-year frame
(kaderafspraak) that is checked with it, and follows the Woningwet's calendar: the
corporations' bid before 1 July and the signing before 15 December of the year before."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import ClassVar

from prestatie_cli.model.findings import suggestion
from prestatie_cli.rules.base import Finding, Rule, SetContext, Wording

# The Woningwet's calendar in the year before a slice: (month, day) of the last day.
BID_DUE = (7, 1)
SIGNING_DUE = (12, 15)


class UnknownFrame(Rule):
    """A yearly slice names its frame, and the frame is checked with it."""

    code = "P620"
    name = "unknown-frame"
    severity = "warning"
    scope = "set"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Kaderafspraak niet gevonden", "en": "Frame not found"},
        "message": {
            "nl": "De kaderafspraak '{frame}' waar deze jaarschijf bij hoort is niet gevonden.",
            "en": "The frame '{frame}' that this yearly slice works out was not found.",
        },
        "hint": {
            "nl": "Controleer de id onder 'frame:' en controleer de jaarschijf samen met de "
            "kaderafspraak, bijvoorbeeld: prestatie check afspraken/",
            "en": "Check the id under 'frame:' and check the slice together with its frame, for "
            "example: prestatie check afspraken/",
        },
        "rationale": {
            "nl": "Een jaarschijf werkt de kaderafspraak uit; zonder het kader is niet na te gaan "
            "of de schijf past bij wat voor de hele looptijd is afgesproken.",
            "en": "A yearly slice works out the frame; without the frame nobody can tell whether "
            "the slice fits what was agreed for the whole term.",
        },
    }
    example_pass = """\
id: voorbeeld-2016-2019
"""
    example_fail = """\
frame: voorbeeld-2016-2091
"""

    def check_set(self, context: SetContext) -> Iterator[Finding]:
        frame = context.agreements.frame
        if frame is None or frame in context.set_paths:
            return
        known = [ident for ident in context.set_paths if ident != context.agreements.id]
        yield Finding(
            self.code, ("frame",), {"frame": frame, "suggestion": suggestion(frame, known)}
        )


class LateSlice(Rule):
    """A yearly slice is signed before 15 December of the year before it, after the
    corporations' bids of before 1 July (Woningwet article 44)."""

    code = "P621"
    name = "late-slice"
    severity = "warning"
    scope = "set"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Jaarschijf te laat", "en": "Slice late"},
        "message": {
            "nl": "De jaarschijf is op {date} getekend door '{party}', na 15 december {year}.",
            "en": "The yearly slice was signed on {date} by '{party}', after 15 December {year}.",
        },
        "message.bid": {
            "nl": "Het bod van '{party}' is van {date}, na 1 juli {year}.",
            "en": "The bid of '{party}' is dated {date}, after 1 July {year}.",
        },
        "hint": {
            "nl": "Leg in de evaluatie vast waarom de afspraken later rond waren, of met een waiver "
            "op de set (rule: P621, reason).",
            "en": "Record in the evaluation why the agreements were settled later, or with a waiver "
            "on the set (rule: P621, reason).",
        },
        "rationale": {
            "nl": "De Woningwet vraagt het bod van de corporatie voor 1 juli en de afspraken voor 15 "
            "december van het jaar ervoor, zodat ze vanaf 1 januari gelden.",
            "en": "The Woningwet asks for the corporation's bid before 1 July and the agreements "
            "before 15 December of the year before, so that they apply from 1 January.",
        },
    }
    example_pass = """\
frame: voorbeeld-2016-2019
id: voorbeeld-2017
period: {start: 2017-01-01, end: 2017-12-31}
signatures:
  - {party: gemeente, name: J. de Vries, date: 2016-12-08}
  - {party: corp-a, name: A. Jansen, date: 2016-12-08}
  - {party: hv-a, name: M. Bakker, date: 2016-12-08}
"""
    example_fail = """\
frame: voorbeeld-2016-2019
id: voorbeeld-2017
period: {start: 2017-01-01, end: 2017-12-31}
signatures:
  - {party: gemeente, name: J. de Vries, date: 2017-01-19}
  - {party: corp-a, name: A. Jansen, date: 2017-01-19}
  - {party: hv-a, name: M. Bakker, date: 2017-01-19}
"""

    def check_set(self, context: SetContext) -> Iterator[Finding]:
        agreements = context.agreements
        if agreements.frame is None:
            return
        year = agreements.period.start.year - 1
        if year < date.min.year:
            return
        bid_due, signing_due = date(year, *BID_DUE), date(year, *SIGNING_DUE)
        late_bids = [(i, bid) for i, bid in enumerate(agreements.bids) if bid.date > bid_due]
        if late_bids:
            index, bid = late_bids[0]
            yield Finding(
                self.code,
                ("bids", index, "date"),
                {"party": bid.party, "date": bid.date.isoformat(), "year": str(year)},
                variant="bid",
            )
        late = [(i, s) for i, s in enumerate(agreements.signatures) if s.date > signing_due]
        if late:
            index, signature = late[0]
            yield Finding(
                self.code,
                ("signatures", index, "date"),
                {"party": signature.party, "date": signature.date.isoformat(), "year": str(year)},
            )


RULES: tuple[Rule, ...] = (UnknownFrame(), LateSlice())
