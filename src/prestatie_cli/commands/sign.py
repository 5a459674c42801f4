"""prestatie sign: record a party's sign-off bound to the digest of the set."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from prestatie_cli.commands import Setup
from prestatie_cli.editing.sign import sign
from prestatie_cli.messages import text
from prestatie_cli.reporting.escape import visible


def run(
    path: Path,
    *,
    party: str,
    name: str,
    day: date,
    setup: Setup,
) -> int:
    signed = sign(path, party, name, day, setup.lang)
    signature = signed.signature
    params = {
        "party": signature.party,
        "name": signature.name,
        "date": signature.date.isoformat(),
        "path": str(signed.path),
        "digest": signature.digest or "",
    }
    setup.out.write(visible(text("sign.done", setup.lang, params)) + "\n")
    return 0
