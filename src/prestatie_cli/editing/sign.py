"""Sign-off: adding a signature, bound to the digest of the signed content, to a set file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from prestatie_cli.editing.insert import EditError, append_item, scalar
from prestatie_cli.errors import PrestatieError
from prestatie_cli.files import destination, locked, starts_with_bom, write_atomic
from prestatie_cli.load.parse import parse
from prestatie_cli.load.wording import from_load_error
from prestatie_cli.load.yaml import LoadError, read_text
from prestatie_cli.messages import Language, text
from prestatie_cli.model.agreements import AgreementSet, Signature
from prestatie_cli.model.digest import digest
from prestatie_cli.model.findings import suggestion


class SignError(PrestatieError):
    """A signature that cannot be added; nothing was written."""


@dataclass(frozen=True, slots=True)
class Signed:
    path: Path
    signature: Signature


def _refuse(key: str, lang: Language, **params: str) -> SignError:
    return SignError(text(key, lang, params))


def earliest_signing(agreements: AgreementSet) -> date:
    """The first day a signature of ``agreements`` can bear: the day of its earliest bid (the
    agreements are made after the bids), else one year before its term starts."""
    if agreements.bids:
        return min(bid.date for bid in agreements.bids)
    start = agreements.period.start
    try:
        return start.replace(year=start.year - 1)
    except ValueError:  # 29 February
        return start.replace(year=start.year - 1, day=28)


def _refuse_implausible(
    agreements: AgreementSet, signature: Signature, today: date, lang: Language
) -> None:
    """Refuse a second signature of a party for this version, and a date in the future or
    before the set can have been drafted."""
    for existing in agreements.signatures:
        if existing.party == signature.party and existing.digest == signature.digest:
            raise _refuse(
                "sign.twice",
                lang,
                party=signature.party,
                date=existing.date.isoformat(),
                name=existing.name,
            )
    if signature.date > today:
        raise _refuse("sign.future", lang, date=signature.date.isoformat(), today=today.isoformat())
    earliest = earliest_signing(agreements)
    if signature.date < earliest:
        raise _refuse(
            "sign.too-early",
            lang,
            date=signature.date.isoformat(),
            earliest=earliest.isoformat(),
        )


def sign(path: Path, party: str, name: str, day: date, lang: Language) -> Signed:
    """Add ``party``'s signature with the digest of the set as it is now."""
    if not path.is_file():
        # Say what is wrong with the path itself before locking its folder.
        try:
            read_text(path, str(path))
        except LoadError as error:
            problem = from_load_error(error, lang)
            raise _refuse(
                "sign.unreadable", lang, path=str(path), problem=problem.message
            ) from None
    # A file that is read-only is refused before it is read; a link stays a link: the
    # file it leads to is locked and replaced.
    target = destination(path)
    with locked(target.parent):
        bom = starts_with_bom(path)
        try:
            source = read_text(path, str(path))
        except LoadError as error:
            problem = from_load_error(error, lang)
            where = f"{problem.path}:{problem.line}:{problem.column}"
            raise _refuse("sign.unreadable", lang, path=where, problem=problem.message) from None
        parsed = parse(source, str(path), lang)
        document, model = parsed.document, parsed.model
        if document is None or parsed.problems:
            problem = parsed.problems[0]
            where = f"{problem.path}:{problem.line}:{problem.column}"
            key = "sign.unreadable" if document is None else "sign.invalid"
            raise _refuse(key, lang, path=where, problem=problem.message)
        if not isinstance(model, AgreementSet):
            raise _refuse("sign.not-a-set", lang, path=str(path))
        parties = [item.id for item in model.parties]
        if party not in parties:
            close = suggestion(party, parties)
            hint = " " + text("ui.did-you-mean", lang, {"suggestion": close}) if close else ""
            known = ", ".join(parties)
            raise _refuse("sign.unknown-party", lang, party=party, known=known, hint=hint)
        signature = Signature(party=party, name=name, date=day, digest=digest(model))
        _refuse_implausible(model, signature, date.today(), lang)
        pairs = [
            ("party", scalar(party)),
            ("name", scalar(name)),
            ("date", scalar(day)),
            ("digest", scalar(signature.digest)),
        ]
        try:
            after = append_item(source, document, "signatures", pairs)
        except EditError:
            raise _refuse("sign.unsafe", lang, path=str(path)) from None
        checked = parse(after, str(path), lang)
        if (
            checked.problems
            or not isinstance(checked.model, AgreementSet)
            or list(checked.model.signatures) != [*model.signatures, signature]
        ):
            raise _refuse("sign.unsafe", lang, path=str(path))
        write_atomic(path, after, bom=bom)
    return Signed(path, signature)
