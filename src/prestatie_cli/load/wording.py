"""Turn findings and load errors into problems: position, severity and wording."""

from __future__ import annotations

from collections.abc import Mapping

from prestatie_cli.load.yaml import Document, LoadError
from prestatie_cli.messages import Language, filled, has, shown, text
from prestatie_cli.model.findings import Finding
from prestatie_cli.model.problems import Level, Problem

# Parser complaints that have a more helpful hint than the general one.
_PARSER_HINTS = (
    ("unknown escape", "escape"),
    ("'\\t'", "tab"),
    ("\\t", "tab"),
    ("quoted scalar", "quote"),
    ("end of stream", "quote"),
    ("expected <block end>", "indent"),
    ("did not find expected '-' indicator", "indent"),
    ("mapping values are not allowed", "colon"),
)


# What the parser says, in the user's words: (marker in the parser's text, catalogue name).
# A problem not listed here is shown as the parser wrote it.
_PARSER_PROBLEMS = (
    ("mapping values are not allowed", "colon"),
    ("found unexpected end of stream", "unclosed-quote"),
    ("that cannot start any token", "character"),
    ("expected <block end>", "block-end"),
    ("did not find expected '-' indicator", "dash"),
    ("could not find expected ':'", "no-colon"),
    ("did not find expected key", "key"),
    ("found unknown escape character", "escape"),
    ("expected ',' or ']'", "flow-list"),
    ("expected ',' or '}'", "flow-mapping"),
    ("did not find expected node content", "content"),
)


def wording(
    code: str, params: Mapping[str, str | float], variant: str, lang: Language
) -> tuple[str, str]:
    """The message and hint of ``code`` in ``lang``.

    Params whose name ends in ``_key`` name a catalogue entry that is rendered
    first and handed on under the name without ``_key`` (nested wording).
    """
    given: dict[str, str | float] = dict(params)
    for name, value in params.items():
        if name.endswith("_key"):
            given[name[: -len("_key")]] = text(str(value), lang, given)
    message_key = (
        f"{code}.message.{variant}"
        if variant and has(f"{code}.message.{variant}")
        else f"{code}.message"
    )
    hint_key = (
        f"{code}.hint.{variant}" if variant and has(f"{code}.hint.{variant}") else f"{code}.hint"
    )
    params_shown = shown(given, lang)
    hint = filled(hint_key, lang, params_shown)
    if given.get("suggestion"):
        hint = f"{filled('ui.did-you-mean', lang, params_shown)} {hint}"
    return filled(message_key, lang, params_shown), hint


def from_finding(
    document: Document, finding: Finding, severity: Level, lang: Language, waived: str | None = None
) -> Problem:
    if finding.needle:
        where = document.locate(finding.pointer, finding.needle, finding.occurrence)
    elif finding.at_key:
        where = document.key_span(finding.pointer)
    else:
        where = document.span(finding.pointer)
    message, hint = wording(finding.code, finding.params, finding.variant, lang)
    return Problem(
        document.path, where.line, where.column, finding.code, severity, message, hint, waived
    )


def from_load_error(error: LoadError, lang: Language) -> Problem:
    params = dict(error.params)
    variant = params.pop("reason", "")
    if error.code == "Y005":
        problem = params.get("problem", "")
        said = next((name for marker, name in _PARSER_PROBLEMS if marker in problem), "")
        if said:
            params["problem"] = text(f"Y005.problem.{said}", lang)
        variant = params.pop("hint", "") or next(
            (name for marker, name in _PARSER_HINTS if marker in problem), ""
        )
        message, hint = wording(error.code, params, "", lang)
        if variant:
            hint = text(f"Y005.hint.{variant}", lang)
    else:
        message, hint = wording(error.code, params, variant, lang)
    return Problem(
        error.path, error.line or 1, error.column or 1, error.code, "error", message, hint
    )
