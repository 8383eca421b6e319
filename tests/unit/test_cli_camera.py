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


def test_simulate_camera_drives_a_sim_camera_in_another_process(tmp_path: Path) -> None:
    """``kioskctl simulate camera`` prints the URI; each word typed reaches the camera opened
    from that URI (as a terminal would open it) before its next frame."""
    import subprocess
    import sys
    import time

    from drivers.cameras.base import CameraError
    from drivers.registry import make_camera
    from kiosk.documents.scan import ScanRejected, scan_page

    control = tmp_path / "camera-scene"
    kioskctl = str(Path(sys.executable).with_name("kioskctl"))  # as a vendor runs it
    sim = subprocess.Popen(
        [kioskctl, "simulate", "camera", "--control", str(control)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert sim.stdin is not None and sim.stdout is not None
    try:
        uri = sim.stdout.readline().strip()
        assert uri == f"sim:?scene=flat&control={control}"
        camera = make_camera(uri)
        camera.open()

        def judged() -> str:
            frame = camera.frame(2.0)
            assert frame is not None
            try:
                scan_page(frame.image)
            except ScanRejected as refused:
                return refused.reason
            return "page"

        def say(word: str) -> None:
            assert sim.stdin is not None and sim.stdout is not None
            sim.stdin.write(word + "\n")
            sim.stdin.flush()
            assert sim.stdout.readline().strip() == f"camera: {word}"
            time.sleep(0.02)  # a new mtime even on coarse file systems

        assert judged() == "page"
        say("glare")
        assert judged() == "glare"
        sim.stdin.write("sideways\n")  # not a word it knows: said, nothing changes
        sim.stdin.flush()
        assert "unknown 'sideways'" in sim.stdout.readline()
        assert judged() == "glare"
        say("unplug")
        with pytest.raises(CameraError):
            camera.frame(2.0)
        say("plug")
        camera.open()
        say("flat")
        assert judged() == "page"
        camera.close()
    finally:
        sim.stdin.close()
        assert sim.wait(10) == 0
