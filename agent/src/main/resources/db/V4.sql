-- Version 4: the LTE usage ledger. One row per UTC hour with bytes (rows are only written when
-- bytes flowed, so a standby box writes nothing); bytes counted while the clock could not be
-- trusted wait in usage_pending with their monotonic time until it can.
CREATE TABLE usage_hours (
    hour          TEXT PRIMARY KEY,
    rx            INTEGER NOT NULL,
    tx            INTEGER NOT NULL,
    while_healthy INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE usage_pending (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    boot_id       TEXT NOT NULL,
    monotonic_ms  INTEGER NOT NULL,
    rx            INTEGER NOT NULL,
    tx            INTEGER NOT NULL,
    while_healthy INTEGER NOT NULL
);
CREATE TABLE usage_corrections (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    cycle_start   TEXT NOT NULL,
    at            TEXT NOT NULL,
    carrier_bytes INTEGER NOT NULL,
    metered_bytes INTEGER NOT NULL,
    by            TEXT NOT NULL
);
CREATE TABLE usage_notices (
    cycle_start   TEXT NOT NULL,
    notice        TEXT NOT NULL,
    at            TEXT NOT NULL,
    PRIMARY KEY (cycle_start, notice)
) WITHOUT ROWID;
