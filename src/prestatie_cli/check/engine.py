"""A check over paths: files found, checked by the runner, answered from the cache when it can."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Sequence
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import Any

from prestatie_cli.check import cache
from prestatie_cli.check.result import CheckOptions, CheckResult
from prestatie_cli.check.runner import check_files
from prestatie_cli.load.corpus import OnFile
from prestatie_cli.load.discover import discover
from prestatie_cli.model.problems import Problem


def check(
    paths: Sequence[Path], options: CheckOptions, on_file: OnFile | None = None
) -> CheckResult:
    """Check every file below ``paths`` and return all problems found.

    A run over the same files with the same options is answered from the cache.
    """
    files = discover(paths)
    return _checked(files, _run_key(files, options), options, on_file)


@dataclass(frozen=True, slots=True)
class Shown:
    """A check as shown: the number of files, the text, the exit code (plain and --strict)."""

    files: int
    text: str
    exit_codes: tuple[int, int]

    def exit_code(self, strict: bool = False) -> int:
        return self.exit_codes[1] if strict else self.exit_codes[0]


def check_shown(
    paths: Sequence[Path],
    options: CheckOptions,
    show: Callable[[CheckResult], str],
    shown_as: str,
    on_file: OnFile | None = None,
) -> Shown:
    """``check``, shown by ``show``; ``shown_as`` names the way of showing (format, quiet).

    A run over the same files, with the same options, shown the same way, is
    answered with the text it showed before: nothing is loaded or rendered.
    """
    files = discover(paths)
    run = _run_key(files, options)
    entry = f"{run}-{shown_as}" if run is not None else None
    if entry is not None:
        stored = _shown_from(cache.load(entry))
        if stored is not None:
            return stored
    result = _checked(files, run, options, on_file)
    shown = Shown(result.files, show(result), (result.exit_code(), result.exit_code(strict=True)))
    if entry is not None:
        cache.store(entry, [shown.files, shown.text, list(shown.exit_codes)])
    return shown


def _shown_from(stored: Any) -> Shown | None:
    if not (isinstance(stored, list) and len(stored) == 3):
        return None
    files, text, codes = stored
    if (
        type(files) is int
        and isinstance(text, str)
        and isinstance(codes, list)
        and len(codes) == 2
        and all(code in (0, 1, 2) and type(code) is int for code in codes)
    ):
        return Shown(files, text, (codes[0], codes[1]))
    return None


def _run_key(files: Sequence[Path], options: CheckOptions) -> str | None:
    # A comparison with a git revision depends on more than the files: not cached.
    return None if options.previous else cache.key(files, _options(options))


def _checked(
    files: Sequence[Path], run: str | None, options: CheckOptions, on_file: OnFile | None
) -> CheckResult:
    if run is not None:
        stored = cache.load(run)
        if stored is not None:
            with contextlib.suppress(KeyError, TypeError, ValueError):
                return _result_from(stored)
    result = check_files(files, options, on_file)
    if run is not None:
        cache.store(run, _result_to(result))
    return result


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
    return CheckResult(
        int(stored["files"]),
        tuple(Problem(*row) for row in stored["problems"]),
        tuple(Problem(*row) for row in stored["waived"]),
    )
