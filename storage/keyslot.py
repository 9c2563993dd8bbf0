"""Key slots: the store's random 256-bit data key, wrapped by keys derived from passphrases.

The file (`casefile.keys`, JSON, versioned) sits beside the database:

    {"format": "casefile.keys", "format_version": 1, "store_id": "...",
     "slots": [{"id": "p1", "kind": "passphrase",
                "kdf": {"name": "argon2id", "time_cost": 3, "memory_kib": 131072, "parallelism": 2,
                        "salt": "<base64>"},
                "nonce": "<base64>", "wrapped_key": "<base64>"}]}

Each slot wraps the same data key with AES-256-GCM under its own key-encryption key; the slot header is the
associated data, so a tampered parameter fails authentication like a wrong passphrase does. Changing a
passphrase rewraps one slot and never re-encrypts the store.

A FIPS profile (`casefile init --fips`) derives its passphrase key with PBKDF2-HMAC-SHA512 instead of Argon2id;
the KDF's name is in the slot ("kdf": {"name": "pbkdf2-sha512", ...}); a slot without a name is Argon2id, so
both kinds read. A recovery slot (kind "recovery", storage.recovery) wraps the same data key to the office's
public recovery key (ephemeral X25519, HKDF-SHA256, AES-256-GCM), with its header as associated data and the
same checksum as a passphrase slot.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import logging
import os
import secrets
import shutil
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import argon2.low_level
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from casework.i18n import QT_TRANSLATE_NOOP
from casework.passphrase import passphrase_problem
from storage import error_map, recovery
from storage.atomic import atomic_write_bytes, fsync_dir, staged
from storage.database import DatabaseError
from storage.errors import (
    PassphraseNotChanged,
    PassphraseRefused,
    StorageFull,
    StoreBusy,
    StoreCorrupt,
    StorePermissionDenied,
    StoreReadOnly,
    UserFacingError,
    WrongPassphrase,
)

log = logging.getLogger(__name__)

FORMAT = "casefile.keys"
FORMAT_VERSION = 1
KEY_BYTES = 32


ARGON2ID = "argon2id"
PBKDF2_SHA512 = "pbkdf2-sha512"
RECOVERY_KDF = "x25519-hkdf-sha256"


@dataclass(frozen=True, slots=True)
class KdfParams:
    """KDF and cost. Stored in each slot, so raising the defaults later never locks out an old slot.

    Argon2id uses all three costs; PBKDF2-HMAC-SHA512 (FIPS profiles) takes `time_cost` as its iteration count
    and ignores the other two."""

    time_cost: int = 28
    memory_kib: int = 64 * 1024
    parallelism: int = 2
    salt: str = ""  # base64; filled per slot
    name: str = ARGON2ID

    def derive(self, passphrase: str) -> bytes:
        if self.name == PBKDF2_SHA512:
            if not 1 <= self.time_cost <= MAX_PBKDF2_ITERATIONS:
                raise WrongPassphrase()  # an altered count (its checksum recomputed) fails like AES-GCM would
            return PBKDF2HMAC(algorithm=hashes.SHA512(), length=KEY_BYTES, salt=base64.b64decode(self.salt),
                              iterations=self.time_cost).derive(passphrase.encode("utf-8"))
        if self.name != ARGON2ID:
            raise WrongPassphrase()  # read_key_file refuses unknown names first; this is only a backstop
        return argon2.low_level.hash_secret_raw(
            passphrase.encode("utf-8"),
            base64.b64decode(self.salt),
            time_cost=self.time_cost,
            memory_cost=self.memory_kib,
            parallelism=self.parallelism,
            hash_len=KEY_BYTES,
            type=argon2.low_level.Type.ID,
        )


DEFAULT_KDF = KdfParams()
"""Argon2id at 64 MiB, 28 passes, 2 lanes: about 0.5 s here (bench/foundation.py prints it). 64 MiB rather
than more keeps the app's peak memory under its 200 MB budget; the passes make up the cost. Tests swap in a
cheap one."""

MAX_PBKDF2_ITERATIONS = 100_000_000
KNOWN_KDFS = {"passphrase": (ARGON2ID, PBKDF2_SHA512), "recovery": (RECOVERY_KDF,)}

FIPS_KDF = KdfParams(time_cost=600_000, memory_kib=0, parallelism=0, name=PBKDF2_SHA512)
"""PBKDF2-HMAC-SHA512 at 600,000 iterations (above NIST SP 800-132's and OWASP's floors): the key derivation a
FIPS 140 module offers, for CJIS deployments that require one. Weaker against GPU guessing than Argon2id, so
only chosen on purpose (`casefile init --fips`)."""


@dataclass(frozen=True, slots=True)
class Slot:
    id: str
    kind: str
    kdf: KdfParams
    nonce: str
    wrapped_key: str
    ephemeral_key: str = ""  # recovery slots: the sender's X25519 public key (base64)
    recipient: str = ""  # recovery slots: key id of the office public key the slot is sealed to
    recipient_key: str = ""  # recovery slots: that public key (base64), so a new store can be sealed to it too

    def checksum(self, store_id: str) -> str:
        """SHA-256 over the whole slot (header and wrapped key), kept in the file beside it: a slot damaged on
        disk (a flipped byte, a wrong salt) is told apart from a wrong passphrase before any key is derived."""
        return hashlib.sha256(self.header(store_id) + b"|" + self.wrapped_key.encode()).hexdigest()

    def header(self, store_id: str) -> bytes:
        """Associated data: everything but the ciphertext, so no parameter can be swapped unnoticed."""
        kdf = asdict(self.kdf)
        if kdf["name"] == ARGON2ID:
            del kdf["name"]  # slots written before KDF names had none: their headers must not change
        head: dict[str, object] = {"store_id": store_id, "id": self.id, "kind": self.kind, "kdf": kdf,
                                   "nonce": self.nonce}
        if self.kind == "recovery":
            head |= {"ephemeral_key": self.ephemeral_key, "recipient": self.recipient,
                     "recipient_key": self.recipient_key}
        return json.dumps(head, sort_keys=True).encode()

    def to_json(self, store_id: str) -> dict[str, object]:
        doc = asdict(self)
        if self.kind != "recovery":
            del doc["ephemeral_key"], doc["recipient"], doc["recipient_key"]
        return {**doc, "check": self.checksum(store_id)}


@dataclass(frozen=True, slots=True)
class KeyFile:
    store_id: str
    slots: tuple[Slot, ...] = field(default=())

    def unwrap(self, passphrase: str) -> bytes:
        """Return the data key, or raise WrongPassphrase. Takes as long as the KDF: call off the GUI thread."""
        for slot in self.slots:
            if slot.kind != "passphrase":
                continue
            kek = slot.kdf.derive(passphrase)
            try:
                return AESGCM(kek).decrypt(
                    base64.b64decode(slot.nonce), base64.b64decode(slot.wrapped_key), slot.header(self.store_id)
                )
            except InvalidTag:
                continue
        raise WrongPassphrase()

    def with_passphrase(self, data_key: bytes, passphrase: str, kdf: KdfParams | None = None, *,
                        context: Iterable[str] = ()) -> KeyFile:
        """A copy whose passphrase slot wraps `data_key` under `passphrase` (replacing the old slot).

        Raises PassphraseRefused when casework's passphrase rule refuses it (with `context`, the words it must
        not lean on): no slot is ever made for a passphrase any entry point would refuse.
        """
        if problem := passphrase_problem(passphrase, context):
            raise PassphraseRefused(problem)
        if kdf is None:  # a FIPS profile stays one across passphrase changes and recovery
            current = next((s.kdf for s in self.slots if s.kind == "passphrase"), None)
            kdf = FIPS_KDF if current is not None and current.name == PBKDF2_SHA512 else DEFAULT_KDF
        kdf = replace(kdf, salt=base64.b64encode(os.urandom(16)).decode())
        nonce = os.urandom(12)
        draft = Slot("p1", "passphrase", kdf, base64.b64encode(nonce).decode(), "")
        wrapped = AESGCM(kdf.derive(passphrase)).encrypt(nonce, data_key, draft.header(self.store_id))
        slot = replace(draft, wrapped_key=base64.b64encode(wrapped).decode())
        others = tuple(s for s in self.slots if s.kind != "passphrase")
        return replace(self, slots=(slot, *others))

    @property
    def fips(self) -> bool:
        """Whether the passphrase slot uses the FIPS KDF (PBKDF2-HMAC-SHA512)."""
        return any(s.kind == "passphrase" and s.kdf.name == PBKDF2_SHA512 for s in self.slots)

    @property
    def recovery_slot(self) -> Slot | None:
        return next((s for s in self.slots if s.kind == "recovery"), None)

    def with_recovery(self, data_key: bytes, public: X25519PublicKey) -> KeyFile:
        """A copy with a recovery slot wrapping `data_key` to the office's public recovery key (replacing any
        earlier recovery slot)."""
        salt, nonce = os.urandom(16), os.urandom(12)
        kdf = KdfParams(time_cost=0, memory_kib=0, parallelism=0, salt=base64.b64encode(salt).decode(),
                        name=RECOVERY_KDF)
        # The ephemeral key is part of the header, so it is made first and the header built around it.
        ephemeral = X25519PrivateKey.generate()
        epk = base64.b64encode(recovery.raw_public(ephemeral.public_key())).decode()
        draft = Slot("r1", "recovery", kdf, base64.b64encode(nonce).decode(), "",
                     ephemeral_key=epk, recipient=recovery.key_id(public),
                     recipient_key=base64.b64encode(recovery.raw_public(public)).decode())
        wrapped = recovery.seal_with(ephemeral, data_key, public, salt, nonce, draft.header(self.store_id))
        slot = replace(draft, wrapped_key=base64.b64encode(wrapped).decode())
        others = tuple(s for s in self.slots if s.kind != "recovery")
        return replace(self, slots=(*others, slot))

    def recovery_public_key(self) -> X25519PublicKey | None:
        """The office public key the recovery slot is sealed to (for sealing a salvaged or new store to it)."""
        slot = self.recovery_slot
        if slot is None or not slot.recipient_key:
            return None
        public = X25519PublicKey.from_public_bytes(base64.b64decode(slot.recipient_key))
        return public if recovery.key_id(public) == slot.recipient else None

    def unwrap_recovery(self, private: X25519PrivateKey) -> bytes:
        """The data key through the recovery slot; RecoverySlotMismatch for another office's key, no slot,
        or an altered slot."""
        slot = self.recovery_slot
        if slot is None:
            raise recovery.RecoverySlotMismatch(
                "this profile has no recovery slot, so its passphrase cannot be reset with an office key "
                "(add one while it is unlocked: casefile recovery-slot add FILE)")
        return recovery.open_sealed(private, base64.b64decode(slot.ephemeral_key), base64.b64decode(slot.kdf.salt),
                                    base64.b64decode(slot.nonce), base64.b64decode(slot.wrapped_key),
                                    slot.header(self.store_id))

    def to_bytes(self) -> bytes:
        doc = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "store_id": self.store_id,
            "slots": [s.to_json(self.store_id) for s in self.slots],
        }
        return (json.dumps(doc, indent=2, sort_keys=True) + "\n").encode()

    def write(self, path: Path) -> None:
        atomic_write_bytes(path, self.to_bytes())


def new_key_file() -> KeyFile:
    return KeyFile(store_id=secrets.token_hex(16))


def new_data_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def read_key_file(path: Path) -> KeyFile:
    """Parse a key file; raise StoreCorrupt (never anything else) for a damaged or foreign one."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise StoreCorrupt(QT_TRANSLATE_NOOP(
            "storage", "The key file {path} is missing, so the case store beside it cannot be unlocked. Restore it "
            "from a backup; nothing has been changed.").format(path=path)) from None
    except OSError as exc:
        doing = QT_TRANSLATE_NOOP("storage", "read the key file")
        raise error_map.user_error(exc, Path(path).parent, doing=doing) or exc from None
    try:
        doc = json.loads(raw)
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise ValueError("foreign")
    except (ValueError, UnicodeDecodeError):
        raise StoreCorrupt(QT_TRANSLATE_NOOP(
            "storage", "{path} is not a Casefile key file (it is damaged or belongs to another program). Nothing "
            "has been changed; restore it from a backup.").format(path=path)) from None
    if doc.get("format_version") != FORMAT_VERSION:
        raise StoreCorrupt(
            f"The key file {path} has format version {doc.get('format_version')!r}, which this version of "
            "Casefile does not know. Update Casefile."
        )
    try:
        slots = tuple(
            Slot(
                id=str(s["id"]),
                kind=str(s["kind"]),
                kdf=KdfParams(**{k: s["kdf"][k] for k in ("time_cost", "memory_kib", "parallelism", "salt")},
                              name=str(s["kdf"].get("name", ARGON2ID))),
                nonce=str(s["nonce"]),
                wrapped_key=str(s["wrapped_key"]),
                ephemeral_key=str(s.get("ephemeral_key", "")),
                recipient=str(s.get("recipient", "")),
                recipient_key=str(s.get("recipient_key", "")),
            )
            for s in doc["slots"]
        )
        store_id = str(doc["store_id"])
        checks = [s.get("check") for s in doc["slots"]]
    except (KeyError, TypeError, AttributeError):
        raise StoreCorrupt(QT_TRANSLATE_NOOP("storage", "The key file {path} is damaged (a key slot is incomplete)."
                                             ).format(path=path)) from None
    for slot, check in zip(slots, checks, strict=True):
        if check is not None and check != slot.checksum(store_id):  # files written before checksums have none
            raise StoreDamagedKeySlot(
                f"The key file {path} is damaged: key slot {slot.id} fails its checksum. This is not a wrong "
                "passphrase, and no attempt was counted. Restore casefile.keys from a backup (casefile backups)."
            )
    for slot in slots:
        if slot.kdf.name not in KNOWN_KDFS.get(slot.kind, ()):
            raise StoreCorrupt(
                f"Key slot {slot.id} in {path} is a {slot.kind!r} slot using {slot.kdf.name!r}, which this version "
                "of Casefile does not know (the profile was set up by a newer version). Update Casefile; nothing "
                "has been changed and no attempt was counted."
            )
    return KeyFile(store_id=store_id, slots=slots)


class StoreDamagedKeySlot(StoreCorrupt):
    """A key slot that no longer matches its own checksum: damage, not a wrong passphrase."""


def _keep_previous(path: Path) -> Path:
    """A second name for the current key file (a hard link: no bytes copied, so it works on a full disk)."""
    backup = path.with_name(path.name + ".previous")
    with contextlib.suppress(FileNotFoundError):
        backup.unlink()
    try:
        os.link(path, backup)
    except OSError:
        shutil.copy2(path, backup)  # filesystems without hard links
    return backup


class KeyFileNotRestored(UserFacingError):
    """The new key file is in place but what had to follow it failed, and the old one could not be put back."""

    title = "Passphrase changed, not recorded"


def replace_key_file(path: Path, new: KeyFile, commit: Callable[[], None], *, data_dir: Path) -> None:
    """Swap `new` in for the key file at `path`, then run `commit` (the audit entry); all or nothing.

    The order makes every failure leave the old passphrase working and the caller told so: the new file is
    written and synced under a temporary name first (a full disk stops it here), the old one gets a second
    name, the new one is renamed into place, and only then is `commit` run. If `commit` fails, the old file is
    renamed back — a rename needs no free space. Raises PassphraseNotChanged naming the cause (or, if even
    the rename back fails, KeyFileNotRestored, which says the NEW passphrase is the one that works).
    """
    path = Path(path)
    try:
        with staged(path, new.to_bytes()) as tmp:
            backup = _keep_previous(path)
            try:
                os.replace(tmp, path)
                try:
                    fsync_dir(path.parent)
                    commit()
                except BaseException as exc:
                    _put_back(backup, path, exc)
                    raise
            finally:
                with contextlib.suppress(FileNotFoundError):
                    backup.unlink()
    except KeyFileNotRestored:
        raise
    except (OSError, UserFacingError, DatabaseError) as exc:
        log.warning("passphrase change undone (%s)", type(exc).__name__)
        raise PassphraseNotChanged(_not_changed(exc, data_dir)) from exc


def _put_back(backup: Path, path: Path, cause: BaseException) -> None:
    try:
        os.replace(backup, path)
        fsync_dir(path.parent)
    except OSError:
        log.error("key file could not be put back after a failed passphrase change")
        raise KeyFileNotRestored(
            f"The new passphrase is now the one that unlocks this store, but the change could not be recorded "
            f"({_why(cause, path.parent)[0]}). Use the NEW passphrase, and ask office IT to check the disk."
        ) from cause


def _not_changed(exc: BaseException, data_dir: Path) -> str:
    why, advice = _why(exc, data_dir)
    return f"The passphrase was not changed: {why}. Your current passphrase still works.{advice}"


def _why(exc: BaseException, data_dir: Path) -> tuple[str, str]:
    """Why a passphrase change failed, in words, and what to do about it (or "")."""
    cause = error_map.user_error(exc, data_dir, doing=QT_TRANSLATE_NOOP("storage", "change the passphrase"))
    if isinstance(cause, StorageFull):
        why, advice = f"the disk holding {data_dir} is full", " Free some space and try again."
    elif isinstance(cause, StoreReadOnly):
        why, advice = f"the profile folder {data_dir} is read-only", ""
    elif isinstance(cause, StorePermissionDenied):
        why, advice = f"Casefile is not allowed to write in {data_dir}", ""
    elif isinstance(cause, StoreBusy):
        why, advice = "the store is in use by another window or process", ""
    elif cause is not None:
        why, advice = str(cause).rstrip("."), ""
    else:
        why, advice = f"an unexpected {type(exc).__name__}", ""
    return why, advice
