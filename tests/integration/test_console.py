"""The hall staff's web console and the hall display, driven in Debian's headless chromium.

A real ``kiosk-central`` on 127.0.0.1, a staff account made with ``kiosk-central add-staff``,
and Selenium on ``/usr/bin/chromium`` through ``/usr/bin/chromedriver``: a manager adds a
window, window staff log in, call the next ticket (taken by a signed terminal), and the hall
display in a second browser shows it. Login lockout, CSRF and the cookie's flags are checked
over HTTP too. Screenshots go to ``KIOSK_CONSOLE_SHOTS`` when set.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import requests

from central.testing import CentralProcess
from kiosk.contract import TicketRequest
from tests.central_ledger import query
from tests.integration.services_env import client_for

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
DRIVER = "/usr/bin/chromedriver"
PASSWORD = "window-pass-2026"
SHOTS = os.environ.get("KIOSK_CONSOLE_SHOTS")

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from tests.integration.browser import press  # noqa: E402


def add_staff(central: CentralProcess, name: str, role: str, password: str) -> None:
    secret = central.workdir / f"{name}.pw"
    secret.write_text(password + "\n")
    done = subprocess.run(
        [
            sys.executable, "-m", "central", "add-staff", name, "--role", role,
            *central.db_args(), "--password-file", str(secret),
        ],
        capture_output=True, text=True, timeout=60, cwd=central.workdir,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


@pytest.fixture
def hall(central: CentralProcess) -> Iterator[CentralProcess]:
    if not (Path(CHROMIUM).exists() and Path(DRIVER).exists()):
        pytest.fail("chromium and chromium-driver are installed by `make system`")
    add_staff(central, "manager1", "manager", "manager-pass-2026")
    add_staff(central, "window3", "window", PASSWORD)
    central.add_terminal("T01")
    central.start()
    yield central


def browser(tmp: Path) -> WebDriver:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--window-size=1280,900",
        f"--user-data-dir={tmp}",
        "--lang=zh-CN",
    ):
        options.add_argument(arg)  # fmt: skip
    service = webdriver.ChromeService(executable_path=DRIVER)
    return webdriver.Chrome(options=options, service=service)


@pytest.fixture
def chrome(tmp_path: Path) -> Iterator[Callable[[], WebDriver]]:
    drivers: list[WebDriver] = []

    def make() -> WebDriver:
        driver = browser(tmp_path / f"profile{len(drivers)}")
        drivers.append(driver)
        return driver

    yield make
    for driver in drivers:
        driver.quit()
    shutil.rmtree(tmp_path, ignore_errors=True)


def shot(driver: WebDriver, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(SHOTS) / f"{name}.png"))


def sign_in(driver: WebDriver, url: str, name: str, password: str) -> None:
    driver.get(f"{url}/console")
    driver.find_element(By.ID, "username").send_keys(name)
    driver.find_element(By.ID, "password").send_keys(password)
    press(driver, "login")


def take(central: CentralProcess, secret_terminal: str = "T01") -> str:
    client = client_for(central.url, "T02", central.add_terminal("T02"))
    try:
        ticket_id = uuid.uuid4().hex
        day = datetime.now(UTC).astimezone().date()
        request = TicketRequest(ticket_id=ticket_id, queue="A", day=day)
        return client.take_ticket(request, ticket_id).display
    finally:
        client.close()


def test_a_manager_adds_a_window_and_window_staff_call_a_ticket_the_display_shows(
    hall: CentralProcess, chrome: Callable[[], WebDriver]
) -> None:
    manager = chrome()
    sign_in(manager, hall.url, "manager1", "manager-pass-2026")
    manager.find_element(By.ID, "window_no").send_keys("3")
    manager.find_element(By.ID, "name").send_keys("3号窗口")
    manager.find_element(By.ID, "queues").send_keys("Y,A")
    press(manager, "save-window")
    assert "窗口已保存" in manager.find_element(By.ID, "message").text
    assert "3号窗口" in manager.page_source
    shot(manager, "console-home-manager")

    number = take(hall)
    display = chrome()
    display.get(f"{hall.url}/hall/H0001/display")
    WebDriverWait(display, 10).until(ec.text_to_be_present_in_element((By.ID, "none"), "暂无呼叫"))

    staff = chrome()
    sign_in(staff, hall.url, "window3", PASSWORD)
    assert staff.find_elements(By.ID, "save-window") == []  # window staff cannot add windows
    press(staff, "open-window-3")
    assert "等候" in staff.page_source
    # The waiting count follows new tickets without a reload.
    before = int(staff.find_element(By.ID, "waiting").text)
    second = take(hall)
    WebDriverWait(staff, 10).until(
        ec.text_to_be_present_in_element((By.ID, "waiting"), str(before + 1))
    )
    press(staff, "call-next")
    assert staff.find_element(By.ID, "current-number").text == number
    shot(staff, "console-window-called")
    WebDriverWait(display, 10).until(ec.text_to_be_present_in_element((By.ID, "current"), number))
    assert "3号窗口" in display.find_element(By.ID, "current").text
    shot(display, "hall-display")
    press(staff, "finish")
    assert "没有正在办理" in staff.find_element(By.ID, "current-number").text
    press(staff, "call-next")
    assert staff.find_element(By.ID, "current-number").text == second
    press(staff, "no-show")
    press(staff, "call-next")
    assert "没有等候的号码" in staff.find_element(By.ID, "message").text
    assert staff.find_element(By.ID, "waiting").text == "0"
    for page, marker in (
        ("fleet", "fleet-alerts"),
        ("followups", "no-plans"),
        ("figures", "queues"),
    ):
        manager.get(f"{hall.url}/console/{page}")
        assert manager.find_element(By.ID, marker).is_displayed()
        shot(manager, f"console-{page}")


def test_wrong_passwords_lock_the_account_with_a_sentence(
    hall: CentralProcess, chrome: Callable[[], WebDriver]
) -> None:
    driver = chrome()
    sign_in(driver, hall.url, "window3", "wrong")
    assert "用户名或密码不正确" in driver.find_element(By.ID, "message").text
    shot(driver, "console-login-wrong")
    for _ in range(4):
        sign_in(driver, hall.url, "window3", "wrong")
    sign_in(driver, hall.url, "window3", PASSWORD)  # right, but locked now
    assert "已暂时锁定" in driver.find_element(By.ID, "message").text


def test_forms_without_the_csrf_token_are_refused_and_the_cookie_is_http_only(
    hall: CentralProcess,
) -> None:
    http = requests.Session()
    page = http.get(f"{hall.url}/console/login", timeout=10)
    token = page.text.split('name="csrf" value="')[1].split('"')[0]
    forged = requests.post(
        f"{hall.url}/console/login",
        data={"username": "window3", "password": PASSWORD, "csrf": token},
        allow_redirects=False,
        timeout=10,
    )  # another site's form: no login cookie to match
    assert "message=csrf" in forged.headers["location"]
    answer = http.post(
        f"{hall.url}/console/login",
        data={"username": "window3", "password": PASSWORD, "csrf": token},
        allow_redirects=False,
        timeout=10,
    )
    cookie = answer.headers["set-cookie"]
    assert "kiosk_staff=" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
    refused = http.post(
        f"{hall.url}/console/window/1/call-next", data={"csrf": "guess"}, timeout=10
    )
    assert refused.status_code == 403
    with hall_db(hall) as rows:
        assert ("window3", "login") in rows


class hall_db:  # noqa: N801 - a context manager read like a function
    def __init__(self, central: CentralProcess) -> None:
        self.central = central

    def __enter__(self) -> set[tuple[str, str]]:
        return set(query(self.central, "SELECT actor, action FROM central_audit"))

    def __exit__(self, *_exc: object) -> None:
        pass


def test_the_figures_page_shows_searches_that_found_nothing_and_suggestions(
    hall: CentralProcess, chrome: Callable[[], WebDriver]
) -> None:
    from kiosk.contract import (
        BatchItem,
        ConsultationQuestion,
        DeviceReport,
        Heartbeat,
        IntakeKind,
        SearchMissDay,
    )

    today = datetime.now(UTC).astimezone().date()
    client = client_for(hall.url, "T03", hall.add_terminal("T03"))
    try:
        client.heartbeat(
            Heartbeat(
                software_version="0.1.0",
                card_reader=DeviceReport(state="ok"),
                printer=DeviceReport(state="ok"),
                outbox_pending=0,
                outbox_dead=0,
                uptime_s=60,
                search_misses=[
                    SearchMissDay(day=today, count=5, queries={"火星移民": 2, "开无房证明": 1})
                ],
            )
        )
        suggestion = ConsultationQuestion(
            question_id=uuid.uuid4().hex,
            hall_id="H0001",
            text="买房时不要再要求开无房证明",
            asked_at=datetime.now(UTC),
            tracking_no="ZX20261203T030001ABCD",
            topic="我有建议：取消不必要的证明",
            category="suggestion",
        )
        item = BatchItem(
            key=uuid.uuid4().hex,
            kind=IntakeKind.CONSULTATION,
            body=suggestion.model_dump(mode="json"),
        )
        assert client.send_batch([item]).results[0].status < 300
    finally:
        client.close()
    manager = chrome()
    sign_in(manager, hall.url, "manager1", "manager-pass-2026")
    manager.get(f"{hall.url}/console/figures")
    misses = manager.find_element(By.ID, "search-misses")
    assert misses.is_displayed() and "搜索无结果 5 次" in misses.text
    queries = manager.find_element(By.ID, "missed-queries").text
    assert "火星移民 2" in queries and "开无房证明 1" in queries
    assert "当天收到建议 1 条" in manager.find_element(By.ID, "suggestion-total").text
    manager.execute_script("document.getElementById('search-misses').scrollIntoView()")
    shot(manager, "console-figures-misses-suggestions")
