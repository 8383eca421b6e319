"""Make the simulated document camera's pictures: a sample document on a desk, five ways.

``python -m tools.camera_samples`` writes ``assets/camera/{flat,angled,blurred,glare,empty}.jpg``
(1600 × 1200, as a 2-megapixel 高拍仪 gives) from one of the catalog's sample documents:
flat under the camera, at an angle with a hand's shadow across it, out of focus, under a
lamp's glare, and the empty desk. The same seed gives the same pictures, so the files only
change when this script does.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "assets" / "camera"
SOURCE = ROOT / "assets" / "catalog" / "samples" / "个人承诺书（示范文本）.png"
WIDTH, HEIGHT = 1600, 1200
SEED = 20261203

# Where the page's corners land (top-left, top-right, bottom-right, bottom-left).
FLAT = np.array(
    [[530, 218], [1070, 218], [1070, 982], [530, 982]], dtype=np.float32
)  # A4: 1 : 1.414
ANGLED = np.array([[470, 230], [1040, 140], [1150, 980], [560, 1080]], dtype=np.float32)


def desk(rng: np.random.Generator) -> np.ndarray:
    """A matt grey desk, lit a little unevenly, with grain."""
    y, x = np.mgrid[0:HEIGHT, 0:WIDTH].astype(np.float32)
    light = 0.85 + 0.15 * np.cos((x - WIDTH * 0.4) / WIDTH * 2.0) * np.cos(
        (y - HEIGHT * 0.5) / HEIGHT
    )
    base = np.stack([light * 96, light * 104, light * 112], axis=-1)
    grain = rng.normal(0, 4, (HEIGHT, WIDTH, 1))
    return np.clip(base + grain, 0, 255).astype(np.uint8)


def page() -> np.ndarray:
    picture = cv2.imdecode(np.fromfile(str(SOURCE), dtype=np.uint8), cv2.IMREAD_COLOR)
    assert picture is not None, SOURCE
    # A camera exposes for the scene: white paper comes out light grey, not 255.
    return (picture.astype(np.float32) * 0.86 + 6).astype(np.uint8)


def lay(background: np.ndarray, document: np.ndarray, corners: np.ndarray) -> np.ndarray:
    """The document warped onto the desk at ``corners``, with a soft drop shadow."""
    h, w = document.shape[:2]
    source = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(source, corners)
    warped = cv2.warpPerspective(document, matrix, (WIDTH, HEIGHT))
    mask = cv2.warpPerspective(np.full((h, w), 255, np.uint8), matrix, (WIDTH, HEIGHT))
    shadow = cv2.GaussianBlur(np.roll(mask, (14, 10), axis=(0, 1)), (0, 0), 9) / 255.0
    out = background.astype(np.float32) * (1 - 0.35 * shadow[..., None])
    alpha = (mask / 255.0)[..., None]
    return (out * (1 - alpha) + warped.astype(np.float32) * alpha).astype(np.uint8)


def hand_shadow(image: np.ndarray) -> np.ndarray:
    """A broad soft shadow across one side, as a hand or the camera arm casts."""
    y, x = np.mgrid[0:HEIGHT, 0:WIDTH].astype(np.float32)
    shade = 1 - 0.28 * np.clip((x + 0.6 * y - 1500) / 500, 0, 1)
    return (image.astype(np.float32) * shade[..., None]).astype(np.uint8)


def glare(image: np.ndarray) -> np.ndarray:
    """A lamp's reflection: a blown-out bright patch on the page."""
    spot = np.zeros((HEIGHT, WIDTH), np.float32)
    cv2.ellipse(spot, (820, 520), (170, 120), 25, 0, 360, 1.0, -1)
    soft = cv2.GaussianBlur(spot, (0, 0), 25)
    lifted = image.astype(np.float32) + soft[..., None] * 400
    return np.clip(lifted, 0, 255).astype(np.uint8)


def scenes() -> dict[str, np.ndarray]:
    rng = np.random.default_rng(SEED)
    table = desk(rng)
    document = page()
    angled = hand_shadow(lay(table, document, ANGLED))
    flat = lay(table, document, FLAT)
    return {
        "flat": flat,
        "angled": angled,
        "blurred": cv2.GaussianBlur(angled, (0, 0), 5),
        "glare": glare(flat),
        "empty": table,
    }


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, image in scenes().items():
        ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 85])
        assert ok
        (OUT / f"{name}.jpg").write_bytes(data.tobytes())
        print(f"wrote {OUT / f'{name}.jpg'} ({len(data) // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
