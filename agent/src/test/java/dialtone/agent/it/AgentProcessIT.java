package dialtone.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.agent.runtime.FakeNotifySocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged agent, started as a user starts it: the demo works, bad input is refused clearly. */
class AgentProcessIT {
    private static final Map<String, String> PASSWORD = Map.of("DIALTONE_INSTALLER_PASSWORD", AgentProcess.PASSWORD);
    private static final Duration START_LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path work;

    @Test
    void theSimulatedSiteServesStatusAndFollowsTheSimulator() throws Exception {
        try (AgentProcess agent = AgentProcess.start(work, PASSWORD, "--sim", "--data-dir", "state")) {
            agent.awaitHealthy(START_LIMIT);
            assertThat(agent.request("GET", "/api/v1/health", null).body()).isEqualTo("{\"status\":\"ok\"}");
            assertThat(agent.request("GET", "/api/v1/status", null).statusCode())
                    .isEqualTo(401);

            assertThat(agent.login("wrong password").statusCode()).isEqualTo(401);
            assertThat(agent.login(AgentProcess.PASSWORD).statusCode()).isEqualTo(200);
            Map<String, Object> status = Status.await(agent, "primary.state", "up");
            for (String field : List.of(
                    "activeUplink",
                    "mode",
                    "primary.state",
                    "lte.state",
                    "lte.signal.bars",
                    "usage.cycleBytes",
                    "usage.capBytes",
                    "e911.status",
                    "mqtt.connected")) {
                Json.at(status, field); // every field DESIGN.md lists is there
            }
            assertThat(Json.at(status, "activeUplink")).isEqualTo("primary");
            assertThat(Json.at(status, "mode")).isEqualTo("auto");
            assertThat(Json.at(status, "lte.state")).isEqualTo("standby");
            assertThat(Json.at(status, "lte.signal.bars")).isEqualTo(4);
            assertThat(Json.at(status, "e911.status")).isEqualTo("missing");

            HttpResponse<String> down = agent.request("POST", "/api/v1/sim/primary", "{\"state\":\"down\"}");
            assertThat(down.statusCode()).isEqualTo(200);
            Status.await(agent, "primary.state", "down");

            agent.request("POST", "/api/v1/sim/lte", "{\"signalBars\":2,\"registered\":true}");
            assertThat(Json.at(Status.await(agent, "lte.signal.bars", 2), "lte.state"))
                    .as("the phones failed over")
                    .isEqualTo("active");

            assertThat(agent.terminate()).as("SIGTERM is a normal stop").isIn(0, 143);
            assertThat(agent.output()).contains("ready in").doesNotContain("Exception");
        }
    }

    @Test
    void underSystemdTheAgentSaysReadyPetsTheWatchdogAndTellsWhyItWasRestarted() throws Exception {
        try (FakeNotifySocket systemd = FakeNotifySocket.open(work)) {
            Map<String, String> supervised = systemd.environment(Duration.ofSeconds(3));
            try (AgentProcess agent = AgentProcess.simulated(work, supervised)) {
                systemd.await("READY=1\nSTATUS=serving"::equals, START_LIMIT);
                systemd.await(m -> systemd.count("WATCHDOG=1") >= 3, Duration.ofSeconds(10));
                assertThat(agent.terminate()).isIn(0, 143);
                systemd.await("STOPPING=1"::equals, Duration.ofSeconds(5));
            }
            try (AgentProcess agent = AgentProcess.simulated(work, supervised)) {
                agent.close(); // SIGKILL, as systemd ends a hung agent; then its ExecStopPost:
            }
            recordExit(Map.of("SERVICE_RESULT", "watchdog", "EXIT_CODE", "killed", "EXIT_STATUS", "ABRT"));
            try (AgentProcess agent = AgentProcess.simulated(work, supervised)) {
                Map<String, Object> hung = agent.events().stream()
                        .filter(event -> event.get("type").equals("agent-hung"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no agent-hung event: " + agent.output()));
                assertThat((String) hung.get("message")).contains("the watchdog restarted it");
                assertThat(work.resolve("state/last-exit")).doesNotExist();
            }
        }
    }

    /** Runs the unit's ExecStopPost script with the variables systemd sets. */
    private void recordExit(Map<String, String> systemdSays) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                "sh",
                AgentProcess.REPO.resolve("systemd/record-exit").toString(),
                work.resolve("state/last-exit").toString());
        builder.environment().putAll(systemdSays);
        Process process = builder.inheritIO().start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
    }

    @Test
    void aRestartKeepsThePasswordAndIgnoresANewProvisionedOne() throws Exception {
        try (AgentProcess first = AgentProcess.start(work, PASSWORD, "--sim", "--data-dir", "state")) {
            first.awaitHealthy(START_LIMIT);
            first.terminate();
        }
        Map<String, String> other = Map.of("DIALTONE_INSTALLER_PASSWORD", "another-password");
        try (AgentProcess again = AgentProcess.start(work, other, "--sim", "--data-dir", "state")) {
            again.awaitHealthy(START_LIMIT);
            assertThat(again.login("another-password").statusCode()).isEqualTo(401);
            assertThat(again.login(AgentProcess.PASSWORD).statusCode()).isEqualTo(200);
            assertThat(again.output()).doesNotContain(AgentProcess.PASSWORD).doesNotContain("another-password");
        }
    }

    @Test
    void anInvalidConfigFileStopsTheAgentWithOneListOfProblems() throws Exception {
        Path config = Files.writeString(work.resolve("agent.conf"), """
                device.id = Not_Valid
                usage.cap = 0
                probe.interval = often
                colour = blue
                this line has no equals sign
                """);

        try (AgentProcess agent = AgentProcess.start(work, PASSWORD, "--sim", "--config", config.toString())) {
            assertThat(agent.awaitExit(START_LIMIT)).isEqualTo(2);
            String out = agent.output();
            assertThat(out).contains("Dialtone agent cannot start: the configuration has 5 problem(s)");
            assertThat(out)
                    .contains("  device.id: must be lowercase letters")
                    .contains("  usage.cap: must be a size")
                    .contains("  probe.interval: must be a duration")
                    .contains("  colour: unknown key")
                    .contains(config + ":5: expected 'key = value'");
            assertThat(out).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(work.resolve("dialtone-data")).as("nothing was created").doesNotExist();
        }
    }

    @Test
    void aMissingConfigFileNamedOnTheCommandLineIsAnError() throws Exception {
        try (AgentProcess agent = AgentProcess.start(work, PASSWORD, "--sim", "--config", "/no/such/agent.conf")) {
            assertThat(agent.awaitExit(START_LIMIT)).isEqualTo(2);
            assertThat(agent.output()).contains("/no/such/agent.conf: no such file");
        }
    }

    @Test
    void aCorruptDatabaseIsReportedAndKept() throws Exception {
        Path state = Files.createDirectories(work.resolve("state"));
        byte[] garbage = "not a database at all\n".repeat(200).getBytes();
        Files.write(state.resolve("dialtone.db"), garbage);

        try (AgentProcess agent = AgentProcess.start(work, PASSWORD, "--sim", "--data-dir", state.toString())) {
            assertThat(agent.awaitExit(START_LIMIT)).isEqualTo(2);
            assertThat(agent.output())
                    .contains("dialtone.db is not an SQLite database")
                    .contains("left untouched")
                    .doesNotContain("\tat ");
        }
        assertThat(Files.readAllBytes(state.resolve("dialtone.db"))).isEqualTo(garbage);
    }

    @Test
    void anUnprovisionedMachineIsNeverTouched() throws Exception {
        try (AgentProcess agent = AgentProcess.start(work, PASSWORD, "--config", "/dev/null", "--data-dir", "state")) {
            assertThat(agent.awaitExit(START_LIMIT)).isEqualTo(2);
            assertThat(agent.output())
                    .contains("not provisioned as a Dialtone box")
                    .contains("--sim");
        }
    }

    @Test
    void aSecondAgentOnTheSameStateIsRefused() throws Exception {
        try (AgentProcess first = AgentProcess.start(work, PASSWORD, "--sim", "--data-dir", "state")) {
            first.awaitHealthy(START_LIMIT);
            try (AgentProcess second = AgentProcess.start(work, PASSWORD, "--sim", "--data-dir", "state")) {
                assertThat(second.awaitExit(START_LIMIT)).isEqualTo(2);
                assertThat(second.output()).contains("another Dialtone agent is already running");
            }
            assertThat(first.request("GET", "/api/v1/health", null).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void aWeakProvisionedPasswordIsRefused() throws Exception {
        Map<String, String> weak = Map.of("DIALTONE_INSTALLER_PASSWORD", "1234");
        try (AgentProcess agent = AgentProcess.start(work, weak, "--sim", "--data-dir", "state")) {
            assertThat(agent.awaitExit(START_LIMIT)).isEqualTo(2);
            assertThat(agent.output()).contains("DIALTONE_INSTALLER_PASSWORD: must have at least 8 characters");
        }
    }
}
