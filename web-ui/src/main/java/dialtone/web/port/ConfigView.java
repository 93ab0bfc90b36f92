package dialtone.web.port;

import java.util.List;
import java.util.Map;

/** The effective configuration as the setup page and the diagnostics bundle show it, and the installer's changes. */
public interface ConfigView {

    /** {@code ****} in place of every secret; the agent never hands a secret's value to the web UI. */
    String MASK = "****";

    /**
     * {@code {"version": n, "keys": {key: {"value": text or null, "source": "environment" |
     * "remote" | "file" | "default"}}}}, secrets already masked.
     */
    Map<String, Object> effective();

    /**
     * Sets and removes keys, checked as a start would check them; kept with the next version and
     * taken by a restart of the agent. On any problem nothing changes.
     */
    Change change(Map<String, String> set, List<String> unset, String by);

    /** @param problems key by key; empty when the change was kept (or there was nothing to change) */
    record Change(long version, boolean restarting, Map<String, String> problems) {}
}
