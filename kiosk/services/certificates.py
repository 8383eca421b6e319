"""Certificates printed at the terminal (自助打印证明): what the card holder can print, and
issuing one at central so its verification code is on record before the paper is printed.

Offline, both calls raise :class:`~kiosk.services.common.CentralError`: a certificate is only
ever printed with a code central knows, never made up by the terminal. The ID number and the
certificate's content are never logged; only counts and the kind.
"""

from __future__ import annotations

import logging
import secrets

from kiosk.contract import CertificateIssue, CertificateOffer, IssuedCertificate
from kiosk.services.common import Central
from kiosk.sync.certificates import certificate_offers, issue_certificate

log = logging.getLogger(__name__)


class CertificateService:
    """The terminal's side of ``/certificates/*``. ``verify_base`` is the public address of
    central's ``/verify`` pages as printed in the QR code (a deployment's public host; by
    default the address the terminal reaches central at)."""

    def __init__(self, central: Central, verify_base: str | None = None) -> None:
        self.central = central
        self._verify_base = verify_base.rstrip("/") if verify_base else None

    def available(self, id_number: str) -> list[CertificateOffer]:
        """The kinds the card holder can print; raises ``CentralError``."""
        offers = self.central.call(lambda client: certificate_offers(client, id_number)).offers
        log.info("certificates: %d kind(s) available", len(offers))
        return offers

    @staticmethod
    def new_key() -> str:
        """An idempotency key for one print: keep it for the retries of that print."""
        return f"cert-{secrets.token_hex(12)}"

    def issue(self, id_number: str, kind: str, key: str) -> IssuedCertificate:
        """Issue a certificate of ``kind``; the same ``key`` again gets the same one."""
        request = CertificateIssue(id_number=id_number, kind=kind)
        issued = self.central.call(lambda client: issue_certificate(client, request, key))
        log.info("certificate of kind %s issued", kind)
        return issued

    def verify_url(self, certificate: IssuedCertificate) -> str:
        """The public address of the certificate's check page (what the QR code holds)."""
        base = self._verify_base
        if base is None:
            client = self.central.client
            base = client.base_url if client is not None else ""
        return f"{base}{certificate.verify_path}"
