"""The sentences of the language server, in Dutch and English."""

from __future__ import annotations

from collections.abc import Mapping

from prestatie_cli.messages import Language, register

WORDS: Mapping[str, Mapping[Language, str]] = {
    "lsp.action.suggestion": {"nl": "Vervang door '{meant}'", "en": "Replace with '{meant}'"},
    "lsp.action.date": {
        "nl": "Schrijf de datum als {meant}",
        "en": "Write the date as {meant}",
    },
    "lsp.action.number": {
        "nl": "Schrijf het getal als {meant}",
        "en": "Write the number as {meant}",
    },
    "lsp.action.waiver": {
        "nl": "Leg een uitzondering op {code} vast (waiver)",
        "en": "Record an exception to {code} (waiver)",
    },
    "lsp.waiver.reason": {
        "nl": "Vul hier in waarom deze melding bewust zo is afgesproken.",
        "en": "Say here why this finding is agreed on purpose.",
    },
    "lsp.format.refused": {
        "nl": "prestatie: niet opgemaakt: {reason}",
        "en": "prestatie: not formatted: {reason}",
    },
    "lsp.error": {
        "nl": "prestatie: interne fout bij {method} (de server werkt door): {error}",
        "en": "prestatie: internal error in {method} (the server keeps running): {error}",
    },
    "lsp.hover.party": {"nl": "Partij", "en": "Party"},
    "lsp.hover.group": {"nl": "Groep", "en": "Group"},
    "lsp.hover.members": {"nl": "leden", "en": "members"},
    "lsp.hover.agreement": {"nl": "Afspraak", "en": "Agreement"},
    "lsp.hover.owner": {"nl": "trekker", "en": "owner"},
    "lsp.hover.deadline": {"nl": "termijn", "en": "deadline"},
    "lsp.hover.severity": {"nl": "standaard ernst", "en": "default severity"},
    "lsp.completion.party": {"nl": "partij", "en": "party"},
    "lsp.completion.group": {"nl": "groep", "en": "group"},
    "lsp.completion.agreement": {"nl": "afspraak", "en": "agreement"},
    "lsp.completion.set": {"nl": "set", "en": "set"},
    "lsp.completion.theme": {"nl": "thema", "en": "theme"},
    "lsp.completion.rule": {"nl": "regel", "en": "rule"},
}

register(WORDS)
