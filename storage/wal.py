"""Read the -wal file's own headers, before SQLite does, to find committed saves its recovery would drop.

After a crash SQLite replays the -wal file frame by frame and stops, without a word, at the first frame whose
salt or checksum does not match: every commit after it is silently lost (and the next write overwrites it).
SQLCipher encrypts the pages inside the frames but not the headers, so the format is readable without the
key (https://www.sqlite.org/fileformat2.html#walformat): a 32-byte header (magic, version, page size,
checkpoint sequence, two salts, a checksum of the header) and per frame a 24-byte header (page number, the
database size on a commit frame else 0, the two salts, a running checksum over the frame header's first 8
bytes and the page, seeded with the previous frame's checksum) followed by the page.

`scan` walks the frames as SQLite's recovery does, then looks past the first bad frame for frames of the
same generation (same salts) that end a transaction: those are committed saves recovery would drop.
Frames left from an older generation (other salts) and a torn last transaction (no commit frame after the
bad one) are normal after a crash and not damage.
"""

from __future__ import annotations

import os
import shutil
import struct
from dataclasses import dataclass
from pathlib import Path

HEADER = 32
FRAME_HEADER = 24
MAGIC_LE = 0x377F0682
MAGIC_BE = 0x377F0683
_MASK = 0xFFFFFFFF


@dataclass(frozen=True, slots=True)
class WalScan:
    frames: int
    """Whole frames present in the file."""
    recovered: int
    """Frames SQLite's recovery keeps (up to the last commit frame before the first bad frame)."""
    first_bad: int | None
    """1-based number of the first frame that fails its salt or checksum (None: all are good)."""
    lost_commits: int
    """Commit frames of the current generation after the first bad frame: saves recovery would drop."""
    lost_frames: int
    """Frames of the current generation after the first bad frame."""

    @property
    def damaged(self) -> bool:
        return self.lost_commits > 0

    def describe(self) -> str:
        return (f"the -wal file is damaged at frame {self.first_bad} of {self.frames}: {self.lost_commits} "
                f"committed save(s) after it ({self.lost_frames} frames) cannot be replayed")


def checksum(data: bytes, seed: tuple[int, int], big_endian: bool) -> tuple[int, int]:
    """SQLite's WAL checksum (two running 32-bit sums over pairs of 32-bit words), continued from `seed`."""
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    s1, s2 = seed
    for i in range(0, len(words), 2):
        s1 = (s1 + words[i] + s2) & _MASK
        s2 = (s2 + words[i + 1] + s1) & _MASK
    return s1, s2


def scan(wal: Path) -> WalScan | None:
    """What SQLite's recovery of `wal` would keep and drop; None when there is no -wal file with frames or
    its header is not a WAL header at all (then SQLite ignores it, as it should)."""
    try:
        data = wal.read_bytes()
    except FileNotFoundError:
        return None
    if len(data) < HEADER:
        return None
    magic, _version, page_size, _ckpt, salt1, salt2, c1, c2 = struct.unpack(">8I", data[:HEADER])
    if magic not in (MAGIC_LE, MAGIC_BE) or page_size < 512 or page_size & (page_size - 1):
        return None
    big = magic == MAGIC_BE
    frame_size = FRAME_HEADER + page_size
    frames = (len(data) - HEADER) // frame_size
    if frames == 0:
        return None
    header_ok = checksum(data[:24], (0, 0), big) == (c1, c2)
    if not header_ok:  # SQLite ignores the whole file: judge the frames by the first frame's salts
        salts = struct.unpack(">2I", data[HEADER + 8:HEADER + 16])
        salt1, salt2 = salts
    seed = (c1, c2)
    recovered, first_bad = 0, None if header_ok else 0
    if header_ok:
        for n in range(frames):
            off = HEADER + n * frame_size
            _page, commit, s1, s2, f1, f2 = struct.unpack(">6I", data[off:off + FRAME_HEADER])
            if (s1, s2) != (salt1, salt2):
                first_bad = n
                break
            seed = checksum(data[off:off + 8] + data[off + FRAME_HEADER:off + frame_size], seed, big)
            if seed != (f1, f2):
                first_bad = n
                break
            if commit:
                recovered = n + 1
        else:
            return WalScan(frames, recovered, None, 0, 0)
    assert first_bad is not None
    lost_commits = lost_frames = 0
    for m in range(first_bad, frames):
        off = HEADER + m * frame_size
        _page, commit, s1, s2 = struct.unpack(">4I", data[off:off + 16])
        if (s1, s2) == (salt1, salt2) and (m > first_bad or not header_ok):
            lost_frames += 1
            lost_commits += 1 if commit else 0
    return WalScan(frames, recovered, first_bad + 1, lost_commits, lost_frames)


def repaired_copy(db: Path, wal: Path, dest: Path) -> Path | None:
    """A copy of the store in `dest` whose -wal file SQLite replays past the damaged frame: the frames of the
    current generation after it get the header's salts and their checksums recomputed (nothing else is
    changed; a damaged header gets the first frame's salts and its checksum recomputed). For salvage only,
    read-only: a page that really is damaged still fails SQLCipher's HMAC when read (it covers the page number
    too), so what reads is authentic. Returns the copied database's path, or None when there is nothing to
    repair."""
    found = scan(wal)
    if found is None or found.first_bad is None or not found.lost_frames:
        return None
    data = bytearray(wal.read_bytes())
    magic, _version, page_size, _ckpt, salt1, salt2, c1, c2 = struct.unpack(">8I", data[:HEADER])
    big = magic == MAGIC_BE
    frame_size = FRAME_HEADER + page_size
    first = found.first_bad - 1
    if checksum(bytes(data[:24]), (0, 0), big) != (c1, c2):  # the header itself: the first frame's salts
        salt1, salt2 = struct.unpack(">2I", data[HEADER + 8:HEADER + 16])
        struct.pack_into(">2I", data, 16, salt1, salt2)
        c1, c2 = checksum(bytes(data[:24]), (0, 0), big)
        struct.pack_into(">2I", data, 24, c1, c2)
        first = 0
    last = max(m for m in range(first, found.frames)
               if m == first or struct.unpack(">2I", data[HEADER + m * frame_size + 8:HEADER + m * frame_size + 16])
               == (salt1, salt2))
    seed = (c1, c2) if first == 0 else struct.unpack(
        ">2I", data[HEADER + (first - 1) * frame_size + 16:HEADER + (first - 1) * frame_size + 24])
    for m in range(first, last + 1):
        off = HEADER + m * frame_size
        struct.pack_into(">2I", data, off + 8, salt1, salt2)
        seed = checksum(bytes(data[off:off + 8]) + bytes(data[off + FRAME_HEADER:off + frame_size]), seed, big)
        struct.pack_into(">2I", data, off + 16, *seed)
    dest.mkdir(parents=True, exist_ok=True, mode=0o700)
    copy = dest / db.name
    shutil.copyfile(db, copy)  # inside the 0700 folder, made 0600 at once: it is the encrypted store
    os.chmod(copy, 0o600)
    fd = os.open(dest / (db.name + "-wal"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(bytes(data[:HEADER + (last + 1) * frame_size]))
    return copy
