"""The file-by-file engine: read ahead, groups, worker processes, and always check_corpus's answer."""

from __future__ import annotations

import io
import os
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from prestatie_cli.check import runner as workers
from prestatie_cli.check.judge import check_corpus
from prestatie_cli.check.result import CheckOptions, CheckResult
from prestatie_cli.check.runner import (
    Forecast,
    check_files,
    forecast,
    load_checked,
    load_models,
    plan,
)
from prestatie_cli.load.corpus import Corpus, load_files
from prestatie_cli.load.discover import discover
from tests.conftest import AS_OF, DURING, REPO, base_monitor, base_set


def _block(data: Any) -> str:
    """YAML in block style, as people write it (write_yaml writes JSON, all flow style)."""
    out = io.StringIO()
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.sort_base_mapping_type_on_output = False  # type: ignore[attr-defined]
    yaml.dump(data, out)
    return out.getvalue()


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _set(set_id: str, **changes: Any) -> dict[str, Any]:
    data = base_set()
    data["id"] = set_id
    data.update(changes)
    return data


def _monitor(set_id: str) -> dict[str, Any]:
    data = base_monitor()
    data["set"] = set_id
    return data


def _sequential(paths: list[Path], options: CheckOptions) -> CheckResult:
    return check_corpus(load_files(discover(paths), options.lang), options)


@pytest.fixture(params=["one process", "two processes"])
def mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "two processes":
        monkeypatch.setattr(workers, "PARALLEL_FROM", 0)
        monkeypatch.setattr(workers, "_cores", lambda: 2)
    return str(request.param)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kind: agreements\nid: gouda-2025\n", Forecast("set", "gouda-2025")),
        ("id: 'gouda 2025'  # de set\n", Forecast("set", "gouda 2025")),
        ("id: gouda#2025 # de set\n", Forecast("set", "gouda#2025")),
        ('id: "gouda-2025"\r\nkind: agreements\r\n', Forecast("set", "gouda-2025")),
        ("kind: monitor\nset: gouda-2025\n", Forecast("monitor", "gouda-2025")),
        ("set: a\nid: b\n", Forecast("set", "b")),
        # Nested ids are an agreement's, not the set's.
        ("agreements:\n  - id: BS-01\n", Forecast("other")),
        # Flow style, block scalars, anchors and escapes are left to the real parser.
        ('{"kind": "agreements", "id": "x"}\n', Forecast("other")),
        ("id: >\n  gouda\n", Forecast("other")),
        ("id: &a gouda\n", Forecast("other")),
        ('id: "gou\\x64a"\n', Forecast("other")),
        ("severities:\n  S101: off\n", Forecast("other")),
        # Empty values, and quotes with escapes (no guess).
        ('id: ""\nkind: agreements\n', Forecast("set", "")),
        ("set: ''\n", Forecast("monitor", "")),
        ("id:\n", Forecast("other")),
        ("id: 'it''s'\n", Forecast("other")),
        # A byte-order mark before the first line.
        ("\ufeffid: gouda-2025\n", Forecast("set", "gouda-2025")),
        # Blanks by the hundred thousand before the value's end: read in one pass.
        ("id: a" + " \t" * 100_000 + "x\n", Forecast("set", "a" + " \t" * 100_000 + "x")),
    ],
)
def test_forecast_reads_top_level_id_and_set(tmp_path: Path, text: str, expected: Forecast) -> None:
    assert forecast(_write(tmp_path / "f.yaml", text)) == expected


def test_forecast_of_unreadable_files(tmp_path: Path) -> None:
    assert forecast(tmp_path / "missing.yaml") == Forecast("other")
    assert forecast(tmp_path) == Forecast("other")
    binary = tmp_path / "b.yaml"
    binary.write_bytes(b"id: \xff\xfe\n")
    assert forecast(binary) == Forecast("other")


def test_forecast_opens_no_device(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Opening a device can act on it (a tape rewinds, a watchdog arms): only a regular
    # file is opened, as loading does.
    device = tmp_path / "x.yaml"
    device.symlink_to("/dev/null")
    opened: list[str] = []
    real = Path.open

    def spy(path: Path, *args: Any, **kwargs: Any) -> Any:
        opened.append(str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    assert forecast(device) == Forecast("other")
    assert opened == []


def test_an_empty_quoted_id_is_a_clear_problem(tmp_path: Path, mode: str) -> None:
    path = _write(tmp_path / "a.yaml", 'id: ""\nkind: agreements\n')
    result = check_files([path], CheckOptions(AS_OF))
    assert result == _sequential([path], CheckOptions(AS_OF))
    assert result.exit_code() == 1


def test_plan_puts_each_set_first_with_the_monitors_naming_it(tmp_path: Path) -> None:
    files = [
        _write(tmp_path / "a-monitor.yaml", _block(_monitor("s1"))),
        _write(tmp_path / "b-s1.yaml", _block(_set("s1"))),
        _write(tmp_path / "c-s2.yaml", _block(_set("s2"))),
        _write(tmp_path / "d-s1-again.yaml", _block(_set("s1"))),
        _write(tmp_path / "e-monitor.yaml", _block(_monitor("s2"))),
        _write(tmp_path / "f-orphan.yaml", _block(_monitor("s9"))),
        _write(tmp_path / "g-config.yaml", "severities: {}\n"),
    ]
    groups, foreseen = plan(files)
    assert groups == [[1, 0], [2, 4], [3], [5], [6]]
    assert foreseen.set_paths == {
        "s1": [str(files[1]), str(files[3])],
        "s2": [str(files[2])],
    }
    assert foreseen.monitored == {"s1", "s2", "s9"}
    assert list(foreseen.set_ids) == ["s1", "s2"]


def test_same_result_as_check_corpus_on_every_example(mode: str) -> None:
    paths = [REPO / "examples"]
    for as_of in (DURING, AS_OF):
        options = CheckOptions(as_of)
        assert check_files(discover(paths), options) == _sequential(paths, options)


def test_same_result_on_the_bad_input_corpus(mode: str) -> None:
    paths = [REPO / "tests" / "bad_input"]
    options = CheckOptions(AS_OF)
    result = check_files(discover(paths), options)
    assert result == _sequential(paths, options)
    assert result.exit_code() == 2


def _misleading(tmp: Path) -> list[Path]:
    """Files whose first lines say other than what they are, and cross-file cases."""
    unknown = _set("kapot")
    unknown["onbekend"] = 1  # not a valid set: its id line promises one
    flow_monitor = _block(_monitor("flow-set")).replace("set: flow-set", 'set: "flow-set"')
    return [
        # A monitor before its set, in another folder.
        _write(tmp / "a" / "monitor.yaml", _block(_monitor("s1"))),
        _write(tmp / "b" / "s1.yaml", _block(_set("s1"))),
        # The same set id in two files: both are told of the other.
        _write(tmp / "c" / "s1-copy.yaml", _block(_set("s1"))),
        # A set in flow style: no id line, but a set; its monitor is grouped alone.
        _write(tmp / "d" / "flow.yaml", str(_set("flow-set")).replace("'", '"')),
        _write(tmp / "e" / "flow-monitor.yaml", flow_monitor),
        # An id line on a file that is no valid set, and a monitor naming it.
        _write(tmp / "f" / "kapot.yaml", _block(unknown)),
        _write(tmp / "g" / "kapot-monitor.yaml", _block(_monitor("kapot"))),
        # A set no monitor names (T504 when its deadline passed) and a typo'd monitor.
        _write(tmp / "h" / "alone.yaml", _block(_set("alleen"))),
        _write(tmp / "i" / "typo.yaml", _block(_monitor("s2"))),
        # A set whose id key is quoted: not foreseen, found all the same.
        _write(tmp / "j" / "quoted.yaml", _block(_set("echt")).replace("\nid:", '\n"id":')),
        _write(tmp / "k" / "config.yaml", "severities:\n  S101: off\n"),
        _write(tmp / "l" / "broken.yaml", "id: [\n"),
    ]


@pytest.mark.parametrize("as_of", [DURING, AS_OF])
def test_same_result_when_the_forecast_is_wrong(tmp_path: Path, mode: str, as_of: Any) -> None:
    files = _misleading(tmp_path)
    options = CheckOptions(as_of)
    result = check_files(files, options)
    assert result == _sequential([tmp_path], options)
    codes = {(Path(p.path).parent.name, p.code) for p in result.problems}
    # The cases above reach the rules that read other files.
    assert {("b", "P603"), ("c", "P603"), ("f", "V001"), ("g", "P607"), ("i", "P607")} <= codes
    if as_of == AS_OF:
        assert ("h", "T504") in codes
        assert ("d", "T504") not in codes  # monitored, by a file grouped apart from it


def test_files_whose_facts_were_foreseen_wrongly_are_checked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _misleading(tmp_path)
    again: list[str] = []
    real = workers._again

    def spy(outcome: workers.Outcome, job: workers.Job) -> workers.Outcome:
        again.append(Path(outcome.path).parent.name)
        return real(outcome, job)

    monkeypatch.setattr(workers, "_again", spy)
    check_files(files, CheckOptions(AS_OF))
    # d: a flow set foreseen as nothing, so unmonitored; e: its monitor, grouped alone;
    # g and i: monitors whose did-you-mean listed the broken set f; j: a set foreseen
    # as nothing, so without its own file among the files declaring its id.
    assert sorted(again) == ["d", "e", "g", "i", "j"]


def test_order_of_arguments_does_not_change_the_result(tmp_path: Path, mode: str) -> None:
    files = _misleading(tmp_path)
    options = CheckOptions(AS_OF)
    assert check_files(files[::-1], options) == _sequential(files[::-1], options)


def _pid_of(paths: list[str], job: object = None) -> list[int]:
    return [os.getpid()]


def test_groups_run_in_other_processes_when_the_run_is_large(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workers, "_check_group", _pid_of)
    monkeypatch.setattr(workers, "_cores", lambda: 2)
    run: Callable[..., Any] = workers._run
    job = workers.Job(CheckOptions(AS_OF), plan([])[1])
    tasks = [[str(index)] for index in range(8)]
    monkeypatch.setattr(workers, "PARALLEL_FROM", 10**12)
    assert {pid for [pid] in run(tasks, job)} == {os.getpid()}
    monkeypatch.setattr(workers, "PARALLEL_FROM", 0)
    pids = {pid for [pid] in run(tasks, job)}
    assert os.getpid() not in pids
    assert 1 <= len(pids) <= 2


def test_workers_are_started_fresh_when_another_thread_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Forking next to a thread (the progress bar's) is unsafe: then workers are spawned.
    monkeypatch.setattr(workers, "PARALLEL_FROM", 0)
    monkeypatch.setattr(workers, "_cores", lambda: 2)
    monkeypatch.setattr(workers.threading, "active_count", lambda: 2)
    methods: list[str] = []
    real = workers._context

    def spy(method: str) -> Any:
        methods.append(method)
        return real(method)

    monkeypatch.setattr(workers, "_context", spy)
    files = _misleading(tmp_path)
    options = CheckOptions(AS_OF)
    assert check_files(files, options) == _sequential(files, options)
    assert methods == ["spawn"]


def _shape(corpus: Corpus) -> tuple[object, ...]:
    loaded = [(item.path, item.model) for item in corpus.loaded]
    return (corpus.files, loaded, corpus.problems, corpus.sets, corpus.set_paths)


@pytest.mark.parametrize("where", ["examples", "bad input", "misleading"])
def test_models_without_source_maps_are_load_files_models(
    tmp_path: Path, mode: str, where: str
) -> None:
    folder = {
        "examples": REPO / "examples",
        "bad input": REPO / "tests" / "bad_input",
        "misleading": tmp_path,
    }[where]
    if where == "misleading":
        _misleading(tmp_path)
    files = discover([folder])
    full = load_files(files, "nl")
    options = CheckOptions(AS_OF)
    # The set left out as a duplicate is said as well (see the next test).
    left_out = [p for p in load_models(files, "nl").problems if "weggelaten" in p.message]
    expected = replace(full, problems=(*full.problems, *left_out))
    assert len(left_out) == (1 if where == "misleading" else 0)
    assert _shape(load_models(files, "nl")) == _shape(expected)
    corpus, checked = load_checked(files, options)
    assert _shape(corpus) == _shape(expected)
    assert checked == check_corpus(full, options)
    assert all(item.document is None for item in corpus.loaded)


def test_a_set_left_out_as_a_duplicate_is_an_error_at_its_id(tmp_path: Path, mode: str) -> None:
    files = _misleading(tmp_path)
    for corpus in (load_models(files, "nl"), load_checked(files, CheckOptions(AS_OF))[0]):
        [problem] = [p for p in corpus.problems if p.code == "P603"]
        assert (problem.path, problem.line, problem.column, problem.severity) == (
            str(tmp_path / "c" / "s1-copy.yaml"),
            3,
            5,
            "error",
        )
        assert problem.message == (
            f"De set-id 's1' wordt ook gebruikt in {tmp_path / 'b' / 's1.yaml'}; "
            "deze set is weggelaten."
        )
        assert corpus.set_paths["s1"] == [str(tmp_path / "b" / "s1.yaml"), problem.path]


def _slow(paths: list[str], job: object = None) -> list[int]:
    # A group that takes a while and leaves a trace when it is done.
    time.sleep(0.05)
    with Path(paths[0]).open("a", encoding="utf-8") as trace:
        trace.write(f"{paths[1]}\n")
    return [os.getpid()]


def test_stopping_early_cancels_the_groups_not_yet_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What happens on Ctrl-C: the main process stops reading results and the pool is
    # shut down with the waiting groups cancelled, instead of finishing all of them.
    monkeypatch.setattr(workers, "_check_group", _slow)
    monkeypatch.setattr(workers, "_cores", lambda: 2)
    monkeypatch.setattr(workers, "PARALLEL_FROM", 0)
    trace = tmp_path / "done.txt"
    tasks = [[str(trace), str(index)] for index in range(200)]
    results = workers._run(tasks, workers.Job(CheckOptions(AS_OF), plan([])[1]))
    next(results)
    results.close()
    done = trace.read_text(encoding="utf-8").split()
    # At most the groups under way and those already queued for the two workers.
    assert 1 <= len(done) <= 40


def test_a_path_given_twice_counts_twice_as_in_load_files(tmp_path: Path, mode: str) -> None:
    files = _misleading(tmp_path)
    twice = [files[1], files[0], files[1], files[4]]
    options = CheckOptions(AS_OF)
    progress: list[tuple[int, int]] = []
    result = check_files(twice, options, lambda done, total: progress.append((done, total)))
    assert result == check_corpus(load_files(twice, "nl"), options)
    assert progress[-1] == (4, 4)


def test_runs_in_threads_of_one_process_keep_their_own_options(tmp_path: Path) -> None:
    files = _misleading(tmp_path)
    expected = {lang: _sequential(files, CheckOptions(AS_OF, lang)) for lang in ("nl", "en")}
    results: dict[int, CheckResult] = {}

    def run(index: int) -> None:
        results[index] = check_files(files, CheckOptions(AS_OF, ("nl", "en")[index % 2]))

    threads = [threading.Thread(target=run, args=(index,)) for index in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(results[index] == expected[("nl", "en")[index % 2]] for index in range(8))
