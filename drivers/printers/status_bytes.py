"""Parse the answers to real-time status queries (``DLE EOT n``) ourselves.

python-escpos 3.1 reports "paper adequate" when the printer answers nothing at all, so a
silent or unplugged printer looks ready. Here an empty or malformed answer means "unknown".

Answer bytes (one byte each; bits 1 and 4 are always 1, bits 0 and 7 always 0):

* ``DLE EOT 1`` printer: bit 3 set = offline.
* ``DLE EOT 2`` offline cause: bit 2 cover open, bit 5 stopped at paper end, bit 6 error.
* ``DLE EOT 4`` roll paper: bits 2–3 near end, bits 5–6 paper out.
"""

from __future__ import annotations

from drivers.printers.base import PaperState, PrinterStatus

_FIXED_MASK = 0x93
_FIXED_VALUE = 0x12


def _valid(answer: bytes) -> int | None:
    """The status byte, or None when the answer is empty or not a status byte."""
    if not answer:
        return None
    # Take the last byte: a late answer to an earlier query may precede it.
    value = answer[-1]
    return value if value & _FIXED_MASK == _FIXED_VALUE else None


def parse_online(answer: bytes) -> bool | None:
    """Online from a ``DLE EOT 1`` answer; None when there is no usable answer."""
    value = _valid(answer)
    return None if value is None else not value & 0x08


def parse_offline_cause(answer: bytes) -> tuple[bool, bool]:
    """(cover open, stopped at paper end) from a ``DLE EOT 2`` answer; unknown → (False, False)."""
    value = _valid(answer)
    if value is None:
        return False, False
    return bool(value & 0x04), bool(value & 0x20)


def parse_paper(answer: bytes) -> PaperState:
    """Paper sensor state from a ``DLE EOT 4`` answer."""
    value = _valid(answer)
    if value is None:
        return "unknown"
    if value & 0x60:
        return "out"
    if value & 0x0C:
        return "near_end"
    return "ok"


def combine(printer: bytes, cause: bytes, paper: bytes) -> PrinterStatus:
    """One :class:`PrinterStatus` from the three answers (``cause`` may be empty)."""
    online = parse_online(printer)
    cover_open, paper_end_stop = parse_offline_cause(cause) if online is False else (False, False)
    paper_state = parse_paper(paper)
    if paper_end_stop and paper_state in ("ok", "unknown"):
        paper_state = "out"
    return PrinterStatus(online=online, paper=paper_state, cover_open=cover_open)


def blocking_reason(status: PrinterStatus) -> str | None:
    """Why a job must not be sent now (``cover_open``, ``paper_out``, ``offline``), or None."""
    if status.cover_open:
        return "cover_open"
    if status.paper == "out":
        return "paper_out"
    if status.online is False:
        return "offline"
    return None
