-- Version 5: the 911 location. The 'registered' slot is the site's one registered dispatchable
-- location (status registered, or unverified after a suspected move); the 'proposed' slot holds a
-- change staged remotely until someone on site confirms it. Every change is also an event.
CREATE TABLE e911_location (
    slot          TEXT PRIMARY KEY CHECK (slot IN ('registered', 'proposed')),
    doc           TEXT NOT NULL,
    status        TEXT NOT NULL,
    reason        TEXT,
    version       INTEGER NOT NULL,
    changed_at    TEXT NOT NULL,
    changed_by    TEXT NOT NULL,
    changed_via   TEXT NOT NULL,
    confirmed_at  TEXT
) WITHOUT ROWID;
-- What the surroundings looked like after the location was last confirmed (confirmed_at): the
-- move detector's memory, kept so a move during a power cut is seen at the next start.
CREATE TABLE e911_fingerprint (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    confirmed_at  TEXT NOT NULL,
    doc           TEXT NOT NULL
);
