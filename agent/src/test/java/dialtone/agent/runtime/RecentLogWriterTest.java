package dialtone.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tinylog.Logger;

class RecentLogWriterTest {
    @Test
    void theAgentsOwnLogLinesAreKeptWithTheConfiguredFormat() {
        Logger.info("recent-log-test {}", 42);

        assertThat(RecentLogWriter.recent()).anySatisfy(line -> assertThat(line)
                .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[.+\\] "
                        + "RecentLogWriterTest: recent-log-test 42"));
    }

    @Test
    void theNewestAreKeptWithinTheBoundsInLinesAndCharacters() {
        for (int i = 0; i < RecentLogWriter.MAX_LINES + 500; i++) {
            RecentLogWriter.keep("line " + i);
        }
        List<String> lines = RecentLogWriter.recent();
        assertThat(lines).hasSizeLessThanOrEqualTo(RecentLogWriter.MAX_LINES).contains("line 2499");
        assertThat(lines).doesNotContain("line 499");

        String big = "x".repeat(RecentLogWriter.MAX_ENTRY_CHARS);
        for (int i = 0; i < 100; i++) {
            RecentLogWriter.keep(big);
        }
        assertThat(RecentLogWriter.recent().stream().mapToInt(String::length).sum())
                .isLessThanOrEqualTo(RecentLogWriter.MAX_CHARS);
    }
}
