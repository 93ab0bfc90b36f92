-- Version 6: the e-mail outbox. Messages wait here until the mail server takes them, in order;
-- notices of one kind arriving within the coalescing window after another are appended to one held
-- summary (due at the window's end) instead of becoming messages of their own.
CREATE TABLE outbox (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    category    TEXT NOT NULL,
    recipients  TEXT NOT NULL,
    subject     TEXT NOT NULL,
    body        TEXT NOT NULL,
    notices     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    due_at      TEXT NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT,
    sent_at     TEXT
);
CREATE INDEX outbox_unsent ON outbox (sent_at, id);
