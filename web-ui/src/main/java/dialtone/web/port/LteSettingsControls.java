package dialtone.web.port;

import java.util.Map;

/** The modem's APN, credentials, roaming and SIM PIN, as the installer sets them on site. */
public interface LteSettingsControls {

    LteSettingsReport settings();

    /** @return the problems by field; empty when the settings are in force (applied within seconds) */
    Map<String, String> update(Map<String, Object> fields, String by);

    /**
     * Secrets are never shown, only whether they are set.
     *
     * @param source {@code config} (the configuration file's) or {@code installer}
     */
    record LteSettingsReport(
            String apn,
            String apnUser,
            boolean apnPasswordSet,
            boolean roamingAllowed,
            boolean simPinSet,
            String source) {}
}
