"""S1xx: vague phrases are found as Dutch writes them, where they stand, also across lines and
twice; a labelled corpus keeps the wording rules honest; S102 says what is wrong; S103 finds
process agreements that promise no step."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from prestatie_cli.check.engine import check
from prestatie_cli.check.result import CheckOptions
from prestatie_cli.rules.specific import (
    PHRASES,
    find_vague,
    noncommittal_phrases,
    occurrence,
    sentence,
    vague_phrases,
)
from tests.conftest import DURING, base_set, write_yaml

CORPUS = Path(__file__).with_name("wording_corpus.tsv")
MIN_PRECISION = 0.95
MIN_RECALL = 0.90


def _set_with_text(tmp_path: Path, text_block: str, kind: str = "result") -> Path:
    data = base_set()
    agreement = data["agreements"].pop()
    agreement["kind"] = kind
    if kind == "process":
        del agreement["target"]
        del agreement["frequency"]
    header = "\n".join(
        f"{key}: {json.dumps(value)}" for key, value in data.items() if key != "agreements"
    )
    fields = "\n".join(
        f"    {key}: {json.dumps(value)}"
        for key, value in agreement.items()
        if key not in ("id", "text")
    )
    path = tmp_path / "set.yaml"
    path.write_text(
        f"{header}\nagreements:\n  - id: BS-01\n{fields}\n    text: >-\n{text_block}",
        encoding="utf-8",
    )
    return path


def _at(path: Path, line: int, column: int) -> str:
    return path.read_text(encoding="utf-8").splitlines()[line - 1][column - 1 :]


# --- Where a finding points -----------------------------------------------------------------


def test_phrase_split_over_lines_is_found_at_its_start(tmp_path: Path) -> None:
    path = _set_with_text(
        tmp_path,
        "      Met volle inzet van middelen bouwt de corporatie; zij zet zich\n"
        "      in om 180 woningen op te leveren.\n",
    )
    (problem,) = check([path], CheckOptions(DURING)).problems
    assert problem.code == "S101"
    assert _at(path, problem.line, problem.column).startswith("zet zich")
    assert problem.message.endswith("'zet zich in'.")


def test_each_occurrence_gets_its_own_position(tmp_path: Path) -> None:
    path = _set_with_text(
        tmp_path,
        "      De corporatie zet zich in voor nieuwbouw.\n"
        "      De gemeente zet zich in voor locaties.\n",
    )
    problems = check([path], CheckOptions(DURING)).problems
    start = len(path.read_text(encoding="utf-8").splitlines()) - 1
    assert [(p.code, p.line, p.column) for p in problems] == [
        ("S101", start, 21),
        ("S101", start + 1, 19),
    ]


def test_a_split_verb_points_at_its_first_part_across_lines(tmp_path: Path) -> None:
    # "zet" stands earlier as a plain verb: the finding points at the second "zet".
    path = _set_with_text(
        tmp_path,
        "      De corporatie zet in 2016 een wijkbeheerder in. Daarnaast zet zij de\n"
        "      komende jaren vooral in op nieuwbouw van 180 woningen.\n",
    )
    (problem,) = check([path], CheckOptions(DURING)).problems
    lines = path.read_text(encoding="utf-8").splitlines()
    assert (problem.code, problem.line) == ("S101", len(lines) - 1)
    assert _at(path, problem.line, problem.column).startswith("zet zij de")
    assert problem.message.endswith("'zet … in op'.")


def test_a_rough_number_is_fine_when_the_target_says_so(tmp_path: Path) -> None:
    data = base_set()
    data["agreements"][0]["text"] = "Woonstichting A levert in 2016-2019 circa 180 woningen op."
    path = write_yaml(tmp_path / "circa.yaml", data)
    (problem,) = check([path], CheckOptions(DURING)).problems
    assert problem.code == "S101"
    assert problem.message == "Resultaatafspraak BS-01 noemt een aantal bij benadering: 'circa'."
    assert "approximate: true" in problem.hint
    data["agreements"][0]["target"]["approximate"] = True
    path = write_yaml(tmp_path / "circa.yaml", data)
    assert check([path], CheckOptions(DURING)).problems == ()


def test_an_exploration_gets_the_tip_for_a_study(tmp_path: Path) -> None:
    data = base_set()
    data["agreements"][0]["text"] = "Woonstichting A onderzoekt of 180 woningen haalbaar zijn."
    (problem,) = check([write_yaml(tmp_path / "s.yaml", data)], CheckOptions(DURING)).problems
    assert problem.message == "Resultaatafspraak BS-01 gebruikt de vage formulering 'onderzoekt'."
    assert "levert voor 1 juli 2026 een rapport op" in problem.hint


def test_an_effort_agreement_may_use_effort_words(tmp_path: Path) -> None:
    data = base_set()
    data["agreements"][0]["kind"] = "effort"
    data["agreements"][0]["text"] = "Woonstichting A spant zich in om circa 180 woningen te bouwen."
    path = write_yaml(tmp_path / "effort.yaml", data)
    assert [p.code for p in check([path], CheckOptions(DURING)).problems] == []


# --- What is found ------------------------------------------------------------------------------


def test_vague_phrases_match_whole_words_only() -> None:
    assert vague_phrases("Wij onderzoeken de mogelijkheden en streven  naar meer.") == [
        "onderzoeken",
        "streven naar",
    ]
    assert vague_phrases("Het onderzoeksrapport en de bevorderingsregeling.") == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("De corporatie spant zich maximaal in.", ["spant zich … in"]),
        ("De gemeente zet zich ervoor in dat het lukt.", ["zet zich … in"]),
        ("We zetten de komende jaren in op nieuwbouw.", ["zetten … in op"]),
        ("Partijen streven in 2026 naar 100 woningen.", ["streven … naar"]),
        ("De gemeente doet haar uiterste best.", ["haar uiterste best"]),
        ("De gemeente wil in 2026 300 woningen realiseren.", ["wil … realiseren"]),
        ("De corporatie gaat samen met de gemeente na of het kan.", ["gaat … na"]),
        (
            "Rond de 60 woningen, zo'n 40 woningen en ruim 200 woningen.",
            ["Rond de", "zo'n", "ruim"],
        ),
        # "na" meaning "after", purpose clauses, words inside other words, exact numbers.
        ("De corporatie gaat na oplevering over tot verhuur.", []),
        ("De corporatie verlaagt de huur om de doorstroming te bevorderen.", []),
        ("De corporatie vernieuwt de tuinen rondom de flat en rondt de bouw af.", []),
        ("De flat met de bijnaam De Kolos; nieuwbouw is bijna energieneutraal.", []),
        ("Ten minste 300 woningen, uiterlijk 1 juli 2026.", []),
        ("Zo'n wijk krijgt een beheerder; de corporatie bouwt ruim voor 2028.", []),
        ("Huurders die willen verhuizen krijgen voorrang.", []),
        ("De corporatie zet energiecoaches in die bewoners bezoeken.", []),
        ("De corporatie reageert zo spoedig mogelijk, maar uiterlijk binnen vijf werkdagen.", []),
        # A study with its own product and date is a deliverable.
        ("De corporatie onderzoekt of het kan en levert voor 1 juli 2026 een rapport op.", []),
        ("De corporatie onderzoekt of het kan en levert een rapport op.", ["onderzoekt"]),
        ("De twee onderzoeken worden voor 1 juni 2026 gebundeld in een rapport.", []),
    ],
)
def test_what_is_found(text: str, found: list[str]) -> None:
    assert vague_phrases(text) == found


def test_text_whose_length_lower_case_changes_is_searched_as_well() -> None:
    # "İ" is two characters in lower case: the text is then searched without lowering it.
    assert "İ".lower() != "İ" and len("İ".lower()) == 2
    assert vague_phrases("İJsselstein: de corporatie STREEFT NAAR meer woningen.") == [
        "STREEFT NAAR"
    ]


def test_every_head_of_a_phrase_starts_with_a_plain_lower_case_character() -> None:
    # The pattern is a tree of the phrases' plain first characters, searched in lower case.
    for phrase in PHRASES:
        for head in phrase.heads:
            assert head[0] not in "\\.^$*+?{}[]|()" and head[0] == head[0].lower(), head
            assert head[1:2] not in ("?", "*", "+", "{"), head


def test_occurrence_counts_the_needle_before_the_phrase() -> None:
    text = "De corporatie zet een beheerder in en zet vooral in op nieuwbouw."
    (found,) = find_vague(text)
    assert (found.needle, found.phrase) == ("zet", "zet … in op")
    assert occurrence(text, found.needle, found.start) == 1


def test_a_text_searched_again_gives_the_same_phrases_in_a_list_of_its_own() -> None:
    text = "De corporatie streeft naar ca. 300 woningen en gaat in gesprek over de rest."
    first = find_vague(text)
    first.clear()
    assert vague_phrases(text) == ["streeft naar", "ca."]
    steps = noncommittal_phrases(text)
    assert [found.phrase for found in steps] == ["gaat in gesprek"]
    steps.clear()
    assert [found.phrase for found in noncommittal_phrases(text)] == ["gaat in gesprek"]


def test_the_sentence_around_a_position() -> None:
    text = "Eerste zin met ca. 300 woningen. Tweede zin! Derde"
    assert sentence(text, 5) == "Eerste zin met ca. 300 woningen."
    assert sentence(text, 35) == " Tweede zin!"
    assert sentence(text, 48) == " Derde"


# --- The labelled corpus ------------------------------------------------------------------------


@dataclass(frozen=True)
class Labelled:
    rule: str
    vague: bool
    phrase: str
    theme: str
    sentence: str


def _corpus() -> list[Labelled]:
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return [
            Labelled(
                row["rule"], row["label"] == "vague", row["phrase"], row["theme"], row["sentence"]
            )
            for row in rows
        ]


def _reported(item: Labelled) -> list[str]:
    found = (
        find_vague(item.sentence) if item.rule == "S101" else noncommittal_phrases(item.sentence)
    )
    return [phrase.phrase.casefold() for phrase in found]


def test_the_corpus_is_large_varied_and_labelled() -> None:
    corpus = _corpus()
    assert len(corpus) >= 220
    assert {item.vague for item in corpus} == {True, False}
    assert {item.rule for item in corpus} == {"S101", "S103"}
    themes = {item.theme for item in corpus}
    for theme in ("betaalbaarheid", "beschikbaarheid", "duurzaamheid", "leefbaarheid"):
        assert theme in themes
    for theme in ("wonen en zorg", "statushouders", "huurders", "grondprijs"):
        assert theme in themes
    for item in corpus:
        assert bool(item.phrase) == item.vague, item.sentence
    assert len({item.sentence for item in corpus}) == len(corpus)


@pytest.mark.parametrize("rule", ["S101", "S103", "all"])
def test_precision_and_recall_on_the_corpus(rule: str, capsys: Any) -> None:
    corpus = [item for item in _corpus() if rule in ("all", item.rule)]
    found = missed = false = 0
    for item in corpus:
        reported = _reported(item)
        if not item.vague:
            false += bool(reported)
        elif item.phrase.casefold() in reported:
            found += 1
        else:
            missed += 1
    precision = found / (found + false)
    recall = found / (found + missed)
    with capsys.disabled():
        print(
            f"\n{rule}: {len(corpus)} sentences, precision {precision:.3f}, recall {recall:.3f} "
            f"({found} found, {missed} missed, {false} false)"
        )
    assert precision >= MIN_PRECISION
    assert recall >= MIN_RECALL


# --- S102: what is actually wrong with the wording ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message", "hint"),
    [
        (None, "Afspraak BS-01 heeft geen ondertekende tekst.", "Neem onder 'text:'"),
        (
            "Jaarlijkse evaluatie.",
            "De tekst van afspraak BS-01 is 2 woord(en); met minder dan 5 woorden staat er "
            "meestal alleen een kopje en niet de afspraak zelf.",
            "Is dit een kopje",
        ),
    ],
)
def test_missing_or_short_wording_says_which(
    tmp_path: Path, text: str | None, message: str, hint: str
) -> None:
    data = base_set()
    agreement = data["agreements"][0]
    agreement["kind"] = "process"
    del agreement["target"]
    if text is None:
        del agreement["text"]
    else:
        agreement["text"] = text
    (problem,) = check([write_yaml(tmp_path / "s.yaml", data)], CheckOptions(DURING)).problems
    assert (problem.code, problem.message) == ("S102", message)
    assert problem.hint.startswith(hint)


# --- S103: a process agreement that promises no step ----------------------------------------------


def test_a_noncommittal_process_agreement_is_found_where_it_says_so(tmp_path: Path) -> None:
    path = _set_with_text(
        tmp_path,
        "      Partijen nemen kennis van het bod en gaan met elkaar in\n"
        "      gesprek over de wachttijden.\n",
        kind="process",
    )
    problems = check([path], CheckOptions(DURING)).problems
    assert [(p.code, p.message) for p in problems] == [
        (
            "S103",
            "Procesafspraak BS-01 belooft met 'nemen kennis van' geen stap die te controleren "
            "is: de zin noemt geen moment, frequentie of resultaat.",
        ),
        (
            "S103",
            "Procesafspraak BS-01 belooft met 'gaan … in gesprek' geen stap die te controleren "
            "is: de zin noemt geen moment, frequentie of resultaat.",
        ),
    ]
    assert _at(path, problems[0].line, problems[0].column).startswith("nemen kennis van")
    assert _at(path, problems[1].line, problems[1].column).startswith("gaan met elkaar")


@pytest.mark.parametrize(
    "text",
    [
        "Partijen gaan voor 1 juli 2026 in gesprek over de wachttijden.",
        "Partijen houden elkaar elk kwartaal op de hoogte van de voortgang.",
        "Partijen gaan in gesprek en leggen de uitkomst vast in een notitie.",
        "Zo bezien evalueren partijen jaarlijks de jaarschijf.",
    ],
)
def test_a_process_step_with_a_when_or_an_outcome_is_fine(text: str) -> None:
    assert noncommittal_phrases(text) == []


def test_result_agreements_are_not_judged_as_processes(tmp_path: Path) -> None:
    path = _set_with_text(tmp_path, "      Partijen nemen kennis van 180 nieuwe woningen.\n")
    assert [p.code for p in check([path], CheckOptions(DURING)).problems] == []


def test_an_intention_to_deliver_is_vague() -> None:
    assert vague_phrases("De corporatie neemt zich voor 120 woningen op te leveren.") == [
        "neemt zich voor"
    ]
    assert vague_phrases("Wij hebben ons voorgenomen 50 woningen te bouwen.") == ["ons voorgenomen"]
    assert vague_phrases("De gemeente neemt de kosten voor haar rekening.") == []
