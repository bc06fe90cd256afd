"""API keys for writes: created once, shown once, stored only as a salted scrypt hash.

A key reads ``sm_<id>_<secret>``: the id finds the row, the secret is checked against the hash,
so a stolen database gives no usable key and a lookup needs no scan of every hash.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import (
    Engine,
    insert,
    select,
    update,
)

from sitmap.store.schema import api_keys

PREFIX = "sm"
# scrypt cost: about 15 ms and 16 MiB per check on a laptop core.
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


@dataclass(frozen=True, slots=True)
class ApiKey:
    """A stored key as listed: never its secret."""

    id: str
    name: str
    created_at: datetime
    revoked_at: datetime | None
    uses: int


def create_key(engine: Engine, name: str) -> str:
    """Store a new key named ``name`` and return its plaintext (the only time it is ever shown)."""
    key_id = secrets.token_hex(6)
    secret = secrets.token_urlsafe(24)
    salt = secrets.token_bytes(16)
    with engine.begin() as connection:
        connection.execute(
            insert(api_keys).values(
                id=key_id,
                name=name,
                salt=salt,
                hash=_hash(secret, salt),
                created_at=datetime.now(UTC),
                uses=0,
            )
        )
    return f"{PREFIX}_{key_id}_{secret}"


def list_keys(engine: Engine) -> list[ApiKey]:
    """Every stored key, oldest first, revoked ones included."""
    query = select(api_keys).order_by(api_keys.c.created_at, api_keys.c.id)
    with engine.connect() as connection:
        return [ApiKey(r.id, r.name, r.created_at, r.revoked_at, r.uses) for r in connection.execute(query)]


def revoke_key(engine: Engine, key_id: str) -> bool:
    """Revoke the key with id ``key_id`` (or its full plaintext); whether a live key was revoked."""
    key_id = _split(key_id)[0] if key_id.startswith(f"{PREFIX}_") else key_id
    with engine.begin() as connection:
        done = connection.execute(
            update(api_keys)
            .where(api_keys.c.id == key_id, api_keys.c.revoked_at.is_(None))
            .values(revoked_at=datetime.now(UTC))
        )
        return bool(done.rowcount)


def check_key(engine: Engine, plaintext: str) -> ApiKey | None:
    """The live key that ``plaintext`` is, counting one use; None for a wrong, unknown or revoked key."""
    key_id, secret = _split(plaintext)
    if not key_id:
        return None
    with engine.begin() as connection:
        row = connection.execute(select(api_keys).where(api_keys.c.id == key_id)).first()
        if (
            row is None
            or row.revoked_at is not None
            or not hmac.compare_digest(row.hash, _hash(secret, row.salt))
        ):
            return None
        connection.execute(update(api_keys).where(api_keys.c.id == key_id).values(uses=api_keys.c.uses + 1))
        return ApiKey(row.id, row.name, row.created_at, row.revoked_at, row.uses + 1)


def _split(plaintext: str) -> tuple[str, str]:
    parts = plaintext.strip().split("_", 2)
    if len(parts) != 3 or parts[0] != PREFIX or not parts[1] or not parts[2]:
        return "", ""
    return parts[1], parts[2]


def _hash(secret: str, salt: bytes) -> bytes:
    return hashlib.scrypt(secret.encode(), salt=salt, dklen=32, **_SCRYPT)
