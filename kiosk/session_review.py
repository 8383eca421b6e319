"""The review page (核对) and the materials page of an application, built from what the
apply flow holds.

Every personal value is masked, except on the citizen's own screen during the visit, where
what they typed is shown as typed so they can check it (values read from a card stay masked).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kiosk.domain.application import HomeService, MaterialChoice, Person, Settlement
from kiosk.domain.catalog import Material, MaterialSource, ServiceItem
from kiosk.domain.identity import mask_number
from kiosk.forms import mask_address, masked_value, shown_value
from kiosk.session_states import Lookup
from kiosk.session_types import MaterialView, Review, ReviewRow, ScannedMaterial


def build_review(
    item: ServiceItem,
    applicant: Person,
    agent: Person | None,
    values: Mapping[str, str],
    prefilled: Mapping[str, str],
    chosen: Sequence[MaterialChoice],
    home: HomeService | None,
    *,
    own_screen: bool,
) -> Review:
    """The review of ``item``'s application for ``applicant`` (by ``agent`` when acting for
    them): the form's ``values`` (``prefilled`` ones came from a card), the materials as
    ``chosen``, the home-service address. ``own_screen``: see the module's docstring; never
    for paper, logs or anything that outlives the visit."""
    form = item.guide.form
    assert form is not None
    typed_principal = agent is not None and not applicant.from_card

    def typed(field_id: str) -> bool:
        return own_screen and (field_id not in prefilled or typed_principal)

    rows = tuple(
        ReviewRow(f.id, f.label, shown_value(f, v) if typed(f.id) else masked_value(f, v))
        for f in form.fields
        if (v := values.get(f.id)) is not None
    )

    def names(kind: Settlement) -> tuple[str, ...]:
        return tuple(c.material.name for c in chosen if c.settlement is kind)

    show_applicant = own_screen and typed_principal
    return Review(
        service_name=item.name,
        applicant=applicant.name if show_applicant else applicant.masked_name,
        applicant_id_number=applicant.id_number if show_applicant else applicant.masked_id_number,
        agent=agent.masked_name if agent else "",
        rows=rows,
        shared=names(Settlement.SHARED),
        committed=names(Settlement.COMMITTED),
        to_bring=names(Settlement.BRING),
        signed=names(Settlement.SIGNED),
        card_read=names(Settlement.CARD),
        scanned=tuple(
            ScannedMaterial(c.material.name, c.document.pages if c.document else 0)
            for c in chosen
            if c.settlement is Settlement.SCANNED
        ),
        home_service=home is not None,
        home_address=(
            "" if home is None else home.address if own_screen else mask_address(home.address)
        ),
        home_phone="" if home is None else home.phone if own_screen else mask_number(home.phone),
    )


def material_views(
    materials: Sequence[Material],
    own: int,
    chosen: Mapping[int, MaterialChoice],
    lookups: Mapping[int, Lookup],
    sign_texts: Mapping[int, str],
) -> list[MaterialView]:
    """The materials page: each of ``materials`` (the guide's ``own`` first, then an agent's
    papers) with what is offered and what was ``chosen``; ``sign_texts`` holds the words of
    papers signed here other than commitments (the 授权委托书)."""
    out = []
    for i, m in enumerate(materials):
        choice = chosen.get(i)
        offered = m.source
        if offered is MaterialSource.COMMITMENT and m.commitment is None:
            offered = MaterialSource.CITIZEN  # no text of its own: nothing to sign
        out.append(
            MaterialView(
                i,
                m.name,
                m.note,
                offered,
                choice.settlement if choice else None,
                m.commitment.promise if m.commitment else "",
                m.commitment.if_false if m.commitment else "",
                lookup=lookups.get(i, Lookup.UNCHECKED),
                licence_no=choice.licence_no if choice else "",
                issuer=choice.issuer if choice else "",
                pages=choice.document.pages if choice and choice.document else 0,
                max_pages=m.scan_page_limit,
                agent=i >= own,
                sign_text=sign_texts.get(i, ""),
                material=m,
            )
        )
    return out
