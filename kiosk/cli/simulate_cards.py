"""``kioskctl simulate sam-reader|pcsc-card``: card simulators, run until stopped.

``simulate sam-reader --card FILE`` serves the card on an emulated SAM reader and prints the
pty path to use as ``sam:<path>``; SIGUSR1 lifts the card off / lays it back.
``simulate pcsc-card --card FILE [--port N]`` inserts a virtual social security card into
pcscd's vsmartcard-vpcd reader listening on port N (35963 by default).
"""

from __future__ import annotations

import argparse
import signal
import threading
from pathlib import Path
from types import FrameType

from kiosk.cli.common import fail


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``simulate sam-reader`` and ``simulate pcsc-card``."""
    sam = sub.add_parser("sam-reader", help="emulate a SAM ID-card reader on a pty")
    sam.add_argument("--card", required=True, type=Path, help="card JSON file (assets/cards)")
    sam.add_argument("--baud", type=int, default=115200, help="pace replies at this rate")
    sam.add_argument("--link", type=Path, help="also make this symlink to the pty")
    sam.add_argument("--noise", action="store_true", help="send garbage around replies")
    sam.set_defaults(func=run_sam_reader)

    pcsc = sub.add_parser("pcsc-card", help="insert a virtual card into vsmartcard-vpcd")
    pcsc.add_argument("--card", required=True, type=Path, help="social security card JSON")
    pcsc.add_argument("--port", type=int, default=35963, help="vpcd port of pcscd")
    pcsc.set_defaults(func=run_pcsc_card)


def _wait_for_stop(stop: threading.Event, alive: threading.Event | None = None) -> None:
    def handler(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)
    while not stop.wait(0.2):
        if alive is not None and not alive.is_set():
            return


def run_sam_reader(args: argparse.Namespace) -> int:
    """Serve one card on a pty until stopped."""
    from drivers.cards.sim.card_files import CardFileError, load_card
    from drivers.cards.sim.sam_emulator import SamEmulator

    try:
        card = load_card(args.card)
    except CardFileError as exc:
        return fail(str(exc))
    emulator = SamEmulator(card, baud=args.baud, link=args.link)
    emulator.noise = args.noise
    emulator.start()

    def toggle(_signum: int, _frame: FrameType | None) -> None:
        emulator.card = None if emulator.card is not None else card

    signal.signal(signal.SIGUSR1, toggle)
    print(emulator.slave_path, flush=True)
    if args.link:
        print(args.link, flush=True)
    try:
        _wait_for_stop(threading.Event())
    finally:
        emulator.stop()
    return 0


def run_pcsc_card(args: argparse.Namespace) -> int:
    """Keep a virtual social security card inserted until stopped."""
    from drivers.cards.sim.card_files import CardFileError, load_card
    from drivers.cards.sim.vpcd_card import SocialSecurityApplet, VirtualCard

    try:
        card = load_card(args.card)
    except CardFileError as exc:
        return fail(str(exc))
    if card.card_type != "social_security":
        return fail(f"{args.card} is a {card.card_type} card; pcsc-card serves social_security")
    virtual = VirtualCard(SocialSecurityApplet(card), port=args.port)
    try:
        virtual.insert(timeout_s=5)
    except OSError as exc:
        return fail(
            f"cannot reach vpcd on 127.0.0.1:{args.port} ({exc.strerror or exc}); "
            "is pcscd running with vsmartcard-vpcd?"
        )
    print(f"virtual card inserted on vpcd port {args.port}", flush=True)
    stop = threading.Event()
    alive = threading.Event()
    alive.set()

    def watch() -> None:
        while not stop.wait(0.2):
            if not virtual.inserted:
                alive.clear()
                return

    threading.Thread(target=watch, daemon=True).start()
    try:
        _wait_for_stop(stop, alive)
    finally:
        stop.set()
        virtual.remove()
    return 0 if alive.is_set() else fail("pcscd closed the connection")
