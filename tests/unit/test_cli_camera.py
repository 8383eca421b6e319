"""``kioskctl camera-test`` as a vendor runs it, on the simulated desk camera."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.cli import main


def test_a_camera_that_reads_a_page_writes_it_and_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["camera-test", "--camera", "sim:?scene=angled", "--out", str(tmp_path), "--json"])
        == 0
    )
    report = json.loads(capsys.readouterr().out)
    assert report["frames"][0]["result"] == "page"
    page = Path(report["page"])
    assert page.parent == tmp_path and page.read_bytes()[:2] == b"\xff\xd8"  # a JPEG


def test_a_camera_that_sees_only_glare_says_what_a_citizen_would_hear_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            ["camera-test", "--camera", "sim:?scene=glare", "--out", str(tmp_path), "--frames", "2"]
        )
        == 1
    )
    out = capsys.readouterr().out
    assert out.count("有反光") == 2 and not list(tmp_path.iterdir())


def test_a_missing_camera_is_a_sentence_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["camera-test", "--camera", f"v4l2:{tmp_path}/video7", "--out", str(tmp_path)]) == 1
    assert "cannot be used" in capsys.readouterr().err
