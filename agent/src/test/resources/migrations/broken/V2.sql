-- A migration that fails half-way: the first statement must not survive.
ALTER TABLE ledger ADD COLUMN packets INTEGER NOT NULL DEFAULT 0;
CREATE TABLE ledger (day TEXT);
