"""Voice guidance: each page says what to do, once, when it opens. Never required to proceed.

The Qt text-to-speech engine is created on first use after the first frame (:meth:`start`;
the home page's prompt, asked for while the window loads, is spoken then), so start-up does
not wait for the plug-in or speech-dispatcher. ``voice_engine`` picks the engine ("" = the
platform default, "mock" in tests); a missing engine means silence, never an error on screen.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Property, QLocale, QObject, Signal, Slot

log = logging.getLogger(__name__)


class VoiceGuide(QObject):
    """Speaks page prompts; QML binds to ``muted`` and calls ``say``/``replay``."""

    changed = Signal()

    def __init__(
        self, engine: str, volume: int, locale: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._engine_name = engine
        self._volume = max(0, min(100, volume)) / 100
        self._locale = locale
        self._tts: Any = None
        self._failed = False
        self._muted = False
        self._last = ""
        self._started = False
        self._pending = False  # a prompt asked for before start()

    def start(self) -> None:
        """The first frame is on screen: from now on prompts are spoken (a pending one now)."""
        if self._started:
            return
        self._started = True
        if self._pending:
            self._pending = False
            self.say(self._last)

    def _speech(self) -> Any:
        if self._tts is None and not self._failed:
            try:
                from PySide6.QtTextToSpeech import QTextToSpeech

                tts = (
                    QTextToSpeech(self._engine_name, self)
                    if self._engine_name
                    else (QTextToSpeech(self))
                )
                tts.setVolume(self._volume)
                tts.setLocale(QLocale(self._locale))
                self._tts = tts
            except Exception as exc:  # no engine installed: stay silent
                log.warning("voice guidance unavailable: %s", exc)
                self._failed = True
        return self._tts

    def set_volume(self, volume: int) -> None:
        """Speak at ``volume`` (0-100) from now on (staff mode, settings reload)."""
        self._volume = max(0, min(100, volume)) / 100
        if self._tts is not None:
            self._tts.setVolume(self._volume)
        self.changed.emit()

    def volume(self) -> int:
        """The volume in force, 0-100."""
        return round(self._volume * 100)

    def set_locale(self, locale: str) -> None:
        """Speak in the UI's language from now on."""
        self._locale = locale
        if self._tts is not None:
            self._tts.setLocale(QLocale(locale))

    @Slot(str)
    def say(self, text: str) -> None:
        """Speak ``text`` now (stopping what was being said), unless muted."""
        if not text:
            return
        self._last = text
        self.changed.emit()
        if self._muted:
            return
        if not self._started:
            self._pending = True
            return
        tts = self._speech()
        if tts is not None:
            tts.stop()
            tts.say(text)

    @Slot()
    def replay(self) -> None:
        """Say the current page's prompt again (unmutes)."""
        if self._muted:
            self.toggleMute()
        self.say(self._last)

    @Slot()
    def toggleMute(self) -> None:  # noqa: N802 - Qt naming
        """Mute or unmute; muting stops speech at once."""
        self._muted = not self._muted
        if self._muted and self._tts is not None:
            self._tts.stop()
        self.changed.emit()

    def reset(self) -> None:
        """A new visit starts unmuted."""
        if self._muted:
            self.toggleMute()

    def engine(self) -> Any:
        """The underlying QTextToSpeech (tests inspect the mock engine's state)."""
        return self._speech()

    muted = Property(bool, lambda self: self._muted, notify=changed)
    lastPrompt = Property(str, lambda self: self._last, notify=changed)
