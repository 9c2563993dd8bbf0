-- purpose: the office records a pull refused, remembered by sequence number, so each is read again on its own at later syncs instead of the cursor going back to it
-- A refused record (damaged on the share, edited by hand, not allowed) used to set the pull cursor back to just
-- before it, so that it was read again at the next sync in case it had been put right: with it, every record
-- after it was read again too, at every sync, for as long as it stayed refused (for good, for a log line that is
-- not a record). The cursor now passes it, and storage.sync reads each record named here again, alone, until it
-- is taken in or its case has moved past it. `detail`: the words it was last refused with (the audit log has
-- them once: a refusal in the same words is not written again).
CREATE TABLE sync_refused (
    seq     INTEGER PRIMARY KEY,
    case_id TEXT NOT NULL DEFAULT '',
    detail  TEXT NOT NULL
);
