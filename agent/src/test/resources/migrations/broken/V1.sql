-- Test schema, version 1.
CREATE TABLE ledger (day TEXT PRIMARY KEY, bytes INTEGER NOT NULL);
