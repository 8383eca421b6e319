"""A terminal's service graph for tests and benchmarks: real store file, sim printer, central.

The printer is the ESC/POS driver on the in-process emulator (``sim:``), so paper can be taken
away; central is ``kiosk-central`` in a subprocess on loopback (or none: offline).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from drivers.printers.sim.emulator import EscposEmulator
from drivers.printers.sim.inprocess import emulated_printer, emulator_of
from drivers.uri import parse_device_uri
from kiosk.domain.codes import Sex
from kiosk.domain.identity import CardType, Identity
from kiosk.printing.escpos_render import Renderer
from kiosk.printing.jobs import PrintJobs
from kiosk.printing.profiles import DEFAULT_PROFILE, get_profile
from kiosk.printing.worker import PrintWorker
from kiosk.services.checkin import CheckinService
from kiosk.services.common import Central
from kiosk.services.complaints import ComplaintService
from kiosk.services.progress import ProgressService
from kiosk.services.queues import BUNDLED_QUEUES, load_queues
from kiosk.services.tickets import TicketService
from kiosk.store import Store
from kiosk.sync.client import CentralClient, Credentials
from kiosk.sync.crypto import FieldCipher
from kiosk.sync.idkey import IdHasher
from kiosk.sync.runner import SyncRunner


def client_for(url: str, terminal_id: str, secret: str) -> CentralClient:
    """A signed client with short timeouts (a dead central must not slow a test)."""
    return CentralClient(url, Credentials(terminal_id, secret.encode()), timeout=(1, 5))


@dataclass
class Terminal:
    """One terminal: store, print worker on the emulator, services and a sync runner."""

    folder: Path
    terminal_id: str = "T01"
    hall_id: str = "H0001"
    central_url: str = ""
    secret: str = ""
    store: Store = field(init=False)
    printing: PrintWorker = field(init=False)
    emulator: EscposEmulator = field(init=False)
    tickets: TicketService = field(init=False)
    checkin: CheckinService = field(init=False)
    progress: ProgressService = field(init=False)
    complaints: ComplaintService = field(init=False)
    runner: SyncRunner | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.store = Store(self.folder / "kiosk.db")
        printer = emulated_printer(parse_device_uri("sim:?width=80"))
        emulator = emulator_of(printer)
        assert emulator is not None
        self.emulator = emulator
        renderer = Renderer(get_profile(DEFAULT_PROFILE))
        self.printing = PrintWorker(printer, PrintJobs(self.store), renderer.render, poll_s=0.2)
        self.printing.start()
        hasher = IdHasher(self.folder / "keys")
        self.tickets = TicketService(
            self.store,
            self.printing,
            load_queues(self.hall_id, BUNDLED_QUEUES),
            hall_id=self.hall_id,
            hall_name="市民服务中心",
            terminal_id=self.terminal_id,
            central=self.central(),
            print_wait_s=10,
            id_hasher=hasher,
            cipher=FieldCipher.for_data_dir(self.folder),
        )
        self.checkin = CheckinService(
            self.store,
            self.tickets,
            self.tickets.hall_queues,
            hall_id=self.hall_id,
            central=self.central(),
        )
        self.progress = ProgressService(self.store, central=self.central(), id_hasher=hasher)
        self.complaints = ComplaintService(
            self.store,
            hall_id=self.hall_id,
            hall_name="市民服务中心",
            terminal_id=self.terminal_id,
            central=self.central(),
            printing=self.printing,
        )
        if self.central_url:
            self.runner = SyncRunner(
                self.store,
                client_for(self.central_url, self.terminal_id, self.secret),
                FieldCipher.for_data_dir(self.folder),
            )

    def other_tickets(self, printing: PrintWorker, **options: Any) -> TicketService:
        """Another ticket service on this terminal's store and queues (another run of the
        terminal, or one with its own clock), printing on ``printing``."""
        return TicketService(
            self.store,
            printing,
            self.tickets.hall_queues,
            hall_id=self.hall_id,
            hall_name="市民服务中心",
            terminal_id=self.terminal_id,
            **options,
        )

    def central(self) -> Central:
        """A new connection to central for one service (None client = offline)."""
        if not self.central_url:
            return Central(None)
        return Central(client_for(self.central_url, self.terminal_id, self.secret))

    def printed_text(self) -> str:
        """Every line of every complete job that came out of the printer."""
        return "\n".join(line for job in self.emulator.jobs if job.complete for line in job.lines)

    def close(self) -> None:
        """Stop the worker, release the store."""
        self.printing.stop()
        self.store.close()


def person(id_number: str = "110105198003150012", born: str = "1980-03-15") -> Identity:
    """An invented card holder (the number's check character is valid)."""
    return Identity(
        card_type=CardType.RESIDENT,
        name="张明丰",
        id_number=id_number,
        sex=Sex.MALE,
        birth_date=date.fromisoformat(born),
        valid_from=date(2015, 6, 1),
        valid_to=date(2035, 6, 1),
        address="北京市朝阳区示例路1号院2号楼303室",
    )
