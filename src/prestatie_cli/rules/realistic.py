"""R4xx: is the agreement realistic, and does it ask for anything at all?"""

from __future__ import annotations

from collections.abc import Iterator

from prestatie_cli.progress.calculation import met
from prestatie_cli.rules.base import Finding, Rule, SetContext


class MetAtBaseline(Rule):
    """A target that the baseline already meets asks nothing of anyone."""

    code = "R401"
    name = "met-at-baseline"
    severity = "warning"
    scope = "agreement"
    example_pass = """\
- id: DU-01
  title: Geen E-, F- en G-labels meer
  theme: kwaliteit-en-duurzaamheid
  target:
    metric: woningen met label E, F of G
    unit: woningen
    value: 0
    comparison: at_most
    baseline: {value: 1240, date: 2025-01-01}
"""
    example_fail = """\
- id: DU-01
  title: Geen E-, F- en G-labels meer
  theme: kwaliteit-en-duurzaamheid
  target:
    metric: woningen met label E, F of G
    unit: woningen
    value: 0
    comparison: at_most
    baseline: {value: 0, date: 2025-01-01}
"""

    def check_set(self, context: SetContext) -> Iterator[Finding]:
        for index, agreement in enumerate(context.agreements.agreements):
            target = agreement.target
            if target is None or target.baseline is None:
                continue
            if met(target, target.baseline.value):
                yield Finding(
                    self.code,
                    ("agreements", index, "target", "baseline", "value"),
                    {
                        "id": agreement.id,
                        "baseline": float(target.baseline.value),
                        "target": float(target.value),
                    },
                )
