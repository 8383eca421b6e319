"""``kioskctl simulate printer``: the ESC/POS printer emulator on TCP or a pty."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path
from types import FrameType

from drivers.printers.sim.emulator import EmulatedJob, EscposEmulator
from drivers.printers.sim.inprocess import WIDTH_DOTS
from drivers.printers.sim.server import PtyPrinterServer, TcpPrinterServer
from drivers.uri import DeviceUriError, parse_device_uri
from kiosk.cli.common import fail


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``simulate printer``."""
    parser = sub.add_parser(
        "printer",
        help="an ESC/POS printer that renders each job to a PNG",
        description="Listen on TCP (like port 9100) or a pty; answer status queries; "
        "write each job as a PNG into --out. Stop with Ctrl-C.",
    )
    parser.add_argument("--listen", default="tcp://127.0.0.1:9100", help="tcp://HOST:PORT or pty")
    parser.add_argument("--out", default="receipts", help="folder for the job pictures")
    parser.add_argument("--width", type=int, choices=(58, 80), default=80, help="paper, mm")
    parser.add_argument("--paper", choices=("ok", "near_end", "out"), default="ok")
    parser.add_argument("--cover-open", action="store_true", help="report the cover open")
    parser.add_argument("--offline", action="store_true", help="report offline")
    parser.add_argument("--silent", action="store_true", help="answer no status query")
    parser.set_defaults(func=run)


def _report(job: EmulatedJob) -> None:
    state = "complete" if job.complete else f"INCOMPLETE ({job.dropped} parts not printed)"
    print(f"job {job.number}: {len(job.lines)} text lines, {state} -> {job.png}", flush=True)


def run(args: argparse.Namespace) -> int:
    """Serve until interrupted."""
    emulator = EscposEmulator(WIDTH_DOTS[args.width], Path(args.out), on_job=_report)
    emulator.set(
        paper=args.paper, cover_open=args.cover_open, offline=args.offline, silent=args.silent
    )
    server: TcpPrinterServer | PtyPrinterServer
    try:
        if args.listen == "pty":
            server = PtyPrinterServer(emulator)
            print(f"ESC/POS emulator on pty {server.path}  (use --printer {server.uri})")
        else:
            uri = parse_device_uri(args.listen, frozenset({"tcp"}))
            assert uri.port is not None
            server = TcpPrinterServer(emulator, uri.host, uri.port)
            print(f"ESC/POS emulator listening on {server.uri}  (use --printer {server.uri})")
    except (DeviceUriError, OSError) as exc:
        return fail(f"cannot listen on {args.listen}: {exc}", 2)
    sys.stdout.flush()
    stop = threading.Event()

    def _stop(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    with server:
        stop.wait()
    return 0
