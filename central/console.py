"""The hall staff's web console (``/console``): login, the hall's windows, calling at a window.

Server-rendered pages (Jinja2, autoescaped), plain HTML forms: no front-end toolchain. Every
form carries the session's CSRF token (the login form a double-submit one); every action is
in the audit log; a member of staff sees only their own hall. ``window`` staff call; a
``manager`` also adds and changes windows.
"""

from __future__ import annotations

import hmac
import secrets
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlmodel import Session, col, select

from central import calling, figures, fleet, plans
from central.accounts import (
    AccountError,
    StaffUser,
    audit,
    login,
    logout,
    user_for,
)
from central.attachments import AttachmentStore, case_submission, file_download
from central.cases import request_supplement, supplement_of
from central.db import (
    CaseRecord,
    Database,
    HallWindowRow,
    Terminal,
    TicketCallRow,
    TicketRow,
    as_utc,
)
from central.display import DisplayHub
from central.verify import HALL_TZ

TEMPLATES = Jinja2Templates(directory=Path(__file__).resolve().parent / "web" / "templates")
COOKIE = "kiosk_staff"
LOGIN_CSRF = "kiosk_login_csrf"
ROLE_NAMES = {"window": "窗口人员", "manager": "大厅管理员", "admin": "系统管理员"}
LOGIN_MESSAGES = {
    "bad_login": "用户名或密码不正确。",
    "locked": "连续输错密码次数过多，账号已暂时锁定，请 15 分钟后再试或联系管理员。",
    "csrf": "页面已过期，请重新登录。",
}
# Messages come back to a page as a code in the query string, never as text.
WINDOW_MESSAGES = {
    "empty": "没有等候的号码。",
    "no_window": "没有这个窗口。",
    "closed": "本窗口已暂停，请大厅管理员开放窗口。",
    "not_called": "这个号码不在办理中，可能已被办结或转移。",
    "no_queue": "没有窗口办理该队列，无法转移。",
    "failed": "操作未完成，请重试。",
}
CALLING_CODES = {
    "no such window": "no_window",
    "window closed": "closed",
    "ticket not called": "not_called",
    "no window serves that queue": "no_queue",
}
HOME_MESSAGES = {
    "saved": ("窗口已保存。", True),
    "bad_queues": ("队列代码只能包含字母、数字、_ 和 -，多个用逗号分隔。", False),
}


STATE_NAMES = {"ok": "正常", "warning": "注意", "error": "故障", "unknown": "未知"}
PAPER_NAMES = {"ok": "正常", "near_end": "即将用完", "out": "缺纸", "unknown": "未知"}


FACE_ACTIONS = {"apply": "申请", "commitment": "签署承诺", "agent": "代办人"}


def face_rows(sub: Any) -> list[dict[str, str]]:
    """The 人证核验 the application passed, for the case page: the action, the result, the
    embedding distance (the score: smaller is more alike) and the hall's time."""
    return [
        {
            "action": FACE_ACTIONS.get(check.action, check.action),
            "result": "通过" if check.passed else "未通过",
            "distance": "" if check.distance is None else f"{check.distance:.3f}",
            "at": as_utc(check.checked_at).astimezone(HALL_TZ).strftime("%Y-%m-%d %H:%M:%S"),
        }
        for check in getattr(sub, "face_checks", [])
    ]


def _ago(span: timedelta) -> str:
    seconds = int(span.total_seconds())
    if seconds < 60:
        return "刚刚"
    if seconds < 3600:
        return f"{seconds // 60} 分钟前"
    return f"{seconds // 3600} 小时前"


def _label(window: HallWindowRow) -> str:
    return window.name or f"{window.window_no}号窗口"


def _queues_of_hall(s: Session, hall_id: str) -> list[str]:
    rows = s.exec(select(HallWindowRow).where(HallWindowRow.hall_id == hall_id)).all()
    seen: dict[str, None] = {}
    for row in rows:
        for q in calling.queues_of(row):
            seen.setdefault(q, None)
    return list(seen)


CASE_STATE_NAMES = {
    "received": "已接收",
    "accepted": "已受理",
    "in_progress": "办理中",
    "supplement_needed": "待补正",
    "completed": "已办结",
    "rejected": "不予受理",
}


def build_console_router(
    db: Database, hub: DisplayHub, files: AttachmentStore | None = None
) -> APIRouter:
    """The console's pages and form posts (``files``: where attachments are held)."""
    router = APIRouter(prefix="/console", include_in_schema=False)
    files = files or AttachmentStore(db)

    def page(
        request: Request, name: str, title: str, status: int = 200, **context: Any
    ) -> HTMLResponse:
        context.setdefault("user", None)
        return TEMPLATES.TemplateResponse(
            request,
            name,
            {"title": title, "role_names": ROLE_NAMES, **context},
            status_code=status,
            headers={"Cache-Control": "no-store", "X-Frame-Options": "DENY"},
        )

    def user(request: Request) -> StaffUser | None:
        return user_for(db, request.cookies.get(COOKIE))

    def to_login() -> RedirectResponse:
        return RedirectResponse("/console/login", status_code=303)

    def csrf_ok(current: StaffUser, given: str) -> bool:
        return hmac.compare_digest(current.csrf.encode(), given.encode())

    @router.get("/login")
    def login_page(request: Request, message: str = "") -> Response:
        token = secrets.token_urlsafe(24)
        response = page(
            request,
            "login.html",
            "大厅工作台",
            login_csrf=token,
            message=LOGIN_MESSAGES.get(message, ""),
        )
        response.set_cookie(
            LOGIN_CSRF,
            token,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
            path="/console",
        )
        return response

    @router.post("/login")
    def do_login(
        request: Request,
        username: str = Form(max_length=40),
        password: str = Form(max_length=200),
        csrf: str = Form(max_length=100),
    ) -> Response:
        expected = request.cookies.get(LOGIN_CSRF, "")
        if not expected or not hmac.compare_digest(expected.encode(), csrf.encode()):
            return RedirectResponse("/console/login?message=csrf", status_code=303)
        try:
            token = login(db, username, password)
        except AccountError as exc:
            return RedirectResponse(f"/console/login?message={exc.reason}", status_code=303)
        response = RedirectResponse("/console", status_code=303)
        response.set_cookie(
            COOKIE,
            token,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
            path="/",
        )
        response.delete_cookie(LOGIN_CSRF, path="/console")
        return response

    @router.post("/logout")
    def do_logout(request: Request, csrf: str = Form(max_length=100)) -> Response:
        current = user(request)
        token = request.cookies.get(COOKIE)
        if current is not None and token and csrf_ok(current, csrf):
            logout(db, token)
        response = to_login()
        response.delete_cookie(COOKIE, path="/")
        return response

    @router.get("")
    def home(request: Request, message: str = "") -> Response:
        current = user(request)
        if current is None:
            return to_login()
        day = calling.today().isoformat()
        with db.session() as s:
            windows = s.exec(
                select(HallWindowRow)
                .where(HallWindowRow.hall_id == current.hall_id)
                .order_by(col(HallWindowRow.window_no))
            ).all()
            queues = _queues_of_hall(s, current.hall_id)
            counts = [(q, len(calling.waiting(s, current.hall_id, day, [q]))) for q in queues]
            rows = [
                {
                    "window_no": w.window_no,
                    "label": _label(w),
                    "queues": calling.queues_of(w),
                    "open": w.open,
                }
                for w in windows
            ]
        return page(
            request,
            "home.html",
            "大厅工作台",
            user=current,
            windows=rows,
            waiting=counts,
            message=HOME_MESSAGES.get(message, ("", False))[0],
            message_ok=HOME_MESSAGES.get(message, ("", False))[1],
        )

    @router.get("/fleet")
    def fleet_page(request: Request) -> Response:
        current = user(request)
        if current is None:
            return to_login()
        now = datetime.now(UTC)
        with db.session() as s:
            terminals = fleet.fleet(s, current.hall_id, now)
        rows = []
        for t in terminals:
            ago = "从未" if t.last_seen is None else _ago(now - t.last_seen)
            rows.append({**t.__dict__, "online": t.online, "last_seen_text": ago})
        return page(
            request,
            "fleet.html",
            "终端状态",
            user=current,
            terminals=rows,
            attention=sum(1 for t in terminals if t.alerts),
            alert_names=fleet.ALERTS,
            state_names=STATE_NAMES,
            paper_names=PAPER_NAMES,
        )

    @router.get("/followups")
    def followups_page(request: Request, message: str = "") -> Response:
        current = user(request)
        if current is None:
            return to_login()
        with db.session() as s:
            views = plans.open_plans(s, current.hall_id, calling.today())
        return page(
            request,
            "followups.html",
            "待办跟进",
            user=current,
            plans=views,
            overdue=sum(1 for v in views if v.overdue),
            kind_names=plans.KIND_NAMES,
            level_names={1: "非常不满意", 2: "不满意"},
            message="已保存。" if message == "saved" else "",
            message_ok=True,
        )

    @router.post("/followups/{tracking_no}")
    def save_followup(
        request: Request,
        tracking_no: str,
        csrf: str = Form(max_length=100),
        owner: str = Form(default="", max_length=40),
        action: str = Form(default="", max_length=2000),
        result: str = Form(default="", max_length=2000),
        close: str = Form(default=""),
    ) -> Response:
        current = user(request)
        if current is None:
            return to_login()
        if not csrf_ok(current, csrf):
            return Response("403 禁止访问", status_code=403, media_type="text/plain; charset=utf-8")
        with db.session() as s:
            done = plans.update_plan(
                s,
                current.hall_id,
                tracking_no,
                owner=owner,
                action=action,
                result=result,
                close=bool(close) and bool(result.strip()),
            )
            if done is not None:
                what = "close_followup" if done.closed_at else "update_followup"
                audit(s, current.username, what, tracking_no)
        return RedirectResponse("/console/followups?message=saved", status_code=303)

    def hall_case(s: Session, current: StaffUser, case_no: str) -> tuple[Any, Any] | None:
        """The case and its submission, when it was made at a terminal of this hall."""
        case = s.get(CaseRecord, case_no)
        terminal = s.get(Terminal, case.terminal_id) if case is not None else None
        if case is None or terminal is None or terminal.hall_id != current.hall_id:
            return None
        try:
            return case_submission(db, s, case_no)
        except HTTPException:
            return None

    @router.get("/cases")
    def case_page(request: Request, case_no: str = "", message: str = "") -> Response:
        current = user(request)
        if current is None:
            return to_login()
        found = None
        held: dict[str, int] = {}
        missing: list[str] = []
        if case_no:
            with db.session() as s:
                found = hall_case(s, current, case_no.strip()[:40])
                if found is not None:
                    case, sub = found
                    held = files.held(s, case.terminal_id, (a.sha256 for a in sub.attachments))
                    missing = supplement_of(s, case)
        return page(
            request,
            "case.html",
            "办件材料",
            user=current,
            case_no=case_no,
            case=found[0] if found else None,
            sub=found[1] if found else None,
            held=held,
            missing=missing,
            face_checks=face_rows(found[1]) if found else [],
            state_names=CASE_STATE_NAMES,
            not_found=bool(case_no) and found is None,
            message="已退回补正。" if message == "supplement" else "",
            message_ok=True,
        )

    @router.get("/cases/{case_no}/attachments/{sha256}")
    def case_file(request: Request, case_no: str, sha256: str) -> Response:
        current = user(request)
        if current is None:
            return to_login()
        with db.session() as s:
            found = hall_case(s, current, case_no)
        named = (
            next((a for a in found[1].attachments if a.sha256 == sha256), None) if found else None
        )
        data = files.read(found[0].terminal_id, sha256) if found and named else None
        if found is None or named is None or data is None:
            return Response(
                "404 没有该材料", status_code=404, media_type="text/plain; charset=utf-8"
            )
        with db.session() as s:
            audit(s, current.username, "download_attachment", case_no, named.material_code)
        return file_download(data, named.media_type, found[0].case_no, named.material_code)

    @router.post("/cases/{case_no}/supplement")
    def ask_supplement(
        request: Request,
        case_no: str,
        csrf: str = Form(max_length=100),
        materials: str = Form(default="", max_length=4000),
        note: str = Form(default="", max_length=500),
    ) -> Response:
        current = user(request)
        if current is None:
            return to_login()
        if not csrf_ok(current, csrf):
            return Response("403 禁止访问", status_code=403, media_type="text/plain; charset=utf-8")
        wanted = [line.strip()[:200] for line in materials.splitlines() if line.strip()][:50]
        with db.session() as s:
            found = hall_case(s, current, case_no)
            if found is None or not wanted or found[0].state in ("completed", "rejected"):
                return RedirectResponse(f"/console/cases?case_no={case_no}", status_code=303)
            s.add(request_supplement(s, found[0], wanted, note.strip()))
            audit(s, current.username, "request_supplement", case_no, f"{len(wanted)} material(s)")
        return RedirectResponse(
            f"/console/cases?case_no={case_no}&message=supplement", status_code=303
        )

    def figures_of(current: StaffUser, day: str) -> figures.Figures:
        try:
            when = date.fromisoformat(day) if day else calling.today()
        except ValueError:
            when = calling.today()
        with db.session() as s:
            return figures.compute(db, s, current.hall_id, when)

    @router.get("/figures")
    def figures_page(request: Request, day: str = "") -> Response:
        current = user(request)
        if current is None:
            return to_login()
        found = figures_of(current, day)
        rate = found.bad_rating_rate
        return page(
            request,
            "figures.html",
            "统计",
            user=current,
            day=found.day.isoformat(),
            queues=sorted(found.queues.items()),
            windows=sorted(found.windows.items()),
            applications=found.applications.most_common(),
            followups=found.followups,
            suggestions=sorted(found.suggestions.items()),
            suggestion_total=sum(found.suggestions.values()),
            search_misses=found.search_misses,
            missed_queries=found.missed_queries.most_common(20),
            bad_rate="—" if rate is None else f"{rate:.1%}",
            ticket_chart=figures.bars([(q, v.tickets) for q, v in sorted(found.queues.items())]),
            rating_chart=figures.bars(
                [(name, found.ratings[level]) for level, name in figures.LEVEL_NAMES.items()]
            ),
        )

    @router.get("/figures.csv")
    def figures_csv(request: Request, day: str = "") -> Response:
        current = user(request)
        if current is None:
            return to_login()
        found = figures_of(current, day)
        name = f"figures-{found.hall_id}-{found.day.isoformat()}.csv"
        return Response(
            "\ufeff" + figures.to_csv(found),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    @router.post("/windows")
    def save_window(
        request: Request,
        csrf: str = Form(max_length=100),
        window_no: int = Form(ge=1, le=999),
        name: str = Form(default="", max_length=40),
        queues: str = Form(max_length=200),
        open: str = Form(default=""),
    ) -> Response:
        current = user(request)
        if current is None:
            return to_login()
        if not csrf_ok(current, csrf) or not current.may("manager"):
            return Response("403 禁止访问", status_code=403, media_type="text/plain; charset=utf-8")
        codes = [q.strip() for q in queues.replace("，", ",").split(",") if q.strip()]
        if not codes or any(not q.replace("_", "").replace("-", "").isalnum() for q in codes):
            return RedirectResponse("/console?message=bad_queues", status_code=303)
        with db.session() as s:
            row = s.get(HallWindowRow, (current.hall_id, window_no)) or HallWindowRow(
                hall_id=current.hall_id, window_no=window_no, queues=""
            )
            row.name, row.queues, row.open = name.strip(), ",".join(codes), bool(open)
            s.add(row)
            calling.bump(s, current.hall_id, calling.today().isoformat())
            audit(s, current.username, "save_window", f"{current.hall_id}/{window_no}", row.queues)
        hub.poke(current.hall_id)
        return RedirectResponse("/console?message=saved", status_code=303)

    @router.get("/window/{window_no}")
    def window_page(request: Request, window_no: int, message: str = "") -> Response:
        current = user(request)
        if current is None:
            return to_login()
        day = calling.today().isoformat()
        with db.session() as s:
            window = s.get(HallWindowRow, (current.hall_id, window_no))
            if window is None:
                return RedirectResponse("/console", status_code=303)
            queues = calling.queues_of(window)
            call = s.exec(
                select(TicketCallRow, TicketRow)
                .join(TicketRow, col(TicketRow.ticket_id) == col(TicketCallRow.ticket_id))
                .where(
                    TicketCallRow.hall_id == current.hall_id,
                    TicketCallRow.day == day,
                    TicketCallRow.window_no == window_no,
                    TicketCallRow.state == "called",
                )
                .order_by(col(TicketCallRow.called_at).desc())
            ).first()
            waiting = len(calling.waiting(s, current.hall_id, day, queues))
            context: dict[str, Any] = {
                "window_no": window_no,
                "window_label": _label(window),
                "queues": queues,
                "all_queues": _queues_of_hall(s, current.hall_id),
                "waiting": waiting,
                "call": None,
            }
            if call is not None:
                context["call"] = {
                    "ticket_id": call[0].ticket_id,
                    "display": call[1].display,
                    "recalls": call[0].recalls,
                }
        return page(
            request,
            "window.html",
            str(context["window_label"]),
            user=current,
            message=WINDOW_MESSAGES.get(message, ""),
            **context,
        )

    @router.get("/window/{window_no}/waiting")
    def window_waiting(request: Request, window_no: int) -> Response:
        """How many wait for this window now (the window page asks every few seconds)."""
        current = user(request)
        if current is None:
            return JSONResponse({"detail": "not signed in"}, status_code=401)
        day = calling.today().isoformat()
        with db.session() as s:
            window = s.get(HallWindowRow, (current.hall_id, window_no))
            if window is None:
                return JSONResponse({"detail": "no such window"}, status_code=404)
            waiting = len(calling.waiting(s, current.hall_id, day, calling.queues_of(window)))
        return JSONResponse({"waiting": waiting}, headers={"Cache-Control": "no-store"})

    @router.post("/window/{window_no}/{action}")
    def window_action(
        request: Request,
        window_no: int,
        action: str,
        csrf: str = Form(max_length=100),
        ticket_id: str = Form(default="", max_length=64),
        queue: str = Form(default="", max_length=30),
    ) -> Response:
        current = user(request)
        if current is None:
            return to_login()
        if not csrf_ok(current, csrf):
            return Response("403 禁止访问", status_code=403, media_type="text/plain; charset=utf-8")
        now = datetime.now(UTC)
        hall = current.hall_id
        back = f"/console/window/{window_no}"
        try:
            with db.session() as s:
                if action == "call-next":
                    call = calling.call_next(s, hall, window_no, now)
                    if call is None:
                        return RedirectResponse(f"{back}?message=empty", 303)
                    ticket_id = call.ticket_id
                elif action == "recall":
                    calling.recall(s, hall, ticket_id, now)
                elif action in ("finish", "no-show"):
                    calling.finish(s, hall, ticket_id, now, no_show=action == "no-show")
                elif action == "transfer":
                    calling.transfer(s, hall, ticket_id, queue, now)
                else:
                    return Response("404", status_code=404)
                audit(s, current.username, action, f"{hall}/{window_no}", ticket_id)
        except calling.CallingError as exc:
            code = CALLING_CODES.get(exc.detail, "failed")
            return RedirectResponse(f"{back}?message={code}", 303)
        hub.poke(hall)
        return RedirectResponse(back, status_code=303)

    return router
