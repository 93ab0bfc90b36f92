package dialtone.agent.report;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.agent.store.Database;
import dialtone.agent.store.Migrations;
import dialtone.agent.store.Settings;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.Inflater;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelemetryRelayTest {
    @TempDir
    Path dir;

    private Database db;
    private TelemetryStore store;
    private final List<byte[]> sent = new ArrayList<>();
    private CompletableFuture<Void> ack = new CompletableFuture<>();

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("dialtone.db"), new Migrations(Migrations.PRODUCTION));
        store = new TelemetryStore(new Settings(db, Clock.systemUTC()));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aBatchLeavesTheStoreOnlyWhenTheBrokerAcknowledgedIt() {
        TelemetryRelay relay = relay();
        store.add(Instant.EPOCH, "{\"t\":1}");
        store.add(Instant.EPOCH, "{\"t\":2}");

        relay.flush(false);
        assertThat(new String(sent.getFirst(), StandardCharsets.UTF_8))
                .isEqualTo("{\"samples\":[{\"t\":1},{\"t\":2}]}");
        ack.completeExceptionally(new MqttLink.NotConnected());
        assertThat(store.oldest(10)).hasSize(2);

        ack = new CompletableFuture<>();
        relay.flush(false);
        ack.complete(null);
        assertThat(store.oldest(10)).isEmpty();
        assertThat(sent).hasSize(2);
    }

    @Test
    void overLteTheBatchIsDeflatedToAFractionOfItsSize() throws Exception {
        TelemetryRelay relay = relay();
        StringBuilder json = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            String sample =
                    "{\"t\":" + (1795000000 + 300 * i) + ",\"up\":\"lte\",\"loss\":100.0,\"rtt\":null,\"bars\":3,"
                            + "\"rsrp\":-97.0,\"sinr\":11.5,\"lteB\":" + (48_000_000 + 1000 * i) + ",\"calls\":1}";
            store.add(Instant.EPOCH, sample);
            json.append(i == 0 ? "" : ",").append(sample);
        }

        relay.flush(true);

        byte[] deflated = sent.getFirst();
        String plain = "{\"samples\":[" + json + "]}";
        assertThat(inflate(deflated)).isEqualTo(plain);
        assertThat(deflated.length).isLessThan(plain.length() / 3);
    }

    private TelemetryRelay relay() {
        return new TelemetryRelay(
                store,
                (payload, deflated) -> {
                    sent.add(payload);
                    return ack;
                },
                Runnable::run);
    }

    private static String inflate(byte[] data) throws Exception {
        Inflater inflater = new Inflater();
        inflater.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!inflater.finished()) {
            out.write(buffer, 0, inflater.inflate(buffer));
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
