"""Turn a document camera's frame into a readable page, or say what to do about it.

:func:`find_page` looks for the sheet of paper: the largest four-cornered outline that is
lighter than the desk, after edge detection (Canny) and contour simplification, as document
scanners do. :func:`scan_page` straightens it (a perspective transform to the sheet's own
proportions), then judges it: too small in the frame, out of focus (the variance of the
Laplacian, the usual sharpness measure, normalised for the page's size) or blown out by a
lamp's reflection (a patch of saturated pixels) are refused with a ``reason`` the screen turns
into a sentence (请放平材料, 请保持材料静止, 请避开反光). A good page becomes a JPEG of at most
:data:`PAGE_LONG_SIDE` pixels on its long side (A4 at 150 dpi), which is what is kept.
:func:`pages_to_pdf` joins a material's pages into one PDF without re-encoding them (img2pdf).

Everything here is CPU work on numpy arrays: call it off the GUI thread. No image is logged
or written anywhere by this module.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from drivers.errors import ReasonError

log = logging.getLogger(__name__)

PAGE_LONG_SIDE = 1754  # A4 at 150 dpi
WORK_LONG_SIDE = 800  # the frame is searched at this size: fast, and enough for edges
MIN_PAGE_SHARE = 0.12  # the sheet must cover this much of the frame
MIN_SHARPNESS = 60.0  # variance of the Laplacian at the working size
GLARE_LEVEL = 250  # a pixel this bright in all channels is blown out
MAX_GLARE_SHARE = 0.004  # of the page's area, in one patch
JPEG_QUALITY = 80

REASONS = {
    "no_page": "请将材料平放在拍摄区域内",
    "page_too_small": "请将材料放在拍摄区域中央，不要遮挡",
    "blurred": "画面模糊，请保持材料静止后重拍",
    "glare": "有反光，请调整材料位置避开反光后重拍",
}


class ScanRejected(ReasonError, ValueError):
    """The frame gives no usable page; ``reason`` is a key of :data:`REASONS`."""


@dataclass(frozen=True)
class PageScan:
    """One straightened page: its JPEG and how it was judged."""

    jpeg: bytes
    width: int
    height: int
    corners: tuple[
        tuple[int, int], ...
    ]  # in the frame: top-left, top-right, bottom-right, bottom-left
    sharpness: float
    glare_share: float


def _order(points: Any) -> Any:
    """Four points as top-left, top-right, bottom-right, bottom-left."""
    import numpy as np

    pts = np.asarray(points, dtype=np.float32).reshape(4, 2)
    total = pts.sum(axis=1)
    diff = np.diff(pts, axis=1).ravel()
    return np.array(
        [pts[np.argmin(total)], pts[np.argmin(diff)], pts[np.argmax(total)], pts[np.argmax(diff)]],
        dtype=np.float32,
    )


def find_page(image: Any) -> Any | None:
    """The sheet's four corners in ``image`` (ordered, frame pixels), or None."""
    import cv2
    import numpy as np

    height, width = image.shape[:2]
    scale = WORK_LONG_SIDE / max(height, width)
    small = cv2.resize(
        image, (round(width * scale), round(height * scale)), interpolation=cv2.INTER_AREA
    )
    grey = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY)
    grey = cv2.GaussianBlur(grey, (5, 5), 0)
    edges = cv2.Canny(grey, 40, 120)
    edges = cv2.dilate(edges, np.ones((3, 3), np.uint8))
    contours, _ = cv2.findContours(edges, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    frame_area = small.shape[0] * small.shape[1]
    for contour in sorted(contours, key=cv2.contourArea, reverse=True)[:5]:
        if cv2.contourArea(contour) < 0.02 * frame_area:
            break
        hull = cv2.convexHull(contour)
        outline = cv2.approxPolyDP(hull, 0.02 * cv2.arcLength(hull, True), True)
        if len(outline) == 4:
            return _order(outline.reshape(4, 2) / scale)
    return None


def _side(a: Any, b: Any) -> float:
    return float(((a - b) ** 2).sum() ** 0.5)


def scan_page(image: Any) -> PageScan:
    """The page in ``image`` straightened and judged; raises :class:`ScanRejected`."""
    import cv2
    import numpy as np

    corners = find_page(image)
    if corners is None:
        raise ScanRejected("no_page", "no four-cornered sheet in the frame")
    tl, tr, br, bl = corners
    page_w = max(_side(tl, tr), _side(bl, br))
    page_h = max(_side(tl, bl), _side(tr, br))
    frame_area = image.shape[0] * image.shape[1]
    if page_w * page_h < MIN_PAGE_SHARE * frame_area:
        raise ScanRejected("page_too_small", f"sheet covers {page_w * page_h / frame_area:.0%}")
    fit = PAGE_LONG_SIDE / max(page_w, page_h)
    out_w, out_h = max(1, round(page_w * fit)), max(1, round(page_h * fit))
    target = np.array(
        [[0, 0], [out_w - 1, 0], [out_w - 1, out_h - 1], [0, out_h - 1]], dtype=np.float32
    )
    matrix = cv2.getPerspectiveTransform(corners, target)
    page = cv2.warpPerspective(image, matrix, (out_w, out_h), flags=cv2.INTER_CUBIC)

    # Judge at a fixed working size so the thresholds do not depend on the camera.
    judge_scale = WORK_LONG_SIDE / max(out_w, out_h)
    small = cv2.resize(
        page, (round(out_w * judge_scale), round(out_h * judge_scale)), interpolation=cv2.INTER_AREA
    )
    grey = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY)
    sharpness = float(cv2.Laplacian(grey, cv2.CV_64F).var())
    # Glare is a patch brighter than the paper itself; a page exposed to white all over
    # (its paper at the top of the scale) has no patch to find.
    paper = float(np.median(grey))
    blown = ((small.min(axis=2) >= GLARE_LEVEL) & (paper < GLARE_LEVEL - 10)).astype(np.uint8)
    count, _, stats, _ = cv2.connectedComponentsWithStats(blown, connectivity=8)
    largest = int(stats[1:, cv2.CC_STAT_AREA].max()) if count > 1 else 0
    glare_share = largest / float(grey.size)
    if glare_share > MAX_GLARE_SHARE:
        raise ScanRejected("glare", f"a blown-out patch of {glare_share:.1%} of the page")
    if sharpness < MIN_SHARPNESS:
        raise ScanRejected("blurred", f"sharpness {sharpness:.0f} < {MIN_SHARPNESS:.0f}")
    ok, data = cv2.imencode(".jpg", page, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
    if not ok:
        raise ScanRejected("no_page", "the page could not be encoded")
    return PageScan(
        jpeg=data.tobytes(),
        width=out_w,
        height=out_h,
        corners=tuple((round(float(x)), round(float(y))) for x, y in corners),
        sharpness=round(sharpness, 1),
        glare_share=round(glare_share, 5),
    )


def pages_to_pdf(pages: list[bytes], dpi: int = 150) -> bytes:
    """One PDF of the JPEG ``pages`` in order, each page sized as A4-at-``dpi`` pixels."""
    import img2pdf

    if not pages:
        raise ValueError("a PDF needs at least one page")
    layout = img2pdf.get_fixed_dpi_layout_fun((dpi, dpi))
    result = img2pdf.convert(pages, layout_fun=layout)
    assert isinstance(result, bytes)
    return result
