"""The digest of a set and adding a signature to a set file, byte for byte."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import pytest

from prestatie_cli.editing.sign import SignError, sign
from prestatie_cli.load.validate import validate
from prestatie_cli.load.yaml import load_text
from prestatie_cli.model.agreements import AgreementSet
from prestatie_cli.model.digest import digest, latest_signatures
from tests.versions.test_history import BS01, BS02, set_text


def _model(source: str) -> AgreementSet:
    model, findings = validate(load_text(source, "stad.yaml"))
    assert findings == []
    assert isinstance(model, AgreementSet)
    return model


BASE = set_text([BS01, BS02])


def test_digest_is_sha256_of_the_canonical_content_without_signatures() -> None:
    model = _model(BASE)
    content = model.model_dump(
        mode="json",
        exclude={"signatures": True, "waivers": True, "agreements": {"__all__": {"waivers"}}},
        exclude_defaults=True,
    )
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert digest(model) == "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()
    # Defaults are left out: writing one out, or a later format adding one, changes nothing.
    assert "comparison" not in content["agreements"][0]["target"]


def test_waivers_and_defaults_written_out_keep_the_digest() -> None:
    plain = _model(BASE)
    assert "comparison: at_least" not in BASE
    explicit = _model(
        BASE.replace("      value: 180\n", "      value: 180\n      comparison: at_least\n", 1)
    )
    waived = _model(
        BASE.replace(
            "agreements:\n", "waivers:\n  - {rule: P604, reason: Tekent later.}\nagreements:\n", 1
        )
    )
    assert explicit.agreements[0].target is not None
    assert "comparison" in explicit.agreements[0].target.model_fields_set
    assert waived.waivers and not plain.waivers
    assert digest(explicit) == digest(plain) == digest(waived)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("agreements:\n", "# De afspraken\nagreements:  # twee\n"),
        ("title: Bouwlocaties", 'title: "Bouwlocaties"'),
        ("deadline: 2026-12-31", "deadline: '2026-12-31'"),
        (
            "    contributors: [gemeente, hv-a]\n",
            "    contributors:\n      - gemeente\n      - hv-a\n",
        ),
        (
            "    theme: beschikbaarheid\n    kind: result\n",
            "    kind: result\n    theme: beschikbaarheid\n",
        ),
        (
            "    text: Woonstichting A levert 180 woningen op.\n",
            "    text: >-\n      Woonstichting A levert\n      180 woningen op.\n",
        ),
        ("    kind: result\n", ""),  # the default, left out
        ("\n", "\r\n"),
        (
            "  - party: hv-a\n    name: M. Bakker\n    date: 2024-01-20\n",
            "  - party: hv-a\n    name: M. Bakker\n    date: 2024-01-20\n"
            "  - party: hv-a\n    name: M. Bakker\n    date: 2025-01-20\n",
        ),
    ],
    ids=[
        "comment",
        "quotes",
        "quoted-date",
        "block-list",
        "key-order",
        "folded-text",
        "default",
        "crlf",
        "signature",
    ],
)
def test_layout_comments_and_signatures_do_not_change_the_digest(old: str, new: str) -> None:
    assert old in BASE
    assert digest(_model(BASE.replace(old, new))) == digest(_model(BASE))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("value: 180", "value: 181"),
        ("deadline: 2026-12-31", "deadline: 2026-12-30"),
        ("title: Bouwlocaties", "title: Bouwlocaties!"),
        ("name: Gemeente Stad", "name: Gemeente De Stad"),
        ("  end: 2027-12-31", "  end: 2028-12-31"),
        ("Woonstichting A levert 180", "Woonstichting A levert  honderdtachtig"),
        ("    kind: result\n", "    kind: effort\n"),
    ],
)
def test_any_change_of_content_changes_the_digest(old: str, new: str) -> None:
    assert old in BASE
    assert digest(_model(BASE.replace(old, new, 1))) != digest(_model(BASE))


def test_the_same_number_written_differently_keeps_the_digest() -> None:
    assert digest(_model(BASE.replace("value: 180", "value: 180.0"))) == digest(_model(BASE))


def test_latest_signature_per_party_by_date_then_position() -> None:
    source = BASE + (
        "  - party: gemeente\n    name: P. Later\n    date: 2025-01-01\n"
        "  - party: gemeente\n    name: Q. Eerder\n    date: 2024-06-01\n"
        "  - party: hv-a\n    name: R. Zelfde dag\n    date: 2024-01-20\n"
    )
    latest = latest_signatures(_model(source))
    assert {party: (index, s.name) for party, (index, s) in latest.items()} == {
        "gemeente": (3, "P. Later"),
        "corp-a": (1, "A. Jansen"),
        "hv-a": (5, "R. Zelfde dag"),
    }


def _signed(tmp_path: Path, source: str, party: str = "corp-a", name: str = "A. Jansen") -> str:
    path = tmp_path / "stad.yaml"
    path.write_bytes(source.encode())
    result = sign(path, party, name, date(2025, 6, 1), "nl")
    assert result.path == path
    assert (result.signature.party, result.signature.name) == (party, name)
    assert result.signature.date == date(2025, 6, 1)
    assert result.signature.digest == digest(_model(source))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stad.yaml"]
    return path.read_bytes().decode()


def test_sign_a_set_without_signatures(tmp_path: Path) -> None:
    head = BASE[: BASE.index("signatures:\n")]
    after = _signed(tmp_path, head)
    assert after == head + (
        "signatures:\n"
        "  - party: corp-a\n"
        "    name: A. Jansen\n"
        "    date: 2025-06-01\n"
        f'    digest: "{digest(_model(head))}"\n'
    )


def test_sign_a_set_with_an_empty_list_and_a_comment(tmp_path: Path) -> None:
    head = BASE[: BASE.index("signatures:\n")]
    source = head + "signatures: []  # nog niet getekend\nwaivers: []\n"
    after = _signed(tmp_path, source)
    # The line of the empty list is rewritten; its comment stays.
    assert after == head + (
        "signatures:  # nog niet getekend\n"
        "  - party: corp-a\n"
        "    name: A. Jansen\n"
        "    date: 2025-06-01\n"
        f'    digest: "{digest(_model(source))}"\n'
        "waivers: []\n"
    )


def test_sign_keeps_the_flow_style_and_crlf_of_the_file(tmp_path: Path) -> None:
    head = BASE[: BASE.index("signatures:\n")]
    source = (
        head
        + "signatures:\n  - {party: gemeente, name: J. de Vries, date: 2024-01-15}\n"
        + "# einde\n"
    ).replace("\n", "\r\n")
    after = _signed(tmp_path, source, "hv-a", "Zoë O'Neil: voorzitter")
    value = digest(_model(source))
    assert after == source.replace(
        "# einde\r\n",
        '  - {party: hv-a, name: "Zoë O\'Neil: voorzitter", date: 2025-06-01, '
        f'digest: "{value}"}}\r\n# einde\r\n',
    )
    assert _model(after).signatures[-1].name == "Zoë O'Neil: voorzitter"


def test_sign_refuses_an_unknown_party_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "stad.yaml"
    path.write_text(BASE, encoding="utf-8")
    with pytest.raises(SignError) as raised:
        sign(path, "Gemeente", "X", date(2025, 6, 1), "en")
    assert str(raised.value) == (
        "'Gemeente' is not a party to the set; choose one of gemeente, corp-a, hv-a. "
        "Did you mean 'gemeente'? Nothing was written."
    )
    assert raised.value.exit_code == 2
    assert path.read_text(encoding="utf-8") == BASE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stad.yaml"]


def test_the_stale_signature_example_was_signed_for_the_content_before_the_change() -> None:
    """examples/invalid/P616: undo the one change and every signature matches again."""
    from prestatie_cli.load.yaml import load_text
    from prestatie_cli.model.agreements import AgreementSet
    from tests.conftest import REPO

    text = (REPO / "examples" / "invalid" / "P616-stale-signature.yaml").read_text(encoding="utf-8")
    assert "      value: 150\n" in text
    before = AgreementSet.model_validate(
        load_text(text.replace("      value: 150\n", "      value: 180\n"), "x").data
    )
    after = AgreementSet.model_validate(load_text(text, "x").data)
    assert {signature.digest for signature in after.signatures} == {digest(before)}
    assert digest(after) != digest(before)
