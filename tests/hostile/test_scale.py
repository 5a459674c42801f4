"""A set of many agreements costs time in proportion to its size, not to its square.

Shown without a clock: each case runs ``prestatie check`` in this process over a set of
N and of 2N agreements and counts the work that used to grow with the square of N (the
names compared in full for a did-you-mean, the characters of the file scanned to place a
phrase). Doubling the set may double that work, not quadruple it, and the work per
finding stays under a stated bound. The benchmark of 50,000 agreements that measures
the time itself is ``benchmarks/hostile.py`` (see docs/performance.md).
"""

from __future__ import annotations

import difflib
import importlib
import os
import random
import re
import string
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prestatie_cli import cli
from tests.conftest import DURING

# A did-you-mean compares at most this many known names in full with an unknown one.
COMPARED_PER_NAME = 64
# Placing every phrase of a file scans at most this many times its characters.
SCANS_PER_FILE = 3
# Twice the agreements: at most this many times the work (twice, plus a margin).
DOUBLED = 2.5

HEAD = """\
kind: agreements
version: 1
id: groot
title: Prestatieafspraken Groot
period: {start: 2016-01-01, end: 2019-12-31}
parties:
  - {id: gemeente, name: Gemeente Groot, role: gemeente}
  - {id: corp, name: Woonstichting Groot, role: corporatie}
  - {id: hv, name: Huurdersvereniging Groot, role: huurdersorganisatie}
agreements:
"""
SIGNED = """\
signatures:
  - {party: gemeente, name: J. de Vries, date: 2016-03-15}
  - {party: corp, name: A. Jansen, date: 2016-03-15}
  - {party: hv, name: M. Bakker, date: 2016-03-15}
"""


def agreement(number: int, verb: str) -> str:
    return (
        f"  - {{id: BS-{number:05d}, title: Wijk {number:05d}, text: De corporatie {verb} 100"
        " woningen., theme: beschikbaarheid, owner: corp, target: {metric: woningen,"
        " unit: woningen, value: 100, baseline: {value: 0, date: 2016-01-01}},"
        " deadline: 2019-12-31, frequency: yearly}\n"
    )


def write_set(folder: Path, count: int, verb: str) -> Path:
    path = folder / "afspraken" / "groot.yaml"
    path.parent.mkdir(parents=True)
    body = "".join(agreement(number, verb) for number in range(count))
    path.write_text(HEAD + body + SIGNED, encoding="utf-8")
    return path


def check(paths: list[Path], monkeypatch: pytest.MonkeyPatch, capsys: Any) -> tuple[int, str]:
    """``prestatie check`` in this process (so that its work can be counted), uncached."""
    monkeypatch.setenv("PRESTATIE_NO_CACHE", "1")
    monkeypatch.setattr(
        sys, "argv", ["prestatie", "check", "--as-of", DURING.isoformat(), *map(str, paths)]
    )
    with pytest.raises(SystemExit) as done:
        cli.main()
    code = done.value.code
    assert isinstance(code, int)
    return code, capsys.readouterr().out


# --- Did you mean: an unknown agreement id among many -------------------------------------------


class CountingMatcher(difflib.SequenceMatcher[str]):
    """difflib's matcher, counting the comparisons made in full."""

    compared = 0

    def ratio(self) -> float:
        CountingMatcher.compared += 1
        return super().ratio()


def unknown_ids(tmp_path: Path, count: int, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> int:
    """Check N agreements whose N measurements each name a mistyped id; the names compared."""
    folder = tmp_path / str(count)
    agreements = write_set(folder, count, "levert")
    monitor = folder / "monitor" / "groot.yaml"
    monitor.parent.mkdir()
    lines = ["kind: monitor", "version: 1", "set: groot", "measurements:"]
    lines += [
        f"  - {{agreement: BS-{number:05d}x, date: 2017-12-31, value: 10,"
        " source: Jaarverslag 2017, reported_by: corp}"
        for number in range(count)
    ]
    monitor.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(CountingMatcher, "compared", 0)
    monkeypatch.setattr(difflib, "SequenceMatcher", CountingMatcher)
    code, out = check([agreements, monitor], monkeypatch, capsys)
    assert code == 1
    # Every unknown id gets the agreement it was meant to be as its suggestion.
    suggested = re.findall(r"afspraak 'BS-(\d{5})x'.*\n    tip: Bedoelt u 'BS-(\d{5})'\?", out)
    assert len(suggested) == count
    assert all(unknown == meant for unknown, meant in suggested)
    return CountingMatcher.compared


def test_did_you_mean_compares_a_bounded_number_of_names_per_unknown_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    single = unknown_ids(tmp_path, 200, monkeypatch, capsys)
    double = unknown_ids(tmp_path, 400, monkeypatch, capsys)
    # Comparing each unknown id with every agreement did 40,000 and 160,000.
    assert single <= COMPARED_PER_NAME * 200
    assert double <= DOUBLED * single


# --- Placing a vague phrase (S101) inside a large file --------------------------------------------


def loader() -> ModuleType:
    """The module that reads YAML with its positions (``loading`` before the stages)."""
    try:
        return importlib.import_module("prestatie_cli.load.yaml")
    except ImportError:
        return importlib.import_module("prestatie_cli.loading")


@dataclass
class CountingBreaks:
    """The pattern of line breaks, counting the characters it is given to scan."""

    pattern: re.Pattern[str]
    scanned: list[int] = field(default_factory=list)

    def __getattr__(self, name: str) -> Any:
        method = getattr(self.pattern, name)

        def counted(text: str, *args: Any, **kwargs: Any) -> Any:
            self.scanned.append(len(text))
            return method(text, *args, **kwargs)

        return counted


def vague_set(
    tmp_path: Path, count: int, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> tuple[int, int]:
    """Check N agreements that each promise an effort; the characters scanned, the file's."""
    path = write_set(tmp_path / str(count), count, "streeft naar")
    module = loader()
    breaks = CountingBreaks(module.LINE_BREAK)
    monkeypatch.setattr(module, "LINE_BREAK", breaks)
    code, out = check([path], monkeypatch, capsys)
    monkeypatch.undo()
    assert code == 0  # warnings only
    found = re.findall(
        rf"^{re.escape(str(path))}:(\d+):(\d+): S101 waarschuwing", out, re.MULTILINE
    )
    # Each phrase placed on its own line (the 11th of the file is the first agreement).
    assert found == [(str(11 + number), "59") for number in range(count)]
    return sum(breaks.scanned), path.stat().st_size


def test_placing_vague_phrases_scans_the_file_a_bounded_number_of_times(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    single, size = vague_set(tmp_path, 300, monkeypatch, capsys)
    double, _ = vague_set(tmp_path, 600, monkeypatch, capsys)
    # Splitting the whole file into lines for each phrase scanned it 300 and 600 times.
    assert single <= SCANS_PER_FILE * size
    assert double <= DOUBLED * single


# Lines as the parser counts them: broken at LF, CR LF and CR; not at U+2028 or U+0085.
_TEXT = st.lists(
    st.sampled_from(["a", "b c", " ", "\n", "\r\n", "\r", "\u2028", "\x85", "é"]), max_size=40
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.integers(min_value=0, max_value=12), st.integers(min_value=0, max_value=12))
def test_the_lines_of_a_region_are_those_of_the_whole_text(
    text: str, first: int, last: int
) -> None:
    module = loader()
    document = module.Document("x.yaml", text, {})
    lines = module.source_lines(text)
    expected = "\n".join(lines[first - 1 : last]) if 1 <= first <= len(lines) else ""
    assert (document.lines(first, last) or "") == expected


# --- The suggestions themselves ---------------------------------------------------------------------


def _typos(name: str, rng: random.Random) -> Iterator[str]:
    where = rng.randrange(len(name))
    other = rng.choice(string.ascii_letters + string.digits)
    yield name[:where] + name[where + 1 :]  # a character left out
    yield name[:where] + other + name[where:]  # one too many
    yield name[:where] + other + name[where + 1 :]  # one wrong
    yield name[:where] + name[where + 1 : where + 2] + name[where] + name[where + 2 :]  # swapped
    yield name.lower()


def _closest(name: str, known: list[str]) -> float:
    """The ratio of the best of ``known``, compared one by one (what a suggestion was)."""
    return max(difflib.SequenceMatcher(None, name, other).ratio() for other in known)


@pytest.mark.parametrize(
    "known",
    [
        [f"BS-{number:05d}" for number in range(5000)],
        [f"{theme}-{number:03d}" for theme in ("BS", "BT", "KD", "WZ") for number in range(999)],
        [f"gemeente-{number:03d}-2025-2028" for number in range(400)],
    ],
    ids=["numbered", "themes", "set-ids"],
)
def test_a_typo_among_many_names_finds_a_name_as_close_as_any(known: list[str]) -> None:
    from prestatie_cli.model.findings import suggestion

    names = frozenset(known)
    rng = random.Random(7)
    for meant in rng.sample(known, 60):
        for typo in _typos(meant, rng):
            found = suggestion(typo, names)
            best = _closest(typo, known)
            if best < 0.6:
                assert found == ""
            else:
                assert difflib.SequenceMatcher(None, typo, found).ratio() == best, typo


def test_among_few_names_the_first_of_the_closest_is_suggested() -> None:
    from prestatie_cli.model.findings import suggestion

    known = ["BS-02", "BS-01", "BS-10"]
    # Equally close to "BS-01" and "BS-02" (and "BS-10"): the first in sorted order.
    assert suggestion("BS-0", known) == "BS-01"
    assert suggestion("XYZ", known) == ""


def test_the_same_suggestions_in_every_run() -> None:
    # Python orders a set of strings differently in each process: the answer may not follow.
    program = (
        "from prestatie_cli.model.findings import suggestion\n"
        "known = frozenset(f'{t}-{n:03d}' for t in ('BS', 'BT', 'KD') for n in range(999))\n"
        "print([suggestion(f'BS-{n}{c}', known) for n in range(0, 999, 7) for c in 'xy'])\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", program],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1


def test_the_names_of_a_file_are_indexed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from prestatie_cli.model import findings

    made: list[int] = []
    real = findings._Index.of

    def counted(known: Any) -> Any:
        made.append(len(known))
        return real(known)

    monkeypatch.setattr(findings._Index, "of", counted)
    # Each monitor file has its own set of the same ids; each is indexed once, and looked up
    # by what it is, not by comparing its 5,000 names with those of the other.
    files = [frozenset(f"BS-{number:05d}" for number in range(5000)) for _ in range(3)]
    for known in files:
        for number in range(100):
            assert findings.suggestion(f"BS-{number:05d}x", known) == f"BS-{number:05d}"
    assert made == [5000, 5000, 5000]
