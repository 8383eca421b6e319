"""The CJK face of signed documents, cut down once to what Chinese documents use.

fpdf2 parses the font file it is given for every document and subsets it when writing: with
the system's Noto Sans CJK collection (20 MB, 65 535 glyphs) that is most of a second per
signed document. :class:`DocumentFont` makes, once per font file, a copy of the face that
holds only ASCII and GB2312 (7 540 characters: every 汉字 of level 1 and 2, punctuation,
full-width forms; about 1.8 MB) under ``cache_dir``, named by a key of the source file's path,
face index, size and mtime, so a font update makes a new one and the old one is removed.

The copy keeps the face's glyphs, CIDs, metrics and names unchanged (no re-hinting, no
desubroutinising), so a document laid out with it is byte for byte the one laid out with the
full face. It holds a fixed character set, never the text of a document: nothing personal
is written to disk.

Building it takes a few seconds and 120 MB of memory, so it runs in a child process
(``python -m kiosk.documents.fonts``), never holding the parent's interpreter lock, started
at a low priority (nice 10) by a background thread the first time a document is signed (a
copy already in the cache folder is simply taken). Until it is ready, and when it cannot be made
(a full disk, a read-only data folder), :meth:`DocumentFont.faces` answers the full face:
slower, never wrong. A document with a character outside the copy is laid
out again with the full face (see :func:`kiosk.documents.signature.signed_pdf`).
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

FontFace = tuple[Path, int]  # a font file and the face's index in it (a collection)

SUBSET_VERSION = 1  # bump when the character set or the options change
PREFIX = "signed-cjk-"
BUILD_TIMEOUT_S = 300.0
NICE = 10  # the child's niceness: a one-off background job, the terminal's own work first
# Characters every signed document has (its labels): a copy lacking them is broken.
PROBE = "告知承诺书办理事项材料证件号码签名：签署时间终端文本SHA-256承诺人委托人（）"


def document_chars() -> str:
    """ASCII printable characters and every character of GB2312, in code order."""
    chars = [chr(c) for c in range(0x20, 0x7F)]
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.append(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return "".join(chars)


def build_subset(source: FontFace, out: Path, chars: str | None = None) -> None:
    """Write the face ``source`` cut down to ``chars`` (default :func:`document_chars`; the
    documents' labels always) to ``out``, through a temporary file beside it (a crash
    leaves no half-written font)."""
    from fontTools import subset, ttLib

    path, index = source
    font = ttLib.TTFont(
        str(path), fontNumber=index, recalcBBoxes=False, recalcTimestamp=False, lazy=True
    )
    options = subset.Options()
    options.name_IDs = ["*"]  # fpdf2 names the embedded font from the full name
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.recommended_glyphs = True
    options.glyph_names = True
    options.layout_features = []  # fpdf2 drops GSUB/GPOS anyway (no shaping here)
    options.drop_tables += ["GSUB", "GPOS", "GDEF"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in (chars or document_chars()) + PROBE])
    subsetter.subset(font)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        font.save(str(tmp))
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)


def covers(face: Path, text: str) -> bool:
    """Whether the (single-face) font file ``face`` has a glyph for every character of
    ``text``; False for a file that is not a readable font."""
    from fontTools import ttLib

    try:
        with ttLib.TTFont(str(face), lazy=True) as font:
            cmap = font.getBestCmap() or {}
    except Exception:  # a truncated or foreign file: not a usable copy
        return False
    return all(ord(c) in cmap for c in text)


def a4_page(font: FontFace, title: str, created: datetime, margin: float, page_break: bool) -> Any:
    """A new A4 ``FPDF`` in millimetres with ``font`` as ``cjk``, one page added: the set-up
    the signed documents and the certificates share."""
    from fpdf import FPDF

    path, index = font
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_creation_date(created)
    pdf.set_title(title)
    pdf.set_creator("hall-kiosk")
    pdf.set_margins(margin, margin, margin)
    pdf.set_auto_page_break(page_break, margin=margin)
    pdf.add_font("cjk", fname=str(path), collection_font_number=index)
    pdf.add_page()
    return pdf


def _find_source() -> FontFace:
    from drivers.printers.glyphs import find_cjk_font

    return find_cjk_font(("Noto Sans CJK SC", "Noto Sans Mono CJK SC", "sans-serif:lang=zh-cn"))


class DocumentFont:
    """The face signed documents are set in: the full system face, and once prepared, a
    GB2312 copy of it kept in ``cache_dir`` (see the module's docstring).

    ``source`` is the full face (default: the one fontconfig names for Simplified Chinese,
    looked up on first use); ``chars`` the copy's characters (default GB2312 and ASCII; tests
    pass a few to build faster); ``nice`` the building child's niceness (tests under a CPU
    hog pass 0). Thread-safe; nothing here runs on the GUI thread.
    """

    def __init__(
        self,
        cache_dir: Path,
        source: FontFace | None = None,
        chars: str | None = None,
        find: Callable[[], FontFace] = _find_source,
        nice: int = NICE,
    ) -> None:
        self._cache_dir = cache_dir
        self._source = source
        self._chars = chars
        self._find = find
        self._nice = nice
        self._lock = threading.Lock()  # guards the fields below
        self._ready: Path | None = None
        self._failed = False
        self._thread: threading.Thread | None = None
        self._child: subprocess.Popen[bytes] | None = None
        self._closed = False

    def source(self) -> FontFace:
        """The full face (fontconfig is asked once)."""
        with self._lock:
            if self._source is None:
                self._source = self._find()
            return self._source

    def cache_path(self) -> Path:
        """Where the copy of the current source face is (or will be) kept."""
        path, index = self.source()
        stat = path.stat()
        key = "\0".join((str(path.resolve()), str(index), str(stat.st_size), str(stat.st_mtime_ns)))
        key += f"\0{SUBSET_VERSION}\0{self._chars or ''}"
        digest = hashlib.sha256(key.encode()).hexdigest()[:16]
        return self._cache_dir / f"{PREFIX}{digest}.otf"

    def faces(self) -> tuple[FontFace, FontFace]:
        """(the face to try first, the full face). The first is the copy once it is ready,
        else the full face too: a copy already in the cache folder is checked and taken
        here (tens of milliseconds, once), a missing one is started in the background;
        this never waits for a build."""
        full = self.source()
        ready = self._adopt()
        return ((ready, 0) if ready is not None else full), full

    def _adopt(self) -> Path | None:
        with self._lock:
            if self._ready is not None or self._failed or self._thread or self._closed:
                return self._ready
        try:
            out = self.cache_path()
            found = out.is_file() and covers(out, PROBE)
        except OSError:
            found = False
        if not found:
            self.start_preparing()
            return None
        with self._lock:
            self._ready = out
        return out

    @property
    def ready(self) -> bool:
        """Whether the copy is made and checked."""
        with self._lock:
            return self._ready is not None

    def start_preparing(self) -> None:
        """Prepare the copy in a background thread (once; later calls do nothing)."""
        with self._lock:
            if self._thread is not None or self._ready is not None or self._closed:
                return
            self._thread = threading.Thread(target=self.prepare, name="document-font", daemon=True)
            self._thread.start()

    def prepare(self) -> bool:
        """Find or build the copy (blocking: seconds the first time); whether it is ready.
        A copy that fails its check is built again; one that cannot be built is reported
        once in the log and the full face is used from then on."""
        with self._lock:
            if self._ready is not None or self._failed or self._closed:
                return self._ready is not None
        try:
            out = self.cache_path()
            if not (out.is_file() and covers(out, PROBE)):
                out.parent.mkdir(parents=True, exist_ok=True)
                self._build(out)
                if not covers(out, PROBE):
                    raise RuntimeError("the copy made lacks the documents' labels")
            self._remove_stale(out)
        except Exception as exc:
            with self._lock:
                self._failed = True
                if self._closed:  # the terminal is stopping: nothing to report
                    return False
            log.warning(
                "signed documents keep the full CJK font (slower): its copy was not made (%s: %s)",
                exc.__class__.__name__,
                exc,
            )
            return False
        with self._lock:
            self._ready = out
        log.info("signed documents use the prepared CJK font %s", out.name)
        return True

    def _build(self, out: Path) -> None:
        path, index = self.source()
        command = [sys.executable, "-m", "kiosk.documents.fonts", str(path), str(index), str(out)]
        command += ["--nice", str(self._nice)]
        if self._chars is not None:
            command += ["--chars", self._chars]
        with self._lock:
            if self._closed:
                raise RuntimeError("closed")
            child = self._child = subprocess.Popen(
                command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
            )
        try:
            _, err = child.communicate(timeout=BUILD_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            child.kill()
            child.communicate()
            raise
        finally:
            with self._lock:
                self._child = None
        if child.returncode != 0:
            last = err.decode(errors="replace").strip().splitlines()[-1:] or [""]
            raise RuntimeError(f"font builder exited {child.returncode}: {last[0]}")

    def _remove_stale(self, keep: Path) -> None:
        for old in self._cache_dir.glob(f"{PREFIX}*.otf"):
            if old != keep:
                old.unlink(missing_ok=True)

    def close(self) -> None:
        """Stop a build still running (the terminal is stopping)."""
        with self._lock:
            self._closed = True
            child = self._child
        if child is not None and child.poll() is None:
            child.kill()


def main(argv: list[str] | None = None) -> int:
    """``python -m kiosk.documents.fonts SOURCE INDEX OUT [--chars C]``: build a copy."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("source", type=Path)
    parser.add_argument("index", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--chars", default=None)
    parser.add_argument("--nice", type=int, default=NICE)
    args = parser.parse_args(argv)
    os.nice(args.nice)
    build_subset((args.source, args.index), args.out, args.chars)
    return 0


if __name__ == "__main__":
    sys.exit(main())
