"""搜索无结果: the terminal's counts of searches that found nothing travel in its signed
heartbeat to the reference central (real HTTP) and show on the figures page and in its CSV."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

from central.testing import CentralProcess
from kiosk.catalog import BUNDLED_CATALOG, BUNDLED_SYNONYMS, CatalogBrowser, import_file
from kiosk.catalog.misses import SearchMisses
from kiosk.store import Store
from kiosk.sync.heartbeat import HeartbeatSource
from tests.integration.services_env import client_for
from tests.integration.test_fleet import console_login
from ui.viewmodels.catalog import BrowserSource


def test_searches_that_found_nothing_are_counted_per_day_at_central(
    central: CentralProcess, tmp_path: Path
) -> None:
    secret = central.add_terminal("T01")
    central.start()
    store = Store(tmp_path / "kiosk.db")
    try:
        import_file(store, BUNDLED_CATALOG)
        clock = [0.0]
        misses = SearchMisses(store, clock=lambda: clock[0])
        source = BrowserSource(CatalogBrowser.open(store, BUNDLED_SYNONYMS), misses)
        # Three visits: one typed letter by letter and stopped at 火星移民; one stopped at a
        # phone number; one searched 护照 (a referral: found) and 社保.
        for visit in (["火", "火星", "火星移民"], ["139", "13912345678"], ["护照", "社保"]):
            for typed in visit:
                source.search(typed, 30)
                clock[0] += 0.4
            source.end_of_searches()
            clock[0] += 60
        assert source.search("护照", 30)[0]["kind"] == "referral"
        beat = HeartbeatSource(store).build()
        assert "13912345678" not in beat.model_dump_json()
        client = client_for(central.url, "T01", secret)
        try:
            client.heartbeat(beat)
            client.heartbeat(HeartbeatSource(store).build())  # sent again: counted once
        finally:
            client.close()
    finally:
        store.close()
    http = console_login(central, tmp_path)
    page = http.get(f"{central.url}/console/figures", timeout=10).text
    assert "终端上搜索无结果 2 次" in page
    row = page.split('id="missed-queries"')[1].split("</table>")[0]
    assert "火星移民" in row and "1391" not in row
    day = datetime.now().astimezone().date().isoformat()
    export = http.get(f"{central.url}/console/figures.csv?day={day}", timeout=10)
    rows = {
        (r["section"], r["key"]): r["value"]
        for r in csv.DictReader(io.StringIO(export.content.decode("utf-8-sig")))
    }
    assert rows[("search_misses", "")] == "2"
    assert rows[("search_miss_query", "火星移民")] == "1"
    assert "1391" not in export.text
