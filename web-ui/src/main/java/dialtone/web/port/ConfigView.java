package dialtone.web.port;

import java.util.Map;

/** The effective configuration, read-only, as the installer's setup page and the diagnostics bundle show it. */
@FunctionalInterface
public interface ConfigView {

    /** {@code ****} in place of every secret; the agent never hands a secret's value to the web UI. */
    String MASK = "****";

    /**
     * {@code {"version": n, "keys": {key: {"value": text or null, "source": "environment" |
     * "remote" | "file" | "default"}}}}, secrets already masked.
     */
    Map<String, Object> effective();
}
