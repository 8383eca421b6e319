"""A material's sample document (示范文本) printed from the guide, through the real print
worker and store to the in-process ESC/POS emulator."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from drivers.printers.sim.inprocess import emulated_printer, emulator_of
from drivers.uri import parse_device_uri
from kiosk.catalog import CatalogBrowser, sample_file
from kiosk.printing.escpos_render import Renderer
from kiosk.printing.jobs import PrintJobs
from kiosk.printing.profiles import DEFAULT_PROFILE, get_profile
from kiosk.printing.worker import PrintWorker
from kiosk.services.guide_slip import GuideSlipPrinter, SampleNotShipped
from kiosk.store import Store

WAIT_S = 20
OUT = Path(os.environ["KIOSK_SAMPLE_PNG_DIR"]) if os.environ.get("KIOSK_SAMPLE_PNG_DIR") else None
NOW = datetime(2026, 12, 3, 9, 30)


@pytest.fixture
def papers(catalog_store: Store, browser: CatalogBrowser) -> Iterator[GuideSlipPrinter]:
    printer = emulated_printer(parse_device_uri("sim:?width=80"))
    worker = PrintWorker(
        printer, PrintJobs(catalog_store), Renderer(get_profile(DEFAULT_PROFILE)).render, poll_s=0.1
    )
    worker.start()
    yield GuideSlipPrinter(
        browser,
        worker,
        "示范市政务服务中心",
        lambda: NOW,
        store=catalog_store,
        hall_id="H01",
        terminal_id="T01",
    )
    worker.stop()


def test_a_materials_sample_prints_as_a_numbered_sample_at_the_papers_width(
    papers: GuideSlipPrinter, browser: CatalogBrowser
) -> None:
    item = browser.service("IP-002")
    index = next(i for i, m in enumerate(item.guide.materials) if sample_file(m.sample_template))
    outcome = papers.print_sample("IP-002", index).result(WAIT_S)
    assert outcome.printed
    emulator = emulator_of(papers._worker.printer)
    job = emulator.jobs[-1]
    text = "\n".join(job.lines)
    assert "示范文本（填写样例）" in text and item.name in text
    assert item.guide.materials[index].name in text
    assert "此为填写样例" in text and "不能作为申请材料提交" in text
    # Its own number in the slips' sequence, and the catalog it came from.
    assert "告知单编号：H01-T01-261203-G0001" in text
    assert f"事项目录版本：{browser.version()}" in text
    assert job.images >= 1 and job.cut  # one picture, sent in bands
    assert job.picture is not None and job.picture.height > 1200  # the A4 page, full width
    if OUT is not None:  # to look at the paper: KIOSK_SAMPLE_PNG_DIR=folder
        job.picture.save(OUT / "sample.png")


def test_a_material_without_a_shipped_sample_is_refused_before_anything_prints(
    papers: GuideSlipPrinter, browser: CatalogBrowser
) -> None:
    item = browser.service("IP-002")
    without = next(
        i for i, m in enumerate(item.guide.materials) if sample_file(m.sample_template) is None
    )
    with pytest.raises(SampleNotShipped):
        papers.print_sample("IP-002", without)
    with pytest.raises(SampleNotShipped):
        papers.print_sample("IP-002", len(item.guide.materials))
    emulator = emulator_of(papers._worker.printer)
    assert emulator.jobs == []


@pytest.mark.parametrize("name", ["../catalog.json", "/etc/passwd", "", None, ".hidden.png"])
def test_a_sample_name_never_reaches_outside_the_shipped_samples(name: str | None) -> None:
    assert sample_file(name) is None


def test_a_referral_prints_its_way_there_numbered_after_a_guide_slip(
    papers: GuideSlipPrinter, browser: CatalogBrowser
) -> None:
    from kiosk.catalog import CatalogNotFound

    assert papers.print_slip("SB-001").result(WAIT_S).printed
    assert papers.print_referral("ZZ-JJ-001").result(WAIT_S).printed
    job = emulator_of(papers._worker.printer).jobs[-1]
    text = "".join(line.strip() for line in job.lines)
    assert (
        "办理指引" in text and "机动车驾驶证换证、补证" in text and "本事项不在本大厅办理" in text
    )
    assert "办理单位：示范市公安局交通警察支队车辆管理所" in text
    assert "咨询电话：0999-86122122（示范市车管所（示范数据" in text
    assert "网上办理：交管12123" in text and job.qr_codes == ["https://gab.122.gov.cn"]
    # The slips' one sequence: the guide slip was G0001, this is G0002.
    assert "告知单编号：H01-T01-261203-G0002" in text
    assert f"事项目录版本：{browser.version()}" in text and job.cut
    with pytest.raises(CatalogNotFound):
        papers.print_referral("SB-001")  # a service is no referral
