package dialtone.hal.linux;

import dialtone.hal.sys.Watchdog;
import java.io.File;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.tinylog.Logger;

/**
 * systemd's notify protocol (sd_notify(3)): one datagram per message to the Unix socket named by
 * {@code $NOTIFY_SOCKET} (a leading {@code @} is the abstract namespace). The watchdog timeout comes
 * from {@code $WATCHDOG_USEC}, meant for this process only when {@code $WATCHDOG_PID} is unset or
 * ours. A message that cannot be sent is logged (once until one gets through), never thrown.
 */
public final class SystemdNotify implements Watchdog {
    private final SocketAddress socket;
    private final Duration timeout;
    private boolean failing;

    SystemdNotify(SocketAddress socket, Duration timeout) {
        this.socket = socket;
        this.timeout = timeout;
    }

    /** The supervisor the environment names, or {@link Watchdog#NONE} when not started by systemd. */
    public static Watchdog fromEnvironment(Map<String, String> env, long pid) {
        String path = env.getOrDefault("NOTIFY_SOCKET", "");
        if (path.isEmpty()) {
            return Watchdog.NONE;
        }
        try {
            SocketAddress socket = path.startsWith("@")
                    ? AFUNIXSocketAddress.inAbstractNamespace(path.substring(1))
                    : AFUNIXSocketAddress.of(new File(path));
            return new SystemdNotify(socket, watchdogTimeout(env, pid));
        } catch (IOException e) {
            Logger.warn(
                    "NOTIFY_SOCKET {} is not a usable socket address ({}): systemd will not hear from the agent",
                    path,
                    e.getMessage());
            return Watchdog.NONE;
        }
    }

    /** {@code WATCHDOG_USEC} when it is meant for {@code pid}; null when there is no (valid) watchdog. */
    static Duration watchdogTimeout(Map<String, String> env, long pid) {
        String forPid = env.getOrDefault("WATCHDOG_PID", "");
        String usec = env.getOrDefault("WATCHDOG_USEC", "");
        if (usec.isEmpty() || !(forPid.isEmpty() || forPid.equals(Long.toString(pid)))) {
            return null;
        }
        try {
            long micros = Long.parseLong(usec);
            return micros > 0 ? Duration.ofNanos(micros * 1000) : null;
        } catch (NumberFormatException e) {
            Logger.warn("WATCHDOG_USEC={} is not a number of microseconds: no watchdog", usec);
            return null;
        }
    }

    @Override
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    @Override
    public void ready(String status) {
        send("READY=1\nSTATUS=" + oneLine(status));
    }

    @Override
    public void pet() {
        send("WATCHDOG=1");
    }

    @Override
    public void status(String text) {
        send("STATUS=" + oneLine(text));
    }

    @Override
    public void stopping() {
        send("STOPPING=1");
    }

    private synchronized void send(String message) {
        try (AFUNIXDatagramChannel channel = AFUNIXDatagramChannel.open()) {
            channel.send(ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8)), socket);
            if (failing) {
                Logger.info("systemd hears the agent again");
                failing = false;
            }
        } catch (IOException | RuntimeException e) {
            if (!failing) {
                Logger.warn(
                        "Cannot tell systemd '{}': {}",
                        message.lines().findFirst().orElse(""),
                        e.getMessage());
                failing = true;
            }
        }
    }

    /** A newline would start another assignment in the datagram. */
    private static String oneLine(String text) {
        return text.replace('\n', ' ');
    }
}
