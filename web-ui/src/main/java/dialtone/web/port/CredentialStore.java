package dialtone.web.port;

import java.util.Optional;

/** Where the installer password's hash is kept (the agent's database). Never the password. */
public interface CredentialStore {

    Optional<String> installerPasswordHash();

    void setInstallerPasswordHash(String hash);
}
