"""RFC 9421 Appendix B.2.5 ("Signing a Request Using hmac-sha256"): the terminal's signer
reproduces the published signature byte for byte, and central's signature check accepts it.

The vector covers ``date``, ``@authority`` and ``content-type`` with ``created`` and
``keyid`` only; central's policy (nonce, content-digest, freshness) would refuse such a
request on its own terms, which the last test shows, so the vector is checked against the
cryptographic layer that both sides share the meaning of.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from datetime import datetime

import pytest

from central.auth import Authenticator, AuthError, check_signature
from central.db import Database
from kiosk.sync.client import CentralClient, Credentials

# Appendix B.1.5, "test-shared-secret" (base64 of the 64 key bytes).
RFC_SECRET = base64.b64decode(
    "uzvJfB4u3N0Jy4T7NZ75MDVcr8zSTInedJtkgcu46YW4XByzNJjxBdtjUkdJPBtbmHhIDi6pcl8jsasjlTMtDQ=="
)
RFC_URL = "https://example.com/foo?param=Value&Pet=dog"
RFC_SIGNATURE_INPUT = (
    'sig-b25=("date" "@authority" "content-type");created=1618884473;keyid="test-shared-secret"'
)
RFC_SIGNATURE = "sig-b25=:pxcQw6G3AjtMBQjwo8XzkZf/bws5LelbaMk5rGIGtE8=:"


def _rfc_headers() -> dict[str, str]:
    """The ``test-request`` of Appendix B.2 (header names as a client sends them)."""
    return {
        "Host": "example.com",
        "Date": "Tue, 20 Apr 2021 02:07:55 GMT",
        "Content-Type": "application/json",
        "Content-Digest": "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrI"
        "iYllu7BNNyealdVLvRwEmTHWXvJwew==:",
        "Content-Length": "18",
    }


class _LowerHeaders(dict[str, str]):
    """Case-insensitive lookups, as a server's header mapping offers."""

    def __init__(self, headers: dict[str, str]) -> None:
        super().__init__({k.lower(): v for k, v in headers.items()})

    def __getitem__(self, key: str) -> str:
        return super().__getitem__(key.lower())

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and super().__contains__(key.lower())


@dataclass
class _Request:
    method: str = "POST"
    url: str = RFC_URL
    headers: dict[str, str] = field(default_factory=_rfc_headers)


def test_the_terminals_signer_reproduces_the_rfc_signature() -> None:
    client = CentralClient("https://example.com", Credentials("test-shared-secret", RFC_SECRET))
    request = _Request()
    client._auth.signer.sign(
        request,
        key_id="test-shared-secret",
        created=datetime.fromtimestamp(1618884473),
        label="sig-b25",
        include_alg=False,
        covered_component_ids=("date", "@authority", "content-type"),
        use_existing_digest=True,  # the request already carries its (unsigned) digest
    )
    assert request.headers["Signature-Input"] == RFC_SIGNATURE_INPUT
    assert request.headers["Signature"] == RFC_SIGNATURE


def _signed_rfc_headers() -> _LowerHeaders:
    return _LowerHeaders(
        {**_rfc_headers(), "Signature-Input": RFC_SIGNATURE_INPUT, "Signature": RFC_SIGNATURE}
    )


def test_centrals_signature_check_accepts_the_rfc_signature() -> None:
    check_signature("POST", RFC_URL, _signed_rfc_headers(), RFC_SECRET)


@pytest.mark.parametrize(
    ("header", "value"),
    [("Date", "Tue, 20 Apr 2021 02:07:56 GMT"), ("Content-Type", "text/plain")],
)
def test_centrals_signature_check_refuses_a_changed_covered_field(header: str, value: str) -> None:
    headers = _signed_rfc_headers()
    headers[header.lower()] = value
    with pytest.raises(AuthError) as err:
        check_signature("POST", RFC_URL, headers, RFC_SECRET)
    assert err.value.reason == "bad_signature"


def test_centrals_signature_check_refuses_another_secret() -> None:
    with pytest.raises(AuthError) as err:
        check_signature("POST", RFC_URL, _signed_rfc_headers(), RFC_SECRET[::-1])
    assert err.value.reason == "bad_signature"


def test_centrals_policy_still_wants_a_nonce_and_the_digest() -> None:
    db = Database("sqlite://")
    try:
        with pytest.raises(AuthError) as err:
            Authenticator(db).verify("POST", RFC_URL, _signed_rfc_headers(), b'{"hello": "world"}')
        assert err.value.reason == "malformed"  # @method, @path, @query, content-digest missing
    finally:
        db.close()
