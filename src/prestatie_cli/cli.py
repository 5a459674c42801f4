"""The command line: parses arguments, calls a command, maps errors to exit codes.

This is the only module that imports typer.
"""

# No ``from __future__ import annotations`` here: typer reads every parameter's type on
# each run, and string annotations would be compiled and evaluated each time (20 ms).
import os
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from prestatie_cli import __version__
from prestatie_cli.errors import PrestatieError
from prestatie_cli.messages import Language, current_language, text
from prestatie_cli.reporting.terminal import colour, set_quiet

if TYPE_CHECKING:  # the models load only for commands that need them (fast --version)
    from prestatie_cli.progress.calculation import Status

app = typer.Typer(
    name="prestatie",
    help="Prestatieafspraken as versioned YAML: check them, follow progress, report.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"
    junit = "junit"


class RulesFormat(StrEnum):
    text = "text"
    json = "json"


class StatusFormat(StrEnum):
    text = "text"
    json = "json"
    md = "md"


class ExportFormat(StrEnum):
    csv = "csv"
    xlsx = "xlsx"
    json = "json"


class ReportFormat(StrEnum):
    md = "md"
    html = "html"


class DiffFormat(StrEnum):
    text = "text"
    md = "md"
    json = "json"


class StatusName(StrEnum):
    achieved = "achieved"
    on_track = "on_track"
    at_risk = "at_risk"
    behind = "behind"
    overdue = "overdue"
    no_data = "no_data"


class Lang(StrEnum):
    nl = "nl"
    en = "en"


# Options that many commands share, with one wording.
LangOption = Annotated[
    Lang | None,
    typer.Option("--lang", help="Language (default: prestatie.yaml, else nl).", show_default=False),
]
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config", help="Configuration file (default: nearest prestatie.yaml).", show_default=False
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option("--as-of", help="Reference date YYYY-MM-DD (default: today).", show_default=False),
]


def _as_of(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a date written as YYYY-MM-DD") from None


def _lang(value: Lang | None) -> Language | None:
    if value is None:
        return None
    return "en" if value is Lang.en else "nl"


def _status(value: StatusName) -> "Status":
    names: dict[str, Status] = {
        "achieved": "achieved",
        "on_track": "on_track",
        "at_risk": "at_risk",
        "behind": "behind",
        "overdue": "overdue",
        "no_data": "no_data",
    }
    return names[value.value]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"prestatie {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet", "-q", help="Only problems and results; no hints, summaries or notes."
        ),
    ] = False,
    no_color: Annotated[
        bool, typer.Option("--no-color", help="No colour (also when NO_COLOR is set).")
    ] = False,
) -> None:
    """Prestatieafspraken as versioned YAML: check them, follow progress, report.

    Example: prestatie check afspraken/ monitor/
    """
    set_quiet(quiet)
    if no_color:
        os.environ["NO_COLOR"] = "1"


@app.command("init")
def init_command(
    directory: Annotated[
        Path, typer.Argument(help="The new repository's directory (created if missing).")
    ] = Path(),
    set_id: Annotated[
        str | None,
        typer.Option(
            "--id", help="Id of the first set (default: from the directory).", show_default=False
        ),
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", help="Title of the first set.", show_default=False)
    ] = None,
    municipality: Annotated[
        str | None,
        typer.Option("--municipality", help="Name of the municipality.", show_default=False),
    ] = None,
    start_year: Annotated[
        int | None,
        typer.Option(
            "--start-year", help="First year of the term (default: next year).", show_default=False
        ),
    ] = None,
    years: Annotated[
        int, typer.Option("--years", min=1, max=10, help="Length of the term in years.")
    ] = 4,
    requirement: Annotated[
        str | None,
        typer.Option(
            "--requirement",
            help="What the CI templates pip-install, e.g. a git URL (default: prestatie from the package index).",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the messages.")] = Lang.nl,
) -> None:
    """Start a repository of agreements: a set, a monitor, prestatie.yaml, schemas, CI and pre-commit.

    Refuses to overwrite any existing file.

    Example: prestatie init lindeveen --municipality "Gemeente Lindeveen" --start-year 2026
    """
    from prestatie_cli.commands import init

    code = init.run(
        directory,
        set_id=set_id,
        title=title,
        municipality=municipality,
        start_year=start_year,
        years=years,
        requirement=requirement,
        lang=_lang(lang) or "nl",
        out=sys.stdout,
    )
    raise typer.Exit(code)


@app.command("check")
def check_command(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files or directories (searched for *.yaml and *.yml).", show_default=False
        ),
    ] = None,
    output_format: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="Output format.")
    ] = CheckFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail the check too.")] = False,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    config: ConfigOption = None,
    against: Annotated[
        str | None,
        typer.Option(
            "--against",
            help="Git revision to compare with: changes since then need an amendment (P615).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check agreement and monitor files against the SMART and domain rules.

    Exit code 0: no problems; 1: problems found; 2: a file could not be read.

    Examples:

      prestatie check afspraken/ monitor/

      prestatie check --format github --strict .

      prestatie check --against v2026-01 afspraken/
    """
    from prestatie_cli.commands import check

    code = check.run(
        paths or [],
        output_format=output_format.value,
        strict=strict,
        as_of=_as_of(as_of),
        lang=_lang(lang),
        config=config,
        out=sys.stdout,
        err=sys.stderr,
        against=against,
    )
    raise typer.Exit(code)


@app.command("status")
def status_command(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files or directories with sets and their monitors.", show_default=False
        ),
    ] = None,
    output_format: Annotated[
        StatusFormat, typer.Option("--format", "-f", help="Output format.")
    ] = StatusFormat.text,
    as_of: AsOfOption = None,
    theme: Annotated[
        list[str] | None,
        typer.Option("--theme", help="Only this theme (repeatable).", show_default=False),
    ] = None,
    party: Annotated[
        list[str] | None,
        typer.Option(
            "--party",
            help="Only agreements this party owns or contributes to (repeatable).",
            show_default=False,
        ),
    ] = None,
    status_filter: Annotated[
        list[StatusName] | None,
        typer.Option("--status", help="Only this status (repeatable).", show_default=False),
    ] = None,
    lang: LangOption = None,
    config: ConfigOption = None,
) -> None:
    """Show the progress of each agreement: value, target, expected, traffic light, projection.

    Statuses: achieved, on_track (green), at_risk (orange), behind and overdue (red),
    no_data (grey). Thresholds can be set in prestatie.yaml.

    Examples:

      prestatie status afspraken/ monitor/

      prestatie status --as-of 2026-06-30 --party hv-lindeveen --format md .
    """
    import shutil

    from prestatie_cli.commands import status

    code = status.run(
        paths or [],
        output_format=output_format.value,
        as_of=_as_of(as_of),
        lang=_lang(lang),
        config=config,
        themes=theme or [],
        parties=party or [],
        statuses=[_status(value) for value in status_filter or []],
        color=colour(sys.stdout),
        # A terminal is as wide as it is; a file or pipe gets room for every column.
        width=shutil.get_terminal_size().columns if sys.stdout.isatty() else 160,
        out=sys.stdout,
        err=sys.stderr,
    )
    raise typer.Exit(code)


@app.command("record", context_settings={"ignore_unknown_options": True})
def record_command(
    agreement: Annotated[
        str, typer.Argument(help="Id of the agreement, e.g. BS-01.", show_default=False)
    ],
    value: Annotated[
        str,
        typer.Argument(
            help="The measured value: a number, or ja/nee (done or not) for an agreement without target.",
            show_default=False,
        ),
    ],
    day: Annotated[
        str,
        typer.Option(
            "--date", help="Reference date of the measurement, YYYY-MM-DD.", show_default=False
        ),
    ],
    source: Annotated[
        str | None, typer.Option("--source", help="Source document or link.", show_default=False)
    ] = None,
    reported_by: Annotated[
        str | None,
        typer.Option(
            "--reported-by", help="Id of the party that reports the value.", show_default=False
        ),
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", help="A short explanation.", show_default=False)
    ] = None,
    monitor_file: Annotated[
        Path | None,
        typer.Option(
            "--file",
            help="Monitor file (default: the set's, or monitor/<set id>.yaml).",
            show_default=False,
        ),
    ] = None,
    sets: Annotated[
        list[Path] | None,
        typer.Option(
            "--sets",
            help="Where to look for the set (default: the current directory).",
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
    config: ConfigOption = None,
) -> None:
    """Add a measurement to the monitor file of its set, keeping the rest of the file as it is.

    Refuses, writing nothing, an unknown agreement, a date outside the period, a value of
    the wrong kind, a second value for the same date, or a monitor file that does not parse.

    Example:

      prestatie record BS-01 45 --date 2017-12-31 --source "Jaarverslag 2017" --reported-by corp-a

    A negative value works as it is: prestatie record BT-01 -0.5 --date 2026-07-01
    """
    from prestatie_cli.commands import record
    from prestatie_cli.editing.record import Entry

    entry = Entry(agreement, value, _as_of(day), source, reported_by, note)
    code = record.run(
        entry,
        sets=sets or [],
        monitor_file=monitor_file,
        lang=_lang(lang),
        config=config,
        out=sys.stdout,
        err=sys.stderr,
    )
    raise typer.Exit(code)


@app.command("diff")
def diff_command(
    revisions: Annotated[
        list[str] | None,
        typer.Argument(
            help="Nothing (working tree vs HEAD), REV (REV vs working tree), REV_A REV_B, "
            "or FILE_A FILE_B; paths to limit the comparison go after --.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        DiffFormat, typer.Option("--format", "-f", help="Output format.")
    ] = DiffFormat.text,
    exit_code: Annotated[
        bool,
        typer.Option("--exit-code", help="Exit 1 when there are differences, as git diff does."),
    ] = False,
    lang: LangOption = None,
    config: ConfigOption = None,
) -> None:
    """Show what changed in the agreements, by agreement id: added, removed, renamed, fields.

    Examples:

      prestatie diff

      prestatie diff v2025-12 HEAD -- afspraken/

      prestatie diff oud/lindeveen.yaml afspraken/lindeveen-2025-2028.yaml
    """
    from prestatie_cli.commands import diff

    given = revisions or []
    # The parser drops '--': what followed it is read back from the command line, when
    # that command line is this one (and not a caller's own list of arguments).
    raw = sys.argv[1:]
    paths = raw[raw.index("--") + 1 :] if "--" in raw else []
    if given[len(given) - len(paths) :] != paths:
        paths = []
    code = diff.run(
        given[: len(given) - len(paths)],
        [Path(path) for path in paths],
        output_format=output_format.value,
        exit_code=exit_code,
        lang=_lang(lang),
        config=config,
        out=sys.stdout,
        err=sys.stderr,
    )
    raise typer.Exit(code)


@app.command("log")
def log_command(
    agreement: Annotated[
        str, typer.Argument(help="Id of the agreement, e.g. BS-01.", show_default=False)
    ],
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Limit the history to these files or directories.", show_default=False),
    ] = None,
    set_id: Annotated[
        str | None,
        typer.Option(
            "--set", help="The set, when the id occurs in more than one.", show_default=False
        ),
    ] = None,
    output_format: Annotated[
        DiffFormat, typer.Option("--format", "-f", help="Output format.")
    ] = DiffFormat.text,
    lang: LangOption = None,
    config: ConfigOption = None,
) -> None:
    """Show the history of one agreement: each commit that changed it, what and why.

    Example: prestatie log BS-01 afspraken/
    """
    from prestatie_cli.commands import log

    code = log.run(
        agreement,
        paths or [],
        set_id=set_id,
        output_format=output_format.value,
        lang=_lang(lang),
        config=config,
        out=sys.stdout,
        err=sys.stderr,
    )
    raise typer.Exit(code)


@app.command("sign")
def sign_command(
    path: Annotated[Path, typer.Argument(help="The set file to sign.", show_default=False)],
    party: Annotated[
        str, typer.Option("--party", help="Id of the signing party.", show_default=False)
    ],
    name: Annotated[
        str, typer.Option("--name", help="Name of the person who signs.", show_default=False)
    ],
    day: Annotated[
        str | None,
        typer.Option(
            "--date", help="Date of signing, YYYY-MM-DD (default: today).", show_default=False
        ),
    ] = None,
    lang: LangOption = None,
    config: ConfigOption = None,
) -> None:
    """Record a party's sign-off with a digest of the set's content (P616 reports later changes).

    Example: prestatie sign afspraken/lindeveen-2025-2028.yaml --party hv-veenhuis --name "M. Bakker"
    """
    from prestatie_cli.commands import sign

    code = sign.run(
        path,
        party=party,
        name=name,
        day=_as_of(day),
        lang=_lang(lang),
        config=config,
        out=sys.stdout,
        err=sys.stderr,
    )
    raise typer.Exit(code)


@app.command("report")
def report_command(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files or directories with sets and their monitors.", show_default=False
        ),
    ] = None,
    output_format: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format (default: from -o's suffix, else md).",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file (default: standard output).",
            show_default=False,
        ),
    ] = None,
    as_of: AsOfOption = None,
    theme: Annotated[
        list[str] | None,
        typer.Option("--theme", help="Only this theme (repeatable).", show_default=False),
    ] = None,
    party: Annotated[
        list[str] | None,
        typer.Option(
            "--party",
            help="Only agreements this party owns or contributes to (repeatable).",
            show_default=False,
        ),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template",
            help="Directory with report.md.j2, report.html.j2 or report.css to use instead of the built-in ones.",
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
    config: ConfigOption = None,
) -> None:
    """Write a report for council members, supervisory boards and tenants: Markdown or HTML.

    The HTML is one self-contained file (no scripts, no external requests) that prints cleanly.

    Examples:

      prestatie report afspraken/ monitor/ > rapport.md

      prestatie report --format html -o rapport.html afspraken/ monitor/
    """
    from prestatie_cli.commands import report

    chosen_format = output_format.value if output_format else None
    if chosen_format is None:
        chosen_format = "html" if output and output.suffix.lower() in (".html", ".htm") else "md"
    code = report.run(
        paths or [],
        output_format=chosen_format,
        output=output,
        as_of=_as_of(as_of),
        lang=_lang(lang),
        config=config,
        themes=theme or [],
        parties=party or [],
        template_dir=template,
        out=sys.stdout,
        err=sys.stderr,
    )
    raise typer.Exit(code)


@app.command("export")
def export_command(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files or directories with sets and their monitors.", show_default=False
        ),
    ] = None,
    output_format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ExportFormat.csv,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write to this file (required for xlsx).", show_default=False
        ),
    ] = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    config: ConfigOption = None,
) -> None:
    """Export one row per agreement (set, id, title, theme, owner, target, deadline, latest value, status).

    Examples:

      prestatie export --format xlsx -o afspraken.xlsx afspraken/ monitor/

      prestatie export --format csv afspraken/ > afspraken.csv
    """
    from prestatie_cli.commands import export

    code = export.run(
        paths or [],
        output_format=output_format.value,
        output=output,
        as_of=_as_of(as_of),
        lang=_lang(lang),
        config=config,
        out=sys.stdout,
        err=sys.stderr,
    )
    raise typer.Exit(code)


@app.command("import")
def import_command(
    source: Annotated[
        Path,
        typer.Argument(
            help="An .xlsx or .csv table with one agreement per row.", show_default=False
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", help="The set file to write (must not exist).", show_default=False
        ),
    ],
    set_id: Annotated[
        str | None,
        typer.Option(
            "--id", help="Id of the set (default: the output file's name).", show_default=False
        ),
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", help="Title of the set.", show_default=False)
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            help="The term: 2025-2028 or 2025-01-01:2028-12-31 (default: from the deadlines).",
            show_default=False,
        ),
    ] = None,
    mapping: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            help="Map a column to a field, e.g. --map 'Wie=owner' (repeatable).",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the messages.")] = Lang.nl,
) -> None:
    """Turn a table of agreements (Excel or CSV) into a set, listing every row or cell it could not map.

    Recognises common Dutch column names: nr, afspraak, titel, thema, trekker, bijdragers,
    doel/streefwaarde, eenheid, nulmeting, deadline/termijn/gereed, and the export's own columns.

    Example: prestatie import monitor-2025.xlsx -o afspraken/lindeveen-2025-2028.yaml --period 2025-2028
    """
    from prestatie_cli.commands import import_table

    code = import_table.run(
        source,
        output=output,
        set_id=set_id,
        title=title,
        period=period,
        mappings=mapping or [],
        lang=_lang(lang) or "nl",
        out=sys.stdout,
        err=sys.stderr,
    )
    raise typer.Exit(code)


@app.command("rules")
def rules_command(
    output_format: Annotated[
        RulesFormat, typer.Option("--format", "-f", help="Output format.")
    ] = RulesFormat.text,
    lang: Annotated[Lang, typer.Option("--lang", help="Language.")] = Lang.nl,
) -> None:
    """List every rule: code, default severity, rationale, a passing and a failing example.

    Example: prestatie rules --lang en
    """
    from prestatie_cli.commands import rules

    raise typer.Exit(
        rules.run(output_format=output_format.value, lang=_lang(lang) or "nl", out=sys.stdout)
    )


@app.command("schema")
def schema_command(
    output_dir: Annotated[
        Path, typer.Option("--output-dir", "-o", help="Where to write the schema files.")
    ] = Path("schemas"),
    check_only: Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 1 when a file is out of date.")
    ] = False,
) -> None:
    """Write the JSON Schema of each kind of file, for editors and other tools.

    Example: prestatie schema --output-dir schemas/
    """
    from prestatie_cli.commands import schema

    raise typer.Exit(
        schema.run(output_dir=output_dir, check_only=check_only, out=sys.stdout, err=sys.stderr)
    )


def main() -> NoReturn:
    """Entry point: run the app and turn every outcome into an exit code.

    typer itself maps usage errors to 2 and Ctrl-C to 130; what reaches this
    function is ours to map.
    """
    try:
        app()
    except PrestatieError as error:
        sys.stderr.write(f"prestatie: {error.render(current_language())}\n")
        sys.exit(error.exit_code)
    except OSError as error:
        # A file or folder the system refuses: missing, a directory, no permission, disk full.
        where = f" {error.filename}" if error.filename else ""
        sys.stderr.write(
            f"prestatie: {text('ui.os-error', current_language(), {'where': where, 'reason': error.strerror or str(error)})}\n"
        )
        sys.exit(2)
    except Exception as error:  # the last line of defence: never a traceback
        sys.stderr.write(
            f"prestatie: unexpected error ({type(error).__name__}: {error}).\n"
            "This is a bug in prestatie; please report it with the command you ran.\n"
        )
        sys.exit(70)
    sys.exit(0)
