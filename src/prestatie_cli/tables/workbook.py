"""One set and its monitor as a workbook, a sheet per kind of record, and read back unchanged.

``prestatie export --workbook`` writes it; ``prestatie import`` reads it back into a
set file and a monitor file that hold the same content as the originals. Every
field of the format has a column; a list inside a record (the milestones of an
agreement, the amendments of a set) has a sheet of its own, one row per entry,
with the id of the agreement it belongs to. Signatures go along as data: a
signature's digest covers the set's content, not its file, so it stays valid
when the content comes back unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from prestatie_cli.messages import Language, text
from prestatie_cli.model.agreements import AgreementSet, Monitor
from prestatie_cli.tables.columns import (
    ANSWER_WORDS,
    COMPARISON_WORDS,
    CONDITION_WORDS,
    COUNTING_WORDS,
    FREQUENCY_WORDS,
    KIND_WORDS,
    NO,
    YES,
)
from prestatie_cli.tables.import_table import normalise, parse_date, parse_number
from prestatie_cli.tables.sheets import Sheet

STATE_WORDS = {"open": "open", "met": "vervuld", "not_met": "niet vervuld"}


@dataclass(frozen=True, slots=True)
class Column:
    """A field of a record: its path ('target.baseline.value'), headers and kind of value."""

    path: str
    nl: str
    en: str
    kind: str = "text"  # text, date, number, year, flag, value, list, refs, word
    words: dict[str, str] | None = None  # the Dutch words of a value ('word')
    width: float = 14


def _c(path: str, nl: str, en: str, kind: str = "text", width: float = 14, **more: Any) -> Column:
    return Column(path, nl, en, kind, width=width, **more)


_AGREEMENT = _c("agreement", "afspraak", "agreement", width=10)


@dataclass(frozen=True, slots=True)
class Kind:
    """A sheet: the records it holds and where they live in the set or the monitor."""

    key: str
    nl: str
    en: str
    columns: tuple[Column, ...]
    owned: bool = False  # a list inside each agreement: the first column is the agreement's id


SET_COLUMNS = (
    _c("id", "id", "id", width=24),
    _c("title", "titel", "title", width=40),
    _c("period.start", "begin looptijd", "term start", "date"),
    _c("period.end", "einde looptijd", "term end", "date"),
    _c("basis", "grondslag", "basis", width=40),
    _c("frame", "kader", "frame", width=20),
    _c("monitor", "monitor", "monitor", "flag", width=10),
)

KINDS: tuple[Kind, ...] = (
    Kind("set", "Set", "Set", SET_COLUMNS),
    Kind("parties", "Partijen", "Parties", (
        _c("id", "id", "id", width=18),
        _c("name", "naam", "name", width=34),
        _c("role", "rol", "role", width=20),
        _c("joined", "toegetreden", "joined", "date"),
        _c("left", "vertrokken", "left", "date"),
        _c("successor", "opvolger", "successor", width=18),
        _c("note", "toelichting", "note", width=40),
    )),
    Kind("groups", "Groepen", "Groups", (
        _c("id", "id", "id", width=18),
        _c("name", "naam", "name", width=34),
        _c("members", "leden", "members", "refs", width=40),
        _c("note", "toelichting", "note", width=40),
    )),
    Kind("agreements", "Afspraken", "Agreements", (
        _c("id", "nr", "id", width=10),
        _c("title", "titel", "title", width=34),
        _c("text", "afspraak", "text", width=60),
        _c("theme", "thema", "theme", width=18),
        _c("kind", "soort", "kind", "word", words=KIND_WORDS, width=12),
        _c("owner", "trekker", "owner", "refs", width=22),
        _c("contributors", "bijdragers", "contributors", "list", width=30),
        _c("addressed_to", "gevraagd aan", "addressed to", "refs", width=22),
        _c("answer.state", "antwoord", "answer", "word", words=ANSWER_WORDS),
        _c("answer.date", "datum antwoord", "answer date", "date"),
        _c("answer.note", "toelichting antwoord", "answer note", width=30),
        _c("parent", "onderdeel van", "part of", width=10),
        _c("scope", "geldt voor", "scope", width=24),
        _c("per_event", "per gebeurtenis", "per event", width=24),
        _c("target.metric", "maat", "metric", width=30),
        _c("target.unit", "eenheid", "unit"),
        _c("target.value", "streefwaarde", "target", "number"),
        _c("target.comparison", "vergelijking", "comparison", "word", words=COMPARISON_WORDS),
        _c("target.upper", "bovengrens", "upper bound", "number"),
        _c("target.approximate", "circa", "approximate", "flag", width=8),
        _c("target.index", "index", "index", width=24),
        _c("target.counting", "telling", "counting", "word", words=COUNTING_WORDS, width=9),
        _c("target.cumulative", "cumulatief", "cumulative", "flag", width=10),
        _c("target.recurring", "per periode", "recurring", "word", words=FREQUENCY_WORDS),
        _c("target.baseline.value", "nulmeting", "baseline", "number"),
        _c("target.baseline.date", "datum nulmeting", "baseline date", "date"),
        _c("target.source", "bron doel", "target source", width=30),
        _c("effective_from", "ingangsdatum", "effective from", "date"),
        _c("deadline", "termijn", "deadline", "date"),
        _c("ongoing", "doorlopend", "ongoing", "flag", width=11),
        _c("beyond_term", "na de looptijd", "beyond term", "flag", width=11),
        _c("frequency", "meetfrequentie", "frequency", "word", words=FREQUENCY_WORDS),
    )),
    Kind("conditions", "Voorbehouden", "Conditions", (
        _AGREEMENT,
        _c("id", "id", "id", width=16),
        _c("text", "tekst", "text", width=50),
        _c("kind", "soort", "kind", "word", words=CONDITION_WORDS, width=14),
        _c("by", "door", "by", width=24),
    ), owned=True),
    Kind("milestones", "Tussendoelen", "Milestones", (
        _AGREEMENT,
        _c("date", "datum", "date", "date"),
        _c("value", "waarde", "value", "number"),
        _c("note", "toelichting", "note", width=40),
    ), owned=True),
    Kind("per_year", "Per jaar", "Per year", (
        _AGREEMENT,
        _c("year", "jaar", "year", "year", width=8),
        _c("value", "waarde", "value", "number"),
        _c("note", "toelichting", "note", width=40),
    ), owned=True),
    Kind("split", "Verdeling", "Split", (
        _AGREEMENT,
        _c("category", "categorie", "category", width=30),
        _c("share", "aandeel (%)", "share (%)", "number"),
        _c("value", "waarde", "value", "number"),
    ), owned=True),
    Kind("amendments", "Wijzigingen", "Amendments", (
        _AGREEMENT,
        _c("date", "datum", "date", "date"),
        _c("reason", "reden", "reason", width=40),
        _c("agreed_by", "ingestemd door", "agreed by", "list", width=30),
        _c("summary", "samenvatting", "summary", width=40),
        _c("extends_to", "verlengd tot", "extends to", "date"),
        _c("withdraws", "trekt in", "withdraws", "list", width=20),
    )),
    Kind("waivers", "Uitzonderingen", "Waivers", (
        _AGREEMENT,
        _c("rule", "regel", "rule", width=8),
        _c("reason", "reden", "reason", width=40),
        _c("until", "tot", "until", "date"),
    )),
    Kind("bids", "Biedingen", "Bids", (
        _c("party", "partij", "party", width=18),
        _c("date", "datum", "date", "date"),
        _c("note", "toelichting", "note", width=40),
    )),
    Kind("signatures", "Ondertekening", "Signatures", (
        _c("party", "partij", "party", width=18),
        _c("name", "naam", "name", width=30),
        _c("date", "datum", "date", "date"),
        _c("digest", "vingerafdruk", "digest", width=30),
    )),
    Kind("measurements", "Metingen", "Measurements", (
        _AGREEMENT,
        _c("date", "datum", "date", "date"),
        _c("value", "waarde", "value", "value"),
        _c("index", "index", "index", "number"),
        _c("source", "bron", "source", width=30),
        _c("reported_by", "gemeld door", "reported by", width=20),
        _c("note", "toelichting", "note", width=40),
    )),
    Kind("condition_records", "Voorbehouden gevolgd", "Condition records", (
        _AGREEMENT,
        _c("condition", "voorbehoud", "condition", width=16),
        _c("date", "datum", "date", "date"),
        _c("state", "stand", "state", "word", words=STATE_WORDS),
        _c("source", "bron", "source", width=30),
        _c("note", "toelichting", "note", width=40),
    )),
    Kind("monitor_waivers", "Uitzonderingen monitor", "Monitor waivers", (
        _AGREEMENT,
        _c("rule", "regel", "rule", width=8),
        _c("reason", "reden", "reason", width=40),
        _c("until", "tot", "until", "date"),
    )),
)  # fmt: skip

_WRAPPED_KINDS = ("text", "list", "refs")
_TARGET_LISTS = {"per_year": "per_year", "split": "split"}


def is_workbook(sheets: dict[str, Any]) -> bool:
    """True for a workbook ``export --workbook`` wrote: its sheets of a set and its parties."""
    names = {normalise(name) for name in sheets}
    return any(
        {normalise(getattr(kind, lang)) for kind in KINDS[:2]} <= names for lang in ("nl", "en")
    )


# --- Writing ------------------------------------------------------------------------------


def _get(record: dict[str, Any], path: str) -> Any:
    value: Any = record
    for part in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _cell(column: Column, value: Any) -> Any:
    if value is None:
        return None
    if column.kind == "flag":
        return "ja" if value else "nee"
    if column.kind == "list":
        return ", ".join(value) or None
    if column.kind == "refs":
        return value if isinstance(value, str) else "[" + ", ".join(value) + "]"
    if column.kind == "word" and column.words is not None:
        return column.words[value]
    return value


def sheets(agreements: AgreementSet, monitor: Monitor | None, lang: Language) -> list[Sheet]:
    """The sheets of one set and its monitor (if any)."""
    data = agreements.model_dump(mode="python", exclude_none=True)
    observed = monitor.model_dump(mode="python", exclude_none=True) if monitor else {}
    records: dict[str, list[dict[str, Any]]] = {
        "set": [data | {"monitor": monitor is not None}],
        "parties": data["parties"],
        "groups": data["groups"],
        "agreements": data["agreements"],
        "amendments": [{"agreement": None} | entry for entry in data["amendments"]],
        "waivers": [{"agreement": None} | entry for entry in data["waivers"]],
        "bids": data["bids"],
        "signatures": data["signatures"],
        "measurements": observed.get("measurements", []),
        "condition_records": observed.get("conditions", []),
        "monitor_waivers": observed.get("waivers", []),
    }
    for name in ("conditions", "milestones", "per_year", "split"):
        records[name] = []
    for agreement in data["agreements"]:
        owned = {"agreement": agreement["id"]}
        target = agreement.get("target") or {}
        records["conditions"] += [owned | entry for entry in agreement["conditions"]]
        records["milestones"] += [owned | entry for entry in agreement["milestones"]]
        records["per_year"] += [owned | entry for entry in target.get("per_year", [])]
        records["split"] += [owned | entry for entry in target.get("split", [])]
        records["amendments"] += [owned | entry for entry in agreement["amendments"]]
        records["waivers"] += [owned | entry for entry in agreement["waivers"]]
    found = []
    for kind in KINDS:
        found.append(
            Sheet(
                name=getattr(kind, lang),
                header=[getattr(column, lang) for column in kind.columns],
                rows=[
                    [_cell(column, _get(record, column.path)) for column in kind.columns]
                    for record in records[kind.key]
                ],
                widths=[column.width for column in kind.columns],
                wrapped=frozenset(
                    number
                    for number, column in enumerate(kind.columns)
                    if column.kind in _WRAPPED_KINDS and column.width >= 24
                ),
                freeze_columns=1 if kind.key != "set" else 0,
            )
        )
    return found


# --- Reading ------------------------------------------------------------------------------


@dataclass
class Read:
    """What a workbook holds as plain data: a set, a monitor (or None), and unreadable cells."""

    agreements: dict[str, Any] = field(default_factory=dict)
    monitor: dict[str, Any] | None = None
    problems: list[str] = field(default_factory=list)


def _value(column: Column, value: Any) -> tuple[Any, bool]:
    """The model's value of a cell, and whether it could be read."""
    if value is None or value == "":
        return None, True
    kind = column.kind
    if kind == "date":
        day = parse_date(value)
        return day, day is not None
    if kind in ("number", "year"):
        if isinstance(value, str):
            number, _, rest = parse_number(value)
            return number, number is not None and not rest
        if isinstance(value, bool) or not isinstance(value, int | float):
            return None, False
        return (int(value) if kind == "year" and float(value).is_integer() else value), True
    if kind == "flag":
        written = normalise(str(value)) if not isinstance(value, bool) else str(value).lower()
        if isinstance(value, bool):
            return value, True
        return (True, True) if written in YES else (False, True) if written in NO else (None, False)
    if kind == "value":
        if isinstance(value, bool | int | float):
            return value, True
        written = normalise(str(value))
        if written in YES or written in ("waar", "true"):
            return True, True
        if written in NO or written in ("onwaar", "false"):
            return False, True
        number, _, rest = parse_number(value)
        return number, number is not None and not rest
    if isinstance(value, datetime | date):
        return None, False
    written = _plain(value)
    if kind == "list":
        return [piece.strip() for piece in written.split(",") if piece.strip()], True
    if kind == "refs":
        listed = written.strip()
        if listed.startswith("[") and listed.endswith("]"):
            return [piece.strip() for piece in listed[1:-1].split(",") if piece.strip()], True
        if "," in listed:
            return [piece.strip() for piece in listed.split(",") if piece.strip()], True
        return listed, True
    if kind == "word" and column.words is not None:
        cleaned = normalise(written)
        for key, dutch in column.words.items():
            if cleaned in (key, dutch, key.replace("_", " ")):
                return key, True
        return None, False
    return written, True


def _plain(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _put(record: dict[str, Any], path: str, value: Any) -> None:
    parts = path.split(".")
    for part in parts[:-1]:
        record = record.setdefault(part, {})
    record[parts[-1]] = value


def read_workbook(tables: dict[str, list[list[Any]]], lang: Language) -> Read:
    """The set and monitor a workbook holds, or the cells that keep it from being read."""
    found = Read()
    by_name = {normalise(name): rows for name, rows in tables.items()}
    records: dict[str, list[dict[str, Any]]] = {}
    for sheet_kind in KINDS:
        rows = next(
            (by_name[normalise(getattr(sheet_kind, lang))] for lang in ("nl", "en")
             if normalise(getattr(sheet_kind, lang)) in by_name),
            [],
        )  # fmt: skip
        records[sheet_kind.key] = _records(sheet_kind, rows, found.problems, lang)
    if len(records["set"]) != 1:
        found.problems.append(text("import.workbook-set", lang, {"sheet": KINDS[0].nl}))
        return found
    if found.problems:
        return found
    head = records["set"][0]
    has_monitor = bool(head.pop("monitor", False))
    agreements = {record["id"]: record for record in records["agreements"]}
    loose: dict[str, list[str]] = {}

    def owner(entry: dict[str, Any], kind: str) -> dict[str, Any] | None:
        identifier = entry.pop("agreement", None)
        if identifier is None:
            return None
        if identifier not in agreements:
            loose.setdefault(kind, []).append(identifier)
            return None
        return agreements[identifier]

    for kind in ("conditions", "milestones", "per_year", "split"):
        for entry in records[kind]:
            agreement = owner(entry, kind)
            if agreement is None:
                continue
            if kind in _TARGET_LISTS:
                agreement.setdefault("target", {}).setdefault(kind, []).append(entry)
            else:
                agreement.setdefault(kind, []).append(entry)
    set_lists: dict[str, list[dict[str, Any]]] = {"amendments": [], "waivers": []}
    for kind in ("amendments", "waivers"):
        for entry in records[kind]:
            written = entry.get("agreement")
            agreement = owner(entry, kind)
            if agreement is not None:
                agreement.setdefault(kind, []).append(entry)
            elif written is None:
                set_lists[kind].append(entry)
    for kind, identifiers in loose.items():
        sheet = next(item.nl if lang == "nl" else item.en for item in KINDS if item.key == kind)
        found.problems.append(
            text("import.workbook-unknown", lang, {"sheet": sheet, "ids": ", ".join(identifiers)})
        )
    found.agreements = {
        "kind": "agreements",
        "version": 1,
        **{key: head[key] for key in ("id", "title", "period", "basis", "frame") if key in head},
        "parties": records["parties"],
        **({"groups": records["groups"]} if records["groups"] else {}),
        **({"bids": records["bids"]} if records["bids"] else {}),
        "agreements": [_ordered(agreement) for agreement in agreements.values()],
        **({"amendments": set_lists["amendments"]} if set_lists["amendments"] else {}),
        "signatures": records["signatures"],
        **({"waivers": set_lists["waivers"]} if set_lists["waivers"] else {}),
    }
    monitored = records["measurements"] or records["condition_records"]
    if has_monitor or monitored or records["monitor_waivers"]:
        found.monitor = {
            "kind": "monitor",
            "version": 1,
            "set": head.get("id"),
            "measurements": records["measurements"],
            **(
                {"conditions": records["condition_records"]} if records["condition_records"] else {}
            ),
            **({"waivers": records["monitor_waivers"]} if records["monitor_waivers"] else {}),
        }
    return found


# The order of an agreement's fields as the format documents them.
_ORDER = (
    "id", "title", "text", "theme", "kind", "owner", "contributors", "addressed_to", "answer",
    "parent", "scope", "per_event", "conditions", "target", "effective_from", "deadline",
    "ongoing", "beyond_term", "frequency", "milestones", "amendments", "waivers",
)  # fmt: skip
_TARGET_ORDER = (
    "metric", "unit", "value", "comparison", "upper", "approximate", "index", "counting",
    "per_year", "split", "cumulative", "recurring", "baseline", "source",
)  # fmt: skip


def _ordered(agreement: dict[str, Any]) -> dict[str, Any]:
    ordered = {key: agreement[key] for key in _ORDER if key in agreement}
    if "target" in ordered:
        target = ordered["target"]
        ordered["target"] = {key: target[key] for key in _TARGET_ORDER if key in target}
    return ordered


def _records(
    kind: Kind, rows: Sequence[Sequence[Any]], problems: list[str], lang: Language
) -> list[dict[str, Any]]:
    """The records of a sheet: columns found by their header, in any order."""
    if not rows:
        return []
    sheet = getattr(kind, lang)
    headers = [normalise(_plain(cell)) if cell is not None else "" for cell in rows[0]]
    columns: dict[int, Column] = {}
    for column in kind.columns:
        for written in (column.nl, column.en):
            if normalise(written) in headers:
                columns[headers.index(normalise(written))] = column
                break
    found = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell not in (None, "") for cell in row):
            continue
        record: dict[str, Any] = {}
        for index, column in columns.items():
            cell = row[index] if index < len(row) else None
            value, readable = _value(column, cell)
            if not readable:
                problems.append(
                    text(
                        "import.workbook-cell",
                        lang,
                        {
                            "sheet": sheet,
                            "row": str(number),
                            "column": getattr(column, lang),
                            "value": _plain(cell),
                        },
                    )
                )
            elif value is not None:
                _put(record, column.path, value)
        found.append(record)
    return found
