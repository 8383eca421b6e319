"""A private CUPS server for tests: ``cupsd -f`` on a free loopback port with its own
configuration, spool, cache, state and logs in a temp folder, and Debian's cups-pdf as the
printer.

* Its ``ServerBin`` is a folder of its own: ``filter/``, ``cgi-bin/`` … are links into
  ``/usr/lib/cups``, ``backend/`` holds a link per real backend plus ``kiosk-paperout``, a
  backend that tells cupsd ``STATE: +media-empty-error`` and exits with CUPS_BACKEND_STOP, so
  cupsd itself stops the queue and reports the printer out of paper.
* Backends owned by root with mode 0700 run as root (cups-pdf's is installed so: it must
  write its output as the job's owner); filters run as ``lp``, so the folder is 0755.
* cups-pdf reads its configuration only from ``/etc/cups``; a queue whose device URI is
  ``cups-pdf:/NAME`` reads ``/etc/cups/cups-pdf-NAME.conf``. Each queue here gets a unique
  name and such a file pointing its output into the temp folder; the files are removed when
  the queue is deleted or the server stops.
* Anything may be done from 127.0.0.1 (a policy without authentication): only the tests
  talk to it, and it is stopped by its PID at the end.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

from central.testing import free_port

CUPSD = Path(os.environ.get("KIOSK_TEST_CUPSD", "/usr/sbin/cupsd"))
CUPS_LIB = Path("/usr/lib/cups")
PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd")
CUPS_PDF_CONF = Path("/etc/cups")
MISSING = (
    f"CUPS is not installed ({CUPSD} is missing): run `make setup` (it installs Debian's cups, "
    "cups-client, cups-ipp-utils and printer-driver-cups-pdf) to run the A4 printer tests"
)
PAPER_OUT_BACKEND = """#!/bin/sh
# Kiosk test backend: the printer is out of paper.
if [ $# -eq 0 ]; then
  echo 'direct kiosk-paperout "Unknown" "Kiosk test printer without paper"'
  exit 0
fi
cat > /dev/null
echo "STATE: +media-empty-error" >&2
echo "ERROR: Out of paper" >&2
exit 4
"""
# A printer that breaks during every job (CUPS_BACKEND_FAILED); with the queue's error
# policy ``abort-job`` cupsd aborts the job.
FAILING_BACKEND = """#!/bin/sh
if [ $# -eq 0 ]; then
  echo 'direct kiosk-fail "Unknown" "Kiosk test printer that fails"'
  exit 0
fi
cat > /dev/null
echo "ERROR: Printer fault" >&2
exit 1
"""


class CupsUnavailable(RuntimeError):
    """cupsd, cups-pdf or the client tools are missing, or the server did not start."""


def cups_missing() -> str:
    """Why the CUPS tests cannot run here, or "" when they can."""
    needed = [CUPSD, PPD, CUPS_LIB / "backend" / "cups-pdf"]
    tools = ["lp", "lpadmin", "ipptool", "cupsdisable", "cupsreject"]
    if any(not p.exists() for p in needed) or any(shutil.which(t) is None for t in tools):
        return MISSING
    if os.geteuid() != 0:
        return "the private cupsd runs cups-pdf as root: run the CUPS tests as root"
    return ""


class CupsServer:
    """One throwaway cupsd; :meth:`start`, :meth:`add_pdf_queue` per test, :meth:`stop`."""

    def __init__(self) -> None:
        missing = cups_missing()
        if missing:
            raise CupsUnavailable(missing)
        self.folder = Path(tempfile.mkdtemp(prefix="kiosk-test-cups-"))
        self.folder.chmod(0o755)  # filters run as lp and are reached through this folder
        self.port = 0
        self.log = self.folder / "cupsd.log"
        self._process: subprocess.Popen[bytes] | None = None
        self._pdf_confs: dict[str, Path] = {}

    @property
    def server(self) -> str:
        """``127.0.0.1:PORT`` for ``lp -h`` and device URIs."""
        return f"127.0.0.1:{self.port}"

    def _dir(self, name: str, mode: int = 0o755) -> Path:
        path = self.folder / name
        path.mkdir(parents=True, exist_ok=True)
        path.chmod(mode)
        return path

    def _write_config(self) -> None:
        root, binary = self._dir("etc"), self._dir("bin")
        backends = self._dir("bin/backend")
        for name in ("cgi-bin", "daemon", "driver", "filter", "monitor", "notifier"):
            if (CUPS_LIB / name).exists() and not (binary / name).exists():
                (binary / name).symlink_to(CUPS_LIB / name)
        for real in (CUPS_LIB / "backend").iterdir():
            if not (backends / real.name).exists():
                (backends / real.name).symlink_to(real)
        for name, script in (
            ("kiosk-paperout", PAPER_OUT_BACKEND),
            ("kiosk-fail", FAILING_BACKEND),
        ):
            (backends / name).write_text(script)
            (backends / name).chmod(0o700)
        spool = self._dir("spool", 0o710)
        self._dir("spool/tmp", 0o1770)
        (root / "cupsd.conf").write_text(
            f"Listen 127.0.0.1:{self.port}\n"
            "LogLevel info\nWebInterface No\nBrowsing No\nMaxJobs 100\n"
            "PreserveJobHistory Yes\nJobRetryLimit 0\n"
            "<Location />\n  Order allow,deny\n  Allow 127.0.0.1\n</Location>\n"
            "DefaultPolicy open\n"
            "<Policy open>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n"
        )
        (root / "cups-files.conf").write_text(
            f"ServerRoot {root}\nServerBin {binary}\nRequestRoot {spool}\n"
            f"TempDir {spool}/tmp\nCacheDir {self._dir('cache')}\nStateDir {self._dir('state')}\n"
            f"AccessLog {self.folder}/access_log\nErrorLog stderr\nPageLog {self.folder}/page_log\n"
            f"Printcap {self.folder}/printcap\nUser lp\nGroup lp\nSystemGroup root\n"
        )

    def start(self) -> None:
        """Write the configuration and start cupsd on a free port (another if it was taken)."""
        for _ in range(3):
            self.port = free_port()
            self._write_config()
            with self.log.open("ab") as log:
                self._process = subprocess.Popen(
                    [
                        str(CUPSD),
                        "-f",
                        "-c",
                        str(self.folder / "etc" / "cupsd.conf"),
                        "-s",
                        str(self.folder / "etc" / "cups-files.conf"),
                    ],
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            if self._wait_listening(15):
                return
            self._terminate()
        raise CupsUnavailable(
            f"cupsd did not start:\n{self.log.read_text(errors='replace')[-3000:]}"
        )

    def _wait_listening(self, timeout_s: float) -> bool:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self._process is None or self._process.poll() is not None:
                return False
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return True
            except OSError:
                time.sleep(0.1)
        return False

    def admin(self, *cmd: str) -> str:
        """Run a CUPS tool against this server (``-h`` is added); its output."""
        done = subprocess.run(
            [cmd[0], "-h", self.server, *cmd[1:]],
            capture_output=True,
            text=True,
            timeout=30,
            env={**os.environ, "LANG": "C", "LC_ALL": "C"},
        )
        if done.returncode != 0:
            raise CupsUnavailable(f"{' '.join(cmd)} failed: {done.stderr.strip()}")
        return done.stdout

    def add_pdf_queue(self) -> tuple[str, Path]:
        """A new cups-pdf queue: (its name, the folder its PDFs are written to)."""
        name = f"kiosk_a4_{uuid.uuid4().hex[:10]}"
        out = self._dir(f"out/{name}", 0o777)
        conf = CUPS_PDF_CONF / f"cups-pdf-{name}.conf"
        conf.write_text(
            f"Out {out}\nAnonDirName {out}\nSpool {self._dir('cups-pdf-spool', 0o755)}\n"
            f"Log {self.folder}\nLabel 1\nTitlePref 1\n"
        )
        self._pdf_confs[name] = conf
        self.admin("lpadmin", "-p", name, "-E", "-v", f"cups-pdf:/{name}", "-P", str(PPD))
        return name, out

    def add_paper_out_queue(self) -> str:
        """A new queue on the out-of-paper test backend."""
        name = f"kiosk_nopaper_{uuid.uuid4().hex[:10]}"
        self.admin("lpadmin", "-p", name, "-E", "-v", "kiosk-paperout:/")
        return name

    def add_failing_queue(self) -> str:
        """A new queue whose printer fails every job, and whose jobs are then aborted."""
        name = f"kiosk_fail_{uuid.uuid4().hex[:10]}"
        self.admin(
            "lpadmin",
            "-p",
            name,
            "-E",
            "-v",
            "kiosk-fail:/",
            "-o",
            "printer-error-policy=abort-job",
        )
        return name

    def delete_queue(self, name: str) -> None:
        """Remove a queue (and its cups-pdf configuration)."""
        try:
            self.admin("lpadmin", "-x", name)
        finally:
            conf = self._pdf_confs.pop(name, None)
            if conf is not None:
                conf.unlink(missing_ok=True)

    def _terminate(self) -> None:
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)

    def stop(self) -> None:
        """Stop cupsd by its PID and remove everything it had."""
        self._terminate()
        for conf in self._pdf_confs.values():
            conf.unlink(missing_ok=True)
        self._pdf_confs.clear()
        shutil.rmtree(self.folder, ignore_errors=True)
