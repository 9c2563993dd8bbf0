"""The office store: where laptops meet (a PostgreSQL schema or a shared folder), holding only ciphertext.

    backend.py  the interface both backends implement, and the routing data it may see
    folder.py   a shared folder (a network share, a USB drive): signed, encrypted files written atomically
    pg.py       PostgreSQL (psycopg 3), its schema made by its own numbered migrations
    crypto.py   the content key, key wrapping to a member (X25519), and the sealed, signed record envelope
    roster.py   the signed member list: who holds which role, checked by every client
    link.py     this profile's link to an office: init, join, approve, members, status

Nothing here decides how a case merges (casework.merge) or when to push and pull (storage.sync).
"""
