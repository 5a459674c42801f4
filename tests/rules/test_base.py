"""The rule contract: the base runs an agreement rule over every agreement, and a
measurement rule over every measurement, in order."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from prestatie_cli.load.validate import validate
from prestatie_cli.load.yaml import load_text
from prestatie_cli.model.agreements import Agreement, AgreementSet, Measurement, Monitor
from prestatie_cli.rules.base import Finding, MonitorContext, Rule, SetContext
from prestatie_cli.rules.parties import UnknownWaiverRule
from tests.conftest import DURING, base_monitor, base_set


def _context(
    data: dict[str, Any],
    previous: AgreementSet | None = None,
    rule_codes: frozenset[str] = frozenset(),
) -> SetContext:
    document = load_text(json.dumps(data, default=str), "set.yaml")
    model, findings = validate(document)
    assert findings == []
    assert isinstance(model, AgreementSet)
    return SetContext(document, model, DURING, previous=previous, rule_codes=rule_codes)


def _monitor_context(data: dict[str, Any], agreements: AgreementSet | None) -> MonitorContext:
    document = load_text(json.dumps(data, default=str), "monitor.yaml")
    model, findings = validate(document)
    assert findings == []
    assert isinstance(model, Monitor)
    return MonitorContext(document, model, agreements, [model.set], DURING)


def _three_agreements() -> dict[str, Any]:
    data = base_set()
    first = data["agreements"][0]
    data["agreements"] = [{**first, "id": name} for name in ("BS-01", "BS-02", "BS-03")]
    return data


class _EveryAgreement(Rule):
    """Finds each agreement, to show which the base hands over and in what order."""

    code = "X001"

    def check_agreement(
        self, context: SetContext, index: int, agreement: Agreement
    ) -> Iterator[Finding]:
        yield Finding(self.code, ("agreements", index), {"id": agreement.id})


def test_check_set_hands_over_each_agreement_with_its_index_in_order() -> None:
    found = list(_EveryAgreement().check_set(_context(_three_agreements())))
    assert [(f.pointer, f.params["id"]) for f in found] == [
        (("agreements", 0), "BS-01"),
        (("agreements", 1), "BS-02"),
        (("agreements", 2), "BS-03"),
    ]


def test_a_rule_without_check_agreement_finds_nothing_in_a_set() -> None:
    assert list(Rule().check_set(_context(base_set()))) == []


class _EveryMeasurement(Rule):
    """Finds each measurement, to show which the base hands over and in what order."""

    code = "X002"

    def check_measurement(
        self,
        context: MonitorContext,
        agreements: AgreementSet,
        index: int,
        measurement: Measurement,
    ) -> Iterator[Finding]:
        yield Finding(self.code, ("measurements", index), {"date": measurement.date.isoformat()})


def test_check_monitor_hands_over_each_measurement_with_its_index_in_order() -> None:
    agreements = AgreementSet.model_validate(base_set())
    found = list(_EveryMeasurement().check_monitor(_monitor_context(base_monitor(), agreements)))
    assert [(f.pointer, f.params["date"]) for f in found] == [
        (("measurements", 0), "2016-12-31"),
        (("measurements", 1), "2017-12-31"),
        (("measurements", 2), "2018-12-31"),
        (("measurements", 3), "2019-12-31"),
    ]


def test_check_monitor_hands_over_nothing_without_the_set() -> None:
    assert list(_EveryMeasurement().check_monitor(_monitor_context(base_monitor(), None))) == []


def test_a_rule_without_check_measurement_finds_nothing_in_a_monitor() -> None:
    agreements = AgreementSet.model_validate(base_set())
    assert list(Rule().check_monitor(_monitor_context(base_monitor(), agreements))) == []


def test_the_monitor_context_holds_the_ids_of_its_set() -> None:
    agreements = AgreementSet.model_validate(_three_agreements())
    context = _monitor_context(base_monitor(), agreements)
    assert context.agreement_ids == frozenset({"BS-01", "BS-02", "BS-03"})
    assert context.party_ids == ["gemeente", "corp-a", "hv-a"]
    without = _monitor_context(base_monitor(), None)
    assert (without.agreement_ids, without.party_ids) == (frozenset(), [])


def test_earlier_holds_the_previous_version_by_id() -> None:
    previous = AgreementSet.model_validate(_three_agreements())
    assert _context(base_set()).earlier == {}
    assert _context(base_set(), previous).earlier == {a.id: a for a in previous.agreements}


def test_waivers_are_judged_by_the_rule_codes_of_the_context() -> None:
    data = base_set()
    data["waivers"] = [{"rule": "X001", "reason": "Bewust."}]
    data["agreements"][0]["waivers"] = [{"rule": "M203", "reason": "Nulmeting volgt."}]
    rule = UnknownWaiverRule()
    found = list(rule.check_set(_context(data, rule_codes=frozenset({"X001"}))))
    assert [(f.pointer, f.params) for f in found] == [
        (("agreements", 0, "waivers", 0, "rule"), {"rule": "M203", "suggestion": ""})
    ]
    found = list(rule.check_set(_context(data, rule_codes=frozenset({"M203", "X002"}))))
    assert [(f.pointer, f.params) for f in found] == [
        (("waivers", 0, "rule"), {"rule": "X001", "suggestion": "X002"})
    ]
