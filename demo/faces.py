"""The reference registry's photos of the sample cards' holders (``assets/faces``), for the
demo's face check: the resident card's holder is the face the demo camera shows live
(``sim:face``), the social-security card's holder another person. Public-domain portraits
standing in for registry photos (sources in ``assets/faces/README.md``).
"""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session

from central.reference_photos import add_photo
from central.sealing import Sealer
from demo.certificates import INSURED, RESIDENT

FACES = Path(__file__).resolve().parents[1] / "assets" / "faces"
SAMPLE_PHOTOS: tuple[tuple[str, str], ...] = (
    (RESIDENT[0], "holder-id.jpg"),
    (INSURED[0], "other-b.jpg"),
)


def seed_sample_photos(s: Session, sealer: Sealer, id_hash_key: bytes) -> int:
    """Put the sample holders' photos into the registry (replacing earlier ones); how many."""
    for id_number, file in SAMPLE_PHOTOS:
        add_photo(s, sealer, id_hash_key, id_number, (FACES / file).read_bytes())
    return len(SAMPLE_PHOTOS)
