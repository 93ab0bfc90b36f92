package dialtone.agent.report;

import dialtone.agent.runtime.Threads;
import dialtone.hal.Uplink;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.tinylog.Logger;

/**
 * The connection to the broker, managed by us and not by Paho (whose reconnect neither covers a
 * failed first connect nor jitters): jittered exponential backoff, a fresh client after every loss,
 * a forced reconnect when the agent switches uplink, the keepalive of the uplink in use, and the
 * retained Will on {@code state} with a delay so that a quick reconnect does not flap dashboards.
 * One thread owns the connection; publishing is safe from any thread.
 */
public final class MqttLink {
    /** How to reach the broker and who the device is. {@code tls} null: plain TCP. */
    public record Settings(
            String url,
            String clientId,
            String username,
            byte[] password,
            SSLSocketFactory tls,
            Duration keepAlivePrimary,
            Duration keepAliveLte,
            Duration willDelay,
            Backoff backoff) {}

    /** What the link reports, on its own thread: hand on, do not block. */
    interface Listener {
        /** Connected and subscribed: publish the birth, flush what waits. */
        void connected();

        void arrived(String topic, MqttMessage message);
    }

    /** A publish while the link is down: the caller keeps the data and tries again on {@code connected}. */
    public static final class NotConnected extends RuntimeException {
        NotConnected() {
            super("not connected to the broker", null, false, false);
        }
    }

    /**
     * The broker answered a publish with an error reason code (MQTT 5: 0x80 and up, such as 135 not
     * authorised by its ACL): it dropped the message, which therefore counts as not delivered.
     */
    public static final class Refused extends RuntimeException {
        final int reasonCode;

        Refused(String topic, int reasonCode) {
            super("the broker refused a message on " + topic + " (reason code " + reasonCode + ")", null, false, false);
            this.reasonCode = reasonCode;
        }

        /** The refusal among {@code reasonCodes} (a PUBACK's), or null when the broker took the message. */
        static Refused of(String topic, int[] reasonCodes) {
            if (reasonCodes != null) {
                for (int code : reasonCodes) {
                    if (code >= 0x80) {
                        return new Refused(topic, code);
                    }
                }
            }
            return null;
        }
    }

    private static final long SESSION_EXPIRY_SECONDS = Duration.ofDays(7).toSeconds();

    private final Settings settings;
    private final Topics topics;
    private final LteMeter meter;
    private volatile Supplier<byte[]> will;
    private volatile Listener listener;
    private final ScheduledExecutorService owner = Threads.owner("mqtt");
    private MqttAsyncClient client;
    private ScheduledFuture<?> retry;
    private int failures;
    /** This process subscribed once: a session the broker kept since holds its subscriptions. */
    private boolean subscribed;

    private boolean stopping;
    private volatile boolean connected;
    private volatile Duration keepAlive = Duration.ZERO;
    /** The uplink last switched to; null before the first switch (then the failover phase says). */
    private volatile Uplink via;
    /** Publishes waiting for their PUBACK: failed when the connection goes (Paho would forget them). */
    private final Set<CompletableFuture<Void>> unacknowledged = ConcurrentHashMap.newKeySet();
    /** Topics the broker refused a publish on, each logged once. */
    private final Set<String> refusedTopics = ConcurrentHashMap.newKeySet();

    /** @param meter counts the link's bytes while over LTE (and says when it is: a longer keepalive) */
    public MqttLink(Settings settings, Topics topics, LteMeter meter) {
        this.settings = settings;
        this.topics = topics;
        this.meter = meter;
    }

    /** @param will the state document the broker publishes when the device is lost */
    void start(Supplier<byte[]> will, Listener listener) {
        owner.execute(() -> {
            this.will = will;
            this.listener = listener;
            connect();
        });
    }

    public boolean connected() {
        return connected;
    }

    public LteMeter meter() {
        return meter;
    }

    /** {@code elapsed} passed: connected over LTE, that is keepalive bytes on the plan. */
    void tick(Duration elapsed) {
        if (connected) {
            meter.connectedFor(elapsed, keepAlive);
        }
    }

    /**
     * Drops the connection and connects again now, through {@code to} (the uplink changed: the old
     * TCP flow is dead). The new connection takes {@code to}'s keepalive: at the moment of the
     * switch the failover phase may still name the old uplink.
     */
    public void reconnect(Uplink to, String why) {
        switchedTo(to);
        owner.execute(() -> {
            if (stopping) {
                return;
            }
            Logger.info("Reconnecting to the broker: {}", why);
            discard();
            failures = 0;
            connect();
        });
    }

    /**
     * QoS 1; completes on the broker's PUBACK, or exceptionally: {@link NotConnected} when down, {@link
     * Refused} when the PUBACK carries an error reason code (the broker dropped the message).
     */
    public CompletableFuture<Void> publish(String topic, byte[] payload, boolean retained, MqttProperties properties) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        MqttAsyncClient current = connected ? client : null;
        if (current == null) {
            acked.completeExceptionally(new NotConnected());
            return acked;
        }
        unacknowledged.add(acked);
        acked.whenComplete((ok, e) -> unacknowledged.remove(acked));
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        message.setRetained(retained);
        if (properties != null) {
            message.setProperties(properties);
        }
        try {
            current.publish(
                    topic,
                    message,
                    null,
                    listener(
                            token -> {
                                meter.message(topic, payload.length);
                                Refused refused = Refused.of(topic, token.getReasonCodes());
                                if (refused == null) {
                                    acked.complete(null);
                                    return;
                                }
                                if (refusedTopics.add(topic)) {
                                    Logger.error(
                                            "{}: check the broker's ACL for {}",
                                            refused.getMessage(),
                                            settings.clientId());
                                }
                                acked.completeExceptionally(refused);
                            },
                            acked::completeExceptionally));
        } catch (MqttException | RuntimeException e) {
            acked.completeExceptionally(e);
        }
        return acked;
    }

    /**
     * Says goodbye ({@code farewell} on {@code state}, then a clean DISCONNECT, which the broker
     * answers by discarding the Will) and stops. Bounded by a few seconds: stopping never hangs.
     */
    public void stop(byte[] farewell) {
        try {
            owner.submit(() -> {
                        stopping = true;
                        if (retry != null) {
                            retry.cancel(false);
                        }
                        if (connected) {
                            try {
                                publish(topics.state(), farewell, true, null).get(2, TimeUnit.SECONDS);
                                client.disconnect(2000).waitForCompletion(3000);
                            } catch (Exception e) {
                                Logger.debug("No orderly goodbye to the broker: {}", e.getMessage());
                            }
                        }
                        discard();
                    })
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            Logger.warn("The MQTT link did not stop in time: {}", e.getMessage());
        }
        Threads.shutdown(owner, Duration.ofSeconds(1));
    }

    private void connect() {
        if (stopping || client != null) {
            return;
        }
        try {
            client = new MqttAsyncClient(settings.url(), settings.clientId(), new MemoryPersistence());
            MqttAsyncClient attempt = client;
            client.setCallback(new Callbacks(attempt));
            client.connect(options(), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    boolean sessionPresent = token.getSessionPresent();
                    owner.execute(() -> sessionUp(attempt, sessionPresent));
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    owner.execute(() -> failed(attempt, e));
                }
            });
        } catch (MqttException | RuntimeException e) {
            failed(client, e);
        }
    }

    void switchedTo(Uplink to) {
        via = to;
    }

    /** Whether the next connection goes over LTE: the uplink last switched to, else the failover phase. */
    boolean overLte() {
        Uplink switchedTo = via;
        return switchedTo == null ? meter.onLte() : switchedTo == Uplink.LTE;
    }

    /** The keepalive of the uplink the next connection goes over. */
    Duration keepAliveNow() {
        return keepAliveOver(overLte());
    }

    private Duration keepAliveOver(boolean lte) {
        return lte ? settings.keepAliveLte() : settings.keepAlivePrimary();
    }

    private MqttConnectionOptions options() {
        boolean lte = overLte();
        keepAlive = keepAliveOver(lte);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setAutomaticReconnect(false);
        options.setCleanStart(false);
        options.setSessionExpiryInterval(SESSION_EXPIRY_SECONDS);
        options.setKeepAliveInterval((int) keepAlive.toSeconds());
        options.setConnectionTimeout(lte ? 60 : 30);
        options.setReceiveMaximum(lte ? 4 : 10);
        options.setTopicAliasMaximum(0);
        if (!settings.username().isEmpty()) {
            options.setUserName(settings.username());
        }
        if (settings.password().length > 0) {
            options.setPassword(settings.password());
        }
        if (settings.tls() != null) {
            options.setSocketFactory(settings.tls());
            options.setHttpsHostnameVerificationEnabled(true);
        }
        MqttMessage lost = new MqttMessage(will.get());
        lost.setQos(1);
        lost.setRetained(true);
        options.setWill(topics.state(), lost);
        MqttProperties willProperties = new MqttProperties();
        willProperties.setWillDelayInterval(settings.willDelay().toSeconds());
        options.setWillMessageProperties(willProperties);
        return options;
    }

    /**
     * Subscribes unless the broker kept this process's subscriptions: the session survives a
     * reconnect (clean start off, a session expiry of days), and re-subscribing costs about 150
     * bytes on LTE. A new process subscribes once, whatever the broker kept: its subscriptions may
     * differ from those of the version before it.
     */
    static boolean mustSubscribe(boolean sessionPresent, boolean subscribedBefore) {
        return !(sessionPresent && subscribedBefore);
    }

    private void sessionUp(MqttAsyncClient attempt, boolean sessionPresent) {
        if (attempt != client) {
            return;
        }
        if (mustSubscribe(sessionPresent, subscribed)) {
            subscribe(attempt);
        } else {
            Logger.debug("The broker kept the session: no need to subscribe again");
            up(attempt);
        }
    }

    private void subscribe(MqttAsyncClient attempt) {
        if (attempt != client) {
            return;
        }
        MqttSubscription commands = new MqttSubscription(topics.commands(), 1);
        MqttSubscription desired = new MqttSubscription(topics.desiredConfig(), 1);
        desired.setRetainHandling(1); // the retained desired config only for a new subscription
        try {
            attempt.subscribe(
                    new MqttSubscription[] {commands, desired},
                    null,
                    listener(
                            () -> owner.execute(() -> {
                                subscribed = true;
                                up(attempt);
                            }),
                            e -> owner.execute(() -> failed(attempt, e))),
                    (MqttProperties) null);
        } catch (MqttException | RuntimeException e) {
            failed(attempt, e);
        }
    }

    private void up(MqttAsyncClient attempt) {
        if (attempt != client) {
            return;
        }
        Logger.info(
                "Connected to the MQTT broker {} as {} (keepalive {} s)",
                settings.url(),
                settings.clientId(),
                keepAlive.toSeconds());
        failures = 0;
        connected = true;
        meter.connected(settings.tls() != null);
        try {
            listener.connected();
        } catch (RuntimeException e) {
            Logger.error(e, "Bug after connecting to the broker");
        }
    }

    private void failed(MqttAsyncClient attempt, Throwable cause) {
        if (attempt != client || stopping) {
            return;
        }
        boolean wasUp = connected;
        discard();
        Duration delay = settings.backoff().delay(failures++, ThreadLocalRandom.current()::nextDouble);
        String why = ConnectFailure.describe(cause);
        if (wasUp || failures == 1) {
            Logger.warn(
                    "MQTT broker {} unreachable ({}); trying again in {} s", settings.url(), why, delay.toSeconds());
        } else {
            Logger.debug("MQTT connect attempt {} failed ({}); next in {} s", failures, why, delay.toSeconds());
        }
        retry = owner.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Forgets the client, closing it so that none of Paho's threads outlive it. */
    private void discard() {
        connected = false;
        unacknowledged.forEach(pending -> pending.completeExceptionally(new NotConnected()));
        MqttAsyncClient old = client;
        client = null;
        if (old == null) {
            return;
        }
        try {
            if (old.isConnected()) {
                old.disconnectForcibly(0, 1000, false);
            }
        } catch (MqttException | RuntimeException e) {
            Logger.debug("Dropping the MQTT connection: {}", e.getMessage());
        }
        try {
            old.close(true);
        } catch (MqttException | RuntimeException e) {
            Logger.debug("Closing the MQTT client: {}", e.getMessage());
        }
    }

    private static MqttActionListener listener(Runnable success, java.util.function.Consumer<Throwable> failure) {
        return listener(token -> success.run(), failure);
    }

    private static MqttActionListener listener(
            java.util.function.Consumer<IMqttToken> success, java.util.function.Consumer<Throwable> failure) {
        return new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                success.accept(token);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                failure.accept(e);
            }
        };
    }

    /** Paho's callbacks for one client; a stale client's are ignored. */
    private final class Callbacks implements MqttCallback {
        private final MqttAsyncClient of;

        Callbacks(MqttAsyncClient of) {
            this.of = of;
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            owner.execute(() -> failed(of, response.getException()));
        }

        @Override
        public void mqttErrorOccurred(MqttException e) {
            Logger.debug("MQTT error: {}", e.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            if (of == client) {
                meter.message(topic, message.getPayload().length);
                listener.arrived(topic, message);
            }
        }

        @Override
        public void deliveryComplete(IMqttToken token) {}

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {}

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    }
}
