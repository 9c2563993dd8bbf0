-- purpose: keep each case's folded search text, so the case list needs no text processing on unlock
ALTER TABLE cases ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
