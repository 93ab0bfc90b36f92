package dialtone.agent.panel;

import dialtone.agent.events.EventLog;
import dialtone.agent.modem.LteSettings;
import dialtone.agent.web.DatabaseCredentials;
import dialtone.agent.web.FailoverControlsAdapter;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Resets the box to its provisioning defaults: forgets what was set on site (the installer
 * password, so the provisioned one applies again; the LTE settings; the failover mode; the 911
 * location and the surroundings it was confirmed in, since a reset box may have been moved) in one
 * transaction with the {@code device-reset} event that records it. The usage ledger, the event log,
 * the failover test results and the e-mail outbox stay. The running services still hold the old
 * values, so the agent restarts after a reset.
 */
public final class FactoryReset {
    static final List<String> SETTINGS =
            List.of(DatabaseCredentials.KEY, LteSettings.KEY, FailoverControlsAdapter.MODE_KEY);
    static final List<String> TABLES = List.of("e911_location", "e911_fingerprint");

    private final EventLog events;

    public FactoryReset(EventLog events) {
        this.events = events;
    }

    /** All of it or, when the database fails, nothing (the exception says why). */
    public void perform(String by) {
        events.appendWith(
                "device-reset",
                "warning",
                "Reset to provisioning defaults by the " + by + ": installer password, LTE settings, failover mode "
                        + "and 911 location forgotten; the usage ledger and the event log kept",
                Map.of("by", by, "settings", SETTINGS, "tables", TABLES),
                c -> {
                    try (PreparedStatement delete = c.prepareStatement("DELETE FROM settings WHERE key = ?")) {
                        for (String key : SETTINGS) {
                            delete.setString(1, key);
                            delete.executeUpdate();
                        }
                    }
                    try (Statement delete = c.createStatement()) {
                        for (String table : TABLES) {
                            delete.executeUpdate("DELETE FROM " + table);
                        }
                    }
                    return null;
                });
    }
}
