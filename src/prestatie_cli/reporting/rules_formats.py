"""The rules as text or JSON: code, name, severity, rationale and examples."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from prestatie_cli.messages import Language, text

if TYPE_CHECKING:  # types only: the command line imports the registries on every run
    from prestatie_cli.rules import Rule


def render_text(rules: Iterable[Rule], lang: Language) -> str:
    lines: list[str] = []
    for rule in rules:
        lines.append(
            f"{rule.code}  {rule.name}  ({text('ui.rules.severity', lang)}: "
            f"{text(f'report.severity.{rule.severity}', lang)})"
        )
        lines.append(
            f"  {text(f'{rule.code}.title', lang)}. {text(f'{rule.code}.rationale', lang)}"
        )
        for label, example in (
            ("ui.rules.pass", rule.example_pass),
            ("ui.rules.fail", rule.example_fail),
        ):
            lines.append(f"  {text(label, lang)}:")
            lines += [f"    {line}" for line in example.splitlines()]
        lines.append("")
    return "".join(f"{line}\n" for line in lines)


def render_json(rules: Iterable[Rule], lang: Language) -> str:
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
        for rule in rules
    ]
    return json.dumps(listing, indent=2, ensure_ascii=False) + "\n"


RULES_FORMATS: dict[str, Callable[[Iterable[Rule], Language], str]] = {
    "text": render_text,
    "json": render_json,
}
