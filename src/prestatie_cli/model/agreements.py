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
    Discriminator,
    Field,
    PlainSerializer,
    PlainValidator,
    Tag,
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
    # Most numbers are whole and small, or finite floats: settled before the other checks.
    if type(value) is int:
        if -LARGEST_WHOLE_NUMBER <= value <= LARGEST_WHOLE_NUMBER:
            return value
    elif type(value) is float and math.isfinite(value):
        return value
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
    if type(value) is bool:
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
# A theme as written in the agreements, for the report's labels.
ThemeSlug = Annotated[str, Field(min_length=1, max_length=80)]


def _none_as_empty(value: Any) -> Any:
    return [] if value is None else value


def _may_be_empty(schema: dict[str, Any]) -> None:
    schema["type"] = ["array", "null"]


def _empty_allowed() -> Any:
    """A list that may be written as a bare key (``signatures:``) while it is still empty."""
    return Field(default_factory=list, json_schema_extra=_may_be_empty)


Role = Literal["gemeente", "corporatie", "huurdersorganisatie", "overig"]
# result, effort and process are commitments; a request asks another party for something
# (no commitment of that party until it is accepted); context frames the agreements
# (a stated aim, an introduction) and is judged by no SMART rule.
AgreementKind = Literal["result", "effort", "process", "request", "context"]
COMMITMENT_KINDS: tuple[AgreementKind, ...] = ("result", "effort", "process")
Comparison = Literal["at_least", "at_most", "exactly", "between"]
Severity = Literal["error", "warning", "info", "off"]
Frequency = Literal["monthly", "quarterly", "half-yearly", "yearly"]
# Every party, or every party with one role: what a group may name instead of a list.
MemberSelector = Literal["all", "gemeente", "corporatie", "huurdersorganisatie", "overig"]
ConditionKind = Literal["approval", "decision", "assumption", "other"]
ConditionState = Literal["open", "met", "not_met"]
AnswerState = Literal["open", "accepted", "declined"]
Counting = Literal["net", "gross"]

# The tags of the two unions below. Validation errors name the member they were checked
# against in their location; the loader leaves these tags out of the positions it shows.
UNION_TAGS = frozenset({"one", "several"})
UNION_FIELDS = frozenset({"owner", "addressed_to", "members"})


def _one_or_several(value: Any) -> str:
    return "several" if isinstance(value, list) else "one"


# One party or group, or several that own something together.
References = Annotated[
    Annotated[str, Tag("one")] | Annotated[list[str], Tag("several")],
    Discriminator(_one_or_several),
]

ROLES_REQUIRED: tuple[Role, ...] = ("gemeente", "corporatie", "huurdersorganisatie")

# The format's words in Dutch, as a user may write them by habit: a did-you-mean offers the
# format's word of the same meaning (never merely the closest spelling: 'verzoek' is not
# 'result'). Keys are folded to lower case with spaces and underscores as '-'.
DUTCH_VALUES: dict[str, str] = {
    "resultaat": "result",
    "resultaatafspraak": "result",
    "resultaatverplichting": "result",
    "inspanning": "effort",
    "inspanningsafspraak": "effort",
    "inspanningsverplichting": "effort",
    "proces": "process",
    "procesafspraak": "process",
    "verzoek": "request",
    "vraag": "request",
    "intentie": "context",
    "ambitie": "context",
    "inleiding": "context",
    "toelichting": "context",
    "maandelijks": "monthly",
    "per-maand": "monthly",
    "elke-maand": "monthly",
    "per-kwartaal": "quarterly",
    "kwartaal": "quarterly",
    "elk-kwartaal": "quarterly",
    "halfjaarlijks": "half-yearly",
    "per-halfjaar": "half-yearly",
    "jaarlijks": "yearly",
    "per-jaar": "yearly",
    "elk-jaar": "yearly",
    "minimaal": "at_least",
    "minstens": "at_least",
    "ten-minste": "at_least",
    "tenminste": "at_least",
    "maximaal": "at_most",
    "hooguit": "at_most",
    "ten-hoogste": "at_most",
    "maximum": "at_most",
    "precies": "exactly",
    "exact": "exactly",
    "tussen": "between",
    "bereik": "between",
    "goedkeuring": "approval",
    "besluit": "decision",
    "aanname": "assumption",
    "overig": "other",
    "anders": "other",
    "vervuld": "met",
    "gehaald": "met",
    "niet-vervuld": "not_met",
    "niet-gehaald": "not_met",
    "aanvaard": "accepted",
    "geaccepteerd": "accepted",
    "afgewezen": "declined",
    "netto": "net",
    "bruto": "gross",
    "alle": "all",
    "allen": "all",
    "iedereen": "all",
    "corporaties": "corporatie",
    "woningcorporatie": "corporatie",
    "woningcorporaties": "corporatie",
    "huurdersorganisaties": "huurdersorganisatie",
    "huurdersvereniging": "huurdersorganisatie",
    "huurdersraad": "huurdersorganisatie",
    "bewonersorganisatie": "huurdersorganisatie",
    "gemeenten": "gemeente",
}
DUTCH_KEYS: dict[str, str] = {
    "jaar": "year",
    "categorie": "category",
    "aandeel": "share",
    "percentage": "share",
    "stand": "state",
    "toestand": "state",
    "status": "state",
    "datum": "date",
    "reden": "reason",
    "akkoord": "agreed_by",
    "ingestemd-door": "agreed_by",
    "door": "by",
    "naam": "name",
    "rol": "role",
    "partij": "party",
    "metingen": "measurements",
    "ingetrokken": "withdraws",
    "trekt-in": "withdraws",
    "verlengd-tot": "extends_to",
    "verlengt-tot": "extends_to",
    "opmerking": "note",
    "toelichting": "note",
    "samenvatting": "summary",
    "voorwaarde": "conditions",
    "periode": "period",
    "looptijd": "period",
    "begin": "start",
    "eind": "end",
    "einde": "end",
    "onderbouwing": "basis",
    "groep": "groups",
    "eigenaar": "owner",
    "trekker": "owner",
    "eigenaren": "owner",
    "bijdragers": "contributors",
    "betrokken": "contributors",
    "soort": "kind",
    "thema": "theme",
    "titel": "title",
    "tekst": "text",
    "doel": "target",
    "streefwaarde": "target",
    "termijn": "deadline",
    "einddatum": "deadline",
    "uiterlijk": "deadline",
    "mijlpalen": "milestones",
    "jaarschijven": "milestones",
    "wijzigingen": "amendments",
    "voorwaarden": "conditions",
    "voorbehoud": "conditions",
    "voorbehouden": "conditions",
    "onderdeel-van": "parent",
    "hoort-bij": "parent",
    "verzoek-aan": "addressed_to",
    "gericht-aan": "addressed_to",
    "antwoord": "answer",
    "vanaf": "effective_from",
    "ingangsdatum": "effective_from",
    "doorlopend": "ongoing",
    "reikwijdte": "scope",
    "gebied": "scope",
    "bij-iedere": "per_event",
    "frequentie": "frequency",
    "groepen": "groups",
    "leden": "members",
    "partijen": "parties",
    "afspraken": "agreements",
    "handtekeningen": "signatures",
    "ondertekening": "signatures",
    "kader": "frame",
    "kaderafspraak": "frame",
    "biedingen": "bids",
    "bod": "bids",
    "bovengrens": "upper",
    "ondergrens": "value",
    "waarde": "value",
    "eenheid": "unit",
    "circa": "approximate",
    "ongeveer": "approximate",
    "nulmeting": "baseline",
    "per-jaar": "per_year",
    "verdeling": "split",
    "telling": "counting",
    "bron": "source",
    "opvolger": "successor",
    "toegetreden": "joined",
    "vertrokken": "left",
}


def dutch_word(word: str, table: dict[str, str]) -> str:
    """The format's word for a Dutch one, or an empty string."""
    folded = re.sub(r"[\s_]+", "-", word.strip().casefold())
    return table.get(folded, "")


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
    joined: IsoDate | None = Field(
        default=None, description="The day a party joined later, e.g. by an addendum."
    )
    left: IsoDate | None = Field(
        default=None, description="The day a party stopped being one, e.g. by a merger."
    )
    successor: Identifier | None = Field(
        default=None,
        description="The party that carries on this party's agreements after it left "
        "(the merged corporation).",
    )
    note: str | None = Field(
        default=None, description="E.g. 'heeft geen woningbezit in de gemeente, neemt wel deel'."
    )

    def active_on(self, day: date) -> bool:
        """Whether the party was a party on ``day``."""
        return (self.joined is None or self.joined <= day) and (
            self.left is None or day < self.left
        )


class Group(_Strict):
    """Parties that act together without signing as one: 'de corporaties', a federation."""

    id: Identifier
    name: Text
    members: Annotated[
        Annotated[list[Identifier], Tag("several")] | Annotated[MemberSelector, Tag("one")],
        Discriminator(_one_or_several),
    ] = Field(
        description="The party ids of the members, or 'all' (every party), or a role "
        "('corporatie': every corporation)."
    )
    note: str | None = None


class Baseline(_Strict):
    """The nulmeting: the measured value at the start."""

    value: Number
    date: IsoDate


class YearValue(_Strict):
    """The value a recurring target has in one year (an indexed yearly cap)."""

    year: Annotated[int, Field(ge=1900, le=2200)]
    value: Number
    note: str | None = None


def _as_percent(value: Any) -> int | float:
    number = _as_number(value)
    if not 0 <= number <= 100:
        raise PydanticCustomError("percent_range", "not between 0 and 100", {"text": value})
    return number


# A share in percent: a number from 0 to 100.
Percent = Annotated[
    int | float,
    PlainValidator(_as_percent),
    WithJsonSchema({"type": "number", "minimum": 0, "maximum": 100}),
]


class Share(_Strict):
    """One category's part of a target split over categories (60 % / 20 % / 20 %)."""

    category: Text
    share: Percent = Field(description="In percent.")
    value: Number | None = Field(default=None, description="The category's own figure, if any.")


class Target(_Strict):
    """What is measured and which value counts as success."""

    metric: Text
    unit: str | None = None
    value: Number = Field(
        description="The figure to reach; the lower bound with 'between'; the offset from "
        "the index when there is one (-0.5 for 'inflation minus 0.5 point')."
    )
    comparison: Comparison = "at_least"
    upper: Number | None = Field(
        default=None,
        validate_default=True,
        description="The upper bound of a range, with comparison 'between'.",
    )
    approximate: bool = Field(
        default=False, description="The document says 'circa', 'ongeveer' or 'bijna'."
    )
    index: str | None = Field(
        default=None,
        description="An outside index the target is an offset from, e.g. 'inflatie (CPI)'; "
        "each measurement records the index's value too.",
    )
    counting: Counting | None = Field(
        default=None, description="net: new homes minus homes demolished or sold; gross: new only."
    )
    per_year: list[YearValue] = Field(
        default_factory=list,
        description="A recurring target's value per year where it differs from 'value'.",
    )
    split: list[Share] = Field(
        default_factory=list, description="How the target divides over categories."
    )
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

    @field_validator("upper")
    @classmethod
    def _range(cls, upper: int | float | None, info: ValidationInfo) -> int | float | None:
        # Checked at 'upper' (after value and comparison), so that the problem is shown there.
        comparison = info.data.get("comparison")
        if comparison == "between" and upper is None:
            raise PydanticCustomError("missing", "Field required")
        if comparison is not None and comparison != "between" and upper is not None:
            raise PydanticCustomError(
                "range_alone", "upper belongs to comparison between", {"text": str(upper)}
            )
        value = info.data.get("value")
        if upper is not None and value is not None and upper < value:
            raise PydanticCustomError("range_order", "upper is below value", {"text": str(upper)})
        return upper

    def value_in(self, year: int) -> int | float:
        """The target's value in ``year``: its own entry in per_year, else ``value``."""
        for entry in self.per_year:
            if entry.year == year:
                return entry.value
        return self.value


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


class SetAmendment(_Strict):
    """A change to the whole set: a longer term, withdrawn agreements; with consent."""

    date: IsoDate
    reason: Text
    agreed_by: list[Identifier] = Field(min_length=1)
    summary: str | None = None
    extends_to: IsoDate | None = Field(default=None, description="The new last day of the term.")
    withdraws: list[Identifier] = Field(
        default_factory=list, description="Ids of agreements withdrawn by this change."
    )


class Condition(_Strict):
    """A voorbehoud: what the agreement depends on. Its state is recorded in the monitor."""

    id: Identifier
    text: Text
    kind: ConditionKind = Field(
        default="other",
        description="approval: by a body (a Raad van Commissarissen, the council); decision: "
        "an outside decision (the cabinet, a zoning procedure); assumption: a reference level "
        "that must hold ('zolang de mutatiegraad op het niveau van 2024 blijft').",
    )
    by: str | None = Field(default=None, description="Who approves or decides.")


class Answer(_Strict):
    """The asked party's answer to a request (leave it out while nobody has answered)."""

    state: AnswerState
    date: IsoDate = Field(
        description="When the request was answered: accepted, declined, or kept open then."
    )
    note: str | None = None


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
    owner: References | None = Field(
        default=None,
        description="The party or group that delivers (trekker); a list when several own it "
        "together.",
    )
    contributors: list[str] = Field(default_factory=list)
    addressed_to: References | None = Field(
        default=None, description="Of a request: the party or group that is asked."
    )
    answer: Answer | None = Field(
        default=None,
        description="Of a request: the asked party's answer; accepted makes it that party's "
        "commitment.",
    )
    parent: Identifier | None = Field(
        default=None, description="The agreement this one is a part of."
    )
    scope: str | None = Field(
        default=None, description="Where it applies: a neighbourhood, a complex, one stock."
    )
    per_event: str | None = Field(
        default=None, description="When it applies each time: 'bij iedere mutatie'."
    )
    conditions: list[Condition] = Field(default_factory=list)
    target: Target | None = None
    effective_from: IsoDate | None = Field(
        default=None, description="Nothing is expected, and nothing is measured, before this day."
    )
    deadline: IsoDate | None = None
    ongoing: bool = Field(
        default=False,
        description="A duty for the whole term ('blijft deelnemen', monthly reports): no "
        "deadline of its own; the term's end counts.",
    )
    beyond_term: bool = Field(
        default=False,
        description="The agreement deliberately runs past the set's term (a target for 2030).",
    )
    frequency: Frequency | None = Field(
        default=None, description="How often progress is measured and reported."
    )
    milestones: list[Milestone] = Field(default_factory=list)
    amendments: list[Amendment] = Field(default_factory=list)
    waivers: list[Waiver] = Field(default_factory=list)

    @property
    def owners(self) -> tuple[str, ...]:
        """The party or group ids written as owner (none, one, or several together)."""
        return as_references(self.owner)

    @property
    def asked(self) -> tuple[str, ...]:
        """The party or group ids a request is addressed to."""
        return as_references(self.addressed_to)

    @property
    def is_commitment(self) -> bool:
        """Whether someone owes this: not context, and not a request still unanswered."""
        if self.kind == "request":
            return self.answer is not None and self.answer.state == "accepted"
        return self.kind != "context"


def as_references(value: str | list[str] | None) -> tuple[str, ...]:
    """One written reference or a list of them, as a tuple."""
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


class Bid(_Strict):
    """A corporation's bid (bod: its intended activities), due before 1 July."""

    party: str
    date: IsoDate
    note: str | None = None


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
    frame: Identifier | None = Field(
        default=None,
        description="Of a yearly slice (jaarschijf): the id of the multi-year frame "
        "(kaderafspraak) it works out.",
    )
    parties: list[Party] = Field(min_length=1)
    groups: list[Group] = Field(default_factory=list)
    bids: list[Bid] = Field(default_factory=list)
    agreements: list[Agreement] = Field(default_factory=list)
    amendments: list[SetAmendment] = Field(default_factory=list)
    signatures: Annotated[list[Signature], BeforeValidator(_none_as_empty)] = _empty_allowed()
    waivers: list[Waiver] = Field(default_factory=list)


class Measurement(_Strict):
    """One measured value of one agreement, with its evidence."""

    agreement: Identifier
    date: IsoDate
    value: MeasuredValue
    index: Number | None = Field(
        default=None, description="The outside index's value, for a target set against one."
    )
    source: str | None = None
    reported_by: str | None = None
    note: str | None = None


class MonitorWaiver(_Strict):
    """An explanation, in the monitor, that suppresses a progress finding of one agreement."""

    agreement: Identifier
    rule: RuleCode
    reason: Text
    until: IsoDate | None = None


class ConditionRecord(_Strict):
    """The state of one condition of one agreement from a date on."""

    agreement: Identifier
    condition: Identifier
    date: IsoDate
    state: ConditionState
    source: str | None = None
    note: str | None = None


class Monitor(_Strict):
    """Measurements for the agreements of one set."""

    kind: Literal["monitor"]
    version: Version
    set: Identifier
    measurements: Annotated[list[Measurement], BeforeValidator(_none_as_empty)] = _empty_allowed()
    conditions: list[ConditionRecord] = Field(default_factory=list)
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
    themes: dict[ThemeSlug, Text] = Field(
        default_factory=dict,
        description="How the report names your own themes: 'wonen-en-zorg: Wonen en zorg'. "
        "Themes not listed here are named from prestatie's own list, else from the slug.",
    )

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
