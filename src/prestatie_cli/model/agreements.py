"""The file format, version 1, as pydantic models. No I/O here.

Three kinds of file share one header (``kind`` and ``version``):

- ``agreements``: one signed set of prestatieafspraken;
- ``monitor``: measurements against the agreements of one set, appended during the term;
- ``config``: the optional ``prestatie.yaml`` with language and rule severities.

Models are strict: unknown keys are errors, numbers are numbers (not text),
dates are real calendar dates written as ``YYYY-MM-DD``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Set as AbstractSet
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from prestatie_cli.messages import Language

FORMAT_VERSION = 1
# The largest whole number a target, baseline or measurement may hold: every whole
# number up to 2^53 is exact as a float.
LARGEST_WHOLE_NUMBER = 2**53


def _whole_version(value: Any) -> Any:
    """Only the integer 1 is version 1: YAML's true and 1.0 compare equal to it, but are
    a typo or another number, not the version."""
    if type(value) is not int:
        raise PydanticCustomError("literal_error", "Input should be {expected}", {"expected": "1"})
    return value


# The format's version: the integer 1.
Version = Annotated[Literal[1], BeforeValidator(_whole_version)]
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _as_date(value: Any) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        if not _ISO_DATE.match(value):
            return _bad_date(value)
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError(
                "date_invalid", "not a real calendar date: {text}", {"text": value}
            ) from None
    return _bad_date(value)


def _bad_date(value: Any) -> date:
    raise PydanticCustomError("date_type", "expected a date written as YYYY-MM-DD", {"text": value})


def _as_number(value: Any) -> int | float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PydanticCustomError("number_type", "expected a number", {"text": value})
    if isinstance(value, float) and not math.isfinite(value):
        raise PydanticCustomError("number_type", "expected a number", {"text": value})
    if isinstance(value, int) and abs(value) > LARGEST_WHOLE_NUMBER:
        # Beyond this a whole number loses digits in a float (progress is computed in
        # floats) and in most readers of the JSON output: 2^53 + 1 would become 2^53.
        raise PydanticCustomError("number_too_large", "number too large", {"text": value})
    return value


def _as_number_or_bool(value: Any) -> int | float | bool:
    if isinstance(value, bool):
        return value
    return _as_number(value)


IsoDate = Annotated[
    date,
    PlainValidator(_as_date),
    # Serialise explicitly: with a plain validator pydantic's own date serialiser warns.
    PlainSerializer(date.isoformat, return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}),
]
Number = Annotated[int | float, PlainValidator(_as_number), WithJsonSchema({"type": "number"})]
MeasuredValue = Annotated[
    int | float | bool,
    PlainValidator(_as_number_or_bool),
    WithJsonSchema({"type": ["number", "boolean"]}),
]
Identifier = Annotated[
    str,
    Field(
        pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$",
        max_length=80,
        description="Letters, digits, '.', '_' or '-', starting with a letter or digit.",
    ),
]
Text = Annotated[str, Field(min_length=1)]
RuleCode = Annotated[str, Field(pattern=r"^[A-Z][0-9]{3}$", description="A rule code, e.g. R401.")]


def _none_as_empty(value: Any) -> Any:
    return [] if value is None else value


def _may_be_empty(schema: dict[str, Any]) -> None:
    schema["type"] = ["array", "null"]


def _empty_allowed() -> Any:
    """A list that may be written as a bare key (``signatures:``) while it is still empty."""
    return Field(default_factory=list, json_schema_extra=_may_be_empty)


Role = Literal["gemeente", "corporatie", "huurdersorganisatie", "overig"]
AgreementKind = Literal["result", "effort", "process"]
Comparison = Literal["at_least", "at_most", "exactly"]
Severity = Literal["error", "warning", "info", "off"]
Frequency = Literal["yearly", "half-yearly", "quarterly"]

ROLES_REQUIRED: tuple[Role, ...] = ("gemeente", "corporatie", "huurdersorganisatie")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


class Period(_Strict):
    """The term of a set: the first and the last day it covers."""

    start: IsoDate
    end: IsoDate

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise PydanticCustomError(
                "period_order", "the period ends before it starts", {"text": str(self.end)}
            )
        return self

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


class Party(_Strict):
    """A party to the agreements: a municipality, corporation, tenants' organisation or other."""

    id: Identifier
    name: Text
    role: Role


class Baseline(_Strict):
    """The nulmeting: the measured value at the start."""

    value: Number
    date: IsoDate


class Target(_Strict):
    """What is measured and which value counts as success."""

    metric: Text
    unit: str | None = None
    value: Number
    comparison: Comparison = "at_least"
    cumulative: bool = Field(
        default=False,
        description="true: measurements are counts that add up (homes delivered per year); "
        "false: each measurement is the level at its date (a stock, a share).",
    )
    recurring: Frequency | None = Field(
        default=None,
        description="The target holds for each period on its own, e.g. a yearly rent increase cap.",
    )
    baseline: Baseline | None = None
    source: str | None = Field(
        default=None, description="Where the target comes from, e.g. a national agreement."
    )


class Milestone(_Strict):
    """An intermediate target (jaarschijf): the value to reach by a date."""

    date: IsoDate
    value: Number
    note: str | None = None


class Amendment(_Strict):
    """A recorded change to an agreement: when, why, and who consented."""

    date: IsoDate
    reason: Text
    agreed_by: list[Identifier] = Field(min_length=1)
    summary: str | None = None


class Waiver(_Strict):
    """An explicit, reviewable suppression of one rule, optionally until a date."""

    rule: RuleCode
    reason: Text
    until: IsoDate | None = None


class Agreement(_Strict):
    """One numbered agreement as signed."""

    id: Identifier
    title: Text
    text: str | None = None
    theme: Text
    kind: AgreementKind = "result"
    owner: str | None = None
    contributors: list[str] = Field(default_factory=list)
    target: Target | None = None
    deadline: IsoDate | None = None
    frequency: Frequency | None = Field(
        default=None, description="How often progress is measured and reported."
    )
    milestones: list[Milestone] = Field(default_factory=list)
    amendments: list[Amendment] = Field(default_factory=list)
    waivers: list[Waiver] = Field(default_factory=list)


class Signature(_Strict):
    """A party's sign-off of the set."""

    party: Identifier
    name: Text
    date: IsoDate
    digest: Annotated[str, Field(pattern=r"^sha256:[0-9a-f]{64}$")] | None = None


class AgreementSet(_Strict):
    """One signed set of prestatieafspraken."""

    kind: Literal["agreements"]
    version: Version
    id: Identifier
    title: Text
    period: Period
    basis: str | None = None
    parties: list[Party] = Field(min_length=1)
    agreements: list[Agreement] = Field(default_factory=list)
    signatures: Annotated[list[Signature], BeforeValidator(_none_as_empty)] = _empty_allowed()
    waivers: list[Waiver] = Field(default_factory=list)


class Measurement(_Strict):
    """One measured value of one agreement, with its evidence."""

    agreement: Identifier
    date: IsoDate
    value: MeasuredValue
    source: str | None = None
    reported_by: str | None = None
    note: str | None = None


class MonitorWaiver(_Strict):
    """An explanation, in the monitor, that suppresses a progress finding of one agreement."""

    agreement: Identifier
    rule: RuleCode
    reason: Text
    until: IsoDate | None = None


class Monitor(_Strict):
    """Measurements for the agreements of one set."""

    kind: Literal["monitor"]
    version: Version
    set: Identifier
    measurements: Annotated[list[Measurement], BeforeValidator(_none_as_empty)] = _empty_allowed()
    waivers: list[MonitorWaiver] = Field(default_factory=list)


class Thresholds(_Strict):
    """When progress counts as on track, at risk or unrealistic."""

    on_track: Annotated[float, Field(gt=0, le=1)] = Field(
        default=0.9,
        description="Green when the progress made is at least this share of the progress expected.",
    )
    at_risk: Annotated[float, Field(gt=0, le=1)] = Field(
        default=0.7,
        description="Orange from this share up to on_track; red below it.",
    )
    pace_factor: Annotated[float, Field(gt=1)] = Field(
        default=2.0,
        description="R402 fires when the pace still needed exceeds the measured pace this many times.",
    )
    grace_days: Annotated[int, Field(ge=0, le=366)] = Field(
        default=120,
        description="Days after a period ends before its measurement counts as missing.",
    )

    @model_validator(mode="after")
    def _ordered(self) -> Thresholds:
        if self.at_risk > self.on_track:
            raise PydanticCustomError(
                "threshold_order", "at_risk is above on_track", {"text": str(self.at_risk)}
            )
        return self


# The key of the validation context that holds every known rule code (see Config.rules).
RULE_CODES = "rule_codes"


class Config(_Strict):
    """The optional prestatie.yaml."""

    kind: Literal["config"]
    version: Version
    lang: Language = "nl"
    rules: dict[RuleCode, Severity] = Field(default_factory=dict)
    thresholds: Thresholds = Field(default_factory=Thresholds)

    @field_validator("rules")
    @classmethod
    def _known_rules(cls, rules: dict[str, Severity], info: ValidationInfo) -> dict[str, Severity]:
        # Which codes exist is known to the rules, above this model: whoever validates a
        # configuration in order to use it passes them in the validation context. Without
        # them only the form of each code is checked.
        known: AbstractSet[str] | None = (info.context or {}).get(RULE_CODES)
        if known is None:
            return rules
        for code in rules:
            if code not in known:
                raise PydanticCustomError(
                    "unknown_rule", "unknown rule code {text}", {"text": code}
                )
        return rules


MODELS: dict[str, type[AgreementSet] | type[Monitor] | type[Config]] = {
    "agreements": AgreementSet,
    "monitor": Monitor,
    "config": Config,
}
