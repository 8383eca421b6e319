"""Wire printing for a terminal: the printer URI, the renderer and the print worker.

Called by the composition root (``kiosk/app.py``); nothing here keeps state of its own.
"""

from __future__ import annotations

from pathlib import Path

from drivers.printers.base import Printer
from drivers.uri import parse_device_uri
from kiosk.config import Settings
from kiosk.printing.escpos_render import Renderer
from kiosk.printing.jobs import PrintJobs
from kiosk.printing.profiles import get_profile
from kiosk.printing.worker import PrintWorker
from kiosk.store import Store


def receipts_dir(settings: Settings) -> Path:
    """Where the emulated printer writes its PNGs (the demo's print preview)."""
    return settings.data_dir / "receipts"


def printer_uri(settings: Settings) -> str:
    """The configured printer URI; a ``sim:`` printer gets the receipts folder and paper width."""
    uri = parse_device_uri(settings.printer)
    if uri.scheme != "sim":
        return settings.printer
    options = dict(uri.options)
    options.setdefault("out", str(receipts_dir(settings)))
    options.setdefault("width", str(get_profile(settings.printer_profile).paper_mm))
    query = "&".join(f"{k}={v}" for k, v in options.items())
    return f"sim:{uri.target}?{query}"


def build_print_worker(settings: Settings, store: Store, printer: Printer) -> PrintWorker:
    """A print worker for ``printer`` rendering with the configured profile (not started)."""
    renderer = Renderer(get_profile(settings.printer_profile))
    return PrintWorker(printer, PrintJobs(store), renderer.render)


def latest_preview(folder: Path) -> Path | None:
    """The newest receipt picture in ``folder`` (demo mode's print preview), or None."""
    try:
        pictures = sorted(folder.glob("receipt-*.png"))
    except OSError:
        return None
    return pictures[-1] if pictures else None
