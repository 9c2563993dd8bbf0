-- purpose: the pull cursor's mark — a digest of the office record it stands on — so a sync finds an office whose history went back under it (restored from an older backup, a sequence reset) instead of missing every record given that number again
-- An office put back from an older backup ends below this laptop's cursor, or — once others push again — gives the
-- numbers this laptop has read to new records, which a pull from the cursor would pass over for good, silently.
-- storage.sync reads the record at the cursor before each pull and compares (storage.sync.check_office_history).
-- '' until the next pull sets it.
ALTER TABLE office_link ADD COLUMN cursor_mark TEXT NOT NULL DEFAULT '';
