"""Issue #20 item 3: schemathesis drives every documented operation of the reference central,
signed like a terminal, over real HTTP on 127.0.0.1; the check is "not a server error".

The schema is central's own OpenAPI document; each operation is one test case whose examples
come from schemathesis' hypothesis strategy (its pytest plugin does not run under pytest 9).

Every request goes through a ``requests`` session whose auth hook signs the final bytes
(RFC 9421, as the terminal does) and which also carries the staff bearer token, so the
generated data reaches the handlers instead of stopping at a 401/403. The example count is
bounded (about a minute on the reference machine); raise ``EXAMPLES`` to search longer.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from requests_http_signature import HTTPSignatureAuth, algorithms
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok

from central.app import create_app
from central.auth import add_terminal
from tests.conftest import CentralDb
from tests.integration.central_server import CentralServer
from tests.pg import PgCluster

EXAMPLES = 25

pytestmark = pytest.mark.slow


class _Signed(HTTPSignatureAuth):
    """The terminal's signature, plus the staff token for the staff routes."""

    def __init__(self, secret: str, staff_token: str) -> None:
        super().__init__(
            signature_algorithm=algorithms.HMAC_SHA256,
            key=secret.encode(),
            key_id="T01",
            covered_component_ids=("@method", "@path", "@query"),
            use_nonce=True,
        )
        self.staff_token = staff_token

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        request.headers["Authorization"] = f"Bearer {self.staff_token}"
        return super().__call__(request)


@pytest.fixture(
    scope="module",
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="pg", marks=pytest.mark.pg),
    ],
)
def central(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[CentralServer]:
    """One central per engine for the whole module: SQLite, then PostgreSQL (whose column
    lengths and types are enforced, where SQLite stores whatever it is given)."""
    folder = tmp_path_factory.mktemp("schemathesis")
    if request.param == "sqlite":
        with CentralServer(folder) as srv:
            yield srv
        return
    cluster: PgCluster = request.getfixturevalue("pg_cluster")
    name = cluster.create_database()
    try:
        db = CentralDb("postgresql", cluster.url(name), folder / "central.seal-key")
        with CentralServer(folder, db) as srv:
            yield srv
    finally:
        cluster.drop_database(name)


@pytest.fixture(scope="module")
def signed_session(central: CentralServer) -> Iterator[requests.Session]:
    secret = add_terminal(central.db, "T01", "H0001")
    with requests.Session() as http:
        http.auth = _Signed(secret, central.staff_token)
        yield http


def _operations() -> list[schemathesis.APIOperation]:
    app = create_app("sqlite://")  # only for its OpenAPI document
    try:
        schema = schemathesis.openapi.from_dict(app.openapi())
        operations = []
        for result in schema.get_all_operations():
            if not isinstance(result, Ok):
                raise AssertionError(f"central's OpenAPI holds an unusable operation: {result!r}")
            operations.append(result.ok())
        return operations
    finally:
        app.state.db.close()


@pytest.mark.parametrize("operation", _operations(), ids=lambda op: op.label)
def test_no_operation_answers_a_server_error(
    operation: schemathesis.APIOperation,
    central: CentralServer,
    signed_session: requests.Session,
) -> None:
    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    def no_server_error(case: schemathesis.Case) -> None:
        case.call_and_validate(
            base_url=central.url,
            session=signed_session,
            checks=[not_a_server_error],
            timeout=20,
        )

    no_server_error()
