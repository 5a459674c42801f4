"""load.validate: schema problems of the new patterns, worded and placed, with Dutch words understood."""

from __future__ import annotations

from prestatie_cli.load.parse import parse

_SET = """\
kind: agreements
version: 1
id: t-2026
title: T
period: {start: 2026-01-01, end: 2026-12-31}
parties:
  - {id: gemeente, name: Gemeente, role: gemeente}
  - {id: corp-a, name: Corporatie A, role: corporatie}
groups:
  - {id: corporaties, name: De corporaties, members: MEMBERS}
agreements:
  - id: A-1
    title: Afspraak
    theme: wonen
    kind: KIND
    owner: OWNER
"""


def _problems(
    members: str = "corporatie", kind: str = "result", owner: str = "gemeente", extra: str = ""
) -> list[tuple[str, int, int, str, str]]:
    text = _SET.replace("MEMBERS", members).replace("KIND", kind).replace("OWNER", owner) + extra
    parsed = parse(text, "set.yaml")
    return [(p.code, p.line, p.column, p.message, p.hint) for p in parsed.problems]


def test_the_new_shapes_are_valid_as_written() -> None:
    assert _problems(owner="[gemeente, corporaties]", kind="request") == []
    assert _problems(members="[corp-a]", kind="context", owner="corporaties") == []


def test_a_dutch_kind_is_answered_with_the_word_of_the_same_meaning() -> None:
    [(code, line, column, message, hint)] = _problems(kind="verzoek")
    assert (code, line, column) == ("V003", 15, 11)
    assert message == (
        "Ongeldige waarde voor 'kind': 'verzoek' is niet toegestaan; kies uit 'result', "
        "'effort', 'process', 'request', 'context'."
    )
    assert hint.startswith("Bedoelt u 'request'?")


def test_a_dutch_word_of_a_meaning_not_allowed_gets_no_lookalike() -> None:
    # 'maandelijks' is a frequency, not a kind: no 'Bedoelt u' towards another meaning.
    [(_, _, _, _, hint)] = _problems(kind="maandelijks")
    assert "Bedoelt u" not in hint


def test_inspanningsafspraak_means_effort() -> None:
    [(_, _, _, _, hint)] = _problems(kind="Inspanningsafspraak")
    assert hint.startswith("Bedoelt u 'effort'?")


def test_a_role_in_the_plural_suggests_the_role() -> None:
    [(code, line, column, message, hint)] = _problems(members="corporaties")
    assert (code, line, column) == ("V003", 10, 54)
    assert message.startswith("Ongeldige waarde voor 'members': 'corporaties' is niet toegestaan")
    assert hint.startswith("Bedoelt u 'corporatie'?")


def test_an_owner_that_is_neither_an_id_nor_a_list_is_one_problem_at_its_place() -> None:
    assert _problems(owner="{a: 1}") == [
        (
            "V003",
            16,
            12,
            "Ongeldige waarde voor 'owner': verwacht een id of een lijst van ids (partijen of "
            "groepen), gevonden een blok met velden.",
            "Pas de waarde aan; 'prestatie schema' beschrijft elk veld.",
        )
    ]


def test_a_wrong_element_of_an_owner_list_is_placed_at_the_element() -> None:
    [(code, line, column, message, _)] = _problems(owner="[gemeente, 7]")
    assert (code, line, column) == ("V003", 16, 23)
    assert message == "Ongeldige waarde voor 'owner': verwacht tekst, gevonden het getal 7."


def test_a_dutch_key_suggests_the_format_key() -> None:
    [(code, line, column, message, hint)] = _problems(extra="    voorbehoud: RvC\n")
    assert (code, line, column, message) == ("V001", 17, 5, "Onbekend veld 'voorbehoud'.")
    assert hint.startswith("Bedoelt u 'conditions'?")


def test_a_range_without_its_upper_bound_misses_upper() -> None:
    extra = "    target: {metric: huur, value: 850, comparison: between}\n"
    assert _target(extra) == (
        "V002",
        17,
        13,
        "Het verplichte veld 'upper' ontbreekt.",
        "Voeg 'upper:' toe aan dit blok.",
    )


def test_an_upper_bound_without_between_is_named_at_upper() -> None:
    extra = "    target: {metric: huur, value: 850, upper: 1000}\n"
    assert _target(extra) == (
        "V003",
        17,
        47,
        "Ongeldige waarde voor 'upper': 'upper' (1000) hoort alleen bij 'comparison: between'.",
        "Een bereik schrijft u als 'value: 850', 'upper: 1000' en 'comparison: between'; bij "
        "een ondergrens of bovengrens alleen laat u 'upper' weg.",
    )


def test_an_upper_bound_below_the_value_is_named() -> None:
    extra = "    target: {metric: huur, value: 850, comparison: between, upper: 800}\n"
    [(code, _, _, message, _)] = _problems(extra=extra)
    assert code == "V003"
    assert message.endswith("de bovengrens 'upper' (800) ligt onder de ondergrens 'value'.")


def test_a_condition_without_text_is_a_missing_key_at_the_condition() -> None:
    extra = "    conditions:\n      - {id: rvc, kind: approval}\n"
    [(code, line, column, message, _)] = _problems(extra=extra)
    assert (code, line, column) == ("V002", 18, 9)
    assert message == "Het verplichte veld 'text' ontbreekt."


def _target(line: str) -> tuple[str, int, int, str, str]:
    [problem] = _problems(extra=line)
    return problem


def test_a_dutch_date_gets_its_iso_spelling_as_the_tip() -> None:
    assert _target("    deadline: 31-12-2027\n") == (
        "V003",
        17,
        15,
        "Ongeldige waarde voor 'deadline': verwacht een datum als JJJJ-MM-DD, gevonden de "
        "tekst '31-12-2027'.",
        "Schrijf deze datum als 2027-12-31 (jaar-maand-dag).",
    )
    assert _target("    deadline: per 1 juli 2026\n")[4] == (
        "Schrijf deze datum als 2026-07-01 (jaar-maand-dag)."
    )
    assert _target("    deadline: Q3 2025\n")[4] == (
        "Een datum is één dag: voor het einde van dat kwartaal schrijft u 2025-09-30 "
        "(jaar-maand-dag)."
    )


def test_a_date_that_is_no_date_keeps_the_general_tip() -> None:
    assert _target("    deadline: binnenkort\n")[4] == (
        "Schrijf datums als 2019-12-31 (jaar-maand-dag)."
    )


def test_a_decimal_comma_gets_the_same_message_in_block_and_in_flow_style() -> None:
    block = _target("    target:\n      metric: huur\n      value: 633,25\n")
    flow = _target("    target: {metric: huur, value: 633,25}\n")
    message = "Ongeldige waarde voor 'value': verwacht een getal, gevonden de tekst '633,25'."
    hint = (
        "Schrijf 633.25: zonder aanhalingstekens en zonder punt voor duizendtallen, met een "
        "punt voor decimalen."
    )
    assert block == ("V003", 19, 14, message, hint)
    assert flow == ("V003", 17, 35, message, hint)


def test_euro_and_percent_say_where_the_unit_goes() -> None:
    assert _target("    target:\n      metric: huur\n      value: € 550,-\n")[3:] == (
        "Ongeldige waarde voor 'value': verwacht een getal, gevonden de tekst '€ 550,-'.",
        "Schrijf alleen het getal, 550, en zet de eenheid bij het doel: unit: euro.",
    )
    assert _target("    target: {metric: aandeel, value: 25%}\n")[4] == (
        "Schrijf alleen het getal, 25, en zet de eenheid bij het doel: unit: procent."
    )


def test_a_share_written_with_a_percent_sign_is_one_problem_with_the_number_meant() -> None:
    extra = "    target:\n      metric: m\n      value: 10\n      split:\n        - {category: a, share: 60%}\n"
    assert _target(extra) == (
        "V003",
        21,
        32,
        "Ongeldige waarde voor 'share': verwacht een getal, gevonden de tekst '60%'.",
        "Schrijf het aandeel als getal in procenten, zonder %-teken: share: 60.",
    )


def test_a_share_above_a_hundred() -> None:
    extra = "    target:\n      metric: m\n      value: 10\n      split:\n        - {category: a, share: 140}\n"
    assert _target(extra)[3] == (
        "Ongeldige waarde voor 'share': een aandeel in procenten ligt tussen 0 en 100, "
        "gevonden 140."
    )


def test_a_duty_measured_with_ja_is_told_to_write_true() -> None:
    monitor = (
        "kind: monitor\nversion: 1\nset: t-2026\nmeasurements:\n"
        "  - {agreement: A-1, date: 2026-02-01, value: ja, source: verslag}\n"
    )
    [problem] = parse(monitor, "monitor.yaml").problems
    assert (problem.code, problem.line, problem.column) == ("V003", 5, 47)
    assert problem.hint == "Een taak meet u met true (gedaan) of false (niet gedaan): schrijf true."


def test_the_parsers_complaint_is_said_in_dutch() -> None:
    [problem] = parse("kind: agreements\ntitle: a: b\n", "set.yaml").problems
    assert problem.message == (
        "Dit is geen geldige YAML: een dubbele punt op een plek waar geen nieuw veld kan beginnen."
    )
    [problem] = parse("kind: a\nx: [1, 2\n", "set.yaml", "en").problems
    assert (
        problem.message == "This is not valid YAML: a list in [ ] is not closed or lacks a comma."
    )
