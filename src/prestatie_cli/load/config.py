"""The optional prestatie.yaml: language and rule severities."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path

from prestatie_cli.errors import PrestatieError
from prestatie_cli.load.discover import find_config, foreign_owner
from prestatie_cli.load.parse import parse_file
from prestatie_cli.load.wording import from_finding
from prestatie_cli.messages import Language
from prestatie_cli.model.agreements import Config, Severity, Thresholds
from prestatie_cli.model.findings import Finding
from prestatie_cli.model.problems import Problem


@dataclass(frozen=True, slots=True)
class Settings:
    """What the configuration file decides, with defaults when there is none."""

    lang: Language = "nl"
    severities: dict[str, Severity] = field(default_factory=dict)
    thresholds: Thresholds = field(default_factory=Thresholds)
    path: str | None = None
    # The report's labels for the user's own themes, by slug.
    themes: dict[str, str] = field(default_factory=dict)


class ConfigError(PrestatieError):
    """A configuration file that is not applied (exit 2)."""


def _refuse_stranger(path: Path) -> None:
    """Refuse a configuration found (not named) that belongs to another user."""
    owner = foreign_owner(path)
    if owner is not None:
        raise ConfigError(key="config.foreign-owner", path=str(path), owner=owner)


def read_settings(
    config: Path | None, start: Path, lang: Language, rule_codes: AbstractSet[str]
) -> tuple[Settings | None, list[Problem]]:
    """The settings of ``config``, else of the nearest prestatie.yaml from ``start`` up
    to the repository's root; one owned by another user is refused (``ConfigError``).

    Without a configuration file, the defaults; None, with the problems (in ``lang``),
    for a file that cannot be used. ``rule_codes`` are the codes it may set a severity
    for: the rules know them, and this stage is below the rules.
    """
    path = config
    if path is None:
        path = find_config(start)
        if path is None:
            return Settings(), []
        _refuse_stranger(path)  # a file named with --config is the user's choice
    return load_settings(path, lang, rule_codes)


def load_settings(
    path: Path, lang: Language, rule_codes: AbstractSet[str]
) -> tuple[Settings | None, list[Problem]]:
    """Settings from a configuration file, or the problems that make it unusable
    (a severity for a rule that is none of ``rule_codes`` among them)."""
    shown = str(path)
    parsed = parse_file(path, lang, shown, rule_codes=rule_codes)
    document, model = parsed.document, parsed.model
    if parsed.problems or document is None:
        return None, list(parsed.problems)
    if not isinstance(model, Config):
        # A valid file of another kind where the configuration should be.
        kind = str(getattr(model, "kind", ""))
        wrong = Finding("V004", ("kind",), {"kind": kind}, variant="unknown")
        return None, [from_finding(document, wrong, "error", lang)]
    return Settings(model.lang, dict(model.rules), model.thresholds, shown, dict(model.themes)), []
