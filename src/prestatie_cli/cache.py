"""A cache of check results, so that a run over unchanged files costs almost nothing.

The key is a hash of everything a result depends on: the version of prestatie,
the options (reference date, language, severities, thresholds) and the name
and content of every file. A changed byte, option or version is another key.
Entries are written atomically, so two runs at once cannot corrupt one; an
entry that cannot be read (corrupt, foreign, from another version) is ignored
and a cache folder that cannot be written is simply not used.

Where: $PRESTATIE_CACHE_DIR, else $XDG_CACHE_HOME/prestatie, else
~/.cache/prestatie. PRESTATIE_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import stat
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
    package = Path(__file__).parent
    parts = [
        f"{path.relative_to(package)}:{info.st_size}:{info.st_mtime_ns}"
        for path in sorted(package.rglob("*"))
        if path.suffix in (".py", ".j2", ".css") and (info := path.stat())
    ]
    return "|".join(parts)


def key(files: Sequence[Path], options: str) -> str | None:
    """The key of a run over ``files``; None when a file cannot be read (no caching then)."""
    digest = hashlib.sha256(f"{__version__}\0{FORMAT}\0{_code()}\0{options}".encode())
    for path in files:
        try:
            # Only regular files: a pipe or device would block or never end (no caching then).
            if not stat.S_ISREG(path.stat().st_mode):
                return None
            content = path.read_bytes()
        except OSError:
            return None
        digest.update(f"\0{path}\0{len(content)}\0".encode("utf-8", "surrogateescape"))
        digest.update(content)
    return digest.hexdigest()


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
    except (OSError, ValueError):
        return None
    if not isinstance(stored, dict) or stored.get("format") != FORMAT:
        return None
    if code is not None and stored.get("code") != code:
        return None
    return stored.get("result")


def _write(name: str, value: Any, code: str | None) -> None:
    place = folder()
    if place is None:
        return
    with contextlib.suppress(OSError, TypeError, ValueError):
        content = json.dumps({"format": FORMAT, "code": code, "result": value}, ensure_ascii=False)
        write_atomic(place / name, content)
