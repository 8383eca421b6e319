"""Camera frames to pages: found, straightened, judged, joined into a PDF."""

from __future__ import annotations

import re

import cv2
import numpy as np
import pytest

from drivers.cameras.sim import DEFAULT_FOLDER
from kiosk.documents.scan import REASONS, ScanRejected, pages_to_pdf, scan_page
from tools.camera_samples import ANGLED, FLAT


def frame(scene: str) -> np.ndarray:
    image = cv2.imread(str(DEFAULT_FOLDER / f"{scene}.jpg"), cv2.IMREAD_COLOR)
    assert image is not None
    return image


@pytest.mark.parametrize(("scene", "corners"), [("flat", FLAT), ("angled", ANGLED)])
def test_a_page_is_found_where_it_lies_and_straightened_to_its_proportions(
    scene: str, corners: np.ndarray
) -> None:
    page = scan_page(frame(scene))
    found = np.array(page.corners, dtype=np.float32)
    assert np.abs(found - corners).max() <= 8  # pixels, in a 1600 x 1200 frame
    assert page.height == 1754 and page.height / page.width == pytest.approx(2**0.5, rel=0.04)
    decoded = cv2.imdecode(np.frombuffer(page.jpeg, np.uint8), cv2.IMREAD_COLOR)
    assert decoded.shape[:2] == (page.height, page.width)
    # Straight: the page's top rows are paper, not desk (a skewed result would show desk).
    top = cv2.cvtColor(decoded[5:40, 40:-40], cv2.COLOR_BGR2GRAY)
    assert top.mean() > 170


@pytest.mark.parametrize(
    ("scene", "reason"), [("blurred", "blurred"), ("glare", "glare"), ("empty", "no_page")]
)
def test_a_frame_that_gives_no_readable_page_says_what_to_do(scene: str, reason: str) -> None:
    with pytest.raises(ScanRejected) as refused:
        scan_page(frame(scene))
    assert refused.value.reason == reason
    assert REASONS[reason].startswith(("请", "画面", "有反光"))


def test_a_page_too_small_in_the_frame_is_refused() -> None:
    small = cv2.resize(frame("flat"), (400, 300))
    desk = np.full((1200, 1600, 3), 100, np.uint8)
    desk[800:1100, 1100:1500] = small
    with pytest.raises(ScanRejected) as refused:
        scan_page(desk)
    assert refused.value.reason in ("page_too_small", "no_page")


def test_pages_join_into_one_pdf_in_order_without_re_encoding() -> None:
    pages = [scan_page(frame("flat")).jpeg, scan_page(frame("angled")).jpeg]
    pdf = pages_to_pdf(pages)
    assert pdf.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 2
    assert all(p in pdf for p in pages)  # the JPEGs are embedded as they are
    with pytest.raises(ValueError):
        pages_to_pdf([])
