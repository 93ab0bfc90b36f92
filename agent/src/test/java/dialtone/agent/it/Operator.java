package dialtone.agent.it;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

/**
 * The operations team's side in a test: subscribes to a device's subtree, keeps what arrives, and
 * sends commands the way DESIGN.md says (envelope, MQTT 5 response topic and correlation data,
 * an Ed25519 signature in the {@code sig} user property).
 */
final class Operator implements AutoCloseable {
    /** A message as it arrived. */
    record Received(String topic, String payload, boolean retained, byte[] correlation) {
        Map<String, Object> json() {
            return Json.object(payload);
        }
    }

    private final MqttClient client;
    private final String device;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    Operator(String url, String device) throws Exception {
        this(url, device, null);
    }

    /** @param tls the operations console's TLS (its client certificate for a broker that requires one), or null */
    Operator(String url, String device, SSLSocketFactory tls) throws Exception {
        this.device = device;
        this.client = new MqttClient(url, "ops-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        if (tls != null) {
            options.setSocketFactory(tls);
        }
        client.connect(options);
        IMqttMessageListener keep = (topic, message) -> received.add(new Received(
                topic,
                new String(message.getPayload(), StandardCharsets.UTF_8),
                message.isRetained(),
                message.getProperties() == null ? null : message.getProperties().getCorrelationData()));
        client.subscribe(
                new MqttSubscription[] {new MqttSubscription(topic("#"), 1)}, new IMqttMessageListener[] {keep});
    }

    String topic(String leaf) {
        return "dialtone/v1/" + device + "/" + leaf;
    }

    /** The first message matching {@code wanted}, waiting up to {@code limit}. */
    Received await(Predicate<Received> wanted, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            for (Received r : received) {
                if (wanted.test(r)) {
                    return r;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("nothing matching within " + limit + "; received " + received);
    }

    List<Received> received(String leaf) {
        List<Received> on = new ArrayList<>();
        received.stream().filter(r -> r.topic().equals(topic(leaf))).forEach(on::add);
        return on;
    }

    /** An envelope for {@code args}, valid for a minute. */
    static String envelope(String id, String issuer, String args) {
        return "{\"id\":\"" + id + "\",\"exp\":" + Instant.now().plusSeconds(60).getEpochSecond() + ",\"iss\":\""
                + issuer + "\",\"args\":" + args + "}";
    }

    /** Publishes {@code payload} on {@code cmd/{name}}, signed when {@code key} is given; returns the correlation. */
    byte[] send(String name, String payload, PrivateKey key) throws Exception {
        byte[] correlation = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        MqttProperties properties = new MqttProperties();
        properties.setResponseTopic(topic("res"));
        properties.setCorrelationData(correlation);
        if (key != null) {
            properties.setUserProperties(List.of(new UserProperty("sig", sign(key, name, payload))));
        }
        message.setProperties(properties);
        client.publish(topic("cmd/" + name), message);
        return correlation;
    }

    /** Publishes {@code payload} retained on {@code leaf}, signed over {@code what} + payload when {@code key} is given. */
    void publishRetained(String leaf, String payload, String what, PrivateKey key) throws Exception {
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        message.setRetained(true);
        MqttProperties properties = new MqttProperties();
        if (key != null) {
            properties.setUserProperties(List.of(new UserProperty("sig", sign(key, what, payload))));
        }
        message.setProperties(properties);
        client.publish(topic(leaf), message);
    }

    private static String sign(PrivateKey key, String what, String payload) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key);
        signer.update((what + "\n" + payload).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    /** Sends and waits for the response that carries the request's correlation data. */
    Map<String, Object> call(String name, String payload, PrivateKey key) throws Exception {
        byte[] correlation = send(name, payload, key);
        return await(
                        r -> r.topic().equals(topic("res")) && Arrays.equals(r.correlation(), correlation),
                        Duration.ofSeconds(10))
                .json();
    }

    @Override
    public void close() throws Exception {
        client.disconnect();
        client.close();
    }
}
