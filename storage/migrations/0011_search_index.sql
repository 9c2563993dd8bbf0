-- purpose: a search index inside the encrypted store: each case's transliterated, folded and sound keys (casework.search), kept by triggers in the same transaction as every write
-- cases.search_text holds the keys as JSON (casework.search.index_text, written with every save); the triggers
-- below copy them (one pass over the JSON: json_each) into case_search (a stable INTEGER key for FTS5: the implicit rowid of cases may change in a
-- VACUUM INTO backup) and case_search into the FTS5 index case_fts. Nothing here lives outside the database.
CREATE TABLE case_search (
    n         INTEGER PRIMARY KEY,
    case_id   TEXT NOT NULL UNIQUE,
    sort_name TEXT NOT NULL DEFAULT '',
    name      TEXT NOT NULL DEFAULT '',
    sound     TEXT NOT NULL DEFAULT '',
    number    TEXT NOT NULL DEFAULT '',
    born      TEXT NOT NULL DEFAULT '',
    place     TEXT NOT NULL DEFAULT '',
    charge    TEXT NOT NULL DEFAULT '',
    status    TEXT NOT NULL DEFAULT '',
    keys      TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX case_search_by_name ON case_search (sort_name, case_id);
CREATE VIRTUAL TABLE case_fts USING fts5 (
    name, sound, number, born, place, charge, status,
    content = 'case_search', content_rowid = 'n', prefix = '1 2 3', tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER case_search_added AFTER INSERT ON case_search BEGIN
    INSERT INTO case_fts (rowid, name, sound, number, born, place, charge, status)
    VALUES (new.n, new.name, new.sound, new.number, new.born, new.place, new.charge, new.status);
END;
CREATE TRIGGER case_search_removed AFTER DELETE ON case_search BEGIN
    INSERT INTO case_fts (case_fts, rowid, name, sound, number, born, place, charge, status)
    VALUES ('delete', old.n, old.name, old.sound, old.number, old.born, old.place, old.charge, old.status);
END;
CREATE TRIGGER case_search_changed AFTER UPDATE ON case_search BEGIN
    INSERT INTO case_fts (case_fts, rowid, name, sound, number, born, place, charge, status)
    VALUES ('delete', old.n, old.name, old.sound, old.number, old.born, old.place, old.charge, old.status);
    INSERT INTO case_fts (rowid, name, sound, number, born, place, charge, status)
    VALUES (new.n, new.name, new.sound, new.number, new.born, new.place, new.charge, new.status);
END;
CREATE TRIGGER cases_indexed AFTER INSERT ON cases BEGIN
    INSERT INTO case_search (case_id, sort_name, name, sound, number, born, place, charge, status, keys)
    SELECT new.id, ifnull(max(CASE key WHEN 'sort' THEN value END), ''),
           ifnull(max(CASE key WHEN 'name' THEN value END), ''), ifnull(max(CASE key WHEN 'sound' THEN value END), ''),
           ifnull(max(CASE key WHEN 'number' THEN value END), ''), ifnull(max(CASE key WHEN 'born' THEN value END), ''),
           ifnull(max(CASE key WHEN 'place' THEN value END), ''), ifnull(max(CASE key WHEN 'charge' THEN value END), ''),
           ifnull(max(CASE key WHEN 'status' THEN value END), ''), ifnull(max(CASE key WHEN 'keys' THEN value END), '[]')
    FROM json_each(CASE WHEN json_valid(new.search_text) THEN new.search_text ELSE '{}' END) WHERE true
    ON CONFLICT (case_id) DO UPDATE SET sort_name = excluded.sort_name, name = excluded.name,
        sound = excluded.sound, number = excluded.number, born = excluded.born, place = excluded.place,
        charge = excluded.charge, status = excluded.status, keys = excluded.keys;
END;
CREATE TRIGGER cases_reindexed AFTER UPDATE OF search_text ON cases WHEN new.search_text IS NOT old.search_text BEGIN
    INSERT INTO case_search (case_id, sort_name, name, sound, number, born, place, charge, status, keys)
    SELECT new.id, ifnull(max(CASE key WHEN 'sort' THEN value END), ''),
           ifnull(max(CASE key WHEN 'name' THEN value END), ''), ifnull(max(CASE key WHEN 'sound' THEN value END), ''),
           ifnull(max(CASE key WHEN 'number' THEN value END), ''), ifnull(max(CASE key WHEN 'born' THEN value END), ''),
           ifnull(max(CASE key WHEN 'place' THEN value END), ''), ifnull(max(CASE key WHEN 'charge' THEN value END), ''),
           ifnull(max(CASE key WHEN 'status' THEN value END), ''), ifnull(max(CASE key WHEN 'keys' THEN value END), '[]')
    FROM json_each(CASE WHEN json_valid(new.search_text) THEN new.search_text ELSE '{}' END) WHERE true
    ON CONFLICT (case_id) DO UPDATE SET sort_name = excluded.sort_name, name = excluded.name,
        sound = excluded.sound, number = excluded.number, born = excluded.born, place = excluded.place,
        charge = excluded.charge, status = excluded.status, keys = excluded.keys;
END;
CREATE TRIGGER cases_unindexed AFTER DELETE ON cases BEGIN
    DELETE FROM case_search WHERE case_id = old.id;
END;
-- Every existing case gets a row now (its keys empty); the store fills them from the case bodies on the first
-- open (text folding is Python, not SQL) while search_backfill holds its row.
INSERT INTO case_search (case_id) SELECT id FROM cases;
CREATE TABLE search_backfill (id INTEGER PRIMARY KEY CHECK (id = 1));
INSERT INTO search_backfill (id) VALUES (1);
-- The list reads a page from covering indexes, whatever the sort (by id: cases_lookup); no case body is read.
DROP INDEX cases_list;
CREATE INDEX cases_list ON cases (updated_at, id, case_number, family_name, given_names, aliases, a_number, status, revision);
CREATE INDEX cases_lookup ON cases (id, case_number, family_name, given_names, aliases, a_number, status, updated_at, revision);
CREATE INDEX cases_by_status ON cases (status, id);
CREATE INDEX cases_by_a_number ON cases (a_number, id);
