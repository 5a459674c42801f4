"""A check over paths: files found, checked by the runner, answered from the cache when it can."""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Sequence
from dataclasses import astuple, dataclass, fields
from pathlib import Path
from typing import Any

from prestatie_cli.check import cache, runner
from prestatie_cli.check.result import CheckOptions, CheckResult
from prestatie_cli.load.corpus import OnFile
from prestatie_cli.load.discover import discover
from prestatie_cli.model.problems import Problem


def check(
    paths: Sequence[Path], options: CheckOptions, on_file: OnFile | None = None
) -> CheckResult:
    """Check every file below ``paths`` and return all problems found.

    A run over the same files with the same options is answered from the cache.
    """
    return CheckRun.of(paths, options).result(on_file)


@dataclass(frozen=True, slots=True)
class Shown:
    """A check as shown: the number of files, the text, the exit code (plain and --strict)."""

    files: int
    text: str
    exit_codes: tuple[int, int]

    @classmethod
    def of(cls, result: CheckResult, text: str) -> Shown:
        """``result`` as shown by ``text``."""
        return cls(result.files, text, (result.exit_code(), result.exit_code(strict=True)))

    def exit_code(self, strict: bool = False) -> int:
        return self.exit_codes[1] if strict else self.exit_codes[0]


@dataclass(frozen=True, slots=True)
class CheckRun:
    """A check of the files below some paths with some options, named by its cache key
    (None when it is not cached).

    Besides its result the run keeps, per way of showing (a format, --quiet), the text
    a command showed for it: a repeated run is then answered without loading or
    rendering anything. Showing is the command's business; the run only keeps it.
    """

    files: tuple[Path, ...]
    options: CheckOptions
    key: str | None

    @classmethod
    def of(cls, paths: Sequence[Path], options: CheckOptions) -> CheckRun:
        files = tuple(discover(paths))
        # A comparison with a git revision depends on more than the files: not cached.
        key = None if options.previous else cache.key(files, _options(options))
        return cls(files, options, key)

    def result(self, on_file: OnFile | None = None) -> CheckResult:
        """The problems of the run: from the cache, else checked by the runner."""
        if self.key is not None:
            stored = cache.load(self.key)
            if stored is not None:
                with contextlib.suppress(KeyError, TypeError, ValueError):
                    return _result_from(stored)
                # Not a result after all (see _result_from): checked again, and kept anew.
        result = runner.check_files(self.files, self.options, on_file)
        if self.key is not None:
            cache.store(self.key, _result_to(result))
        return result

    def recall(self, shown_as: str) -> Shown | None:
        """The text kept for this run shown as ``shown_as``, if any and sound."""
        if self.key is None:
            return None
        return _shown_from(cache.load(f"{self.key}-{shown_as}"))

    def remember(self, shown_as: str, shown: Shown) -> None:
        """Keep how this run was shown as ``shown_as``, for the next identical run."""
        if self.key is not None:
            cache.store(f"{self.key}-{shown_as}", [shown.files, shown.text, list(shown.exit_codes)])


def _shown_from(stored: Any) -> Shown | None:
    if not (isinstance(stored, list) and len(stored) == 3):
        return None
    files, text, codes = stored
    if (
        type(files) is int
        and files >= 0
        and isinstance(text, str)
        and isinstance(codes, list)
        and len(codes) == 2
        and all(code in (0, 1, 2) and type(code) is int for code in codes)
    ):
        return Shown(files, text, (codes[0], codes[1]))
    return None


def _options(options: CheckOptions) -> str:
    settings = options.settings
    return json.dumps(
        {
            "as_of": options.as_of.isoformat(),
            "lang": options.lang,
            "severities": sorted(settings.severities.items()),
            "thresholds": settings.thresholds.model_dump(),
        },
        sort_keys=True,
    )


def _result_to(result: CheckResult) -> dict[str, Any]:
    # Rows rather than objects: a tenth of the country's result is read back twice as fast.
    return {
        "files": result.files,
        "problems": [astuple(problem) for problem in result.problems],
        "waived": [astuple(problem) for problem in result.waived],
    }


def _result_from(stored: dict[str, Any]) -> CheckResult:
    """The result kept by ``_result_to``; ValueError (or KeyError, TypeError) for anything
    else, so that no row the cache holds can show as a problem it is not."""
    files = stored["files"]
    if type(files) is not int or files < 0:
        raise ValueError(files)
    return CheckResult(
        files,
        tuple(_problem_from(row) for row in stored["problems"]),
        tuple(_problem_from(row) for row in stored["waived"]),
    )


# A rule's code (S101) or a loader's (Y002): the codes a problem can have.
_CODE = re.compile(r"[A-Z][0-9]{3}")
_FIELDS = len(fields(Problem))


def _problem_from(row: Any) -> Problem:
    """A problem from its row, each field of the right type: a 1-based position, a code,
    a severity; ValueError otherwise."""
    if not (isinstance(row, list) and len(row) == _FIELDS):
        raise ValueError(row)
    path, line, column, code, severity, message, hint, waived = row
    if not (
        isinstance(path, str)
        and type(line) is int
        and type(column) is int
        and line >= 1
        and column >= 1
        and isinstance(code, str)
        and _CODE.fullmatch(code)
        and severity in ("error", "warning", "info")
        and isinstance(message, str)
        and isinstance(hint, str)
        and (waived is None or isinstance(waived, str))
    ):
        raise ValueError(row)
    return Problem(path, line, column, code, severity, message, hint, waived)
