"""Shared pieces of the wire format: version, base model, personal-field names, health."""

from __future__ import annotations

import hashlib
import hmac

from pydantic import BaseModel, ConfigDict, Field

API_VERSION = 1
# The largest integer an INTEGER column holds: signed 32 bits on PostgreSQL (SQLite would take
# 64 and hide the difference). Bound every number that is stored or compared with a column.
MAX_INT32 = 2**31 - 1
MAX_INT64 = 2**63 - 1  # a BIGINT column
API_PREFIX = f"/api/v{API_VERSION}"

# Keys that hold personal data wherever they appear in a payload. The terminal encrypts
# their values at rest and drops them after retention; models use only these names for
# personal data so one list covers every kind (over-matching, e.g. a file's ``name``, is
# harmless: it is merely encrypted too).
# ``text`` and ``comment`` are the citizen's own words (complaints, questions, ratings): people
# write names, phone numbers and addresses into them, so they are sealed too.
PERSONAL_FIELDS: frozenset[str] = frozenset(
    {"name", "id_number", "address", "phone", "photo", "email", "contact", "text", "comment"}
)


class WireModel(BaseModel):
    """Base of every contract model: unknown fields are ignored (fields are only added)."""

    model_config = ConfigDict(extra="ignore", frozen=True)


class Health(WireModel):
    """Answer of ``GET /api/v1/health`` (unsigned, for reachability checks)."""

    status: str = "ok"
    api_version: int = API_VERSION
    server_time: str


class IdHashKey(WireModel):
    """``GET /api/v1/terminal/id-hash-key`` (signed): the deployment's key for hashing ID
    numbers (HMAC-SHA256), base64url; ``key_id`` names it (changes when central rotates it).
    """

    key: str = Field(min_length=22, max_length=100, pattern=r"^[A-Za-z0-9_-]+=*$")
    key_id: str = Field(min_length=1, max_length=32)


def keyed_id_hash(key: bytes, number: str) -> str:
    """HMAC-SHA256 (hex) of an ID number under the deployment's ID-hash key (the wire form
    of an ID number wherever terminals and central compare one).

    Terminals and central compare ID numbers only through this: a bare SHA-256 of an
    18-character number with a known region and birth year is reversed in under a second,
    a keyed hash is not without the key. The number is trimmed and upper-cased first.
    """
    if len(key) < 16:
        raise ValueError("the ID-hash key must have at least 16 bytes")
    return hmac.new(key, number.strip().upper().encode(), hashlib.sha256).hexdigest()
