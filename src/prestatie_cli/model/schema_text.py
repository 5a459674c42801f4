"""What the JSON Schemas say about each field, in Dutch and English.

An editor shows these texts when a field is hovered or completed. Each text is Markdown
(``markdownDescription``); the plain ``description`` is the same text without the
backticks. Tables are keyed by the model's class name and the field's name, as pydantic
names them in the schema; a test proves every property and every value of every enum has
its text in both languages.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from prestatie_cli.messages import CATALOGUE, Language

Wording = Mapping[Language, str]


def _t(nl: str, en: str) -> Wording:
    return {"nl": nl, "en": en}


# The stable identity of each schema. No host name: the schemas are files in the user's
# repository (and in this one), not documents served from an address.
SCHEMA_ID = "urn:prestatie:schema:{kind}:1"

# The title of each schema file and of each model in it.
TITLES: dict[str, Wording] = {
    "AgreementSet": _t("Prestatieafspraken (set)", "Performance agreements (set)"),
    "Monitor": _t("Monitor (metingen)", "Monitor (measurements)"),
    "Config": _t("Instellingen (prestatie.yaml)", "Settings (prestatie.yaml)"),
    "Period": _t("Looptijd", "Term"),
    "Party": _t("Partij", "Party"),
    "Group": _t("Groep", "Group"),
    "Baseline": _t("Nulmeting", "Baseline"),
    "YearValue": _t("Waarde per jaar", "Value per year"),
    "Share": _t("Aandeel", "Share"),
    "Target": _t("Streefwaarde", "Target"),
    "Milestone": _t("Jaarschijf / tussendoel", "Milestone"),
    "Amendment": _t("Wijziging van een afspraak", "Amendment of an agreement"),
    "SetAmendment": _t("Wijziging van de set", "Amendment of the set"),
    "Condition": _t("Voorbehoud", "Condition"),
    "Answer": _t("Antwoord op een verzoek", "Answer to a request"),
    "Waiver": _t("Uitzondering", "Waiver"),
    "Agreement": _t("Afspraak", "Agreement"),
    "Bid": _t("Bod", "Bid"),
    "Signature": _t("Ondertekening", "Signature"),
    "Measurement": _t("Meting", "Measurement"),
    "MonitorWaiver": _t("Toelichting (uitzondering in de monitor)", "Explanation (monitor waiver)"),
    "ConditionRecord": _t("Stand van een voorbehoud", "State of a condition"),
    "Thresholds": _t("Drempels", "Thresholds"),
}

# What each model is, shown for the object as a whole.
MODEL_TEXT: dict[str, Wording] = {
    "AgreementSet": _t(
        "Eén ondertekende set prestatieafspraken van gemeente, corporatie(s) en "
        "huurdersorganisatie(s): partijen, afspraken en handtekeningen.",
        "One signed set of performance agreements of municipality, corporation(s) and "
        "tenants' organisation(s): parties, agreements and signatures.",
    ),
    "Monitor": _t(
        "De metingen bij de afspraken van één set, aangevuld tijdens de looptijd. Een "
        "meting verandert nooit wat er getekend is.",
        "The measurements of the agreements of one set, added during the term. A "
        "measurement never changes what was signed.",
    ),
    "Config": _t(
        "De instellingen van `prestatie`: taal, ernst van regels, drempels voor het "
        "stoplicht en namen van eigen thema's.",
        "The settings of `prestatie`: language, severity of rules, thresholds of the "
        "traffic light and names of your own themes.",
    ),
    "Period": _t(
        "De looptijd van de set: de eerste en de laatste dag.",
        "The term of the set: its first and last day.",
    ),
    "Party": _t(
        "Een partij bij de afspraken: gemeente, corporatie, huurdersorganisatie of een andere.",
        "A party to the agreements: municipality, corporation, tenants' organisation or other.",
    ),
    "Group": _t(
        "Partijen die samen optreden maar elk zelf tekenen, zoals 'de corporaties'.",
        "Parties that act together but each sign themselves, such as 'the corporations'.",
    ),
    "Baseline": _t(
        "De nulmeting: de gemeten waarde bij het begin, met haar datum.",
        "The baseline: the value measured at the start, with its date.",
    ),
    "YearValue": _t(
        "De waarde van het doel in één jaar, waar die afwijkt van `value`.",
        "The target's value in one year, where it differs from `value`.",
    ),
    "Share": _t(
        "Het deel van één categorie in een verdeling van het doel, in procenten.",
        "One category's part of a split of the target, in percent.",
    ),
    "Target": _t(
        "Wat er gemeten wordt en welke waarde als gehaald telt.",
        "What is measured and which value counts as achieved.",
    ),
    "Milestone": _t(
        "Een tussendoel (jaarschijf): de waarde die op een datum gehaald moet zijn.",
        "An intermediate target (year slice): the value to reach by a date.",
    ),
    "Amendment": _t(
        "Een tussentijdse wijziging van een afspraak: wanneer, waarom en wie instemde.",
        "A change to an agreement during the term: when, why and who consented.",
    ),
    "SetAmendment": _t(
        "Een wijziging van de hele set (langere looptijd, ingetrokken afspraken), met "
        "instemming van alle partijen.",
        "A change to the whole set (a longer term, withdrawn agreements), with the "
        "consent of all parties.",
    ),
    "Condition": _t(
        "Een voorbehoud: waar de afspraak van afhangt. De stand ervan staat in de monitor.",
        "A condition the agreement depends on. Its state is recorded in the monitor.",
    ),
    "Answer": _t(
        "Het antwoord van de gevraagde partij op een verzoek. Laat weg zolang niemand "
        "heeft geantwoord.",
        "The asked party's answer to a request. Leave it out while nobody has answered.",
    ),
    "Waiver": _t(
        "Een bewuste, zichtbare uitzondering op één regel, eventueel tot een datum.",
        "A deliberate, visible exception to one rule, optionally until a date.",
    ),
    "Agreement": _t(
        "Eén genummerde afspraak, zoals ondertekend.",
        "One numbered agreement, as signed.",
    ),
    "Bid": _t(
        "Het bod van een corporatie: haar voorgenomen activiteiten, vóór 1 juli.",
        "A corporation's bid: its intended activities, before 1 July.",
    ),
    "Signature": _t(
        "De ondertekening van de set door één partij.",
        "One party's signature of the set.",
    ),
    "Measurement": _t(
        "Eén gemeten waarde van één afspraak, met bron en melder.",
        "One measured value of one agreement, with its source and reporter.",
    ),
    "MonitorWaiver": _t(
        "Een toelichting in de monitor die een melding over de voortgang van één "
        "afspraak uitzondert (bijv. T504 bij een niet gehaald doel).",
        "An explanation in the monitor that waives a progress finding of one agreement "
        "(e.g. T504 for a target not met).",
    ),
    "ConditionRecord": _t(
        "De stand van één voorbehoud van één afspraak vanaf een datum.",
        "The state of one condition of one agreement from a date on.",
    ),
    "Thresholds": _t(
        "Wanneer de voortgang op koers, een risico of onhaalbaar is.",
        "When progress counts as on track, at risk or unrealistic.",
    ),
}


def _kind(kind: str) -> Wording:
    return _t(
        f"Soort bestand: altijd `{kind}` in dit bestand, op de eerste regel met `version`.",
        f"Kind of file: always `{kind}` in this file, at the top with `version`.",
    )


_VERSION = _t(
    "Versie van het formaat: `1`.",
    "Version of the format: `1`.",
)
_NOTE = _t(
    "Een toelichting in gewone taal, voor wie het later leest.",
    "An explanation in plain words, for whoever reads it later.",
)
_AGREED_BY = _t(
    "De ids van de partijen die instemden, bijv. `[gemeente, corp-mozaiek, hv-bodegraven]`. "
    "Stemt niet iedere partij in, dan volgt een waarschuwing.",
    "The ids of the parties that consented, e.g. `[gemeente, corp-mozaiek, hv-bodegraven]`. "
    "A warning follows unless every party consented.",
)
_SUMMARY = _t(
    "Wat er veranderde, in één zin, bijv. `Termijn verschoven van 2018 naar 2019.`",
    "What changed, in one sentence, e.g. `Deadline moved from 2018 to 2019.`",
)
_RULE = _t(
    "De code van de regel, bijv. `M203` (`prestatie rules` toont ze alle).",
    "The code of the rule, e.g. `M203` (`prestatie rules` lists them all).",
)
_UNTIL = _t(
    "Optioneel: tot en met deze dag geldt de uitzondering, daarna komt de melding terug. "
    "Vorm `JJJJ-MM-DD`.",
    "Optional: the waiver holds until this day, after it the finding returns. Form `YYYY-MM-DD`.",
)
_WAIVERS = _t(
    "Bewuste uitzonderingen op een regel, elk met reden (en eventueel `until`). "
    "Uitgezonderde meldingen tellen apart in de samenvatting.",
    "Deliberate exceptions to a rule, each with a reason (and optionally `until`). "
    "Waived findings are counted apart in the summary.",
)

# model -> field -> text. Every property of every model has one.
FIELDS: dict[str, dict[str, Wording]] = {
    "AgreementSet": {
        "kind": _kind("agreements"),
        "version": _VERSION,
        "id": _t(
            "Vaste naam van de set; de monitor verwijst ernaar met `set:`. Letters, cijfers, "
            "`.`, `_` of `-`, bijv. `bodegraven-reeuwijk-2016-2019`.",
            "Fixed name of the set; the monitor refers to it with `set:`. Letters, digits, "
            "`.`, `_` or `-`, e.g. `bodegraven-reeuwijk-2016-2019`.",
        ),
        "title": _t(
            "Titel zoals op het document, bijv. `Prestatieafspraken Bodegraven-Reeuwijk 2016-2019`.",
            "Title as on the document, e.g. `Prestatieafspraken Bodegraven-Reeuwijk 2016-2019`.",
        ),
        "period": _t(
            "De looptijd: `start` en `end`, de eerste en de laatste dag, bijv. "
            "`{start: 2016-01-01, end: 2019-12-31}`.",
            "The term: `start` and `end`, the first and the last day, e.g. "
            "`{start: 2016-01-01, end: 2019-12-31}`.",
        ),
        "basis": _t(
            "Waar de afspraken op steunen, bijv. `Woonvisie Bodegraven-Reeuwijk, vastgesteld "
            "in december 2015`.",
            "What the agreements rest on, e.g. `Woonvisie Bodegraven-Reeuwijk, vastgesteld "
            "in december 2015` (the housing vision).",
        ),
        "frame": _t(
            "Alleen bij een jaarschijf: de id van de kaderafspraak die zij uitwerkt, bijv. "
            "`weidemeer-2026-2029`. Controleer beide samen.",
            "Only for a year slice: the id of the multi-year frame agreement it works out, "
            "e.g. `weidemeer-2026-2029`. Check both together.",
        ),
        "parties": _t(
            "De partijen: elk met `id`, `name` en `role`. Gemeente, corporatie en "
            "huurdersorganisatie horen er alle drie bij (de lokale driehoek).",
            "The parties: each with `id`, `name` and `role`. Municipality, corporation and "
            "tenants' organisation all belong here (the local triangle).",
        ),
        "groups": _t(
            "Partijen die samen optreden maar elk zelf tekenen, bijv. "
            "`- {id: corporaties, name: De corporaties, members: corporatie}`. Een groep kan "
            "trekker of bijdrager zijn; de afspraak telt dan voor elk lid.",
            "Parties that act together but each sign themselves, e.g. "
            "`- {id: corporaties, name: De corporaties, members: corporatie}`. A group can be "
            "owner or contributor; the agreement then counts for each member.",
        ),
        "bids": _t(
            "Het bod van de corporatie(s) op deze set (vóór 1 juli van het jaar ervoor), bijv. "
            "`- {party: corp-oever, date: 2025-06-27}`.",
            "The bid of the corporation(s) for this set (before 1 July of the year before), "
            "e.g. `- {party: corp-oever, date: 2025-06-27}`.",
        ),
        "agreements": _t(
            "De afspraken, elk met een vaste `id` (bijv. `BS-01`), `title`, `theme`, `kind`, "
            "trekker (`owner`) en, bij een resultaatafspraak, een `target` en `deadline`.",
            "The agreements, each with a fixed `id` (e.g. `BS-01`), `title`, `theme`, `kind`, "
            "owner and, for a result agreement, a `target` and `deadline`.",
        ),
        "amendments": _t(
            "Wijzigingen van de hele set met instemming van alle partijen: een langere "
            "looptijd (`extends_to`) of ingetrokken afspraken (`withdraws`).",
            "Changes to the whole set with the consent of all parties: a longer term "
            "(`extends_to`) or withdrawn agreements (`withdraws`).",
        ),
        "signatures": _t(
            "De ondertekening: per partij `party`, `name` (wie tekende) en `date`. "
            "`prestatie sign` voegt er een toe, met de `digest` van wat getekend is.",
            "The signatures: per party `party`, `name` (who signed) and `date`. "
            "`prestatie sign` adds one, with the `digest` of what was signed.",
        ),
        "waivers": _WAIVERS,
    },
    "Period": {
        "start": _t(
            "De eerste dag van de looptijd, `JJJJ-MM-DD`, bijv. `2016-01-01`.",
            "The first day of the term, `YYYY-MM-DD`, e.g. `2016-01-01`.",
        ),
        "end": _t(
            "De laatste dag van de looptijd, `JJJJ-MM-DD`, bijv. `2019-12-31`.",
            "The last day of the term, `YYYY-MM-DD`, e.g. `2019-12-31`.",
        ),
    },
    "Party": {
        "id": _t(
            "Korte, vaste naam waarmee de rest van het bestand naar de partij verwijst, bijv. "
            "`gemeente`, `corp-mozaiek`, `hv-bodegraven`.",
            "Short, fixed name by which the rest of the file refers to the party, e.g. "
            "`gemeente`, `corp-mozaiek`, `hv-bodegraven`.",
        ),
        "name": _t(
            "De volledige naam, bijv. `Huurdersvereniging Bodegraven`.",
            "The full name, e.g. `Huurdersvereniging Bodegraven`.",
        ),
        "role": _t(
            "De rol in de lokale driehoek: `gemeente`, `corporatie`, `huurdersorganisatie` "
            "of `overig` (zorg, welzijn).",
            "The role in the local triangle: `gemeente` (municipality), `corporatie` "
            "(corporation), `huurdersorganisatie` (tenants) or `overig` (care, welfare).",
        ),
        "joined": _t(
            "De dag waarop de partij later aansloot, bijv. met een addendum: `2026-09-01`.",
            "The day the party joined later, e.g. by an addendum: `2026-09-01`.",
        ),
        "left": _t(
            "De dag waarop de partij ophield partij te zijn, bijv. door een fusie: "
            "`2026-07-01`. Vanaf die dag telt zij niet meer mee.",
            "The day the party stopped being one, e.g. by a merger: `2026-07-01`. From "
            "that day on it no longer counts.",
        ),
        "successor": _t(
            "De partij die na `left` haar afspraken overneemt (de fusiecorporatie), bijv. "
            "`corp-polderoever`.",
            "The party that carries on its agreements after `left` (the merged corporation), "
            "e.g. `corp-polderoever`.",
        ),
        "note": _t(
            "Een toelichting, bijv. `Heeft geen woningbezit in de gemeente, neemt wel deel.`",
            "A note, e.g. `Heeft geen woningbezit in de gemeente, neemt wel deel.`",
        ),
    },
    "Group": {
        "id": _t(
            "Vaste naam van de groep, te gebruiken als trekker of bijdrager, bijv. `corporaties`.",
            "Fixed name of the group, to use as owner or contributor, e.g. `corporaties`.",
        ),
        "name": _t(
            "De naam zoals het document hem noemt, bijv. `De corporaties`.",
            "The name as the document uses it, e.g. `De corporaties`.",
        ),
        "members": _t(
            "De leden: een lijst partij-ids (`[corp-a, corp-b]`), `all` (alle partijen) of "
            "een rol (`corporatie`: elke corporatie).",
            "The members: a list of party ids (`[corp-a, corp-b]`), `all` (every party) or "
            "a role (`corporatie`: every corporation).",
        ),
        "note": _NOTE,
    },
    "Baseline": {
        "value": _t(
            "De gemeten waarde bij het begin, bijv. `0` nieuwe woningen of `1240` woningen "
            "met label E/F/G.",
            "The value measured at the start, e.g. `0` new homes or `1240` homes with label E/F/G.",
        ),
        "date": _t(
            "De peildatum van de nulmeting, `JJJJ-MM-DD`, bijv. `2016-01-01`.",
            "The date the baseline describes, `YYYY-MM-DD`, e.g. `2016-01-01`.",
        ),
    },
    "YearValue": {
        "year": _t(
            "Het jaar, voluit, bijv. `2027`.",
            "The year, in full, e.g. `2027`.",
        ),
        "value": _t(
            "De waarde van het doel in dat jaar, bijv. `700.72` (een geïndexeerd plafond).",
            "The target's value in that year, e.g. `700.72` (an indexed cap).",
        ),
        "note": _NOTE,
    },
    "Share": {
        "category": _t(
            "De categorie, bijv. `sociale huur` of `middenhuur`.",
            "The category, e.g. `sociale huur` (social rent) or `middenhuur` (mid-rent).",
        ),
        "share": _t(
            "Het aandeel van de categorie in procenten, 0 tot 100, bijv. `60`. De aandelen "
            "tellen samen op tot 100.",
            "The category's share in percent, 0 to 100, e.g. `60`. The shares add up to 100.",
        ),
        "value": _t(
            "Optioneel: het eigen getal van de categorie, bijv. `72` woningen.",
            "Optional: the category's own figure, e.g. `72` homes.",
        ),
    },
    "Target": {
        "metric": _t(
            "Wat er gemeten wordt, bijv. `opgeleverde nieuwe sociale huurwoningen`.",
            "What is measured, e.g. `opgeleverde nieuwe sociale huurwoningen` (new social "
            "rental homes delivered).",
        ),
        "unit": _t(
            "De eenheid van `value`, bijv. `woningen`, `procent`, `euro`, `huishoudens`.",
            "The unit of `value`, e.g. `woningen` (homes), `procent`, `euro`, `huishoudens`.",
        ),
        "value": _t(
            "De streefwaarde, een getal zonder punt als duizendtal (`3000`, niet `3.000`). "
            "Bij `between` de ondergrens; bij `index` de afwijking van de index (`-0.5` voor "
            "'inflatie min 0,5 procentpunt').",
            "The target figure, a number without a thousands point (`3000`, not `3.000`). "
            "With `between` the lower bound; with `index` the offset from the index (`-0.5` "
            "for 'inflation minus 0.5 point').",
        ),
        "comparison": _t(
            "Hoe een meting met `value` vergeleken wordt: `at_least` (minimaal), `at_most` "
            "(hoogstens), `exactly` of `between` (met `upper`).",
            "How a measurement is compared with `value`: `at_least`, `at_most`, `exactly` or "
            "`between` (with `upper`).",
        ),
        "upper": _t(
            "De bovengrens van een bereik, alleen bij `comparison: between`, bijv. "
            "`{value: 850, comparison: between, upper: 1000}`.",
            "The upper bound of a range, only with `comparison: between`, e.g. "
            "`{value: 850, comparison: between, upper: 1000}`.",
        ),
        "approximate": _t(
            "`true` als het document 'circa', 'ongeveer' of 'bijna' zegt.",
            "`true` when the document says 'circa', 'ongeveer' or 'bijna' (about, nearly).",
        ),
        "index": _t(
            "Een index waarvan het doel een afwijking is, bijv. `inflatie (CPI)`. Elke meting "
            "noemt dan ook de stand van de index (`index:` in de monitor).",
            "An outside index the target is an offset from, e.g. `inflatie (CPI)`. Each "
            "measurement then records the index's value too (`index:` in the monitor).",
        ),
        "counting": _t(
            "Hoe woningen geteld worden: `net` (nieuw min sloop en verkoop) of `gross` "
            "(alleen nieuw).",
            "How homes are counted: `net` (new minus demolished and sold) or `gross` (new only).",
        ),
        "per_year": _t(
            "De waarde per jaar waar die afwijkt van `value`, bijv. "
            "`[{year: 2027, value: 700.72}]` (een geïndexeerd plafond).",
            "The value per year where it differs from `value`, e.g. "
            "`[{year: 2027, value: 700.72}]` (an indexed cap).",
        ),
        "split": _t(
            "De verdeling van het doel over categorieën, in procenten, bijv. "
            "`[{category: sociale huur, share: 60}, {category: middenhuur, share: 40}]`.",
            "How the target divides over categories, in percent, e.g. "
            "`[{category: sociale huur, share: 60}, {category: middenhuur, share: 40}]`.",
        ),
        "cumulative": _t(
            "`true`: metingen tellen op (opgeleverde woningen per jaar); `false` (standaard): "
            "elke meting is de stand op haar datum (een voorraad, een percentage).",
            "`true`: measurements add up (homes delivered per year); `false` (default): each "
            "measurement is the level on its date (a stock, a percentage).",
        ),
        "recurring": _t(
            "Het doel geldt per periode, elke meting los, bijv. een jaarlijkse huurstijging "
            "van hoogstens de inflatie: `yearly`.",
            "The target holds per period, each measurement on its own, e.g. a yearly rent "
            "increase of at most inflation: `yearly`.",
        ),
        "baseline": _t(
            "De nulmeting: `{value: 0, date: 2016-01-01}`. De voortgang loopt van hier (0 %) "
            "naar `value` (100 %).",
            "The baseline: `{value: 0, date: 2016-01-01}`. Progress runs from here (0 %) to "
            "`value` (100 %).",
        ),
        "source": _t(
            "Waar het doel vandaan komt, bijv. `Nationale prestatieafspraken 2022`.",
            "Where the target comes from, e.g. `Nationale prestatieafspraken 2022` (the "
            "national agreements).",
        ),
    },
    "Milestone": {
        "date": _t(
            "De datum waarop het tussendoel gehaald moet zijn, bijv. `2017-12-31`.",
            "The date the intermediate target is due, e.g. `2017-12-31`.",
        ),
        "value": _t(
            "De waarde die op die datum gehaald moet zijn, bijv. `60`.",
            "The value to reach by that date, e.g. `60`.",
        ),
        "note": _NOTE,
    },
    "Amendment": {
        "date": _t(
            "De dag waarop de partijen de wijziging afspraken, bijv. `2017-06-27`.",
            "The day the parties agreed the change, e.g. `2017-06-27`.",
        ),
        "reason": _t(
            "Waarom de afspraak veranderde, bijv. `Vertraging in de bestemmingsplanprocedure.`",
            "Why the agreement changed, e.g. `Vertraging in de bestemmingsplanprocedure.` "
            "(delay in the zoning procedure).",
        ),
        "agreed_by": _AGREED_BY,
        "summary": _SUMMARY,
    },
    "SetAmendment": {
        "date": _t(
            "De dag waarop de partijen de wijziging van de set afspraken, bijv. `2027-11-30`.",
            "The day the parties agreed the change to the set, e.g. `2027-11-30`.",
        ),
        "reason": _t(
            "Waarom de set veranderde, bijv. `Looptijd verlengd tot de nieuwe woonvisie.`",
            "Why the set changed, e.g. `Looptijd verlengd tot de nieuwe woonvisie.` (term "
            "extended until the new housing vision).",
        ),
        "agreed_by": _AGREED_BY,
        "summary": _SUMMARY,
        "extends_to": _t(
            "De nieuwe laatste dag van de looptijd, bijv. `2030-12-31`.",
            "The new last day of the term, e.g. `2030-12-31`.",
        ),
        "withdraws": _t(
            "De ids van de afspraken die deze wijziging intrekt, bijv. `[SW-05]`. Vanaf "
            "`date` worden ze niet meer beoordeeld.",
            "The ids of the agreements this change withdraws, e.g. `[SW-05]`. From `date` on "
            "they are no longer judged.",
        ),
    },
    "Condition": {
        "id": _t(
            "Vaste naam van het voorbehoud; de monitor noemt het bij `condition:`, bijv. "
            "`rvc-kerkpad`.",
            "Fixed name of the condition; the monitor names it at `condition:`, e.g. "
            "`rvc-kerkpad`.",
        ),
        "text": _t(
            "Het voorbehoud zoals het er staat, bijv. `Goedkeuring door de RvC.`",
            "The condition as written, e.g. `Goedkeuring door de RvC.` (approval by the "
            "supervisory board).",
        ),
        "kind": _t(
            "Soort voorbehoud: `approval` (goedkeuring), `decision` (besluit van buiten), "
            "`assumption` (aanname) of `other`.",
            "Kind of condition: `approval`, `decision` (an outside decision), `assumption` or "
            "`other`.",
        ),
        "by": _t(
            "Wie goedkeurt of besluit, bijv. `Raad van Commissarissen` of `gemeenteraad`.",
            "Who approves or decides, e.g. `Raad van Commissarissen` (supervisory board) or "
            "`gemeenteraad` (council).",
        ),
    },
    "Answer": {
        "state": _t(
            "Het antwoord: `open`, `accepted` (aanvaard) of `declined` (afgewezen).",
            "The answer: `open`, `accepted` or `declined`.",
        ),
        "date": _t(
            "De dag van het antwoord, bijv. `2026-06-15`.",
            "The day of the answer, e.g. `2026-06-15`.",
        ),
        "note": _t(
            "Waar het antwoord staat of wat het inhoudt, bijv. `Grondprijzenbrief 2027`.",
            "Where the answer is written or what it says, e.g. `Grondprijzenbrief 2027`.",
        ),
    },
    "Waiver": {
        "rule": _RULE,
        "reason": _t(
            "Waarom de melding hier bewust niet geldt, bijv. `De nulmeting volgt uit de "
            "woningopname in het eerste kwartaal.`",
            "Why the finding deliberately does not apply here, e.g. `De nulmeting volgt uit "
            "de woningopname in het eerste kwartaal.`",
        ),
        "until": _UNTIL,
    },
    "Agreement": {
        "id": _t(
            "Vaste id van de afspraak, uniek in de set; metingen en rapporten verwijzen "
            "ernaar. Bijv. `BS-01`.",
            "Fixed id of the agreement, unique in the set; measurements and reports refer to "
            "it. E.g. `BS-01`.",
        ),
        "title": _t(
            "Korte titel, bijv. `180 nieuwe sociale huurwoningen`.",
            "Short title, e.g. `180 nieuwe sociale huurwoningen`.",
        ),
        "text": _t(
            "De tekst zoals ondertekend, letterlijk overgenomen. Vage taal ('streven naar', "
            "'zoveel mogelijk') in een resultaatafspraak geeft een waarschuwing (S101).",
            "The wording as signed, copied literally. Vague phrases ('streven naar', 'zoveel "
            "mogelijk') in a result agreement give a warning (S101).",
        ),
        "theme": _t(
            "Het thema (hoofdstuk) van de afspraak, als kort woord met streepjes, bijv. "
            "`beschikbaarheid`, `betaalbaarheid`, `kwaliteit-en-duurzaamheid`, "
            "`wonen-en-zorg`, `leefbaarheid`. Eigen thema's mogen; hun naam in het rapport "
            "staat onder `themes` in `prestatie.yaml`.",
            "The theme (chapter) of the agreement, as a short hyphenated word, e.g. "
            "`beschikbaarheid`, `betaalbaarheid`, `kwaliteit-en-duurzaamheid`, "
            "`wonen-en-zorg`, `leefbaarheid`. Your own themes are allowed; their name in the "
            "report goes under `themes` in `prestatie.yaml`.",
        ),
        "kind": _t(
            "Soort afspraak: `result` (resultaat, standaard), `effort` (inspanning), "
            "`process` (proces), `request` (verzoek aan een andere partij) of `context` "
            "(inleiding of ambitie, geen toezegging).",
            "Kind of agreement: `result` (default), `effort`, `process`, `request` (to "
            "another party) or `context` (introduction or aim, no commitment).",
        ),
        "owner": _t(
            "De trekker: de id van een partij of groep, of een lijst die samen trekt, bijv. "
            "`corp-mozaiek` of `[gemeente, corporaties]`.",
            "The owner: the id of a party or group, or a list that owns it together, e.g. "
            "`corp-mozaiek` or `[gemeente, corporaties]`.",
        ),
        "contributors": _t(
            "Wie er verder iets voor doet (wederkerigheid): ids van partijen of groepen, "
            "bijv. `[gemeente]`.",
            "Who else does something for it (reciprocity): ids of parties or groups, e.g. "
            "`[gemeente]`.",
        ),
        "addressed_to": _t(
            "Alleen bij `kind: request`: de partij of groep aan wie het verzoek gericht is, "
            "bijv. `gemeente`.",
            "Only with `kind: request`: the party or group that is asked, e.g. `gemeente`.",
        ),
        "answer": _t(
            "Alleen bij `kind: request`: het antwoord, bijv. "
            "`{state: accepted, date: 2026-06-15}`. Pas als het verzoek aanvaard is, is het "
            "een toezegging van de gevraagde partij.",
            "Only with `kind: request`: the answer, e.g. `{state: accepted, date: 2026-06-15}`. "
            "Only an accepted request is a commitment of the party asked.",
        ),
        "parent": _t(
            "De afspraak waarvan deze een onderdeel is, bijv. `BS-01`. Bij gelijke eenheden "
            "telt de voortgang van de delen op tot het geheel.",
            "The agreement this one is a part of, e.g. `BS-01`. Where the units are equal, the "
            "progress of the parts adds up to the whole.",
        ),
        "scope": _t(
            "Waar de afspraak geldt: een wijk, een complex, de voorraad van één corporatie, "
            "bijv. `complex Kerkpad`.",
            "Where the agreement applies: a neighbourhood, a complex, one corporation's stock, "
            "e.g. `complex Kerkpad`.",
        ),
        "per_event": _t(
            "Wanneer de afspraak telkens geldt, bijv. `bij iedere mutatie`.",
            "When the agreement applies each time, e.g. `bij iedere mutatie` (at every "
            "change of tenant).",
        ),
        "conditions": _t(
            "Voorbehouden: waar de afspraak van afhangt, elk met `id`, `text`, `kind` en `by`. "
            "Een niet vervuld voorbehoud maakt de afspraak vervallen of opgeschort, niet rood.",
            "Conditions the agreement depends on, each with `id`, `text`, `kind` and `by`. A "
            "condition not met makes the agreement lapsed or suspended, not red.",
        ),
        "target": _t(
            "De meetbare streefwaarde: `metric`, `unit`, `value`, `comparison` en een "
            "nulmeting (`baseline`). Nodig bij een resultaatafspraak.",
            "The measurable target: `metric`, `unit`, `value`, `comparison` and a `baseline`. "
            "Required for a result agreement.",
        ),
        "effective_from": _t(
            "Vanaf deze dag geldt de afspraak; daarvoor wordt niets verwacht of gemeten, "
            "bijv. `2029-01-01`.",
            "From this day the agreement applies; before it nothing is expected or measured, "
            "e.g. `2029-01-01`.",
        ),
        "deadline": _t(
            "De termijn: de dag waarop het doel gehaald moet zijn, binnen de looptijd, bijv. "
            "`2019-12-31`.",
            "The deadline: the day the target must be met, within the term, e.g. `2019-12-31`.",
        ),
        "ongoing": _t(
            "`true` voor een plicht voor de hele looptijd zonder eigen termijn ('blijft "
            "deelnemen', maandelijkse lijsten); elke periode van `frequency` wordt apart "
            "beoordeeld.",
            "`true` for a duty for the whole term without a deadline of its own ('blijft "
            "deelnemen', monthly lists); each period of `frequency` is judged on its own.",
        ),
        "beyond_term": _t(
            "`true` als de afspraak bewust na de looptijd doorloopt, bijv. isolatie tot 2030.",
            "`true` when the agreement deliberately runs past the term, e.g. insulation until "
            "2030.",
        ),
        "frequency": _t(
            "Hoe vaak er gemeten en gerapporteerd wordt. Een ontbrekende meting over een "
            "verstreken periode geeft een melding (P613).",
            "How often progress is measured and reported. A missing measurement of a past "
            "period gives a finding (P613).",
        ),
        "milestones": _t(
            "Tussendoelen (jaarschijven), elk `{date, value}`, bijv. "
            "`- {date: 2017-12-31, value: 60}`. De verwachte voortgang volgt ze.",
            "Intermediate targets (year slices), each `{date, value}`, e.g. "
            "`- {date: 2017-12-31, value: 60}`. The expected progress follows them.",
        ),
        "amendments": _t(
            "Tussentijdse wijzigingen van deze afspraak, met `date`, `reason` en `agreed_by` "
            "(alle partijen). Een wijziging zonder amendement is een fout (P615).",
            "Changes to this agreement during the term, with `date`, `reason` and "
            "`agreed_by` (all parties). A change without an amendment is an error (P615).",
        ),
        "waivers": _WAIVERS,
    },
    "Bid": {
        "party": _t(
            "De id van de corporatie die het bod deed, bijv. `corp-oever`.",
            "The id of the corporation that made the bid, e.g. `corp-oever`.",
        ),
        "date": _t(
            "De dag van het bod, vóór 1 juli van het jaar ervoor, bijv. `2025-06-27`.",
            "The day of the bid, before 1 July of the year before, e.g. `2025-06-27`.",
        ),
        "note": _t(
            "Een toelichting, bijv. `Bod voor de jaarschijf 2026`.",
            "A note, e.g. `Bod voor de jaarschijf 2026` (bid for the 2026 slice).",
        ),
    },
    "Signature": {
        "party": _t(
            "De id van de partij die tekent, bijv. `gemeente`. Een groep tekent nooit; haar "
            "leden tekenen elk zelf.",
            "The id of the signing party, e.g. `gemeente`. A group never signs; its members "
            "each sign themselves.",
        ),
        "name": _t(
            "Wie namens de partij tekende, bijv. `J. de Vries`.",
            "Who signed for the party, e.g. `J. de Vries`.",
        ),
        "date": _t(
            "De dag van ondertekening, bijv. `2016-03-14`.",
            "The day of signing, e.g. `2016-03-14`.",
        ),
        "digest": _t(
            "De vingerafdruk van wat getekend is, `sha256:` en 64 tekens; `prestatie sign` "
            "schrijft hem. Verandert de set daarna, dan is dat een fout (P616).",
            "The fingerprint of what was signed, `sha256:` and 64 characters; `prestatie "
            "sign` writes it. If the set changes afterwards, that is an error (P616).",
        ),
    },
    "Monitor": {
        "kind": _kind("monitor"),
        "version": _VERSION,
        "set": _t(
            "De id van de set waar deze metingen bij horen, bijv. `bodegraven-reeuwijk-2016-2019`.",
            "The id of the set these measurements belong to, e.g. `bodegraven-reeuwijk-2016-2019`.",
        ),
        "measurements": _t(
            "De metingen, elk met `agreement`, `date`, `value`, `source` en `reported_by`. "
            "`prestatie record` voegt er een toe.",
            "The measurements, each with `agreement`, `date`, `value`, `source` and "
            "`reported_by`. `prestatie record` adds one.",
        ),
        "conditions": _t(
            "De stand van voorbehouden: per afspraak en voorbehoud `state` (`open`, `met`, "
            "`not_met`) vanaf `date`, met bron.",
            "The state of conditions: per agreement and condition its `state` (`open`, `met`, "
            "`not_met`) from `date` on, with a source.",
        ),
        "waivers": _t(
            "Toelichtingen op meldingen over de voortgang (T504, R402, P612-P614), per "
            "afspraak; zo verandert een toelichting nooit wat er getekend is.",
            "Explanations of progress findings (T504, R402, P612-P614), per agreement; so an "
            "explanation never changes what was signed.",
        ),
    },
    "Measurement": {
        "agreement": _t(
            "De id van de afspraak waar de meting bij hoort, bijv. `BS-01`.",
            "The id of the agreement the measurement belongs to, e.g. `BS-01`.",
        ),
        "date": _t(
            "De peildatum: de dag die de meting beschrijft (niet de dag van verzenden), bijv. "
            "`2016-12-31`.",
            "The as-of date: the day the measurement describes (not the day it was sent), "
            "e.g. `2016-12-31`.",
        ),
        "value": _t(
            "De gemeten waarde: een getal (`28`), of `true`/`false` (gedaan of niet) bij een "
            "afspraak zonder streefwaarde. Bij `cumulative: true` het aantal in die periode.",
            "The measured value: a number (`28`), or `true`/`false` (done or not) for an "
            "agreement without a target. With `cumulative: true` the count in that period.",
        ),
        "index": _t(
            "De stand van de index op de peildatum, bij een doel met `index:`, bijv. `3.3`.",
            "The index's value on the as-of date, for a target with `index:`, e.g. `3.3`.",
        ),
        "source": _t(
            "Waar de meting vandaan komt: een document of link, bijv. `Jaarverslag 2016`.",
            "Where the measurement comes from: a document or link, e.g. `Jaarverslag 2016`.",
        ),
        "reported_by": _t(
            "De id van de partij (of groep) die de meting aanlevert, bijv. `corp-mozaiek`.",
            "The id of the party (or group) that reports it, e.g. `corp-mozaiek`.",
        ),
        "note": _NOTE,
    },
    "MonitorWaiver": {
        "agreement": _t(
            "De id van de afspraak die de toelichting betreft, bijv. `KD-03`.",
            "The id of the agreement explained, e.g. `KD-03`.",
        ),
        "rule": _RULE,
        "reason": _t(
            "De toelichting, bijv. waarom een doel niet gehaald is en wat er nu gebeurt.",
            "The explanation, e.g. why a target was not met and what happens now.",
        ),
        "until": _UNTIL,
    },
    "ConditionRecord": {
        "agreement": _t(
            "De id van de afspraak met het voorbehoud, bijv. `BS-06`.",
            "The id of the agreement with the condition, e.g. `BS-06`.",
        ),
        "condition": _t(
            "De id van het voorbehoud bij die afspraak, bijv. `vergunning-dijkzicht`.",
            "The id of the condition of that agreement, e.g. `vergunning-dijkzicht`.",
        ),
        "date": _t(
            "Vanaf deze dag geldt de stand, bijv. `2026-09-30`.",
            "The state holds from this day, e.g. `2026-09-30`.",
        ),
        "state": _t(
            "De stand: `open`, `met` (vervuld) of `not_met` (niet vervuld).",
            "The state: `open`, `met` or `not_met`.",
        ),
        "source": _t(
            "Waar de stand uit blijkt, bijv. `Uitspraak rechtbank, 30 september 2026`.",
            "Where the state is shown, e.g. `Uitspraak rechtbank, 30 september 2026`.",
        ),
        "note": _NOTE,
    },
    "Config": {
        "kind": _kind("config"),
        "version": _VERSION,
        "lang": _t(
            "De taal van meldingen en rapporten: `nl` (standaard) of `en`.",
            "The language of messages and reports: `nl` (default) or `en`.",
        ),
        "rules": _t(
            "De ernst per regel, bijv. `P604: error` of `S101: off`. `prestatie rules` toont "
            "alle codes.",
            "The severity per rule, e.g. `P604: error` or `S101: off`. `prestatie rules` lists "
            "every code.",
        ),
        "thresholds": _t(
            "Drempels van het stoplicht en van R402 en P613.",
            "Thresholds of the traffic light and of R402 and P613.",
        ),
        "themes": _t(
            "Hoe het rapport uw eigen thema's noemt, bijv. "
            "`wonen-in-de-kernen: Wonen in de dorpskernen`. Thema's die hier niet staan, "
            "krijgen de naam uit de eigen lijst van prestatie, anders het woord zelf.",
            "How the report names your own themes, e.g. "
            "`wonen-in-de-kernen: Wonen in de dorpskernen`. Themes not listed here are named "
            "from prestatie's own list, else from the word itself.",
        ),
    },
    "Thresholds": {
        "on_track": _t(
            "Groen (op koers) vanaf dit deel van de verwachte voortgang; standaard `0.9`.",
            "Green (on track) from this share of the expected progress; default `0.9`.",
        ),
        "at_risk": _t(
            "Oranje (risico) vanaf dit deel tot `on_track`, daaronder rood; standaard `0.7`.",
            "Orange (at risk) from this share up to `on_track`, red below; default `0.7`.",
        ),
        "pace_factor": _t(
            "R402 meldt een onhaalbaar tempo als het nog nodige tempo meer dan zoveel keer "
            "het gemeten tempo is; standaard `2`.",
            "R402 reports an unrealistic pace when the pace still needed is more than this "
            "many times the measured pace; default `2`.",
        ),
        "grace_days": _t(
            "Dagen na het einde van een periode voordat de meting als ontbrekend telt (P613); "
            "standaard `120`.",
            "Days after a period ends before its measurement counts as missing (P613); "
            "default `120`.",
        ),
    },
}

_FREQUENCY = {
    "monthly": _t("maandelijks", "monthly"),
    "quarterly": _t("per kwartaal", "quarterly"),
    "half-yearly": _t("per halfjaar", "half-yearly"),
    "yearly": _t("jaarlijks", "yearly"),
}
_ROLES = {
    "gemeente": _t("de gemeente", "the municipality"),
    "corporatie": _t("een woningcorporatie", "a housing corporation"),
    "huurdersorganisatie": _t(
        "een huurdersorganisatie of huurdersvereniging", "a tenants' organisation"
    ),
    "overig": _t("een andere partij, bijv. zorg of welzijn", "another party, e.g. care or welfare"),
}

# (model, field) -> value -> what the value means. Every enum of the schemas has one.
ENUMS: dict[tuple[str, str], dict[str, Wording]] = {
    ("Party", "role"): _ROLES,
    ("Group", "members"): {
        "all": _t("alle partijen van de set", "every party of the set"),
        "gemeente": _t("elke partij met de rol gemeente", "every party with role gemeente"),
        "corporatie": _t("elke corporatie", "every corporation"),
        "huurdersorganisatie": _t("elke huurdersorganisatie", "every tenants' organisation"),
        "overig": _t("elke partij met de rol overig", "every party with role overig"),
    },
    ("Target", "comparison"): {
        "at_least": _t("minimaal: de meting haalt het doel vanaf `value`", "at least `value`"),
        "at_most": _t(
            "hoogstens: bijv. een huurstijging of het aantal E/F/G-labels",
            "at most `value`: e.g. a rent increase or the number of E/F/G labels",
        ),
        "exactly": _t("precies `value`", "exactly `value`"),
        "between": _t(
            "een bereik van `value` tot en met `upper`", "a range from `value` to `upper`"
        ),
    },
    ("Target", "counting"): {
        "net": _t("netto: nieuw min sloop en verkoop", "net: new minus demolished and sold"),
        "gross": _t("bruto: alleen nieuw", "gross: new only"),
    },
    ("Target", "recurring"): _FREQUENCY,
    ("Agreement", "frequency"): _FREQUENCY,
    ("Condition", "kind"): {
        "approval": _t(
            "goedkeuring door een orgaan, bijv. de RvC of de gemeenteraad",
            "approval by a body, e.g. the supervisory board or the council",
        ),
        "decision": _t(
            "een besluit van buiten, bijv. het kabinet of een bestemmingsplanprocedure",
            "an outside decision, e.g. the cabinet or a zoning procedure",
        ),
        "assumption": _t(
            "een aanname die moet blijven gelden, bijv. de mutatiegraad van een peiljaar",
            "an assumption that must keep holding, e.g. the turnover of a reference year",
        ),
        "other": _t("een ander voorbehoud (standaard)", "another condition (default)"),
    },
    ("Answer", "state"): {
        "open": _t("nog geen besluit", "no decision yet"),
        "accepted": _t(
            "aanvaard: nu een toezegging van de gevraagde partij",
            "accepted: now a commitment of the party asked",
        ),
        "declined": _t("afgewezen", "declined"),
    },
    ("Agreement", "kind"): {
        "result": _t(
            "resultaatafspraak: trekker, meetbaar doel en termijn (standaard)",
            "result agreement: owner, measurable target and deadline (default)",
        ),
        "effort": _t(
            "inspanningsafspraak: de partij spant zich in, zonder gegarandeerd resultaat",
            "effort agreement: the party makes an effort, no result guaranteed",
        ),
        "process": _t(
            "procesafspraak: hoe partijen samenwerken, met een moment of product",
            "process agreement: how the parties work together, with a moment or product",
        ),
        "request": _t(
            "verzoek aan een andere partij (`addressed_to`); telt pas na `answer: accepted`",
            "request to another party (`addressed_to`); counts only after `answer: accepted`",
        ),
        "context": _t(
            "inleiding of ambitie: geen toezegging, geen SMART-regel",
            "introduction or aim: no commitment, no SMART rule",
        ),
    },
    ("ConditionRecord", "state"): {
        "open": _t("nog niet bekend", "not known yet"),
        "met": _t("vervuld: de afspraak geldt", "met: the agreement holds"),
        "not_met": _t(
            "niet vervuld: de afspraak vervalt of is opgeschort",
            "not met: the agreement lapses or is suspended",
        ),
    },
    ("Config", "lang"): {
        "nl": _t("Nederlands", "Dutch"),
        "en": _t("Engels", "English"),
    },
    ("Config", "rules"): {
        "error": _t("fout: de controle faalt", "error: the check fails"),
        "warning": _t(
            "waarschuwing: faalt alleen met `--strict`", "warning: fails only with `--strict`"
        ),
        "info": _t("info: alleen ter informatie", "info: for information only"),
        "off": _t("uit: de regel wordt niet toegepast", "off: the rule is not applied"),
    },
}

# The themes prestatie names itself (the report's own list), as examples of `theme`.
THEMES = tuple(
    key.removeprefix("report.theme.") for key in CATALOGUE if key.startswith("report.theme.")
)

# (model, field) -> examples of values, the same in both languages.
EXAMPLES: dict[tuple[str, str], list[Any]] = {
    ("AgreementSet", "id"): ["bodegraven-reeuwijk-2016-2019", "weidemeer-2026"],
    ("AgreementSet", "frame"): ["weidemeer-2026-2029"],
    ("Period", "start"): ["2016-01-01"],
    ("Period", "end"): ["2019-12-31"],
    ("Party", "id"): ["gemeente", "corp-mozaiek", "hv-bodegraven"],
    ("Party", "successor"): ["corp-polderoever"],
    ("Group", "id"): ["corporaties"],
    ("Agreement", "id"): ["BS-01", "BS-02", "KD-03"],
    ("Agreement", "theme"): list(THEMES),
    ("Agreement", "owner"): ["corp-mozaiek", ["gemeente", "corporaties"]],
    ("Agreement", "deadline"): ["2019-12-31"],
    ("Agreement", "effective_from"): ["2027-01-01"],
    ("Agreement", "parent"): ["BS-01"],
    ("Target", "unit"): ["woningen", "procent", "euro", "huishoudens"],
    ("Target", "index"): ["inflatie (CPI)"],
    ("Measurement", "agreement"): ["BS-01"],
    ("Measurement", "date"): ["2016-12-31"],
    ("Measurement", "reported_by"): ["corp-mozaiek"],
    ("Signature", "digest"): ["sha256:" + "0" * 64],
    ("Waiver", "rule"): ["M203", "T504"],
    ("MonitorWaiver", "rule"): ["T504", "R402"],
    ("Monitor", "set"): ["bodegraven-reeuwijk-2016-2019"],
}


def _snippet(label: Wording, about: Wording, body: dict[str, Any]) -> dict[Language, Any]:
    return {
        lang: {"label": label[lang], "description": about[lang], "body": body}
        for lang in ("nl", "en")
    }


# model -> the snippets an editor offers for a new item of that kind (yaml-language-server
# and VS Code read ``defaultSnippets``; ``$1`` marks where the cursor goes next).
SNIPPETS: dict[str, dict[Language, Any]] = {
    "Agreement": _snippet(
        _t("nieuwe resultaatafspraak", "new result agreement"),
        _t(
            "Een afspraak met trekker, meetbaar doel met nulmeting en termijn.",
            "An agreement with owner, measurable target with baseline and deadline.",
        ),
        {
            "id": "${1:BS-01}",
            "title": "${2:Nieuwe sociale huurwoningen}",
            "text": "${3:De tekst zoals ondertekend.}",
            "theme": "${4:beschikbaarheid}",
            "kind": "result",
            "owner": "${5:corporatie}",
            "contributors": ["${6:gemeente}"],
            "target": {
                "metric": "${7:opgeleverde nieuwe sociale huurwoningen}",
                "unit": "${8:woningen}",
                "value": 100,
                "comparison": "at_least",
                "cumulative": True,
                "baseline": {"value": 0, "date": "${9:2026-01-01}"},
            },
            "deadline": "${10:2029-12-31}",
            "frequency": "yearly",
        },
    ),
    "Measurement": _snippet(
        _t("nieuwe meting", "new measurement"),
        _t(
            "Een meting met peildatum, waarde, bron en melder.",
            "A measurement with as-of date, value, source and reporter.",
        ),
        {
            "agreement": "${1:BS-01}",
            "date": "${2:2026-12-31}",
            "value": 0,
            "source": "${3:Jaarverslag 2026}",
            "reported_by": "${4:corporatie}",
        },
    ),
    "Party": _snippet(
        _t("nieuwe partij", "new party"),
        _t("Een partij met id, naam en rol.", "A party with id, name and role."),
        {"id": "${1:corporatie}", "name": "${2:Woningcorporatie}", "role": "${3:corporatie}"},
    ),
}
