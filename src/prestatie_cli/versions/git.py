"""The one place that runs git.

git is run with argument lists, never through a shell. Every revision a user
types is verified with ``git rev-parse --verify --end-of-options`` before use,
so that nothing typed is read as an option; paths are passed after ``--`` or
on standard input. File contents are read through one ``git cat-file --batch``
process per repository and kept by blob id, so that a blob seen in many
commits is read (and parsed, by callers that cache on the id) once.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath

from prestatie_cli.errors import PrestatieError

_TIMEOUT = 60
# Unit and record separators: cannot appear in commit metadata that git prints.
_FIELD = "\x1f"
_RECORD = "\x1e"


class HistoryError(PrestatieError):
    """git could not answer: not a repository, unknown revision, missing history."""


@dataclass(frozen=True, slots=True)
class Commit:
    """One commit: its id, author date, author, first line of the message and parents."""

    sha: str
    date: datetime
    author: str
    subject: str
    parents: tuple[str, ...] = ()

    @property
    def short(self) -> str:
        return self.sha[:10]


@dataclass(frozen=True, slots=True)
class TreeFile:
    """A file as stored in one commit."""

    path: str
    blob: str


def _environment() -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("GIT_") or key in ("GIT_CONFIG_NOSYSTEM",)
    }
    # Paths are literal: no pathspec magic such as ':(exclude)' from a user's file name.
    env.update(
        {
            "LC_ALL": "C",
            "GIT_TERMINAL_PROMPT": "0",
            "GIT_OPTIONAL_LOCKS": "0",
            "GIT_LITERAL_PATHSPECS": "1",
        }
    )
    return env


def _run_git(
    args: list[str], cwd: Path, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    """git with an argument list (never a shell), its own clean environment and a time limit."""
    return subprocess.run(
        ["git", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env=_environment(),
        timeout=_TIMEOUT,
        check=False,
    )


@dataclass
class Repository:
    """A git work tree, found from any path inside it."""

    root: Path
    _blobs: dict[str, bytes] = field(default_factory=dict)
    _reader: subprocess.Popen[bytes] | None = None

    @classmethod
    def find(cls, start: Path) -> Repository:
        """The repository that contains ``start``."""
        if shutil.which("git") is None:
            raise HistoryError(key="history.no-git")
        folder = start if start.is_dir() else start.parent
        if not folder.exists():
            raise HistoryError(key="history.no-path", path=str(start))
        done = _run_git(["rev-parse", "--show-toplevel"], folder)
        if done.returncode != 0:
            raise HistoryError(key="history.not-a-repository", path=str(folder))
        return cls(Path(done.stdout.decode("utf-8", "replace").strip()))

    def git(self, *args: str, stdin: bytes | None = None) -> bytes:
        """Run git in the repository; raise HistoryError with git's own words on failure."""
        done = _run_git(list(args), self.root, stdin)
        if done.returncode != 0:
            message = done.stderr.decode("utf-8", "replace").strip().splitlines()
            detail = message[-1] if message else str(done.returncode)
            raise HistoryError(key="history.git-failed", command=args[0], detail=detail)
        return done.stdout

    def is_shallow(self) -> bool:
        return self.git("rev-parse", "--is-shallow-repository").strip() == b"true"

    def verify(self, revision: str) -> str:
        """The commit id of ``revision``; nothing typed can act as an option."""
        done = _run_git(
            ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"],
            self.root,
        )
        if done.returncode == 0:
            return done.stdout.decode().strip()
        if self.is_shallow():
            raise HistoryError(key="history.shallow", revision=revision)
        raise HistoryError(key="history.unknown-revision", revision=revision, root=str(self.root))

    def relative(self, path: Path) -> str:
        """``path`` relative to the repository root, in git's notation."""
        resolved = path.resolve()
        try:
            return PurePosixPath(resolved.relative_to(self.root.resolve())).as_posix()
        except ValueError:
            raise HistoryError(key="history.outside", path=str(path), root=str(self.root)) from None

    def files(self, commit: str, paths: list[str]) -> list[TreeFile]:
        """The YAML files under ``paths`` (relative to the root) in ``commit``."""
        out = self.git("ls-tree", "-r", "-z", "--full-tree", commit, "--", *paths)
        found = []
        for entry in out.split(b"\0"):
            if not entry:
                continue
            meta, _, name = entry.partition(b"\t")
            kind, blob = meta.split()[1:3]
            path = name.decode("utf-8", "surrogateescape")
            if kind == b"blob" and path.endswith((".yaml", ".yml")) and not _hidden(path, paths):
                found.append(TreeFile(path, blob.decode()))
        return found

    def blob(self, blob: str, limit: int | None = None) -> bytes | None:
        """The content of a blob, read once through a long-lived ``git cat-file --batch``;
        None for a blob of more than ``limit`` bytes, which is passed over unread."""
        cached = self._blobs.get(blob)
        if cached is not None:
            return cached
        reader = self._batch()
        assert reader.stdin is not None and reader.stdout is not None
        reader.stdin.write(blob.encode() + b"\n")
        reader.stdin.flush()
        header = reader.stdout.readline().split()
        if len(header) != 3:
            raise HistoryError(key="history.unreadable-object", blob=blob)
        size = int(header[2])
        if limit is not None and size > limit:
            # A file far larger than any set (a data dump committed by mistake): let it
            # flow past in pieces rather than hold it in memory.
            for _ in range(size // _CHUNK):
                reader.stdout.read(_CHUNK)
            reader.stdout.read(size % _CHUNK + 1)  # the rest, and the newline after it
            return None
        content = reader.stdout.read(size)
        reader.stdout.read(1)  # the newline after each object
        self._blobs[blob] = content
        return content

    def _batch(self) -> subprocess.Popen[bytes]:
        if self._reader is None or self._reader.poll() is not None:
            self._reader = subprocess.Popen(
                ["git", "cat-file", "--batch"],
                cwd=self.root,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env=_environment(),
            )
        return self._reader

    def close(self) -> None:
        if self._reader is not None:
            if self._reader.stdin is not None:
                self._reader.stdin.close()
            self._reader.wait(timeout=_TIMEOUT)
            if self._reader.stdout is not None:
                self._reader.stdout.close()
            self._reader = None

    def __enter__(self) -> Repository:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def commits(self, paths: list[str], until: str = "HEAD") -> list[Commit]:
        """Commits that touched ``paths``, oldest first (merges included)."""
        head = self.verify(until)
        out = self.git(
            "log", f"--format={_RECORD}{_FORMAT}", "--reverse", "--topo-order", head, "--", *paths
        ).decode("utf-8", "replace")
        return [_commit(record) for record in out.split(_RECORD) if record.strip("\n")]

    def commit(self, revision: str) -> Commit:
        """The commit a (verified) revision names."""
        sha = self.verify(revision)
        out = self.git("show", "-s", f"--format={_FORMAT}", sha, "--")
        return _commit(out.decode("utf-8", "replace"))


# Bytes read at a time from a blob that is passed over.
_CHUNK = 1 << 20


def _hidden(path: str, asked: list[str]) -> bool:
    """Hidden below what was asked for (as the working tree's file search skips it)."""
    prefix = next((p for p in asked if path == p or path.startswith(p.rstrip("/") + "/")), "")
    below = path[len(prefix) :].lstrip("/") if prefix else path
    return any(part.startswith(".") for part in PurePosixPath(below).parts)


_FORMAT = f"%H{_FIELD}%aI{_FIELD}%an{_FIELD}%P{_FIELD}%s"


def _commit(record: str) -> Commit:
    sha, when, author, parents, subject = record.strip("\n").split(_FIELD, 4)
    return Commit(sha, datetime.fromisoformat(when), author, subject, tuple(parents.split()))
