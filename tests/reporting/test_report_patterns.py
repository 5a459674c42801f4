"""prestatie report on real agreements: groups, parties over time, frames and slices, bids,
requests, context, conditions, parts, scope, ranges, indexed and yearly targets, splits,
recurring and ongoing duties, time beyond the term, set amendments and withdrawals.

The Weidemeer example uses every pattern; each test renders it as `prestatie report`
does (loaded, checked, laid out) and pins the exact wording in Markdown and HTML.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import html5lib
import pytest

from prestatie_cli.check.result import CheckOptions
from prestatie_cli.check.runner import load_checked
from prestatie_cli.load.discover import discover
from prestatie_cli.messages import Language
from prestatie_cli.model.agreements import Thresholds
from prestatie_cli.reporting.report_formats import render_report
from prestatie_cli.reporting.report_view import ReportView, SetView, build_report
from tests.conftest import REPO, base_set, write_yaml

AS_OF = date(2026, 12, 1)
AFSPRAKEN = REPO / "examples" / "afspraken"
FRAME = AFSPRAKEN / "weidemeer-2026-2029.yaml"
MONITOR = REPO / "examples" / "monitor" / "weidemeer-2026-2029.yaml"
SLICE = AFSPRAKEN / "weidemeer-2026.yaml"


def _view(paths: list[Path], lang: Language = "nl", as_of: date = AS_OF) -> ReportView:
    corpus, checked = load_checked(discover(paths), CheckOptions(as_of, lang))
    return build_report(corpus, checked, as_of, lang, Thresholds())


@cache
def _weidemeer(output_format: str, lang: Language = "nl") -> str:
    return render_report(_view([FRAME, MONITOR], lang), output_format)


def _set(view: ReportView, set_id: str) -> SetView:
    return next(entry for entry in view.sets if entry.id == set_id)


def _block(markdown: str, agreement_id: str) -> str:
    """The Markdown of one agreement: from its heading to the next."""
    start = markdown.index(f"#### {agreement_id} ")
    end = markdown.find("\n#### ", start + 1)
    return markdown[start : end if end != -1 else len(markdown)]


def _html_block(html: str, agreement_id: str) -> str:
    """The HTML of one agreement: its <div class="agreement"> up to the next one."""
    start = html.index(f'<span class="id">{agreement_id}</span>')
    end = html.find('<div class="agreement', start)
    return html[start:end]


# --- The parties section ----------------------------------------------------------------------


def test_parties_over_time_in_markdown() -> None:
    markdown = _weidemeer("md")
    assert (
        "Polderrijk Wonen (woningcorporatie) — gefuseerd tot Polderoever Wonen per 1 juli 2026; "
        "Oeverwonen (woningcorporatie) — gefuseerd tot Polderoever Wonen per 1 juli 2026; "
        "Polderoever Wonen (woningcorporatie) — partij per 1 juli 2026; Ontstaan uit de fusie "
        "van Polderrijk Wonen en Oeverwonen per 1 juli 2026."
    ) in markdown
    assert (
        "Stichting Jongerenhuisvesting Regio (woningcorporatie) — partij per 1 september 2026; "
        "Heeft geen woningbezit in Weidemeer"
    ) in markdown
    # A party without changes over time reads as before.
    assert (
        "- **Partijen**: Gemeente Weidemeer (gemeente); Woonstichting De Meerhof (woningcorporatie); "
        in (markdown)
    )


def test_groups_with_their_members_and_never_as_signatories() -> None:
    markdown = _weidemeer("md")
    assert (
        "- **Groepen**: Samenwerkende Corporaties Weidemeer: Woonstichting De Meerhof, Polderrijk "
        "Wonen, Oeverwonen, Polderoever Wonen (Een samenwerkingsverband, geen rechtspersoon; de "
        "leden tekenen elk zelf.); De corporaties: Woonstichting De Meerhof, Polderrijk Wonen, "
        "Oeverwonen, Polderoever Wonen, Stichting Jongerenhuisvesting Regio; De "
        "huurdersorganisaties: Huurdersvereniging De Meerhof, Huurdersraad Polderoever, "
        "Bewonersplatform Weidemeer; Alle partijen: Gemeente Weidemeer,"
    ) in markdown
    view = _set(_view([FRAME, MONITOR]), "weidemeer-2026-2029")
    signing = [signature.party for signature in view.signatures]
    assert signing == [
        "Gemeente Weidemeer",
        "Woonstichting De Meerhof",
        "Polderrijk Wonen",
        "Oeverwonen",
        "Polderoever Wonen",
        "Stichting Jongerenhuisvesting Regio",
        "Huurdersvereniging De Meerhof",
        "Huurdersraad Polderoever",
        "Bewonersplatform Weidemeer",
    ]
    html = _weidemeer("html")
    assert (
        '<li>Polderrijk Wonen <span class="muted">(woningcorporatie)</span> — gefuseerd tot '
        "Polderoever Wonen per 1 juli 2026</li>"
    ) in html
    assert (
        '<dt>Groepen</dt>\n    <dd><ul class="groups"><li>Samenwerkende Corporaties Weidemeer: '
        "Woonstichting De Meerhof, Polderrijk Wonen, Oeverwonen, Polderoever Wonen "
        '<span class="muted">(Een samenwerkingsverband, geen rechtspersoon; de leden tekenen elk '
        "zelf.)</span></li>"
    ) in html


def test_a_slice_names_its_frame_and_the_frame_its_slices_with_the_bids() -> None:
    view = _view([AFSPRAKEN, MONITOR])
    markdown = render_report(view, "md")
    assert (
        "- **Kaderafspraak**: Jaarschijf bij kaderafspraak weidemeer-2026-2029: Prestatieafspraken "
        "Weidemeer 2026-2029 (kaderafspraak)\n"
    ) in markdown
    assert "- **Jaarschijven**: weidemeer-2026, weidemeer-2027\n" in markdown
    assert (
        "- **Biedingen**: Woonstichting De Meerhof op 26 juni 2025; Polderrijk Wonen op 30 juni "
        "2025; Oeverwonen op 30 juni 2025\n"
    ) in markdown
    html = render_report(view, "html")
    assert (
        "<dt>Kaderafspraak</dt><dd>Jaarschijf bij kaderafspraak weidemeer-2026-2029: "
        "Prestatieafspraken Weidemeer 2026-2029 (kaderafspraak)</dd>"
    ) in html
    assert (
        '<dt>Biedingen</dt>\n    <dd><ul class="inline"><li>Woonstichting De Meerhof op 26 juni '
        "2025</li><li>Polderrijk Wonen op 30 juni 2025</li><li>Oeverwonen op 30 juni 2025</li>"
    ) in html
    # A slice read without its frame still names the frame by id.
    alone = render_report(_view([SLICE]), "md")
    assert "- **Kaderafspraak**: Jaarschijf bij kaderafspraak weidemeer-2026-2029\n" in alone


def test_set_amendment_with_its_withdrawal() -> None:
    line = (
        "Gewijzigd op 1 september 2026 (ingetrokken: SW-05): Addendum: Stichting "
        "Jongerenhuisvesting Regio sluit aan (SW-04). Het onderzoek naar een gezamenlijk "
        "woonruimteverdeelsysteem (SW-05) vervalt, omdat de regio dit in 2026 zelf oppakt. "
        "(akkoord: alle partijen)"
    )
    assert f"- **Wijzigingen van de set**: {line}\n" in _weidemeer("md")
    assert f'<dt>Wijzigingen van de set</dt>\n    <dd><ul class="amendments"><li>{line}</li>' in (
        _weidemeer("html")
    )


# --- Owners, tallies and reciprocity ------------------------------------------------------------


def test_owner_as_written_group_or_joint() -> None:
    markdown = _weidemeer("md")
    assert (
        "- resultaatafspraak; trekker: Samenwerkende Corporaties Weidemeer; bijdragers: De "
        "huurdersorganisaties\n" in _block(markdown, "BT-01")
    )
    assert "- resultaatafspraak; trekker: Gemeente Weidemeer en De corporaties\n" in _block(
        markdown, "BS-03"
    )
    html = _html_block(_weidemeer("html"), "BS-03")
    assert (
        '<dt>Trekker</dt><dd>Gemeente Weidemeer en De corporaties <span class="muted">'
        "(resultaatafspraak)</span></dd>"
    ) in html


def test_a_groups_agreement_counts_for_each_member_and_context_for_nobody() -> None:
    view = _set(_view([FRAME, MONITOR]), "weidemeer-2026-2029")
    totals = {tally.name: tally.total for tally in view.by_party}
    # No group is a row of its own; the tenants' organisations owe SW-01 (all parties) and
    # SW-02 (the tenants' organisations), nothing else; the merged corporations are carried
    # by their successor at the report's date; the context paragraph K-00 counts for nobody.
    assert sorted(totals) == [
        "Bewonersplatform Weidemeer",
        "Gemeente Weidemeer",
        "Huurdersraad Polderoever",
        "Huurdersvereniging De Meerhof",
        "Polderoever Wonen",
        "Stichting Jongerenhuisvesting Regio",
        "Woonstichting De Meerhof",
    ]
    assert totals["Huurdersvereniging De Meerhof"] == 2
    assert sum(count for _, _, count in view.statuses) == 25  # 26 agreements, one context
    assert "context" not in [status for status, _, _ in view.statuses]
    assert "inleiding" not in [tally.name for tally in view.by_theme]
    reciprocity = {party.name: party.owns for party in view.parties}
    assert reciprocity["Huurdersraad Polderoever"] == "SW-01, SW-02"
    assert reciprocity["Gemeente Weidemeer"] == "BS-02, BS-03, BS-03-B, BS-04, SW-01, SW-03"
    assert reciprocity["Stichting Jongerenhuisvesting Regio"] == (
        "BT-02, BS-01, BS-03, BS-03-A, KD-01, KD-02, KD-03, SW-01, SW-04"
    )


def test_group_tallies_on_a_small_set(tmp_path: Path) -> None:
    data: dict[str, Any] = base_set()
    data["parties"].append({"id": "corp-b", "name": "Woonstichting B", "role": "corporatie"})
    data["groups"] = [{"id": "corporaties", "name": "De corporaties", "members": "corporatie"}]
    data["signatures"].append({"party": "corp-b", "name": "B. Bos", "date": "2016-03-15"})
    first = data["agreements"][0]
    first["owner"] = "corporaties"
    data["agreements"].append(
        {**first, "id": "BS-02", "title": "Samen", "owner": ["gemeente", "corp-b"]}
    )
    view = _set(
        _view([write_yaml(tmp_path / "set.yaml", data)], as_of=date(2017, 6, 30)), data["id"]
    )
    assert [(tally.name, tally.total) for tally in view.by_party] == [
        ("Woonstichting A", 1),  # BS-01, as a member of the group
        ("Woonstichting B", 2),  # BS-01 as a member, BS-02 jointly
        ("Gemeente Voorbeeld", 1),
    ]
    markdown = render_report(_view([tmp_path / "set.yaml"], as_of=date(2017, 6, 30)), "md")
    assert "- resultaatafspraak; trekker: De corporaties; bijdragers:" in markdown
    assert "- resultaatafspraak; trekker: Gemeente Voorbeeld en Woonstichting B; bijdragers:" in (
        markdown
    )


# --- Kinds: context and requests ----------------------------------------------------------------


def test_context_is_a_paragraph_without_status_or_light() -> None:
    assert _block(_weidemeer("md"), "K-00") == (
        "#### K-00 Gezamenlijke ambitie (context)\n\n"
        "Partijen streven naar een Weidemeer waarin iedereen een betaalbare, duurzame en "
        "passende woning kan vinden. Deze ambitie is het kader voor de afspraken hieronder.\n\n"
        "- context, wordt niet beoordeeld; Alle partijen\n\n### Betaalbaarheid\n"
    )
    html = _weidemeer("html")
    assert '<div class="agreement context" id="a-weidemeer-2026-2029-K-00">' in html
    block = _html_block(html, "K-00")
    assert 'class="status' not in block and "light-" not in block
    assert '<p class="muted">context, wordt niet beoordeeld; Alle partijen</p>' in block
    english = _block(_weidemeer("md", "en"), "K-00")
    assert "- context, not judged; Alle partijen\n" in english


def test_requests_with_their_answer() -> None:
    markdown = _weidemeer("md")
    assert (
        "- verzoek: Verzoek van Samenwerkende Corporaties Weidemeer aan Gemeente Weidemeer: "
        "aanvaard op 15 juni 2026 (Grondprijzenbrief 2027, vastgesteld door het college)\n"
    ) in _block(markdown, "BS-04")
    assert (
        "- verzoek: Verzoek van De corporaties en De huurdersorganisaties aan Gemeente "
        "Weidemeer: nog niet beantwoord\n"
    ) in _block(markdown, "LV-02")
    assert (
        "<dt>Verzoek</dt><dd>Verzoek van De corporaties en De huurdersorganisaties aan Gemeente "
        "Weidemeer: nog niet beantwoord</dd>"
    ) in _html_block(_weidemeer("html"), "LV-02")
    assert (
        "- request: Request from Samenwerkende Corporaties Weidemeer to Gemeente Weidemeer: "
        "accepted on 15 June 2026 (Grondprijzenbrief 2027, vastgesteld door het college)\n"
    ) in _block(_weidemeer("md", "en"), "BS-04")


def test_a_declined_request(tmp_path: Path) -> None:
    data: dict[str, Any] = base_set()
    first = data["agreements"][0]
    first.update(
        kind="request",
        addressed_to="gemeente",
        answer={"state": "declined", "date": "2016-05-01", "note": "Geen budget"},
    )
    view = _view([write_yaml(tmp_path / "set.yaml", data)], as_of=date(2017, 6, 30))
    assert (
        "- verzoek: Verzoek van Woonstichting A aan Gemeente Voorbeeld: afgewezen op 1 mei "
        "2016 (Geen budget); bijdragers: Gemeente Voorbeeld, Huurdersvereniging A\n"
    ) in render_report(view, "md")


# --- Conditions, withdrawals, parts -------------------------------------------------------------


def test_conditions_with_their_kind_and_latest_state() -> None:
    markdown = _weidemeer("md")
    assert (
        "- Voorbehoud (goedkeuring door Raad van Commissarissen De Meerhof): Goedkeuring van de "
        "investering door de Raad van Commissarissen. **vervuld op 10 maart 2026**\n"
    ) in _block(markdown, "BS-05")
    lapsed = _block(markdown, "BS-06")
    assert lapsed.startswith(
        "#### BS-06 Kantoor Dijkzicht wordt 36 jongerenwoningen: ⚪ **vervallen**"
    )
    assert (
        "- Voorbehoud (besluit door Rechtbank / gemeente (bezwaar en beroep)): De "
        "omgevingsvergunning voor de transformatie wordt onherroepelijk. **niet vervuld op 30 "
        "september 2026**: De rechtbank vernietigde de omgevingsvergunning; Polderoever Wonen "
        "ziet af van de transformatie.\n"
    ) in lapsed
    assert (
        "- Voorbehoud (aanname): Het aantal vrijkomende sociale huurwoningen blijft op het "
        "niveau van 2025. **open**\n"
    ) in _block(markdown, "BS-03-A")
    html = _html_block(_weidemeer("html"), "BS-06")
    assert (
        '<dt>Voorbehoud</dt><dd class="condition condition-not_met">De omgevingsvergunning voor '
        'de transformatie wordt onherroepelijk. <span class="muted">(besluit door Rechtbank / '
        "gemeente (bezwaar en beroep))</span> <strong>niet vervuld op 30 september 2026</strong>: "
        "De rechtbank vernietigde de omgevingsvergunning; Polderoever Wonen ziet af van de "
        "transformatie.</dd>"
    ) in html
    english = _block(_weidemeer("md", "en"), "BS-05")
    assert "- Condition (approval by Raad van Commissarissen De Meerhof): " in english
    assert "**met on 10 March 2026**" in english


def test_a_condition_recorded_after_the_report_date_is_still_open() -> None:
    view = _set(_view([FRAME, MONITOR], as_of=date(2026, 9, 29)), "weidemeer-2026-2029")
    [bs06] = [a for theme in view.themes for a in theme.agreements if a.id == "BS-06"]
    assert [(c.state, c.state_label) for c in bs06.conditions] == [("open", "open")]


def test_withdrawn_agreement_says_when_and_why() -> None:
    block = _block(_weidemeer("md"), "SW-05")
    assert block.startswith("#### SW-05 Gezamenlijk woonruimteverdeelsysteem: ⚪ **ingetrokken**")
    assert (
        "- **Ingetrokken op 1 september 2026: Addendum: Stichting Jongerenhuisvesting Regio sluit "
        "aan (SW-04). Het onderzoek naar een gezamenlijk woonruimteverdeelsysteem (SW-05) vervalt, "
        "omdat de regio dit in 2026 zelf oppakt.**\n"
    ) in block
    html = _weidemeer("html")
    assert '<div class="agreement light-grey withdrawn" id="a-weidemeer-2026-2029-SW-05">' in html
    assert '<p class="withdrawn"><strong>Ingetrokken op 1 september 2026: Addendum:' in (
        _html_block(html, "SW-05")
    )


def test_parent_and_children() -> None:
    markdown = _weidemeer("md")
    assert (
        "- Bestaat uit BS-01-MH, BS-01-PR, BS-01-OW; de stand is hun opgetelde stand\n"
        in _block(markdown, "BS-01")
    )
    assert "- Bestaat uit BS-03-A, BS-03-B, BS-03-C\n" in _block(markdown, "BS-03")
    assert "- Onderdeel van BS-01 Netto circa 600 sociale huurwoningen erbij\n" in _block(
        markdown, "BS-01-MH"
    )
    html = _weidemeer("html")
    assert (
        "<dt>Samenhang</dt><dd>Onderdeel van BS-03 Samen de taakstelling statushouders</dd>"
        in _html_block(html, "BS-03-B")
    )
    assert "Consists of BS-03-A, BS-03-B, BS-03-C\n" in _block(_weidemeer("md", "en"), "BS-03")


# --- Scope and targets as documents word them ---------------------------------------------------


def test_scope_and_per_event() -> None:
    markdown = _weidemeer("md")
    assert "- Reikwijdte: nieuwbouwproject De Weidepoort\n" in _block(markdown, "BT-03")
    assert "- Telkens: bij elke vervanging van een cv-ketel\n" in _block(markdown, "KD-03")
    html = _weidemeer("html")
    assert "<dt>Reikwijdte</dt><dd>wijk Weidemeer-Oost</dd>" in _html_block(html, "LV-01")
    assert "<dt>Telkens</dt><dd>bij iedere mutatie</dd>" in _html_block(html, "BT-02")


@pytest.mark.parametrize(
    ("agreement", "nl", "en"),
    [
        (
            "BT-03",
            "- Doel: tussen 850 en 1.000 euro per maand, termijn 31 december 2027\n",
            "- Target: between 850 and 1,000 euro per maand, deadline 31 December 2027\n",
        ),
        (
            "BT-01",
            "- Doel: ten hoogste inflatie (CPI voorgaand kalenderjaar) min 0,5 procent (per jaar)\n",
            "- Target: at most inflatie (CPI voorgaand kalenderjaar) minus 0.5 procent (per year)\n",
        ),
        (
            "BS-01",
            "- Doel: ≥ circa 600 woningen (netto), termijn 31 december 2029\n",
            "- Target: ≥ about 600 woningen (net), deadline 31 December 2029\n",
        ),
        (
            "BT-02",
            "- Per jaar: 2027: 700,72 euro per maand; 2028: 718,24 euro per maand; 2029: 736,2 "
            "euro per maand (Geïndexeerd met de huurtoeslagparameters)\n",
            "- By year: 2027: 700.72 euro per maand; 2028: 718.24 euro per maand; 2029: 736.2 "
            "euro per maand (Geïndexeerd met de huurtoeslagparameters)\n",
        ),
        (
            "BS-02",
            "- Verdeling: sociale huur 60 %, middenhuur 20 %, betaalbare koop 20 %\n",
            "- Split: sociale huur 60 %, middenhuur 20 %, betaalbare koop 20 %\n",
        ),
    ],
)
def test_target_wording(agreement: str, nl: str, en: str) -> None:
    assert nl in _block(_weidemeer("md"), agreement)
    assert en in _block(_weidemeer("md", "en"), agreement)


def test_target_wording_in_html() -> None:
    html = _weidemeer("html")
    assert "<dt>Doel</dt><dd>tussen 850 en 1.000 euro per maand</dd>" in _html_block(html, "BT-03")
    assert "<dt>Doel</dt><dd>≥ circa 600 woningen (netto)</dd>" in _html_block(html, "BS-01")
    assert (
        "<dt>Verdeling</dt><dd>sociale huur 60 %, middenhuur 20 %, betaalbare koop 20 %</dd>"
        in _html_block(html, "BS-02")
    )


# --- When an agreement applies ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("agreement", "nl", "en"),
    [
        (
            "KD-01",
            "vanaf 1 januari 2029, doorlopend, elk jaar",
            "from 1 January 2029, ongoing, every year",
        ),
        ("BS-03-B", "doorlopend, elke maand", "ongoing, every month"),
        ("LV-01", "doorlopend, elk kwartaal", "ongoing, every quarter"),
        (
            "KD-02",
            "loopt door na de termijn, tot 31 december 2030, elk jaar",
            "runs past the term, until 31 December 2030, every year",
        ),
        ("BS-04", "vanaf 1 januari 2027, doorlopend", "from 1 January 2027, ongoing"),
    ],
)
def test_timing(agreement: str, nl: str, en: str) -> None:
    assert f"- Looptijd van de afspraak: {nl}\n" in _block(_weidemeer("md"), agreement)
    assert f"- Runs: {en}\n" in _block(_weidemeer("md", "en"), agreement)
    assert f"<dt>Looptijd van de afspraak</dt><dd>{nl}</dd>" in _html_block(
        _weidemeer("html"), agreement
    )


def test_an_agreement_without_the_new_fields_has_no_timing_line() -> None:
    assert "Looptijd van de afspraak" not in _block(_weidemeer("md"), "BT-03")


# --- Well-formed and escaped --------------------------------------------------------------------


def test_the_weidemeer_report_is_strict_html() -> None:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    parser.parse(_weidemeer("html"))
    assert parser.errors == []


def _hostile(tmp_path: Path) -> Path:
    data: dict[str, Any] = base_set()
    data["parties"][1]["note"] = "<script>note()</script> *vet*"
    data["parties"][1]["left"] = "2018-01-01"
    data["parties"][1]["successor"] = "gemeente"
    data["groups"] = [{"id": "g", "name": "<b>Groep</b> | pijp", "members": "all"}]
    data["bids"] = [{"party": "corp-a", "date": "2015-06-30", "note": "<i>bod</i>"}]
    data["amendments"] = [
        {
            "date": "2017-01-01",
            "reason": "<img src=x onerror=alert(1)> _reden_",
            "agreed_by": ["gemeente", "corp-a", "hv-a"],
            "withdraws": ["BS-01"],
        }
    ]
    first = data["agreements"][0]
    first["owner"] = ["g", "gemeente"]
    first["scope"] = "<u>wijk</u> [x](javascript:alert(1))"
    first["per_event"] = "`mutatie`"
    first["conditions"] = [{"id": "c", "text": "<em>voorbehoud</em>", "by": "<s>RvC</s>"}]
    first["target"]["split"] = [{"category": "<q>sociaal</q>", "share": 100}]
    return write_yaml(tmp_path / "set.yaml", data)


def test_new_fields_are_escaped_in_html(tmp_path: Path) -> None:
    html = render_report(_view([_hostile(tmp_path)], as_of=date(2017, 6, 30)), "html")
    for tag in ("<script", "<img", "<b>", "<i>", "<u>", "<em>", "<s>", "<q>"):
        assert tag not in html
    assert "&lt;script&gt;note()&lt;/script&gt; *vet*" in html
    assert "&lt;b&gt;Groep&lt;/b&gt; | pijp" in html
    assert "Ingetrokken op 1 januari 2017: &lt;img src=x onerror=alert(1)&gt; _reden_" in html
    assert "&lt;u&gt;wijk&lt;/u&gt; [x](javascript:alert(1))" in html
    assert "&lt;em&gt;voorbehoud&lt;/em&gt;" in html
    parser = html5lib.HTMLParser(strict=True)
    parser.parse(html)
    assert parser.errors == []


def test_new_fields_are_escaped_in_markdown(tmp_path: Path) -> None:
    markdown = render_report(_view([_hostile(tmp_path)], as_of=date(2017, 6, 30)), "md")
    assert "&lt;script&gt;note()&lt;/script&gt; \\*vet\\*" in markdown
    assert "&lt;b&gt;Groep&lt;/b&gt; \\| pijp" in markdown
    assert "Ingetrokken op 1 januari 2017: &lt;img src=x onerror=alert(1)&gt; \\_reden\\_" in (
        markdown
    )
    assert "- Reikwijdte: &lt;u&gt;wijk&lt;/u&gt; \\[x\\](javascript:alert(1))\n" in markdown
    assert "- Telkens: \\`mutatie\\`\n" in markdown
    assert "- Verdeling: &lt;q&gt;sociaal&lt;/q&gt; 100 %\n" in markdown


# --- Signatures after a merger ------------------------------------------------------------------


def test_a_successor_signed_through_the_parties_it_succeeded() -> None:
    view = _set(_view([FRAME, MONITOR]), "weidemeer-2026-2029")
    rows = {s.party: (s.signer, s.date, s.state, s.state_label) for s in view.signatures}
    # As check (P604) sees it: Polderoever Wonen carries its predecessors' signatures.
    assert rows["Polderoever Wonen"] == (
        "", "", "via", "getekend via Polderrijk Wonen en Oeverwonen (voor de fusie)",
    )  # fmt: skip
    # The parties that merged show their own signatures.
    assert rows["Polderrijk Wonen"] == (
        "A. Benali", "11 december 2025", "unchecked", "getekend (versie niet vastgelegd)",
    )  # fmt: skip
    assert "| Polderoever Wonen |  |  | getekend via Polderrijk Wonen en Oeverwonen (voor de " in (
        _weidemeer("md")
    )
    assert (
        '<tr class="sign-via"><th scope="row">Polderoever Wonen</th><td></td><td></td><td>signed '
        "through Polderrijk Wonen and Oeverwonen (before the merger)</td></tr>"
    ) in _weidemeer("html", "en")


def test_a_party_that_merged_before_signing_is_bound_by_its_successor(tmp_path: Path) -> None:
    data: dict[str, Any] = base_set()
    data["parties"][1].update(left="2016-01-01", successor="corp-b")
    data["parties"].append(
        {"id": "corp-b", "name": "Woonstichting B", "role": "corporatie", "joined": "2016-01-01"}
    )
    data["signatures"][1] = {"party": "corp-b", "name": "B. Bos", "date": "2016-03-15"}
    data["agreements"][0]["owner"] = "corp-b"
    view = _set(
        _view([write_yaml(tmp_path / "set.yaml", data)], as_of=date(2017, 6, 30)), data["id"]
    )
    rows = {s.party: (s.state, s.state_label) for s in view.signatures}
    assert rows["Woonstichting A"] == ("via", "getekend door opvolger Woonstichting B")
    assert rows["Woonstichting B"] == ("unchecked", "getekend (versie niet vastgelegd)")
    # A party that signed nothing and succeeded nobody is still unsigned.
    del data["signatures"][2]
    view = _set(
        _view([write_yaml(tmp_path / "set.yaml", data)], as_of=date(2017, 6, 30)), data["id"]
    )
    rows = {s.party: (s.state, s.state_label) for s in view.signatures}
    assert rows["Huurdersvereniging A"] == ("missing", "niet getekend")


def test_an_owner_that_joins_later_counts_for_itself_and_no_row_is_dash(tmp_path: Path) -> None:
    data: dict[str, Any] = base_set()
    data["parties"].append(
        {"id": "kustwonen", "name": "Kustwonen", "role": "corporatie", "joined": "2017-01-01"}
    )
    data["signatures"].append({"party": "kustwonen", "name": "K. Kust", "date": "2017-01-01"})
    data["agreements"][0]["owner"] = "kustwonen"
    data["agreements"].append(
        {"id": "V-01", "title": "Verzoek", "text": "Graag.", "theme": "beschikbaarheid",
         "kind": "request", "owner": "corp-a", "addressed_to": "gemeente"}
    )  # fmt: skip
    view = _set(
        _view([write_yaml(tmp_path / "set.yaml", data)], as_of=date(2016, 6, 30)), data["id"]
    )
    assert [(tally.name, tally.total) for tally in view.by_party] == [("Kustwonen", 1)]
