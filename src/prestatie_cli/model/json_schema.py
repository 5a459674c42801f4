"""The JSON Schema of each kind of file, generated from the models."""

from __future__ import annotations

import json
from typing import Any

from prestatie_cli.model.agreements import MODELS

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_for(kind: str) -> dict[str, Any]:
    """The JSON Schema of one kind of file (agreements, monitor, config)."""
    generated = MODELS[kind].model_json_schema()
    return {"$schema": SCHEMA_DIALECT, **generated}


def schema_files() -> dict[str, str]:
    """File name -> JSON text, for every kind."""
    return {
        f"{kind}.schema.json": json.dumps(schema_for(kind), indent=2, ensure_ascii=False) + "\n"
        for kind in MODELS
    }
