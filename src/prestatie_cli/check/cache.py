"""A cache of check results, so that a run over unchanged files costs almost nothing.

The key is a hash of everything a result depends on: the version of prestatie,
the options (reference date, language, severities, thresholds) and the name
and content of every file. A changed byte, option or version is another key.
Beside a run's result the text it was shown as is kept (one entry per output
format, with and without --quiet), so that showing it again renders nothing.
Entries are written atomically, so two runs at once cannot corrupt one; an
entry that cannot be read (corrupt, foreign, from another version) is ignored
and a cache folder that cannot be written is simply not used.

A file's hash is kept beside its size, times, inode and device (as git's index
does), so that a run over unchanged files reads none of them. A file changed in
the two seconds before its hash was taken is hashed again on every run: a second
change within the clock's resolution would leave its times as they were.

The cache keeps itself under 256 MB: when a run writes to it, the entries used
least recently go first (reading an entry counts as using it). Only its own
entries are ever removed, whatever else the folder holds.

Where: $PRESTATIE_CACHE_DIR, else $XDG_CACHE_HOME/prestatie, else
~/.cache/prestatie. PRESTATIE_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import re
import stat
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from prestatie_cli import __version__
from prestatie_cli.files import write_atomic

FORMAT = 2


def folder() -> Path | None:
    """The cache folder, or None when caching is off."""
    if os.environ.get("PRESTATIE_NO_CACHE"):
        return None
    explicit = os.environ.get("PRESTATIE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "prestatie"


def _code() -> str:
    """The installed code itself: a changed module (an upgrade, a fix) is another key."""
    package = Path(__file__).parents[1]
    parts = [
        f"{path.relative_to(package)}:{info.st_size}:{info.st_mtime_ns}"
        for path in sorted(package.rglob("*"))
        if path.suffix in (".py", ".j2", ".css") and (info := path.stat())
    ]
    return "|".join(parts)


def key(files: Sequence[Path], options: str) -> str | None:
    """The key of a run over ``files``; None when caching is off or a file cannot be read."""
    if folder() is None:
        return None
    hashes = file_hashes(files)
    if hashes is None:
        return None
    digest = hashlib.sha256(f"{__version__}\0{FORMAT}\0{_code()}\0{options}".encode())
    for path, content in zip(files, hashes, strict=True):
        digest.update(f"\0{path}\0{content}".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


# A file whose status changed this shortly before its hash was taken is not trusted to
# show a later change in its status: timestamps have a resolution (two seconds on FAT).
_SETTLED_NS = 2_000_000_000
# Entries kept of files that a run did not see (other projects, older checkouts).
_INDEX_LIMIT = 20_000
_Signature = tuple[int, int, int, int, int]


def file_hashes(files: Sequence[Path], now_ns: int | None = None) -> list[str] | None:
    """The SHA-256 of each file's content; None when one is not a readable regular file.

    A file whose size, modification and change times, inode and device are
    those of a settled entry of the index is not read again.
    """
    index = _read_index()
    now = time.time_ns() if now_ns is None else now_ns
    seen: dict[str, list[Any]] = {}
    looked: set[str] = set()
    hashes: list[str] = []
    changed = False
    for path in files:
        name = str(path.absolute())
        looked.add(name)
        try:
            info = path.stat()
            # Only regular files: a pipe or device would block or never end (no caching then).
            if not stat.S_ISREG(info.st_mode):
                return None
            signature = _signature(info)
            entry = index.get(name)
            if entry is not None and tuple(entry[:5]) == signature:
                hashes.append(entry[5])
                seen[name] = entry
                continue
            content = hashlib.sha256(path.read_bytes()).hexdigest()
            after = _signature(path.stat())
        except OSError:
            return None
        hashes.append(content)
        settled = now - max(info.st_mtime_ns, info.st_ctime_ns) >= _SETTLED_NS
        # Changed while read, or too recently to tell a later change apart: hashed each run.
        if after == signature and settled:
            seen[name] = [*signature, content]
        changed = changed or name in index or name in seen
    if changed:
        _write_index(seen, {name: entry for name, entry in index.items() if name not in looked})
    return hashes


def _signature(info: os.stat_result) -> _Signature:
    # On POSIX any write, and any setting of the times, moves the change time; on Windows
    # st_ctime is the creation time (see docs/performance.md).
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)


def _read_index() -> dict[str, list[Any]]:
    """The index of file hashes; empty when it is missing, corrupt or not ours."""
    stored = _read("files.json", None)
    if not isinstance(stored, dict):
        return {}
    return {
        name: entry
        for name, entry in stored.items()
        if isinstance(entry, list)
        and len(entry) == 6
        and all(type(number) is int for number in entry[:5])
        and isinstance(entry[5], str)
        and len(entry[5]) == 64
    }


def _write_index(seen: dict[str, list[Any]], others: dict[str, list[Any]]) -> None:
    """Keep this run's entries and the newest of the others'.

    Two runs at once: the last one's index wins, and the other's files are hashed again.
    """
    kept = dict(list(others.items())[-_INDEX_LIMIT:])
    kept.update(seen)
    _write("files.json", kept, None)


def load(run: str) -> Any | None:
    """The stored result of a check run, or None (missing, unreadable or not ours)."""
    return _read(f"check-{run}.json", None)


def store(run: str, result: Any) -> None:
    """Keep the result of a check run; a cache that cannot be written is not an error."""
    _write(f"check-{run}.json", result, None)


def load_entry(name: str) -> Any | None:
    """Something kept under ``name`` by this very code (a parsed git blob, say), or None."""
    return _read(f"{name}.json", _code_digest())


def store_entry(name: str, value: Any) -> None:
    _write(f"{name}.json", value, _code_digest())


@functools.cache
def _code_digest() -> str:
    return hashlib.sha256(f"{__version__}\0{_code()}".encode()).hexdigest()


def _read(name: str, code: str | None) -> Any | None:
    place = folder()
    if place is None:
        return None
    try:
        stored = json.loads((place / name).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):  # nested too deep: corrupt as well
        return None
    if not isinstance(stored, dict) or stored.get("format") != FORMAT:
        return None
    if code is not None and stored.get("code") != code:
        return None
    # Used now: the least recently used entries are the first to go.
    with contextlib.suppress(OSError):
        os.utime(place / name)
    return stored.get("result")


def _write(name: str, value: Any, code: str | None) -> None:
    place = folder()
    if place is None:
        return
    with contextlib.suppress(OSError, TypeError, ValueError):
        content = json.dumps({"format": FORMAT, "code": code, "result": value}, ensure_ascii=False)
        write_atomic(place / name, content)
        _prune_once(place)


# The cache is kept under this size; a prune leaves three quarters of it.
LIMIT_BYTES = 256 * 2**20
# Names of the entries this module writes, and of the temporary files of a write that
# was killed half-way; nothing else in the folder is ever removed.
_ENTRY = re.compile(r"(check|blob)-[0-9a-f]+(-[a-z]+)*\.json")
_LEFT_OVER = re.compile(r"\.(check|blob|files)[-.].*\.tmp")
# A temporary file this old is not being written any more.
_LEFT_OVER_AGE_NS = 3600 * 10**9


@functools.cache
def _prune_once(place: Path) -> None:
    """Prune at the first write of a run only: a run's own entries all stay."""
    prune(place)


def prune(place: Path, limit: int | None = None, now_ns: int | None = None) -> None:
    """Remove the least recently used entries beyond ``limit`` (``LIMIT_BYTES``), down to
    three quarters of it, and the temporary files of writes killed an hour or more ago."""
    limit = LIMIT_BYTES if limit is None else limit
    now = time.time_ns() if now_ns is None else now_ns
    entries: list[tuple[int, int, str]] = []
    try:
        listing = list(os.scandir(place))
    except OSError:
        return
    for entry in listing:
        try:
            if _ENTRY.fullmatch(entry.name):
                info = entry.stat(follow_symlinks=False)
                entries.append((info.st_mtime_ns, info.st_size, entry.name))
            elif (
                _LEFT_OVER.fullmatch(entry.name)
                and now - entry.stat(follow_symlinks=False).st_mtime_ns >= _LEFT_OVER_AGE_NS
            ):
                (place / entry.name).unlink(missing_ok=True)
        except OSError:  # gone meanwhile (another run pruned it): nothing to do
            continue
    total = sum(size for _, size, _ in entries)
    if total <= limit:
        return
    for _, size, name in sorted(entries):
        if total <= limit * 3 // 4:
            break
        with contextlib.suppress(OSError):
            (place / name).unlink(missing_ok=True)
        total -= size
