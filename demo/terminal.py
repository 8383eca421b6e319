"""A demo terminal: the normal composition root on simulated devices, linked to a reference
central started in this process, plus what only a demo does (tap a sample card, scan a
sample receipt, show the printed slip on screen)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from demo.central import InProcessCentral
from drivers.cameras.sim import SimCamera
from drivers.cards.sim.card_files import default_cards_dir, load_card
from drivers.cards.sim.sam_sim import SimulatedSamReader
from drivers.printers.sim.emulator import EscposEmulator
from drivers.printers.sim.inprocess import emulator_of
from drivers.scanners.sim.sim_scanner import SimulatedScanner
from kiosk.app import PROGRESS_URL, CentralAccess, Kiosk, build_kiosk
from kiosk.config import Settings
from kiosk.domain.identity import Identity, identity_from_card
from kiosk.printing.setup import receipts_dir
from kiosk.sync.client import Credentials

log = logging.getLogger(__name__)

# Between lifting one sample card and laying the next: long enough for the reader worker
# to see the reader empty, so the next card counts as a new tap.
TAP_GAP_S = 0.3


def demo_settings(settings: Settings) -> Settings:
    """Demo mode: simulated card reader, printer, scanner, call light, document camera (the
    flat sample page, which scans), face camera (the resident sample card's holder, live) and
    A4 printer."""
    demo = {
        "demo": True,
        "card_reader": "sim:sam",
        "printer": "sim:",
        "scanner": "sim:",
        "beacon": "sim:",
        "camera": "sim:?scene=flat",
        "face_camera": "sim:face?seq=holder-live",
        "a4_printer": "sim:",  # certificates land in <data dir>/pages as job-N.pdf
    }
    return settings.model_copy(update=demo)


def sample_identity(name: str, today: date | None = None) -> Identity:
    """The identity on sample card ``name`` (``resident``, ``hmt_permit`` … in
    ``assets/cards``), as the reader would report it."""
    return identity_from_card(
        load_card(default_cards_dir() / f"{name}.json"), today or date.today()
    )


@dataclass
class DemoCentral:
    """The demo's central link: starts the in-process central, registers this terminal and
    seeds the sample cards' cases and today's appointments (on ``kiosk-start``)."""

    server: InProcessCentral
    # Receipt numbers of the seeded cases, the parallel case first (empty until seeded).
    receipts: list[str] = field(default_factory=list)

    def open(self, settings: Settings) -> CentralAccess:
        """Start central and sign in as this terminal."""
        self.server.start()
        terminal_id, secret = self.server.provision_terminal(settings.terminal_id, settings.hall_id)
        try:
            self.receipts = self.server.seed_demo_cases(terminal_id, settings.hall_id)
            self.server.seed_demo_appointments(settings.hall_id)
            self.server.seed_demo_shared()
            self.server.seed_demo_certificates()
            self.server.seed_demo_photos()
        except Exception:  # the demo goes on without sample cases
            log.exception(
                "demo cases, appointments, shared records, certificates and photos not seeded"
            )
        return CentralAccess(self.server.url, Credentials(terminal_id, secret.encode()))

    def close(self) -> None:
        """Stop central."""
        self.server.stop()


@dataclass
class DemoTerminal:
    """A running demo: the terminal's core and its demo central."""

    kiosk: Kiosk
    link: DemoCentral
    # Held by each simulated device action while it runs (:meth:`_by_hand`).
    _hands: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def central(self) -> InProcessCentral:
        """The demo central (its staff API answers questions, moves cases on)."""
        return self.link.server

    @property
    def receipts(self) -> list[str]:
        """Receipt numbers of the sample cases at the demo central (once it is up)."""
        return self.link.receipts

    def simulate_card_tap(self) -> None:
        """Lift the card lying on the simulated reader and lay the next sample card, with
        a gap the reader worker sees (:meth:`_by_hand`)."""
        reader = self.kiosk.card_reader
        if not isinstance(reader, SimulatedSamReader):
            log.warning("the card reader is not simulated: no sample card to tap")
            return

        def tap() -> None:
            reader.remove()
            time.sleep(TAP_GAP_S)
            reader.place()

        self._by_hand(tap)

    def _by_hand(self, action: Callable[[], object]) -> None:
        """Do ``action`` to a simulated device as the citizen's hand would: at once, on a
        short thread of its own, never on ``core-tasks`` (where it would wait behind a
        ticket's print, or hold a search through a tap's gap). Actions run one at a time, in
        the order asked, as one pair of hands does them."""

        def run() -> None:
            with self._hands:
                try:
                    action()
                except Exception:  # a simulator's fault must not pass silently
                    log.exception("demo: a simulated device action failed")

        threading.Thread(target=run, name="demo-hands", daemon=True).start()

    def simulate_scan(self, data: str) -> bool:
        """Show ``data`` to the simulated scanner (it arrives over its pty like a real
        scan). False when the scanner is not simulated."""
        scanner = self.kiosk.scanner
        if not isinstance(scanner, SimulatedScanner):
            return False
        self._by_hand(lambda: scanner.emulator.scan(data))
        return True

    def show_camera(self, scene: str) -> bool:
        """Put sample picture ``scene`` (flat, angled, blurred, glare, empty) under the
        simulated document camera, its cable plugged in. False when it is not simulated."""
        camera = self.kiosk.camera
        if not isinstance(camera, SimCamera):
            return False
        camera.plug()
        camera.show(scene)
        return True

    def simulate_face(self, sequence: str) -> bool:
        """The face check page's demo buttons: what the simulated face camera shows at the
        next check (``holder-live``, ``holder-photo``, ``other-b-live`` …); False when the
        face camera is not a simulated one."""
        faces = self.kiosk.services.face_checks
        if not faces.camera_uri.startswith("sim:face"):
            return False
        faces.camera_uri = f"sim:face?seq={sequence}"
        return True

    def simulate_camera(self, scene: str) -> bool:
        """The scan page's demo buttons: :meth:`show_camera` off the GUI thread (reading the
        samples' folder is disk work), by :meth:`_by_hand`."""
        if not isinstance(self.kiosk.camera, SimCamera):
            return False
        self._by_hand(lambda: self.show_camera(scene))
        return True

    def unplug_camera(self) -> bool:
        """Pull the simulated document camera's cable. False when it is not simulated."""
        camera = self.kiosk.camera
        if not isinstance(camera, SimCamera):
            return False
        camera.unplug()
        return True

    def scan_receipt(self) -> bool:
        """Scan the QR code of the first sample case's receipt (False: none seeded yet)."""
        receipts = self.receipts
        return bool(receipts) and self.simulate_scan(PROGRESS_URL.format(receipt_no=receipts[0]))

    def scan_last_ticket(self) -> bool:
        """Scan the QR code of the ticket this terminal gave out last (False: none yet).
        A store query: the where-to-go page calls it on ``core-tasks``, never on the GUI
        thread."""
        from sqlmodel import col, select

        from kiosk.services.tickets.position import scan_code
        from kiosk.store.models import QueueTicketRow

        with self.kiosk.store.session() as s:
            row = s.exec(
                select(QueueTicketRow)
                .where(col(QueueTicketRow.status).in_(("issued", "shown_on_screen")))
                .order_by(col(QueueTicketRow.created_at).desc())
            ).first()
        if row is None:
            return False
        return self.simulate_scan(scan_code(row.hall_id, row.ticket_id, row.display))

    def printer_emulator(self) -> EscposEmulator | None:
        """The emulated printer behind the simulated one (paper, pictures of each job)."""
        return emulator_of(self.kiosk.printer)

    def print_preview(self) -> str:
        """The picture of the slip printed last ("" when there is none)."""
        try:
            pictures = sorted(receipts_dir(self.kiosk.settings).glob("receipt-*.png"))
        except OSError:
            return ""
        return str(pictures[-1]) if pictures else ""


def build_demo(settings: Settings) -> DemoTerminal:
    """Wire a demo terminal for ``settings`` (not started: ``kiosk.start()``)."""
    settings = demo_settings(settings)
    link = DemoCentral(InProcessCentral(settings.data_dir))
    try:
        return DemoTerminal(build_kiosk(settings, link), link)
    except BaseException:
        link.close()  # the central's socket is already bound
        raise
