"""Drain one application of 10 scanned materials × 5 pages to kiosk-central on loopback;
compare with a bare signed PUT loop of the same bytes.

The terminal's way: the submission and its ten files are stored (sealed) in one
transaction, then ``SyncRunner.drain`` opens each file, asks central's offset, sends 256 KiB
chunks (``PUT /api/v1/attachments/{sha256}`` with ``Content-Range``) and posts the
submission. The baseline is the same bytes, in the same chunks, PUT by a bare signed
``requests.Session`` loop as another terminal (files are scoped per terminal, so central
holds nothing of them yet), with no store, no unsealing and no offset question. Pages are
incompressible bytes of ~300 KB (a JPEG page in a PDF). Three rounds of each, alternating;
the medians are compared: ``ratio`` = baseline seconds / worker seconds (1.0: no overhead).
Prints ONE JSON line.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from central.testing import CentralProcess  # noqa: E402
from kiosk.contract import API_PREFIX, ATTACHMENT_CHUNK_BYTES, Attachment  # noqa: E402
from kiosk.domain.application import Document  # noqa: E402
from kiosk.store import Store  # noqa: E402
from kiosk.store.models import SubmissionRow  # noqa: E402
from kiosk.sync.attachments import store_documents  # noqa: E402
from kiosk.sync.client import CentralClient, Credentials  # noqa: E402
from kiosk.sync.crypto import FieldCipher  # noqa: E402
from kiosk.sync.outbox import enqueue, iso  # noqa: E402
from kiosk.sync.runner import SyncRunner  # noqa: E402
from tests.attachment_helpers import pdf_like  # noqa: E402
from tests.bench.timing import verdict  # noqa: E402
from tests.sample_submissions import sample_submission  # noqa: E402

MATERIALS = 10
PAGES = 5
PAGE_BYTES = 300_000
ROUNDS = 3


def documents() -> list[Document]:
    return [
        Document("scan", "application/pdf", pdf_like(PAGES, PAGE_BYTES), PAGES)
        for _ in range(MATERIALS)
    ]


def queue_application(
    store: Store, cipher: FieldCipher, receipt: str, docs: list[Document]
) -> None:
    """The submission, its ten files and its outbox item in one transaction, as submit does."""
    sub = sample_submission(receipt, terminal_id="TB")
    sub = sub.model_copy(
        update={
            "attachments": [
                Attachment(
                    material_code=f"M{i + 1:02d}",
                    name=f"材料{i + 1}",
                    media_type=d.media_type,
                    size_bytes=len(d.data),
                    sha256=d.sha256,
                    pages=d.pages,
                )
                for i, d in enumerate(docs)
            ]
        }
    )
    with store.session(write=True) as s:
        row = SubmissionRow(
            receipt_no=receipt,
            service_code=sub.service_code,
            created_at=iso(sub.accepted_at),
            payload="{}",
        )
        s.add(row)
        s.flush()
        assert row.id is not None
        pairs = [(f"M{i + 1:02d}", d) for i, d in enumerate(docs)]
        store_documents(s, row.id, pairs, cipher, sub.accepted_at)
        enqueue(s, "submission", sub, submission_id=row.id, cipher=cipher)


def bare_put_loop(url: str, client: CentralClient, docs: list[Document]) -> float:
    http = requests.Session()
    started = time.perf_counter()
    for d in docs:
        total = len(d.data)
        for start in range(0, total, ATTACHMENT_CHUNK_BYTES):
            chunk = d.data[start : start + ATTACHMENT_CHUNK_BYTES]
            reply = http.put(
                f"{url}{API_PREFIX}/attachments/{d.sha256}",
                data=chunk,
                headers={
                    "Content-Type": "application/octet-stream",
                    "Content-Range": f"bytes {start}-{start + len(chunk) - 1}/{total}",
                },
                auth=client._auth,
                timeout=60,
            )
            reply.raise_for_status()
    seconds = time.perf_counter() - started
    http.close()
    return seconds


def main() -> int:
    worker_s: list[float] = []
    baseline_s: list[float] = []
    sent_bytes = 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        with CentralProcess(work) as central:
            secrets = {
                tid: central.add_terminal(tid)
                for r in range(ROUNDS)
                for tid in (f"TW{r}", f"TB{r}")
            }
            central.start()
            for r in range(ROUNDS):
                docs = documents()
                base = CentralClient(central.url, Credentials(f"TB{r}", secrets[f"TB{r}"].encode()))
                baseline_s.append(bare_put_loop(central.url, base, docs))
                base.close()

                store = Store(work / f"kiosk{r}" / "kiosk.db")
                cipher = FieldCipher.for_data_dir(store.path.parent)
                queue_application(store, cipher, f"U{r:03d}", docs)
                tid = f"TW{r}"
                client = CentralClient(
                    central.url, Credentials(tid, secrets[tid].encode()), timeout=(3, 60)
                )
                runner = SyncRunner(store, client, cipher)
                started = time.perf_counter()
                result = runner.drain()
                worker_s.append(time.perf_counter() - started)
                client.close()
                store.close()
                if result.sent != 1 or runner.uploader.stats.files != MATERIALS:
                    print(json.dumps({"error": f"round {r}: sent {result.sent}"}))
                    return 1
                sent_bytes = runner.uploader.stats.sent_bytes
    worker = statistics.median(worker_s)
    baseline = statistics.median(baseline_s)
    line: dict[str, object] = {
        "bench": "upload",
        "materials": MATERIALS,
        "pages_per_material": PAGES,
        "bytes": sent_bytes,
        "chunk_bytes": ATTACHMENT_CHUNK_BYTES,
        "seconds": round(worker, 3),
        "mb_per_second": round(sent_bytes / worker / 1e6, 2),
        "baseline_seconds": round(baseline, 3),
        "baseline_mb_per_second": round(sent_bytes / baseline / 1e6, 2),
        "ratio": round(baseline / worker, 3),
        "rounds": ROUNDS,
        "target_ratio": 0.8,
        "ok": baseline / worker >= 0.8,
    }
    print(json.dumps(line | verdict(line, {"ratio": 0.8}, frozenset({"ratio"}))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
