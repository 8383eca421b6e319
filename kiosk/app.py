"""The composition root: the one place that reads settings and wires the terminal together.

Everything is built here and passed on; nothing below keeps module-level state. Tests build
the same graph with :func:`build_kiosk` and simulated devices; the demo (``demo/``) builds it
with a :class:`CentralLink` of its own, a reference central started in the process.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from drivers.cameras.base import Camera
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
from kiosk.catalog.calendar import pull_from_central
from kiosk.config import Settings
from kiosk.contract import CatalogDelta
from kiosk.devices.broken import (
    beacon_or_broken,
    camera_or_broken,
    card_reader_or_broken,
    printer_or_broken,
    scanner_or_broken,
)
from kiosk.devices.camera_worker import CameraCallbacks, CameraWorker
from kiosk.devices.guard import call_once
from kiosk.devices.reader_worker import ReaderCallbacks, ReaderWorker
from kiosk.devices.scanner_worker import ScannerWorker
from kiosk.health import HealthMonitor, SystemStatus
from kiosk.printing.setup import build_print_worker, printer_uri
from kiosk.printing.worker import PrintWorker
from kiosk.services.setup import Services, build_services
from kiosk.store import Store
from kiosk.sync.client import Credentials
from kiosk.sync.factory import SyncNotConfigured, make_worker
from kiosk.sync.heartbeat import INTERVAL_S as HEARTBEAT_S
from kiosk.sync.heartbeat import HeartbeatSource
from kiosk.sync.status import SyncIndicator
from kiosk.sync.worker import SyncWorker
from kiosk.workers import ThreadExecutor

log = logging.getLogger(__name__)

# What the receipt's QR code encodes; kiosk.services.progress.receipt_from_scan reads it back.
PROGRESS_URL = "https://zwfw.example.gov.cn/progress?no={receipt_no}"
# How long closing a device may take at shutdown before it is left behind.
DEVICE_CLOSE_DEADLINE_S = 5.0


@dataclass(frozen=True)
class CentralAccess:
    """Where central answers and how the terminal signs (None: the terminal's secret file)."""

    url: str
    credentials: Credentials | None = None


class CentralLink(Protocol):
    """How the terminal reaches central; opened once on the ``kiosk-start`` thread."""

    def open(self, settings: Settings) -> CentralAccess:
        """Make central reachable (blocking) and say where it is."""
        ...

    def close(self) -> None:
        """Release whatever :meth:`open` started (at shutdown)."""
        ...


@dataclass(frozen=True)
class ConfiguredCentral:
    """An installed terminal's link: ``central_url`` from the settings, the secret from the
    terminal's secret file, nothing to start or stop."""

    url: str

    def open(self, settings: Settings) -> CentralAccess:
        """Central as configured."""
        return CentralAccess(self.url)

    def close(self) -> None:
        """Nothing was started."""


@dataclass
class ScanCallbacks:
    """Where the scanner's events go (the UI replaces these; they run on the scanner thread)."""

    on_scan: Callable[[str], None] = lambda _data: None
    on_lost: Callable[[str], None] = lambda _reason: None
    on_back: Callable[[], None] = lambda: None


@dataclass
class KioskEvents:
    """What the core reports, and to whom. The UI replaces ``card``, ``scan`` and ``camera``
    and adds listeners, even after start: the workers look them up at each event, on their
    threads."""

    card: ReaderCallbacks = field(default_factory=ReaderCallbacks)
    scan: ScanCallbacks = field(default_factory=ScanCallbacks)
    camera: CameraCallbacks = field(default_factory=CameraCallbacks)
    status: list[Callable[[SystemStatus], None]] = field(default_factory=list)
    sync: list[Callable[[SyncIndicator], None]] = field(default_factory=list)

    def card_forwarder(self) -> ReaderCallbacks:
        """Callbacks for the reader worker that forward to whatever ``card`` is then."""
        return ReaderCallbacks(
            on_card_present=lambda: self.card.on_card_present(),
            on_card_read=lambda result: self.card.on_card_read(result),
            on_card_removed=lambda: self.card.on_card_removed(),
            on_reader_lost=lambda reason, msg: self.card.on_reader_lost(reason, msg),
            on_reader_back=lambda: self.card.on_reader_back(),
        )

    def scanner_worker(self, scanner: Scanner, heartbeat: HeartbeatSource) -> ScannerWorker:
        """A scanner worker that reports to whatever ``scan`` is then, and to ``heartbeat``
        (staff's fleet page)."""

        def lost(reason: str) -> None:
            heartbeat.lost("scanner", reason)
            self.scan.on_lost(reason)

        def back() -> None:
            heartbeat.back("scanner")
            self.scan.on_back()

        heartbeat.configured("scanner")
        return ScannerWorker(
            scanner, lambda data: self.scan.on_scan(data), on_lost=lost, on_back=back
        )

    def camera_worker(self, camera: Camera, heartbeat: HeartbeatSource) -> CameraWorker:
        """A camera worker that reports to whatever ``camera`` is then, and its losses and
        returns to ``heartbeat`` too."""
        heartbeat.configured("camera")

        def lost(reason: str) -> None:
            heartbeat.lost("camera", reason)
            self.camera.on_lost(reason)

        def back() -> None:
            heartbeat.back("camera")
            self.camera.on_back()

        forwarder = CameraCallbacks(
            on_frame=lambda jpeg: self.camera.on_frame(jpeg),
            on_page=lambda page: self.camera.on_page(page),
            on_refused=lambda reason: self.camera.on_refused(reason),
            on_lost=lost,
            on_back=back,
        )
        return CameraWorker(camera, lambda: forwarder)


@dataclass
class Kiosk:
    """The running terminal: settings, store, devices, the use cases and their workers.

    Built whole by :func:`build_kiosk` (on the ``core-start`` thread); :meth:`start` starts
    the workers on ``kiosk-start``. What may be missing, and why:

    - ``scanner`` / ``scanner_worker``: no scanner is configured (a scanner is optional);
    - ``camera`` / ``camera_worker``: no document camera is configured (optional too);
    - ``sync``: built only once the central link is open (its address and credentials may
      only be known then), and never when no central is configured.
    """

    settings: Settings
    store: Store
    card_reader: CardReader
    printer: Printer
    scanner: Scanner | None
    printing: PrintWorker
    # The visit's use cases (each call blocks: run them on ``tasks``, never on the GUI thread).
    services: Services
    central: CentralLink
    events: KioskEvents = field(default_factory=KioskEvents)
    # Short store/catalog work asked for by the screens runs here, one task at a time.
    tasks: ThreadExecutor = field(default_factory=lambda: ThreadExecutor("core-tasks"))
    # Face checks (人证核验) take seconds each: a thread of their own, so the other screens'
    # tasks never wait behind one. Checks run one at a time on it.
    face_tasks: ThreadExecutor = field(default_factory=lambda: ThreadExecutor("face-check"))
    central_url: str = ""  # where central answers, once the link is open
    sync: SyncWorker | None = None
    camera: Camera | None = None
    # Set once every worker has started and the link is open (or failed to open).
    up: threading.Event = field(default_factory=threading.Event)
    reader_worker: ReaderWorker = field(init=False)
    scanner_worker: ScannerWorker | None = field(init=False)
    camera_worker: CameraWorker | None = field(init=False)
    health: HealthMonitor = field(init=False)
    heartbeat: HeartbeatSource = field(init=False)
    _started: bool = field(default=False, init=False)

    def __post_init__(self) -> None:
        self.heartbeat = HeartbeatSource(self.store)
        self.reader_worker = ReaderWorker(self.card_reader, self.events.card_forwarder())
        self.scanner_worker = (
            self.events.scanner_worker(self.scanner, self.heartbeat)
            if self.scanner is not None
            else None
        )
        self.camera_worker = (
            self.events.camera_worker(self.camera, self.heartbeat)
            if self.camera is not None
            else None
        )
        a4 = self.services.a4_printer
        self.health = HealthMonitor(
            self.card_reader,
            self.printer,
            lambda: self.central_url,
            self._publish_status,
            a4_printer=a4.device_status if a4 is not None else None,
        )

    def start(self) -> None:
        """Start background services without blocking the caller (the GUI thread)."""
        if self._started:
            return
        self._started = True
        threading.Thread(target=self._start_services, name="kiosk-start", daemon=True).start()

    def _start_services(self) -> None:
        try:
            self.printing.start()
        except Exception:
            log.exception("print worker did not start")
        # The reader worker opens the reader, under a deadline, and keeps trying.
        self.reader_worker.start()
        if self.scanner_worker is not None:
            self.scanner_worker.start()
        if self.camera_worker is not None:
            self.camera_worker.start()
        access = CentralAccess(self.central_url)
        try:
            access = self.central.open(self.settings)
        except Exception:
            log.exception("central link did not open")
        self.central_url = access.url
        self.services.connect(access.url, access.credentials)
        self._start_sync(access)
        self.health.start()
        self.up.set()

    def _start_sync(self, access: CentralAccess) -> None:
        try:
            sync = make_worker(
                self.settings,
                self.store,
                access.url,
                access.credentials,
                on_catalog=self.apply_catalog,
                on_indicator=self._publish_sync,
            )
        except SyncNotConfigured as exc:
            log.warning("sync with central is off: %s", exc)
            return
        # Today's appointments are cached for check-in while central is unreachable.
        sync.add_pull("appointments", 600, self.services.checkin.refresh)
        # The official holiday arrangement, as often as the catalog (an unchanged one costs
        # one small answer).
        client = sync.runner.client
        calendar_s = sync.timings.catalog_s
        sync.add_pull("calendar", calendar_s, lambda: pull_from_central(self.store, client))
        # How this terminal is, for the console's fleet page.
        sync.add_pull("heartbeat", HEARTBEAT_S, lambda: client.heartbeat(self.heartbeat.build()))
        self.sync = sync
        sync.start()

    def notify_sync(self) -> None:
        """Something was queued for central: upload it now rather than at the next tick."""
        if self.sync is not None:
            self.sync.notify()

    def apply_catalog(self, delta: CatalogDelta) -> None:
        """Central's catalog changes (on the sync thread); raising makes sync fetch them
        again."""
        apply_delta(self.store, delta.changed, delta.removed)

    def _publish_sync(self, indicator: SyncIndicator) -> None:
        for listener in list(self.events.sync):
            listener(indicator)

    def _publish_status(self, status: SystemStatus) -> None:
        self.heartbeat.observe(status)
        if self.sync is not None:
            self.sync.network_changed(status.network.ok)
        self.services.network_changed(status.network.ok)
        for listener in list(self.events.status):
            listener(status)

    def stop(self) -> None:
        """Stop background services and release devices and the store."""
        self.health.stop()
        self.reader_worker.stop()
        if self.scanner_worker is not None:
            self.scanner_worker.stop()  # closes the scanner too
        if self.camera_worker is not None:
            self.camera_worker.stop()  # closes the camera too
        self.tasks.shutdown()
        self.services.face_checks.cancel()  # a running check ends at its next frame
        self.face_tasks.shutdown()
        self.printing.stop()
        self.services.close()
        if self.sync is not None:
            self.sync.stop()
        self.central.close()
        for name, closer in (
            (f"card reader {self.card_reader.uri}", self.card_reader.close),
            (f"printer {self.printer.uri}", self.printer.close),
        ):
            try:
                call_once(name, "close", closer, DEVICE_CLOSE_DEADLINE_S)
            except Exception as exc:  # a hung or failing driver must not hold the exit
                log.warning("closing %s failed: %s", name, exc)
        self.store.close()


def build_kiosk(settings: Settings, central: CentralLink | None = None) -> Kiosk:
    """Wire the terminal for ``settings``; ``central`` is how it reaches central (by default
    the configured ``central_url``)."""
    settings.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    store = Store(settings.db_path)
    # A device whose driver cannot be loaded or built is a stand-in that reports why: that
    # device is out of order, the rest of the terminal serves citizens.
    printer = printer_or_broken(printer_uri(settings))
    try:
        ensure_catalog(store, BUNDLED_CATALOG)
    except Exception as exc:  # the terminal still serves tickets and queries without one
        log.error("bundled catalog not installed: %s", exc)
    catalog = CatalogBrowser.open(store, BUNDLED_SYNONYMS, settings.hall_hours)
    printing = build_print_worker(settings, store, printer)

    def notify_sync() -> None:  # the use cases wake the sync worker (called after start)
        kiosk.notify_sync()

    services = build_services(
        settings,
        store,
        printing,
        catalog,
        progress_url=PROGRESS_URL,
        notify_sync=notify_sync,
        beacon=beacon_or_broken(settings.beacon) if settings.beacon else None,
    )
    kiosk = Kiosk(
        settings=settings,
        store=store,
        card_reader=card_reader_or_broken(settings.card_reader),
        printer=printer,
        scanner=scanner_or_broken(settings.scanner) if settings.scanner else None,
        printing=printing,
        services=services,
        central=central or ConfiguredCentral(settings.central_url),
        central_url=settings.central_url,
        camera=camera_or_broken(settings.camera) if settings.camera else None,
    )
    return kiosk
