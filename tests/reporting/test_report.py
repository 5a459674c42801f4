"""prestatie report: golden files, strict parsing, escaping and a real browser."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import html5lib
import pytest
from markdown_it import MarkdownIt

from prestatie_cli.check.result import CheckOptions
from prestatie_cli.check.runner import load_checked
from prestatie_cli.load.discover import discover
from prestatie_cli.messages import Language
from prestatie_cli.model.agreements import Thresholds
from prestatie_cli.reporting.report_formats import render_report
from prestatie_cli.reporting.report_view import ReportView, build_report
from tests.commandline import in_subprocess as run
from tests.conftest import REPO, base_monitor, base_set, write_yaml

AS_OF = date(2026, 11, 21)
AFSPRAKEN = REPO / "examples" / "afspraken"
MONITOR = REPO / "examples" / "monitor"
CASES = {
    "bodegraven": [AFSPRAKEN / "bodegraven-reeuwijk-2016-2019.yaml", MONITOR],
    "lindeveen": [AFSPRAKEN / "lindeveen-2025-2028.yaml", MONITOR],
    "hofstreek": [AFSPRAKEN / "regio-hofstreek-2024-2027.yaml"],
    "alle": [AFSPRAKEN, MONITOR],
}
Golden = Callable[[str, str], None]


def _view(paths: list[Path], as_of: date, lang: Language = "nl") -> ReportView:
    """What the report command shows: the files loaded and checked, then laid out."""
    corpus, checked = load_checked(discover(paths), CheckOptions(as_of, lang))
    return build_report(corpus, checked, as_of, lang, Thresholds())


def _render(paths: list[Path], output_format: str, lang: str = "nl") -> str:
    view = _view(paths, AS_OF, "en" if lang == "en" else "nl")
    return render_report(view, output_format)


def _relative(text: str) -> str:
    """Golden files do not depend on where the repository is checked out."""
    return text.replace(str(REPO) + "/", "")


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("output_format", ["md", "html"])
def test_golden(name: str, output_format: str, golden: Golden) -> None:
    golden(f"report/{name}.{output_format}", _relative(_render(CASES[name], output_format)))


def test_golden_english(golden: Golden) -> None:
    golden("report/lindeveen.en.md", _relative(_render(CASES["lindeveen"], "md", "en")))


@pytest.mark.parametrize("name", sorted(CASES))
def test_html_parses_strictly(name: str) -> None:
    html = _render(CASES[name], "html")
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    document = parser.parse(html)
    assert parser.errors == []
    assert document.find("head/title") is not None
    assert not document.findall(".//script")
    assert not list(document.iter("link"))  # nothing fetched from elsewhere
    assert "http://" not in html and "https://" not in html


@pytest.mark.parametrize("name", sorted(CASES))
def test_markdown_parses_into_tables_and_headings(name: str) -> None:
    markdown = _render(CASES[name], "md")
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    kinds = [token.type for token in tokens]
    assert kinds.count("table_open") >= 5
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[0].startswith("Rapportage prestatieafspraken: ")
    assert "Ondertekening" in headings and "Wederkerigheid: wat elke partij levert" in headings


def _hostile(tmp_path: Path) -> list[Path]:
    data = base_set()
    data["title"] = "Afspraken <script>alert('titel')</script> | **vet**"
    agreement = data["agreements"][0]
    agreement["title"] = "<img src=x onerror=alert(1)> {{ 7*7 }} {% raw %}"
    agreement["text"] = (
        "Tekst met <b>html</b>, een | pijp, [link](javascript:alert(1)) en &amp; &#60;."
    )
    data["parties"][0]["name"] = "Gemeente `code` _nadruk_ \\ slash"
    monitor = base_monitor()
    monitor["measurements"][0]["note"] = "<script>x</script>"
    return [write_yaml(tmp_path / "set.yaml", data), write_yaml(tmp_path / "m.yaml", monitor)]


def test_html_escapes_everything_from_the_yaml(tmp_path: Path) -> None:
    html = render_report(_view(_hostile(tmp_path), AS_OF), "html")
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&#39;titel&#39;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt; {{ 7*7 }} {% raw %}" in html
    assert "49" not in html.split("<main>")[1].split("BS-01")[1][:200]
    assert "&amp;amp; &amp;#60;" in html
    parser = html5lib.HTMLParser(strict=True)
    parser.parse(html)
    assert parser.errors == []


def test_markdown_escapes_everything_from_the_yaml(tmp_path: Path) -> None:
    markdown = render_report(_view(_hostile(tmp_path), AS_OF), "md")
    assert (
        "# Rapportage prestatieafspraken: Afspraken &lt;script&gt;alert('titel')&lt;/script&gt; \\| \\*\\*vet\\*\\*"
        in markdown
    )
    assert "Gemeente \\`code\\` \\_nadruk\\_ \\\\ slash" in markdown
    rendered = MarkdownIt("commonmark").enable("table").render(markdown)
    assert "<script" not in rendered and "<img" not in rendered and "<b>" not in rendered
    assert 'href="javascript' not in rendered
    assert "<strong>vet</strong>" not in rendered


def test_cli_writes_the_file_and_says_so(tmp_path: Path) -> None:
    target = tmp_path / "uit" / "rapport.html"
    done = run(
        "report", "--format", "html", "--as-of", "2026-11-21", "--parents", "-o", target,
        *CASES["lindeveen"],
    )  # fmt: skip
    assert (done.returncode, done.stdout) == (0, "")
    assert done.stderr == f"Rapport geschreven naar {target}.\n"
    assert target.read_text(encoding="utf-8") == _render(CASES["lindeveen"], "html")
    assert [path.name for path in target.parent.iterdir()] == ["rapport.html"]


def test_cli_filters_by_theme_and_party() -> None:
    done = run(
        "report", "--as-of", "2026-11-21", "--theme", "proces", "--party", "hv-veenhuis",
        *CASES["lindeveen"],
    )  # fmt: skip
    assert done.returncode == 0
    agreements = [line for line in done.stdout.splitlines() if line.startswith("#### ")]
    # hv-veenhuis contributes to both (PR-02, also 'proces', is the corporations' own).
    assert agreements == [
        "#### PR-01 Jaarlijkse evaluatie van de jaarschijf: 🟢 **behaald**",
        "#### J26-01 Volkshuisvestingsprogramma Lindeveen: 🟢 **op koers**",
    ]


def test_cli_without_sets_exits_2(tmp_path: Path) -> None:
    write_yaml(tmp_path / "m.yaml", base_monitor())
    done = run("report", tmp_path, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == f"Geen sets afspraken gevonden in {tmp_path}.\n"


def test_user_template_overrides_a_shipped_one(tmp_path: Path) -> None:
    (tmp_path / "report.md.j2").write_text(
        "{% for entry in report.sets %}{{ entry.id }}: {{ entry.statuses | length }}\n{% endfor %}",
        encoding="utf-8",
    )
    done = run("report", "--template", tmp_path, "--as-of", "2026-11-21", *CASES["lindeveen"])
    assert (done.returncode, done.stdout) == (0, "lindeveen-2025-2028: 5\n")
    # The HTML template is not overridden there, but its stylesheet can be on its own.
    (tmp_path / "report.css").write_text("body { color: #123456; }\n", encoding="utf-8")
    html = run("report", "--format", "html", "--template", tmp_path, *CASES["hofstreek"]).stdout
    assert "body { color: #123456; }" in html and "--accent" not in html


def test_broken_user_template_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "report.md.j2").write_text("{% for x in %}\n", encoding="utf-8")
    done = run("report", "--template", tmp_path, *CASES["hofstreek"])
    assert done.returncode == 2
    assert done.stderr.startswith(f"prestatie: {tmp_path / 'report.md.j2'}:1: the report template")
    assert "Traceback" not in done.stderr


def test_template_cannot_reach_python_internals(tmp_path: Path) -> None:
    (tmp_path / "report.md.j2").write_text("{{ report.__class__.__mro__ }}", encoding="utf-8")
    done = run("report", "--template", tmp_path, *CASES["hofstreek"])
    assert done.returncode == 2
    assert "report template cannot be used" in done.stderr


def test_a_template_failing_halfway_leaves_no_file(tmp_path: Path) -> None:
    # The report is written piece by piece; a template that fails after the first
    # pieces leaves the file that was there untouched and no temporary file beside it.
    (tmp_path / "report.md.j2").write_text(
        "# Rapport\n{% for entry in report.sets %}{{ entry.__class__ }}{% endfor %}",
        encoding="utf-8",
    )
    target = tmp_path / "uit" / "rapport.md"
    target.parent.mkdir()
    target.write_text("vorige versie\n", encoding="utf-8")
    done = run("report", "--template", tmp_path, "-o", target, *CASES["hofstreek"])
    assert done.returncode == 2
    assert "report template cannot be used" in done.stderr
    assert target.read_text(encoding="utf-8") == "vorige versie\n"
    assert sorted(path.name for path in target.parent.iterdir()) == ["rapport.md"]
    # On standard output neither: not the first pieces of a report that then stops.
    done = run("report", "--template", tmp_path, *CASES["hofstreek"])
    assert (done.returncode, done.stdout) == (2, "")
    # Nor is a folder made for a report that is not written.
    done = run(
        "report", "--template", tmp_path, "-o", tmp_path / "nieuw" / "r.md", *CASES["hofstreek"]
    )
    assert done.returncode == 2
    assert not (tmp_path / "nieuw").exists()


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def test_report_in_a_real_browser(tmp_path: Path) -> None:
    executable = _chromium()
    if executable is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI must test the report in Chromium; .ci/run installs it")
        pytest.skip("Chromium is not installed (CI installs it)")
    from PIL import Image
    from playwright.sync_api import sync_playwright

    page_file = tmp_path / "rapport.html"
    page_file.write_text(_render(CASES["alle"], "html"), encoding="utf-8")
    errors: list[str] = []
    requests: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )  # fmt: skip
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on(
                "console",
                lambda m: errors.append(m.text) if m.type in ("error", "warning") else None,
            )
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(page_file.as_uri(), wait_until="load")
            headings = page.locator("h2").all_inner_texts()
            bars = page.locator("svg.bar").count()
            labels = page.locator("svg.bar title").all_text_contents()
            # The Weidemeer frame: its context paragraph carries no light, its failed
            # condition and its withdrawal are there to read.
            context = page.locator(".agreement.context")
            context_count, context_lights = context.count(), context.locator(".status").count()
            failed = page.locator("dd.condition-not_met").all_inner_texts()
            withdrawn = page.locator(".agreement.withdrawn h4").all_inner_texts()
            shot = tmp_path / "rapport.png"
            page.screenshot(path=str(shot), full_page=True)
            page.emulate_media(media="print")
            pdf_headings = page.locator("h2").count()
        finally:
            browser.close()
    assert errors == []
    assert requests == [page_file.as_uri()]
    assert headings[:4] == [
        "In het kort",
        "Prestatieafspraken Bodegraven-Reeuwijk 2016-2019",
        "Prestatieafspraken Lindeveen 2025-2028 (kaderafspraak)",
        "Regionale prestatieafspraken Hofstreek 2024-2027",
    ]
    assert bars > 20 and len(labels) == bars
    assert labels[0].startswith("Voortgang ")
    assert pdf_headings == len(headings)
    assert (context_count, context_lights) == (1, 0)
    assert [text.split(" (")[0] for text in failed] == [
        "De omgevingsvergunning voor de transformatie wordt onherroepelijk."
    ]
    assert withdrawn == ["SW-05 Gezamenlijk woonruimteverdeelsysteem ingetrokken"]
    with Image.open(shot) as image:
        assert image.width == 1280 and image.height > 3000
        colours = image.convert("RGB").getcolors(maxcolors=1 << 16)
    assert colours is None or len(colours) > 50  # None: more colours than counted: not blank


def test_report_json_is_not_a_format() -> None:
    done = run("report", "--format", "json", *CASES["hofstreek"])
    assert done.returncode == 2
    assert "json" in done.stderr


def test_example_report_statuses_match_status_command() -> None:
    """The report and `prestatie status` judge every agreement the same."""
    status = json.loads(
        run("status", "--format", "json", "--as-of", "2026-11-21", *CASES["lindeveen"]).stdout
    )
    expected = {row["id"]: row["status"] for row in status["sets"][0]["agreements"]}
    view = _view(CASES["lindeveen"], AS_OF)
    shown = {a.id: a.status for theme in view.sets[0].themes for a in theme.agreements}
    assert shown == expected


def test_overview_adds_up_counts_of_sets_with_the_same_term(tmp_path: Path) -> None:
    first, second, other = base_set(), base_set(), base_set()
    second["id"], second["title"] = "tweede-2016-2019", "Tweede set"
    other["id"], other["title"] = "later-2020-2023", "Latere set"
    other["period"] = {"start": "2020-01-01", "end": "2023-12-31"}
    other["agreements"][0]["deadline"] = "2023-12-31"
    paths = [write_yaml(tmp_path / f"{data['id']}.yaml", data) for data in (first, second, other)]
    view = _view(paths, date(2019, 6, 30))
    assert [(row.metric, row.unit, row.sets, row.target, row.current) for row in view.overview] == [
        ("sociale huurwoningen opgeleverd", "woningen", 2, "≥ 360", ""),
    ]
    markdown = render_report(view, "md")
    assert (
        "| Beschikbaarheid | sociale huurwoningen opgeleverd | woningen | 2 | ≥ 360 |  |"
        in markdown
    )


def test_overview_counts_sets_not_agreements(tmp_path: Path) -> None:
    # Two agreements on one metric in the first set, one in the second: two sets.
    first, second = base_set(), base_set()
    extra = dict(first["agreements"][0], id="BS-02", title="Nog meer sociale huurwoningen")
    first["agreements"].append(extra)
    second["id"], second["title"] = "tweede-2016-2019", "Tweede set"
    monitor = base_monitor()
    monitor["measurements"] = [m for m in monitor["measurements"] if m["date"] < "2018"]
    paths = [
        write_yaml(tmp_path / "een.yaml", first),
        write_yaml(tmp_path / "twee.yaml", second),
        write_yaml(tmp_path / "monitor.yaml", monitor),
    ]
    view = _view(paths, date(2019, 6, 30))
    assert [(row.sets, row.target, row.current) for row in view.overview] == [
        (2, "≥ 540", "75 (1 van 3 afspraken gemeten)"),
    ]


def test_overview_leaves_out_ranges(tmp_path: Path) -> None:
    # A range is a band each set stays within: two sets' bounds do not add up to one.
    first, second = base_set(), base_set()
    second["id"], second["title"] = "tweede-2016-2019", "Tweede set"
    for data in (first, second):
        data["agreements"][0]["target"].update(comparison="between", value=150, upper=200)
    paths = [write_yaml(tmp_path / f"{data['id']}.yaml", data) for data in (first, second)]
    view = _view(paths, date(2019, 6, 30))
    assert view.overview == ()
    assert "tussen 150 en 200 woningen" in render_report(view, "md")


def test_a_sets_agreements_are_viewed_when_read_and_not_kept() -> None:
    view = _view(CASES["lindeveen"], AS_OF)
    (entry,) = view.sets
    first, again = list(entry.themes), list(entry.themes)
    assert first == again
    assert first[0] is not again[0]  # built anew: the report holds no set's views for long
    assert len(entry.themes) == len(first) == len({a.theme for t in first for a in t.agreements})
    assert entry.themes[0] == first[0]
    # The first page names the late agreements in the order the themes show them.
    late = [
        a.id
        for theme in first
        for a in theme.agreements
        if not a.is_context and (a.status in ("overdue", "behind") or a.late)
    ]
    (points,) = view.key_points
    assert late and [item.id for item in points.late] == late


def test_prestatie_yaml_names_the_users_own_themes(tmp_path: Path) -> None:
    data = base_set()
    data["agreements"][0]["theme"] = "wonen-in-de-kernen"
    write_yaml(tmp_path / "afspraken" / "set.yaml", data)
    (tmp_path / "prestatie.yaml").write_text(
        "kind: config\nversion: 1\nthemes:\n  wonen-in-de-kernen: Wonen in de dorpskernen\n"
        "  beschikbaarheid: Meer betaalbare woningen\n",
        encoding="utf-8",
    )
    done = run("report", "--as-of", "2019-06-30", "--format", "md", "afspraken", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Wonen in de dorpskernen" in done.stdout
    assert "wonen-in-de-kernen" not in done.stdout.replace("`wonen-in-de-kernen`", "")
    # Without the configuration the slug is shown with spaces and a capital.
    (tmp_path / "prestatie.yaml").unlink()
    plain = run("report", "--as-of", "2019-06-30", "--format", "md", "afspraken", cwd=tmp_path)
    assert "Wonen in de kernen" in plain.stdout


def test_a_theme_label_that_is_no_text_is_a_configuration_error(tmp_path: Path) -> None:
    write_yaml(tmp_path / "afspraken" / "set.yaml", base_set())
    (tmp_path / "prestatie.yaml").write_text(
        "kind: config\nversion: 1\nthemes:\n  beschikbaarheid: 12\n", encoding="utf-8"
    )
    done = run("report", "--format", "md", "afspraken", cwd=tmp_path)
    assert done.returncode == 2
    assert "prestatie.yaml:4:20: V003" in done.stderr
    assert "verwacht tekst, gevonden het getal 12" in done.stderr
