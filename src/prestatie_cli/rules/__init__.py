"""The explicit registry of rules, keyed by code and sorted by it.

Each family module lists its rules in ``RULES``, in code order: a new rule is
added there (with its example in examples/invalid/ and its row in the README's
rule table), and nowhere else.

Each rule carries its own wording; importing the registry adds it to the message
catalogue once, as ``CODE.title``, ``CODE.message`` and so on, so that whatever
words a finding or lists the rules (in this process or a worker's, which imports
the registry with the engine) finds it there.
"""

from __future__ import annotations

from prestatie_cli.messages import register
from prestatie_cli.rules.assignable import RULES as ASSIGNABLE
from prestatie_cli.rules.base import Finding, MonitorContext, Rule, SetContext
from prestatie_cli.rules.changes import RULES as CHANGES
from prestatie_cli.rules.cycle import RULES as CYCLE
from prestatie_cli.rules.measurable import RULES as MEASURABLE
from prestatie_cli.rules.measurements import RULES as MEASUREMENTS
from prestatie_cli.rules.monitor_files import RULES as MONITOR_FILES
from prestatie_cli.rules.monitoring import RULES as MONITORING
from prestatie_cli.rules.parties import RULES as PARTIES
from prestatie_cli.rules.parts import RULES as PARTS
from prestatie_cli.rules.realistic import RULES as REALISTIC
from prestatie_cli.rules.specific import RULES as SPECIFIC
from prestatie_cli.rules.timebound import RULES as TIMEBOUND

# The families: S1xx, M2xx, A3xx, R4xx, T5xx, and P6xx by concern.
FAMILIES: tuple[tuple[Rule, ...], ...] = (
    SPECIFIC,
    MEASURABLE,
    ASSIGNABLE,
    REALISTIC,
    TIMEBOUND,
    PARTIES,
    MONITORING,
    MEASUREMENTS,
    CHANGES,
    PARTS,
    CYCLE,
    MONITOR_FILES,
)

REGISTRY: dict[str, Rule] = {
    rule.code: rule
    for rule in sorted((rule for family in FAMILIES for rule in family), key=lambda r: r.code)
}

for _rule in REGISTRY.values():
    register({f"{_rule.code}.{part}": words for part, words in _rule.wording.items()})

__all__ = ["FAMILIES", "REGISTRY", "Finding", "MonitorContext", "Rule", "SetContext"]
