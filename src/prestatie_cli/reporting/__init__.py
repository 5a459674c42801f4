"""Presentation of results: one module per output format, chosen by name."""

from __future__ import annotations

from collections.abc import Callable

from prestatie_cli.check.result import CheckResult
from prestatie_cli.messages import Language
from prestatie_cli.reporting import github, json_format, junit, sarif, text

CheckReporter = Callable[[CheckResult, Language], str]

CHECK_REPORTERS: dict[str, CheckReporter] = {
    "text": text.render_check,
    "json": json_format.render_check,
    "github": github.render_check,
    "sarif": sarif.render_check,
    "junit": junit.render_check,
}
