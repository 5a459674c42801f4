"""The files an editor works on: open buffers over the files on disk, grouped in runs.

A run is what ``prestatie check`` reads when it is started in a repository without
paths: every YAML file below the repository's root (the folder of prestatie.yaml, else
of ``.git``; else the editor's workspace folder, else the file's own folder), named
relative to that root. A file's diagnostics are the ones that check gives for it, with
the text of an open buffer in place of the file on disk.

Each file is parsed once per text; what the others are (a set and its id, a monitor and
the set it names) is read ahead from their top lines until they are parsed, as the
runner does.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from prestatie_cli.check.judge import FileKind, RunFacts, kind_of
from prestatie_cli.check.runner import Forecast, forecast
from prestatie_cli.load.corpus import Loaded
from prestatie_cli.load.discover import discover, read_below, repository_root
from prestatie_cli.load.parse import Parsed, parse, parse_file
from prestatie_cli.load.yaml import Document
from prestatie_cli.messages import Language
from prestatie_cli.model.agreements import AgreementSet, Monitor
from prestatie_cli.rules import REGISTRY


@dataclass(slots=True)
class FileState:
    """One file of a run as last read: from a buffer (its text) or from disk (its stamp)."""

    stamp: tuple[object, ...]
    parsed: Parsed
    lang: Language
    # The last text of this file that was YAML, for completion while a line is half typed.
    document: Document | None = None

    @property
    def loaded(self) -> Loaded | None:
        """The file as the runner loads it (``load_one``): None when it is no readable YAML."""
        document = self.parsed.document
        if document is None:
            return None
        model = self.parsed.model
        kept = model if isinstance(model, AgreementSet | Monitor) else None
        return Loaded(document.path, kept, document)

    def what(self) -> tuple[FileKind, str]:
        loaded = self.loaded
        return ("other", "") if loaded is None else kind_of(loaded)


def stamp_of(path: Path) -> tuple[object, ...]:
    """What a file on disk is now, to tell whether it changed: its time and size."""
    try:
        info = path.stat()
    except OSError:
        return ("missing",)
    return ("disk", info.st_mtime_ns, info.st_size)


@dataclass(slots=True)
class Run:
    """The files below one root, in the order check reads them, and what each is."""

    root: Path
    # The language problems are worded in (the checker sets it from the settings).
    lang: Language = "nl"
    names: list[str] = field(default_factory=list)
    states: dict[str, FileState] = field(default_factory=dict)
    forecasts: dict[str, tuple[tuple[object, ...], Forecast]] = field(default_factory=dict)

    def name_of(self, path: Path) -> str:
        return Path(os.path.relpath(path, self.root)).as_posix()

    def path_of(self, name: str) -> Path:
        return self.root / name

    def reads(self, path: Path) -> bool:
        """Whether check reads ``path`` in this run (as discover finds the files)."""
        return read_below(self.root, path)

    def rediscover(self, buffers: dict[Path, str]) -> None:
        """List the files again (a file may have been added or removed on disk)."""
        found = {self.name_of(path): path for path in discover([self.root])}
        for path in buffers:
            if self.reads(path):
                found.setdefault(self.name_of(path), path)
        # In the order of check: sorted as paths, part by part.
        self.names = [name for _, name in sorted((Path(name), name) for name in found)]

    def state(self, name: str, buffers: dict[Path, str], lang: Language) -> FileState:
        """The file parsed from its buffer, else from disk; parsed again only when changed."""
        path = self.path_of(name)
        text = buffers.get(path)
        stamp: tuple[object, ...] = ("buffer", text) if text is not None else stamp_of(path)
        kept = self.states.get(name)
        if kept is not None and kept.stamp == stamp and kept.lang == lang:
            return kept
        codes = REGISTRY.keys()
        if text is not None:
            parsed = parse(text, name, lang, rule_codes=codes)
        else:
            parsed = parse_file(path, lang, name, rule_codes=codes)
        earlier = kept.document if kept is not None else None
        kept = FileState(stamp, parsed, lang, parsed.document or earlier)
        self.states[name] = kept
        return kept

    def what(self, name: str, buffers: dict[Path, str]) -> tuple[FileKind, str]:
        """What a file is: from its parse when it was parsed (and is unchanged), else foreseen."""
        path = self.path_of(name)
        kept = self.states.get(name)
        if kept is not None:
            text = buffers.get(path)
            if text is not None and kept.stamp == ("buffer", text):
                return kept.what()
            if text is None and kept.stamp[0] != "buffer":
                return kept.what()
        if path in buffers:
            return self.state(name, buffers, self.lang).what()  # never read ahead from disk
        stamp = stamp_of(path)
        seen = self.forecasts.get(name)
        if seen is None or seen[0] != stamp:
            seen = (stamp, forecast(path))
            self.forecasts[name] = seen
        return seen[1].kind, seen[1].ident

    def facts(self, buffers: dict[Path, str]) -> RunFacts:
        """What the files of the run are, as the rules of each file see the others."""
        return RunFacts.of_files([(name, *self.what(name, buffers)) for name in self.names])


@dataclass(slots=True)
class Workspace:
    """The open buffers (by absolute path) and the runs they belong to (by root)."""

    folders: list[Path] = field(default_factory=list)
    buffers: dict[Path, str] = field(default_factory=dict)
    runs: dict[Path, Run] = field(default_factory=dict)

    def root_of(self, path: Path) -> Path:
        """Where check would start for ``path``: its repository, else its workspace folder,
        else its own folder."""
        found = repository_root(path.parent)
        if found is not None:
            return found
        for folder in sorted(self.folders, key=lambda item: len(item.parts), reverse=True):
            if path.is_relative_to(folder):
                return folder
        return path.parent

    def run_of(self, path: Path) -> Run:
        root = self.root_of(path)
        run = self.runs.get(root)
        if run is None:
            run = Run(root)
            run.rediscover(self.buffers)
            self.runs[root] = run
        elif run.name_of(path) not in run.names and run.reads(path):
            run.rediscover(self.buffers)
        return run
