"""Generate a synthetic national corpus of prestatieafspraken for benchmarks.

342 municipalities, each with one set of 60-120 agreements and a monitor file with
four years of measurements, plus a git repository in which one set changes over
200 commits. Deterministic (seeded), so that runs compare like with like.

    python benchmarks/generate.py OUT_DIR [--sets 342] [--commits 200]
"""

from __future__ import annotations

import argparse
import random
import subprocess
from pathlib import Path

THEMES = (
    ("betaalbaarheid", "BT", "huishoudens geholpen met huurverlaging", "huishoudens"),
    ("beschikbaarheid", "BS", "opgeleverde nieuwe sociale huurwoningen", "woningen"),
    ("kwaliteit-en-duurzaamheid", "KD", "woningen geïsoleerd naar minimaal label B", "woningen"),
    ("wonen-en-zorg", "WZ", "woningen levensloopbestendig gemaakt", "woningen"),
    ("bijzondere-doelgroepen", "BD", "woningen toegewezen aan urgent woningzoekenden", "woningen"),
    ("leefbaarheid", "LB", "bewoners actief in buurtinitiatieven", "bewoners"),
    ("proces", "PR", "", ""),
)
WORDS = (
    "De corporaties realiseren in de periode {start}-{end} samen {value} {unit} in {name}, "
    "verdeeld over de kernen naar de behoefte uit de woonvisie, en rapporteren jaarlijks aan "
    "gemeente en huurdersorganisaties over de voortgang."
)


def _set(index: int, rng: random.Random) -> tuple[str, str, str]:
    name = f"Gemeente {index:03d}"
    set_id = f"gemeente-{index:03d}-2025-2028"
    parties = [("gemeente", name, "gemeente")]
    corporations = [f"corp-{n}" for n in range(rng.randint(1, 4))]
    tenants = [f"hv-{n}" for n in range(rng.randint(1, 3))]
    parties += [(c, f"Woonstichting {c.upper()} {index}", "corporatie") for c in corporations]
    parties += [
        (t, f"Huurdersvereniging {t.upper()} {index}", "huurdersorganisatie") for t in tenants
    ]
    ids = [party for party, _, _ in parties]
    lines = [
        "# yaml-language-server: $schema=../schemas/agreements.schema.json",
        "kind: agreements",
        "version: 1",
        f"id: {set_id}",
        f"title: Prestatieafspraken {name} 2025-2028",
        "period: {start: 2025-01-01, end: 2028-12-31}",
        f"basis: Woonvisie {name} 2024 en de biedingen van de corporaties van 1 juli 2024.",
        "parties:",
    ]
    lines += [f"  - {{id: {p}, name: {n}, role: {r}}}" for p, n, r in parties]
    lines.append("agreements:")
    measurements = ["kind: monitor", "version: 1", f"set: {set_id}", "measurements:"]
    for number in range(rng.randint(60, 120)):
        theme, prefix, metric, unit = THEMES[number % len(THEMES)]
        agreement_id = f"{prefix}-{number:03d}"
        owner = ids[number % len(ids)]
        contributors = [p for p in ids if p != owner][: rng.randint(1, 3)]
        value = rng.randint(20, 900)
        lines += [
            f"  - id: {agreement_id}",
            f"    title: Afspraak {number} over {theme}",
            "    text: >-",
            "      "
            + WORDS.format(start=2025, end=2028, value=value, unit=unit or "acties", name=name),
            f"    theme: {theme}",
            f"    kind: {'process' if not metric else 'result'}",
            f"    owner: {owner}",
            f"    contributors: [{', '.join(contributors)}]",
        ]
        if metric:
            lines += [
                "    target:",
                f"      metric: {metric}",
                f"      unit: {unit}",
                f"      value: {value}",
                "      cumulative: true",
                "      baseline: {value: 0, date: 2025-01-01}",
            ]
        lines += [
            f"    deadline: 2028-{rng.randint(6, 12):02d}-{rng.choice((1, 15, 30)):02d}",
            "    frequency: yearly",
        ]
        if metric:
            lines += ["    milestones:", f"      - {{date: 2026-12-31, value: {value // 2}}}"]
        # Four years of measurements: 2025 to 2028.
        for year in range(2025, 2029):
            measured = rng.randint(0, value // 3) if metric else "true"
            measurements += [
                f"  - agreement: {agreement_id}",
                f"    date: {year}-12-31",
                f"    value: {measured}",
                f"    source: Jaarverslag {year}",
                f"    reported_by: {owner}",
            ]
    lines.append("signatures:")
    lines += [f"  - {{party: {p}, name: Ondertekenaar {p}, date: 2024-12-12}}" for p in ids]
    return set_id, "\n".join(lines) + "\n", "\n".join(measurements) + "\n"


def corpus(root: Path, sets: int) -> int:
    rng = random.Random(2026)
    (root / "afspraken").mkdir(parents=True, exist_ok=True)
    (root / "monitor").mkdir(parents=True, exist_ok=True)
    total = 0
    for index in range(1, sets + 1):
        set_id, agreements, monitor = _set(index, rng)
        (root / "afspraken" / f"{set_id}.yaml").write_text(agreements, encoding="utf-8")
        (root / "monitor" / f"{set_id}.yaml").write_text(monitor, encoding="utf-8")
        total += agreements.count("\n  - id: ")
    return total


def history(root: Path, commits: int) -> None:
    """A repository in which one set is changed in every commit: targets, deadlines, wording."""
    rng = random.Random(7)
    env = {
        "GIT_AUTHOR_NAME": "Beleid",
        "GIT_AUTHOR_EMAIL": "beleid@example.org",
        "GIT_COMMITTER_NAME": "Beleid",
        "GIT_COMMITTER_EMAIL": "beleid@example.org",
        "GIT_CONFIG_GLOBAL": "/dev/null",
        "GIT_CONFIG_NOSYSTEM": "1",
        "PATH": "/usr/bin:/bin",
    }
    root.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, env=env, check=True)
    set_id, text, _ = _set(1, random.Random(1))
    path = root / "afspraken" / f"{set_id}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    for number in range(commits):
        lines = text.splitlines()
        values = [i for i, line in enumerate(lines) if line.startswith("      value: ")]
        target = rng.choice(values)
        lines[target] = f"      value: {rng.randint(20, 900)}"
        text = "\n".join(lines) + "\n"
        path.write_text(text, encoding="utf-8")
        subprocess.run(["git", "add", "-A"], cwd=root, env=env, check=True)
        stamp = f"2025-{1 + number // 20:02d}-{1 + number % 20:02d}T12:00:00+00:00"
        subprocess.run(
            ["git", "commit", "-q", "-m", f"Wijziging {number}"],
            cwd=root,
            env={**env, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp},
            check=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--sets", type=int, default=342)
    parser.add_argument("--commits", type=int, default=200)
    arguments = parser.parse_args()
    total = corpus(arguments.out / "nationaal", arguments.sets)
    history(arguments.out / "geschiedenis", arguments.commits)
    size = sum(p.stat().st_size for p in (arguments.out / "nationaal").rglob("*.yaml"))
    print(
        f"{arguments.sets} sets, {total} agreements, {size / 1e6:.1f} MB; {arguments.commits} commits"
    )


if __name__ == "__main__":
    main()
