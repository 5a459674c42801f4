"""Where the time of a cold ``prestatie check`` goes, phase by phase, in one process.

    python benchmarks/profile_check.py PATH [--as-of 2026-11-21] [--quiet] [--rules]

Runs ``prestatie check PATH`` in this process with the worker processes turned off
(everything on one core, so that the phases add up) and without the cache, timing each
phase with a clock around the function that does it. The C parser's event stream is
timed on the same text in an extra pass (not part of the check), so that building data
and the source map is what ``load_text`` takes beyond it. Then it times what the hand-over
between processes costs: the outcomes of every group pickled and unpickled, as the worker
processes send them. Prints a Markdown table: phase, seconds, share of the run.

Start-up (Python, the stack and prestatie imported) is measured before the check begins.
With ``--rules`` each rule's ``check_set`` and ``check_monitor`` is timed too: the ten
slowest rules and all of them together.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402 - the clock starts before any import
import gc  # noqa: E402
import os  # noqa: E402
import pickle  # noqa: E402
import sys  # noqa: E402
from collections import defaultdict  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

# What a check imports before it reads a file.
import prestatie_cli.cli  # noqa: E402
from prestatie_cli.check import judge, runner  # noqa: E402
from prestatie_cli.load import parse, yaml  # noqa: E402
from prestatie_cli.reporting import check_formats  # noqa: E402

IMPORTED = time.perf_counter()
SPENT: dict[str, float] = defaultdict(float)
# Measured beside the phases: the extra pass of the event stream, all of load_text, pickling.
EXTRA: dict[str, float] = defaultdict(float)
# With --rules: the time of each rule.
RULES: dict[str, float] = defaultdict(float)


def _timed(phase: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            SPENT[phase] += time.perf_counter() - start

    return timed


def _events(text: str) -> None:
    """The C parser's event stream over ``text`` and nothing else (the floor)."""
    if yaml._CParser is None or yaml._PURE_ONLY.search(text):
        return
    from ruamel.yaml.events import StreamEndEvent

    parser = yaml._CParser(text)
    try:
        while not isinstance(parser.get_event(), StreamEndEvent):
            pass
    except Exception:  # the check's own pass says what is wrong
        return
    finally:
        parser.dispose()


def _collections(phase: str, info: dict[str, int]) -> None:
    """Time the cyclic garbage collector's passes (they run inside the other phases)."""
    if phase == "start":
        EXTRA["gc started"] = time.perf_counter()
    else:
        EXTRA["gc"] += time.perf_counter() - EXTRA["gc started"]
        EXTRA[f"gc passes {info['generation']}"] += 1


def _time_rules() -> None:
    """A clock around each rule's ``check_set`` and ``check_monitor`` (its findings listed)."""
    from prestatie_cli.rules import REGISTRY

    for rule in REGISTRY.values():
        for method in ("check_set", "check_monitor"):
            found = getattr(rule, method)

            def timed(context: Any, found: Any = found, code: str = rule.code) -> Any:
                start = time.perf_counter()
                findings = list(found(context))
                RULES[code] += time.perf_counter() - start
                return iter(findings)

            setattr(rule, method, timed)


def _instrument() -> None:
    gc.callbacks.append(_collections)
    load_text = yaml.load_text

    def measured_load_text(text: str, shown: str) -> yaml.Document:
        start = time.perf_counter()
        _events(text)
        EXTRA["events"] += time.perf_counter() - start
        start = time.perf_counter()
        try:
            return load_text(text, shown)
        finally:
            EXTRA["load_text"] += time.perf_counter() - start

    yaml.load_text = measured_load_text  # type: ignore[assignment]
    yaml.read_text = _timed("read and decode files", yaml.read_text)  # type: ignore[assignment]
    runner.forecast = _timed("read ahead (id: and set: lines)", runner.forecast)  # type: ignore[assignment]
    parse.validate = _timed("validate (pydantic models)", parse.validate)  # type: ignore[assignment]
    parse.from_finding = _timed("word load problems", parse.from_finding)  # type: ignore[assignment]
    runner.check_loaded = _timed("rules, severities, waivers, wording", runner.check_loaded)  # type: ignore[assignment]
    judge._judge = _timed("  of which severities, waivers, wording", judge._judge)  # type: ignore[assignment]
    runner.sorted_result = _timed("sort findings", runner.sorted_result)  # type: ignore[assignment]
    check_group = runner._check_group

    def handed_over(paths: list[str], job: runner.Job | None = None) -> list[runner.Outcome]:
        outcomes = check_group(paths, job)
        start = time.perf_counter()
        pickle.loads(pickle.dumps(outcomes, pickle.HIGHEST_PROTOCOL))
        EXTRA["pickle"] += time.perf_counter() - start
        return outcomes

    runner._check_group = handed_over  # type: ignore[assignment]
    render = check_formats.CHECK_FORMATS["text"]
    check_formats.CHECK_FORMATS["text"] = _timed("render findings as text", render)  # type: ignore[index]


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--as-of", default="2026-11-21")
    parser.add_argument("--quiet", action="store_true")
    parser.add_argument("--rules", action="store_true", help="time each rule too")
    arguments = parser.parse_args()
    os.environ["PRESTATIE_NO_CACHE"] = "1"
    runner.PARALLEL_FROM = 1 << 62  # one process: the phases add up to the run
    _instrument()
    if arguments.rules:
        _time_rules()
    quiet = ["-q"] if arguments.quiet else []
    sys.argv = ["prestatie", *quiet, "check", "--as-of", arguments.as_of, str(arguments.path)]
    real_stdout = sys.stdout
    start = time.perf_counter()
    with Path(os.devnull).open("w", encoding="utf-8") as sink:
        sys.stdout = sink
        try:
            prestatie_cli.cli.main()
        except SystemExit:
            pass
        finally:
            sys.stdout = real_stdout
    run = time.perf_counter() - start
    # The extra pass of the event stream and the pickling are not part of the check.
    check = run - EXTRA["events"] - EXTRA["pickle"]
    SPENT["parse (C event stream, in a pass of its own)"] = EXTRA["events"]
    SPENT["build data and source map (beyond the event stream)"] = (
        EXTRA["load_text"] - EXTRA["events"]
    )
    accounted = sum(value for key, value in SPENT.items() if not key.startswith(" "))
    rows = [("start-up (Python, the stack, prestatie imported)", IMPORTED - STARTED)]
    rows += sorted(SPENT.items(), key=lambda item: -item[1])
    rows.append(("everything else (command line, files found, cache key)", check - accounted))
    total = IMPORTED - STARTED + check
    print(f"check of {arguments.path} on one core: {total:.2f} s\n")
    print("| phase | seconds | share |\n|---|---:|---:|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.2f} | {seconds / total:.0%} |")
    passes = ", ".join(f"{int(EXTRA[f'gc passes {n}'])}" for n in range(3))
    print(
        f"| garbage collector, inside the phases above ({passes} passes of generations"
        f" 0, 1, 2) | {EXTRA['gc']:.2f} | {EXTRA['gc'] / total:.0%} |"
    )
    print(
        f"| hand-over between processes (outcomes pickled and unpickled; not in the total)"
        f" | {EXTRA['pickle']:.2f} | |"
    )
    if RULES:
        print("\n| rule | seconds |\n|---|---:|")
        for code, seconds in sorted(RULES.items(), key=lambda item: -item[1])[:10]:
            print(f"| {code} | {seconds:.2f} |")
        print(f"| all {len(RULES)} rules | {sum(RULES.values()):.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
