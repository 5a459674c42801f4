"""The one Jinja2 environment factory: templates shipped with the package, or a user's."""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from prestatie_cli.messages import Language, text

# An ampersand that would start a character reference such as &amp; or &#60;.
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def markdown_text(value: object) -> str:
    """Text safe inside Markdown: markup characters and HTML are shown, not interpreted."""
    shown = " ".join(str(value).split())
    shown = _ENTITY.sub("&amp;", shown).replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", shown)


def environment(
    output_format: str, lang: Language, template_dir: Path | None = None
) -> SandboxedEnvironment:
    """A sandboxed environment; HTML is autoescaped, Markdown escaped with the ``md`` filter.

    A user's ``template_dir`` comes first, so that any shipped template can be overridden.
    """
    loaders: list[FileSystemLoader | PackageLoader] = []
    if template_dir is not None:
        loaders.append(FileSystemLoader(str(template_dir)))
    loaders.append(PackageLoader("prestatie_cli", "templates"))
    env = SandboxedEnvironment(
        loader=ChoiceLoader(loaders),
        autoescape=output_format == "html",
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_text
    env.globals["t"] = lambda key, **params: text(key, lang, {k: str(v) for k, v in params.items()})
    return env
