"""Queue tickets (取号): numbered by central when online, from the terminal's block offline.

A ticket that did not come out of the printer is not issued: it is written
``pending_print`` and becomes ``issued`` only when its print job is printed, or
``shown_on_screen`` when the citizen agrees to read the number off the screen. Only then does
it go into the outbox; the outbox delivers it when the network returns and central files it
in the queue by time. One person (card) holds at most one live ticket per queue and day.

- :mod:`~kiosk.services.tickets.numbering` — central's number or the terminal's own;
- :mod:`~kiosk.services.tickets.transitions` — the ticket's states and their outbox items;
- :mod:`~kiosk.services.tickets.printing` — the slip, its print future, resuming after a restart;
- :mod:`~kiosk.services.tickets.service` — :class:`TicketService`, what the screens call.
"""

from kiosk.services.tickets.numbering import display_number
from kiosk.services.tickets.service import PRINT_WAIT_S, TicketService
from kiosk.services.tickets.transitions import LIVE_STATES, IssuedTicket

__all__ = ["LIVE_STATES", "PRINT_WAIT_S", "IssuedTicket", "TicketService", "display_number"]
