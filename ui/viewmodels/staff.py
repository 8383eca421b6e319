"""View-model of staff mode: PIN entry, then device status, backlog, print jobs and actions.

The PIN check (scrypt) and every action run through :class:`~ui.ops.Ops` on the core's task
executor. Staff mode ends like any visit (idle timeout: an answer that comes after is dropped)
or with "退出".
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.visit import Visit
from ui.ops import Dispatcher, Failure, Ops

log = logging.getLogger(__name__)

RESTART_EXIT_CODE = 75  # systemd's Restart=always starts the terminal again
# Exit to the desktop: kiosk.service has RestartPreventExitStatus=78, so systemd leaves the
# terminal stopped until staff start it again (or the machine reboots).
EXIT_TO_DESKTOP_CODE = 78


class StaffViewModel(QObject):
    """Bound as ``staff``. ``loginState``: idle | checking | wrong | locked | not_set | in."""

    changed = Signal()
    restartRequested = Signal(int)
    volumeApplied = Signal(int)
    settingsReloaded = Signal(object)  # the Settings now in force

    def __init__(self, dispatcher: Dispatcher, visit: Visit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ops = Ops(dispatcher, visit, "staff", self.changed.emit, wipe=self.clear)
        self._access: Any = None
        self._console_for: Callable[[str], Any] | None = None
        self._console: Any = None
        self._actor = ""
        self._login_state = "idle"
        self._remaining = 0
        self._locked_until = ""
        self._snapshot: dict[str, Any] = {}
        self._notice = ""
        self._volume = 0
        self._can_exit = False
        self._restart_needed: list[str] = []

    def set_settings(self, settings: Any) -> None:
        """What staff mode shows of the settings in force (volume, whether exit is allowed)."""
        self._volume = settings.voice_volume
        self._can_exit = settings.staff_can_exit
        self.changed.emit()

    def attach(self, access: Any, console_for: Callable[[str], Any], executor: Any) -> None:
        """Connect to the core once it is up."""
        self._access, self._console_for = access, console_for
        self._ops.attach(executor)

    def _act(
        self, task: Callable[[], Any], done: Callable[[Any], None], visit: bool = True
    ) -> None:
        # Ops.run with staff mode's word for the outcome: staff read the reason in the log.
        if not self._ops.ready:
            self._set_notice("not_ready")
            return
        self._ops.run(task, done, failed=self._failed, busy=False, visit=visit)

    def _failed(self, _failure: Failure) -> None:
        self._set_notice("failed")

    @Slot(str)
    def verifyPin(self, pin: str) -> None:  # noqa: N802 - Qt naming
        """Check the PIN off the GUI thread."""
        access = self._access
        if access is None:
            self._set_login("not_set")
            return
        self._set_login("checking")
        self._act(lambda: access.verify(pin), self._verified)

    def _verified(self, result: Any) -> None:
        reason = getattr(result, "reason", "")
        if reason == "wrong_pin":
            self._remaining = result.remaining
            self._set_login("wrong")
        elif reason == "locked_out":
            self._locked_until = result.until.astimezone().strftime("%H:%M")
            self._set_login("locked")
        elif reason == "pin_not_set":
            self._set_login("not_set")
        else:
            self._actor = result.actor
            self._console = self._console_for(result.actor) if self._console_for else None
            self._set_login("in")
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Check every device again and reload the backlog and today's jobs."""
        console = self._console
        if console is not None:
            self._act(console.snapshot, self._set_snapshot)

    def _set_snapshot(self, snapshot: Any) -> None:
        # The screen says what is wrong in Chinese; the device's own words (English, paths,
        # error codes) are for staff and vendors: the log here, ``kioskctl doctor`` there.
        for device in snapshot.devices:
            if device.get("state") != "ok":
                log.warning(
                    "staff check: %s %s (%s): %s",
                    device.get("name"),
                    device.get("state"),
                    device.get("reason") or "-",
                    device.get("detail") or "-",
                )
        self._snapshot = {
            # Without the detail: the screen has no use for it (see above).
            "devices": [
                {"name": d.get("name"), "state": d.get("state"), "reason": d.get("reason")}
                for d in snapshot.devices
            ],
            "sync": snapshot.sync,
            "jobs": snapshot.jobs,
            "certificates": snapshot.certificates,
            # The release only ("0.1.0"); schema and Python versions are in ``kioskctl doctor``.
            "version": str(snapshot.version).split(" ", 1)[0],
            "taken_at": snapshot.taken_at,
        }
        self.changed.emit()

    @Slot(int)
    def reprint(self, job_id: int) -> None:
        """Reprint one of today's slips."""
        console = self._console
        if console is not None:
            self._act(lambda: console.reprint(job_id), lambda _r: self._after("reprinted"))

    @Slot(int)
    def reprintCertificate(self, job_id: int) -> None:  # noqa: N802
        """Print one of today's certificates again (waits for the A4 printer's outcome)."""
        console = self._console
        if console is not None:
            self._act(
                lambda: console.reprint_certificate(job_id),
                lambda _r: self._after("certificate_reprinted"),
            )

    @Slot()
    def retryDead(self) -> None:  # noqa: N802
        """Send dead-lettered items again."""
        console = self._console
        if console is not None:
            self._act(console.retry_dead, lambda _n: self._after("retried"))

    @Slot()
    def testPage(self) -> None:  # noqa: N802
        """Print the printer test page."""
        console = self._console
        if console is not None:
            self._act(console.test_page, lambda _id: self._after("test_printed"))

    @Slot()
    def restartApp(self) -> None:  # noqa: N802
        """Quit with the restart code; the service manager starts the terminal again."""
        access, actor = self._access, self._actor
        if access is not None:
            self._act(
                lambda: access.audit(actor, "app.restart", ""),
                lambda _r: self.restartRequested.emit(RESTART_EXIT_CODE),
                visit=False,  # asked for: it happens even if the visit ended meanwhile
            )

    @Slot(int)
    def setVolume(self, volume: int) -> None:  # noqa: N802
        """Set the voice volume now and keep it across restarts."""
        console = self._console
        if console is None:
            return
        volume = max(0, min(100, volume))
        self._volume = volume
        self.volumeApplied.emit(volume)
        self.changed.emit()
        self._act(lambda: console.set_volume(volume), lambda _s: self._set_notice("volume_set"))

    @Slot()
    def reloadSettings(self) -> None:  # noqa: N802
        """Read the settings file again; what cannot change live waits for a restart."""
        console = self._console
        if console is None:
            return

        def reload() -> Any:
            from kiosk.config import ConfigError

            try:
                return console.reload_settings()
            except ConfigError as exc:
                log.error("settings not reloaded: %s", exc)
                return exc

        self._act(reload, self._reloaded)

    def _reloaded(self, result: Any) -> None:
        if isinstance(result, Exception):
            self._restart_needed = [getattr(result, "key", "")]
            self._set_notice("config_error")
            return
        self._restart_needed = list(result.restart_needed)
        if self._restart_needed:
            log.info("settings reloaded; after a restart: %s", ", ".join(self._restart_needed))
        self.set_settings(result.settings)
        self.settingsReloaded.emit(result.settings)
        self._set_notice("reloaded_restart" if self._restart_needed else "reloaded")

    @Slot()
    def exitToDesktop(self) -> None:  # noqa: N802
        """Leave the terminal for the desktop, where the settings allow it."""
        access, actor = self._access, self._actor
        if not self._can_exit or access is None:
            return
        self._act(
            lambda: access.audit(actor, "app.exit_to_desktop", ""),
            lambda _r: self.restartRequested.emit(EXIT_TO_DESKTOP_CODE),
            visit=False,
        )

    def _after(self, notice: str) -> None:
        self._set_notice(notice)
        self.refresh()

    @Slot()
    def logout(self) -> None:
        """Leave staff mode and forget the session."""
        if self._actor and self._access is not None:
            access, actor = self._access, self._actor
            self._act(lambda: access.audit(actor, "staff.logout", ""), lambda _r: None, visit=False)
        self.clear()

    def clear(self) -> None:
        """End of staff mode (logging out, and the end of the visit: idle timeout)."""
        self._console, self._actor, self._snapshot, self._notice = None, "", {}, ""
        self._restart_needed = []
        self._set_login("idle")

    def _set_login(self, state: str) -> None:
        self._login_state = state
        self.changed.emit()

    def _set_notice(self, notice: str) -> None:
        self._notice = notice
        self.changed.emit()

    loginState = Property(str, lambda self: self._login_state, notify=changed)
    remaining = Property(int, lambda self: self._remaining, notify=changed)
    lockedUntil = Property(str, lambda self: self._locked_until, notify=changed)
    snapshot = Property(dict, lambda self: self._snapshot, notify=changed)
    notice = Property(str, lambda self: self._notice, notify=changed)
    volume = Property(int, lambda self: self._volume, notify=changed)
    canExit = Property(bool, lambda self: self._can_exit, notify=changed)
    restartNeeded = Property(list, lambda self: self._restart_needed, notify=changed)
