"""Sets that could not be read: named, with their first error, by every command that
would otherwise go on without them (and say that there is nothing, or no such agreement)."""

from __future__ import annotations

import re
from pathlib import Path

from prestatie_cli.load.corpus import Corpus
from prestatie_cli.load.yaml import LoadError, read_text
from prestatie_cli.messages import Language, text
from prestatie_cli.model.agreements import AgreementSet, Monitor
from prestatie_cli.model.problems import Problem

# A set file says so at the top level: kind: agreements (or, before it is finished, an id).
_SET_HEADER = re.compile(r"^(?:kind:[ \t]*['\"]?agreements\b|id:)", re.MULTILINE)


def broken_sets(corpus: Corpus) -> list[Problem]:
    """The first error of each file that means to be a set and is none, in file order."""
    valid = {item.path for item in corpus.loaded if isinstance(item.model, AgreementSet | Monitor)}
    first: dict[str, Problem] = {}
    for problem in corpus.problems:
        if problem.severity == "error" and problem.path not in valid:
            kept = first.get(problem.path)
            if kept is None or problem.sort_key < kept.sort_key:
                first[problem.path] = problem
    return [problem for path, problem in first.items() if _means_a_set(Path(path))]


def _means_a_set(path: Path) -> bool:
    try:
        source = read_text(path, str(path))
    except LoadError:
        return False
    return _SET_HEADER.search(source) is not None


def explain(problems: list[Problem], lang: Language, listed: bool = False) -> list[str]:
    """One sentence per broken set: the file, its first error (file:line:col) and what to run;
    without the error where the command has ``listed`` the problems just before."""
    if listed:
        return [
            text("load.broken-set-listed", lang, {"path": problem.path}) for problem in problems
        ]
    return [
        text(
            "load.broken-set",
            lang,
            {
                "path": problem.path,
                "where": f"{problem.path}:{problem.line}:{problem.column}",
                "code": problem.code,
                "problem": problem.message,
            },
        )
        for problem in problems
    ]
