"""Render the sample documents (示范文本) the sample catalog names, as small PNG pages.

Each page is a filled-in example a citizen can follow: the document's title, a filled sample
of the usual fields (invented, masked person), where to sign, and, for a commitment, the
material's own commitment text. A red 样例 stamp marks it as a sample. The builder renders one
file per distinct sample into ``assets/catalog/samples/`` and points ``sample_template`` at
it, so a guide never names a file that is not shipped (the sample catalog test checks).
"""

from __future__ import annotations

import re
import textwrap
from functools import cache
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from drivers.printers.glyphs import find_cjk_font

SAMPLES = Path(__file__).resolve().parents[2] / "assets" / "catalog" / "samples"
WIDTH, HEIGHT = 620, 877  # A4 proportions, small enough to ship
INK, BLUE, RED, GREY = (20, 20, 20), (20, 60, 160), (200, 30, 30), (120, 120, 120)

FIELDS = (
    ("申请人姓名", "张 三"),
    ("公民身份号码", "110105********0012"),
    ("联系电话", "139****5678"),
    ("现居住地址", "示范市人民路100号3栋2单元501室"),
)


def file_name(sample: str) -> str:
    """The shipped file of a sample named in the tables (any extension becomes ``.png``)."""
    return re.sub(r"\.[A-Za-z0-9]+$", "", sample) + ".png"


@cache
def _font(size: int) -> Any:
    path, index = find_cjk_font()
    return ImageFont.truetype(str(path), size, index=index)


def render(title: str, service: str, commitment: dict[str, str] | None, out: Path) -> None:
    """Draw one sample page to ``out``."""
    page = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(page)
    big, body, small = _font(30), _font(19), _font(15)
    draw.text((WIDTH // 2, 50), title, font=big, fill=INK, anchor="mm")
    draw.text((WIDTH // 2, 88), f"（{service} · 填写样例）", font=small, fill=GREY, anchor="mm")
    y = 130
    for label, value in (*FIELDS, ("申请事项", service)):
        draw.text((50, y), f"{label}：", font=body, fill=INK)
        draw.text((200, y), value, font=body, fill=BLUE)
        draw.line((200, y + 26, WIDTH - 50, y + 26), fill=GREY, width=1)
        y += 46
    if commitment:
        y += 10
        draw.text((50, y), "承诺内容：", font=body, fill=INK)
        y += 34
        words = f"本人承诺：{commitment['promise']}。{commitment['if_false']}。"
        for line in textwrap.wrap(words, 27):
            draw.text((50, y), line, font=body, fill=BLUE)
            y += 30
    y += 24
    draw.text((50, y), "本人签名：", font=body, fill=INK)
    draw.text((200, y), "张三（须本人亲笔签名，不得代签）", font=body, fill=BLUE)
    draw.text((50, y + 46), "日    期：", font=body, fill=INK)
    draw.text((200, y + 46), "2026年1月5日", font=body, fill=BLUE)
    draw.rounded_rectangle(
        (WIDTH - 190, HEIGHT - 190, WIDTH - 50, HEIGHT - 110), 12, outline=RED, width=4
    )
    draw.text((WIDTH - 120, HEIGHT - 150), "样 例", font=big, fill=RED, anchor="mm")
    footer = "示范市政务服务中心 · 示范文本仅供参考，蓝色文字为填写示例"
    draw.text((WIDTH // 2, HEIGHT - 40), footer, font=small, fill=GREY, anchor="mm")
    page.convert("P", palette=Image.Palette.ADAPTIVE, colors=16).save(out, optimize=True)


def ship_samples(services: list[dict[str, Any]], folder: Path = SAMPLES) -> None:
    """Render every sample the services name into ``folder`` and point each material at its
    file (in place); files no material names any more are removed."""
    folder.mkdir(parents=True, exist_ok=True)
    wanted: set[str] = set()
    for s in services:
        for m in s["guide"]["materials"]:
            if not m["sample_template"]:
                continue
            name = file_name(m["sample_template"])
            m["sample_template"] = name
            if name not in wanted:
                wanted.add(name)
                title = name.removesuffix(".png").replace("（示范文本）", "")
                render(title, s["name"], m.get("commitment"), folder / name)
    for stale in folder.glob("*.png"):
        if stale.name not in wanted:
            stale.unlink()
