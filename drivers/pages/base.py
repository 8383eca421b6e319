"""What every A4 page-printer driver provides: print a PDF, follow its job, read the printer.

Drivers are blocking (they ask the print server and wait for its answer, never longer than
their timeout); the terminal calls them from a worker thread, never from the GUI thread.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Literal, Protocol

from drivers.errors import DeviceError
from drivers.status import DeviceState, DeviceStatus

JobStateName = Literal[
    "pending", "held", "processing", "stopped", "completed", "aborted", "canceled"
]
PrinterStateName = Literal["idle", "printing", "stopped", "unknown"]

FINISHED = frozenset({"completed", "aborted", "canceled"})

# Reason code -> the sentence the citizen reads. The staff sentence is the error's message.
SENTENCES: dict[str, str] = {
    "paper_out": "打印机缺纸，请联系工作人员添加纸张。",
    "paper_jam": "打印机卡纸，请联系工作人员处理。",
    "cover_open": "打印机盖板未关好，请联系工作人员处理。",
    "offline": "打印机未连接，请联系工作人员。",
    "stopped": "打印机已暂停使用，请联系工作人员或到人工窗口办理。",
    "rejecting": "打印机暂不接受打印任务，请联系工作人员或到人工窗口办理。",
    "job_aborted": "打印未能完成，请联系工作人员。",
    "job_canceled": "打印任务已被取消，如需打印请重新操作。",
    "unreachable": "打印服务暂时无法连接，请稍后再试或到人工窗口办理。",
    "no_such_queue": "打印机尚未设置，请联系工作人员。",
    "timeout": "打印时间过长，请联系工作人员。",
    "error": "打印出现问题，请联系工作人员。",
}


class PagePrinterError(DeviceError, RuntimeError):
    """A PDF could not be printed. ``reason`` is one of :data:`SENTENCES`' keys, ``message``
    a sentence for staff and the log (queue, server, CUPS' own reasons; never the document's
    title or content), :attr:`sentence` the one for the citizen."""

    reason = "error"

    @property
    def sentence(self) -> str:
        """What the citizen reads, in Chinese."""
        return SENTENCES.get(self.reason, SENTENCES["error"])

    def log_line(self) -> str:
        """One line for the staff log: the reason code, then what happened."""
        return f"page printer {self.reason}: {self.message}"


def _base(keyword: str) -> tuple[str, str]:
    """``media-empty-error`` -> (``media-empty``, ``error``); IPP's severity suffixes."""
    for suffix in ("-error", "-warning", "-report"):
        if keyword.endswith(suffix):
            return keyword[: -len(suffix)], suffix[1:]
    return keyword, ""


# IPP printer-state-reasons (RFC 8011 §5.4.12) that stop the printer, by our reason code.
_BLOCKING = {
    "media-empty": "paper_out",
    "media-needed": "paper_out",
    "media-jam": "paper_jam",
    "cover-open": "cover_open",
    "door-open": "cover_open",
    "offline": "offline",
    "shutdown": "offline",
    "connecting-to-device": "offline",
}


@dataclass(frozen=True)
class PageStatus:
    """The printer as the print server sees it: ``state``, its ``reasons`` (IPP keywords
    such as ``media-empty-error``), whether it ``accepting`` jobs, and its ``message``."""

    state: PrinterStateName
    reasons: tuple[str, ...] = ()
    accepting: bool = True
    message: str = ""

    def problem(self) -> str:
        """The reason code that keeps a job from printing now, or "" when it can print."""
        for keyword in self.reasons:
            base, severity = _base(keyword)
            code = _BLOCKING.get(base)
            if code and severity != "warning" and (severity != "report" or code == "offline"):
                if base == "connecting-to-device" and self.state != "stopped":
                    continue  # a network printer that is being reached: not yet a problem
                return code
        if self.state == "unknown":
            return "no_such_queue" if "no-such-queue" in self.reasons else "unreachable"
        if self.state == "stopped":
            return "stopped"
        if not self.accepting:
            return "rejecting"
        return ""

    def to_device_status(self) -> DeviceStatus:
        """The coarse state the status bar and ``kioskctl doctor`` show."""
        code = self.problem()
        if code == "unreachable":
            return DeviceStatus(DeviceState.UNKNOWN, f"A4 printer: {self.message}", code)
        if code:
            return DeviceStatus(DeviceState.ERROR, f"A4 printer: {self.describe()}", code)
        if any(_base(r)[0] == "media-low" for r in self.reasons):
            return DeviceStatus(DeviceState.WARNING, "A4 printer paper low", "near_end")
        return DeviceStatus(DeviceState.OK, f"A4 printer {self.state}")

    def describe(self) -> str:
        """State, acceptance and reasons in one English phrase for staff."""
        parts = [self.state if self.accepting else f"{self.state}, rejecting jobs"]
        reasons = [r for r in self.reasons if r != "none"]
        if reasons:
            parts.append("reasons: " + ", ".join(reasons))
        if self.message:
            parts.append(f"message: {self.message}")
        return "; ".join(parts)


@dataclass(frozen=True)
class JobState:
    """One job as the print server sees it: ``state`` and its ``reasons`` (IPP keywords)."""

    job_id: int
    state: JobStateName
    reasons: tuple[str, ...] = ()

    @property
    def finished(self) -> bool:
        """Completed, aborted or canceled: nothing will happen to it any more."""
        return self.state in FINISHED


class PagePrinter(Protocol):
    """An A4 printer taking PDF documents. Blocking; call from a worker thread."""

    uri: str

    def print_pdf(self, pdf: bytes, title: str, copies: int = 1) -> int:
        """Submit one PDF; the job id. Raises :class:`PagePrinterError` when the printer
        cannot take it now (stopped, rejecting, out of paper, unreachable)."""

    def job_state(self, job_id: int) -> JobState:
        """Where a submitted job is; raises :class:`PagePrinterError` (``unreachable``)."""

    def status(self) -> PageStatus:
        """The printer's state; ``unknown`` when the server does not answer (never raises)."""

    def close(self) -> None:
        """Release what the driver holds; safe to call twice."""


def wait_for_job(
    printer: PagePrinter, job_id: int, timeout_s: float = 120.0, poll_s: float = 0.5
) -> JobState:
    """Follow a job until it is completed; raises :class:`PagePrinterError` when it is
    aborted or canceled, when it waits on a printer that cannot print (out of paper, jammed,
    stopped: the job would wait for staff), or after ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    while True:
        job = printer.job_state(job_id)
        if job.state == "completed":
            return job
        if job.state in ("aborted", "canceled"):
            why = ", ".join(job.reasons) or "no reason given"
            raise PagePrinterError(
                f"job {job_id} on {printer.uri} was {job.state} ({why})", f"job_{job.state}"
            )
        if job.state in ("pending", "stopped", "held"):
            status = printer.status()
            code = status.problem()
            if code and code != "rejecting":  # a rejecting queue still prints what it took
                raise PagePrinterError(
                    f"job {job_id} on {printer.uri} waits: {status.describe()}", code
                )
        if time.monotonic() >= deadline:
            raise PagePrinterError(
                f"job {job_id} on {printer.uri} is still {job.state} after {timeout_s:g} s",
                "timeout",
            )
        time.sleep(poll_s)
