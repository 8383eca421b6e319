"""The one base of the terminal's errors that say why they happened.

``reason`` is a short machine code: screens and staff mode turn it into their own sentence
(in Chinese, for the person in front of them), logs and tests match on it. ``message`` is a
sentence about this case for logs and the command line (``str(error)`` too); it never holds
personal data.

It lives here, at the bottom of the layers, because every part of the terminal may import
``drivers`` and ``drivers`` imports nothing of the application. The central service keeps its
own errors: it shares only ``kiosk.contract`` with the terminal.
"""

from __future__ import annotations


class ReasonError(Exception):
    """An error with a machine ``reason`` and a ``message``. Subclasses only declare
    themselves (and what else they carry); raise them as ``SomeError("reason", "message")``."""

    reason: str
    message: str

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


class DeviceError(ReasonError):
    """A device driver's error, raised message first with an optional reason,
    ``PrinterError("out of paper", "paper_out")``, as the vendor contract
    (``install/VENDOR.md``) has it; without one the class's own ``reason`` applies."""

    reason = "error"

    def __init__(self, message: str, reason: str | None = None) -> None:
        super().__init__(type(self).reason if reason is None else reason, message)
