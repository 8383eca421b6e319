"""The document-camera family: the simulated desk camera and the V4L2 driver's failures."""

from __future__ import annotations

import pytest

from drivers.cameras.base import CameraError
from drivers.cameras.sim import SimCamera
from drivers.cameras.v4l2 import V4l2Camera
from drivers.registry import CAMERAS, make_camera, make_device
from tests.fresh import printed_by_fresh_python


def sim(uri: str) -> SimCamera:
    camera = make_camera(uri)
    assert isinstance(camera, SimCamera)
    return camera


def test_the_sim_camera_serves_each_scene_with_a_little_sensor_noise() -> None:
    camera = sim("sim:?scene=flat")
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
    camera = sim("sim:")
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


def test_the_sim_camera_checks_its_cable_without_a_picture_or_opencv() -> None:
    code = (
        "import sys; from drivers.registry import make_camera; c = make_camera('sim:'); "
        "c.open(); c.check(1.0); c.unplug()\n"
        "try:\n    c.check(1.0)\nexcept Exception as e:\n    print(e.reason, end=' ')\n"
        "print('cv2' in sys.modules, 'numpy' in sys.modules)"
    )
    assert printed_by_fresh_python(code) == "unplugged False False"


class GrabOnly:
    """What the V4L2 driver asks of OpenCV's capture; a decode would be a test failure."""

    def __init__(self, grabs: list[bool]) -> None:
        self.grabs = grabs
        self.released = False

    def grab(self) -> bool:
        return self.grabs.pop(0) if self.grabs else False

    def read(self) -> tuple[bool, object]:
        raise AssertionError("check decoded a picture")

    def release(self) -> None:
        self.released = True


def test_a_v4l2_check_grabs_without_decoding_and_a_vanished_device_is_unplugged(
    tmp_path,
) -> None:
    node = tmp_path / "video0"
    node.write_bytes(b"")
    camera = make_camera(f"v4l2:{node}")
    assert isinstance(camera, V4l2Camera)
    capture = GrabOnly([False, True])  # the first grab comes back empty, the next one works
    camera._capture = capture  # as open() leaves it
    camera.check(1.0)
    assert capture.grabs == []
    camera.check(0.05)  # nothing within the time: no verdict
    node.unlink()  # the cable is pulled: udev removes the node
    with pytest.raises(CameraError) as gone:
        camera.check(1.0)
    assert gone.value.reason == "unplugged" and capture.released
