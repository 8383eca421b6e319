"""The targets and pass flags every benchmark line carries (tests/bench/timing.verdict)."""

from __future__ import annotations

from tests.bench.timing import verdict


def test_a_measure_at_most_its_target_passes_and_one_above_fails():
    line = {"p95_ms": 40.0, "rss_mb": 180.5}
    assert verdict(line, {"p95_ms": 40, "rss_mb": 180}) == {
        "targets": {"p95_ms": 40, "rss_mb": 180},
        "pass": {"p95_ms": True, "rss_mb": False},
    }


def test_a_share_that_must_reach_its_target():
    got = verdict({"hit": 0.9, "miss": 0.89}, {"hit": 0.9, "miss": 0.9}, frozenset({"hit", "miss"}))
    assert got["pass"] == {"hit": True, "miss": False}


def test_one_figure_per_page_passes_only_when_every_page_does():
    pages = {"home": 33.0, "evaluate": 41.2}
    assert verdict({"per_page": pages}, {"per_page": 40})["pass"] == {"per_page": False}
    assert verdict({"per_page": pages}, {"per_page": 45})["pass"] == {"per_page": True}


def test_a_measure_inside_another_is_named_with_a_dot():
    line = {"n10000": {"p95_all_ms": 12.5}, "import": {"import_s": 6.1}}
    got = verdict(line, {"n10000.p95_all_ms": 15, "import.import_s": 5})
    assert got["pass"] == {"n10000.p95_all_ms": True, "import.import_s": False}


def test_a_missing_or_unmeasured_figure_fails():
    line = {"rss_mb": None, "ok": True}
    got = verdict(line, {"rss_mb": 210, "ok": 1, "absent": 3})
    assert got["pass"] == {"rss_mb": False, "ok": False, "absent": False}
