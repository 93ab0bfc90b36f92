package dialtone.agent.report;

import dialtone.agent.events.Event;
import dialtone.agent.events.EventLog;
import dialtone.agent.store.Settings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.tinylog.Logger;

/**
 * Sends the event log to the broker in order, at least once: the events after the last one the
 * broker acknowledged, in batches, one batch in flight. The acknowledged sequence number lives in
 * SQLite, so what was logged while the broker or the agent was down goes out when both are back; a
 * consumer drops what it has seen by {@code seq}. Events the log pruned before they could be sent
 * are counted, never silently skipped.
 */
final class EventRelay {
    static final int BATCH = 20;
    static final String ACKED = "mqtt.events-acked";
    static final String DROPPED = "mqtt.events-dropped";

    private final EventLog events;
    private final Settings settings;
    private final Function<byte[], CompletableFuture<Void>> publish;
    private final Executor owner;
    private boolean inFlight;

    /** @param owner the one thread that runs {@link #pump} */
    EventRelay(EventLog events, Settings settings, Function<byte[], CompletableFuture<Void>> publish, Executor owner) {
        this.events = events;
        this.settings = settings;
        this.publish = publish;
        this.owner = owner;
    }

    /** Sends the next batch if none is in flight; call after a connect and after each new event. */
    void pump() {
        if (inFlight) {
            return;
        }
        long acked = settings.get(ACKED).map(Long::parseLong).orElse(0L);
        List<Event> batch = events.after(acked, BATCH);
        if (batch.isEmpty()) {
            return;
        }
        long dropped = batch.getFirst().seq() - acked - 1;
        Map<String, Object> payload = new LinkedHashMap<>();
        if (dropped > 0) {
            payload.put("dropped", dropped);
        }
        payload.put("events", batch.stream().map(EventRelay::json).toList());
        inFlight = true;
        publish.apply(Json.bytes(payload))
                .whenComplete((ok, error) -> owner.execute(() -> {
                    inFlight = false;
                    if (error != null) {
                        Logger.debug("Events after {} not acknowledged: {}", acked, error.getMessage());
                        return; // again after the next connect
                    }
                    if (dropped > 0) {
                        settings.put(DROPPED, Long.toString(dropped(settings) + dropped));
                        Logger.warn("{} event(s) were pruned from the log before the broker could have them", dropped);
                    }
                    settings.put(ACKED, Long.toString(batch.getLast().seq()));
                    pump();
                }));
    }

    /** Events the log lost before they were sent, since the device's first start. */
    static long dropped(Settings settings) {
        return settings.get(DROPPED).map(Long::parseLong).orElse(0L);
    }

    /** An event as the operations team reads it. */
    static Map<String, Object> json(Event event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("seq", event.seq());
        json.put("at", event.at().toString());
        json.put("type", event.type());
        json.put("severity", event.severity());
        json.put("message", event.message());
        json.put("facts", event.facts());
        return json;
    }
}
