"""The only module that parses YAML.

Files are read as bytes with a size cap, decoded as UTF-8 and turned into plain
Python data (dict, list, str, int, float, bool, None, date) together with a
source map from each value's pointer (the keys and indices leading to it) to
its position. Plain data is built from the parser's event stream by our own
code, so that no YAML tag can construct an object, aliases cannot expand
without bound, nesting cannot exhaust the stack and duplicate keys are found.

Scalars are resolved with the YAML 1.2 core schema (``no`` stays a string),
plus dates written as ``YYYY-MM-DD``.
"""

from __future__ import annotations

import re
import stat
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from itertools import accumulate
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from ruamel.yaml.reader import ReaderError

from prestatie_cli.errors import PrestatieError
from prestatie_cli.model.findings import Pointer

try:  # libyaml's parser, compiled for ruamel.yaml; optional
    from _ruamel_yaml_clibz import CParser as _CParser
except ImportError:  # pragma: no cover - depends on the platform's wheels
    _CParser = None

# Whether to use the C parser when it is there (tests compare both paths).
FAST = True
# Characters on which libyaml and ruamel's Python parser disagree: libyaml takes these
# for line breaks (YAML 1.1), and accepts a tab where ruamel does not.
_MISINDENTED_KEY = re.compile(r"^ +[A-Za-z0-9_-]+:( |$)")
_PURE_ONLY = re.compile("[\x85\u2028\u2029\t]")


MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 64
# Aliases may add this many nodes beyond those written out; a "billion laughs"
# document needs far more, an honest reuse of a list of parties far fewer.
MAX_ALIAS_NODES = 100_000
# Longer digit strings are kept as text: Python refuses to convert very long ones.
MAX_NUMBER_DIGITS = 30

_STR_TAG = "tag:yaml.org,2002:str"
_ALLOWED_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_TRUE = re.compile(r"^(?:true|True|TRUE)$")
_FALSE = re.compile(r"^(?:false|False|FALSE)$")
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
# YAML breaks lines at LF, CR LF and CR only (not at U+2028 or U+0085, as str.splitlines does).
LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Parser complaints about a construct that began earlier: its start says more than its end.
_POINT_AT_START = (
    "while scanning a quoted scalar",
    "while parsing a flow",
    "while scanning a simple key",
)


def source_lines(text: str) -> list[str]:
    """The lines of ``text`` as the YAML parser counts them, without their line breaks."""
    return LINE_BREAK.split(text)


@dataclass(frozen=True, slots=True)
class Span:
    """A region of a file; lines and columns are 1-based."""

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def unpack(cls, where: int, starts: list[int]) -> Span:
        """A span from the packed form the source map keeps (see ``_span``), with the
        ``starts`` of the lines of its text (see ``line_starts``)."""
        line = bisect_right(starts, where >> _BITS)
        end_line = bisect_right(starts, where & _MASK)
        return cls(
            line,
            (where >> _BITS) - starts[line - 1] + 1,
            end_line,
            (where & _MASK) - starts[end_line - 1] + 1,
        )


# The source map keeps each span as one int: 24 bits for where it starts and 24 for where
# it ends, as offsets in the text (load_text takes at most 10 MB, so both fit). A fraction
# of the memory of a Span object per value, quick to copy between processes, and quick to
# make: lines and columns are worked out only for the spans asked for.
_BITS = 24
_MASK = (1 << _BITS) - 1


def line_starts(text: str) -> list[int]:
    """Where each line of ``text`` starts, as YAML breaks lines (LF, CR LF, CR)."""
    if "\r" in text:
        return [0, *(match.end() for match in LINE_BREAK.finditer(text))]
    # Only LF: the lengths of the lines added up, without a Python step per line.
    return [0, *accumulate(map((1).__add__, map(len, text.split("\n")[:-1])))]


class LoadError(PrestatieError):
    """A file that cannot be turned into data: unreadable or not valid YAML.

    ``code`` names the message in the catalogue; ``params`` fills it in.
    """

    def __init__(
        self,
        code: str,
        path: str,
        line: int | None = None,
        column: int | None = None,
        **params: str,
    ) -> None:
        super().__init__(f"{path}: {code} {params}")
        self.code = code
        self.path = path
        self.line = line
        self.column = column
        self.params = params

    def __reduce__(self) -> tuple[Any, ...]:
        # Picklable, so that one raised in a worker process reaches the main process whole.
        return (_load_error, (self.code, self.path, self.line, self.column, self.params))


def _load_error(
    code: str, path: str, line: int | None, column: int | None, params: dict[str, str]
) -> LoadError:
    return LoadError(code, path, line, column, **params)


# Where a value stands, in the shape of the data: a scalar's (or an alias's) packed span,
# or a collection's span with the places of its items (a list, or a dict by key) and, for a
# mapping, its keys' packed spans by key. Built without a tuple per value; ``Document.values``
# and ``Document.keys`` give it flat, by pointer, when asked.
Place = int | tuple[int, list[Any] | dict[str, Any], dict[str, int] | None]


@dataclass(slots=True)
class Document:
    """Plain data of one YAML file and where each value stands in it."""

    path: str
    text: str
    data: Any
    # Where each value and each key stands (see ``Place``; spans packed, see ``Span.unpack``).
    tree: Place | None = None
    # Plain scalars that resolved to numbers, with their text as written, so
    # that rules can spot "3.000" written for three thousand.
    number_texts: dict[Pointer, str] = field(default_factory=dict)
    # Where each line of ``text`` starts: made when a span or lines are first asked for.
    starts: list[int] = field(default_factory=list, repr=False, compare=False)
    # ``tree`` flat, made when first asked for.
    flat: tuple[dict[Pointer, int], dict[Pointer, int]] | None = field(
        default=None, repr=False, compare=False
    )

    def at(self, packed: int) -> Span:
        """The span of a packed place of this document's source map."""
        if not self.starts:
            self.starts.extend(line_starts(self.text))
        return Span.unpack(packed, self.starts)

    @property
    def values(self) -> dict[Pointer, int]:
        """Where each value stands, by pointer (packed, see ``at``)."""
        return self._flat()[0]

    @property
    def keys(self) -> dict[Pointer, int]:
        """Where each key of a mapping stands, by the pointer of its value (packed)."""
        return self._flat()[1]

    def _flat(self) -> tuple[dict[Pointer, int], dict[Pointer, int]]:
        if self.flat is None:
            values: dict[Pointer, int] = {}
            keys: dict[Pointer, int] = {}
            if self.tree is not None:
                _flatten(self.tree, (), values, keys)
            self.flat = (values, keys)
        return self.flat

    def span(self, pointer: Pointer) -> Span:
        """Position of the value at ``pointer``, or of its nearest existing parent."""
        place: Any = self.tree
        if place is None:
            return Span(1, 1, 1, 1)
        found = place if type(place) is int else place[0]
        for step in pointer:
            if type(place) is int:
                break
            items = place[1]
            if type(items) is list:
                if not isinstance(step, int) or not 0 <= step < len(items):
                    break
                place = items[step]
            else:
                place = items.get(step)
                if place is None:
                    break
            found = place if type(place) is int else place[0]
        return self.at(found)

    def key_span(self, pointer: Pointer) -> Span:
        """Position of the key that introduces ``pointer`` (or of its value)."""
        if pointer:
            place: Any = self.tree
            for step in pointer[:-1]:
                if type(place) is not tuple:
                    place = None
                    break
                items = place[1]
                if type(items) is list:
                    if not isinstance(step, int) or not 0 <= step < len(items):
                        place = None
                        break
                    place = items[step]
                else:
                    place = items.get(step)
            if type(place) is tuple and place[2] is not None:
                found = place[2].get(pointer[-1])
                if found is not None:
                    return self.at(found)
        return self.span(pointer)

    def locate(self, pointer: Pointer, needle: str, occurrence: int = 0) -> Span:
        """Position of ``needle`` inside the scalar at ``pointer``, as written.

        Searches the source the scalar covers, case-insensitively and on word
        boundaries, with any run of white space (a line break in a folded
        block scalar, say) matching the spaces between the words. ``occurrence``
        picks the n-th match. Falls back to the scalar's own position.
        """
        where = self.span(pointer)
        source = self.lines(where.line, where.end_line)
        if source is None:
            return where
        skip = where.column - 1
        words = [re.escape(word) for word in needle.split()]
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)
        matches = [match for match in pattern.finditer(source) if match.start() >= skip]
        if occurrence >= len(matches):
            return where
        match = matches[occurrence]
        before = source[: match.start()]
        line = where.line + before.count("\n")
        column = match.start() - (before.rfind("\n") + 1) + 1
        return Span(line, column, line, column + len(match.group(0).split()[0]))

    def lines(self, first: int, last: int) -> str | None:
        """Lines ``first`` to ``last`` (1-based) of the text, joined by "\\n" whatever their
        breaks; None when there are none. Reads those lines only (once the line index is made).
        """
        starts = self.starts
        if not starts:
            starts.extend(line_starts(self.text))
        if first < 1 or first > len(starts) or last < first:
            return None
        end = len(self.text)
        if last < len(starts):
            crlf = self.text[starts[last] - 2 : starts[last]] == "\r\n"
            end = starts[last] - (2 if crlf else 1)
        return LINE_BREAK.sub("\n", self.text[starts[first - 1] : end])


def _flatten(
    place: Place, pointer: Pointer, values: dict[Pointer, int], keys: dict[Pointer, int]
) -> None:
    """``place`` and everything in it, flat by pointer, in the order of the text."""
    if type(place) is int:
        values[pointer] = place
        return
    span, items, key_spans = place  # type: ignore[misc]
    values[pointer] = span
    if isinstance(items, list):
        for index, item in enumerate(items):
            _flatten(item, (*pointer, index), values, keys)
        return
    for key, item in items.items():
        keys[(*pointer, key)] = key_spans[key]  # type: ignore[index]
        _flatten(item, (*pointer, key), values, keys)


def read_text(path: Path, shown: str) -> str:
    """Read a file as UTF-8 text with a size cap; raise LoadError when unreadable."""
    try:
        info = path.stat()
    except FileNotFoundError:
        # "monitor" is most likely a folder that is not there; "x.yaml" a file.
        named = path.suffix.lower() in (".yaml", ".yml")
        raise LoadError("Y001", shown, reason="not-found" if named else "no-path") from None
    except OSError as error:
        raise LoadError("Y001", shown, reason="os", detail=error.strerror or str(error)) from None
    if stat.S_ISDIR(info.st_mode):
        raise LoadError("Y001", shown, reason="directory")
    if not stat.S_ISREG(info.st_mode):
        # A FIFO or device would block or never end: refuse before opening it.
        raise LoadError("Y001", shown, reason="special")
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise LoadError("Y001", shown, reason="os", detail=error.strerror or str(error)) from None
    return decode(raw, shown)


def decode(raw: bytes, shown: str) -> str:
    """Decode file bytes as UTF-8 (a byte-order mark is allowed)."""
    if len(raw) > MAX_FILE_BYTES:
        raise LoadError("Y002", shown, limit=str(MAX_FILE_BYTES // (1024 * 1024)))
    if raw.startswith(_WIDE_BOMS) or _looks_wide(raw):
        # Saved as "Unicode" (UTF-16 or UTF-32) by an editor: text, but not UTF-8.
        raise LoadError("Y003", shown, 1, 1, reason="encoding")
    if b"\x00" in raw:
        line, column = _byte_position(raw, raw.index(b"\x00"))
        raise LoadError("Y003", shown, line, column, reason="binary")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _byte_position(raw, error.start)
        raise LoadError("Y003", shown, line, column, reason="encoding") from None


_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


def _looks_wide(raw: bytes) -> bool:
    """UTF-16 or UTF-32 without a byte-order mark: ASCII text with NUL bytes between."""
    sample = raw[:200]
    if len(sample) < 8:
        return False
    nuls = sample.count(0)
    return nuls >= len(sample) // 2 - 2 and all(byte == 0 or 9 <= byte < 127 for byte in sample)


def _char_position(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    lines = source_lines(before)
    return len(lines), len(lines[-1]) + 1


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    start = before.rfind(b"\n") + 1
    column = len(before[start:].decode("utf-8", errors="replace")) + 1
    return line, column


def load_file(path: Path, shown: str | None = None) -> Document:
    """Read and parse one YAML file."""
    name = shown if shown is not None else str(path)
    return load_text(read_text(path, name), name)


def load_text(text: str, shown: str) -> Document:
    """Parse YAML text into a Document; raise LoadError with a position when it is not valid.

    The C parser reads well-formed files; anything it stumbles on is read again by the
    Python parser, whose errors (wording and position) are the ones users see. Text
    with characters the two parsers treat differently (tabs, and U+0085, U+2028 and
    U+2029, which libyaml takes for line breaks) goes to the Python parser directly.
    """
    if len(text) > MAX_FILE_BYTES:
        # Text that did not come through read_text (an import, say) has the same cap,
        # which also keeps every line and column within the source map's 24 bits.
        raise LoadError("Y002", shown, limit=str(MAX_FILE_BYTES // (1024 * 1024)))
    if _CParser is not None and FAST and not _PURE_ONLY.search(text):
        builder = _Builder(text, shown)
        parser = None
        try:
            # libyaml refuses some text outright (lone surrogates): the Python parser says why.
            parser = _CParser(text)
            builder.build(parser.get_event)
            return builder.document()
        except Exception:
            pass
        finally:
            if parser is not None:
                parser.dispose()
    return _load_pure(text, shown)


# A %YAML directive names the version of YAML a document is written in.
_DIRECTIVE = re.compile(r"^%YAML[ \t]+([0-9]+)\.([0-9]+)", re.MULTILINE)


def _load_pure(text: str, shown: str) -> Document:
    for match in _DIRECTIVE.finditer(text):
        # ruamel.yaml meets another version with a failed assertion, not a parse error.
        if (match.group(1), match.group(2)) not in (("1", "1"), ("1", "2")):
            at = text.count("\n", 0, match.start()) + 1
            version = f"{match.group(1)}.{match.group(2)}"
            raise LoadError("Y005", shown, at, 1, problem=f"%YAML {version}", hint="version")
    builder = _Builder(text, shown)
    try:
        builder.build(YAML(typ="safe", pure=True).parse(text).__next__)
    except LoadError:
        raise
    except MarkedYAMLError as error:
        problem = " ".join(part.strip() for part in (error.context, error.problem) if part)
        mark = error.problem_mark or error.context_mark
        context = str(error.context or "")
        if error.context_mark is not None and context.startswith(_POINT_AT_START):
            # Where an unclosed quote or bracket, or a key without ':', began says more
            # than where the parser gave up.
            mark = error.context_mark
        line = mark.line + 1 if mark is not None else None
        column = mark.column + 1 if mark is not None else None
        params = {"problem": problem}
        if (
            line is not None
            and "mapping values are not allowed" in problem
            and _MISINDENTED_KEY.match(source_lines(text)[line - 1])
        ):
            # "mapping values are not allowed" on a line that is only a key: indentation.
            params["hint"] = "indent"
        raise LoadError("Y005", shown, line, column, **params) from None
    except ReaderError as error:
        # The reader counts characters, not lines: find the line and column ourselves.
        line, column = _char_position(text, error.position)
        raise LoadError(
            "Y003",
            shown,
            line,
            column,
            reason="control",
            character=f"U+{error.character:04X}"
            if isinstance(error.character, int)
            else repr(error.character),
        ) from None
    except YAMLError as error:
        raise LoadError("Y005", shown, problem=str(error).strip().splitlines()[0]) from None
    except RecursionError:
        raise LoadError("Y009", shown, limit=str(MAX_DEPTH)) from None
    document = builder.document()
    if _SURROGATE_ESCAPE.search(text):
        document.data = _whole_characters(document, document.data, ())
    return document


# An escape for half of a UTF-16 pair, "\ud83d" or "\U0000D83D": only the Python parser
# takes it (libyaml refuses it), and keeps it as a lone surrogate, which is no character.
_SURROGATE_ESCAPE = re.compile(r"\\(u|U0000)[dD][89a-fA-F][0-9a-fA-F]{2}")


def _whole_characters(document: Document, value: Any, pointer: Pointer) -> Any:
    """``value`` with each pair of escaped halves joined into its character, as JSON does
    (``"\\ud83d\\ude00"`` is one emoji); a half without its partner is refused (Y003), so
    that no text prestatie writes holds what no UTF-8 file can."""
    if isinstance(value, str):
        if not any("\ud800" <= char <= "\udfff" for char in value):
            return value
        try:
            return value.encode("utf-16", "surrogatepass").decode("utf-16")
        except UnicodeDecodeError:
            where = document.span(pointer)
            lone = next(f"\\u{ord(char):04x}" for char in value if "\ud800" <= char <= "\udfff")
            raise LoadError(
                "Y003", document.path, where.line, where.column, reason="surrogate", character=lone
            ) from None
    if isinstance(value, dict):
        return {
            _whole_characters(document, key, pointer): _whole_characters(
                document, item, (*pointer, key)
            )
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_whole_characters(document, item, (*pointer, at)) for at, item in enumerate(value)]
    return value


def _span(event: Event) -> int:
    """Where an event stands, packed (``Span.unpack`` reads it back); also inlined in
    _Builder.scalar, which runs for most events."""
    start: int = event.start_mark.index
    end: int = event.end_mark.index
    return start << _BITS | end


# First characters of anything that may resolve to other than text: most text skips the rest.
_SPECIAL_START = frozenset("0123456789+-.~nNtTfF")


# The core schema's spellings of null, true and false, with what each means.
_CONSTANTS: dict[str, bool | None] = {
    **dict.fromkeys(("", "~", "null", "Null", "NULL")),
    **dict.fromkeys(("true", "True", "TRUE"), True),
    **dict.fromkeys(("false", "False", "FALSE"), False),
}
_NUMBER_START = frozenset("0123456789+-.")


def resolve_scalar(value: str) -> Any:
    """Resolve a plain scalar with the YAML 1.2 core schema plus ISO dates."""
    if value and value[0] not in _SPECIAL_START:
        return value
    if value in _CONSTANTS:
        return _CONSTANTS[value]
    if value.endswith("\n"):
        return _resolve_by_pattern(value)  # "$" matches before a final line break
    if value[0] not in _NUMBER_START:
        return value  # begins like null, true or false but spells none of them
    if len(value) <= MAX_NUMBER_DIGITS:
        if len(value) == 10 and value[4] == "-" and _DATE.match(value):
            # A date is no number: its pattern first, where most values of a file are dates.
            return _date(value)
        number = _number(value)
        if number is not None:
            return number
    return value


def _resolve_by_pattern(value: str) -> Any:
    """``resolve_scalar`` by the patterns alone, one after the other."""
    if value and value[0] not in _SPECIAL_START:
        return value
    if _NULL.match(value):
        return None
    if _TRUE.match(value):
        return True
    if _FALSE.match(value):
        return False
    if len(value) <= MAX_NUMBER_DIGITS:
        number = _number(value)
        if number is not None:
            return number
        if _DATE.match(value):
            return _date(value)
    return value


def _number(value: str) -> int | float | None:
    """The whole or finite decimal number ``value`` spells, else None."""
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        number = float(value)
        if number not in (float("inf"), float("-inf")):
            return number
    return None


def _date(value: str) -> date | str:
    """The day a text shaped as YYYY-MM-DD names, else the text: not a real date, of which
    the model says so with its position."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        return value


@dataclass(slots=True)
class _Frame:
    container: dict[str, Any] | list[Any]
    pointer: Pointer
    span: int
    anchor: str | None
    is_list: bool
    # Where each item stands, and for a mapping each key (see ``Place``).
    places: dict[str, Any] | list[Any]
    key_places: dict[str, int] | None
    size: int = 1
    key: str | None = None
    key_span: int = 0


class _Builder:
    def __init__(self, text: str, shown: str) -> None:
        self.text = text
        self.shown = shown
        self.tree: Place | None = None
        self.number_texts: dict[Pointer, str] = {}
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.alias_nodes = 0
        self.stack: list[_Frame] = []
        self.top: _Frame | None = None
        self.result: Any = None
        self.documents = 0

    def document(self) -> Document:
        if self.documents == 0 or self.result is None:
            # Nothing, only comments, or a document that is only '---' or 'null'.
            raise LoadError("Y004", self.shown)
        return Document(self.shown, self.text, self.result, self.tree, self.number_texts)

    def fail(self, code: str, where: int, **params: str) -> LoadError:
        span = self.at(where)
        return LoadError(code, self.shown, span.line, span.column, **params)

    def at(self, where: int) -> Span:
        return Span.unpack(where, line_starts(self.text))

    def build(self, next_event: Callable[[], Event]) -> None:
        # Dispatch on the event's type: most events are scalars, handled first.
        scalar, start, end, alias = self.scalar, self.start, self.end, self.alias
        while True:
            event = next_event()
            kind = type(event)
            if kind is ScalarEvent:
                scalar(event)  # type: ignore[arg-type]
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                start(event)  # type: ignore[arg-type]
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                end()
            elif kind is AliasEvent:
                alias(event)  # type: ignore[arg-type]
            elif kind is DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    raise self.fail("Y008", _span(event))
            elif kind is StreamEndEvent:
                return

    def check_tag(self, tag: object, where: int, allowed: set[str]) -> None:
        if tag is None or tag == "!":
            return
        shown_tag = str(tag)
        if shown_tag not in allowed:
            raise self.fail("Y007", where, tag=shown_tag.replace("tag:yaml.org,2002:", "!!"))

    def scalar(self, event: ScalarEvent) -> None:
        # Runs for most events: _span's packing, inlined, and a key's handling too.
        where = event.start_mark.index << _BITS | event.end_mark.index
        # The tag as written (``event.tag`` is a property that makes the same string).
        tag = event.ctag
        if tag is not None:
            self.check_tag(str(tag), where, {_STR_TAG})
        text = event.value
        # The C parser marks a plain scalar's style as '', the Python one as None.
        plain = not event.style and tag is None
        top = self.top
        if top is None:
            value = resolve_scalar(text) if plain else text
            if type(value) is int or type(value) is float:
                self.number_texts[()] = text
            if event.anchor is not None:
                self.anchors[str(event.anchor)] = (value, 1)
            self.tree = where
            self.result = value
            return
        slot: str | int
        if top.is_list:
            slot = len(top.container)
        elif top.key is None:
            # A key: refused when the mapping has it already.
            key_places = top.key_places
            assert key_places is not None
            if text in top.container:
                first = self.at(key_places[text]).line
                raise self.fail("Y006", where, key=text, first=str(first))
            top.key = text
            top.key_span = where
            key_places[text] = where
            return
        else:
            slot = top.key
            if plain and text == "":
                # An empty value stands right after its key's colon, not where the
                # parser found the next token.
                after_colon = (top.key_span & _MASK) + 1
                where = after_colon << _BITS | after_colon
        if not plain or (text and text[0] not in _SPECIAL_START):
            value = text  # most text: what resolve_scalar would say, without the call
        else:
            value = resolve_scalar(text)
            if type(value) is int or type(value) is float:
                self.number_texts[(*top.pointer, slot)] = text
        if event.anchor is not None:
            self.anchors[str(event.anchor)] = (value, 1)
        top.size += 1
        if top.is_list:
            top.container.append(value)  # type: ignore[union-attr]
            top.places.append(where)  # type: ignore[union-attr]
        else:
            top.container[slot] = value  # type: ignore[index]
            top.places[slot] = where  # type: ignore[index]
            top.key = None

    def start(self, event: MappingStartEvent | SequenceStartEvent) -> None:
        where = _span(event)
        self.check_tag(event.tag, where, _ALLOWED_COLLECTION_TAGS)
        top = self.top
        pointer: Pointer
        if top is None:
            pointer = ()
        elif top.is_list:
            pointer = (*top.pointer, len(top.container))
        elif top.key is None:
            raise self.fail("Y011", where, reason="complex-key")
        else:
            pointer = (*top.pointer, top.key)
        if len(self.stack) >= MAX_DEPTH:
            raise self.fail("Y009", where, limit=str(MAX_DEPTH))
        if type(event) is SequenceStartEvent:
            self.top = _Frame([], pointer, where, event.anchor, True, [], None)
        else:
            self.top = _Frame({}, pointer, where, event.anchor, False, {}, {})
        self.stack.append(self.top)

    def end(self) -> None:
        frame = self.stack.pop()
        self.top = self.stack[-1] if self.stack else None
        # A collection ends where its last value ends: parsers disagree on where the
        # end token of a block collection stands, not on where its values stand. Values
        # come in the order of the text, so the last one ends last.
        where = frame.span
        places = frame.places
        if places:
            last = places[-1] if isinstance(places, list) else next(reversed(places.values()))
            where = (where & ~_MASK) | ((last if type(last) is int else last[0]) & _MASK)
        place = (where, places, frame.key_places)
        self.attach(frame.container, frame.size, frame.anchor, where, place)

    def alias(self, event: AliasEvent) -> None:
        where = _span(event)
        name = str(event.anchor)
        if name not in self.anchors:
            raise self.fail("Y005", where, problem=f"unknown alias *{name}")
        value, size = self.anchors[name]
        top = self.top
        if top is not None and not top.is_list and top.key is None:
            raise self.fail("Y011", where, reason="complex-key")
        self.alias_nodes += size
        if self.alias_nodes > MAX_ALIAS_NODES:
            raise self.fail("Y010", where, limit=str(MAX_ALIAS_NODES))
        self.attach(value, size, None, where, where)

    def attach(self, value: Any, size: int, anchor: str | None, where: int, place: Place) -> None:
        if anchor is not None:
            self.anchors[str(anchor)] = (value, size)
        top = self.top
        if top is None:
            self.result = value
            self.tree = place
            return
        top.size += size
        if top.is_list:
            top.container.append(value)  # type: ignore[union-attr]
            top.places.append(place)  # type: ignore[union-attr]
        else:
            assert top.key is not None
            top.container[top.key] = value  # type: ignore[call-overload]
            top.places[top.key] = place  # type: ignore[call-overload]
            top.key = None
