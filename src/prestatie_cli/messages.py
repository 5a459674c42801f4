"""The message catalogue: every sentence a user reads, in Dutch and English.

Keys are ``CODE.part`` for load and validation errors (``Y005.message``,
``Y005.hint``, ``Y005.hint.tab``), ``schema.TYPE`` for the problems validation
names and ``ui.NAME`` and the like for the rest. Each rule keeps its own wording
(``S101.title``, ``S101.rationale``, ``S101.message``, ``S101.hint``) with the
rule; the rule registry adds it here with ``register``. Placeholders use
``str.format`` names; a test checks that both languages use the same ones.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from contextvars import ContextVar
from datetime import date
from typing import Literal

Language = Literal["nl", "en"]
LANGUAGES: tuple[Language, ...] = ("nl", "en")

CATALOGUE: dict[str, dict[Language, str]] = {
    # --- Files that cannot be read or parsed ------------------------------------------
    "Y001.message.not-found": {
        "nl": "Het bestand bestaat niet.",
        "en": "The file does not exist.",
    },
    "Y001.message.no-path": {
        "nl": "De map (of het bestand) bestaat niet.",
        "en": "The folder (or file) does not exist.",
    },
    "Y001.message.directory": {
        "nl": "Dit is een map, geen bestand.",
        "en": "This is a directory, not a file.",
    },
    "Y001.message.special": {
        "nl": "Dit is geen gewoon bestand (maar bijvoorbeeld een pipe of apparaat).",
        "en": "This is not a regular file (but, for example, a pipe or a device).",
    },
    "Y001.message.os": {
        "nl": "Het bestand kan niet gelezen worden: {detail}.",
        "en": "The file cannot be read: {detail}.",
    },
    "Y001.hint": {
        "nl": "Controleer het pad en de rechten op het bestand.",
        "en": "Check the path and the permissions of the file.",
    },
    "Y002.message": {
        "nl": "Het bestand is groter dan {limit} MB.",
        "en": "The file is larger than {limit} MB.",
    },
    "Y002.hint": {
        "nl": "Een set afspraken is veel kleiner; splits het bestand, bijvoorbeeld per set.",
        "en": "A set of agreements is much smaller; split the file, for example one per set.",
    },
    "Y003.message.binary": {
        "nl": "Dit is geen tekstbestand (het bevat een NUL-byte).",
        "en": "This is not a text file (it contains a NUL byte).",
    },
    "Y003.message.encoding": {
        "nl": "Het bestand is geen geldige UTF-8-tekst.",
        "en": "The file is not valid UTF-8 text.",
    },
    "Y003.message.control": {
        "nl": "Het bestand bevat een onzichtbaar stuurteken ({character}) dat YAML niet toestaat.",
        "en": "The file contains an invisible control character ({character}) that YAML does not allow.",
    },
    "Y003.message.surrogate": {
        "nl": "Het bestand bevat de escape {character}: de helft van een UTF-16-paar zonder "
        "de andere helft, en dus geen teken.",
        "en": "The file contains the escape {character}: half of a UTF-16 pair without the "
        "other half, and so no character.",
    },
    "Y003.hint.surrogate": {
        "nl": "Schrijf het teken zelf in plaats van een escape, of geef beide helften "
        '(bijvoorbeeld "\\ud83d\\ude00").',
        "en": "Write the character itself instead of an escape, or give both halves "
        '(for example "\\ud83d\\ude00").',
    },
    "Y003.hint.control": {
        "nl": "Verwijder het teken; het komt vaak mee bij kopiëren uit Word, PDF of een terminal.",
        "en": "Remove the character; it often comes along when copying from Word, a PDF or a terminal.",
    },
    "Y003.hint": {
        "nl": "Sla het bestand op als UTF-8 in een teksteditor (niet als Word- of Excelbestand).",
        "en": "Save the file as UTF-8 in a text editor (not as a Word or Excel file).",
    },
    "Y004.message": {
        "nl": "Het bestand is leeg.",
        "en": "The file is empty.",
    },
    "Y004.hint": {
        "nl": "Begin met 'kind: agreements' of 'kind: monitor' en 'version: 1'; "
        "'prestatie rules' en de README tonen een voorbeeld.",
        "en": "Start with 'kind: agreements' or 'kind: monitor' and 'version: 1'; "
        "'prestatie rules' and the README show an example.",
    },
    "Y005.message": {
        "nl": "Dit is geen geldige YAML: {problem}.",
        "en": "This is not valid YAML: {problem}.",
    },
    "Y005.problem.colon": {
        "nl": "een dubbele punt op een plek waar geen nieuw veld kan beginnen",
        "en": "a colon where no new key can begin",
    },
    "Y005.problem.unclosed-quote": {
        "nl": "een tekst tussen aanhalingstekens is niet afgesloten",
        "en": "a quoted text is not closed",
    },
    "Y005.problem.character": {
        "nl": "een teken waarmee in YAML niets kan beginnen (bijvoorbeeld een tab of '@')",
        "en": "a character nothing can start with in YAML (a tab or '@', for example)",
    },
    "Y005.problem.block-end": {
        "nl": "een blok eindigt niet waar de inspringing dat zegt",
        "en": "a block does not end where its indentation says",
    },
    "Y005.problem.dash": {
        "nl": "een lijst-item zonder '- ' op deze inspringing",
        "en": "a list item without '- ' at this indentation",
    },
    "Y005.problem.no-colon": {
        "nl": "een veld zonder dubbele punt",
        "en": "a key without a colon",
    },
    "Y005.problem.key": {
        "nl": "een veld op een onverwachte inspringing",
        "en": "a key at an unexpected indentation",
    },
    "Y005.problem.escape": {
        "nl": "een onbekende combinatie met '\\' in een tekst tussen dubbele aanhalingstekens",
        "en": "an unknown escape with '\\' in a double-quoted text",
    },
    "Y005.problem.flow-list": {
        "nl": "een lijst tussen [ ] is niet goed afgesloten of mist een komma",
        "en": "a list in [ ] is not closed or lacks a comma",
    },
    "Y005.problem.flow-mapping": {
        "nl": "een blok tussen { } is niet goed afgesloten of mist een komma",
        "en": "a mapping in { } is not closed or lacks a comma",
    },
    "Y005.problem.content": {
        "nl": "een waarde ontbreekt of begint met een teken dat daar niet mag",
        "en": "a value is missing or starts with a character not allowed there",
    },
    "Y005.hint": {
        "nl": "Kijk op deze regel en de regel erboven naar inspringing, dubbele punten en "
        "aanhalingstekens.",
        "en": "Look at indentation, colons and quotes on this line and the line above.",
    },
    "Y005.hint.tab": {
        "nl": "YAML staat geen tabs toe om in te springen; gebruik spaties.",
        "en": "YAML does not allow tabs for indentation; use spaces.",
    },
    "Y005.hint.escape": {
        "nl": "Tussen dubbele aanhalingstekens begint '\\' een speciaal teken: schrijf '\\\\', "
        "of zet de tekst tussen enkele aanhalingstekens.",
        "en": "Between double quotes '\\' starts a special character: write '\\\\', or put "
        "the text in single quotes.",
    },
    "Y005.hint.quote": {
        "nl": "Een tekst tussen aanhalingstekens is niet afgesloten; zet het sluitende "
        "aanhalingsteken op dezelfde regel.",
        "en": "A quoted text is not closed; add the closing quote.",
    },
    "Y005.hint.indent": {
        "nl": "De inspringing klopt niet: velden van hetzelfde blok staan precies onder elkaar, "
        "en een lijst-item begint met '- ' op dezelfde inspringing als de items ervoor.",
        "en": "The indentation is off: keys of one block line up exactly, and a list item starts "
        "with '- ' at the same indentation as the items before it.",
    },
    "Y005.hint.version": {
        "nl": "prestatie leest YAML 1.1 en 1.2; laat de regel '%YAML' weg of schrijf '%YAML 1.2'.",
        "en": "prestatie reads YAML 1.1 and 1.2; leave out the '%YAML' line or write '%YAML 1.2'.",
    },
    "Y005.hint.colon": {
        "nl": "Staat er een dubbele punt met spatie (': ') in een tekst? Zet de tekst dan tussen "
        "aanhalingstekens.",
        "en": "Is there a colon followed by a space (': ') inside a text? Put the text in quotes.",
    },
    "Y006.message": {
        "nl": "Het veld '{key}' staat twee keer in hetzelfde blok (eerst op regel {first}).",
        "en": "The key '{key}' appears twice in the same block (first on line {first}).",
    },
    "Y006.hint": {
        "nl": "Verwijder een van de twee of voeg ze samen; bij dubbele velden is niet duidelijk "
        "welke waarde geldt.",
        "en": "Remove one of them or merge them; with duplicate keys it is unclear which value counts.",
    },
    "Y007.message": {
        "nl": "De YAML-tag '{tag}' is niet toegestaan.",
        "en": "The YAML tag '{tag}' is not allowed.",
    },
    "Y007.hint": {
        "nl": "Verwijder de tag; prestatie leest alleen gewone tekst, getallen, datums, lijsten en "
        "blokken en voert nooit code uit.",
        "en": "Remove the tag; prestatie reads only plain text, numbers, dates, lists and mappings "
        "and never runs code.",
    },
    "Y008.message": {
        "nl": "Het bestand bevat meer dan één YAML-document ('---').",
        "en": "The file contains more than one YAML document ('---').",
    },
    "Y008.hint": {
        "nl": "Zet elke set of monitor in een eigen bestand.",
        "en": "Put each set or monitor in a file of its own.",
    },
    "Y009.message": {
        "nl": "De gegevens zijn dieper genest dan {limit} niveaus.",
        "en": "The data is nested deeper than {limit} levels.",
    },
    "Y009.hint": {
        "nl": "Een set afspraken is hooguit een paar niveaus diep; controleer de inspringing.",
        "en": "A set of agreements is only a few levels deep; check the indentation.",
    },
    "Y010.message": {
        "nl": "YAML-verwijzingen (aliassen) breiden het bestand uit tot meer dan {limit} waarden.",
        "en": "YAML aliases expand the file to more than {limit} values.",
    },
    "Y010.hint": {
        "nl": "Schrijf de waarden uit in plaats van ze steeds te herhalen met '*'.",
        "en": "Write the values out instead of repeating them with '*'.",
    },
    "Y011.message": {
        "nl": "Een sleutel moet een gewone tekst zijn, geen lijst, blok of verwijzing ('*').",
        "en": "A key must be plain text, not a list, a mapping or an alias ('*').",
    },
    "Y011.hint": {
        "nl": "Controleer de inspringing en de dubbele punten op deze regel.",
        "en": "Check the indentation and colons on this line.",
    },
    # --- The shape of the file (schema) ---------------------------------------------------
    "V001.message": {
        "nl": "Onbekend veld '{key}'.",
        "en": "Unknown key '{key}'.",
    },
    "V001.hint": {
        "nl": "Toegestane velden hier: {allowed}.",
        "en": "Keys allowed here: {allowed}.",
    },
    "V002.message": {
        "nl": "Het verplichte veld '{key}' ontbreekt.",
        "en": "The required key '{key}' is missing.",
    },
    "V002.hint": {
        "nl": "Voeg '{key}:' toe aan dit blok.",
        "en": "Add '{key}:' to this block.",
    },
    "V003.message": {
        "nl": "Ongeldige waarde voor '{field}': {problem}.",
        "en": "Invalid value for '{field}': {problem}.",
    },
    "V003.hint": {
        "nl": "{hint}",
        "en": "{hint}",
    },
    "V004.message.missing": {
        "nl": "Het bestand zegt niet wat het is: het veld 'kind' ontbreekt.",
        "en": "The file does not say what it is: the key 'kind' is missing.",
    },
    "V004.message.unknown": {
        "nl": "Onbekende soort bestand 'kind: {kind}'.",
        "en": "Unknown kind of file 'kind: {kind}'.",
    },
    "V004.hint": {
        "nl": "Begin het bestand met 'kind: agreements' (een set afspraken), 'kind: monitor' "
        "(metingen) of 'kind: config' (prestatie.yaml), gevolgd door 'version: 1'.",
        "en": "Start the file with 'kind: agreements' (a set of agreements), 'kind: monitor' "
        "(measurements) or 'kind: config' (prestatie.yaml), followed by 'version: 1'.",
    },
    "V005.message": {
        "nl": "Het bestand moet een blok met velden zijn, maar is {found}.",
        "en": "The file must be a mapping of keys, but it is {found}.",
    },
    "V005.hint": {
        "nl": "Begin het bestand met 'kind: agreements' of 'kind: monitor' op de eerste regel.",
        "en": "Start the file with 'kind: agreements' or 'kind: monitor' on the first line.",
    },
    # Validation problems by pydantic error type; {detail} holds the type's own details.
    "schema.missing": {"nl": "ontbreekt", "en": "missing"},
    "schema.date_type": {
        "nl": "verwacht een datum als JJJJ-MM-DD, gevonden {found}",
        "en": "expected a date written as YYYY-MM-DD, found {found}",
    },
    "schema.date_invalid": {
        "nl": "'{value}' is geen bestaande datum",
        "en": "'{value}' is not a real calendar date",
    },
    "schema.number_type": {
        "nl": "verwacht een getal, gevonden {found}",
        "en": "expected a number, found {found}",
    },
    "schema.number_too_large": {
        "nl": "een geheel getal groter dan 9007199254740992 (2^53) kan niet exact bewaard worden",
        "en": "a whole number larger than 9007199254740992 (2^53) cannot be kept exactly",
    },
    "schema.string_type": {
        "nl": "verwacht tekst, gevonden {found}",
        "en": "expected text, found {found}",
    },
    "schema.references_type": {
        "nl": "verwacht een id of een lijst van ids (partijen of groepen), gevonden {found}",
        "en": "expected an id or a list of ids (parties or groups), found {found}",
    },
    "schema.string_too_short": {
        "nl": "mag niet leeg zijn",
        "en": "must not be empty",
    },
    "schema.string_too_long": {
        "nl": "is te lang (hooguit {detail} tekens)",
        "en": "is too long (at most {detail} characters)",
    },
    "schema.string_pattern_mismatch": {
        "nl": "'{value}' heeft niet de juiste vorm",
        "en": "'{value}' does not have the right form",
    },
    "schema.bool_type": {
        "nl": "verwacht true of false, gevonden {found}",
        "en": "expected true or false, found {found}",
    },
    "schema.list_type": {
        "nl": "verwacht een lijst (regels die beginnen met '- '), gevonden {found}",
        "en": "expected a list (lines starting with '- '), found {found}",
    },
    "schema.too_short": {
        "nl": "de lijst mag niet leeg zijn",
        "en": "the list must not be empty",
    },
    "schema.model_type": {
        "nl": "verwacht een blok met velden, gevonden {found}",
        "en": "expected a mapping of keys, found {found}",
    },
    "schema.dict_type": {
        "nl": "verwacht een blok met velden, gevonden {found}",
        "en": "expected a mapping of keys, found {found}",
    },
    "schema.literal_error": {
        "nl": "'{value}' is niet toegestaan; kies uit {detail}",
        "en": "'{value}' is not allowed; choose one of {detail}",
    },
    "schema.period_order": {
        "nl": "de periode eindigt ({value}) voordat ze begint",
        "en": "the period ends ({value}) before it starts",
    },
    "schema.range_alone": {
        "nl": "'upper' ({value}) hoort alleen bij 'comparison: between'",
        "en": "'upper' ({value}) belongs to 'comparison: between' only",
    },
    "schema.percent_range": {
        "nl": "een aandeel in procenten ligt tussen 0 en 100, gevonden {value}",
        "en": "a share in percent lies between 0 and 100, found {value}",
    },
    "schema.range_order": {
        "nl": "de bovengrens 'upper' ({value}) ligt onder de ondergrens 'value'",
        "en": "the upper bound 'upper' ({value}) is below the lower bound 'value'",
    },
    "schema.threshold_order": {
        "nl": "at_risk ({value}) ligt boven on_track",
        "en": "at_risk ({value}) is above on_track",
    },
    "schema.unknown_rule": {
        "nl": "onbekende regelcode '{value}'; 'prestatie rules' toont alle codes",
        "en": "unknown rule code '{value}'; 'prestatie rules' lists every code",
    },
    "schema.greater_than": {
        "nl": "moet groter zijn dan {limit}, gevonden {value}",
        "en": "must be greater than {limit}, found {value}",
    },
    "schema.greater_than_equal": {
        "nl": "moet minstens {limit} zijn, gevonden {value}",
        "en": "must be at least {limit}, found {value}",
    },
    "schema.less_than": {
        "nl": "moet kleiner zijn dan {limit}, gevonden {value}",
        "en": "must be less than {limit}, found {value}",
    },
    "schema.less_than_equal": {
        "nl": "mag hoogstens {limit} zijn, gevonden {value}",
        "en": "must be at most {limit}, found {value}",
    },
    "schema.int_type": {
        "nl": "verwacht een geheel getal, gevonden {found}",
        "en": "expected a whole number, found {found}",
    },
    "schema.int_parsing": {
        "nl": "verwacht een geheel getal, gevonden {found}",
        "en": "expected a whole number, found {found}",
    },
    "schema.int_from_float": {
        "nl": "verwacht een geheel getal, gevonden {found}",
        "en": "expected a whole number, found {found}",
    },
    "schema.float_type": {
        "nl": "verwacht een getal, gevonden {found}",
        "en": "expected a number, found {found}",
    },
    "schema.float_parsing": {
        "nl": "verwacht een getal, gevonden {found}",
        "en": "expected a number, found {found}",
    },
    # Any other complaint of the validator: its own (English) words would not be the
    # user's language, so neither language repeats them.
    "schema.other": {
        "nl": "deze waarde is hier niet toegestaan",
        "en": "this value is not allowed here",
    },
    "schema.hint.date": {
        "nl": "Schrijf datums als 2019-12-31 (jaar-maand-dag).",
        "en": "Write dates as 2019-12-31 (year-month-day).",
    },
    "schema.hint.date.day": {
        "nl": "Schrijf deze datum als {meant} (jaar-maand-dag).",
        "en": "Write this date as {meant} (year-month-day).",
    },
    "schema.hint.date.quarter": {
        "nl": "Een datum is één dag: voor het einde van dat kwartaal schrijft u {meant} "
        "(jaar-maand-dag).",
        "en": "A date is one day: for the end of that quarter write {meant} (year-month-day).",
    },
    "schema.hint.date.year": {
        "nl": "Een datum is één dag: voor het einde van dat jaar schrijft u {meant} "
        "(jaar-maand-dag).",
        "en": "A date is one day: for the end of that year write {meant} (year-month-day).",
    },
    "schema.hint.number.meant": {
        "nl": "Schrijf {meant}: zonder aanhalingstekens en zonder punt voor duizendtallen, met "
        "een punt voor decimalen.",
        "en": "Write {meant}: without quotes and without a thousands separator, with a point "
        "for decimals.",
    },
    "schema.hint.number.unit": {
        "nl": "Schrijf alleen het getal, {meant}, en zet de eenheid bij het doel: unit: {unit}.",
        "en": "Write only the number, {meant}, and put the unit with the target: unit: {unit}.",
    },
    "schema.hint.range": {
        "nl": "Een bereik schrijft u als 'value: 850', 'upper: 1000' en 'comparison: between'; "
        "bij een ondergrens of bovengrens alleen laat u 'upper' weg.",
        "en": "Write a range as 'value: 850', 'upper: 1000' and 'comparison: between'; for a "
        "lower or upper bound alone leave out 'upper'.",
    },
    "schema.hint.share": {
        "nl": "Schrijf het aandeel als getal in procenten, zonder %-teken: share: {meant}.",
        "en": "Write the share as a number in percent, without a % sign: share: {meant}.",
    },
    "schema.hint.percent": {
        "nl": "De aandelen van een verdeling zijn procenten van het geheel, samen 100.",
        "en": "The shares of a split are percentages of the whole, 100 together.",
    },
    "schema.hint.yes-no": {
        "nl": "Een taak meet u met true (gedaan) of false (niet gedaan): schrijf {meant}.",
        "en": "Measure a duty with true (done) or false (not done): write {meant}.",
    },
    "schema.hint.number": {
        "nl": "Schrijf getallen zonder aanhalingstekens, met een punt voor decimalen: 2.5, 180.",
        "en": "Write numbers without quotes, with a point for decimals: 2.5, 180.",
    },
    "schema.hint.string": {
        "nl": "Zet de waarde tussen aanhalingstekens, bijvoorbeeld '2016'.",
        "en": "Put the value in quotes, for example '2016'.",
    },
    "schema.hint.identifier": {
        "nl": "Gebruik letters, cijfers, '.', '_' of '-', zonder spaties, bijvoorbeeld BS-01.",
        "en": "Use letters, digits, '.', '_' or '-', without spaces, for example BS-01.",
    },
    "schema.hint.rule": {
        "nl": "Gebruik een regelcode zoals R401; 'prestatie rules' toont alle codes.",
        "en": "Use a rule code such as R401; 'prestatie rules' lists every code.",
    },
    "schema.hint.general": {
        "nl": "Pas de waarde aan; 'prestatie schema' beschrijft elk veld.",
        "en": "Correct the value; 'prestatie schema' describes every field.",
    },
    "found.text": {"nl": "de tekst '{value}'", "en": "the text '{value}'"},
    "found.number": {"nl": "het getal {value}", "en": "the number {value}"},
    "found.bool": {"nl": "{value}", "en": "{value}"},
    "found.none": {"nl": "niets", "en": "nothing"},
    "found.list": {"nl": "een lijst", "en": "a list"},
    "found.mapping": {"nl": "een blok met velden", "en": "a mapping"},
    "found.date": {"nl": "de datum {value}", "en": "the date {value}"},
    # --- Rules: each rule's own wording is kept with the rule and registered by rules/ ---
    # --- Signing --------------------------------------------------------------------------
    "sign.unreadable": {
        "nl": "De set {path} is niet te lezen: {problem} Er is niets geschreven.",
        "en": "The set {path} cannot be read: {problem} Nothing was written.",
    },
    "sign.invalid": {
        "nl": "De set {path} is niet geldig: {problem} Er is niets geschreven.",
        "en": "The set {path} is not valid: {problem} Nothing was written.",
    },
    "sign.twice": {
        "nl": "Partij '{party}' heeft deze versie van de set al ondertekend ({name}, {date}). "
        "Er is niets geschreven.",
        "en": "Party '{party}' has already signed this version of the set ({name}, {date}). "
        "Nothing was written.",
    },
    "sign.future": {
        "nl": "De datum {date} ligt na vandaag ({today}); teken op de dag van ondertekening. "
        "Er is niets geschreven.",
        "en": "The date {date} is after today ({today}); sign on the day of signing. "
        "Nothing was written.",
    },
    "sign.too-early": {
        "nl": "De datum {date} ligt voor {earliest}, de vroegste dag waarop de set getekend kan "
        "zijn (het eerste bod, of een jaar voor de looptijd begint). Er is niets geschreven.",
        "en": "The date {date} is before {earliest}, the earliest day the set can have been "
        "signed (the first bid, or one year before the term starts). Nothing was written.",
    },
    "sign.not-a-set": {
        "nl": "{path} is geen set afspraken (kind: agreements). Er is niets geschreven.",
        "en": "{path} is not a set of agreements (kind: agreements). Nothing was written.",
    },
    "sign.unknown-party": {
        "nl": "'{party}' is geen partij van de set; kies uit {known}.{hint} "
        "Er is niets geschreven.",
        "en": "'{party}' is not a party to the set; choose one of {known}.{hint} "
        "Nothing was written.",
    },
    "sign.unsafe": {
        "nl": "De handtekening kon niet veilig aan {path} worden toegevoegd (schrijf 'signatures' als "
        "lijst met regels die met '- ' beginnen). Er is niets geschreven.",
        "en": "The signature could not be added to {path} safely (write 'signatures' as a list of "
        "lines starting with '- '). Nothing was written.",
    },
    "sign.done": {
        "nl": "Ondertekening door {party} ({name}, {date}) toegevoegd aan {path}, met {digest}.",
        "en": "Signature of {party} ({name}, {date}) added to {path}, with {digest}.",
    },
    # --- Interface ------------------------------------------------------------------------
    "ui.hint": {"nl": "tip", "en": "hint"},
    "ui.os-error": {
        "nl": "kan niet lezen of schrijven{where}: {reason}. Er is niets gewijzigd.",
        "en": "cannot read or write{where}: {reason}. Nothing was changed.",
    },
    "cli.status": {
        "nl": "'{value}' is geen status of kleur; kies een kleur (groen, oranje, rood, grijs) "
        "of een status: {choices}",
        "en": "'{value}' is not a status or colour; choose a colour (green, orange, red, grey) "
        "or a status: {choices}",
    },
    "cli.date": {
        "nl": "'{value}' is geen datum als JJJJ-MM-DD, bijvoorbeeld 2026-12-31.",
        "en": "'{value}' is not a date written as YYYY-MM-DD, for example 2026-12-31.",
    },
    "cli.date.day": {
        "nl": "'{value}' is geen datum als JJJJ-MM-DD; schrijf {meant}.",
        "en": "'{value}' is not a date written as YYYY-MM-DD; write {meant}.",
    },
    "cli.date.quarter": {
        "nl": "'{value}' is geen datum als JJJJ-MM-DD; voor het einde van dat kwartaal schrijft "
        "u {meant}.",
        "en": "'{value}' is not a date written as YYYY-MM-DD; for the end of that quarter write "
        "{meant}.",
    },
    "cli.date.year": {
        "nl": "'{value}' is geen datum als JJJJ-MM-DD; voor het einde van dat jaar schrijft u "
        "{meant}.",
        "en": "'{value}' is not a date written as YYYY-MM-DD; for the end of that year write "
        "{meant}.",
    },
    "ui.did-you-mean": {"nl": "Bedoelt u '{suggestion}'?", "en": "Did you mean '{suggestion}'?"},
    "ui.waived": {"nl": "uitgezonderd", "en": "waived"},
    "ui.summary": {
        "nl": "{files} bestand(en) gecontroleerd: {errors} fout(en), {warnings} waarschuwing(en), "
        "{infos} info, {waived} uitgezonderd.",
        "en": "{files} file(s) checked: {errors} error(s), {warnings} warning(s), {infos} info, "
        "{waived} waived.",
    },
    "ui.clean": {
        "nl": "{files} bestand(en) gecontroleerd: geen problemen gevonden.",
        "en": "{files} file(s) checked: no problems found.",
    },
    "ui.no-files": {
        "nl": "Geen YAML-bestanden gevonden in {paths}.",
        "en": "No YAML files found in {paths}.",
    },
    # The cache folder that is not used (check/cache.py distrust), said once per command.
    "ui.cache-unused": {
        "nl": "prestatie: de cachemap {folder} wordt niet gebruikt, want {reason}; er wordt "
        "zonder cache gewerkt. Gebruik een eigen map (chmod 700) of zet PRESTATIE_CACHE_DIR.",
        "en": "prestatie: the cache folder {folder} is not used, because {reason}; working "
        "without a cache. Use a folder of your own (chmod 700) or set PRESTATIE_CACHE_DIR.",
    },
    "cache.reason.owner": {
        "nl": "hij is van een andere gebruiker (uid {owner})",
        "en": "it belongs to another user (uid {owner})",
    },
    "cache.reason.writable": {
        "nl": "anderen mogen erin schrijven (rechten {mode})",
        "en": "others may write in it (mode {mode})",
    },
    "cache.reason.not-folder": {
        "nl": "het is geen map die u kunt openen",
        "en": "it is not a folder you can open",
    },
    "cache.reason.secret": {
        "nl": "het bestand {name} erin is niet van u alleen",
        "en": "its file {name} is not yours alone",
    },
    "ui.rules.pass": {"nl": "Goed", "en": "Pass"},
    "ui.rules.fail": {"nl": "Fout", "en": "Fail"},
    "status.achieved": {"nl": "behaald", "en": "achieved"},
    "status.on_track": {"nl": "op koers", "en": "on track"},
    "status.at_risk": {"nl": "risico", "en": "at risk"},
    "status.behind": {"nl": "achter", "en": "behind"},
    "status.overdue": {"nl": "niet gehaald", "en": "overdue"},
    "status.no_data": {"nl": "geen gegevens", "en": "no data"},
    "status.context": {"nl": "context", "en": "context"},
    "status.request_open": {
        "nl": "verzoek, nog niet aanvaard",
        "en": "request, not yet accepted",
    },
    "status.request_declined": {"nl": "verzoek afgewezen", "en": "request declined"},
    "status.not_yet": {"nl": "nog niet van kracht", "en": "not yet in effect"},
    "status.lapsed": {"nl": "vervallen", "en": "lapsed"},
    "status.suspended": {"nl": "opgeschort", "en": "suspended"},
    "status.withdrawn": {"nl": "ingetrokken", "en": "withdrawn"},
    "light.green": {"nl": "groen", "en": "green"},
    "light.orange": {"nl": "oranje", "en": "orange"},
    "light.red": {"nl": "rood", "en": "red"},
    "light.grey": {"nl": "grijs", "en": "grey"},
    "column.id": {"nl": "Afspraak", "en": "Agreement"},
    "column.title": {"nl": "Titel", "en": "Title"},
    "column.owner": {"nl": "Trekker", "en": "Owner"},
    "column.value": {"nl": "Stand / doel", "en": "Value / target"},
    "column.measured": {"nl": "Gemeten", "en": "Measured"},
    "column.expected": {"nl": "Verwacht", "en": "Expected"},
    "column.status": {"nl": "Status", "en": "Status"},
    "column.projected": {"nl": "Prognose", "en": "Projection"},
    "value.done": {"nl": "gedaan", "en": "done"},
    "value.not-done": {"nl": "nog niet", "en": "not yet"},
    "value.periods": {
        "nl": "{missed} van {measured} perioden gemist",
        "en": "{missed} of {measured} periods missed",
    },
    "value.approximate": {"nl": "circa {value}", "en": "about {value}"},
    "value.range": {"nl": "tussen {lower} en {upper}", "en": "between {lower} and {upper}"},
    "value.index-goal.minus": {"nl": "{index} min {offset}", "en": "{index} minus {offset}"},
    "value.index-goal.plus": {"nl": "{index} plus {offset}", "en": "{index} plus {offset}"},
    "value.with-index": {"nl": "{value} (index {index})", "en": "{value} (index {index})"},
    "ui.status.notes": {"nl": "Toelichting", "en": "Notes"},
    "ui.status.left-out": {
        "nl": "Weggelaten bij {width} tekens breed: {columns}. Een breder venster, --format md of "
        "--format json toont alles.",
        "en": "Left out at {width} characters wide: {columns}. A wider window, --format md or "
        "--format json shows everything.",
    },
    "status.note.unmeasured": {
        "nl": "geen meting die laat zien dat het doel op {date} is gehaald",
        "en": "no measurement shows that the target was met by {date}",
    },
    "status.note.scope": {"nl": "geldt voor {scope}", "en": "applies to {scope}"},
    "status.note.per-event": {"nl": "telkens: {event}", "en": "each time: {event}"},
    "status.note.rolled-up": {"nl": "opgeteld uit {parts}", "en": "added up from {parts}"},
    "status.note.not-yet": {"nl": "van kracht vanaf {date}", "en": "in effect from {date}"},
    "status.note.effective-from": {
        "nl": "van kracht sinds {date}",
        "en": "in effect since {date}",
    },
    "status.note.beyond-term": {
        "nl": "loopt door na de termijn, tot {date}",
        "en": "runs past the term, to {date}",
    },
    "status.note.lapsed": {
        "nl": "voorwaarde niet vervuld op {date}: {condition}",
        "en": "condition not met on {date}: {condition}",
    },
    "status.note.suspended": {
        "nl": "aanname geldt niet meer sinds {date}: {condition}",
        "en": "assumption no longer holds since {date}: {condition}",
    },
    "status.note.withdrawn": {
        "nl": "ingetrokken op {date}: {reason}",
        "en": "withdrawn on {date}: {reason}",
    },
    "status.note.request-open": {
        "nl": "verzoek aan {asked}, nog niet beantwoord",
        "en": "request to {asked}, not answered yet",
    },
    "status.note.request-accepted": {
        "nl": "verzoek aan {asked}, aanvaard op {date}",
        "en": "request to {asked}, accepted on {date}",
    },
    "status.note.request-declined": {
        "nl": "verzoek aan {asked}, afgewezen op {date}",
        "en": "request to {asked}, declined on {date}",
    },
    "status.note.per-year": {
        "nl": "doel per jaar: {years}; andere jaren {value}",
        "en": "target per year: {years}; other years {value}",
    },
    "status.note.no-index": {
        "nl": "zonder de stand van de index ({index}) niet te beoordelen: de meting van {dates}",
        "en": "cannot be judged without the value of the index ({index}): the measurement "
        "of {dates}",
    },
    "status.note.missed": {"nl": "gemist: {periods}", "en": "missed: {periods}"},
    "status.note.split": {"nl": "verdeling: {split}", "en": "split: {split}"},
    "status.note.period": {"nl": "{start} t/m {end}", "en": "{start} to {end}"},
    "projection.never": {"nl": "niet bij dit tempo", "en": "not at this pace"},
    "projection.late": {"nl": "{date} (na de termijn)", "en": "{date} (after the deadline)"},
    "ui.status.heading": {
        "nl": "{title} ({start} t/m {end}), stand per {as_of}",
        "en": "{title} ({start} to {end}), as of {as_of}",
    },
    "ui.status.by-theme": {"nl": "Per thema", "en": "By theme"},
    "ui.status.by-owner": {"nl": "Per trekker", "en": "By owner"},
    "ui.status.none": {
        "nl": "Geen afspraken die aan de selectie voldoen.",
        "en": "No agreements match the selection.",
    },
    "load.broken-set": {
        "nl": "De set in {path} heeft fouten en is niet gelezen. Eerste fout: {where}: {code} "
        "{problem} Alle fouten: prestatie check {path}",
        "en": "The set in {path} has errors and was not read. First error: {where}: {code} "
        "{problem} All errors: prestatie check {path}",
    },
    "load.broken-set-listed": {
        "nl": "De set in {path} heeft fouten (hierboven) en is niet gelezen. "
        "Alle fouten: prestatie check {path}",
        "en": "The set in {path} has errors (above) and was not read. "
        "All errors: prestatie check {path}",
    },
    "record.in-broken-set": {
        "nl": "Er is geen afspraak met id '{id}' in de sets die te lezen zijn; mogelijk staat "
        "zij in een set met fouten. Er is niets geschreven.",
        "en": "No agreement with id '{id}' in the sets that can be read; it may be in a set "
        "with errors. Nothing was written.",
    },
    "ui.status.no-sets": {
        "nl": "Geen sets afspraken gevonden in {paths}.",
        "en": "No agreement sets found in {paths}.",
    },
    "record.unknown-agreement": {
        "nl": "Er is geen afspraak met id '{id}' in de gevonden sets. {hint}",
        "en": "No agreement with id '{id}' in the sets found. {hint}",
    },
    "record.ambiguous": {
        "nl": "De id '{id}' komt voor in meer dan één set ({sets}); kies de set met --sets PAD.",
        "en": "The id '{id}' is used in more than one set ({sets}); choose the set with --sets PATH.",
    },
    "record.id-twice": {
        "nl": "De id '{id}' staat meer dan eens in set {set}, dus het is niet duidelijk welke "
        "afspraak u bedoelt. Geef elke afspraak een eigen id ('prestatie check' wijst de "
        "dubbele aan) en probeer het opnieuw; er is niets geschreven.",
        "en": "The id '{id}' occurs more than once in set {set}, so it is not clear which "
        "agreement you mean. Give each agreement its own id ('prestatie check' points out the "
        "duplicate) and try again; nothing was written.",
    },
    "record.outside-period": {
        "nl": "De datum {date} valt buiten de looptijd {start} tot en met {end}; er is niets geschreven.",
        "en": "The date {date} lies outside the period {start} to {end}; nothing was written.",
    },
    "record.after-due": {
        "nl": "De datum {date} valt na {end}, de termijn van {id} (die na de looptijd "
        "doorloopt); er is niets geschreven.",
        "en": "The date {date} lies after {end}, the deadline of {id} (which runs past the "
        "term); nothing was written.",
    },
    "record.not-yet": {
        "nl": "{id} geldt pas vanaf {start} (effective_from); een meting van {date} telt niet "
        "mee. Er is niets geschreven.",
        "en": "{id} applies only from {start} (effective_from); a measurement of {date} does not "
        "count. Nothing was written.",
    },
    "record.context": {
        "nl": "{id} is context (een inleiding of kader, kind: context), geen afspraak die iemand "
        "nakomt; daarvan wordt niets gemeten. Er is niets geschreven.",
        "en": "{id} is context (an introduction or frame, kind: context), not an agreement "
        "anyone delivers; nothing is measured for it. Nothing was written.",
    },
    "record.request-open": {
        "nl": "{id} is een verzoek dat (nog) niet is aanvaard; een meting telt pas als het "
        "antwoord in de set staat (answer: state: accepted). Er is niets geschreven.",
        "en": "{id} is a request that has not been accepted (yet); a measurement counts only "
        "once the set records the answer (answer: state: accepted). Nothing was written.",
    },
    "record.request-declined": {
        "nl": "{id} is een verzoek dat op {answered} is afgewezen; daarvan wordt niets gemeten. "
        "Er is niets geschreven.",
        "en": "{id} is a request that was declined on {answered}; nothing is measured for it. "
        "Nothing was written.",
    },
    "record.withdrawn": {
        "nl": "{id} is ingetrokken per {withdrawn} ({reason}); een meting van {date} telt niet "
        "mee. Er is niets geschreven.",
        "en": "{id} was withdrawn as of {withdrawn} ({reason}); a measurement of {date} does not "
        "count. Nothing was written.",
    },
    "record.unknown-party": {
        "nl": "'{party}' is geen partij van de set; kies uit {known}. Er is niets geschreven.",
        "en": "'{party}' is not a party to the set; choose one of {known}. Nothing was written.",
    },
    "record.value-number": {
        "nl": "'{value}' is geen getal, en {id} wordt gemeten in {unit}; er is niets geschreven.",
        "en": "'{value}' is not a number, and {id} is measured in {unit}; nothing was written.",
    },
    "record.value-flag": {
        "nl": "{id} heeft geen streefwaarde; geef 'ja' (gedaan) of 'nee' (nog niet), niet '{value}'. "
        "Er is niets geschreven.",
        "en": "{id} has no target; give 'yes' (done) or 'no' (not yet), not '{value}'. "
        "Nothing was written.",
    },
    "record.too-large": {
        "nl": "'{value}' is groter dan {largest} (2^53) en kan niet exact bewaard worden; er is "
        "niets geschreven.",
        "en": "'{value}' is larger than {largest} (2^53) and cannot be kept exactly; nothing was "
        "written.",
    },
    "record.thousands": {
        "nl": "'{value}' is dubbelzinnig: bedoelt u {meant}? Schrijf getallen zonder scheidingsteken "
        "voor duizendtallen. Er is niets geschreven.",
        "en": "'{value}' is ambiguous: did you mean {meant}? Write numbers without a thousands "
        "separator. Nothing was written.",
    },
    "record.duplicate": {
        "nl": "{path} heeft al een meting van {id} op {date} (waarde {value}); pas die zo nodig in het "
        "bestand aan. Er is niets geschreven.",
        "en": "{path} already has a measurement of {id} on {date} (value {value}); correct it in the "
        "file if needed. Nothing was written.",
    },
    "record.monitor-broken": {
        "nl": "Het monitorbestand {path} is niet te lezen: {problem} Er is niets geschreven.",
        "en": "The monitor file {path} cannot be read: {problem} Nothing was written.",
    },
    "record.monitor-invalid": {
        "nl": "Het monitorbestand {path} is niet geldig: {problem} Los dat eerst op "
        "('prestatie check {file}'). Er is niets geschreven.",
        "en": "The monitor file {path} is not valid: {problem} Fix that first "
        "('prestatie check {file}'). Nothing was written.",
    },
    "record.other-set": {
        "nl": "Het monitorbestand {path} hoort bij set '{found}', niet bij '{set}'. Er is niets geschreven.",
        "en": "The monitor file {path} belongs to set '{found}', not to '{set}'. Nothing was written.",
    },
    "record.unsafe": {
        "nl": "De meting kon niet veilig aan {path} worden toegevoegd (schrijf 'measurements' als "
        "lijst met regels die met '- ' beginnen). Er is niets geschreven.",
        "en": "The measurement could not be added to {path} safely (write 'measurements' as a list "
        "of lines starting with '- '). Nothing was written.",
    },
    "record.index-missing": {
        "nl": "De streefwaarde van {id} is gesteld ten opzichte van {index}; geef de waarde van die "
        "index bij de meting met --index (bijvoorbeeld --index 3,3). Er is niets geschreven.",
        "en": "The target of {id} is set against {index}; give that index's value with the "
        "measurement with --index (for example --index 3.3). Nothing was written.",
    },
    "record.index-unused": {
        "nl": "De streefwaarde van {id} is niet gesteld ten opzichte van een index; laat --index "
        "weg. Er is niets geschreven.",
        "en": "The target of {id} is not set against an index; leave out --index. Nothing was "
        "written.",
    },
    "record.index-number": {
        "nl": "--index '{value}' is geen getal; geef de waarde van {index}. Er is niets geschreven.",
        "en": "--index '{value}' is not a number; give the value of {index}. Nothing was written.",
    },
    "record.value-missing": {
        "nl": "Geef de gemeten waarde (bijvoorbeeld: prestatie record BS-01 45 --date 2026-12-31), "
        "of --condition en --state voor de stand van een voorbehoud. Er is niets geschreven.",
        "en": "Give the measured value (for example: prestatie record BS-01 45 --date 2026-12-31), "
        "or --condition and --state for the state of a condition. Nothing was written.",
    },
    "record.exclusive": {
        "nl": "{first} en {second} gaan niet samen: een meting heeft een waarde (met eventueel "
        "--index en --reported-by), de stand van een voorbehoud heeft --condition en --state. "
        "Er is niets geschreven.",
        "en": "{first} and {second} do not go together: a measurement has a value (with "
        "--index and --reported-by if needed), the state of a condition has --condition and "
        "--state. Nothing was written.",
    },
    "record.state-missing": {
        "nl": "Geef bij --condition ook --state: open, met (vervuld) of not_met (niet vervuld). "
        "Er is niets geschreven.",
        "en": "Give --state with --condition: open, met or not_met. Nothing was written.",
    },
    "record.state": {
        "nl": "'{state}' is geen stand van een voorbehoud; kies open, met (vervuld) of not_met "
        "(niet vervuld).{hint} Er is niets geschreven.",
        "en": "'{state}' is not a state of a condition; choose open, met or not_met.{hint} "
        "Nothing was written.",
    },
    "record.no-conditions": {
        "nl": "{id} heeft geen voorbehoud (conditions); er is geen stand vast te leggen. Er is "
        "niets geschreven.",
        "en": "{id} has no conditions; there is no state to record. Nothing was written.",
    },
    "record.unknown-condition": {
        "nl": "{id} heeft geen voorbehoud '{condition}'; kies uit {known}.{hint} Er is niets "
        "geschreven.",
        "en": "{id} has no condition '{condition}'; choose one of {known}.{hint} Nothing was "
        "written.",
    },
    "record.condition-duplicate": {
        "nl": "{path} heeft al een stand van voorbehoud {condition} van {id} op {date} ({state}); "
        "pas die zo nodig in het bestand aan. Er is niets geschreven.",
        "en": "{path} already has a state of condition {condition} of {id} on {date} ({state}); "
        "correct it in the file if needed. Nothing was written.",
    },
    "record.unsafe-conditions": {
        "nl": "De stand kon niet veilig aan {path} worden toegevoegd (schrijf 'conditions' als "
        "lijst met regels die met '- ' beginnen). Er is niets geschreven.",
        "en": "The state could not be added to {path} safely (write 'conditions' as a list of "
        "lines starting with '- '). Nothing was written.",
    },
    "record.condition-done": {
        "nl": "Stand van voorbehoud toegevoegd aan {path}: {id} {condition} = {state} op {date}.",
        "en": "Condition state added to {path}: {id} {condition} = {state} on {date}.",
    },
    "record.done": {
        "nl": "Meting toegevoegd aan {path}: {id} = {value} op {date}.",
        "en": "Measurement added to {path}: {id} = {value} on {date}.",
    },
    "record.with-index": {"nl": "(index {index})", "en": "(index {index})"},
    "record.created": {
        "nl": "Nieuw monitorbestand {path} gemaakt.",
        "en": "Created the new monitor file {path}.",
    },
    "diff.heading": {"nl": "Verschillen van {old} naar {new}", "en": "Changes from {old} to {new}"},
    "ui.worktree": {"nl": "werkmap", "en": "working tree"},
    "diff.none": {"nl": "Geen verschillen.", "en": "No changes."},
    "diff.set.added": {"nl": "Set {id} toegevoegd ({path})", "en": "Set {id} added ({path})"},
    "diff.set.removed": {"nl": "Set {id} verwijderd ({path})", "en": "Set {id} removed ({path})"},
    "diff.set.changed": {"nl": "Set {id} ({path})", "en": "Set {id} ({path})"},
    "diff.set.unreadable": {
        "nl": "Set {id} ({path}): in een van beide versies niet te lezen; niet vergeleken",
        "en": "Set {id} ({path}): cannot be read in one of the versions; not compared",
    },
    "diff.set.broken": {
        "nl": "Bestand {path}: in de nieuwe versie geen geldige set of monitor; controleer het "
        "met 'prestatie check'",
        "en": "File {path}: no valid set or monitor in the new version; check it with "
        "'prestatie check'",
    },
    "diff.agreement.added": {"nl": "toegevoegd", "en": "added"},
    "diff.agreement.removed": {"nl": "verwijderd", "en": "removed"},
    "diff.agreement.withdrawn": {
        "nl": "ingetrokken op {date}: {reason}",
        "en": "withdrawn on {date}: {reason}",
    },
    "diff.reason": {"nl": "reden: {reason}", "en": "reason: {reason}"},
    "diff.agreement.renamed": {"nl": "hernoemd", "en": "renamed"},
    "diff.agreement.changed": {"nl": "gewijzigd", "en": "changed"},
    "diff.raised": {"nl": "verhoogd met {amount}", "en": "raised by {amount}"},
    "diff.lowered": {"nl": "verlaagd met {amount}", "en": "lowered by {amount}"},
    "diff.later": {"nl": "{amount} dagen later", "en": "{amount} days later"},
    "diff.earlier": {"nl": "{amount} dagen eerder", "en": "{amount} days earlier"},
    "diff.value.amendment": {
        "nl": "wijziging van {date}: {reason}",
        "en": "amendment of {date}: {reason}",
    },
    "diff.value.answer.open": {
        "nl": "verzoek in behandeling sinds {date}",
        "en": "request under consideration since {date}",
    },
    "diff.value.answer.accepted": {
        "nl": "verzoek aanvaard op {date}",
        "en": "request accepted on {date}",
    },
    "diff.value.answer.declined": {
        "nl": "verzoek afgewezen op {date}",
        "en": "request declined on {date}",
    },
    "diff.value.dated": {"nl": "{value} op {date}", "en": "{value} on {date}"},
    "diff.value.until": {"nl": "tot {date}", "en": "until {date}"},
    "diff.value.signature": {
        "nl": "{party}: getekend door {name} op {date}",
        "en": "{party}: signed by {name} on {date}",
    },
    "diff.value.signed": {
        "nl": "getekend door {name} op {date}",
        "en": "signed by {name} on {date}",
    },
    "log.heading": {
        "nl": "Geschiedenis van {id} ({count} wijziging(en))",
        "en": "History of {id} ({count} change(s))",
    },
    "log.none": {
        "nl": "Afspraak {id} komt in geen enkele commit voor onder {paths}.",
        "en": "Agreement {id} does not occur in any commit under {paths}.",
    },
    "log.created": {"nl": "aangemaakt", "en": "created"},
    "log.removed": {"nl": "verwijderd", "en": "removed"},
    "log.renamed-from": {"nl": "hernoemd van {id}", "en": "renamed from {id}"},
    "log.renamed-to": {"nl": "hernoemd naar {id}", "en": "renamed to {id}"},
    "log.withdrawn": {
        "nl": "ingetrokken op {date}: {reason} (akkoord: {agreed_by})",
        "en": "withdrawn on {date}: {reason} (agreed: {agreed_by})",
    },
    "log.amendment": {
        "nl": "amendement {date}: {reason} (akkoord: {agreed_by})",
        "en": "amendment {date}: {reason} (agreed: {agreed_by})",
    },
    "report.title.many": {"nl": "Overzicht van {count} sets", "en": "Overview of {count} sets"},
    "report.heading": {
        "nl": "Rapportage prestatieafspraken",
        "en": "Performance agreements report",
    },
    "report.as-of": {"nl": "Stand per {as_of}", "en": "As of {as_of}"},
    "report.made-with": {
        "nl": "gemaakt met prestatie {version}",
        "en": "made with prestatie {version}",
    },
    "report.period": {"nl": "{start} tot en met {end}", "en": "{start} to {end}"},
    "report.period-label": {"nl": "Looptijd", "en": "Period"},
    "report.basis": {"nl": "Basis", "en": "Basis"},
    "report.parties": {"nl": "Partijen", "en": "Parties"},
    "report.summary": {"nl": "Samenvatting", "en": "Summary"},
    "report.status-count": {"nl": "Afspraken per status", "en": "Agreements by status"},
    "report.by-theme": {"nl": "Per thema", "en": "By theme"},
    "report.by-party": {"nl": "Per trekker", "en": "By owner"},
    "report.count": {"nl": "Aantal", "en": "Count"},
    "report.total": {"nl": "Totaal", "en": "Total"},
    "report.theme": {"nl": "Thema", "en": "Theme"},
    "report.party": {"nl": "Partij", "en": "Party"},
    "report.role": {"nl": "Rol", "en": "Role"},
    "report.owner": {"nl": "Trekker", "en": "Owner"},
    "report.contributors": {"nl": "Bijdragers", "en": "Contributors"},
    "report.target": {"nl": "Doel", "en": "Target"},
    "report.source": {"nl": "Bron van het doel", "en": "Source of the target"},
    "report.deadline": {"nl": "Termijn", "en": "Deadline"},
    "report.current": {"nl": "Stand", "en": "Current"},
    "report.measured-on": {"nl": "gemeten {date}", "en": "measured {date}"},
    "report.expected": {"nl": "Verwacht op die datum", "en": "Expected at that date"},
    "report.progress": {"nl": "Voortgang", "en": "Progress"},
    "report.progress-alt": {
        "nl": "Voortgang {percent} van het doel, verwacht {expected}",
        "en": "Progress {percent} of the target, expected {expected}",
    },
    "report.projected": {"nl": "Prognose", "en": "Projection"},
    "report.amendments": {"nl": "Wijzigingen", "en": "Amendments"},
    "report.agreed-by": {"nl": "akkoord", "en": "agreed"},
    "report.status": {"nl": "Status", "en": "Status"},
    "report.reciprocity": {
        "nl": "Wederkerigheid: wat elke partij levert",
        "en": "Reciprocity: what each party owes",
    },
    "report.owns": {"nl": "Trekker van", "en": "Owner of"},
    "report.contributes": {"nl": "Draagt bij aan", "en": "Contributes to"},
    "report.owes-nothing": {"nl": "levert niets", "en": "owes nothing"},
    "report.signoff": {"nl": "Ondertekening", "en": "Sign-off"},
    "report.signer": {"nl": "Getekend door", "en": "Signed by"},
    "report.date": {"nl": "Datum", "en": "Date"},
    "report.digest": {
        "nl": "Vingerafdruk van deze versie: {digest}",
        "en": "Fingerprint of this version: {digest}",
    },
    "report.sign.valid": {"nl": "getekend, deze versie", "en": "signed, this version"},
    "report.sign.stale": {
        "nl": "getekend, maar voor een eerdere versie",
        "en": "signed, but an earlier version",
    },
    "report.sign.unchecked": {
        "nl": "getekend (versie niet vastgelegd)",
        "en": "signed (version not recorded)",
    },
    "report.sign.missing": {"nl": "niet getekend", "en": "not signed"},
    "report.sign.via": {
        "nl": "getekend via {parties} (voor de fusie)",
        "en": "signed through {parties} (before the merger)",
    },
    "report.sign.by-successor": {
        "nl": "getekend door opvolger {successor}",
        "en": "signed by its successor {successor}",
    },
    "report.findings": {"nl": "Openstaande meldingen", "en": "Open findings"},
    "report.no-findings": {
        "nl": "prestatie check vindt geen problemen in deze set.",
        "en": "prestatie check finds no problems in this set.",
    },
    "report.where": {"nl": "Plaats", "en": "Where"},
    "report.code": {"nl": "Code", "en": "Code"},
    "report.message": {"nl": "Melding", "en": "Message"},
    "report.overview": {
        "nl": "Opgeteld over de sets (aantallen met hetzelfde thema, dezelfde maat en eenheid)",
        "en": "Added up across the sets (counts with the same theme, metric and unit)",
    },
    "report.partly-measured": {
        "nl": "({measured} van {count} afspraken gemeten)",
        "en": "({measured} of {count} agreements measured)",
    },
    "report.all-parties": {"nl": "alle partijen", "en": "all parties"},
    "report.severity.error": {"nl": "fout", "en": "error"},
    "report.severity.warning": {"nl": "waarschuwing", "en": "warning"},
    "report.severity.info": {"nl": "info", "en": "info"},
    "report.metric": {"nl": "Maat", "en": "Metric"},
    "report.unit": {"nl": "Eenheid", "en": "Unit"},
    "report.sets": {"nl": "Sets", "en": "Sets"},
    "report.contents": {"nl": "Inhoud", "en": "Contents"},
    "report.none-selected": {
        "nl": "Geen afspraken die aan de selectie voldoen.",
        "en": "No agreements match the selection.",
    },
    "report.kind.result": {"nl": "resultaatafspraak", "en": "result agreement"},
    "report.kind.effort": {"nl": "inspanningsafspraak", "en": "effort agreement"},
    "report.kind.process": {"nl": "procesafspraak", "en": "process agreement"},
    "report.kind.request": {"nl": "verzoek", "en": "request"},
    "report.kind.context": {"nl": "context", "en": "context"},
    "report.not-judged": {"nl": "wordt niet beoordeeld", "en": "not judged"},
    "report.recurring.monthly": {"nl": "per maand", "en": "per month"},
    "report.and": {"nl": "{first} en {last}", "en": "{first} and {last}"},
    "report.party.merged": {
        "nl": "gefuseerd tot {successor} per {date}",
        "en": "merged into {successor} on {date}",
    },
    "report.party.left": {
        "nl": "geen partij meer per {date}",
        "en": "no longer a party from {date}",
    },
    "report.party.joined": {"nl": "partij per {date}", "en": "a party from {date}"},
    "report.groups": {"nl": "Groepen", "en": "Groups"},
    "report.frame-label": {"nl": "Kaderafspraak", "en": "Frame agreement"},
    "report.frame": {
        "nl": "Jaarschijf bij kaderafspraak {frame}",
        "en": "Yearly slice of frame agreement {frame}",
    },
    "report.slices": {"nl": "Jaarschijven", "en": "Yearly slices"},
    "report.bids": {"nl": "Biedingen", "en": "Bids"},
    "report.bid": {"nl": "{party} op {date}", "en": "{party} on {date}"},
    "report.set-amendments": {"nl": "Wijzigingen van de set", "en": "Amendments to the set"},
    "report.set-amendment": {
        "nl": "Gewijzigd op {date}: {reason}",
        "en": "Amended on {date}: {reason}",
    },
    "report.set-amendment.changes": {
        "nl": "Gewijzigd op {date} ({changes}): {reason}",
        "en": "Amended on {date} ({changes}): {reason}",
    },
    "report.withdraws": {"nl": "ingetrokken: {ids}", "en": "withdrawn: {ids}"},
    "report.extends": {"nl": "termijn verlengd tot {date}", "en": "term extended to {date}"},
    "report.withdrawn": {
        "nl": "Ingetrokken op {date}: {reason}",
        "en": "Withdrawn on {date}: {reason}",
    },
    "report.request": {"nl": "Verzoek van {by} aan {to}", "en": "Request from {by} to {to}"},
    "report.answer.none": {"nl": "nog niet beantwoord", "en": "not answered yet"},
    "report.answer.open": {
        "nl": "in behandeling sinds {date}",
        "en": "under consideration since {date}",
    },
    "report.answer.accepted": {"nl": "aanvaard op {date}", "en": "accepted on {date}"},
    "report.answer.declined": {"nl": "afgewezen op {date}", "en": "declined on {date}"},
    "report.conditions": {"nl": "Voorbehoud", "en": "Condition"},
    "report.condition.approval": {"nl": "goedkeuring", "en": "approval"},
    "report.condition.decision": {"nl": "besluit", "en": "decision"},
    "report.condition.assumption": {"nl": "aanname", "en": "assumption"},
    "report.condition.other": {"nl": "voorwaarde", "en": "condition"},
    "report.condition.by": {"nl": "{kind} door {by}", "en": "{kind} by {by}"},
    "report.condition.open": {"nl": "open", "en": "open"},
    "report.condition.met": {"nl": "vervuld op {date}", "en": "met on {date}"},
    "report.condition.not_met": {"nl": "niet vervuld op {date}", "en": "not met on {date}"},
    "report.parent": {"nl": "Onderdeel van {id} {title}", "en": "Part of {id} {title}"},
    "report.children": {"nl": "Bestaat uit {ids}", "en": "Consists of {ids}"},
    "report.children.rolled-up": {
        "nl": "Bestaat uit {ids}; de stand is hun opgetelde stand",
        "en": "Consists of {ids}; its figure is theirs added up",
    },
    "report.parts": {"nl": "Samenhang", "en": "Parts"},
    "report.scope": {"nl": "Reikwijdte", "en": "Scope"},
    "report.per-event": {"nl": "Telkens", "en": "Each time"},
    "report.timing": {"nl": "Looptijd van de afspraak", "en": "Runs"},
    "report.effective-from": {"nl": "vanaf {date}", "en": "from {date}"},
    "report.ongoing": {"nl": "doorlopend", "en": "ongoing"},
    "report.beyond-term": {
        "nl": "loopt door na de termijn, tot {date}",
        "en": "runs past the term, until {date}",
    },
    "report.beyond-term.open": {"nl": "loopt door na de termijn", "en": "runs past the term"},
    "report.frequency.monthly": {"nl": "elke maand", "en": "every month"},
    "report.frequency.quarterly": {"nl": "elk kwartaal", "en": "every quarter"},
    "report.frequency.half-yearly": {"nl": "elk halfjaar", "en": "every half year"},
    "report.frequency.yearly": {"nl": "elk jaar", "en": "every year"},
    "report.between": {"nl": "tussen {low} en {high}", "en": "between {low} and {high}"},
    "report.approximate": {"nl": "circa {value}", "en": "about {value}"},
    "report.comparison.at_least": {"nl": "ten minste {value}", "en": "at least {value}"},
    "report.comparison.at_most": {"nl": "ten hoogste {value}", "en": "at most {value}"},
    "report.comparison.exactly": {"nl": "gelijk aan {value}", "en": "equal to {value}"},
    "report.offset.minus": {"nl": "{index} min {amount}", "en": "{index} minus {amount}"},
    "report.offset.plus": {"nl": "{index} plus {amount}", "en": "{index} plus {amount}"},
    "report.counting.net": {"nl": "netto", "en": "net"},
    "report.counting.gross": {"nl": "bruto", "en": "gross"},
    "report.per-year": {"nl": "Per jaar", "en": "By year"},
    "report.split": {"nl": "Verdeling", "en": "Split"},
    "report.recurring.yearly": {"nl": "per jaar", "en": "per year"},
    "report.recurring.half-yearly": {"nl": "per halfjaar", "en": "per half year"},
    "report.recurring.quarterly": {"nl": "per kwartaal", "en": "per quarter"},
    "report.role.gemeente": {"nl": "gemeente", "en": "municipality"},
    "report.role.corporatie": {"nl": "woningcorporatie", "en": "housing corporation"},
    "report.role.huurdersorganisatie": {"nl": "huurdersorganisatie", "en": "tenants' organisation"},
    "report.role.overig": {"nl": "overige partij", "en": "other party"},
    "report.no-sets": {
        "nl": "Geen sets afspraken gevonden in {paths}.",
        "en": "No agreement sets found in {paths}.",
    },
    "report.written": {"nl": "Rapport geschreven naar {path}.", "en": "Report written to {path}."},
    # The report's themes: a slug not listed here is shown with spaces and a capital.
    "report.theme.beschikbaarheid": {"nl": "Beschikbaarheid", "en": "Availability"},
    "report.theme.betaalbaarheid": {"nl": "Betaalbaarheid", "en": "Affordability"},
    "report.theme.bijzondere-doelgroepen": {
        "nl": "Bijzondere doelgroepen",
        "en": "Special target groups",
    },
    "report.theme.duurzaamheid": {"nl": "Duurzaamheid", "en": "Sustainability"},
    "report.theme.kwaliteit-en-duurzaamheid": {
        "nl": "Kwaliteit en duurzaamheid",
        "en": "Quality and sustainability",
    },
    "report.theme.leefbaarheid": {"nl": "Leefbaarheid", "en": "Liveability"},
    "report.theme.wonen-en-zorg": {"nl": "Wonen en zorg", "en": "Housing and care"},
    "report.theme.proces": {"nl": "Proces", "en": "Process"},
    "report.theme.samenwerking": {"nl": "Samenwerking", "en": "Cooperation"},
    "report.theme.inleiding": {"nl": "Inleiding", "en": "Introduction"},
    "report.theme.nieuwbouw": {"nl": "Nieuwbouw", "en": "New construction"},
    "report.theme.huisvesting-urgenten": {
        "nl": "Huisvesting urgenten",
        "en": "Housing of urgent cases",
    },
    "report.key-points": {"nl": "In het kort", "en": "At a glance"},
    "report.promised": {"nl": "afspraken beloofd", "en": "agreements promised"},
    "report.delivered": {"nl": "behaald", "en": "achieved"},
    "report.on-course": {"nl": "op koers", "en": "on track"},
    "report.at-risk": {"nl": "risico", "en": "at risk"},
    "report.late": {"nl": "te laat of achter", "en": "late or behind"},
    "report.not-judged-count": {"nl": "nog niet te beoordelen", "en": "not yet to judge"},
    "report.late-heading": {"nl": "Te laat of achter, en waarom", "en": "Late or behind, and why"},
    "report.nothing-late": {
        "nl": "Geen afspraak is te laat of achter.",
        "en": "No agreement is late or behind.",
    },
    "report.no-reason": {
        "nl": "Geen toelichting vastgelegd in de monitor.",
        "en": "No explanation recorded in the monitor.",
    },
    "report.late-no-data": {
        "nl": "termijn verstreken op {date} zonder meting",
        "en": "deadline {date} passed without a measurement",
    },
    "report.explanation": {"nl": "Toelichting", "en": "Explanation"},
    "report.baseline": {"nl": "Nulmeting", "en": "Baseline"},
    "report.baseline-on": {"nl": "{value} op {date}", "en": "{value} on {date}"},
    "report.history": {"nl": "Verloop", "en": "Over time"},
    "report.history.date": {"nl": "Datum", "en": "Date"},
    "report.history.agreed": {"nl": "Afgesproken", "en": "Agreed"},
    "report.history.measured": {"nl": "Gemeten", "en": "Measured"},
    "report.history.note": {"nl": "Toelichting", "en": "Note"},
    "report.point.baseline": {"nl": "nulmeting {value}", "en": "baseline {value}"},
    "report.point.milestone": {"nl": "tussendoel {value}", "en": "milestone {value}"},
    "report.point.target": {"nl": "doel {value}", "en": "target {value}"},
    "report.point.deadline": {"nl": "termijn", "en": "deadline"},
    "report.point.met": {"nl": "gehaald", "en": "met"},
    "report.point.missed": {"nl": "niet gehaald", "en": "missed"},
    "report.point.unmeasured": {"nl": "niet gemeten", "en": "not measured"},
    "report.point.added": {"nl": "(+{value})", "en": "(+{value})"},
    "report.point.index": {"nl": "{index}: {value}", "en": "{index}: {value}"},
    "report.chart": {"nl": "Grafiek {id}.", "en": "Chart {id}."},
    "report.chart.measured": {"nl": "Gemeten: {values}", "en": "Measured: {values}"},
    "report.chart.expected": {
        "nl": "Verwacht via de tussendoelen: {values}",
        "en": "Expected through the milestones: {values}",
    },
    "report.chart.today": {"nl": "Vandaag: {date}", "en": "Today: {date}"},
    "report.legend.measured": {"nl": "gemeten", "en": "measured"},
    "report.legend.expected": {"nl": "verwacht", "en": "expected"},
    "report.legend.target": {"nl": "doel", "en": "target"},
    "report.legend.today": {"nl": "vandaag", "en": "today"},
    "report.by-year": {"nl": "Per jaar", "en": "By year"},
    "report.year": {"nl": "Jaar", "en": "Year"},
    "report.due": {"nl": "IJkmomenten", "en": "Checkpoints"},
    "report.met": {"nl": "Gehaald", "en": "Met"},
    "report.missed": {"nl": "Niet gehaald", "en": "Missed"},
    "report.unknown": {"nl": "Niet (of nog niet) gemeten", "en": "Not (yet) measured"},
    "report.by-year-note": {
        "nl": "Tussendoelen en termijnen die in dat jaar vielen, en of de meting ze haalde.",
        "en": "Milestones and deadlines that fell in that year, and whether the measurement met them.",
    },
    "report.all-themes": {"nl": "Per thema, alle sets", "en": "By theme, all sets"},
    "report.page": {"nl": "pagina", "en": "page"},
    "report.page-of": {"nl": "van", "en": "of"},
    "report.facts": {"nl": "Gegevens van de set", "en": "About the set"},
    "report.pdf-needs-extra": {
        "nl": "Voor een PDF is WeasyPrint nodig: pip install 'prestatie[pdf]'",
        "en": "A PDF needs WeasyPrint: pip install 'prestatie[pdf]'",
    },
    "report.pdf-needs-file": {
        "nl": "Een PDF gaat naar een bestand: geef -o rapport.pdf.",
        "en": "A PDF is written to a file: give -o report.pdf.",
    },
    "report.suffix-unknown": {
        "nl": "-o {path}: een rapport is Markdown, HTML of PDF; laat de naam eindigen op {suffixes}.",
        "en": "-o {path}: a report is Markdown, HTML or PDF; end the name in {suffixes}.",
    },
    "report.suffix-mismatch": {
        "nl": "-o {path} past niet bij --format {format}: gebruik de extensie {suffix} of laat --format weg.",
        "en": "-o {path} does not match --format {format}: use the suffix {suffix} or leave out --format.",
    },
    "report.pdf-variant": {
        "nl": "--pdf-variant {variant} bestaat niet; kies uit {choices}.",
        "en": "--pdf-variant {variant} does not exist; choose from {choices}.",
    },
    "report.pdf-variant-not-pdf": {
        "nl": "--pdf-variant hoort bij een PDF: geef -o rapport.pdf of --format pdf.",
        "en": "--pdf-variant belongs to a PDF: give -o rapport.pdf or --format pdf.",
    },
    "report.pdf-failed": {
        "nl": "De PDF kon niet worden gemaakt: {error}",
        "en": "The PDF could not be made: {error}",
    },
    "history.no-git": {
        "nl": "git is niet geïnstalleerd; installeer git om de geschiedenis te gebruiken.",
        "en": "git is not installed; install git to use history commands.",
    },
    "history.no-path": {"nl": "{path}: bestaat niet.", "en": "{path}: no such file or directory."},
    "history.not-a-repository": {
        "nl": "{path} ligt niet in een git-repository; geschiedenis vraagt om een repository "
        "(of vergelijk twee bestanden: prestatie diff BESTAND_A BESTAND_B).",
        "en": "{path} is not inside a git repository; history commands need one "
        "(or compare two files: prestatie diff FILE_A FILE_B).",
    },
    "history.git-failed": {
        "nl": "git {command} mislukte: {detail}",
        "en": "git {command} failed: {detail}",
    },
    "history.shallow": {
        "nl": "Onbekende revisie '{revision}': dit is een ondiepe kloon zonder die geschiedenis. "
        "Haal die op met: git fetch --unshallow (in CI: fetch-depth: 0).",
        "en": "Unknown revision '{revision}': this is a shallow clone without that history. "
        "Fetch it with: git fetch --unshallow (in CI: fetch-depth: 0).",
    },
    "history.unknown-revision": {
        "nl": "Onbekende revisie '{revision}': geen commit, branch of tag in {root}.",
        "en": "Unknown revision '{revision}': not a commit, branch or tag in {root}.",
    },
    "history.outside": {
        "nl": "{path} ligt buiten de repository {root}.",
        "en": "{path} is outside the repository {root}.",
    },
    "history.unreadable-object": {
        "nl": "git kon object {blob} niet lezen.",
        "en": "git could not read object {blob}.",
    },
    "history.too-many": {
        "nl": "Geef hooguit twee revisies (of twee bestanden) om te vergelijken.",
        "en": "Give at most two revisions (or two files) to compare.",
    },
    "history.ambiguous": {
        "nl": "Afspraak {id} komt in meer dan één set voor ({sets}) in commit {commit}; kies er een met --set.",
        "en": "Agreement {id} occurs in more than one set ({sets}) at commit {commit}; choose one with --set.",
    },
    "history.id-twice": {
        "nl": "Afspraak {id} staat meer dan eens in set {set} in {commit}; geef elke afspraak "
        "een eigen id ('prestatie check' wijst de dubbele aan).",
        "en": "Agreement {id} occurs more than once in set {set} at {commit}; give each "
        "agreement its own id ('prestatie check' points out the duplicate).",
    },
    "init.exists": {
        "nl": "In {path} bestaan al: {files}. prestatie init overschrijft niets; kies een lege map.",
        "en": "{path} already has: {files}. prestatie init overwrites nothing; choose an empty directory.",
    },
    "init.invalid": {
        "nl": "Met deze waarden wordt {file} ongeldig ({problem}). Gebruik voor --id letters, "
        "cijfers en '-'; titel en namen mogen niet leeg zijn. Er is niets geschreven.",
        "en": "These values would make {file} invalid ({problem}). Use letters, digits and '-' "
        "for --id; title and names must not be empty. Nothing was written.",
    },
    "init.start-year": {
        "nl": "Het beginjaar {year} kan niet: kies een jaar van {first} tot en met {last}, "
        "voluit geschreven (bijvoorbeeld 2026). Er is niets geschreven.",
        "en": "The start year {year} cannot be used: choose a year from {first} to {last}, "
        "written in full (for example 2026). Nothing was written.",
    },
    "init.added": {
        "nl": "In {path} {count} bestand(en) toegevoegd: {files}.",
        "en": "Added {count} file(s) in {path}: {files}.",
    },
    "init.kept": {
        "nl": "Bestaande bestanden ongemoeid gelaten: {files}.",
        "en": "Existing files left as they were: {files}.",
    },
    "init.next": {
        "nl": "Volgende stap:\n  prestatie check afspraken monitor",
        "en": "Next step:\n  prestatie check afspraken monitor",
    },
    "init.next-in": {
        "nl": "Volgende stappen:\n  cd {path}\n  prestatie check afspraken monitor",
        "en": "Next steps:\n  cd {path}\n  prestatie check afspraken monitor",
    },
    "init.nothing": {
        "nl": "In {path} bestaat alles al wat prestatie init maakt ({files}); er is niets "
        "geschreven.",
        "en": "{path} already has everything prestatie init makes ({files}); nothing was written.",
    },
    "init.had-sets": {
        "nl": "De map afspraken bevat al sets; er is geen voorbeeldset (en monitor) toegevoegd.",
        "en": "The folder afspraken already holds sets; no example set (or monitor) was added.",
    },
    "init.no-origin": {
        "nl": "Waar moet CI prestatie vandaan halen? Deze prestatie is geïnstalleerd uit "
        "{origin}, een adres dat een CI-server niet kan bereiken. Geef het op met "
        "--requirement, bijvoorbeeld --requirement 'prestatie @ "
        "git+https://example.org/uw-organisatie/prestatie@v0.1.0' (een git-adres met tag of "
        "commit). Er is niets geschreven.",
        "en": "Where should CI get prestatie from? This prestatie was installed from {origin}, "
        "which a CI server cannot reach. Give it with --requirement, for example "
        "--requirement 'prestatie @ git+https://example.org/your-organisation/prestatie@v0.1.0' "
        "(a git address with a tag or commit). Nothing was written.",
    },
    "init.requirement-invalid": {
        "nl": "--requirement {requirement} kan niet: geef één regel die met 'prestatie @' begint, "
        "gevolgd door het adres van prestatie, bijvoorbeeld "
        "'prestatie @ git+https://example.org/uw-organisatie/prestatie@v0.1.0'. "
        "Er is niets geschreven.",
        "en": "--requirement {requirement} cannot be used: give one line that starts with "
        "'prestatie @' followed by the address of prestatie, for example "
        "'prestatie @ git+https://example.org/your-organisation/prestatie@v0.1.0'. "
        "Nothing was written.",
    },
    "init.requirement-index": {
        "nl": "--requirement {requirement} kan niet: CI zou dan prestatie op naam van een "
        "pakketindex installeren, en het pakket met die naam daar is niet dit programma. "
        "Geef het adres met een vaste versie: 'prestatie @ git+URL@COMMIT', bijvoorbeeld "
        "'prestatie @ git+https://example.org/uw-organisatie/prestatie@v0.1.0'. "
        "Er is niets geschreven.",
        "en": "--requirement {requirement} cannot be used: CI would then install prestatie by "
        "name from a package index, and the package of that name there is not this program. "
        "Give its address with a fixed version: 'prestatie @ git+URL@COMMIT', for example "
        "'prestatie @ git+https://example.org/your-organisation/prestatie@v0.1.0'. "
        "Nothing was written.",
    },
    "init.done": {
        "nl": "Nieuwe repository voor prestatieafspraken in {path}: {count} bestanden.\n"
        "Volgende stappen:\n"
        "  cd {path}\n"
        "  prestatie check afspraken monitor\n"
        "  git init && git add . && git commit -m 'Opzet prestatieafspraken'",
        "en": "New repository for performance agreements in {path}: {count} files.\n"
        "Next steps:\n"
        "  cd {path}\n"
        "  prestatie check afspraken monitor\n"
        "  git init && git add . && git commit -m 'Set up performance agreements'",
    },
    "export.written": {
        "nl": "{count} afspraken geschreven naar {path}.",
        "en": "{count} agreements written to {path}.",
    },
    "export.xlsx-needs-file": {
        "nl": "Een Excel-bestand kan niet naar de terminal: geef -o BESTAND.xlsx.",
        "en": "An Excel file cannot go to the terminal: give -o FILE.xlsx.",
    },
    "export.suffix-unknown": {
        "nl": "-o {path}: een export is CSV, Excel, OpenDocument of JSON; laat de naam eindigen op {suffixes}.",
        "en": "-o {path}: an export is CSV, Excel, OpenDocument or JSON; end the name in {suffixes}.",
    },
    "export.ods-needs-file": {
        "nl": "Een OpenDocument-bestand kan niet naar de terminal: geef -o BESTAND.ods.",
        "en": "An OpenDocument file cannot go to the terminal: give -o FILE.ods.",
    },
    "export.suffix-conflict": {
        "nl": "{path} eindigt op {suffix}, maar --format is {format}: kies een van beide "
        "(of laat --format weg; het formaat volgt dan uit de naam).",
        "en": "{path} ends in {suffix}, but --format is {format}: choose one "
        "(or leave out --format; the format then follows from the name).",
    },
    "export.workbook-format": {
        "nl": "Een werkboek is xlsx of ods, niet {format}: geef -o BESTAND.xlsx of -o BESTAND.ods.",
        "en": "A workbook is xlsx or ods, not {format}: give -o FILE.xlsx or -o FILE.ods.",
    },
    "export.workbook-one-set": {
        "nl": "Een werkboek bevat één set, en hier zijn er {count} ({sets}): geef het bestand "
        "van één set en zijn monitor.",
        "en": "A workbook holds one set, and there are {count} here ({sets}): give the file "
        "of one set and its monitor.",
    },
    "export.workbook-monitors": {
        "nl": "Set {set} heeft {count} monitorbestanden ({paths}); een werkboek neemt er één: "
        "voeg ze samen of geef er één.",
        "en": "Set {set} has {count} monitor files ({paths}); a workbook takes one: "
        "merge them or give one.",
    },
    "export.workbook-written": {
        "nl": "Werkboek van set {set} geschreven naar {path}: {agreements} afspraken, "
        "{measurements} metingen.",
        "en": "Workbook of set {set} written to {path}: {agreements} agreements, "
        "{measurements} measurements.",
    },
    "import.missing": {
        "nl": "{path} bestaat niet.",
        "en": "{path} does not exist.",
    },
    "import.workbook-monitor": {
        "nl": "Het werkboek bevat ook een monitor (metingen); geef met --monitor BESTAND.yaml "
        "waar die heen moet. Er is niets geschreven.",
        "en": "The workbook also holds a monitor (measurements); give --monitor FILE.yaml "
        "for where it goes. Nothing was written.",
    },
    "import.workbook-cell": {
        "nl": "Blad {sheet}, rij {row}, kolom '{column}': '{value}' is niet te lezen.",
        "en": "Sheet {sheet}, row {row}, column '{column}': '{value}' cannot be read.",
    },
    "import.workbook-set": {
        "nl": "Blad {sheet} moet precies één rij onder de kop hebben: de set.",
        "en": "Sheet {sheet} must have exactly one row below its header: the set.",
    },
    "import.workbook-unknown": {
        "nl": "Blad {sheet} noemt afspraken die niet op het blad Afspraken staan: {ids}.",
        "en": "Sheet {sheet} names agreements that are not on the sheet Agreements: {ids}.",
    },
    "import.workbook-refused": {
        "nl": "{path} is niet ingelezen; er is niets geschreven:",
        "en": "{path} was not read; nothing was written:",
    },
    "import.workbook-invalid": {
        "nl": "Het werkboek geeft geen geldig {what}: {problem}",
        "en": "The workbook does not give a valid {what}: {problem}",
    },
    "import.workbook-summary": {
        "nl": "Set {set} geschreven naar {path}: {agreements} afspraken.",
        "en": "Set {set} written to {path}: {agreements} agreements.",
    },
    "import.workbook-monitor-summary": {
        "nl": "Monitor geschreven naar {path}: {measurements} metingen.",
        "en": "Monitor written to {path}: {measurements} measurements.",
    },
    "import.baseline-date": {
        "nl": "Rij {row}: nulmeting {value} zonder datum; het begin van de looptijd ({date}) "
        "als datum genomen.",
        "en": "Row {row}: baseline {value} without a date; the start of the term ({date}) "
        "taken as its date.",
    },
    "import.no-header": {
        "nl": "Geen kopregel gevonden: de eerste tien rijen hebben geen twee bekende kolomnamen "
        "(zoals nr, afspraak, trekker, doel, eenheid, termijn, thema). Gebruik --map 'KOLOM=veld'.",
        "en": "No header row found: the first ten rows do not have two known column names "
        "(such as nr, afspraak, trekker, doel, eenheid, termijn, thema). Use --map 'COLUMN=field'.",
    },
    "import.unused-column": {
        "nl": "Kolom {column} ('{header}') is niet overgenomen: onbekende kolomnaam. "
        "Koppel hem met --map '{header}=veld' als hij erbij hoort.",
        "en": "Column {column} ('{header}') was not taken over: unknown column name. "
        "Map it with --map '{header}=field' if it belongs.",
    },
    "import.many-sets": {
        "nl": "De kolom set van deze tabel bevat {count} sets ({sets}); een import maakt één set. "
        "Kies er een met --set, bijvoorbeeld --set {first}, of exporteer één set als werkboek "
        "(prestatie export --workbook) en importeer dat. Er is niets geschreven.",
        "en": "The set column of this table holds {count} sets ({sets}); an import makes one set. "
        "Choose one with --set, for example --set {first}, or export one set as a workbook "
        "(prestatie export --workbook) and import that. Nothing was written.",
    },
    "import.set-unknown": {
        "nl": "De kolom set van deze tabel bevat geen set {set}, wel: {sets}. "
        "Er is niets geschreven.",
        "en": "The set column of this table does not hold a set {set}, only: {sets}. "
        "Nothing was written.",
    },
    "import.set-no-column": {
        "nl": "--set {set}: deze tabel heeft geen kolom set. Laat --set weg. "
        "Er is niets geschreven.",
        "en": "--set {set}: this table has no set column. Leave out --set. Nothing was written.",
    },
    "import.duplicate": {
        "nl": "Rij {row}: nummer {id} komt al eerder voor; de rij is overgeslagen.",
        "en": "Row {row}: number {id} was used before; the row was skipped.",
    },
    "import.no-id": {
        "nl": "Rij {row}: geen nummer (nr); de rij is overgeslagen.",
        "en": "Row {row}: no number (id); the row was skipped.",
    },
    "import.no-title": {
        "nl": "Rij {row}: geen titel en geen tekst; de rij is overgeslagen.",
        "en": "Row {row}: no title and no text; the row was skipped.",
    },
    "import.no-theme": {
        "nl": "Rij {row}: geen thema; 'overig' gebruikt.",
        "en": "Row {row}: no theme; 'overig' used.",
    },
    "import.cell": {
        "nl": "Rij {row}, kolom {column}: '{value}' is niet te lezen en is weggelaten.",
        "en": "Row {row}, column {column}: '{value}' cannot be read and was left out.",
    },
    "import.date": {
        "nl": "Rij {row}, kolom {column}: '{value}' is geen datum (schrijf 2026-12-31 of 31-12-2026) "
        "en is weggelaten.",
        "en": "Row {row}, column {column}: '{value}' is not a date (write 2026-12-31 or 31-12-2026) "
        "and was left out.",
    },
    "import.number": {
        "nl": "Rij {row}, kolom {column}: '{value}' is geen getal; het doel is weggelaten.",
        "en": "Row {row}, column {column}: '{value}' is not a number; the target was left out.",
    },
    "import.baseline": {
        "nl": "Rij {row}, kolom {column}: '{value}' is geen getal; de nulmeting is weggelaten.",
        "en": "Row {row}, column {column}: '{value}' is not a number; the baseline was left out.",
    },
    "import.baseline-day": {
        "nl": "Rij {row}, kolom {column}: '{value}' is geen datum (schrijf 2026-12-31 of "
        "31-12-2026); de nulmeting is weggelaten.",
        "en": "Row {row}, column {column}: '{value}' is not a date (write 2026-12-31 or "
        "31-12-2026); the baseline was left out.",
    },
    "import.role": {
        "nl": "Rij {row}: de rol van '{party}' is niet af te leiden uit de naam; 'overig' gebruikt. "
        "Zet de juiste rol in de set.",
        "en": "Row {row}: the role of '{party}' cannot be told from its name; 'overig' used. "
        "Put the right role in the set.",
    },
    "import.missing-role": {
        "nl": "Geen partij met de rol {role} in de tabel; voeg die toe onder 'parties'.",
        "en": "No party with the role {role} in the table; add it under 'parties'.",
    },
    "import.id": {
        "nl": "Rij {row}: nummer '{written}' geschreven als {id}.",
        "en": "Row {row}: number '{written}' written as {id}.",
    },
    "import.title": {
        "nl": "Rij {row}: geen titel; de eerste zin van de tekst gebruikt.",
        "en": "Row {row}: no title; the first sentence of the text used.",
    },
    "import.metric": {
        "nl": "Rij {row}: geen maat; de titel gebruikt als maat.",
        "en": "Row {row}: no metric; the title used as the metric.",
    },
    "import.thousands": {
        "nl": "Rij {row}, kolom {column}: '{value}' gelezen als {number} (punt als duizendtal).",
        "en": "Row {row}, column {column}: '{value}' read as {number} "
        "(point as thousands separator).",
    },
    "import.unit": {
        "nl": "Rij {row}: eenheid '{unit}' overgenomen uit de streefwaarde.",
        "en": "Row {row}: unit '{unit}' taken from the target cell.",
    },
    "import.rest": {
        "nl": "Rij {row}: alleen het getal uit '{value}' overgenomen; '{rest}' niet.",
        "en": "Row {row}: only the number of '{value}' taken over; '{rest}' was not.",
    },
    "import.answer": {
        "nl": "Rij {row}: een antwoord op een verzoek heeft een stand (open, aanvaard of "
        "afgewezen) en een datum; het antwoord is weggelaten.",
        "en": "Row {row}: an answer to a request has a state (open, accepted or declined) "
        "and a date; the answer was left out.",
    },
    "import.range": {
        "nl": "Rij {row}: een bereik heeft de vergelijking 'tussen' en een bovengrens die niet "
        "onder de streefwaarde ligt; vergelijking en bovengrens zijn weggelaten.",
        "en": "Row {row}: a range has the comparison 'tussen' (between) and an upper bound not "
        "below the target; comparison and upper bound were left out.",
    },
    "import.per-year": {
        "nl": "Rij {row}, kolom {column}: '{value}' is niet te lezen als waarden per jaar "
        "(schrijf bijvoorbeeld '2027: 700,72; 2028: 718,24') en is weggelaten.",
        "en": "Row {row}, column {column}: '{value}' cannot be read as values per year "
        "(write for example '2027: 700.72; 2028: 718.24') and was left out.",
    },
    "import.split": {
        "nl": "Rij {row}, kolom {column}: '{value}' is niet te lezen als verdeling (schrijf "
        "bijvoorbeeld 'sociale huur 60 %; middenhuur 20 %; koop 20 %') en is weggelaten.",
        "en": "Row {row}, column {column}: '{value}' cannot be read as a split (write for "
        "example 'sociale huur 60 %; middenhuur 20 %; koop 20 %') and was left out.",
    },
    "import.milestones": {
        "nl": "Rij {row}, kolom {column}: '{value}' is niet te lezen als tussendoelen (schrijf "
        "bijvoorbeeld '2027-12-31: 400; 2029-12-31: 750') en is weggelaten.",
        "en": "Row {row}, column {column}: '{value}' cannot be read as milestones (write for "
        "example '2027-12-31: 400; 2029-12-31: 750') and was left out.",
    },
    "import.condition-id": {
        "nl": "Rij {row}: voorbehoud '{text}' heeft geen id (schrijf 'id: tekst'); '{id}' gebruikt.",
        "en": "Row {row}: condition '{text}' has no id (write 'id: text'); '{id}' used.",
    },
    "import.period": {
        "nl": "Looptijd {start} tot en met {end} afgeleid uit de termijnen; geef --period om die vast te leggen.",
        "en": "Period {start} to {end} derived from the deadlines; give --period to set it.",
    },
    "import.summary": {
        "nl": "{count} afspraken geschreven naar {path}; {problems} rij(en) of cel(len) niet "
        "overgenomen, {assumptions} aanname(s).",
        "en": "{count} agreements written to {path}; {problems} row(s) or cell(s) not taken over, "
        "{assumptions} assumption(s).",
    },
    "import.problems": {"nl": "Niet overgenomen:", "en": "Not taken over:"},
    "import.assumptions": {"nl": "Aannames (controleer):", "en": "Assumptions (check them):"},
    "import.left-out": {
        "nl": "Niet overgenomen uit {path}, want een tabel bevat alleen de afspraken:",
        "en": "Not taken over from {path}, as a table holds the agreements only:",
    },
    "import.left-out.amendments": {
        "nl": "{count} wijziging(en) van de hele set (amendments)",
        "en": "{count} amendment(s) of the whole set (amendments)",
    },
    "import.left-out.signatures": {
        "nl": "{count} handtekening(en) (signatures)",
        "en": "{count} signature(s) (signatures)",
    },
    "import.left-out.bids": {"nl": "{count} bod(en) (bids)", "en": "{count} bid(s) (bids)"},
    "import.left-out.waivers": {
        "nl": "{count} uitzondering(en) op regels (waivers)",
        "en": "{count} rule waiver(s) (waivers)",
    },
    "import.left-out.frame": {
        "nl": "de kaderafspraak {frame} (frame)",
        "en": "the frame {frame} (frame)",
    },
    "import.left-out.basis": {"nl": "de grondslag (basis)", "en": "the basis (basis)"},
    "import.left-out.resign": {
        "nl": "Een handtekening hoort bij de tekst zoals die is ondertekend, niet bij deze nieuwe "
        "inhoud: laat de partijen opnieuw tekenen (prestatie sign).",
        "en": "A signature belongs to the text as it was signed, not to this new content: have "
        "the parties sign again (prestatie sign).",
    },
    "import.left-out.copy": {
        "nl": "Neem de rest zo nodig zelf over uit {path}.",
        "en": "Copy the rest over from {path} where needed.",
    },
    "import.exists": {
        "nl": "{path} bestaat al; import overschrijft niets. Kies een ander -o.",
        "en": "{path} already exists; import overwrites nothing. Choose another -o.",
    },
    "import.unreadable": {
        "nl": "{path} is niet te lezen als tabel: {detail}",
        "en": "{path} cannot be read as a table: {detail}",
    },
    "import.invalid": {
        "nl": "De geïmporteerde set is niet geldig: {problem} Er is niets geschreven.",
        "en": "The imported set is not valid: {problem} Nothing was written.",
    },
    "import.bad-map": {
        "nl": "--map '{value}' moet de vorm KOLOM=veld hebben, met veld een van: {fields}.",
        "en": "--map '{value}' must look like COLUMN=field, with field one of: {fields}.",
    },
    "import.parties": {
        "nl": "--parties {path} is geen geldige set afspraken: {problem} Er is niets geschreven.",
        "en": "--parties {path} is not a valid agreement set: {problem} Nothing was written.",
    },
    "import.bad-period": {
        "nl": "--period '{value}' moet de vorm 2025-2028 of 2025-01-01:2028-12-31 hebben.",
        "en": "--period '{value}' must look like 2025-2028 or 2025-01-01:2028-12-31.",
    },
    # A table over a limit of tables/reading.py: refused whole, before the work it guards.
    "import.not-a-file": {
        "nl": "{path} is geen gewoon bestand (maar bijvoorbeeld een pipe of apparaat); "
        "prestatie leest een tabel alleen uit een CSV- of XLSX-bestand. Er is niets geschreven.",
        "en": "{path} is not a regular file (but, for example, a pipe or a device); "
        "prestatie reads a table only from a CSV or XLSX file. Nothing was written.",
    },
    "import.too-large": {
        "nl": "{path} is groter dan {limit} MB; prestatie leest tabellen tot {limit} MB. "
        "Splits de tabel. Er is niets geschreven.",
        "en": "{path} is larger than {limit} MB; prestatie reads tables up to {limit} MB. "
        "Split the table. Nothing was written.",
    },
    "import.unpacked": {
        "nl": "{path} pakt uit tot meer dan {limit} MB (een XLSX-bestand is een zip-archief); "
        "prestatie leest werkmappen tot {limit} MB uitgepakt. Er is niets geschreven.",
        "en": "{path} unpacks to more than {limit} MB (an XLSX file is a zip archive); "
        "prestatie reads workbooks up to {limit} MB unpacked. Nothing was written.",
    },
    "import.elements": {
        "nl": "{path}: onderdeel {part} van de werkmap heeft meer dan {limit} XML-elementen; "
        "prestatie leest onderdelen tot {limit} elementen. Er is niets geschreven.",
        "en": "{path}: part {part} of the workbook has more than {limit} XML elements; "
        "prestatie reads parts up to {limit} elements. Nothing was written.",
    },
    "import.entities": {
        "nl": "{path} declareert XML-entiteiten (<!ENTITY>); een werkmap uit Excel of LibreOffice "
        "doet dat nooit en prestatie leest ze niet. Er is niets geschreven.",
        "en": "{path} declares XML entities (<!ENTITY>); a workbook from Excel or LibreOffice "
        "never does, and prestatie does not read them. Nothing was written.",
    },
    "import.no-sheet": {
        "nl": "{path} heeft geen werkblad; prestatie leest de tabel op het eerste werkblad. "
        "Er is niets geschreven.",
        "en": "{path} has no worksheet; prestatie reads the table on the first worksheet. "
        "Nothing was written.",
    },
    "import.dimension": {
        "nl": "{path}: het eerste werkblad zegt {dimension} te beslaan; prestatie leest tabellen "
        "tot {rows} rijen en {columns} kolommen. Er is niets geschreven.",
        "en": "{path}: the first worksheet says it spans {dimension}; prestatie reads tables "
        "up to {rows} rows and {columns} columns. Nothing was written.",
    },
    "import.too-many-rows": {
        "nl": "{path} heeft meer dan {limit} rijen; prestatie leest tabellen tot {limit} rijen. "
        "Splits de tabel. Er is niets geschreven.",
        "en": "{path} has more than {limit} rows; prestatie reads tables up to {limit} rows. "
        "Split the table. Nothing was written.",
    },
    "import.too-many-columns": {
        "nl": "{path}, rij {row}: meer dan {limit} kolommen; prestatie leest tabellen tot "
        "{limit} kolommen. Er is niets geschreven.",
        "en": "{path}, row {row}: more than {limit} columns; prestatie reads tables up to "
        "{limit} columns. Nothing was written.",
    },
    "import.cell-too-large": {
        "nl": "{path}, rij {row}: een cel heeft meer dan {limit} tekens; prestatie leest cellen "
        "tot {limit} tekens (wat in één Excel-cel past). Er is niets geschreven.",
        "en": "{path}, row {row}: a cell has more than {limit} characters; prestatie reads "
        "cells up to {limit} characters (what one Excel cell holds). Nothing was written.",
    },
    # --- Writing files (files.py) and the configuration found (load/config.py) --------
    "write.directory": {
        "nl": "{path} is een map; geef de naam van een bestand. Er is niets geschreven.",
        "en": "{path} is a directory; give the name of a file. Nothing was written.",
    },
    "write.special": {
        "nl": "{path} is geen gewoon bestand (maar bijvoorbeeld een apparaat of een pipe); "
        "prestatie vervangt het niet. Er is niets geschreven.",
        "en": "{path} is not a regular file (but, for example, a device or a pipe); "
        "prestatie does not replace it. Nothing was written.",
    },
    "write.broken-link": {
        "nl": "{path} is een symbolische link die niet naar een bestaand bestand leidt; "
        "prestatie schrijft niet door zo'n link. Er is niets geschreven.",
        "en": "{path} is a symbolic link that does not lead to an existing file; "
        "prestatie does not write through such a link. Nothing was written.",
    },
    "write.locked": {
        "nl": "Een andere schrijver houdt {path} al langer dan 30 seconden vast; probeer het "
        "straks opnieuw (of verwijder het bestand als er geen prestatie meer loopt). "
        "Er is niets geschreven.",
        "en": "Another writer has held {path} for more than 30 seconds; try again shortly "
        "(or remove the file if no prestatie is running). Nothing was written.",
    },
    "write.read-only": {
        "nl": "{path} is alleen-lezen of u mag het niet schrijven; prestatie vervangt het niet. "
        "Er is niets geschreven.",
        "en": "{path} is read-only or you may not write it; prestatie does not replace it. "
        "Nothing was written.",
    },
    "write.no-folder": {
        "nl": "De map {folder} voor {path} bestaat niet; maak hem eerst, of geef --parents om "
        "ontbrekende mappen te laten maken. Er is niets geschreven.",
        "en": "The folder {folder} for {path} does not exist; create it first, or give --parents "
        "to have missing folders made. Nothing was written.",
    },
    "write.input": {
        "nl": "{path} is ook een invoerbestand van deze opdracht; kies een ander uitvoerbestand. "
        "Er is niets geschreven.",
        "en": "{path} is also an input file of this command; choose another output file. "
        "Nothing was written.",
    },
    "config.foreign-owner": {
        "nl": "{path} is van een andere gebruiker ({owner}) en wordt niet toegepast. Vertrouwt u "
        "het, geef het dan op met --config {path}; anders: verwijder het.",
        "en": "{path} belongs to another user ({owner}) and is not applied. If you trust it, "
        "name it with --config {path}; otherwise remove it.",
    },
    "ui.rules.as-of": {"nl": "peildatum", "en": "as of"},
    "ui.rules.severity": {"nl": "standaard ernst", "en": "default severity"},
    # --- The command line: help of each command and parameter, usage errors ------------
    # Help of a command is "help.<command>", of a parameter "help.<command>.<parameter>",
    # else the shared "help.<parameter>"; the first paragraph of a command's help is its
    # line in the list of commands.
    "help.root": {
        "nl": "Prestatieafspraken als YAML onder versiebeheer: controleer ze, volg de "
        "voortgang, rapporteer.\n\nVoorbeeld: prestatie check afspraken/ monitor/\n\n"
        "De taal is Nederlands; --lang en of de omgevingsvariabele PRESTATIE_LANG=en "
        "geeft Engels.",
        "en": "Performance agreements (prestatieafspraken) as versioned YAML: check them, "
        "follow progress, report.\n\nExample: prestatie check afspraken/ monitor/\n\n"
        "The language is Dutch; --lang en or the environment variable PRESTATIE_LANG=en "
        "gives English.",
    },
    "help.root.version": {"nl": "Toon de versie.", "en": "Show the version."},
    "help.quiet": {
        "nl": "Alleen problemen en resultaten; geen tips, samenvattingen of mededelingen.",
        "en": "Only problems and results; no hints, summaries or notes.",
    },
    "help.no_color": {
        "nl": "Geen kleur (ook niet als NO_COLOR gezet is).",
        "en": "No colour (also when NO_COLOR is set).",
    },
    "help.lang": {
        "nl": "Taal (standaard: PRESTATIE_LANG, anders prestatie.yaml, anders nl).",
        "en": "Language (default: PRESTATIE_LANG, else prestatie.yaml, else nl).",
    },
    "help.help": {"nl": "Toon deze hulp.", "en": "Show this help."},
    "help.install_completion": {
        "nl": "Installeer het aanvullen met Tab voor deze shell.",
        "en": "Install Tab completion for this shell.",
    },
    "help.show_completion": {
        "nl": "Toon het aanvullen met Tab voor deze shell, om zelf te installeren.",
        "en": "Show Tab completion for this shell, to install it yourself.",
    },
    "help.config": {
        "nl": "Instellingenbestand (standaard: het dichtstbijzijnde prestatie.yaml).",
        "en": "Configuration file (default: the nearest prestatie.yaml).",
    },
    "help.as_of": {
        "nl": "Peildatum JJJJ-MM-DD (standaard: vandaag).",
        "en": "Reference date YYYY-MM-DD (default: today).",
    },
    "help.theme": {"nl": "Alleen dit thema (herhaalbaar).", "en": "Only this theme (repeatable)."},
    "help.party": {
        "nl": "Alleen afspraken waarvan deze partij trekker of bijdrager is (herhaalbaar).",
        "en": "Only agreements this party owns or contributes to (repeatable).",
    },
    "help.parents": {
        "nl": "Maak ontbrekende mappen van het uitvoerbestand aan (standaard: weigeren).",
        "en": "Make missing folders of the output (default: refuse them).",
    },
    "help.output_format": {"nl": "Uitvoerformaat.", "en": "Output format."},
    "help.paths": {
        "nl": "Bestanden of mappen met sets en hun monitors.",
        "en": "Files or directories with sets and their monitors.",
    },
    "help.agreement": {
        "nl": "Id van de afspraak, bijvoorbeeld BS-01.",
        "en": "Id of the agreement, e.g. BS-01.",
    },
    "help.choices": {"nl": "Keuze uit: {choices}.", "en": "One of: {choices}."},
    # init
    "help.init": {
        "nl": "Begin een opslagplaats van afspraken: een set, een monitor, prestatie.yaml, "
        "schema's, CI en pre-commit.\n\nOverschrijft nooit een bestaand bestand.\n\n"
        'Voorbeeld: prestatie init lindeveen --municipality "Gemeente Lindeveen" '
        "--start-year 2026",
        "en": "Start a repository of agreements: a set, a monitor, prestatie.yaml, schemas, "
        "CI and pre-commit.\n\nNever overwrites an existing file.\n\n"
        'Example: prestatie init lindeveen --municipality "Gemeente Lindeveen" '
        "--start-year 2026",
    },
    "help.init.directory": {
        "nl": "De map van de nieuwe opslagplaats (wordt gemaakt als die ontbreekt).",
        "en": "The new repository's directory (made if missing).",
    },
    "help.init.set_id": {
        "nl": "Id van de eerste set (standaard: naar de map).",
        "en": "Id of the first set (default: from the directory).",
    },
    "help.init.title": {"nl": "Titel van de eerste set.", "en": "Title of the first set."},
    "help.init.municipality": {"nl": "Naam van de gemeente.", "en": "Name of the municipality."},
    "help.init.start_year": {
        "nl": "Eerste jaar van de looptijd, vier cijfers (standaard: volgend jaar).",
        "en": "First year of the term, four digits (default: next year).",
    },
    "help.init.years": {
        "nl": "Looptijd in jaren (1 tot en met 10).",
        "en": "Length of the term in years (1 to 10).",
    },
    "help.init.requirement": {
        "nl": "Wat de CI-bestanden met pip installeren, bijvoorbeeld een git-URL (standaard: "
        "waar deze prestatie vandaan komt).",
        "en": "What the CI files pip-install, e.g. a git URL (default: where this prestatie "
        "comes from).",
    },
    "help.init.lang": {
        "nl": "Taal van de meldingen en van de nieuwe bestanden.",
        "en": "Language of the messages and of the new files.",
    },
    # check
    "help.check": {
        "nl": "Controleer afspraak- en monitorbestanden op de SMART- en domeinregels.\n\n"
        "Afsluitcode 0: geen problemen; 1: problemen gevonden; 2: een bestand kon niet "
        "gelezen worden.\n\nVoorbeelden:\n\n  prestatie check afspraken/ monitor/\n\n"
        "  prestatie check --format github --strict .\n\n"
        "  prestatie check --against v2026-01 afspraken/",
        "en": "Check agreement and monitor files against the SMART and domain rules.\n\n"
        "Exit code 0: no problems; 1: problems found; 2: a file could not be read.\n\n"
        "Examples:\n\n  prestatie check afspraken/ monitor/\n\n"
        "  prestatie check --format github --strict .\n\n"
        "  prestatie check --against v2026-01 afspraken/",
    },
    "help.check.paths": {
        "nl": "Bestanden of mappen (daarin *.yaml en *.yml).",
        "en": "Files or directories (searched for *.yaml and *.yml).",
    },
    "help.check.strict": {
        "nl": "Ook waarschuwingen laten de controle mislukken.",
        "en": "Warnings fail the check too.",
    },
    "help.check.against": {
        "nl": "Git-revisie om mee te vergelijken: wat sindsdien veranderde, vraagt een "
        "wijziging (P615).",
        "en": "Git revision to compare with: changes since then need an amendment (P615).",
    },
    # status
    "help.status": {
        "nl": "Toon de voortgang van elke afspraak: stand, doel, verwachting, stoplicht, "
        "prognose.\n\nStatussen: gehaald, op koers (groen), risico (oranje), achter en "
        "niet gehaald (rood), geen gegevens (grijs); niet beoordeeld, en waarom (grijs): "
        "context, verzoek open, verzoek afgewezen, nog niet, vervallen, opgeschort, "
        "ingetrokken. --party vindt ook de afspraken van een groep waarvan de partij lid "
        "is. De drempels staan in prestatie.yaml.\n\nVoorbeelden:\n\n"
        "  prestatie status afspraken/ monitor/\n\n"
        "  prestatie status --as-of 2026-06-30 --party hv-lindeveen --format md .\n\n"
        "  prestatie status --scope weidemeer-oost --status 'op koers' afspraken/ monitor/",
        "en": "Show the progress of each agreement: value, target, expected, traffic light, "
        "projection.\n\nStatuses: achieved, on track (green), at risk (orange), behind and "
        "overdue (red), no data (grey); not judged, and why (grey): context, request open, "
        "request declined, not yet, lapsed, suspended, withdrawn. --party also finds the "
        "agreements of a group the party is a member of. Thresholds can be set in "
        "prestatie.yaml.\n\nExamples:\n\n  prestatie status afspraken/ monitor/\n\n"
        "  prestatie status --as-of 2026-06-30 --party hv-lindeveen --format md .\n\n"
        "  prestatie status --scope weidemeer-oost --status on_track afspraken/ monitor/",
    },
    "help.status.status_filter": {
        "nl": "Alleen deze status (herhaalbaar), Nederlands of Engels: 'op koers', "
        "'niet gehaald', vervallen, on_track, overdue.",
        "en": "Only this status (repeatable), in English or Dutch: on_track, overdue, "
        "lapsed, 'op koers'.",
    },
    "help.status.scope": {
        "nl": "Alleen afspraken waarvan het bereik of 'per geval' deze tekst bevat "
        "(hoofdletters maken niet uit).",
        "en": "Only agreements whose scope or 'per event' contains this text (any case).",
    },
    # record
    "help.record": {
        "nl": "Voeg een meting, of de stand van een voorbehoud, toe aan het monitorbestand "
        "van de set; de rest van het bestand blijft zoals het is.\n\nWeigert, zonder iets "
        "te schrijven: een onbekende afspraak of voorbehoud, een datum buiten de looptijd, "
        "een waarde van de verkeerde soort, een tweede waarde op dezelfde datum of een "
        "monitorbestand dat niet te lezen is.\n\nVoorbeelden:\n\n"
        '  prestatie record BS-01 45 --date 2017-12-31 --source "Jaarverslag 2017" '
        "--reported-by corp-a\n\n"
        '  prestatie record BT-01 2,8 --index 3,3 --date 2026-07-01 --source "Huurbeleid '
        '2026"\n\n'
        "  prestatie record BS-06 --condition vergunning-dijkzicht --state 'niet vervuld' "
        '--date 2026-09-30 --source "Uitspraak rechtbank"\n\n'
        "Een negatieve waarde werkt zoals ze is: prestatie record BT-01 -0,5 --date 2026-07-01",
        "en": "Add a measurement, or the state of a condition, to the monitor file of its "
        "set, keeping the rest of the file as it is.\n\nRefuses, writing nothing, an "
        "unknown agreement or condition, a date outside the term, a value of the wrong "
        "kind, a second value for the same date, or a monitor file that does not parse.\n\n"
        "Examples:\n\n"
        '  prestatie record BS-01 45 --date 2017-12-31 --source "Jaarverslag 2017" '
        "--reported-by corp-a\n\n"
        '  prestatie record BT-01 2.8 --index 3.3 --date 2026-07-01 --source "Huurbeleid '
        '2026"\n\n'
        "  prestatie record BS-06 --condition vergunning-dijkzicht --state not_met "
        '--date 2026-09-30 --source "Uitspraak rechtbank"\n\n'
        "A negative value works as it is: prestatie record BT-01 -0.5 --date 2026-07-01",
    },
    "help.record.value": {
        "nl": "De gemeten waarde: een getal, of ja/nee (gedaan of niet) bij een afspraak "
        "zonder doel. Weg te laten bij --condition.",
        "en": "The measured value: a number, or ja/nee (done or not) for an agreement "
        "without target. Left out with --condition.",
    },
    "help.record.day": {
        "nl": "Peildatum van de meting of de stand, JJJJ-MM-DD.",
        "en": "Reference date of the measurement or state, YYYY-MM-DD.",
    },
    "help.record.source": {"nl": "Brondocument of link.", "en": "Source document or link."},
    "help.record.reported_by": {
        "nl": "Id van de partij die de waarde meldt.",
        "en": "Id of the party that reports the value.",
    },
    "help.record.note": {"nl": "Een korte toelichting.", "en": "A short explanation."},
    "help.record.index": {
        "nl": "De stand van de externe index bij de meting, voor een doel dat aan een index "
        "hangt (bijvoorbeeld de inflatie).",
        "en": "The outside index's value with the measurement, for a target set against an "
        "index (e.g. inflation).",
    },
    "help.record.condition": {
        "nl": "Leg de stand van dit voorbehoud van de afspraak vast, geen waarde.",
        "en": "Record the state of this condition (voorbehoud) of the agreement, not a value.",
    },
    "help.record.state": {
        "nl": "Bij --condition: open, vervuld of 'niet vervuld' (ook open, met, not_met).",
        "en": "With --condition: open, met or not_met (also vervuld, 'niet vervuld').",
    },
    "help.record.monitor_file": {
        "nl": "Monitorbestand (standaard: dat van de set, of monitor/<set-id>.yaml).",
        "en": "Monitor file (default: the set's, or monitor/<set id>.yaml).",
    },
    "help.record.sets": {
        "nl": "Waar de set te zoeken (standaard: de opslagplaats waarin u staat).",
        "en": "Where to look for the set (default: the repository you are in).",
    },
    # diff
    "help.diff": {
        "nl": "Toon wat er in de afspraken veranderde, per afspraak-id: toegevoegd, "
        "verwijderd, hernoemd, velden.\n\nZonder revisies: de werkmap tegen HEAD.\n\nVoorbeelden:\n\n  prestatie diff\n\n"
        "  prestatie diff v2025-12 HEAD -- afspraken/\n\n"
        "  prestatie diff oud/lindeveen.yaml afspraken/lindeveen-2025-2028.yaml",
        "en": "Show what changed in the agreements, by agreement id: added, removed, "
        "renamed, fields.\n\nWithout revisions: the working tree against HEAD.\n\nExamples:\n\n  prestatie diff\n\n"
        "  prestatie diff v2025-12 HEAD -- afspraken/\n\n"
        "  prestatie diff oud/lindeveen.yaml afspraken/lindeveen-2025-2028.yaml",
    },
    "help.diff.revisions": {
        "nl": "Niets (werkmap tegen HEAD), REV (REV tegen werkmap), REV_A REV_B, of "
        "BESTAND_A BESTAND_B; paden om de vergelijking te beperken komen na --.",
        "en": "Nothing (working tree vs HEAD), REV (REV vs working tree), REV_A REV_B, or "
        "FILE_A FILE_B; paths to limit the comparison go after --.",
    },
    "help.diff.exit_code": {
        "nl": "Sluit af met 1 als er verschillen zijn, zoals git diff.",
        "en": "Exit 1 when there are differences, as git diff does.",
    },
    # log
    "help.log": {
        "nl": "Toon de geschiedenis van één afspraak: elke commit die haar veranderde, wat "
        "en waarom.\n\nVoorbeeld: prestatie log BS-01 afspraken/",
        "en": "Show the history of one agreement: each commit that changed it, what and "
        "why.\n\nExample: prestatie log BS-01 afspraken/",
    },
    "help.log.paths": {
        "nl": "Beperk de geschiedenis tot deze bestanden of mappen.",
        "en": "Limit the history to these files or directories.",
    },
    "help.log.set_id": {
        "nl": "De set, als de id in meer dan één set voorkomt.",
        "en": "The set, when the id occurs in more than one.",
    },
    # sign
    "help.sign": {
        "nl": "Leg de ondertekening door een partij vast, met een vingerafdruk van de inhoud "
        "van de set (P616 meldt latere wijzigingen).\n\n"
        "Voorbeeld: prestatie sign afspraken/lindeveen-2025-2028.yaml --party hv-veenhuis "
        '--name "M. Bakker"',
        "en": "Record a party's sign-off with a digest of the set's content (P616 reports "
        "later changes).\n\n"
        "Example: prestatie sign afspraken/lindeveen-2025-2028.yaml --party hv-veenhuis "
        '--name "M. Bakker"',
    },
    "help.sign.path": {"nl": "Het setbestand om te ondertekenen.", "en": "The set file to sign."},
    "help.sign.party": {"nl": "Id van de partij die tekent.", "en": "Id of the signing party."},
    "help.sign.name": {"nl": "Naam van wie tekent.", "en": "Name of the person who signs."},
    "help.sign.day": {
        "nl": "Datum van ondertekening, JJJJ-MM-DD (standaard: vandaag).",
        "en": "Date of signing, YYYY-MM-DD (default: today).",
    },
    # report
    "help.report": {
        "nl": "Schrijf een rapport voor raadsleden, raden van commissarissen en huurders: "
        "Markdown, HTML of PDF.\n\nDe HTML is één zelfstandig bestand (geen scripts, geen "
        "verzoeken naar buiten) dat netjes afdrukt.\n\nVoorbeelden:\n\n"
        "  prestatie report afspraken/ monitor/ > rapport.md\n\n"
        "  prestatie report --format html -o rapport.html afspraken/ monitor/",
        "en": "Write a report for council members, supervisory boards and tenants: Markdown, "
        "HTML or PDF.\n\nThe HTML is one self-contained file (no scripts, no external requests) "
        "that prints cleanly.\n\nExamples:\n\n"
        "  prestatie report afspraken/ monitor/ > rapport.md\n\n"
        "  prestatie report --format html -o rapport.html afspraken/ monitor/",
    },
    "help.report.output_format": {
        "nl": "Uitvoerformaat (standaard: naar de extensie van -o, anders md).",
        "en": "Output format (default: from -o's suffix, else md).",
    },
    "help.report.output": {
        "nl": "Schrijf naar dit bestand (standaard: de standaarduitvoer).",
        "en": "Write to this file (default: standard output).",
    },
    "help.report.pdf_variant": {
        "nl": "Voor het archief: een PDF/A- (of PDF/UA-)niveau, bijvoorbeeld pdf/a-3a.",
        "en": "For the archive: a PDF/A (or PDF/UA) level, e.g. pdf/a-3a.",
    },
    "help.report.template": {
        "nl": "Map met report.md.j2, report.html.j2 of report.css om te gebruiken in plaats "
        "van de ingebouwde.",
        "en": "Directory with report.md.j2, report.html.j2 or report.css to use instead of "
        "the built-in ones.",
    },
    # export
    "help.export": {
        "nl": "Exporteer één rij per afspraak (set, id, titel, thema, trekker, doel, termijn, "
        "laatste stand, status).\n\nHet formaat volgt de extensie van -o (.csv, .xlsx, .ods), anders csv.\n\nVoorbeelden:\n\n"
        "  prestatie export -o afspraken.xlsx afspraken/ monitor/\n\n"
        "  prestatie export --format csv afspraken/ > afspraken.csv",
        "en": "Export one row per agreement (set, id, title, theme, owner, target, deadline, "
        "latest value, status).\n\nThe format follows the suffix of -o (.csv, .xlsx, .ods), else csv.\n\nExamples:\n\n"
        "  prestatie export -o afspraken.xlsx afspraken/ monitor/\n\n"
        "  prestatie export --format csv afspraken/ > afspraken.csv",
    },
    "help.export.output_format": {
        "nl": "Uitvoerformaat (standaard: naar de extensie van -o, anders csv).",
        "en": "Output format (default: from -o's suffix, else csv).",
    },
    "help.export.output": {
        "nl": "Schrijf naar dit bestand (nodig voor xlsx en ods).",
        "en": "Write to this file (required for xlsx and ods).",
    },
    "help.export.workbook": {
        "nl": "Eén set als werkmap (xlsx of ods) met al haar gegevens, die import weer inleest.",
        "en": "One set as a workbook (xlsx or ods) of all its data, which import reads back.",
    },
    # import
    "help.import": {
        "nl": "Maak van een tabel met afspraken (Excel, ODS of CSV) een set, en noem elke rij "
        "of cel die niet over te nemen was.\n\nHerkent gangbare kolomnamen: nr, afspraak, "
        "titel, thema, trekker, bijdragers, doel/streefwaarde, eenheid, nulmeting, "
        "deadline/termijn/gereed, en de kolommen van export.\n\nVoorbeelden:\n\n"
        "  prestatie import monitor-2025.xlsx -o afspraken/lindeveen-2025-2028.yaml "
        "--period 2025-2028\n\n"
        "  prestatie import bewerkt.xlsx -o nieuw.yaml --parties "
        "afspraken/weidemeer-2026-2029.yaml --period 2026-2029",
        "en": "Turn a table of agreements (Excel, ODS or CSV) into a set, naming every row or "
        "cell it could not take over.\n\nRecognises common Dutch column names: nr, "
        "afspraak, titel, thema, trekker, bijdragers, doel/streefwaarde, eenheid, "
        "nulmeting, deadline/termijn/gereed, and the export's own columns.\n\nExamples:\n\n"
        "  prestatie import monitor-2025.xlsx -o afspraken/lindeveen-2025-2028.yaml "
        "--period 2025-2028\n\n"
        "  prestatie import bewerkt.xlsx -o nieuw.yaml --parties "
        "afspraken/weidemeer-2026-2029.yaml --period 2026-2029",
    },
    "help.import.source": {
        "nl": "Een tabel (.xlsx, .ods of .csv) met één afspraak per rij.",
        "en": "A table (.xlsx, .ods or .csv) with one agreement per row.",
    },
    "help.import.output": {
        "nl": "Het setbestand om te schrijven (mag nog niet bestaan).",
        "en": "The set file to write (must not exist).",
    },
    "help.import.set_id": {
        "nl": "Id van de set (standaard: de naam van het uitvoerbestand).",
        "en": "Id of the set (default: the output file's name).",
    },
    "help.import.title": {"nl": "Titel van de set.", "en": "Title of the set."},
    "help.import.period": {
        "nl": "De looptijd: 2025-2028 of 2025-01-01:2028-12-31 (standaard: naar de termijnen).",
        "en": "The term: 2025-2028 or 2025-01-01:2028-12-31 (default: from the deadlines).",
    },
    "help.import.mapping": {
        "nl": "Koppel een kolom aan een veld, bijvoorbeeld --map 'Wie=owner' (herhaalbaar).",
        "en": "Map a column to a field, e.g. --map 'Wie=owner' (repeatable).",
    },
    "help.import.monitor": {
        "nl": "Waar de metingen van een werkmap heen gaan (mag nog niet bestaan).",
        "en": "Where a workbook's measurements go (must not exist).",
    },
    "help.import.parties": {
        "nl": "Een set met de partijen en groepen die de tabel noemt (naam of id); ze gaan "
        "ongewijzigd mee in de nieuwe set.",
        "en": "A set whose parties and groups the table names (by name or id); they go into "
        "the new set as they are.",
    },
    "help.import.only_set": {
        "nl": "Neem uit een tabel met meerdere sets alleen de rijen van deze set (kolom set).",
        "en": "Take only the rows of this set from a table of several (its set column).",
    },
    # rules
    "help.rules": {
        "nl": "Toon de regels: code, standaard ernst, toelichting, een goed en een fout "
        "voorbeeld.\n\nMet een of meer codes alleen die regels.\n\nVoorbeelden:\n\n  prestatie rules\n\n"
        "  prestatie rules S101 --lang en",
        "en": "List the rules: code, default severity, rationale, a passing and a failing "
        "example.\n\nWith one or more codes only those rules.\n\nExamples:\n\n  prestatie rules\n\n"
        "  prestatie rules S101 --lang en",
    },
    "help.rules.codes": {
        "nl": "Alleen deze regels, bijvoorbeeld S101 (standaard: alle).",
        "en": "Only these rules, e.g. S101 (default: all).",
    },
    # fmt
    "help.fmt": {
        "nl": "Geef afspraak-, monitor- en configuratiebestanden één vaste opmaak; al het "
        "commentaar blijft.\n\nAfsluitcode 0: klaar (met --check: niets te veranderen); 1: "
        "met --check: een bestand zou veranderen; 2: een bestand kon niet veilig worden "
        "opgemaakt en bleef zoals het was.\n\nVoorbeelden:\n\n  prestatie fmt afspraken/ "
        "monitor/\n\n  prestatie fmt --check",
        "en": "Give agreement, monitor and configuration files one canonical layout, keeping "
        "every comment.\n\nExit code 0: done (or, with --check, nothing to change); 1: with "
        "--check, a file would change; 2: a file could not be formatted safely and was left "
        "as it is.\n\nExamples:\n\n  prestatie fmt afspraken/ monitor/\n\n"
        "  prestatie fmt --check",
    },
    "help.fmt.paths": {
        "nl": "Bestanden of mappen (daarin *.yaml en *.yml; standaard: de hele repository).",
        "en": "Files or directories (searched for *.yaml and *.yml; default: the repository).",
    },
    "help.fmt.check_only": {
        "nl": "Schrijf niets; sluit af met 1 als een bestand niet in de vaste opmaak staat.",
        "en": "Write nothing; exit 1 when a file is not in the canonical layout.",
    },
    # schema
    "help.schema": {
        "nl": "Schrijf het JSON-schema van elke soort bestand, voor editors en andere "
        "programma's.\n\nVoorbeeld: prestatie schema --output-dir schemas/",
        "en": "Write the JSON Schema of each kind of file, for editors and other tools.\n\n"
        "Example: prestatie schema --output-dir schemas/",
    },
    "help.schema.output_dir": {
        "nl": "Waar de schemabestanden komen (gemaakt als de map ontbreekt; de mappen "
        "erboven met --parents).",
        "en": "Where to write the schema files (made if missing; its parents with --parents).",
    },
    "help.schema.check_only": {
        "nl": "Schrijf niets; sluit af met 1 als een bestand verouderd is.",
        "en": "Write nothing; exit 1 when a file is out of date.",
    },
    "help.schema.lang": {
        "nl": "Taal van de uitleg in de schema's (standaard: nl).",
        "en": "Language of the schema's descriptions (default: nl).",
    },
    # lsp
    "help.lsp": {
        "nl": "Start een language server voor editors (stdin en stdout): de meldingen van "
        "'prestatie check' terwijl u typt, aanvullen, uitleg bij velden, regels en ids, "
        "naar de definitie gaan, snelle correcties en opmaak.\n\nVoorbeeld: prestatie lsp",
        "en": "Start a language server for editors (stdin and stdout): the findings of "
        "'prestatie check' while you type, completion, explanations of fields, rules and ids, "
        "go to definition, quick fixes and formatting.\n\nExample: prestatie lsp",
    },
    "lsp.terminal": {
        "nl": "prestatie lsp wacht op een editor, die met de server praat via stdin en stdout "
        "(Language Server Protocol). Hoe u uw editor instelt, staat onder 'In de editor' in "
        "de README. Stoppen: Ctrl-D of Ctrl-C.",
        "en": "prestatie lsp waits for an editor, which talks to the server over stdin and "
        "stdout (Language Server Protocol). How to set up your editor is under 'In de editor' "
        "in the README. To stop: Ctrl-D or Ctrl-C.",
    },
    # Placeholders of values in the help and the usage line.
    "rules.unknown": {
        "nl": "Er is geen regel {code} (dichtbij: {near}); 'prestatie rules' toont ze alle.",
        "en": "There is no rule {code} (close: {near}); 'prestatie rules' lists them all.",
    },
    "rules.unknown.far": {
        "nl": "Er is geen regel {code}; 'prestatie rules' toont ze alle.",
        "en": "There is no rule {code}; 'prestatie rules' lists them all.",
    },
    "cli.metavar.options": {"nl": "[OPTIES]", "en": "[OPTIONS]"},
    "cli.metavar.command": {"nl": "OPDRACHT [ARGUMENTEN]...", "en": "COMMAND [ARGS]..."},
    "cli.metavar.path": {"nl": "PAD", "en": "PATH"},
    "cli.metavar.paths": {"nl": "PAD", "en": "PATH"},
    "cli.metavar.file": {"nl": "BESTAND", "en": "FILE"},
    "cli.metavar.dir": {"nl": "MAP", "en": "DIR"},
    "cli.metavar.date": {"nl": "DATUM", "en": "DATE"},
    "cli.metavar.lang": {"nl": "TAAL", "en": "LANG"},
    "cli.metavar.format": {"nl": "FORMAAT", "en": "FORMAT"},
    "cli.metavar.choice": {"nl": "KEUZE", "en": "CHOICE"},
    "cli.metavar.party": {"nl": "PARTIJ", "en": "PARTY"},
    "cli.metavar.theme": {"nl": "THEMA", "en": "THEME"},
    "cli.metavar.revision": {"nl": "REVISIE", "en": "REVISION"},
    "cli.metavar.revisions": {"nl": "REVISIE", "en": "REVISION"},
    "cli.metavar.year": {"nl": "JAAR", "en": "YEAR"},
    "cli.metavar.number": {"nl": "GETAL", "en": "NUMBER"},
    "cli.metavar.map": {"nl": "KOLOM=VELD", "en": "COLUMN=FIELD"},
    "cli.metavar.period": {"nl": "LOOPTIJD", "en": "TERM"},
    "cli.metavar.status": {"nl": "STATUS", "en": "STATUS"},
    "cli.metavar.state": {"nl": "STAND", "en": "STATE"},
    "cli.metavar.id": {"nl": "ID", "en": "ID"},
    "cli.metavar.name": {"nl": "NAAM", "en": "NAME"},
    "cli.metavar.text": {"nl": "TEKST", "en": "TEXT"},
    "cli.metavar.requirement": {"nl": "PAKKET", "en": "PACKAGE"},
    "cli.metavar.agreement": {"nl": "AFSPRAAK", "en": "AGREEMENT"},
    "cli.metavar.value": {"nl": "WAARDE", "en": "VALUE"},
    "cli.metavar.directory": {"nl": "MAP", "en": "DIR"},
    "cli.metavar.source": {"nl": "TABEL", "en": "TABLE"},
    "cli.metavar.codes": {"nl": "CODE", "en": "CODE"},
    "cli.metavar.level": {"nl": "NIVEAU", "en": "LEVEL"},
    # The fixed words of the help.
    "cli.words.usage": {"nl": "Gebruik", "en": "Usage"},
    "cli.words.arguments": {"nl": "Argumenten", "en": "Arguments"},
    "cli.words.options": {"nl": "Opties", "en": "Options"},
    "cli.words.commands": {"nl": "Opdrachten", "en": "Commands"},
    "cli.words.default": {"nl": "standaard", "en": "default"},
    "cli.words.required": {"nl": "verplicht", "en": "required"},
    # Usage errors (exit code 2).
    "cli.error.see-help": {
        "nl": "'{command}' toont alle opties.",
        "en": "'{command}' shows every option.",
    },
    "cli.error.no-such-option": {
        "nl": "Onbekende optie {option}.",
        "en": "Unknown option {option}.",
    },
    "cli.error.no-such-command": {
        "nl": "Onbekende opdracht '{command}'.",
        "en": "Unknown command '{command}'.",
    },
    "cli.error.missing-command": {
        "nl": "Geef een opdracht, bijvoorbeeld check of status.",
        "en": "Give a command, for example check or status.",
    },
    "cli.error.missing-option": {
        "nl": "De optie {name} ontbreekt; die is verplicht.",
        "en": "The option {name} is missing; it is required.",
    },
    "cli.error.missing-argument": {
        "nl": "{name} ontbreekt; die is verplicht.",
        "en": "{name} is missing; it is required.",
    },
    "cli.error.needs-value": {
        "nl": "Na {option} hoort een waarde.",
        "en": "{option} needs a value.",
    },
    "cli.error.no-value": {
        "nl": "{option} neemt geen waarde.",
        "en": "{option} takes no value.",
    },
    "cli.error.extra": {
        "nl": "Te veel argumenten: {arguments}.",
        "en": "Too many arguments: {arguments}.",
    },
    "cli.error.choice": {
        "nl": "'{value}' kan niet bij {name}; kies uit: {choices}.",
        "en": "'{value}' cannot go with {name}; choose from: {choices}.",
    },
    "cli.error.integer": {
        "nl": "'{value}' bij {name} is geen geheel getal.",
        "en": "'{value}' for {name} is not a whole number.",
    },
    "cli.error.range": {
        "nl": "{name} moet tussen {min} en {max} liggen, niet {value}.",
        "en": "{name} must lie between {min} and {max}, not {value}.",
    },
    "cli.error.value": {
        "nl": "'{value}' kan niet bij {name}.",
        "en": "'{value}' cannot go with {name}.",
    },
    "cli.nothing-written": {"nl": "Er is niets geschreven.", "en": "Nothing was written."},
    "cli.error.invalid": {
        "nl": "Ongeldige waarde bij {name}: {message}",
        "en": "Invalid value for {name}: {message}",
    },
    "cli.error.environment": {
        "nl": "{name}={value} is geen taal van prestatie; kies nl of en "
        "(Use {name}=nl or {name}=en).",
        "en": "{name}={value} is not a language of prestatie; choose nl or en "
        "(Gebruik {name}=nl of {name}=en).",
    },
    "cli.error.aborted": {"nl": "Afgebroken.", "en": "Aborted."},
    "cli.error.bug": {
        "nl": "onverwachte fout ({error}). Dit is een fout in prestatie; meld hem, met de "
        "opdracht die u gaf.",
        "en": "unexpected error ({error}). This is a bug in prestatie; please report it "
        "with the command you ran.",
    },
}


class _Keep(dict[str, str]):
    """Leaves an unknown placeholder visible instead of failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def text(key: str, lang: Language, params: Mapping[str, str | float] | None = None) -> str:
    """The sentence for ``key`` in ``lang`` with ``params`` filled in; numbers as people write them."""
    return filled(key, lang, shown(params or {}, lang))


def shown(params: Mapping[str, str | float], lang: Language) -> dict[str, str]:
    """``params`` as a sentence shows them: numbers as people write them (see ``filled``)."""
    return {
        name: number(value, lang) if isinstance(value, float) else str(value)
        for name, value in params.items()
    }


def filled(key: str, lang: Language, params: Mapping[str, str]) -> str:
    """The sentence for ``key`` in ``lang`` with ``params``, already ``shown``, filled in:
    for several sentences with the same params, each shown once."""
    return CATALOGUE[key][lang].format_map(_Keep(params))


def number(value: float, lang: Language) -> str:
    """A number as people write it: thousands grouped, at most two decimals, a decimal
    comma in Dutch; beyond a thousand billion in scientific notation."""
    if math.isinf(value):  # a total too large to add up; "inf" is no word in either language
        return "∞" if value > 0 else "-∞"
    if not math.isfinite(value) or abs(value) >= 1e15:
        shown = f"{value:.3g}"
        return shown.replace(".", ",") if lang == "nl" else shown
    shown = f"{round(value, 2):,.2f}".rstrip("0").rstrip(".")
    if shown in ("-0", ""):
        shown = "0"
    if lang == "nl":
        return shown.replace(",", " ").replace(".", ",").replace(" ", ".")
    return shown


_MONTHS: dict[Language, tuple[str, ...]] = {
    "nl": (
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip


def written_date(day: date, lang: Language) -> str:
    """A date as a sentence writes it: '1 juli 2026', '1 July 2026'."""
    return f"{day.day} {_MONTHS[lang][day.month - 1]} {day.year}"


def has(key: str) -> bool:
    return key in CATALOGUE


def register(entries: Mapping[str, Mapping[Language, str]]) -> None:
    """Add wording kept elsewhere (each rule keeps its own) to the catalogue.

    Registering the same wording again changes nothing; other wording under a key
    that is taken would silently replace a sentence, so it is refused.
    """
    for key, entry in entries.items():
        wording = {lang: entry[lang] for lang in LANGUAGES}
        if CATALOGUE.setdefault(key, wording) != wording:
            raise ValueError(f"the catalogue has other wording for {key}")


_LANGUAGE: ContextVar[Language] = ContextVar("language", default="nl")


def use_language(lang: Language) -> None:
    """Remember the language chosen for this run, for messages of errors raised deep down."""
    _LANGUAGE.set(lang)


def current_language() -> Language:
    return _LANGUAGE.get()
