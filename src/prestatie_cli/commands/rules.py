"""prestatie rules: every rule with its code, severity, rationale and examples."""

from __future__ import annotations

from typing import TextIO

from prestatie_cli.messages import Language
from prestatie_cli.reporting.rules_formats import RULES_FORMATS
from prestatie_cli.rules import REGISTRY


def run(*, output_format: str, lang: Language, out: TextIO) -> int:
    out.write(RULES_FORMATS[output_format](REGISTRY.values(), lang))
    return 0
