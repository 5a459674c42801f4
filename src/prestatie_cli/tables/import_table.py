"""A table (CSV or XLSX, how agreements live today) read into an agreement set."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from prestatie_cli.messages import Language, text
from prestatie_cli.tables.columns import (
    COLUMNS,
    COMPARISON_WORDS,
    FREQUENCY_WORDS,
    KIND_WORDS,
)

# Normalised header -> field. Export names first, then what tables in the wild call them.
SYNONYMS: dict[str, str] = {
    **{_: name for name, dutch, english in COLUMNS for _ in (dutch, english)},
    "nummer": "id", "afspraaknummer": "id", "nr.": "id", "code": "id", "no": "id",
    "onderwerp": "title", "kop": "title", "naam": "title",
    "omschrijving": "text", "tekst": "text", "afspraaktekst": "text", "prestatieafspraak": "text",
    "hoofdstuk": "theme", "categorie": "theme", "domein": "theme",
    "eigenaar": "owner", "partij": "owner", "verantwoordelijke": "owner", "uitvoerder": "owner",
    "verantwoordelijk": "owner", "trekkers": "owner",
    "betrokken partijen": "contributors", "partners": "contributors", "bijdrage van": "contributors",
    "doel": "target", "doelstelling": "target", "norm": "target", "streefcijfer": "target",
    "indicator": "metric", "kpi": "metric", "prestatie-indicator": "metric", "meeteenheid": "unit",
    "uitgangssituatie": "baseline", "startwaarde": "baseline", "nulwaarde": "baseline",
    "deadline": "deadline", "gereed": "deadline", "einddatum": "deadline", "datum gereed": "deadline",
    "planning": "deadline", "uiterlijk": "deadline", "realisatie voor": "deadline",
    "type": "kind", "soort afspraak": "kind",
}  # fmt: skip


# Columns an export writes that say where an agreement stands, not what was agreed.
_IGNORED = {"set", "latest", "measured_on", "status"}


_MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}  # fmt: skip


_ROLE_WORDS = (
    ("gemeente", "gemeente"),
    ("huurder", "huurdersorganisatie"),
    ("bewoners", "huurdersorganisatie"),
    ("wonen", "corporatie"),
    ("woon", "corporatie"),
    ("woning", "corporatie"),
    ("corporatie", "corporatie"),
)


@dataclass
class Imported:
    """The set built from a table, and everything the import could not take over as it was."""

    data: dict[str, Any]
    problems: list[str] = field(default_factory=list)  # rows or cells left out
    assumptions: list[str] = field(default_factory=list)  # what was read in a particular way
    columns: dict[str, str] = field(default_factory=dict)  # header -> field


def normalise(header: str) -> str:
    return " ".join(str(header).strip().lower().replace("_", " ").split())


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "partij"


def parse_number(value: Any) -> tuple[float | int | None, bool, str]:
    """A number from a cell; whether a point was read as a thousands separator; the text after it."""
    if isinstance(value, bool) or value is None or value == "":
        return None, False, ""
    if isinstance(value, int | float):
        return value, False, ""
    shown = str(value).strip()
    match = re.match(r"^([-+]?[0-9][0-9.,]*)\s*(.*)$", shown)
    if not match:
        return None, False, ""
    digits, rest = match.group(1), match.group(2)
    thousands = False
    if "," in digits and "." in digits:
        digits = digits.replace(".", "").replace(",", ".")  # 1.234,5
    elif "," in digits:
        digits = digits.replace(",", ".")  # 2,5
    elif re.fullmatch(r"[-+]?[0-9]{1,3}(?:\.[0-9]{3})+", digits):
        thousands = True
        digits = digits.replace(".", "")  # 3.000 in a Dutch table
    try:
        number = float(digits)
    except ValueError:
        return None, False, ""
    result: float | int = int(number) if number.is_integer() and "." not in digits else number
    return result, thousands, rest


def parse_date(value: Any) -> date | None:
    """A date from a cell: a spreadsheet date, 2026-12-31, 31-12-2026, 31/12/2026 or 31 december 2026."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    shown = str(value or "").strip().lower()
    for pattern, order in (
        (r"^(\d{4})-(\d{1,2})-(\d{1,2})$", "ymd"),
        (r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$", "dmy"),
    ):
        match = re.match(pattern, shown)
        if match:
            first, second, third = (int(part) for part in match.groups())
            try:
                return date(first, second, third) if order == "ymd" else date(third, second, first)
            except ValueError:
                return None
    match = re.match(r"^(\d{1,2})\s+([a-z]+)\s+(\d{4})$", shown)
    if match and match.group(2) in _MONTHS:
        try:
            return date(int(match.group(3)), _MONTHS[match.group(2)], int(match.group(1)))
        except ValueError:
            return None
    return None


def _say(key: str, lang: Language, **params: str) -> str:
    return text(key, lang, params)


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _role(name: str) -> str | None:
    lowered = name.lower()
    return next((role for word, role in _ROLE_WORDS if word in lowered), None)


def _word(value: str, words: dict[str, str]) -> str | None:
    """The model's value for a word in a cell: the model's own or the Dutch one."""
    cleaned = normalise(value)
    for key, dutch in words.items():
        if cleaned in (key, dutch, key.replace("_", " ")):
            return key
    return None


def _map_word(
    cells: dict[str, Any],
    column: str,
    words: dict[str, str],
    into: dict[str, Any],
    problem: Callable[..., None],
) -> None:
    """Set ``into[column]`` to the model's word for the cell, or report a word it cannot map."""
    written = _text(cells.get(column))
    if not written:
        return
    value = _word(written, words)
    if value is None:
        problem("import.cell", column=column, value=written)
    else:
        into[column] = value


@dataclass(frozen=True, slots=True)
class SetFacts:
    """What the table does not hold: the set's id, title and term (when given)."""

    set_id: str
    title: str | None = None
    start: date | None = None
    end: date | None = None


def from_table(
    table: Sequence[Sequence[Any]], facts: SetFacts, overrides: dict[str, str], lang: Language
) -> Imported:
    """A set of agreements from table cells, with every row or cell it could not take over."""
    header_row = next(
        (
            number
            for number, row in enumerate(table[:10])
            if sum(1 for cell in row if _field_for(cell, overrides)) >= 2
        ),
        None,
    )
    result = Imported({})
    if header_row is None:
        result.problems.append(_say("import.no-header", lang))
        return result
    mapping: dict[int, str] = {}
    for index, cell in enumerate(table[header_row]):
        name = _field_for(cell, overrides)
        letter = _column_letter(index)
        if not _text(cell):
            continue
        if name is None or name in mapping.values():
            result.problems.append(
                _say("import.unused-column", lang, column=letter, header=_text(cell))
            )
        elif name not in _IGNORED:
            mapping[index] = name
            result.columns[_text(cell)] = name
    # Messages name a column as the table does ('Gereed'), not by the field it fills.
    names = {field: header for header, field in result.columns.items()}
    parties: dict[str, dict[str, str]] = {}
    agreements: list[dict[str, Any]] = []
    seen: set[str] = set()
    deadlines: list[date] = []
    for number, row in enumerate(table[header_row + 1 :], start=header_row + 2):
        cells = {name: row[index] for index, name in mapping.items() if index < len(row)}
        if not any(_text(value) for value in cells.values()):
            continue
        written = _text(cells.get("id"))
        if written and written in seen:
            # Skipped before anything of it is taken over: not its parties, not its notes.
            result.problems.append(_say("import.duplicate", lang, row=str(number), id=written))
            continue
        # A row's parties and notes count only when the row itself is taken over.
        row_parties = dict(parties)
        row_result = Imported({}, columns=names)
        agreement = _agreement(cells, number, row_parties, row_result, lang)
        result.problems += row_result.problems
        if agreement is None:
            continue
        result.assumptions += row_result.assumptions
        parties.update(row_parties)
        seen.add(written)
        agreements.append(agreement)
        if "deadline" in agreement:
            deadlines.append(agreement["deadline"])
    start, end = facts.start, facts.end
    if start is None or end is None:
        years = sorted(day.year for day in deadlines) or [date.today().year]
        start = start or date(years[0] if len(years) > 1 else years[0] - 3, 1, 1)
        end = end or date(years[-1], 12, 31)
        result.assumptions.append(
            _say("import.period", lang, start=start.isoformat(), end=end.isoformat())
        )
    for role in ("gemeente", "corporatie", "huurdersorganisatie"):
        if role not in {party["role"] for party in parties.values()}:
            result.problems.append(_say("import.missing-role", lang, role=role))
    result.data = {
        "kind": "agreements",
        "version": 1,
        "id": facts.set_id,
        "title": facts.title or facts.set_id,
        "period": {"start": start, "end": end},
        "parties": list(parties.values()),
        "agreements": agreements,
        "signatures": [],
    }
    return result


def _field_for(cell: Any, overrides: dict[str, str]) -> str | None:
    header = normalise(_text(cell))
    if not header:
        return None
    if header in overrides:
        return overrides[header]
    return SYNONYMS.get(header)


def _party(
    name: str, parties: dict[str, dict[str, str]], row: int, result: Imported, lang: Language
) -> str:
    key = _slug(name)
    if key not in parties:
        role = _role(name)
        if role is None:
            role = "overig"
            result.problems.append(_say("import.role", lang, row=str(row), party=name))
        parties[key] = {"id": key, "name": name, "role": role}
    return key


def _agreement(
    cells: dict[str, Any],
    row: int,
    parties: dict[str, dict[str, str]],
    result: Imported,
    lang: Language,
) -> dict[str, Any] | None:
    def problem(key: str, **params: str) -> None:
        if "column" in params:
            params["column"] = result.columns.get(params["column"], params["column"])
        result.problems.append(_say(key, lang, row=str(row), **params))

    agreement: dict[str, Any] = {}
    identifier = _text(cells.get("id"))
    if not identifier:
        problem("import.no-id")
        return None
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", identifier).strip("-.")
    if cleaned != identifier:
        result.assumptions.append(
            _say("import.id", lang, row=str(row), written=identifier, id=cleaned)
        )
    agreement["id"] = cleaned
    words = _text(cells.get("text"))
    title = _text(cells.get("title"))
    if not title:
        if not words:
            problem("import.no-title")
            return None
        title = " ".join(words.split()[:8])
        result.assumptions.append(_say("import.title", lang, row=str(row)))
    agreement["title"] = title
    if words:
        agreement["text"] = words
    theme = _text(cells.get("theme"))
    if not theme:
        theme = "overig"
        problem("import.no-theme")
    agreement["theme"] = theme.lower()
    _map_word(cells, "kind", KIND_WORDS, agreement, problem)
    owner = _text(cells.get("owner"))
    if owner:
        agreement["owner"] = _party(owner, parties, row, result, lang)
    contributors = [
        name.strip()
        for name in re.split(r"[,;/]| en ", _text(cells.get("contributors")))
        if name.strip()
    ]
    if contributors:
        agreement["contributors"] = [
            _party(name, parties, row, result, lang) for name in contributors
        ]
    target = _target(cells, title, problem, result, row, lang)
    if target is not None:
        agreement["target"] = target
    for name in ("deadline",):
        written = cells.get(name)
        if _text(written):
            day = parse_date(written)
            if day is None:
                problem("import.date", column=name, value=_text(written))
            else:
                agreement[name] = day
    _map_word(cells, "frequency", FREQUENCY_WORDS, agreement, problem)
    return agreement


def _target(
    cells: dict[str, Any],
    title: str,
    problem: Callable[..., None],
    result: Imported,
    row: int,
    lang: Language,
) -> dict[str, Any] | None:
    written = cells.get("target")
    if not _text(written):
        return None
    value, thousands, rest = parse_number(written)
    if value is None:
        problem("import.number", column="target", value=_text(written))
        return None
    target: dict[str, Any] = {"metric": _text(cells.get("metric")) or title, "value": value}
    if not _text(cells.get("metric")):
        result.assumptions.append(_say("import.metric", lang, row=str(row)))
    unit = _text(cells.get("unit"))
    if thousands:
        result.assumptions.append(
            _say("import.thousands", lang, row=str(row), value=_text(written), number=str(value))
        )
    if rest and not unit:
        unit = rest  # "180 woningen": the unit written after the number
        result.assumptions.append(_say("import.unit", lang, row=str(row), unit=rest))
    elif rest and normalise(rest) != normalise(unit):
        result.assumptions.append(
            _say("import.rest", lang, row=str(row), value=_text(written), rest=rest)
        )
    if unit:
        target["unit"] = unit
    _map_word(cells, "comparison", COMPARISON_WORDS, target, problem)
    cumulative = normalise(_text(cells.get("cumulative")))
    if cumulative in ("ja", "yes", "true", "1"):
        target["cumulative"] = True
    elif cumulative in ("nee", "no", "false", "0"):
        target["cumulative"] = False
    elif cumulative:
        problem("import.cell", column="cumulative", value=cumulative)
    _map_word(cells, "recurring", FREQUENCY_WORDS, target, problem)
    source = _text(cells.get("source"))
    if source:
        target["source"] = source
    baseline = cells.get("baseline")
    if _text(baseline):
        number, thousands_baseline, _ = parse_number(baseline)
        if thousands_baseline:
            result.assumptions.append(
                _say(
                    "import.thousands",
                    lang,
                    row=str(row),
                    value=_text(baseline),
                    number=str(number),
                )
            )
        day = parse_date(cells.get("baseline_date"))
        if number is None or day is None:
            problem("import.baseline", value=_text(baseline), day=_text(cells.get("baseline_date")))
        else:
            target["baseline"] = {"value": number, "date": day}
    return target
