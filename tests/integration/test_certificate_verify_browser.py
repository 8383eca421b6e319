"""Central's public certificate check page (``/verify/{code}``) in Debian's headless chromium:
what a bank clerk sees after scanning the paper's QR code. A screenshot goes to
``KIOSK_VERIFY_SHOT`` when set."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from demo.certificates import RESIDENT, seed_sample_certificates
from kiosk.services.certificates import CertificateService
from kiosk.services.common import Central
from tests.conftest import CentralDb
from tests.integration.central_server import CentralServer

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
DRIVER = "/usr/bin/chromedriver"
SHOT = os.environ.get("KIOSK_VERIFY_SHOT")

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402

from tests.integration.browser import submit  # noqa: E402


@pytest.fixture
def server(tmp_path: Path, central_db: CentralDb) -> Iterator[CentralServer]:
    if not (Path(CHROMIUM).exists() and Path(DRIVER).exists()):
        pytest.fail("chromium and chromium-driver are installed by `make system`")
    key = secrets.token_bytes(32)
    with CentralServer(tmp_path, central_db, id_hash_key=key) as srv:
        with srv.db.session() as s:
            seed_sample_certificates(s, srv.db.sealer, key)
        yield srv


def test_the_verify_page_in_a_browser(server: CentralServer, tmp_path: Path) -> None:
    service = CertificateService(Central(server.terminal("T03", "H0001")))
    cert = service.issue(RESIDENT[0], "SB", service.new_key())
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=900,900"):
        options.add_argument(arg)
    options.add_argument(f"--user-data-dir={tmp_path / 'chromium'}")
    service_ = webdriver.ChromeService(executable_path=DRIVER)
    driver = webdriver.Chrome(options=options, service=service_)
    try:
        driver.get(service.verify_url(cert))
        assert driver.find_element(By.ID, "result").text == "✓ 证明真实有效"
        assert driver.find_element(By.ID, "title").text == "社会保险参保缴费证明（个人）"
        assert driver.find_element(By.ID, "name").text == "张*丰"
        assert driver.find_element(By.ID, "id-number").text == "1101**********0012"
        assert "269个月" in driver.find_element(By.ID, "summary").text
        if SHOT:
            driver.save_screenshot(SHOT)
        driver.get(f"{server.url}/verify/23456789ABCD")
        assert driver.find_element(By.ID, "result").text == "查无此证明"
        field = driver.find_element(By.ID, "code")  # type the code from the paper instead
        field.send_keys(cert.code.lower())
        submit(driver, field)
        assert driver.find_element(By.ID, "result").text == "✓ 证明真实有效"
    finally:
        driver.quit()
