-- purpose: a role for the profile (officer or supervisor), and draft revisions that stay open while one editing session goes on
ALTER TABLE profile ADD COLUMN role TEXT NOT NULL DEFAULT 'officer';
ALTER TABLE cases ADD COLUMN revision_open INTEGER NOT NULL DEFAULT 0;
