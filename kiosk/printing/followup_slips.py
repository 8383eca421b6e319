"""Slips of what happens after a visit: the acknowledgement of a rating's 整改, a complaint or a
question (tracking number, what comes next), and the 补正回执 of materials supplied later.
The receipt, ticket and guide slips are in :mod:`kiosk.printing.layouts`, whose labels these
share."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from kiosk.printing.document import (
    Block,
    Cut,
    Document,
    Feed,
    KeyValue,
    QrCode,
    Separator,
    Text,
    Title,
)
from kiosk.printing.layouts import LABELS, _when


@dataclass(frozen=True)
class AcknowledgementData:
    """Proof that an evaluation (好差评), a complaint (投诉) or a question (咨询) was recorded."""

    kind: Literal["evaluation", "complaint", "consultation"]
    hall_name: str
    tracking_no: str
    created_at: datetime
    detail: str  # the rating ("非常满意") or the complaint's category
    message: str  # what happens next, in the department's words
    service_name: str = ""
    lookup_url: str = ""
    summary: str = ""  # what it is about, in a few words (never the citizen's own text)
    hotline: str = ""  # where to call about it


def acknowledgement(data: AcknowledgementData) -> Document:
    """The evaluation or complaint acknowledgement."""
    blocks: list[Block] = [Title(data.hall_name)]
    blocks += [Text(LABELS[data.kind], bold=True, align="center", tall=True), Separator()]
    blocks += [
        Text(LABELS.get(f"tracking_no_{data.kind}", LABELS["tracking_no"]), bold=True),
        Text(data.tracking_no, bold=True, align="center", tall=True),
        KeyValue(LABELS["time"], _when(data.created_at)),
    ]
    if data.service_name:
        blocks.append(KeyValue(LABELS["service"], data.service_name))
    label = LABELS["rating"] if data.kind == "evaluation" else LABELS["category"]
    blocks.append(KeyValue(label, data.detail))
    if data.summary:
        blocks.append(KeyValue(LABELS["summary"], data.summary))
    blocks += [Separator(), Text(data.message)]
    if data.lookup_url:
        blocks += [Feed(), QrCode(data.lookup_url, caption=LABELS["lookup_qr"])]
    if data.hotline:
        blocks.append(KeyValue(LABELS["hotline"], data.hotline))
    blocks.append(Cut())
    return Document("acknowledgement", data.tracking_no, tuple(blocks))


@dataclass(frozen=True)
class SupplementSlipData:
    """Proof of a 补正 (materials supplied for a case in 待补正). ``applicant`` comes masked;
    ``materials`` are ``(name as staff asked for it, pages scanned)``; ``sent``: central
    already took it (else it is kept here and sent when the network is back)."""

    hall_name: str
    receipt_no: str
    case_no: str
    applicant: str
    supplied_at: datetime
    terminal_name: str
    materials: tuple[tuple[str, int], ...]
    sent: bool
    progress_url: str = ""


def supplement_slip(data: SupplementSlipData) -> Document:
    """The 补正回执: which case, what was supplied (pages), when, and whether it reached the
    department yet."""
    blocks: list[Block] = [Title(data.hall_name)]
    blocks += [Text(LABELS["supplement"], bold=True, align="center", tall=True), Separator()]
    blocks += [
        Text(LABELS["receipt_no"], bold=True),
        Text(data.receipt_no, bold=True, align="center", tall=True),
    ]
    if data.case_no:
        blocks.append(KeyValue(LABELS["case_no"], data.case_no))
    if data.applicant:  # found by receipt number alone: no name at all
        blocks.append(KeyValue(LABELS["applicant"], data.applicant))
    blocks += [
        KeyValue(LABELS["supplemented_at"], _when(data.supplied_at)),
        KeyValue(LABELS["terminal"], data.terminal_name),
        Separator(),
        Text(LABELS["supplement_materials"], bold=True),
    ]
    blocks += [
        KeyValue(f"{i}.", f"{name}：{LABELS['settled_scanned'].format(pages=pages)}", sep=" ")
        for i, (name, pages) in enumerate(data.materials, 1)
    ]
    message = LABELS["supplement_sent" if data.sent else "supplement_offline"]
    blocks += [Separator(), Text(LABELS["next_step"], bold=True), Text(message, bold=True)]
    if data.progress_url:
        blocks += [Feed(), QrCode(data.progress_url, caption=LABELS["progress_qr"])]
    blocks += [Text(LABELS["keep_receipt"], align="center"), Cut()]
    return Document("supplement", data.receipt_no, tuple(blocks))
