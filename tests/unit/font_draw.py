"""Run as a child process by test_screen_font.py, with FONTCONFIG_FILE set as the terminal
sets it: draws each text in the cut font and in the full font and says, as one JSON line,
whether the pictures are the same and which faces Qt drew each text from, in the cut font
and in Qt's default font (text that names no family)."""

from __future__ import annotations

import json
import sys


def draw(family: str, text: str, pixel_size: int, bold: bool):  # noqa: ANN201 - a QImage
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    image = QImage(1400, 2 * pixel_size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font(family, pixel_size, bold))
    painter.setPen(QColor("black"))
    painter.drawText(QRect(0, 0, 1400, 2 * pixel_size), Qt.AlignmentFlag.AlignLeft, text)
    painter.end()
    return image


def font(family: str, pixel_size: int, bold: bool):  # noqa: ANN201 - a QFont
    from PySide6.QtGui import QFont

    result = QFont(family) if family else QFont()  # "": Qt's default font
    result.setPixelSize(pixel_size)
    result.setBold(bold)
    return result


def faces(family: str, text: str, pixel_size: int, bold: bool) -> list[str]:
    from PySide6.QtGui import QTextLayout

    layout = QTextLayout(text, font(family, pixel_size, bold))
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return sorted({run.rawFont().familyName() for run in layout.glyphRuns()})


def main() -> int:
    from PySide6.QtGui import QGuiApplication

    from ui.fonts import screen_family

    cut, full, cases = json.loads(sys.argv[1])
    app = QGuiApplication(sys.argv[:1])
    blank = draw(full, "", 28, False)
    out = {"screen_family": screen_family(), "cases": []}
    for text, pixel_size, bold in cases:
        full_image = draw(full, text, pixel_size, bold)
        out["cases"].append(
            {
                "text": text,
                "same": draw(cut, text, pixel_size, bold) == full_image,
                "inked": full_image != blank.scaled(full_image.size()),
                "faces": faces(cut, text, pixel_size, bold),
                "default_faces": faces("", text, pixel_size, bold),
            }
        )
    print(json.dumps(out, ensure_ascii=False))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
