"""Scanning a material at the document camera: the camera worker on the real ``sim:`` camera
(its sample photographs), ``ApplySession.scan`` and the scan page's view-model."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest

from drivers.cameras.sim import SimCamera
from drivers.registry import make_camera
from kiosk.config import Settings
from kiosk.devices.camera_worker import CameraCallbacks, CameraWorker
from kiosk.documents.scan import PageScan
from kiosk.domain.application import Document, Settlement
from kiosk.domain.catalog import MaterialSource
from kiosk.domain.catalog_values import DEFAULT_MAX_PAGES
from kiosk.session import ApplySession, FlowError
from kiosk.visit import Visit
from kiosk.workers import ImmediateExecutor
from tests.unit.apply_helpers import identity, service
from tests.unit.vm_fakes import HeldExecutor, InlineDispatcher
from tools.screenshots.scenes import HJ004_VALUES
from ui.viewmodels.apply_flow import ApplyFlow
from ui.viewmodels.scan import ScanImages, ScanViewModel, scan_document

# -- the camera worker ----------------------------------------------------------------------


class Recorder:
    """Collects the worker's events (on its thread) for the test to wait on."""

    def __init__(self) -> None:
        self.events: list[tuple[str, Any]] = []
        self._lock = threading.Lock()

    def add(self, kind: str, value: Any = None) -> None:
        with self._lock:
            self.events.append((kind, value))

    def kinds(self) -> list[str]:
        with self._lock:
            return [k for k, _ in self.events]

    def callbacks(self) -> CameraCallbacks:
        return CameraCallbacks(
            on_frame=lambda jpeg: self.add("frame", jpeg),
            on_page=lambda page: self.add("page", page),
            on_refused=lambda reason: self.add("refused", reason),
            on_lost=lambda reason: self.add("lost", reason),
            on_back=lambda: self.add("back"),
        )

    def wait_for(self, condition: Callable[[], bool], timeout_s: float = 10.0) -> None:
        deadline = time.monotonic() + timeout_s
        while not condition():
            assert time.monotonic() < deadline, f"timed out; events: {self.kinds()}"
            time.sleep(0.01)


@pytest.fixture
def camera() -> SimCamera:
    made = make_camera("sim:?scene=flat")
    assert isinstance(made, SimCamera)
    return made


@pytest.fixture
def running(camera: SimCamera):
    recorder = Recorder()
    worker = CameraWorker(camera, recorder.callbacks, fps=20, probe_s=0.05, reopen_interval_s=0.05)
    worker.start()
    try:
        yield worker, recorder
    finally:
        worker.stop()


def test_preview_frames_flow_only_while_a_scan_page_shows(running) -> None:
    worker, recorder = running
    recorder.wait_for(lambda: "back" in recorder.kinds())  # opened: the camera works
    time.sleep(0.3)
    assert "frame" not in recorder.kinds()  # nobody looks: no frames
    worker.set_preview(True)
    recorder.wait_for(lambda: recorder.kinds().count("frame") >= 3)
    jpeg = next(v for k, v in recorder.events if k == "frame")
    assert jpeg[:2] == b"\xff\xd8" and len(jpeg) < 200_000  # a small JPEG, not the frame
    worker.set_preview(False)
    time.sleep(0.2)
    count = recorder.kinds().count("frame")
    time.sleep(0.3)
    assert recorder.kinds().count("frame") == count


def test_a_capture_gives_a_straightened_page_or_the_reason(running, camera) -> None:
    worker, recorder = running
    recorder.wait_for(lambda: "back" in recorder.kinds())
    worker.capture()
    recorder.wait_for(lambda: "page" in recorder.kinds())
    page = next(v for k, v in recorder.events if k == "page")
    assert isinstance(page, PageScan) and page.height > page.width  # an upright A4 page
    for scene, reason in (("glare", "glare"), ("blurred", "blurred"), ("empty", "no_page")):
        camera.show(scene)
        worker.capture()
        recorder.wait_for(lambda r=reason: ("refused", r) in recorder.events)


def test_unplugged_is_reported_once_and_plugged_back_works_without_restart(running, camera) -> None:
    worker, recorder = running
    recorder.wait_for(lambda: "back" in recorder.kinds())
    camera.unplug()
    recorder.wait_for(lambda: "lost" in recorder.kinds())
    time.sleep(0.3)  # it keeps trying, but says so once
    assert recorder.kinds().count("lost") == 1
    assert worker.lost_reason in ("unplugged", "unreachable")
    camera.plug()
    recorder.wait_for(lambda: recorder.kinds().count("back") == 2)
    assert worker.lost_reason == ""
    worker.capture()
    recorder.wait_for(lambda: "page" in recorder.kinds())


class Counted:
    """A sim camera whose calls are counted; ``checks=False`` hides its ``check`` (a
    vendor's driver without one)."""

    def __init__(self, camera: SimCamera, checks: bool = True) -> None:
        self.camera = camera
        self.uri = camera.uri
        self.calls: list[str] = []
        if checks:
            self.check = self._check

    def open(self) -> None:
        self.camera.open()

    def frame(self, timeout_s: float) -> Any:
        self.calls.append("frame")
        return self.camera.frame(timeout_s)

    def _check(self, timeout_s: float) -> None:
        self.calls.append("check")
        self.camera.check(timeout_s)

    def close(self) -> None:
        self.camera.close()


@pytest.mark.parametrize("checks", [True, False])
def test_while_nobody_looks_the_cable_is_probed_without_a_picture_when_the_driver_can(
    camera: SimCamera, checks: bool
) -> None:
    counted = Counted(camera, checks)
    recorder = Recorder()
    worker = CameraWorker(counted, recorder.callbacks, fps=20, probe_s=0.02)
    worker.start()
    try:
        recorder.wait_for(lambda: counted.calls.count("check" if checks else "frame") >= 5)
        assert ("frame" in counted.calls) is not checks
        camera.unplug()  # noticed by either probe
        recorder.wait_for(lambda: "lost" in recorder.kinds())
        camera.plug()
        recorder.wait_for(lambda: recorder.kinds().count("back") == 2)
        worker.capture()  # a page is always taken from a picture
        recorder.wait_for(lambda: "page" in recorder.kinds())
        worker.set_preview(True)
        recorder.wait_for(lambda: "frame" in recorder.kinds())
    finally:
        worker.stop()


def test_the_camera_setting_is_off_by_default_and_takes_only_a_camera_uri() -> None:
    assert Settings().camera == ""
    assert Settings(camera="v4l2:/dev/video0?width=2592").camera.startswith("v4l2:")
    with pytest.raises(ValueError):
        Settings(camera="usb:0x0416:0x5011")  # a printer's scheme


# -- ApplySession.scan -----------------------------------------------------------------------


def at_materials(max_pages: int | None = None) -> ApplySession:
    """HJ-004 up to the materials; ``max_pages``: the catalog's limit on its first material
    the citizen brings."""
    item = service("HJ-004")
    if max_pages is not None:
        materials = list(item.guide.materials)
        first = next(i for i, m in enumerate(materials) if m.source is MaterialSource.CITIZEN)
        materials[first] = materials[first].model_copy(update={"max_pages": max_pages})
        guide = item.guide.model_copy(update={"materials": tuple(materials)})
        item = item.model_copy(update={"guide": guide})
    session = ApplySession()
    session.choose(item)
    session.confirm_conditions()
    session.identify(identity())
    session.submit_form(dict(HJ004_VALUES))
    return session


def pdf(pages: int = 1) -> Document:
    return Document("scan", "application/pdf", b"%PDF-1.4 test", pages)


def test_a_scanned_material_is_settled_scanned_and_listed_with_its_pages_on_review() -> None:
    session = at_materials()
    views = session.materials()
    brought = next(v for v in views if v.offered is MaterialSource.CITIZEN)
    assert brought.max_pages == DEFAULT_MAX_PAGES
    session.scan(brought.index, pdf(2))
    view = next(v for v in session.materials() if v.index == brought.index)
    assert view.settlement is Settlement.SCANNED and view.pages == 2
    session.decline_lookup()  # the 免提交 ones are provided too, so nothing else is asked
    for v in session.materials():
        if v.settlement is None:
            session.bring(v.index)
    session.confirm_materials()
    review = session.review()
    assert [(s.name, s.pages) for s in review.scanned] == [(brought.name, 2)]
    assert brought.name not in review.to_bring
    choice = next(c for c in session.application().materials if c.index == brought.index)
    assert choice.settlement is Settlement.SCANNED and choice.document == pdf(2)


def test_a_scan_past_the_page_limit_or_of_shared_data_is_refused() -> None:
    session = at_materials()
    views = session.materials()
    brought = next(v for v in views if v.offered is MaterialSource.CITIZEN)
    shared = next(v for v in views if v.offered is MaterialSource.SHARED)
    with pytest.raises(FlowError) as too_many:
        session.scan(brought.index, pdf(DEFAULT_MAX_PAGES + 1))
    assert too_many.value.reason == "scan_too_many_pages"
    with pytest.raises(FlowError) as empty:
        session.scan(brought.index, Document("scan", "application/pdf", b"", 1))
    assert empty.value.reason == "scan_empty"
    with pytest.raises(FlowError) as not_needed:
        session.scan(shared.index, pdf())
    assert not_needed.value.reason == "material_is_shared"


def test_a_catalog_may_set_a_materials_page_limit() -> None:
    session = at_materials(max_pages=2)
    limits = [v.max_pages for v in session.materials() if v.offered is MaterialSource.CITIZEN]
    assert limits[0] == 2 and all(n == DEFAULT_MAX_PAGES for n in limits[1:])
    brought = next(v for v in session.materials() if v.max_pages == 2)
    with pytest.raises(FlowError):
        session.scan(brought.index, pdf(3))
    session.scan(brought.index, pdf(2))


# -- the view-model --------------------------------------------------------------------------


class FakeCamera:
    """The worker's two calls, recorded; the test plays the worker's answers."""

    def __init__(self) -> None:
        self.preview: list[bool] = []
        self.captures = 0

    def set_preview(self, on: bool) -> None:
        self.preview.append(on)

    def capture(self) -> None:
        self.captures += 1


def a_page(camera: SimCamera, scene: str = "flat") -> PageScan:
    """A real page from the sim camera's photograph."""
    from kiosk.documents.scan import scan_page

    camera.open()
    camera.show(scene)
    frame = camera.frame(1.0)
    assert frame is not None
    return scan_page(frame.image)


def scan_vm(
    executor: Any = None, max_pages: int | None = None
) -> tuple[ScanViewModel, ApplyFlow, FakeCamera, Visit]:
    visit = Visit()
    flow = ApplyFlow(InlineDispatcher(), visit)
    flow.session = at_materials(max_pages)
    vm = ScanViewModel(InlineDispatcher(), flow)
    fake = FakeCamera()
    vm.attach(fake, executor or ImmediateExecutor())
    return vm, flow, fake, visit


def brought_index(flow: ApplyFlow) -> int:
    views = flow.session.materials()
    return next(v.index for v in views if v.offered is MaterialSource.CITIZEN)


def test_the_view_model_scans_two_pages_retakes_one_and_settles_one_pdf(camera) -> None:
    executor = HeldExecutor()
    vm, flow, fake, _visit = scan_vm(executor)
    index = brought_index(flow)
    assert vm.open(index)
    vm.setPreview(True)
    assert fake.preview[-1] is True
    vm.on_frame(b"\xff\xd8preview")
    assert vm.property("frameSource").startswith("image://scan/preview/")
    first, second = a_page(camera), a_page(camera, "angled")
    vm.capture()
    assert fake.captures == 1 and vm.property("capturing")
    vm.capture()  # one at a time
    assert fake.captures == 1
    vm.on_page(first)
    vm.capture()
    vm.on_page(first)
    assert vm.property("pageCount") == 2
    vm.retake(1)
    vm.capture()
    vm.on_page(second)
    assert vm.property("pageCount") == 2 and vm.picture("page/1-3") == second.jpeg
    vm.capture()
    vm.on_refused("glare")
    assert vm.property("refusal") == "glare" and vm.property("pageCount") == 2
    vm.finish()
    assert vm.property("busy")  # the PDF is made on core-tasks, not here
    finished: list[bool] = []
    vm.finished.connect(lambda: finished.append(True))
    executor.run_all()
    assert finished == [True]
    choice = flow.session._materials[index]  # noqa: SLF001 - what the session recorded
    assert choice.settlement is Settlement.SCANNED and choice.document is not None
    assert choice.document.pages == 2 and choice.document.data.startswith(b"%PDF")
    assert vm.property("pageCount") == 0 and vm.picture("page/0-0") == b""


def test_the_page_limit_stops_capture_and_a_deleted_page_frees_a_place(camera) -> None:
    vm, flow, fake, _visit = scan_vm(max_pages=1)
    index = brought_index(flow)
    assert vm.open(index) and vm.property("maxPages") == 1
    vm.capture()
    vm.on_page(a_page(camera))
    vm.capture()
    assert fake.captures == 1  # full
    vm.remove(0)
    vm.capture()
    assert fake.captures == 2


def test_pages_go_with_the_visit_and_a_late_page_is_dropped(camera) -> None:
    vm, flow, fake, visit = scan_vm()
    page = a_page(camera)
    assert vm.open(brought_index(flow))
    vm.setPreview(True)
    vm.capture()
    vm.on_page(page)
    vm.capture()  # asked, then the visit ends before the page comes
    visit.end()
    assert vm.property("pageCount") == 0 and vm.property("materialName") == ""
    assert fake.preview[-1] is False
    vm.on_page(page)
    assert vm.picture("page/0-0") == b"" and vm.property("pageCount") == 0


def test_the_image_provider_serves_only_what_the_view_model_holds(qapp, camera) -> None:
    vm, flow, _fake, _visit = scan_vm()
    provider = ScanImages(vm)
    from PySide6.QtCore import QSize

    assert provider.requestImage("page/0-0", QSize(), QSize()).isNull()
    vm.open(brought_index(flow))
    vm.capture()
    vm.on_page(a_page(camera))
    image = provider.requestImage("page/0-1", QSize(), QSize(0, 160))
    assert not image.isNull() and image.height() == 160


def test_scan_document_is_one_pdf_with_every_page(camera) -> None:
    page = a_page(camera)
    document = scan_document([page.jpeg, page.jpeg, page.jpeg])
    assert document.kind == "scan" and document.media_type == "application/pdf"
    assert document.pages == 3
    assert len(re.findall(rb"/Type\s*/Page(?!s)", document.data)) == 3


# -- the camera's state for the screens ------------------------------------------------------


def test_the_status_knows_no_camera_then_a_working_one_then_a_lost_one(qapp) -> None:
    from ui.viewmodels.status import StatusViewModel

    status = StatusViewModel("hall", "T01", demo=False)
    assert status.property("cameraState") == "none"  # no camera configured: no 扫描上传
    status.camera_configured()
    assert status.property("cameraState") == "unknown"
    status.camera_back()
    assert status.property("cameraState") == "ok"
    status.camera_configured()  # a late word that one is configured changes nothing
    assert status.property("cameraState") == "ok"
    status.camera_lost("unplugged")
    assert status.property("cameraState") == "error"


def test_a_camera_whose_driver_cannot_load_is_reported_lost_not_fatal() -> None:
    from kiosk.devices.broken import BrokenCamera, camera_or_broken

    camera = camera_or_broken("nosuchcam:/dev/video9")
    assert isinstance(camera, BrokenCamera)
    recorder = Recorder()
    worker = CameraWorker(camera, recorder.callbacks, reopen_interval_s=0.05)
    worker.start()
    try:
        recorder.wait_for(lambda: "lost" in recorder.kinds())
        assert ("lost", "driver_broken") in recorder.events and "back" not in recorder.kinds()
    finally:
        worker.stop()


class RecordingSupplements:
    """SupplementService's one call, recorded; answers like the service."""

    def __init__(self) -> None:
        self.calls: list[tuple[Any, str, list[tuple[str, Any]]]] = []

    def supplement(self, case: Any, applicant: str, scans: list[tuple[str, Any]]) -> Any:
        from types import SimpleNamespace

        self.calls.append((case, applicant, scans))
        return SimpleNamespace(
            sent=False, materials=tuple((name, doc.pages) for name, doc in scans)
        )


def test_a_supplement_scans_each_asked_material_without_touching_the_application(camera) -> None:
    from ui.viewmodels.supplement import SupplementViewModel

    vm, flow, _fake, visit = scan_vm()
    before = [(m.index, m.settlement, m.pages) for m in flow.session.materials()]
    assert before
    supplements = SupplementViewModel(InlineDispatcher(), visit, vm)
    service = RecordingSupplements()
    supplements.attach(service, ImmediateExecutor(), lambda: "张*丰")
    case = {"case_no": "ZW1", "receipt_no": "R1", "state": "supplement_needed"}
    assert not supplements.begin({**case, "state": "accepted", "missing": ["照片"]})
    assert supplements.property("error") == "not_awaiting"
    assert supplements.begin({**case, "missing": ["照片", "户口簿本人页"]})
    supplements.submit()  # nothing scanned: nothing sent
    assert service.calls == [] and not supplements.property("ready")
    for index in (1, 0):
        assert supplements.scanMaterial(index)
        vm.capture()
        vm.on_page(a_page(camera))
        vm.finish()
    assert [m["pages"] for m in supplements.property("materials")] == [1, 1]
    assert [(m.index, m.settlement, m.pages) for m in flow.session.materials()] == before
    submitted: list[bool] = []
    supplements.submitted.connect(lambda: submitted.append(True))
    supplements.submit()
    ((sent_case, applicant, scans),) = service.calls
    assert sent_case.case_no == "ZW1" and applicant == "张*丰"
    assert [name for name, _ in scans] == ["照片", "户口簿本人页"]
    assert all(doc.data.startswith(b"%PDF") for _, doc in scans)
    assert submitted == [True] and supplements.property("done")
    assert not supplements.property("sent")
    visit.end()  # the visit's end forgets the case and the result
    assert supplements.property("materials") == [] and not supplements.property("done")
