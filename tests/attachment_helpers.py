"""Applications carrying documents, as the scan page and the on-screen signature will make
them: every material to bring becomes a scan, every commitment a signed document."""

from __future__ import annotations

import os
from dataclasses import replace

from kiosk.domain.application import Application, Document, MaterialChoice, Settlement


def pdf_like(pages: int, page_bytes: int = 300_000, seed: bytes | None = None) -> bytes:
    """Bytes that compress like JPEG pages in a PDF (i.e. not at all), distinct per call."""
    head = b"%PDF-1.7\n" + (seed or os.urandom(16))
    return head + os.urandom(pages * page_bytes)


def with_documents(app: Application, pages: int = 2, page_bytes: int = 30_000) -> Application:
    """``app`` with a scan on every material to bring and a signature on every commitment."""
    materials: list[MaterialChoice] = []
    for m in app.materials:
        if m.settlement is Settlement.BRING:
            doc = Document("scan", "application/pdf", pdf_like(pages, page_bytes), pages)
            m = replace(m, settlement=Settlement.SCANNED, document=doc)
        elif m.settlement is Settlement.COMMITTED:
            doc = Document("signed", "application/pdf", pdf_like(1, page_bytes), 1)
            m = replace(m, document=doc)
        materials.append(m)
    return replace(app, materials=tuple(materials))


def documents_of(app: Application) -> dict[str, Document]:
    """sha256 → document of every material that carries one."""
    return {m.document.sha256: m.document for m in app.materials if m.document is not None}
