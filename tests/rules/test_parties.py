"""P628: a party signs one version once, also when a signature was added by hand."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from prestatie_cli.model.agreements import AgreementSet
from prestatie_cli.model.digest import digest
from tests.conftest import base_set, write_yaml


def _p628(tmp_path: Path, extra: dict[str, str], with_digest: bool) -> list[str]:
    data = base_set()
    if with_digest:
        signed = digest(AgreementSet.model_validate(data))
        data["signatures"][0]["digest"] = signed
    data["signatures"].append(extra)
    path = write_yaml(tmp_path / "set.yaml", data)
    done = subprocess.run(
        [sys.executable, "-m", "prestatie_cli", "check", "--as-of", "2020-06-30", path.name],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    lines = path.read_text(encoding="utf-8").splitlines()
    where = max(number for number, line in enumerate(lines, 1) if '"party": "gemeente"' in line)
    found = [line for line in done.stdout.splitlines() if "P628" in line]
    return [line.replace(f"set.yaml:{where}:", "set.yaml:LINE:") for line in found]


def test_a_signature_without_digest_on_the_day_of_one_with_a_digest_is_twice(
    tmp_path: Path,
) -> None:
    extra = {"party": "gemeente", "name": "J. de Vries", "date": "2016-03-15"}
    assert _p628(tmp_path, extra, with_digest=True) == [
        "set.yaml:LINE:16: P628 waarschuwing Partij 'gemeente' tekent deze versie van de set een "
        "tweede keer (eerder op 2016-03-15)."
    ]


def test_a_signature_without_digest_on_another_day_is_not_twice(tmp_path: Path) -> None:
    extra = {"party": "gemeente", "name": "J. de Vries", "date": "2016-04-01"}
    assert _p628(tmp_path, extra, with_digest=True) == []
