"""Device URIs: one string configures each device (see docs/ARCHITECTURE.md, "Devices").

Examples::

    sam:/dev/ttyUSB0?baud=115200    pcsc:    pcsc:Virtual PCD 00 00    sim:sam    sim:pcsc
    usb:0x0416:0x5011    serial:/dev/ttyS0?baud=9600    tcp://10.0.0.5:9100
    file:/dev/usb/lp0    cups:receipts    sim:
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qsl

CARD_READER_SCHEMES = frozenset({"sam", "pcsc", "sim"})
PRINTER_SCHEMES = frozenset({"usb", "serial", "tcp", "file", "cups", "sim"})
SCANNER_SCHEMES = frozenset({"scanner", "sim"})


class DeviceUriError(ValueError):
    """A device URI that cannot be understood; the message says why."""


@dataclass(frozen=True)
class DeviceUri:
    """A parsed device URI: scheme, target (path, host:port, name …) and query options."""

    scheme: str
    target: str = ""
    options: dict[str, str] = field(default_factory=dict)

    @property
    def host(self) -> str:
        """Host part of a ``tcp://host:port`` target."""
        return self.target.rsplit(":", 1)[0] if ":" in self.target else self.target

    @property
    def port(self) -> int | None:
        """Port of a ``tcp://host:port`` target, or None when absent."""
        if ":" not in self.target:
            return None
        return int(self.target.rsplit(":", 1)[1])

    def int_option(self, name: str, default: int) -> int:
        """An integer query option (``?baud=9600``), with a clear error when it is not one."""
        raw = self.options.get(name)
        if raw is None:
            return default
        try:
            return int(raw, 0)
        except ValueError as exc:
            raise DeviceUriError(f"option {name!r} must be a number, got {raw!r}") from exc

    def __str__(self) -> str:
        sep = "//" if self.scheme == "tcp" else ""
        query = "&".join(f"{k}={v}" for k, v in self.options.items())
        return f"{self.scheme}:{sep}{self.target}" + (f"?{query}" if query else "")


def parse_device_uri(text: str, allowed: frozenset[str] | None = None) -> DeviceUri:
    """Parse a device URI; ``allowed`` limits the schemes (card readers, printers …)."""
    text = text.strip()
    if ":" not in text:
        raise DeviceUriError(f"{text!r} is not a device URI (expected scheme:target, e.g. sim:)")
    scheme, rest = text.split(":", 1)
    scheme = scheme.lower()
    if not scheme.isidentifier():
        raise DeviceUriError(f"{text!r} has no valid scheme")
    if allowed is not None and scheme not in allowed:
        raise DeviceUriError(
            f"scheme {scheme!r} is not one of {', '.join(sorted(allowed))} in {text!r}"
        )
    options: dict[str, str] = {}
    if "?" in rest:
        rest, query = rest.split("?", 1)
        options = dict(parse_qsl(query, keep_blank_values=True))
    if rest.startswith("//"):
        rest = rest[2:]
    uri = DeviceUri(scheme=scheme, target=rest, options=options)
    _check(uri, text)
    return uri


def _check(uri: DeviceUri, text: str) -> None:
    if uri.scheme in {"sam", "serial", "file"} and not uri.target:
        raise DeviceUriError(f"{text!r} needs a device path, e.g. {uri.scheme}:/dev/ttyUSB0")
    if uri.scheme == "tcp":
        try:
            port = uri.port
        except ValueError as exc:
            raise DeviceUriError(f"{text!r}: the port must be a number") from exc
        if not uri.host or port is None or not 0 < port < 65536:
            raise DeviceUriError(f"{text!r} needs host and port, e.g. tcp://10.0.0.5:9100")
    if uri.scheme == "usb":
        parts = uri.target.split(":")
        try:
            if len(parts) != 2:
                raise ValueError
            int(parts[0], 16), int(parts[1], 16)
        except ValueError as exc:
            raise DeviceUriError(
                f"{text!r} needs vendor:product ids, e.g. usb:0x0416:0x5011"
            ) from exc
    if uri.scheme == "sim" and uri.target not in {"", "sam", "pcsc", "printer", "scanner"}:
        raise DeviceUriError(f"{text!r}: unknown simulator {uri.target!r}")
