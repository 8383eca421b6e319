"""A4 printing through a CUPS server with its command-line tools.

``lp`` submits the PDF (read from its standard input); ``ipptool`` asks the server for the
printer's and a job's IPP attributes with the two small test files beside this module
(``printer.test``, ``job.test``), so states and reasons come back as IPP keywords
(``stopped``, ``media-empty-error``) rather than as ``lpstat``'s translated sentences.
Every command is an argument list with a timeout; the queue name never reaches a shell.
"""

from __future__ import annotations

import csv
import logging
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import cast

from drivers.pages.base import (
    JobState,
    JobStateName,
    PagePrinterError,
    PageStatus,
    PrinterStateName,
)
from drivers.uri import DeviceUri, DeviceUriError, split_host_port

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
DEFAULT_TIMEOUT_S = 10.0
# A CUPS queue name: printable, no space, '/', '#', quote or backslash; never an option.
_QUEUE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.@+-]{0,126}")
_REQUEST_ID = re.compile(r"request id is (\S+)-(\d+)")
_UNREACHABLE = (
    "unable to connect",
    "connection refused",
    "host is down",
    "no route to host",
    "name or service not known",
    "temporary failure in name resolution",
    "timed out",
    "unable to open connection",
)
_PRINTER_STATES = {"idle": "idle", "processing": "printing", "stopped": "stopped"}
_JOB_STATES = {
    "pending": "pending",
    "pending-held": "held",
    "processing": "processing",
    "processing-stopped": "stopped",
    "completed": "completed",
    "aborted": "aborted",
    "canceled": "canceled",
}


def cups_target(uri: DeviceUri) -> tuple[str | None, str]:
    """(server ``host:port`` or None for the local default, queue) of a ``cups:QUEUE``,
    ``cups://HOST:PORT/QUEUE`` or ``ipp://HOST:PORT/printers/QUEUE`` URI."""
    text = str(uri)
    server: str | None = None
    if uri.scheme == "cups":
        server_part, slash, queue = uri.target.rpartition("/")
        if slash:
            server = server_part
    elif uri.scheme == "ipp":
        server, _, path = uri.target.partition("/")
        prefix, _, queue = path.partition("/")
        if prefix not in {"printers", "classes"} or not server:
            raise DeviceUriError(f"{text!r} needs ipp://HOST:PORT/printers/QUEUE")
    else:
        raise DeviceUriError(f"{text!r} is not a CUPS printer URI")
    if not _QUEUE.fullmatch(queue):
        raise DeviceUriError(f"{text!r}: {queue!r} is not a CUPS queue name")
    if server is not None:
        try:
            host, port = split_host_port(server)
        except ValueError as exc:
            raise DeviceUriError(f"{text!r}: {exc}") from None
        if port is not None and not 0 < port < 65536:
            raise DeviceUriError(f"{text!r}: the port must be 1-65535")
        server = f"{host}:{port or 631}" if ":" not in host else f"[{host}]:{port or 631}"
    return server, queue


class CupsPagePrinter:
    """A CUPS queue, on the local server (``server`` None: ``CUPS_SERVER`` or localhost) or
    on ``host:port``. Nothing is kept open: every call asks the server afresh."""

    def __init__(
        self, uri: str, queue: str, server: str | None = None, timeout_s: float = DEFAULT_TIMEOUT_S
    ) -> None:
        self.uri = uri
        self.queue = queue
        self.server = server
        self.timeout_s = timeout_s

    @property
    def where(self) -> str:
        """``queue@server`` for messages."""
        return f"{self.queue}@{self.server or 'local CUPS'}"

    def _ipp_uri(self) -> str:
        server = self.server or os.environ.get("CUPS_SERVER", "") or "localhost:631"
        if server.startswith("/"):  # a domain socket: ipptool needs a host
            server = "localhost:631"
        return f"ipp://{server}/printers/{self.queue}"

    def _run(self, cmd: list[str], stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
        tool = shutil.which(cmd[0])
        if tool is None:
            raise PagePrinterError(
                f"{cmd[0]} is not installed (Debian: cups-client, cups-ipp-utils)", "unreachable"
            )
        env = {**os.environ, "LANG": "C", "LC_ALL": "C"}
        try:
            done = subprocess.run(
                [tool, *cmd[1:]],
                input=stdin,
                capture_output=True,
                timeout=self.timeout_s + 5,
                env=env,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise PagePrinterError(
                f"{cmd[0]} got no answer from {self.where} within {self.timeout_s + 5:.0f} s",
                "unreachable",
            ) from exc
        return subprocess.CompletedProcess(
            done.args,
            done.returncode,
            done.stdout.decode("utf-8", "replace"),
            done.stderr.decode("utf-8", "replace"),
        )

    def _attributes(self, test: str, *defines: str) -> dict[str, str]:
        cmd = ["ipptool", "-c", "-T", f"{self.timeout_s:g}"]
        for define in defines:
            cmd += ["-d", define]
        done = self._run([*cmd, self._ipp_uri(), str(HERE / test)])
        said = f"{done.stdout}\n{done.stderr}".strip()
        if done.returncode != 0:
            lowered = said.lower()
            if any(text in lowered for text in _UNREACHABLE):
                raise PagePrinterError(
                    f"the CUPS server of {self.where} cannot be reached: {_last_line(said)}",
                    "unreachable",
                )
            if "does not exist" in lowered or "not-found" in lowered:
                raise PagePrinterError(f"{self.where}: {_last_line(said)}", "no_such_queue")
            raise PagePrinterError(f"{self.where}: ipptool failed: {_last_line(said)}", "error")
        rows = list(csv.reader(done.stdout.splitlines()))
        if len(rows) < 2:
            raise PagePrinterError(f"{self.where}: unexpected ipptool output {said!r}", "error")
        return dict(zip(rows[0], rows[1], strict=False))

    def status(self) -> PageStatus:
        """The queue's state; ``unknown`` (with the cause as message) when it cannot be read."""
        try:
            values = self._attributes("printer.test")
        except PagePrinterError as exc:
            reasons = ("no-such-queue",) if exc.reason == "no_such_queue" else ()
            return PageStatus("unknown", reasons, accepting=False, message=exc.message)
        state = _PRINTER_STATES.get(values.get("printer-state", ""), "unknown")
        return PageStatus(
            cast("PrinterStateName", state),
            _keywords(values.get("printer-state-reasons", "")),
            accepting=values.get("printer-is-accepting-jobs", "") == "true",
            message=values.get("printer-state-message", ""),
        )

    def check(self) -> PageStatus:
        """The status when a job can be sent now; else :class:`PagePrinterError` saying why."""
        status = self.status()
        code = status.problem()
        if code:
            raise PagePrinterError(f"{self.where} cannot print: {status.describe()}", code)
        return status

    def print_pdf(self, pdf: bytes, title: str, copies: int = 1) -> int:
        """Send ``pdf`` to the queue with ``lp``; the job id."""
        if not pdf.startswith(b"%PDF-"):
            raise PagePrinterError("the document is not a PDF", "error")
        if not 1 <= copies <= 99:
            raise PagePrinterError(f"{copies} copies asked: 1 to 99 are allowed", "error")
        self.check()
        cmd = ["lp"]
        if self.server:
            cmd += ["-h", self.server]
        cmd += ["-d", self.queue, "-n", str(copies), "-t", title or "document", "-"]
        done = self._run(cmd, stdin=pdf)
        found = _REQUEST_ID.search(done.stdout)
        if done.returncode != 0 or found is None:
            said = _last_line(f"{done.stdout}\n{done.stderr}".strip())
            code = "rejecting" if "not accepting" in said.lower() else "error"
            if code == "error":
                code = self.status().problem() or "error"
            raise PagePrinterError(f"{self.where} refused the job: {said}", code)
        job_id = int(found.group(2))
        log.info("A4 job %s sent to %s (%d bytes, %d copies)", job_id, self.where, len(pdf), copies)
        return job_id

    def job_state(self, job_id: int) -> JobState:
        """The job's IPP state and reasons."""
        try:
            values = self._attributes("job.test", f"job_id={int(job_id)}")
        except PagePrinterError as exc:
            if exc.reason != "no_such_queue":
                raise
            raise PagePrinterError(f"{self.where} has no job {job_id}", "error") from exc
        state = _JOB_STATES.get(values.get("job-state", ""))
        if state is None:
            raise PagePrinterError(
                f"{self.where}: job {job_id} has an unknown state {values.get('job-state')!r}"
            )
        return JobState(
            job_id, cast("JobStateName", state), _keywords(values.get("job-state-reasons", ""))
        )

    def close(self) -> None:
        """Nothing is held between calls."""


def _keywords(text: str) -> tuple[str, ...]:
    return tuple(k.strip() for k in text.split(",") if k.strip() and k.strip() != "none")


def _last_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1].strip() if lines else "(no output)"
