-- Remote commands already answered, by id: a repeat gets the same answer and runs nothing again,
-- also after a restart. Pruned to the last 30 days.
CREATE TABLE mqtt_commands (
  id       TEXT PRIMARY KEY,
  at       TEXT NOT NULL,
  response TEXT NOT NULL
);
