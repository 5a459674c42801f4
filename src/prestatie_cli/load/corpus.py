"""The files of one run: found, loaded and validated once, shared by every command."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path

from prestatie_cli.load.discover import discover
from prestatie_cli.load.parse import parse_file
from prestatie_cli.load.yaml import Document
from prestatie_cli.messages import Language
from prestatie_cli.model.agreements import AgreementSet, Measurement, Monitor
from prestatie_cli.model.problems import Problem


@dataclass(frozen=True, slots=True)
class Loaded:
    """One readable file; ``model`` is None when its shape is wrong or it is a configuration.

    ``document`` (the data and source map) is kept only where rules still need
    positions in it: the file-by-file engine hands on models alone.
    """

    path: str
    model: AgreementSet | Monitor | None
    document: Document | None = None


@dataclass(frozen=True, slots=True)
class Corpus:
    """Every file of a run and the problems that kept some of them from loading."""

    files: int
    loaded: tuple[Loaded, ...]
    problems: tuple[Problem, ...]
    sets: dict[str, AgreementSet] = field(default_factory=dict)
    set_paths: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, files: int, loaded: Sequence[Loaded], problems: Sequence[Problem]) -> Corpus:
        """A corpus of ``loaded`` files in file order; the first file declaring a set id wins."""
        set_paths: dict[str, list[str]] = defaultdict(list)
        sets: dict[str, AgreementSet] = {}
        for item in loaded:
            if isinstance(item.model, AgreementSet):
                set_paths[item.model.id].append(item.path)
                sets.setdefault(item.model.id, item.model)
        return cls(files, tuple(loaded), tuple(problems), sets, dict(set_paths))

    def measurements(self, set_id: str) -> dict[str, list[Measurement]]:
        """The measurements of every monitor of a set, per agreement id, in file order."""
        grouped: dict[str, list[Measurement]] = defaultdict(list)
        for item in self.loaded:
            if isinstance(item.model, Monitor) and item.model.set == set_id:
                for measurement in item.model.measurements:
                    grouped[measurement.agreement].append(measurement)
        return grouped


OnFile = Callable[[int, int], None]


def load_corpus(
    paths: Sequence[Path],
    lang: Language,
    on_file: OnFile | None = None,
    *,
    rule_codes: AbstractSet[str] | None = None,
) -> Corpus:
    """Find, read and validate every file below ``paths``.

    ``on_file(done, total)`` is called after each file, for a progress bar;
    ``rule_codes`` are the codes a configuration among them may name (see ``validate``).
    """
    return load_files(discover(paths), lang, on_file, rule_codes=rule_codes)


def load_files(
    files: Sequence[Path],
    lang: Language,
    on_file: OnFile | None = None,
    *,
    rule_codes: AbstractSet[str] | None = None,
) -> Corpus:
    """Read and validate ``files``, keeping each file's document."""
    problems: list[Problem] = []
    loaded: list[Loaded] = []
    for done, path in enumerate(files, start=1):
        if on_file is not None:
            on_file(done, len(files))
        found, item = load_one(path, lang, rule_codes=rule_codes)
        problems.extend(found)
        if item is not None:
            loaded.append(item)
    return Corpus.of(len(files), loaded, problems)


def load_one(
    path: Path, lang: Language, *, rule_codes: AbstractSet[str] | None = None
) -> tuple[list[Problem], Loaded | None]:
    """One file read and validated: the problems that keep it from loading, and the file
    when it is readable (configuration files are checked for their shape only, and for
    naming none but ``rule_codes``)."""
    parsed = parse_file(path, lang, rule_codes=rule_codes)
    if parsed.document is None:
        return list(parsed.problems), None
    model = parsed.model
    kept = model if isinstance(model, AgreementSet | Monitor) else None
    return list(parsed.problems), Loaded(parsed.document.path, kept, parsed.document)
