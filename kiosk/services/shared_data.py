"""Shared data really checked (免提交): ask central's data-sharing check for a person.

The apply flow calls :meth:`SharedDataService.verify` for the materials the catalog marks
免提交, once the citizen agreed on screen that the hall may look them up. Each material comes
back verified (the licence number masked, who issued it) or not found; offline, the call
raises :class:`~kiosk.services.common.CentralError` and the flow offers the other ways (the
commitment, a scan, bringing it) instead of pretending. Nothing about the check is stored and
the ID number is never logged.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from kiosk.contract import SharedCheck
from kiosk.domain.identity import mask_number
from kiosk.services.common import Central

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Verified:
    """A material data sharing holds: its masked number, issuer and date of issue."""

    licence_no: str
    issuer: str
    issued_on: date | None


def _masked(licence_no: str) -> str:
    """The platform masks licence numbers; one that came unmasked (an ID card's number is a
    licence number too) is masked here, so no full number reaches a screen or paper."""
    return licence_no if "*" in licence_no else mask_number(licence_no)


class SharedDataService:
    """The terminal's side of ``POST /api/v1/shared/check``."""

    def __init__(self, central: Central) -> None:
        self.central = central

    def verify(self, id_number: str, materials: list[str]) -> dict[str, Verified | None]:
        """Each of ``materials`` verified or None (not held); raises ``CentralError``."""
        if not materials:
            return {}
        query = SharedCheck(id_number=id_number, materials=list(materials))
        result = self.central.call(lambda client: client.check_shared(query))
        found: dict[str, Verified | None] = {}
        for finding in result.findings:
            found[finding.material] = (
                Verified(_masked(finding.licence_no or ""), finding.issuer or "", finding.issued_on)
                if finding.found
                else None
            )
        log.info(
            "shared data: %d of %d material(s) verified",
            sum(v is not None for v in found.values()),
            len(found),
        )
        return found
