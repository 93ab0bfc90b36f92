package dialtone.agent.e911;

import com.fasterxml.jackson.jr.ob.JSON;
import dialtone.agent.store.Database;
import dialtone.agent.store.DatabaseException;
import dialtone.hal.modem.ModemStatus.Position;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The registered location and a staged proposal, in SQLite: each write one statement, so all or nothing. */
final class LocationStore {

    enum Slot {
        REGISTERED,
        PROPOSED
    }

    private final Database database;

    LocationStore(Database database) {
        this.database = database;
    }

    Optional<LocationEntry> read(Slot slot) {
        return database.read(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT doc, status, reason, version, changed_at, "
                    + "changed_by, changed_via, confirmed_at FROM e911_location WHERE slot = ?")) {
                query.setString(1, name(slot));
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new LocationEntry(
                            Location.of(parse(row.getString(1))),
                            row.getString(2),
                            row.getString(3),
                            row.getInt(4),
                            Instant.parse(row.getString(5)),
                            row.getString(6),
                            row.getString(7),
                            row.getString(8) == null ? null : Instant.parse(row.getString(8))));
                }
            }
        });
    }

    void write(Slot slot, LocationEntry entry) {
        database.write(c -> insert(c, slot, entry));
    }

    /** Makes the proposal the registered location and removes it, in one transaction. */
    void promote(LocationEntry registered) {
        database.write(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM e911_location WHERE slot = 'proposed'")) {
                delete.executeUpdate();
            }
            return insert(c, Slot.REGISTERED, registered);
        });
    }

    private static Void insert(Connection c, Slot slot, LocationEntry entry) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT OR REPLACE INTO e911_location (slot, doc, status, "
                + "reason, version, changed_at, changed_by, changed_via, confirmed_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            upsert.setString(1, name(slot));
            upsert.setString(2, JSON.std.asString(entry.location().fields()));
            upsert.setString(3, entry.status());
            upsert.setString(4, entry.reason());
            upsert.setInt(5, entry.version());
            upsert.setString(6, entry.changedAt().toString());
            upsert.setString(7, entry.changedBy());
            upsert.setString(8, entry.changedVia());
            upsert.setString(
                    9, entry.confirmedAt() == null ? null : entry.confirmedAt().toString());
            upsert.executeUpdate();
            return null;
        } catch (IOException e) {
            throw new DatabaseException("cannot write the location as JSON", e);
        }
    }

    /** The fingerprint learned since the location was confirmed at {@code confirmedAt}, if that is what is kept. */
    Optional<SiteFingerprint> fingerprint(Instant confirmedAt) {
        return database.read(c -> {
            try (PreparedStatement query =
                    c.prepareStatement("SELECT doc FROM e911_fingerprint WHERE id = 1 AND confirmed_at = ?")) {
                query.setString(1, confirmedAt.toString());
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.of(fingerprintOf(parse(row.getString(1)))) : Optional.empty();
                }
            }
        });
    }

    void keep(Instant confirmedAt, SiteFingerprint fingerprint) {
        database.write(c -> {
            try (PreparedStatement upsert = c.prepareStatement(
                    "INSERT OR REPLACE INTO e911_fingerprint (id, confirmed_at, doc) VALUES (1, ?, ?)")) {
                upsert.setString(1, confirmedAt.toString());
                upsert.setString(2, JSON.std.asString(documentOf(fingerprint)));
                upsert.executeUpdate();
                return null;
            } catch (IOException e) {
                throw new DatabaseException("cannot write the fingerprint as JSON", e);
            }
        });
    }

    private static Map<String, Object> documentOf(SiteFingerprint f) {
        Map<String, Object> doc = new java.util.LinkedHashMap<>();
        doc.put("cells", List.copyOf(f.cells()));
        doc.put("tacs", List.copyOf(f.tacs()));
        doc.put("gatewayMacs", List.copyOf(f.gatewayMacs()));
        doc.put("upstream", List.copyOf(f.upstream()));
        doc.put("fixes", f.fixes());
        if (f.gnss() != null) {
            doc.put("latitude", f.gnss().latitude());
            doc.put("longitude", f.gnss().longitude());
        }
        return doc;
    }

    private static SiteFingerprint fingerprintOf(Map<String, Object> doc) {
        Position gnss = doc.get("latitude") instanceof Number lat && doc.get("longitude") instanceof Number lon
                ? new Position(lat.doubleValue(), lon.doubleValue())
                : null;
        return new SiteFingerprint(
                strings(doc, "cells"),
                strings(doc, "tacs"),
                gnss,
                doc.get("fixes") instanceof Number n ? n.intValue() : 0,
                strings(doc, "gatewayMacs"),
                strings(doc, "upstream"));
    }

    private static Set<String> strings(Map<String, Object> doc, String key) {
        return doc.get(key) instanceof List<?> list
                ? list.stream().map(String::valueOf).collect(java.util.stream.Collectors.toUnmodifiableSet())
                : Set.of();
    }

    private static String name(Slot slot) {
        return slot.name().toLowerCase();
    }

    private static Map<String, Object> parse(String json) {
        try {
            return JSON.std.mapFrom(json);
        } catch (IOException e) {
            throw new DatabaseException("the stored location is not JSON", e);
        }
    }
}
