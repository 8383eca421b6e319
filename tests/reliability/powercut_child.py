"""The terminal of the power-cut test: accepts applications on a store that forgets what was
not synced when it dies (:mod:`tests.reliability.powercut_vfs`).

Forked by :mod:`tests.reliability.zygote` with ``main(args)``. The store is the terminal's
own ``Store`` with its production PRAGMAs, written by the real ``SubmitService`` while the
print worker marks receipts printed on another connection. ``args["synchronous"]`` other
than ``"FULL"`` weakens every connection after the store set it up (to show that the test
can fail). The PRAGMAs in effect are written to ``args["settings"]``; each receipt number is
appended to ``args["acks"]`` (fsynced, outside the shim) once ``submit`` returned.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from sqlalchemy import event

from drivers.printers.sim.inprocess import emulated_printer
from drivers.uri import parse_device_uri
from kiosk.domain.application import Document
from kiosk.printing.escpos_render import Renderer
from kiosk.printing.jobs import PrintJobs
from kiosk.printing.profiles import DEFAULT_PROFILE, get_profile
from kiosk.printing.worker import PrintWorker
from kiosk.services.submit import SubmitService
from kiosk.store import Store
from kiosk.sync.crypto import FieldCipher
from tests.reliability.crash_child import HJ004, Ledger
from tests.reliability.powercut_vfs import install
from tests.unit.apply_helpers import walk_to_review


def main(args: dict[str, Any]) -> None:
    """Accept applications until the power goes (see the module docstring)."""
    data = Path(args["data_dir"])
    install(marks=args["marks"], probe_dir=data.parent)
    store = Store(data / "kiosk.db")
    weak = args["synchronous"]
    if weak != "FULL":

        def weaken(conn: Any, _record: Any) -> None:
            conn.execute(f"PRAGMA synchronous={weak}")

        event.listen(store.engine, "connect", weaken)
    settings = {
        "journal_mode": store.pragma("journal_mode"),
        "synchronous": store.pragma("synchronous"),
    }
    Path(args["settings"]).write_text(json.dumps(settings))
    printer = emulated_printer(parse_device_uri("sim:?width=80"))
    render = Renderer(get_profile(DEFAULT_PROFILE)).render
    printing = PrintWorker(printer, PrintJobs(store), render, poll_s=0.05)
    printing.start()
    submit = SubmitService(
        store,
        hall_id="H0001",
        terminal_id="TP1",
        hall_name="示范市民服务中心",
        terminal_name="TP1",
        cipher=FieldCipher.for_data_dir(data),
        printing=printing,  # wakes the printer for each receipt, as on a terminal
    )
    acks = Ledger(args["acks"], durable=True)
    os.write(1, f"ready {os.getpid()}\n".encode())
    # A signed commitment carries its PDF; one made here (signing makes a real one in about
    # a second, which would leave few receipts between the cuts).
    signed = Document("signed", "application/pdf", b"%PDF-1.7\n" + bytes(2_000), 1)
    n = 0
    while True:
        result = walk_to_review("HJ-004", HJ004, commit=n % 2 == 0, signed=signed).submit(
            submit.submit
        )
        acks.write(result.receipt_no)
        n += 1
