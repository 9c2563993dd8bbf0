-- purpose: a case whose search row the store wrote itself (a pull's bulk write) is not split again from its JSON by the trigger, and every case's keys are rebuilt once (case-number keys changed)
-- A pull of 10,000 cases spent a third of its database time in json_each: the trigger unpacks cases.search_text
-- row by row. The bulk write (CaseStore.sync_apply_many) now stages the same columns, from the same keys
-- (casework.search.index_columns), and inserts them into case_search in one statement before the cases; the
-- trigger then finds the row and has nothing to do. Every other write still goes through it as before: a new
-- case has no search row (cases_unindexed removes a deleted case's row in the same transaction).
DROP TRIGGER cases_indexed;
CREATE TRIGGER cases_indexed AFTER INSERT ON cases
WHEN NOT EXISTS (SELECT 1 FROM case_search WHERE case_id = new.id) BEGIN
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
-- The case-number keys changed (its parts, not the parts run together) after stores had kept the old ones: the
-- store rebuilds every case's keys from its body on the next unlock while this row is here.
INSERT OR IGNORE INTO search_backfill (id) VALUES (1);
