package dialtone.agent.web;

import dialtone.agent.events.EventLog;
import dialtone.web.port.LoginAudit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Counts refused installer logins: {@value #LIMIT} within {@link #WINDOW} is an event (and a
 * security notice), at most one a window, naming where they came from.
 */
public final class LoginWatch implements LoginAudit {
    static final int LIMIT = 5;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private record Refusal(Instant at, String from) {}

    private final EventLog events;
    private final Clock clock;
    private final Deque<Refusal> recent = new ArrayDeque<>();
    private Instant reportedAt;

    public LoginWatch(EventLog events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Override
    public synchronized void refused(String from) {
        Instant now = clock.instant();
        recent.addLast(new Refusal(now, from));
        while (recent.getFirst().at().isBefore(now.minus(WINDOW))) {
            recent.removeFirst();
        }
        boolean quiet = reportedAt == null || reportedAt.isBefore(now.minus(WINDOW));
        if (recent.size() >= LIMIT && quiet) {
            reportedAt = now;
            Set<String> sources = new TreeSet<>();
            recent.forEach(r -> sources.add(r.from()));
            events.append(
                    "login-failures",
                    "warning",
                    recent.size() + " wrong installer passwords in " + WINDOW.toMinutes() + " minutes, from "
                            + String.join(", ", sources),
                    Map.of("count", recent.size(), "from", String.join(", ", sources)));
        }
    }
}
