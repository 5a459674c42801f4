"""One canonical layout for agreement, monitor and configuration files (``prestatie fmt``).

The layout, as rules:

- keys in the order of the format (``FORMAT_ORDER``: the order the README and the bundled
  examples write them); keys the format does not know keep their place. A file whose
  ``kind`` is not one of the three is another tool's and is refused;
- two spaces per level; a list under a key is indented by two (``parties:`` /
  ``  - id: ...``);
- a list or mapping keeps the style it is written in: on one line (``[gemeente, corp-a]``,
  ``- {date: 2017-12-31, value: 60}``) or as a block; one that holds a comment, or a
  value that cannot stand on one line (a text over several lines, a comma in a plain
  text), becomes a block. Empty ones are ``[]`` and ``{}``;
- a quoted text that reads the same without quotes loses them; quotes stay where they are
  needed and wherever a YAML reader could take the text for something else ('2026',
  'yes', 'no', 'on', '2026-01-01'); single quotes become double quotes where nothing in
  the text needs escaping;
- every comment stays: a comment above a key or item moves with it, a comment at the end
  of a line stays at its column, a comment after the last item of a list or mapping
  stays there, and the opening comments of the file stay at the top. Runs of blank lines
  become one; the file ends with one line break, in the file's own line endings (a text
  such as ``|`` that ended a file without one becomes ``|-``, which reads the same).

Anchors, aliases and tags are refused: reordering could put an alias before its anchor,
and a tag may construct an object. A ``<<`` key is an ordinary key (there are no aliases
to merge). The text is parsed by ruamel.yaml's parser (events with their positions); the
layout is written from them, copying every scalar as written (only quotes change), so
that no value can change its type. Before the result is returned it is read again by
``load.yaml`` and must give the same data and the same comments, or it is refused.
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    DocumentEndEvent,
    Event,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
    SequenceStartEvent,
)

from prestatie_cli.errors import PrestatieError
from prestatie_cli.load.wording import from_load_error
from prestatie_cli.load.yaml import Document, LoadError, load_text, resolve_scalar
from prestatie_cli.messages import Language, register, text

MESSAGES: dict[str, dict[Language, str]] = {
    "fmt.refused.load": {
        "nl": "{path}:{line}:{column}: geen geldige YAML; het bestand blijft zoals het is.",
        "en": "{path}:{line}:{column}: not valid YAML; the file is left as it is.",
    },
    "fmt.refused.tag": {
        "nl": "{path}:{line}:{column}: de YAML-tag {tag} wordt niet opgemaakt; het bestand "
        "blijft zoals het is.",
        "en": "{path}:{line}:{column}: the YAML tag {tag} is not formatted; the file is left "
        "as it is.",
    },
    "fmt.refused.anchor": {
        "nl": "{path}:{line}:{column}: een anker of alias (&, *) wordt niet opgemaakt; het "
        "bestand blijft zoals het is.",
        "en": "{path}:{line}:{column}: an anchor or alias (&, *) is not formatted; the file is "
        "left as it is.",
    },
    "fmt.refused.changed": {
        "nl": "{path}: opgemaakt zou het bestand iets anders betekenen ({what}); het blijft "
        "zoals het is. Meld dit als fout.",
        "en": "{path}: formatted, the file would mean something else ({what}); it is left as "
        "it is. Please report this as a bug.",
    },
    "fmt.refused.kind": {
        "nl": "{path}: geen bestand van prestatie (het begint niet met 'kind: agreements', "
        "'kind: monitor' of 'kind: config'); het blijft zoals het is.",
        "en": "{path}: not a prestatie file (it does not start with 'kind: agreements', "
        "'kind: monitor' or 'kind: config'); it is left as it is.",
    },
    "fmt.what.data": {"nl": "andere gegevens", "en": "other data"},
    "fmt.what.comments": {"nl": "commentaar zou verdwijnen", "en": "a comment would be lost"},
    "fmt.what.unreadable": {"nl": "geen geldige YAML meer", "en": "no longer valid YAML"},
}
register(MESSAGES)


class LayoutError(PrestatieError):
    """A text that cannot be formatted safely; the file is left as it is (exit code 2).

    ``line`` and ``column`` (1-based) say where, when a place is known.
    """

    def __init__(
        self,
        key: str,
        path: str,
        line: int | None = None,
        column: int | None = None,
        *,
        load_error: LoadError | None = None,
        **params: str,
    ) -> None:
        where = {"path": path, "line": str(line or 1), "column": str(column or 1)}
        super().__init__("", key, **where, **params)
        self.path = path
        self.line = line
        self.column = column
        self.load_error = load_error

    def render(self, lang: Language) -> str:
        if self.load_error is not None:
            # As 'prestatie check' shows it: path:line:column: code severity message.
            problem = from_load_error(self.load_error, lang)
            severity = text(f"report.severity.{problem.severity}", lang)
            return (
                f"{problem.path}:{problem.line}:{problem.column}: "
                f"{problem.code} {severity} {problem.message}"
            )
        params = dict(self.params)
        if "what" in params:
            params["what"] = text(f"fmt.what.{params['what']}", lang)
        return text(self.key or "", lang, params)


def _fields(spec: str) -> dict[str, tuple[int, str | None]]:
    """'a b:Child c' -> each key's rank and the context of its value (or of its items)."""
    order: dict[str, tuple[int, str | None]] = {}
    for rank, word in enumerate(spec.split()):
        name, _, child = word.partition(":")
        order[name] = (rank, child or None)
    return order


# The order of the keys of each part of the format, with the part each value (or each item
# of a list) is. Every field of model/agreements.py is here (a test holds them together).
FORMAT_ORDER: dict[str, dict[str, tuple[int, str | None]]] = {
    name: _fields(spec)
    for name, spec in {
        "AgreementSet": "kind version id title frame period:Period basis parties:Party "
        "groups:Group bids:Bid agreements:Agreement amendments:SetAmendment "
        "signatures:Signature waivers:Waiver",
        "Period": "start end",
        "Party": "id name role joined left successor note",
        "Group": "id name members note",
        "Bid": "party date note",
        "Agreement": "id title parent text theme kind owner contributors addressed_to "
        "answer:Answer scope per_event conditions:Condition target:Target effective_from "
        "deadline ongoing beyond_term frequency milestones:Milestone amendments:Amendment "
        "waivers:Waiver",
        "Answer": "state date note",
        "Condition": "id text kind by",
        "Target": "metric unit value comparison upper approximate index counting cumulative "
        "recurring per_year:YearValue split:Share baseline:Baseline source",
        "YearValue": "year value note",
        "Share": "category share value",
        "Baseline": "value date",
        "Milestone": "date value note",
        "Amendment": "date reason summary agreed_by",
        "SetAmendment": "date reason summary agreed_by extends_to withdraws",
        "Waiver": "rule reason until",
        "Signature": "party name date digest",
        "Monitor": "kind version set measurements:Measurement conditions:ConditionRecord "
        "waivers:MonitorWaiver",
        "Measurement": "agreement date value index source reported_by note",
        "ConditionRecord": "agreement condition date state source note",
        "MonitorWaiver": "agreement rule reason until",
        "Config": "kind version lang rules themes thresholds:Thresholds",
        "Thresholds": "on_track at_risk pace_factor grace_days",
    }.items()
}
_ROOTS = {"agreements": "AgreementSet", "monitor": "Monitor", "config": "Config"}

try:  # libyaml's parser, compiled for ruamel.yaml: the same events, several times faster
    from _ruamel_yaml_clibz import CParser as _CParser
except ImportError:  # pragma: no cover - depends on the platform's wheels
    _CParser = None
# Characters libyaml reads otherwise than ruamel's Python parser (as load.yaml says).
_PURE_ONLY = re.compile("[\x85\u2028\u2029\t]")

# Words other YAML readers (YAML 1.1) take for a boolean or null: kept in quotes.
_OTHER_READERS = frozenset(
    ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "=", "<<"]
)  # compared in lower case
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_FLOW_UNSAFE = re.compile(r"[,\[\]{}:]")
_HEADER = re.compile(r"[|>]([1-9]?)([+-]?)([1-9]?)")


@dataclass(eq=False)
class _Scalar:
    start: int
    end: int
    style: str | None
    value: str
    source: str


@dataclass(eq=False)
class _Collection:
    flow: bool
    is_list: bool
    start: int
    end: int
    # The column of the keys of a block mapping, or of the dashes of a block list.
    child_column: int
    holder: _Slot
    slots: list[_Slot] = field(default_factory=list)
    tail: list[str] = field(default_factory=list)


_Node = _Scalar | _Collection


@dataclass(eq=False)
class _Slot:
    """A place for a value: an entry of a mapping, an item of a list, or the document."""

    key: _Scalar | None
    container: _Collection | None
    # The column of the key, or of the dash, in the original text (for block scalars).
    column: int
    value: _Node | None = None
    head: list[str] = field(default_factory=list)
    eol: tuple[int, str] | None = None


@dataclass(eq=False)
class _Mark:
    """A token: a scalar, or a bracket of a flow collection."""

    start: int
    end: int
    slot: _Slot
    # The innermost collection the token stands in (a bracket: its own collection).
    collection: _Collection | None


class _Tree:
    """The document as slots and collections, with every comment attached to one."""

    def __init__(self, body: str, path: str) -> None:
        self.body = body
        self.path = path
        self.line_starts = [0, *(match.end() for match in re.finditer("\n", body))]
        self.root = _Slot(None, None, 0)
        self.marks: list[_Mark] = []
        self.slot_at: dict[int, _Slot] = {}
        # A list item's dash alone on its line, with a comment: the mark of the item's first
        # token, and where that comment stands.
        self.dashes: dict[int, int] = {}
        self.explicit_end = False
        self.head: list[str] = []
        self.tail: list[str] = []
        self._build()
        self._attach_comments()

    # --- positions ------------------------------------------------------------------------

    def line_of(self, index: int) -> int:
        return bisect_right(self.line_starts, index) - 1

    def column_of(self, index: int) -> int:
        return index - self.line_starts[self.line_of(index)]

    def _refuse(self, key: str, index: int, tag: str = "") -> LayoutError:
        line, column = self.line_of(index) + 1, self.column_of(index) + 1
        return LayoutError(key, self.path, line, column, tag=tag)

    # --- structure ------------------------------------------------------------------------

    def _build(self) -> None:
        stack: list[_Collection] = []
        pending: dict[int, _Slot] = {}  # a mapping's entry that waits for its value
        for event in _events(self.body):
            if isinstance(event, DocumentEndEvent):
                self.explicit_end = bool(event.explicit)
                continue
            if isinstance(event, AliasEvent):
                raise self._refuse("fmt.refused.anchor", event.start_mark.index)
            if not isinstance(event, NodeEvent):
                if stack and type(event).__name__ in ("MappingEndEvent", "SequenceEndEvent"):
                    self._end(stack, event)
                continue
            self._check(event)
            top = stack[-1] if stack else None
            if top is None:
                slot = self.root
            elif not top.is_list and id(top) not in pending:
                assert isinstance(event, ScalarEvent)  # complex keys are refused by load_text
                key = self._scalar(event)
                entry = _Slot(key, top, self.column_of(key.start))
                top.slots.append(entry)
                self.slot_at.setdefault(key.start, entry)
                pending[id(top)] = entry
                self._mark(key, entry, top, stack)
                continue
            elif top.is_list:
                slot = _Slot(None, top, top.child_column)
                top.slots.append(slot)
            else:
                slot = pending.pop(id(top))
            if top is None or top.is_list:
                self.slot_at.setdefault(event.start_mark.index, slot)
            if isinstance(event, ScalarEvent):
                scalar = self._scalar(event)
                slot.value = scalar
                if scalar.end > scalar.start:
                    self._mark(scalar, slot, top, stack)
            else:
                assert isinstance(event, CollectionStartEvent)
                start = event.start_mark.index
                collection = _Collection(
                    flow=bool(event.flow_style),
                    is_list=isinstance(event, SequenceStartEvent),
                    start=start,
                    end=event.end_mark.index,
                    child_column=event.start_mark.column,
                    holder=slot,
                )
                slot.value = collection
                stack.append(collection)
                if collection.flow:
                    self._add_mark(_Mark(start, start + 1, slot, collection), stack)

    def _check(self, event: NodeEvent) -> None:
        if event.anchor is not None:
            raise self._refuse("fmt.refused.anchor", event.start_mark.index)
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!":
            shown = str(tag).replace("tag:yaml.org,2002:", "!!")
            raise self._refuse("fmt.refused.tag", event.start_mark.index, tag=shown)
        if isinstance(event, MappingStartEvent | SequenceStartEvent) and tag == "!":
            raise self._refuse("fmt.refused.tag", event.start_mark.index, tag="!")

    def _scalar(self, event: ScalarEvent) -> _Scalar:
        start, end = event.start_mark.index, event.end_mark.index
        style = event.style or None
        source = self.body[start:end]
        if style in ("|", ">"):
            lines = source.split("\n")
            header = _HEADER.match(lines[0])
            keep = header is not None and "+" in (header.group(2) or "")
            if keep:
                if len(lines) > 1 and lines[-1] == "":
                    lines.pop()
            else:
                while len(lines) > 1 and not lines[-1].strip():
                    lines.pop()
            source = "\n".join(lines)
            end = start + len(source)
        return _Scalar(start, end, style, str(event.value), source)

    def _mark(
        self, scalar: _Scalar, slot: _Slot, top: _Collection | None, stack: list[_Collection]
    ) -> None:
        self._add_mark(_Mark(scalar.start, scalar.end, slot, top), stack)

    def _add_mark(self, mark: _Mark, stack: list[_Collection]) -> None:
        self.marks.append(mark)
        for collection in stack:
            if not collection.flow and mark.end > collection.end:
                collection.end = mark.end

    def _end(self, stack: list[_Collection], event: Event) -> None:
        collection = stack.pop()
        if collection.flow:
            start, end = event.start_mark.index, event.end_mark.index
            collection.end = end
            self._add_mark(_Mark(start, end, collection.holder, collection), stack)

    # --- comments -------------------------------------------------------------------------

    def comments(self) -> list[tuple[int, str]]:
        """Every comment (its index and text) and every blank line (its index and "")
        outside the scalars, in order."""
        found: list[tuple[int, str]] = []
        body = self.body
        edges = [0]
        for mark in self.marks:
            edges.extend((mark.start, mark.end))
        edges.append(len(body))
        for at in range(0, len(edges), 2):
            begin, end = edges[at], edges[at + 1]
            self._gap(begin, end, found)
        return found

    def _gap(self, begin: int, end: int, found: list[tuple[int, str]]) -> None:
        body = self.body
        at = begin
        while at < end:
            newline = body.find("\n", at, end)
            stop = end if newline < 0 else newline
            line_start = self.line_starts[self.line_of(at)]
            piece = body[at:stop]
            hash_at = piece.find("#")
            if hash_at >= 0:
                comment = piece[hash_at:]
                cut = re.search("[\r\x85\u2028\u2029]", comment)
                if cut:
                    comment = comment[: cut.start()]
                found.append((at + hash_at, comment.rstrip()))
            elif at == line_start and newline >= 0 and not piece.strip():
                found.append((at, ""))
            if newline < 0:
                break
            at = newline + 1

    def _attach_comments(self) -> None:
        if not self.marks:
            return
        starts = [mark.start for mark in self.marks]
        first = self.marks[0].start
        first_line = self.line_of(first)
        prologue_end = self._prologue(first, first_line)
        group: list[tuple[int, str]] = []
        group_at = -1
        for index, comment in self.comments():
            if index < prologue_end:
                continue  # the prologue, kept as written
            before = bisect_right(starts, index) - 1
            line_start = self.line_starts[self.line_of(index)]
            if (
                comment
                and self.body[line_start:index].strip()
                and self._eol(index, comment, before)
            ):
                if group and self.dashes.get(before + 1) == index:
                    self._own_lines(group, group_at)  # above the dash: the item's
                    group = []
                continue
            if before != group_at and group:
                self._own_lines(group, group_at)
                group = []
            group_at = before
            group.append((index, comment))
        if group:
            self._own_lines(group, group_at)

    def _prologue(self, first: int, first_line: int) -> int:
        """What stands before the first token: the file's opening comments, directives
        and '---', kept as written at the top."""
        lines = self.body[: self.line_starts[first_line]].split("\n")[:-1]
        kept = 0
        while kept < len(lines) and (
            not lines[kept].strip() or lines[kept].lstrip().startswith(("#", "%", "---"))
        ):
            kept += 1
        self.head = [line.rstrip() for line in lines[:kept]]
        if kept == len(lines) and self.body[self.line_starts[first_line] : first].startswith("---"):
            self.head.append("---")
        return self.line_starts[kept]

    def _eol(self, index: int, comment: str, before: int) -> bool:
        """Attach a comment that follows something on its line; False when it is to be
        placed as a comment on a line of its own."""
        line = self.line_of(index)
        slot: _Slot | None = None
        if before >= 0 and self.line_of(self.marks[before].end) == line:
            slot = self.marks[before].slot
        elif before + 1 < len(self.marks):
            slot = self.slot_at.get(self.marks[before + 1].start)
            if (
                slot is not None
                and slot.eol is None
                and slot.key is None
                and slot.container is not None
                and isinstance(slot.value, _Collection)
                and not slot.value.flow
            ):
                self.dashes[before + 1] = index
        if slot is None or slot.eol is not None:
            return False
        slot.eol = (self.column_of(index), comment)
        return True

    def _own_lines(self, group: list[tuple[int, str]], before: int) -> None:
        """Comments on lines of their own between two tokens: the end of a collection that
        closes here when the comment is indented as its items, else above what follows."""
        if group[0][0] > self.dashes.get(before + 1, len(self.body)):
            # Below a dash alone on its line with a comment: above the item's first key,
            # where the layout writes them (not above the dash, which would move them).
            self.marks[before + 1].slot.head.extend(comment for _, comment in group)
            return
        after = self.marks[before + 1] if before + 1 < len(self.marks) else None
        candidates: list[_Collection] = []
        collection = self.marks[before].collection if before >= 0 else None
        while collection is not None:
            if after is not None and collection.start <= after.start < collection.end:
                break
            if not collection.flow or group[0][0] < collection.end:
                candidates.append(collection)
            collection = collection.holder.container
        following = self.slot_at.get(after.start) if after is not None else None
        if following is None and after is not None and after.collection is not None:
            candidates.append(after.collection)  # before the closing bracket of a flow
        floor = 0
        waiting: list[str] = []
        to_next = False
        for index, comment in group:
            if not comment:
                waiting.append("")
                continue
            column = self.column_of(index)
            chosen = None
            if not to_next:
                for rank in range(floor, len(candidates)):
                    candidate = candidates[rank]
                    if candidate.flow or candidate.child_column <= column:
                        chosen, floor = candidate, rank
                        break
            if chosen is None and following is None and candidates:
                chosen, floor = candidates[-1], len(candidates) - 1
            if chosen is None:
                to_next = True
                waiting.append(comment)
                continue
            chosen.tail.extend(waiting)
            chosen.tail.append(comment)
            waiting = []
        if following is not None:
            following.head.extend(waiting)
        else:
            self.tail.extend(waiting)


def _events(body: str) -> list[Event]:
    """The parser events of ``body`` (valid YAML: load_text has read it), with positions
    in characters."""
    if _CParser is not None and not _PURE_ONLY.search(body):
        parser = _CParser(body)
        events: list[Event] = []
        try:
            while True:
                event = parser.get_event()
                events.append(event)
                if type(event).__name__ == "StreamEndEvent":
                    return events
        except Exception:  # what libyaml refuses, the Python parser reads
            pass
        finally:
            parser.dispose()
    return list(YAML(typ="safe", pure=True).parse(body))


def _ranked(collection: _Collection, context: str | None) -> list[_Slot]:
    """The entries of a mapping in the format's order; unknown keys keep their place (the
    decimals of a number written with a comma go with the number)."""
    order = FORMAT_ORDER.get(context or "")
    if collection.is_list or order is None:
        return collection.slots
    groups: list[list[_Slot]] = []
    for slot in collection.slots:
        if groups and _decimal_comma(groups[-1][-1], slot):
            groups[-1].append(slot)
        else:
            groups.append([slot])

    def rank(group: list[_Slot]) -> int:
        key = group[0].key
        found = order.get(key.value) if key is not None else None
        return found[0] if found is not None else -1

    ranked = iter(sorted((group for group in groups if rank(group) >= 0), key=rank))
    placed = [next(ranked) if rank(group) >= 0 else group for group in groups]
    return [slot for group in placed for slot in group]


def _child_context(context: str | None, slot: _Slot) -> str | None:
    """The part of the format an entry's value is (for a list: each of its items)."""
    order = FORMAT_ORDER.get(context or "")
    if order is None or slot.key is None:
        return None
    return order.get(slot.key.value, (0, None))[1]


def _plain_safe(value: str, flow: bool) -> bool:
    """Whether ``value`` reads as the same text without quotes, here and in other readers."""
    if not value or value != value.strip() or not value.isprintable():
        return False
    if value[0] in _INDICATORS or value[0] in "0123456789+-.":
        return False
    if value.lower() in _OTHER_READERS or ": " in value or " #" in value or value.endswith(":"):
        return False
    if flow and _FLOW_UNSAFE.search(value):
        return False
    return resolve_scalar(value) == value and type(resolve_scalar(value)) is str


def _inline(scalar: _Scalar, flow: bool) -> str:
    """A one-line scalar as the layout writes it."""
    if scalar.style is None:
        return scalar.source
    if _plain_safe(scalar.value, flow):
        return scalar.value
    if scalar.style == "'" and not re.search(r'["\\]', scalar.value) and scalar.value.isprintable():
        return f'"{scalar.value}"'
    return scalar.source


def _decimal_comma(previous: _Slot | None, slot: _Slot) -> bool:
    """Whether ``slot`` (a number as a key without a value) is the decimals of a number
    written with a comma in the entry before it: ``value: 682,96`` between braces (or the
    next group of ``value: 1,234,567``). It goes where the number goes."""
    if previous is None or slot.key is None or not isinstance(previous.value, _Scalar):
        return False
    # The number, or the last group of a number with more commas ({value: 1,234,567}).
    number = previous.key if _empty(previous.value) and previous.key else previous.value
    decimals = slot.key
    return (
        isinstance(slot.value, _Scalar)
        and _empty(slot.value)
        and number.style is None
        and decimals.style is None
        and number.source.isdigit()
        and decimals.source.isdigit()
    )


def _adjacent(previous: _Slot | None, slot: _Slot) -> bool:
    """Whether ``slot``'s key follows the entry before it with only a comma between."""
    if previous is None or slot.key is None or not isinstance(previous.value, _Scalar):
        return False
    number = previous.key if _empty(previous.value) and previous.key else previous.value
    return slot.key.start == number.end + 1


def _empty(scalar: _Scalar) -> bool:
    return scalar.style is None and not scalar.source


def _fits_flow(scalar: _Scalar) -> bool:
    if "\n" in scalar.source or scalar.style in ("|", ">"):
        return False
    if scalar.style is None:
        return (
            bool(scalar.source)
            and not _FLOW_UNSAFE.search(scalar.source)
            and scalar.source[0] not in "-?"
        )
    return True


class _Writer:
    def __init__(self, tree: _Tree) -> None:
        self.tree = tree
        self.lines: list[str] = []
        self.hoisted: set[int] = set()
        self.after_keep = False
        self._comments: dict[int, bool] = {}
        self._flows: dict[int, bool] = {}

    def write(self, context: str | None) -> list[str]:
        tree = self.tree
        self.blank_lines(tree.head, 0, leading=True)
        root = tree.root
        if root.value is not None:
            self.slot_value(root, "", 0, context, item=False)
        tail = list(tree.tail)
        while tail and not tail[-1]:
            tail.pop()
        self.blank_lines(tail, 0, leading=False)
        if tree.explicit_end:
            self.lines.append("...")
        return self.lines

    # --- what may stand on one line --------------------------------------------------------

    def has_comments(self, node: _Node | None) -> bool:
        if not isinstance(node, _Collection):
            return False
        known = self._comments.get(id(node))
        if known is None:
            known = bool(node.tail) or any(
                slot.head or slot.eol or self.has_comments(slot.value) for slot in node.slots
            )
            self._comments[id(node)] = known
        return known

    def flows(self, node: _Collection) -> bool:
        known = self._flows.get(id(node))
        if known is None:
            known = self._flows[id(node)] = self._can_flow(node)
        return known

    def _can_flow(self, node: _Collection) -> bool:
        if not node.slots:
            return True  # [] or {}; comments after it follow on lines of their own
        if self.has_comments(node):
            return False
        if not node.flow:
            return False
        for slot in node.slots:
            value = slot.value
            if slot.key is not None and not _fits_flow(slot.key):
                return False
            if isinstance(value, _Scalar):
                if not (_fits_flow(value) or (slot.key is not None and _empty(value))):
                    return False
            elif value is None or not self.flows(value):
                return False
        return True

    def flow_text(self, node: _Collection, context: str | None) -> str:
        parts: list[str] = []
        previous: _Slot | None = None
        for slot in _ranked(node, context):
            value = slot.value
            child = context if slot.key is None else _child_context(context, slot)
            shown = (
                self.flow_text(value, child)
                if isinstance(value, _Collection)
                else self.inline_value(value)
            )
            if slot.key is None:
                parts.append(shown)
            elif isinstance(value, _Scalar) and _empty(value):
                if _decimal_comma(previous, slot) and _adjacent(previous, slot):
                    # {value: 682,96}: a decimal comma, which YAML reads as 682 and a key
                    # 96; kept as written, so that it reads as the mistake check reports.
                    parts[-1] += "," + slot.key.source
                else:
                    parts.append(_inline(slot.key, True))  # {a, b: 1}: a key without a value
            else:
                parts.append(f"{_inline(slot.key, True)}: {shown}")
            previous = slot
        if node.is_list:
            return "[" + ", ".join(parts) + "]"
        return "{" + ", ".join(parts) + "}"

    def inline_value(self, value: _Node | None) -> str:
        assert isinstance(value, _Scalar)
        return _inline(value, True)

    # --- lines ------------------------------------------------------------------------------

    def blank_lines(self, lines: list[str], indent: int, *, leading: bool) -> None:
        for line in lines:
            if not line:
                if leading or self.after_keep or (self.lines and not self.lines[-1]):
                    continue
                self.lines.append("")
                continue
            leading = False
            self.after_keep = False
            self.lines.append(line if line.startswith(("---", "%")) else " " * indent + line)

    def add(self, line: str, eol: tuple[int, str] | None = None) -> None:
        if eol is not None:
            column, comment = eol
            gap = column - len(line)
            line = f"{line}{' ' * gap if gap >= 1 else '  '}{comment}"
        self.lines.append(line)
        self.after_keep = False

    def collection(self, node: _Collection, indent: int, context: str | None) -> None:
        slots = _ranked(node, context)
        for number, slot in enumerate(slots):
            if id(slot) not in self.hoisted:
                head = list(slot.head)
                if node.is_list and slot.eol is None:
                    head.extend(self.leading_head(slot.value, context))
                self.blank_lines(head, indent, leading=number == 0)
            if node.is_list:
                self.slot_value(slot, "-", indent, context, item=True)
            else:
                assert slot.key is not None
                prefix = " " * indent + _inline(slot.key, False) + ":"
                self.slot_value(slot, prefix, indent, _child_context(context, slot), item=False)
        self.blank_lines(node.tail, indent, leading=False)

    def leading_head(self, node: _Node | None, context: str | None) -> list[str]:
        """The comments above the first child of a block collection that opens on an item's
        dash line: they are written above the dash, and the child's own place skips them."""
        if not isinstance(node, _Collection) or not node.slots or self.flows(node):
            return []
        first = _ranked(node, context)[0]
        self.hoisted.add(id(first))
        lines = list(first.head)
        if node.is_list and first.eol is None:
            lines.extend(self.leading_head(first.value, context))
        return lines

    def slot_value(
        self, slot: _Slot, prefix: str, indent: int, context: str | None, *, item: bool
    ) -> None:
        """``prefix`` ('  key:' or '-') and the value of ``slot``, at ``indent``."""
        value = slot.value
        if item:
            prefix = " " * indent + "-"
        if isinstance(value, _Scalar):
            lines = self.scalar_lines(value, slot, indent)
            first = f"{prefix} {lines[0]}" if prefix and lines[0] else prefix or lines[0]
            if len(lines) == 1:
                self.add(first, slot.eol)
            else:
                self.add(first)
                for line in lines[1:-1]:
                    self.add(line)
                self.add(lines[-1], slot.eol if value.style not in ("|", ">") else None)
            if value.style in ("|", ">"):
                header = _HEADER.match(lines[0])
                self.after_keep = header is not None and "+" in (header.group(2) or "")
            return
        assert value is not None
        if self.flows(value):
            shown = self.flow_text(value, context)
            self.add(f"{prefix} {shown}" if prefix else shown, slot.eol)
            self.blank_lines(value.tail, indent + 2, leading=False)
            return
        if not item:
            if prefix:
                self.add(prefix, slot.eol)
                self.collection(value, indent + 2 if prefix else indent, context)
            else:
                self.collection(value, indent, context)
            return
        if slot.eol is not None:
            self.add(prefix, slot.eol)
            self.collection(value, indent + 2, context)
            return
        at = len(self.lines)
        self.collection(value, indent + 2, context)
        self.lines[at] = prefix + " " + self.lines[at][indent + 2 :]

    def scalar_lines(self, scalar: _Scalar, slot: _Slot, indent: int) -> list[str]:
        """The scalar's first line (after its key or dash) and its further lines, whole."""
        lines = scalar.source.split("\n")
        if scalar.style not in ("|", ">"):
            if len(lines) == 1:
                return [_inline(scalar, False)]
            pad = " " * (indent + 2)
            return [lines[0]] + [
                pad + line.lstrip(" \t") if line.strip() else "" for line in lines[1:]
            ]
        header = _HEADER.match(lines[0])
        explicit = int(header.group(1) or header.group(3) or 0) if header else 0
        content = lines[1:]
        if explicit:
            old, new = slot.column + explicit, indent + explicit
        else:
            filled = [line for line in content if line.strip()]
            old = len(filled[0]) - len(filled[0].lstrip(" ")) if filled else 0
            new = indent + 2
        shown = [lines[0].rstrip()]
        if header and header.group(2) != "-" and scalar.value and scalar.value[-1] != "\n":
            # The last text of a file without a final line break ('|' or '|+' reads no
            # line break at its end): once the file ends with one, only '|-' reads the same.
            shown[0] = shown[0][: header.start(2)] + "-" + shown[0][header.end(2) :]
        for line in content:
            rest = line[old:] if len(line) > old else ""
            shown.append(" " * new + rest if rest else "")
        return shown


def _same(one: Any, other: Any) -> bool:
    """Equal data of equal types (1, 1.0 and true are three different values)."""
    if type(one) is not type(other):
        return False
    if isinstance(one, dict):
        return one.keys() == other.keys() and all(_same(one[key], other[key]) for key in one)
    if isinstance(one, list):
        return len(one) == len(other) and all(map(_same, one, other))
    return bool(one == other)


def _comment_texts(tree: _Tree) -> Counter[str]:
    return Counter(comment for _, comment in tree.comments() if comment)


def _context(data: Any) -> str | None:
    kind = data.get("kind") if isinstance(data, dict) else None
    return _ROOTS.get(kind) if isinstance(kind, str) else None


def format_text(text: str, *, name: str = "<tekst>") -> str:
    """``text`` in the canonical layout (see this module's docstring).

    Raises ``LayoutError`` when the text is no valid YAML (with the position, as 'prestatie
    check' reports it), is not an agreement, monitor or configuration file (key
    ``fmt.refused.kind``), holds anchors, aliases or tags, or when the result would not
    read as the same data with the same comments. Line endings (LF or CRLF) are kept; the
    result ends with one line break and has no byte-order mark.
    """
    # The trees of a large file are many small objects that live until the end: the
    # collector's passes over them would take longer than the layout (three times, for a
    # file of some megabytes). What they leave in cycles is freed after.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _format(text, name)
    finally:
        if collecting:
            gc.enable()


def _format(text: str, name: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    crlf = "\r\n" in text
    body = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        before = load_text(text, name)
    except LoadError as error:
        raise LayoutError(
            "fmt.refused.load", name, error.line, error.column, load_error=error
        ) from None
    context = _context(before.data)
    if context is None:
        # Another tool's YAML (a CI file, docker-compose.yml): its layout is its own.
        raise LayoutError("fmt.refused.kind", name)
    tree = _Tree(body, name)
    lines = _Writer(tree).write(context)
    result = "\n".join(lines) + "\n"
    _verify(before, tree, result, name)
    return result.replace("\n", "\r\n") if crlf else result


def _verify(before: Document, tree: _Tree, result: str, name: str) -> None:
    try:
        after = load_text(result, name)
    except LoadError:
        raise LayoutError("fmt.refused.changed", name, what="unreadable") from None
    if not _same(before.data, after.data) or before.number_texts != after.number_texts:
        raise LayoutError("fmt.refused.changed", name, what="data")
    if _comment_texts(tree) != _comment_texts(_Tree(result, name)):
        raise LayoutError("fmt.refused.changed", name, what="comments")
