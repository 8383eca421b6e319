"""The hall's hours are written once (``Settings.hall_hours``) and every guide, consultation
page and slip of a window without hours of its own says exactly that."""

from __future__ import annotations

from datetime import datetime

from kiosk.catalog import BUNDLED_SYNONYMS, CatalogBrowser
from kiosk.printing.document import Text
from kiosk.services.consult import ConsultService
from kiosk.services.guide_slip import slip_document
from kiosk.store import Store
from ui.viewmodels.catalog import BrowserSource

HOURS = "周一至周日 8:30—18:00（演示大厅）"


def test_a_window_without_hours_of_its_own_shows_the_halls_everywhere(
    catalog_store: Store,
) -> None:
    browser = CatalogBrowser.open(catalog_store, BUNDLED_SYNONYMS, HOURS)
    item = browser.service("SB-001")
    assert item.guide.consultation.hours == HOURS
    # the guide page, the consultation page and the printed slip
    assert BrowserSource(browser).guide("SB-001")["consult_hours"] == HOURS
    consult = ConsultService(
        catalog_store,
        browser.service,
        central=None,
        printing=None,
        notify_sync=lambda: None,
        hall_id="H0001",
        hall_name="示范大厅",
        terminal_id="T01",
    )
    assert consult.info("SB-001").hours == HOURS
    slip = slip_document(browser.slip("SB-001"), "示范大厅", datetime(2026, 11, 28, 9))
    assert any(HOURS in b.text for b in slip.blocks if isinstance(b, Text))


def test_a_window_with_its_own_hours_keeps_them(catalog_store: Store) -> None:
    browser = CatalogBrowser.open(catalog_store, BUNDLED_SYNONYMS, HOURS)
    hours = browser.service("CS-001").guide.consultation.hours
    assert hours and hours != HOURS and "周一闭馆" in hours


def test_without_hall_hours_no_hours_are_made_up(catalog_store: Store) -> None:
    browser = CatalogBrowser.open(catalog_store, BUNDLED_SYNONYMS)
    assert browser.service("SB-001").guide.consultation.hours is None
    assert BrowserSource(browser).guide("SB-001")["consult_hours"] == ""
