"""Build the terminal's use cases as one named bundle (called by the composition root).

Every service that asks central directly gets its own :class:`~kiosk.services.common.Central`
(a ``requests`` session is not shared between threads), named in :class:`CentralConnections`.
Central's address may only be known after start (the demo's central is started then), so the
services are built unconnected and :meth:`Services.connect` points them at it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, fields

from drivers.beacons.base import Beacon
from drivers.cards.wlt import find_wlt_decoder
from kiosk.catalog import CatalogBrowser, CatalogNotFound
from kiosk.catalog.misses import SearchMisses
from kiosk.config import Settings
from kiosk.documents.certificate import CertificateMaker
from kiosk.documents.fonts import DocumentFont
from kiosk.documents.signature import Signer
from kiosk.face.settings import FaceCheckSettings
from kiosk.printing.pages import A4Printer, a4_printer_uri
from kiosk.printing.worker import PrintWorker
from kiosk.services.appointments import AppointmentService
from kiosk.services.assist import AssistService
from kiosk.services.certificate_jobs import CertificateJobs
from kiosk.services.certificate_print import CertificatePrints
from kiosk.services.certificates import CertificateService
from kiosk.services.checkin import CheckinService
from kiosk.services.common import Central
from kiosk.services.complaints import ComplaintService
from kiosk.services.consult import ConsultService
from kiosk.services.evaluate import EvaluationService
from kiosk.services.face_checks import FaceChecks
from kiosk.services.guide_slip import GuideSlipPrinter
from kiosk.services.progress import ProgressService
from kiosk.services.queues import queues_for
from kiosk.services.reference_photos import ReferencePhotos
from kiosk.services.shared_data import SharedDataService
from kiosk.services.submit import SubmitService
from kiosk.services.supplement import SupplementService
from kiosk.services.tickets import TicketService
from kiosk.services.tickets.position import TicketPositions
from kiosk.staff import StaffAccess
from kiosk.store import Store
from kiosk.sync.client import Credentials
from kiosk.sync.crypto import FieldCipher
from kiosk.sync.factory import SyncNotConfigured, make_client
from kiosk.sync.idkey import IdHasher

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CentralConnections:
    """The services' own connections to central, one each."""

    tickets: Central
    checkin: Central
    progress: Central
    consult: Central
    complaints: Central
    assist: Central
    shared: Central
    positions: Central
    evaluation: Central
    supplement: Central
    certificates: Central
    faces: Central

    def each(self) -> tuple[Central, ...]:
        """Every connection."""
        return tuple(getattr(self, f.name) for f in fields(self))


@dataclass
class Services:
    """The use cases the screens call (each method blocks: call from a worker thread)."""

    catalog: CatalogBrowser
    search_misses: SearchMisses
    guide_slips: GuideSlipPrinter
    submit: SubmitService
    evaluation: EvaluationService
    appointments: AppointmentService
    tickets: TicketService
    positions: TicketPositions
    checkin: CheckinService
    progress: ProgressService
    consult: ConsultService
    complaints: ComplaintService
    staff: StaffAccess
    assist: AssistService
    shared_data: SharedDataService
    supplement: SupplementService
    signer: Signer  # signed documents (告知承诺书), with this terminal's id and a prepared font
    certificates: CertificateService  # 自助打印证明: what the card holder can print, issuing
    certificate_maker: CertificateMaker  # their A4 papers and masked previews, the same font
    reference_photos: ReferencePhotos  # 人证核验: the card's photo, else the registry's
    face_checks: FaceChecks  # 人证核验 before guarded actions: the face camera, one visit's checks
    connections: CentralConnections
    settings: Settings
    # The A4 printer (opened on first use) and the print job; None: no A4 printer configured.
    a4_printer: A4Printer | None = None
    certificate_prints: CertificatePrints | None = None

    def connect(self, central_url: str, credentials: Credentials | None = None) -> None:
        """Point every service at central (or at none when it is not configured)."""
        offline: SyncNotConfigured | None = None
        for central in self.connections.each():
            try:
                central.connect(make_client(self.settings, central_url, credentials))
            except SyncNotConfigured as exc:
                offline = exc
                central.connect(None)
        if offline is not None:  # one line for staff, not one per service
            log.info("services work offline: %s", offline)
        try:
            self.appointments.client = make_client(self.settings, central_url, credentials)
        except SyncNotConfigured as exc:
            log.info("appointments cannot be booked here: %s", exc)

    def network_changed(self, online: bool) -> None:
        """Hook for the health monitor / sync indicator: central is reachable again."""
        if online:
            for central in self.connections.each():
                central.network_back()

    def close(self) -> None:
        """Close the services' connections to central; the call light goes out."""
        self.assist.close()
        self.signer.close()
        if self.a4_printer is not None:
            try:
                self.a4_printer.close()
            except Exception as exc:  # a driver that fails to close must not hold the exit
                log.warning("closing the A4 printer failed: %s", exc)
        for central in self.connections.each():
            central.connect(None)
        client, self.appointments.client = self.appointments.client, None
        if client is not None:
            client.close()


def face_actions(catalog: CatalogBrowser, code: str) -> tuple[str, ...]:
    """The actions the guide of service ``code`` guards with the face check (none for a
    service the catalog does not hold)."""
    try:
        return tuple(str(action) for action in catalog.service(code).guide.face_check)
    except CatalogNotFound:
        return ()


def build_services(
    settings: Settings,
    store: Store,
    printing: PrintWorker,
    catalog: CatalogBrowser,
    *,
    progress_url: str = "",
    notify_sync: Callable[[], None] | None = None,
    beacon: Beacon | None = None,
) -> Services:
    """Wire the use cases (not connected to central yet); tickets left unprinted on earlier
    days are voided here, and today's still waiting for the printer are followed again."""
    queues = queues_for(settings.data_dir, settings.hall_id)
    # Signed documents and certificates share one face and its prepared copy.
    document_font = DocumentFont(settings.data_dir / "fonts")
    connections = CentralConnections(*(Central(None) for _ in fields(CentralConnections)))
    # One key per terminal: tickets, check-in, progress and bookings hash ID numbers alike.
    id_hasher = IdHasher(settings.data_dir / "keys")
    # The outbox key, read once: the services that queue items for central seal with it.
    cipher = FieldCipher.for_data_dir(store.path.parent)
    tickets = TicketService(
        store,
        printing,
        queues,
        central=connections.tickets,
        notify_sync=notify_sync,
        id_hasher=id_hasher,
        cipher=cipher,
        hall_id=settings.hall_id,
        hall_name=settings.hall_name,
        terminal_id=settings.terminal_id,
    )
    staff = StaffAccess(store)
    photos = ReferencePhotos(connections.faces, decoder=find_wlt_decoder())
    services = Services(
        catalog=catalog,
        search_misses=SearchMisses(store),
        guide_slips=GuideSlipPrinter(
            catalog,
            printing,
            settings.hall_name,
            store=store,
            hall_id=settings.hall_id,
            terminal_id=settings.terminal_id,
            queues=queues,
        ),
        submit=SubmitService.for_settings(
            store,
            settings,
            progress_url=progress_url,
            printing=printing,
            queues=queues,
            cipher=cipher,
        ),
        evaluation=EvaluationService(
            store,
            settings.hall_id,
            central=connections.evaluation,
            cipher=cipher,
            printing=printing,
            terminal_id=settings.terminal_id,
            hall_name=settings.hall_name,
        ),
        appointments=AppointmentService(None, id_hasher),
        tickets=tickets,
        positions=TicketPositions(store, connections.positions, hall_id=settings.hall_id),
        checkin=CheckinService(
            store,
            tickets,
            queues,
            hall_id=settings.hall_id,
            central=connections.checkin,
            notify_sync=notify_sync,
        ),
        progress=ProgressService(store, central=connections.progress, id_hasher=id_hasher),
        consult=ConsultService(
            store,
            catalog.service,
            central=connections.consult,
            printing=printing,
            notify_sync=notify_sync,
            hall_id=settings.hall_id,
            hall_name=settings.hall_name,
            terminal_id=settings.terminal_id,
        ),
        complaints=ComplaintService(
            store,
            central=connections.complaints,
            printing=printing,
            notify_sync=notify_sync,
            hall_id=settings.hall_id,
            hall_name=settings.hall_name,
            terminal_id=settings.terminal_id,
        ),
        staff=staff,
        assist=AssistService(connections.assist, beacon),
        shared_data=SharedDataService(connections.shared),
        supplement=SupplementService(
            store,
            settings.hall_id,
            central=connections.supplement,
            cipher=cipher,
            printing=printing,
            hall_name=settings.hall_name,
            terminal_name=settings.terminal_name,
            progress_url=(lambda no: progress_url.format(receipt_no=no)) if progress_url else None,
        ),
        signer=Signer(document_font, terminal=f"{settings.hall_id}-{settings.terminal_id}"),
        certificates=CertificateService(
            connections.certificates, verify_base=settings.certificate_verify_url or None
        ),
        certificate_maker=CertificateMaker(document_font, terminal=settings.terminal_id),
        reference_photos=photos,
        face_checks=FaceChecks(
            settings.face_camera,
            photos,
            FaceCheckSettings(
                match_distance=settings.face_match_distance,
                max_failures=settings.face_max_failures,
                timeout_s=settings.face_timeout_s,
            ),
            audit=staff.audit,
        ),
        connections=connections,
        settings=settings,
    )
    a4_uri = a4_printer_uri(settings)
    if a4_uri:
        a4 = A4Printer(a4_uri)
        services.a4_printer = a4
        jobs = CertificateJobs(store, cipher)
        forgotten = jobs.forget_old()
        if forgotten:
            log.info("%d certificate(s) of earlier days no longer held for reprints", forgotten)
        services.certificate_prints = CertificatePrints(
            services.certificates,
            services.certificate_maker,
            a4.open,
            services.staff.audit,
            jobs,
            face_actions=lambda code: face_actions(catalog, code),
        )
    voided = tickets.expire_stale()
    if voided:
        log.info("%d unprinted ticket(s) from earlier days voided", voided)
    waiting = tickets.resume()
    if waiting:
        log.info("%d ticket(s) of today still waiting for the printer", waiting)
    return services
