"""Which search keys start with a prefix, read from the store's FTS5 index (for casework.search.fts_stages).

FTS5 keeps lists for prefixes of up to three characters (migration 0011). A longer prefix ("scal") makes it
gather every row of every key the prefix starts before it gives the first: "CF-2026-SCAL" typed in a store of
100,000 cases read all 100,000 rows of "scale" (about 10 ms) to show 50. Asked instead as the whole keys it
starts ("scale"), FTS5 reads a page at a time and stops at the list's limit.

The keys come from an fts5vocab table over the index, in the connection's temp schema (in memory: the store
sets temp_store = MEMORY; the table is a view of the index and holds nothing itself). A prefix's keys are
remembered until the database changes, and a longer prefix is answered from a shorter one's list when that
list is complete ("scal" → "scale", then "scale" → "scale" without asking again).
"""

from __future__ import annotations

from collections.abc import Sequence

from storage import database

MAX_KEYS = 24
"""A prefix that starts more keys than this is left to FTS5 (most of them are then short lists)."""

ROWS_PER_KEY = 3000
"""…and so is one whose keys hold fewer rows than this each, on average: FTS5 gathers rows faster (about
0.05 ms per thousand) than it looks up each key by itself (about 0.15 ms a key)."""

_VOCAB = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.case_fts_keys USING fts5vocab(main, case_fts, row)"
_CACHED = 256

Listing = tuple[tuple[str, int], ...]
"""Keys that start a prefix, each with the number of rows that hold it."""


class KeyPrefixes:
    """`keys(conn, prefix)`: the index's keys that start with `prefix`, when asking for them one by one is the
    faster way (a few keys holding many rows); else None."""

    def __init__(self) -> None:
        self._conn: database.Connection | None = None
        self._version: tuple[int, int] = (-1, -1)
        self._known: dict[str, Listing | None] = {}
        self._usable = False

    def keys(self, conn: database.Connection, prefix: str) -> Sequence[str] | None:
        listing = self._listing(conn, prefix)
        if not listing or sum(rows for _key, rows in listing) < ROWS_PER_KEY * len(listing):
            return None
        return [key for key, _rows in listing]

    def _listing(self, conn: database.Connection, prefix: str) -> Listing | None:
        if not self._current(conn):
            return None
        if prefix in self._known:
            return self._known[prefix]
        for cut in range(len(prefix) - 1, 0, -1):  # a shorter prefix's complete list holds the answer
            shorter = self._known.get(prefix[:cut])
            if shorter is not None:
                return self._remember(prefix, tuple(k for k in shorter if k[0].startswith(prefix)))
        try:
            found = conn.execute("SELECT term, doc FROM temp.case_fts_keys WHERE term >= ? AND term < ? LIMIT ?",
                                 (prefix, prefix + "\U0010ffff", MAX_KEYS + 1)).fetchall()
        except database.DatabaseError:
            return None
        return self._remember(prefix, tuple((str(t), int(n)) for t, n in found) if len(found) <= MAX_KEYS else None)

    def _remember(self, prefix: str, listing: Listing | None) -> Listing | None:
        if len(self._known) >= _CACHED:
            self._known.clear()
        self._known[prefix] = listing
        return listing

    def _current(self, conn: database.Connection) -> bool:
        """Set up the vocabulary table on a new connection, and forget every list once the database changed
        (a write here, or a commit by another connection). False when the index cannot be read this way."""
        if conn is not self._conn:
            self._conn, self._known, self._version = conn, {}, (-1, -1)
            try:
                conn.execute(_VOCAB)
                self._usable = True
            except database.DatabaseError:  # a store opened read-only (query_only) before it had the table
                self._usable = False
        if not self._usable:
            return False
        try:
            version = (conn.total_changes, int(conn.execute("PRAGMA data_version").fetchone()[0]))
        except database.DatabaseError:
            return False
        if version != self._version:
            self._version, self._known = version, {}
        return True
