"""The slips the terminal prints, built from plain dataclasses into documents.

Every printed word lives in :data:`LABELS`, so wording is reviewed in one place. Inputs
carry personal data already masked (``张*``, ``4401**********123X``); the renderer refuses
a full ID number anyway. Layouts do not know the paper width: :mod:`kiosk.printing.flow`
wraps them to 58 or 80 mm.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from kiosk.contract.calendar import limit_text
from kiosk.printing.document import (
    Barcode,
    Block,
    Cut,
    Document,
    Feed,
    KeyValue,
    Logo,
    QrCode,
    Separator,
    Text,
    Title,
)

LABELS: dict[str, str] = {
    "receipt": "受理回执",
    "receipt_no": "受理编号",
    "pre_receipt": "申请回执（预受理）",
    "application_no": "申请编号",
    "applied_at": "申请时间",
    "not_yet_accepted": "材料尚未齐全，本申请尚未正式受理",
    "clock_starts": "办理时限自材料齐全、正式受理之日起计算",
    "case_no_note": "办理部门另编办件编号；查询进度凭本受理编号即可",
    "case_no_note_pre": "办理部门另编办件编号；查询进度凭本申请编号即可",
    "service": "办理事项",
    "applicant": "申请人",
    "id_number": "证件号码",
    "submitted_at": "受理时间",
    "promised": "承诺办结",
    "estimated": "预计",
    "estimated_note": "国务院节假日安排尚未公布，办结日期按法定节假日预计，以正式安排为准",
    "terminal": "受理终端",
    "materials_settled": "材料情况",
    "settled_shared": "已核验",
    "settled_scanned": "已扫描（{pages} 页）",
    "settled_committed": "已承诺",
    "settled_signed": "已现场签署",
    "settled_card": "已读卡核验",
    "settled_bring": "需到窗口",
    "agent": "代办人",
    "materials_to_bring": "尚需提交的材料（需到窗口）",
    "next_step": "下一步",
    "window": "办理窗口",
    "window_value": "{name}（取号 {code} 字头）",
    "progress_qr": "微信或浏览器扫码查询办件进度",
    "consult": "咨询电话",
    "keep_receipt": "请妥善保管本回执",
    "queue": "业务类型",
    "ahead": "您前面还有 {n} 人等候",
    "ticket_time": "取号时间",
    "ticket_note": "请留意叫号，过号请重新取号",
    "ticket_scan": "到自助终端扫码，查看叫号进度和办理窗口",
    "ticket_offline": "网络中断时取号，等候人数以大厅叫号屏为准",
    "priority": "优先",
    "consultation": "咨询留言回执",
    "slip": "一次性告知单",
    "accepting_unit": "受理单位",
    "slip_conditions": "一、受理条件",
    "slip_materials": "二、申请材料",
    "slip_agent": "委托他人代办的，另需携带：",
    "slip_time_limit": "三、办理时限",
    "slip_fees": "四、收费标准",
    "fee_basis": "收费依据",
    "slip_place": "五、办理地点",
    "slip_consult": "六、咨询与投诉",
    "complaint_phone": "投诉电话",
    "material_errors": "常见错误",
    "material_basis": "依据",
    "slip_no": "告知单编号",
    "catalog_version": "事项目录版本",
    "slip_guide_qr": "扫码查看完整办事指南",
    "slip_issued": "告知时间",
    "sample": "示范文本（填写样例）",
    "sample_material": "申请材料",
    "sample_note": "此为填写样例，仅供参照填写，不能作为申请材料提交",
    "free": "不收费",
    "referral": "办理指引",
    "referral_not_here": "本事项不在本大厅办理",
    "referral_unit": "办理单位",
    "referral_address": "办理地点",
    "referral_hours": "办公时间",
    "referral_bring": "请携带",
    "referral_online": "网上办理",
    "referral_online_qr": "扫码网上办理",
    "evaluation": "差评整改回执",  # only a bad rating gets a slip: the 整改 it opened
    "tracking_no_evaluation": "整改编号",
    "complaint": "投诉受理回执",
    "tracking_no": "编号",
    "summary": "事由",
    "hotline": "便民热线",
    "visits": "需到现场 {n} 次",
    "time": "时间",
    "rating": "评价",
    "category": "类型",
    "lookup_qr": "扫码查询处理进度",
    "supplement": "补正回执",
    "case_no": "办件编号",
    "supplemented_at": "补正时间",
    "supplement_materials": "补正材料",
    "supplement_sent": "补正材料已提交，办理部门将继续办理；办理进度可扫码或凭受理编号查询",
    "supplement_offline": "网络暂时中断：补正材料已在本机保存，联网后自动提交，无需再次补正",
    "test": "打印测试页",
    "printer": "打印机",
    "profile": "配置",
    "paper": "纸宽",
    "chinese": "中文：政务服务大厅自助终端打印测试，一次告知、一窗受理。",
    "symbols": "符号：￥12.50 · 《》（）【】“”、。℃ ①②③",
    "big": "倍宽倍高",
    "bold": "粗体文字",
    "right": "右对齐",
    "qr_test": "二维码测试",
}


def _when(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M")


def _logo(path: str | None) -> list[Block]:
    return [Logo(path)] if path else []


@dataclass(frozen=True)
class SettledMaterial:
    """One material of a receipt and how it was settled: ``how`` is ``shared`` (已核验,
    with the licence number as the platform gave it, masked), ``scanned`` (已扫描, with its
    pages), ``committed`` (已承诺), ``signed`` (已现场签署: a 授权委托书), ``card`` (已读卡核验:
    an agent's own ID card) or ``bring`` (需到窗口)."""

    name: str
    how: str
    licence_no: str = ""
    pages: int = 0

    def words(self) -> str:
        """How it was settled, as the receipt says it."""
        if self.how == "shared":
            word = LABELS["settled_shared"]
            return f"{word} {self.licence_no}" if self.licence_no else word
        if self.how == "scanned":
            return LABELS["settled_scanned"].format(pages=self.pages)
        return LABELS[f"settled_{self.how}"]


@dataclass(frozen=True)
class ReceiptData:
    """A submission receipt (受理回执). ``applicant`` and ``id_number`` come masked."""

    hall_name: str
    receipt_no: str
    service_name: str
    applicant: str
    submitted_at: datetime
    terminal_name: str
    next_step: str
    id_number: str = ""
    promised_date: date | None = None
    promised_days: int | None = None
    promised_unit: str = "working"  # DayUnit value: working (工作日) or calendar (自然日)
    promised_estimated: bool = False  # counted over a year without the official arrangement
    # Every material of the guide and how it was settled; those to bring are listed (with an
    # agent's own papers) under ``materials_to_bring``, right above the next step.
    materials_settled: tuple[SettledMaterial, ...] = ()
    progress_url: str = ""
    consultation_phone: str = ""
    logo_path: str | None = None
    agent: str = ""  # masked name of the agent when acting for someone (代办)
    materials_to_bring: tuple[str, ...] = ()
    # False: materials are still to be brought, so nothing is accepted yet (预受理): the slip
    # is an application receipt with no promised date, and the time limit starts later.
    complete: bool = True
    window: str = ""  # where to take a ticket for this service, e.g. "社保医保（取号 B 字头）"


def receipt(data: ReceiptData) -> Document:
    """The submission receipt: what was accepted, by when, what next, where to check. An
    incomplete application gets an application receipt (申请回执, 预受理) instead: no
    promised date, and it says the time limit starts once the materials are complete."""
    title = LABELS["receipt"] if data.complete else LABELS["pre_receipt"]
    blocks: list[Block] = [*_logo(data.logo_path), Title(data.hall_name)]
    blocks += [Text(title, bold=True, align="center", tall=True), Separator()]
    if not data.complete:
        blocks += [Text(LABELS["not_yet_accepted"], bold=True), Separator()]
    blocks += [
        Text(LABELS["receipt_no" if data.complete else "application_no"], bold=True),
        Text(data.receipt_no, bold=True, align="center", tall=True),
        Text(LABELS["case_no_note" if data.complete else "case_no_note_pre"], align="center"),
        KeyValue(LABELS["service"], data.service_name),
        KeyValue(LABELS["applicant"], data.applicant),
    ]
    if data.id_number:
        blocks.append(KeyValue(LABELS["id_number"], data.id_number))
    if data.agent:
        blocks.append(KeyValue(LABELS["agent"], data.agent))
    when = LABELS["submitted_at" if data.complete else "applied_at"]
    blocks.append(KeyValue(when, _when(data.submitted_at)))
    if not data.complete:
        blocks.append(Text(LABELS["clock_starts"], bold=True))
    elif data.promised_date is not None:
        promised = data.promised_date.isoformat()
        if data.promised_estimated:
            promised = f"{LABELS['estimated']} {promised}"
        if data.promised_days is not None:
            promised += f"（{limit_text(data.promised_days, data.promised_unit)}）"
        blocks.append(KeyValue(LABELS["promised"], promised))
        if data.promised_estimated:
            blocks.append(Text(LABELS["estimated_note"]))
    blocks.append(KeyValue(LABELS["terminal"], data.terminal_name))
    settled = [m for m in data.materials_settled if m.how != "bring"]
    if settled:
        blocks += [Separator(), Text(LABELS["materials_settled"], bold=True)]
        blocks += [
            KeyValue(f"{i}.", f"{m.name}：{m.words()}", sep=" ") for i, m in enumerate(settled, 1)
        ]
    if data.materials_to_bring:
        blocks += [Separator(), Text(LABELS["materials_to_bring"], bold=True)]
        blocks += [
            KeyValue(f"{i}.", name, sep=" ") for i, name in enumerate(data.materials_to_bring, 1)
        ]
    blocks += [
        Separator(),
        Text(LABELS["next_step"], bold=True),
        Text(data.next_step, bold=True, tall=True),
    ]
    if data.window:
        blocks.append(KeyValue(LABELS["window"], data.window))
    if data.progress_url:
        blocks += [Feed(), QrCode(data.progress_url, caption=LABELS["progress_qr"])]
    if data.receipt_no.isascii():
        blocks += [Feed(), Barcode(data.receipt_no), Feed()]
    if data.consultation_phone:
        blocks.append(KeyValue(LABELS["consult"], data.consultation_phone))
    blocks += [Text(LABELS["keep_receipt"], align="center"), Cut()]
    return Document("receipt", data.receipt_no, tuple(blocks))


@dataclass(frozen=True)
class TicketData:
    """A queue ticket (排队号): the display number is printed large."""

    hall_name: str
    ticket_id: str
    number: str
    queue_name: str
    people_ahead: int | None  # None: numbered offline, the terminal cannot know
    issued_at: datetime
    logo_path: str | None = None
    scan_code: str = ""  # the QR code 我该去哪 reads (see kiosk.services.tickets.position)


def ticket(data: TicketData) -> Document:
    """The queue ticket: big number, queue, people ahead, time."""
    blocks: list[Block] = [*_logo(data.logo_path), Title(data.hall_name), Separator()]
    blocks += [
        Text(f"{LABELS['queue']}：{data.queue_name}", align="center", bold=True),
        Feed(),
        Text(data.number, size=4, bold=True, align="center"),
        Feed(),
        Text(
            LABELS["ahead"].format(n=max(0, data.people_ahead))
            if data.people_ahead is not None
            else LABELS["ticket_offline"],
            align="center",
            tall=data.people_ahead is not None,
        ),
        Text(f"{LABELS['ticket_time']}：{_when(data.issued_at)}", align="center"),
    ]
    if data.scan_code:
        blocks.append(QrCode(data.scan_code, module=4, caption=LABELS["ticket_scan"]))
    blocks += [Separator(), Text(LABELS["ticket_note"], align="center"), Cut()]
    return Document("ticket", data.ticket_id, tuple(blocks))


@dataclass(frozen=True)
class SlipMaterial:
    """One material on the notification slip: name, copies/form, its mark and own note, the
    mistakes clerks see and the provision that sets it."""

    name: str
    copies: str = ""  # e.g. "原件 1 份，复印件 1 份"
    note: str = ""  # e.g. "可通过数据共享获取，无需提交" / "可告知承诺"
    mark: str = ""  # 免提交 / 可承诺 with what it means; the note is never replaced by it
    errors: tuple[str, ...] = ()  # 常见错误
    basis: str = ""  # 设定依据


@dataclass(frozen=True)
class SlipData:
    """A one-time notification slip (一次性告知单) for one service item."""

    hall_name: str
    service_code: str
    service_name: str
    accepting_unit: str
    materials: tuple[SlipMaterial, ...]
    time_limit: str  # e.g. "法定 20 个工作日，承诺 5 个工作日"
    fees: str  # "" means free
    where_to_go: str
    consultation_phone: str
    issued_at: datetime
    guide_url: str = ""
    logo_path: str | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    visits_required: int | None = None  # 到现场次数, said under 办理地点
    conditions: tuple[str, ...] = ()  # 受理条件
    agent_materials: tuple[SlipMaterial, ...] = ()  # what an agent brings on top
    fee_basis: str = ""
    complaint_phone: str = ""
    slip_no: str = ""  # the slip's own number
    catalog_version: str = ""  # the catalog it was printed from
    window: str = ""  # where to take a ticket for this service


def _slip_materials(materials: tuple[SlipMaterial, ...]) -> list[Block]:
    blocks: list[Block] = []
    for i, material in enumerate(materials, 1):
        detail = material.name
        if material.copies:
            detail += f"（{material.copies}）"
        indent = " " * len(f"{i}.")
        blocks.append(KeyValue(f"{i}.", detail, sep=" "))
        for line in (material.mark, material.note):
            if line:
                blocks.append(KeyValue(indent, f"※{line}", sep=" "))
        if material.errors:
            errors = "；".join(material.errors)
            blocks.append(KeyValue(indent, f"{LABELS['material_errors']}：{errors}", sep=" "))
        if material.basis:
            blocks.append(
                KeyValue(indent, f"{LABELS['material_basis']}：{material.basis}", sep=" ")
            )
    return blocks


def _issued_by(number: str, catalog_version: str, issued_at: datetime, hall: str) -> list[Block]:
    """A guide paper's foot: its number, the catalog it came from, when and where; the cut."""
    blocks: list[Block] = []
    if number:
        blocks.append(KeyValue(LABELS["slip_no"], number))
    if catalog_version:
        blocks.append(KeyValue(LABELS["catalog_version"], catalog_version))
    blocks += [KeyValue(LABELS["slip_issued"], _when(issued_at)), Text(hall, align="center")]
    return [*blocks, Cut()]


def notification_slip(data: SlipData) -> Document:
    """Everything a citizen must bring and know, on one slip, so one visit is enough."""
    blocks: list[Block] = [*_logo(data.logo_path), Title(LABELS["slip"])]
    blocks += [
        Text(data.service_name, bold=True, align="center"),
        KeyValue(LABELS["accepting_unit"], data.accepting_unit),
        Separator(),
    ]
    if data.conditions:
        blocks.append(Text(LABELS["slip_conditions"], bold=True))
        blocks += [KeyValue(f"{i}.", c, sep=" ") for i, c in enumerate(data.conditions, 1)]
    blocks.append(Text(LABELS["slip_materials"], bold=True))
    blocks += _slip_materials(data.materials)
    if data.agent_materials:
        blocks.append(Text(LABELS["slip_agent"], bold=True))
        blocks += _slip_materials(data.agent_materials)
    blocks += [
        Text(LABELS["slip_time_limit"], bold=True),
        Text(data.time_limit),
        Text(LABELS["slip_fees"], bold=True),
        Text(data.fees or LABELS["free"]),
        *([KeyValue(LABELS["fee_basis"], data.fee_basis)] if data.fee_basis else []),
        Text(LABELS["slip_place"], bold=True),
        Text(data.where_to_go),
        *([KeyValue(LABELS["window"], data.window)] if data.window else []),
        *(
            [Text(LABELS["visits"].format(n=data.visits_required), bold=True)]
            if data.visits_required
            else []
        ),
        Text(LABELS["slip_consult"], bold=True),
        KeyValue(LABELS["consult"], data.consultation_phone),
        *(
            [KeyValue(LABELS["complaint_phone"], data.complaint_phone)]
            if data.complaint_phone
            else []
        ),
    ]
    blocks += [Text(note) for note in data.notes]
    if data.guide_url:
        blocks += [Feed(), QrCode(data.guide_url, caption=LABELS["slip_guide_qr"])]
    blocks.append(Separator())
    blocks += _issued_by(data.slip_no, data.catalog_version, data.issued_at, data.hall_name)
    return Document("slip", data.slip_no or data.service_code, tuple(blocks))


@dataclass(frozen=True)
class SampleData:
    """A sample document (示范文本) to take away: the picture shipped with the catalog."""

    hall_name: str
    service_name: str
    material_name: str
    image_path: str  # the shipped sample file (PNG), scaled to the paper's width
    issued_at: datetime
    slip_no: str = ""
    catalog_version: str = ""


def sample_document(data: SampleData) -> Document:
    """The sample on paper, said to be a sample above and below the picture."""
    blocks: list[Block] = [
        Title(LABELS["sample"]),
        Text(data.service_name, bold=True, align="center"),
        KeyValue(LABELS["sample_material"], data.material_name),
        Separator(),
        Logo(data.image_path, max_width=4096, ink=215),  # capped at the paper's width
        Separator(),
        Text(LABELS["sample_note"], bold=True),
    ]
    blocks += _issued_by(data.slip_no, data.catalog_version, data.issued_at, data.hall_name)
    return Document("sample", data.slip_no or data.material_name, tuple(blocks))


@dataclass(frozen=True)
class ReferralData:
    """Where a service the hall does not handle is handled (不在本大厅办理)."""

    hall_name: str
    code: str
    name: str
    description: str
    unit: str
    address: str
    hours: str
    phone: str  # with whose number it is, when the catalog says
    bring: str
    issued_at: datetime
    online_name: str = ""
    online_url: str = ""
    slip_no: str = ""
    catalog_version: str = ""


def referral_slip(data: ReferralData) -> Document:
    """The way to the office that handles it: unit, address, hours, phone, what to bring,
    the online channel; numbered and footed like the guide slip."""
    blocks: list[Block] = [
        Title(LABELS["referral"]),
        Text(data.name, bold=True, align="center"),
        Text(LABELS["referral_not_here"], bold=True, align="center"),
        Text(data.description),
        Separator(),
        KeyValue(LABELS["referral_unit"], data.unit),
        KeyValue(LABELS["referral_address"], data.address),
        KeyValue(LABELS["referral_hours"], data.hours),
        KeyValue(LABELS["consult"], data.phone),
        KeyValue(LABELS["referral_bring"], data.bring),
    ]
    if data.online_name:
        blocks.append(KeyValue(LABELS["referral_online"], data.online_name))
    if data.online_url:
        blocks += [Feed(), QrCode(data.online_url, caption=LABELS["referral_online_qr"])]
    blocks.append(Separator())
    blocks += _issued_by(data.slip_no, data.catalog_version, data.issued_at, data.hall_name)
    return Document("referral", data.slip_no or data.code, tuple(blocks))


@dataclass(frozen=True)
class TestPageData:
    """What the test page reports about the printer it came out of."""

    printer_uri: str
    profile_name: str
    paper_mm: int
    printed_at: datetime
    qr_data: str = "https://zwfw.example.gov.cn/kiosk/print-test"


def test_page(data: TestPageData) -> Document:
    """Chinese text, symbols, sizes, alignment, a barcode, a QR code and a cut."""
    blocks: list[Block] = [
        Title(LABELS["test"]),
        KeyValue(LABELS["printer"], data.printer_uri),
        KeyValue(LABELS["profile"], data.profile_name),
        KeyValue(LABELS["paper"], f"{data.paper_mm} mm"),
        KeyValue(LABELS["time"], _when(data.printed_at)),
        Separator("="),
        Text(LABELS["chinese"]),
        Text(LABELS["symbols"]),
        Text("ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789"),
        Text(LABELS["big"], size=2, align="center"),
        Text(LABELS["bold"], bold=True, align="center"),
        Text(LABELS["right"], align="right"),
        Separator(),
        Barcode("TEST-0001"),
        QrCode(data.qr_data, caption=LABELS["qr_test"]),
        Cut(),
    ]
    return Document("test", "test-page", tuple(blocks))
