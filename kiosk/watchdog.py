"""Tell systemd we are alive: ``sd_notify`` over ``$NOTIFY_SOCKET``.

The unit is ``Type=notify`` with ``WatchdogSec=``: the terminal sends ``READY=1`` once the
first screen is up, then ``WATCHDOG=1`` from the GUI main loop (a QTimer calls
:meth:`Watchdog.tick`). If the GUI thread hangs the pings stop and systemd restarts the
terminal. Outside systemd (no ``$NOTIFY_SOCKET``) everything here does nothing.

The protocol is one datagram of ``KEY=value`` lines to a unix socket; a name starting with
``@`` is in the abstract namespace.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Callable, Mapping

log = logging.getLogger(__name__)

DEFAULT_INTERVAL_MS = 10_000


class Notifier:
    """Sends notifications to systemd; a no-op when not started by systemd."""

    def __init__(self, env: Mapping[str, str] | None = None) -> None:
        env = os.environ if env is None else env
        raw = env.get("NOTIFY_SOCKET", "")
        self.address: str | None = None
        if raw.startswith("@"):
            self.address = "\0" + raw[1:]
        elif raw.startswith("/"):
            self.address = raw
        self._socket: socket.socket | None = None
        self._warned = False

    @property
    def enabled(self) -> bool:
        """Whether systemd asked for notifications."""
        return self.address is not None

    def send(self, **fields: str) -> bool:
        """Send ``KEY=value`` lines (``send(READY="1")``); False when not sent."""
        if self.address is None:
            return False
        message = "\n".join(f"{k}={v}" for k, v in fields.items()).encode("utf-8")
        try:
            if self._socket is None:
                self._socket = socket.socket(
                    socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC
                )
                self._socket.settimeout(1.0)  # a full socket buffer must not block the GUI
            self._socket.sendto(message, self.address)
        except OSError as exc:
            if not self._warned:  # once: a broken socket would otherwise flood the journal
                log.warning("cannot notify systemd at %s: %s", self.address.lstrip("\0"), exc)
                self._warned = True
            return False
        return True

    def ready(self, status: str = "") -> bool:
        """``READY=1`` (and a status line): startup finished."""
        return self.send(READY="1", STATUS=status) if status else self.send(READY="1")

    def status(self, text: str) -> bool:
        """A one-line status shown by ``systemctl status``."""
        return self.send(STATUS=text.replace("\n", " "))

    def ping(self) -> bool:
        """``WATCHDOG=1``: the main loop is alive."""
        return self.send(WATCHDOG="1")

    def stopping(self) -> bool:
        """``STOPPING=1``: a clean shutdown has begun."""
        return self.send(STOPPING="1")

    def close(self) -> None:
        """Release the socket."""
        if self._socket is not None:
            self._socket.close()
            self._socket = None


def watchdog_interval_ms(env: Mapping[str, str] | None = None) -> int | None:
    """How often to ping: half of ``WatchdogSec=`` (``$WATCHDOG_USEC``), or None when the
    watchdog is off or meant for another process (``$WATCHDOG_PID``).

    The unit's main process is cage (the kiosk compositor) and the terminal is its child, so
    a watchdog addressed to our parent is ours too (the unit has ``NotifyAccess=all``)."""
    env = os.environ if env is None else env
    pid = env.get("WATCHDOG_PID")
    if pid and pid not in (str(os.getpid()), str(os.getppid())):
        return None
    try:
        usec = int(env.get("WATCHDOG_USEC", "0"))
    except ValueError:
        return None
    return max(500, usec // 2000) if usec > 0 else None


class Watchdog:
    """What the UI's QTimer calls: ``tick()`` every :attr:`interval_ms`.

    ``status`` (optional) returns a short line for ``systemctl status`` (e.g. "ready, 3
    unsynced"); it is sent only when it changes.
    """

    def __init__(
        self,
        notifier: Notifier | None = None,
        status: Callable[[], str] | None = None,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.notifier = notifier or Notifier(env)
        self.status = status
        self.interval_ms = watchdog_interval_ms(env) or DEFAULT_INTERVAL_MS
        self._last_status: str | None = None

    @property
    def enabled(self) -> bool:
        """Whether a timer is worth starting at all."""
        return self.notifier.enabled

    def started(self, status: str = "ready") -> None:
        """Call once the first screen is shown."""
        self.notifier.ready(status)
        self._last_status = status

    def tick(self) -> None:
        """Ping the watchdog and update the status line; never raises."""
        if not self.notifier.enabled:
            return
        self.notifier.ping()
        if self.status is None:
            return
        try:
            text = self.status()
        except Exception:  # a failing status callback must not stop the pings
            log.exception("watchdog status callback failed")
            return
        if text != self._last_status:
            self.notifier.status(text)
            self._last_status = text

    def stopping(self) -> None:
        """Call when shutting down on purpose."""
        self.notifier.stopping()
        self.notifier.close()
