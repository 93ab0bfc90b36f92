package dialtone.agent.report;

import dialtone.web.port.Status;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import org.tinylog.Logger;

/**
 * Telemetry: a sample of the site every {@code mqtt.telemetry.every}, kept in SQLite and sent in
 * batches every {@code mqtt.telemetry.batch} (framing dominates small messages: one carries many),
 * deflated over LTE, held back while {@link LteBudget} says so. At least once: a batch's rows go
 * only when the broker acknowledged it.
 */
final class TelemetryRelay {
    static final int BATCH = 100;

    private final TelemetryStore store;
    private final BiFunction<byte[], Boolean, CompletableFuture<Void>> publish;
    private final Executor owner;
    private boolean inFlight;

    /** @param publish sends (payload, deflated?) on {@code tele}; @param owner the one thread that runs this */
    TelemetryRelay(TelemetryStore store, BiFunction<byte[], Boolean, CompletableFuture<Void>> publish, Executor owner) {
        this.store = store;
        this.publish = publish;
        this.owner = owner;
    }

    void record(Status status, Instant at) {
        store.add(at, new String(Json.bytes(sample(status, at)), StandardCharsets.UTF_8));
    }

    /** Sends the oldest batch, deflated when {@code onLte}; again at once while full batches wait. */
    void flush(boolean onLte) {
        if (inFlight) {
            return;
        }
        List<TelemetryStore.Stored> batch = store.oldest(BATCH);
        if (batch.isEmpty()) {
            return;
        }
        byte[] json = batch.stream()
                .map(TelemetryStore.Stored::json)
                .collect(Collectors.joining(",", "{\"samples\":[", "]}"))
                .getBytes(StandardCharsets.UTF_8);
        inFlight = true;
        publish.apply(onLte ? deflate(json) : json, onLte)
                .whenComplete((ok, error) -> owner.execute(() -> {
                    inFlight = false;
                    if (error != null) {
                        Logger.debug("Telemetry batch not acknowledged: {}", error.getMessage());
                        return;
                    }
                    store.acknowledged(batch.getLast().id());
                    if (batch.size() == BATCH) {
                        flush(onLte);
                    }
                }));
    }

    /** One sample, short keys: it is multiplied by every five minutes of every box. */
    static Map<String, Object> sample(Status s, Instant at) {
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("t", at.getEpochSecond());
        sample.put("up", s.activeUplink());
        sample.put("loss", s.primary().lossPercent());
        sample.put("rtt", s.primary().latencyMs());
        if (s.lte().signal() != null) {
            sample.put("bars", s.lte().signal().bars());
            sample.put("rsrp", s.lte().signal().rsrpDbm());
            sample.put("sinr", s.lte().signal().sinrDb());
        }
        sample.put("lteB", s.usage().cycleBytes());
        sample.put("calls", s.failover().activeCalls());
        return sample;
    }

    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 16);
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }
}
