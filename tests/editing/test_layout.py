"""The canonical layout: exact outputs, comments in every place, refusals, and properties."""

from __future__ import annotations

import gc
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prestatie_cli.editing import layout
from prestatie_cli.editing.layout import FORMAT_ORDER, LayoutError, format_text
from prestatie_cli.load.yaml import LoadError, load_text
from prestatie_cli.model import agreements as model

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").rglob("*.yaml"))


def _comments(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


def test_keys_in_the_format_order_with_their_comments() -> None:
    source = (
        "# yaml-language-server: $schema=../../schemas/monitor.schema.json\n"
        "version: 1   # de versie\n"
        "kind: monitor\n"
        "set: abc\n"
        "measurements:\n"
        "  # boven de eerste meting\n"
        "  - value: 3\n"
        "    date: 2026-01-01   # peildatum\n"
        "    # wie meet\n"
        "    agreement: BS-01\n"
        "  - {value: 4, agreement: BS-01, date: 2026-02-01}\n"
        "  # na de laatste meting\n"
        "\n"
        "\n"
        "# aan het eind\n"
    )
    assert format_text(source) == (
        "# yaml-language-server: $schema=../../schemas/monitor.schema.json\n"
        "kind: monitor\n"
        "version: 1   # de versie\n"
        "set: abc\n"
        "measurements:\n"
        "  # boven de eerste meting\n"
        "  # wie meet\n"
        "  - agreement: BS-01\n"
        "    date: 2026-01-01   # peildatum\n"
        "    value: 3\n"
        "  - {agreement: BS-01, date: 2026-02-01, value: 4}\n"
        "  # na de laatste meting\n"
        "\n"
        "# aan het eind\n"
    )


def test_indentation_and_styles() -> None:
    source = (
        "kind: agreements\n"
        "version: 1\n"
        "id: x\n"
        "title: T\n"
        "period: {end: 2026-12-31, start: 2026-01-01}\n"
        "parties:\n"
        "- id: gemeente\n"
        "  role: gemeente\n"
        "  name: Gemeente\n"
        "agreements:\n"
        "    -   id: A\n"
        "        title: B\n"
        "        contributors:\n"
        "        - gemeente\n"
        "        theme: t\n"
        "        text: >-\n"
        "           Een tekst\n"
        "           over twee regels.\n"
        "        owner: [gemeente,  corp]\n"
    )
    assert format_text(source) == (
        "kind: agreements\n"
        "version: 1\n"
        "id: x\n"
        "title: T\n"
        "period: {start: 2026-01-01, end: 2026-12-31}\n"
        "parties:\n"
        "  - id: gemeente\n"
        "    name: Gemeente\n"
        "    role: gemeente\n"
        "agreements:\n"
        "  - id: A\n"
        "    title: B\n"
        "    text: >-\n"
        "      Een tekst\n"
        "      over twee regels.\n"
        "    theme: t\n"
        "    owner: [gemeente, corp]\n"
        "    contributors:\n"
        "      - gemeente\n"
    )


@pytest.mark.parametrize(
    ("written", "formatted"),
    [
        ('"Jaarverslag 2016"', "Jaarverslag 2016"),
        ("'Jaarverslag 2016'", "Jaarverslag 2016"),
        ("'2026'", '"2026"'),
        ('"2026"', '"2026"'),
        ("'2026-01-01'", '"2026-01-01"'),
        ("'yes'", '"yes"'),
        ('"no"', '"no"'),
        ("'on'", '"on"'),
        ("'true'", '"true"'),
        ("'null'", '"null"'),
        ("''", '""'),
        ('"%"', '"%"'),
        ("'%'", '"%"'),
        ("'a: b'", '"a: b"'),
        ("'it''s'", "it's"),
        ("' spatie'", '" spatie"'),
        ('"tab\\there"', '"tab\\there"'),
        ("'1.5'", '"1.5"'),
        ("2026", "2026"),
        ("736.20", "736.20"),
        ("yes", "yes"),
    ],
)
def test_quotes_go_only_where_nothing_changes(written: str, formatted: str) -> None:
    source = f"kind: monitor\nversion: 1\nset: {written}\n"
    result = format_text(source)
    assert result == f"kind: monitor\nversion: 1\nset: {formatted}\n"
    assert load_text(result, "x").data == load_text(source, "x").data


def test_crlf_stays_and_one_final_line_break() -> None:
    source = "version: 1\r\nkind: config  # soort\r\n# eind\r\n\r\n\r\n"
    assert format_text(source) == "kind: config  # soort\r\nversion: 1\r\n# eind\r\n"
    assert format_text("kind: config\nversion: 1") == "kind: config\nversion: 1\n"
    assert format_text("\ufeffkind: config\nversion: 1\n") == "kind: config\nversion: 1\n"


def test_a_comment_inside_a_flow_collection_makes_it_a_block() -> None:
    source = "kind: config\nversion: 1\nrules: {P604: error,  # blokkeert\n  S101: off}\n"
    assert format_text(source) == (
        "kind: config\nversion: 1\nrules:\n  P604: error         # blokkeert\n  S101: off\n"
    )


def test_unknown_keys_keep_their_place() -> None:
    source = "kind: monitor\nset: a\ntypo: 1\nversion: 1\n"
    assert format_text(source) == "kind: monitor\nversion: 1\ntypo: 1\nset: a\n"


def test_comments_below_a_dash_alone_on_its_line_stay_below_it() -> None:
    source = (
        "kind: agreements\n"
        "agreements:\n"
        "  # boven het item\n"
        "  -  # het item\n"
        "    theme: t\n"
        "    # boven id\n"
        "    id: A\n"
    )
    formatted = (
        "kind: agreements\n"
        "agreements:\n"
        "  # boven het item\n"
        "  -  # het item\n"
        "    # boven id\n"
        "    id: A\n"
        "    theme: t\n"
    )
    assert format_text(source) == formatted
    # Read again, '# boven id' is between the dash and the first key: it stays there.
    assert format_text(formatted) == formatted


@pytest.mark.parametrize(
    ("header", "written"),
    [("|", "|-"), ("|+", "|-"), (">", ">-"), (">+", ">-"), ("|2", "|2-"), ("| # c", "|- # c")],
)
def test_a_text_at_the_end_of_a_file_without_a_line_break_keeps_its_end(
    header: str, written: str
) -> None:
    # 'tekst' without a line break: with the final line break the layout adds, only strip
    # chomping ('-') still reads it so.
    source = f"kind: agreements\nbasis: {header}\n  tekst"
    formatted = format_text(source)
    assert formatted == f"kind: agreements\nbasis: {written}\n  tekst\n"
    assert load_text(formatted, "x").data == load_text(source, "x").data


@pytest.mark.parametrize(
    "source",
    [
        "b: 1\na: 2\n",  # no kind: another tool's file
        "on: push\njobs:\n    test:\n        runs-on: ubuntu-latest\n",  # a CI workflow
        "kind: Deployment\napiVersion: apps/v1\n",  # a kind, but not one of prestatie's
        "kind: [monitor]\n",
        "- kind: monitor\n",  # a list, not a mapping
        "kind\n",  # a text
    ],
)
def test_another_tool_s_yaml_is_refused(source: str) -> None:
    with pytest.raises(LayoutError) as caught:
        format_text(source, name="ci.yml")
    assert caught.value.key == "fmt.refused.kind"
    assert caught.value.render("nl") == (
        "ci.yml: geen bestand van prestatie (het begint niet met 'kind: agreements', "
        "'kind: monitor' of 'kind: config'); het blijft zoals het is."
    )


@pytest.mark.parametrize(
    ("written", "formatted"),
    [
        # YAML reads 682 and a key '96'; check reports the decimal comma as written there.
        ("{value: 682,96, unit: euro}", "{unit: euro, value: 682,96}"),
        ("{comparison: at_most, value: 682,96}", "{value: 682,96, comparison: at_most}"),
        ("{value: 1,234,567, unit: woningen}", "{unit: woningen, value: 1,234,567}"),
        # Written with a space, they are two entries, and stay so.
        ("{value: 682, 96, unit: euro}", "{unit: euro, value: 682, 96}"),
    ],
)
def test_a_decimal_comma_between_braces_stays_with_its_number(written: str, formatted: str) -> None:
    source = f"kind: agreements\nagreements:\n  - target: {written}\n"
    assert format_text(source) == f"kind: agreements\nagreements:\n  - target: {formatted}\n"


def test_the_decimal_comma_example_keeps_what_check_reports() -> None:
    source = (ROOT / "examples" / "invalid" / "V003-decimal-comma.yaml").read_text(encoding="utf-8")
    assert format_text(source) == source


def test_broken_yaml_is_refused_with_its_position() -> None:
    with pytest.raises(LayoutError) as caught:
        format_text("kind: monitor\nmeasurements: [a\n", name="m.yaml")
    error = caught.value
    assert (error.line, error.column, error.exit_code) == (2, 15, 2)
    assert isinstance(error.load_error, LoadError)
    assert error.render("nl") == (
        "m.yaml:2:15: Y005 fout Dit is geen geldige YAML: een lijst tussen [ ] is niet goed "
        "afgesloten of mist een komma."
    )


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (
            "kind: monitor\nversion: !!str 1\n",
            "m.yaml:2:10: de YAML-tag !!str wordt niet opgemaakt; het bestand blijft zoals het is.",
        ),
        (
            "kind: monitor\nset: &a x\nnote: *a\n",
            "m.yaml:2:6: een anker of alias (&, *) wordt niet opgemaakt; het bestand blijft "
            "zoals het is.",
        ),
    ],
)
def test_tags_and_anchors_are_refused(source: str, message: str) -> None:
    with pytest.raises(LayoutError) as caught:
        format_text(source, name="m.yaml")
    assert caught.value.render("nl") == message


def test_a_change_of_meaning_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # As if the layout wrote a value without its quotes: '2026' would become a number.
    monkeypatch.setattr(layout, "_inline", lambda scalar, flow: scalar.value)
    with pytest.raises(LayoutError) as caught:
        format_text("kind: monitor\nversion: 1\nset: '2026'\n", name="m.yaml")
    assert caught.value.render("en") == (
        "m.yaml: formatted, the file would mean something else (other data); it is left as "
        "it is. Please report this as a bug."
    )


def test_a_lost_comment_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(layout._Writer, "add", lambda self, line, eol=None: self.lines.append(line))
    with pytest.raises(LayoutError) as caught:
        format_text("kind: monitor  # soort\nversion: 1\nset: a\n", name="m.yaml")
    assert caught.value.render("nl") == (
        "m.yaml: opgemaakt zou het bestand iets anders betekenen (commentaar zou "
        "verdwijnen); het blijft zoals het is. Meld dit als fout."
    )


def test_every_field_of_the_format_has_its_place() -> None:
    parts = {
        "AgreementSet": model.AgreementSet,
        "Period": model.Period,
        "Party": model.Party,
        "Group": model.Group,
        "Bid": model.Bid,
        "Agreement": model.Agreement,
        "Answer": model.Answer,
        "Condition": model.Condition,
        "Target": model.Target,
        "YearValue": model.YearValue,
        "Share": model.Share,
        "Baseline": model.Baseline,
        "Milestone": model.Milestone,
        "Amendment": model.Amendment,
        "SetAmendment": model.SetAmendment,
        "Waiver": model.Waiver,
        "Signature": model.Signature,
        "Monitor": model.Monitor,
        "Measurement": model.Measurement,
        "ConditionRecord": model.ConditionRecord,
        "MonitorWaiver": model.MonitorWaiver,
        "Config": model.Config,
        "Thresholds": model.Thresholds,
    }
    assert parts.keys() == FORMAT_ORDER.keys()
    for name, part in parts.items():
        assert set(FORMAT_ORDER[name]) == set(part.model_fields), name


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
def test_libyaml_and_the_python_parser_give_the_same_layout(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = path.read_text(encoding="utf-8").replace("version: 1\n", "version:   1\n")
    fast = format_text(source)
    monkeypatch.setattr(layout, "_CParser", None)
    assert format_text(source) == fast


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
def test_examples_keep_data_and_comments_and_settle(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    try:
        before = load_text(source, str(path))
    except LoadError:
        return  # not YAML on purpose: refused, see test_broken_yaml_is_refused
    formatted = format_text(source, name=str(path))
    assert load_text(formatted, str(path)).data == before.data
    assert sorted(_comments(formatted)) == sorted(_comments(source))
    assert format_text(formatted) == formatted
    if path.parent.name in ("afspraken", "monitor"):
        assert formatted == source


# --- generated files -----------------------------------------------------------------------

_WORDS = st.sampled_from(
    ["gemeente", "corp-a", "Jaarverslag 2026", "'2026'", '"yes"', "no", "'tekst: met dubbele punt'"]
)
_VALUES = st.one_of(_WORDS, st.integers(-5, 500).map(str), st.sampled_from(["2026-06-30", "1.5"]))
_COMMENTS = st.sampled_from(["", "  # eind", "  # toelichting: zie bijlage"])
_HEADS = st.sampled_from(["", "# boven\n", "\n# --- thema ---\n"])


def _indented(head: str, indent: int) -> str:
    return "".join(" " * indent + line if line else "" for line in head.splitlines(True))


@st.composite
def _monitor(draw: st.DrawFn) -> str:
    header = draw(st.permutations(["kind: monitor", "version: 1", "set: abc"]))
    lines = [draw(_HEADS) + line + draw(_COMMENTS) for line in header]
    lines.append("measurements:" + draw(_COMMENTS))
    for _ in range(draw(st.integers(0, 4))):
        keys = draw(
            st.permutations(["agreement", "date", "value", "source", "note", "reported_by"])
        )[: draw(st.integers(1, 6))]
        if draw(st.booleans()):
            inner = ", ".join(f"{key}: {draw(_VALUES)}" for key in keys)
            lines.append(_indented(draw(_HEADS), 2) + "  - {" + inner + "}")
            continue
        for number, key in enumerate(keys):
            lead = "  - " if number == 0 else "    "
            head = _indented(draw(_HEADS), 4) if number else _indented(draw(_HEADS), 2)
            lines.append(f"{head}{lead}{key}: {draw(_VALUES)}{draw(_COMMENTS)}")
    if draw(st.booleans()):
        lines.append("waivers: [" + ", ".join(draw(st.lists(_WORDS, max_size=3))) + "]")
    return "\n".join(lines) + draw(st.sampled_from(["\n", "\n# slot\n", ""]))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_monitor(), st.booleans())
def test_generated_files_keep_data_and_comments_and_settle(source: str, crlf: bool) -> None:
    if crlf:
        source = source.replace("\n", "\r\n")
    before = load_text(source, "g.yaml")
    formatted = format_text(source, name="g.yaml")
    assert load_text(formatted, "g.yaml").data == before.data
    assert sorted(_comments(formatted)) == sorted(_comments(source))
    assert format_text(formatted) == formatted
    assert ("\r\n" in formatted) == crlf or "\n" not in source.rstrip()


# --- generated agreement sets ----------------------------------------------------------------
# The fields of README's format in any order, flow and block styles mixed (a flow collection
# also over several lines), texts plain, quoted, over several lines and as block scalars,
# quotes that keep a text a text ('2026', 'yes', a date), decimal commas between braces,
# and comments above keys and items, at the end of lines, after the last item, at the head
# and the tail of the file.


@dataclass
class _Text:
    """A scalar as written: one line, a text over several lines, or a block scalar (its
    header, then its lines without indentation)."""

    source: str
    # May stand between brackets (a decimal comma is a flow token on purpose).
    flow: bool


@dataclass
class _Entries:
    pairs: list[tuple[str, _Value]]


@dataclass
class _Items:
    items: list[_Value]


_Value = _Text | _Entries | _Items


def _text(source: str) -> _Text:
    if "\n" in source or source[:1] in ("|", ">"):
        return _Text(source, flow=False)
    if source[:1] in ("'", '"'):
        return _Text(source, flow=True)
    return _Text(source, flow=not re.search(r"[,\[\]{}]|: ", source))


def _texts(*sources: str) -> st.SearchStrategy[_Text]:
    return st.sampled_from([_text(source) for source in sources])


_IDS = _texts("gemeente", "corp-meerhof", "corp-a", "hv-één", "scw", "corporaties", "K-00")
_DATES = _texts("2026-01-01", "2029-12-31", "2017-06-27", "'2026-07-01'", '"2026-06-30"')
_NUMBERS = _texts("64", "0", "-0.5", "682.96", "736.20", "3000", "1e3", "+5", ".5", "0x1F")
_PHRASES = _texts(
    "Gemeente Weidemeer",
    "L. Y\u0131ld\u0131z",  # a dotless i, as in Turkish names
    "Súdwest-Fryslân ünd € 700",
    "🏠 wonen",
    "Jaarverslag 2016",
    "Een tekst, met komma's",
    "'Jaarverslag 2016'",
    '"Jaarverslag 2016"',
    "'2026'",
    "'yes'",
    '"on"',
    "'no'",
    "'null'",
    "'~'",
    "''",
    "'682,96'",
    "'tekst: met dubbele punt'",
    "'it''s'",
    '"\'s-Hertogenbosch"',
    '"tab\\there"',
    "' spatie'",
    "'# geen commentaar'",
    '"caf\\u00e9"',
)
_LONG = _texts(
    "Een lange titel\nover twee regels",
    "Een tekst\n\nmet een lege regel",
    '"Dubbel tussen\n aanhalingstekens"',
    "'Enkel tussen\n aanhalingstekens'",
)
_BLOCKS = st.builds(
    lambda header, lines: _Text(header + "\n" + "\n".join(lines), flow=False),
    st.sampled_from([">-", ">", "|", "|-", "|+", ">+"]),
    st.lists(
        st.sampled_from(
            [
                "De corporaties realiseren 180 woningen,",
                "met een huur tot de liberalisatiegrens: 'echt'.",
                "  - een ingesprongen regel",
                "",
                "# geen commentaar maar tekst",
                "één \u2013 twee — drie 🏠",
            ]
        ),
        min_size=1,
        max_size=4,
    ).filter(lambda lines: lines[0] != "" and not lines[0].startswith(" ")),
)
_PROSE = st.one_of(_PHRASES, _LONG, _BLOCKS)
_BOOLEANS = _texts("true", "false")
_NULLS = _texts("", "~", "null")


def _flat(value: _Value) -> bool:
    """Whether ``value`` can be written between brackets."""
    if isinstance(value, _Text):
        return value.flow
    children = value.items if isinstance(value, _Items) else [v for _, v in value.pairs]
    return all(_flat(child) for child in children)


def _listed(items: st.SearchStrategy[_Value], max_size: int = 3) -> st.SearchStrategy[_Items]:
    return st.lists(items, max_size=max_size).map(_Items)


@st.composite
def _part(
    draw: st.DrawFn,
    fields: dict[str, st.SearchStrategy[_Value]],
    required: tuple[str, ...] = (),
) -> _Entries:
    """A mapping with its required keys and some others, in the order someone wrote them."""
    keys = [key for key in fields if key in required or draw(st.integers(0, 2)) == 0]
    if not keys:
        keys = [next(iter(fields))]
    keys = draw(st.permutations(keys))
    pairs: list[tuple[str, _Value]] = [(key, draw(fields[key])) for key in keys]
    if draw(st.integers(0, 9)) == 0:  # a key the format does not know keeps its place
        pairs.insert(draw(st.integers(0, len(pairs))), ("x-notitie", draw(_PHRASES)))
    return _Entries(pairs)


_OWNERS = st.one_of(_IDS, _listed(_IDS))
_BASELINE = _part({"value": _NUMBERS, "date": _DATES}, ("value",))
_TARGET_VALUES = st.one_of(
    _NUMBERS,
    # Dutch decimal commas: in brackets YAML reads 682 and a key 96 (check reports it).
    st.sampled_from([_Text("682,96", flow=True), _Text("1,234,567", flow=True)]),
)
_TARGET = _part(
    {
        "metric": _PHRASES,
        "unit": _texts("woningen", "euro", '"%"', "'%'", "procent"),
        "value": _TARGET_VALUES,
        "comparison": _texts("at_least", "at_most", "exactly", "between"),
        "upper": _NUMBERS,
        "approximate": _BOOLEANS,
        "index": _texts("inflatie (CPI)"),
        "cumulative": _BOOLEANS,
        "recurring": _texts("yearly", "quarterly"),
        "per_year": _listed(
            _part({"year": _texts("2027", "'2028'"), "value": _TARGET_VALUES}, ("year",))
        ),
        "split": _listed(_part({"category": _PHRASES, "share": _NUMBERS}, ("category",))),
        "baseline": _BASELINE,
        "source": _PROSE,
    },
    ("metric", "value"),
)
_AGREEMENT = _part(
    {
        "id": _IDS,
        "title": st.one_of(_PHRASES, _LONG),
        "text": _PROSE,
        "theme": _texts("beschikbaarheid", "betaalbaarheid"),
        "kind": _texts("result", "effort", "process", "request"),
        "owner": _OWNERS,
        "contributors": _listed(_IDS),
        "addressed_to": _IDS,
        "answer": _part({"state": _texts("accepted", "open"), "date": _DATES, "note": _PHRASES}),
        "scope": _PHRASES,
        "conditions": _listed(
            _part({"id": _IDS, "text": _PROSE, "kind": _texts("approval"), "by": _PHRASES}),
            max_size=2,
        ),
        "target": _TARGET,
        "deadline": _DATES,
        "ongoing": _BOOLEANS,
        "frequency": _texts("yearly", "half-yearly"),
        "milestones": _listed(
            _part({"date": _DATES, "value": _TARGET_VALUES, "note": _PHRASES}, ("date",))
        ),
        "amendments": _listed(
            _part({"date": _DATES, "reason": _PROSE, "agreed_by": _listed(_IDS)}, ("date",)),
            max_size=2,
        ),
        "waivers": _listed(_part({"rule": _texts("P604", "'S101'"), "reason": _PHRASES})),
    },
    ("id", "title"),
)
_AGREEMENT_SET = _part(
    {
        "kind": st.just(_text("agreements")),
        "version": _texts("1"),
        "id": _texts("weidemeer-2026", "'2026'"),
        "title": st.one_of(_PHRASES, _LONG),
        "frame": _IDS,
        "period": _part({"start": _DATES, "end": _DATES}, ("start", "end")),
        "basis": _PROSE,
        "parties": _listed(
            _part(
                {
                    "id": _IDS,
                    "name": _PHRASES,
                    "role": _texts("gemeente", "corporatie"),
                    "left": _DATES,
                    "note": st.one_of(_PROSE, _NULLS),
                },
                ("id",),
            )
        ),
        "groups": _listed(
            _part({"id": _IDS, "members": st.one_of(_texts("all"), _listed(_IDS))}, ("id",)),
            max_size=2,
        ),
        "agreements": _listed(_AGREEMENT, max_size=3),
        "amendments": _listed(
            _part({"date": _DATES, "summary": _PROSE, "withdraws": _listed(_IDS)}), max_size=1
        ),
        "signatures": _listed(_part({"party": _IDS, "name": _PHRASES, "date": _DATES})),
    },
    ("kind", "version", "id", "agreements"),
)

_REMARKS = st.sampled_from(
    [
        "",
        " toelichting: zie bijlage",
        " één — \u2018citaat\u2019 € 🏠",
        " '2026' yes on",
        " # dubbel",
        " - geen lijst",
        " {geen: flow}, [ook niet]",
    ]
)


class _Author:
    """Writes generated values as people write them: both styles, comments everywhere.

    It remembers each comment it writes, and what it expects of the layout's output: the
    comments at the end of a key's line stay on that key's line, a comment above a key
    stays above that key, and one above a list item above an item."""

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw
        self.comments: list[str] = []
        self.on_line: list[tuple[str, str]] = []
        self.above: list[tuple[str, str]] = []

    def chance(self, one_in: int) -> bool:
        return self.draw(st.integers(1, one_in)) == 1

    def comment(self) -> str:
        # A number in each comment tells them apart (each must be there once).
        text = f"# [{len(self.comments)}]{self.draw(_REMARKS)}"
        self.comments.append(text)
        return text

    def eol(self, line: str, key: str | None = None) -> str:
        if not self.chance(4):
            return line + (" " if self.chance(15) else "")  # a stray trailing space
        comment = self.comment()
        if key is not None:
            self.on_line.append((comment, key + ":"))
        return line + " " * self.draw(st.sampled_from([1, 2, 6])) + comment

    def head(self, column: int, what: str | None, lines: list[str], *, settled: bool) -> None:
        """Blank lines and comments above a key or item at ``column``; ``what`` is the
        line's start the comments stay above when ``settled`` (no list closes there at
        the column of the comments, which would take them as its end)."""
        for _ in range(self.draw(st.integers(0, 3)) if self.chance(3) else 0):
            if self.chance(3):
                lines.append("")
                continue
            at = 0 if column and self.chance(4) else column
            comment = self.comment()
            lines.append(" " * at + comment)
            if what is not None and (settled or at < column):
                self.above.append((comment, what))

    def tail(self, column: int, lines: list[str]) -> None:
        if self.chance(5):
            lines.append(" " * column + self.comment())

    def flow(self, value: _Value) -> str:
        if isinstance(value, _Text):
            return value.source
        comma = self.draw(st.sampled_from([", ", ", ", ",", ",  "]))
        if isinstance(value, _Items):
            return "[" + comma.join(self.flow(item) for item in value.items) + "]"
        inner = comma.join(f"{key}: {self.flow(item)}" for key, item in value.pairs)
        return "{ " + inner + " }" if inner and self.chance(4) else "{" + inner + "}"

    def flow_lines(self, start: str, value: _Entries | _Items, column: int) -> list[str]:
        """A flow collection over several lines, a comment after some of its commas."""
        parts = (
            [self.flow(item) for item in value.items]
            if isinstance(value, _Items)
            else [f"{key}: {self.flow(item)}" for key, item in value.pairs]
        )
        opening, closing = ("[", "]") if isinstance(value, _Items) else ("{", "}")
        pad = " " * (column + 2)
        lines = [f"{start} {opening}"]
        closed = False
        for number, part in enumerate(parts):
            last = number == len(parts) - 1
            text = part + ("," if not last or self.chance(2) else "")
            if last and self.chance(2):
                text, closed = text + closing, True
            if number == 0 and self.chance(2):
                lines[0] += text
            else:
                lines.append(pad + text)
            if text.endswith(",") and self.chance(3):
                lines[-1] += "  " + self.comment()
        if not closed:
            lines.append(" " * column + closing)
        return lines

    def scalar(self, start: str, value: _Text, column: int, key: str | None) -> list[str]:
        first, *rest = value.source.split("\n")
        if not rest:
            return [self.eol(f"{start} {first}" if first else start, key)]
        pad = " " * (column + self.draw(st.sampled_from([2, 2, 4])))
        if first[:1] in ("|", ">"):
            lines = [self.eol(f"{start} {first}", key)]
            return lines + [pad + line if line else "" for line in rest]
        lines = [f"{start} {first}"] + [pad + line if line else "" for line in rest]
        lines[-1] = self.eol(lines[-1])
        return lines

    def value(self, start: str, value: _Value, column: int, key: str | None) -> list[str]:
        """``start`` ('  key:' or '  -') and the value after it, on its lines."""
        if isinstance(value, _Text):
            return self.scalar(start, value, column, key)
        if isinstance(value, _Items) and not value.items:
            return [self.eol(f"{start} []", key)]
        if _flat(value) and self.chance(2):
            if self.chance(6):
                return self.flow_lines(start, value, column)
            return [self.eol(f"{start} {self.flow(value)}", key)]
        lines = [self.eol(start, key)]
        if isinstance(value, _Entries):
            indent = column + self.draw(st.sampled_from([2, 2, 4]))
            return lines + self.mapping(value, indent, lone=key is None)
        return lines + self.sequence(value, column + self.draw(st.sampled_from([0, 2, 2, 4])))

    def mapping(
        self,
        value: _Entries,
        column: int,
        *,
        dash: str = "",
        settled: bool = True,
        lone: bool = False,
    ) -> list[str]:
        """A block mapping at ``column``; with ``dash``, its first key on the dash's line."""
        lines: list[str] = []
        for number, (key, item) in enumerate(value.pairs):
            if number or not dash:
                # Comments between a lone dash and the first key may go above the dash.
                what = None if number == 0 and lone else key + ":"
                self.head(column, what, lines, settled=settled)
            start = " " * column + f"{key}:"
            if number == 0 and dash:
                start = " " * (column - len(dash)) + dash + f"{key}:"
            written = self.value(start, item, column, key)
            lines += written
            # A list whose dashes stand at the column of the keys ends where the next key
            # starts: a comment at that column between them is the end of the list.
            settled = not any(line.startswith(" " * column + "-") for line in written[1:])
        self.tail(column, lines)
        return lines

    def sequence(self, value: _Items, column: int) -> list[str]:
        lines: list[str] = []
        for item in value.items:
            self.head(column, "-", lines, settled=True)
            if isinstance(item, _Entries) and item.pairs and not (_flat(item) and self.chance(2)):
                if self.chance(8):  # the mapping on the lines after a lone dash
                    lines.append(self.eol(" " * column + "-"))
                    lines += self.mapping(item, column + 2, lone=True)
                else:
                    dash = self.draw(st.sampled_from(["- ", "- ", "-   "]))
                    lines += self.mapping(item, column + len(dash), dash=dash)
            else:
                lines += self.value(" " * column + "-", item, column, None)
        self.tail(column, lines)
        return lines


@st.composite
def _agreement_set(draw: st.DrawFn) -> tuple[str, _Author]:
    """An agreement set as people write it, and what its writer remembers."""
    writer = _Author(draw)
    lines: list[str] = []
    if draw(st.booleans()):
        lines.append("# yaml-language-server: $schema=../../schemas/agreements.schema.json")
    if writer.chance(3):
        lines += [writer.comment(), ""]
    if writer.chance(6):
        lines.append("---")
    # The comments above the first key are the file's opening comments: they stay on top.
    lines += writer.mapping(draw(_AGREEMENT_SET), 0, settled=False)
    for _ in range(draw(st.integers(0, 2))):
        lines.append("" if writer.chance(2) else writer.comment())
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", "\n\n\n"])), writer


def _same_data(one: object, other: object) -> bool:
    """Equal data of equal types: 1, 1.0 and true are three values, '2026' and 2026 two."""
    if type(one) is not type(other):
        return False
    if isinstance(one, dict):
        assert isinstance(other, dict)
        return one.keys() == other.keys() and all(_same_data(one[k], other[k]) for k in one)
    if isinstance(one, list):
        assert isinstance(other, list)
        return len(one) == len(other) and all(map(_same_data, one, other))
    return bool(one == other)


def _in_format_order(data: object, part: str | None) -> bool:
    """Whether the keys the format knows stand in its order, at every level."""
    if isinstance(data, list):
        return all(_in_format_order(item, part) for item in data)
    if not isinstance(data, dict):
        return True
    order = FORMAT_ORDER.get(part or "", {})
    ranks = [order[key][0] for key in data if key in order]
    return ranks == sorted(ranks) and all(
        _in_format_order(value, order[key][1] if key in order else None)
        for key, value in data.items()
    )


def _next_line(lines: list[str], comment: str) -> str:
    """The first line after ``comment`` that is neither blank nor a comment."""
    (at,) = [number for number, line in enumerate(lines) if line.strip() == comment]
    return next(line for line in lines[at + 1 :] if line.strip() and line.strip()[0] != "#")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_agreement_set(), st.booleans())
def test_generated_agreement_sets_keep_data_and_comments_and_settle(
    written: tuple[str, _Author], crlf: bool
) -> None:
    source, writer = written
    if crlf:
        source = source.replace("\n", "\r\n")
    before = load_text(source, "a.yaml")
    formatted = format_text(source, name="a.yaml")
    after = load_text(formatted, "a.yaml")
    assert _same_data(after.data, before.data)
    assert after.number_texts == before.number_texts
    assert format_text(formatted) == formatted
    assert _in_format_order(after.data, "AgreementSet")
    # One line break at the end, but for the empty lines a '|+' text keeps as its own.
    assert formatted.endswith("\n")
    assert not formatted.endswith("\n\n") or re.search(r"[|>]\+", source)
    lines = formatted.replace("\r\n", "\n").split("\n")
    for comment in writer.comments:
        assert formatted.count(comment) == source.count(comment) == 1, comment
    for comment, key in writer.on_line:
        (line,) = [line for line in lines if comment in line]
        assert re.sub(r"^[\s-]*", "", line).startswith(key), (comment, line)
    for comment, what in writer.above:
        shown = _next_line(lines, comment)
        assert (
            re.sub(r"^\s*(- *)?", "", shown).startswith(what)
            if what != "-"
            else (shown.lstrip().startswith("-"))
        ), (comment, shown)


def test_the_garbage_collector_is_back_as_it_was() -> None:
    assert gc.isenabled()
    format_text("kind: monitor\nversion: 1\n")
    assert gc.isenabled()
    with pytest.raises(LayoutError):
        format_text("on: push\n")
    assert gc.isenabled()
    gc.disable()
    try:
        format_text("kind: monitor\nversion: 1\n")
        assert not gc.isenabled()
    finally:
        gc.enable()
