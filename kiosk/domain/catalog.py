"""The service catalog (事项目录): service items and their guides (办事指南).

Every field that the notice 国办发〔2015〕86号 asks a guide to list has a place here, plus the
service commitments that live 办事指南 pages show (visits, same-city handling, home service …).
The exchange format (``assets/catalog/catalog.schema.json``) uses the same names, so
:mod:`kiosk.catalog.codec` maps one to the other field by field.

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
Guide.fees                            cv:hasCost → cv:Cost (cv:value, cv:currency "CNY",
                                      cv:ifAccessedThrough; dct:description = basis)
Guide.time_limit                      cv:processingTime (xsd:duration, promised days as
                                      P{n}D working days; statutory days in description)
Guide.consultation                    cv:hasContactPoint → schema:ContactPoint
                                      (telephone, hoursAvailable, address)
Guide.complaint_phone                 cv:hasContactPoint (second ContactPoint, contactType)
Guide.visits_required                 (no CPSV-AP property: 到现场次数)
Guide.citywide / appointment /        cv:hasChannel → cv:Channel (one per way of applying:
agent_allowed / home_service /        assisted service, homepage, …)
online_url                            cv:hasChannel (cv:Channel type "homepage", foaf:page)
Guide.result                          cv:produces → cv:Output
Guide.faq[]                           (no CPSV-AP property; schema:FAQPage if needed)
Guide.form (fields, types, prefill)   (no CPSV-AP property; a terminal-side application form)
ServiceItem.popularity                (local ranking hint, not exported)
Catalog.version                       dct:hasVersion / owl:versionInfo of the dcat:Catalog
====================================  =========================================================

Time limits are whole working days (工作日); 0 means handled on the spot (即办).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


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


@dataclass(frozen=True)
class LegalBasis:
    """One legal provision the service rests on (办理依据)."""

    law: str
    article: str


@dataclass(frozen=True)
class Step:
    """One step of the process (基本流程), with who handles it and its own time limit."""

    name: str
    handler: str
    time_limit_days: int
    description: str = ""


@dataclass(frozen=True)
class Material:
    """One application material (申请材料)."""

    name: str
    form: MaterialForm
    copies: int
    source: MaterialSource
    provider: str = ""  # who issues it; for shared data, the department it is fetched from
    sample_template: str | None = None  # file name or URL of the sample (示范文本); None: none
    common_errors: tuple[str, ...] = ()  # 常见错误示例
    note: str = ""  # e.g. when it is needed only in some cases


@dataclass(frozen=True)
class FeeItem:
    """One charge: what it is and how much, in yuan as a decimal string ("20.00")."""

    name: str
    amount_yuan: str


@dataclass(frozen=True)
class Fees:
    """Fee basis and standard (收费依据及标准); ``free`` is stated explicitly."""

    free: bool
    basis: str
    items: tuple[FeeItem, ...] = ()


@dataclass(frozen=True)
class TimeLimit:
    """Statutory and promised time limits in working days (0: on the spot)."""

    statutory_days: int
    promised_days: int


@dataclass(frozen=True)
class Consultation:
    """How to ask about the service (咨询方式)."""

    phone: str
    place: str
    hours: str


@dataclass(frozen=True)
class FaqEntry:
    """One frequently asked question with its answer."""

    question: str
    answer: str


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


@dataclass(frozen=True)
class FormChoice:
    """One entry of a choice list: the stored value and the label shown."""

    value: str
    label: str


@dataclass(frozen=True)
class FormField:
    """One field of an application form, with how it is checked and where it may come from.

    ``min``/``max`` bound a number, an amount (yuan) or a date (as ``YYYY-MM-DD`` text);
    ``pattern`` is a regular expression a text must match in full; ``personal`` marks values
    that identify a person (sealed in the outbox, masked on the review page).
    """

    id: str
    label: str
    type: FieldType
    required: bool = True
    help: str = ""
    prefill: Prefill | None = None
    choices: tuple[FormChoice, ...] = ()
    min: str | None = None
    max: str | None = None
    max_length: int = 200
    pattern: str | None = None
    personal: bool = False


@dataclass(frozen=True)
class ApplicationForm:
    """The form the terminal shows for a service that can be applied for on the spot."""

    title: str
    fields: tuple[FormField, ...]


@dataclass(frozen=True)
class Guide:
    """Everything the notice asks a guide (办事指南) to list, for one service item."""

    legal_basis: tuple[LegalBasis, ...]
    accepting_unit: str
    conditions: tuple[str, ...]
    steps: tuple[Step, ...]
    materials: tuple[Material, ...]
    fees: Fees
    time_limit: TimeLimit
    result: str
    consultation: Consultation
    complaint_phone: str
    visits_required: int
    citywide: bool
    appointment: bool
    agent_allowed: bool
    home_service: bool
    online_url: str
    faq: tuple[FaqEntry, ...] = ()
    form: ApplicationForm | None = None  # None: not applied for at the terminal


@dataclass(frozen=True)
class ServiceItem:
    """One public service item (公共服务事项) of the catalog, with its guide."""

    code: str
    name: str
    description: str
    keywords: tuple[str, ...]
    theme: str  # a Theme.code
    department: str
    guide: Guide
    popularity: int = 0  # ranking hint: higher is shown first among equals


@dataclass(frozen=True)
class Theme:
    """A life event the services are grouped by (e.g. code ``marriage``, name 婚姻登记)."""

    code: str
    name: str


@dataclass(frozen=True)
class Catalog:
    """A whole catalog: version (YYYYMMDDNN, larger is newer), themes and services."""

    version: int
    published: str
    themes: tuple[Theme, ...]
    services: tuple[ServiceItem, ...] = field(default=())
