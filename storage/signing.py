"""The profile's Ed25519 key: it signs memo seals, the audit log's head and review bundles.

The private key lives only inside the encrypted database (profile.signing_key); it is made on first use.
"""

from __future__ import annotations

import hashlib

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from storage.database import Connection


def profile_key(conn: Connection) -> Ed25519PrivateKey:
    """The profile's key, created (inside the caller's transaction, if any) when it has none yet."""
    row = conn.execute("SELECT signing_key FROM profile WHERE id = 1").fetchone()
    if row is not None and row[0] is not None:
        return Ed25519PrivateKey.from_private_bytes(bytes(row[0]))
    key = Ed25519PrivateKey.generate()
    raw = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                            serialization.NoEncryption())
    conn.execute("UPDATE profile SET signing_key = ? WHERE id = 1", (raw,))
    return key


def profile_public_key(conn: Connection) -> Ed25519PublicKey:
    row = conn.execute("SELECT signing_key FROM profile WHERE id = 1").fetchone()
    if row is None or row[0] is None:
        raise ValueError("the profile has no signing key")
    return Ed25519PrivateKey.from_private_bytes(bytes(row[0])).public_key()


def public_bytes(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id(public: bytes) -> str:
    """The short id printed on seals: the first 16 hex digits of the public key's SHA-256."""
    return hashlib.sha256(public).hexdigest()[:16]
