package dialtone.web.port;

import java.util.List;

/** The agent's recent log, for the diagnostics bundle. */
@FunctionalInterface
public interface LogView {

    /** The newest entries the agent keeps, oldest first; never a secret (the agent logs none). */
    List<String> recent();
}
