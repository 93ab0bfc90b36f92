package dialtone.agent.web;

import dialtone.agent.modem.LteSettings;
import dialtone.web.port.LteSettingsControls;
import java.util.Map;

/** The modem's settings, as the installer's page shows and sets them. */
public final class LteSettingsAdapter implements LteSettingsControls {
    private final LteSettings settings;

    public LteSettingsAdapter(LteSettings settings) {
        this.settings = settings;
    }

    @Override
    public LteSettingsReport settings() {
        LteSettings.Shown s = settings.shown();
        return new LteSettingsReport(
                s.apn(), s.apnUser(), s.apnPasswordSet(), s.roamingAllowed(), s.simPinSet(), s.source());
    }

    @Override
    public Map<String, String> update(Map<String, Object> fields, String by) {
        return settings.update(fields, by);
    }
}
