"""Benchmark: one certificate paper (A4 PDF with seal and QR code) and one masked preview
(the same page masked, rendered 600 px wide). Prints ONE JSON line.

Set in the face a terminal uses once its GB2312 copy is prepared (built into a temporary
folder here; ``copy_build_s`` is that one-off cost), and, as a baseline in the same run, in
the system's full CJK face (what the first papers of a fresh terminal use). Timed warm;
p50/p95 in ms. No target of its own in issue #23; the signed documents' 300 ms p95 (issue
#17) is the comparison: a citizen waits for the preview as for a signed document.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from demo.certificates import SAMPLE_CERTIFICATES  # noqa: E402
from kiosk.contract import CertificateField, IssuedCertificate  # noqa: E402
from kiosk.documents.certificate import CertificateMaker, _font, certificate_pdf  # noqa: E402
from kiosk.documents.fonts import DocumentFont  # noqa: E402

N = 20
N_BASELINE = 5
CODE = "K7QX2M9PHW4C"
URL = f"https://zwfw.example.cn/verify/{CODE}"


def certificate() -> IssuedCertificate:
    spec = next(c for c in SAMPLE_CERTIFICATES if c.kind == "BDC")  # the longest table
    return IssuedCertificate(
        code=CODE,
        kind=spec.kind,
        title=spec.title,
        issuer=spec.issuer,
        name=spec.name,
        id_number=spec.id_number,
        fields=[CertificateField(label=label, value=value) for label, value in spec.fields],
        summary=spec.summary,
        issued_at=datetime.now(UTC),
        terminal_id="T01",
        hall_id="H0001",
        verify_path=f"/verify/{CODE}",
    )


def timings(step: Callable[[], bytes], runs: int) -> list[float]:
    step()  # warm: imports, the face's first parse
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        step()
        out.append((time.perf_counter() - started) * 1000)
    return sorted(out)


def p95(values: list[float]) -> float:
    return values[int(0.95 * (len(values) - 1))]


def main() -> int:
    cert = certificate()
    full = _font()
    baseline = timings(lambda: certificate_pdf(cert, URL, font=full), N_BASELINE)
    with tempfile.TemporaryDirectory() as folder:
        font = DocumentFont(Path(folder), source=full, nice=0)
        started = time.perf_counter()
        assert font.prepare(), "the GB2312 copy was not made"
        build_s = time.perf_counter() - started
        maker = CertificateMaker(font, terminal="T01")
        size = len(maker.paper(cert, URL))
        paper = timings(lambda: maker.paper(cert, URL), N)
        preview = timings(lambda: maker.preview(cert, URL), N)
    result = {
        "bench": "certificate",
        "runs": N,
        "baseline_runs": N_BASELINE,
        "full_face_paper_p50_ms": round(statistics.median(baseline), 1),
        "paper_p50_ms": round(statistics.median(paper), 1),
        "paper_p95_ms": round(p95(paper), 1),
        "preview_p50_ms": round(statistics.median(preview), 1),
        "preview_p95_ms": round(p95(preview), 1),
        "paper_kib": round(size / 1024, 1),
        "copy_build_s": round(build_s, 2),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
