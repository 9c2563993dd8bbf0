"""The office recovery key: an X25519 key pair whose public half every profile's recovery slot is sealed to.

Office IT makes the pair once (`casefile office keygen`). The private half is written encrypted under its own
passphrase (scrypt, N=2^17 r=8 p=1, then AES-256-GCM with the file's header as associated data; a JSON file)
and is never stored in any profile; the public half is a small JSON file handed to every laptop at setup
(`casefile init --recovery-key FILE`). A recovery slot wraps the profile's data key ECIES-style: an ephemeral
X25519 key agrees a secret with the office key, HKDF-SHA256 turns it into an AES-256-GCM key, and the slot
header is the associated data — so the slot opens only with the office's private key, and no parameter in it
can be swapped unnoticed.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from storage.errors import UserFacingError

PUBLIC_FORMAT = "casefile.recovery-public-key"
PUBLIC_NAME = "recovery-public-key.json"
PRIVATE_NAME = "recovery-private-key.json"
PRIVATE_FORMAT = "casefile.recovery-private-key"
HKDF_INFO = b"casefile recovery slot v1"
SCRYPT = {"n": 2**17, "r": 8, "p": 1}
"""scrypt cost for the private key file: 128 MiB, a few tenths of a second. (PKCS#8 PEM with cryptography's
BestAvailableEncryption would use PBKDF2 at only 2,048 rounds — too few for the one key that opens every laptop
in the office.)"""


class RecoveryKeyError(UserFacingError):
    """A recovery key file that cannot be used: missing, foreign, or the wrong passphrase for it."""

    title = "Recovery key"


class RecoverySlotMismatch(UserFacingError):
    """The private key given does not open this profile's recovery slot (another office's, or no slot)."""

    title = "Recovery key does not fit"


def key_id(public: X25519PublicKey) -> str:
    """A short fingerprint to compare out of band and to name the key a slot is sealed to."""
    return hashlib.sha256(raw_public(public)).hexdigest()[:16]


@dataclass(frozen=True)
class KeyPairFiles:
    public: Path
    private: Path
    key_id: str


def keygen(folder: Path, passphrase: str) -> KeyPairFiles:
    """Write a new recovery key pair into `folder` (made 0700 if new); never replaces existing files."""
    if len(passphrase) < 12:
        raise RecoveryKeyError("the recovery key's passphrase must be at least 12 characters")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    public_path, private_path = folder / PUBLIC_NAME, folder / PRIVATE_NAME
    for p in (public_path, private_path):
        if p.exists():
            raise RecoveryKeyError(f"{p} already exists; it has not been replaced")
    private = X25519PrivateKey.generate()
    public = private.public_key()
    raw = private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                serialization.NoEncryption())
    head: dict[str, Any] = {"format": PRIVATE_FORMAT, "format_version": 1, "key_id": key_id(public),
            "kdf": {"name": "scrypt", **SCRYPT, "salt": base64.b64encode(os.urandom(16)).decode()},
            "nonce": base64.b64encode(os.urandom(12)).decode()}
    sealed = AESGCM(_file_key(head, passphrase)).encrypt(base64.b64decode(head["nonce"]), raw, _aad(head))
    doc = {**head, "private_key": base64.b64encode(sealed).decode()}
    _write_new(private_path, (json.dumps(doc, indent=2) + "\n").encode())
    doc = {"format": PUBLIC_FORMAT, "format_version": 1, "key_id": key_id(public),
           "public_key": base64.b64encode(public.public_bytes(serialization.Encoding.Raw,
                                                              serialization.PublicFormat.Raw)).decode()}
    _write_new(public_path, (json.dumps(doc, indent=2) + "\n").encode())
    return KeyPairFiles(public_path, private_path, key_id(public))


def _write_new(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def load_public(path: Path) -> X25519PublicKey:
    """The office's public recovery key from its JSON file; RecoveryKeyError (one clear line) otherwise."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
        if not isinstance(doc, dict) or doc.get("format") != PUBLIC_FORMAT:
            raise ValueError("foreign")
        public = X25519PublicKey.from_public_bytes(base64.b64decode(doc["public_key"], validate=True))
    except OSError as exc:
        raise RecoveryKeyError(f"cannot read the recovery key {path}: {exc.strerror}") from None
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise RecoveryKeyError(f"{path} is not an office public recovery key (made by 'casefile office "
                               "keygen')") from None
    if doc.get("key_id") not in (None, key_id(public)):
        raise RecoveryKeyError(f"{path} is damaged: its key id does not match its key")
    return public


def _aad(head: dict[str, Any]) -> bytes:
    return json.dumps(head, sort_keys=True).encode()


def _file_key(head: dict[str, Any], passphrase: str) -> bytes:
    kdf = head["kdf"]
    if kdf.get("name") != "scrypt" or not (2**14 <= int(kdf["n"]) <= 2**22):
        raise ValueError("unknown or altered kdf")
    return Scrypt(salt=base64.b64decode(kdf["salt"]), length=32, n=int(kdf["n"]), r=int(kdf["r"]),
                  p=int(kdf["p"])).derive(passphrase.encode("utf-8"))


def load_private(path: Path, passphrase: str) -> X25519PrivateKey:
    """The office's private recovery key, decrypted with its own passphrase; RecoveryKeyError otherwise."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
        if not isinstance(doc, dict) or doc.get("format") != PRIVATE_FORMAT:
            raise ValueError("foreign")
        sealed = base64.b64decode(doc["private_key"], validate=True)
        head = {k: v for k, v in doc.items() if k != "private_key"}
        key = _file_key(head, passphrase)
    except OSError as exc:
        raise RecoveryKeyError(f"cannot read the recovery key {path}: {exc.strerror}") from None
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        raise RecoveryKeyError(f"{path} is not an office private recovery key (made by 'casefile office "
                               "keygen')") from None
    try:
        raw = AESGCM(key).decrypt(base64.b64decode(head["nonce"]), sealed, _aad(head))
        private = X25519PrivateKey.from_private_bytes(raw)
    except (InvalidTag, ValueError, KeyError, TypeError):
        raise RecoveryKeyError(f"the passphrase does not open the recovery key {path} (or the file is "
                               "damaged)") from None
    return private


def _kek(shared: bytes, salt: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=HKDF_INFO).derive(shared)


def raw_public(public: X25519PublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def seal_with(ephemeral: X25519PrivateKey, data_key: bytes, public: X25519PublicKey, salt: bytes, nonce: bytes,
              header: bytes) -> bytes:
    """`data_key` wrapped to `public` with a fresh `ephemeral` key (whose public half the header carries)."""
    return AESGCM(_kek(ephemeral.exchange(public), salt)).encrypt(nonce, data_key, header)


def open_sealed(private: X25519PrivateKey, epk: bytes, salt: bytes, nonce: bytes, wrapped: bytes,
                header: bytes) -> bytes:
    """The data key from a recovery slot, or RecoverySlotMismatch."""
    try:
        kek = _kek(private.exchange(X25519PublicKey.from_public_bytes(epk)), salt)
        return AESGCM(kek).decrypt(nonce, wrapped, header)
    except (InvalidTag, ValueError):
        raise RecoverySlotMismatch("this private recovery key does not open this profile's recovery slot "
                                   "(it belongs to another office, or the slot was altered)") from None
