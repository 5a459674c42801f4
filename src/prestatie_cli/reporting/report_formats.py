"""Render a report view with the shipped (or a user's) Jinja2 templates."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from jinja2 import TemplateError, TemplateSyntaxError

from prestatie_cli.errors import PrestatieError
from prestatie_cli.reporting.environment import environment
from prestatie_cli.reporting.report_view import ReportView


class TemplateProblem(PrestatieError):
    """A user's template that cannot be loaded or rendered."""


def render_report(view: ReportView, output_format: str, template_dir: Path | None = None) -> str:
    """The report as Markdown (``md``) or one self-contained HTML file (``html``)."""
    return "".join(stream_report(view, output_format, template_dir))


def stream_report(
    view: ReportView, output_format: str, template_dir: Path | None = None
) -> Iterator[str]:
    """The report in pieces as they are rendered: a country's report is never one string.

    Nothing runs before the first piece is asked for; a template that cannot be
    loaded or fails while rendering raises TemplateProblem where it fails, so a
    caller that must not show half a report renders a user's template whole first.
    """
    env = environment(output_format, view.lang, template_dir)
    try:
        template = env.get_template(f"report.{output_format}.j2")
        yield from template.generate(report=view)
    except TemplateSyntaxError as error:
        where = f"{error.filename or error.name}:{error.lineno}"
        raise TemplateProblem(
            f"{where}: the report template has an error: {error.message}"
        ) from None
    except TemplateError as error:
        raise TemplateProblem(
            f"The report template cannot be used: {error.message or error}"
        ) from None
