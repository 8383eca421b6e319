"""A fault-injecting HTTP proxy for sync tests: real sockets, scripted failures.

Each request takes the next action from a script (then ``ok`` forever):

* ``ok`` — forward and relay the answer;
* ``slow_after`` — forward (central commits), then wait past the client's timeout;
* ``reset_before`` / ``reset_after`` — drop the connection with a TCP reset, before
  forwarding or after central committed;
* ``500_before`` — answer 500 without forwarding;
* ``503_after`` — forward (central commits), answer 503;
* ``429`` — answer 429 with ``Retry-After: 1`` without forwarding.

``refuse_key`` makes every request whose body holds that key answer 422 (not forwarded).
"""

from __future__ import annotations

import http.client
import socket
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

Headers = list[tuple[str, str]]
HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "host"}


class FaultProxy:
    """Listens on 127.0.0.1 and forwards to ``upstream`` with scripted faults."""

    def __init__(self, upstream: str, script: list[str], slow_s: float = 2.0) -> None:
        self.upstream = urlsplit(upstream)
        self.script = list(script)
        self.slow_s = slow_s
        self.refuse_key: str | None = None
        self.log: list[tuple[str, bytes, int]] = []  # action, request body, status relayed
        self._lock = threading.Lock()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_args: object) -> None:
                pass

            def do_GET(self) -> None:
                proxy._handle(self)

            do_POST = do_PUT = do_GET

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> FaultProxy:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _next_action(self) -> str:
        with self._lock:
            return self.script.pop(0) if self.script else "ok"

    def _forward(
        self, h: BaseHTTPRequestHandler, body: bytes
    ) -> tuple[int, list[tuple[str, str]], bytes]:
        conn = http.client.HTTPConnection(self.upstream.hostname, self.upstream.port, timeout=30)
        headers = {k: v for k, v in h.headers.items() if k.lower() not in HOP_HEADERS}
        conn.request(h.command, h.path, body=body, headers=headers)
        reply = conn.getresponse()
        data = reply.read()
        conn.close()
        return reply.status, reply.getheaders(), data

    def _reply(
        self, h: BaseHTTPRequestHandler, status: int, headers: list[tuple[str, str]], data: bytes
    ) -> None:
        h.send_response(status)
        for k, v in headers:
            if k.lower() not in HOP_HEADERS | {"content-length", "date", "server"}:
                h.send_header(k, v)
        h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        h.wfile.write(data)

    @staticmethod
    def _reset(h: BaseHTTPRequestHandler) -> None:
        h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        h.connection.close()
        h.close_connection = True

    def _handle(self, h: BaseHTTPRequestHandler) -> None:
        body = h.rfile.read(int(h.headers.get("Content-Length") or 0))
        if self.refuse_key and self.refuse_key.encode() in body:
            self.log.append(("refuse", body, 422))
            self._reply(h, 422, [("Content-Type", "application/json")], b'{"detail":"refused"}')
            return
        action = self._next_action()
        if action == "reset_before":
            self.log.append((action, body, 0))
            self._reset(h)
            return
        if action == "500_before":
            self.log.append((action, body, 500))
            self._reply(h, 500, [], b'{"detail":"injected"}')
            return
        if action == "429":
            self.log.append((action, body, 429))
            self._reply(h, 429, [("Retry-After", "1")], b'{"detail":"slow down"}')
            return
        status, headers, data = self._forward(h, body)
        self.log.append((action, body + b"\n<<<" + data, status))
        if action == "reset_after":
            self._reset(h)
        elif action == "503_after":
            self._reply(h, 503, [], b'{"detail":"injected"}')
        elif action == "slow_after":
            time.sleep(self.slow_s)
            self._reset(h)
        else:
            self._reply(h, status, headers, data)
