"""The composition root: the one place that reads settings and wires the terminal together.

Everything is built here and passed on; nothing below keeps module-level state. Tests build
the same graph with :func:`build_kiosk` and simulated devices.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from drivers.cards.base import CardReader
from drivers.printers.base import Printer
from drivers.scanners.base import Scanner
from kiosk.catalog import (
    BUNDLED_CATALOG,
    BUNDLED_SYNONYMS,
    CatalogBrowser,
    apply_delta,
    ensure_catalog,
)
from kiosk.config import Settings
from kiosk.contract import CatalogDelta
from kiosk.demo import InProcessCentral
from kiosk.devices.broken import card_reader_or_broken, printer_or_broken, scanner_or_broken
from kiosk.devices.guard import call_once
from kiosk.devices.reader_worker import ReaderCallbacks, ReaderWorker
from kiosk.devices.scanner_worker import ScannerWorker
from kiosk.health import HealthMonitor, SystemStatus
from kiosk.printing.setup import build_print_worker, printer_uri
from kiosk.printing.worker import PrintWorker
from kiosk.services.appointments import AppointmentService
from kiosk.services.evaluate import EvaluationService
from kiosk.services.guide_slip import GuideSlipPrinter
from kiosk.services.setup import Services, build_services
from kiosk.services.submit import SubmitService
from kiosk.staff import StaffAccess
from kiosk.store import Store
from kiosk.sync.client import Credentials
from kiosk.sync.factory import SyncNotConfigured, make_client, make_worker
from kiosk.sync.runner import CatalogCallback
from kiosk.sync.status import SyncIndicator
from kiosk.sync.worker import SyncWorker
from kiosk.workers import ThreadExecutor

log = logging.getLogger(__name__)

# What the receipt's QR code encodes; kiosk.services.progress.receipt_from_scan reads it back.
PROGRESS_URL = "https://zwfw.example.gov.cn/progress?no={receipt_no}"
# How long closing a device may take at shutdown before it is left behind.
DEVICE_CLOSE_DEADLINE_S = 5.0


def demo_settings(settings: Settings) -> Settings:
    """Demo mode: simulated card reader and printer (the central is started by the kiosk)."""
    demo = {"demo": True, "card_reader": "sim:sam", "printer": "sim:", "scanner": "sim:"}
    return settings.model_copy(update=demo)


@dataclass
class ScanCallbacks:
    """Where the scanner's events go (the UI replaces these; they run on the scanner thread)."""

    on_scan: Callable[[str], None] = lambda _data: None
    on_lost: Callable[[str], None] = lambda _reason: None
    on_back: Callable[[], None] = lambda: None


@dataclass
class Kiosk:
    """The running terminal: settings, store, devices and background services."""

    settings: Settings
    store: Store
    card_reader: CardReader
    printer: Printer
    central: InProcessCentral | None = None
    central_url: str = ""
    health: HealthMonitor | None = None
    printing: PrintWorker | None = None
    status_listeners: list[Callable[[SystemStatus], None]] = field(default_factory=list)
    sync: SyncWorker | None = None
    sync_listeners: list[Callable[[SyncIndicator], None]] = field(default_factory=list)
    on_catalog: CatalogCallback | None = None
    catalog: CatalogBrowser | None = None
    guide_slips: GuideSlipPrinter | None = None
    # Short store/catalog work asked for by the screens runs here, one task at a time.
    tasks: ThreadExecutor = field(default_factory=lambda: ThreadExecutor("core-tasks"))
    card_events: ReaderCallbacks = field(default_factory=ReaderCallbacks)
    reader_worker: ReaderWorker | None = None
    scanner: Scanner | None = None
    scan_events: ScanCallbacks = field(default_factory=ScanCallbacks)
    scanner_worker: ScannerWorker | None = None
    # Demo only: receipt numbers of the sample cases seeded at the demo central.
    demo_receipts: list[str] = field(default_factory=list)
    staff: StaffAccess | None = None
    # The visit's use cases (each call blocks: run them on ``tasks``, never on the GUI thread).
    services: Services | None = None
    submit: SubmitService | None = None
    evaluation: EvaluationService | None = None
    appointments: AppointmentService = field(default_factory=lambda: AppointmentService(None))
    _started: bool = False

    def start(self) -> None:
        """Start background services without blocking the caller (the GUI thread)."""
        if self._started:
            return
        self._started = True
        threading.Thread(target=self._start_services, name="kiosk-start", daemon=True).start()

    def _start_services(self) -> None:
        if self.printing is not None:
            try:
                self.printing.start()
            except Exception:
                log.exception("print worker did not start")
        # The reader worker opens the reader, under a deadline, and keeps trying.
        self.reader_worker = ReaderWorker(self.card_reader, self._card_callbacks())
        self.reader_worker.start()
        self._start_scanner()
        credentials: Credentials | None = None
        if self.central is not None:
            try:
                self.central.start()
                self.central_url = self.central.url
                tid, secret = self.central.provision_terminal(
                    self.settings.terminal_id, self.settings.hall_id
                )
                credentials = Credentials(tid, secret.encode())
                self.demo_receipts = self.central.seed_demo_cases(tid, self.settings.hall_id)
                self.central.seed_demo_appointments(self.settings.hall_id)
            except Exception:
                log.exception("demo central service did not start")
        self._connect_services(credentials)
        self._start_sync(credentials)
        self.health = HealthMonitor(
            self.card_reader,
            self.printer,
            lambda: self.central_url,
            self._publish_status,
        )
        self.health.start()

    def _start_scanner(self) -> None:
        if self.scanner is None:
            return
        # Late-bound: the UI may replace scan_events after the worker has started.
        self.scanner_worker = ScannerWorker(
            self.scanner,
            lambda data: self.scan_events.on_scan(data),
            on_lost=lambda reason: self.scan_events.on_lost(reason),
            on_back=lambda: self.scan_events.on_back(),
        )
        self.scanner_worker.start()

    def simulate_scan(self, data: str) -> bool:
        """Demo only: show ``data`` to the simulated scanner (it arrives over its pty like a
        real scan). False when the scanner is not simulated."""
        emulator = getattr(self.scanner, "emulator", None)
        if emulator is None:
            return False
        self.tasks.submit(lambda: emulator.scan(data))
        return True

    def _connect_services(self, credentials: Credentials | None) -> None:
        """Point the visit's services at central once its address is known."""
        if self.services is not None:
            self.services.connect(self.central_url, credentials)
        if self.services is not None:
            # Bookings hash the ID number like tickets and check-in do (one key per terminal).
            self.appointments.id_hasher = self.services.tickets.id_hasher
        try:
            self.appointments.client = make_client(self.settings, self.central_url, credentials)
        except SyncNotConfigured as exc:
            log.info("appointments cannot be booked here: %s", exc)

    def _start_sync(self, credentials: Credentials | None) -> None:
        try:
            self.sync = make_worker(
                self.settings,
                self.store,
                self.central_url,
                credentials,
                on_catalog=self.on_catalog,
                on_indicator=self._publish_sync,
            )
        except SyncNotConfigured as exc:
            log.warning("sync with central is off: %s", exc)
            return
        if self.services is not None:
            # Today's appointments are cached for check-in while central is unreachable.
            self.sync.add_pull("appointments", 600, self.services.checkin.refresh)
        self.sync.start()

    def notify_sync(self) -> None:
        """Something was queued for central: upload it now rather than at the next tick."""
        if self.sync is not None:
            self.sync.notify()

    def _card_callbacks(self) -> ReaderCallbacks:
        # Late-bound: the UI may replace card_events after the worker has started.
        return ReaderCallbacks(
            on_card_present=lambda: self.card_events.on_card_present(),
            on_card_read=lambda result: self.card_events.on_card_read(result),
            on_card_removed=lambda: self.card_events.on_card_removed(),
            on_reader_lost=lambda reason, msg: self.card_events.on_reader_lost(reason, msg),
            on_reader_back=lambda: self.card_events.on_reader_back(),
        )

    def simulate_card_tap(self) -> bool:
        """Demo only: lift the card lying on a simulated reader and lay the next sample card
        (in the background, so the reader worker sees the gap). False: not simulated."""
        place = getattr(self.card_reader, "place", None)
        remove = getattr(self.card_reader, "remove", None)
        if place is None:
            return False

        def tap() -> None:
            if remove is not None:
                remove()
                time.sleep(0.3)
            place()

        self.tasks.submit(tap)
        return True

    def simulate_card_lift(self) -> None:
        """Demo only: take the simulated card off the reader."""
        remove = getattr(self.card_reader, "remove", None)
        if remove is not None:
            remove()

    def _publish_sync(self, indicator: SyncIndicator) -> None:
        for listener in list(self.sync_listeners):
            listener(indicator)

    def _publish_status(self, status: SystemStatus) -> None:
        if self.sync is not None:
            self.sync.network_changed(status.network.ok)
        if self.services is not None:
            self.services.network_changed(status.network.ok)
        for listener in list(self.status_listeners):
            listener(status)

    def stop(self) -> None:
        """Stop background services and release devices and the store."""
        if self.health is not None:
            self.health.stop()
        if self.reader_worker is not None:
            self.reader_worker.stop()
        if self.scanner_worker is not None:
            self.scanner_worker.stop()
        elif self.scanner is not None:
            self.scanner.close()
        self.tasks.shutdown()
        if self.printing is not None:
            self.printing.stop()
        if self.services is not None:
            self.services.close()
        if self.sync is not None:
            self.sync.stop()
        if self.central is not None:
            self.central.stop()
        for name, closer in (
            (f"card reader {self.card_reader.uri}", self.card_reader.close),
            (f"printer {self.printer.uri}", self.printer.close),
        ):
            try:
                call_once(name, "close", closer, DEVICE_CLOSE_DEADLINE_S)
            except Exception as exc:  # a hung or failing driver must not hold the exit
                log.warning("closing %s failed: %s", name, exc)
        self.store.close()


def _apply_catalog(kiosk: Kiosk, delta: CatalogDelta) -> None:
    """Central's catalog changes (on the sync thread); raising makes sync fetch them again."""
    apply_delta(kiosk.store, delta.changed, delta.removed)


def build_kiosk(settings: Settings) -> Kiosk:
    """Wire the terminal for ``settings`` (in demo mode: simulators and a local central)."""
    if settings.demo:
        settings = demo_settings(settings)
    settings.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    store = Store(settings.db_path)
    central = InProcessCentral(settings.data_dir) if settings.demo else None
    # A device whose driver cannot be loaded or built is a stand-in that reports why: that
    # device is out of order, the rest of the terminal serves citizens.
    printer = printer_or_broken(printer_uri(settings))
    try:
        ensure_catalog(store, BUNDLED_CATALOG)
    except Exception as exc:  # the terminal still serves tickets and queries without one
        log.error("bundled catalog not installed: %s", exc)
    catalog = CatalogBrowser.open(store, BUNDLED_SYNONYMS)
    printing = build_print_worker(settings, store, printer)
    kiosk = Kiosk(
        settings=settings,
        store=store,
        card_reader=card_reader_or_broken(settings.card_reader),
        printer=printer,
        scanner=scanner_or_broken(settings.scanner) if settings.scanner else None,
        central=central,
        central_url=settings.central_url,
        printing=printing,
        catalog=catalog,
        guide_slips=GuideSlipPrinter(catalog, printing, settings.hall_name),
        staff=StaffAccess(store),
        submit=SubmitService.for_settings(store, settings, progress_url=PROGRESS_URL),
        evaluation=EvaluationService(store, settings.hall_id),
    )
    kiosk.on_catalog = lambda delta: _apply_catalog(kiosk, delta)
    kiosk.services = build_services(
        settings, store, printing, catalog.service, notify_sync=kiosk.notify_sync
    )
    return kiosk
