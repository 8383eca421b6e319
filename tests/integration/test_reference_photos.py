"""The reference registry's photos for the face check: seeded for the sample cards, read by a
signed terminal over real HTTP on SQLite and PostgreSQL, sealed at rest, every read audited
without the ID number."""

from __future__ import annotations

import base64
import secrets
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import requests
from sqlmodel import select

from central.db import AuditRow
from central.photo_rows import ReferencePhotoRow
from central.reference_photos import PhotoError, add_photo
from demo.certificates import INSURED, RESIDENT
from demo.faces import FACES, seed_sample_photos
from kiosk.contract import API_PREFIX
from kiosk.sync.client import AuthenticationError, CentralClient, Credentials
from kiosk.sync.faces import reference_photo
from tests.conftest import CentralDb
from tests.integration.central_server import CentralServer

PERMIT_HOLDER = "810000199001010035"  # assets/cards/hmt_permit.json: no photo held


@pytest.fixture
def server(tmp_path: Path, central_db: CentralDb) -> Iterator[CentralServer]:
    key = secrets.token_bytes(32)
    with CentralServer(tmp_path, central_db, id_hash_key=key) as srv:
        with srv.db.session() as s:
            assert seed_sample_photos(s, srv.db.sealer, key) == 2
        srv.id_hash_key_bytes = key  # type: ignore[attr-defined]
        yield srv


def test_a_terminal_reads_the_holders_photo_and_nothing_for_anyone_else(
    server: CentralServer,
) -> None:
    client = server.terminal("T01", "H0001")
    assert reference_photo(client, RESIDENT[0]) == (FACES / "holder-id.jpg").read_bytes()
    assert reference_photo(client, INSURED[0]) == (FACES / "other-b.jpg").read_bytes()
    assert reference_photo(client, PERMIT_HOLDER) is None
    with server.db.session() as s:
        rows = s.exec(select(ReferencePhotoRow)).all()
        assert len(rows) == 2
        for row in rows:  # by keyed hash, sealed: neither the number nor the JPEG in clear
            assert RESIDENT[0] not in row.id_hash and row.photo.startswith("fernet:")
        reads = s.exec(select(AuditRow).where(AuditRow.action.startswith("reference_photo"))).all()
    assert sorted(a.action for a in reads) == [
        "reference_photo_missing",
        "reference_photo_read",
        "reference_photo_read",
    ]
    assert all(a.actor == "terminal:T01" and RESIDENT[0] not in a.target for a in reads)


def test_the_photo_is_for_signed_terminals_only(server: CentralServer) -> None:
    body = {"id_number": RESIDENT[0]}
    plain = requests.post(
        f"{server.url}{API_PREFIX}/identity/reference-photo", json=body, timeout=10
    )
    assert plain.status_code == 401
    stranger = CentralClient(server.url, Credentials("T99", b"not-registered"), timeout=(2, 5))
    with pytest.raises(AuthenticationError):
        reference_photo(stranger, RESIDENT[0])


def test_the_registry_holds_only_jpegs_of_a_portraits_size(server: CentralServer) -> None:
    key: bytes = server.id_hash_key_bytes  # type: ignore[attr-defined]
    with server.db.session() as s:
        with pytest.raises(PhotoError, match="JPEG"):
            add_photo(s, server.db.sealer, key, PERMIT_HOLDER, b"\x89PNG\r\n\x1a\n")
        with pytest.raises(PhotoError, match="at most"):
            add_photo(s, server.db.sealer, key, PERMIT_HOLDER, b"\xff\xd8\xff" + b"0" * 300_000)
        replaced = (FACES / "other-a.jpg").read_bytes()
        add_photo(s, server.db.sealer, key, INSURED[0], replaced)
    client = server.terminal("T02", "H0001")
    assert reference_photo(client, INSURED[0]) == replaced
    assert base64.b64encode(replaced)  # a photo travels as base64 inside the JSON


def test_the_cards_own_photo_is_used_when_a_decoder_is_installed(server: CentralServer) -> None:
    from demo.terminal import sample_identity
    from kiosk.services.common import Central
    from kiosk.services.reference_photos import ReferencePhotos

    holder = sample_identity("resident")
    central = Central(server.terminal("T03", "H0001"))
    registry = ReferencePhotos(central).for_holder(holder)
    assert registry.source == "registry"
    assert registry.photo == (FACES / "holder-id.jpg").read_bytes()
    # A vendor's WLT decoder (kiosk.wlt_decoders) turns the card's own photo into a BMP.
    bmp = b"BM" + bytes(64)
    decoded = ReferencePhotos(central, decoder=lambda wlt: bmp).for_holder(
        replace(holder, photo_wlt=b"\x57\x4c" * 512)
    )
    assert decoded.source == "card" and decoded.photo == bmp
    nobody = ReferencePhotos(central).for_holder(replace(holder, id_number=PERMIT_HOLDER))
    assert nobody.source == "none" and not nobody.found
