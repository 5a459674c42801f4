"""Append a measurement, or the state of a condition, to a monitor file without touching
anything else in it.

The new entry is inserted as text after the last measurement (see editing),
so that every other byte of the file stays as it was, a byte-order mark
included. The result is parsed and validated before it replaces the file (a
link stays a link; see files), and the read-modify-write happens under a lock,
so that two writers at once both land.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

from prestatie_cli.editing.insert import EditError, append_item, scalar
from prestatie_cli.errors import PrestatieError
from prestatie_cli.files import destination, locked, starts_with_bom, write_atomic
from prestatie_cli.load.broken import broken_sets, explain
from prestatie_cli.load.corpus import Corpus, load_corpus
from prestatie_cli.load.parse import parse
from prestatie_cli.load.wording import from_finding, from_load_error
from prestatie_cli.load.yaml import Document, LoadError, read_text
from prestatie_cli.messages import Language, text
from prestatie_cli.model.agreements import (
    LARGEST_WHOLE_NUMBER,
    Agreement,
    AgreementSet,
    ConditionRecord,
    Measurement,
    Monitor,
)
from prestatie_cli.model.findings import Finding, suggestion
from prestatie_cli.model.structure import due_date, term_end, withdrawals

_NUMBER = re.compile(r"^[-+]?(?:[0-9]+(?:[.,][0-9]+)?|[.,][0-9]+)$")
# "3.000" or "3,000": a thousands separator in one convention, decimals in the other.
_THOUSANDS = re.compile(r"^[-+]?[0-9]{1,3}(?:[.,][0-9]{3})+$")
_TRUE = {"true", "ja", "yes", "gedaan", "done"}
_FALSE = {"false", "nee", "no"}
FIELDS = ("agreement", "date", "value", "index", "source", "reported_by", "note")
CONDITION_FIELDS = ("agreement", "condition", "date", "state", "source", "note")
STATES = ("open", "met", "not_met")
# What people write for a condition's state, and the state the format calls it.
_STATE_WORDS = {
    "niet-gehaald": "not_met", "niet gehaald": "not_met", "niet_gehaald": "not_met",
    "niet-vervuld": "not_met", "niet vervuld": "not_met", "niet_vervuld": "not_met",
    "vervallen": "not_met", "mislukt": "not_met", "afgewezen": "not_met", "not-met": "not_met",
    "vervuld": "met", "gehaald": "met", "voldaan": "met", "goedgekeurd": "met", "ja": "met",
    "nee": "not_met", "onbekend": "open", "lopend": "open", "nog-open": "open",
}  # fmt: skip


class RecordError(PrestatieError):
    """A measurement that cannot be recorded; nothing was written."""


@dataclass(frozen=True, slots=True)
class Entry:
    """What the user asked to record."""

    agreement: str
    value: str
    day: date
    source: str | None = None
    reported_by: str | None = None
    note: str | None = None
    index: str | None = None  # the outside index's value, for a target set against one


@dataclass(frozen=True, slots=True)
class ConditionEntry:
    """The state of a condition (voorbehoud) the user asked to record."""

    agreement: str
    condition: str
    state: str
    day: date
    source: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Recorded:
    path: Path
    created: bool
    measurement: Measurement


@dataclass(frozen=True, slots=True)
class RecordedCondition:
    path: Path
    created: bool
    record: ConditionRecord


def _refuse(key: str, lang: Language, **params: str) -> RecordError:
    return RecordError(text(key, lang, params))


def _did_you_mean(meant: str | None, lang: Language) -> str:
    """' Bedoelt u ...?' after a refusal, or nothing when no near word was found."""
    return " " + text("ui.did-you-mean", lang, {"suggestion": meant}) if meant else ""


def parse_value(raw: str, agreement: Agreement, lang: Language) -> int | float | bool:
    """The typed value for an agreement: a number for a target, a flag for done / not done."""
    cleaned = raw.strip()
    if agreement.target is None:
        if cleaned.lower() in _TRUE:
            return True
        if cleaned.lower() in _FALSE:
            return False
        raise _refuse("record.value-flag", lang, value=raw, id=agreement.id)
    unit = agreement.target.unit or ""
    return _number(
        raw,
        lang,
        lambda: _refuse("record.value-number", lang, value=raw, id=agreement.id, unit=unit),
    )


def parse_index(raw: str | None, agreement: Agreement, lang: Language) -> int | float | None:
    """The outside index's value: required for a target set against an index, else refused."""
    index = agreement.target.index if agreement.target is not None else None
    if index is None:
        if raw is None:
            return None
        raise _refuse("record.index-unused", lang, id=agreement.id)
    if raw is None:
        raise _refuse("record.index-missing", lang, id=agreement.id, index=index)
    return _number(raw, lang, lambda: _refuse("record.index-number", lang, value=raw, index=index))


def _number(raw: str, lang: Language, not_a_number: Callable[[], RecordError]) -> int | float:
    cleaned = raw.strip()
    if _THOUSANDS.match(cleaned):
        meant = cleaned.replace(".", "").replace(",", "")
        raise _refuse("record.thousands", lang, value=raw, meant=meant)
    if not _NUMBER.match(cleaned):
        raise not_a_number()
    # A whole number is read as one, every digit kept (a float would round 17 digits).
    number = float(cleaned.replace(",", ".")) if "." in cleaned or "," in cleaned else int(cleaned)
    if isinstance(number, int) and abs(number) > LARGEST_WHOLE_NUMBER:
        raise _refuse("record.too-large", lang, value=raw, largest=str(LARGEST_WHOLE_NUMBER))
    return number


def _find_in(corpus: Corpus, wanted: str, lang: Language) -> tuple[AgreementSet, Agreement]:
    """The agreement ``wanted`` among the sets of ``corpus``; where it is not found and a set
    could not be read, that set is named (with its first error) rather than the id doubted."""
    try:
        return _find_agreement(corpus.sets, wanted, lang)
    except RecordError as error:
        broken = broken_sets(corpus)
        if not broken or any(
            agreement.id == wanted for item in corpus.sets.values() for agreement in item.agreements
        ):
            raise
        lines = [text("record.in-broken-set", lang, {"id": wanted}), *explain(broken, lang)]
        raise RecordError(" ".join(lines)) from error


def _find_agreement(
    sets: Mapping[str, AgreementSet], wanted: str, lang: Language
) -> tuple[AgreementSet, Agreement]:
    found = [
        (agreements, agreement)
        for agreements in sets.values()
        for agreement in agreements.agreements
        if agreement.id == wanted
    ]
    if len(found) == 1:
        return found[0]
    if found:
        names = list(dict.fromkeys(agreements.id for agreements, _ in found))
        if len(names) == 1:
            raise _refuse("record.id-twice", lang, id=wanted, set=names[0])
        raise _refuse("record.ambiguous", lang, id=wanted, sets=", ".join(names))
    known = sorted(
        {agreement.id for agreements in sets.values() for agreement in agreements.agreements}
    )
    close = suggestion(wanted, known)
    hint = text("ui.did-you-mean", lang, {"suggestion": close}) if close else ""
    raise _refuse("record.unknown-agreement", lang, id=wanted, hint=hint)


def _refuse_uncounted(
    agreements: AgreementSet, agreement: Agreement, day: date, lang: Language
) -> None:
    """Refuse a measurement that can never count: of context, of a request nobody has
    accepted, of an agreement withdrawn by then, or dated outside the time it runs.

    It runs from the term's start, or its ``effective_from``, to the term's end as
    amended; an agreement marked ``beyond_term`` runs to its own deadline.
    """
    shown = day.isoformat()
    if agreement.kind == "context":
        raise _refuse("record.context", lang, id=agreement.id)
    if agreement.kind == "request" and not agreement.is_commitment:
        answer = agreement.answer
        if answer is not None and answer.state == "declined":
            answered = answer.date.isoformat()
            raise _refuse("record.request-declined", lang, id=agreement.id, answered=answered)
        raise _refuse("record.request-open", lang, id=agreement.id)
    withdrawal = withdrawals(agreements).get(agreement.id)
    if withdrawal is not None and day >= withdrawal.date:
        raise _refuse(
            "record.withdrawn",
            lang,
            id=agreement.id,
            date=shown,
            withdrawn=withdrawal.date.isoformat(),
            reason=" ".join(withdrawal.reason.split()).rstrip("."),
        )
    start = agreements.period.start
    end = term_end(agreements)
    if agreement.beyond_term:
        end = max(end, due_date(agreements, agreement))
    if day < start or day > end:
        key = "record.after-due" if agreement.beyond_term and day > end else "record.outside-period"
        raise _refuse(
            key, lang, date=shown, start=start.isoformat(), end=end.isoformat(), id=agreement.id
        )
    if agreement.effective_from is not None and day < agreement.effective_from:
        raise _refuse(
            "record.not-yet",
            lang,
            id=agreement.id,
            date=shown,
            start=agreement.effective_from.isoformat(),
        )


def record(
    entry: Entry, search: Sequence[Path], monitor_file: Path | None, lang: Language
) -> Recorded:
    """Validate ``entry`` against its set and append it to the set's monitor file."""
    corpus = load_corpus(search, lang)
    agreements, agreement = _find_in(corpus, entry.agreement, lang)
    _refuse_uncounted(agreements, agreement, entry.day, lang)
    # A group reports too: the corporations' federation sends the figures of its members.
    known_parties = [party.id for party in agreements.parties]
    known_parties += [group.id for group in agreements.groups]
    if entry.reported_by is not None and entry.reported_by not in known_parties:
        raise _refuse(
            "record.unknown-party", lang, party=entry.reported_by, known=", ".join(known_parties)
        )
    value = parse_value(entry.value, agreement, lang)
    index = parse_index(entry.index, agreement, lang)
    fields: dict[str, Any] = {
        "agreement": agreement.id,
        "date": entry.day,
        "value": value,
        "index": index,
        "source": entry.source,
        "reported_by": entry.reported_by,
        "note": entry.note,
    }
    measurement = Measurement.model_validate({k: v for k, v in fields.items() if v is not None})

    def refuse_twice(monitor: Monitor, path: Path) -> None:
        for existing in monitor.measurements:
            if existing.agreement == agreement.id and existing.date == entry.day:
                raise _refuse(
                    "record.duplicate",
                    lang,
                    id=agreement.id,
                    date=entry.day.isoformat(),
                    value=scalar(existing.value),
                    path=str(path),
                )

    path, created = _append(
        corpus, agreements, monitor_file, "measurements", measurement, FIELDS, refuse_twice, lang
    )
    return Recorded(path, created, measurement)


def record_condition(
    entry: ConditionEntry, search: Sequence[Path], monitor_file: Path | None, lang: Language
) -> RecordedCondition:
    """Append the state of one condition of an agreement to the set's monitor file."""
    corpus = load_corpus(search, lang)
    agreements, agreement = _find_in(corpus, entry.agreement, lang)
    known = [condition.id for condition in agreement.conditions]
    if not known:
        raise _refuse("record.no-conditions", lang, id=agreement.id)
    if entry.condition not in known:
        close = suggestion(entry.condition, known)
        hint = _did_you_mean(close, lang)
        raise _refuse(
            "record.unknown-condition",
            lang,
            condition=entry.condition,
            id=agreement.id,
            known=", ".join(known),
            hint=hint,
        )
    state = parse_state(entry.state, lang)
    fields: dict[str, Any] = {
        "agreement": agreement.id,
        "condition": entry.condition,
        "date": entry.day,
        "state": state,
        "source": entry.source,
        "note": entry.note,
    }
    written = ConditionRecord.model_validate({k: v for k, v in fields.items() if v is not None})

    def refuse_twice(monitor: Monitor, path: Path) -> None:
        for existing in monitor.conditions:
            if (existing.agreement, existing.condition, existing.date) == (
                written.agreement,
                written.condition,
                written.date,
            ):
                raise _refuse(
                    "record.condition-duplicate",
                    lang,
                    path=str(path),
                    condition=written.condition,
                    id=written.agreement,
                    date=written.date.isoformat(),
                    state=existing.state,
                )

    path, created = _append(
        corpus,
        agreements,
        monitor_file,
        "conditions",
        written,
        CONDITION_FIELDS,
        refuse_twice,
        lang,
    )
    return RecordedCondition(path, created, written)


def parse_state(raw: str, lang: Language) -> str:
    """open, met or not_met; a Dutch word or a near miss is refused with the word meant."""
    if raw in STATES:
        return raw
    cleaned = " ".join(raw.strip().lower().split())
    meant = _STATE_WORDS.get(cleaned) or _STATE_WORDS.get(cleaned.replace("_", "-"))
    meant = meant or (cleaned if cleaned in STATES else suggestion(cleaned, STATES))
    hint = _did_you_mean(meant, lang)
    raise _refuse("record.state", lang, state=raw, hint=hint)


def _append(
    corpus: Corpus,
    agreements: AgreementSet,
    monitor_file: Path | None,
    key: Literal["measurements", "conditions"],
    item: Measurement | ConditionRecord,
    names: Sequence[str],
    refuse_twice: Callable[[Monitor, Path], None],
    lang: Language,
) -> tuple[Path, bool]:
    """Add the fields ``names`` of ``item`` that are set as a new item of the monitor's list
    ``key``; the path and whether the monitor file was created."""
    values = {name: getattr(item, name) for name in names}
    pairs = [(name, scalar(value)) for name, value in values.items() if value is not None]
    path = monitor_file or _monitor_for(corpus, agreements)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Refused before anything is read: a file that is read-only, a device, a link to
    # nothing. A link stays a link: the file it leads to is locked and replaced.
    target = destination(path)
    with locked(target.parent):
        # Read again under the lock: another writer may have just added a line.
        created = not path.exists()
        before = _new_monitor(agreements.id) if created else _read(path, lang)
        bom = starts_with_bom(path)
        document, monitor = _parse_monitor(before, str(path), agreements.id, lang)
        refuse_twice(monitor, path)
        unsafe = "record.unsafe" if key == "measurements" else "record.unsafe-conditions"
        try:
            after = append_item(before, document, key, pairs)
        except EditError:
            raise _refuse(unsafe, lang, path=str(path)) from None
        _, checked = _parse_monitor(after, str(path), agreements.id, lang)
        # The file as written holds what it held, and the new item after it.
        if list(getattr(checked, key)) != [*getattr(monitor, key), item]:
            raise _refuse(unsafe, lang, path=str(path))
        write_atomic(path, after, bom=bom)
    return path, created


def _monitor_for(corpus: Corpus, agreements: AgreementSet) -> Path:
    """The monitor file of a set: the existing one, or monitor/<set id>.yaml beside the set."""
    existing = [
        Path(item.path)
        for item in corpus.loaded
        if isinstance(item.model, Monitor) and item.model.set == agreements.id
    ]
    if existing:
        return existing[0]
    set_file = Path(corpus.set_paths[agreements.id][0])
    base = set_file.parent.parent if set_file.parent.name == "afspraken" else set_file.parent
    return base / "monitor" / f"{agreements.id}.yaml"


def _new_monitor(set_id: str) -> str:
    return (
        "# yaml-language-server: $schema=../schemas/monitor.schema.json\n"
        "kind: monitor\n"
        "version: 1\n"
        f"set: {set_id}\n"
        "measurements: []\n"
    )


def _read(path: Path, lang: Language) -> str:
    try:
        return read_text(path, str(path))
    except LoadError as error:
        problem = from_load_error(error, lang)
        raise _refuse(
            "record.monitor-broken", lang, path=str(path), problem=problem.message
        ) from None


def _parse_monitor(
    source: str, shown: str, set_id: str, lang: Language
) -> tuple[Document, Monitor]:
    parsed = parse(source, shown, lang)
    document, model = parsed.document, parsed.model
    if document is None:
        problem = parsed.problems[0]
        where = f"{problem.path}:{problem.line}:{problem.column}"
        raise _refuse("record.monitor-broken", lang, path=where, problem=problem.message)
    if parsed.problems or not isinstance(model, Monitor):
        problem = (
            parsed.problems[0]
            if parsed.problems
            else from_finding(
                document, Finding("V004", ("kind",), variant="missing"), "error", lang
            )
        )
        where = f"{problem.path}:{problem.line}:{problem.column}"
        raise _refuse(
            "record.monitor-invalid", lang, path=where, file=shown, problem=problem.message
        )
    if model.set != set_id:
        raise _refuse("record.other-set", lang, path=shown, found=model.set, set=set_id)
    return document, model
