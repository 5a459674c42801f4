"""Clone the bundled examples to a national corpus with many findings per set.

The second corpus of the benchmarks, beside the synthetic one of ``generate.py``: real
sets, as users write them (block style, comments, folded text, frames and their yearly
slices, groups, amendments, waivers, conditions), not one generated shape. Each example
family (a set with its monitor; Weidemeer's frame with its two slices) is written again
under new set ids until there are ``--sets`` sets. Within each copy of a set, its
agreements are repeated to about ``--agreements`` agreements, every repetition under new
ids (``BS-01``, ``BS-01-x1``, ``BS-01-x2``, ...), and the monitor's measurements are
repeated with them. References inside a repetition follow its ids; the sections that are
not repeated (signatures, amendments, waivers, conditions) still name the first one, so
the repetitions carry the findings of the examples and more (deadlines passed without
measurement, paces out of reach, agreements without waiver): thousands in all, which
``check`` must word, place and print.

    python benchmarks/clone_examples.py OUT_DIR [--sets 342] [--agreements 90]

Deterministic: the same arguments write the same files.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
# The sets of one family refer to each other by id (a slice names its frame).
FAMILIES = (
    ("bodegraven-reeuwijk-2016-2019",),
    ("lindeveen-2025-2028",),
    ("regio-hofstreek-2024-2027",),
    ("weidemeer-2026-2029", "weidemeer-2026", "weidemeer-2027"),
)
_TOP_KEY = re.compile(r"^[A-Za-z_]+:", re.MULTILINE)
_AGREEMENT_ID = re.compile(r"^  - id: *([A-Za-z0-9._-]+)", re.MULTILINE)


def _sections(text: str) -> list[tuple[str, str]]:
    """The file as (top-level key, its text) in order; the text before the first key as ''."""
    starts = [match.start() for match in _TOP_KEY.finditer(text)]
    parts = [("", text[: starts[0]])] if starts and starts[0] else []
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        parts.append((text[start : text.index(":", start)], text[start:end]))
    return parts


def _renamer(names: list[str]) -> re.Pattern[str]:
    """A pattern for any of ``names`` as a whole id (longest first)."""
    ordered = sorted(set(names), key=len, reverse=True)
    return re.compile(r"(?<![\w.-])(" + "|".join(map(re.escape, ordered)) + r")(?![\w-])")


def _repeat(section: str, ids: re.Pattern[str] | None, times: int) -> str:
    """A list section (key line, then items) with its items ``times`` times, the n-th
    repetition's agreement ids ending in ``-xN``."""
    head, _, body = section.partition("\n")
    body = body.rstrip("\n") + "\n"
    copies = [body]
    for copy in range(1, times):
        if ids is None:
            copies.append(body)
        else:
            copies.append(ids.sub(lambda match, n=copy: f"{match.group(1)}-x{n}", body))
    trailing = "\n" if section.endswith("\n\n") else ""
    return head + "\n" + "".join(copies) + trailing


def _clone_family(
    family: tuple[str, ...], number: int, per_set: int
) -> list[tuple[str, str, str | None]]:
    """The sets of one family under new ids: (new id, set text, monitor text or None)."""
    suffix = f"-n{number:03d}"
    set_ids = _renamer(list(family))
    written = []
    for set_id in family:
        text = (EXAMPLES / "afspraken" / f"{set_id}.yaml").read_text(encoding="utf-8")
        monitor_path = EXAMPLES / "monitor" / f"{set_id}.yaml"
        monitor = monitor_path.read_text(encoding="utf-8") if monitor_path.exists() else None
        own = _AGREEMENT_ID.findall(dict(_sections(text))["agreements"])
        times = max(1, round(per_set / len(own)))
        ids = _renamer(own)
        parts = [
            _repeat(body, ids, times) if key == "agreements" else body
            for key, body in _sections(text)
        ]
        new_text = set_ids.sub(lambda match: match.group(1) + suffix, "".join(parts))
        new_monitor = None
        if monitor is not None:
            parts = [
                _repeat(body, ids, times) if key == "measurements" else body
                for key, body in _sections(monitor)
            ]
            new_monitor = set_ids.sub(lambda match: match.group(1) + suffix, "".join(parts))
        written.append((set_id + suffix, new_text, new_monitor))
    return written


def corpus(root: Path, sets: int, per_set: int) -> tuple[int, int]:
    """Write ``sets`` sets (and their monitors) below ``root``; the number of agreements
    and of files."""
    (root / "afspraken").mkdir(parents=True, exist_ok=True)
    (root / "monitor").mkdir(parents=True, exist_ok=True)
    count = agreements = files = 0
    number = 0
    while count < sets:
        family = FAMILIES[number % len(FAMILIES)]
        for set_id, text, monitor in _clone_family(family, number + 1, per_set):
            if count == sets:
                break
            (root / "afspraken" / f"{set_id}.yaml").write_text(text, encoding="utf-8")
            files += 1
            if monitor is not None:
                (root / "monitor" / f"{set_id}.yaml").write_text(monitor, encoding="utf-8")
                files += 1
            agreements += len(_AGREEMENT_ID.findall(dict(_sections(text))["agreements"]))
            count += 1
        number += 1
    return agreements, files


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--sets", type=int, default=342)
    parser.add_argument("--agreements", type=int, default=90, help="about this many per set")
    arguments = parser.parse_args()
    agreements, files = corpus(arguments.out, arguments.sets, arguments.agreements)
    size = sum(p.stat().st_size for p in arguments.out.rglob("*.yaml"))
    print(f"{arguments.sets} sets, {agreements} agreements, {files} files, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
