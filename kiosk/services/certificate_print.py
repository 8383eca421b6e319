"""One certificate print (自助打印证明) from choosing to paper: issue it at central, show its
masked preview, lay out the complete PDF, send it to the A4 printer and follow the job.

Every call blocks (central, the printer, the PDF's layout): run them on ``core-tasks``. The
PDF lives only in memory; the terminal's audit log gets the kind, the verification code and the
job's outcome, never the holder's name or ID number. A kind whose service's guide lists the
face check for ``certificate`` (人证核验) is issued only with a passed check of the visit, and
its print's audit line carries that check's result, distance and time. Failures are raised
with a reason code: :class:`~kiosk.services.common.ServiceError` for central (``central_offline``,
``none_held``) and the driver's :class:`~drivers.pages.base.PagePrinterError` for the printer
(``paper_out`` …).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from drivers.pages.base import PagePrinter, PagePrinterError, wait_for_job
from kiosk.contract import CertificateOffer, IssuedCertificate
from kiosk.contract.certificates import format_code
from kiosk.documents.certificate import CertificateMaker
from kiosk.services.certificate_jobs import CertificateJobNotFound, CertificateJobs
from kiosk.services.certificates import CertificateService
from kiosk.services.common import ServiceError
from kiosk.services.face_checks import FaceOutcome
from kiosk.sync.client import CentralError, PermanentError

log = logging.getLogger(__name__)

Audit = Callable[[str, str, dict[str, Any]], None]  # (actor, action, detail)


@dataclass(frozen=True)
class Prepared:
    """A certificate issued at central and its masked preview (PNG), for the screen."""

    certificate: IssuedCertificate
    verify_url: str
    preview_png: bytes
    face: FaceOutcome | None = None  # the passed face check it was issued after, if needed

    @property
    def code(self) -> str:
        """The verification code as printed (groups of four)."""
        return format_code(self.certificate.code)


@dataclass(frozen=True)
class PrintedCertificate:
    """The paper came out: its code and the printer's job."""

    code: str
    kind: str
    job_id: int


class CertificatePrints:
    """The certificate print job. ``printer`` opens the A4 printer (lazily, on this thread);
    ``audit`` records one line per print in the terminal's audit log; ``jobs`` keeps each
    print (sealed) for the staff screen's list and reprints."""

    def __init__(
        self,
        certificates: CertificateService,
        maker: CertificateMaker,
        printer: Callable[[], PagePrinter],
        audit: Audit | None = None,
        jobs: CertificateJobs | None = None,
        *,
        face_actions: Callable[[str], tuple[str, ...]] | None = None,
        job_timeout_s: float = 120.0,
        poll_s: float = 0.5,
    ) -> None:
        self.certificates = certificates
        self.maker = maker
        self._printer = printer
        self._audit = audit
        self.jobs = jobs
        self._face_actions = face_actions
        self.job_timeout_s = job_timeout_s
        self.poll_s = poll_s

    def check_printer(self) -> None:
        """Raise :class:`PagePrinterError` when the A4 printer cannot print now (out of paper,
        stopped …): asked before anything is issued, so no code is issued for nothing."""
        printer = self._printer()
        problem = printer.status().problem()
        if problem and problem != "rejecting":  # a rejecting queue still prints what it took
            raise PagePrinterError(f"{printer.uri} cannot print now", problem)

    def offers(self, id_number: str) -> list[CertificateOffer]:
        """The kinds the card holder can print (maybe none); ``central_offline`` without central."""
        try:
            return self.certificates.available(id_number)
        except PermanentError as exc:
            if exc.status == 404:  # central's registry holds nothing for this person
                return []
            raise ServiceError("central_refused", "central refused the certificate list") from exc
        except CentralError as exc:
            raise ServiceError(
                "central_offline", f"certificates: central unreachable ({exc.reason})"
            ) from exc

    def needs_face(self, service_code: str | None) -> bool:
        """Whether the catalog's guide of ``service_code`` asks for the face check before a
        certificate is printed (blocking: the catalog is in the store)."""
        if not service_code or self._face_actions is None:
            return False
        return "certificate" in self._face_actions(service_code)

    def prepare(
        self,
        id_number: str,
        kind: str,
        key: str,
        *,
        service_code: str | None = None,
        face: FaceOutcome | None = None,
    ) -> Prepared:
        """Issue the certificate at central under ``key`` (the same key again: the same
        certificate) and render its masked preview. A kind of a service that asks for the face
        check needs ``face``, the visit's passed check for ``certificate``, or raises
        ``face_check_required``."""
        if self.needs_face(service_code) and not (
            face is not None and face.passed and face.action == "certificate"
        ):
            raise ServiceError("face_check_required", f"kind {kind} needs a passed face check")
        try:
            issued = self.certificates.issue(id_number, kind, key)
        except PermanentError as exc:
            raise ServiceError("none_held", f"no certificate of kind {kind} held") from exc
        except CentralError as exc:
            raise ServiceError("central_offline", f"certificate not issued ({exc.reason})") from exc
        url = self.certificates.verify_url(issued)
        return Prepared(issued, url, self.maker.preview(issued, url), face)

    def print(self, prepared: Prepared) -> PrintedCertificate:
        """Lay the complete certificate out, print it and wait for the job's outcome."""
        cert = prepared.certificate
        job = None
        if self.jobs is not None:
            self._checked(cert)  # nothing recorded for a printer that cannot print
            job = self.jobs.start(cert, prepared.verify_url)
        return self._send(
            cert, prepared.verify_url, job, "certificate.printed", job is None, prepared.face
        )

    def reprint(self, job_id: int) -> PrintedCertificate:
        """Print today's job ``job_id`` again (staff mode); ``CertificateJobNotFound`` for
        an unknown job or one of an earlier day."""
        if self.jobs is None:
            raise CertificateJobNotFound("certificate jobs are not kept")
        cert, url = self.jobs.certificate(job_id)
        self._checked(cert)
        self.jobs.again(job_id)
        return self._send(cert, url, job_id, "certificate.reprinted", False)

    def _checked(self, cert: IssuedCertificate) -> None:
        try:
            self.check_printer()
        except PagePrinterError as exc:
            self._failed(cert, None, exc)
            raise

    def _send(
        self,
        cert: IssuedCertificate,
        url: str,
        job: int | None,
        action: str,
        check: bool,
        face: FaceOutcome | None = None,
    ) -> PrintedCertificate:
        try:
            if check:
                self.check_printer()
            printer = self._printer()
            pdf = self.maker.paper(cert, url)
            job_id = printer.print_pdf(pdf, title=f"certificate {cert.kind}")
            del pdf  # in memory only, and not longer than needed
            wait_for_job(printer, job_id, self.job_timeout_s, self.poll_s)
        except PagePrinterError as exc:
            self._failed(cert, job, exc)
            raise
        log.info("certificate %s of kind %s printed (job %d)", cert.code, cert.kind, job_id)
        self._finish(job, None)
        detail: dict[str, Any] = {"kind": cert.kind, "code": cert.code, "job": job_id}
        if face is not None:  # the face check it was issued after: result, score, time
            record = face.record()
            detail["face"] = {k: record[k] for k in ("passed", "distance", "at")}
        self._record(action, detail)
        return PrintedCertificate(format_code(cert.code), cert.kind, job_id)

    def _failed(self, cert: IssuedCertificate, job: int | None, exc: PagePrinterError) -> None:
        log.warning(
            "certificate %s of kind %s not printed: %s", cert.code, cert.kind, exc.log_line()
        )
        self._finish(job, exc.reason)
        self._record(
            "certificate.print_failed", {"kind": cert.kind, "code": cert.code, "reason": exc.reason}
        )

    def _finish(self, job: int | None, reason: str | None) -> None:
        if self.jobs is None or job is None:
            return
        try:
            self.jobs.finish(job, reason)
        except Exception:  # the printer's outcome stands; the log line says it
            log.exception("certificate job %s not updated", job)

    def _record(self, action: str, detail: dict[str, Any]) -> None:
        if self._audit is None:
            return
        try:
            self._audit("terminal", action, detail)
        except Exception:  # the paper is out either way; the log line above stays
            log.exception("certificate audit line not written")
