"""Device URIs: one string configures each device (see docs/ARCHITECTURE.md, "Devices").

Examples::

    sam:/dev/ttyUSB0?baud=115200    pcsc:    pcsc:Virtual PCD 00 00    sim:sam    sim:pcsc
    usb:0x0416:0x5011    serial:/dev/ttyS0?baud=9600    tcp://10.0.0.5:9100
    file:/dev/usb/lp0    cups:receipts    sim:
    A4 printers: cups:a4    cups://10.0.0.7:631/a4    ipp://10.0.0.7:631/printers/a4    sim:/DIR
"""

from __future__ import annotations

import ipaddress
import re
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
        """Host part of a ``tcp://host:port`` target (an IPv6 address without brackets)."""
        return split_host_port(self.target)[0]

    @property
    def port(self) -> int | None:
        """Port of a ``tcp://host:port`` target, or None when absent."""
        return split_host_port(self.target)[1]

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
        slashed = self.scheme in {"tcp", "ipp"} or (self.scheme == "cups" and "/" in self.target)
        sep = "//" if slashed else ""
        query = "&".join(f"{k}={v}" for k, v in self.options.items())
        return f"{self.scheme}:{sep}{self.target}" + (f"?{query}" if query else "")


_HOSTNAME = re.compile(
    r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*"
)


def split_host_port(target: str) -> tuple[str, int | None]:
    """``host:port``, ``[v6]:port``, ``host`` → (host, port); ValueError when malformed."""
    if target.startswith("["):
        inside, sep, rest = target[1:].partition("]")
        if not sep:
            raise ValueError("an IPv6 address needs its closing ']'")
        ipaddress.IPv6Address(inside)
        if not rest:
            return inside, None
        if not rest.startswith(":") or not rest[1:].isascii() or not rest[1:].isdigit():
            raise ValueError("the port must be a number")
        return inside, int(rest[1:])
    host, sep, port = target.rpartition(":")
    if not sep:
        host, port = target, ""
    if ":" in host:
        raise ValueError("an IPv6 address must be written in brackets: [::1]:9100")
    if not _HOSTNAME.fullmatch(host):
        raise ValueError(f"{host!r} is not a host name or address")
    if not sep:
        return host, None
    if not port.isascii() or not port.isdigit():
        raise ValueError("the port must be a number")
    return host, int(port)


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
            host, port = split_host_port(uri.target)
        except ValueError as exc:
            raise DeviceUriError(f"{text!r}: {exc}") from None
        if not host or port is None or not 0 < port < 65536:
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
    simulators = {"", "sam", "pcsc", "printer", "scanner", "face"}
    if uri.scheme == "sim" and uri.target not in simulators and not uri.target.startswith("/"):
        raise DeviceUriError(f"{text!r}: unknown simulator {uri.target!r}")
