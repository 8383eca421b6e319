"""``kiosk --screenshots DIR``: render every screen and notable state offscreen, one PNG each.

Reviewers use it to see the terminal without a display. The terminal runs in demo mode with
its core started (sample catalog, simulated reader and printer, in-process central); each
scene puts the window into one state and grabs a frame. Printed slips are copied next to the
screens as ``print-*.png``. Add new screens to ``SCENES``.
"""

from __future__ import annotations

import argparse
import fnmatch
import logging
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tools.screenshots.scenes import (
    DEMO_PHONE,
    Scene,
    SceneError,
    _all_ok,
    _attract,
    _business_slip_printed,
    _card,
    _guide,
    _guide_agent,
    _guide_detail,
    _guide_marriage,
    _guide_materials,
    _guide_sample,
    _guide_themes,
    _guide_time_limit,
    _home,
    _home_elder,
    _home_problems,
    _language_menu,
    _not_ready,
    _out_of_service,
    _referral,
    _referral_printed,
    _search,
    _search_keyboard,
    _search_nothing,
    _service_list,
    _show,
    _slip_paper_out,
    _slip_printed,
    _staff_auth_failed,
    _staff_broken_devices,
    _staff_login,
    _staff_page,
    _staff_typing,
    _staff_wrong,
    _suggest,
    _tag_help,
    wait_until,
)
from tools.screenshots.scenes_agent import _agent_materials, _agent_sign, _agent_signed
from tools.screenshots.scenes_certificates import (
    _certificate_done,
    _certificate_list,
    _certificate_paper_out,
    _certificate_preview,
    _staff_certificates,
)
from tools.screenshots.scenes_face import (
    _face_failed,
    _face_no_camera,
    _face_prompt,
    _face_to_window,
)
from tools.screenshots.scenes_visit import (
    _apply_appointment,
    _apply_appointment_chosen,
    _apply_appointment_offline,
    _apply_choose,
    _apply_commitment,
    _apply_conditions,
    _apply_form,
    _apply_form_elder,
    _apply_form_error,
    _apply_form_keyboard,
    _apply_materials,
    _apply_materials_offline,
    _apply_materials_signed,
    _apply_materials_verified,
    _apply_modes,
    _apply_principal,
    _apply_principal_error,
    _apply_receipt,
    _apply_receipt_complete,
    _apply_receipt_estimated,
    _apply_receipt_preview,
    _apply_review,
    _apply_review_disk_full,
    _apply_review_scanned,
    _apply_revise,
    _apply_scan,
    _apply_scan_lost,
    _apply_scan_pages,
    _apply_scan_refused,
    _apply_sign,
    _apply_sign_dot,
    _apply_sign_signed,
    _assist_from_reader_lost,
    _checkin_done,
    _checkin_list,
    _checkin_no_card,
    _checkin_too_early,
    _complain_error,
    _complain_filed,
    _complain_form,
    _complain_status,
    _consult_answered,
    _consult_ask,
    _consult_filed,
    _consult_info,
    _consult_other,
    _consult_search,
    _evaluate,
    _evaluate_bad_number,
    _evaluate_bad_offline,
    _evaluate_elder,
    _evaluate_low,
    _evaluate_sent,
    _progress_cases,
    _progress_cases_offline,
    _progress_receipt_result,
    _progress_receipt_typing,
    _progress_receipt_unknown,
    _progress_scan,
    _progress_scan_result,
    _progress_supplement,
    _rectification_appeal,
    _rectification_appealed,
    _rectification_result,
    _supplement_done,
    _supplement_list,
    _supplement_ready,
    _supplement_scan,
    _ticket_issued,
    _ticket_offline_estimate,
    _ticket_on_screen,
    _ticket_print_failed,
    _ticket_priority,
    _ticket_queues,
    _where_to_go_ask,
    _where_to_go_called,
    _where_to_go_from_home,
    _where_to_go_offline,
    _where_to_go_waiting,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QImage
    from PySide6.QtQuick import QQuickWindow

    from ui.app import KioskUi

log = logging.getLogger(__name__)


def _elder(setup: Callable[[KioskUi], None]) -> Callable[[KioskUi], None]:
    def elder(ui: KioskUi) -> None:
        ui.shell.toggleElderMode()
        setup(ui)

    return elder


SCENES: tuple[Scene, ...] = (
    Scene("ticket-queues", _ticket_queues),
    Scene("ticket-priority-confirm", _ticket_priority),
    Scene("ticket-issued", _ticket_issued),
    Scene("ticket-print-failed", _ticket_print_failed),
    Scene("ticket-on-screen", _ticket_on_screen),
    Scene("ticket-offline-estimate", _ticket_offline_estimate),
    Scene("where-to-go", _where_to_go_ask),
    Scene("where-to-go-waiting", _where_to_go_waiting),
    Scene("where-to-go-called", _where_to_go_called),
    Scene("where-to-go-offline", _where_to_go_offline),
    Scene("where-to-go-from-home", _where_to_go_from_home),
    Scene("checkin-no-card", _checkin_no_card),
    Scene("checkin-list", _checkin_list),
    Scene("checkin-too-early", _checkin_too_early),
    Scene("checkin-done", _checkin_done),
    Scene("certificate-list", _certificate_list),
    Scene("certificate-preview", _certificate_preview),
    Scene("certificate-done", _certificate_done),
    Scene("certificate-paper-out", _certificate_paper_out),
    Scene("certificate-list-elder", _elder(_certificate_list)),
    Scene("certificate-preview-landscape", _certificate_preview, orientation="landscape"),
    Scene("face-check-prompt", _face_prompt),
    Scene("face-check-failed", _face_failed),
    Scene("face-check-to-window", _face_to_window),
    Scene("face-check-no-camera", _face_no_camera),
    Scene("face-check-prompt-elder", _elder(_face_prompt)),
    Scene("face-check-failed-elder", _elder(_face_failed)),
    Scene("face-check-prompt-landscape", _face_prompt, orientation="landscape"),
    Scene("home", _home),
    Scene("home-device-problems", _home_problems),
    Scene("attract", _attract),
    Scene("attract-landscape", _attract, orientation="landscape"),
    Scene("not-ready", _not_ready),
    Scene("out-of-service", _out_of_service),
    Scene("home-elder", _home_elder),
    Scene("language-menu", _language_menu),
    Scene("guide-themes", _guide_themes),
    Scene("guide-service-list", _service_list),
    Scene("guide-detail", _guide_detail),
    Scene("guide-detail-materials", _guide_materials),
    Scene("guide-detail-agent", _guide_agent),
    Scene("guide-detail-marriage", _guide_marriage),
    Scene("guide-business", _guide("QY-001")),
    Scene("guide-business-steps", _guide("QY-001", "scrollToSteps")),
    Scene("guide-business-materials", _guide("QY-001", "scrollToMaterials")),
    Scene("guide-business-print", _guide("QY-005", "scrollToMaterials")),
    Scene("guide-sample-viewer", _guide_sample),
    Scene("guide-detail-tag-help", _tag_help("citywideBadge")),
    Scene("guide-detail-promised-help", _tag_help("promisedBadge")),
    Scene("guide-certificate", _guide("SB-005")),
    Scene("guide-certificate-face-help", _tag_help("faceCheckBadge", "SB-005")),
    Scene("guide-slip-printed-preview", _slip_printed),
    Scene("guide-slip-business-preview", _business_slip_printed),
    Scene("guide-slip-paper-out", _slip_paper_out),
    Scene("search-shebao", _search("社保")),
    Scene("search-kaigongsi", _search("开公司")),
    Scene("search-shenghaizi", _search("生孩子")),
    Scene("search-initials-sbk", _search("sbk")),
    Scene("search-no-result", _search_nothing),
    Scene("search-referral-huzhao", _search("护照")),
    Scene("suggest-form", _suggest),
    Scene("referral-passport", _referral),
    Scene("referral-printed-preview", _referral_printed),
    Scene("search-keyboard", _search_keyboard),
    Scene("idcard-waiting", _card("waiting")),
    Scene("idcard-reading", _card("reading")),
    Scene("idcard-read", _card("read", "resident")),
    Scene("idcard-expired", _card("error", reason="card_expired")),
    Scene("idcard-unsupported", _card("error", reason="unsupported_card")),
    Scene("idcard-invalid-data", _card("error", reason="invalid_card_data")),
    Scene("idcard-reader-lost", _card("lost")),
    Scene("assist-reader-lost", _assist_from_reader_lost),
    Scene("staff-login", _staff_login),
    Scene("staff-login-typing", _staff_typing),
    Scene("staff-login-wrong-pin", _staff_wrong),
    Scene("staff-mode", _staff_page),
    Scene("staff-mode-auth-failed", _staff_auth_failed),
    Scene("staff-mode-broken-devices", _staff_broken_devices),
    Scene("staff-mode-certificates", _staff_certificates),
    Scene("progress-choose", lambda ui: _show(ui, "progress")),
    Scene("progress-cases", _progress_cases),
    Scene("progress-cases-offline", _progress_cases_offline),
    Scene("progress-supplement", _progress_supplement),
    Scene("progress-supplement-elder", _elder(_progress_supplement)),
    Scene("supplement-list", _supplement_list),
    Scene("supplement-scan", _supplement_scan),
    Scene("supplement-ready", _supplement_ready),
    Scene("supplement-ready-elder", _elder(_supplement_ready)),
    Scene("supplement-done", _supplement_done),
    Scene("progress-receipt", _progress_receipt_typing),
    Scene("progress-receipt-result", _progress_receipt_result),
    Scene("progress-receipt-unknown", _progress_receipt_unknown),
    Scene("progress-scan", _progress_scan),
    Scene("progress-scan-result", _progress_scan_result),
    Scene("progress-cases-elder", _elder(_progress_cases)),
    Scene("consult-search", _consult_search),
    Scene("consult-info", _consult_info),
    Scene("consult-other", _consult_other),
    Scene("consult-ask", _consult_ask(DEMO_PHONE, False)),
    Scene("consult-ask-bad-phone", _consult_ask("call me", True)),
    Scene("consult-filed", _consult_filed),
    Scene("consult-answer-pending", _consult_answered(False)),
    Scene("consult-answer", _consult_answered(True)),
    Scene("complain-choose", lambda ui: _show(ui, "complain")),
    Scene("complain-form-anonymous", _complain_form(True)),
    Scene("complain-form-named", _complain_form(False)),
    Scene("complain-form-empty-text", _complain_error),
    Scene("complain-filed-anonymous", _complain_filed),
    Scene("complain-status", _complain_status),
    Scene("complain-form-elder", _elder(_complain_form(False))),
    Scene("apply-choose", _apply_choose),
    Scene("apply-choose-modes", _apply_modes),
    Scene("apply-conditions", _apply_conditions),
    Scene("apply-principal", _apply_principal),
    Scene("apply-principal-bad-id", _apply_principal_error),
    Scene("apply-form", _apply_form),
    Scene("apply-form-keyboard", _apply_form_keyboard),
    Scene("apply-form-error", _apply_form_error),
    Scene("apply-form-elder", _apply_form_elder),
    Scene("apply-materials", _apply_materials),
    Scene("apply-materials-verified", _apply_materials_verified),
    Scene("apply-materials-offline", _apply_materials_offline),
    Scene("apply-commitment", _apply_commitment),
    Scene("apply-scan", _apply_scan),
    Scene("apply-scan-pages", _apply_scan_pages),
    Scene("apply-scan-glare", _apply_scan_refused("glare")),
    Scene("apply-scan-blurred", _apply_scan_refused("blurred")),
    Scene("apply-scan-lost", _apply_scan_lost),
    Scene("apply-scan-pages-elder", _elder(_apply_scan_pages)),
    Scene("apply-scan-lost-elder", _elder(_apply_scan_lost)),
    Scene("apply-scan-pages-landscape", _elder(_apply_scan_pages), orientation="landscape"),
    Scene("apply-review-scanned", _apply_review_scanned),
    Scene("apply-sign", _apply_sign),
    Scene("apply-sign-signed", _apply_sign_signed),
    Scene("apply-sign-dot", _apply_sign_dot),
    Scene("apply-sign-elder", _elder(_apply_sign_signed)),
    Scene("apply-materials-signed", _apply_materials_signed),
    Scene("apply-agent-papers", _agent_materials),
    Scene("apply-agent-sign", _agent_sign),
    Scene("apply-agent-signed", _agent_signed),
    Scene("apply-review", _apply_review),
    Scene("apply-review-disk-full", _apply_review_disk_full),
    Scene("apply-revise", _apply_revise),
    Scene("apply-receipt", _apply_receipt),
    Scene("apply-receipt-preview", _apply_receipt_preview),
    Scene("apply-receipt-estimated", _apply_receipt_estimated),
    Scene("guide-limit-jiban", _guide_time_limit("HY-001")),
    Scene("guide-limit-calendar-days", _guide_time_limit("SB-007")),
    Scene("apply-receipt-complete", _apply_receipt_complete),
    Scene("apply-appointment", _apply_appointment),
    Scene("apply-appointment-chosen", _apply_appointment_chosen),
    Scene("apply-appointment-offline", _apply_appointment_offline),
    Scene("evaluate", _evaluate),
    Scene("evaluate-sent", _evaluate_sent),
    Scene("evaluate-elder", _evaluate_elder),
    Scene("evaluate-low-reason", _evaluate_low),
    Scene("evaluate-bad-number", _evaluate_bad_number),
    Scene("evaluate-bad-offline", _evaluate_bad_offline),
    Scene("rectification-result", _rectification_result),
    Scene("rectification-appeal", _rectification_appeal),
    Scene("rectification-appealed", _rectification_appealed),
    Scene("home-landscape", _home, orientation="landscape"),
    Scene("apply-form-landscape", _apply_form, orientation="landscape"),
    Scene("guide-detail-landscape", _guide_detail, orientation="landscape"),
)


def _close_popups(ui: KioskUi) -> None:
    from PySide6.QtCore import QMetaObject, QObject

    menu = ui.window.findChild(QObject, "languageMenu")
    if menu is not None:
        QMetaObject.invokeMethod(menu, "close")


def render_all(out_dir: Path, args: argparse.Namespace) -> int:
    """Render every scene into ``out_dir``; exit code 0 when all were written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_QUICK_BACKEND", "software")
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtGui import QGuiApplication

    from kiosk.config import load_settings
    from kiosk.logs import setup_logging
    from ui.app import KioskUi, qt_message_handler
    from ui.fonts import use_screen_fonts

    setup_logging(None, logging.WARNING)
    qInstallMessageHandler(qt_message_handler)
    out_dir.mkdir(parents=True, exist_ok=True)
    use_screen_fonts()  # the screens' fonts, as the terminal draws them
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    assert isinstance(app, QGuiApplication)
    written = failed = 0
    # Late writes of stopping worker threads must not turn a good run into a failure.
    with tempfile.TemporaryDirectory(prefix="kiosk-shots-", ignore_cleanup_errors=True) as tmp:
        settings = load_settings(
            Path(args.config) if args.config else None,
            data_dir=tmp,
            demo=True,
            locale=args.locale,
            voice_engine="mock",
        )
        ui = KioskUi(app, settings, full_screen=False)
        wait_until(lambda: ui.filters_installed, 10)  # the first frame is on screen
        ui.start_core()
        wait_until(lambda: ui.kiosk is not None and ui.catalog.property("themes"), 60)
        # The demo central is up and the visit's services talk to it (tickets numbered by
        # central, appointments listed), so no scene shows an offline state by accident.
        wait_until(lambda: ui.kiosk is not None and ui.kiosk.up.is_set(), 60)
        # Each scene sets the devices' state through the status view-model, the one record
        # the status bar and the pages read; the demo's health checks must not undo it.
        assert ui.kiosk is not None
        ui.kiosk.events.status.clear()
        only = [pattern for pattern in (getattr(args, "only", None) or "").split(",") if pattern]
        for scene, variant in _plan(args):
            if only and not any(fnmatch.fnmatch(scene.name, pattern) for pattern in only):
                continue
            path = _render(ui, scene, out_dir, variant)
            if path is None:
                failed += 1
            else:
                written += 1
                print(path)
        ui.stop()
        ui.engine.deleteLater()
    return 0 if written and not failed else 1


@dataclass(frozen=True)
class Variant:
    """How a scene is rendered: orientation, and with --variants language and elder mode."""

    orientation: str
    locale: str = ""
    elder: bool = False
    suffix: str = ""


def _plan(args: argparse.Namespace) -> list[tuple[Scene, Variant]]:
    """Every scene once as declared, or with ``--variants`` each base scene in Chinese and
    English (only ``--locale`` when given), default and elder mode, portrait and landscape."""
    if not getattr(args, "variants", False):
        return [
            (scene, Variant(scene.orientation))
            for scene in SCENES
            if not args.orientation or scene.orientation == args.orientation
        ]
    plan = []
    for scene in SCENES:
        if scene.orientation != "portrait" or "elder" in scene.name:
            continue  # variants of another scene already
        for locale in (args.locale,) if args.locale else ("zh_CN", "en_US"):
            for elder in (False, True):
                for orientation in ("portrait", "landscape"):
                    if args.orientation and orientation != args.orientation:
                        continue
                    mode = "elder" if elder else "default"
                    suffix = f".{locale}.{mode}.{orientation}"
                    plan.append((scene, Variant(orientation, locale, elder, suffix)))
    return plan


def _render(ui: KioskUi, scene: Scene, out_dir: Path, variant: Variant) -> Path | None:
    """Put the window into ``scene`` and save it; the file, or None when it failed."""
    width, height = (1080, 1920) if variant.orientation == "portrait" else (1920, 1080)
    ui.shell.set_geometry(width, height)
    _close_popups(ui)
    ui.end_visit()  # every scene starts from a fresh visit
    wait_until(lambda: ui.current_page() == "homePage")
    if variant.locale:
        ui.switch_locale(variant.locale)
    if variant.elder:
        ui.shell.toggleElderMode()
    _all_ok(ui)
    try:
        if scene.setup in (
            _slip_printed,
            _business_slip_printed,
            _referral_printed,
            _consult_filed,
            _complain_filed,
            _apply_receipt_preview,
            _apply_receipt_estimated,
            _apply_receipt_complete,
        ):
            scene.setup(ui, out_dir)
        else:
            scene.setup(ui)
    except SceneError:
        log.error("scene %s did not reach its state", scene.name)
        return None
    path = out_dir / f"{scene.name}{variant.suffix}.png"
    if not grab(ui.window).save(str(path)):
        log.error("could not write %s", path)
        return None
    return path


def grab(window: QQuickWindow) -> QImage:
    """Let pending layout and bindings settle, then grab the window's current frame."""
    wait_until(lambda: True)
    for _ in range(3):
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(10, loop.quit)
        loop.exec()
    return window.grabWindow()
