"""Shared pieces of the apply-flow tests: catalog items, card identities, a full walk."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import date

from kiosk.catalog.codec import item_from_dict
from kiosk.catalog.validation import SCHEMA_PATH
from kiosk.documents.signature import Signature, signed_pdf
from kiosk.domain.application import Document, Settlement
from kiosk.domain.catalog import MaterialSource, ServiceItem
from kiosk.domain.codes import Sex
from kiosk.domain.id_numbers import gb11643_check_char
from kiosk.domain.identity import CardType, Identity
from kiosk.session import ApplySession

CATALOG = SCHEMA_PATH.parent / "catalog.json"


def commitment_text(promise: str, if_false: str) -> str:
    """The words the materials page shows and the citizen signs (ApplyMaterialsPage.qml)."""
    return f"本人承诺：{promise}。{if_false}。"


def service(code: str) -> ServiceItem:
    """One service of the shipped sample catalog."""
    doc = json.loads(CATALOG.read_text(encoding="utf-8"))
    return item_from_dict(next(s for s in doc["services"] if s["code"] == code))


def id_number(first17: str) -> str:
    """A valid GB 11643 number from its first 17 digits."""
    return first17 + gb11643_check_char(first17)


def identity(name: str = "王小明", first17: str = "11010519800315001") -> Identity:
    """A checked card identity (made-up person)."""
    number = id_number(first17)
    return Identity(
        card_type=CardType.RESIDENT,
        name=name,
        id_number=number,
        sex=Sex.MALE,
        birth_date=date(int(number[6:10]), int(number[10:12]), int(number[12:14])),
        valid_from=date(2020, 1, 1),
        valid_to=date(2040, 1, 1),
        address="示范市人民路100号3栋2单元501室",
    )


@dataclass(frozen=True)
class Held:
    """A licence data sharing holds (as ``SharedDataService.verify`` returns it)."""

    licence_no: str = "JH**************0034"
    issuer: str = "示范市公安局"


def signature_strokes(width: float = 1000, height: float = 380) -> list[list[list[float]]]:
    """What a finger leaves when it writes a short name on the pad: a wave and a cross
    stroke, sampled every 16 ms (plain lists, as the pad hands them over)."""
    wave = [
        [width * (0.1 + 0.006 * i), height * (0.5 + 0.15 * math.sin(i / 4)), 16.0 * i]
        for i in range(90)
    ]
    cross = [[width * 0.2, height * (0.25 + 0.01 * i), 2000.0 + 16 * i] for i in range(40)]
    return [wave, cross]


def sign(session: ApplySession, index: int, text: str, document: Document | None = None) -> None:
    """Sign material ``index``'s commitment as the screens do: checked, then a real signed
    PDF (or ``document``, one made earlier: a benchmark of the submit path)."""
    signature = Signature.from_lists(signature_strokes(), 1000, 380)
    facts = session.prepare_signing(index, text, True, signature)
    if document is None:
        document = Document("signed", "application/pdf", signed_pdf(signature, facts))
    session.commit(index, text, True, document)


def settle_all(session: ApplySession, commit: bool, signed: Document | None = None) -> None:
    """Every 免提交 material found by data sharing; bring or commit (signed) every other one."""
    session.record_lookup({name: Held() for name in session.to_look_up()})
    for view in session.materials():
        if view.offered is MaterialSource.SHARED or view.settlement is Settlement.CARD:
            continue  # found by data sharing; the agent's own card read at the terminal
        if commit and view.offered is MaterialSource.COMMITMENT:
            sign(session, view.index, commitment_text(view.promise, view.if_false), signed)
        else:
            session.bring(view.index)


def walk_to_review(
    code: str,
    values: dict[str, str],
    *,
    card: Identity | None = None,
    commit: bool = False,
    signed: Document | None = None,
    session: ApplySession | None = None,
) -> ApplySession:
    """A self-service application taken up to the review page (``signed``: the signed
    document every commitment gets, instead of a PDF made for each)."""
    s = session or ApplySession()
    s.choose(service(code))
    s.confirm_conditions()
    s.identify(card or identity())
    s.submit_form(values)
    settle_all(s, commit, signed)
    s.confirm_materials()
    return s
