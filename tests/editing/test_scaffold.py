"""prestatie init: the scaffolded repository, as a user gets it, checks clean and carries CI."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from prestatie_cli.load.yaml import load_file
from prestatie_cli.model.json_schema import schema_files
from tests.commandline import in_process as run
from tests.commandline import in_subprocess as run_process


def default_id(name: str) -> str:
    """The set id init gives a directory: a four-year term starting next year."""
    year = date.today().year
    return f"{name}-{year + 1}-{year + 4}"


def tree(directory: Path) -> dict[str, bytes]:
    """Every file below ``directory`` (hidden ones too), relative path -> content."""
    return {
        path.relative_to(directory).as_posix(): path.read_bytes()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


# Where the CI files install prestatie from: this copy is installed from a local folder,
# which a CI server cannot reach, so every test names a public origin.
REQUIREMENT = "prestatie @ git+https://git.example.org/wonen/prestatie.git@v0.1.0"


def scaffolded(tmp_path: Path, *options: str) -> Path:
    if "--requirement" not in options:
        options = (*options, "--requirement", REQUIREMENT)
    done = run("init", "demo", *options, cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    return tmp_path / "demo"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One default scaffold, for the tests that only read it."""
    return scaffolded(tmp_path_factory.mktemp("shared"))


def done_message(path: str, count: int) -> str:
    return (
        f"Nieuwe repository voor prestatieafspraken in {path}: {count} bestanden.\n"
        "Volgende stappen:\n"
        f"  cd {path}\n"
        "  prestatie check afspraken monitor\n"
        "  git init && git add . && git commit -m 'Opzet prestatieafspraken'\n"
    )


def test_init_creates_exactly_the_scaffold(tmp_path: Path) -> None:
    done = run_process("init", "demo", "--requirement", REQUIREMENT, cwd=tmp_path)
    set_id = default_id("demo")
    assert done.returncode == 0
    assert done.stderr == ""
    assert done.stdout == done_message("demo", 12)
    assert sorted(tree(tmp_path)) == [
        "demo/.github/workflows/prestatie.yml",
        "demo/.gitlab-ci.yml",
        "demo/.pre-commit-config.yaml",
        "demo/.vscode/extensions.json",
        "demo/.vscode/settings.json",
        "demo/.vscode/tasks.json",
        f"demo/afspraken/{set_id}.yaml",
        f"demo/monitor/{set_id}.yaml",
        "demo/prestatie.yaml",
        "demo/schemas/agreements.schema.json",
        "demo/schemas/config.schema.json",
        "demo/schemas/monitor.schema.json",
    ]
    monitor = load_file(tmp_path / "demo" / "monitor" / f"{set_id}.yaml").data
    assert monitor == {"kind": "monitor", "version": 1, "set": set_id, "measurements": []}


def _p604_lines(set_id: str) -> list[str]:
    path = f"afspraken/{set_id}.yaml"
    parties = [
        (16, "gemeente", "Gemeente Demo"),
        (19, "corporatie", "Woningcorporatie (naam invullen)"),
        (22, "huurders", "Huurdersorganisatie (naam invullen)"),
    ]
    lines = []
    for line, party, name in parties:
        lines.append(
            f"{path}:{line}:9: P604 waarschuwing Partij '{party}' ({name}) heeft de set niet ondertekend."
        )
        lines.append(
            f"    tip: Laat de partij tekenen: prestatie sign SET --party {party} --name NAAM "
            "(of voeg onder 'signatures' party, name en date toe)."
        )
    return lines


@pytest.mark.parametrize(
    ("paths", "files"), [((".",), 3), (("afspraken", "monitor"), 2)], ids=["dot", "dirs"]
)
def test_scaffold_checks_clean_but_for_the_missing_signatures(
    demo: Path, paths: tuple[str, ...], files: int
) -> None:
    done = run_process("check", *paths, cwd=demo)
    assert done.returncode == 0
    assert done.stderr == ""
    assert done.stdout.splitlines() == [
        *_p604_lines(default_id("demo")),
        f"{files} bestand(en) gecontroleerd: 0 fout(en), 3 waarschuwing(en), 0 info, "
        "0 uitgezonderd.",
    ]


@pytest.mark.parametrize(
    "existing",
    [
        "prestatie.yaml",
        "monitor/demo-2026-2029.yaml",
        ".github/workflows/prestatie.yml",
        ".vscode/settings.json",
    ],
)
def test_init_adds_the_missing_files_and_keeps_an_existing_one(
    tmp_path: Path, existing: str
) -> None:
    demo = tmp_path / "demo"
    (demo / existing).parent.mkdir(parents=True)
    mine = b"# van de gebruiker, niet aanraken\n"
    (demo / existing).write_bytes(mine)
    done = run("init", "demo", "--start-year", "2026", "--requirement", REQUIREMENT, cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    everything = [
        "prestatie.yaml", "afspraken/demo-2026-2029.yaml", "monitor/demo-2026-2029.yaml",
        ".pre-commit-config.yaml", ".github/workflows/prestatie.yml", ".gitlab-ci.yml",
        "schemas/agreements.schema.json", "schemas/monitor.schema.json",
        "schemas/config.schema.json", ".vscode/settings.json", ".vscode/extensions.json",
        ".vscode/tasks.json",
    ]  # fmt: skip
    added = [name for name in everything if name != existing]
    assert done.stdout == (
        f"In demo 11 bestand(en) toegevoegd: {', '.join(added)}.\n"
        f"Bestaande bestanden ongemoeid gelaten: {existing}.\n"
        "Volgende stappen:\n"
        "  cd demo\n"
        "  prestatie check afspraken monitor\n"
    )
    assert (demo / existing).read_bytes() == mine
    assert sorted(tree(demo)) == sorted(everything)


def test_init_twice_changes_nothing_and_says_so(tmp_path: Path) -> None:
    demo = scaffolded(tmp_path, "--start-year", "2026")
    (demo / "prestatie.yaml").write_text("kind: config\nversion: 1\nlang: en\n", encoding="utf-8")
    before = tree(tmp_path)
    done = run("init", "demo", "--start-year", "2026", "--requirement", REQUIREMENT, cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == (
        "In demo bestaat alles al wat prestatie init maakt (.github/workflows/prestatie.yml, "
        ".gitlab-ci.yml, .pre-commit-config.yaml, .vscode/extensions.json, "
        ".vscode/settings.json, .vscode/tasks.json, afspraken/demo-2026-2029.yaml, "
        "monitor/demo-2026-2029.yaml, prestatie.yaml, schemas/agreements.schema.json, "
        "schemas/config.schema.json, schemas/monitor.schema.json); er is niets geschreven.\n"
    )
    assert tree(tmp_path) == before


def test_init_in_a_repository_with_sets_adds_no_example_set(tmp_path: Path) -> None:
    """prestatie added to a repository that has its sets already: CI, settings, schemas."""
    (tmp_path / "afspraken").mkdir()
    (tmp_path / "afspraken" / "eigen.yaml").write_text("# de set van de gebruiker\n")
    (tmp_path / "README.md").write_text("# Onze afspraken\n")
    before = tree(tmp_path)
    done = run("init", ".", "--start-year", "2026", "--requirement", REQUIREMENT, cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == (
        "De map afspraken bevat al sets; er is geen voorbeeldset (en monitor) toegevoegd.\n"
        "In . 11 bestand(en) toegevoegd: prestatie.yaml, .pre-commit-config.yaml, "
        ".github/workflows/prestatie.yml, .gitlab-ci.yml, schemas/agreements.schema.json, "
        "schemas/monitor.schema.json, schemas/config.schema.json, .vscode/settings.json, "
        ".vscode/extensions.json, .vscode/tasks.json, monitor/.gitkeep.\n"
        "Volgende stap:\n"
        "  prestatie check afspraken monitor\n"
    )
    after = tree(tmp_path)
    assert {name: after[name] for name in before} == before
    assert [path.name for path in (tmp_path / "monitor").iterdir()] == [".gitkeep"]


def test_init_beside_sets_gives_a_next_step_that_works(tmp_path: Path) -> None:
    """The next step, run from where init was run, finds the monitor folder."""
    (tmp_path / "d" / "afspraken").mkdir(parents=True)
    (tmp_path / "d" / "afspraken" / "x.yaml").write_text("kind: agreements\n")
    done = run("init", "d", "--start-year", "2026", "--requirement", REQUIREMENT, cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.endswith("Volgende stappen:\n  cd d\n  prestatie check afspraken monitor\n")
    assert (tmp_path / "d" / "monitor" / ".gitkeep").read_text() == ""
    check = run("check", "afspraken", "monitor", cwd=tmp_path / "d")
    assert "monitor:1:1" not in check.stdout
    assert "Y001" not in check.stdout
    assert "afspraken/x.yaml" in check.stdout


def test_a_missing_folder_is_not_called_a_file(tmp_path: Path) -> None:
    done = run("check", "monitor", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout.startswith("monitor:1:1: Y001 fout De map (of het bestand) bestaat niet.\n")


def test_init_without_a_public_origin_asks_for_requirement(tmp_path: Path) -> None:
    """This copy is an editable install of a local folder: CI could not install it."""
    done = run("init", "demo", "--start-year", "2026", cwd=tmp_path)
    origin = Path(__file__).resolve().parents[2].as_uri()
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "prestatie: Waar moet CI prestatie vandaan halen? Deze prestatie is geïnstalleerd uit "
        f"{origin}, een adres dat een CI-server niet kan bereiken. Geef het op met "
        "--requirement, bijvoorbeeld --requirement 'prestatie @ "
        "git+https://example.org/uw-organisatie/prestatie@v0.1.0' (een git-adres met tag of "
        "commit). Er is niets geschreven.\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_without_origin_init_still_adds_to_a_repository_that_has_its_ci(tmp_path: Path) -> None:
    demo = scaffolded(tmp_path, "--start-year", "2026")
    (demo / "prestatie.yaml").unlink()
    done = run("init", "demo", "--start-year", "2026", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines()[0] == "In demo 1 bestand(en) toegevoegd: prestatie.yaml."
    assert (demo / "prestatie.yaml").is_file()


@pytest.mark.parametrize(
    "requirement",
    ["prestatie-nep>=1", "iets anders", "foo",
     "prestatie @ git+https://x.example/p@${{ github.ref }}", "prestatie\n>=1"],
)  # fmt: skip
def test_a_requirement_for_something_else_is_refused(tmp_path: Path, requirement: str) -> None:
    done = run("init", "demo", "--requirement", requirement, cwd=tmp_path)
    shown = requirement.replace("\n", "\\n")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        f"prestatie: --requirement {shown} kan niet: geef één regel die met 'prestatie @' "
        "begint, gevolgd door het adres van prestatie, bijvoorbeeld "
        "'prestatie @ git+https://example.org/uw-organisatie/prestatie@v0.1.0'. "
        "Er is niets geschreven.\n"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("requirement", ["prestatie>=0.1.0", "prestatie", "prestatie[pdf]==0.1"])
def test_a_requirement_by_name_from_a_package_index_is_refused(
    tmp_path: Path, requirement: str
) -> None:
    done = run("init", "demo", "--requirement", requirement, cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        f"prestatie: --requirement {requirement} kan niet: CI zou dan prestatie op naam van "
        "een pakketindex installeren, en het pakket met die naam daar is niet dit programma. "
        "Geef het adres met een vaste versie: 'prestatie @ git+URL@COMMIT', bijvoorbeeld "
        "'prestatie @ git+https://example.org/uw-organisatie/prestatie@v0.1.0'. "
        "Er is niets geschreven.\n"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("year", ["26", "0", "202"])
def test_a_start_year_not_in_four_digits_is_refused(tmp_path: Path, year: str) -> None:
    done = run("init", "demo", "--start-year", year, "--requirement", REQUIREMENT, cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        f"prestatie: Het beginjaar {year} kan niet: kies een jaar van 1990 tot en met 2199, "
        "voluit geschreven (bijvoorbeeld 2026). Er is niets geschreven.\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_start_year_not_in_four_digits_is_refused_in_english(tmp_path: Path) -> None:
    done = run("init", "demo", "--lang", "en", "--start-year", "26", "--requirement",
               REQUIREMENT, cwd=tmp_path)  # fmt: skip
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "prestatie: The start year 26 cannot be used: choose a year from 1990 to 2199, written "
        "in full (for example 2026). Nothing was written.\n"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("set_id", ["Mijn set!", "../buiten", "x: [y", "BS 01"])
def test_invalid_id_is_refused_and_nothing_is_written(tmp_path: Path, set_id: str) -> None:
    done = run("init", "demo", "--id", set_id, "--requirement", REQUIREMENT, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        f"prestatie: Met deze waarden wordt afspraken/{set_id}.yaml ongeldig (V003 id). "
        "Gebruik voor --id letters, cijfers en '-'; titel en namen mogen niet leeg zijn. "
        "Er is niets geschreven.\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_requirement_goes_into_both_ci_files(demo: Path) -> None:
    workflow = load_file(demo / ".github" / "workflows" / "prestatie.yml").data
    for job in workflow["jobs"].values():
        [install] = [
            step["run"] for step in job["steps"] if step.get("name") == "prestatie installeren"
        ]
        assert shlex.split(install) == ["pip", "install", REQUIREMENT]
    script = load_file(demo / ".gitlab-ci.yml").data["prestatie"]["script"]
    assert shlex.split(script[0]) == ["pip", "install", REQUIREMENT]


def test_pre_commit_takes_prestatie_from_the_same_git_origin(demo: Path) -> None:
    config = load_file(demo / ".pre-commit-config.yaml").data
    assert config == {
        "repos": [
            {
                "repo": "https://git.example.org/wonen/prestatie.git",
                "rev": "v0.1.0",
                "hooks": [
                    {"id": "prestatie-check", "args": ["afspraken", "monitor"]},
                    {"id": "prestatie-fmt", "args": ["afspraken", "monitor", "prestatie.yaml"]},
                ],
            }
        ]
    }


def test_modelines_point_at_the_schemas_init_wrote(demo: Path) -> None:
    set_id = default_id("demo")
    expected = {
        f"afspraken/{set_id}.yaml": "../schemas/agreements.schema.json",
        f"monitor/{set_id}.yaml": "../schemas/monitor.schema.json",
        "prestatie.yaml": "schemas/config.schema.json",
    }
    for name, relative in expected.items():
        first = (demo / name).read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema={relative}"
        schema = (demo / name).parent / relative
        assert schema.is_file()
    written = {path.name: path.read_text(encoding="utf-8") for path in (demo / "schemas").iterdir()}
    assert written == schema_files()


def test_start_year_and_years_set_the_period_and_the_id(tmp_path: Path) -> None:
    demo = scaffolded(tmp_path, "--start-year", "2026", "--years", "4")
    agreements = load_file(demo / "afspraken" / "demo-2026-2029.yaml").data
    assert agreements["id"] == "demo-2026-2029"
    assert agreements["title"] == "Prestatieafspraken Demo 2026-2029"
    assert agreements["period"] == {"start": date(2026, 1, 1), "end": date(2029, 12, 31)}
    assert agreements["parties"][0]["name"] == "Gemeente Demo"
    first = agreements["agreements"][0]
    assert first["deadline"] == date(2029, 12, 31)
    assert first["target"]["baseline"] == {"value": 0, "date": date(2026, 1, 1)}
    assert first["milestones"] == [{"date": date(2027, 12, 31), "value": 60}]
    assert first["text"] == (
        "In de periode 2026-2029 levert de corporatie 120 nieuwe sociale huurwoningen op."
    )
    monitor = load_file(demo / "monitor" / "demo-2026-2029.yaml").data
    assert monitor["set"] == "demo-2026-2029"
    assert sorted(path.name for path in (demo / "afspraken").iterdir()) == ["demo-2026-2029.yaml"]


@pytest.mark.parametrize(
    ("requirement", "hooks"),
    [
        (REQUIREMENT, [("prestatie-check", None, None), ("prestatie-fmt", None, None)]),
        (
            "prestatie @ https://files.example.org/prestatie-0.1.0-py3-none-any.whl",
            [
                ("prestatie-check", "prestatie check afspraken monitor", False),
                ("prestatie-fmt", "prestatie fmt --check afspraken monitor prestatie.yaml", False),
            ],
        ),
    ],
    ids=["git", "wheel"],
)
def test_scaffold_pre_commit_config_is_valid_for_pre_commit(
    tmp_path: Path, requirement: str, hooks: list[tuple[str, str | None, bool | None]]
) -> None:
    demo = scaffolded(tmp_path, "--requirement", requirement)
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", ".pre-commit-config.yaml"],
        cwd=demo,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    written = load_file(demo / ".pre-commit-config.yaml").data["repos"][0]["hooks"]
    assert [
        (hook["id"], hook.get("entry"), hook.get("pass_filenames")) for hook in written
    ] == hooks


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--title", "Prestatieafspraken Lindeveen: wonen 2026-2029"),
        ("--title", "Prestatieafspraken #2 Lindeveen"),
        ("--municipality", "'s-Hertogenbosch"),
        ("--municipality", "Gemeente Súdwest-Fryslân"),
    ],
)
def test_title_and_municipality_are_written_as_given(
    tmp_path: Path, option: str, value: str
) -> None:
    done = run(
        "init", "demo", "--start-year", "2026", option, value, "--requirement", REQUIREMENT,
        cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    agreements = load_file(tmp_path / "demo" / "afspraken" / "demo-2026-2029.yaml").data
    written = agreements["title"] if option == "--title" else agreements["parties"][0]["name"]
    assert written == value
    # ... and the set still checks clean but for the signatures.
    checked = run("check", "afspraken", "monitor", cwd=tmp_path / "demo")
    assert checked.returncode == 0
    codes = re.findall(r"^\S+:\d+:\d+: ([A-Z]\d{3}) ", checked.stdout, flags=re.MULTILINE)
    assert codes == ["P604", "P604", "P604"]


# --- The commented forms of issue 13: shown, and valid once the '# ' is taken away -----------

# A commented line that is YAML: '# key:' or '# - ', at the indentation it would have.
_COMMENTED_YAML = re.compile(r"^(\s*)# (\s*(?:- |[a-z_]+:).*)$")
# A commented line of a folded text ('text: >-'): deeper than the key that opens it.
_COMMENTED_TEXT = re.compile(r"^(\s*)# (\s+)(\S.*)$")


def _uncommented(text: str) -> str:
    """The template as a user makes it who takes the '# ' away from the example lines."""
    lines = []
    folded: int | None = None  # the indentation of the key of an open folded text
    for line in text.splitlines():
        continued = _COMMENTED_TEXT.match(line)
        if folded is not None and continued and len(continued[1] + continued[2]) > folded:
            lines.append(continued[1] + continued[2] + continued[3])
            continue
        folded = None
        shown = _COMMENTED_YAML.sub(r"\1\2", line)
        if shown != line and re.search(r":\s*>-\s*(#.*)?$", shown):
            key = re.match(r"^(\s*(?:- )?)", shown)
            assert key is not None
            folded = len(key[1])
        lines.append(shown)
    return "".join(line + "\n" for line in lines)


def test_the_template_shows_every_new_field_in_a_comment(tmp_path: Path) -> None:
    demo = scaffolded(tmp_path, "--start-year", "2026")
    written = (demo / "afspraken" / "demo-2026-2029.yaml").read_text(encoding="utf-8")
    # In comments only: the generated set itself is as it was.
    commented = "\n".join(line.partition("#")[2] for line in written.splitlines())
    for shown in (
        "groups:", "members: corporatie", "owner: corporatie               # wie vraagt",
        "[gemeente, corporaties]", "kind: request", "addressed_to: gemeente", "answer:",
        "kind: context", "conditions:", "kind: approval", "parent: BS-01", "scope:",
        "per_event:", "effective_from:", "ongoing: true", "beyond_term:", "frequency: monthly",
        "between (met upper)", "index: inflatie (CPI)", "per_year:", "split:",
        "approximate: true", "counting: net", "joined:", "left:", "successor:",
        "frame:", "bids:", "amendments:", "extends_to:", "withdraws: [PR-01]",
    ):  # fmt: skip
        assert shown in commented, shown
    monitor = (demo / "monitor" / "demo-2026-2029.yaml").read_text(encoding="utf-8")
    assert "# conditions:" in monitor
    assert "--index 3.3" in monitor


def test_the_commented_forms_are_valid_once_uncommented(tmp_path: Path) -> None:
    demo = scaffolded(tmp_path, "--start-year", "2026")
    for name in ("afspraken/demo-2026-2029.yaml", "monitor/demo-2026-2029.yaml"):
        path = demo / name
        path.write_text(_uncommented(path.read_text(encoding="utf-8")), encoding="utf-8")
    # Checked as init is used: the year before the term (the default start is next year).
    checked = run("check", "--as-of", "2025-12-01", "afspraken", "monitor", cwd=demo)
    # Only what the base template asks too: every party signs, the one that joins as well.
    path = "afspraken/demo-2026-2029.yaml"
    joined = (
        f"{path}:26:9: P604 waarschuwing Partij 'corporatie-b' (Tweede corporatie (naam invullen)) "
        "heeft de set niet ondertekend.",
        "    tip: Laat de partij tekenen: prestatie sign SET --party corporatie-b --name NAAM "
        "(of voeg onder 'signatures' party, name en date toe).",
    )
    assert (checked.returncode, checked.stderr) == (0, "")
    assert checked.stdout.splitlines() == [
        *_p604_lines("demo-2026-2029"),
        *joined,
        "2 bestand(en) gecontroleerd: 0 fout(en), 4 waarschuwing(en), 0 info, 0 uitgezonderd.",
    ]
    data = load_file(demo / "afspraken" / "demo-2026-2029.yaml").data
    assert [a["id"] for a in data["agreements"]] == [
        "BS-01", "BS-02", "PR-01", "VZ-01", "K-00", "BS-01-A", "BS-01-B", "PR-02", "BT-01",
        "BT-02", "KD-01",
    ]  # fmt: skip
    assert [g["id"] for g in data["groups"]] == ["corporaties"]
    assert data["amendments"][0]["withdraws"] == ["PR-01"]
    assert (
        load_file(demo / "monitor" / "demo-2026-2029.yaml").data["conditions"][0]["state"] == "met"
    )


# --- init --lang en: the files speak English too ------------------------------------------------

_DUTCH = re.compile(
    r"\b(de|het|een|van|voor|bij|wordt|naar|niet|ook|zijn|die|dat|zoals|alle|tot|"
    r"controleer|meldingen|afspraken controleren|geschiedenis|rechten|installeren)\b",
    flags=re.IGNORECASE,
)


def _comments(text: str) -> list[str]:
    """The prose of the comments: not the commented YAML, not the commands to type."""
    prose = []
    for line in text.splitlines():
        if "#" not in line or line.lstrip().startswith("# yaml-language-server"):
            continue
        comment = line[line.index("#") :]
        if _COMMENTED_YAML.match(line) or _COMMENTED_TEXT.match(line):
            # A commented example: only a comment behind it is prose.
            inner = comment[1:]
            if " # " not in inner:
                continue
            comment = inner[inner.index(" # ") + 1 :]
        if "prestatie record" in comment or "prestatie sign" in comment:
            continue
        prose.append(comment)
    return prose


def test_lang_en_writes_english_files_and_says_so_in_english(tmp_path: Path) -> None:
    done = run("init", "demo", "--lang", "en", "--start-year", "2026", "--requirement",
               REQUIREMENT, cwd=tmp_path)  # fmt: skip
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == (
        "New repository for performance agreements in demo: 12 files.\n"
        "Next steps:\n"
        "  cd demo\n"
        "  prestatie check afspraken monitor\n"
        "  git init && git add . && git commit -m 'Set up performance agreements'\n"
    )
    demo = tmp_path / "demo"
    assert load_file(demo / "prestatie.yaml").data["lang"] == "en"
    dutch = {
        name: [comment for comment in _comments(content.decode()) if _DUTCH.search(comment)]
        for name, content in tree(demo).items()
        if name.endswith((".yaml", ".yml"))
    }
    assert dutch == {name: [] for name in dutch}
    # The schemas explain each field in English too.
    assert {
        path.name: path.read_text(encoding="utf-8") for path in (demo / "schemas").iterdir()
    } == schema_files("en")
    # The same files, the Dutch way: every one of them has Dutch comments.
    (tmp_path / "nl").mkdir()
    dutch_demo = scaffolded(tmp_path / "nl", "--start-year", "2026")
    for name, content in tree(dutch_demo).items():
        if name.endswith((".yaml", ".yml")):
            assert any(_DUTCH.search(c) for c in _comments(content.decode())), name


def test_lang_en_scaffold_has_the_same_data_and_checks_in_english(tmp_path: Path) -> None:
    english = tmp_path / "en"
    english.mkdir()
    run("init", "demo", "--lang", "en", "--start-year", "2026", "--requirement", REQUIREMENT,
        cwd=english)  # fmt: skip
    dutch = scaffolded(tmp_path, "--start-year", "2026")
    name = "afspraken/demo-2026-2029.yaml"
    en_set = load_file(english / "demo" / name).data
    nl_set = load_file(dutch / name).data
    # Only the names to fill in differ: the agreements are Dutch documents in both.
    assert [party["name"] for party in en_set["parties"]] == [
        "Gemeente Demo", "Housing corporation (fill in the name)",
        "Tenants' organisation (fill in the name)",
    ]  # fmt: skip
    assert en_set["agreements"] == nl_set["agreements"]
    checked = run("check", "afspraken", "monitor", cwd=english / "demo")
    assert checked.returncode == 0
    assert checked.stdout.splitlines()[-1].startswith("2 file(s) checked: 0 error(s), 3 warning(s)")
    # The commented forms are valid in English too.
    for path in (english / "demo" / name, english / "demo" / "monitor/demo-2026-2029.yaml"):
        path.write_text(_uncommented(path.read_text(encoding="utf-8")), encoding="utf-8")
    checked = run("check", "--as-of", "2025-12-01", "afspraken", "monitor", cwd=english / "demo")
    assert checked.returncode == 0
    assert checked.stdout.splitlines()[-1].startswith("2 file(s) checked: 0 error(s), 4 warning(s)")
