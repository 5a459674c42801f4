"""The command line: parses arguments, calls a command, maps errors to exit codes.

This is the only module that imports typer.
"""

# No ``from __future__ import annotations`` here: typer reads every parameter's type on
# each run, and string annotations would be compiled and evaluated each time (20 ms).
import io
import os
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer._click import exceptions as click_errors

from prestatie_cli import __version__
from prestatie_cli.commands import Setup
from prestatie_cli.errors import PrestatieError
from prestatie_cli.load.discover import find_config, foreign_owner
from prestatie_cli.load.dutch import dutch_date
from prestatie_cli.messages import (
    LANGUAGES,
    Language,
    current_language,
    has,
    text,
    use_language,
)
from prestatie_cli.progress.statuses import STATUSES, status_choices, statuses_named
from prestatie_cli.reporting.check_formats import CHECK_FORMATS
from prestatie_cli.reporting.diff_formats import DIFF_FORMATS
from prestatie_cli.reporting.escape import visible
from prestatie_cli.reporting.export_formats import EXPORT_FORMATS
from prestatie_cli.reporting.log_formats import LOG_FORMATS
from prestatie_cli.reporting.report_formats import REPORT_FORMATS
from prestatie_cli.reporting.rules_formats import RULES_FORMATS
from prestatie_cli.reporting.status_formats import STATUS_FORMATS
from prestatie_cli.reporting.terminal import colour
from prestatie_cli.reporting.text import write_problems

if TYPE_CHECKING:  # the type of a status; its names come from STATUSES
    from prestatie_cli.progress.statuses import Status

# The words of the command line itself (help, usage errors) are the catalogue's, in the
# language of the run: --lang wherever it is given, else PRESTATIE_LANG, else lang: in
# prestatie.yaml, else Dutch. typer builds its commands anew on every run; ``_Group.main``
# words them before parsing. A help text is the catalogue's ``help.<command>.<parameter>``,
# else the shared ``help.<parameter>``.

_ENVIRONMENT = "PRESTATIE_LANG"


@dataclass
class _Run:
    """What the options every command accepts (before or after its name) asked for."""

    quiet: bool = False
    lang: Language | None = None


def _environment_language() -> Language | None:
    """PRESTATIE_LANG, when set; an unknown value ends the run (exit code 2)."""
    value = os.environ.get(_ENVIRONMENT, "").strip().lower()
    if not value:
        return None
    for lang in LANGUAGES:
        if value == lang:
            return lang
    message = text("cli.error.environment", "nl", {"value": visible(value), "name": _ENVIRONMENT})
    sys.stderr.write(f"prestatie: {message}\n")
    sys.exit(2)


# A top-level ``lang:`` line of prestatie.yaml with one of the languages, plain or quoted.
_CONFIG_LANG = re.compile(
    rf"^lang[ \t]*:[ \t]*(['\"]?)({'|'.join(LANGUAGES)})\1[ \t]*(?:#[^\n]*)?\r?$", re.MULTILINE
)
# The help does not wait for a configuration larger than this (check says what is wrong).
_CONFIG_READ = 64 * 1024


def _configured_language() -> Language | None:
    """``lang:`` of the prestatie.yaml that applies in this folder, read from its top-level
    line rather than by the YAML loader, which help and usage errors do not wait for; None
    when there is none, when it is another user's file (see ``foreign_owner``) or when it
    names no language of prestatie (the command itself then says what is wrong)."""
    try:
        path = find_config(Path.cwd())
        if path is None or foreign_owner(path) is not None:
            return None
        with path.open("rb") as handle:
            written = handle.read(_CONFIG_READ).decode("utf-8-sig", errors="replace")
    except OSError:
        return None
    found = _CONFIG_LANG.search(written)
    return next((lang for lang in LANGUAGES if found and found.group(2) == lang), None)


def _interface_language(args: Sequence[str]) -> Language:
    """The language of help and usage errors: the last valid --lang before '--', else
    PRESTATIE_LANG, else ``lang:`` in prestatie.yaml, else nl."""
    found: Language | None = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        value = args[index + 1] if arg == "--lang" and index + 1 < len(args) else None
        if arg.startswith("--lang="):
            value = arg.removeprefix("--lang=")
        for lang in LANGUAGES:
            if value == lang:
                found = lang
    return found or _environment_language() or _configured_language() or "nl"


# What a value option's placeholder says, by option; others by their type.
_METAVARS = {
    "--as-of": "date", "--date": "date", "--lang": "lang", "--config": "file",
    "--output": "file", "--file": "file", "--template": "dir", "--output-dir": "dir",
    "--sets": "path", "--parties": "file", "--monitor": "file", "--party": "party",
    "--reported-by": "party", "--theme": "theme", "--against": "revision",
    "--start-year": "year", "--years": "number", "--map": "map", "--period": "period",
    "--status": "status", "--state": "state", "--condition": "id", "--id": "id", "--set": "id",
    "--name": "name", "--index": "number", "--format": "format", "--requirement": "requirement",
    "--pdf-variant": "level",
}  # fmt: skip


def _metavar(param: Any, lang: Language) -> str:
    """The placeholder of a value: PAD, DATUM, FORMAAT; never a type such as <list[Path]>."""
    long_names = [name for name in param.opts if name.startswith("--")]
    kind = _METAVARS.get(long_names[0]) if long_names else None
    if kind is None:
        descriptor = param.type_descriptor
        if descriptor.is_choice:
            kind = "choice"
        elif descriptor.is_path:
            kind = "path"
        elif isinstance(param, typer.core.TyperArgument):
            kind = param.name
        else:
            kind = "text"
    key = f"cli.metavar.{kind}"
    return text(key, lang) if has(key) else kind.upper()


def _usage_name(param: Any) -> str:
    """An argument in the usage line: AFSPRAAK, [WAARDE] when it may be left out, PAD...
    when it may be repeated."""
    name = str(param.display_name_raw)
    shown = name if param.required else f"[{name}]"
    return shown + ("..." if param.nargs != 1 else "")


def _said(key: str, fallback: str | None, lang: Language) -> str | None:
    return text(key, lang) if has(key) else fallback


def _word(group: Any, lang: Language) -> None:
    """Give the commands, their parameters and the options every command accepts the
    words of ``lang``; the options of the group are accepted after a command's name too."""
    shared = [param for param in group.params if param.name in ("quiet", "no_color", "lang")]
    worded: set[int] = set()
    for name, command in [("root", group), *group.commands.items()]:
        command.help = _said(f"help.{name}", command.help, lang)
        if command is not group:
            own = {option for param in command.params for option in param.opts}
            command.params.extend(p for p in shared if not own & set(p.opts))
        command.options_metavar = text("cli.metavar.options", lang)
        if command is group:
            group.subcommand_metavar = text("cli.metavar.command", lang)
        for param in command.params:
            if id(param) in worded:
                continue
            worded.add(id(param))
            own_key = f"help.{name}.{param.name}"
            param.help = _said(own_key if has(own_key) else f"help.{param.name}", param.help, lang)
            if getattr(param, "is_flag", False):
                param.metavar = ""
                continue
            param.metavar = _metavar(param, lang)
            descriptor = param.type_descriptor
            if descriptor.is_choice and descriptor.choices:
                names = ", ".join(str(choice) for choice in descriptor.choices)
                param.help = f"{param.help} " + text("help.choices", lang, {"choices": names})
            if isinstance(param, typer.core.TyperArgument):
                # typer shows an argument's type beside its placeholder; the placeholder says it.
                param.display_type_rich = lambda ctx: None  # type: ignore[method-assign]
                # A required argument plainly (AFSPRAAK), not as typer writes it ({AFSPRAAK}).
                param._usage_display_name = partial(_usage_name, param)  # type: ignore[method-assign]


def _rich_words(lang: Language) -> None:
    """The fixed words of typer's help (panel titles, default, required) in ``lang``."""
    from typer import rich_utils

    rich_utils.ARGUMENTS_PANEL_TITLE = text("cli.words.arguments", lang)
    rich_utils.OPTIONS_PANEL_TITLE = text("cli.words.options", lang)
    rich_utils.COMMANDS_PANEL_TITLE = text("cli.words.commands", lang)
    rich_utils.DEFAULT_STRING = "[" + text("cli.words.default", lang) + ": {}]"
    rich_utils.REQUIRED_LONG_STRING = "[" + text("cli.words.required", lang) + "]"


def _show_help(ctx: Any, param: Any, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        _rich_words(current_language())
        typer.echo(ctx.get_help(), color=ctx.color)
        ctx.exit()


class _Worded:
    """The usage line and the help option of a command, in the run's language."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        prefix = text("cli.words.usage", current_language()) + ": "
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=prefix)

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = text("help.help", current_language())
            option.metavar = ""
            option.callback = _show_help
        return option


class _Command(_Worded, typer.core.TyperCommand):
    pass


class _Group(_Worded, typer.core.TyperGroup):
    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run as typer does, with the words of the run's language and usage errors of
        our own (exit code 2)."""
        given = list(sys.argv[1:] if args is None else args)
        lang = _interface_language(given)
        use_language(lang)
        _word(self, lang)
        if not given:  # typer shows the help, then exits with 2
            _rich_words(lang)
        try:
            code = super().main(given, prog_name, complete_var, standalone_mode=False, **extra)
        except click_errors.UsageError as error:
            _usage_error(error, lang)
            code = 2
        except typer.Abort:
            sys.stderr.write(text("cli.error.aborted", lang) + "\n")
            code = 1
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)


def _usage_error(error: Any, lang: Language) -> None:
    """A usage error as one sentence, then the usage line and where the help is."""
    if isinstance(error, click_errors.NoArgsIsHelpError):
        return  # the help was shown
    sys.stderr.write(f"prestatie: {visible(_usage_message(error, lang))}\n")
    ctx = error.ctx
    if ctx is not None:
        sys.stderr.write(ctx.command.get_usage(ctx) + "\n")
        help_call = f"{ctx.command_path} --help"
        sys.stderr.write(text("cli.error.see-help", lang, {"command": help_call}) + "\n")


def _param_name(param: Any) -> str:
    if isinstance(param, typer.core.TyperArgument):
        return str(param.metavar or param.name.upper())
    long_names = [name for name in param.opts if name.startswith("--")]
    return str((long_names or param.opts)[0])


def _usage_message(error: Any, lang: Language) -> str:
    """typer's own usage errors, worded in ``lang``; ours are worded already."""
    message = str(error.message)
    if isinstance(error, click_errors.NoSuchOption):
        said = text("cli.error.no-such-option", lang, {"option": error.option_name})
        if error.possibilities:
            meant = "' / '".join(sorted(error.possibilities))
            said += " " + text("ui.did-you-mean", lang, {"suggestion": meant})
        return said
    if isinstance(error, click_errors.MissingParameter) and error.param is not None:
        kind = "argument" if isinstance(error.param, typer.core.TyperArgument) else "option"
        return text(f"cli.error.missing-{kind}", lang, {"name": _param_name(error.param)})
    if isinstance(error, click_errors.BadParameter):
        return _bad_value(error, lang)
    if isinstance(error, click_errors.BadOptionUsage):
        kind = "no-value" if "does not take" in message else "needs-value"
        return text(f"cli.error.{kind}", lang, {"option": error.option_name})
    if message == "Missing command.":
        return text("cli.error.missing-command", lang)
    unknown = re.match(r"No such command '(.*)'\.", message)
    if unknown:
        return _unknown_command(error.ctx, unknown.group(1), lang)
    extra = re.match(r"Got unexpected extra argument\(s\) \((.*)\)$", message)
    if extra:
        return text("cli.error.extra", lang, {"arguments": extra.group(1)})
    return message


def _unknown_command(ctx: Any, name: str, lang: Language) -> str:
    import difflib

    said = text("cli.error.no-such-command", lang, {"command": name})
    names = list(ctx.command.commands) if ctx is not None else []
    meant = difflib.get_close_matches(name, names, n=1)
    if meant:
        said += " " + text("ui.did-you-mean", lang, {"suggestion": meant[0]})
    return said


def _bad_value(error: Any, lang: Language) -> str:
    """An option's or argument's value refused: by typer's conversion (worded here from
    what it refused) or by our own (worded where it was refused)."""
    param = error.param
    cause = error.__cause__
    if param is None or not hasattr(cause, "errors"):
        hint = error.param_hint
        if hint is None and param is not None:
            hint = _param_name(param)
        if not hint:
            return str(error.message)
        name = hint if isinstance(hint, str) else " / ".join(hint)
        shown = {"name": name.strip("'"), "message": str(error.message)}
        return text("cli.error.invalid", lang, shown)
    first = cause.errors()[0] if cause.errors() else {}
    shown = {"name": _param_name(param), "value": visible(str(first.get("input", "")))}
    descriptor = param.type_descriptor
    if descriptor.is_choice and descriptor.choices:
        choices = ", ".join(str(choice) for choice in descriptor.choices)
        return text("cli.error.choice", lang, {**shown, "choices": choices})
    kind = str(first.get("type", ""))
    if kind.startswith(("less_than", "greater_than")):
        limits = {"min": str(param.min), "max": str(param.max)}
        return text("cli.error.range", lang, {**shown, **limits})
    if kind.startswith("int"):
        return text("cli.error.integer", lang, shown)
    return text("cli.error.value", lang, shown)


app = typer.Typer(
    cls=_Group,
    name="prestatie",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _choices(name: str, names: Iterable[str]) -> Any:
    """An enumeration of ``names`` for typer, which offers and accepts exactly those.

    Its members are strings equal to the names, so a command uses them as names.
    """
    return StrEnum(name, [(value, value) for value in names])


# Every choice comes from where it is defined: a registry of formats, the statuses.
if TYPE_CHECKING:  # to mypy a choice is the name it stands for
    CheckFormat = str
    StatusFormat = str
    DiffFormat = str
    LogFormat = str
    ReportFormat = str
    ExportFormat = str
    RulesFormat = str
else:
    CheckFormat = _choices("CheckFormat", CHECK_FORMATS)
    StatusFormat = _choices("StatusFormat", STATUS_FORMATS)
    DiffFormat = _choices("DiffFormat", DIFF_FORMATS)
    LogFormat = _choices("LogFormat", LOG_FORMATS)
    ReportFormat = _choices("ReportFormat", REPORT_FORMATS)
    ExportFormat = _choices("ExportFormat", EXPORT_FORMATS)
    RulesFormat = _choices("RulesFormat", RULES_FORMATS)


def _option(*names: str, help: str) -> Any:
    """An option without a default to show: its help says what happens when it is left out."""
    return typer.Option(*names, help=help, show_default=False)


def _argument(help: str) -> Any:
    return typer.Argument(help=help, show_default=False)


# Arguments and options that several commands share, each declared once.
SetPaths = Annotated[
    list[Path] | None, _argument("Files or directories with sets and their monitors.")
]
AgreementId = Annotated[str, _argument("Id of the agreement, e.g. BS-01.")]
LangOption = Annotated[
    Language | None, _option("--lang", help="Language (default: prestatie.yaml, else nl).")
]
MessagesLang = Annotated[Language | None, _option("--lang", help="Language of the messages.")]
ConfigOption = Annotated[
    Path | None, _option("--config", help="Configuration file (default: nearest prestatie.yaml).")
]
AsOfOption = Annotated[
    str | None, _option("--as-of", help="Reference date YYYY-MM-DD (default: today).")
]
ThemeOption = Annotated[list[str] | None, _option("--theme", help="Only this theme (repeatable).")]
PartyOption = Annotated[
    list[str] | None,
    _option("--party", help="Only agreements this party owns or contributes to (repeatable)."),
]
ParentsOption = Annotated[
    bool,
    typer.Option("--parents", help="Make missing folders of the output (default: refuse them)."),
]
_FORMAT = typer.Option("--format", "-f", help="Output format.")


_ISO_DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _date(value: str | None, writes: bool = False) -> date:
    """A date written as YYYY-MM-DD; today when none is given. For a command that
    ``writes``, a refusal says that nothing was written."""
    if value is None:
        return date.today()
    if _ISO_DAY.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    read = dutch_date(value)
    key = f"cli.date.{read[1]}" if read else "cli.date"
    meant = read[0] if read else ""
    lang = current_language()
    said = text(key, lang, {"value": visible(value), "meant": meant})
    if writes:
        said += " " + text("cli.nothing-written", lang)
    raise typer.BadParameter(said)


def _statuses(values: Iterable[str], chosen: Language | None) -> "list[Status]":
    """The statuses named by --status: a name (on_track), a label (op koers, On-Track), or
    a colour (rood, green) for every status of that light.

    An unknown one is refused in the language chosen with --lang, else the run's.
    """
    found: list[Status] = []
    for value in values:
        named = statuses_named(value)
        if not named:
            lang = chosen or current_language()
            raise typer.BadParameter(
                text(
                    "cli.status", lang, {"value": visible(value), "choices": status_choices(lang)}
                ),
                param_hint="'--status'",
            )
        found += [status for status in named if status not in found]
    return found


def _state(value: str | None) -> str | None:
    """A condition's state as the format names it; its Dutch words as the format reads them
    (vervuld, niet vervuld, gehaald, niet gehaald). Anything else goes on to be refused."""
    if value is None:
        return None
    from prestatie_cli.model.agreements import DUTCH_VALUES

    word = "-".join(value.strip().lower().replace("_", " ").split())
    meant = DUTCH_VALUES.get(word)
    return meant if meant in ("open", "met", "not_met") else value


def _setup(ctx: typer.Context, config: Path | None, lang: Language | None) -> Setup:
    """The configuration read once, for a command that reads it: its settings, the language
    (--lang, else PRESTATIE_LANG, else the configuration's, else nl), the streams and --quiet.

    A configuration that cannot be used ends the run (exit code 2) with its problems. A
    command asks for this after its other arguments, so that their errors come first.
    """
    # Imported here: --version and --help do not read a configuration.
    from prestatie_cli.load.config import read_settings
    from prestatie_cli.rules import REGISTRY

    lang = _language(ctx, lang)
    shown: Language = lang or "nl"
    use_language(shown)  # for an error raised while the configuration is read
    settings, problems = read_settings(config, Path.cwd(), shown, REGISTRY.keys())
    if settings is None:
        write_problems(sys.stderr, problems, shown)
        raise typer.Exit(2)
    chosen = lang or settings.lang
    use_language(chosen)
    return Setup(settings, chosen, sys.stdout, sys.stderr, _quiet(ctx))


def _quiet(ctx: typer.Context) -> bool:
    """--quiet, before or after the command's name."""
    return ctx.ensure_object(_Run).quiet


def _language(ctx: typer.Context, lang: Language | None) -> Language | None:
    """The language asked for: the command's --lang, the one before the command's name,
    else PRESTATIE_LANG; None leaves it to prestatie.yaml."""
    return lang or ctx.ensure_object(_Run).lang or _environment_language()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"prestatie {__version__}")
        raise typer.Exit()


def _quiet_given(ctx: typer.Context, value: bool) -> None:
    run = ctx.ensure_object(_Run)
    run.quiet = run.quiet or value


def _no_color_given(value: bool) -> None:
    if value:
        os.environ["NO_COLOR"] = "1"


def _lang_given(ctx: typer.Context, value: Language | None) -> None:
    run = ctx.ensure_object(_Run)
    run.lang = value or run.lang


# The options of the group; every command accepts them after its name too (``_word``).
# Their help, as every help, is the catalogue's.
@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, expose_value=False),
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", callback=_quiet_given, expose_value=False)
    ] = False,
    no_color: Annotated[
        bool, typer.Option("--no-color", callback=_no_color_given, expose_value=False)
    ] = False,
    lang: Annotated[
        Language | None,
        typer.Option("--lang", callback=_lang_given, expose_value=False, show_default=False),
    ] = None,
) -> None:
    """prestatie: what the options before the command's name ask for is kept in a ``_Run``."""


@app.command("init", cls=_Command)
def init_command(
    ctx: typer.Context,
    directory: Annotated[
        Path, typer.Argument(help="The new repository's directory (created if missing).")
    ] = Path(),
    set_id: Annotated[
        str | None, _option("--id", help="Id of the first set (default: from the directory).")
    ] = None,
    title: Annotated[str | None, _option("--title", help="Title of the first set.")] = None,
    municipality: Annotated[
        str | None, _option("--municipality", help="Name of the municipality.")
    ] = None,
    start_year: Annotated[
        int | None, _option("--start-year", help="First year of the term (default: next year).")
    ] = None,
    years: Annotated[
        int, typer.Option("--years", min=1, max=10, help="Length of the term in years.")
    ] = 4,
    requirement: Annotated[
        str | None,
        _option(
            "--requirement",
            help="What the CI files pip-install, e.g. 'prestatie @ git+https://…@v0.1.0' (default: where this prestatie was installed from, if that is a public address).",
        ),
    ] = None,
    lang: MessagesLang = None,
) -> None:
    """Start a repository of agreements: a set, a monitor, prestatie.yaml, schemas, CI and pre-commit.

    In a folder that has some of these files already, adds only the missing ones.

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
        lang=_language(ctx, lang) or "nl",
        quiet=_quiet(ctx),
        out=sys.stdout,
    )
    raise typer.Exit(code)


@app.command("check", cls=_Command)
def check_command(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None, _argument("Files or directories (searched for *.yaml and *.yml).")
    ] = None,
    output_format: Annotated[CheckFormat, _FORMAT] = "text",
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail the check too.")] = False,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    config: ConfigOption = None,
    against: Annotated[
        str | None,
        _option(
            "--against",
            help="Git revision to compare with: changes since then need an amendment (P615).",
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
        output_format=output_format,
        strict=strict,
        as_of=_date(as_of),
        against=against,
        setup=_setup(ctx, config, lang),
    )
    raise typer.Exit(code)


@app.command("fmt", cls=_Command)
def fmt_command(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None, _argument("Files or directories (searched for *.yaml and *.yml).")
    ] = None,
    check_only: Annotated[
        bool,
        typer.Option("--check", help="Write nothing; exit 1 when a file is not in the layout."),
    ] = False,
    lang: LangOption = None,
    config: ConfigOption = None,
) -> None:
    """Give agreement, monitor and configuration files one canonical layout, keeping every comment.

    Exit code 0: done (or, with --check, nothing to change); 1: with --check, a file would
    change; 2: a file could not be formatted safely and was left as it is.

    Examples:

      prestatie fmt afspraken/ monitor/

      prestatie fmt --check
    """
    from prestatie_cli.commands import fmt

    code = fmt.run(paths or [], check_only=check_only, setup=_setup(ctx, config, lang))
    raise typer.Exit(code)


@app.command("status", cls=_Command)
def status_command(
    ctx: typer.Context,
    paths: SetPaths = None,
    output_format: Annotated[StatusFormat, _FORMAT] = "text",
    as_of: AsOfOption = None,
    theme: ThemeOption = None,
    party: PartyOption = None,
    status_filter: Annotated[
        list[str] | None,
        typer.Option(
            "--status",
            help="Only this status (repeatable): its name or its label, e.g. 'op koers'.",
            show_default=False,
            metavar=f"<{'|'.join(STATUSES)}>",
        ),
    ] = None,
    scope: Annotated[
        str | None,
        _option(
            "--scope",
            help="Only agreements whose scope or 'per event' contains this text (any case).",
        ),
    ] = None,
    lang: LangOption = None,
    config: ConfigOption = None,
) -> None:
    """Show the progress of each agreement: value, target, expected, traffic light, projection.

    Statuses: achieved, on_track (green), at_risk (orange), behind and overdue (red),
    no_data (grey); not judged, and why (grey): context, request_open, request_declined,
    not_yet, lapsed, suspended, withdrawn. --party also finds the agreements of a group
    the party is a member of. Thresholds can be set in prestatie.yaml.

    Examples:

      prestatie status afspraken/ monitor/

      prestatie status --as-of 2026-06-30 --party hv-lindeveen --format md .

      prestatie status --scope weidemeer-oost afspraken/ monitor/
    """
    import shutil

    from prestatie_cli.commands import status

    code = status.run(
        paths or [],
        output_format=output_format,
        as_of=_date(as_of),
        themes=theme or [],
        parties=party or [],
        statuses=_statuses(status_filter or [], lang),
        scope=scope,
        color=colour(sys.stdout),
        # A terminal is as wide as it is; a file or pipe gets room for every column.
        width=shutil.get_terminal_size().columns if sys.stdout.isatty() else 160,
        setup=_setup(ctx, config, lang),
    )
    raise typer.Exit(code)


@app.command("record", cls=_Command, context_settings={"ignore_unknown_options": True})
def record_command(
    ctx: typer.Context,
    agreement: AgreementId,
    day: Annotated[
        str, _option("--date", help="Reference date of the measurement or state, YYYY-MM-DD.")
    ],
    value: Annotated[
        str | None,
        _argument(
            "The measured value: a number, or ja/nee (done or not) for an agreement without "
            "target. Left out with --condition."
        ),
    ] = None,
    source: Annotated[str | None, _option("--source", help="Source document or link.")] = None,
    reported_by: Annotated[
        str | None, _option("--reported-by", help="Id of the party that reports the value.")
    ] = None,
    note: Annotated[str | None, _option("--note", help="A short explanation.")] = None,
    index: Annotated[
        str | None,
        _option(
            "--index",
            help="The outside index's value with the measurement, for a target set against an "
            "index (e.g. inflation).",
        ),
    ] = None,
    condition: Annotated[
        str | None,
        _option(
            "--condition",
            help="Record the state of this condition (voorbehoud) of the agreement, not a value.",
        ),
    ] = None,
    state: Annotated[
        str | None,
        _option("--state", help="With --condition: open, met or not_met."),
    ] = None,
    monitor_file: Annotated[
        Path | None,
        _option("--file", help="Monitor file (default: the set's, or monitor/<set id>.yaml)."),
    ] = None,
    sets: Annotated[
        list[Path] | None,
        _option("--sets", help="Where to look for the set (default: the current directory)."),
    ] = None,
    lang: LangOption = None,
    config: ConfigOption = None,
) -> None:
    """Add a measurement, or the state of a condition, to the monitor file of its set,
    keeping the rest of the file as it is.

    Refuses, writing nothing, an unknown agreement or condition, a date outside the period,
    a value of the wrong kind, a second value for the same date, or a monitor file that does
    not parse.

    Examples:

      prestatie record BS-01 45 --date 2017-12-31 --source "Jaarverslag 2017" --reported-by corp-a

      prestatie record BT-01 2.8 --index 3.3 --date 2026-07-01 --source "Huurbeleid 2026"

      prestatie record BS-06 --condition vergunning-dijkzicht --state not_met --date 2026-09-30 --source "Uitspraak rechtbank"

    A negative value works as it is: prestatie record BT-01 -0.5 --date 2026-07-01
    """
    from prestatie_cli.commands import record

    asked = record.Asked(
        agreement,
        value,
        _date(day, writes=True),
        source,
        reported_by,
        note,
        index,
        condition,
        _state(state),
    )
    setup = _setup(ctx, config, lang)
    raise typer.Exit(record.run(asked, sets=sets or [], monitor_file=monitor_file, setup=setup))


@app.command("diff", cls=_Command)
def diff_command(
    ctx: typer.Context,
    revisions: Annotated[
        list[str] | None,
        _argument(
            "Nothing (working tree vs HEAD), REV (REV vs working tree), REV_A REV_B, "
            "or FILE_A FILE_B; paths to limit the comparison go after --."
        ),
    ] = None,
    output_format: Annotated[DiffFormat, _FORMAT] = "text",
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
        output_format=output_format,
        exit_code=exit_code,
        setup=_setup(ctx, config, lang),
    )
    raise typer.Exit(code)


@app.command("log", cls=_Command)
def log_command(
    ctx: typer.Context,
    agreement: AgreementId,
    paths: Annotated[
        list[Path] | None, _argument("Limit the history to these files or directories.")
    ] = None,
    set_id: Annotated[
        str | None, _option("--set", help="The set, when the id occurs in more than one.")
    ] = None,
    output_format: Annotated[LogFormat, _FORMAT] = "text",
    lang: LangOption = None,
    config: ConfigOption = None,
) -> None:
    """Show the history of one agreement: each commit that changed it, what and why.

    Example: prestatie log BS-01 afspraken/
    """
    from prestatie_cli.commands import log

    setup = _setup(ctx, config, lang)
    code = log.run(agreement, paths or [], set_id=set_id, output_format=output_format, setup=setup)
    raise typer.Exit(code)


@app.command("sign", cls=_Command)
def sign_command(
    ctx: typer.Context,
    path: Annotated[Path, _argument("The set file to sign.")],
    party: Annotated[str, _option("--party", help="Id of the signing party.")],
    name: Annotated[str, _option("--name", help="Name of the person who signs.")],
    day: Annotated[
        str | None, _option("--date", help="Date of signing, YYYY-MM-DD (default: today).")
    ] = None,
    lang: LangOption = None,
    config: ConfigOption = None,
) -> None:
    """Record a party's sign-off with a digest of the set's content (P616 reports later changes).

    Example: prestatie sign afspraken/lindeveen-2025-2028.yaml --party hv-veenhuis --name "M. Bakker"
    """
    from prestatie_cli.commands import sign

    signed_on = _date(day, writes=True)
    setup = _setup(ctx, config, lang)
    raise typer.Exit(sign.run(path, party=party, name=name, day=signed_on, setup=setup))


@app.command("report", cls=_Command)
def report_command(
    ctx: typer.Context,
    paths: SetPaths = None,
    output_format: Annotated[
        ReportFormat | None,
        _option("--format", "-f", help="Output format (default: from -o's suffix, else md)."),
    ] = None,
    output: Annotated[
        Path | None,
        _option("--output", "-o", help="Write to this file (default: standard output)."),
    ] = None,
    as_of: AsOfOption = None,
    theme: ThemeOption = None,
    party: PartyOption = None,
    template: Annotated[
        Path | None,
        _option(
            "--template",
            help="Directory with report.md.j2, report.html.j2 or report.css to use instead of the built-in ones.",
        ),
    ] = None,
    parents: ParentsOption = False,
    pdf_variant: Annotated[
        str | None,
        _option(
            "--pdf-variant",
            help="For the archive: a PDF/A (or PDF/UA) level, e.g. pdf/a-3a.",
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

      prestatie report -o rapport.pdf afspraken/ monitor/
    """
    from prestatie_cli.commands import report

    code = report.run(
        paths or [],
        output_format=output_format,
        output=output,
        as_of=_date(as_of),
        themes=theme or [],
        parties=party or [],
        template_dir=template,
        parents=parents,
        pdf_variant=pdf_variant,
        setup=_setup(ctx, config, lang),
    )
    raise typer.Exit(code)


@app.command("export", cls=_Command)
def export_command(
    ctx: typer.Context,
    paths: SetPaths = None,
    output_format: Annotated[
        ExportFormat | None,
        _option("--format", "-f", help="Output format (default: from -o's suffix, else csv)."),
    ] = None,
    output: Annotated[
        Path | None,
        _option("--output", "-o", help="Write to this file (required for xlsx and ods)."),
    ] = None,
    workbook: Annotated[
        bool,
        _option(
            "--workbook",
            help="One set as a workbook (xlsx or ods) of all its data, which import reads back.",
        ),
    ] = False,
    as_of: AsOfOption = None,
    parents: ParentsOption = False,
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
        output_format=output_format,
        output=output,
        workbook=workbook,
        as_of=_date(as_of),
        parents=parents,
        setup=_setup(ctx, config, lang),
    )
    raise typer.Exit(code)


@app.command("import", cls=_Command)
def import_command(
    ctx: typer.Context,
    source: Annotated[Path, _argument("An .xlsx or .csv table with one agreement per row.")],
    output: Annotated[
        Path, _option("--output", "-o", help="The set file to write (must not exist).")
    ],
    set_id: Annotated[
        str | None, _option("--id", help="Id of the set (default: the output file's name).")
    ] = None,
    title: Annotated[str | None, _option("--title", help="Title of the set.")] = None,
    period: Annotated[
        str | None,
        _option(
            "--period",
            help="The term: 2025-2028 or 2025-01-01:2028-12-31 (default: from the deadlines).",
        ),
    ] = None,
    mapping: Annotated[
        list[str] | None,
        _option("--map", help="Map a column to a field, e.g. --map 'Wie=owner' (repeatable)."),
    ] = None,
    monitor: Annotated[
        Path | None,
        _option("--monitor", help="Where a workbook's measurements go (must not exist)."),
    ] = None,
    parties: Annotated[
        Path | None,
        _option(
            "--parties",
            help="A set whose parties and groups the table names (by name or id); they go "
            "into the new set as they are.",
        ),
    ] = None,
    only_set: Annotated[
        str | None,
        _option(
            "--set",
            help="Take only the rows of this set from a table of several (its set column).",
        ),
    ] = None,
    parents: ParentsOption = False,
    lang: MessagesLang = None,
) -> None:
    """Turn a table of agreements (Excel or CSV) into a set, listing every row or cell it could not map.

    Recognises common Dutch column names: nr, afspraak, titel, thema, trekker, bijdragers,
    doel/streefwaarde, eenheid, nulmeting, deadline/termijn/gereed, and the export's own columns.

    Examples:

      prestatie import monitor-2025.xlsx -o afspraken/lindeveen-2025-2028.yaml --period 2025-2028

      prestatie import bewerkt.xlsx -o nieuw.yaml --parties afspraken/weidemeer-2026-2029.yaml --period 2026-2029
    """
    from prestatie_cli.commands import import_table

    code = import_table.run(
        source,
        output=output,
        set_id=set_id,
        title=title,
        period=period,
        mappings=mapping or [],
        parties=parties,
        monitor=monitor,
        parents=parents,
        only_set=only_set,
        lang=_language(ctx, lang) or "nl",
        out=sys.stdout,
        err=sys.stderr,
    )
    raise typer.Exit(code)


@app.command("rules", cls=_Command)
def rules_command(
    ctx: typer.Context,
    codes: Annotated[list[str] | None, _argument("Only these rules, e.g. S101.")] = None,
    output_format: Annotated[RulesFormat, _FORMAT] = "text",
    lang: MessagesLang = None,
) -> None:
    """List every rule, or the rules asked for: code, default severity, rationale, a passing
    and a failing example."""
    from prestatie_cli.commands import rules

    shown = _language(ctx, lang) or "nl"
    use_language(shown)
    code = rules.run(codes or [], output_format=output_format, lang=shown, out=sys.stdout)
    raise typer.Exit(code)


@app.command("lsp", cls=_Command)
def lsp_command(ctx: typer.Context, lang: LangOption = None) -> None:
    """Start a language server for editors over stdin and stdout.

    Example: prestatie lsp
    """
    from prestatie_cli.commands import lsp

    raise typer.Exit(lsp.run(lang=_language(ctx, lang)))


@app.command("schema", cls=_Command)
def schema_command(
    ctx: typer.Context,
    output_dir: Annotated[
        Path,
        typer.Option(
            "--output-dir",
            "-o",
            help="Where to write the schema files (made if missing; its parents with --parents).",
        ),
    ] = Path("schemas"),
    check_only: Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 1 when a file is out of date.")
    ] = False,
    parents: ParentsOption = False,
    lang: Annotated[
        Language | None,
        _option("--lang", help="Language of the schema's descriptions (default: nl)."),
    ] = None,
) -> None:
    """Write the JSON Schema of each kind of file, for editors and other tools.

    Example: prestatie schema --output-dir schemas/
    """
    from prestatie_cli.commands import schema

    # The language of the files is their content: only --lang chooses it, never the
    # environment, so that 'schema --check' means the same on every machine.
    shown = lang or ctx.ensure_object(_Run).lang or "nl"
    use_language(shown)
    raise typer.Exit(
        schema.run(
            output_dir=output_dir,
            check_only=check_only,
            parents=parents,
            lang=shown,
            out=sys.stdout,
            err=sys.stderr,
        )
    )


def _never_unwritable() -> None:
    """What a stream cannot encode (a terminal that is not UTF-8) is written as an escape
    rather than ending the run: every format already escapes what it cannot carry."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def main() -> NoReturn:
    """Entry point: run the app and turn every outcome into an exit code.

    typer itself maps usage errors to 2 and Ctrl-C to 130; what reaches this
    function is ours to map.
    """
    _never_unwritable()
    try:
        app()
    except PrestatieError as error:
        # Messages quote values and file names: shown, never acted on by the terminal.
        sys.stderr.write(f"prestatie: {visible(error.render(current_language()))}\n")
        sys.exit(error.exit_code)
    except OSError as error:
        # A file or folder the system refuses: missing, a directory, no permission, disk full.
        where = f" {error.filename}" if error.filename else ""
        reason = error.strerror or str(error)
        shown = text("ui.os-error", current_language(), {"where": where, "reason": reason})
        sys.stderr.write(f"prestatie: {visible(shown)}\n")
        sys.exit(2)
    except Exception as error:  # the last line of defence: never a traceback
        shown = text(
            "cli.error.bug", current_language(), {"error": f"{type(error).__name__}: {error}"}
        )
        sys.stderr.write(f"prestatie: {visible(shown)}\n")
        sys.exit(70)
    sys.exit(0)
