"""The JSON Schema of each kind of file, generated from the models.

pydantic gives the shape; ``schema_text`` gives what an editor shows: a title per model,
a ``description`` and ``markdownDescription`` per property, a description per value of
every enum (``enumDescriptions``, ``markdownEnumDescriptions``), ``examples`` and
``defaultSnippets``, in Dutch or English.
"""

from __future__ import annotations

import json
from typing import Any

from prestatie_cli.messages import Language
from prestatie_cli.model import schema_text
from prestatie_cli.model.agreements import MODELS

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_id(kind: str, lang: Language = "nl") -> str:
    """The stable ``$id`` of a schema: a URN, the same in every copy of the file."""
    found = schema_text.SCHEMA_ID.format(kind=kind)
    return found if lang == "nl" else f"{found}:{lang}"


def plain(markdown: str) -> str:
    """A Markdown text of ``schema_text`` as plain text: without its backticks."""
    return markdown.replace("`", "")


def _described(node: dict[str, Any], markdown: str) -> dict[str, Any]:
    """``node`` with its description first, where a reader of the file looks."""
    rest = {key: value for key, value in node.items() if key not in ("title", "description")}
    return {"description": plain(markdown), "markdownDescription": markdown, **rest}


def _explain_enums(node: Any, values: dict[str, schema_text.Wording], lang: Language) -> int:
    """Give every ``enum`` below ``node`` the meaning of each value; how many were found."""
    if isinstance(node, list):
        return sum(_explain_enums(item, values, lang) for item in node)
    if not isinstance(node, dict):
        return 0
    found = 0
    if "enum" in node:
        meanings = [values[value][lang] for value in node["enum"]]
        node["enumDescriptions"] = [plain(meaning) for meaning in meanings]
        node["markdownEnumDescriptions"] = meanings
        found = 1
    return found + sum(_explain_enums(item, values, lang) for item in node.values())


def _forget_words(node: Any) -> None:
    """Drop pydantic's own words (English titles and descriptions) inside a property: the
    property's text says it in the reader's language."""
    if isinstance(node, list):
        for item in node:
            _forget_words(item)
    elif isinstance(node, dict):
        node.pop("title", None)
        node.pop("description", None)
        for item in node.values():
            _forget_words(item)


def _annotate(model: str, node: dict[str, Any], lang: Language) -> dict[str, Any]:
    """One model's schema with the words of ``schema_text`` for it and each property."""
    node = {
        "title": schema_text.TITLES[model][lang],
        **_described(node, schema_text.MODEL_TEXT[model][lang]),
    }
    texts = schema_text.FIELDS[model]
    properties = node.get("properties", {})
    for field, generated in properties.items():
        if field not in texts:
            raise KeyError(f"no text for {model}.{field} in schema_text.FIELDS")
        _forget_words(generated)
        if "default" in generated and generated["default"] is None:
            # Leaving a field out is what None means; an editor would write 'field: null'.
            del generated["default"]
        prop = properties[field] = _described(generated, texts[field][lang])
        if (model, field) in schema_text.EXAMPLES:
            prop["examples"] = schema_text.EXAMPLES[model, field]
        values = schema_text.ENUMS.get((model, field))
        if values is not None and not _explain_enums(prop, values, lang):
            raise KeyError(f"{model}.{field} has no enum for its texts in schema_text.ENUMS")
    if model in schema_text.SNIPPETS:
        node["defaultSnippets"] = [schema_text.SNIPPETS[model][lang]]
    return node


def schema_for(kind: str, lang: Language = "nl") -> dict[str, Any]:
    """The JSON Schema of one kind of file (agreements, monitor, config), its texts in ``lang``."""
    generated = MODELS[kind].model_json_schema()
    definitions = {
        model: _annotate(model, definition, lang)
        for model, definition in generated.pop("$defs", {}).items()
    }
    root = _annotate(generated["title"], generated, lang)
    head = {"$schema": SCHEMA_DIALECT, "$id": schema_id(kind, lang)}
    return {**head, **root, **({"$defs": definitions} if definitions else {})}


def schema_files(lang: Language = "nl") -> dict[str, str]:
    """File name -> JSON text, for every kind, with texts in ``lang``."""
    return {
        f"{kind}.schema.json": json.dumps(schema_for(kind, lang), indent=2, ensure_ascii=False)
        + "\n"
        for kind in MODELS
    }
