"""prestatie log: the history of one agreement across commits."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from prestatie_cli.commands.settings import settings_for
from prestatie_cli.messages import Language, text
from prestatie_cli.model.agreements import Agreement, Amendment
from prestatie_cli.reporting.diff_formats import field_line
from prestatie_cli.versions.diff import FieldChange, field_changes
from prestatie_cli.versions.git import Commit, HistoryError, Repository
from prestatie_cli.versions.snapshots import BlobCache, Snapshot, at_tree, in_worktree


@dataclass(frozen=True, slots=True)
class Entry:
    """One commit that changed the agreement."""

    commit: Commit
    event: str  # created, changed, removed
    fields: tuple[FieldChange, ...]
    amendments: tuple[Amendment, ...]


def _find(
    snapshot: Snapshot, agreement_id: str, set_id: str | None
) -> tuple[str, Agreement] | None:
    found = [
        (key, agreement)
        for key, (_, agreements) in snapshot.sets.items()
        if set_id is None or key == set_id
        for agreement in agreements.agreements
        if agreement.id == agreement_id
    ]
    names = list(dict.fromkeys(key for key, _ in found))
    if len(names) > 1:
        raise HistoryError(
            key="history.ambiguous", id=agreement_id, sets=", ".join(names), commit=snapshot.label
        )
    if len(found) > 1:
        raise HistoryError(
            key="history.id-twice", id=agreement_id, set=names[0], commit=snapshot.label
        )
    return found[0] if found else None


_UNKNOWN = "unknown"


def history(
    repository: Repository, agreement_id: str, paths: list[str], set_id: str | None
) -> list[Entry]:
    """Every commit (merges left out) that created, changed or removed the agreement, oldest first.

    A commit in which the set's file could not be read says nothing about the agreement:
    it is compared as if the agreement were as in the commit before.
    """
    cache = BlobCache()
    states: dict[str, Agreement | str | None] = {}

    def state(sha: str) -> Agreement | str | None:
        if sha not in states:
            snapshot = at_tree(repository, sha, paths, cache)
            found = _find(snapshot, agreement_id, set_id)
            states[sha] = found[1] if found else (_UNKNOWN if snapshot.unreadable else None)
        return states[sha]

    entries = []
    last_known: Agreement | None = None
    for commit in repository.commits(paths):
        if len(commit.parents) > 1:
            continue
        after = state(commit.sha)
        before = state(commit.parents[0]) if commit.parents else None
        if before == _UNKNOWN:
            before = last_known
        if after == _UNKNOWN:
            continue
        assert not isinstance(before, str) and not isinstance(after, str)
        last_known = after
        if before is None and after is None:
            continue
        if before is None:
            assert after is not None
            entries.append(Entry(commit, "created", (), tuple(after.amendments)))
        elif after is None:
            entries.append(Entry(commit, "removed", (), ()))
        else:
            changes = field_changes(before, after)
            if changes:
                added = tuple(a for a in after.amendments if a not in before.amendments)
                entries.append(Entry(commit, "changed", changes, added))
    return entries


def _amendment(amendment: Amendment, lang: Language) -> str:
    return text(
        "log.amendment",
        lang,
        {
            "date": amendment.date.isoformat(),
            "reason": " ".join(amendment.reason.split()),
            "agreed_by": ", ".join(amendment.agreed_by),
        },
    )


def render(entries: list[Entry], agreement_id: str, output_format: str, lang: Language) -> str:
    newest_first = list(reversed(entries))
    if output_format == "json":
        document: dict[str, Any] = {
            "version": 1,
            "agreement": agreement_id,
            "commits": [
                {
                    "commit": entry.commit.sha,
                    "date": entry.commit.date.isoformat(),
                    "author": entry.commit.author,
                    "message": entry.commit.subject,
                    "event": entry.event,
                    "changes": [asdict(change) for change in entry.fields],
                    "amendments": [a.model_dump(mode="json") for a in entry.amendments],
                }
                for entry in newest_first
            ],
        }
        return json.dumps(document, indent=2, ensure_ascii=False, default=str) + "\n"
    markdown = output_format == "md"
    lines = [text("log.heading", lang, {"id": agreement_id, "count": str(len(entries))})]
    if markdown:
        lines = [f"### {lines[0]}", ""]
    for entry in newest_first:
        commit = entry.commit
        head = f"{commit.short} {commit.date.date().isoformat()} {commit.author}: {commit.subject}"
        lines.append(f"- **{head}**" if markdown else head)
        prefix = "  - " if markdown else "    "
        if entry.event != "changed":
            lines.append(prefix + text(f"log.{entry.event}", lang))
        lines += [prefix + field_line(change, lang, markdown) for change in entry.fields]
        lines += [prefix + _amendment(amendment, lang) for amendment in entry.amendments]
    return "\n".join(lines) + "\n"


def _set_of(files: Sequence[Path], agreement_id: str, lang: Language) -> str | None:
    """The id of the set among ``files`` (as they are now) that holds the agreement."""
    snapshot = in_worktree(files, date.today(), text("ui.worktree", lang), lang)
    found = _find(snapshot, agreement_id, None)
    return found[0] if found else None


def run(
    agreement_id: str,
    paths: Sequence[Path],
    *,
    set_id: str | None,
    output_format: str,
    lang: Language | None,
    config: Path | None,
    out: TextIO,
    err: TextIO,
) -> int:
    settings, chosen = settings_for(config, lang, err)
    if settings is None:
        return 2
    with Repository.find(paths[0] if paths else Path.cwd()) as repository:
        files = [path for path in paths if path.is_file()]
        if files and set_id is None and len(files) == len(paths):
            # A set file may have had other names: follow its set id through the whole
            # repository instead of the file name.
            set_id = _set_of(files, agreement_id, chosen)
            relative: list[str] = []
        else:
            relative = [repository.relative(path) for path in paths]
        entries = history(repository, agreement_id, relative, set_id)
    if not entries:
        shown = ", ".join(str(path) for path in paths) or str(repository.root)
        err.write(text("log.none", chosen, {"id": agreement_id, "paths": shown}) + "\n")
        return 1
    out.write(render(entries, agreement_id, output_format, chosen))
    return 0
