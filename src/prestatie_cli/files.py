"""Writing files: atomically, so that a reader never sees half a file, and only where
a file may be replaced.

Every writer of prestatie goes through ``write_atomic`` or ``write_atomic_with``,
which first ask ``destination`` where the write lands and whether it may:

- only a regular file is replaced, or a new one made: a directory, a device, a
  FIFO or a socket is refused (renaming over ``/dev/null`` would replace it);
- a symbolic link stays a link: its target is replaced, with the temporary file
  in the target's folder; a link that leads to no file is refused;
- a file the user could not write in place (no write permission, or no write
  bit at all: made read-only on purpose) is refused, although POSIX would let
  a rename replace it;
- a missing folder is made only when the caller asks for it.

The new file keeps the old one's permissions and, where the system allows it,
its owner and group. A caller naming an output also passes its inputs, so that
an output never replaces a file the same run reads.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from prestatie_cli.errors import PrestatieError

BOM = b"\xef\xbb\xbf"


class WriteRefused(PrestatieError):
    """A file that prestatie will not replace or create; nothing was written (exit 2)."""


def destination(path: Path, *, parents: bool = False, inputs: Iterable[Path] = ()) -> Path:
    """Where a write to ``path`` lands: ``path``, or the file a symbolic link leads to.

    Refuses (``WriteRefused``) a directory, a device, a FIFO, a socket, a link that
    leads to no file, a file the user could not write in place, a file among
    ``inputs``, and, unless ``parents``, a missing folder.
    """
    target = path
    if path.is_symlink():
        try:
            target = Path(os.path.realpath(path, strict=True))
        except OSError:  # missing target, or a loop of links
            raise WriteRefused(key="write.broken-link", path=str(path)) from None
    try:
        info = target.stat()
    except FileNotFoundError:
        folder = target.parent
        if not parents and not folder.is_dir():
            raise WriteRefused(key="write.no-folder", path=str(path), folder=str(folder)) from None
        return target
    if stat.S_ISDIR(info.st_mode):
        raise WriteRefused(key="write.directory", path=str(path))
    if not stat.S_ISREG(info.st_mode):
        raise WriteRefused(key="write.special", path=str(path))
    for given in inputs:
        with contextlib.suppress(OSError):
            if os.path.samestat(info, given.stat()):
                # Through a link, or by another name: say which input it is.
                same = path.absolute() == given.absolute()
                shown = str(path) if same else f"{path} → {given}"
                raise WriteRefused(key="write.input", path=shown)
    if not _writable_in_place(target, info):
        raise WriteRefused(key="write.read-only", path=str(path))
    return target


def _writable_in_place(path: Path, info: os.stat_result) -> bool:
    """Whether the user could open ``path`` for writing: a rename needs only the folder's
    permission, so it is asked of the file itself. A file without any write bit was made
    read-only on purpose and counts as such for root too, who may write anything."""
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        return False
    effective = os.access in os.supports_effective_ids
    return os.access(path, os.W_OK, effective_ids=effective)


def starts_with_bom(path: Path) -> bool:
    """Whether the file at ``path`` begins with a UTF-8 byte-order mark (False if unreadable)."""
    if not path.is_file():  # a FIFO would block the read
        return False
    try:
        with path.open("rb") as stream:
            return stream.read(len(BOM)) == BOM
    except OSError:
        return False


def write_atomic(path: Path, content: str, *, bom: bool = False, parents: bool = False) -> None:
    """Replace ``path`` with ``content`` (after a byte-order mark if ``bom``): a temporary
    file in the same folder, fsync, rename; see ``destination`` for what is refused."""

    def write(temporary: Path) -> None:
        with temporary.open("wb") as stream:
            stream.write((BOM if bom else b"") + content.encode("utf-8"))

    write_atomic_with(path, write, parents=parents)


def write_atomic_with(path: Path, write: Callable[[Path], None], *, parents: bool = False) -> None:
    """Replace ``path`` with what ``write`` puts in a temporary file beside it (for binary
    formats); missing folders are made only if ``parents``."""
    target = destination(path, parents=parents)
    if parents:
        target.parent.mkdir(parents=True, exist_ok=True)
    try:
        before: os.stat_result | None = target.stat()
    except FileNotFoundError:
        before = None
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        with temporary.open("rb") as stream:
            os.fsync(stream.fileno())
        if before is not None:
            _keep_owner(temporary, before)
        temporary.chmod(stat.S_IMODE(before.st_mode) if before is not None else 0o644)
        replace_retrying(temporary, target)
    except BaseException as error:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        if isinstance(error, OSError) and error.filename is None:
            # A full disk or a failing fsync names no file; the user needs to know which.
            raise OSError(error.errno, error.strerror, str(path)) from error
        raise


def _keep_owner(temporary: Path, before: os.stat_result) -> None:
    """Give the new file the old one's owner and group where the system allows it.

    Root may; another user may keep only a group of their own: the file then becomes
    theirs, as a rename always makes it (POSIX), with the old permissions.
    """
    if not hasattr(os, "chown"):  # pragma: no cover - not POSIX
        return
    mine = temporary.stat()
    if (mine.st_uid, mine.st_gid) == (before.st_uid, before.st_gid):
        return
    for uid in (before.st_uid, -1):
        with contextlib.suppress(PermissionError):
            os.chown(temporary, uid, before.st_gid)
            return


# The name of the lock file a writer holds in the folder it writes in (removed on release).
LOCK_NAME = ".prestatie.lock"
# How long a writer waits for another writer before it gives up, in seconds.
LOCK_WAIT = 30.0
# A file another program holds open (a spreadsheet, a virus scanner, a sync client) cannot
# be replaced on Windows for a moment: the rename is tried again after these pauses.
RETRY_PAUSES = (0.05, 0.1, 0.2, 0.4, 0.8)


class LockBusy(PrestatieError):
    """Another writer kept the folder locked for longer than a writer waits (exit 2)."""


@contextlib.contextmanager
def locked(folder: Path, wait: float = LOCK_WAIT) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` so that two writers take turns.

    The lock is a file in the folder, not the file written, because that file is
    replaced by a rename while the lock is held. It works on Windows as on POSIX
    (filelock); the lock file is removed when the writer is done. A writer
    that waits longer than ``wait`` seconds is refused (``LockBusy``).
    """
    from filelock import FileLock, Timeout  # only writers need it

    lock = FileLock(folder / LOCK_NAME, timeout=wait, thread_local=False)
    try:
        lock.acquire()
    except Timeout:
        raise LockBusy(key="write.locked", path=str(folder / LOCK_NAME)) from None
    try:
        yield
    finally:
        if os.name != "nt":
            # Removed while still held, so that no lock file stays behind in the user's
            # folder: a writer waiting on the removed file sees that and takes a new one.
            # (On Windows the release removes it.)
            with contextlib.suppress(OSError):
                (folder / LOCK_NAME).unlink()
        lock.release()


def replace_retrying(source: Path, target: Path, pauses: Iterable[float] = RETRY_PAUSES) -> None:
    """Rename ``source`` over ``target``, again after a short pause while another program
    briefly holds ``target`` open (Windows refuses the rename then); the last refusal is
    raised."""
    for pause in (*pauses, None):
        try:
            source.replace(target)
            return
        except PermissionError:
            if pause is None:
                raise
            time.sleep(pause)
