"""Which worker process of a multi-worker central holds a TCP connection (Linux ``/proc``).

uvicorn's workers accept from one shared socket; the kernel picks the worker. A test that
must reach a given worker opens connections until ``/proc`` shows one held by it
(:func:`pinned_connections`), then sends its requests over that connection.
"""

from __future__ import annotations

import http.client
import os
from pathlib import Path


def _socket_inodes(pid: int) -> set[int]:
    found = set()
    folder = Path(f"/proc/{pid}/fd")
    for fd in folder.iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            found.add(int(target[8:-1]))
    return found


def _tcp_rows() -> list[tuple[int, int, int]]:
    """(local port, remote port, inode) of every TCP socket of this network namespace."""
    rows = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            local = int(fields[1].rsplit(":", 1)[1], 16)
            remote = int(fields[2].rsplit(":", 1)[1], 16)
            rows.append((local, remote, int(fields[9])))
    return rows


def holder(worker_pids: list[int], server_port: int, client_port: int) -> int | None:
    """The worker holding the server side of the connection from ``client_port``."""
    inodes = {
        inode
        for local, remote, inode in _tcp_rows()
        if local == server_port and remote == client_port
    }
    for pid in worker_pids:
        if inodes & _socket_inodes(pid):
            return pid
    return None


def workers_connected_to(worker_pids: list[int], port: int) -> set[int]:
    """The workers holding at least one connection to ``port`` (e.g. PostgreSQL's)."""
    inodes = {inode for _local, remote, inode in _tcp_rows() if remote == port}
    return {pid for pid in worker_pids if inodes & _socket_inodes(pid)}


def pinned_connections(
    worker_pids: list[int], port: int, tries: int = 200
) -> dict[int, http.client.HTTPConnection]:
    """One open keep-alive connection to central on 127.0.0.1:``port`` per worker."""
    pinned: dict[int, http.client.HTTPConnection] = {}
    for _ in range(tries):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/api/v1/health")  # answered: accepted by some worker
        reply = conn.getresponse()
        reply.read()
        assert conn.sock is not None
        pid = holder(worker_pids, port, conn.sock.getsockname()[1])
        if pid is None or pid in pinned:
            conn.close()
        else:
            pinned[pid] = conn
        if len(pinned) == len(worker_pids):
            return pinned
    for conn in pinned.values():
        conn.close()
    raise AssertionError(f"could not reach every worker of {worker_pids} in {tries} connections")
