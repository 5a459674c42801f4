"""The one way to read a file: text in; its document, its model and its problems out.

Every caller that reads an agreement, monitor or configuration file (checking,
settings, record, sign, history, init, import) goes through ``parse`` or
``parse_file``, so that a broken file is described the same way everywhere.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path

from prestatie_cli.load.validate import Model, validate
from prestatie_cli.load.wording import from_finding, from_load_error
from prestatie_cli.load.yaml import Document, LoadError, load_file, load_text
from prestatie_cli.messages import Language
from prestatie_cli.model.findings import Finding
from prestatie_cli.model.problems import Problem


@dataclass(frozen=True, slots=True)
class Parsed:
    """A file as read: ``document`` is None when it is no readable YAML, ``model`` is None
    when its shape is wrong; ``problems`` say why, worded and placed, and ``findings``
    are the same before wording, with their pointers into the document."""

    document: Document | None
    model: Model | None
    problems: tuple[Problem, ...]
    findings: tuple[Finding, ...] = ()

    @property
    def unreadable(self) -> bool:
        """True when the text could not be read or parsed as YAML at all."""
        return self.document is None


def parse(
    text: str, path: str, lang: Language = "nl", *, rule_codes: AbstractSet[str] | None = None
) -> Parsed:
    """Parse and validate ``text``, shown as ``path`` in problems; a configuration may set
    severities for ``rule_codes`` (see ``validate``)."""
    try:
        document = load_text(text, path)
    except LoadError as error:
        return Parsed(None, None, (from_load_error(error, lang),))
    return _validated(document, lang, rule_codes)


def parse_file(
    path: Path,
    lang: Language = "nl",
    shown: str | None = None,
    *,
    rule_codes: AbstractSet[str] | None = None,
) -> Parsed:
    """Read, parse and validate the file at ``path`` (shown as ``shown`` if given); a
    configuration may set severities for ``rule_codes`` (see ``validate``)."""
    try:
        document = load_file(path, shown)
    except LoadError as error:
        return Parsed(None, None, (from_load_error(error, lang),))
    return _validated(document, lang, rule_codes)


def _validated(document: Document, lang: Language, rule_codes: AbstractSet[str] | None) -> Parsed:
    model, findings = validate(document, rule_codes)
    problems = tuple(from_finding(document, finding, "error", lang) for finding in findings)
    return Parsed(document, model, problems, tuple(findings))
