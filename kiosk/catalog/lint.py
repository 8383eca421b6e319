"""Findings a catalog installs with but a hall should fix (``kioskctl catalog lint``).

Validation (:mod:`kiosk.catalog.validation`) refuses a document that cannot be used. The lint
looks at a valid catalog the way the notice 国办发〔2015〕86号 二(二) does: every material a
citizen is asked for must name the provision that sets it (设定依据); a material without one
is not to be asked for. Each finding names the service and the material, so staff can fix the
source tables in one pass.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from kiosk.domain.catalog import Catalog, MaterialSource, ServiceItem


@dataclass(frozen=True)
class LintFinding:
    """One thing to fix: the service code, the material (or field) and what is wrong."""

    code: str
    material: str
    message: str

    def __str__(self) -> str:
        return f"{self.code}: {self.material}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        """The finding as a JSON object (``kioskctl catalog lint --json``)."""
        return asdict(self)


NO_BASIS = "no legal basis (设定依据, law and article) for this material"
NO_COMMITMENT = (
    "may be replaced by a commitment but has no commitment text of its own "
    "(what is promised, what follows if it is false); the terminal will not offer it"
)


def lint_service(item: ServiceItem) -> list[LintFinding]:
    """The findings of one service, in guide order."""
    findings = []
    for m in item.guide.materials:
        if m.basis is None:
            findings.append(LintFinding(item.code, m.name, NO_BASIS))
        if m.source is MaterialSource.COMMITMENT and m.commitment is None:
            findings.append(LintFinding(item.code, m.name, NO_COMMITMENT))
    return findings


def lint_catalog(
    catalog: Catalog | list[ServiceItem] | tuple[ServiceItem, ...],
) -> list[LintFinding]:
    """Every finding of a whole catalog (or a list of its services), in catalog order."""
    services = catalog.services if isinstance(catalog, Catalog) else catalog
    return [finding for item in services for finding in lint_service(item)]
