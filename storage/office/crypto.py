"""The office's cryptography: one content key for case data, wrapped to each member, and signed envelopes.

- **Content key**: 32 random bytes (AES-256-GCM), made by `office init`, versioned (`key_version`) so that a
  later removal of a member can rotate it. It is kept on each laptop only inside the encrypted store.
- **Wrapping to a member**: the member's X25519 public key (its *exchange key*), an ephemeral X25519 key, HKDF-
  SHA256 and AES-256-GCM, bound to the office, member and key version. Every roster states a check value of each
  content key, so a server that hands out a different key is caught.
- **Exchange key**: a separate random X25519 key pair per profile (not derived from the Ed25519 signing key, so
  the two uses never share secret material), kept inside the encrypted store beside the signing key.
- **Sealed records**: the plaintext is encrypted with the content key (the routing header as associated data)
  and the author signs header, nonce and ciphertext hash with its Ed25519 key, so neither the server nor a folder can
  read, alter, re-route or re-attribute a record.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import os
from typing import Any

import nacl.exceptions
import nacl.signing
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from casework.serial import canonical_json, plain_canonical_json
from storage.database import Connection


class EnvelopeInvalid(ValueError):
    """A signature or ciphertext that does not verify; the message names what."""


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text, validate=True)


def new_content_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def key_check(content_key: bytes) -> str:
    """A value that identifies a content key without revealing it (stated in the signed roster)."""
    return hashlib.sha256(b"casefile office key check\0" + content_key).hexdigest()


def exchange_key(conn: Connection) -> X25519PrivateKey:
    """The profile's X25519 key, made (inside the caller's transaction) on first use."""
    row = conn.execute("SELECT exchange_key FROM profile WHERE id = 1").fetchone()
    if row is not None and row[0] is not None:
        return X25519PrivateKey.from_private_bytes(bytes(row[0]))
    key = X25519PrivateKey.generate()
    conn.execute("UPDATE profile SET exchange_key = ? WHERE id = 1", (raw_private(key),))
    return key


def raw_private(key: X25519PrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption())


def raw_public(key: X25519PublicKey | Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _wrap_key(shared: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(shared)


def wrap(content_key: bytes, recipient: bytes, context: str) -> dict[str, str]:
    """`content_key` sealed to the X25519 public key `recipient`; `context` (office, member, version) is bound."""
    ephemeral = X25519PrivateKey.generate()
    info = b"casefile office key wrap\0" + context.encode()
    kek = _wrap_key(ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient)), info)
    nonce = os.urandom(12)
    sealed = AESGCM(kek).encrypt(nonce, content_key, info)
    return {"ephemeral": b64(raw_public(ephemeral.public_key())), "nonce": b64(nonce), "sealed": b64(sealed)}


def unwrap(wrapped: dict[str, Any], private: X25519PrivateKey, context: str) -> bytes:
    info = b"casefile office key wrap\0" + context.encode()
    try:
        kek = _wrap_key(private.exchange(X25519PublicKey.from_public_bytes(unb64(wrapped["ephemeral"]))), info)
        return AESGCM(kek).decrypt(unb64(wrapped["nonce"]), unb64(wrapped["sealed"]), info)
    except (KeyError, ValueError, InvalidTag):
        raise EnvelopeInvalid("the office key wrapped for this profile does not open with its key") from None


def sign(key: Ed25519PrivateKey, doc: dict[str, Any]) -> str:
    return b64(key.sign(canonical_json(doc).encode("utf-8")))


def verify(public: bytes, signature: object, doc: dict[str, Any]) -> bool:
    return _verify_text(public, signature, canonical_json(doc))


def _verify_text(public: bytes, signature: object, text: str) -> bool:
    """Ed25519, checked by libsodium (PyNaCl): twice as fast as OpenSSL here, and as strict or stricter (it
    also refuses non-canonical encodings and small-order keys), so nothing OpenSSL refuses passes."""
    try:
        _public_key(public).verify(text.encode("utf-8"), unb64(signature))
    except (ValueError, TypeError, nacl.exceptions.BadSignatureError, nacl.exceptions.CryptoError):
        return False
    return True


@functools.lru_cache(maxsize=256)
def _public_key(public: bytes) -> nacl.signing.VerifyKey:
    """A member's key, read once per process (a pull verifies thousands of records by a few members)."""
    return nacl.signing.VerifyKey(public)


def seal(content_key: bytes, header: dict[str, Any], plaintext: bytes, author: Ed25519PrivateKey) -> dict[str, str]:
    """Encrypt `plaintext` under the content key (header as associated data) and sign header + ciphertext."""
    nonce = os.urandom(12)
    ciphertext = AESGCM(content_key).encrypt(nonce, plaintext, canonical_json(header).encode("utf-8"))
    signed = {**header, "nonce": b64(nonce), "ciphertext_sha256": hashlib.sha256(ciphertext).hexdigest()}
    return {"nonce": b64(nonce), "ciphertext": b64(ciphertext), "signature": sign(author, signed)}


def open_sealed(content_key: bytes, header: dict[str, Any], envelope: dict[str, Any], author_public: bytes) -> bytes:
    """Verify the author's signature over header + ciphertext, then decrypt; EnvelopeInvalid names the failure."""
    try:
        nonce, ciphertext = unb64(envelope["nonce"]), unb64(envelope["ciphertext"])
    except (KeyError, TypeError, ValueError):
        raise EnvelopeInvalid("its envelope is not readable") from None
    signed = {**header, "nonce": b64(nonce), "ciphertext_sha256": hashlib.sha256(ciphertext).hexdigest()}
    if not _verify_text(author_public, envelope.get("signature"), plain_canonical_json(signed)):  # plain values
        raise EnvelopeInvalid("its signature does not match its content and routing (altered after signing)")
    try:
        return AESGCM(content_key).decrypt(nonce, ciphertext, plain_canonical_json(header).encode("utf-8"))
    except InvalidTag:
        raise EnvelopeInvalid("it does not decrypt with the office key") from None
