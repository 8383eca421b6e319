"""The demo A4 printer: each job's PDF is written into a folder as ``job-N.pdf``.

It runs out of paper when told: :meth:`SimPagePrinter.set_paper_out`, or from another process
by creating the file ``PAPER-OUT`` in the folder (removing it loads paper again).
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

from drivers.pages.base import JobState, PagePrinterError, PageStatus

PAPER_OUT = "PAPER-OUT"
_JOB_FILE = re.compile(r"job-(\d+)\.pdf")


class SimPagePrinter:
    """A folder that takes PDF jobs; thread-safe."""

    def __init__(self, uri: str, folder: Path) -> None:
        self.uri = uri
        self.folder = folder
        self._lock = threading.Lock()

    def _jobs(self) -> list[int]:
        if not self.folder.is_dir():
            return []
        found = (_JOB_FILE.fullmatch(p.name) for p in self.folder.iterdir())
        return sorted(int(m.group(1)) for m in found if m)

    def job_file(self, job_id: int) -> Path:
        """Where job ``job_id``'s PDF is written."""
        return self.folder / f"job-{int(job_id)}.pdf"

    @property
    def paper_out(self) -> bool:
        """Whether the simulated printer has no paper."""
        return (self.folder / PAPER_OUT).exists()

    def set_paper_out(self, out: bool) -> None:
        """Take the paper out (True) or load it again (False)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        flag = self.folder / PAPER_OUT
        if out:
            flag.touch()
        else:
            flag.unlink(missing_ok=True)

    def status(self) -> PageStatus:
        """``stopped`` with ``media-empty-error`` when out of paper, else ``idle``."""
        if self.paper_out:
            return PageStatus("stopped", ("media-empty-error",), message="Out of paper (simulated)")
        return PageStatus("idle")

    def print_pdf(self, pdf: bytes, title: str, copies: int = 1) -> int:
        """Write the PDF as the next ``job-N.pdf`` (the title is not kept)."""
        if not pdf.startswith(b"%PDF-"):
            raise PagePrinterError("the document is not a PDF", "error")
        if not 1 <= copies <= 99:
            raise PagePrinterError(f"{copies} copies asked: 1 to 99 are allowed", "error")
        if self.paper_out:
            raise PagePrinterError(f"{self.uri} is out of paper (simulated)", "paper_out")
        with self._lock:
            self.folder.mkdir(parents=True, exist_ok=True)
            job_id = (self._jobs() or [0])[-1] + 1
            part = self.job_file(job_id).with_suffix(".part")
            part.write_bytes(pdf)
            part.replace(self.job_file(job_id))
        return job_id

    def job_state(self, job_id: int) -> JobState:
        """``completed`` for a job that was written; an error for one that never was."""
        if self.job_file(job_id).is_file():
            return JobState(int(job_id), "completed", ("job-completed-successfully",))
        raise PagePrinterError(f"{self.uri} has no job {job_id}", "error")

    def close(self) -> None:
        """Nothing to release."""
