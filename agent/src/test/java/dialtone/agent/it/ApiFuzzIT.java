package dialtone.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short run of the API fuzzer (bench/ApiFuzz.java, 10,000 requests in bench/api-fuzz.sh) against
 * the packaged agent in --sim: no 5xx, no stack trace, no bug logged, healthy afterwards.
 */
class ApiFuzzIT {
    private static final int REQUESTS = 500;

    @TempDir
    Path work;

    @Test
    void fiveHundredGeneratedRequestsGetNo5xxAndLeaveTheAgentHealthy() throws Exception {
        try (AgentProcess agent = AgentProcess.simulated(work, Map.of())) {
            Process fuzz = new ProcessBuilder(List.of(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            AgentProcess.REPO.resolve("bench/ApiFuzz.java").toString(),
                            "http://127.0.0.1:" + agent.port,
                            AgentProcess.PASSWORD,
                            String.valueOf(REQUESTS),
                            "7",
                            "0"))
                    .redirectErrorStream(true)
                    .start();
            try {
                String output = new String(fuzz.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(fuzz.waitFor(5, TimeUnit.MINUTES))
                        .as("the fuzzer finishes")
                        .isTrue();

                assertThat(fuzz.exitValue()).as(output).isZero();
                assertThat(output).contains("requests " + REQUESTS).contains("5xx or stack traces 0");
                assertThat(agent.output()).doesNotContain("Bug while answering");
            } finally {
                fuzz.destroyForcibly();
            }
        }
    }
}
