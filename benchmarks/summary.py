"""The goals of the benchmark, read from the files ``run.sh`` wrote: ratios and met or not.

    python benchmarks/summary.py WORK_DIR

For each corpus: the floor (the faster of the two C parsers' event streams) and the cold
check from their run of 10 (else from the run beside the references), check-jsonschema
and yamllint, and their ratios; the warm check from its own run of 10; the peak memory
of check, status and report.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

CORPORA = {"nationaal": "synthetic (generate.py)", "kloon": "examples cloned (clone_examples.py)"}
MEMORY_LIMIT_MB = 500


def _means(path: Path) -> dict[str, float]:
    results = json.loads(path.read_text(encoding="utf-8"))["results"]
    return {run["command"]: run["mean"] for run in results}


def _memory(path: Path) -> dict[str, int]:
    peaks = {}
    for line in path.read_text(encoding="utf-8").splitlines()[2:]:
        label, total, _ = (part.strip() for part in line.split("|"))
        peaks[label] = int(total)
    return peaks


def _met(ok: bool) -> str:
    return "met" if ok else "**not met**"


def main() -> int:
    work = Path(sys.argv[1])
    memory = _memory(work / "memory.txt") if (work / "memory.txt").exists() else {}
    print(
        "| corpus | floor | `check`, cold | ÷ floor | check-jsonschema | ÷ `check` "
        "| yamllint | ÷ `check` | `check`, warm |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    goals = []
    for corpus, shown in CORPORA.items():
        if not (work / f"{corpus}.json").exists():
            continue
        means = _means(work / f"{corpus}.json")
        # The floor and the cold check from their run of 10 when there is one.
        timed = work / f"{corpus}-floor.json"
        closest = _means(timed) if timed.exists() else means
        floor = min(value for name, value in closest.items() if name.startswith("C parser"))
        cold = closest["prestatie check, cold"]
        # The references against the cold check of their own run (side by side in time).
        beside = means["prestatie check, cold"]
        reference = means["check-jsonschema, C loader (shape only)"]
        lint = means["yamllint (YAML style only)"]
        warm = _means(work / f"{corpus}-warm.json")["prestatie check, warm"]
        print(
            f"| {shown} | {floor:.2f} s | {cold:.2f} s | {cold / floor:.2f} x "
            f"| {reference:.1f} s | {reference / beside:.1f} x | {lint:.0f} s | {lint / beside:.0f} x "
            f"| {warm:.2f} s |"
        )
        goals += [
            (
                f"{corpus}: `check` cold ≥ 5 x faster than check-jsonschema",
                f"{reference / beside:.1f} x",
                reference / beside >= 5,
            ),
            (f"{corpus}: `check` cold ≤ 2 x the floor", f"{cold / floor:.2f} x", cold <= 2 * floor),
            (f"{corpus}: `check` warm < 0.5 s", f"{warm:.2f} s", warm < 0.5),
        ]
        for command in ("check", "status", "report"):
            label = f"{command} {corpus}" + (", cold" if command == "check" else "")
            if label in memory:
                goals.append(
                    (
                        f"{corpus}: peak memory of `{command}` < {MEMORY_LIMIT_MB} MB",
                        f"{memory[label]} MB",
                        memory[label] < MEMORY_LIMIT_MB,
                    )
                )
    print("\n| goal | result | |\n|---|---:|---|")
    for goal, result, ok in goals:
        print(f"| {goal} | {result} | {_met(ok)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
