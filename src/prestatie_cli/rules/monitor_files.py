"""P630: one monitor file per set, so that every command reads and writes the same one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from prestatie_cli.rules.base import Finding, MonitorContext, Rule, Wording


class SecondMonitorFile(Rule):
    """A set has one monitor file. A second one is how a measurement recorded from another
    folder used to land: ``status`` adds both files up, and whoever reads one of them misses
    the other. Found in every monitor file after the first that names the set (in the order
    of the run: by path)."""

    code = "P630"
    name = "second-monitor-file"
    severity = "warning"
    scope = "monitor"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Tweede monitorbestand", "en": "Second monitor file"},
        "message": {
            "nl": "Set '{set}' heeft al een monitorbestand: {first}.",
            "en": "Set '{set}' already has a monitor file: {first}.",
        },
        "hint": {
            "nl": "Zet de metingen en voorbehouden in {first} en verwijder dit bestand.",
            "en": "Move the measurements and conditions into {first} and remove this file.",
        },
        "rationale": {
            "nl": "Twee monitorbestanden voor een set tellen metingen dubbel of verstoppen ze.",
            "en": "Two monitor files for one set count measurements twice or hide them.",
        },
    }
    example_pass = """\
# monitor/voorbeeld-2016-2019.yaml, the only monitor of the set
set: voorbeeld-2016-2019
"""
    example_fail = """\
# afspraken/monitor/voorbeeld-2016-2019.yaml, beside monitor/voorbeeld-2016-2019.yaml
set: voorbeeld-2016-2019
"""

    def check_monitor(self, context: MonitorContext) -> Iterator[Finding]:
        files = list(context.monitor_paths)
        here = context.document.path
        if here in files and files.index(here) > 0:
            yield Finding(self.code, ("set",), {"set": context.monitor.set, "first": files[0]})


RULES: tuple[Rule, ...] = (SecondMonitorFile(),)
