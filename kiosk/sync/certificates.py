"""The terminal's calls of central's certificate routes (:mod:`kiosk.contract.certificates`),
on the signed :class:`~kiosk.sync.client.CentralClient` (kept out of its module, which holds
the plumbing and the older routes)."""

from __future__ import annotations

from kiosk.contract import (
    CertificateIssue,
    CertificateOffers,
    CertificateQuery,
    IssuedCertificate,
)
from kiosk.sync.client import CentralClient, TransientError


def certificate_offers(client: CentralClient, id_number: str) -> CertificateOffers:
    """The certificates central's registry holds for the card holder (maybe none)."""
    query = CertificateQuery(id_number=id_number)
    return client.request("POST", "/certificates/available", CertificateOffers, body=query)


def issue_certificate(
    client: CentralClient, request: CertificateIssue, key: str
) -> IssuedCertificate:
    """Issue one certificate (idempotent under ``key``: a retry gets the same code). None held
    for the person is a ``PermanentError`` (404 ``no_such_certificate``)."""
    issued = client.request(
        "POST",
        "/certificates/issue",
        IssuedCertificate,
        body=request,
        headers={"Idempotency-Key": key},
    )
    if issued.kind != request.kind:
        raise TransientError("bad_answer", "certificate answer does not match the kind asked")
    return issued
