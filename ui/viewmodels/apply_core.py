"""What the apply screens need from the running core, as plain callables (no Qt here).

Every callable blocks on the store, the printer queue or the network: the view-model runs
them on ``tasks``, never on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from kiosk.workers import Executor

if TYPE_CHECKING:  # the catalog's models load after the first frame
    from kiosk.domain.catalog import ServiceItem


@dataclass
class ApplyCore:
    """The use cases behind the apply and rating screens."""

    tasks: Executor
    appliable: Callable[[], list[ServiceItem]]
    submit: Callable[[Any], Any]  # SubmitService.submit
    rate: Callable[[str, Any, str | None], Any]  # EvaluationService.rate → Rated
    free_slots: Callable[[str, date], list[Any]]
    book: Callable[[str, Any, str], Any]
    case_no: Callable[[str], str | None]
    reprint: Callable[[int], Any] | None = None
    after_submit: Callable[[], None] | None = None  # wake the printer and the sync
    # SharedDataService.verify: (ID number, material names) → name → Verified | None
    verify_shared: Callable[[str, list[str]], Any] | None = None
    # (Signature, SignedFacts) → the signed PDF, with the terminal's id on it
    # (Services.signer: kiosk.documents.signature.Signer); None: signed_pdf without a terminal id.
    sign: Callable[[Any, Any], bytes] | None = None


def appliable_services(browser: Any) -> list[ServiceItem]:
    """Every catalog service that has a form at the terminal (a few dozen: cheap)."""
    items: list[ServiceItem] = []
    for theme in browser.themes():
        for summary in browser.services(theme.code):
            item = browser.service(summary.code)
            if item.guide.form is not None:
                items.append(item)
    return items
