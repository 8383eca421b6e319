"""Where a face check's reference photo comes from (人证核验).

The card's own photo when the card vendor's WLT decoder is installed (``kiosk.wlt_decoders``,
:mod:`drivers.cards.wlt`); otherwise the photo central's reference registry holds for the card
holder (:mod:`kiosk.contract.faces`). The photo is handed to one check and not kept: nothing
here stores or logs it, only where it came from.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Literal

from drivers.cards.wlt import WltDecoder, decode_photo
from kiosk.domain.identity import Identity
from kiosk.services.common import Central
from kiosk.sync.faces import reference_photo

log = logging.getLogger(__name__)

Source = Literal["card", "registry", "none"]


@dataclass(frozen=True)
class Reference:
    """A reference photo (JPEG, PNG or BMP bytes; empty when there is none) and its source."""

    photo: bytes
    source: Source

    @property
    def found(self) -> bool:
        return bool(self.photo)


class ReferencePhotos:
    """The card holder's reference photo: decoded from the card, else from central."""

    def __init__(self, central: Central, decoder: WltDecoder | None = None) -> None:
        self.central = central
        self.decoder = decoder

    def for_holder(self, identity: Identity) -> Reference:
        """The photo to check ``identity``'s holder against; raises ``CentralError`` when the
        card's photo cannot be decoded and central cannot be asked."""
        own = decode_photo(identity.photo_wlt, self.decoder)
        if own:
            log.info("face check reference: the card's own photo")
            return Reference(own, "card")
        photo = self.central.call(lambda client: reference_photo(client, identity.id_number))
        if photo is None:
            log.info("face check reference: none held by the registry")
            return Reference(b"", "none")
        log.info("face check reference: the registry's photo")
        return Reference(photo, "registry")
