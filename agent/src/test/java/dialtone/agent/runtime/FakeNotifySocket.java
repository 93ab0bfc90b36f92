package dialtone.agent.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** Plays systemd's side of sd_notify: a Unix datagram socket in a test's directory that keeps every message. */
public final class FakeNotifySocket implements AutoCloseable {
    private final Path path;
    private final AFUNIXDatagramChannel channel;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private FakeNotifySocket(Path path) throws IOException {
        this.path = path;
        this.channel = AFUNIXDatagramChannel.open();
        channel.bind(AFUNIXSocketAddress.of(path.toFile()));
        this.reader = Thread.ofPlatform().daemon().name("fake-systemd").start(this::read);
    }

    public static FakeNotifySocket open(Path dir) throws IOException {
        return new FakeNotifySocket(dir.resolve("notify.sock"));
    }

    /** The environment systemd gives a {@code Type=notify} service with {@code WatchdogSec=watchdog}. */
    public Map<String, String> environment(Duration watchdog) {
        return Map.of("NOTIFY_SOCKET", path.toString(), "WATCHDOG_USEC", Long.toString(watchdog.toNanos() / 1000));
    }

    /** Every message so far, in order. */
    public List<String> received() {
        return List.copyOf(received);
    }

    public long count(String message) {
        return received.stream().filter(message::equals).count();
    }

    /** Waits for a message that {@code wanted} accepts; fails listing what came. */
    public String await(Predicate<String> wanted, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            for (String message : received) {
                if (wanted.test(message)) {
                    return message;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no such notify message within " + limit + "; received " + received);
    }

    private void read() {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        try {
            while (channel.isOpen()) {
                buffer.clear();
                channel.receive(buffer);
                buffer.flip();
                received.add(StandardCharsets.UTF_8.decode(buffer).toString());
            }
        } catch (IOException closed) {
            // the test is over
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        channel.close();
        reader.join(2000);
    }
}
