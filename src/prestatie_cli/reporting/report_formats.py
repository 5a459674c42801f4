"""Render a report view with the shipped (or a user's) Jinja2 templates: Markdown or HTML."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from prestatie_cli.errors import PrestatieError

if TYPE_CHECKING:  # types only: the command line imports the registries on every run
    from prestatie_cli.reporting.report_view import ReportView


class TemplateProblem(PrestatieError):
    """A user's template that cannot be loaded or rendered."""


def render_report(view: ReportView, output_format: str, template_dir: Path | None = None) -> str:
    """The report as Markdown (``md``) or one self-contained HTML file (``html``, also
    the source of a PDF)."""
    return "".join(REPORT_FORMATS[output_format](view, template_dir))


def stream_markdown(view: ReportView, template_dir: Path | None = None) -> Iterator[str]:
    """The report as Markdown, from ``report.md.j2``; text from the YAML is escaped."""
    return _stream(view, "md", template_dir)


def stream_html(view: ReportView, template_dir: Path | None = None) -> Iterator[str]:
    """The report as one self-contained HTML file, from ``report.html.j2``; autoescaped."""
    return _stream(view, "html", template_dir)


def _stream(view: ReportView, output_format: str, template_dir: Path | None) -> Iterator[str]:
    """The report in pieces as they are rendered: a country's report is never one string.

    Nothing runs before the first piece is asked for; a template that cannot be
    loaded or fails while rendering raises TemplateProblem where it fails, so a
    caller that must not show half a report renders a user's template whole first.
    """
    # Imported here: only report renders templates, and start-up does not pay for Jinja2.
    from jinja2 import TemplateError, TemplateSyntaxError

    from prestatie_cli.reporting.environment import environment

    env = environment(output_format, view.lang, template_dir)
    if output_format == "md":
        escape = env.filters["md"]
        # '@name' in an agreement's text would notify a user on GitHub or GitLab.
        env.filters["md"] = lambda value: escape(value).replace("@", "\\@")
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


class ReportFormat(Protocol):
    def __call__(self, view: ReportView, template_dir: Path | None = None) -> Iterator[str]: ...


REPORT_FORMATS: dict[str, ReportFormat] = {
    "md": stream_markdown,
    "html": stream_html,
    # A PDF is the HTML laid out for paper (reporting.pdf): the same pieces, printed.
    "pdf": stream_html,
}

# The format an output file's suffix names; -o with another suffix than --format is refused.
SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".pdf": "pdf"}
