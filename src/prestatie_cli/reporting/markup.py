"""Escaping text from the YAML for Markdown output: shown, never interpreted."""

from __future__ import annotations

import re

from prestatie_cli.reporting.escape import visible

# An ampersand that would start a character reference such as &amp; or &#60;.
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def markdown_text(value: object) -> str:
    """Text safe inside Markdown: markup characters and HTML are shown, not interpreted;
    line breaks become spaces and other control characters escapes (a terminal showing
    the Markdown does not act on them either)."""
    shown = visible(" ".join(str(value).split()))
    shown = _ENTITY.sub("&amp;", shown).replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", shown)
