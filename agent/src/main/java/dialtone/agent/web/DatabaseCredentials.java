package dialtone.agent.web;

import dialtone.agent.store.Settings;
import dialtone.web.port.CredentialStore;
import java.util.Optional;

/** Keeps the installer password's hash in the agent's database. */
public final class DatabaseCredentials implements CredentialStore {
    public static final String KEY = "installer.password-hash";

    private final Settings settings;

    public DatabaseCredentials(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Optional<String> installerPasswordHash() {
        return settings.get(KEY);
    }

    @Override
    public void setInstallerPasswordHash(String hash) {
        settings.put(KEY, hash);
    }
}
