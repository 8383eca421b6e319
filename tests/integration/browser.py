"""Helpers for the tests that drive Debian's headless chromium through Selenium."""

from __future__ import annotations

from collections.abc import Callable

from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait


def press(driver: WebDriver, element_id: str) -> None:
    """Click a button or link and wait for the next page (the old one goes stale)."""
    element = driver.find_element(By.ID, element_id)
    element.click()
    wait_replaced(driver, element)


def submit(driver: WebDriver, element: WebElement) -> None:
    """Submit ``element``'s form and wait for the answer page. Selenium's ``submit()``
    returns before the navigation, so the old page's nodes could still be read."""
    element.submit()
    wait_replaced(driver, element)


def wait_replaced(driver: WebDriver, element: WebElement, seconds: float = 15) -> None:
    WebDriverWait(driver, seconds).until(_replaced(element))


def _replaced(element: WebElement) -> Callable[[WebDriver], bool]:
    def gone(_driver: WebDriver) -> bool:
        """Whether ``element``'s page was replaced. Chromium may answer a node caught
        between documents with a plain inspector error rather than a stale reference (a
        loaded machine's fresh run met it): that too means the old page is gone."""
        try:
            element.is_enabled()
        except StaleElementReferenceException:
            return True
        except WebDriverException as exc:
            if "does not belong to the document" in str(exc):
                return True
            raise
        return False

    return gone
