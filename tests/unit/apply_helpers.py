"""Shared pieces of the apply-flow tests: catalog items, card identities, a full walk."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from kiosk.catalog.codec import item_from_dict
from kiosk.catalog.validation import SCHEMA_PATH
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


def settle_all(session: ApplySession, commit: bool) -> None:
    """Every 免提交 material found by data sharing; bring or commit every other one."""
    session.record_lookup({name: Held() for name in session.to_look_up()})
    for view in session.materials():
        if view.offered is MaterialSource.SHARED:
            continue
        if commit and view.offered is MaterialSource.COMMITMENT:
            session.commit(view.index, commitment_text(view.promise, view.if_false), consent=True)
        else:
            session.bring(view.index)


def walk_to_review(
    code: str,
    values: dict[str, str],
    *,
    card: Identity | None = None,
    commit: bool = False,
    session: ApplySession | None = None,
) -> ApplySession:
    """A self-service application taken up to the review page."""
    s = session or ApplySession()
    s.choose(service(code))
    s.confirm_conditions()
    s.identify(card or identity())
    s.submit_form(values)
    settle_all(s, commit)
    s.confirm_materials()
    return s
