package dialtone.agent.notify;

import dialtone.agent.config.AgentConfig;
import dialtone.agent.events.Event;
import dialtone.agent.events.EventLog;
import dialtone.agent.runtime.Periodic;
import dialtone.agent.runtime.Service;
import dialtone.agent.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.tinylog.Logger;

/**
 * E-mail to the customer and the provider's support: hears every event, writes the notices each
 * audience chose into the outbox (coalesced), and hands them to the mail server in order every few
 * seconds, retrying with backoff while it cannot (the outbox survives restarts). A failure is one
 * event and shows in the status until a message goes through again.
 */
public final class Notifier implements Service {
    static final Duration EVERY = Duration.ofSeconds(10);
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LAST_RETRY = Duration.ofMinutes(30);
    static final int GIVE_UP_AFTER = 24;

    /** What the status shows. */
    public record State(boolean enabled, int pending, String lastError, Instant lastSentAt) {}

    private final AgentConfig.Notifications config;
    private final NoticeWriter writer;
    private final Outbox outbox;
    private final MailTransport transport;
    private final EventLog events;
    private final Clock clock;
    private final LongSupplier cycleBytes;
    private final Periodic sends;
    private volatile String lastError;
    private volatile Instant lastSentAt;
    private Long bytesAtFailover;

    /** @param cycleBytes the LTE meter's bytes this cycle, to tell what an outage used */
    public Notifier(
            AgentConfig.Notifications config,
            NoticeWriter writer,
            Database database,
            MailTransport transport,
            EventLog events,
            Clock clock,
            LongSupplier cycleBytes) {
        this.config = config;
        this.writer = writer;
        this.outbox = new Outbox(database);
        this.transport = transport;
        this.events = events;
        this.clock = clock;
        this.cycleBytes = cycleBytes;
        this.sends = new Periodic("notify", EVERY, EVERY, SmtpTransport.TIMEOUT.plusSeconds(5), this::sendDue);
        if (config.enabled()) {
            events.onAppend(this::hear);
        }
    }

    @Override
    public String name() {
        return "e-mail notifications";
    }

    @Override
    public void start() {
        if (config.enabled()) {
            sends.start();
        }
    }

    @Override
    public void stop() {
        sends.stop();
    }

    public State state() {
        return new State(config.enabled(), config.enabled() ? outbox.pending() : 0, lastError, lastSentAt);
    }

    /** The installer's test: one message to every recipient, due now; what happens shows in the events. */
    public List<String> test() {
        List<String> everyone = new ArrayList<>(config.customer());
        config.support().stream().filter(a -> !everyone.contains(a)).forEach(everyone::add);
        if (!config.enabled()) {
            return List.of();
        }
        Event request = new Event(0, clock.instant(), "email-test", "info", "test", Map.of());
        writer.write(request, null).ifPresent(notice -> outbox.addNow(notice, everyone, clock.instant()));
        return everyone;
    }

    /** On the appender's thread: one SQLite write at most, never the network. */
    synchronized void hear(Event event) {
        try {
            Long duringOutage = null;
            if (event.type().equals("failover")) {
                bytesAtFailover = cycleBytes.getAsLong();
            } else if (event.type().equals("failback") && bytesAtFailover != null) {
                duringOutage = Math.max(0, cycleBytes.getAsLong() - bytesAtFailover);
                bytesAtFailover = null;
            }
            Optional<Notice> notice = writer.write(event, duringOutage);
            if (notice.isEmpty()) {
                return;
            }
            Instant now = clock.instant();
            if (config.customerCategories().contains(notice.get().category())
                    && !config.customer().isEmpty()) {
                outbox.add(notice.get(), config.customer(), now, config.coalesce());
            }
            if (config.supportCategories().contains(notice.get().category())
                    && !config.support().isEmpty()) {
                outbox.add(notice.get(), config.support(), now, config.coalesce());
            }
        } catch (RuntimeException e) {
            Logger.error(e, "Bug while writing a notice for {}", event.type());
        }
    }

    /** Sends what is due, in order, until one fails; never throws. */
    void sendDue() {
        try {
            Optional<Outbox.Message> next;
            while ((next = outbox.nextDue(clock.instant())).isPresent()) {
                Outbox.Message m = next.get();
                try {
                    transport.send(m.recipients(), m.subject(), m.body() + writer.footer());
                    outbox.sent(m.id(), clock.instant());
                    lastSentAt = clock.instant();
                    if (lastError != null) {
                        lastError = null;
                        events.append("email-restored", "info", "E-mail goes out again", Map.of());
                    }
                } catch (MailTransport.MailFailure e) {
                    failed(m, e.getMessage());
                    return;
                }
            }
        } catch (RuntimeException e) {
            Logger.error(e, "Bug while sending e-mail; trying again in {} s", EVERY.toSeconds());
        }
    }

    private void failed(Outbox.Message m, String reason) {
        if (m.attempts() + 1 >= GIVE_UP_AFTER) {
            outbox.sent(m.id(), clock.instant()); // out of the queue, so it no longer holds the others back
            events.append(
                    "email-dropped",
                    "error",
                    "An e-mail was given up after " + GIVE_UP_AFTER + " attempts: " + m.subject() + " (" + reason + ")",
                    Map.of("subject", m.subject(), "error", reason));
            return;
        }
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(m.attempts(), 6));
        wait = wait.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait;
        outbox.failed(m.id(), reason, clock.instant().plus(wait));
        if (lastError == null) {
            events.append(
                    "email-failed",
                    "warning",
                    "E-mail cannot be sent (kept, tried again): " + reason,
                    Map.of("error", reason, "pending", outbox.pending()));
        }
        lastError = reason;
    }
}
