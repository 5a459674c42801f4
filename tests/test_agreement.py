"""status and check agree on every agreement at every date.

Over the bundled examples and generated sets, at every quarter from the earliest start of
a term to a year after the latest end:

- check's T504 (deadline passed) fires for an agreement exactly when status says
  'niet gehaald' (overdue) for it; waivers only change how check shows a finding, so the
  rule's findings are compared, before waivers;
- check's P613 (measurement missing) names exactly the periods status counts as missed
  without any measurement in them, for an agreement judged period by period;
- 'niet gehaald' never comes with a projection before the as-of date;
- 'op koers' keeps its meaning (progress at least the on_track share of what was expected
  by now), so it may come with a projection after the deadline: then the projection says
  so, in every format ('(na de termijn)', ``projected_after_deadline``).

Result, effort and process agreements alike: T504 asks an explanation of each whose
deadline passed without the target met. Left out, and why: an agreement without a
deadline, which check already refuses (T501), has no passed deadline for T504 to judge.
"""

from __future__ import annotations

import importlib.util
import json
import random
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from prestatie_cli.check.engine import check
from prestatie_cli.check.judge import RunFacts
from prestatie_cli.check.result import CheckOptions
from prestatie_cli.load.corpus import Corpus, load_corpus
from prestatie_cli.model.agreements import Agreement, AgreementSet, Monitor, Thresholds
from prestatie_cli.progress.status import StatusReport, status
from prestatie_cli.reporting.status_formats import projected_cell, render_json
from prestatie_cli.rules import REGISTRY
from prestatie_cli.rules.base import MonitorContext, SetContext
from tests.conftest import REPO

THRESHOLDS = Thresholds()


def _generator() -> object:
    spec = importlib.util.spec_from_file_location("generate", REPO / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def generated(root: Path, seed: int, sets: int = 3) -> Path:
    """Sets as the benchmarks make them, with about a third of the measurements left out
    (so that some agreements have none, and some periods none) and some values set to 0."""
    make = _generator()._set  # type: ignore[attr-defined]
    rng = random.Random(seed)
    for index in range(1, sets + 1):
        set_id, agreements, monitor = make(index, rng)
        header, *entries = re.split(r"(?m)^(?=  - agreement: )", monitor)
        kept = []
        for entry in entries:
            if rng.random() < 0.35:
                continue
            if rng.random() < 0.15:
                entry = re.sub(r"(?m)^    value: \d+$", "    value: 0", entry)
                entry = entry.replace("    value: true", "    value: false")
            kept.append(entry)
        (root / "afspraken").mkdir(parents=True, exist_ok=True)
        (root / "monitor").mkdir(parents=True, exist_ok=True)
        (root / "afspraken" / f"{set_id}.yaml").write_text(agreements, encoding="utf-8")
        (root / "monitor" / f"{set_id}.yaml").write_text(header + "".join(kept), "utf-8")
    return root


def quarters(corpus: Corpus) -> Iterator[date]:
    """Every quarter's first day from the earliest term start to a year after the latest end."""
    first = min(agreements.period.start for agreements in corpus.sets.values())
    last = max(agreements.period.end for agreements in corpus.sets.values())
    year, month = first.year, 1 + (first.month - 1) // 3 * 3
    while date(year, month, 1) <= date(last.year + 1, last.month, last.day):
        yield date(year, month, 1)
        year, month = (year, month + 3) if month < 10 else (year + 1, 1)


def findings(corpus: Corpus, day: date) -> tuple[set[tuple[str, str]], set[tuple[str, str, str]]]:
    """What check's rules T504 and P613 find at ``day``: (set, agreement) for T504 and
    (set, agreement, period start) for P613, before waivers."""
    facts = RunFacts.of(corpus)
    passed: set[tuple[str, str]] = set()
    missing: set[tuple[str, str, str]] = set()
    deadline, measurement = REGISTRY["T504"], REGISTRY["P613"]
    for item in corpus.loaded:
        assert item.document is not None
        if isinstance(item.model, AgreementSet):
            context = SetContext(
                item.document,
                item.model,
                day,
                facts.set_paths,
                monitored=item.model.id in facts.monitored,
                rule_codes=REGISTRY.keys(),
            )
            passed |= {(item.model.id, f.params["id"]) for f in deadline.check_set(context)}
        elif isinstance(item.model, Monitor):
            monitor = MonitorContext(
                item.document,
                item.model,
                facts.sets.get(item.model.set),
                facts.set_ids,
                day,
                THRESHOLDS,
                facts.broken.get(item.model.set),
                tuple(facts.monitor_paths.get(item.model.set, ())),
            )
            set_id = item.model.set
            passed |= {(set_id, f.params["id"]) for f in deadline.check_monitor(monitor)}
            missing |= {
                (set_id, f.params["id"], f.params["start"])
                for f in measurement.check_monitor(monitor)
            }
    return passed, missing


def _judged_for_t504(agreement: Agreement) -> bool:
    return agreement.deadline is not None or agreement.ongoing


def _per_period(agreement: Agreement) -> bool:
    target = agreement.target
    if agreement.frequency is None:
        return False
    if target is not None:
        return target.recurring is not None
    return agreement.ongoing or agreement.kind == "process"


def disagreements(corpus: Corpus) -> Iterator[str]:
    """Every place where status and check tell a different story, in words."""
    for day in quarters(corpus):
        passed, missing = findings(corpus, day)
        report = status(corpus, day, THRESHOLDS)
        for block in report.sets:
            set_id = block.agreements.id
            measured = corpus.measurements(set_id)
            for row in block.rows:
                agreement = row.agreement
                where = f"{set_id} {agreement.id} at {day}"
                if _judged_for_t504(agreement):
                    fired = (set_id, agreement.id) in passed
                    if fired != (row.status == "overdue"):
                        yield f"{where}: T504 {'fires' if fired else 'silent'}, status {row.status}"
                if _per_period(agreement):
                    said = {start for s, a, start in missing if (s, a) == (set_id, agreement.id)}
                    dates = [m.date for m in measured.get(agreement.id, ())]
                    empty = {
                        start.isoformat()
                        for start, end in row.missed
                        if not any(start <= d <= end for d in dates)
                    }
                    if said != empty:
                        yield f"{where}: P613 {sorted(said)}, status missed {sorted(empty)}"
                if row.status == "overdue" and row.projected and row.projected < row.as_of:
                    yield f"{where}: overdue, projected {row.projected} before the as-of date"


def unmarked_after_the_deadline(corpus: Corpus) -> Iterator[str]:
    """Every row whose projection falls after the deadline without saying so, in the text
    and Markdown cell or in JSON; and the number of green rows that do say so."""
    for day in quarters(corpus):
        report = status(corpus, day, THRESHOLDS)
        for block in report.sets:
            rows = {item["id"]: item for item in status_json(report)[block.agreements.id]}
            for row in block.rows:
                projected, deadline = row.projected, row.deadline
                if not (projected and deadline and projected > deadline):
                    continue
                where = f"{block.agreements.id} {row.agreement.id} at {day} ({row.status})"
                marked = (
                    projected_cell(row, "nl") == f"{projected} (na de termijn)"
                    and projected_cell(row, "en") == f"{projected} (after the deadline)"
                    and rows[row.agreement.id]["projected_after_deadline"] is True
                )
                if not marked:
                    yield f"{where}: projected {projected} after {deadline}, not marked"


def green_after_the_deadline(corpus: Corpus) -> int:
    """How many times 'op koers' comes with a projection after the deadline."""
    return sum(
        1
        for day in quarters(corpus)
        for block in status(corpus, day, THRESHOLDS).sets
        for row in block.rows
        if row.status == "on_track" and row.projected_after_deadline
    )


def status_json(report: StatusReport) -> dict[str, list[dict[str, Any]]]:
    """The rows of ``status --format json`` by set id."""
    document = json.loads(render_json(report, "nl", color=False, width=80))
    return {item["id"]: item["agreements"] for item in document["sets"]}


def test_status_and_check_agree_on_the_examples() -> None:
    corpus = load_corpus([REPO / "examples" / "afspraken", REPO / "examples" / "monitor"], "en")
    assert len(corpus.sets) >= 5
    assert list(disagreements(corpus)) == []


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_status_and_check_agree_on_generated_sets(tmp_path: Path, seed: int) -> None:
    corpus = load_corpus([generated(tmp_path, seed)], "en")
    assert len(corpus.sets) == 3
    assert list(disagreements(corpus)) == []


def test_a_passed_deadline_without_data_is_overdue_in_status_and_t504_in_check(
    tmp_path: Path,
) -> None:
    root = generated(tmp_path, 9, sets=1)
    monitor = next((root / "monitor").iterdir())
    header = monitor.read_text("utf-8").split("  - agreement: ")[0]
    monitor.write_text(header.replace("measurements:\n", "measurements: []\n"), "utf-8")
    corpus = load_corpus([root], "en")
    day = date(2029, 7, 1)
    passed, missing = findings(corpus, day)
    (block,) = status(corpus, day, THRESHOLDS).sets
    assert {row.status for row in block.rows} == {"overdue"}
    assert all(row.unmeasured for row in block.rows)
    assert passed == {(block.agreements.id, row.agreement.id) for row in block.rows}
    # Four yearly periods of each duty missed, 2025 to 2028, as P613 counts them.
    duty = next(row for row in block.rows if row.agreement.target is None)
    assert [start.year for start, _ in duty.missed] == [2025, 2026, 2027, 2028]
    assert {start for s, a, start in missing if a == duty.agreement.id} == {
        f"{year}-01-01" for year in (2025, 2026, 2027, 2028)
    }


def test_a_projection_after_the_deadline_always_says_so() -> None:
    """'op koers' within the threshold, with a projection after the deadline: it happens in
    the examples (at least once), and each time the projection is marked as late."""
    corpus = load_corpus([REPO / "examples" / "afspraken", REPO / "examples" / "monitor"], "en")
    assert green_after_the_deadline(corpus) > 0
    assert list(unmarked_after_the_deadline(corpus)) == []


@pytest.mark.parametrize("seed", [1, 2])
def test_a_projection_after_the_deadline_says_so_in_generated_sets(
    tmp_path: Path, seed: int
) -> None:
    corpus = load_corpus([generated(tmp_path, seed)], "en")
    assert list(unmarked_after_the_deadline(corpus)) == []


def test_t504_names_an_effort_not_shown_as_made() -> None:
    """RG-09 of the regional example, an effort agreement without a monitor, after its
    deadline: check asks the same explanation as for a result, in the words of an effort."""
    result = check(
        [REPO / "examples" / "afspraken" / "regio-hofstreek-2024-2027.yaml"],
        CheckOptions(date(2028, 1, 1)),
    )
    [effort] = [p for p in result.problems if p.code == "T504" and "RG-09" in p.message]
    assert (effort.line, effort.message) == (
        274,
        "De termijn van RG-09 (2027-12-31) is verstreken en er is geen meting die laat zien "
        "dat de inspanning is geleverd.",
    )
