"""Demo mode: the sample cards have cases at the demo central, created once."""

from __future__ import annotations

from pathlib import Path

from demo.central import DEMO_CASES, InProcessCentral


def test_the_demo_central_seeds_the_sample_cases_once(tmp_path: Path) -> None:
    central = InProcessCentral(tmp_path)
    central.start()
    try:
        first = central.seed_demo_cases("T01", "H0001")
        again = central.seed_demo_cases("T01", "H0001")
        cases = central.staff("GET", "/cases")
    finally:
        central.stop()
    assert first == again and len(first) == len(DEMO_CASES)
    assert all(r.startswith("H0001-T01-") for r in first)
    assert len(cases) == len(DEMO_CASES)
    parallel = next(c for c in cases if c["receipt_no"] == first[0])
    assert len(parallel["departments"]) == 3
