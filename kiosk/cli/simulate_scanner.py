"""``kioskctl simulate scanner``: a serial barcode/QR scanner on a pty.

Prints the ``scanner:`` URI to configure, then sends every line typed on standard input as
one scan (text + CR LF), until end of input or Ctrl-C. ``--noise`` sends a burst of garbage
before each scan, to watch the driver re-synchronise.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from pathlib import Path
from types import FrameType


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``simulate scanner``."""
    parser = sub.add_parser(
        "scanner",
        help="a serial QR/barcode scanner on a pty; each stdin line is one scan",
    )
    parser.add_argument("--link", type=Path, help="also make this symlink to the pty")
    parser.add_argument("--noise", action="store_true", help="send garbage before each scan")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Serve scans typed on stdin until end of input or a signal."""
    from drivers.scanners.sim.emulator import ScannerEmulator

    emulator = ScannerEmulator(link=args.link).start()
    print(emulator.uri, flush=True)
    stop = threading.Event()

    def _stop(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)

    def feed() -> None:
        for line in sys.stdin:
            code = line.strip()
            if not code:
                continue
            if args.noise:
                emulator.send_raw(os.urandom(12).replace(b"\r", b"").replace(b"\n", b"") + b"\r\n")
            emulator.scan(code)
            print(f"scanned {len(code)} characters", flush=True)
        stop.set()

    threading.Thread(target=feed, name="stdin", daemon=True).start()
    try:
        stop.wait()
    finally:
        emulator.stop()
    return 0
