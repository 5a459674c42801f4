"""Peak memory of a command and every process it starts, summed (Linux).

    python benchmarks/peak_memory.py COMMAND [ARG ...]

`/usr/bin/time -f %M` reports the largest single process; a command that hands
work to worker processes uses more than that in total. This script samples the
resident set size of the command and all its descendants every 10 ms (from
/proc) and prints two numbers in MB: the highest sum seen, and the largest
single process seen. The command's own output goes to /dev/null.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

PAGE = 4096


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, queue = [], [root]
    while queue:
        pid = queue.pop()
        found.append(pid)
        queue.extend(children.get(pid, []))
    return found


def _rss(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def main() -> int:
    process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
    total = largest = 0
    while process.poll() is None:
        sizes = [_rss(pid) for pid in _tree(process.pid)]
        total = max(total, sum(sizes))
        largest = max(largest, *sizes, 0)
        time.sleep(0.01)
    print(f"{total // 2**20} {largest // 2**20}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
