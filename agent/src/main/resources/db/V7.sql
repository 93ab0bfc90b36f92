-- Remote commands already answered, by id: a repeat gets the same answer and runs nothing again,
-- also after a restart. Pruned to the last 30 days.
CREATE TABLE mqtt_commands (
  id       TEXT PRIMARY KEY,
  at       TEXT NOT NULL,
  response TEXT NOT NULL
);

-- Telemetry samples waiting for the broker, oldest first; capped (the oldest dropped and counted)
-- so that a long outage fills neither the card nor the first batch after it.
CREATE TABLE mqtt_telemetry (
  id     INTEGER PRIMARY KEY AUTOINCREMENT,
  at     TEXT NOT NULL,
  sample TEXT NOT NULL
);
