"""Generate one very large set with many findings, to show that time grows linearly.

One set of N agreements (50,000 by default) in a single file, written compactly so that
it stays under the 10 MB a file may hold, and its measurements in monitor files of one
year each. Every tenth agreement promises an effort in a result agreement's words (S101,
found inside the text), and every tenth measurement names an agreement id that does not
exist but resembles one (P608, with a did-you-mean): the two findings whose cost used to
grow with the square of the set. Other rules find more (220,002 findings at 50,000).
Deterministic, so that runs compare like with like.

    python benchmarks/hostile.py OUT_DIR [--agreements 50000]

``benchmarks/hostile.sh`` times check, status and report on it at three sizes; the
results are in docs/performance.md, "One very large set".
"""

from __future__ import annotations

import argparse
from pathlib import Path

SET_ID = "groot-2025-2028"
YEARS = (2025, 2026, 2027)
# One finding of each kind in this many agreements and measurements.
EVERY = 10


def agreement_id(number: int) -> str:
    return f"BS-{number:05d}"


def agreements(count: int) -> str:
    """The set: three parties, ``count`` agreements of about 200 bytes each."""
    lines = [
        "kind: agreements",
        "version: 1",
        f"id: {SET_ID}",
        "title: Prestatieafspraken Groot 2025-2028",
        "period: {start: 2025-01-01, end: 2028-12-31}",
        "parties:",
        "  - {id: gemeente, name: Gemeente Groot, role: gemeente}",
        "  - {id: corp, name: Woonstichting Groot, role: corporatie}",
        "  - {id: hv, name: Huurdersvereniging Groot, role: huurdersorganisatie}",
        "agreements:",
    ]
    for number in range(count):
        verb = "streven naar" if number % EVERY == 0 else "leveren"
        lines.append(
            f"  - {{id: {agreement_id(number)}, title: Wijk {number}, text: Wij {verb}"
            f" {number % 900 + 20} woningen., theme: beschikbaarheid, owner: corp, target:"
            f" {{metric: woningen, unit: woningen, value: {number % 900 + 20}}},"
            " deadline: 2028-12-31, frequency: yearly}"
        )
    lines += [
        "signatures:",
        "  - {party: gemeente, name: J. de Vries, date: 2024-12-12}",
        "  - {party: corp, name: A. Jansen, date: 2024-12-12}",
        "  - {party: hv, name: M. Bakker, date: 2024-12-12}",
    ]
    return "\n".join(lines) + "\n"


def monitor(count: int, year: int) -> str:
    """A measurement of every agreement in ``year``; every tenth names a mistyped id."""
    lines = ["kind: monitor", "version: 1", f"set: {SET_ID}", "measurements:"]
    for number in range(count):
        # A letter too many: close to a real id, but not one (P608 with a suggestion).
        wanted = agreement_id(number) + ("x" if number % EVERY == year % EVERY else "")
        value = (number % 900 + 20) // 4
        lines.append(
            f"  - {{agreement: {wanted}, date: {year}-12-31, value: {value},"
            f" source: Jaarverslag {year}, reported_by: corp}}"
        )
    return "\n".join(lines) + "\n"


def write(root: Path, count: int) -> int:
    """Write the set and its monitors below ``root``; return the bytes written."""
    (root / "afspraken").mkdir(parents=True, exist_ok=True)
    (root / "monitor").mkdir(parents=True, exist_ok=True)
    files = {root / "afspraken" / f"{SET_ID}.yaml": agreements(count)}
    for year in YEARS:
        files[root / "monitor" / f"{SET_ID}-{year}.yaml"] = monitor(count, year)
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    return sum(len(text.encode()) for text in files.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--agreements", type=int, default=50_000)
    arguments = parser.parse_args()
    size = write(arguments.out, arguments.agreements)
    print(f"1 set, {arguments.agreements} agreements, {len(YEARS)} monitors, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
