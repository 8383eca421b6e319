"""免提交 really checked: the terminal asks central's data-sharing registry over real HTTP."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import requests

from central.db import Database
from central.idkey import load_or_create_id_key
from central.shared import add_record, mask_licence
from central.testing import CentralProcess
from kiosk.services.common import Central, CentralError
from kiosk.services.shared_data import SharedDataService
from tests.integration.services_env import client_for

HOLDER = "110105198003150012"
OTHER = "110105199001010011"


@pytest.fixture
def shared(central: CentralProcess, tmp_path: Path) -> SharedDataService:
    secret = central.add_terminal("T01")
    central.start()
    key = load_or_create_id_key(central.id_hash_key_path)
    db = Database(central.db_url, central.seal_key_file)
    with db.session() as s:
        add_record(
            s, key, HOLDER, "户口簿信息", "HK1101050012345", "示范市公安局", date(2015, 6, 1)
        )
        add_record(s, key, HOLDER, "结婚证信息", "J110105-2010-004521", "示范市民政局")
        add_record(s, key, OTHER, "学历信息", "100011200205001234", "学信网")
    db.engine.dispose()
    return SharedDataService(Central(client_for(central.url, "T01", secret)))


def test_held_materials_are_verified_with_masked_numbers_and_the_rest_are_not(
    shared: SharedDataService,
) -> None:
    found = shared.verify(HOLDER, ["户口簿信息", "学历信息", "结婚证信息"])
    assert list(found) == ["户口簿信息", "学历信息", "结婚证信息"]
    hukou = found["户口簿信息"]
    assert hukou is not None and hukou.issuer == "示范市公安局"
    assert hukou.licence_no == "HK*********2345" and hukou.issued_on == date(2015, 6, 1)
    assert "1101050012" not in hukou.licence_no  # never the whole number
    assert found["学历信息"] is None  # someone else's record is not this person's
    marriage = found["结婚证信息"]
    assert marriage is not None and marriage.issued_on is None


def test_nobody_unregistered_can_ask_and_a_bad_question_is_refused_not_a_500(
    shared: SharedDataService, central: CentralProcess
) -> None:
    url = f"{central.url}/api/v1/shared/check"
    unsigned = requests.post(
        url, json={"id_number": HOLDER, "materials": ["户口簿信息"]}, timeout=5
    )
    assert unsigned.status_code == 401
    client = shared.central.client
    assert client is not None
    for body in (
        {"id_number": "123", "materials": ["户口簿信息"]},
        {"id_number": HOLDER, "materials": []},
        {"id_number": HOLDER, "materials": ["x"] * 31},
    ):
        reply = client._http.post(url, json=body, auth=client._auth, timeout=5)  # noqa: SLF001
        assert reply.status_code == 422, body


def test_offline_the_check_raises_so_the_flow_offers_the_other_ways(tmp_path: Path) -> None:
    offline = SharedDataService(Central(None))
    with pytest.raises(CentralError):
        offline.verify(HOLDER, ["户口簿信息"])
    assert offline.verify(HOLDER, []) == {}


@pytest.mark.parametrize(
    ("number", "masked"),
    [("HK1101050012345", "HK*********2345"), ("12345", "*****"), ("ABCDEFG", "AB*DEFG")],
)
def test_licence_numbers_leave_central_masked(number: str, masked: str) -> None:
    assert mask_licence(number) == masked


def test_a_platform_that_answers_a_number_unmasked_still_shows_none_in_full() -> None:
    from types import SimpleNamespace

    from kiosk.contract import SharedCheckResult, SharedFinding

    class Careless:
        """A data-sharing platform that forgets to mask (the terminal does not trust it)."""

        client = SimpleNamespace()

        def call(self, what):  # noqa: ANN001, ANN202 - the Central seam
            return SharedCheckResult(
                findings=[
                    SharedFinding(
                        material="申请人居民身份证",
                        found=True,
                        licence_no=HOLDER,
                        issuer="示范市公安局",
                    )
                ]
            )

    found = SharedDataService(Careless()).verify(HOLDER, ["申请人居民身份证"])  # type: ignore[arg-type]
    card = found["申请人居民身份证"]
    assert card is not None and card.licence_no == "1101**********0012"
