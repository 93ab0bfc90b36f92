-- Version 2: the event log (failover, modem, policy, security...), newest kept, oldest pruned.
CREATE TABLE events (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,
    at       TEXT NOT NULL,
    type     TEXT NOT NULL,
    severity TEXT NOT NULL,
    message  TEXT NOT NULL,
    facts    TEXT NOT NULL
);
