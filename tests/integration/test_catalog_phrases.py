"""What citizens actually type finds the right service first, on the bundled catalog."""

from __future__ import annotations

from kiosk.catalog import CatalogBrowser
from tests.phrases import TARGET, load_phrases, score


def test_the_phrase_list_is_long_and_names_real_services(browser: CatalogBrowser) -> None:
    phrases = load_phrases()
    assert len(phrases) >= 60
    assert len({typed for typed, _ in phrases}) == len(phrases)  # no phrase counted twice
    for _typed, code in phrases:
        assert browser.service(code).code == code  # raises for a code the catalog lacks


def test_at_least_ninety_percent_of_phrases_find_their_service_first(
    browser: CatalogBrowser,
) -> None:
    result = score(lambda q: [r.code for r in browser.search(q, 5)], load_phrases())
    missed = "\n".join(
        f"{t}: wanted {want}, first {got or '(nothing)'}" for t, want, got in result.misses
    )
    assert result.share >= TARGET, f"{result.hits}/{result.total} first hits; misses:\n{missed}"
