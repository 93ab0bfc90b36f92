package dialtone.hal.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dialtone.hal.HalException;
import dialtone.hal.sys.ProcessResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JdkProcessRunnerTest {
    private final JdkProcessRunner runner = new JdkProcessRunner();
    private final Duration timeout = Duration.ofSeconds(5);

    @Test
    void passesInputAndCollectsOutput() {
        ProcessResult result = runner.run(List.of("cat"), "table inet dialtone\n", timeout);

        assertThat(result.ok()).isTrue();
        assertThat(result.stdout()).isEqualTo("table inet dialtone\n");
    }

    @Test
    void argumentsAreNeverInterpretedByAShell() {
        ProcessResult result = runner.run(List.of("echo", "$HOME; rm -rf /"), null, timeout);

        assertThat(result.stdout()).isEqualTo("$HOME; rm -rf /\n");
    }

    @Test
    void reportsNonZeroExitWithStderr() {
        ProcessResult result = runner.run(List.of("ls", "/no/such/dir"), null, timeout);

        assertThat(result.ok()).isFalse();
        assertThat(result.stderrTail()).contains("/no/such/dir");
    }

    @Test
    void aCommandThatHangsIsKilledAtTheTimeout() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> runner.run(List.of("sleep", "30"), null, Duration.ofMillis(200)))
                .isInstanceOf(HalException.class)
                .hasMessageContaining("timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aMissingCommandIsAHalException() {
        assertThatThrownBy(() -> runner.run(List.of("/no/such/command"), null, timeout))
                .isInstanceOf(HalException.class)
                .hasMessageContaining("cannot start");
    }

    @Test
    void largeOutputDoesNotDeadlock() {
        ProcessResult result = runner.run(List.of("head", "-c", "3000000", "/dev/zero"), null, timeout);

        assertThat(result.stdout()).hasSize(3_000_000);
    }
}
