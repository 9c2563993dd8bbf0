"""A PostgreSQL connection string (DSN) as shown to people — in a message, a log line, a status, the audit log:
never with its password.

The DSN is read by libpq's own parser (psycopg.conninfo.conninfo_to_dict), so a URI
(`postgresql://user:secret@host/db`, `?password=secret`) and key=value text (`password='a\\'b c'`) are both
understood as the server would understand them, and shown again as key=value text with every password (and
`sslpassword`) as ***. A DSN the parser cannot read is not shown at all: how much of it is the password cannot be
known then. libpq's own complaint about it quotes pieces of it, so those pieces are left out too (`parse_problem`).
"""

from __future__ import annotations

import re

HIDDEN = "***"
SECRET_KEYS = frozenset({"password", "sslpassword"})
"""The connection parameters that are secrets (libpq's keywords): shown as HIDDEN."""
NOT_SHOWN = "(connection string not shown)"
"""What stands for a DSN that cannot be read (so cannot be shown without the risk of showing a password)."""


def shown_dsn(dsn: str) -> str | None:
    """`dsn` as people may see it: key=value text, every password as ***; None when it cannot be read."""
    from psycopg import ProgrammingError
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    try:
        params = conninfo_to_dict(dsn)
    except (ProgrammingError, ValueError, TypeError):
        return None
    shown: dict[str, str] = {}
    for key, value in params.items():
        if value is None:
            continue
        text = str(value)
        if key in SECRET_KEYS:
            text = HIDDEN
        elif key == "dbname" and ("=" in text or text.startswith(("postgresql://", "postgres://"))):
            text = shown_dsn(text) or HIDDEN  # libpq reads a dbname like this as a connection string of its own
        shown[key] = text
    try:
        return make_conninfo("", **shown)
    except (ProgrammingError, ValueError, TypeError):
        return None


def shown_location(dsn: str, schema: str) -> str:
    """Where a PostgreSQL office is, as people see it: "<dsn without its password> schema <schema>"."""
    return f"{shown_dsn(dsn) or NOT_SHOWN} schema {schema}"


def parse_problem(dsn: str) -> str | None:
    """Why libpq cannot read `dsn` as a connection string (None when it can), without the pieces of it libpq
    quotes in its message ("missing "=" after "s3cret"", an IPv6 URI quoted whole): each becomes "…"."""
    from psycopg import ProgrammingError
    from psycopg.conninfo import conninfo_to_dict

    try:
        conninfo_to_dict(dsn)
    except (ProgrammingError, ValueError, TypeError) as exc:
        line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        return re.sub(r'"[^"]*"', lambda m: m.group(0) if m.group(0) in ('"="', '"]"') else '"…"', line)
    return None


def without_secrets(text: str, dsn: str) -> str:
    """`text` (a driver's or server's message about `dsn`) with any password `dsn` holds replaced by ***, in case
    the message quotes it; a `dsn` that cannot be read leaves `text` as it is (it was never sent anywhere). A
    password of fewer than 4 characters is left: replacing every "ab" would garble the message, and the DSN
    itself is never quoted whole (shown_dsn, parse_problem)."""
    from psycopg import ProgrammingError
    from psycopg.conninfo import conninfo_to_dict

    try:
        params = conninfo_to_dict(dsn)
    except (ProgrammingError, ValueError, TypeError):
        return text
    for key in SECRET_KEYS:
        secret = params.get(key)
        if secret and len(str(secret)) >= 4:
            text = text.replace(str(secret), HIDDEN)
    return text
