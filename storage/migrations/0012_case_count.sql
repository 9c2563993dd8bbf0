-- purpose: the number of cases kept by triggers, so unlocking a store of 100,000 cases does not count them
CREATE TABLE case_count (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
);
INSERT INTO case_count (id, n) SELECT 1, count(*) FROM cases;
CREATE TRIGGER cases_counted AFTER INSERT ON cases BEGIN
    UPDATE case_count SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER cases_uncounted AFTER DELETE ON cases BEGIN
    UPDATE case_count SET n = n - 1 WHERE id = 1;
END;
