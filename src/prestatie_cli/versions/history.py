"""The history of one agreement: every commit that created, changed, withdrew or removed it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from prestatie_cli.messages import Language, text
from prestatie_cli.model.agreements import Agreement, Amendment, SetAmendment
from prestatie_cli.model.structure import withdrawals
from prestatie_cli.versions.diff import FieldChange, field_changes, renames
from prestatie_cli.versions.git import Commit, HistoryError, Repository
from prestatie_cli.versions.snapshots import BlobCache, Snapshot, at_tree, in_worktree


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One commit that changed the agreement: what happened, which fields, which amendments."""

    commit: Commit
    # created, changed, renamed (came in under this id), renamed_away (went on under
    # another id), withdrawn, removed
    event: str
    fields: tuple[FieldChange, ...]
    amendments: tuple[Amendment, ...]
    # Of a withdrawal: the set amendment that withdrew the agreement (also of an agreement
    # created withdrawn, the amendment already in its first version).
    withdrawal: SetAmendment | None = None
    # Of a rename: the id before and after.
    renamed_from: str | None = None
    renamed_to: str | None = None


@dataclass(frozen=True, slots=True)
class AgreementHistory:
    """The history of an agreement, oldest first, and the repository it was read from."""

    agreement: str
    entries: tuple[HistoryEntry, ...]
    root: Path


def find_agreement(
    snapshot: Snapshot, agreement_id: str, set_id: str | None
) -> tuple[str, Agreement] | None:
    """The set id and the agreement ``agreement_id`` in ``snapshot`` (in set ``set_id``)."""
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


def _withdrawal(snapshot: Snapshot, agreement_id: str, set_id: str | None) -> SetAmendment | None:
    """The set amendment in ``snapshot`` that withdraws the agreement, if any."""
    for key, (_, agreements) in snapshot.sets.items():
        if set_id is None or key == set_id:
            found = withdrawals(agreements).get(agreement_id)
            if found is not None:
                return found
    return None


def _renamed(
    before: Snapshot, after: Snapshot, set_id: str, gone: str | None, new: str | None
) -> tuple[Agreement, Agreement] | None:
    """The pair (old, new) in set ``set_id`` renamed from ``before`` to ``after`` in which
    the id ``gone`` went or ``new`` came, as ``prestatie diff`` pairs them."""
    if set_id not in before.sets or set_id not in after.sets:
        return None
    old, now = before.sets[set_id][1], after.sets[set_id][1]
    old_ids = {agreement.id for agreement in old.agreements}
    new_ids = {agreement.id for agreement in now.agreements}
    withdrawn = withdrawals(now)
    removed = [a for a in old.agreements if a.id not in new_ids and a.id not in withdrawn]
    added = [a for a in now.agreements if a.id not in old_ids]
    return next(
        (pair for pair in renames(removed, added) if gone == pair[0].id or new == pair[1].id),
        None,
    )


def history(
    repository: Repository, agreement_id: str, paths: list[str], set_id: str | None
) -> list[HistoryEntry]:
    """Every commit (merges left out) that created, changed or removed the agreement, oldest first.

    A commit in which the set's file could not be read says nothing about the agreement:
    it is compared as if the agreement were as in the commit before. An agreement that
    came in under a new id in place of one alike (a rename, as ``prestatie diff`` finds
    it) has the history of its old id before it.
    """
    cache = BlobCache()
    snapshots: dict[str, Snapshot] = {}

    def snapshot(sha: str) -> Snapshot:
        if sha not in snapshots:
            snapshots[sha] = at_tree(repository, sha, paths, cache)
        return snapshots[sha]

    commits = repository.commits(paths)
    return _history(commits, snapshot, agreement_id, set_id, len(commits), set())


def _history(
    commits: Sequence[Commit],
    snapshot: Callable[[str], Snapshot],
    agreement_id: str,
    set_id: str | None,
    until: int,
    followed: set[str],
) -> list[HistoryEntry]:
    """The entries of ``agreement_id`` among the first ``until`` commits, renames followed."""
    followed.add(agreement_id)
    states: dict[str, tuple[Agreement | str | None, SetAmendment | None, str | None]] = {}

    def state(sha: str) -> tuple[Agreement | str | None, SetAmendment | None, str | None]:
        if sha not in states:
            found_in = snapshot(sha)
            found = find_agreement(found_in, agreement_id, set_id)
            agreement = found[1] if found else (_UNKNOWN if found_in.unreadable else None)
            withdrawn = _withdrawal(found_in, agreement_id, set_id)
            states[sha] = (agreement, withdrawn, found[0] if found else None)
        return states[sha]

    entries: list[HistoryEntry] = []
    last_known: tuple[Agreement | None, SetAmendment | None, str | None] = (None, None, None)
    for index, commit in enumerate(commits[:until]):
        if len(commit.parents) > 1:
            continue
        after, withdrawn_after, set_after = state(commit.sha)
        before, withdrawn_before, set_before = (
            state(commit.parents[0]) if commit.parents else (None, None, None)
        )
        if before == _UNKNOWN:
            before, withdrawn_before, set_before = last_known
        if after == _UNKNOWN:
            continue
        assert not isinstance(before, str) and not isinstance(after, str)
        last_known = (after, withdrawn_after, set_after)
        if before is None and after is None:
            continue
        # Withdrawn by a set amendment: in the commit that records it, or in the one that
        # then takes the agreement out of the file.
        withdrawn = (
            withdrawn_after
            if withdrawn_after is not None and (withdrawn_before is None or after is None)
            else None
        )
        if before is None:
            assert after is not None and set_after is not None
            pair = (
                _renamed(
                    snapshot(commit.parents[0]), snapshot(commit.sha), set_after, None, after.id
                )
                if commit.parents
                else None
            )
            if pair is not None and pair[0].id not in followed:
                # Renamed here: the old id's history first, then the rename and its changes.
                old = pair[0]
                entries += _history(commits, snapshot, old.id, set_after, index, followed)
                added = tuple(a for a in after.amendments if a not in old.amendments)
                entries.append(
                    HistoryEntry(
                        commit,
                        "renamed",
                        field_changes(old, after),
                        added,
                        renamed_from=old.id,
                        renamed_to=after.id,
                    )
                )
                continue
            # Created already withdrawn: the set's amendment came with it.
            entries.append(
                HistoryEntry(commit, "created", (), tuple(after.amendments), withdrawn_after)
            )
        elif after is None:
            pair = None
            if withdrawn is None and set_before is not None:
                pair = _renamed(
                    snapshot(commit.parents[0]), snapshot(commit.sha), set_before, before.id, None
                )
            if pair is not None:
                fields = field_changes(before, pair[1])
                entries.append(
                    HistoryEntry(commit, "renamed_away", fields, (), None, before.id, pair[1].id)
                )
                continue
            event = "removed" if withdrawn is None else "withdrawn"
            entries.append(HistoryEntry(commit, event, (), (), withdrawn))
        else:
            changes = field_changes(before, after)
            added = tuple(a for a in after.amendments if a not in before.amendments)
            if withdrawn is not None:
                entries.append(HistoryEntry(commit, "withdrawn", changes, added, withdrawn))
            elif changes:
                entries.append(HistoryEntry(commit, "changed", changes, added))
    return entries


def agreement_history(
    agreement_id: str, paths: Sequence[Path], set_id: str | None, lang: Language
) -> AgreementHistory:
    """The history of the agreement in the repository holding ``paths`` (default: here).

    ``paths`` limit the history to those files or folders; set files alone are
    followed by the set id they hold now, whatever their names were before.
    """
    with Repository.find(paths[0] if paths else Path.cwd()) as repository:
        files = [path for path in paths if path.is_file()]
        if files and set_id is None and len(files) == len(paths):
            # A set file may have had other names: follow its set id through the whole
            # repository instead of the file name.
            set_id = _set_of(files, agreement_id, lang)
            relative: list[str] = []
        else:
            relative = [repository.relative(path) for path in paths]
        entries = history(repository, agreement_id, relative, set_id)
    return AgreementHistory(agreement_id, tuple(entries), repository.root)


def _set_of(files: Sequence[Path], agreement_id: str, lang: Language) -> str | None:
    """The id of the set among ``files`` (as they are now) that holds the agreement."""
    snapshot = in_worktree(files, date.today(), text("ui.worktree", lang), lang)
    found = find_agreement(snapshot, agreement_id, None)
    return found[0] if found else None
