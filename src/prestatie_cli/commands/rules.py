"""prestatie rules: every rule with its code, severity, rationale and examples."""

from __future__ import annotations

import json
from typing import TextIO

from prestatie_cli.messages import Language, text
from prestatie_cli.rules import REGISTRY


def run(*, output_format: str, lang: Language, out: TextIO) -> int:
    if output_format == "json":
        listing = [
            {
                "code": rule.code,
                "name": rule.name,
                "severity": rule.severity,
                "title": text(f"{rule.code}.title", lang),
                "rationale": text(f"{rule.code}.rationale", lang),
                "example_pass": rule.example_pass,
                "example_fail": rule.example_fail,
                "example_as_of": rule.example_as_of.isoformat() if rule.example_as_of else None,
            }
            for rule in REGISTRY.values()
        ]
        out.write(json.dumps(listing, indent=2, ensure_ascii=False) + "\n")
        return 0
    for rule in REGISTRY.values():
        out.write(
            f"{rule.code}  {rule.name}  ({text('ui.rules.severity', lang)}: {rule.severity})\n"
        )
        out.write(f"  {text(f'{rule.code}.title', lang)}. {text(f'{rule.code}.rationale', lang)}\n")
        for label, example in (
            ("ui.rules.pass", rule.example_pass),
            ("ui.rules.fail", rule.example_fail),
        ):
            out.write(f"  {text(label, lang)}:\n")
            out.writelines(f"    {line}\n" for line in example.splitlines())
        out.write("\n")
    return 0
