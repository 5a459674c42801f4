"""S1xx: is the agreement specific? Wording present, not vague, and a step a process can keep.

Vague wording is found as Dutch is written: a separable verb may stand apart from its
particle ("spant zich … in", "zet … in op", "gaat … na of"), a verb in second place may
have its subject between it and the rest ("streeft de corporatie naar"), and a fixed
expression ("zo spoedig mogelijk", "in beginsel") is matched as a whole. Each phrase is
a first part (what a finding points at) and, for a split verb, the rest that must
or may follow in the same clause.

One regular expression holds the phrases, so that a text is scanned once; what a
pattern cannot see (an exploring verb with its own product and date, a purpose clause
"om … te bevorderen", a rough number the target itself calls approximate) is judged
after a match, which is rare.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import ClassVar, Literal, NamedTuple

from prestatie_cli.model.agreements import Agreement
from prestatie_cli.rules._judged import judged_kind
from prestatie_cli.rules.base import Finding, Rule, SetContext, Wording

MIN_WORDS = 5

# What a vague phrase makes of a result: an effort ("zet zich in"), an intention
# ("ambitie"), an exploration ("bekijken of") or a rough number ("circa").
Sort = Literal["effort", "intention", "explore", "approximate"]

# One more word of the same clause: no white space and no end of a clause in it, but a
# full stop or colon inside a word ("1.177", "12:00") does not end it.
_WORD = r"\s+(?:[^\s.;:!?]|[.:](?=\w))+"
_MONTH = (
    r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
    r"december)"
)
# A number in figures or words, or a share: what "circa", "rond de" and "ruim" round.
_NUMBER = (
    r"(?:\d|de\s+helft|een\s+(?:kwart|derde|vijfde|tiende|half|halve)(?!\w)|"
    r"(?:[^\W\d_]*(?:honderd|duizend|tig)|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|"
    r"twaalf|tiental|tientallen|honderden|duizenden)(?!\w))"
)
# What a verb like "gaat … na" asks after, where "na" is no preposition ("na oplevering").
_QUESTION = r"(?:of|hoe|welke?|wat|waar\w*|wanneer|wie|waarom|in\s+hoeverre)(?!\w)"
_GOALS = (
    r"(?:realiseren|bereiken|komen|zorgen|toewerken|bijdragen|verbeteren|verhogen|verlagen|"
    r"verminderen|vergroten|versnellen|bouwen|opleveren|uitbreiden|verduurzamen|voorkomen|"
    r"beperken|terugdringen|terugbrengen|verkleinen|toevoegen|huisvesten|aanbieden|toewijzen|"
    r"inzetten|maken|ontwikkelen|plaatsen|isoleren|renoveren|aanpakken|investeren|leveren|"
    r"starten|beginnen|versterken|behouden|hebben|zijn|worden|blijven|houden|bieden|geven|doen)"
)


@dataclass(frozen=True, slots=True)
class _Phrase:
    """One vague phrase: its first words and, for a split verb, the words that complete it
    later in the clause (within ``gap`` words), which ``optional`` lets be absent.

    Each of ``heads`` starts with a plain lower-case letter, digit or sign: the phrases are
    grouped by it (see ``_pattern``)."""

    heads: tuple[str, ...]
    sort: Sort = "effort"
    tail: str = ""
    gap: int = 0
    optional: bool = False
    # Judges a match in its text (from its start, to its end, with its head ending where):
    # False when the words mean something else there.
    keeps: Callable[[str, int, int, int], bool] | None = None


def _each(words: str, rest: str = "") -> tuple[str, ...]:
    """One head for each of the space-separated ``words``, followed by ``rest``."""
    return tuple(word + rest for word in words.split())


_BEFORE = re.compile(r"(\w+)\W*$")
_AFTER = re.compile(r"\W*(\w+)")


def _word_before(text: str, start: int) -> str:
    found = _BEFORE.search(text, max(0, start - 30), start)
    return found.group(1).casefold() if found else ""


def _word_after(text: str, end: int) -> str:
    found = _AFTER.match(text, end)
    return found.group(1).casefold() if found else ""


# A deadline and a product in the same sentence make an exploration a deliverable:
# "onderzoekt … en legt de uitkomst voor 1 juli 2026 vast in een notitie".
_DATE = re.compile(
    rf"\b\d{{1,2}}\s+{_MONTH}\s+\d{{4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}-\d{{1,2}}-\d{{4}}\b"
    rf"|\b(?:voor|vóór|uiterlijk|per|eind|einde|medio|begin|in|uiterlijk\s+in)\s+"
    rf"(?:(?:het\s+)?(?:eerste|tweede|derde|vierde)\s+kwartaal\s+(?:van\s+)?|Q[1-4]\s+|{_MONTH}\s+)?"
    r"(?:19|20)\d{2}\b",
    re.IGNORECASE,
)
_PRODUCT = re.compile(
    r"\b(?:\w*rapport\w*|notitie|\w*advies|verslag|\w*plan|voorstel(?:len)?|analyse|memo|"
    r"nota|uitkomsten?|resultaten|conclusies?|besluit|beslissing|\w*studie|inventarisatie|"
    r"overzicht|opgeleverd|oplevert|opleveren)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z]|\s*$)")


def sentence(text: str, start: int) -> str:
    """The sentence of ``text`` around position ``start``."""
    # Looks back from the position rather than from the start: a long text with many
    # phrases would otherwise be read once for each of them.
    first, end = 0, start
    while end > 0:
        end = max(text.rfind(".", 0, end), text.rfind("!", 0, end), text.rfind("?", 0, end))
        if end >= 0 and _SENTENCE_END.match(text, end):
            first = end + 1
            break
    last = _SENTENCE_END.search(text, start)
    return text[first : last.end() if last else len(text)]


def _not_a_deliverable(text: str, start: int, end: int, head_end: int) -> bool:
    around = sentence(text, start)
    return _DATE.search(around) is None or _PRODUCT.search(around) is None


def _no_purpose(text: str, start: int, end: int, head_end: int) -> bool:
    # "om de doorstroming te bevorderen" names why, not what is promised.
    return _word_before(text, start) not in ("te", "ter", "om")


_DETERMINERS = frozenset(
    {
        *("de", "deze", "die", "alle", "beide", "enkele", "twee", "drie", "vier"),
        *("verschillende", "diverse", "eerdere", "lopende", "landelijke", "aanvullende"),
    }
)


def _a_verb(text: str, start: int, end: int, head_end: int) -> bool:
    # "de onderzoeken" and "twee onderzoeken" are studies, not an act of looking into.
    before = _word_before(text, start)
    return (
        before not in _DETERMINERS
        and not before.isdigit()
        and _not_a_deliverable(text, start, end, head_end)
    )


def _bezien(text: str, start: int, end: int, head_end: int) -> bool:
    # "zo bezien", "achteraf bezien", "bezien vanuit": a way of looking, not a promise.
    if _word_before(text, start) in ("zo", "zich", "zichzelf", "achteraf", "landelijk"):
        return False
    return _word_after(text, end) != "vanuit" and _not_a_deliverable(text, start, end, head_end)


def _not_wanted_by_others(text: str, start: int, end: int, head_end: int) -> bool:
    # "huurders die (dat) willen …" is what others want; "de wil" is a noun.
    return _word_before(text, start) not in ("die", "dat", "de", "wie", "wat")


def _no_other_particle(text: str, start: int, end: int, head_end: int) -> bool:
    # "zet zich af tegen …", "zet zich neer bij …": other verbs than "zich inzetten".
    return _word_after(text, head_end) not in ("af", "neer", "schrap", "om", "over")


def _not_a_name(text: str, start: int, end: int, head_end: int) -> bool:
    # "bijna energieneutraal" (BENG) and "bijna-…" name a standard, not a rough number.
    return text[end : end + 1] != "-" and not _word_after(text, end).startswith("energieneutra")


_BOUNDED = re.compile(
    r"^(?:,?" + _WORD + r"){0,4}?,?\s+(?:uiterlijk|ten\s+laatste|binnen\s+\S+\s+"
    r"(?:dagen|werkdagen|weken|maanden))\b",
    re.IGNORECASE,
)


def _unbounded(text: str, start: int, end: int, head_end: int) -> bool:
    # "zo spoedig mogelijk, maar uiterlijk binnen zes weken" sets a hard limit after all.
    return _BOUNDED.match(text[end : end + 120]) is None


_REFLEXIVE = r"(?:" + _WORD + r"){0,3}?\s+(?:zich|ons)"
_POSSIBLE = (
    r"\s+(?:spoedig|snel|veel|goed|min|weinig|laag|hoog|lang|kort|vroeg|tijdig|groot|klein|"
    r"breed|ruim|vlot|efficiënt|optimaal|volledig|dicht)\s+(?:als\s+)?mogelijk"
)

PHRASES: tuple[_Phrase, ...] = (
    # Efforts: separable and split verbs first, then fixed expressions.
    _Phrase((r"span(?:t|nen|de|den)" + _REFLEXIVE,), tail="in", gap=10, optional=True),
    _Phrase(_each("zich ons", r"\s+(?:\w+\s+){0,3}?in(?:spannen|zetten)")),
    _Phrase((r"inspan(?:nen|t|de|den)", "ingespannen")),
    _Phrase((r"inspanning(?:en)?\s+(?:te\s+)?(?:leveren|levert|verrichten|verricht)",)),
    _Phrase(
        (r"lever(?:t|en|de|den)", r"verricht(?:en)?", r"getroost(?:en)?\s+zich"),
        tail=r"inspanning(?:en)?",
        gap=3,
    ),
    _Phrase((r"zet(?:ten|te)?" + _REFLEXIVE,), tail="in", gap=10, keeps=_no_other_particle),
    _Phrase((r"zet(?:ten|te)?",), tail=r"in\s+op", gap=6),
    _Phrase(_each("inzetten ingezet", r"\s+op")),
    _Phrase(_each("het ons", r"\s+streven\s+is")),
    _Phrase(
        (
            r"stre(?:eft|ef|ven|efde|efden)",
            r"nastre(?:eft|ef|ven|efde|efden)",
            "gestreefd",
            "nagestreefd",
        ),
        tail=r"(?:er)?naar",
        gap=6,
        optional=True,
    ),
    _Phrase((*_each("zijn haar hun ons onze", r"\s+(?:uiterste\s+)?best"), r"uiterste\s+best")),
    _Phrase((r"al\s+het\s+mogelijke", r"het\s+mogelijke")),
    _Phrase(
        ("zo" + _POSSIBLE, r"zoveel\s+(?:als\s+)?mogelijk", r"zo\s+mogelijk"), keeps=_unbounded
    ),
    _Phrase(
        (
            *_each("waar indien wanneer zover", r"\s+(?:dat\s+|het\s+)?mogelijk"),
            r"voor\s+zover\s+(?:dat\s+|het\s+)?mogelijk",
            r"als\s+(?:dat|het)\s+mogelijk",
            r"waar\s+nodig",
        )
    ),
    _Phrase((r"in\s+beginsel", r"in\s+principe", r"bij\s+voorkeur", r"naar\s+vermogen")),
    _Phrase(
        (
            r"bevorder(?:en|t|de|den)",
            "bevorderd",
            "stimuleren",
            r"stimuleer(?:t|de|den)",
            "gestimuleerd",
        ),
        keeps=_no_purpose,
    ),
    _Phrase(_each("heeft hebben besteedt besteden schenkt schenken"), tail="aandacht", gap=4),
    _Phrase((r"ma(?:akt|ken|akte|akten)" + _REFLEXIVE,), tail="sterk", gap=2),
    _Phrase((r"zich\s+(?:\w+\s+){0,2}?sterk\s+(?:\w+\s+){0,2}?maken",)),
    _Phrase((r"den(?:kt|ken)\s+mee", "meedenken")),
    _Phrase((r"faciliter(?:en|de|den)", r"faciliteert", "gefaciliteerd")),
    _Phrase((r"hou(?:dt|den)",), tail=r"rekening\s+met", gap=4),
    _Phrase((r"werk(?:t|en)\s+(?:\w+\s+){0,2}?toe\s+naar", r"werk(?:t|en)\s+samen\s+aan")),
    _Phrase((r"zich\s+(?:\w+\s+){0,2}?beijveren", r"beijver(?:t|en)\s+zich")),
    _Phrase(
        (
            *_each("waar als indien wanneer", r"\s+(?:dat|het)\s+kan"),
            r"voor\s+zover\s+(?:dat|het)\s+kan",
        )
    ),
    # Intentions.
    _Phrase((r"ambities?", r"ambi[eë]{1,2}r(?:en|t|d|de|den)", r"geambi[eë]{1,2}rd"), "intention"),
    _Phrase((r"beo(?:gen|ogt|ogd|ogden)",), "intention"),
    _Phrase((r"intenties?", r"voornemens?"), "intention"),
    _Phrase((r"ne(?:emt|men|em|mt)" + _REFLEXIVE,), "intention", tail="voor", gap=6),
    _Phrase(_each("zich ons", r"\s+(?:\w+\s+){0,2}?voorgenomen"), "intention"),
    _Phrase(
        (
            r"het\s+uitgangspunt\s+is",
            r"uitgangspunt\s+is",
            r"is\s+(?:het\s+)?uitgangspunt",
        ),
        "intention",
    ),
    _Phrase((r"wil(?:len|de|den)?",), "intention", _GOALS, 10, keeps=_not_wanted_by_others),
    _Phrase(_each("heeft hebben had hadden"), "intention", tail=r"als\s+doel", gap=3),
    _Phrase((r"het\s+doel\s+is\s+(?:om|dat)", r"de\s+inzet\s+is\s+(?:om|dat)"), "intention"),
    _Phrase((r"het\s+is\s+de\s+bedoeling", r"de\s+bedoeling\s+is"), "intention"),
    # Explorations: a promise to look, not to deliver (unless a product has its own date).
    _Phrase((r"in\s+overleg\s+bezien",), "explore", keeps=_not_a_deliverable),
    _Phrase(("bezien", "beziet"), "explore", keeps=_bezien),
    _Phrase((r"verken(?:nen|t|de|den)", "verkend"), "explore", keeps=_not_a_deliverable),
    _Phrase((r"bekijk(?:en|t)", "bekeken"), "explore", keeps=_not_a_deliverable),
    _Phrase((r"onderzo(?:eken|ekt|cht)", r"onderzoek\s+naar"), "explore", keeps=_a_verb),
    _Phrase(("nagaan", "nagegaan"), "explore", keeps=_not_a_deliverable),
    _Phrase(
        (r"ga(?:at|an)",),
        "explore",
        tail=r"na(?=\s+" + _QUESTION + ")",
        gap=6,
        keeps=_not_a_deliverable,
    ),
    _Phrase((r"in\s+overleg\s+(?:te\s+)?treden",), "explore"),
    _Phrase((r"tr(?:eedt|eden)",), "explore", tail=r"in\s+overleg", gap=4),
    _Phrase((r"zich\s+bera(?:den|adt)", r"bera(?:den|adt)"), "explore"),
    _Phrase(
        (r"prob(?:eren|eert|eerde|eerden)", "geprobeerd", r"tracht(?:en|te|ten)?", "getracht"),
        "explore",
    ),
    _Phrase(("overwegen", "overweegt", "overwogen"), "explore", keeps=_not_a_deliverable),
    _Phrase(
        (r"kijk(?:t|en)",),
        "explore",
        tail=r"(?:" + _QUESTION + r"|naar\s+(?:de\s+)?mogelijkhe\w+)",
        gap=3,
        keeps=_not_a_deliverable,
    ),
    _Phrase((r"zoek(?:t|en)",), "explore", tail="naar", gap=3, keeps=_not_a_deliverable),
    # Rough numbers.
    _Phrase(
        (
            *_each("circa ongeveer omstreeks plusminus grofweg ruwweg pakweg nagenoeg"),
            r"ca\.",
            r"c\.a\.",
            r"naar\s+schatting",
            r"naar\s+verwachting",
        ),
        "approximate",
    ),
    _Phrase((r"zo['\u2019]n(?=\s+" + _NUMBER + r")",), "approximate"),
    _Phrase((r"rond(?:\s+de)?(?=\s+" + _NUMBER + r")",), "approximate"),
    _Phrase((r"ruim(?=\s+" + _NUMBER + r")",), "approximate"),
    _Phrase((r"een\s+stuk\s+of(?=\s+" + _NUMBER + r")",), "approximate"),
    _Phrase(("bijna",), "approximate", keeps=_not_a_name),
    _Phrase(
        (r"±\s*\d[\d.,]*", *(rf"{digit}\d*\s*à\s*\d+" for digit in "0123456789")), "approximate"
    ),
)


_META = frozenset("\\.^$*+?{}[]|()")


def _literal(head: str) -> tuple[str, str]:
    """The plain characters a head starts with, and the pattern that follows them."""
    end = 0
    while end < len(head) and head[end] not in _META:
        end += 1
    if end < len(head) and head[end] in "?*+{":
        end -= 1  # the last plain character is repeated or optional: it belongs to the rest
    return head[:end], head[end:]


def _trie(entries: list[tuple[str, str]]) -> str:
    """The alternatives of ``entries`` (plain characters, pattern) as a tree of their plain
    characters: "s(?:pan…|t(?:re…|imuler…))".

    The engine skips a branch that starts with a plain character at the cost of one
    comparison where another character stands, but enters each branch that starts with a
    group: a flat list of the fifty-odd phrases was five times slower than this tree.
    Branches keep their order, so a phrase listed first wins.
    """
    branches: dict[str, list[tuple[str, str]]] = {}
    order: list[str | tuple[str, str]] = []
    for literal, rest in entries:
        if not literal:
            order.append(("", rest))
            continue
        if literal[0] not in branches:
            branches[literal[0]] = []
            order.append(literal[0])
        branches[literal[0]].append((literal[1:], rest))
    parts: list[str] = []
    for item in order:
        if isinstance(item, tuple):
            parts.append(item[1])
            continue
        parts.append(f"{re.escape(item)}(?:{_trie(branches[item])})")
    return "|".join(parts)


# What a head that starts a word starts with (in lower case); others start with a sign.
_WORDS = "abcdefghijklmnopqrstuvwxyz0123456789"


def _pattern(phrases: tuple[_Phrase, ...], words: bool) -> str:
    """One pattern for the phrases that start with a letter or digit (``words``) or for those
    that start with a sign: each head's group named "h{phrase}x{head}", the gap and tail of
    a split verb "g…" and "t…"."""
    entries: list[tuple[str, str]] = []
    for number, phrase in enumerate(phrases):
        for which, head in enumerate(phrase.heads):
            if (head[0] in _WORDS) != words:
                continue
            name = f"{number}x{which}"
            literal, rest = _literal(head)
            assert literal, head
            alternative = rf"(?P<h{name}>{rest})(?!\w)"
            if phrase.tail:
                # The words between do not start the phrase again: in "zet X in en zet Y in
                # op" the second "zet" begins the phrase, not the first.
                again = "|".join(phrase.heads)
                word = rf"(?!\s+(?:{again})(?!\w)){_WORD}"
                gap = rf"(?P<g{name}>(?:{word}){{0,{phrase.gap}}}?)"
                tail = rf"(?:{gap}\s+(?P<t{name}>{phrase.tail})(?!\w))"
                alternative += tail + ("?" if phrase.optional else "")
            entries.append((literal, alternative))
    return rf"(?<!\w)(?:{_trie(entries)})"


# The text is searched in lower case (``str.lower`` keeps its length, as good as always),
# where the plain first characters do their work; the other pattern is for the rare text
# whose length lower case changes. A phrase that starts with a sign ("± 300") has a pattern
# of its own, searched only where the sign stands: among the words it made the search of
# every text half as fast again.
_VAGUE = re.compile(_pattern(PHRASES, words=True))
_SIGNS = "".join({head[0] for phrase in PHRASES for head in phrase.heads} - set(_WORDS))
_VAGUE_SIGN = re.compile(_pattern(PHRASES, words=False))


@functools.cache
def _vague_any_case() -> re.Pattern[str]:
    """The pattern for the rare text that lower case changes in length: compiled (10 ms)
    only when one turns up, not by every process that imports the rules."""
    return re.compile(_pattern(PHRASES, words=True), re.IGNORECASE)


def _matches(text: str) -> list[re.Match[str]]:
    """The matches of the phrases in ``text`` (in lower case where that keeps its length)."""
    lower = text.lower()
    searched = lower if len(lower) == len(text) else text
    vague = _VAGUE if searched is lower else _vague_any_case()
    found = list(vague.finditer(searched))
    if any(sign in text for sign in _SIGNS):
        found = sorted([*found, *_VAGUE_SIGN.finditer(searched)], key=lambda match: match.start())
    return found


class VaguePhrase(NamedTuple):
    """A vague phrase in a text: where it starts, its first words as written (what a finding
    points at), the phrase as shown ("spant zich … in") and what it makes of a result."""

    start: int
    needle: str
    phrase: str
    sort: Sort


def _shown(words: str) -> str:
    return " ".join(words.split())


def find_vague(text: str) -> list[VaguePhrase]:
    """The vague phrases in ``text``, in order of appearance."""
    return list(_vague_in(text))


# Titles and stock sentences ("Nieuwe sociale huurwoningen") recur across the sets of a
# run, and the search of one text is a pure function of it: each is searched once. Bounded,
# so that a long-running editor session does not keep every text it has seen.
@functools.lru_cache(maxsize=8192)
def _vague_in(text: str) -> tuple[VaguePhrase, ...]:
    found: list[VaguePhrase] = []
    for match in _matches(text):
        # The last group that took part names the phrase and its head: "h3x1", "t3x1".
        name = (match.lastgroup or "")[1:]
        phrase = PHRASES[int(name.split("x")[0])]
        start = match.start()
        head_end = match.end(f"h{name}")
        if phrase.keeps is not None and not phrase.keeps(text, start, match.end(), head_end):
            continue
        # The head's group leaves out the plain characters it starts with (the tree's).
        head = _shown(text[start:head_end])
        tail = match.group(f"t{name}") if phrase.tail else None
        if tail is None:
            found.append(VaguePhrase(start, head, head, phrase.sort))
            continue
        tail = _shown(text[match.start(f"t{name}") : match.end(f"t{name}")])
        if match.group(f"g{name}"):
            found.append(VaguePhrase(start, head, f"{head} … {tail}", phrase.sort))
        else:
            whole = f"{head} {tail}"
            found.append(VaguePhrase(start, whole, whole, phrase.sort))
    return tuple(found)


def vague_phrases(text: str) -> list[str]:
    """The vague phrases in ``text`` as shown ("zet zich … in"), in order of appearance."""
    return [found.phrase for found in find_vague(text)]


@functools.lru_cache(maxsize=256)
def _needle_pattern(needle: str) -> re.Pattern[str]:
    # As Document.locate looks for a needle: whole words, any white space between them.
    words = [re.escape(word) for word in needle.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def occurrence(text: str, needle: str, start: int) -> int:
    """How many times ``needle`` stands in ``text`` before ``start``: which of its
    occurrences a finding points at (a split verb's "zet" may stand earlier as a
    plain verb)."""
    return sum(1 for _ in _needle_pattern(needle).finditer(text, 0, start))


class VagueWording(Rule):
    """A result agreement must promise a result, not an effort."""

    code = "S101"
    name = "vague-wording"
    severity = "warning"
    scope = "agreement"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Vage formulering", "en": "Vague wording"},
        "message": {
            "nl": "Resultaatafspraak {id} gebruikt de vage formulering '{phrase}'.",
            "en": "Result agreement {id} uses the vague phrase '{phrase}'.",
        },
        "message.approximate": {
            "nl": "Resultaatafspraak {id} noemt een aantal bij benadering: '{phrase}'.",
            "en": "Result agreement {id} gives a rough number: '{phrase}'.",
        },
        "hint": {
            "nl": "Schrijf op wat er concreet wordt opgeleverd (aantal, wie, wanneer), of maak er "
            "een inspanningsafspraak van met 'kind: effort'.",
            "en": "Say what is delivered (how many, by whom, when), or make it an effort agreement "
            "with 'kind: effort'.",
        },
        "hint.explore": {
            "nl": "Een onderzoek is een resultaat als er een product en een datum bij staan: "
            "'levert voor 1 juli 2026 een rapport op'. Anders: 'kind: effort'.",
            "en": "A study is a result when it has a product and a date: 'delivers a report "
            "before 1 July 2026'. Otherwise: 'kind: effort'.",
        },
        "hint.approximate": {
            "nl": "Noem het precieze aantal of een grens ('ten minste 300'); is het aantal bewust "
            "bij benadering, zet dan 'approximate: true' bij 'target:'.",
            "en": "Give the exact number or a bound ('ten minste 300'); when the number is meant "
            "to be rough, put 'approximate: true' under 'target:'.",
        },
        "rationale": {
            "nl": "Woorden als 'streven naar', 'zoveel mogelijk', 'zet zich … in', 'bekijken of' "
            "en 'circa' maken van een resultaatafspraak een inspanning, een voornemen of een "
            "schatting: achteraf kan niemand vaststellen of ze is nagekomen.",
            "en": "Phrases like 'streven naar' (aim for), 'zoveel mogelijk' (as much as possible), "
            "'zet zich … in' (make an effort), 'bekijken of' (look into) and 'circa' (about) turn "
            "a result into an effort, an intention or an estimate: afterwards nobody can tell "
            "whether it was kept.",
        },
    }
    example_pass = """\
- id: BS-01
  title: Nieuwe sociale huurwoningen
  theme: beschikbaarheid
  kind: result
  text: De corporatie levert in 2016-2019 180 nieuwe sociale huurwoningen op.
"""
    example_fail = """\
- id: BS-01
  title: Nieuwe sociale huurwoningen
  theme: beschikbaarheid
  kind: result
  text: De corporatie streeft naar zoveel mogelijk nieuwe sociale huurwoningen.
"""

    def check_agreement(
        self, context: SetContext, index: int, agreement: Agreement
    ) -> Iterator[Finding]:
        if judged_kind(agreement, context.withdrawn) != "result":
            return
        # A target marked approximate says "circa" on purpose.
        rough = agreement.target is not None and agreement.target.approximate
        for field in ("title", "text"):
            text = getattr(agreement, field) or ""
            for found in _vague_in(text):
                if rough and found.sort == "approximate":
                    continue
                yield Finding(
                    self.code,
                    ("agreements", index, field),
                    {"phrase": found.phrase, "id": agreement.id},
                    needle=found.needle,
                    occurrence=occurrence(text, found.needle, found.start),
                    variant="" if found.sort in ("effort", "intention") else found.sort,
                )


class MissingWording(Rule):
    """A result or process agreement keeps the wording as signed.

    A part of a larger agreement (``parent``) without wording of its own is worded by its
    parent's text, as a row of a table is by the sentence above it.
    """

    code = "S102"
    name = "missing-wording"
    severity = "error"
    scope = "agreement"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Tekst ontbreekt", "en": "Wording missing"},
        "message": {
            "nl": "Afspraak {id} heeft geen ondertekende tekst.",
            "en": "Agreement {id} has no signed wording.",
        },
        "message.short": {
            "nl": "De tekst van afspraak {id} is {count} woord(en); met minder dan {words} "
            "woorden staat er meestal alleen een kopje en niet de afspraak zelf.",
            "en": "The wording of agreement {id} is {count} word(s); with fewer than {words} "
            "words it is usually a heading rather than the agreement itself.",
        },
        "hint": {
            "nl": "Neem onder 'text:' de afspraak letterlijk over zoals die is ondertekend.",
            "en": "Copy the agreement under 'text:' word for word as it was signed.",
        },
        "hint.short": {
            "nl": "Is dit een kopje, neem dan de hele afspraak over zoals die is ondertekend (het "
            "kopje hoort bij 'title:'). Is dit echt de volledige ondertekende tekst, zet dan bij "
            "de afspraak 'waivers: [{{rule: S102, reason: ...}}]'.",
            "en": "If this is a heading, copy the whole agreement as signed (the heading belongs "
            "under 'title:'). If this really is the full signed wording, add "
            "'waivers: [{{rule: S102, reason: ...}}]' to the agreement.",
        },
        "rationale": {
            "nl": "De tekst zoals ondertekend is wat partijen elkaar beloven; titel en getallen "
            "alleen zijn niet genoeg om op aan te spreken.",
            "en": "The wording as signed is what the parties promise each other; a title and numbers "
            "alone are not enough to hold anyone to.",
        },
    }
    example_pass = """\
- id: PR-01
  title: Jaarlijkse evaluatie
  theme: proces
  kind: process
  text: Partijen evalueren jaarlijks voor 30 juni samen de jaarschijf.
"""
    example_fail = """\
- id: PR-01
  title: Jaarlijkse evaluatie
  theme: proces
  kind: process
  text: Evaluatie.
"""

    def check_agreement(
        self, context: SetContext, index: int, agreement: Agreement
    ) -> Iterator[Finding]:
        if judged_kind(agreement, context.withdrawn) in (None, "effort"):
            return
        if agreement.text is None and _worded_by_parent(context, agreement):
            return
        words = len((agreement.text or "").split())
        if words >= MIN_WORDS:
            return
        params = {"id": agreement.id, "words": str(MIN_WORDS), "count": str(words)}
        if words:
            yield Finding(self.code, ("agreements", index, "text"), params, variant="short")
        else:
            pointer = ("agreements", index) + (("text",) if agreement.text else ())
            yield Finding(self.code, pointer, params)


def _worded_by_parent(context: SetContext, agreement: Agreement) -> bool:
    """Whether the agreement is a part of one whose own text is the signed wording."""
    parent = context.by_id.get(agreement.parent) if agreement.parent is not None else None
    return parent is not None and len((parent.text or "").split()) >= MIN_WORDS


# --- S103: a process agreement that promises no step -------------------------------------------

# Wording that promises only to take note, to talk or to look: no step anybody can check.
# Judged per sentence, and only where the sentence has no moment, frequency or outcome.
# Each phrase's first words are the group "h<n>", the words between a split verb's parts
# "g<n>".
_BETWEEN = r"(?:" + _WORD + r")"
_NONCOMMITTAL = re.compile(
    r"(?<!\w)(?:"
    r"(?P<h0>ne(?:emt|men)|nam(?:en)?)\s+(?:\w+\s+){0,2}?kennis\s+van"
    r"|(?P<h1>kennis)\s+(?:te\s+)?nemen\s+van"
    r"|(?P<h2>ter)\s+kennisgeving"
    rf"|(?P<h3>ga(?:at|an)|blij(?:ft|ven))(?P<g3>{_BETWEEN}{{0,6}}?)\s+in\s+(?:gesprek|overleg)"
    r"|(?P<h4>in)\s+(?:gesprek|overleg)\s+(?:te\s+)?(?:gaan|blijven|treden)"
    rf"|(?P<h5>ga(?:at|an))(?P<g5>{_BETWEEN}{{0,3}}?)\s+het\s+gesprek\s+aan"
    rf"|(?P<h6>tr(?:eedt|eden))(?P<g6>{_BETWEEN}{{0,4}}?)\s+in\s+overleg"
    rf"|(?P<h7>voer(?:t|en))(?P<g7>{_BETWEEN}{{0,3}}?)\s+(?:overleg|gesprekken)"
    rf"|(?P<h8>stem(?:t|men))(?P<g8>{_BETWEEN}{{0,6}}?)\s+af(?=\s+(?:over|met)\b|\s*[.;,])"
    r"|(?P<h9>afstemmen|afgestemd)"
    rf"|(?P<h10>hou(?:dt|den))(?P<g10>{_BETWEEN}{{1,5}}?)\s+op\s+de\s+hoogte"
    r"|(?P<h11>informeren)\s+elkaar"
    r"|(?P<h12>bezien|beziet|bekijken|bekijkt|verkennen|verkent|overwegen|overweegt)"
    r"|(?P<h13>(?:zich\s+)?bera(?:den|adt))"
    r")(?!\w)",
    re.IGNORECASE,
)
# A moment, a frequency, a term or an event: the talk or the look has a when.
_WHEN = re.compile(
    rf"{_DATE.pattern}|\b(?:19|20)\d{{2}}\b|\b{_MONTH}\b"
    r"|\b(?:half|twee)?(?:jaarlijks|maandelijks|wekelijks|dagelijks)\b"
    r"|\b(?:per|elk|elke|ieder|iedere)\s+(?:jaar|kwartaal|maand|week|halfjaar|half\s+jaar)\b"
    r"|\bkeer\s+per\b|\bmaal\s+per\b|\bkwartaal\b|\bQ[1-4]\b"
    r"|\bbinnen\s+\S+\s+(?:dagen|werkdagen|weken|maanden)\b"
    r"|\bbij\s+(?:elke|iedere?)\b|\bna\s+(?:afloop|ontvangst|vaststelling|oplevering)\b",
    re.IGNORECASE,
)


# What the talk or the look yields: recorded, drawn up, issued or decided.
_OUTCOME = re.compile(
    r"\b(?:leg(?:t|gen)|stel(?:t|len)|breng(?:t|en)|lever(?:t|en))\b[^.;]*?\b(?:vast|op|uit)\b"
    r"|\b(?:vastleggen|vastgelegd|vaststellen|vastgesteld|opstellen|opgesteld|besluit|besluiten|"
    r"stuurt|sturen|publiceert|publiceren)\b",
    re.IGNORECASE,
)


def noncommittal_phrases(text: str) -> list[VaguePhrase]:
    """The wording in ``text`` that promises no step, in sentences that name no when and no
    product."""
    return list(_noncommittal_in(text))


@functools.lru_cache(maxsize=8192)  # searched once each, as ``_vague_in``
def _noncommittal_in(text: str) -> tuple[VaguePhrase, ...]:
    found: list[VaguePhrase] = []
    for match in _NONCOMMITTAL.finditer(text):
        number = (match.lastgroup or "h0")[1:]
        around = sentence(text, match.start())
        if _WHEN.search(around) or _OUTCOME.search(around):
            continue
        if _word_before(text, match.start()) in ("zo", "achteraf"):
            continue  # "zo bezien": a way of looking, not a promise
        head = _shown(match.group(f"h{number}"))
        gap = match.groupdict().get(f"g{number}")
        # One word between is shown as written ("houden elkaar op de hoogte"), more as "…".
        if gap and len(gap.split()) > 1:
            rest = _shown(text[match.end(f"g{number}") : match.end()])
            found.append(VaguePhrase(match.start(), head, f"{head} … {rest}", "explore"))
        else:
            whole = _shown(match.group(0))
            found.append(VaguePhrase(match.start(), whole, whole, "explore"))
    return tuple(found)


class NoncommittalProcess(Rule):
    """A process agreement promises a step: who does what, and when or how often."""

    code = "S103"
    name = "noncommittal-process"
    severity = "warning"
    scope = "agreement"
    wording: ClassVar[Wording] = {
        "title": {
            "nl": "Procesafspraak zonder toezegging",
            "en": "Process agreement that promises nothing",
        },
        "message": {
            "nl": "Procesafspraak {id} belooft met '{phrase}' geen stap die te controleren is: "
            "de zin noemt geen moment, frequentie of resultaat.",
            "en": "Process agreement {id} promises no step that can be checked with '{phrase}': "
            "the sentence names no moment, frequency or outcome.",
        },
        "hint": {
            "nl": "Schrijf op wat er gebeurt en wanneer, zoals 'Partijen bespreken voor 1 juli "
            "2026 ... en leggen de uitkomst vast in een notitie' of 'informeren elkaar elk "
            "kwartaal schriftelijk over ...'. Is het bewust open, dan is dit een smaakkwestie: "
            "zet de regel uit in de configuratie.",
            "en": "Say what happens and when, such as 'the parties discuss ... before 1 July 2026 "
            "and record the outcome in a memo' or 'inform each other in writing every quarter "
            "about ...'. If it is open on purpose, this is a matter of taste: turn the rule off "
            "in the configuration.",
        },
        "rationale": {
            "nl": "Kennisnemen, in gesprek gaan of iets bekijken zonder moment of uitkomst kan "
            "niet worden nagekomen of gemist: bij de evaluatie valt er niets te beoordelen.",
            "en": "Taking note, talking or looking into something without a moment or an outcome "
            "can be neither kept nor missed: at the evaluation there is nothing to judge.",
        },
    }
    example_pass = """\
- id: PR-01
  title: Overleg over de wachttijden
  theme: proces
  kind: process
  text: Partijen bespreken voor 1 juli 2026 de wachttijden en leggen de uitkomst vast in een notitie.
"""
    example_fail = """\
- id: PR-01
  title: Overleg over de wachttijden
  theme: proces
  kind: process
  text: Partijen gaan met elkaar in gesprek over de wachttijden voor sociale huurwoningen.
"""

    def check_agreement(
        self, context: SetContext, index: int, agreement: Agreement
    ) -> Iterator[Finding]:
        if judged_kind(agreement, context.withdrawn) != "process" or not agreement.text:
            return
        text = agreement.text
        for found in _noncommittal_in(text):
            yield Finding(
                self.code,
                ("agreements", index, "text"),
                {"phrase": found.phrase, "id": agreement.id},
                needle=found.needle,
                occurrence=occurrence(text, found.needle, found.start),
            )


RULES: tuple[Rule, ...] = (VagueWording(), MissingWording(), NoncommittalProcess())
