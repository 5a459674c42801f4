"""The optional prestatie.yaml: language and rule severities."""

from __future__ import annotations

import os
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path

from prestatie_cli.errors import PrestatieError
from prestatie_cli.load.discover import CONFIG_NAME
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


def find_config(start: Path) -> Path | None:
    """The nearest prestatie.yaml in ``start`` or one of its parents, up to the root of
    the repository (the nearest folder holding ``.git``; the filesystem's root if none):
    a file above it belongs to no one who works in it."""
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
        if (folder / ".git").exists():
            return None
    return None


def _refuse_stranger(path: Path) -> None:
    """Refuse a configuration found (not named) that belongs to another user.

    Root's files are applied: who can write them can replace prestatie itself. Where
    files have no POSIX owner (Windows), there is nothing to compare.
    """
    if not hasattr(os, "geteuid"):  # pragma: no cover - not POSIX
        return
    owner = path.stat().st_uid
    if owner in (os.geteuid(), 0):
        return
    try:
        import pwd  # POSIX only, and only for this message

        name = pwd.getpwuid(owner).pw_name
    except (ImportError, KeyError):
        name = str(owner)
    raise ConfigError(key="config.foreign-owner", path=str(path), owner=name)


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
