"""The canonical layout: exact outputs, comments in every place, refusals, and properties."""

from __future__ import annotations

import gc
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
