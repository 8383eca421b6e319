"""``kiosk``: start the terminal's full-screen Qt Quick interface.

The window comes up from the settings alone; the core (store, devices, central) is built on a
background thread after the first frame, so the screen never waits on the disk or a device.
If the core cannot start, the terminal shows an out-of-service page, never a traceback.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QLoggingCategory,
    QMessageLogContext,
    QtMsgType,
    QTranslator,
    QUrl,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from kiosk.settings_memo import ConfigError, FrameSettings, RememberedWrongly
from kiosk.visit import Visit
from ui import fonts as ui_fonts
from ui.bridge import GuiDispatcher
from ui.idle import IdleWatcher
from ui.keyboard import private_keyboard_home, remove_keyboard_home
from ui.lockdown import LockdownFilter
from ui.viewmodels.appliable import AppliableViewModel
from ui.viewmodels.apply import ApplyViewModel
from ui.viewmodels.apply_flow import ApplyFlow
from ui.viewmodels.apply_form import ApplyFormViewModel
from ui.viewmodels.assist import AssistViewModel
from ui.viewmodels.booking import BookingViewModel
from ui.viewmodels.card import CardViewModel
from ui.viewmodels.catalog import CatalogViewModel
from ui.viewmodels.certificates import CertificateViewModel
from ui.viewmodels.complaints import ComplaintViewModel
from ui.viewmodels.consult import ConsultViewModel
from ui.viewmodels.face import FaceCheckViewModel, FaceImages
from ui.viewmodels.follow_up_status import FollowUpStatusViewModel
from ui.viewmodels.followups import FollowUpFiledViewModel
from ui.viewmodels.progress import ProgressViewModel
from ui.viewmodels.queue import QueueViewModel
from ui.viewmodels.rating import RatingViewModel
from ui.viewmodels.scan import ScanImages, ScanViewModel
from ui.viewmodels.shell import ShellViewModel
from ui.viewmodels.staff import RESTART_EXIT_CODE, StaffViewModel
from ui.viewmodels.status import StatusViewModel
from ui.viewmodels.submission import SubmissionViewModel
from ui.viewmodels.supplement import SupplementViewModel
from ui.viewmodels.where_to_go import WhereToGoViewModel
from ui.voice import VoiceGuide

if TYPE_CHECKING:  # the core's modules load after the first frame (tests/unit/test_startup_imports)
    from demo import DemoTerminal
    from kiosk.app import Kiosk
    from kiosk.config import Settings

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")

QML_DIR = Path(__file__).resolve().parent / "qml"
I18N_DIR = Path(__file__).resolve().parent / "i18n"


def qt_message_handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Route Qt's own messages (QML warnings included) into Python logging."""
    where = f"{context.file}:{context.line}: " if context.file else ""
    if mode in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        qt_log.error("%s%s", where, message)
    elif mode == QtMsgType.QtWarningMsg:
        qt_log.warning("%s%s", where, message)
    else:
        qt_log.debug("%s%s", where, message)


# Noise from inside Qt's own modules that we cannot fix and that hides real QML warnings:
# the virtual keyboard's PopupList trips a Qt 6.12 property-cache check, and Qt Multimedia
# looks for PipeWire, which a kiosk does not need.
QT_LOG_RULES = "\n".join(
    (
        "qt.qml.propertyCache.append.warning=false",
        "qt.multimedia.symbolsresolver.warning=false",
    )
)


# Staff's own screens: elder mode (a citizen's choice) goes off when one opens.
STAFF_PAGES = frozenset({"staffLoginPage", "staffPage"})


# Settings that fail their check (before the window, or after it when the check was
# remembered: kiosk/settings_memo.py): the entry point's exit code for them.
EXIT_BAD_SETTINGS = 2


def idle_kinds(settings: FrameSettings) -> dict[str, int]:
    """Idle timeouts per screen type (pages declare ``idleKind``)."""
    return {"form": settings.idle_form_s, "result": settings.idle_result_s}


class KioskUi:
    """The window, its view-models and the link to the core. One per process."""

    def __init__(
        self,
        app: QGuiApplication,
        settings: Settings | FrameSettings,
        full_screen: bool,
        check: Callable[[], Settings] | None = None,
    ) -> None:
        """``settings``: checked settings, or only the window's values
        (:mod:`kiosk.settings_memo`), with ``check`` to give the checked settings on the
        core's thread after the first frame."""
        self.app = app
        if isinstance(settings, FrameSettings):
            if check is None:
                raise TypeError("the window's values need the check that follows them")
            self._settings: Settings | None = None
            self._check = check
        else:
            checked = settings
            self._settings, self._check = checked, lambda: checked
            settings = FrameSettings.of(checked)
        # What the interface reads of the settings on the GUI thread.
        self.frame = settings
        QLoggingCategory.setFilterRules(QT_LOG_RULES)
        private_keyboard_home(settings.data_dir)
        self.kiosk: Kiosk | None = None
        self.demo: DemoTerminal | None = None  # demo mode: sample cards, scans, previews
        self.translator = QTranslator()
        self.load_translation(settings.locale)
        # View-models are children of the engine, so Qt destroys the QML scene before them
        # (no "cannot read property of null" warnings at exit).
        self.engine = QQmlApplicationEngine()
        self.dispatcher = GuiDispatcher(self.engine)
        width, height = settings.screen_size
        self.shell = ShellViewModel(
            width, height, full_screen, parent=self.engine, font_family=ui_fonts.screen_family()
        )
        self.shell.set_locale(settings.locale)
        self.shell.localeRequested.connect(self.switch_locale)
        self.status = StatusViewModel(
            settings.hall_name, settings.terminal_name, settings.demo, parent=self.engine
        )
        # The visit (card identity, receipts, its end). Belongs to the core; made here until
        # the composition root owns it. Every view-model wipes itself when it ends.
        self.visit = Visit()
        dispatcher, visit, engine = self.dispatcher, self.visit, self.engine
        self.catalog = CatalogViewModel(dispatcher, visit, parent=engine)
        self.catalog.set_renewal_service(settings.id_renewal_service)
        self.card = CardViewModel(visit, self.status, parent=engine)
        flow = ApplyFlow(dispatcher, visit)
        self.appliable = AppliableViewModel(dispatcher, visit, parent=engine)
        self.face = FaceCheckViewModel(dispatcher, visit, parent=engine)
        self.apply = ApplyViewModel(flow, self.card, self.appliable, self.face, parent=engine)
        self.apply_form = ApplyFormViewModel(flow, parent=engine)
        self.submission = SubmissionViewModel(flow, parent=engine)
        self.scan = ScanViewModel(dispatcher, flow, parent=engine)
        self.rating = RatingViewModel(dispatcher, flow, parent=engine)
        self.booking = BookingViewModel(dispatcher, flow, self.appliable, parent=engine)
        self.staff = StaffViewModel(dispatcher, visit, parent=engine)
        self.staff.restartRequested.connect(self.restart)
        self.staff.set_settings(settings)
        self.staff.settingsReloaded.connect(self.apply_settings)
        self.card.cardRead.connect(self._on_card_read)
        self.progress = ProgressViewModel(dispatcher, visit, parent=engine)
        self.certificates = CertificateViewModel(dispatcher, visit, self.face, parent=engine)
        self.supplement = SupplementViewModel(dispatcher, visit, self.scan, parent=engine)
        self.follow_up_filed = FollowUpFiledViewModel(dispatcher, visit, parent=engine)
        self.consult = ConsultViewModel(dispatcher, visit, self.follow_up_filed, parent=engine)
        self.queue = QueueViewModel(dispatcher, visit, parent=engine)
        self.where_to_go = WhereToGoViewModel(dispatcher, visit, parent=engine)
        self.where_to_go.centralAnswered.connect(self.status.central_answered)
        # Answers that came from central, or from what the terminal kept, tell the status bar.
        self.queue.centralAnswered.connect(self.status.central_answered)
        self.progress.centralAnswered.connect(self.status.central_answered)
        self.booking.centralAnswered.connect(self.status.central_answered)
        self.complaints = ComplaintViewModel(dispatcher, visit, self.follow_up_filed, parent=engine)
        self.follow_up_status = FollowUpStatusViewModel(dispatcher, visit, parent=engine)
        self.assist = AssistViewModel(dispatcher, visit, parent=engine)
        self.voice = VoiceGuide(
            settings.voice_engine, settings.voice_volume, settings.locale, parent=self.engine
        )
        self.staff.volumeApplied.connect(self.voice.set_volume)
        self.idle = IdleWatcher(settings.idle_timeout_s, parent=self.engine)
        self.idle.set_kind_timeouts(idle_kinds(settings))
        self.idle.set_hold_timeouts({"number": settings.idle_number_s})
        self.idle.expired.connect(lambda: self.end_visit(attract=True))
        # Nobody at the home page for a while: the visit is over (a citizen who went home by
        # hand and walked away leaves no card behind for the next one), and the attract screen
        # comes up over the home page.
        self.attract = IdleWatcher(settings.attract_after_s, warn_s=0, parent=self.engine)
        self.attract.expired.connect(lambda: self.end_visit(attract=True))
        self.shell.attractDismissed.connect(self._on_page_changed)
        # Elder mode: longer limits everywhere (read more slowly, type more slowly).
        self.shell.changed.connect(self._stretch_idle_limits)
        self.lockdown = LockdownFilter(parent=self.engine)
        app.setQuitOnLastWindowClosed(False)
        context = self.engine.rootContext()
        context.setContextProperty("shell", self.shell)
        context.setContextProperty("status", self.status)
        context.setContextProperty("catalog", self.catalog)
        context.setContextProperty("card", self.card)
        context.setContextProperty("apply", self.apply)
        context.setContextProperty("appliable", self.appliable)
        context.setContextProperty("applyForm", self.apply_form)
        context.setContextProperty("submission", self.submission)
        context.setContextProperty("rating", self.rating)
        context.setContextProperty("booking", self.booking)
        context.setContextProperty("staff", self.staff)
        context.setContextProperty("idle", self.idle)
        context.setContextProperty("progress", self.progress)
        context.setContextProperty("certificates", self.certificates)
        context.setContextProperty("face", self.face)
        context.setContextProperty("supplement", self.supplement)
        context.setContextProperty("consult", self.consult)
        context.setContextProperty("complaints", self.complaints)
        context.setContextProperty("followUpFiled", self.follow_up_filed)
        context.setContextProperty("followUpStatus", self.follow_up_status)
        context.setContextProperty("assist", self.assist)
        context.setContextProperty("queue", self.queue)
        context.setContextProperty("whereToGo", self.where_to_go)
        context.setContextProperty("voice", self.voice)
        context.setContextProperty("scan", self.scan)
        # The scan page's preview and pages, served from the view-model's memory.
        self.engine.addImageProvider("scan", ScanImages(self.scan))
        # The face check's live picture, the latest frame only, from memory.
        self.engine.addImageProvider("face", FaceImages(self.face))
        self.engine.load(QUrl.fromLocalFile(str(QML_DIR / "Main.qml")))
        roots = self.engine.rootObjects()
        if not roots:
            raise RuntimeError("the main QML file did not load (see the log for QML errors)")
        self.window: QQuickWindow = roots[0]  # type: ignore[assignment]
        self.window.currentPageChanged.connect(self._on_page_changed)  # type: ignore[attr-defined]
        self.window.pageIdleKindChanged.connect(self._on_page_changed)  # type: ignore[attr-defined]
        self._on_page_changed()  # the home page came up before the connections
        # After the first frame, once: the application-wide event filters (idle, attract,
        # lockdown; installed before, each saw every event of the home page's load and PySide
        # wrapped every object shown to them, ~40 ms; the window gets no input before its
        # first frame), the voice (its Qt plug-in, ~7 ms), then ``after_first_frame`` (the
        # entry point's READY=1 and core start). ``first_swap`` is called where the frame is
        # swapped: the render thread, or the GUI thread's rendering.
        self.first_swap: list[Callable[[], None]] = []
        self.after_first_frame: list[Callable[[], None]] = []
        self.filters_installed = False
        self._swapped = False
        self.window.frameSwapped.connect(self._on_frame_swapped)

    def _on_frame_swapped(self) -> None:
        if self._swapped:
            return
        self._swapped = True
        for fn in self.first_swap:
            fn()
        self.dispatcher.post(self._after_first_frame)

    def _after_first_frame(self) -> None:
        self.window.frameSwapped.disconnect(self._on_frame_swapped)
        for event_filter in (self.idle, self.attract, self.lockdown):
            self.app.installEventFilter(event_filter)
        self.filters_installed = True
        self.voice.start()  # the home page's prompt, asked for while it loaded
        for fn in self.after_first_frame:
            fn()

    def _on_page_changed(self) -> None:
        # A page says what type of screen it is with ``property string idleKind``.
        self.idle.set_kind(str(self.window.property("pageIdleKind") or ""))
        page = self.current_page()
        self.idle.set_active(page not in ("homePage", "outOfServicePage"))
        if page in STAFF_PAGES:  # staff work in the standard sizes their screens are laid out for
            self.shell.setElderMode(False)
        if page != "homePage":
            self.shell.set_attracting(False)
        else:
            self.apply.leave_flow()
        self.attract.set_active(page == "homePage" and not self.shell.property("attracting"))

    def _stretch_idle_limits(self) -> None:
        percent = self.frame.idle_elder_percent if self.shell.property("elderMode") else 100
        self.idle.set_stretch(percent)
        self.attract.set_stretch(percent)

    def end_visit(self, attract: bool = False) -> None:
        """End the visit (every view-model wipes what it held of it) and go home (with the
        attract screen over it after an abandoned visit)."""
        self.visit.end()
        self.shell.reset_visit_preferences()
        # Free the JS copies of the visit's data now: memory stays flat over a day of visits,
        # and nothing personal lingers in the QML heap.
        self.engine.collectGarbage()
        self.voice.reset()
        if self.shell.property("locale") != self.frame.locale:
            self.switch_locale(self.frame.locale)
        self.show_page("home")
        self.shell.set_attracting(attract)
        self._on_page_changed()

    def apply_settings(self, settings: Settings) -> None:
        """Take over the settings a running terminal can change (after a reload)."""
        self._settings = settings
        self.frame = FrameSettings.of(settings)
        self.idle.set_timeout(settings.idle_timeout_s)
        self.idle.set_kind_timeouts(idle_kinds(self.frame))
        self.idle.set_hold_timeouts({"number": settings.idle_number_s})
        self.attract.set_timeout(settings.attract_after_s, warn_s=0)
        self._stretch_idle_limits()
        self.voice.set_volume(settings.voice_volume)

    def load_translation(self, locale: str) -> bool:
        """Switch the UI language; Simplified Chinese is the source language."""
        self.app.removeTranslator(self.translator)
        if locale == "zh_CN":
            return True
        qm = I18N_DIR / f"kiosk_{locale}.qm"
        if self.translator.load(str(qm)):
            self.app.installTranslator(self.translator)
            return True
        log.warning("no translation for %s (%s)", locale, qm.name)
        return False

    def switch_locale(self, locale: str) -> None:
        """Change the UI language now, on every screen."""
        if self.load_translation(locale):
            self.shell.set_locale(locale)
            self.voice.set_locale(locale)
            self.engine.retranslate()

    def show_page(self, name: str, properties: dict[str, Any] | None = None) -> None:
        """Navigate the way a tap would (used by the core's events and by screenshots).

        Goes through a signal QML listens to: ``QMetaObject.invokeMethod`` with ``Q_ARG``
        corrupts reference counts in PySide6 6.12 after a few hundred calls.
        """
        self.shell.navigateRequested.emit(name, properties or {})

    def page_command(self, name: str, argument: Any = None) -> None:
        """Call function ``name`` of the page on top (e.g. ``setQuery`` on the search page)."""
        self.shell.pageCommand.emit(name, argument)

    @property
    def settings(self) -> Settings:
        """The checked settings: from the start for tests and tools, else from the core's
        thread after the first frame, before the core is built."""
        if self._settings is None:
            raise RuntimeError("the settings are checked after the first frame")
        return self._settings

    def current_page(self) -> str:
        """objectName of the page on top of the stack."""
        return str(self.window.property("currentPage"))

    def start_core(self) -> None:
        """Build the store, devices and services off the GUI thread."""
        threading.Thread(target=self._build_core, name="core-start", daemon=True).start()

    def _build_core(self) -> None:
        from kiosk.app import ScanCallbacks, build_kiosk
        from kiosk.devices.camera_worker import CameraCallbacks
        from kiosk.devices.reader_worker import ReaderCallbacks

        demo: DemoTerminal | None = None
        try:
            settings = self._check()
        except ConfigError as exc:
            # As a failed check before the window: the sentence, exit code 2.
            print(f"kiosk: {exc}", file=sys.stderr, flush=True)
            log.error("settings: %s", exc)
            self.dispatcher.post(self.restart, EXIT_BAD_SETTINGS)
            return
        except RememberedWrongly as exc:
            log.warning("%s; starting again with the checked ones", exc)
            self.dispatcher.post(self.restart, RESTART_EXIT_CODE)
            return
        except Exception as exc:  # a fault in the check itself: as a core that cannot start
            log.error("terminal cannot start: settings not checked: %s", exc)
            self.dispatcher.post(self.show_page, "outOfService")
            return
        self._settings = settings
        try:
            if settings.demo:
                from demo import build_demo

                demo = build_demo(settings)
                kiosk = demo.kiosk
            else:
                kiosk = build_kiosk(settings)
        except Exception as exc:
            log.error("terminal cannot start: %s", exc)
            self.dispatcher.post(self.show_page, "outOfService")
            return
        events = kiosk.events
        events.status.append(self.dispatcher.wrap(self.status.apply))
        events.sync.append(self.dispatcher.wrap(self.status.apply_sync))
        kiosk.printing.outcome_listeners.append(self.dispatcher.wrap(self.status.print_finished))
        events.card = ReaderCallbacks(
            on_card_present=self.dispatcher.wrap(self.card.on_present),
            on_card_read=self.dispatcher.wrap(self.card.on_read),
            on_card_removed=self.dispatcher.wrap(self.card.on_removed),
            # The reader's state goes to the one record the status bar and pages read.
            on_reader_lost=self.dispatcher.wrap(self.status.reader_lost),
            on_reader_back=self.dispatcher.wrap(self.status.reader_back),
        )
        events.scan = ScanCallbacks(
            on_scan=self.dispatcher.wrap(self._on_scan),
            on_lost=self.dispatcher.wrap(self.progress.on_scanner_lost),
            on_back=self.dispatcher.wrap(self.progress.on_scanner_back),
        )
        events.camera = CameraCallbacks(
            on_frame=self.dispatcher.wrap(self.scan.on_frame),
            on_page=self.dispatcher.wrap(self.scan.on_page),
            on_refused=self.dispatcher.wrap(self.scan.on_refused),
            on_lost=self.dispatcher.wrap(self._camera_lost),
            on_back=self.dispatcher.wrap(self.status.camera_back),
        )
        kiosk.start()
        self.dispatcher.post(self._wire_core, kiosk, demo)

    def _camera_lost(self, reason: str) -> None:
        """The document camera went away (GUI thread): the status and the scan page say so."""
        self.status.camera_lost(reason)
        self.scan.camera_lost()

    def _on_scan(self, data: str) -> None:
        """A code from the scanner (GUI thread): each scan page's view-model takes it only
        while its page listens. A queue ticket scanned on the home screen (nobody's visit
        in the way) opens 我该去哪 with its answer: the hall's QR codes need no menu."""
        if self.progress.on_scan(data) or self.where_to_go.on_scan(data):
            return
        from kiosk.services.tickets.position import is_ticket_code  # after the first frame

        if is_ticket_code(data) and self.current_page() == "homePage":
            self.show_page("whereToGo", {"scanned": data})
            return
        log.info("scan ignored: no page is waiting for one")

    def _wire_core(self, kiosk: Kiosk, demo: DemoTerminal | None = None) -> None:
        from ui.core_wiring import core_ready

        core_ready(self, kiosk, demo)

    def print_preview(self) -> str:
        """Demo mode: the picture of the slip just printed (empty elsewhere)."""
        demo = self.demo
        return demo.print_preview() if demo is not None else ""

    def load_notices(self, kiosk: Kiosk) -> None:
        from datetime import date

        from kiosk.notices import notices_for

        settings = self.settings

        def load() -> list[dict[str, str]]:
            found = notices_for(
                settings.data_dir, settings.hall_id, date.today(), settings.hall_hours
            )
            return [{"title": n.title, "body": n.body} for n in found]

        kiosk.tasks.submit(load, on_done=self.dispatcher.wrap(self.shell.set_notices))

    def restart(self, code: int) -> None:
        """Leave the event loop with ``code``; the service manager starts the terminal again."""
        self.lockdown.allow_exit()
        self.app.exit(code)

    def _on_card_read(self) -> None:
        # A card tapped anywhere outside a visit (the attract screen included) starts one on
        # the card page.
        if self.current_page() in ("homePage", ""):
            self.shell.set_attracting(False)
            self.show_page("idCard")

    def stop(self) -> None:
        """Stop the core (devices, threads, store) and release the application's filters."""
        self.app.removeEventFilter(self.idle)
        self.app.removeEventFilter(self.attract)
        self.app.removeTranslator(self.translator)
        self.app.removeEventFilter(self.lockdown)
        if self.kiosk is not None:
            self.kiosk.stop()
        remove_keyboard_home(self.frame.data_dir)
