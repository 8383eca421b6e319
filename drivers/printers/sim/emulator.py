"""An ESC/POS printer in software: interprets the byte stream, answers status, renders PNGs.

It understands what this project sends (and a little more): ``ESC @``, ``ESC a``, ``ESC E``,
``ESC !``, ``GS !``, ``FS !``, ``FS &``/``FS .`` (Chinese mode, GB18030 double/four-byte
text), ``ESC d``/``ESC J`` feeds, ``GS v 0`` raster, ``GS ( k`` QR, ``GS k`` barcodes,
``GS V`` cut and ``DLE EOT 1/2/4`` status. Outside Chinese mode bytes ≥ 0x80 are read as
code page 437, exactly the garbling a real printer shows, so tests catch a missing ``FS &``.

A job ends at a cut (or when the connection closes). Each job keeps the recovered text
lines (for tests) and, when an output folder is given, is written as a PNG.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PIL import Image

from drivers.printers.base import PaperState
from drivers.printers.glyphs import CELL_H, CELL_W, LINE_GAP, GlyphPainter, char_cells
from drivers.printers.paper import Align, Page, Run

log = logging.getLogger(__name__)

KEEP_PNGS = 200  # the receipts folder of a demo terminal must not grow without end
_ALIGN: dict[int, Align] = {
    0: "left",
    1: "center",
    2: "right",
    48: "left",
    49: "center",
    50: "right",
}


@dataclass
class Switches:
    """What a person could do to a real printer: take paper away, open the cover …"""

    paper: PaperState = "ok"
    cover_open: bool = False
    offline: bool = False
    silent: bool = False  # answers no status query at all
    paper_lines_left: int | None = None  # paper runs out after this many more lines


@dataclass
class EmulatedJob:
    """One job as printed: its text lines, symbols, picture and whether it came out whole."""

    number: int
    lines: list[str] = field(default_factory=list)
    qr_codes: list[str] = field(default_factory=list)
    barcodes: list[str] = field(default_factory=list)
    images: int = 0
    dropped: int = 0  # things that could not be printed (no paper, offline, cover open)
    cut: bool = False
    unknown_commands: list[str] = field(default_factory=list)
    png: Path | None = None
    sketch: Sketch | None = field(default=None, repr=False)
    _picture: Image.Image | None = field(default=None, repr=False)

    @property
    def picture(self) -> Image.Image | None:
        """The paper as printed, drawn when first asked for (a real printer draws on its
        own time; the terminal's print path does not wait for the emulator's drawing)."""
        if self._picture is None and self.sketch is not None:
            self._picture = self.sketch.draw()
        return self._picture

    @property
    def complete(self) -> bool:
        """Everything the job asked for came out and the paper was cut."""
        return self.cut and self.dropped == 0


class Sketch:
    """What a job put on paper, kept as drawing calls and drawn on a :class:`Page` later."""

    def __init__(self, width: int, painter: GlyphPainter) -> None:
        self.width = width
        self.painter = painter
        self._calls: list[tuple[str, tuple[object, ...]]] = []

    def text_line(self, runs: list[Run], align: Align, spacing: int) -> None:
        self._calls.append(("text_line", (list(runs), align, spacing)))

    def feed(self, dots: int) -> None:
        self._calls.append(("feed", (dots,)))

    def raster(self, image: Image.Image, align: Align) -> None:
        self._calls.append(("raster", (image, align)))

    def qr(self, data: bytes, module: int, level: str, align: Align) -> None:
        self._calls.append(("qr", (data, module, level, align)))

    def barcode128(self, data: str, height: int, module: int, hri: bool, align: Align) -> None:
        self._calls.append(("barcode128", (data, height, module, hri, align)))

    def cut_mark(self) -> None:
        self._calls.append(("cut_mark", ()))

    def draw(self) -> Image.Image:
        page = Page(self.width, self.painter)
        for name, args in self._calls:
            getattr(page, name)(*args)
        return page.picture()


class _Incomplete(Exception):
    """The buffer ends in the middle of a command: wait for more bytes."""


@dataclass
class _TextState:
    align: Align = "left"
    bold: bool = False
    width_mult: int = 1
    height_mult: int = 1
    chinese: bool = False
    spacing: int = CELL_H + LINE_GAP


class EscposEmulator:
    """Feed it bytes, get the status answers back; finished jobs land in :attr:`jobs`."""

    def __init__(
        self,
        width_dots: int = 576,
        out_dir: Path | None = None,
        painter: GlyphPainter | None = None,
        on_job: Callable[[EmulatedJob], None] | None = None,
    ) -> None:
        self.width = width_dots
        self.out_dir = out_dir
        self.switches = Switches()
        self.jobs: list[EmulatedJob] = []
        self.latest_png: Path | None = None
        self._painter = painter or GlyphPainter()
        self._on_job = on_job
        self._lock = threading.RLock()
        self._buffer = bytearray()
        self._state = _TextState()
        self._runs: list[Run] = []
        self._line_cells = 0
        self._page = Sketch(self.width, self._painter)
        self._job = EmulatedJob(number=1)
        self._touched = False
        self._qr: tuple[bytes, int, str] = (b"", 3, "M")
        self._barcode = (162, 3, False)  # height, module, HRI below

    # --- switches --------------------------------------------------------------------------

    def set(self, **changes: object) -> None:
        """Change switches (``paper="out"``, ``cover_open=True``, ``silent=True`` …)."""
        with self._lock:
            for name, value in changes.items():
                if not hasattr(self.switches, name):
                    raise AttributeError(f"no printer switch {name!r}")
                setattr(self.switches, name, value)

    def _can_print(self) -> bool:
        s = self.switches
        return not (s.offline or s.cover_open or s.paper == "out")

    # --- status ----------------------------------------------------------------------------

    def status_byte(self, n: int) -> bytes:
        """The answer to ``DLE EOT n`` (empty when the printer is silent)."""
        s = self.switches
        if s.silent:
            return b""
        value = 0x12
        if n == 1 and not self._can_print():
            value |= 0x08
        elif n == 2:
            value |= (0x04 if s.cover_open else 0) | (0x20 if s.paper == "out" else 0)
        elif n == 4:
            value |= {"near_end": 0x0C, "out": 0x6C}.get(s.paper, 0)
        return bytes([value])

    # --- input -----------------------------------------------------------------------------

    def feed(self, data: bytes) -> bytes:
        """Interpret ``data`` (any chunking); returns the bytes the printer sends back."""
        with self._lock:
            self._buffer += data
            replies = bytearray()
            pos = 0
            while pos < len(self._buffer):
                try:
                    pos = self._step(pos, replies)
                except _Incomplete:
                    break
            del self._buffer[:pos]
            return bytes(replies)

    def end_of_stream(self) -> None:
        """The connection closed: whatever was printed since the last cut is a job."""
        with self._lock:
            self._buffer.clear()
            if self._runs:
                self._print_line()
            if self._touched:
                self._finish_job()

    # --- interpreter -----------------------------------------------------------------------

    def _need(self, pos: int, n: int) -> bytes:
        if pos + n > len(self._buffer):
            raise _Incomplete
        return bytes(self._buffer[pos : pos + n])

    def _step(self, pos: int, replies: bytearray) -> int:
        b = self._buffer[pos]
        if b == 0x0A:
            self._print_line()
            return pos + 1
        if b in (0x0D, 0x00):
            return pos + 1
        if b == 0x10:
            return self._dle(pos, replies)
        if b == 0x1B:
            return self._esc(pos)
        if b == 0x1D:
            return self._gs(pos)
        if b == 0x1C:
            return self._fs(pos)
        if b < 0x20:
            return pos + 1  # other control bytes: ignored by printers too
        return self._text(pos)

    def _dle(self, pos: int, replies: bytearray) -> int:
        cmd = self._need(pos, 3)
        if cmd[1] == 0x04:
            replies += self.status_byte(cmd[2])
            return pos + 3
        return pos + 2

    def _esc(self, pos: int) -> int:
        op = self._need(pos, 2)[1]
        st = self._state
        if op == 0x40:  # @
            self._runs, self._line_cells = [], 0
            self._state = _TextState()
            return pos + 2
        if op == 0x32:  # 2: default line spacing
            st.spacing = CELL_H + LINE_GAP
            return pos + 2
        arg = self._need(pos, 3)[2]
        if op == 0x61:  # a
            st.align = _ALIGN.get(arg, "left")
        elif op in (0x45, 0x47):  # E, G
            st.bold = bool(arg & 1)
        elif op == 0x21:  # !
            st.bold = bool(arg & 0x08)
            st.height_mult = 2 if arg & 0x10 else 1
            st.width_mult = 2 if arg & 0x20 else 1
        elif op == 0x64:  # d
            self._flush_line()
            self._advance(arg * st.spacing)
        elif op == 0x4A:  # J
            self._flush_line()
            self._advance(arg)
        elif op == 0x33:  # 3
            st.spacing = arg
        elif op not in (0x74, 0x4D, 0x2D, 0x52, 0x56, 0x7B, 0x20):  # t M - R V { SP
            self._job.unknown_commands.append(f"ESC {op:#04x}")
        return pos + 3

    def _fs(self, pos: int) -> int:
        op = self._need(pos, 2)[1]
        if op == 0x26:  # &
            self._state.chinese = True
            return pos + 2
        if op == 0x2E:  # .
            self._state.chinese = False
            return pos + 2
        arg = self._need(pos, 3)[2]
        if op == 0x21:  # FS ! : Chinese character mode
            self._state.width_mult = 2 if arg & 0x04 else 1
            self._state.height_mult = 2 if arg & 0x08 else 1
        elif op != 0x2D:
            self._job.unknown_commands.append(f"FS {op:#04x}")
        return pos + 3

    def _gs(self, pos: int) -> int:
        op = self._need(pos, 2)[1]
        if op == 0x76:  # v 0
            head = self._need(pos, 8)
            wb, rows = head[4] | head[5] << 8, head[6] | head[7] << 8
            data = self._need(pos + 8, wb * rows)
            self._raster(data, wb, rows)
            return pos + 8 + wb * rows
        if op == 0x28:  # ( k
            head = self._need(pos, 5)
            length = head[3] | head[4] << 8
            body = self._need(pos + 5, length)
            if head[2] == 0x6B:
                self._qr_function(body)
            return pos + 5 + length
        if op == 0x6B:  # k
            return self._barcode_cmd(pos)
        if op == 0x56:  # V
            m = self._need(pos, 3)[2]
            size = 4 if m in (65, 66, 97, 98, 103, 104) else 3  # these take a feed amount
            self._need(pos, size)
            self._cut()
            return pos + size
        arg = self._need(pos, 3)[2]
        if op == 0x21:  # !
            self._state.width_mult = (arg >> 4 & 7) + 1
            self._state.height_mult = (arg & 7) + 1
        elif op == 0x68:  # h
            self._barcode = (arg, self._barcode[1], self._barcode[2])
        elif op == 0x77:  # w
            self._barcode = (self._barcode[0], arg, self._barcode[2])
        elif op == 0x48:  # H
            self._barcode = (self._barcode[0], self._barcode[1], bool(arg & 2))
        elif op in (0x4C, 0x57):  # L, W take two bytes
            self._need(pos, 4)
            return pos + 4
        elif op not in (0x42, 0x66, 0x61):  # B f a
            self._job.unknown_commands.append(f"GS {op:#04x}")
        return pos + 3

    def _text(self, pos: int) -> int:
        b = self._buffer[pos]
        if not self._state.chinese or b < 0x81:
            ch = bytes([b]).decode("cp437")
            self._put(ch)
            return pos + 1
        second = self._need(pos, 2)[1]
        size = 4 if 0x30 <= second <= 0x39 else 2
        raw = self._need(pos, size)
        self._put(raw.decode("gb18030", errors="replace"))
        return pos + size

    # --- printing --------------------------------------------------------------------------

    def _put(self, ch: str) -> None:
        st = self._state
        cells = char_cells(ch) * st.width_mult
        if (self._line_cells + cells) * CELL_W > self.width:
            self._print_line()  # printers wrap a line that does not fit the paper
        last = self._runs[-1] if self._runs else None
        if last and (last.width_mult, last.height_mult, last.bold) == (
            st.width_mult,
            st.height_mult,
            st.bold,
        ):
            last.text += ch
        else:
            self._runs.append(Run(ch, st.width_mult, st.height_mult, st.bold))
        self._line_cells += cells

    def _consume_paper(self) -> bool:
        """Whether one more line/image can be printed; counts down the paper switch."""
        self._touched = True
        if not self._can_print():
            self._job.dropped += 1
            return False
        s = self.switches
        if s.paper_lines_left is not None:
            if s.paper_lines_left <= 0:
                s.paper = "out"
                self._job.dropped += 1
                return False
            s.paper_lines_left -= 1
        return True

    def _flush_line(self) -> None:
        """Print what is buffered, if anything (feeds print the buffer, but no blank line)."""
        if self._runs:
            self._print_line()

    def _print_line(self) -> None:
        runs, self._runs, self._line_cells = self._runs, [], 0
        if not self._consume_paper():
            return
        self._job.lines.append("".join(r.text for r in runs).rstrip())
        self._page.text_line(runs, self._state.align, self._state.spacing)

    def _advance(self, dots: int) -> None:
        if dots and self._can_print():
            self._page.feed(dots)

    def _raster(self, data: bytes, width_bytes: int, rows: int) -> None:
        if not self._consume_paper():
            return
        bits = Image.frombytes("1", (width_bytes * 8, rows), data)
        # In the stream a set bit is a black dot; in PIL's "1" mode a set bit is white.
        picture = Image.eval(bits.convert("L"), lambda v: 255 - v)
        self._job.images += 1
        self._page.raster(picture, self._state.align)

    def _qr_function(self, body: bytes) -> None:
        if len(body) < 2 or body[0] != 0x31:
            return
        data, module, level = self._qr
        fn = body[1]
        if fn == 0x43 and len(body) > 2:
            module = body[2]
        elif fn == 0x45 and len(body) > 2:
            level = {48: "L", 49: "M", 50: "Q", 51: "H"}.get(body[2], "M")
        elif fn == 0x50:
            data = body[3:]
        elif fn == 0x51 and data and self._consume_paper():
            self._job.qr_codes.append(data.decode("utf-8", errors="replace"))
            self._page.qr(data, module, level, self._state.align)
        self._qr = (data, module, level)

    def _barcode_cmd(self, pos: int) -> int:
        m = self._need(pos, 3)[2]
        if m >= 65:
            n = self._need(pos, 4)[3]
            raw = self._need(pos + 4, n)
            end = pos + 4 + n
        else:
            nul = self._buffer.find(b"\x00", pos + 3)
            if nul < 0:
                raise _Incomplete
            raw, end = bytes(self._buffer[pos + 3 : nul]), nul + 1
        text = raw.decode("ascii", errors="replace")
        if m == 73 and text[:1] == "{":
            text = text[2:].replace("{{", "{")  # drop the code-set selector
        if self._consume_paper():
            height, module, hri = self._barcode
            self._job.barcodes.append(text)
            self._page.barcode128(text, height, module, hri, self._state.align)
        return end

    def _cut(self) -> None:
        if self._runs:
            self._print_line()
        if self._can_print():
            self._job.cut = True
            self._page.cut_mark()
        self._touched = True
        self._finish_job()

    def _finish_job(self) -> None:
        job = self._job
        job.sketch = self._page
        if self.out_dir is not None:
            job.png = self._write_png(job)
            self.latest_png = job.png
        self.jobs.append(job)
        self._job = EmulatedJob(number=job.number + 1)
        self._page = Sketch(self.width, self._painter)
        self._touched = False
        if self._on_job is not None:
            try:
                self._on_job(job)
            except Exception:
                log.exception("emulator job callback failed")

    def _write_png(self, job: EmulatedJob) -> Path | None:
        assert self.out_dir is not None and job.picture is not None
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            path = self.out_dir / f"receipt-{datetime.now():%Y%m%d-%H%M%S}-{job.number:04d}.png"
            job.picture.save(path)
            for old in sorted(self.out_dir.glob("receipt-*.png"))[:-KEEP_PNGS]:
                old.unlink(missing_ok=True)
            return path
        except OSError as exc:
            log.warning("could not write the receipt picture: %s", exc)
            return None
