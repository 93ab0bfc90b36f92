package dialtone.agent.events;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something a technician, the operations team or the customer may need to know, in order: the
 * sequence number is per device and never reused.
 *
 * @param severity {@code info}, {@code warning} or {@code error}
 * @param facts the numbers and names behind the message, for programs (MQTT, reports)
 */
public record Event(long seq, Instant at, String type, String severity, String message, Map<String, Object> facts) {
    public Event {
        Map<String, Object> kept = new LinkedHashMap<>();
        facts.forEach((key, value) -> {
            if (value != null) {
                kept.put(key, value);
            }
        });
        facts = Collections.unmodifiableMap(kept);
    }
}
