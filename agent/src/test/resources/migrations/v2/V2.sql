-- Test schema, version 2: a column with a default, and a new table.
ALTER TABLE ledger ADD COLUMN packets INTEGER NOT NULL DEFAULT 0;
CREATE TABLE notes (
    id   INTEGER PRIMARY KEY,
    text TEXT NOT NULL
);
