"""History commands against real git repositories: diff, log, check --against, sign.

Every repository is built in tmp_path with fixed author and committer dates, so
that commit dates (and so the dates at which a status is judged) are known.
Commands run in-process through ``prestatie_cli.cli.main`` (the same argument
parsing and error mapping as the installed program); the security cases run a
real process.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from prestatie_cli import cli
from prestatie_cli.versions import snapshots as versions
from prestatie_cli.versions.history import agreement_history

PARTIES = ("gemeente", "corp-a", "hv-a")
SET_ID = "stad-2024-2027"


# --- Building sets as YAML text -------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One agreement, written as a block in a set file."""

    id: str
    title: str
    text: str
    owner: str = "corp-a"
    value: int = 100
    deadline: str = "2027-12-31"
    metric: str = "opgeleverde woningen"
    milestones: tuple[tuple[str, int], ...] = ()
    amendments: tuple[tuple[str, str], ...] = ()

    def block(self) -> str:
        contributors = ", ".join(party for party in PARTIES if party != self.owner)
        lines = [
            f"  - id: {self.id}",
            f"    title: {self.title}",
            f"    text: {self.text}",
            "    theme: beschikbaarheid",
            "    kind: result",
            f"    owner: {self.owner}",
            f"    contributors: [{contributors}]",
            "    target:",
            f"      metric: {self.metric}",
            "      unit: woningen",
            f"      value: {self.value}",
            "      cumulative: true",
            "      baseline:",
            "        value: 0",
            "        date: 2024-01-01",
            f"    deadline: {self.deadline}",
            "    frequency: yearly",
        ]
        if self.milestones:
            lines.append("    milestones:")
            for day, value in self.milestones:
                lines += [f"      - date: {day}", f"        value: {value}"]
        if self.amendments:
            lines.append("    amendments:")
            for day, reason in self.amendments:
                lines += [
                    f"      - date: {day}",
                    f"        reason: {reason}",
                    f"        agreed_by: [{', '.join(PARTIES)}]",
                ]
        return "\n".join(lines) + "\n"


def set_text(
    items: Iterable[Item], set_id: str = SET_ID, title: str = "Prestatieafspraken Stad 2024-2027"
) -> str:
    """A complete, clean set: three parties that all signed (without digest)."""
    head = f"""\
kind: agreements
version: 1
id: {set_id}
title: {title}
period:
  start: 2024-01-01
  end: 2027-12-31
parties:
  - id: gemeente
    name: Gemeente Stad
    role: gemeente
  - id: corp-a
    name: Woonstichting A
    role: corporatie
  - id: hv-a
    name: Huurdersvereniging A
    role: huurdersorganisatie
agreements:
"""
    tail = """\
signatures:
  - party: gemeente
    name: J. de Vries
    date: 2024-01-15
  - party: corp-a
    name: A. Jansen
    date: 2024-01-15
  - party: hv-a
    name: M. Bakker
    date: 2024-01-20
"""
    return head + "".join(item.block() for item in items) + tail


def monitor_text(measurements: Iterable[tuple[str, str, int]], set_id: str = SET_ID) -> str:
    lines = ["kind: monitor", "version: 1", f"set: {set_id}", "measurements:"]
    for agreement, day, value in measurements:
        lines += [
            f"  - agreement: {agreement}",
            f"    date: {day}",
            f"    value: {value}",
            f"    source: Jaarverslag {day[:4]}",
            "    reported_by: corp-a",
        ]
    return "\n".join(lines) + "\n"


def position(source: str, agreement: str, key: str) -> tuple[int, int]:
    """Line and column (1-based) of ``key:`` inside the block of ``agreement``."""
    lines = source.splitlines()
    start = lines.index(f"  - id: {agreement}")
    for number in range(start + 1, len(lines)):
        line = lines[number]
        if line.startswith("  - ") or not line.startswith("    "):
            break
        if line.startswith(f"    {key}:"):
            return number + 1, 5
    raise AssertionError(f"{key} not found in {agreement}")


# Agreements of the main history.
BS01 = Item(
    "BS-01", "Nieuwe sociale huurwoningen", "Woonstichting A levert 180 woningen op.", value=180
)
BS02 = Item(
    "BS-02",
    "Bouwlocaties",
    "De gemeente biedt bouwlocaties aan voor 120 woningen.",
    owner="gemeente",
    value=120,
    deadline="2026-12-31",
    metric="aangeboden capaciteit",
    milestones=(("2025-12-31", 60),),
)
BS03 = Item(
    "BS-03",
    "Levensloopbestendige woningen",
    "Woonstichting A past jaarlijks 40 woningen aan voor ouderen.",
    value=160,
    metric="aangepaste woningen",
)
BS04 = Item(
    "BS-04",
    "Sloop en vervanging",
    "Woonstichting A vervangt 50 verouderde woningen.",
    value=50,
    metric="vervangen woningen",
)
BS05 = Item(
    "BS-05",
    "Woningen voor spoedzoekers",
    "Woonstichting A stelt 30 woningen beschikbaar voor spoedzoekers.",
    value=30,
    metric="woningen voor spoedzoekers",
)
BS07 = Item(
    "BS-07",
    "Woningen voor statushouders",
    "Woonstichting A huisvest de taakstelling voor statushouders.",
    value=90,
    metric="gehuisveste statushouders",
)


# --- git ----------------------------------------------------------------------------------------


class Git:
    """A repository in a temporary folder with fixed identities and dates."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self("init", "-q", "-b", "main")

    def __call__(self, *args: str, day: str = "2025-01-01", author: str = "Anna Auteur") -> str:
        stamp = f"{day}T12:00:00+00:00"
        env = {
            **{key: value for key, value in os.environ.items() if not key.startswith("GIT_")},
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": author,
            "GIT_AUTHOR_EMAIL": "auteur@example.org",
            "GIT_AUTHOR_DATE": stamp,
            "GIT_COMMITTER_NAME": "Committer",
            "GIT_COMMITTER_EMAIL": "committer@example.org",
            "GIT_COMMITTER_DATE": stamp,
        }
        done = subprocess.run(
            ["git", *args], cwd=self.root, env=env, capture_output=True, text=True, check=True
        )
        return done.stdout.strip()

    def write(self, relative: str, content: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        return path

    def commit(self, message: str, day: str, author: str = "Anna Auteur") -> str:
        self("add", "-A")
        self("commit", "-q", "-m", message, day=day, author=author)
        return self("rev-parse", "HEAD")


def short(sha: str) -> str:
    return sha[:10]


# --- Running the command line -------------------------------------------------------------------


@dataclass
class Done:
    code: int
    out: str
    err: str


Run = Callable[..., Done]


@pytest.fixture
def prestatie(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    """Run ``prestatie ARGS`` in-process in a folder; exit code, standard output and error."""

    def run(*args: str | Path, cwd: Path) -> Done:
        capsys.readouterr()
        with monkeypatch.context() as patch:
            patch.chdir(cwd)
            patch.setattr(sys, "argv", ["prestatie", *map(str, args)])
            try:
                cli.main()
            except SystemExit as exit_:
                code = exit_.code
        captured = capsys.readouterr()
        assert isinstance(code, int)
        return Done(code, captured.out, captured.err)

    return run


def process(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run prestatie as a separate process, as a user (or an attacker's CI input) would."""
    return subprocess.run(
        [sys.executable, "-m", "prestatie_cli", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


# --- The main history ---------------------------------------------------------------------------

BS01_RAISED = Item(
    BS01.id,
    BS01.title,
    BS01.text,
    value=200,
    amendments=(("2025-02-01", "Extra bouwlocatie aan de Dijk."),),
)
BS02_LATER = Item(
    BS02.id,
    BS02.title,
    BS02.text,
    owner="gemeente",
    value=120,
    deadline="2027-06-30",
    metric=BS02.metric,
    milestones=(("2025-12-31", 70),),
)
BS03_REWORDED = Item(
    BS03.id,
    BS03.title,
    "Woonstichting A past elk jaar 40 bestaande woningen aan voor senioren.",
    value=160,
    metric=BS03.metric,
)
BS06 = Item("BS-06", BS05.title, BS05.text, value=30, metric=BS05.metric)
SET_PATH = "afspraken/stad.yaml"


def build_history(git: Git) -> dict[str, str]:
    """Five commits: the first version, then a raised target, a later deadline and milestone,
    a reworded text, and one commit that removes, renames and adds an agreement."""
    shas = {}
    git.write(SET_PATH, set_text([BS01, BS02, BS03, BS04, BS05]))
    shas["first"] = git.commit("Eerste versie", "2025-01-10")
    git.write(SET_PATH, set_text([BS01_RAISED, BS02, BS03, BS04, BS05]))
    shas["raised"] = git.commit("Meer woningen", "2025-02-10", author="Bert Beleid")
    git.write(SET_PATH, set_text([BS01_RAISED, BS02_LATER, BS03, BS04, BS05]))
    shas["later"] = git.commit("Bouwlocaties later", "2025-03-10")
    git.write(SET_PATH, set_text([BS01_RAISED, BS02_LATER, BS03_REWORDED, BS04, BS05]))
    shas["reworded"] = git.commit("Tekst BS-03", "2025-04-10")
    git.write(SET_PATH, set_text([BS01_RAISED, BS02_LATER, BS03_REWORDED, BS06, BS07]))
    shas["last"] = git.commit("BS-04 vervalt, BS-05 heet BS-06, BS-07 erbij", "2025-05-10")
    return shas


History = tuple[Git, dict[str, str]]


@pytest.fixture
def history(tmp_path: Path) -> History:
    git = Git(tmp_path / "repo")
    return git, build_history(git)


# --- 1. diff ------------------------------------------------------------------------------------

BS03_WORDS = (
    "text: Woonstichting A past [-jaarlijks-] {+elk jaar+} 40 {+bestaande+} woningen aan voor "
    "[-ouderen.-] {+senioren.+}"
)
# An amendment reads as a sentence, never as JSON.
AMENDMENT_LINE = (
    "amendments[2025-02-01]: — → wijziging van 1 februari 2025: Extra bouwlocatie aan de "
    "Dijk. (akkoord: gemeente, corp-a, hv-a)"
)
# The same line in Markdown: brackets escaped, so that they show as written.
AMENDMENT_LINE_MD = (
    "amendments\\[2025-02-01\\]: — → wijziging van 1 februari 2025: Extra bouwlocatie aan de "
    "Dijk. (akkoord: gemeente, corp-a, hv-a)"
)


def test_diff_between_two_commits_as_text(history: History, prestatie: Run) -> None:
    git, shas = history
    done = prestatie("diff", shas["first"], shas["last"], cwd=git.root)
    assert (done.code, done.err) == (0, "")
    assert done.out == (
        f"Verschillen van {short(shas['first'])} naar {short(shas['last'])}\n"
        f"Set {SET_ID} ({SET_PATH})\n"
        "  ~ BS-01 Nieuwe sociale huurwoningen (gewijzigd)\n"
        "      target.value: 180 → 200 (verhoogd met 20)\n"
        f"      {AMENDMENT_LINE}\n"
        "  ~ BS-02 Bouwlocaties (gewijzigd)\n"
        "      deadline: 31 december 2026 → 30 juni 2027 (181 dagen later)\n"
        "      milestones[2025-12-31].value: 60 → 70 (verhoogd met 10)\n"
        "  ~ BS-03 Levensloopbestendige woningen (gewijzigd)\n"
        f"      {BS03_WORDS}\n"
        "  > BS-05 → BS-06 Woningen voor spoedzoekers (hernoemd)\n"
        "  + BS-07 Woningen voor statushouders (toegevoegd)\n"
        "  - BS-04 Sloop en vervanging (verwijderd)\n"
    )


def test_diff_in_english(history: History, prestatie: Run) -> None:
    git, shas = history
    done = prestatie("diff", "--lang", "en", shas["raised"], shas["later"], cwd=git.root)
    assert done.out.splitlines()[1:] == [
        f"Set {SET_ID} ({SET_PATH})",
        "  ~ BS-02 Bouwlocaties (changed)",
        "      deadline: 31 December 2026 → 30 June 2027 (181 days later)",
        "      milestones[2025-12-31].value: 60 → 70 (raised by 10)",
    ]


def test_diff_as_markdown(history: History, prestatie: Run) -> None:
    git, shas = history
    done = prestatie("diff", "--format", "md", shas["first"], shas["last"], cwd=git.root)
    assert done.code == 0
    assert done.out.splitlines() == [
        f"### Verschillen van {short(shas['first'])} naar {short(shas['last'])}",
        "",
        f"**Set {SET_ID} ({SET_PATH})**",
        "",
        "- `~` BS-01 Nieuwe sociale huurwoningen (gewijzigd)",
        "  - target.value: 180 → 200 (verhoogd met 20)",
        f"  - {AMENDMENT_LINE_MD}",
        "- `~` BS-02 Bouwlocaties (gewijzigd)",
        "  - deadline: 31 december 2026 → 30 juni 2027 (181 dagen later)",
        "  - milestones\\[2025-12-31\\].value: 60 → 70 (verhoogd met 10)",
        "- `~` BS-03 Levensloopbestendige woningen (gewijzigd)",
        "  - text: Woonstichting A past ~~jaarlijks~~ **elk jaar** 40 **bestaande** woningen aan "
        "voor ~~ouderen.~~ **senioren.**",
        "- `>` BS-05 → BS-06 Woningen voor spoedzoekers (hernoemd)",
        "- `+` BS-07 Woningen voor statushouders (toegevoegd)",
        "- `-` BS-04 Sloop en vervanging (verwijderd)",
    ]


def _field(
    field: str, old, new, direction: str = "", amount=None, words=(), reason: str = ""
) -> dict:
    return {
        "field": field,
        "old": old,
        "new": new,
        "direction": direction,
        "amount": amount,
        "words": [{"op": op, "text": text} for op, text in words],
        "reason": reason,
    }


def test_diff_as_json(history: History, prestatie: Run) -> None:
    git, shas = history
    done = prestatie("diff", "-f", "json", shas["first"], shas["last"], cwd=git.root)
    assert done.code == 0
    report = json.loads(done.out)
    assert {key: report[key] for key in ("version", "old", "new", "changed")} == {
        "version": 1,
        "old": short(shas["first"]),
        "new": short(shas["last"]),
        "changed": True,
    }
    [changed] = report["sets"]
    assert {key: changed[key] for key in ("id", "title", "path", "kind", "fields")} == {
        "id": SET_ID,
        "title": "Prestatieafspraken Stad 2024-2027",
        "path": SET_PATH,
        "kind": "changed",
        "fields": [],
    }
    agreements = {item["id"]: item for item in changed["agreements"]}
    assert [(a["id"], a["kind"], a["old_id"]) for a in changed["agreements"]] == [
        ("BS-01", "changed", None),
        ("BS-02", "changed", None),
        ("BS-03", "changed", None),
        ("BS-06", "renamed", "BS-05"),
        ("BS-07", "added", None),
        ("BS-04", "removed", None),
    ]
    assert agreements["BS-01"]["fields"] == [
        _field("target.value", 180, 200, "raised", 20),
        _field(
            "amendments[2025-02-01]",
            None,
            {
                "date": "2025-02-01",
                "reason": "Extra bouwlocatie aan de Dijk.",
                "agreed_by": ["gemeente", "corp-a", "hv-a"],
            },
        ),
    ]
    assert agreements["BS-02"]["fields"] == [
        _field("deadline", "2026-12-31", "2027-06-30", "later", 181),
        _field("milestones[2025-12-31].value", 60, 70, "raised", 10),
    ]
    assert agreements["BS-03"]["fields"] == [
        _field(
            "text",
            BS03.text,
            BS03_REWORDED.text,
            words=[
                ("equal", "Woonstichting A past"),
                ("delete", "jaarlijks"),
                ("insert", "elk jaar"),
                ("equal", "40"),
                ("insert", "bestaande"),
                ("equal", "woningen aan voor"),
                ("delete", "ouderen."),
                ("insert", "senioren."),
            ],
        )
    ]
    for added in ("BS-06", "BS-07", "BS-04"):
        assert agreements[added]["fields"] == []
    # A rename says from which id to which; the others have no such keys.
    assert (agreements["BS-06"]["from"], agreements["BS-06"]["to"]) == ("BS-05", "BS-06")
    assert "from" not in agreements["BS-07"]
    assert agreements["BS-07"]["title"] == "Woningen voor statushouders"


def test_diff_lowered_target_and_earlier_deadline(history: History, prestatie: Run) -> None:
    """The reverse comparison: every direction turns around."""
    git, shas = history
    done = prestatie("diff", "-f", "json", shas["later"], shas["raised"], cwd=git.root)
    [changed] = json.loads(done.out)["sets"]
    [bs02] = changed["agreements"]
    assert bs02["fields"] == [
        _field("deadline", "2027-06-30", "2026-12-31", "earlier", 181),
        _field("milestones[2025-12-31].value", 70, 60, "lowered", 10),
    ]


def test_diff_without_revisions_compares_the_working_tree_with_head(
    history: History, prestatie: Run
) -> None:
    git, shas = history
    assert prestatie("diff", "--exit-code", cwd=git.root).out == (
        f"Verschillen van {short(shas['last'])} naar werkmap\nGeen verschillen.\n"
    )
    raised = replace(BS01_RAISED, value=210)
    git.write(SET_PATH, set_text([raised, BS02_LATER, BS03_REWORDED, BS06, BS07]))
    done = prestatie("diff", cwd=git.root)
    assert (done.code, done.err) == (0, "")
    assert done.out == (
        f"Verschillen van {short(shas['last'])} naar werkmap\n"
        f"Set {SET_ID} ({SET_PATH})\n"
        "  ~ BS-01 Nieuwe sociale huurwoningen (gewijzigd)\n"
        "      target.value: 200 → 210 (verhoogd met 10)\n"
    )
    # From a subfolder, HEAD of the same repository.
    assert prestatie("diff", cwd=git.root / "afspraken").out == done.out


def test_diff_with_one_revision_compares_it_with_the_working_tree(
    history: History, prestatie: Run
) -> None:
    git, shas = history
    raised = replace(BS01_RAISED, value=210)
    git.write(SET_PATH, set_text([raised, BS02_LATER, BS03_REWORDED, BS06, BS07]))
    done = prestatie("diff", shas["reworded"], "--", SET_PATH, cwd=git.root)
    assert done.code == 0
    assert done.out == (
        f"Verschillen van {short(shas['reworded'])} naar werkmap\n"
        f"Set {SET_ID} ({SET_PATH})\n"
        "  ~ BS-01 Nieuwe sociale huurwoningen (gewijzigd)\n"
        "      target.value: 200 → 210 (verhoogd met 10)\n"
        "  > BS-05 → BS-06 Woningen voor spoedzoekers (hernoemd)\n"
        "  + BS-07 Woningen voor statushouders (toegevoegd)\n"
        "  - BS-04 Sloop en vervanging (verwijderd)\n"
    )


def test_diff_of_two_files_outside_git(tmp_path: Path, prestatie: Run) -> None:
    (tmp_path / "oud.yaml").write_text(set_text([BS01, BS04]), encoding="utf-8")
    (tmp_path / "nieuw.yaml").write_text(set_text([BS01_RAISED]), encoding="utf-8")
    done = prestatie("diff", "--exit-code", "oud.yaml", "nieuw.yaml", cwd=tmp_path)
    assert (done.code, done.err) == (1, "")
    assert done.out == (
        "Verschillen van oud.yaml naar nieuw.yaml\n"
        f"Set {SET_ID} (nieuw.yaml)\n"
        "  ~ BS-01 Nieuwe sociale huurwoningen (gewijzigd)\n"
        "      target.value: 180 → 200 (verhoogd met 20)\n"
        f"      {AMENDMENT_LINE}\n"
        "  - BS-04 Sloop en vervanging (verwijderd)\n"
    )
    same = prestatie("diff", "--exit-code", "oud.yaml", "oud.yaml", cwd=tmp_path)
    assert (same.code, same.out) == (
        0,
        "Verschillen van oud.yaml naar oud.yaml\nGeen verschillen.\n",
    )


def test_diff_limited_to_a_path(tmp_path: Path, prestatie: Run) -> None:
    git = Git(tmp_path / "repo")
    regio = "afspraken/regio.yaml"
    git.write(SET_PATH, set_text([BS01]))
    git.write(regio, set_text([BS04], "regio-2024-2027", "Regio"))
    first = git.commit("Twee sets", "2025-01-10")
    git.write(SET_PATH, set_text([BS01_RAISED]))
    git.write(regio, set_text([replace(BS04, value=40)], "regio-2024-2027", "Regio"))
    last = git.commit("Beide gewijzigd", "2025-02-10")
    both = prestatie("diff", first, last, cwd=git.root)
    assert [line for line in both.out.splitlines() if line.startswith("Set")] == [
        f"Set regio-2024-2027 ({regio})",
        f"Set {SET_ID} ({SET_PATH})",
    ]
    done = prestatie("diff", first, last, "--", regio, cwd=git.root)
    assert done.code == 0
    assert done.out == (
        f"Verschillen van {short(first)} naar {short(last)}\n"
        f"Set regio-2024-2027 ({regio})\n"
        "  ~ BS-04 Sloop en vervanging (gewijzigd)\n"
        "      target.value: 50 → 40 (verlaagd met 10)\n"
    )
    # A path relative to the current folder, from a subfolder.
    inside = prestatie("diff", first, last, "--", "regio.yaml", cwd=git.root / "afspraken")
    assert inside.out == done.out


def test_diff_exit_code(history: History, prestatie: Run) -> None:
    git, shas = history
    assert prestatie("diff", "--exit-code", shas["first"], shas["last"], cwd=git.root).code == 1
    assert prestatie("diff", shas["first"], shas["last"], cwd=git.root).code == 0
    same = prestatie("diff", "--exit-code", shas["last"], "HEAD", cwd=git.root)
    assert (same.code, same.out.splitlines()[1]) == (0, "Geen verschillen.")
    as_json = prestatie("diff", "--exit-code", "-f", "json", "HEAD", "HEAD", cwd=git.root)
    assert as_json.code == 0
    assert json.loads(as_json.out)["changed"] is False
    assert json.loads(as_json.out)["sets"] == []


def test_a_set_moved_with_git_mv_is_matched_by_id(history: History, prestatie: Run) -> None:
    git, shas = history
    git("mv", SET_PATH, "afspraken/stad-2024.yaml")
    moved = git.commit("Alleen verplaatst", "2025-06-01")
    done = prestatie("diff", "--exit-code", shas["last"], moved, cwd=git.root)
    assert (done.code, done.out.splitlines()[1:]) == (0, ["Geen verschillen."])
    git("mv", "afspraken/stad-2024.yaml", "stad.yaml")
    raised = replace(BS01_RAISED, value=210)
    git.write("stad.yaml", set_text([raised, BS02_LATER, BS03_REWORDED, BS06, BS07]))
    changed = git.commit("Verplaatst en gewijzigd", "2025-07-01")
    done = prestatie("diff", "--exit-code", shas["last"], changed, cwd=git.root)
    assert done.code == 1
    assert done.out.splitlines()[1:] == [
        f"Set {SET_ID} (stad.yaml)",
        "  ~ BS-01 Nieuwe sociale huurwoningen (gewijzigd)",
        "      target.value: 200 → 210 (verhoogd met 10)",
    ]


def test_a_set_that_did_not_exist_is_added_and_one_that_went_is_removed(
    history: History, prestatie: Run
) -> None:
    git, shas = history
    git.write("afspraken/regio.yaml", set_text([BS04], "regio-2024-2027", "Regio"))
    added = git.commit("Regio erbij", "2025-06-01")
    done = prestatie("diff", "--exit-code", shas["last"], added, cwd=git.root)
    assert done.code == 1
    assert done.out.splitlines()[1:] == ["Set regio-2024-2027 toegevoegd (afspraken/regio.yaml)"]
    report = json.loads(prestatie("diff", "-f", "json", shas["last"], added, cwd=git.root).out)
    assert report["changed"] is True
    assert report["sets"] == [
        {
            "id": "regio-2024-2027",
            "title": "Regio",
            "path": "afspraken/regio.yaml",
            "kind": "added",
            "agreements": [],
            "fields": [],
        }
    ]
    back = prestatie("diff", "--lang", "en", added, shas["last"], cwd=git.root)
    assert back.out.splitlines()[1:] == ["Set regio-2024-2027 removed (afspraken/regio.yaml)"]


def test_diff_shows_a_status_change_between_the_two_dates(history: History, prestatie: Run) -> None:
    """The status of each side is judged at its commit date, with that side's measurements."""
    git, shas = history
    git.write(
        "monitor/stad.yaml",
        monitor_text([("BS-01", "2025-12-31", 90), ("BS-02", "2025-12-31", 20)]),
    )
    measured = git.commit("Monitor 2025", "2026-01-15")
    done = prestatie("diff", shas["last"], measured, cwd=git.root)
    assert done.code == 0
    assert done.out.splitlines()[1:] == [
        f"Set {SET_ID} ({SET_PATH})",
        "  ~ BS-01 Nieuwe sociale huurwoningen (gewijzigd)",
        "      status: geen gegevens → op koers",
        "  ~ BS-02 Bouwlocaties (gewijzigd)",
        "      status: geen gegevens → achter",
    ]
    report = json.loads(prestatie("diff", "-f", "json", shas["last"], measured, cwd=git.root).out)
    fields = {a["id"]: a["fields"] for a in report["sets"][0]["agreements"]}
    assert fields == {
        "BS-01": [_field("status", "no_data", "on_track")],
        "BS-02": [_field("status", "no_data", "behind")],
    }
    # A status change with a changed field: both are shown, the field first.
    git.write(
        SET_PATH,
        set_text([BS01_RAISED, replace(BS02_LATER, value=20), BS03_REWORDED, BS06, BS07]),
    )
    lowered = git.commit("BS-02 verlaagd", "2026-02-01")
    done = prestatie("diff", measured, lowered, cwd=git.root)
    assert done.out.splitlines()[1:] == [
        f"Set {SET_ID} ({SET_PATH})",
        "  ~ BS-02 Bouwlocaties (gewijzigd)",
        "      target.value: 120 → 20 (verlaagd met 100)",
        "      status: achter → behaald",
    ]


# --- 2. log -------------------------------------------------------------------------------------


def _merge_history(git: Git) -> dict[str, str]:
    """After the main history: a branch changes BS-07, main moves BS-01's deadline, and the
    branch is merged with a merge commit."""
    shas = build_history(git)
    git("switch", "-q", "-c", "zijtak")
    bs07 = replace(BS07, value=100)
    git.write(SET_PATH, set_text([BS01_RAISED, BS02_LATER, BS03_REWORDED, BS06, bs07]))
    shas["branch"] = git.commit("Meer statushouders", "2025-06-10", author="Carla Corporatie")
    git("switch", "-q", "main")
    bs01 = replace(BS01_RAISED, deadline="2027-06-30")
    git.write(SET_PATH, set_text([bs01, BS02_LATER, BS03_REWORDED, BS06, BS07]))
    shas["main"] = git.commit("BS-01 eerder klaar", "2025-06-15")
    git("merge", "-q", "--no-ff", "-m", "Merge zijtak", "zijtak", day="2025-06-20")
    shas["merge"] = git("rev-parse", "HEAD")
    return shas


def test_log_lists_each_change_newest_first(tmp_path: Path, prestatie: Run) -> None:
    git = Git(tmp_path / "repo")
    shas = _merge_history(git)
    done = prestatie("log", "BS-01", cwd=git.root)
    assert (done.code, done.err) == (0, "")
    assert done.out == (
        "Geschiedenis van BS-01 (3 wijziging(en))\n"
        f"{short(shas['main'])} 2025-06-15 Anna Auteur: BS-01 eerder klaar\n"
        "    deadline: 31 december 2027 → 30 juni 2027 (184 dagen eerder)\n"
        f"{short(shas['raised'])} 2025-02-10 Bert Beleid: Meer woningen\n"
        "    target.value: 180 → 200 (verhoogd met 20)\n"
        f"    {AMENDMENT_LINE}\n"
        "    amendement 2025-02-01: Extra bouwlocatie aan de Dijk. (akkoord: gemeente, corp-a, hv-a)\n"
        f"{short(shas['first'])} 2025-01-10 Anna Auteur: Eerste versie\n"
        "    aangemaakt\n"
    )


def test_log_leaves_out_the_merge_commit_but_shows_the_branch_commit(
    tmp_path: Path, prestatie: Run
) -> None:
    git = Git(tmp_path / "repo")
    shas = _merge_history(git)
    done = prestatie("log", "--lang", "en", "BS-07", SET_PATH, cwd=git.root)
    assert done.code == 0
    assert done.out == (
        "History of BS-07 (2 change(s))\n"
        f"{short(shas['branch'])} 2025-06-10 Carla Corporatie: Meer statushouders\n"
        "    target.value: 90 → 100 (raised by 10)\n"
        f"{short(shas['last'])} 2025-05-10 Anna Auteur: BS-04 vervalt, BS-05 heet BS-06, "
        "BS-07 erbij\n"
        "    created\n"
    )
    assert short(shas["merge"]) not in done.out


def test_log_of_removed_and_renamed_agreements(history: History, prestatie: Run) -> None:
    git, shas = history
    removed = prestatie("log", "BS-04", cwd=git.root)
    assert removed.out.splitlines() == [
        "Geschiedenis van BS-04 (2 wijziging(en))",
        f"{short(shas['last'])} 2025-05-10 Anna Auteur: BS-04 vervalt, BS-05 heet BS-06, BS-07 erbij",
        "    verwijderd",
        f"{short(shas['first'])} 2025-01-10 Anna Auteur: Eerste versie",
        "    aangemaakt",
    ]
    reworded = prestatie("log", "BS-03", "afspraken", cwd=git.root)
    assert reworded.out.splitlines()[1:] == [
        f"{short(shas['reworded'])} 2025-04-10 Anna Auteur: Tekst BS-03",
        f"    {BS03_WORDS}",
        f"{short(shas['first'])} 2025-01-10 Anna Auteur: Eerste versie",
        "    aangemaakt",
    ]


def test_log_as_json(tmp_path: Path, prestatie: Run) -> None:
    git = Git(tmp_path / "repo")
    shas = _merge_history(git)
    done = prestatie("log", "--format", "json", "BS-01", cwd=git.root)
    assert done.code == 0
    report = json.loads(done.out)
    assert (report["version"], report["agreement"]) == (1, "BS-01")
    assert [
        (c["commit"], c["date"], c["author"], c["message"], c["event"]) for c in report["commits"]
    ] == [
        (shas["main"], "2025-06-15T12:00:00+00:00", "Anna Auteur", "BS-01 eerder klaar", "changed"),
        (shas["raised"], "2025-02-10T12:00:00+00:00", "Bert Beleid", "Meer woningen", "changed"),
        (shas["first"], "2025-01-10T12:00:00+00:00", "Anna Auteur", "Eerste versie", "created"),
    ]
    main, raised, first = report["commits"]
    assert main["changes"] == [_field("deadline", "2027-12-31", "2027-06-30", "earlier", 184)]
    assert main["amendments"] == []
    assert raised["changes"][0] == _field("target.value", 180, 200, "raised", 20)
    assert raised["amendments"] == [
        {
            "date": "2025-02-01",
            "reason": "Extra bouwlocatie aan de Dijk.",
            "agreed_by": ["gemeente", "corp-a", "hv-a"],
            "summary": None,
        }
    ]
    assert (first["changes"], first["amendments"]) == ([], [])


def test_log_as_markdown(history: History, prestatie: Run) -> None:
    git, shas = history
    done = prestatie("log", "-f", "md", "BS-03", cwd=git.root)
    assert done.out.splitlines() == [
        "### Geschiedenis van BS-03 (2 wijziging(en))",
        "",
        f"- **{short(shas['reworded'])} 2025-04-10 Anna Auteur: Tekst BS-03**",
        "  - text: Woonstichting A past ~~jaarlijks~~ **elk jaar** 40 **bestaande** woningen aan "
        "voor ~~ouderen.~~ **senioren.**",
        f"- **{short(shas['first'])} 2025-01-10 Anna Auteur: Eerste versie**",
        "  - aangemaakt",
    ]


def test_log_needs_set_when_the_id_is_in_two_sets(history: History, prestatie: Run) -> None:
    git, shas = history
    regio = "afspraken/regio.yaml"
    git.write(regio, set_text([replace(BS01, value=75)], "regio-2024-2027", "Regio"))
    added = git.commit("Regio erbij", "2025-06-01")
    git.write(regio, set_text([replace(BS01, value=80)], "regio-2024-2027", "Regio"))
    changed = git.commit("Regio BS-01 hoger", "2025-07-01")
    done = prestatie("log", "BS-01", cwd=git.root)
    assert (done.code, done.out) == (2, "")
    assert done.err == (
        "prestatie: Afspraak BS-01 komt in meer dan één set voor (regio-2024-2027, "
        f"{SET_ID}) in commit {short(added)}; kies er een met --set.\n"
    )
    regional = prestatie("log", "BS-01", "--set", "regio-2024-2027", cwd=git.root)
    assert regional.code == 0
    assert regional.out.splitlines() == [
        "Geschiedenis van BS-01 (2 wijziging(en))",
        f"{short(changed)} 2025-07-01 Anna Auteur: Regio BS-01 hoger",
        "    target.value: 75 → 80 (verhoogd met 5)",
        f"{short(added)} 2025-06-01 Anna Auteur: Regio erbij",
        "    aangemaakt",
    ]
    city = prestatie("log", "BS-01", "--set", SET_ID, cwd=git.root)
    assert city.out.splitlines()[0] == "Geschiedenis van BS-01 (2 wijziging(en))"
    assert [line[:10] for line in city.out.splitlines() if not line.startswith((" ", "G"))] == [
        short(shas["raised"]),
        short(shas["first"]),
    ]
    # A path that holds one of the two sets is enough as well.
    assert prestatie("log", "BS-01", regio, cwd=git.root).out == regional.out


def test_log_names_an_id_twice_in_one_set_as_such(history: History, prestatie: Run) -> None:
    git, _ = history
    twice = "afspraken/dubbel.yaml"
    git.write(twice, set_text([BS01, replace(BS01, value=75)], "dubbel-2024-2027", "Dubbel"))
    added = git.commit("Dubbele id", "2025-06-01")
    expected = (
        "prestatie: Afspraak BS-01 staat meer dan eens in set dubbel-2024-2027 in {where}; "
        "geef elke afspraak een eigen id ('prestatie check' wijst de dubbele aan).\n"
    )
    # Through the whole history: the commit that brought the duplicate in.
    done = prestatie("log", "BS-01", "--set", "dubbel-2024-2027", cwd=git.root)
    assert (done.code, done.out, done.err) == (2, "", expected.format(where=short(added)))
    # Through the file as it is now: the working tree.
    file = prestatie("log", "BS-01", twice, cwd=git.root)
    assert (file.code, file.out, file.err) == (2, "", expected.format(where="werkmap"))


def test_log_of_an_unknown_agreement(history: History, prestatie: Run) -> None:
    git, _ = history
    done = prestatie("log", "XX-99", cwd=git.root)
    assert (done.code, done.out) == (1, "")
    assert done.err == f"Afspraak XX-99 komt in geen enkele commit voor onder {git.root}.\n"
    limited = prestatie("log", "--lang", "en", "XX-99", "afspraken", cwd=git.root)
    assert (limited.code, limited.err) == (
        1,
        "Agreement XX-99 does not occur in any commit under afspraken.\n",
    )
    unknown_set = prestatie("log", "BS-01", "--set", "elders", cwd=git.root)
    assert unknown_set.code == 1


def test_log_of_a_moved_file_does_not_claim_the_move_created_the_agreement(
    history: History, prestatie: Run
) -> None:
    git, shas = history
    git("mv", SET_PATH, "afspraken/stad-2024.yaml")
    moved = git.commit("Alleen verplaatst", "2025-06-01")
    done = prestatie("log", "BS-06", "afspraken/stad-2024.yaml", cwd=git.root)
    assert done.code == 0
    assert short(moved) not in done.out
    assert done.out.splitlines()[1] == (
        f"{short(shas['last'])} 2025-05-10 Anna Auteur: BS-04 vervalt, BS-05 heet BS-06, BS-07 erbij"
    )


def test_the_history_of_an_agreement_as_values(
    history: History, monkeypatch: pytest.MonkeyPatch
) -> None:
    git, shas = history
    monkeypatch.chdir(git.root)
    raised = agreement_history("BS-01", [], None, "nl")
    assert (raised.agreement, raised.root.resolve()) == ("BS-01", git.root.resolve())
    assert [(entry.commit.sha, entry.event) for entry in raised.entries] == [
        (shas["first"], "created"),
        (shas["raised"], "changed"),
    ]
    changed = raised.entries[1]
    assert [change.field for change in changed.fields] == ["target.value", "amendments[2025-02-01]"]
    assert [amendment.reason for amendment in changed.amendments] == [
        "Extra bouwlocatie aan de Dijk."
    ]
    # A set file alone is followed by its set id; the removal is an entry of its own.
    removed = agreement_history("BS-04", [git.root / SET_PATH], None, "nl")
    assert [(entry.commit.sha, entry.event, entry.fields) for entry in removed.entries] == [
        (shas["first"], "created", ()),
        (shas["last"], "removed", ()),
    ]


# --- 3. check --against -------------------------------------------------------------------------

P615_HINT = (
    "    tip: Leg de wijziging vast onder 'amendments' met date, reason en agreed_by "
    "(alle partijen).\n"
)


def _p615(path: str, source: str, agreement: str, key: str, fields: str, against: str) -> str:
    line, column = position(source, agreement, key)
    return (
        f"{path}:{line}:{column}: P615 fout Bij {agreement} is {fields} gewijzigd sinds "
        f"{against}, maar er is geen nieuw amendement.\n" + P615_HINT
    )


def test_check_against_reports_each_unamended_change_at_its_key(
    history: History, prestatie: Run
) -> None:
    git, _ = history
    bs06 = replace(BS06, text="Woonstichting A stelt 35 woningen beschikbaar voor spoedzoekers.")
    amended = replace(
        BS07,
        value=120,
        amendments=(("2025-06-01", "Hogere taakstelling van het Rijk."),),
    )
    source = set_text(
        [
            replace(BS01_RAISED, value=250, deadline="2027-06-30"),
            replace(BS02_LATER, deadline="2027-09-30"),
            replace(BS03_REWORDED, owner="gemeente"),
            bs06,
            amended,
        ]
    )
    git.write(SET_PATH, source)
    done = prestatie(
        "check", "--as-of", "2025-06-01", "--against", "HEAD", "afspraken", cwd=git.root
    )
    assert (done.code, done.err) == (1, "")
    assert done.out == (
        _p615(SET_PATH, source, "BS-01", "target", "target, deadline", "HEAD")
        + _p615(SET_PATH, source, "BS-02", "deadline", "deadline", "HEAD")
        + _p615(SET_PATH, source, "BS-03", "owner", "owner", "HEAD")
        + _p615(SET_PATH, source, "BS-06", "text", "text", "HEAD")
        + "1 bestand(en) gecontroleerd: 4 fout(en), 0 waarschuwing(en), 0 info, 0 uitgezonderd.\n"
    )
    # The positions, written out once.
    assert [line.split(": P615")[0] for line in done.out.splitlines() if "P615" in line] == [
        f"{SET_PATH}:26:5",
        f"{SET_PATH}:55:5",
        f"{SET_PATH}:65:5",
        f"{SET_PATH}:79:5",
    ]


def test_check_against_in_json_and_english(history: History, prestatie: Run) -> None:
    git, shas = history
    bs02 = replace(BS02_LATER, owner="corp-a", deadline="2027-09-30")
    source = set_text([BS01_RAISED, bs02, BS03_REWORDED, BS06, BS07])
    git.write(SET_PATH, source)
    done = prestatie(
        "check", "-f", "json", "--lang", "en", "--as-of", "2025-06-01",
        f"--against={shas['reworded']}", SET_PATH, cwd=git.root,
    )  # fmt: skip
    assert done.code == 1
    [problem] = json.loads(done.out)["problems"]
    line, column = position(source, "BS-02", "deadline")
    assert problem == {
        "path": SET_PATH,
        "line": line,
        "column": column,
        "code": "P615",
        "severity": "error",
        "message": f"deadline, owner of BS-02 changed since {shas['reworded']}, but there is no new "
        "amendment.",
        "hint": "Record the change under 'amendments' with date, reason and agreed_by (all parties).",
    }


def test_check_against_accepts_a_change_with_a_new_amendment(
    history: History, prestatie: Run
) -> None:
    """BS-01 was raised in one commit together with an amendment: clean against before it."""
    git, shas = history
    assert (
        prestatie(
            "check", "--as-of", "2025-06-01", "--against", shas["first"], "afspraken", cwd=git.root
        ).code
        == 1
    )  # BS-02 and BS-03 changed without amendment since then
    done = prestatie(
        "check", "--as-of", "2025-06-01", f"--against={shas['first']}", cwd=git.root / "afspraken"
    )
    # Without paths the repository is checked from its root, its files shown relative to
    # the current folder.
    source = (git.root / SET_PATH).read_text(encoding="utf-8")
    shown = f"../{SET_PATH}"
    assert done.out == (
        _p615(shown, source, "BS-02", "deadline", "deadline", shas["first"])
        + _p615(shown, source, "BS-03", "text", "text", shas["first"])
        + "1 bestand(en) gecontroleerd: 2 fout(en), 0 waarschuwing(en), 0 info, 0 uitgezonderd.\n"
    )
    assert position(source, "BS-03", "text") == (62, 5)
    git.write(
        SET_PATH,
        set_text(
            [
                BS01_RAISED,
                replace(
                    BS02_LATER,
                    amendments=(("2025-03-01", "Vertraging bestemmingsplan."),),
                ),
                replace(
                    BS03_REWORDED,
                    amendments=(("2025-04-01", "Nieuwe woonvisie."),),
                ),
                BS06,
                BS07,
            ]
        ),
    )
    amended = prestatie(
        "check", "--as-of", "2025-06-01", "--against", shas["first"], SET_PATH, cwd=git.root
    )
    assert (amended.code, amended.out) == (
        0,
        "1 bestand(en) gecontroleerd: geen problemen gevonden.\n",
    )


def test_check_against_head_without_changes_and_without_against(
    history: History, prestatie: Run
) -> None:
    git, _ = history
    clean = "1 bestand(en) gecontroleerd: geen problemen gevonden.\n"
    assert (
        prestatie("check", "--as-of", "2025-06-01", "--against", "HEAD", cwd=git.root).out == clean
    )
    git.write(SET_PATH, set_text([replace(BS01_RAISED, value=1)]))
    # Without --against nothing is compared; removed agreements need no amendment.
    assert prestatie("check", "--as-of", "2025-06-01", SET_PATH, cwd=git.root).code == 0


def test_check_against_does_not_accept_an_edited_old_amendment(
    history: History, prestatie: Run
) -> None:
    git, _ = history
    edited = replace(
        BS01_RAISED,
        value=300,
        amendments=(("2025-02-01", "Extra bouwlocatie aan de Dijk en de Kade."),),
    )
    git.write(SET_PATH, set_text([edited, BS02_LATER, BS03_REWORDED, BS06, BS07]))
    done = prestatie("check", "--as-of", "2025-06-01", "--against", "HEAD", SET_PATH, cwd=git.root)
    assert done.code == 1
    assert "P615 fout Bij BS-01 is target gewijzigd sinds HEAD" in done.out


# --- 4. sign ------------------------------------------------------------------------------------


def _model(path: Path):
    from prestatie_cli.load.validate import validate
    from prestatie_cli.load.yaml import load_text

    model, findings = validate(load_text(path.read_text(encoding="utf-8"), str(path)))
    assert findings == []
    return model


def _digest(path: Path) -> str:
    from prestatie_cli.model.digest import digest

    return digest(_model(path))


CLEAN = "1 bestand(en) gecontroleerd: geen problemen gevonden.\n"


def test_sign_appends_only_the_signature(tmp_path: Path, prestatie: Run) -> None:
    path = tmp_path / "stad.yaml"
    path.write_text(set_text([BS01, BS02]), encoding="utf-8")
    before = path.read_bytes()
    expected = _digest(path)
    done = prestatie(
        "sign", "stad.yaml", "--party", "gemeente", "--name", "J. de Vries", "--date",
        "2025-06-01", cwd=tmp_path,
    )  # fmt: skip
    assert (done.code, done.err) == (0, "")
    assert done.out == (
        "Ondertekening door gemeente (J. de Vries, 2025-06-01) toegevoegd aan stad.yaml, "
        f"met {expected}.\n"
    )
    assert (
        path.read_bytes()
        == before
        + (
            "  - party: gemeente\n"
            "    name: J. de Vries\n"
            "    date: 2025-06-01\n"
            f'    digest: "{expected}"\n'
        ).encode()
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stad.yaml"]
    # The digest does not cover the signatures: signing did not change it.
    assert _digest(path) == expected
    assert prestatie("check", "--as-of", "2025-06-01", "stad.yaml", cwd=tmp_path).out == CLEAN


def test_a_change_after_signing_makes_the_signature_stale(tmp_path: Path, prestatie: Run) -> None:
    path = tmp_path / "stad.yaml"
    path.write_text(set_text([BS01, BS02]), encoding="utf-8")
    for party, name in (("gemeente", "J. de Vries"), ("hv-a", "M. Bakker")):
        signed = prestatie(
            "sign", path, "--party", party, "--name", name, "--date", "2025-06-01", cwd=tmp_path
        )
        assert signed.code == 0
    path.write_text(
        path.read_text(encoding="utf-8").replace("value: 180", "value: 170"), encoding="utf-8"
    )
    done = prestatie("check", "--as-of", "2025-06-01", path, cwd=tmp_path)
    assert done.code == 1
    lines = path.read_text(encoding="utf-8").splitlines()
    digests = [number + 1 for number, line in enumerate(lines) if line.startswith("    digest:")]
    assert done.out == (
        f"{path}:{digests[0]}:13: P616 fout De ondertekening door 'gemeente' (J. de Vries, "
        "2025-06-01) geldt voor een eerdere inhoud: de set is daarna gewijzigd.\n"
        "    tip: Laat de partij de huidige versie opnieuw tekenen: prestatie sign SET --party "
        "gemeente --name NAAM, of draai de wijziging terug.\n"
        f"{path}:{digests[1]}:13: P616 fout De ondertekening door 'hv-a' (M. Bakker, "
        "2025-06-01) geldt voor een eerdere inhoud: de set is daarna gewijzigd.\n"
        "    tip: Laat de partij de huidige versie opnieuw tekenen: prestatie sign SET --party "
        "hv-a --name NAAM, of draai de wijziging terug.\n"
        "1 bestand(en) gecontroleerd: 2 fout(en), 0 waarschuwing(en), 0 info, 0 uitgezonderd.\n"
    )
    assert digests == [len(lines) - 4, len(lines)]
    # gemeente signs again, later: only hv-a's signature is still stale.
    again = prestatie(
        "sign", path, "--party", "gemeente", "--name", "J. de Vries", "--date", "2025-07-01",
        cwd=tmp_path,
    )  # fmt: skip
    assert again.code == 0
    done = prestatie("check", "--as-of", "2025-07-01", "-f", "json", path, cwd=tmp_path)
    assert [(p["code"], p["line"], p["column"]) for p in json.loads(done.out)["problems"]] == [
        ("P616", digests[1], 13)
    ]
    prestatie(
        "sign", path, "--party", "hv-a", "--name", "M. Bakker", "--date", "2025-07-02", cwd=tmp_path
    )
    assert prestatie("check", "--as-of", "2025-07-02", path, cwd=tmp_path).out == CLEAN


def test_comments_and_layout_do_not_change_the_digest(tmp_path: Path, prestatie: Run) -> None:
    path = tmp_path / "stad.yaml"
    path.write_text(set_text([BS01, BS02]), encoding="utf-8")
    prestatie(
        "sign", path, "--party", "corp-a", "--name", "A. Jansen", "--date", "2025-06-01",
        cwd=tmp_path,
    )  # fmt: skip
    signed = _digest(path)
    source = path.read_text(encoding="utf-8")
    source = source.replace("agreements:\n", "# De afspraken\nagreements:  # twee\n")
    source = source.replace("title: Bouwlocaties", 'title: "Bouwlocaties"')
    source = source.replace(
        "    text: Woonstichting A levert 180 woningen op.\n",
        "    text: >-\n      Woonstichting A levert\n      180 woningen op.\n",
    )
    source = source.replace(
        "    contributors: [gemeente, hv-a]\n",
        "    contributors:\n      - gemeente\n      - hv-a\n",
    )
    path.write_text(source, encoding="utf-8")
    assert _digest(path) == signed
    assert prestatie("check", "--as-of", "2025-06-01", path, cwd=tmp_path).out == CLEAN


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        (
            set_text([BS01]),
            ["--party", "huurders"],
            "prestatie: 'huurders' is geen partij van de set; kies uit gemeente, corp-a, hv-a. "
            "Er is niets geschreven.\n",
        ),
        (
            set_text([BS01]),
            ["--party", "gemeent"],
            "prestatie: 'gemeent' is geen partij van de set; kies uit gemeente, corp-a, hv-a. "
            "Bedoelt u 'gemeente'? Er is niets geschreven.\n",
        ),
        (
            "kind: agreements\nversion: [1\n",
            ["--party", "gemeente"],
            "prestatie: De set {path}:2:10 is niet te lezen: Dit is geen geldige YAML: ",
        ),
        (
            set_text([BS01]).replace("  end: 2027-12-31\n", ""),
            ["--party", "gemeente"],
            "prestatie: De set {path}:6:3 is niet geldig: Het verplichte veld 'end' ontbreekt. "
            "Er is niets geschreven.\n",
        ),
        (
            monitor_text([("BS-01", "2025-12-31", 10)]),
            ["--party", "gemeente"],
            "prestatie: {path} is geen set afspraken (kind: agreements). Er is niets geschreven.\n",
        ),
    ],
    ids=["unknown-party", "near-party", "unreadable", "invalid", "monitor"],
)
def test_sign_refuses_and_writes_nothing(
    tmp_path: Path, prestatie: Run, content: str, args: list[str], message: str
) -> None:
    path = tmp_path / "stad.yaml"
    path.write_text(content, encoding="utf-8")
    done = prestatie("sign", path, *args, "--name", "X", "--date", "2025-06-01", cwd=tmp_path)
    assert (done.code, done.out) == (2, "")
    assert done.err.startswith(message.format(path=path))
    assert done.err.endswith("Er is niets geschreven.\n")
    assert "Traceback" not in done.err
    assert path.read_text(encoding="utf-8") == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stad.yaml"]


def test_sign_refuses_a_missing_file(tmp_path: Path, prestatie: Run) -> None:
    done = prestatie("sign", "nergens.yaml", "--party", "gemeente", "--name", "X", cwd=tmp_path)
    assert (done.code, done.err) == (
        2,
        "prestatie: De set nergens.yaml is niet te lezen: Het bestand bestaat niet. "
        "Er is niets geschreven.\n",
    )
    assert list(tmp_path.iterdir()) == []


# --- 5. Security and failures -------------------------------------------------------------------


@pytest.mark.parametrize("revision", ["--output={out}", "-h", "--exec=touch pwned", "-"])
def test_a_revision_that_looks_like_an_option_is_an_unknown_revision(
    history: History, revision: str
) -> None:
    git, _ = history
    out = git.root.parent / "output.txt"
    revision = revision.format(out=out)
    done = process("check", f"--against={revision}", "afspraken", cwd=git.root)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        f"prestatie: Onbekende revisie '{revision}': geen commit, branch of tag in {git.root}.\n"
    )
    assert not out.exists()
    assert not (git.root / "pwned").exists()
    assert not (git.root / "afspraken" / "pwned").exists()


def test_options_given_to_diff_and_log_are_refused_or_read_as_paths(
    history: History,
) -> None:
    git, _ = history
    out = git.root.parent / "output.txt"
    # Before --: not an option of prestatie, so a usage error.
    usage = process("diff", f"--output={out}", "HEAD", cwd=git.root)
    assert usage.returncode == 2
    assert "Onbekende optie --output." in usage.stderr
    # After --: a path, that does not exist.
    for args in (["diff", "--", f"--output={out}"], ["log", "BS-01", "--", f"--output={out}"]):
        done = process(*args, cwd=git.root)
        assert (done.returncode, done.stdout) == (2, "")
        assert done.stderr == f"prestatie: --output={out}: bestaat niet.\n"
    assert "Traceback" not in usage.stderr
    assert not out.exists()
    # -h after -- is a (missing) file, not a request for help.
    missing = process("diff", "HEAD", "--", "-h", cwd=git.root)
    assert missing.returncode == 2
    assert missing.stdout == ""
    assert missing.stderr.startswith("-h:1:1: Y001 fout De map (of het bestand) bestaat niet.\n")


def test_a_path_that_starts_with_a_dash_is_a_path(history: History, prestatie: Run) -> None:
    git, shas = history
    git.write("-regio.yaml", set_text([BS04], "regio-2024-2027", "Regio"))
    added = git.commit("Regio erbij", "2025-06-01")
    git.write("-regio.yaml", set_text([replace(BS04, value=45)], "regio-2024-2027", "Regio"))
    changed = git.commit("Regio lager", "2025-07-01")
    done = prestatie("diff", shas["last"], changed, "--", "-regio.yaml", cwd=git.root)
    assert (done.code, done.out.splitlines()[1:]) == (
        0,
        ["Set regio-2024-2027 toegevoegd (-regio.yaml)"],
    )
    log = prestatie("log", "BS-04", "--", "-regio.yaml", cwd=git.root)
    assert log.code == 0
    assert log.out.splitlines() == [
        "Geschiedenis van BS-04 (2 wijziging(en))",
        f"{short(changed)} 2025-07-01 Anna Auteur: Regio lager",
        "    target.value: 50 → 45 (verlaagd met 5)",
        f"{short(added)} 2025-06-01 Anna Auteur: Regio erbij",
        "    aangemaakt",
    ]
    # Pathspec magic is not applied to a file name: ':(exclude)-regio.yaml' names no file, so
    # the changes of stad.yaml since the first commit are not shown either.
    magic = prestatie("diff", shas["first"], changed, "--", ":(exclude)-regio.yaml", cwd=git.root)
    assert (magic.code, magic.out.splitlines()[1:]) == (0, ["Geen verschillen."])


def test_history_commands_outside_a_repository(tmp_path: Path, prestatie: Run) -> None:
    (tmp_path / "stad.yaml").write_text(set_text([BS01]), encoding="utf-8")
    message = (
        f"prestatie: {tmp_path} ligt niet in een git-repository; geschiedenis vraagt om een "
        "repository (of vergelijk twee bestanden: prestatie diff BESTAND_A BESTAND_B).\n"
    )
    for args in (["diff"], ["diff", "HEAD"], ["log", "BS-01"]):
        done = prestatie(*args, cwd=tmp_path)
        assert (done.code, done.out, done.err) == (2, "", message)
    against = prestatie("check", "--against", "HEAD", tmp_path / "stad.yaml", cwd=tmp_path)
    assert (against.code, against.out, against.err) == (2, "", message)


def test_an_unknown_revision(history: History, prestatie: Run) -> None:
    git, _ = history
    for args, revision in (
        (["diff", "v9", "HEAD"], "v9"),
        (["diff", "HEAD", "0" * 40], "0" * 40),
        (["diff", "HEAD~9"], "HEAD~9"),
        (["check", "--against", "main@{99}", "afspraken"], "main@{99}"),
    ):
        done = prestatie(*args, cwd=git.root)
        assert (done.code, done.out) == (2, "")
        assert done.err == (
            f"prestatie: Onbekende revisie '{revision}': geen commit, branch of tag in "
            f"{git.root}.\n"
        )
    # A blob or tree id is not a commit either.
    tree = git("rev-parse", "HEAD^{tree}")
    done = prestatie("diff", tree, "HEAD", cwd=git.root)
    assert (done.code, done.err) == (
        2,
        f"prestatie: Onbekende revisie '{tree}': geen commit, branch of tag in {git.root}.\n",
    )
    too_many = prestatie("diff", "HEAD", "HEAD~1", "HEAD~2", cwd=git.root)
    assert (too_many.code, too_many.err) == (
        2,
        "prestatie: Geef hooguit twee revisies (of twee bestanden) om te vergelijken.\n",
    )


def test_a_shallow_clone_says_how_to_fetch_the_history(
    history: History, tmp_path: Path, prestatie: Run
) -> None:
    git, shas = history
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{git.root}", str(clone)],
        check=True,
        capture_output=True,
        env={**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"},
    )
    for args, revision in (
        (["diff", shas["first"], "HEAD"], shas["first"]),
        (["diff", "HEAD~1"], "HEAD~1"),
        (["check", "--against", "HEAD~2", "afspraken"], "HEAD~2"),
    ):
        done = prestatie(*args, cwd=clone)
        assert (done.code, done.out) == (2, "")
        assert done.err == (
            f"prestatie: Onbekende revisie '{revision}': dit is een ondiepe kloon zonder die "
            "geschiedenis. Haal die op met: git fetch --unshallow (in CI: fetch-depth: 0).\n"
        )
    # What the clone does have still works.
    done = prestatie("diff", "--exit-code", "HEAD", cwd=clone)
    assert (done.code, done.out.splitlines()[1:]) == (0, ["Geen verschillen."])


# --- 6. Each blob is read and parsed once -------------------------------------------------------


def _blob_id(raw: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(raw) + raw).hexdigest()


def test_each_blob_is_parsed_once(
    tmp_path: Path, prestatie: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A cache of its own: parsed blobs of earlier tests (same content, same ids) would count.
    monkeypatch.setenv("PRESTATIE_CACHE_DIR", str(tmp_path / "cache"))
    git = Git(tmp_path / "repo")
    git.write(SET_PATH, set_text([BS01, BS02]))
    measurements: list[tuple[str, str, int]] = []
    for month in range(1, 21):
        measurements.append(
            ("BS-01", f"{2024 + (month - 1) // 12}-{(month - 1) % 12 + 1:02d}-28", 5)
        )
        git.write("monitor/stad.yaml", monitor_text(measurements))
        git.commit(
            f"Meting {month}", f"2025-{(month - 1) // 2 + 1:02d}-{(month - 1) % 2 * 14 + 1:02d}"
        )
    assert git("rev-list", "--count", "HEAD") == "20"
    every_blob = {
        line.split()[2]
        for sha in git("rev-list", "HEAD").split()
        for line in git("ls-tree", "-r", sha).splitlines()
    }
    assert len(every_blob) == 21  # one set, twenty versions of the monitor

    parsed: Counter[str] = Counter()
    read: Counter[str] = Counter()
    original_parse = versions._parse
    original_blob = versions.Repository.blob

    def parse(raw: bytes, path: str):
        parsed[_blob_id(raw)] += 1
        return original_parse(raw, path)

    def blob(self, blob_id: str, limit: int | None = None) -> bytes | None:
        read[blob_id] += 1
        return original_blob(self, blob_id, limit)

    monkeypatch.setattr(versions, "_parse", parse)
    monkeypatch.setattr(versions.Repository, "blob", blob)

    done = prestatie("log", "BS-01", cwd=git.root)
    assert done.out.splitlines() == [
        "Geschiedenis van BS-01 (1 wijziging(en))",
        f"{git('rev-list', '--max-parents=0', 'HEAD')[:10]} 2025-01-01 Anna Auteur: Meting 1",
        "    aangemaakt",
    ]
    assert set(parsed) == every_blob
    assert set(parsed.values()) == {1}
    assert read == parsed

    parsed.clear()
    read.clear()
    done = prestatie("diff", "HEAD~19", "HEAD", cwd=git.root)
    assert done.code == 0
    # The blobs were parsed by log already: the disk cache has them, by blob id.
    assert sum(parsed.values()) == 0
    assert sum(read.values()) == 0

    monkeypatch.setenv("PRESTATIE_CACHE_DIR", str(tmp_path / "empty-cache"))
    done = prestatie("diff", "HEAD~19", "HEAD", cwd=git.root)
    assert done.code == 0
    set_blob = git("rev-parse", f"HEAD:{SET_PATH}")
    assert parsed[set_blob] == 1
    assert sum(parsed.values()) == 3  # the set once, and the two monitors


@pytest.mark.xfail(
    strict=True,
    reason="diff finds the paths after -- in sys.argv instead of in the arguments it was given, "
    "so app(args) / CliRunner (and any wrapper) reads the paths as a third revision",
)
def test_diff_paths_after_double_dash_when_the_app_is_called_with_arguments(
    history: History, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    git, shas = history
    monkeypatch.chdir(git.root)
    monkeypatch.setattr(sys, "argv", ["prestatie"])
    result = CliRunner().invoke(cli.app, ["diff", shas["first"], shas["raised"], "--", SET_PATH])
    assert result.exception is None
    assert result.exit_code == 0
    assert "target.value: 180 → 200 (verhoogd met 20)" in result.output


# --- Broken and hidden files in history ----------------------------------------------------------


def test_a_set_broken_in_one_commit_is_not_reported_removed(tmp_path: Path, prestatie: Run) -> None:
    git = Git(tmp_path / "repo")
    git.write(SET_PATH, set_text([BS01, BS02]))
    first = git.commit("Afspraken", "2025-01-10")
    git.write(
        SET_PATH, set_text([BS01, BS02]).replace("kind: agreements", "kind: agreements\n\tkapot")
    )
    broken = git.commit("Per ongeluk een tab", "2025-02-10")
    raised = Item(BS01.id, BS01.title, BS01.text, value=200)
    git.write(SET_PATH, set_text([raised, BS02]))
    git.commit("BS-01 naar 200", "2025-03-10")
    done = prestatie("diff", first, broken, cwd=git.root)
    assert (done.code, done.out.splitlines()[1:]) == (
        0,
        [f"Set {SET_ID} ({SET_PATH}): in een van beide versies niet te lezen; niet vergeleken"],
    )
    log = prestatie("log", "BS-01", cwd=git.root)
    assert log.code == 0
    lines = log.out.splitlines()
    assert lines[0] == "Geschiedenis van BS-01 (2 wijziging(en))"
    assert [line for line in lines if line.startswith("    ")] == [
        "    target.value: 180 → 200 (verhoogd met 20)",
        "    aangemaakt",
    ]


def test_a_hidden_folder_in_history_is_left_out_as_in_the_working_tree(
    tmp_path: Path, prestatie: Run
) -> None:
    git = Git(tmp_path / "repo")
    git.write(SET_PATH, set_text([BS01]))
    git.write(".archief/oud.yaml", set_text([BS02]).replace(SET_ID, "oud-2020-2023"))
    git.commit("Afspraken en archief", "2025-01-10")
    done = prestatie("diff", "--exit-code", cwd=git.root)
    assert (done.code, done.out.splitlines()[1:]) == (0, ["Geen verschillen."])


# --- 4. The patterns of real agreements in diff and log ------------------------------------------

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "afspraken"
FRAME_PATH = "afspraken/weidemeer-2026-2029.yaml"
SLICE_PATH = "afspraken/weidemeer-2026.yaml"
EXTENSION_REASON = "De gemeenteraad verlengt de kaderafspraak met een jaar."
WITHDRAWAL_REASON = (
    "Addendum: Stichting Jongerenhuisvesting Regio sluit aan (SW-04). Het onderzoek naar een "
    "gezamenlijk woonruimteverdeelsysteem (SW-05) vervalt, omdat de regio dit in 2026 zelf "
    "oppakt."
)


def _edited(text: str, *edits: tuple[str, str]) -> str:
    """``text`` with each (old, new) replaced, each old found exactly once."""
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def _agreement_block(text: str, agreement: str) -> str:
    """The lines of one agreement in an example set, up to the next agreement or section."""
    start = text.index(f"  - id: {agreement}\n")
    ends = [text.find(mark, start + 1) for mark in ("\n  - id: ", "\n  # ---", "\namendments:")]
    return text[start : min(end for end in ends if end != -1) + 1]


def _weidemeer_history(git: Git) -> dict[str, str]:
    """The Weidemeer frame and its 2026 slice in three commits: without the addendum; with
    the addendum that withdraws SW-05 (taken out of the file) and a change to a field of
    every new kind; then an amendment that extends the term."""
    frame = (EXAMPLES / "weidemeer-2026-2029.yaml").read_text(encoding="utf-8")
    slice_ = (EXAMPLES / "weidemeer-2026.yaml").read_text(encoding="utf-8")
    addendum = frame[frame.index("amendments:\n") : frame.index("signatures:\n")]
    shas = {}
    git.write(FRAME_PATH, frame.replace(addendum, ""))
    git.write(SLICE_PATH, slice_)
    shas["first"] = git.commit("Kaderafspraak en jaarschijf 2026", "2026-01-22")
    changed = _edited(
        frame.replace(_agreement_block(frame, "SW-05"), ""),
        ("    joined: 2026-09-01\n", "    joined: 2026-10-01\n"),
        (
            "    members: [corp-meerhof, corp-polderrijk, corp-oever, corp-polderoever]\n",
            "    members: [corp-meerhof, corp-polderoever]\n",
        ),
        ("      value: -0.5\n", "      value: -1\n"),
        ("      index: inflatie (CPI voorgaand kalenderjaar)\n", "      index: inflatie (CPI)\n"),
        ("    per_event: bij iedere mutatie\n", "    per_event: bij elke mutatie\n"),
        ("          value: 736.20\n", "          value: 740\n"),
        ("      upper: 1000\n", "      upper: 1100\n"),
        ("      approximate: true\n      counting: net\n", "      counting: gross\n"),
        (
            "        - category: middenhuur\n          share: 20\n",
            "        - category: middenhuur\n          share: 25\n",
        ),
        ("    owner: [gemeente, corporaties]\n", "    owner: [gemeente, scw]\n"),
        (
            "    scope: vrijkomende sociale huurwoningen\n",
            "    scope: alle vrijkomende huurwoningen\n",
        ),
        (
            "    ongoing: true\n    frequency: monthly\n",
            "    ongoing: true\n    frequency: quarterly\n",
        ),
        ("        by: Raad van Commissarissen De Meerhof\n", "        by: RvC De Meerhof\n"),
        ("    effective_from: 2029-01-01\n", "    effective_from: 2028-01-01\n"),
        ("    beyond_term: true\n", ""),
        (
            "    addressed_to: gemeente\n    scope: wijk Weidemeer-Oost\n",
            "    addressed_to: gemeente\n    answer:\n      state: declined\n"
            "      date: 2026-10-01\n    scope: wijk Weidemeer-Oost\n",
        ),
        (
            "    parent: BS-03\n    text: >-\n      De corporaties sturen",
            "    parent: BS-01\n    text: >-\n      De corporaties sturen",
        ),
    )
    git.write(FRAME_PATH, changed)
    git.write(
        SLICE_PATH,
        _edited(
            slice_,
            (
                "  - party: corp-oever\n    date: 2025-06-30\n",
                "  - party: corp-oever\n    date: 2025-07-02\n",
            ),
            ("frame: weidemeer-2026-2029\n", ""),
        ),
    )
    shas["addendum"] = git.commit("Addendum: SW-05 vervalt", "2026-09-02")
    extended = _edited(
        changed,
        (
            "    withdraws: [SW-05]\n",
            "    withdraws: [SW-05]\n"
            "  - date: 2027-03-01\n"
            f"    reason: {EXTENSION_REASON}\n"
            "    agreed_by: [gemeente, corp-meerhof, corp-polderoever, corp-jong, hv-meerhof,"
            " hv-polderoever, hv-weidemeer]\n"
            "    extends_to: 2030-12-31\n",
        ),
    )
    git.write(FRAME_PATH, extended)
    shas["extended"] = git.commit("Termijn verlengd tot eind 2030", "2027-03-02")
    return shas


@pytest.fixture
def weidemeer(tmp_path: Path) -> History:
    git = Git(tmp_path / "repo")
    return git, _weidemeer_history(git)


AGREED = (
    "gemeente, corp-meerhof, corp-polderoever, corp-jong, hv-meerhof, hv-polderoever, hv-weidemeer"
)
WITHDRAWN_LINE = f"SW-05 Gezamenlijk woonruimteverdeelsysteem (ingetrokken op 1 september 2026: {WITHDRAWAL_REASON})"


def test_diff_shows_every_new_field_and_a_withdrawal_instead_of_a_removal(
    weidemeer: History, prestatie: Run
) -> None:
    git, shas = weidemeer
    done = prestatie("diff", shas["first"], shas["addendum"], cwd=git.root)
    assert (done.code, done.err) == (0, "")
    addendum = (
        f"wijziging van 1 september 2026: {WITHDRAWAL_REASON}; ingetrokken: SW-05 (akkoord: "
        f"{AGREED})"
    )
    assert done.out.splitlines() == [
        f"Verschillen van {short(shas['first'])} naar {short(shas['addendum'])}",
        f"Set weidemeer-2026-2029 ({FRAME_PATH})",
        "    parties[corp-jong].joined: 1 september 2026 → 1 oktober 2026",
        "    groups[scw].members: corp-meerhof, corp-polderrijk, corp-oever, corp-polderoever → "
        "corp-meerhof, corp-polderoever",
        f"    amendments[2026-09-01]: — → {addendum}",
        "  ~ BT-01 Huurverhoging ten hoogste inflatie min 0,5 procentpunt (gewijzigd)",
        "      target.value: -0,5 → -1 (verlaagd met 0,5)",
        "      target.index: inflatie (CPI voorgaand kalenderjaar) → inflatie (CPI)",
        "  ~ BT-02 Huur bij mutatie ten hoogste de lage aftoppingsgrens (gewijzigd)",
        "      per_event: bij iedere mutatie → bij elke mutatie",
        "      target.per_year[2029].value: 736,2 → 740 (verhoogd met 3,8)",
        "  ~ BT-03 Middenhuur in De Weidepoort tussen 850 en 1.000 euro (gewijzigd)",
        "      target.upper: 1.000 → 1.100 (verhoogd met 100)",
        "  ~ BS-01 Netto circa 600 sociale huurwoningen erbij (gewijzigd)",
        "      target.approximate: true → false",
        "      target.counting: net → gross",
        "  ~ BS-02 Woningbouwprogramma 60 / 20 / 20 (gewijzigd)",
        "      target.split[middenhuur].share: 20 → 25",
        "  ~ BS-03 Samen de taakstelling statushouders (gewijzigd)",
        "      owner: gemeente, corporaties → gemeente, scw",
        "  ~ BS-03-A Ten hoogste een kwart van de vrijkomende woningen (gewijzigd)",
        "      scope: vrijkomende sociale huurwoningen → alle vrijkomende huurwoningen",
        "  ~ BS-03-B Maandelijkse lijst te huisvesten statushouders (gewijzigd)",
        "      frequency: monthly → quarterly",
        "  ~ BS-03-C Kwartaaloverzicht toewijzingen aan statushouders (gewijzigd)",
        "      parent: BS-03 → BS-01",
        # The answer of 15 June 2026 is after the first commit and before the second.
        "  ~ BS-04 Verzoek aan de gemeente - lagere grondprijs voor sociale huur (gewijzigd)",
        "      status: verzoek, nog niet aanvaard → nog niet van kracht",
        "  ~ BS-05 48 woningen Kerkpad (gewijzigd)",
        "      conditions[rvc-kerkpad].by: Raad van Commissarissen De Meerhof → RvC De Meerhof",
        "  ~ KD-01 Vanaf 2029 geen woningen met label E, F of G (gewijzigd)",
        "      effective_from: 1 januari 2029 → 1 januari 2028 (366 dagen eerder)",
        "  ~ KD-02 Isolatie volgens de Nationale prestatieafspraken, tot 2030 (gewijzigd)",
        "      beyond_term: true → false",
        "  ~ LV-02 Verzoek aan de gemeente - wijkbudget Weidemeer-Oost (gewijzigd)",
        "      answer: — → verzoek afgewezen op 1 oktober 2026",
        "  ~ SW-04 Jongeren bemiddeld naar een woning in de regio (gewijzigd)",
        "      status: nog niet van kracht → geen gegevens",
        f"  - {WITHDRAWN_LINE}",
        f"Set weidemeer-2026 ({SLICE_PATH})",
        "    frame: weidemeer-2026-2029 → —",
        "    bids[corp-oever].date: 30 juni 2025 → 2 juli 2025",
        # Their deadlines passed between the two commits, with nothing recorded (T504).
        "  ~ J26-02 Huurdersorganisaties adviseren over de huurverhoging 2026 (gewijzigd)",
        "      status: geen gegevens → niet gehaald",
        "  ~ J26-03 Grondprijsbrief 2026 (gewijzigd)",
        "      status: geen gegevens → niet gehaald",
    ]


def test_diff_of_a_withdrawal_in_markdown_json_and_english(
    weidemeer: History, prestatie: Run
) -> None:
    git, shas = weidemeer
    markdown = prestatie("diff", "-f", "md", shas["first"], shas["addendum"], cwd=git.root)
    assert f"- `-` {WITHDRAWN_LINE}" in markdown.out.splitlines()
    english = prestatie("diff", "--lang", "en", shas["first"], shas["addendum"], cwd=git.root)
    assert (
        "  - SW-05 Gezamenlijk woonruimteverdeelsysteem (withdrawn on 1 September 2026: "
        f"{WITHDRAWAL_REASON})"
    ) in english.out.splitlines()
    report = json.loads(
        prestatie("diff", "-f", "json", shas["first"], shas["addendum"], cwd=git.root).out
    )
    frame = next(item for item in report["sets"] if item["id"] == "weidemeer-2026-2029")
    [sw05] = [item for item in frame["agreements"] if item["id"] == "SW-05"]
    assert sw05 == {
        "id": "SW-05",
        "title": "Gezamenlijk woonruimteverdeelsysteem",
        "kind": "withdrawn",
        "old_id": None,
        "fields": [],
        "withdrawn": {
            "date": "2026-09-01",
            "reason": WITHDRAWAL_REASON,
            "agreed_by": AGREED.split(", "),
            "summary": None,
        },
    }
    assert {item["withdrawn"] is None for item in frame["agreements"] if item["id"] != "SW-05"} == {
        True
    }
    [bt03] = [item for item in frame["agreements"] if item["id"] == "BT-03"]
    assert bt03["fields"] == [_field("target.upper", 1000, 1100, "raised", 100)]


def test_diff_of_an_extended_term_gives_the_reason(weidemeer: History, prestatie: Run) -> None:
    git, shas = weidemeer
    done = prestatie("diff", shas["addendum"], shas["extended"], cwd=git.root)
    assert done.out.splitlines()[2:4] == [
        f"    amendments[2027-03-01]: — → wijziging van 1 maart 2027: {EXTENSION_REASON}; "
        f"termijn verlengd tot 31 december 2030 (akkoord: {AGREED})",
        f"    term: 31 december 2029 → 31 december 2030 (365 dagen later; reden: {EXTENSION_REASON})",
    ]
    english = prestatie(
        "diff", "-f", "md", "--lang", "en", shas["addendum"], shas["extended"], cwd=git.root
    )
    assert (
        f"- term: 31 December 2029 → 31 December 2030 (365 days later; reason: {EXTENSION_REASON})"
        in english.out.splitlines()
    )
    report = json.loads(
        prestatie("diff", "-f", "json", shas["addendum"], shas["extended"], cwd=git.root).out
    )
    [frame] = [item for item in report["sets"] if item["id"] == "weidemeer-2026-2029"]
    assert frame["fields"][-1] == _field(
        "term", "2029-12-31", "2030-12-31", "later", 365, reason=EXTENSION_REASON
    )


def test_log_of_a_withdrawn_agreement_ends_with_the_withdrawal(
    weidemeer: History, prestatie: Run
) -> None:
    git, shas = weidemeer
    done = prestatie("log", "SW-05", cwd=git.root)
    assert (done.code, done.err) == (0, "")
    assert done.out.splitlines() == [
        "Geschiedenis van SW-05 (2 wijziging(en))",
        f"{short(shas['addendum'])} 2026-09-02 Anna Auteur: Addendum: SW-05 vervalt",
        f"    ingetrokken op 1 september 2026: {WITHDRAWAL_REASON} (akkoord: {AGREED})",
        f"{short(shas['first'])} 2026-01-22 Anna Auteur: Kaderafspraak en jaarschijf 2026",
        "    aangemaakt",
    ]
    markdown = prestatie("log", "-f", "md", "--lang", "en", "SW-05", cwd=git.root)
    assert markdown.out.splitlines()[2:4] == [
        f"- **{short(shas['addendum'])} 2026-09-02 Anna Auteur: Addendum: SW-05 vervalt**",
        f"  - withdrawn on 1 September 2026: {WITHDRAWAL_REASON} (agreed: {AGREED})",
    ]
    report = json.loads(prestatie("log", "-f", "json", "SW-05", cwd=git.root).out)
    assert [(c["event"], c["withdrawn"]) for c in report["commits"]] == [
        (
            "withdrawn",
            {
                "date": "2026-09-01",
                "reason": WITHDRAWAL_REASON,
                "agreed_by": AGREED.split(", "),
                "summary": None,
                "extends_to": None,
                "withdraws": ["SW-05"],
            },
        ),
        ("created", None),
    ]


def test_an_agreement_withdrawn_but_kept_in_the_file(tmp_path: Path, prestatie: Run) -> None:
    """The amendment withdraws SW-05 and the file keeps it: diff and log say so all the same."""
    git = Git(tmp_path / "repo")
    frame = (EXAMPLES / "weidemeer-2026-2029.yaml").read_text(encoding="utf-8")
    addendum = frame[frame.index("amendments:\n") : frame.index("signatures:\n")]
    git.write(FRAME_PATH, frame.replace(addendum, ""))
    first = git.commit("Kaderafspraak", "2026-01-22")
    git.write(FRAME_PATH, frame)
    second = git.commit("Addendum", "2026-09-02")
    done = prestatie("diff", first, second, cwd=git.root)
    assert f"  - {WITHDRAWN_LINE}" in done.out.splitlines()
    log = prestatie("log", "SW-05", cwd=git.root)
    assert log.out.splitlines()[1:3] == [
        f"{short(second)} 2026-09-02 Anna Auteur: Addendum",
        f"    ingetrokken op 1 september 2026: {WITHDRAWAL_REASON} (akkoord: {AGREED})",
    ]
    # Taking it out of the file later is the end of its history, and says why again.
    git.write(FRAME_PATH, frame.replace(_agreement_block(frame, "SW-05"), ""))
    third = git.commit("SW-05 uit het bestand", "2026-10-01")
    log = prestatie("log", "SW-05", cwd=git.root)
    assert log.out.splitlines()[:3] == [
        "Geschiedenis van SW-05 (3 wijziging(en))",
        f"{short(third)} 2026-10-01 Anna Auteur: SW-05 uit het bestand",
        f"    ingetrokken op 1 september 2026: {WITHDRAWAL_REASON} (akkoord: {AGREED})",
    ]


def test_an_agreement_withdrawn_in_its_first_version_says_so_in_the_log(
    tmp_path: Path, prestatie: Run
) -> None:
    """The set amendment that withdraws SW-05 came with it: the log says both."""
    git = Git(tmp_path / "repo")
    git.write(FRAME_PATH, (EXAMPLES / "weidemeer-2026-2029.yaml").read_text(encoding="utf-8"))
    first = git.commit("Kaderafspraak met addendum", "2026-09-02")
    done = prestatie("log", "SW-05", cwd=git.root)
    assert (done.code, done.err) == (0, "")
    assert done.out.splitlines() == [
        "Geschiedenis van SW-05 (1 wijziging(en))",
        f"{short(first)} 2026-09-02 Anna Auteur: Kaderafspraak met addendum",
        f"    aangemaakt; ingetrokken op 1 september 2026: {WITHDRAWAL_REASON} (akkoord: {AGREED})",
    ]
    english = prestatie("log", "-f", "md", "--lang", "en", "SW-05", cwd=git.root)
    assert english.out.splitlines()[3] == (
        f"  - created; withdrawn on 1 September 2026: {WITHDRAWAL_REASON} (agreed: {AGREED})"
    )
    report = json.loads(prestatie("log", "-f", "json", "SW-05", cwd=git.root).out)
    [commit] = report["commits"]
    assert (commit["event"], commit["withdrawn"]["date"], commit["withdrawn"]["withdraws"]) == (
        "created", "2026-09-01", ["SW-05"],
    )  # fmt: skip
    # An agreement of the same set that was not withdrawn is only created.
    other = prestatie("log", "SW-04", cwd=git.root)
    assert other.out.splitlines()[2] == "    aangemaakt"


# --- Renames: an id gone and one new, alike in content --------------------------------------

BS01_KERN = Item(
    "BS-01a",
    "Nieuwe sociale huurwoningen in de kern",
    "Woonstichting A levert 220 woningen op in de kern.",
    value=220,
    amendments=BS01_RAISED.amendments,
)
BS20 = replace(BS02, id="BS-20")
BS30 = Item(
    "BS-30",
    "Levensloopbestendige woningen voor senioren",
    BS03_REWORDED.text,
    value=160,
    metric=BS03.metric,
)
BS21 = replace(BS20, id="BS-21")


def _rename_history(git: Git) -> dict[str, str]:
    """BS-01 raised, then renamed with an edit; BS-02 and BS-03 renamed in one commit (BS-03
    reworded) while BS-04 goes and the unrelated BS-07 comes; BS-20 renamed once more."""
    shas = {}
    git.write(SET_PATH, set_text([BS01, BS02, BS03, BS04]))
    shas["first"] = git.commit("Eerste versie", "2025-01-10")
    git.write(SET_PATH, set_text([BS01_RAISED, BS02, BS03, BS04]))
    shas["raised"] = git.commit("Meer woningen", "2025-02-10")
    git.write(SET_PATH, set_text([BS01_KERN, BS02, BS03, BS04]))
    shas["kern"] = git.commit("BS-01 wordt BS-01a, in de kern", "2025-03-10")
    git.write(SET_PATH, set_text([BS01_KERN, BS20, BS30, BS07]))
    shas["renumbered"] = git.commit("Nieuwe nummering", "2025-04-10")
    git.write(SET_PATH, set_text([replace(BS01_KERN, deadline="2027-06-30"), BS21, BS30, BS07]))
    shas["again"] = git.commit("BS-01a eerder, BS-20 heet BS-21", "2025-05-10")
    return shas


@pytest.fixture
def renamed(tmp_path: Path) -> History:
    git = Git(tmp_path / "repo")
    return git, _rename_history(git)


def test_diff_shows_a_rename_with_an_edit_as_one_change(renamed: History, prestatie: Run) -> None:
    git, shas = renamed
    done = prestatie("diff", shas["raised"], shas["kern"], cwd=git.root)
    assert (done.code, done.err) == (0, "")
    assert done.out.splitlines()[1:] == [
        f"Set {SET_ID} ({SET_PATH})",
        "  > BS-01 → BS-01a Nieuwe sociale huurwoningen in de kern (hernoemd)",
        "      title: Nieuwe sociale huurwoningen → Nieuwe sociale huurwoningen in de kern",
        "      text: Woonstichting A levert [-180-] {+220+} woningen [-op.-] {+op in de kern.+}",
        "      target.value: 200 → 220 (verhoogd met 20)",
    ]
    markdown = prestatie(
        "diff", "-f", "md", "--lang", "en", shas["raised"], shas["kern"], cwd=git.root
    )
    assert markdown.out.splitlines()[4:6] == [
        "- `>` BS-01 → BS-01a Nieuwe sociale huurwoningen in de kern (renamed)",
        "  - title: Nieuwe sociale huurwoningen → Nieuwe sociale huurwoningen in de kern",
    ]
    report = json.loads(
        prestatie("diff", "-f", "json", shas["raised"], shas["kern"], cwd=git.root).out
    )
    [change] = report["sets"][0]["agreements"]
    assert {key: change[key] for key in ("id", "kind", "old_id", "from", "to")} == {
        "id": "BS-01a",
        "kind": "renamed",
        "old_id": "BS-01",
        "from": "BS-01",
        "to": "BS-01a",
    }
    assert [field["field"] for field in change["fields"]] == ["title", "text", "target.value"]
    assert change["fields"][2] == _field("target.value", 200, 220, "raised", 20)


def test_diff_pairs_two_renames_at_once_and_not_an_unrelated_addition(
    renamed: History, prestatie: Run
) -> None:
    git, shas = renamed
    done = prestatie("diff", shas["kern"], shas["renumbered"], cwd=git.root)
    assert done.out.splitlines()[1:] == [
        f"Set {SET_ID} ({SET_PATH})",
        "  > BS-02 → BS-20 Bouwlocaties (hernoemd)",
        "  > BS-03 → BS-30 Levensloopbestendige woningen voor senioren (hernoemd)",
        "      title: Levensloopbestendige woningen → Levensloopbestendige woningen voor senioren",
        f"      {BS03_WORDS}",
        "  + BS-07 Woningen voor statushouders (toegevoegd)",
        "  - BS-04 Sloop en vervanging (verwijderd)",
    ]


def test_log_follows_an_agreement_through_its_renames(renamed: History, prestatie: Run) -> None:
    git, shas = renamed
    done = prestatie("log", "BS-01a", cwd=git.root)
    assert (done.code, done.err) == (0, "")
    assert done.out == (
        "Geschiedenis van BS-01a (4 wijziging(en))\n"
        f"{short(shas['again'])} 2025-05-10 Anna Auteur: BS-01a eerder, BS-20 heet BS-21\n"
        "    deadline: 31 december 2027 → 30 juni 2027 (184 dagen eerder)\n"
        f"{short(shas['kern'])} 2025-03-10 Anna Auteur: BS-01 wordt BS-01a, in de kern\n"
        "    hernoemd van BS-01\n"
        "    title: Nieuwe sociale huurwoningen → Nieuwe sociale huurwoningen in de kern\n"
        "    text: Woonstichting A levert [-180-] {+220+} woningen [-op.-] {+op in de kern.+}\n"
        "    target.value: 200 → 220 (verhoogd met 20)\n"
        f"{short(shas['raised'])} 2025-02-10 Anna Auteur: Meer woningen\n"
        "    target.value: 180 → 200 (verhoogd met 20)\n"
        f"    {AMENDMENT_LINE}\n"
        "    amendement 2025-02-01: Extra bouwlocatie aan de Dijk. (akkoord: gemeente, corp-a, hv-a)\n"
        f"{short(shas['first'])} 2025-01-10 Anna Auteur: Eerste versie\n"
        "    aangemaakt\n"
    )
    # Two renames in a row, the first in a commit with another rename and an unrelated change.
    twice = prestatie("log", "--lang", "en", "BS-21", cwd=git.root)
    assert twice.out.splitlines() == [
        "History of BS-21 (3 change(s))",
        f"{short(shas['again'])} 2025-05-10 Anna Auteur: BS-01a eerder, BS-20 heet BS-21",
        "    renamed from BS-20",
        f"{short(shas['renumbered'])} 2025-04-10 Anna Auteur: Nieuwe nummering",
        "    renamed from BS-02",
        f"{short(shas['first'])} 2025-01-10 Anna Auteur: Eerste versie",
        "    created",
    ]
    # The old id's history ends where it went on under the new one.
    old = prestatie("log", "BS-01", cwd=git.root)
    assert old.out.splitlines()[:3] == [
        "Geschiedenis van BS-01 (3 wijziging(en))",
        f"{short(shas['kern'])} 2025-03-10 Anna Auteur: BS-01 wordt BS-01a, in de kern",
        "    hernoemd naar BS-01a",
    ]
    # An agreement removed while an unrelated one came in is removed, not renamed.
    removed = prestatie("log", "BS-04", cwd=git.root)
    assert removed.out.splitlines()[1:3] == [
        f"{short(shas['renumbered'])} 2025-04-10 Anna Auteur: Nieuwe nummering",
        "    verwijderd",
    ]
    added = prestatie("log", "BS-07", cwd=git.root)
    assert added.out.splitlines()[1:] == [
        f"{short(shas['renumbered'])} 2025-04-10 Anna Auteur: Nieuwe nummering",
        "    aangemaakt",
    ]


def test_log_of_a_rename_as_json(renamed: History, prestatie: Run) -> None:
    git, shas = renamed
    report = json.loads(prestatie("log", "-f", "json", "BS-30", cwd=git.root).out)
    assert [(c["commit"], c["event"], c["renamed"]) for c in report["commits"]] == [
        (shas["renumbered"], "renamed", {"from": "BS-03", "to": "BS-30"}),
        (shas["first"], "created", None),
    ]
    assert [change["field"] for change in report["commits"][0]["changes"]] == ["title", "text"]
    old = json.loads(prestatie("log", "-f", "json", "BS-03", cwd=git.root).out)
    assert (old["commits"][0]["event"], old["commits"][0]["renamed"]) == (
        "renamed_away",
        {"from": "BS-03", "to": "BS-30"},
    )
