"""From plain data to typed models; schema errors become findings with pointers."""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Set as AbstractSet
from datetime import date
from typing import Any, Union

from pydantic import BaseModel, ValidationError

from prestatie_cli.load.dutch import dutch_date, dutch_number
from prestatie_cli.load.yaml import Document
from prestatie_cli.model.agreements import (
    DUTCH_KEYS,
    DUTCH_VALUES,
    MODELS,
    RULE_CODES,
    UNION_FIELDS,
    UNION_TAGS,
    AgreementSet,
    Config,
    Monitor,
    dutch_word,
)
from prestatie_cli.model.findings import Finding, Pointer, suggestion

Model = AgreementSet | Monitor | Config
_SHOWN_TEXT = 40


def validate(
    document: Document, rule_codes: AbstractSet[str] | None = None
) -> tuple[Model | None, list[Finding]]:
    """The document as a model, or None with the findings that say why not.

    ``rule_codes`` are the codes a configuration may name; they come from the rules,
    which this stage cannot import. Without them only the form of a code is checked.
    """
    data = document.data
    if not isinstance(data, dict):
        return None, [Finding("V005", (), _found(data))]
    if "kind" not in data:
        return None, [Finding("V004", (), variant="missing")]
    kind = data["kind"]
    model = MODELS.get(kind) if isinstance(kind, str) else None
    if model is None:
        return None, [Finding("V004", ("kind",), {"kind": str(kind)}, variant="unknown")]
    try:
        context = None if rule_codes is None else {RULE_CODES: rule_codes}
        return model.model_validate(data, context=context), []
    except ValidationError as error:
        return None, [_finding(model, dict(item), data) for item in error.errors()]


def _finding(model: type[BaseModel], error: dict[str, Any], data: Any) -> Finding:
    raw: Pointer = tuple(error["loc"])
    # A union names the member an error belongs to in the location; the file does not.
    loc: Pointer = tuple(
        part
        for index, part in enumerate(raw)
        if not (part in UNION_TAGS and index and raw[index - 1] in UNION_FIELDS)
    )
    kind: str = error["type"]
    if kind == "string_type" and raw[-1:] == ("one",) and len(raw) > len(loc):
        kind = "references_type"  # neither one id nor a list of them
    if loc and loc[-1] == "[key]":
        loc = loc[:-1]
        return Finding("V003", loc, _problem(kind, error, loc), at_key=True)
    if kind == "extra_forbidden":
        split = _split_decimal(data, loc)
        if split is not None:
            return split
        key = str(loc[-1])
        allowed = _fields(model, loc[:-1])
        params = {
            "key": key,
            "allowed": ", ".join(allowed),
            "suggestion": _meant(key, allowed, DUTCH_KEYS),
        }
        return Finding("V001", loc, params, at_key=True)
    if kind == "missing":
        return Finding("V002", loc[:-1], {"key": str(loc[-1])})
    return Finding("V003", loc, _problem(kind, error, loc))


def _split_decimal(data: Any, loc: Pointer) -> Finding | None:
    """'value: 633,25' between braces: YAML reads 633 and a key '25'. Say so at the number,
    as for the same decimal written on its own line, not as an unknown key '25'."""
    key = loc[-1]
    if not str(key).isdigit():
        return None
    parent: Any = data
    for part in loc[:-1]:
        try:
            parent = parent[part]
        except (KeyError, IndexError, TypeError):
            return None
    if not isinstance(parent, dict):
        return None
    keys = list(parent)
    where = next((index for index, name in enumerate(keys) if str(name) == str(key)), 0)
    if where == 0:
        return None
    before = keys[where - 1]
    number = parent[before]
    if type(number) is not int:
        return None
    written = f"{number},{key}"
    at = (*loc[:-1], before)
    return Finding("V003", at, _problem("number_type", {"input": written}, at))


def _problem(kind: str, error: dict[str, Any], loc: Pointer) -> dict[str, str]:
    context = error.get("ctx") or {}
    value = error.get("input")
    field = next((str(part) for part in reversed(loc) if isinstance(part, str)), "")
    params = _found(value)
    params["field"] = field
    params["value"] = _short(context.get("text", value))
    params["detail"] = str(context.get("expected", context.get("max_length", error.get("msg", ""))))
    params["detail"] = params["detail"].replace(" or ", ", ")
    # The bound a number broke (ge, gt, le, lt), for "must be at least ..." and the like.
    bound = next((context[name] for name in ("ge", "gt", "le", "lt") if name in context), "")
    if isinstance(bound, float) and bound.is_integer():
        bound = int(bound)
    params["limit"] = _short(bound)
    key = f"schema.{kind}"
    from prestatie_cli.messages import has  # the catalogue is large; import on use

    params["problem_key"] = key if has(key) else "schema.other"
    if params["problem_key"] == "schema.other":
        params["detail"] = str(error.get("msg", ""))
    params["hint_key"] = _hint(kind, field, value)
    if isinstance(value, str):
        params.update(_meant_value(kind, value, field, loc))
    if kind == "literal_error" and isinstance(value, str):
        choices = re.findall(r"'([^']*)'", str(context.get("expected", "")))
        params["suggestion"] = _meant(value, choices, DUTCH_VALUES)
    return params


def _meant(written: str, choices: list[str], dutch: dict[str, str]) -> str:
    """The choice the user meant: the format's word for a Dutch one, else the closest."""
    translated = dutch_word(written, dutch)
    if translated in choices:
        return translated
    if translated:
        # A Dutch word whose meaning is not allowed here: no spelling-alike of another meaning.
        return ""
    folded = {choice.casefold(): choice for choice in choices}
    close = suggestion(written.casefold(), list(folded))
    return folded[close] if close else ""


_YES_NO = {"ja": "true", "nee": "false", "gedaan": "true", "niet gedaan": "false"}


def _meant_value(kind: str, value: str, field: str, loc: Pointer) -> dict[str, str]:
    """A hint that names the value meant, for a date or number written the Dutch way."""
    folded = " ".join(value.casefold().split())
    if kind == "number_type" and loc[:1] == ("measurements",) and folded in _YES_NO:
        return {"hint_key": "schema.hint.yes-no", "meant": _YES_NO[folded]}
    if kind == "number_type" and field == "share":
        number = dutch_number(value)
        if number is not None:
            return {"hint_key": "schema.hint.share", "meant": number[0]}
    if kind == "date_type":
        read = dutch_date(value)
        if read is not None:
            return {"hint_key": f"schema.hint.date.{read[1]}", "meant": read[0]}
    if kind == "number_type":
        number = dutch_number(value)
        if number is not None:
            meant, unit = number
            if unit:
                return {"hint_key": "schema.hint.number.unit", "meant": meant, "unit": unit}
            return {"hint_key": "schema.hint.number.meant", "meant": meant}
    return {}


def _hint(kind: str, field: str, value: Any) -> str:
    if kind in ("range_alone", "range_order"):
        return "schema.hint.range"
    if kind == "percent_range":
        return "schema.hint.percent"
    if kind in ("date_type", "date_invalid", "period_order"):
        return "schema.hint.date"
    if kind == "number_type":
        return "schema.hint.number"
    if kind == "string_type" and isinstance(value, int | float | date):
        return "schema.hint.string"
    if kind == "string_pattern_mismatch" or kind == "unknown_rule":
        return (
            "schema.hint.rule"
            if field == "rule" or kind == "unknown_rule"
            else ("schema.hint.identifier" if field != "digest" else "schema.hint.general")
        )
    return "schema.hint.general"


def _short(value: Any) -> str:
    # As the user wrote it in YAML: true, not Python's True.
    shown = str(value).lower() if isinstance(value, bool) else str(value)
    return shown if len(shown) <= _SHOWN_TEXT else shown[: _SHOWN_TEXT - 1] + "…"


def _found(value: Any) -> dict[str, str]:
    """Params that describe a value a user wrote, for 'found ...' in messages."""
    if value is None:
        return {"found_key": "found.none"}
    if isinstance(value, bool):
        return {"found_key": "found.bool", "value": str(value).lower()}
    if isinstance(value, int | float):
        return {"found_key": "found.number", "value": f"{value:g}"}
    if isinstance(value, date):
        return {"found_key": "found.date", "value": value.isoformat()}
    if isinstance(value, list):
        return {"found_key": "found.list"}
    if isinstance(value, dict):
        return {"found_key": "found.mapping"}
    return {"found_key": "found.text", "value": _short(value)}


def _fields(model: type[BaseModel], loc: Pointer) -> list[str]:
    """The keys allowed in the mapping at ``loc`` inside ``model``."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else None
        elif isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(part)
            current = info.annotation if info is not None else None
        else:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    """``X | None`` and ``Annotated[X, ...]`` to X."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            options = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            if len(options) != 1:
                return annotation
            annotation = options[0]
        else:
            return annotation
