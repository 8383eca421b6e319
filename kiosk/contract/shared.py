"""Shared data (数据共享): does a licence or record the catalog marks 免提交 exist for a person?

``POST /api/v1/shared/check`` (signed): the terminal names the person (ID number, in the body
so it never lands in an access log) and the materials of the application that data sharing
settles. Central answers per material: found, with the licence's number masked and who issued
it, or not found. A not-found material is not an error: the citizen is then offered the other
ways (the commitment, a scan, bringing it). Central keeps no record of who was checked.
"""

from __future__ import annotations

from datetime import date

from pydantic import Field

from kiosk.contract.base import WireModel

MAX_MATERIALS = 30


class SharedCheck(WireModel):
    """The person and the 免提交 materials to look up."""

    id_number: str = Field(min_length=15, max_length=40)
    materials: list[str] = Field(min_length=1, max_length=MAX_MATERIALS)


class SharedFinding(WireModel):
    """One material's answer; ``licence_no`` is masked (first two and last four shown)."""

    material: str
    found: bool
    licence_no: str | None = None
    issuer: str | None = None
    issued_on: date | None = None


class SharedCheckResult(WireModel):
    """The findings, in the order the materials were asked for."""

    findings: list[SharedFinding]
