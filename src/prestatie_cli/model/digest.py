"""The digest of what was signed, and each party's latest signature.

The digest covers the canonical content of the set: every field that differs
from its default, as sorted JSON, without the signatures and without waivers.
It does not change with comments, key order, quoting or layout, nor when a
field is written out at its default value, and it does not cover monitor files.
A signature whose digest no longer matches was given for other content than the
file now holds.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from prestatie_cli.model.agreements import AgreementSet, Signature


def _canonical(value: Any) -> Any:
    """180 and 180.0 are the same number: write whole numbers as integers."""
    if isinstance(value, dict):
        return {key: _canonical(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_canonical(item) for item in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def digest(agreements: AgreementSet) -> str:
    """``sha256:`` and the hex digest of the set's canonical content."""
    content = _canonical(
        agreements.model_dump(
            mode="json",
            # Waivers say how the set is checked, not what was agreed; a field left at its
            # default (now or in a later version of the format) changes nothing either.
            exclude={"signatures": True, "waivers": True, "agreements": {"__all__": {"waivers"}}},
            exclude_defaults=True,
        )
    )
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def latest_signatures(agreements: AgreementSet) -> dict[str, tuple[int, Signature]]:
    """Each party's most recent signature (by date, then position), with its index."""
    latest: dict[str, tuple[int, Signature]] = {}
    for index, signature in enumerate(agreements.signatures):
        current = latest.get(signature.party)
        if current is None or signature.date >= current[1].date:
            latest[signature.party] = (index, signature)
    return latest
