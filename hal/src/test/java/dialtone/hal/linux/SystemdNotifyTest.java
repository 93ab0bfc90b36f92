package dialtone.hal.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dialtone.hal.sys.Watchdog;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

class SystemdNotifyTest {

    @Test
    void withoutANotifySocketNobodySupervises() {
        assertThat(SystemdNotify.fromEnvironment(Map.of(), 42)).isSameAs(Watchdog.NONE);
        assertThat(SystemdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", ""), 42))
                .isSameAs(Watchdog.NONE);
    }

    @Test
    void theWatchdogTimeoutIsOursOnlyWhenMeantForThisProcess() {
        assertThat(SystemdNotify.watchdogTimeout(Map.of("WATCHDOG_USEC", "30000000"), 42))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(SystemdNotify.watchdogTimeout(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "42"), 42))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(SystemdNotify.watchdogTimeout(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "7"), 42))
                .isNull();
        assertThat(SystemdNotify.watchdogTimeout(Map.of("WATCHDOG_USEC", "thirty"), 42))
                .isNull();
        assertThat(SystemdNotify.watchdogTimeout(Map.of(), 42)).isNull();
    }

    @Test
    @Timeout(10)
    void messagesReachAnAbstractSocketOneAssignmentPerLine() throws Exception {
        String name = "dialtone-test-" + ProcessHandle.current().pid();
        try (AFUNIXDatagramChannel systemd = AFUNIXDatagramChannel.open()) {
            systemd.bind(AFUNIXSocketAddress.inAbstractNamespace(name));
            Watchdog watchdog =
                    SystemdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", "@" + name, "WATCHDOG_USEC", "2000000"), 42);

            watchdog.ready("serving\nREADY=0");
            watchdog.pet();
            watchdog.stopping();

            assertThat(watchdog.timeout()).contains(Duration.ofSeconds(2));
            assertThat(receive(systemd)).isEqualTo("READY=1\nSTATUS=serving READY=0");
            assertThat(receive(systemd)).isEqualTo("WATCHDOG=1");
            assertThat(receive(systemd)).isEqualTo("STOPPING=1");
        }
    }

    @Test
    void aSupervisorThatIsGoneCostsALogLineNotTheAgent() {
        Watchdog watchdog = SystemdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", "/nonexistent/notify.sock"), 42);

        assertThatCode(() -> {
                    watchdog.pet();
                    watchdog.status("still here");
                })
                .doesNotThrowAnyException();
    }

    private static String receive(AFUNIXDatagramChannel channel) throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        channel.receive(buffer);
        buffer.flip();
        return StandardCharsets.UTF_8.decode(buffer).toString();
    }
}
