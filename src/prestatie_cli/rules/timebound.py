"""T5xx: is the agreement time-bound? A deadline inside the term."""

from __future__ import annotations

from collections.abc import Iterator

from prestatie_cli.rules.base import Finding, Rule, SetContext


class MissingDeadline(Rule):
    """A result or process agreement says by when it is done."""

    code = "T501"
    name = "missing-deadline"
    severity = "error"
    scope = "agreement"
    example_pass = """\
- id: PR-01
  title: Jaarlijkse evaluatie
  theme: proces
  kind: process
  deadline: 2019-06-30
"""
    example_fail = """\
- id: PR-01
  title: Jaarlijkse evaluatie
  theme: proces
  kind: process
"""

    def check_set(self, context: SetContext) -> Iterator[Finding]:
        for index, agreement in enumerate(context.agreements.agreements):
            if agreement.kind != "effort" and agreement.deadline is None:
                yield Finding(self.code, ("agreements", index), {"id": agreement.id})


class DeadlineOutsidePeriod(Rule):
    """A deadline after the term cannot be monitored or held to account within it."""

    code = "T502"
    name = "deadline-outside-period"
    severity = "error"
    scope = "agreement"
    example_pass = """\
- id: BS-01
  title: Nieuwe sociale huurwoningen
  theme: beschikbaarheid
  deadline: 2019-12-31
"""
    example_fail = """\
- id: BS-01
  title: Nieuwe sociale huurwoningen
  theme: beschikbaarheid
  deadline: 2021-12-31
"""

    def check_set(self, context: SetContext) -> Iterator[Finding]:
        period = context.agreements.period
        for index, agreement in enumerate(context.agreements.agreements):
            if agreement.deadline is not None and not period.contains(agreement.deadline):
                yield Finding(
                    self.code,
                    ("agreements", index, "deadline"),
                    {
                        "id": agreement.id,
                        "deadline": agreement.deadline.isoformat(),
                        "start": period.start.isoformat(),
                        "end": period.end.isoformat(),
                    },
                )


class MilestoneOutOfRange(Rule):
    """Year slices fall inside the term and no later than the deadline."""

    code = "T503"
    name = "milestone-out-of-range"
    severity = "warning"
    scope = "agreement"
    example_pass = """\
- id: BS-01
  title: Nieuwe sociale huurwoningen
  theme: beschikbaarheid
  deadline: 2019-12-31
  milestones:
    - {date: 2017-12-31, value: 90}
"""
    example_fail = """\
- id: BS-01
  title: Nieuwe sociale huurwoningen
  theme: beschikbaarheid
  deadline: 2018-12-31
  milestones:
    - {date: 2019-12-31, value: 90}
"""

    def check_set(self, context: SetContext) -> Iterator[Finding]:
        period = context.agreements.period
        for index, agreement in enumerate(context.agreements.agreements):
            last = min(period.end, agreement.deadline or period.end)
            for position, milestone in enumerate(agreement.milestones):
                if not period.start <= milestone.date <= last:
                    yield Finding(
                        self.code,
                        ("agreements", index, "milestones", position, "date"),
                        {
                            "id": agreement.id,
                            "date": milestone.date.isoformat(),
                            "start": period.start.isoformat(),
                            "end": last.isoformat(),
                        },
                    )
