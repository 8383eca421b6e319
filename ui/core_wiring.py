"""The view-models attached to the core's services once the core is up (on the GUI thread,
posted by :meth:`ui.app.KioskUi._build_core`). Kept apart from :mod:`ui.app`, which builds
the window and the view-models before the core exists."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.paper import GuidePapers, SlipOutcomes
from ui.viewmodels.apply_core import ApplyCore, appliable_services
from ui.viewmodels.catalog import BrowserSource

if TYPE_CHECKING:
    from demo import DemoTerminal
    from kiosk.app import Kiosk
    from kiosk.domain.application import Application
    from kiosk.printing.jobs import PrintJob
    from kiosk.printing.outcome import PrintOutcome
    from kiosk.services.staff_console import StaffConsole
    from kiosk.services.submit import SubmitResult
    from ui.app import KioskUi


def core_ready(ui: KioskUi, kiosk: Kiosk, demo: DemoTerminal | None = None) -> None:
    """Attach every view-model to the core's services once the core is up."""
    ui.kiosk, ui.demo = kiosk, demo
    services = kiosk.services
    papers = GuidePapers(
        services.guide_slips,
        kiosk.tasks,
        ui.print_preview,
        ui.dispatcher.wrap(ui.catalog.set_preview),
    )
    ui.catalog.attach(BrowserSource(services.catalog, services.search_misses), kiosk.tasks, papers)
    ui.card.attach(demo.simulate_card_tap if demo is not None else None)
    _attach_apply(ui, kiosk)
    if kiosk.camera_worker is not None:
        ui.status.camera_configured()
    ui.scan.attach(
        kiosk.camera_worker,
        kiosk.tasks,
        simulate=demo.simulate_camera if demo is not None else None,
    )
    ui.load_notices(kiosk)
    access = services.staff

    def console_for(actor: str) -> StaffConsole:
        from kiosk.services.staff_console import StaffConsole

        def audit(action: str, detail: str) -> None:
            access.audit(actor, action, detail)

        return StaffConsole(kiosk, audit)

    ui.staff.attach(access, console_for, kiosk.tasks)
    ui.assist.attach(services.assist, kiosk.tasks)
    _attach_inquiries(ui, kiosk, demo)


def _attach_inquiries(ui: KioskUi, kiosk: Kiosk, demo: DemoTerminal | None) -> None:
    """Progress, consultation and complaints on the core's services."""
    services, settings = kiosk.services, kiosk.settings
    watcher = SlipOutcomes(kiosk.printing, kiosk.tasks)
    catalog = services.catalog

    def service_name(code: str) -> str:
        return str(catalog.service(code).name)

    ui.progress.attach(
        services.progress,
        kiosk.tasks,
        service_name=service_name,
        receipt_prefix=f"{settings.hall_id}-{settings.terminal_id}-",
        has_scanner=kiosk.scanner is not None,
        simulate_scan=demo.scan_receipt if demo is not None else None,
    )
    ui.supplement.attach(
        services.supplement,
        kiosk.tasks,
        lambda: ui.card.identity.masked_name if ui.card.identity is not None else "",
    )
    ui.consult.attach(services.consult, kiosk.tasks)
    ui.face.attach(
        services.face_checks,
        kiosk.face_tasks,
        simulate=demo.simulate_face if demo is not None else None,
    )
    ui.certificates.attach(services.certificate_prints, kiosk.tasks)
    ui.complaints.attach(services.complaints, kiosk.tasks)
    ui.follow_up_filed.attach(watcher)
    ui.follow_up_status.attach(
        services.consult, services.complaints, kiosk.tasks, services.evaluation
    )
    ui.where_to_go.attach(
        services.positions,
        kiosk.tasks,
        simulate_scan=demo.scan_last_ticket if demo is not None else None,
    )
    ui.queue.attach(
        services.tickets,
        services.checkin,
        kiosk.tasks,
        hall_id=settings.hall_id,
        service_name=service_name,
    )


def _attach_apply(ui: KioskUi, kiosk: Kiosk) -> None:
    """The apply screens' core callables."""
    services, printing = kiosk.services, kiosk.printing

    def receipt_done(outcome: PrintOutcome) -> None:  # on the printer thread
        preview = ui.print_preview() if outcome.printed else ""
        ui.dispatcher.post(ui.submission.print_finished, outcome.job_id, outcome.code, preview)

    def submit(application: Application) -> SubmitResult:
        result = services.submit.submit(application)
        if result.printed is not None:
            result.printed.add_done_callback(receipt_done)
        return result

    def reprint(job_id: int) -> PrintJob:
        future = printing.reprint(job_id)
        future.add_done_callback(receipt_done)
        return future.job

    core = ApplyCore(
        tasks=kiosk.tasks,
        appliable=lambda: appliable_services(services.catalog),
        submit=submit,
        rate=services.evaluation.rate,
        free_slots=services.appointments.free_slots,
        book=services.appointments.book,
        case_no=services.submit.case_no,
        reprint=reprint,
        after_submit=kiosk.notify_sync,
        verify_shared=services.shared_data.verify,
        sign=services.signer,
    )
    ui.appliable.attach(core)
    ui.apply.attach(core)
    kiosk.events.sync.append(lambda _indicator: ui.dispatcher.post(ui.submission.sync_progressed))
