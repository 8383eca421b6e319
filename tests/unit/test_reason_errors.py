"""Errors that say why share one base, drivers.errors.ReasonError (issue #21)."""

from __future__ import annotations

import ast

import pytest

from drivers.cards.base import CardReaderError, CardReadError
from drivers.errors import DeviceError, ReasonError
from drivers.printers.base import PrinterError
from drivers.registry import DriverUnavailable, UnsupportedDevice
from drivers.scanners.base import ScannerError
from kiosk.catalog.importer import CatalogImportError
from kiosk.domain.identity import IdentityError
from kiosk.services.appointments import AppointmentError
from kiosk.services.common import ServiceError
from kiosk.services.evaluate import EvaluationError
from kiosk.services.submit import SubmitError
from kiosk.session import FlowError
from kiosk.staff import PinPolicyError
from kiosk.sync.client import CentralError
from kiosk.sync.crypto import SealError
from kiosk.sync.factory import SyncNotConfigured
from kiosk.sync.outbox import OutboxError
from tests.conftest import REPO

TERMINAL_ERRORS = (
    CatalogImportError,
    IdentityError,
    AppointmentError,
    ServiceError,
    EvaluationError,
    SubmitError,
    FlowError,
    PinPolicyError,
    CentralError,
    SealError,
    SyncNotConfigured,
    OutboxError,
)


@pytest.mark.parametrize("cls", TERMINAL_ERRORS)
def test_a_terminal_error_carries_its_reason_and_message(cls: type[ReasonError]) -> None:
    error = cls("some_reason", "what happened")
    assert isinstance(error, ReasonError)
    assert (error.reason, error.message, str(error)) == (
        "some_reason",
        "what happened",
        "what happened",
    )


def test_what_the_errors_were_before_they_still_are() -> None:
    # Callers catch these as the built-in kinds they always were.
    assert isinstance(IdentityError("r", "m"), ValueError)
    assert isinstance(FlowError("r", "m"), RuntimeError)
    assert isinstance(DriverUnavailable("m", "driver_missing"), ValueError)
    assert FlowError("form_invalid", "m").errors == []
    assert ServiceError("print_timeout", "m", ticket=3).details == {"ticket": 3}


@pytest.mark.parametrize(
    ("cls", "default"),
    [
        (CardReaderError, "reader_error"),
        (CardReadError, "read_failed"),
        (PrinterError, "error"),
        (ScannerError, "unreachable"),
        (UnsupportedDevice, "unsupported_device"),
    ],
)
def test_driver_errors_keep_the_vendor_contract(cls: type[DeviceError], default: str) -> None:
    # install/VENDOR.md: raised message first, the reason optional (positional or keyword).
    assert (cls("it broke").reason, cls("it broke").message) == (default, "it broke")
    assert cls("it broke", "reader_lost").reason == "reader_lost"
    assert cls("it broke", reason="paper_out").reason == "paper_out"
    assert isinstance(cls("it broke"), ReasonError)


def test_no_error_class_sets_its_reason_by_hand() -> None:
    """A new error says why by deriving from ReasonError, not by its own __init__."""
    offenders = []
    for package in ("kiosk", "drivers"):
        for path in (REPO / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.ClassDef) or node.name == "ReasonError":
                    continue
                names = [node.name, *(ast.unparse(b) for b in node.bases)]
                if not any(n.endswith(("Error", "Exception")) for n in names):
                    continue
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Assign) and any(
                        ast.unparse(t) == "self.reason" for t in inner.targets
                    ):
                        offenders.append(f"{path.relative_to(REPO)}: {node.name}")
    assert offenders == []
