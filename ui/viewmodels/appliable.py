"""View-model of the list of services that can be applied for here, bound as ``appliable``.

Shown by the apply page (choose a service) and the appointment page (the service's name).
The catalog is nobody's personal data: it is loaded once the core is up and kept across
visits; only the typed filter is forgotten when a visit ends.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.visit import Visit
from ui.ops import Dispatcher, Ops
from ui.viewmodels.apply_core import ApplyCore
from ui.viewmodels.catalog import service_summary

if TYPE_CHECKING:  # the catalog's models load after the first frame
    from kiosk.domain.catalog import ServiceItem


class AppliableViewModel(QObject):
    """Bound as ``appliable``: ``services`` (filtered by ``query``), ``serviceInfo(code)``."""

    changed = Signal()

    def __init__(self, dispatcher: Dispatcher, visit: Visit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ops = Ops(dispatcher, visit, "appliable", self.changed.emit, wipe=self._wipe)
        self._core: ApplyCore | None = None
        self._items: dict[str, ServiceItem] = {}
        self._query = ""

    def attach(self, core: ApplyCore) -> None:
        """Connect to the core once it is up (GUI thread)."""
        self._core = core
        self._ops.attach(core.tasks)
        self.loadServices()

    def item(self, code: str) -> ServiceItem | None:
        """The appliable service ``code`` (None when it cannot be applied for here)."""
        return self._items.get(code)

    @Slot()
    def loadServices(self) -> None:  # noqa: N802 - Qt naming
        """(Re)load the services that can be applied for here."""
        core = self._core
        if core is None:
            return

        def loaded(items: list[ServiceItem]) -> None:
            self._items = {i.code: i for i in items}

        self._ops.run(core.appliable, loaded, busy=False, visit=False)

    @Slot(str)
    def setQuery(self, text: str) -> None:  # noqa: N802
        """Filter the list of services by name, department or keyword."""
        self._query = text.strip()
        self.changed.emit()

    @Slot(str, result="QVariant")
    def serviceInfo(self, code: str) -> dict[str, Any]:  # noqa: N802
        """Summary of one appliable service ({} when it cannot be applied for here)."""
        item = self._items.get(code)
        return service_summary(item) if item else {}

    def _services(self) -> list[dict[str, Any]]:
        query = self._query.lower()
        items = sorted(self._items.values(), key=lambda i: (-i.popularity, i.code))
        if query:
            items = [
                i
                for i in items
                if query in i.name.lower()
                or query in i.department.lower()
                or any(query in k.lower() for k in i.keywords)
            ]
        return [service_summary(i) for i in items]

    def _wipe(self) -> None:
        self._query = ""

    services = Property(list, _services, notify=changed)
    query = Property(str, lambda self: self._query, notify=changed)
