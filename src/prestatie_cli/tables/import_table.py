"""A table (CSV or XLSX, how agreements live today) read into an agreement set."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from prestatie_cli.messages import Language, text
from prestatie_cli.tables.columns import (
    ANSWER_WORDS,
    COLUMNS,
    COMPARISON_WORDS,
    CONDITION_WORDS,
    COUNTING_WORDS,
    FREQUENCY_WORDS,
    KIND_WORDS,
    NO,
    YES,
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
    ("bewoner", "huurdersorganisatie"),
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


# Letters that do not come apart into a letter and an accent.
_LETTERS = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe",
                          "Œ": "OE", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "\u0131": "i"})  # fmt: skip


def transliterated(written: str) -> str:
    """Text in plain letters: 'Eén' as 'Een', 'Straße' as 'Strasse'."""
    decomposed = unicodedata.normalize("NFKD", written.translate(_LETTERS))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", transliterated(name).lower()).strip("-") or "partij"


# A party as the export writes it when its id is not made from its name: 'Naam [id]'.
_NAMED_ID = re.compile(r"^(.*\S)\s*\[([A-Za-z0-9][A-Za-z0-9._-]*)\]$")


def party_cell(name: str, identifier: str) -> str:
    """How the export names a party in a cell, so that the import finds its id back."""
    return name if _slug(name) == identifier else f"{name} [{identifier}]"


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
    # The parties and groups of an existing set (as plain data): the table's names and
    # ids refer to them, and they go into the new set as they are.
    parties: tuple[dict[str, Any], ...] = ()
    groups: tuple[dict[str, Any], ...] = ()
    # The one set to take from a table of several (its ``set`` column, as export writes it).
    only_set: str | None = None


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
    rows = _rows_of_set(table, header_row, overrides, facts.only_set, result, lang)
    if rows is None:
        return result
    # Messages name a column as the table does ('Gereed'), not by the field it fills.
    names = {field: header for header, field in result.columns.items()}
    parties: dict[str, dict[str, Any]] = {party["id"]: party for party in facts.parties}
    known = {
        normalise(written): item["id"]
        for item in (*facts.parties, *facts.groups)
        for written in (item["id"], item["name"])
    }
    agreements: list[dict[str, Any]] = []
    seen: set[str] = set()
    deadlines: list[date] = []
    undated: list[tuple[int, dict[str, Any]]] = []  # baselines without a date, by row
    for number, row in rows:
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
        agreement = _agreement(cells, number, Parties(known, row_parties), row_result, lang)
        result.problems += row_result.problems
        if agreement is None:
            continue
        result.assumptions += row_result.assumptions
        parties.update(row_parties)
        seen.add(written)
        agreements.append(agreement)
        if "deadline" in agreement:
            deadlines.append(agreement["deadline"])
        baseline = agreement.get("target", {}).get("baseline")
        if baseline is not None and baseline["date"] is None:
            undated.append((number, baseline))
    start, end = facts.start, facts.end
    if start is None or end is None:
        years = sorted(day.year for day in deadlines) or [date.today().year]
        start = start or date(years[0] if len(years) > 1 else years[0] - 3, 1, 1)
        end = end or date(years[-1], 12, 31)
        result.assumptions.append(
            _say("import.period", lang, start=start.isoformat(), end=end.isoformat())
        )
    for number, baseline in undated:
        baseline["date"] = start
        result.assumptions.append(
            _say(
                "import.baseline-date",
                lang,
                row=str(number),
                value=_text(baseline["value"]),
                date=start.isoformat(),
            )
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
        **({"groups": list(facts.groups)} if facts.groups else {}),
        "agreements": agreements,
        "signatures": [],
    }
    return result


def _rows_of_set(
    table: Sequence[Sequence[Any]],
    header_row: int,
    overrides: dict[str, str],
    only_set: str | None,
    result: Imported,
    lang: Language,
) -> list[tuple[int, Sequence[Any]]] | None:
    """The numbered rows below the header that belong to the set to import, or None (with
    the problem said) when the table's ``set`` column holds several sets and none was chosen,
    or not the one chosen."""
    rows = list(enumerate(table[header_row + 1 :], start=header_row + 2))
    column = next(
        (
            index
            for index, cell in enumerate(table[header_row])
            if _field_for(cell, overrides) == "set"
        ),
        None,
    )
    if column is None:
        if only_set is not None:
            result.problems.append(_say("import.set-no-column", lang, set=only_set))
            return None
        return rows

    def set_of(row: Sequence[Any]) -> str:
        return _text(row[column]) if column < len(row) else ""

    found = list(dict.fromkeys(set_of(row) for _, row in rows if set_of(row)))
    if only_set is not None:
        if only_set not in found:
            listed = ", ".join(found) or "-"
            result.problems.append(_say("import.set-unknown", lang, set=only_set, sets=listed))
            return None
        return [(number, row) for number, row in rows if set_of(row) == only_set]
    if len(found) > 1:
        listed = ", ".join(found)
        result.problems.append(
            _say("import.many-sets", lang, count=str(len(found)), sets=listed, first=found[0])
        )
        return None
    return rows


def _field_for(cell: Any, overrides: dict[str, str]) -> str | None:
    header = normalise(_text(cell))
    if not header:
        return None
    if header in overrides:
        return overrides[header]
    return SYNONYMS.get(header)


@dataclass(frozen=True, slots=True)
class Parties:
    """The parties and groups a row may name: those of a given set, and those the table adds."""

    known: dict[str, str]  # normalised name or id -> id, of a set given with --parties
    found: dict[str, dict[str, Any]]  # id -> the party as it goes into the set

    def references(
        self, written: str, separators: str, row: int, result: Imported, lang: Language
    ) -> list[str]:
        """The ids a cell names: a known name whole, else each name between ``separators``."""
        if not written:
            return []
        if normalise(written) in self.known:
            return [self.known[normalise(written)]]
        pieces = (piece.strip() for piece in re.split(separators, written))
        return [self.party(piece, row, result, lang) for piece in pieces if piece]

    def party(self, name: str, row: int, result: Imported, lang: Language) -> str:
        if normalise(name) in self.known:
            return self.known[normalise(name)]
        named = _NAMED_ID.match(name)
        if named and normalise(named.group(2)) in self.known:
            return self.known[normalise(named.group(2))]
        if named:  # 'Woonstichting De Linde [corporatie]': the id the export wrote
            name, key = named.group(1), named.group(2)
        else:
            key = base = _slug(name)
            # Another name that makes the same id gets a number: ids stay unique.
            number = 2
            while key in self.found and self.found[key]["name"] != name:
                key = f"{base}-{number}"
                number += 1
        if key not in self.found:
            role = _role(name) or _role(key)
            if role is None:
                role = "overig"
                result.problems.append(_say("import.role", lang, row=str(row), party=name))
            self.found[key] = {"id": key, "name": name, "role": role}
        return key


# How a cell separates the names it holds: owners and the asked as the export writes them
# (', '); contributors also as tables in the wild do ('/', ' en ').
_LIST = r"[,;]"
_CONTRIBUTORS = r"[,;/]| en "


def _one_or_list(ids: list[str]) -> str | list[str]:
    return ids[0] if len(ids) == 1 else ids


def _agreement(
    cells: dict[str, Any],
    row: int,
    parties: Parties,
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
    cleaned = _identifier(identifier)
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
        title = first_sentence(words)
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
    owners = parties.references(_text(cells.get("owner")), _LIST, row, result, lang)
    if owners:
        agreement["owner"] = _one_or_list(owners)
    contributors = parties.references(
        _text(cells.get("contributors")), _CONTRIBUTORS, row, result, lang
    )
    if contributors:
        agreement["contributors"] = contributors
    asked = parties.references(_text(cells.get("addressed_to")), _LIST, row, result, lang)
    if asked:
        agreement["addressed_to"] = _one_or_list(asked)
    _answer(cells, agreement, problem)
    parent = _text(cells.get("parent"))
    if parent:
        agreement["parent"] = _identifier(parent)
    for name in ("scope", "per_event"):
        if _text(cells.get(name)):
            agreement[name] = _text(cells.get(name))
    conditions = _conditions(_text(cells.get("conditions")), row, result, lang)
    if conditions:
        agreement["conditions"] = conditions
    target = _target(cells, title, problem, result, row, lang)
    if target is not None:
        agreement["target"] = target
    _date_cell(cells, "effective_from", agreement, problem)
    _date_cell(cells, "deadline", agreement, problem)
    for name in ("ongoing", "beyond_term"):
        _flag(cells, name, agreement, problem)
    _map_word(cells, "frequency", FREQUENCY_WORDS, agreement, problem)
    _entries_cell(cells, "milestones", _milestones, "import.milestones", agreement, problem)
    return agreement


# A point, '!' or '?' before a space or the end: where a sentence may end.
_SENTENCE_MARK = re.compile(r"[.!?](?=\s|$)")


def first_sentence(words: str) -> str:
    """The text's first sentence, whole: a title is never cut off in the middle of a phrase.

    A sentence ends where the next one starts with a capital letter (or the text ends):
    the points of '3.000', 'o.a. in' and 'ca. 200' do not end it.
    """
    for mark in _SENTENCE_MARK.finditer(words):
        after = words[mark.end() :].lstrip().lstrip("\"'(\u2018\u201c")
        if not after or after[0].isupper():
            return words[: mark.end()].rstrip(".")
    return words.rstrip(".")


def _identifier(written: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", transliterated(written)).strip("-.")


def _date_cell(
    cells: dict[str, Any], name: str, into: dict[str, Any], problem: Callable[..., None]
) -> None:
    written = cells.get(name)
    if _text(written):
        day = parse_date(written)
        if day is None:
            problem("import.date", column=name, value=_text(written))
        else:
            into[name] = day


def _flag(
    cells: dict[str, Any], name: str, into: dict[str, Any], problem: Callable[..., None]
) -> None:
    """ja or nee (yes, no, true, false, 1, 0); an empty cell leaves the default."""
    written = normalise(_text(cells.get(name)))
    if written in YES:
        into[name] = True
    elif written in NO:
        into[name] = False
    elif written:
        problem("import.cell", column=name, value=_text(cells.get(name)))


def _answer(cells: dict[str, Any], into: dict[str, Any], problem: Callable[..., None]) -> None:
    """A request's answer: a state and a date (and a note); both, or it is left out."""
    answer: dict[str, Any] = {}
    _map_word(cells, "answer", ANSWER_WORDS, answer, problem)
    _date_cell(cells, "answer_date", answer, problem)
    note = _text(cells.get("answer_note"))
    if not answer and not note:
        return
    if "answer" not in answer or "answer_date" not in answer:
        problem("import.answer")
        return
    into["answer"] = {"state": answer["answer"], "date": answer["answer_date"]}
    if note:
        into["answer"]["note"] = note


_CONDITION = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]{0,79}):\s*(.*)$")
# A new condition starts after '; ' that follows the brackets of the one before, or
# that is followed by an id and a colon: a ';' inside a condition's text stays there.
_NEXT_CONDITION = re.compile(r"(?<=\));\s*|;\s*(?=[A-Za-z0-9][A-Za-z0-9._-]*:\s)")


def _conditions(written: str, row: int, result: Imported, lang: Language) -> list[dict[str, Any]]:
    """'id: text (kind, by); ...' as the export writes it; text alone gets an id of its own."""
    found: list[dict[str, Any]] = []
    for number, piece in enumerate(_NEXT_CONDITION.split(written) if written else [], start=1):
        match = _CONDITION.match(piece.strip())
        if match and match.group(2).strip():
            identifier, rest = match.group(1), match.group(2).strip()
        else:
            identifier, rest = f"voorbehoud-{number}", piece.strip()
            result.assumptions.append(
                _say("import.condition-id", lang, row=str(row), text=rest, id=identifier)
            )
        condition: dict[str, Any] = {"id": identifier, "text": rest}
        # The brackets at the end say the kind and who approves or decides; brackets
        # that do not start with a kind belong to the text.
        text_part, inside = _last_brackets(rest)
        if inside is not None and text_part:
            kind_word, _, by = inside.partition(",")
            kind = _word(kind_word, CONDITION_WORDS)
            if kind is not None:
                condition.update(text=text_part, kind=kind)
                if by.strip():
                    condition["by"] = by.strip()
        found.append(condition)
    return found


def _last_brackets(written: str) -> tuple[str, str | None]:
    """'text (inside (nested))' -> ('text', 'inside (nested)'); no brackets at the end: None."""
    if not written.endswith(")"):
        return written, None
    depth = 0
    for at in range(len(written) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(written[at], 0)
        if depth == 0:
            return written[:at].strip(), written[at + 1 : -1].strip()
    return written, None


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
        _read_thousands(result, row, "target", written, value, lang)
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
    _range(cells, target, problem)
    _flag(cells, "approximate", target, problem)
    index = _text(cells.get("index"))
    if index:
        target["index"] = index
    _map_word(cells, "counting", COUNTING_WORDS, target, problem)
    _entries_cell(cells, "per_year", _per_year, "import.per-year", target, problem)
    _entries_cell(cells, "split", _split, "import.split", target, problem)
    source = _text(cells.get("source"))
    if source:
        target["source"] = source
    baseline = cells.get("baseline")
    if _text(baseline):
        number, thousands_baseline, _ = parse_number(baseline)
        if thousands_baseline:
            _read_thousands(result, row, "baseline", baseline, number, lang)
        written_day = _text(cells.get("baseline_date"))
        day = parse_date(cells.get("baseline_date"))
        # One message for each cell that cannot be read, naming its column; nothing else.
        if number is None:
            problem("import.baseline", column="baseline", value=_text(baseline))
        if written_day and day is None:
            problem("import.baseline-day", column="baseline_date", value=written_day)
        if number is not None and (day is not None or not written_day):
            # Without a date the baseline is taken at the start of the term (said so).
            target["baseline"] = {"value": number, "date": day}
    return target


def _read_thousands(
    result: Imported, row: int, name: str, written: Any, number: float | None, lang: Language
) -> None:
    """Say that the cell of field ``name`` was read with a thousands separator, as ``number``."""
    result.assumptions.append(
        _say(
            "import.thousands",
            lang,
            row=str(row),
            column=result.columns.get(name, name),
            value=_text(written),
            number=str(number),
        )
    )


def _range(cells: dict[str, Any], target: dict[str, Any], problem: Callable[..., None]) -> None:
    """'tussen' with an upper bound not below the target: both, or neither is taken over."""
    written = _text(cells.get("upper"))
    between = target.get("comparison") == "between"
    if not written and not between:
        return
    upper, _, rest = parse_number(cells.get("upper"))
    if written and (upper is None or rest):
        problem("import.cell", column="upper", value=written)
    elif between and upper is not None and upper >= target["value"]:
        target["upper"] = upper
        return
    else:
        problem("import.range")
    if between:
        del target["comparison"]


def _entries(written: str, start: str) -> list[tuple[str, str, str | None]]:
    """The parts of a cell of entries 'head: value (note); ...': a new entry starts where
    '; ' is followed by ``start`` (a pattern), so a note may hold ';' and brackets."""
    found = []
    for piece in re.split(rf";\s*(?={start})", written) if written else []:
        head, colon, rest = piece.strip().partition(":")
        value, note = _last_brackets(rest.strip())
        found.append((head.strip() if colon else "", value, note or None))
    return found


def _entries_cell(
    cells: dict[str, Any],
    name: str,
    read: Callable[[str], list[dict[str, Any]] | None],
    key: str,
    into: dict[str, Any],
    problem: Callable[..., None],
) -> None:
    """A cell of entries ('2027: 700; 2029: 736') read by ``read``: taken over when there are
    any, the message ``key`` when a part cannot be read; an empty cell leaves it out."""
    found = read(_text(cells.get(name)))
    if found is None:
        problem(key, column=name, value=_text(cells.get(name)))
    elif found:
        into[name] = found


def _per_year(written: str) -> list[dict[str, Any]] | None:
    """'2027: 700,72; 2029: 736,2 (note)' as entries; None when a part cannot be read."""
    found: list[dict[str, Any]] = []
    for year, written_value, note in _entries(written, r"\d{4}\s*:"):
        value, _, rest = parse_number(written_value)
        if not re.fullmatch(r"\d{4}", year) or not 1900 <= int(year) <= 2200:
            return None
        if value is None or rest:
            return None
        found.append({"year": int(year), "value": value} | ({"note": note} if note else {}))
    return found


def _milestones(written: str) -> list[dict[str, Any]] | None:
    """'2027-12-31: 400; 2029-12-31: 750 (note)' as milestones; None when a part is unreadable."""
    found: list[dict[str, Any]] = []
    for day_written, written_value, note in _entries(written, r"[0-9][0-9./-]+[0-9]\s*:"):
        day = parse_date(day_written)
        value, _, rest = parse_number(written_value)
        if day is None or value is None or rest:
            return None
        found.append({"date": day, "value": value} | ({"note": note} if note else {}))
    return found


_SHARE = re.compile(r"^(.+?)\s+([0-9]+(?:[.,][0-9]+)?)\s*%$")


def _split(written: str) -> list[dict[str, Any]] | None:
    """'sociale huur 60 %; middenhuur 20 % (240)' as shares; None when a part cannot be read."""
    found: list[dict[str, Any]] = []
    for piece in written.split(";") if written else []:
        head, inside = _last_brackets(piece.strip())
        match = _SHARE.match(head)
        share = parse_number(match.group(2))[0] if match else None
        if match is None or share is None or not 0 <= share <= 100:
            return None
        entry: dict[str, Any] = {"category": match.group(1).strip(), "share": share}
        if inside is not None:
            value, _, rest = parse_number(inside)
            if value is None or rest:
                return None
            entry["value"] = value
        found.append(entry)
    return found
