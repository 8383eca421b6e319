"""The service catalog (事项目录): service items and their guides (办事指南).

Every field that the notice 国办发〔2015〕86号 asks a guide to list has a place here, plus the
service commitments that live 办事指南 pages show (visits, same-city handling, home service …).
These pydantic models ARE the exchange format (``hall-kiosk-catalog/1``): they validate a
catalog document, hold it as frozen (hashable) objects, and ``assets/catalog/catalog.schema.json``
is generated from them (:func:`kiosk.catalog.codec.catalog_schema`). Rules JSON Schema can say
sit on the fields; the few conditional ones (``if``/``then``) are written next to the validator
that enforces them.

Mapping to EU CPSV-AP 3.2 (``cpsv:PublicService``), kept so that an export stays possible:

====================================  =========================================================
this model                            CPSV-AP 3.2
====================================  =========================================================
ServiceItem.code                      dct:identifier
ServiceItem.name                      dct:title
ServiceItem.description               dct:description
ServiceItem.keywords                  dcat:keyword
ServiceItem.theme (life event)        cv:isGroupedBy → cv:Event (cv:LifeEvent);
                                      also cv:thematicArea
ServiceItem.department                cv:hasCompetentAuthority → cv:PublicOrganisation
Guide.legal_basis[] (law, article)    cv:hasLegalResource → eli:LegalResource (+ article ref)
Guide.accepting_unit                  cv:hasCompetentAuthority / cv:hasChannel (Channel owner)
Guide.conditions[]                    cv:holdsRequirement → cv:Requirement
Guide.steps[] (name, handler, days)   cpsv:follows → cpsv:Rule (one per step); no per-step
                                      time limit in CPSV-AP: exported in dct:description
Guide.materials[]                     cv:hasInput → cv:Evidence (dct:title, dct:description)
Material.form / copies                cv:Evidence dct:description (no dedicated property)
Material.source = shared              (no CPSV-AP property; cv:Evidence with a note)
Material.source = commitment          (no CPSV-AP property: written commitment 告知承诺)
Material.sample_template              cv:Evidence foaf:page
Material.common_errors                (no CPSV-AP property)
Material.basis (law, article)         cv:Evidence → cv:hasLegalResource (eli:LegalResource)
Material.commitment                   (no CPSV-AP property: the 告知承诺 text)
Guide.fees                            cv:hasCost → cv:Cost (cv:value, cv:currency "CNY",
                                      cv:ifAccessedThrough; dct:description = basis)
Guide.time_limit                      cv:processingTime (xsd:duration, promised days as
                                      P{n}D in the unit; unit and statutory days in
                                      description)
Guide.consultation                    cv:hasContactPoint → schema:ContactPoint
                                      (telephone, hoursAvailable, address)
Guide.complaint_phone                 cv:hasContactPoint (second ContactPoint, contactType)
Guide.visits_required                 (no CPSV-AP property: 到现场次数)
Guide.citywide / appointment /        cv:hasChannel → cv:Channel (one per way of applying:
agent_allowed / home_service /        assisted service, homepage, …)
online_url                            cv:hasChannel (cv:Channel type "homepage", foaf:page)
Guide.result                          cv:produces → cv:Output
Guide.faq[]                           (no CPSV-AP property; schema:FAQPage if needed)
Guide.queue                           (no CPSV-AP property: the hall window, 取号业务线)
Guide.face_check                      (no CPSV-AP property: 人证核验 before these actions)
Guide.form (fields, types, prefill)   (no CPSV-AP property; a terminal-side application form)
ServiceItem.popularity                (local ranking hint, not exported)
Referral (not handled here)           cpsv:PublicService of another authority: dct:title,
                                      cv:hasCompetentAuthority, cv:hasContactPoint,
                                      cv:hasChannel (online); not exported as this hall's
Catalog.version                       dct:hasVersion / owl:versionInfo of the dcat:Catalog
====================================  =========================================================

Time limits are whole working days (工作日); 0 means handled on the spot (即办).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from kiosk.domain.catalog_values import (
    DEFAULT_MAX_PAGES,
    MAX_SCAN_PAGES,
    Days,
    Flag,
    Integral,
    NonEmpty,
    Omittable,
    Phone,
    PlainText,
    Text,
    UniqueTexts,
    require_unique,
)

FORMAT = "hall-kiosk-catalog/1"


class MaterialSource(StrEnum):
    """Where a material comes from, which decides what the citizen must bring."""

    CITIZEN = "citizen"  # the applicant brings it
    SHARED = "shared"  # fetched by data sharing: no need to bring (免提交)
    COMMITMENT = "commitment"  # a signed written commitment may replace it (可承诺)


class MaterialForm(StrEnum):
    """Original, copy, or both (原件 / 复印件)."""

    ORIGINAL = "original"
    COPY = "copy"
    ORIGINAL_AND_COPY = "original_and_copy"
    ELECTRONIC = "electronic"


class FaceCheck(StrEnum):
    """What the face check (人证核验) guards for a service: before the citizen does it with an
    ID card, the terminal checks that the face in front of the camera is the card holder's,
    and a live one. A guide lists the actions that need it (``Guide.face_check``)."""

    APPLY = "apply"  # apply for the service at the terminal
    COMMITMENT = "commitment"  # sign a written commitment (告知承诺) in one's own name
    AGENT = "agent"  # apply for someone else (委托代办): the agent's own face
    CERTIFICATE = "certificate"  # print a personal certificate (自助打印证明)


class FieldType(StrEnum):
    """The kinds of input an application form (申请表) field takes at the terminal."""

    TEXT = "text"
    NUMBER = "number"  # an integer or decimal, optionally bounded by min/max
    DATE = "date"  # YYYY-MM-DD
    PHONE = "phone"  # mainland mobile (11 digits) or landline with area code
    CHOICE = "choice"  # one of ``choices``
    YES_NO = "yes_no"
    ADDRESS = "address"
    ID_NUMBER = "id_number"  # checked with GB 11643
    AMOUNT = "amount"  # yuan with at most two decimals, as a string ("1280.50")


class Prefill(StrEnum):
    """Which part of the card-read identity fills a field in (never typed by the citizen)."""

    NAME = "name"
    ID_NUMBER = "id_number"
    BIRTH_DATE = "birth_date"
    SEX = "sex"
    ADDRESS = "address"
    NATION = "nation"


class _Part(BaseModel):
    """A piece of the exchange format: closed (no other keys), frozen and hashable. Built on
    first use, not on import, so the first frame does not pay for it."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class LegalBasis(_Part):
    """One legal provision: what a service rests on (办理依据) or what sets a material
    (设定依据)."""

    law: Text
    article: Text


class Commitment(_Part):
    """The written commitment (告知承诺) that may replace one material: what exactly the
    applicant promises, and what follows if it proves false."""

    promise: Text
    if_false: Text


class Step(_Part):
    """One step of the process (基本流程), with who handles it and its own time limit."""

    name: Text
    handler: Text
    time_limit_days: Days
    description: PlainText


class Material(_Part):
    """One application material (申请材料)."""

    model_config = ConfigDict(
        json_schema_extra={
            "if": {"properties": {"source": {"const": "shared"}}},
            "then": {"properties": {"provider": {"minLength": 1, "pattern": r"\S"}}},
        }
    )

    name: Text
    form: MaterialForm
    copies: Annotated[int, Strict(), Field(ge=0, le=20), Integral]
    source: MaterialSource
    provider: PlainText  # who issues it; for shared data, the department it is fetched from
    sample_template: NonEmpty | None  # file name or URL of the sample (示范文本); None: none
    common_errors: tuple[Text, ...]  # 常见错误示例
    note: PlainText  # e.g. when it is needed only in some cases
    # 设定依据: the provision that makes this material required. Optional in the format so a
    # catalog still installs, but ``kioskctl catalog lint`` reports every material without one
    # (the notice 二(二): a material without a basis is not to be asked for).
    basis: Omittable[LegalBasis] = None
    # The commitment text of a ``commitment`` material; without one the terminal does not
    # offer to commit (the material is brought) and the lint reports it.
    commitment: Omittable[Commitment] = None
    # The most pages a scan of this material at the terminal's document camera may have;
    # absent: DEFAULT_MAX_PAGES.
    max_pages: Omittable[Annotated[int, Strict(), Field(ge=1, le=MAX_SCAN_PAGES), Integral]] = None

    @property
    def scan_page_limit(self) -> int:
        """How many pages a scan of this material may have."""
        return self.max_pages if self.max_pages is not None else DEFAULT_MAX_PAGES

    @field_validator("provider")
    @classmethod
    def _shared_names_its_provider(cls, provider: str, info: ValidationInfo) -> str:
        if info.data.get("source") is MaterialSource.SHARED and not provider.strip():
            raise ValueError("a shared material names the department it is fetched from")
        return provider


class FeeItem(_Part):
    """One charge: what it is and how much, in yuan as a decimal string ("20.00")."""

    name: Text
    amount_yuan: Annotated[str, StringConstraints(strict=True, pattern=r"^\d{1,7}(\.\d{1,2})?$")]


class Fees(_Part):
    """Fee basis and standard (收费依据及标准); ``free`` is stated explicitly."""

    model_config = ConfigDict(
        json_schema_extra={
            "if": {"properties": {"free": {"const": False}}},
            "then": {"properties": {"items": {"minItems": 1}}},
            "else": {"properties": {"items": {"maxItems": 0}}},
        }
    )

    free: Flag
    basis: Text
    items: tuple[FeeItem, ...]

    @field_validator("items")
    @classmethod
    def _items_match_free(cls, items: tuple[FeeItem, ...], info: ValidationInfo) -> Any:
        free = info.data.get("free")
        if free is False and not items:
            raise ValueError("a service that is not free lists at least one fee")
        if free is True and items:
            raise ValueError("a free service lists no fees")
        return items


class TimeLimit(_Part):
    """Statutory and promised time limits (0: on the spot, 即办) in their unit: ``working``
    (工作日) or ``calendar`` (自然日, as most laws write "60日"); the steps' days are in the same
    unit. The promise is never longer than the law allows."""

    statutory_days: Days
    promised_days: Days
    unit: Literal["working", "calendar"]

    @field_validator("promised_days")
    @classmethod
    def _within_statutory(cls, promised: int, info: ValidationInfo) -> int:
        statutory = info.data.get("statutory_days")
        if statutory is not None and promised > statutory:
            raise ValueError(f"promised {promised} days exceeds the statutory {statutory}")
        return promised


class Consultation(_Part):
    """How to ask about the service (咨询方式). ``hours`` only where the window keeps other
    hours than the hall; left out, the terminal shows the hall's hours (``Settings.hall_hours``,
    filled in by ``CatalogBrowser``), so the hall's hours are written in one place."""

    phone: Phone
    place: Text
    hours: Text | None = None
    # Whose number it is, said beside it, e.g. "示范市民政局（示范数据，号码虚构）" for a
    # sample's invented local number; absent for a national hotline that speaks for itself.
    phone_note: Omittable[Text] = None


class FaqEntry(_Part):
    """One frequently asked question with its answer."""

    question: Text
    answer: Text


class FormChoice(_Part):
    """One entry of a choice list: the stored value and the label shown."""

    value: Annotated[str, StringConstraints(strict=True, min_length=1, max_length=40)]
    label: Text


class FormField(_Part):
    """One field of an application form, with how it is checked and where it may come from.

    ``min``/``max`` bound a number, an amount (yuan) or a date (as ``YYYY-MM-DD`` text);
    ``pattern`` is a regular expression a text must match in full; ``personal`` marks values
    that identify a person (sealed in the outbox, masked on the review page). A ``choice``
    field offers at least two choices.
    """

    model_config = ConfigDict(
        json_schema_extra={
            "if": {"properties": {"type": {"const": "choice"}}},
            "then": {"required": ["choices"], "properties": {"choices": {"minItems": 2}}},
        }
    )

    id: Annotated[str, StringConstraints(strict=True, pattern=r"^[a-z][a-z0-9_]{0,39}$")]
    label: Text
    type: FieldType
    required: Flag
    help: PlainText = ""
    prefill: Omittable[Prefill] = None
    choices: tuple[FormChoice, ...] = Field(default=(), validate_default=True)
    min: Omittable[NonEmpty] = None
    max: Omittable[NonEmpty] = None
    max_length: Annotated[int, Strict(), Field(ge=1, le=2000), Integral] = 200
    pattern: Omittable[NonEmpty] = None
    personal: Flag = False

    @field_validator("choices")
    @classmethod
    def _choice_has_choices(cls, choices: tuple[FormChoice, ...], info: ValidationInfo) -> Any:
        if info.data.get("type") is FieldType.CHOICE and len(choices) < 2:
            raise ValueError("a choice field offers at least two choices")
        return choices


def _distinct_ids(fields: tuple[FormField, ...]) -> tuple[FormField, ...]:
    # Values are keyed by field id.
    require_unique(tuple(f.id for f in fields))
    return fields


class ApplicationForm(_Part):
    """The form the terminal shows for a service that can be applied for on the spot; field
    ids are distinct."""

    title: Text
    fields: Annotated[tuple[FormField, ...], Field(min_length=1), AfterValidator(_distinct_ids)]


def _lists_face_check(action: str) -> dict[str, Any]:
    # JSON Schema: a guide whose face_check lists ``action``.
    listed = {"face_check": {"contains": {"const": action}}}
    return {"properties": listed, "required": ["face_check"]}


class Guide(_Part):
    """Everything the notice asks a guide (办事指南) to list, for one service item."""

    model_config = ConfigDict(
        json_schema_extra={
            "allOf": [
                {
                    "if": _lists_face_check("agent"),
                    "then": {"properties": {"agent_allowed": {"const": True}}},
                },
                {"if": _lists_face_check("apply"), "then": {"required": ["form"]}},
                {
                    "if": _lists_face_check("commitment"),
                    "then": {
                        "properties": {
                            "materials": {
                                "contains": {"properties": {"source": {"const": "commitment"}}}
                            }
                        }
                    },
                },
            ]
        }
    )

    legal_basis: Annotated[tuple[LegalBasis, ...], Field(min_length=1)]
    accepting_unit: Text
    conditions: Annotated[tuple[Text, ...], Field(min_length=1)]
    steps: Annotated[tuple[Step, ...], Field(min_length=1)]
    materials: tuple[Material, ...]
    fees: Fees
    time_limit: TimeLimit
    result: Text
    consultation: Consultation
    complaint_phone: Phone
    visits_required: Annotated[int, Strict(), Field(ge=0, le=5), Integral]
    citywide: Flag
    appointment: Flag
    agent_allowed: Flag
    home_service: Flag
    online_url: Annotated[str, StringConstraints(strict=True, pattern=r"^https://\S+$")]
    faq: tuple[FaqEntry, ...]
    form: Omittable[ApplicationForm] = None  # None: not applied for at the terminal
    # The line of business a hall routes to one of its windows (queues.json ``services``), e.g.
    # ``social_security``; None: the general window (综合窗口).
    queue: Omittable[
        Annotated[str, StringConstraints(strict=True, pattern=r"^[a-z][a-z0-9_]{1,31}$")]
    ] = None
    # The actions of this service that need the face check first; absent: none.
    face_check: Annotated[
        tuple[FaceCheck, ...],
        AfterValidator(require_unique),
        Field(json_schema_extra={"uniqueItems": True}),
    ] = ()

    @model_validator(mode="after")
    def _face_check_fits(self) -> Guide:
        if FaceCheck.AGENT in self.face_check and not self.agent_allowed:
            raise ValueError("face_check lists agent, but agents are not allowed")
        if FaceCheck.APPLY in self.face_check and self.form is None:
            raise ValueError("face_check lists apply, but there is no form to apply with")
        if FaceCheck.COMMITMENT in self.face_check and not any(
            m.source is MaterialSource.COMMITMENT for m in self.materials
        ):
            raise ValueError("face_check lists commitment, but no material is a commitment")
        return self

    @model_validator(mode="after")
    def _steps_add_up(self) -> Guide:
        total = sum(s.time_limit_days for s in self.steps)
        if total != self.time_limit.promised_days:
            raise ValueError(
                f"the steps' days add up to {total}, not to the promised "
                f"{self.time_limit.promised_days}"
            )
        return self


class ServiceItem(_Part):
    """One public service item (公共服务事项) of the catalog, with its guide."""

    code: Annotated[str, StringConstraints(strict=True, pattern=r"^[A-Z0-9][A-Z0-9-]{2,39}$")]
    name: Annotated[Text, StringConstraints(max_length=40)]
    description: Annotated[Text, StringConstraints(max_length=200)]
    keywords: UniqueTexts
    theme: PlainText  # a Theme.code
    department: Text
    popularity: Annotated[int, Strict(), Field(ge=0), Integral]  # ranking hint: higher first
    guide: Guide


class Theme(_Part):
    """A life event the services are grouped by (e.g. code ``marriage``, name 婚姻登记)."""

    code: Annotated[str, StringConstraints(strict=True, pattern=r"^[a-z][a-z0-9_]{1,31}$")]
    name: Text


class OnlineChannel(_Part):
    """A way to do it online, named as the citizen knows it (e.g. 交管12123)."""

    name: Text
    url: Annotated[str, StringConstraints(strict=True, pattern=r"^https://\S+$")]


class Referral(_Part):
    """A service the hall does NOT handle (不在本大厅办理), and where it is handled instead.

    Kept apart from :class:`ServiceItem` (``Catalog.referrals``), so nothing that reads
    services — applying, guide slips, the lint, an export — mistakes it for one the hall
    offers. Search finds it like a service, so a citizen looking for it is told where to go
    rather than "no result". ``kind`` is always ``referral``: it lets an item on central's
    catalog feed (opaque JSON objects keyed by code) say which list it belongs to.
    """

    kind: Literal["referral"]
    code: Annotated[str, StringConstraints(strict=True, pattern=r"^[A-Z0-9][A-Z0-9-]{2,39}$")]
    name: Annotated[Text, StringConstraints(max_length=40)]
    keywords: UniqueTexts
    # Why it is not here, in one sentence (e.g. 由公安机关出入境管理部门受理).
    description: Annotated[Text, StringConstraints(max_length=200)]
    unit: Text  # the unit that handles it
    address: Text
    phone: Phone
    phone_note: Omittable[Text] = None  # as Consultation.phone_note
    hours: Text
    bring: Annotated[Text, StringConstraints(max_length=120)]  # what to bring, one line
    online: Omittable[OnlineChannel] = None
    popularity: Annotated[int, Strict(), Field(ge=0), Integral] = 0  # as ServiceItem's


class Catalog(_Part):
    """A whole catalog document: version (YYYYMMDDNN, larger is newer), themes in display
    order, services and (optional) referrals to other places. On import, service, referral
    and theme codes must be unique and every service's theme one of the themes (checked over
    the whole document, with every problem listed). A document without ``referrals`` (older
    ones) is valid and exports without the key."""

    format: Literal["hall-kiosk-catalog/1"]
    version: Annotated[
        int,
        Strict(),
        Field(
            ge=1000000000,
            le=9999123199,
            description="YYYYMMDDNN: publication date and a serial of that day; larger is newer",
        ),
        Integral,
    ]
    published: Annotated[
        str,
        StringConstraints(strict=True, pattern=r"^\d{4}-\d{2}-\d{2}$"),
        Field(json_schema_extra={"format": "date"}),
    ]
    themes: Annotated[tuple[Theme, ...], Field(min_length=1)]
    services: tuple[ServiceItem, ...]
    referrals: tuple[Referral, ...] = ()
