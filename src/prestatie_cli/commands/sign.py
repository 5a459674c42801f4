"""prestatie sign: record a party's sign-off bound to the digest of the set."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TextIO

from prestatie_cli.commands.settings import settings_for
from prestatie_cli.editing.sign import sign
from prestatie_cli.messages import Language, text


def run(
    path: Path,
    *,
    party: str,
    name: str,
    day: date,
    lang: Language | None,
    config: Path | None,
    out: TextIO,
    err: TextIO,
) -> int:
    settings, chosen = settings_for(config, lang, err)
    if settings is None:
        return 2
    signed = sign(path, party, name, day, chosen)
    signature = signed.signature
    params = {
        "party": signature.party,
        "name": signature.name,
        "date": signature.date.isoformat(),
        "path": str(signed.path),
        "digest": signature.digest or "",
    }
    out.write(text("sign.done", chosen, params) + "\n")
    return 0
