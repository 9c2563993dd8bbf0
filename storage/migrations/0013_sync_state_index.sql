-- purpose: a covering index on each case's sync standing (office revision, revision in step), so a sync with nothing to do finds what changed and digests the heads without reading every office base body
CREATE INDEX sync_state_standing ON sync_state (case_id, office_rev, synced_revision)
