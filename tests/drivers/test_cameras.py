"""The document-camera family: the simulated desk camera and the V4L2 driver's failures."""

from __future__ import annotations

import pytest

from drivers.cameras.base import CameraError
from drivers.registry import CAMERAS, make_camera, make_device


def test_the_sim_camera_serves_each_scene_with_a_little_sensor_noise() -> None:
    camera = make_camera("sim:?scene=flat")
    camera.open()
    first, second = camera.frame(1.0), camera.frame(1.0)
    assert first is not None and second is not None
    assert first.size == (1600, 1200) and first.image.dtype.name == "uint8"
    assert (first.image != second.image).any()  # two frames are never identical
    assert abs(int(first.image.mean()) - int(second.image.mean())) <= 1
    assert set(camera.scenes()) >= {"flat", "angled", "blurred", "glare", "empty"}
    camera.show("empty")
    empty = camera.frame(1.0)
    assert empty is not None and empty.image.mean() < first.image.mean()
    with pytest.raises(ValueError):
        camera.show("nothing-like-this")
    camera.close()


def test_an_unplugged_camera_says_so_and_works_again_once_plugged_back() -> None:
    camera = make_camera("sim:")
    camera.open()
    assert camera.frame(1.0) is not None
    camera.unplug()
    with pytest.raises(CameraError) as gone:
        camera.frame(1.0)
    assert gone.value.reason == "unplugged"
    with pytest.raises(CameraError) as refused:
        camera.open()
    assert refused.value.reason == "unreachable"
    camera.plug()
    camera.open()  # no restart: the same driver object picks it up again
    assert camera.frame(1.0) is not None


def test_a_v4l2_camera_that_is_not_there_is_unreachable_not_a_crash(tmp_path) -> None:
    camera = make_device(CAMERAS, f"v4l2:{tmp_path}/video9")
    with pytest.raises(CameraError) as missing:
        camera.open()
    assert missing.value.reason == "unreachable"
    not_a_camera = tmp_path / "video8"
    not_a_camera.write_bytes(b"")
    with pytest.raises(CameraError) as refused:
        make_camera(f"v4l2:{not_a_camera}").open()
    assert refused.value.reason == "unreachable"
    with pytest.raises(CameraError):
        camera.frame(0.1)  # never opened
    camera.close()
    camera.close()  # twice is fine


def test_a_camera_uri_without_a_device_is_refused_with_a_sentence() -> None:
    from drivers.registry import DriverUnavailable

    with pytest.raises(DriverUnavailable) as bad:
        make_camera("v4l2:")
    assert bad.value.reason == "driver_factory_failed"
