"""JUnit XML, for CI systems that show test reports: one test case per problem.

What XML 1.0 cannot hold (most control characters, lone surrogates) is shown as an
escape, so the document always parses.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING
from xml.etree import ElementTree

from prestatie_cli.messages import Language
from prestatie_cli.reporting.escape import xml_text

if TYPE_CHECKING:  # types only: the command line imports the registries on every run
    from prestatie_cli.check.result import CheckResult
    from prestatie_cli.model.problems import Problem


def render_check(result: CheckResult, lang: Language, *, quiet: bool) -> str:
    """One test case per problem, --quiet or not: a CI system shows what it needs."""
    by_file: dict[str, list[Problem]] = defaultdict(list)
    for problem in result.problems:
        by_file[problem.path].append(problem)
    suites = ElementTree.Element(
        "testsuites",
        name="prestatie check",
        tests=str(max(len(result.problems), 1)),
        failures=str(len(result.problems)),
    )
    for shown_path, problems in sorted(by_file.items()):
        path = xml_text(shown_path)
        suite = ElementTree.SubElement(
            suites, "testsuite", name=path, tests=str(len(problems)), failures=str(len(problems))
        )
        for problem in problems:
            case = ElementTree.SubElement(
                suite,
                "testcase",
                classname=path,
                name=f"{problem.code} {problem.line}:{problem.column}",
                file=path,
                line=str(problem.line),
            )
            message = xml_text(problem.message)
            failure = ElementTree.SubElement(
                case, "failure", type=f"{problem.code} {problem.severity}", message=message
            )
            failure.text = (
                f"{path}:{problem.line}:{problem.column}: {message}\n{xml_text(problem.hint)}"
            )
    if not result.problems:
        suite = ElementTree.SubElement(
            suites, "testsuite", name="prestatie check", tests="1", failures="0"
        )
        ElementTree.SubElement(
            suite, "testcase", classname="prestatie", name=f"{result.files} file(s) checked"
        )
    ElementTree.indent(suites)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        + ElementTree.tostring(suites, encoding="unicode")
        + "\n"
    )
