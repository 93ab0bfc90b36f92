package dialtone.ops;

import dialtone.agent.report.TlsFiles;
import dialtone.agent.report.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

/**
 * The operator's short MQTT 5 session with the broker (clean, nothing kept): collects the
 * devices' retained states, or sends one command and waits for the response that carries its
 * correlation data. Every failure is an {@link OpsFailure} in words.
 */
final class BrokerSession implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_SECONDS = 10;
    private static final Duration RESEND = Duration.ofSeconds(5);
    private static final int NOT_AUTHORIZED = 0x87;
    private static final int BAD_LOGIN = 0x86;

    private final MqttClient client;
    private final String url;

    private BrokerSession(MqttClient client, String url) {
        this.client = client;
        this.url = url;
    }

    /** What came back for a command: the response, or none in time and the device's retained state, if any. */
    record Answer(Optional<Map<String, Object>> response, Optional<Map<String, Object>> state) {}

    static BrokerSession connect(OpsArgs.Connection connection) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setSessionExpiryInterval(0L);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS);
        if (!connection.username().isEmpty()) {
            options.setUserName(connection.username());
        }
        byte[] password = password(connection);
        if (password.length > 0) {
            options.setPassword(password);
        }
        if (connection.url().startsWith("ssl://")) {
            readable("--ca", connection.ca());
            readable("--cert", connection.cert());
            readable("--key", connection.key());
            try {
                options.setSocketFactory(TlsFiles.socketFactory(connection.ca(), connection.cert(), connection.key()));
            } catch (TlsFiles.TlsFileException e) {
                throw new OpsFailure(Ops.USAGE, e.getMessage());
            }
            options.setHttpsHostnameVerificationEnabled(true);
        }
        try {
            MqttClient client = new MqttClient(connection.url(), "ops-" + UUID.randomUUID(), new MemoryPersistence());
            try {
                client.connect(options);
            } catch (MqttException e) {
                client.close(true);
                throw e;
            }
            return new BrokerSession(client, connection.url());
        } catch (MqttException e) {
            throw refused(connection.url(), e);
        }
    }

    /** Every device's retained {@code state}, collected for {@code wait}; unreadable payloads as empty maps. */
    Map<String, Map<String, Object>> states(Duration wait) throws InterruptedException {
        Map<String, Map<String, Object>> states = new ConcurrentHashMap<>();
        subscribe(new Topics("+").state(), (topic, message) -> {
            String device = topic.split("/")[2];
            if (message.getPayload().length == 0) {
                states.remove(device); // a retained state cleared while we listen
            } else {
                states.put(device, OpsJson.lenient(text(message)).orElse(Map.of()));
            }
        });
        Thread.sleep(wait.toMillis());
        return Map.copyOf(states);
    }

    /**
     * Publishes {@code request} to {@code device} and waits up to {@code timeout} for its response.
     * While the device is online and silent, sends the same message again every {@link #RESEND}: a
     * response can be lost when the command itself makes the device reconnect (an uplink switch),
     * and the device answers a repeated id from memory without running it twice.
     */
    Answer call(String device, CommandRequest request, Duration timeout) throws InterruptedException {
        Topics topics = new Topics(device);
        byte[] correlation = request.id().getBytes(StandardCharsets.UTF_8);
        CompletableFuture<Map<String, Object>> response = new CompletableFuture<>();
        AtomicReference<Map<String, Object>> state = new AtomicReference<>();
        subscribe(topics.responses(), (topic, message) -> {
            MqttProperties properties = message.getProperties();
            if (properties != null && Arrays.equals(properties.getCorrelationData(), correlation)) {
                response.complete(OpsJson.lenient(text(message)).orElse(Map.of("msg", text(message))));
            }
        });
        subscribe(topics.state(), (topic, message) -> OpsJson.lenient(text(message))
                .ifPresent(state::set));
        long deadline = System.nanoTime() + timeout.toNanos();
        publish(topics, request, correlation);
        for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            try {
                Map<String, Object> answer = response.get(Math.min(left, RESEND.toNanos()), TimeUnit.NANOSECONDS);
                return new Answer(Optional.of(answer), Optional.ofNullable(state.get()));
            } catch (TimeoutException stillSilent) {
                if (online(state.get()) && deadline - System.nanoTime() > 0) {
                    publish(topics, request, correlation);
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("a response future never fails", e);
            }
        }
        return new Answer(Optional.empty(), Optional.ofNullable(state.get()));
    }

    @Override
    public void close() {
        try {
            client.disconnect(2000);
        } catch (MqttException e) {
            // the broker is gone already: nothing to say goodbye to
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // closing our own client: nothing the operator can act on
        }
    }

    private void publish(Topics topics, CommandRequest request, byte[] correlation) {
        MqttMessage message = new MqttMessage(request.payload());
        message.setQos(1);
        MqttProperties properties = new MqttProperties();
        properties.setResponseTopic(topics.responses());
        properties.setCorrelationData(correlation);
        if (request.signature() != null) {
            properties.setUserProperties(List.of(new UserProperty("sig", request.signature())));
        }
        message.setProperties(properties);
        try {
            client.publish(commandTopic(topics, request.name()), message);
        } catch (MqttException e) {
            throw refused(url, e);
        }
    }

    private void subscribe(String filter, IMqttMessageListener listener) {
        try {
            client.subscribe(
                    new MqttSubscription[] {new MqttSubscription(filter, 1)}, new IMqttMessageListener[] {listener});
        } catch (MqttException e) {
            throw refused(url, e);
        }
    }

    /** {@code cmd/{name}}: the device's command filter {@code cmd/+} with the name in place of the wildcard. */
    private static String commandTopic(Topics topics, String name) {
        String filter = topics.commands();
        return filter.substring(0, filter.length() - 1) + name;
    }

    private static boolean online(Map<String, Object> state) {
        return state != null && Boolean.TRUE.equals(state.get("online"));
    }

    private static String text(MqttMessage message) {
        return new String(message.getPayload(), StandardCharsets.UTF_8);
    }

    /** A missing TLS file named for the operator, before the TLS set-up's less direct words. */
    private static void readable(String option, Path file) {
        if (file != null && !Files.isReadable(file)) {
            throw new OpsFailure(Ops.USAGE, option + ": no readable file " + file);
        }
    }

    private static byte[] password(OpsArgs.Connection connection) {
        if (connection.passwordFile() == null) {
            return connection.password().value().getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Files.readString(connection.passwordFile(), StandardCharsets.UTF_8)
                    .strip()
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new OpsFailure(Ops.USAGE, "--password-file: " + OpsFailure.why(e));
        }
    }

    private static OpsFailure refused(String url, MqttException e) {
        int code = e.getReasonCode();
        if (code == NOT_AUTHORIZED || code == BAD_LOGIN) {
            return new OpsFailure(Ops.USAGE, "the broker at " + url + " refused the login: " + e.getMessage());
        }
        Throwable cause = e.getCause();
        String why =
                cause == null ? e.getMessage() : cause.getMessage() == null ? cause.toString() : cause.getMessage();
        return new OpsFailure(Ops.UNREACHABLE, "cannot reach the broker at " + url + ": " + why);
    }
}
