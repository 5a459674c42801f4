"""Dutch first: every help text and usage error of the command line in the language asked for.

The help of every command, and usage errors of every kind for every command, at 80 columns,
in Dutch (the default, ``--lang nl``) and in English (``--lang en``, ``PRESTATIE_LANG=en``),
scanned for words that give the other language away. Run in-process through ``cli.main``,
as the entry point runs it.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

from prestatie_cli import cli
from prestatie_cli.messages import Language
from prestatie_cli.reporting.check_formats import CHECK_FORMATS

COMMANDS = (
    "init", "check", "status", "record", "diff", "log", "sign", "report", "export",
    "import", "rules", "schema",
)  # fmt: skip

# Words that only the other language would use (matched as words, case as given).
GIVE_AWAY: dict[Language, tuple[str, ...]] = {
    # What an English text shows in a Dutch run.
    "nl": (
        "the", "Show", "Options", "Usage", "Error", "Invalid", "Missing", "option", "Arguments",
        "Commands", "default", "required", "Example", "Examples", "Try", "help", "must",
        "Only", "No such", "not", "valid", "integer", "one of", "Value error", "Input should",
        "Got unexpected", "extra argument", "list[", "<str>", "<bool>", "<path>", "<int>",
    ),
    # What a Dutch text shows in an English run.
    "en": (
        "de", "het", "een", "Gebruik", "Opties", "Toon", "Fout", "ongeldig", "ontbreekt",
        "Voorbeeld", "Voorbeelden", "standaard", "verplicht", "Argumenten", "Opdrachten",
        "bestand", "kies", "optie", "geen", "niet", "waarde", "toont", "tussen",
    ),
}  # fmt: skip

# Names that stay as they are in either language: options, formats, the examples' own
# Dutch file and party names, the Dutch values a user may type and the Dutch column names
# import recognises.
ALLOWED: dict[Language, tuple[str, ...]] = {
    "nl": (
        "--exit-code",
        "--show-completion",
        "--install-completion",
        "--help",
        "on_track",
        "overdue",
        "git diff",
        "not_met",
    ),
    "en": (
        "Gemeente Lindeveen",
        "Jaarverslag 2017",
        "Huurbeleid 2026",
        "Uitspraak rechtbank",
        "'op koers'",
        "'niet vervuld'",
        "vervuld",
        "(voorbehoud)",
        "ja/nee",
        "'de'",
        "nr, afspraak, titel, thema, trekker, bijdragers, doel/streefwaarde, eenheid, "
        "nulmeting, deadline/termijn/gereed",
    ),
}


def _run(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setattr(sys, "argv", ["prestatie", *args])
    with pytest.raises(SystemExit) as done:
        cli.main()
    out, err = capsys.readouterr()
    return int(done.value.code or 0), out, err


def _foreign(shown: str, lang: Language) -> list[str]:
    """The words in ``shown`` that give the other language away."""
    for allowed in ALLOWED[lang]:
        shown = shown.replace(allowed, " ")
    # Option names are names: --as-of, --reported-by, -o.
    shown = re.sub(r"(?<![\w-])--?[\w-]+", " ", shown)
    return [
        word
        for word in GIVE_AWAY[lang]
        if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", shown)
    ]


def _lang_args(lang: Language, monkeypatch: pytest.MonkeyPatch, how: str) -> list[str]:
    """Ask for ``lang`` as a user would: by default, --lang, or the environment."""
    monkeypatch.delenv("PRESTATIE_LANG", raising=False)
    if how == "environment":
        monkeypatch.setenv("PRESTATIE_LANG", lang)
        return []
    if how == "option":
        return ["--lang", lang]
    assert lang == "nl"
    return []


WAYS = [("nl", "default"), ("nl", "option"), ("en", "option"), ("en", "environment")]


@pytest.mark.parametrize(("lang", "how"), WAYS)
@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_speaks_one_language(
    command: str | None,
    lang: Language,
    how: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = [*([command] if command else []), "--help", *_lang_args(lang, monkeypatch, how)]
    code, out, err = _run(args, monkeypatch, capsys)
    assert (code, err) == (0, "")
    assert ("Gebruik:" if lang == "nl" else "Usage:") in out
    assert ("Opties" if lang == "nl" else "Options") in out
    assert _foreign(out, lang) == []
    assert max(len(line) for line in out.splitlines()) <= 80


# A usage error of each kind, for every command that can make it.
ERRORS: list[list[str]] = [
    *([command, "--bogus"] for command in COMMANDS),
    ["nonsense"],
    ["chek"],
    ["--lang", "de", "check"],
    ["check", "--format", "xml"],
    ["check", "--lang", "de"],
    ["check", "--as-of"],
    ["check", "--strict=ja"],
    ["check", "--as-of", "21-11-2026", "x.yaml"],
    ["status", "--status", "misschien", "x.yaml"],
    ["report", "--format", "pdf"],
    ["export", "--format", "pdf"],
    ["diff", "--format", "pdf"],
    ["log"],
    ["log", "BS-01", "--format", "pdf"],
    ["record"],
    ["record", "BS-01", "45"],
    ["sign"],
    ["sign", "set.yaml", "--name", "M. Bakker"],
    ["import"],
    ["import", "tabel.csv"],
    ["init", "--years", "twee"],
    ["init", "--years", "20"],
    ["init", "--start-year", "volgend"],
    ["rules", "--format", "pdf"],
    ["rules", "S999"],
    ["schema", "extra"],
]


@pytest.mark.parametrize(("lang", "how"), WAYS)
@pytest.mark.parametrize("args", ERRORS, ids=" ".join)
def test_usage_errors_speak_one_language(
    args: list[str],
    lang: Language,
    how: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    given = _lang_args(lang, monkeypatch, how)
    # --lang before the command's name, so that it is read whatever the command refuses.
    code, out, err = _run([*given, *args], monkeypatch, capsys)
    assert code == 2
    assert out == ""
    assert err.startswith("prestatie: ")
    assert "Traceback" not in err
    assert _foreign(err, lang) == []


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["check", "-x"], "prestatie: Onbekende optie -x."),
        (["check", "--stirct"], "prestatie: Onbekende optie --stirct. Bedoelt u '--strict'?"),
        (["chek"], "prestatie: Onbekende opdracht 'chek'. Bedoelt u 'check'?"),
        (["check", "--lang", "de"], "prestatie: 'de' kan niet bij --lang; kies uit: nl, en."),
        (["record"], "prestatie: AFSPRAAK ontbreekt; die is verplicht."),
        (["record", "BS-01"], "prestatie: De optie --date ontbreekt; die is verplicht."),
        (["init", "--years", "20"], "prestatie: --years moet tussen 1 en 10 liggen, niet 20."),
        (["init", "--years", "x"], "prestatie: 'x' bij --years is geen geheel getal."),
        (["check", "--as-of"], "prestatie: Na --as-of hoort een waarde."),
        (["schema", "a", "b"], "prestatie: Te veel argumenten: a b."),
        (
            ["--lang", "en", "check", "--format", "xml"],
            "prestatie: 'xml' cannot go with --format; choose from: "
            + ", ".join(CHECK_FORMATS)
            + ".",
        ),
    ],
)
def test_usage_errors_in_words(
    args: list[str],
    said: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("PRESTATIE_LANG", raising=False)
    code, _, err = _run(args, monkeypatch, capsys)
    lines = err.splitlines()
    assert (code, lines[0]) == (2, said)
    if args[0] == "check" and said.startswith("prestatie: Onbekende optie -x"):
        assert lines[1:] == [
            "Gebruik: prestatie check [OPTIES] [PAD]...",
            "'prestatie check --help' toont alle opties.",
        ]


@pytest.mark.parametrize(
    ("args", "usage"),
    [
        (["record"], "Gebruik: prestatie record [OPTIES] AFSPRAAK [WAARDE]"),
        (["sign"], "Gebruik: prestatie sign [OPTIES] PAD"),
        (["log"], "Gebruik: prestatie log [OPTIES] AFSPRAAK [PAD]..."),
        (["log", "--lang", "en"], "Usage: prestatie log [OPTIONS] AGREEMENT [PATH]..."),
    ],
)
def test_a_required_argument_is_written_plainly_in_the_usage_line(
    args: list[str],
    usage: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("PRESTATIE_LANG", raising=False)
    code, _, err = _run(args, monkeypatch, capsys)
    assert (code, err.splitlines()[1]) == (2, usage)


def test_an_unknown_language_in_the_environment_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PRESTATIE_LANG", "de")
    code, out, err = _run(["rules"], monkeypatch, capsys)
    assert (code, out) == (2, "")
    assert err.startswith("prestatie: PRESTATIE_LANG=de is geen taal van prestatie; kies nl of en")


def test_help_shows_placeholders_not_types(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("PRESTATIE_LANG", raising=False)
    _, out, _ = _run(["status", "--help"], monkeypatch, capsys)
    assert "Gebruik: prestatie status [OPTIES] [PAD]..." in out
    rows = {line.split()[1]: line for line in out.splitlines() if line.startswith("│ -")}
    assert rows["--as-of"].split()[2] == "DATUM"
    assert rows["--format"].split()[3] == "FORMAAT"
    assert rows["--config"].split()[2] == "BESTAND"
    assert "<" not in out


def _repository(root: Path, config: str | None) -> Path:
    """A repository of agreements with ``config`` as its prestatie.yaml; its subfolder."""
    (root / ".git").mkdir(parents=True)
    if config is not None:
        (root / "prestatie.yaml").write_bytes(config.encode("utf-8"))
    (root / "afspraken").mkdir()
    return root / "afspraken"


ENGLISH = "kind: config\nversion: 1\nlang: en\n"


@pytest.mark.parametrize(
    "config",
    [
        ENGLISH,
        "kind: config\r\nversion: 1\r\nlang: 'en'   # the team's language\r\n",
        '\ufeffkind: config\nlang: "en"\nversion: 1\n',
    ],
)
def test_help_and_usage_errors_follow_lang_in_prestatie_yaml(
    config: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("PRESTATIE_LANG", raising=False)
    monkeypatch.chdir(_repository(tmp_path, config))
    code, out, err = _run(["check", "--help"], monkeypatch, capsys)
    assert (code, err) == (0, "")
    assert "Usage:" in out
    assert _foreign(out, "en") == []
    code, out, err = _run(["check", "--bogus"], monkeypatch, capsys)
    assert (code, out) == (2, "")
    assert err.startswith("prestatie: Unknown option --bogus.\n")


@pytest.mark.parametrize(
    ("config", "environment", "args", "shown"),
    [
        (ENGLISH, "nl", [], "Gebruik:"),  # PRESTATIE_LANG goes before prestatie.yaml
        (ENGLISH, None, ["--lang", "nl"], "Gebruik:"),  # --lang before everything
        ("kind: config\nversion: 1\nlang: nl\n", "en", [], "Usage:"),
        ("kind: config\nversion: 1\nlang: fr\n", None, [], "Gebruik:"),  # no language of ours
        ("kind: config\nversion: 1\n", None, [], "Gebruik:"),
        ("kind: config\nsettings:\n  lang: en\n", None, [], "Gebruik:"),  # not top-level
        ("\x00\xff binary", None, [], "Gebruik:"),
    ],
)
def test_the_language_of_help_in_order(
    config: str,
    environment: str | None,
    args: list[str],
    shown: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("PRESTATIE_LANG", raising=False)
    if environment is not None:
        monkeypatch.setenv("PRESTATIE_LANG", environment)
    monkeypatch.chdir(_repository(tmp_path, config))
    code, out, err = _run(["status", "--help", *args], monkeypatch, capsys)
    assert (code, err) == (0, "")
    assert shown in out


def test_a_prestatie_yaml_above_the_repository_is_not_read_for_help(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("PRESTATIE_LANG", raising=False)
    (tmp_path / "prestatie.yaml").write_text(ENGLISH, encoding="utf-8")
    monkeypatch.chdir(_repository(tmp_path / "repo", None))
    _, out, _ = _run(["--help"], monkeypatch, capsys)
    assert "Gebruik:" in out


def test_another_users_prestatie_yaml_does_not_choose_the_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # As for its settings: a configuration found, not named, that belongs to somebody else
    # is not applied (root's files are).
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("giving a file to another user needs root")
    monkeypatch.delenv("PRESTATIE_LANG", raising=False)
    folder = _repository(tmp_path, ENGLISH)
    os.chown(tmp_path / "prestatie.yaml", 12345, 12345)
    monkeypatch.chdir(folder)
    _, out, _ = _run(["--help"], monkeypatch, capsys)
    assert "Gebruik:" in out
    os.chown(tmp_path / "prestatie.yaml", 0, 0)
    _, out, _ = _run(["--help"], monkeypatch, capsys)
    assert "Usage:" in out
