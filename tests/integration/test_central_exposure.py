"""Issue #20 item 14: what central shows and stores. API docs only when a deployer asks for
them; invisible or direction-changing characters and NUL are refused in names; terminal
secrets are not kept in clear."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
import requests
from sqlmodel import select

from central.db import Database, Terminal
from central.sealing import SealError
from kiosk.contract import API_PREFIX, BatchItem, IntakeKind
from kiosk.sync.client import CentralClient
from tests.integration.central_server import CentralServer
from tests.sample_submissions import sample_submission


@pytest.mark.parametrize("path", ["/docs", "/redoc", "/openapi.json"])
def test_api_docs_are_not_served_by_default(central_server: CentralServer, path: str) -> None:
    assert requests.get(f"{central_server.url}{path}", timeout=5).status_code == 404


def test_api_docs_are_served_when_the_deployer_asks(tmp_path: Path) -> None:
    with CentralServer(tmp_path, public_docs=True) as srv:
        assert requests.get(f"{srv.url}/docs", timeout=5).status_code == 200
        doc = requests.get(f"{srv.url}/openapi.json", timeout=5).json()
        assert f"{API_PREFIX}/intake/batch" in doc["paths"]


@pytest.mark.parametrize(
    "name",
    ["张\x00三", "张\u202e三", "张\u200b三", "\ufeff张三", "张\u2066三\u2069", "张\u200d三"],
    ids=["nul", "rtl-override", "zero-width-space", "bom", "bidi-isolate", "zero-width-joiner"],
)
def test_a_name_with_hidden_characters_is_refused(central_server: CentralServer, name: str) -> None:
    client: CentralClient = central_server.terminal("T01", "H0001")
    body = json.loads(sample_submission("R-hidden").model_dump_json())
    body["applicant"]["name"] = name
    item = BatchItem(key=f"k-{uuid.uuid4().hex}", kind=IntakeKind.SUBMISSION, body=body)
    req = requests.Request(
        "POST",
        f"{central_server.url}{API_PREFIX}/intake/batch",
        data=json.dumps({"items": [item.model_dump(mode="json")]}).encode(),
        headers={"Content-Type": "application/json"},
    ).prepare()
    client._auth(req)
    with requests.Session() as http:
        reply = http.send(req, timeout=10)
    assert reply.status_code == 422, reply.text
    assert reply.json()["detail"][0]["type"] == "string_hidden_characters"


def test_ordinary_names_pass(central_server: CentralServer) -> None:
    client = central_server.terminal("T01", "H0001")
    for i, name in enumerate(["阿依古丽·买买提", "O'Brien Mary-Jane", "欧阳娜娜"]):
        body = json.loads(sample_submission(f"R-ok-{i}").model_dump_json())
        body["applicant"]["name"] = name
        item = BatchItem(key=f"k-{uuid.uuid4().hex}", kind=IntakeKind.SUBMISSION, body=body)
        assert client.send_batch([item]).results[0].status == 201


def test_terminal_secrets_are_not_stored_in_clear(central_server: CentralServer) -> None:
    client = central_server.terminal("T01", "H0001")
    secret = client._auth.signer.key_resolver.resolve_private_key("T01")  # type: ignore[union-attr]
    with central_server.db.session() as s:
        stored = s.exec(select(Terminal.secret)).one()
    assert secret not in bytes(stored)
    assert client.catalog_delta(0).version == 0  # and the terminal still authenticates


def test_a_secret_stored_in_clear_by_an_older_central_is_sealed_on_open(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    db = Database(url)
    with db.session() as s:
        s.add(Terminal(terminal_id="T01", hall_id="H0001", secret=b"an-old-clear-secret"))
    db.close()
    again = Database(url)
    try:
        with again.session() as s:
            stored = bytes(s.exec(select(Terminal.secret)).one())
        assert b"an-old-clear-secret" not in stored
        assert again.sealer.open(stored) == b"an-old-clear-secret"
        assert (tmp_path / "old.db.seal-key").stat().st_mode & 0o777 == 0o600
    finally:
        again.close()


def test_a_database_url_without_a_default_key_place_needs_a_key_file() -> None:
    with pytest.raises(SealError):
        Database("postgresql://nobody@127.0.0.1:1/none")
