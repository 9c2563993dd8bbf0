-- purpose: a per-profile Ed25519 signing key for memo seals (created on first open)
ALTER TABLE profile ADD COLUMN signing_key BLOB;
