"""The office on PostgreSQL (psycopg 3): one schema per office store, made by the app's own numbered migrations.

The schema holds routing data and opaque envelopes only (see backend.py); TLS and passwords pass through the
DSN (`sslmode=verify-full sslrootcert=…`). A push is one transaction: the same push id returns the stored record;
otherwise the case's revisions are locked (an advisory lock on the case id) and the record is accepted only when
its base is the current head — the unique (case_id, office_rev) key is the second wall.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

from casework.i18n import QT_TRANSLATE_NOOP
from storage.office.backend import (
    OfficeError,
    OfficeTooNew,
    OfficeUnreachable,
    PushOutcome,
    Record,
    RevocationCheck,
    check_pushable,
    decide_pushes,
    honoured,
)
from storage.office.dsn import shown_location

DEFAULT_SCHEMA = "casefile_office"

MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (1, "office store: meta, join requests, signed rosters, wrapped keys, sealed records", """
CREATE TABLE office_meta (
    id         integer PRIMARY KEY CHECK (id = 1),
    office_id  text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE join_requests (
    member_id  text PRIMARY KEY,
    doc        jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE rosters (
    version    integer PRIMARY KEY,
    doc        jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE wrapped_keys (
    member_id   text NOT NULL,
    key_version integer NOT NULL,
    doc         jsonb NOT NULL,
    PRIMARY KEY (member_id, key_version)
);
CREATE TABLE records (
    seq         bigserial PRIMARY KEY,
    case_id     text NOT NULL,
    office_rev  integer NOT NULL,
    base_rev    integer NOT NULL,
    author      text NOT NULL,
    key_version integer NOT NULL,
    push_id     text NOT NULL UNIQUE,
    envelope    jsonb NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (case_id, office_rev)
);
"""),
    (2, "removed members: their pushes are refused from the sequence number their removal took effect after", """
CREATE TABLE revoked_members (
    member_id  text PRIMARY KEY,
    after_seq  bigint NOT NULL,
    revoked_at timestamptz NOT NULL DEFAULT now()
);
"""),
    (3, "per-member database roles: which role is which member; row-level security on records", """
CREATE TABLE member_roles (
    role_name text PRIMARY KEY,
    member_id text NOT NULL UNIQUE
);
ALTER TABLE office_meta ADD COLUMN member_roles boolean NOT NULL DEFAULT false;
ALTER TABLE records ENABLE ROW LEVEL SECURITY;
CREATE POLICY records_read ON records FOR SELECT USING (true);
CREATE POLICY records_insert_own ON records FOR INSERT
    WITH CHECK (author = (SELECT m.member_id FROM member_roles m WHERE m.role_name = current_user));
"""),
    (4, "attachment content by SHA-256, sealed with the office key", """
CREATE TABLE blobs (
    sha256      text PRIMARY KEY,
    author      text NOT NULL,
    key_version integer NOT NULL,
    envelope    jsonb NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
"""),
    (5, "only administrators and supervisors change removals, member lists and keys; removed members add nothing",
     """
ALTER TABLE revoked_members ADD COLUMN doc jsonb;
ALTER TABLE member_roles ADD COLUMN reviewer boolean NOT NULL DEFAULT false;
ALTER TABLE revoked_members ENABLE ROW LEVEL SECURITY;
CREATE POLICY revoked_read ON revoked_members FOR SELECT USING (true);
CREATE POLICY revoked_insert_reviewer ON revoked_members FOR INSERT
    WITH CHECK (EXISTS (SELECT 1 FROM member_roles m WHERE m.role_name = current_user AND m.reviewer));
ALTER TABLE rosters ENABLE ROW LEVEL SECURITY;
CREATE POLICY rosters_read ON rosters FOR SELECT USING (true);
CREATE POLICY rosters_insert_reviewer ON rosters FOR INSERT
    WITH CHECK (EXISTS (SELECT 1 FROM member_roles m WHERE m.role_name = current_user AND m.reviewer));
ALTER TABLE wrapped_keys ENABLE ROW LEVEL SECURITY;
CREATE POLICY keys_read ON wrapped_keys FOR SELECT USING (true);
CREATE POLICY keys_insert_reviewer ON wrapped_keys FOR INSERT
    WITH CHECK (EXISTS (SELECT 1 FROM member_roles m WHERE m.role_name = current_user AND m.reviewer));
CREATE POLICY keys_update_reviewer ON wrapped_keys FOR UPDATE
    USING (EXISTS (SELECT 1 FROM member_roles m WHERE m.role_name = current_user AND m.reviewer))
    WITH CHECK (EXISTS (SELECT 1 FROM member_roles m WHERE m.role_name = current_user AND m.reviewer));
DROP POLICY records_insert_own ON records;
CREATE POLICY records_insert_own ON records FOR INSERT
    WITH CHECK (author = (SELECT m.member_id FROM member_roles m WHERE m.role_name = current_user)
                AND NOT EXISTS (SELECT 1 FROM revoked_members r WHERE r.member_id = author));
"""),
    (6, "supervisors' logins may rewrite or lift another member's removal (a member approved again); logins "
        "given before migration 5 keep their supervisor's rights", """
CREATE POLICY revoked_update_reviewer ON revoked_members FOR UPDATE
    USING (EXISTS (SELECT 1 FROM member_roles m WHERE m.role_name = current_user AND m.reviewer
                   AND m.member_id <> revoked_members.member_id))
    WITH CHECK (EXISTS (SELECT 1 FROM member_roles m WHERE m.role_name = current_user AND m.reviewer
                        AND m.member_id <> revoked_members.member_id));
CREATE POLICY revoked_delete_reviewer ON revoked_members FOR DELETE
    USING (EXISTS (SELECT 1 FROM member_roles m WHERE m.role_name = current_user AND m.reviewer
                   AND m.member_id <> revoked_members.member_id));
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_schema() || '_members') THEN
        EXECUTE format('GRANT UPDATE, DELETE ON revoked_members TO %I', current_schema() || '_members');
    END IF;
END
$$;
"""),
    (7, "row-level security on attachments and join requests: a login adds attachment content only as its own "
        "author (none once removed) and changes none; it adds or rewrites only its own join request, and only "
        "administrators' and supervisors' logins read everyone's", """
ALTER TABLE blobs ENABLE ROW LEVEL SECURITY;
CREATE POLICY blobs_read ON blobs FOR SELECT USING (true);
CREATE POLICY blobs_insert_own ON blobs FOR INSERT
    WITH CHECK (author = (SELECT m.member_id FROM member_roles m WHERE m.role_name = current_user)
                AND NOT EXISTS (SELECT 1 FROM revoked_members r WHERE r.member_id = blobs.author));
ALTER TABLE join_requests ENABLE ROW LEVEL SECURITY;
CREATE POLICY requests_read_own_or_reviewer ON join_requests FOR SELECT
    USING (join_requests.member_id = (SELECT m.member_id FROM member_roles m WHERE m.role_name = current_user)
           OR EXISTS (SELECT 1 FROM member_roles m WHERE m.role_name = current_user AND m.reviewer));
CREATE POLICY requests_insert_own ON join_requests FOR INSERT
    WITH CHECK (join_requests.member_id = (SELECT m.member_id FROM member_roles m WHERE m.role_name = current_user)
                AND join_requests.doc ->> 'member_id' = join_requests.member_id);
CREATE POLICY requests_update_own ON join_requests FOR UPDATE
    USING (join_requests.member_id = (SELECT m.member_id FROM member_roles m WHERE m.role_name = current_user))
    WITH CHECK (join_requests.member_id = (SELECT m.member_id FROM member_roles m WHERE m.role_name = current_user)
                AND join_requests.doc ->> 'member_id' = join_requests.member_id);
"""),
)
"""(number, purpose, SQL): the office schema's numbered migrations; add, never edit."""


def _mark_reviewers(cur: Any) -> None:
    """Migration 6, after its SQL: the member logins given before migration 5 all read reviewer = false (its
    column's default), so a supervisor approved then could no longer approve or remove anyone. Each login whose
    member is an administrator or supervisor in the member list is marked a reviewer — the list as verified from
    version 1 (signed by the founder it names, each later version by an approver of the one before), never a
    version someone added by hand: a list that does not verify marks nobody."""
    from storage.office import roster
    from storage.office.backend import RecordRejected

    cur.execute("SELECT count(*) FROM member_roles")
    if not cur.fetchone()[0]:
        return
    cur.execute("SELECT office_id FROM office_meta WHERE id = 1")
    meta = cur.fetchone()
    cur.execute("SELECT doc FROM rosters ORDER BY version")
    docs = [r[0] for r in cur.fetchall()]
    first = next((d for d in docs if isinstance(d, dict) and d.get("version") == 1), None)
    founder = next((m for m in (first or {}).get("members", []) if isinstance(m, dict)
                    and m.get("member_id") == (first or {}).get("signed_by")), None)
    if meta is None or founder is None:
        return
    try:
        from storage.office import crypto

        current = roster.verify_chain(docs, str(meta[0]), crypto.unb64(str(founder["signing_key"])))
    except (RecordRejected, KeyError, TypeError, ValueError):
        return
    cur.execute("UPDATE member_roles SET reviewer = (member_id = ANY(%s))",
                ([m.member_id for m in current.members if m.role in roster.REVIEWERS],))


_AFTER_MIGRATION: dict[int, Any] = {6: _mark_reviewers}
"""Steps a migration needs beyond SQL (checking signatures), run in its transaction after its SQL."""

SCHEMA_VERSION = max(number for number, _p, _s in MIGRATIONS)


class OfficeForbidden(OfficeError):
    """The database's grants or row-level security refused a change for this login (see migration 5)."""


class PostgresOffice:
    kind = "postgres"

    def __init__(self, dsn: str, schema: str = DEFAULT_SCHEMA) -> None:
        if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", schema):
            raise OfficeError(QT_TRANSLATE_NOOP(
                "storage", "{schema} is not a usable schema name (lower-case letters, digits, _).").format(
                schema=repr(schema)))
        if any((ord(c) < 32 and c not in "\t\n\r") or 0xD800 <= ord(c) <= 0xDFFF for c in dsn):
            raise OfficeError(QT_TRANSLATE_NOOP(
                "storage", "That connection string holds characters no database server takes (a NUL, a control "
                "character or a broken one); type it again."))
        self.dsn, self.schema = dsn, schema
        self.location = shown_location(dsn, schema)
        self._conn: Any = None
        self._office_id: str | None = None  # read once per connection's life (a sync asks it twice)
        self._honour: RevocationCheck | None = None

    def trust_revocations(self, check: RevocationCheck) -> None:
        self._honour = check

    @staticmethod
    def shown(location: str) -> str:
        """A link's stored location ({"dsn", "schema"}) as shown to people: no password."""
        where = json.loads(location)
        return shown_location(str(where["dsn"]), str(where["schema"]))

    # ----- connection and schema ------------------------------------------------------------------------

    def _connection(self) -> Any:
        import psycopg

        if self._conn is None or self._conn.closed:
            try:
                self._conn = psycopg.connect(self.dsn, connect_timeout=10, autocommit=False)
                self._conn.execute(f'SET search_path TO "{self.schema}"')  # once per connection, not per call
                self._conn.commit()
            except psycopg.Error as exc:
                raise OfficeUnreachable(QT_TRANSLATE_NOOP(
                    "storage", "Cannot reach the office database ({reason}).").format(
                    reason=_first_line(exc))) from None
        return self._conn

    def _run(self, work: Any) -> Any:
        """Run `work(cursor)` in one transaction; a lost connection is OfficeUnreachable, nothing half-done."""
        import psycopg

        conn = self._connection()
        try:
            with conn.transaction(), conn.cursor() as cur:
                return work(cur)
        except psycopg.OperationalError as exc:
            self.close()
            raise OfficeUnreachable(QT_TRANSLATE_NOOP(
                "storage", "The office database connection was lost ({reason}); nothing half-done was kept. "
                "Sync again.").format(reason=_first_line(exc))) from None
        except psycopg.errors.InsufficientPrivilege as exc:
            raise OfficeForbidden(QT_TRANSLATE_NOOP(
                "storage", "The office database refused this for its login ({reason}): only the office's "
                "administrator or a supervisor may change the member list, the keys or removals, and a removed "
                "member may add nothing. Nothing was changed.").format(reason=_first_line(exc))) from None

    def schema_version(self) -> int:
        def read(cur: Any) -> int:
            cur.execute("SELECT to_regclass('office_schema_version')")
            if cur.fetchone()[0] is None:
                return 0
            cur.execute("SELECT max(version) FROM office_schema_version")
            return int(cur.fetchone()[0] or 0)

        return int(self._run(read))

    def migrate(self) -> int:
        """Bring the office schema up to SCHEMA_VERSION (each migration one transaction); refuse a newer one."""
        ran = 0

        def prepare(cur: Any) -> None:
            cur.execute(f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"')
            cur.execute(f'SET LOCAL search_path TO "{self.schema}"')
            cur.execute("CREATE TABLE IF NOT EXISTS office_schema_version (version integer PRIMARY KEY, "
                        "purpose text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())")

        self._run(prepare)
        current = self._check_version()
        for number, purpose, sql in MIGRATIONS:
            if number <= current:
                continue

            def apply(cur: Any, number: int = number, purpose: str = purpose, sql: str = sql) -> None:
                cur.execute("LOCK TABLE office_schema_version IN EXCLUSIVE MODE")
                cur.execute("SELECT 1 FROM office_schema_version WHERE version = %s", (number,))
                if cur.fetchone() is None:
                    cur.execute(sql)
                    if number in _AFTER_MIGRATION:
                        _AFTER_MIGRATION[number](cur)
                    cur.execute("INSERT INTO office_schema_version (version, purpose) VALUES (%s, %s)",
                                (number, purpose))

            self._run(apply)
            ran += 1
        return ran

    def _check_version(self) -> int:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise OfficeTooNew(QT_TRANSLATE_NOOP(
                "storage", "The office database schema {schema} is at version {version}, newer than this Casefile "
                "knows ({known}). Update Casefile; nothing was changed.").format(
                schema=self.schema, version=version, known=SCHEMA_VERSION))
        return version

    # ----- the interface --------------------------------------------------------------------------------

    def create(self, office_id: str) -> None:
        self.migrate()

        def insert(cur: Any) -> None:
            cur.execute("SELECT office_id FROM office_meta")
            if cur.fetchone() is not None:
                raise OfficeError(QT_TRANSLATE_NOOP(
                    "storage", "There is already an office in schema {schema}; join it instead.").format(
                    schema=self.schema))
            cur.execute("INSERT INTO office_meta (id, office_id) VALUES (1, %s)", (office_id,))

        self._run(insert)

    def office_id(self) -> str:
        import psycopg

        if self._office_id is not None and self._conn is not None:
            return self._office_id
        version = self._check_version()
        if version == 0:
            raise OfficeError(QT_TRANSLATE_NOOP(
                "storage", "There is no Casefile office in schema {schema} of that database.").format(
                schema=self.schema))
        if version < SCHEMA_VERSION:  # an office made by an older Casefile: brought up to date first
            try:
                self.migrate()
            except (psycopg.errors.InsufficientPrivilege, OfficeForbidden):
                self.close()
                raise OfficeError(QT_TRANSLATE_NOOP(
                    "storage", "The office database schema {schema} is at version {version} and needs version "
                    "{needed}, which only its owner can apply: run 'casefile office status' once with the "
                    "administrator's connection.").format(schema=self.schema, version=version,
                                                          needed=SCHEMA_VERSION)) from None

        def read(cur: Any) -> str:
            cur.execute("SELECT office_id FROM office_meta WHERE id = 1")
            row = cur.fetchone()
            if row is None:
                raise OfficeError(QT_TRANSLATE_NOOP(
                "storage", "There is no Casefile office in schema {schema} of that database.").format(
                schema=self.schema))
            return str(row[0])

        self._office_id = str(self._run(read))
        return self._office_id

    # ----- per-member roles (a second wall under the signatures; see README "Office store") --------------

    def _group(self) -> str:
        return f"{self.schema}_members"

    def role_of(self, member_id: str) -> str:
        return f"{self.schema}_m_{member_id}"

    def enable_member_roles(self) -> None:
        """Connected as the office's owner: a NOLOGIN group role for the members, with only what Casefile
        needs — read everything, add records and attachment content (row-level security: only as themselves),
        never change or delete one, send or rewrite only their own join request (and read only their own: an
        administrator's or supervisor's login reads them all, migration 7) — and the office marked so that
        approval gives each member a login of its own."""
        from psycopg import sql

        group = sql.Identifier(self._group())

        def work(cur: Any) -> None:
            cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (self._group(),))
            if cur.fetchone() is None:
                cur.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(group))
            schema = sql.Identifier(self.schema)
            cur.execute(sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(schema, group))
            cur.execute(sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA {} TO {}").format(schema, group))
            cur.execute(sql.SQL("GRANT INSERT ON records, join_requests, rosters, wrapped_keys, revoked_members, "
                                "blobs TO {}").format(group))
            cur.execute(sql.SQL("GRANT UPDATE ON join_requests, wrapped_keys TO {}").format(group))
            # supervisors' logins only (row-level security, migrations 5 and 6): rewrite or lift a removal
            cur.execute(sql.SQL("GRANT UPDATE, DELETE ON revoked_members TO {}").format(group))
            cur.execute(sql.SQL("GRANT USAGE ON ALL SEQUENCES IN SCHEMA {} TO {}").format(schema, group))
            cur.execute("UPDATE office_meta SET member_roles = true WHERE id = 1")

        self._run(work)

    def member_roles(self) -> bool:
        def read(cur: Any) -> bool:
            cur.execute("SELECT member_roles FROM office_meta WHERE id = 1")
            row = cur.fetchone()
            return bool(row and row[0])

        return bool(self._run(read))

    def can_create_roles(self) -> bool:
        def read(cur: Any) -> bool:
            cur.execute("SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user")
            row = cur.fetchone()
            return bool(row and row[0])

        return bool(self._run(read))

    def create_member_role(self, member_id: str, reviewer: bool = False) -> tuple[str, str]:
        """A LOGIN role for the member, in the members' group, with a new random password (returned once: the
        approver seals it to the member with the office key bundle). `reviewer` (an administrator or supervisor)
        lets the login change the member list, keys and removals (row-level security, migration 5)."""
        import secrets

        from psycopg import sql

        role, password = self.role_of(member_id), secrets.token_urlsafe(24)

        def work(cur: Any) -> None:
            cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
            verb = "ALTER" if cur.fetchone() is not None else "CREATE"
            cur.execute(sql.SQL(verb + " ROLE {} LOGIN PASSWORD {}").format(sql.Identifier(role),
                                                                            sql.Literal(password)))
            cur.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(self._group()), sql.Identifier(role)))
            cur.execute("INSERT INTO member_roles (role_name, member_id, reviewer) VALUES (%s, %s, %s) ON CONFLICT "
                        "(role_name) DO UPDATE SET reviewer = excluded.reviewer", (role, member_id, reviewer))

        self._run(work)
        return role, password

    def disable_member_role(self, member_id: str) -> None:
        """A removed member's role can no longer log in (when this connection may change roles)."""
        from psycopg import sql

        role = self.role_of(member_id)

        def work(cur: Any) -> None:
            cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
            if cur.fetchone() is not None:
                cur.execute(sql.SQL("ALTER ROLE {} NOLOGIN").format(sql.Identifier(role)))
            cur.execute("UPDATE member_roles SET reviewer = false WHERE role_name = %s", (role,))

        self._run(work)

    def follow_member_list(self, members: set[str], reviewers: set[str], removed: set[str]) -> None:
        """Connected as the owner (who may change roles): each member login may change the member list, keys and
        removals exactly when its member is an administrator or supervisor in the verified member list, a removed
        member's login can no longer log in, and a member's login can again — also when a supervisor, whose own
        login cannot change roles, approved, promoted, demoted, removed or approved it again."""
        from psycopg import sql

        def work(cur: Any) -> None:
            cur.execute("SELECT m.role_name, m.member_id, m.reviewer, r.rolcanlogin FROM member_roles m "
                        "LEFT JOIN pg_roles r ON r.rolname = m.role_name")
            for role, member, reviewer, can_login in cur.fetchall():
                if bool(reviewer) != (member in reviewers):
                    cur.execute("UPDATE member_roles SET reviewer = %s WHERE role_name = %s",
                                (member in reviewers, role))
                if member in removed and can_login:
                    cur.execute(sql.SQL("ALTER ROLE {} NOLOGIN").format(sql.Identifier(role)))
                elif member in members and can_login is False:  # its password is still sealed to it
                    cur.execute(sql.SQL("ALTER ROLE {} LOGIN").format(sql.Identifier(role)))

        self._run(work)

    def put_request(self, member_id: str, doc: dict[str, Any]) -> None:
        self._run(lambda cur: cur.execute(
            "INSERT INTO join_requests (member_id, doc) VALUES (%s, %s) ON CONFLICT (member_id) DO UPDATE SET "
            "doc = excluded.doc", (member_id, json.dumps(doc))))

    def requests(self) -> list[dict[str, Any]]:
        def read(cur: Any) -> list[dict[str, Any]]:
            cur.execute("SELECT doc FROM join_requests ORDER BY created_at, member_id")
            return [r[0] for r in cur.fetchall()]

        return list(self._run(read))

    def put_roster(self, version: int, doc: dict[str, Any]) -> None:
        import psycopg

        try:
            self._run(lambda cur: cur.execute("INSERT INTO rosters (version, doc) VALUES (%s, %s)",
                                              (version, json.dumps(doc))))
        except psycopg.errors.UniqueViolation:
            raise OfficeError(QT_TRANSLATE_NOOP(
                "storage", "Someone else changed the member list at the same moment; try again.")) from None

    def rosters(self, after: int = 0) -> list[dict[str, Any]]:
        def read(cur: Any) -> list[dict[str, Any]]:
            cur.execute("SELECT doc FROM rosters WHERE version > %s ORDER BY version", (after,))
            return [r[0] for r in cur.fetchall()]

        return list(self._run(read))

    def put_wrapped_key(self, member_id: str, key_version: int, doc: dict[str, Any]) -> None:
        self._run(lambda cur: cur.execute(
            "INSERT INTO wrapped_keys (member_id, key_version, doc) VALUES (%s, %s, %s) ON CONFLICT "
            "(member_id, key_version) DO UPDATE SET doc = excluded.doc", (member_id, key_version, json.dumps(doc))))

    def wrapped_key(self, member_id: str, key_version: int) -> dict[str, Any] | None:
        def read(cur: Any) -> dict[str, Any] | None:
            cur.execute("SELECT doc FROM wrapped_keys WHERE member_id = %s AND key_version = %s",
                        (member_id, key_version))
            row = cur.fetchone()
            return row[0] if row else None

        result = self._run(read)
        return dict(result) if result is not None else None

    def push(self, record: Record) -> PushOutcome:
        return self.push_many([record])[0]

    def push_many(self, records: list[Record]) -> list[PushOutcome]:
        """One transaction for the batch: pushes (and removals) are serialised by an advisory lock on the office,
        so each record's base is compared with a head nobody else is moving; the accepted ones go in with one
        INSERT … SELECT FROM unnest (the unique keys on push_id and (case_id, office_rev) are a second wall)."""
        if not records:
            return []
        check_pushable(records)  # nothing malformed reaches the table

        def work(cur: Any) -> list[PushOutcome]:
            cur.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (_LOCK + self.schema,))
            # Joins on unnest, not "= ANY(array)": where the table's statistics are missing or old (autovacuum
            # off, a table that grew since), the planner may scan it once per array element — 0.2 s a batch.
            cur.execute(f"SELECT {_QUALIFIED} FROM records r JOIN unnest(%s::text[]) AS p(id) ON r.push_id = p.id",
                        ([r.push_id for r in records],))
            known = {rec.push_id: rec for rec in map(_record, cur.fetchall())}
            cur.execute("SELECT r.case_id, max(r.office_rev) FROM records r JOIN unnest(%s::text[]) AS c(id) "
                        "ON r.case_id = c.id GROUP BY r.case_id", (list({r.case_id for r in records}),))
            heads = {str(c): int(h) for c, h in cur.fetchall()}
            cur.execute("SELECT member_id, doc FROM revoked_members WHERE member_id = ANY(%s)",
                        (list({r.author for r in records}),))
            revoked = honoured({str(row[0]): row[1] for row in cur.fetchall()}, self._honour)
            outcomes, accept = decide_pushes(
                records, lambda r: stored if (stored := known.get(r.push_id)) is not None
                and stored.case_id == r.case_id else None, heads, revoked)
            if accept:
                rows = [records[i] for i in accept]
                # Numbered by the table's sequence (as every Casefile does), first brought past the highest record
                # under the lock: a hand (a restore, a setval) can set it below the records, and a number under
                # other laptops' cursors would be passed over by them for good ("unexpected UniqueViolation" on
                # one taken). nextval needs only the members' USAGE; numbers are never given twice.
                cur.execute("SELECT coalesce(max(seq), 0), coalesce(pg_sequence_last_value("
                            "pg_get_serial_sequence('records', 'seq')::regclass), 0) FROM records")
                highest, given = cur.fetchone()
                if given < highest:
                    cur.execute("SELECT count(nextval(pg_get_serial_sequence('records', 'seq'))) FROM "
                                "generate_series(1, %s)", (int(highest) - int(given),))
                cur.execute(
                    "INSERT INTO records (case_id, office_rev, base_rev, author, key_version, push_id, envelope) "
                    "SELECT * FROM unnest(%s::text[], %s::int[], %s::int[], %s::text[], %s::int[], %s::text[], "
                    f"%s::text[]::jsonb[]) RETURNING {_COLUMNS}",
                    ([r.case_id for r in rows], [r.office_rev for r in rows], [r.base_rev for r in rows],
                     [r.author for r in rows], [r.key_version for r in rows], [r.push_id for r in rows],
                     [json.dumps(r.envelope) for r in rows]))
                stored_now = {rec.push_id: rec for rec in map(_record, cur.fetchall())}
                for i in accept:
                    rec = stored_now[records[i].push_id]
                    outcomes[i] = PushOutcome(True, rec, rec.office_rev)
            return [o for o in outcomes if o is not None]

        outcomes: list[PushOutcome] = self._run(work)
        return outcomes

    def missing_blobs(self, shas: list[str]) -> set[str]:
        def read(cur: Any) -> set[str]:
            cur.execute("SELECT b.sha256 FROM blobs b JOIN unnest(%s::text[]) AS s(id) ON b.sha256 = s.id", (shas,))
            return set(shas) - {str(r[0]) for r in cur.fetchall()}

        return set(self._run(read)) if shas else set()

    def put_blobs(self, blobs: list[tuple[str, str, int, dict[str, Any]]]) -> None:
        if not blobs:
            return
        self._run(lambda cur: cur.execute(
            "INSERT INTO blobs (sha256, author, key_version, envelope) SELECT * FROM unnest(%s::text[], %s::text[], "
            "%s::int[], %s::text[]::jsonb[]) ON CONFLICT (sha256) DO NOTHING",
            ([b[0] for b in blobs], [b[1] for b in blobs], [b[2] for b in blobs], [json.dumps(b[3]) for b in blobs])))

    def get_blobs(self, shas: list[str]) -> dict[str, tuple[str, int, dict[str, Any]]]:
        def read(cur: Any) -> dict[str, tuple[str, int, dict[str, Any]]]:
            cur.execute("SELECT b.sha256, b.author, b.key_version, b.envelope FROM blobs b JOIN unnest(%s::text[]) "
                        "AS s(id) ON b.sha256 = s.id", (shas,))
            return {str(r[0]): (str(r[1]), int(r[2]), r[3] if isinstance(r[3], dict) else {}) for r in cur.fetchall()}

        return dict(self._run(read)) if shas else {}

    def clock(self) -> datetime:
        def read(cur: Any) -> datetime:
            cur.execute("SELECT clock_timestamp()")
            value: datetime = cur.fetchone()[0]
            return value

        return self._run(read)  # type: ignore[no-any-return]

    def revoke(self, member_id: str, doc: dict[str, Any] | None = None) -> int:
        def work(cur: Any) -> int:
            cur.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (_LOCK + self.schema,))  # no push between
            cur.execute("SELECT coalesce(max(seq), 0) FROM records")
            after = int(cur.fetchone()[0])
            cur.execute("SELECT after_seq, doc FROM revoked_members WHERE member_id = %s", (member_id,))
            if (row := cur.fetchone()) is not None and (self._honour is None or self._honour(member_id, row[1])):
                return min(int(row[0]), after)  # a retry; never beyond the records (a planted row widens nothing)
            # none yet, or one the remover cannot trust (planted, or an old removal of a member approved again)
            cur.execute("UPDATE revoked_members SET after_seq = %s, doc = %s, revoked_at = now() WHERE member_id = %s"
                        if row is not None else
                        "INSERT INTO revoked_members (after_seq, doc, member_id) VALUES (%s, %s, %s)",
                        (after, json.dumps(doc) if doc is not None else None, member_id))
            return after

        return int(self._run(work))

    def reinstate(self, member_id: str) -> None:
        def work(cur: Any) -> None:
            cur.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (_LOCK + self.schema,))  # as revoke does
            cur.execute("DELETE FROM revoked_members WHERE member_id = %s", (member_id,))

        self._run(work)

    def pull(self, after_seq: int, limit: int) -> list[Record]:
        def read(cur: Any) -> list[Record]:
            cur.execute(f"SELECT {_COLUMNS} FROM records WHERE seq > %s ORDER BY seq LIMIT %s", (after_seq, limit))
            return [_record(r) for r in cur.fetchall()]

        return list(self._run(read))

    def heads(self) -> dict[str, int]:
        def read(cur: Any) -> dict[str, int]:
            cur.execute("SELECT case_id, max(office_rev) FROM records GROUP BY case_id")
            return {str(c): int(r) for c, r in cur.fetchall()}

        return dict(self._run(read))

    def heads_summary(self) -> tuple[int, str]:
        def read(cur: Any) -> tuple[int, str]:
            cur.execute(HEADS_SUMMARY)
            count, digest = cur.fetchone()
            return int(count), str(digest)

        summary: tuple[int, str] = self._run(read)
        return summary

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None


_LOCK = "casefile office push "
"""The advisory lock (with the schema's name) that serialises pushes and removals in one office."""

HEADS_SUMMARY = """
SELECT count(*), encode(sha256(convert_to(coalesce(string_agg(case_id || ':' || head || E'\\n', ''
                                                              ORDER BY case_id COLLATE "C"), ''), 'UTF8')), 'hex')
FROM (SELECT case_id, max(office_rev) AS head FROM records GROUP BY case_id) AS heads
"""
"""backend.heads_digest, computed by the server: case ids (plain ASCII tokens) in byte order, as Python sorts."""

_COLUMNS = "seq, case_id, office_rev, base_rev, author, key_version, push_id, envelope"
_QUALIFIED = ", ".join(f"r.{c.strip()}" for c in _COLUMNS.split(","))


def _record(row: Any) -> Record:
    """A row as a Record, or an UnreadableRecord naming what is wrong with a row edited by hand (Record.read)."""
    seq, case_id, office_rev, base_rev, author, key_version, push_id, envelope = row
    doc = {"case_id": case_id, "office_rev": office_rev, "base_rev": base_rev, "author": author,
           "key_version": key_version, "push_id": push_id,
           "envelope": envelope if isinstance(envelope, dict) else {}}
    return Record.read(doc, int(seq))


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
