"""View-model of the guide screens: themes, service lists, one guide, search, the slip.

Every catalog call runs through :class:`~ui.ops.Ops` on the core's executor. Search is
"latest request wins": a slow answer to an old keystroke never overwrites a newer one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import Property, QObject, QUrl, Signal, Slot

from kiosk.visit import Visit
from kiosk.workers import Executor
from ui.ops import Dispatcher, Ops

SEARCH_LIMIT = 30


class CatalogSource(Protocol):
    """What the screens need from the catalog, as plain JSON-like values for QML."""

    def themes(self) -> list[dict[str, Any]]:
        """[{key, name, count}] in display order."""

    def services(self, theme: str) -> tuple[str, list[dict[str, Any]]]:
        """The theme's display name and its service summaries."""

    def guide(self, code: str) -> dict[str, Any]:
        """One complete guide."""

    def search(self, query: str, limit: int) -> list[dict[str, Any]]:
        """Ranked service summaries (a referral's with ``kind`` "referral")."""

    def referral(self, code: str) -> dict[str, Any]:
        """One referral (不在本大厅办理): where, when, phone, what to bring, online."""

    def end_of_searches(self) -> None:
        """The visit ended: its last search is final (counted if it found nothing)."""


class GuidePaperPrinter(Protocol):
    """Prints a guide's papers; each answers the print outcome's code (``printed``,
    ``paper_out`` … or ``error``) through ``on_result`` (``ui.paper.GuidePapers``)."""

    def slip(self, code: str, on_result: Callable[[str], None]) -> None:
        """The one-time notification slip of service ``code``."""

    def sample(self, code: str, material: int, on_result: Callable[[str], None]) -> None:
        """The sample document (示范文本) of a material of service ``code``."""

    def referral(self, code: str, on_result: Callable[[str], None]) -> None:
        """The 办理指引 of referral ``code``."""


class CatalogViewModel(QObject):
    """Bound to the guide pages as ``catalog``."""

    changed = Signal()

    def __init__(self, dispatcher: Dispatcher, visit: Visit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ops = Ops(dispatcher, visit, "catalog", self.changed.emit, wipe=self._wipe)
        self._source: CatalogSource | None = None
        self._renewal_service = ""
        self._papers: GuidePaperPrinter | None = None
        self._themes: list[dict[str, Any]] = []
        self._theme_name = ""
        self._wipe()

    def _wipe(self) -> None:  # the visit ended: forget the guide, list and search shown
        source = getattr(self, "_source", None)
        if source is not None:
            self._ops.run(source.end_of_searches, busy=False, visit=False)
        self._services: list[dict[str, Any]] = []
        self._guide: dict[str, Any] = {}
        self._referral: dict[str, Any] = {}
        self._results: list[dict[str, Any]] = []
        self._answered = ""  # the query the results shown answer
        self._slip_state = ""
        self._sample_state = ""
        self._preview = ""

    def attach(
        self,
        source: CatalogSource,
        executor: Executor,
        papers: GuidePaperPrinter | None = None,
    ) -> None:
        """Connect to the core once it is up (called on the GUI thread)."""
        self._source, self._papers = source, papers
        self._ops.attach(executor)
        # The catalog is nobody's: the themes stay across visits.
        self._ops.run(source.themes, self._set_themes, busy=False, visit=False)

    def _set_themes(self, themes: list[dict[str, Any]]) -> None:
        self._themes = themes
        self.changed.emit()

    @Slot(str)
    def openTheme(self, key: str) -> None:  # noqa: N802 - Qt naming
        """Load the services of theme ``key``."""
        self._theme_name, self._services = "", []
        self.changed.emit()
        source = self._source
        if source is not None:
            self._ops.run(
                lambda: source.services(key), self._set_services, busy=False, latest="theme"
            )

    def _set_services(self, result: tuple[str, list[dict[str, Any]]]) -> None:
        self._theme_name, self._services = result
        self.changed.emit()

    def set_renewal_service(self, code: str) -> None:
        """The service that renews an expired ID card (换领), offered on the card page."""
        self._renewal_service = code
        self.changed.emit()

    @Slot(str)
    def openGuide(self, code: str) -> None:  # noqa: N802
        """Load the guide of service ``code``."""
        self._guide, self._slip_state = {}, ""
        self.changed.emit()
        source = self._source
        if source is not None:
            self._ops.run(lambda: source.guide(code), self._set_guide, busy=False, latest="guide")

    def _set_guide(self, guide: dict[str, Any]) -> None:
        self._guide = guide
        self.changed.emit()

    @Slot(str)
    def openReferral(self, code: str) -> None:  # noqa: N802
        """Load referral ``code``: where a service the hall does not handle is handled."""
        self._referral, self._slip_state = {}, ""
        self.changed.emit()
        source = self._source
        if source is not None:
            self._ops.run(
                lambda: source.referral(code), self._set_referral, busy=False, latest="guide"
            )

    def _set_referral(self, referral: dict[str, Any]) -> None:
        self._referral = referral
        self.changed.emit()

    @Slot(str)
    def printReferral(self, code: str) -> None:  # noqa: N802
        """Queue the referral's 办理指引 slip; the state follows the print job (slipState)."""
        if self._papers is None:
            self._set_slip_state("failed")
            return
        self._set_slip_state("printing")
        self._papers.referral(code, self._ops.guard(self._set_slip_state))

    @Slot(str)
    def search(self, query: str) -> None:
        """Search as the citizen types (the answer to the last keystroke wins); an empty
        query clears the results."""
        source = self._source
        if not query.strip() or source is None:
            self._ops.supersede("search")
            self._results, self._answered = [], ""
            self.changed.emit()
            return
        search = source.search
        self._ops.run(
            lambda: (query, search(query, SEARCH_LIMIT)),
            self._set_results,
            busy=False,
            latest="search",
        )

    def _set_results(self, answer: tuple[str, list[dict[str, Any]]]) -> None:
        self._answered, self._results = answer

    @Slot(str)
    def printSlip(self, code: str) -> None:  # noqa: N802
        """Queue the one-time notification slip; the state follows the print job."""
        if self._papers is None:
            self._set_slip_state("failed")
            return
        self._set_slip_state("printing")
        self._papers.slip(code, self._ops.guard(self._set_slip_state))

    @Slot(str, int)
    def printSample(self, code: str, material: int) -> None:  # noqa: N802
        """Print the sample document (示范文本) of a material; the state follows the job."""
        if self._papers is None:
            self._set_sample_state("failed")
            return
        self._set_sample_state("printing")
        self._papers.sample(code, material, self._ops.guard(self._set_sample_state))

    @Slot()
    def clearSampleState(self) -> None:  # noqa: N802
        """The sample viewer closed: forget what its last print did."""
        self._set_sample_state("")

    def _set_sample_state(self, state: str) -> None:
        self._sample_state = state
        self.changed.emit()

    def set_preview(self, path: str) -> None:
        """Demo mode: the rendered picture of the slip just printed (a local file path)."""
        self._preview = QUrl.fromLocalFile(path).toString() if path else ""
        self.changed.emit()

    @Slot()
    def closePreview(self) -> None:  # noqa: N802
        """Hide the print preview."""
        self.set_preview("")

    def _set_slip_state(self, state: str) -> None:
        self._slip_state = state
        self.changed.emit()

    themes = Property(list, lambda self: self._themes, notify=changed)
    themeName = Property(str, lambda self: self._theme_name, notify=changed)
    services = Property(list, lambda self: self._services, notify=changed)
    guide = Property(dict, lambda self: self._guide, notify=changed)
    referral = Property(dict, lambda self: self._referral, notify=changed)
    searchResults = Property(list, lambda self: self._results, notify=changed)
    # The query ``searchResults`` answers: a page says "nothing found" only for it.
    searchedQuery = Property(str, lambda self: self._answered, notify=changed)
    slipState = Property(str, lambda self: self._slip_state, notify=changed)
    sampleState = Property(str, lambda self: self._sample_state, notify=changed)
    previewUrl = Property(str, lambda self: self._preview, notify=changed)
    renewalService = Property(str, lambda self: self._renewal_service, notify=changed)


def service_summary(item: Any) -> dict[str, Any]:
    """A service as lists and search results show it (name, department, badges)."""
    guide = item.guide
    return {
        "code": item.code,
        "name": item.name,
        "department": item.department,
        "visits": guide.visits_required,
        "citywide": guide.citywide,
        "appointment": guide.appointment,
        "agent": guide.agent_allowed,
        "home_service": guide.home_service,
        "applicable": guide.form is not None,
    }


def referral_summary(r: Any) -> dict[str, Any]:
    """A referral as a search result shows it: the unit where it is handled."""
    return {"code": r.code, "name": r.name, "department": r.unit, "kind": "referral"}


def referral_for_qml(r: Any) -> dict[str, Any]:
    """A referral as its page binds it."""
    return {
        **referral_summary(r),
        "description": r.description,
        "address": r.address,
        "hours": r.hours,
        "phone": r.phone,
        "phone_note": r.phone_note or "",
        "bring": r.bring,
        "online_name": r.online.name if r.online else "",
        "online_url": r.online.url if r.online else "",
    }


def sample_url(name: str | None) -> str:
    """The file URL of a shipped sample document (示范文本), "" when none is shipped."""
    from kiosk.catalog import sample_file  # here: the catalog package pulls in the database

    path = sample_file(name)
    return path.as_uri() if path is not None else ""


def material_for_qml(m: Any) -> dict[str, Any]:
    """One material as the guide page binds it, with its legal basis (设定依据) as one text."""
    return {
        "sample_url": sample_url(m.sample_template),
        "name": m.name,
        "form": m.form.value,
        "copies": m.copies,
        "source": m.source.value,
        "provider": m.provider,
        "sample": m.sample_template or "",
        "note": m.note,
        "common_errors": list(m.common_errors),
        "basis": f"{m.basis.law}{m.basis.article}" if m.basis is not None else "",
    }


def guide_for_qml(item: Any) -> dict[str, Any]:
    """A service item as the guide page binds it (words are added in QML via qsTr)."""
    from kiosk.domain.agent import agent_materials

    guide = item.guide
    return {
        **service_summary(item),
        "description": item.description,
        "accepting_unit": guide.accepting_unit,
        "legal_basis": [f"{b.law}{b.article}" for b in guide.legal_basis],
        "conditions": list(guide.conditions),
        "materials": [material_for_qml(m) for m in guide.materials],
        "agent_materials": [material_for_qml(m) for m in agent_materials(guide)],
        "queue": guide.queue or "",
        "steps": [
            {"name": s.name, "handler": s.handler, "days": s.time_limit_days} for s in guide.steps
        ],
        "fee_free": guide.fees.free,
        "fee_basis": guide.fees.basis,
        "fees": [{"name": f.name, "amount": f.amount_yuan} for f in guide.fees.items],
        "statutory_days": guide.time_limit.statutory_days,
        "promised_days": guide.time_limit.promised_days,
        "limit_unit": guide.time_limit.unit,
        "result": guide.result,
        "consult_phone": guide.consultation.phone,
        "consult_phone_note": guide.consultation.phone_note or "",
        "consult_place": guide.consultation.place,
        "consult_hours": guide.consultation.hours or "",
        "complaint_phone": guide.complaint_phone,
        "online_url": guide.online_url,
        "faq": [{"question": f.question, "answer": f.answer} for f in guide.faq],
        "face_check": [str(action) for action in guide.face_check],
    }


class BrowserSource:
    """:class:`CatalogSource` over the core's ``CatalogBrowser`` (runs on a worker thread);
    with ``misses`` (``SearchMisses``), every answered search is told to it, so the searches
    whose final query found nothing are counted for the hall."""

    def __init__(self, browser: Any, misses: Any = None) -> None:
        self._browser = browser
        self._misses = misses

    def end_of_searches(self) -> None:
        """The visit ended: its last search is final."""
        if self._misses is not None:
            self._misses.flush()

    def themes(self) -> list[dict[str, Any]]:
        """Themes with counts."""
        return [{"key": t.code, "name": t.name, "count": t.count} for t in self._browser.themes()]

    def services(self, theme: str) -> tuple[str, list[dict[str, Any]]]:
        """The theme's name and its services with their badges."""
        names = {t.code: t.name for t in self._browser.themes()}
        items = [self._browser.service(s.code) for s in self._browser.services(theme)]
        return names.get(theme, ""), [service_summary(i) for i in items]

    def guide(self, code: str) -> dict[str, Any]:
        """One full guide."""
        return guide_for_qml(self._browser.service(code))

    def search(self, query: str, limit: int) -> list[dict[str, Any]]:
        """Ranked results with their badges; a referral says where it is handled."""
        found = self._browser.search(query, limit)
        if self._misses is not None:
            self._misses.observe(query, len(found))
        return [
            referral_summary(self._browser.referral(r.code))
            if r.kind == "referral"
            else service_summary(self._browser.service(r.code))
            for r in found
        ]

    def referral(self, code: str) -> dict[str, Any]:
        """One referral for its page."""
        return referral_for_qml(self._browser.referral(code))
