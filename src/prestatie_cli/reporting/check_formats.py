"""The output formats of check, by the name ``--format`` takes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from prestatie_cli.messages import Language
from prestatie_cli.reporting import codequality, github, json_format, junit, sarif, text

if TYPE_CHECKING:  # types only: the command line imports the registries on every run
    from prestatie_cli.check.result import CheckResult


class CheckFormat(Protocol):
    def __call__(self, result: CheckResult, lang: Language, *, quiet: bool) -> str: ...


CHECK_FORMATS: dict[str, CheckFormat] = {
    "text": text.render_check,
    "json": json_format.render_check,
    "github": github.render_check,
    "sarif": sarif.render_check,
    "junit": junit.render_check,
    "codequality": codequality.render_check,
}
