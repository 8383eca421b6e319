"""The apply flow's data-sharing checks (免提交): which materials to ask the platform about,
and what its answer settles. Plain functions over the session's materials, its record of
checks and its choices, which :class:`kiosk.session.ApplySession` owns and passes in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kiosk.domain.application import MaterialChoice, Settlement
from kiosk.domain.catalog import Material, MaterialSource
from kiosk.session_states import Found, Lookup


def to_look_up(materials: Sequence[Material], lookups: Mapping[int, Lookup]) -> list[str]:
    """Names of the 免提交 materials still to check: never asked, or asked while the
    platform could not be reached (even if the citizen chose to bring them meanwhile)."""
    return [
        m.name
        for i, m in enumerate(materials)
        if m.source is MaterialSource.SHARED
        and lookups.get(i, Lookup.UNCHECKED) in (Lookup.UNCHECKED, Lookup.OFFLINE)
    ]


def record_lookup(
    materials: Sequence[Material],
    lookups: dict[int, Lookup],
    choices: dict[int, MaterialChoice],
    found: Mapping[str, Found | None] | None,
) -> None:
    """The check's answer for :func:`to_look_up`'s materials; ``None``: the platform could
    not be reached. A material found is settled as shared (已核验); one not found, or not
    checked, waits for the citizen to provide it another way."""
    asked = set(to_look_up(materials, lookups))
    for i, m in enumerate(materials):
        if m.name not in asked:
            continue
        hit = None if found is None else found.get(m.name)
        if hit is not None:
            lookups[i] = Lookup.VERIFIED
            choices[i] = MaterialChoice(
                i, m, Settlement.SHARED, licence_no=hit.licence_no, issuer=hit.issuer
            )
        elif found is None:
            lookups[i] = Lookup.OFFLINE
        else:
            lookups[i] = Lookup.NOT_FOUND
            if i in choices and choices[i].settlement is Settlement.SHARED:
                del choices[i]


def decline_lookup(materials: Sequence[Material], lookups: dict[int, Lookup]) -> None:
    """The citizen does not agree to the lookup: each 免提交 material not yet verified is to
    be provided another way."""
    for i, m in enumerate(materials):
        if m.source is MaterialSource.SHARED and lookups.get(i) is not Lookup.VERIFIED:
            lookups[i] = Lookup.DECLINED
