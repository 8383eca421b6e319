"""Hook for a vendor's WLT photo decoder (no open decoder exists; none ships).

A vendor package registers a callable under the entry-point group ``kiosk.wlt_decoders``::

    [project.entry-points."kiosk.wlt_decoders"]
    acme = "acme_reader.wlt:decode"   # (wlt: bytes) -> bytes  (a 102×126 BMP)

Without one the terminal keeps the raw 1024 WLT bytes for the visit and shows no photo.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from importlib.metadata import entry_points

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "kiosk.wlt_decoders"

WltDecoder = Callable[[bytes], bytes]


def find_wlt_decoder(name: str | None = None) -> WltDecoder | None:
    """The installed decoder named ``name`` (or the first one), or None when none is installed."""
    for entry in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        if name is not None and entry.name != name:
            continue
        try:
            decoder = entry.load()
        except Exception as exc:  # a broken plug-in must not stop card reading
            log.warning("WLT decoder %s cannot be loaded: %s", entry.name, exc)
            continue
        if callable(decoder):
            return decoder
    return None


def decode_photo(wlt: bytes, decoder: WltDecoder | None) -> bytes | None:
    """The BMP for ``wlt`` through ``decoder``; None when there is no decoder or it fails."""
    if decoder is None or not wlt:
        return None
    try:
        return decoder(wlt)
    except Exception as exc:
        log.warning("WLT decoder failed: %s", type(exc).__name__)
        return None
