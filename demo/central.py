"""The demo's central: the reference central service started in the process on 127.0.0.1,
with invented cases and appointments for the sample cards (``assets/cards``)."""

from __future__ import annotations

import logging
import secrets
import socket
import threading
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from kiosk.contract import keyed_id_hash

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DemoCase:
    """A case the demo central holds for one of the sample cards (assets/cards)."""

    seq: int  # receipt sequence, 9001+: far above what a demo day numbers itself
    service_code: str
    holder_name: str
    holder_id: str
    promised_in_days: int
    # (department, state, step, note) — notes are what only the owner's card may see.
    departments: tuple[tuple[str, str, str, str], ...]
    # 待补正: the materials staff ask for (through central's own request_supplement).
    supplement: tuple[str, ...] = ()


# The resident sample card (张明丰) has three cases: one handled by three departments in
# parallel (并联办理), one plain waiting for a 补正 (待补正), one past its promised date; the
# HK/Macau permit (陈家豪) one.
DEMO_CASES: tuple[DemoCase, ...] = (
    DemoCase(
        9001,
        "SY-005",
        "张明丰",
        "110105198003150012",
        5,
        (
            ("示范市卫生健康委员会", "completed", "出生医学证明签发", ""),
            ("示范市公安局", "in_progress", "户口登记审核", ""),
            ("示范市医疗保障局", "supplement_needed", "参保登记", "请补充新生儿照片电子版"),
        ),
    ),
    DemoCase(
        9002,
        "YL-002",
        "张明丰",
        "110105198003150012",
        2,
        (("示范市医疗保障局", "accepted", "材料审核", ""),),
        ("近期一寸免冠照片（电子版）", "户口簿本人页"),
    ),
    DemoCase(
        9003,
        "ZF-002",
        "张明丰",
        "110105198003150012",
        -2,
        (("示范市住房公积金管理中心", "in_progress", "复核", ""),),
    ),
    DemoCase(
        9004,
        "HJ-004",
        "陈家豪",
        "810000199001010035",
        -1,
        (("示范市公安局", "completed", "制证完成", "请携带回执到 3 号窗口领取"),),
    ),
)


# What the demo's data-sharing registry holds for the resident sample card (张明丰): the
# licences a province's platform would return, by the catalog's 免提交 material names.
# Invented numbers; the card's holder is as fictional as the city.
DEMO_SHARED: tuple[tuple[str, str, str, str, str], ...] = (
    ("110105198003150012", "户口簿信息", "HK1101050012345", "示范市公安局", "2015-06-01"),
    ("110105198003150012", "结婚证信息", "J110105-2010-004521", "示范市民政局", "2010-05-20"),
    ("110105198003150012", "婚姻登记信息", "J110105-2010-004521", "示范市民政局", "2010-05-20"),
    (
        "110105198003150012",
        "社会保险参保信息",
        "SB11010519800315",
        "示范市社会保险事业管理中心",
        "",
    ),
    (
        "110105198003150012",
        "学历信息",
        "100011200205001234",
        "全国高等学校学生信息咨询与就业指导中心",
        "2002-07-01",
    ),
    (
        "110105198003150012",
        "不动产登记信息",
        "示不动产权第0012345号",
        "示范市不动产登记中心",
        "2016-03-18",
    ),
    ("110105198003150012", "住房公积金缴存信息", "GJJ110105000345", "示范市住房公积金管理中心", ""),
    # The identity card's own e-licence, as the population registry returns it for the
    # applicant, insured person or employee named by the service.
    ("110105198003150012", "申请人居民身份证", "110105198003150012", "示范市公安局朝阳分局", ""),
    ("110105198003150012", "参保人居民身份证", "110105198003150012", "示范市公安局朝阳分局", ""),
    ("110105198003150012", "职工居民身份证", "110105198003150012", "示范市公安局朝阳分局", ""),
    (
        "110105198003150012",
        "解除或终止劳动关系信息",
        "LD110105-2026-000318",
        "示范市人力资源和社会保障局",
        "2026-01-31",
    ),
    ("110105198003150012", "失业登记信息", "SY1101052026020107", "示范市公共就业服务中心", ""),
    (
        "110105198003150012",
        "房屋租赁登记备案信息",
        "ZL110105-2024-018832",
        "示范市住房和城乡建设局",
        "2024-04-20",
    ),
)


class InProcessCentral:
    """The reference central service served by uvicorn on a background thread."""

    def __init__(
        self,
        data_dir: Path,
        port: int | None = None,
        db_url: str | None = None,
        seal_key_file: Path | None = None,
    ) -> None:
        # The listening socket is bound here and handed to the server: no other process can
        # take the port between choosing it and serving on it.
        self._socket = socket.socket()
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", port or 0))
        self.port = int(self._socket.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        self._db_url = db_url or f"sqlite:///{data_dir / 'demo-central.db'}"
        self._seal_key_file = seal_key_file
        self._id_key_path = data_dir / "demo-central-id_hash.key"
        self.id_hash_key = b""
        self.staff_token = secrets.token_urlsafe(16)
        self._app: Any = None
        self._server: Any = None
        self._thread: threading.Thread | None = None
        # stop() may come from another thread while start() is still building the app (a
        # terminal shut down during its first seconds): then the server is never started on
        # the socket stop() has closed.
        self._lock = threading.Lock()
        self._stopped = False

    def start(self, wait_s: float = 60.0) -> None:
        """Start serving; returns once the server accepts connections (or after ``wait_s``)."""
        import uvicorn

        from central.app import create_app
        from central.idkey import load_or_create_id_key

        self.id_hash_key = load_or_create_id_key(self._id_key_path)
        # The demo owns its database and has no operator to run `kiosk-central migrate`:
        # a demo-central.db of an older version is migrated here.
        self._app = create_app(
            self._db_url,
            staff_token=self.staff_token,
            id_hash_key=self.id_hash_key,
            migrate_schema=True,
            seal_key_file=self._seal_key_file,
        )
        config = uvicorn.Config(
            self._app,
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            lifespan="on",  # the app's own: it sets how many requests run at once
            ws="none",  # central has no WebSocket routes (nor loads a protocol stack for them)
        )
        with self._lock:
            if self._stopped:
                raise RuntimeError("the demo central service was stopped while starting")
            self._server = uvicorn.Server(config)
            server, sockets = self._server, [self._socket]
            self._thread = threading.Thread(
                target=lambda: server.run(sockets=sockets), name="demo-central", daemon=True
            )
            self._thread.start()
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline and not self._server.started:
            if not self._thread.is_alive():
                break
            time.sleep(0.02)
        if not self._server.started:
            raise RuntimeError(f"the demo central service did not start on {self.url}")
        log.info("demo central service on %s", self.url)

    def provision_terminal(self, terminal_id: str, hall_id: str) -> tuple[str, str]:
        """Register ``terminal_id`` with a fresh secret (after :meth:`start`); returns
        ``(terminal_id, secret)`` for the terminal's client. Demo only: a real terminal gets
        its secret from ``kiosk-central add-terminal`` at install time."""
        from central.auth import add_terminal

        if self._app is None:
            raise RuntimeError("start the demo central service first")
        return terminal_id, add_terminal(self._app.state.db, terminal_id, hall_id)

    def seed_demo_cases(self, terminal_id: str, hall_id: str) -> list[str]:
        """Demo only: make sure the sample cards have cases to look up (created through
        central's own case functions, once; promised dates follow today). Returns their
        receipt numbers, the parallel case first (the demo's simulated QR scan uses it)."""
        from sqlmodel import select

        from central.cases import apply_update, create_case, request_supplement
        from central.db import CaseRecord
        from kiosk.contract import Applicant, CaseState, StaffCaseUpdate, Submission

        if self._app is None:
            raise RuntimeError("start the demo central service first")
        today = date.today()
        stamp = (today - timedelta(days=3)).strftime("%y%m%d")
        receipts: list[str] = []
        with self._app.state.db.session() as s:
            for spec in DEMO_CASES:
                pattern = f"{hall_id}-{terminal_id}-%-{spec.seq}"
                case = s.exec(
                    select(CaseRecord).where(CaseRecord.receipt_no.like(pattern))  # type: ignore[attr-defined]
                ).first()
                promised = today + timedelta(days=spec.promised_in_days)
                if case is None:
                    sub = Submission(
                        receipt_no=f"{hall_id}-{terminal_id}-{stamp}-{spec.seq}",
                        hall_id=hall_id,
                        terminal_id=terminal_id,
                        service_code=spec.service_code,
                        accepted_at=datetime.now(UTC) - timedelta(days=3),
                        promised_date=promised,
                        applicant=Applicant(name=spec.holder_name, id_number=spec.holder_id),
                    )
                    case = create_case(s, terminal_id, sub, self.id_hash_key)
                    for dept, state, step, note in spec.departments:
                        change = StaffCaseUpdate(
                            state=CaseState(state), department=dept, step=step, note=note
                        )
                        apply_update(case, change)
                    if spec.supplement:
                        s.add(case)
                        s.flush()
                        request_supplement(s, case, list(spec.supplement), "照片不清晰，请重新提供")
                # Cases seeded by an older version were indexed by a bare hash.
                case.id_number_hash = keyed_id_hash(self.id_hash_key, spec.holder_id)
                case.promised_date = promised.isoformat()
                s.add(case)
                receipts.append(case.receipt_no)
        log.info("demo central: %d sample cases", len(receipts))
        return receipts

    def seed_demo_shared(self) -> int:
        """Demo only: the sample cards' licences in the data-sharing registry (through
        central's own :func:`central.shared.add_record`; replaced on every start)."""
        from sqlmodel import col, delete

        from central.db import SharedRecordRow
        from central.shared import add_record

        if self._app is None:
            raise RuntimeError("start the demo central service first")
        holders = {keyed_id_hash(self.id_hash_key, row[0]) for row in DEMO_SHARED}
        with self._app.state.db.session() as s:
            s.exec(delete(SharedRecordRow).where(col(SharedRecordRow.id_hash).in_(holders)))
            for id_number, material, number, issuer, issued in DEMO_SHARED:
                issued_on = date.fromisoformat(issued) if issued else None
                add_record(s, self.id_hash_key, id_number, material, number, issuer, issued_on)
        return len(DEMO_SHARED)

    def seed_demo_certificates(self) -> int:
        """Demo only: the sample cards' records in the certificate registry (through
        central's own :func:`central.certificates.add_record`; replaced on every start)."""
        from demo.certificates import seed_sample_certificates

        if self._app is None:
            raise RuntimeError("start the demo central service first")
        db = self._app.state.db
        with db.session() as s:
            return seed_sample_certificates(s, db.sealer, self.id_hash_key)

    def seed_demo_photos(self) -> int:
        """Demo only: the sample holders' photos in the reference registry, for the face check
        (through central's own :func:`central.reference_photos.add_photo`; on every start)."""
        from demo.faces import seed_sample_photos

        if self._app is None:
            raise RuntimeError("start the demo central service first")
        db = self._app.state.db
        with db.session() as s:
            return seed_sample_photos(s, db.sealer, self.id_hash_key)

    def seed_demo_appointments(self, hall_id: str) -> list[str]:
        """Demo only: today's appointments for the resident sample card (张明丰), written
        through central's own appointment table: one whose check-in is open now and one
        later today (too early to check in). Returns their ids."""
        from central.db import AppointmentRow

        if self._app is None:
            raise RuntimeError("start the demo central service first")
        now = datetime.now().astimezone()
        today = now.date()
        holder = DEMO_CASES[0].holder_id
        slots = (
            ("now", now + timedelta(minutes=10), "SB-001"),
            ("later", now + timedelta(hours=3), "YL-002"),
        )
        ids: list[str] = []
        with self._app.state.db.session() as s:
            for tag, start, service in slots:
                appointment_id = f"DEMO-{today:%Y%m%d}-{tag}"
                row = s.get(AppointmentRow, appointment_id) or AppointmentRow(
                    appointment_id=appointment_id,
                    hall_id=hall_id,
                    day=today.isoformat(),
                    slot_start=start,
                    slot_end=start,
                    service_code=service,
                    queue="Y",
                    id_number_hash=keyed_id_hash(self.id_hash_key, holder),
                )
                row.id_number_hash = keyed_id_hash(self.id_hash_key, holder)
                if not row.checked_in:  # a restart later in the day moves the slots along
                    row.slot_start = start.astimezone(UTC)
                    row.slot_end = (start + timedelta(minutes=30)).astimezone(UTC)
                s.add(row)
                ids.append(appointment_id)
        log.info("demo central: %d appointments today", len(ids))
        return ids

    def staff(self, method: str, path: str, body: Any = None) -> Any:
        """Call central's staff API as hall staff would (answer a question, move a complaint
        or a case on); returns the JSON answer. Used by demos, screenshots and tests."""
        from central.testing import call_staff

        return call_staff(self.url, self.staff_token, method, path, body)

    def close_rectification(self, tracking_no: str, owner: str, action: str, result: str) -> bool:
        """Record and close a bad rating's 整改 as the hall manager would in the console
        (demos, screenshots and tests); False when central knows no such open 整改."""
        from central.plans import update_plan

        with self._app.state.db.session() as s:
            plan = update_plan(
                s, "H0001", tracking_no, owner=owner, action=action, result=result, close=True
            )
            return plan is not None

    def stop(self) -> None:
        """Ask the server to finish and wait briefly for it."""
        with self._lock:
            self._stopped = True
            server, thread = self._server, self._thread
        if server is not None:
            server.should_exit = True
        if thread is not None:
            thread.join(timeout=5)
        self._socket.close()
