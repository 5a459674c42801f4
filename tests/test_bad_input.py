"""Every kind of bad input through the real command line, as a user would run it.

Each file of tests/bad_input/ and each generated case (too large, too deep, not a
regular file, ...) is checked with ``python -m prestatie_cli check`` in its own
process. The processes run side by side once per module; the tests then look at
their exit code and output.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from prestatie_cli.load.discover import find_config

BAD_INPUT = Path(__file__).parent / "bad_input"
AS_OF = "2025-06-01"
TIMEOUT = 20
# What python_object_apply.yaml would create in the working directory if its tag ran.
TAG_MARKER = "prestatie-tag-executed"


@dataclass(frozen=True, slots=True)
class Expect:
    """The outcome of checking one path: exit code and the (first) problem reported."""

    exit: int
    code: str | None = None
    line: int | None = None
    column: int | None = None
    count: int = 1
    message: str = ""  # a part of the (English) message
    hint: str = ""  # a part of the hint
    stderr: str = ""  # a part of standard error; otherwise it must be empty

    @property
    def problems(self) -> int:
        return self.count if self.code else 0


CLEAN = Expect(0, count=0)


# --- The committed files ------------------------------------------------------------------

CORPUS: list[Any] = [
    pytest.param("syntax_error.yaml", Expect(2, "Y005", 7, 3)),
    pytest.param("tab_indentation.yaml", Expect(2, "Y005", 5, 1, hint="tabs")),
    pytest.param("duplicate_key_top.yaml", Expect(2, "Y006", 5, 1, message="first on line 4")),
    pytest.param("duplicate_key_nested.yaml", Expect(2, "Y006", 8, 3, message="line 6")),
    pytest.param("unterminated_double_quote.yaml", Expect(2, "Y005", 4, 8, hint="quote")),
    pytest.param("unterminated_single_quote.yaml", Expect(2, "Y005", 4, 8, hint="quote")),
    pytest.param(
        "unclosed_flow_list.yaml",
        Expect(2, "Y005", 5, 9),
    ),
    pytest.param(
        "unclosed_flow_mapping.yaml",
        Expect(2, "Y005", 5, 9),
    ),
    pytest.param(
        "missing_colon.yaml",
        Expect(2, "Y005", 4, 1),
    ),
    pytest.param(
        "missing_space.yaml",
        Expect(2, "Y005", 2, 1),
    ),
    pytest.param("colon_in_text.yaml", Expect(2, "Y005", 4, 26, hint="colon")),
    pytest.param("top_level_list.yaml", Expect(1, "V005", 1, 1, message="a list")),
    pytest.param("top_level_scalar.yaml", Expect(1, "V005", 1, 1, message="prestatieafspraken")),
    pytest.param("empty.yaml", Expect(2, "Y004", 1, 1)),
    pytest.param("only_comments.yaml", Expect(2, "Y004", 1, 1)),
    pytest.param("multiple_documents.yaml", Expect(2, "Y008", 3, 1)),
    pytest.param("python_object_apply.yaml", Expect(2, "Y007", 4, 8, message="python/object")),
    pytest.param("python_name.yaml", Expect(2, "Y007", 4, 8, message="!!python/name:os.system")),
    pytest.param("custom_tag.yaml", Expect(2, "Y007", 4, 8, message="'!foo'")),
    pytest.param("unknown_alias.yaml", Expect(2, "Y005", 4, 8, message="*titel")),
    pytest.param(
        "complex_key.yaml",
        Expect(2, "Y011", 4, 3),
    ),
    pytest.param("invalid_utf8.yaml", Expect(2, "Y003", 4, 21, message="UTF-8")),
    pytest.param(
        "utf16.yaml",
        Expect(2, "Y003", 1, 1, message="UTF-8"),
    ),
    pytest.param("bom_valid.yaml", CLEAN),
    pytest.param("nul_byte.yaml", Expect(2, "Y003", 4, 12, message="NUL")),
    pytest.param(
        "control_characters.yaml",
        Expect(2, "Y003", 4, 17),
    ),
    pytest.param("crlf_valid.yaml", CLEAN),
    pytest.param("crlf_wrong_type.yaml", Expect(1, "V003", 30, 14, hint="numbers")),
    pytest.param("agreements_version_2.yaml", Expect(1, "V003", 2, 10, message="'version'")),
    pytest.param("unknown_kind.yaml", Expect(1, "V004", 1, 7, message="afspraken")),
    pytest.param("missing_kind.yaml", Expect(1, "V004", 1, 1, message="'kind'")),
    pytest.param(
        "key_typo.yaml", Expect(1, "V001", 5, 1, message="bassis", hint="Did you mean 'basis'?")
    ),
    pytest.param("text_for_number.yaml", Expect(1, "V003", 30, 14, hint="numbers")),
    pytest.param("number_for_date.yaml", Expect(1, "V003", 20, 15, message="2025", hint="dates")),
    pytest.param("impossible_date.yaml", Expect(1, "V003", 20, 15, message="2019-02-30")),
    pytest.param("quoted_number.yaml", Expect(1, "V003", 30, 14, message="'180'")),
    # Joint ownership: an owner may be a list of parties (or groups) since issue 13.
    pytest.param("owner_list.yaml", CLEAN),
    # A condition (voorbehoud) without its text.
    pytest.param(
        "condition_without_text.yaml",
        Expect(1, "V002", 21, 9, message="The required key 'text' is missing.", hint="'text:'"),
    ),
    pytest.param(
        "empty_value.yaml",
        Expect(1, "V003", 4, 7, message="'title'"),
    ),
    pytest.param("long_line.yaml", Expect(1, "V003", 19, 21020, message="42")),
]


# --- Generated cases: too large, too deep or not a regular file ----------------------------

MINIMAL = (BAD_INPUT / "crlf_valid.yaml").read_bytes().decode("utf-8").replace("\r\n", "\n")
RANDOM_BYTES = random.Random(20250101).randbytes(64 * 1024)


def _nul_position(raw: bytes) -> tuple[int, int]:
    """Line and column of the first NUL byte, counting characters as a decoder sees them."""
    before = raw[: raw.index(b"\x00")]
    start = before.rfind(b"\n") + 1
    return before.count(b"\n") + 1, len(before[start:].decode("utf-8", errors="replace")) + 1


def billion_laughs() -> str:
    lines = ["a: &a [" + ", ".join(["lol"] * 9) + "]"]
    for name in "bcdefghi":
        previous = chr(ord(name) - 1)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"


Maker = Callable[[Path], Path | None]


def _write(name: str, content: str | bytes) -> Maker:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    return make


def _deep_block_mappings(folder: Path) -> Path:
    # Each level indents one more space: 20,000 levels would be 200 MB, over the size
    # limit. 4,000 levels (8 MB) stay under it and are as deep as matters.
    path = folder / "deep_block_mappings.yaml"
    with path.open("w", encoding="utf-8") as handle:
        for level in range(4_000):
            handle.write(" " * level + "a:\n")
    return path


def _scalar_30mb(folder: Path) -> Path:
    path = folder / "scalar_30mb.yaml"
    chunk = b"x" * (1024 * 1024)
    with path.open("wb") as handle:
        handle.write(b"title: ")
        for _ in range(30):
            handle.write(chunk)
        handle.write(b"\n")
    return path


def _valid_9mb(folder: Path) -> Path:
    path = folder / "valid_9mb.yaml"
    line = "  " + "Een lange zin die niets toevoegt aan de afspraken van partijen. " * 16 + "\n"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(MINIMAL + "basis: >-\n")
        for _ in range(9 * 1024 * 1024 // len(line)):
            handle.write(line)
    assert 8 * 1024 * 1024 < path.stat().st_size < 10 * 1024 * 1024
    return path


def _fifo(folder: Path) -> Path | None:
    if not hasattr(os, "mkfifo"):
        return None
    path = folder / "pipe.yaml"
    os.mkfifo(path)
    return path


def _directory(folder: Path) -> Path:
    path = folder / "x.yaml"
    path.mkdir()
    return path


def _directory_in_folder(folder: Path) -> Path:
    top = folder / "folder-with-x.yaml"
    (top / "x.yaml").mkdir(parents=True)
    (top / "set.yaml").write_text(MINIMAL, encoding="utf-8")
    return top


def _unreadable(folder: Path) -> Path | None:
    if not hasattr(os, "geteuid") or os.geteuid() == 0:
        return None  # root reads any file
    path = folder / "unreadable.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    path.chmod(0)
    return path


def _symlink_loop(folder: Path) -> Path:
    first, second = folder / "loop-a.yaml", folder / "loop-b.yaml"
    first.symlink_to(second)
    second.symlink_to(first)
    return first


def _dangling_symlink_in_folder(folder: Path) -> Path:
    top = folder / "folder-with-dangling"
    top.mkdir()
    (top / "set.yaml").write_text(MINIMAL, encoding="utf-8")
    (top / "moved.yaml").symlink_to(top / "gone.yaml")
    return top


def _tag_with_absolute_path(folder: Path) -> Path:
    marker = folder / "executed-by-tag"
    path = folder / "tag.yaml"
    path.write_text(
        f'kind: agreements\ntitle: !!python/object/apply:os.system ["touch {marker}"]\n'
        f'id: !!python/object/apply:builtins.open ["{marker}", "w"]\n',
        encoding="utf-8",
    )
    return path


# name -> (how to make it, what `prestatie check` says, the path in the output if not the
# argument itself)
GENERATED: dict[str, tuple[Maker, str | None]] = {
    "billion_laughs": (_write("billion_laughs.yaml", billion_laughs()), None),
    "deep_flow_lists": (_write("deep_flow_lists.yaml", "[" * 20_000 + "]" * 20_000), None),
    "deep_flow_mappings": (_write("deep_flow_mappings.yaml", "{a: " * 20_000 + "}" * 20_000), None),
    "deep_block_lists": (_write("deep_block_lists.yaml", "- " * 20_000 + "x\n"), None),
    "deep_block_mappings": (_deep_block_mappings, None),
    "scalar_30mb": (_scalar_30mb, None),
    "valid_9mb": (_valid_9mb, None),
    "random_bytes": (_write("random.yaml", RANDOM_BYTES), None),
    "png_named_yaml": (_write("picture.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), None),
    "fifo": (_fifo, None),
    "directory_named_x_yaml": (_directory, None),
    "directory_with_x_yaml_inside": (_directory_in_folder, None),
    "unreadable": (_unreadable, None),
    "symlink_loop": (_symlink_loop, None),
    "dangling_symlink_in_folder": (_dangling_symlink_in_folder, "moved.yaml"),
    "not_found": (lambda folder: folder / "does-not-exist.yaml", None),
    "tag_with_absolute_path": (_tag_with_absolute_path, None),
    "alias_as_key": (_write("alias_key.yaml", "kind: &k agreements\n*k : x\n"), None),
}

GENERATED_EXPECT: list[Any] = [
    # Aliases add 74,718 nodes in lines a-e; the first alias on line f crosses 100,000.
    pytest.param("billion_laughs", Expect(2, "Y010", 6, 8, message="100000")),
    pytest.param("deep_flow_lists", Expect(2, "Y009", 1, 65, message="64")),
    pytest.param("deep_flow_mappings", Expect(2, "Y009", 1, 257)),
    pytest.param("deep_block_lists", Expect(2, "Y009", 1, 129)),
    pytest.param("deep_block_mappings", Expect(2, "Y009", 65, 65)),
    pytest.param("scalar_30mb", Expect(2, "Y002", 1, 1, message="10 MB")),
    pytest.param("valid_9mb", CLEAN),
    pytest.param(
        "random_bytes", Expect(2, "Y003", *_nul_position(RANDOM_BYTES), message="NUL byte")
    ),
    pytest.param("png_named_yaml", Expect(2, "Y003", 3, 1)),
    pytest.param("fifo", Expect(2, "Y001", 1, 1, message="not a regular file")),
    pytest.param("directory_named_x_yaml", Expect(2, count=0, stderr="No YAML files found")),
    pytest.param("directory_with_x_yaml_inside", CLEAN),
    pytest.param("unreadable", Expect(2, "Y001", 1, 1, message="Permission denied")),
    pytest.param("symlink_loop", Expect(2, "Y001", 1, 1, message="symbolic links")),
    pytest.param(
        "dangling_symlink_in_folder",
        Expect(2, "Y001", 1, 1, message="does not exist"),
    ),
    pytest.param("not_found", Expect(2, "Y001", 1, 1, message="does not exist")),
    pytest.param("tag_with_absolute_path", Expect(2, "Y007", 2, 8)),
    pytest.param(
        "alias_as_key",
        Expect(2, "Y011", 2, 1),
    ),
]


# --- Running the command line -------------------------------------------------------------

PROBLEM_LINE = re.compile(
    r"^(?P<path>.+):(?P<line>\d+):(?P<column>\d+): (?P<code>[A-Z]\d{3}) "
    r"(?P<severity>error|warning|info) (?P<message>.*)$"
)


@dataclass(frozen=True, slots=True)
class Shown:
    path: str
    line: int
    column: int
    code: str
    severity: str
    message: str
    hint: str


@dataclass(frozen=True, slots=True)
class Run:
    """One finished (or timed out) ``prestatie check`` and the path its output should name."""

    shown: str
    returncode: int | None
    stdout: str
    stderr: str

    def problems(self) -> list[Shown]:
        lines = self.stdout.splitlines()
        found: list[Shown] = []
        for index, line in enumerate(lines):
            match = PROBLEM_LINE.match(line)
            if match is None:
                continue
            after = lines[index + 1] if index + 1 < len(lines) else ""
            hint = after.removeprefix("    hint: ") if after.startswith("    hint: ") else ""
            found.append(
                Shown(
                    match["path"],
                    int(match["line"]),
                    int(match["column"]),
                    match["code"],
                    match["severity"],
                    match["message"],
                    hint,
                )
            )
        return found

    def __str__(self) -> str:
        return f"exit {self.returncode}\n--- stdout\n{self.stdout}--- stderr\n{self.stderr}"


def check_command(*args: str | Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "prestatie_cli",
        "check",
        "--lang",
        "en",
        "--as-of",
        AS_OF,
        *map(str, args),
    ]


def run_check(paths: list[Path], cwd: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        check_command(*options, *paths),
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def _run_one(path: Path, shown: str, cwd: Path) -> Run:
    try:
        done = run_check([path], cwd)
    except subprocess.TimeoutExpired as expired:
        output = expired.stdout or b""
        text = output.decode("utf-8", "replace") if isinstance(output, bytes) else output
        return Run(shown, None, text, f"timed out after {TIMEOUT} s")
    return Run(shown, done.returncode, done.stdout, done.stderr)


@dataclass(frozen=True, slots=True)
class Workspace:
    run_dir: Path  # the working directory of every run: no prestatie.yaml above it
    generated: Path
    runs: dict[str, Run | None]  # None: the case cannot be made here (e.g. as root)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    run_dir = tmp_path_factory.mktemp("run")
    assert find_config(run_dir) is None, "a prestatie.yaml above the temporary directory"
    generated = tmp_path_factory.mktemp("generated")
    jobs: dict[str, tuple[Path, str]] = {}
    for param in CORPUS:
        name = param.values[0]
        jobs[name] = (BAD_INPUT / name, str(BAD_INPUT / name))
    skipped: set[str] = set()
    for name, (make, inside) in GENERATED.items():
        path = make(generated)
        if path is None:
            skipped.add(name)
            continue
        jobs[name] = (path, str(path / inside) if inside else str(path))
    workers = max(2, os.cpu_count() or 2)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = {
            name: pool.submit(_run_one, path, shown, run_dir)
            for name, (path, shown) in jobs.items()
        }
        runs: dict[str, Run | None] = {name: future.result() for name, future in futures.items()}
    runs.update(dict.fromkeys(skipped))
    if (generated / "unreadable.yaml").exists():
        (generated / "unreadable.yaml").chmod(0o644)
    return Workspace(run_dir, generated, runs)


def assert_outcome(run: Run | None, expect: Expect) -> None:
    if run is None:
        pytest.skip("this case cannot be made here (root reads every file; no mkfifo)")
    assert run.returncode is not None, f"hung: no answer within {TIMEOUT} s\n{run}"
    assert "Traceback" not in run.stderr, str(run)
    assert run.returncode == expect.exit, str(run)
    if expect.stderr:
        assert expect.stderr in run.stderr, str(run)
    else:
        assert run.stderr == "", str(run)
    problems = run.problems()
    assert len(problems) == expect.problems, str(run)
    if expect.code is None:
        if expect.exit == 0:
            assert "no problems found" in run.stdout, str(run)
        return
    first = problems[0]
    assert first.path == run.shown, str(run)
    assert first.code == expect.code, str(run)
    assert first.line == expect.line, str(run)
    assert first.column == expect.column, str(run)
    assert first.severity == "error"
    assert f"{run.shown}:{expect.line}:{expect.column}: {expect.code} error " in run.stdout
    assert expect.message in first.message, str(run)
    assert first.hint, f"no hint line\n{run}"
    assert expect.hint in first.hint, str(run)


def test_corpus_table_lists_every_file() -> None:
    on_disk = {path.name for path in BAD_INPUT.iterdir() if not path.name.startswith(".")}
    assert on_disk == {param.values[0] for param in CORPUS}
    assert len({param.values[0] for param in GENERATED_EXPECT}) == len(GENERATED)
    assert {param.values[0] for param in GENERATED_EXPECT} == set(GENERATED)


@pytest.mark.parametrize(("name", "expect"), CORPUS)
def test_committed_file(workspace: Workspace, name: str, expect: Expect) -> None:
    assert_outcome(workspace.runs[name], expect)


@pytest.mark.parametrize(("name", "expect"), GENERATED_EXPECT)
def test_generated_case(workspace: Workspace, name: str, expect: Expect) -> None:
    assert_outcome(workspace.runs[name], expect)


def test_tags_never_run_code(workspace: Workspace) -> None:
    assert workspace.runs["python_object_apply.yaml"] is not None
    assert workspace.runs["tag_with_absolute_path"] is not None
    # The commands these tags name would have created these files.
    assert not (workspace.run_dir / TAG_MARKER).exists()
    assert not (workspace.generated / "executed-by-tag").exists()
    assert "touch prestatie-tag-executed" in (BAD_INPUT / "python_object_apply.yaml").read_text(
        encoding="utf-8"
    )


def test_many_bad_files_in_one_run_as_json(workspace: Workspace) -> None:
    """All committed files at once: each gets its own problems, none hides another's."""
    cases = {param.values[0]: param.values[1] for param in CORPUS}
    paths = [BAD_INPUT / name for name in cases]
    done = run_check(paths, workspace.run_dir, "--format", "json")
    assert "Traceback" not in done.stderr
    assert done.stderr == ""
    assert done.returncode == 2  # some files cannot be read
    report = json.loads(done.stdout)
    assert report["files"] == len(paths)
    keys = {"path", "line", "column", "code", "severity", "message", "hint"}
    found: dict[str, list[tuple[str, int, int]]] = {name: [] for name in cases}
    for problem in report["problems"]:
        assert set(problem) == keys
        assert problem["message"]
        assert problem["hint"]
        name = Path(problem["path"]).name
        found[name].append((problem["code"], problem["line"], problem["column"]))
    expected = {
        name: [(expect.code, expect.line, expect.column)] if expect.code else []
        for name, expect in cases.items()
    }
    assert found == expected
    assert report["summary"]["errors"] == sum(len(problems) for problems in expected.values())
