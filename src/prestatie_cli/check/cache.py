"""A cache of check results, so that a run over unchanged files costs almost nothing.

The key is a hash of everything a result depends on: the version of prestatie,
the options (reference date, language, severities, thresholds) and the name
and content of every file. A changed byte, option or version is another key.
Beside a run's result the text it was shown as is kept (one entry per output
format, with and without --quiet), so that showing it again renders nothing.
Entries are written atomically, so two runs at once cannot corrupt one; an
entry that cannot be read (corrupt, foreign, from another version, planted) is
ignored and a cache folder that cannot be written is simply not used.

A file's hash is kept beside its size, times, inode and device (as git's index
does), so that a run over unchanged files reads none of them. A file changed in
the two seconds before its hash was taken is hashed again on every run: a second
change within the clock's resolution would leave its times as they were.

The cache keeps itself under 256 MB: when a run writes to it, the entries used
least recently go first (reading an entry counts as using it). Only its own
entries are ever removed, whatever else the folder holds.

Where: $PRESTATIE_CACHE_DIR, else the platform's cache folder (platformdirs):
$XDG_CACHE_HOME/prestatie or ~/.cache/prestatie on Linux, ~/Library/Caches/prestatie
on macOS, %LOCALAPPDATA%\\prestatie\\Cache on Windows. PRESTATIE_NO_CACHE=1 turns it off.

An entry decides a verdict, so nothing in the folder is taken on its word:

- The folder is used only when it belongs to this user and no one else may write in
  it (made with mode 700); otherwise the run goes without a cache and the command says
  so (``distrust``). Another user cannot then create, rename or replace an entry.
- Each entry is sealed: an HMAC-SHA256, under a secret of 32 random bytes kept in the
  folder (file ``secret``, mode 600, this user's alone), over the entry's own name (the
  run key, which holds version, code, options and the content of every file), the code
  it is for and its payload. An entry planted under another name, copied from another
  key, written by another version or torn by a crash fails the seal and is not used.
  Whoever can write the folder as this user can also read the secret: the seal does not
  guard against that user's own programs, which could run prestatie's code anyway.
- Files are opened without following links and without waiting (O_NOFOLLOW,
  O_NONBLOCK), and read only when they are regular files of this user of at most
  ``MAX_ENTRY_BYTES``: a link to /dev/zero, a FIFO or a huge file is a miss.
- What a sealed entry holds is still checked field by field by whoever reads it
  (``check.engine``, ``versions.snapshots``).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import json
import os
import re
import secrets
import stat
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from prestatie_cli import __version__

FORMAT = 3


def folder() -> Path | None:
    """The cache folder, or None when caching is off."""
    if os.environ.get("PRESTATIE_NO_CACHE"):
        return None
    explicit = os.environ.get("PRESTATIE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    # The platform's own place: $XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches on
    # macOS, %LOCALAPPDATA% on Windows.
    return Path(platformdirs.user_cache_dir("prestatie", appauthor=False))


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
    """The key of a run over ``files``; None when caching is off, the cache folder is not
    to be trusted or a file cannot be read."""
    if folder() is None or distrust() is not None:
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
    """What this user's prestatie stored under ``name``, or None: missing, unsound, too large,
    another kind of file, or not written with this folder's secret for this very name."""
    with _opened(create=False) as place:
        if place is None:
            return None
        secret = place.secret(create=False)
        raw = place.read(name, MAX_ENTRY_BYTES)
        if secret is None or raw is None:
            return None
        header, _, payload = raw.partition(b"\n")
        if len(header) > _HEADER_BYTES:
            return None
        try:
            stored = json.loads(header)
            if not (
                isinstance(stored, dict)
                and stored.get("format") == FORMAT
                and stored.get("key") == name
                and stored.get("code") == code
                and isinstance(stored.get("mac"), str)
                and hmac.compare_digest(stored["mac"], _mac(secret, name, code, payload))
            ):
                return None
            # A file name that is no UTF-8 (surrogate escapes) comes back as it went in.
            value = json.loads(payload.decode("utf-8", "surrogatepass"))
        except (ValueError, RecursionError):  # nested too deep: corrupt as well
            return None
        # Used now: the least recently used entries are the first to go.
        place.touch(name)
        return value


def _write(name: str, value: Any, code: str | None) -> None:
    with _opened(create=True) as place:
        if place is None:
            return
        with contextlib.suppress(OSError, TypeError, ValueError):
            secret = place.secret(create=True)
            payload = json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")
            if secret is None or len(payload) > MAX_ENTRY_BYTES - _HEADER_BYTES - 1:
                return
            header = {"format": FORMAT, "key": name, "code": code}
            header["mac"] = _mac(secret, name, code, payload)
            place.write(name, json.dumps(header).encode() + b"\n" + payload)
            _prune_once(place.path)


def _mac(secret: bytes, name: str, code: str | None, payload: bytes) -> str:
    """The entry's seal: its name (the run key, which holds the version, options and
    content), the code it is for and its payload, under the folder's secret."""
    message = f"prestatie-cache\0{FORMAT}\0{name}\0{code or ''}\0".encode() + payload
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


# --- Trust ----------------------------------------------------------------------------------------

# An entry larger than this is neither kept nor read (a set of 50,000 agreements with
# 220,000 findings keeps 53 MB).
MAX_ENTRY_BYTES = 64 * 2**20
# The folder's secret: 32 random bytes in a file only its owner may read.
_SECRET = "secret"
_SECRET_BYTES = 32
# The first line of an entry: its format, name, code and seal.
_HEADER_BYTES = 1024
_READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_NOFOLLOW", 0)  # a link is refused, not followed (to /dev/zero, say)
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO is opened without waiting for a writer
    | getattr(os, "O_CLOEXEC", 0)
)
_CREATE_FLAGS = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
# Open files relative to the folder once it is checked, so that it cannot be swapped after.
_AT = os.open in os.supports_dir_fd and os.replace in os.supports_dir_fd


def distrust() -> tuple[str, dict[str, str]] | None:
    """Why the cache folder is not used (a message key and its values), or None when it is
    used, does not exist yet, or caching is off.

    The folder must be a folder of this user that no one else may write in: anyone who
    may write there could plant entries. Its secret, if there, must be this user's alone.
    """
    place = folder()
    if place is None:
        return None
    try:
        with _held(place) as (held, refused):
            if refused is None and held.read_secret() == "unsound":
                return ("cache.reason.secret", {"name": _SECRET})
            return refused
    except FileNotFoundError:
        return None
    except OSError:
        return ("cache.reason.not-folder", {})


def _refused(info: os.stat_result) -> tuple[str, dict[str, str]] | None:
    if not stat.S_ISDIR(info.st_mode):
        return ("cache.reason.not-folder", {})
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        return ("cache.reason.owner", {"owner": str(info.st_uid)})
    if os.name == "posix" and info.st_mode & 0o022:
        return ("cache.reason.writable", {"mode": f"{stat.S_IMODE(info.st_mode):o}"})
    return None


def _ours(info: os.stat_result) -> bool:
    return not hasattr(os, "geteuid") or info.st_uid == os.geteuid()


@dataclass(frozen=True, slots=True)
class _Place:
    """The cache folder, checked and held open (``handle``) where the system allows."""

    path: Path
    handle: int | None

    def open(self, name: str, flags: int) -> int:
        if self.handle is not None:
            return os.open(name, flags, 0o600, dir_fd=self.handle)
        return os.open(self.path / name, flags, 0o600)

    def read(self, name: str, limit: int) -> bytes | None:
        """The content of ``name``: a regular file of this user of at most ``limit`` bytes."""
        try:
            handle = self.open(name, _READ_FLAGS)
        except OSError:  # missing, a link (ELOOP), not readable
            return None
        try:
            info = os.fstat(handle)
            if not stat.S_ISREG(info.st_mode) or info.st_size > limit or not _ours(info):
                return None
            chunks: list[bytes] = []
            left = limit + 1
            while left > 0 and (chunk := os.read(handle, min(left, 2**20))):
                chunks.append(chunk)
                left -= len(chunk)
        except OSError:
            return None
        finally:
            os.close(handle)
        content = b"".join(chunks)
        return content if len(content) <= limit else None

    def write(self, name: str, content: bytes) -> None:
        """Replace ``name`` (a link is replaced, not followed) by a file with ``content``.

        No fsync: a torn entry fails its seal and is not used.
        """
        temporary = f".{name}.{secrets.token_hex(6)}.tmp"
        handle = self.open(temporary, _CREATE_FLAGS)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(content)
            self.replace(temporary, name)
        except BaseException:
            with contextlib.suppress(OSError):
                self.unlink(temporary)
            raise

    def replace(self, source: str, target: str) -> None:
        if self.handle is not None:
            os.replace(source, target, src_dir_fd=self.handle, dst_dir_fd=self.handle)
        else:
            (self.path / source).replace(self.path / target)

    def unlink(self, name: str) -> None:
        if self.handle is not None:
            os.unlink(name, dir_fd=self.handle)
        else:
            (self.path / name).unlink()

    def touch(self, name: str) -> None:
        with contextlib.suppress(OSError):
            handle = self.open(name, _READ_FLAGS)
            try:
                os.utime(handle if os.utime in os.supports_fd else self.path / name)
            finally:
                os.close(handle)

    def read_secret(self) -> bytes | str | None:
        """The secret; None when there is none, "unsound" when the file is not this user's
        alone (then nothing in the folder is trusted)."""
        try:
            handle = self.open(_SECRET, _READ_FLAGS)
        except FileNotFoundError:
            return None
        except OSError:
            return "unsound"
        try:
            info = os.fstat(handle)
            private = os.name != "posix" or stat.S_IMODE(info.st_mode) & 0o077 == 0
            if not (stat.S_ISREG(info.st_mode) and _ours(info) and private):
                return "unsound"
            content = os.read(handle, _SECRET_BYTES + 1)
        except OSError:
            return "unsound"
        finally:
            os.close(handle)
        # Being made by another run (created, not yet written): not now, no harm.
        return content if len(content) == _SECRET_BYTES else None

    def secret(self, create: bool) -> bytes | None:
        """The folder's secret, made on the first write; None when there is none (yet)."""
        found = self.read_secret()
        if found is None and create:
            # Made whole under a temporary name, then linked: a second run at once keeps
            # the first one's secret, and no run reads half a secret.
            temporary = f".{_SECRET}.{secrets.token_hex(6)}.tmp"
            handle = self.open(temporary, _CREATE_FLAGS)
            try:
                with os.fdopen(handle, "wb") as stream:
                    stream.write(secrets.token_bytes(_SECRET_BYTES))
                self.link(temporary, _SECRET)
            finally:
                with contextlib.suppress(OSError):
                    self.unlink(temporary)
            found = self.read_secret()
        return found if isinstance(found, bytes) else None

    def link(self, source: str, target: str) -> None:
        try:
            if self.handle is not None:
                os.link(source, target, src_dir_fd=self.handle, dst_dir_fd=self.handle)
            else:
                os.link(self.path / source, self.path / target)
        except FileExistsError:
            pass  # another run made it first: that one counts
        except OSError:  # no hard links here (some network file systems): a rename will do
            self.replace(source, target)


@contextlib.contextmanager
def _opened(create: bool) -> Iterator[_Place | None]:
    """The cache folder, checked and held; None when caching is off, the folder is not to
    be trusted (see ``distrust``), or it is missing and not ``create``."""
    place = folder()
    with contextlib.ExitStack() as stack:
        held: _Place | None = None
        try:
            if place is not None and create:
                # Private from the start: only its owner may read what was checked.
                place.mkdir(mode=0o700, parents=True, exist_ok=True)
            if place is not None:
                held, refused = stack.enter_context(_held(place))
                held = held if refused is None else None
        except OSError:
            held = None
        yield held


@contextlib.contextmanager
def _held(place: Path) -> Iterator[tuple[_Place, tuple[str, dict[str, str]] | None]]:
    """The folder, held open where the system allows so that it cannot be swapped once
    checked, and why it is not to be trusted (None when it is); OSError when it cannot
    be opened."""
    if not _AT:  # Windows: no handles on folders, so by name
        yield _Place(place, None), _refused(place.stat())
        return
    handle = os.open(place, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        yield _Place(place, handle), _refused(os.fstat(handle))
    finally:
        os.close(handle)


# The cache is kept under this size; a prune leaves three quarters of it.
LIMIT_BYTES = 256 * 2**20
# Names of the entries this module writes, and of the temporary files of a write that
# was killed half-way; nothing else in the folder is ever removed.
_ENTRY = re.compile(r"(check|blob)-[0-9a-f]+(-[a-z]+)*\.json")
_LEFT_OVER = re.compile(r"\.(check|blob|files|secret)[-.].*\.tmp")
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
