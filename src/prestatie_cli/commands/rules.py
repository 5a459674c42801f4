"""prestatie rules: every rule, or the ones asked for, with its code, severity, rationale
and examples."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import TextIO

from prestatie_cli.errors import UsageError
from prestatie_cli.messages import Language
from prestatie_cli.reporting.rules_formats import RULES_FORMATS
from prestatie_cli.rules import REGISTRY


def run(codes: Sequence[str], *, output_format: str, lang: Language, out: TextIO) -> int:
    """The rules named by ``codes`` (any case), else all; an unknown code is refused."""
    chosen = []
    for code in codes:
        rule = REGISTRY.get(code.strip().upper())
        if rule is None:
            near = difflib.get_close_matches(code.strip().upper(), REGISTRY, n=3)
            if not near:
                raise UsageError(key="rules.unknown.far", code=code)
            raise UsageError(key="rules.unknown", code=code, near=", ".join(near))
        chosen.append(rule)
    out.write(RULES_FORMATS[output_format](chosen or REGISTRY.values(), lang))
    return 0
