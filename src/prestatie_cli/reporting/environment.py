"""The one Jinja2 environment factory: templates shipped with the package, or a user's."""

from __future__ import annotations

from pathlib import Path

from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from prestatie_cli.messages import Language, text
from prestatie_cli.reporting.markup import markdown_text


def environment(
    output_format: str, lang: Language, template_dir: Path | None = None
) -> SandboxedEnvironment:
    """A sandboxed environment; HTML is autoescaped, Markdown escaped with the ``md`` filter.

    A user's ``template_dir`` comes first, so that any shipped template can be overridden.
    """
    loaders: list[FileSystemLoader | PackageLoader] = []
    if template_dir is not None:
        loaders.append(FileSystemLoader(str(template_dir)))
    loaders.append(PackageLoader("prestatie_cli.reporting", "templates"))
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
