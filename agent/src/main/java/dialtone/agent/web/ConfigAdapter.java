package dialtone.agent.web;

import dialtone.agent.report.Configurator;
import dialtone.web.port.ConfigView;
import java.util.List;
import java.util.Map;

/** The configuration for the installer's page: what {@link Configurator} shows and keeps for operations too. */
public final class ConfigAdapter implements ConfigView {
    private final Configurator configurator;

    public ConfigAdapter(Configurator configurator) {
        this.configurator = configurator;
    }

    @Override
    public Map<String, Object> effective() {
        return configurator.describe();
    }

    @Override
    public Change change(Map<String, String> set, List<String> unset, String by) {
        Configurator.Change change = configurator.change(set, unset, by);
        return new Change(change.version(), change.restarting(), change.problems());
    }
}
