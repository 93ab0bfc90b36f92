-- Version 3: results of the installer's failover tests, for the installation report.
CREATE TABLE failover_tests (
    id          TEXT PRIMARY KEY,
    started_at  TEXT NOT NULL,
    result      TEXT NOT NULL
);
