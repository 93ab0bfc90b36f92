package dialtone.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.agent.lab.Lab;
import dialtone.agent.lab.LabAgent;
import dialtone.agent.lab.LabProcess;
import dialtone.agent.lab.LabServices;
import dialtone.agent.lab.Phone;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Failover on a real kernel: the agent's Linux adapters drive iproute2, nftables and conntrack in a
 * router namespace; Kamailio is the provider's registrar; a sipp phone registers every 2 s; outages
 * and loss are injected at the primary's ISP, behind a link that stays up.
 */
class FailoverLabIT {
    /** The installer page as a phone on the LAN opens it. */
    private static final String PAGE = "https://198.18.50.1";

    private static final Duration HOLD = Duration.ofSeconds(10);

    private Lab lab;
    private Path dir;

    @BeforeEach
    void build() throws Exception {
        lab = Lab.up();
        dir = lab.tempDir("failover");
        LabServices.kamailio(lab, dir);
    }

    @AfterEach
    void tearDown() {
        lab.close();
    }

    @Test
    void aDeadLineMovesThePhonesToLteAndTheyComeBackAfterTheHold() throws Exception {
        LabAgent agent = lab.keep(LabAgent.start(lab, dir, "failover.hold-time = " + HOLD.toSeconds() + "s"));
        Phone phone = lab.keep(Phone.start(lab, dir, Duration.ofMinutes(3)));
        await(
                "the phone registers through the primary",
                () -> lab.activeDefault().equals("eth0") && okAfter(phone, 0),
                Duration.ofSeconds(30),
                () -> "route " + lab.activeDefault() + "; phone: " + phone.output() + "; agent: " + agent.output());

        long cut = phone.now();
        lab.outage();
        await("the default route moves to LTE", () -> lab.activeDefault().equals("wwan0"));
        long detected = phone.now() - cut;
        await("the phone registers again, through LTE", () -> okAfter(phone, cut));
        long recovered = phone.firstOkAfter(cut).orElseThrow().atMs() - cut;
        assertThat(lab.run("rtr", "conntrack", "-L", "-p", "udp", "--dport", "5060"))
                .as("the phone's registration flow is NATed out of LTE")
                .contains("mark=258");
        System.out.printf("outage -> LTE route %d ms, -> phone registered over LTE %d ms%n", detected, recovered);
        assertThat(detected).isLessThan(5_000);
        assertThat(recovered).isLessThan(10_000);

        lab.restore();
        long restored = phone.now();
        await("the primary answers again", () -> agent.output().contains("Uplink primary is up"));
        Thread.sleep(HOLD.toMillis() - 2_000);
        assertThat(lab.activeDefault()).as("no failback before the hold time").isEqualTo("wwan0");
        await("failback after the hold time", () -> lab.activeDefault().equals("eth0"));
        assertThat(phone.now() - restored).isGreaterThanOrEqualTo(HOLD.toMillis());
        long back = phone.now();
        await("the phone registers through the primary again", () -> okAfter(phone, back));
        assertThat(lab.run("rtr", "conntrack", "-L", "-p", "udp", "--dport", "5060"))
                .contains("mark=257");
        assertThat(agent.events()).containsSubsequence("failover", "failback");
    }

    @Test
    void failbackWaitsWhileACallIsInProgress() throws Exception {
        LabAgent agent = lab.keep(LabAgent.start(lab, dir, "failover.hold-time = " + HOLD.toSeconds() + "s"));
        lab.outage();
        await("failover", () -> lab.activeDefault().equals("wwan0"));
        LabProcess call = lab.keep(LabServices.mediaStream(lab, dir, Duration.ofSeconds(60)));
        lab.restore();
        await("the primary answers again", () -> agent.output().contains("Uplink primary is up"));

        Thread.sleep(HOLD.toMillis() + 8_000);
        assertThat(lab.activeDefault())
                .as(
                        "no failback during the call; media set: %s; stream: %s",
                        lab.run("rtr", "nft", "list", "set", "inet", "dialtone", "media"), call.output())
                .isEqualTo("wwan0");

        assertThat(agent.events()).contains("waiting-for-calls");

        call.close();
        await("failback once the call ended", () -> lab.activeDefault().equals("eth0"), Duration.ofSeconds(30));
    }

    @Test
    void tenPercentLossForTwoMinutesDoesNotFailOver() throws Exception {
        LabAgent agent = lab.keep(LabAgent.start(lab, dir));
        await("the primary is up", () -> agent.output().contains("Uplink primary is up"));
        lab.loss(10);
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < end) {
            assertThat(lab.activeDefault()).isEqualTo("eth0");
            Thread.sleep(250);
        }
        assertThat(agent.events()).doesNotContain("failover");
        assertThat(lab.run("isp", "nft", "list", "table", "netdev", "impair"))
                .as("loss was really injected")
                .containsPattern("packets [1-9][0-9]*");
    }

    @Test
    void aPrimaryFlappingEveryFiveSecondsCausesOneSwitchNotTwelve() throws Exception {
        LabAgent agent = lab.keep(LabAgent.start(lab, dir, "failover.hold-time = " + HOLD.toSeconds() + "s"));
        await("the primary is up", () -> agent.output().contains("Uplink primary is up"));
        for (int flap = 0; flap < 6; flap++) {
            lab.outage();
            Thread.sleep(5_000);
            lab.restore();
            Thread.sleep(5_000);
        }
        assertThat(agent.events()).filteredOn(type -> type.equals("failover")).hasSize(1);
        assertThat(agent.events()).doesNotContain("failback");
        await("failback once it is stable", () -> lab.activeDefault().equals("eth0"), Duration.ofSeconds(40));
    }

    @Test
    void aFailingRouteChangeLeavesTheRoutesAsTheyWereIsReportedAndRetried() throws Exception {
        LabAgent agent = lab.keep(LabAgent.start(lab, dir, "uplink.lte.gateway = 203.0.113.99"));
        await("the primary is up", () -> agent.output().contains("Uplink primary is up"));
        lab.outage();
        await("the failure is reported", () -> events(agent).contains("switch-failed"));
        Thread.sleep(6_000);
        assertThat(lab.activeDefault()).as("the routes are as they were").isEqualTo("eth0");
        assertThat(events(agent))
                .filteredOn(type -> type.equals("switch-failed"))
                .hasSize(1);

        lab.run("rtr", "ip", "route", "add", "203.0.113.99/32", "dev", "wwan0");
        await("the retry succeeds", () -> lab.activeDefault().equals("wwan0"), Duration.ofSeconds(15));
    }

    @Test
    void theInstallersFailoverTestRunsOnTheRealNetwork() throws Exception {
        lab.keep(LabAgent.start(lab, dir, "failover.hold-time = " + HOLD.toSeconds() + "s"));
        Thread.sleep(2_000);
        // the installer on the LAN (-k: WebLanLabIT checks the device certificate)
        String cookies = dir.resolve("cookies").toString();
        String login = lab.run(
                "lan",
                "curl",
                "-sk",
                "-c",
                cookies,
                "-H",
                "Content-Type: application/json",
                "-d",
                "{\"password\":\"" + LabAgent.PASSWORD + "\"}",
                PAGE + "/api/v1/session");
        assertThat(login).as("login").contains("csrfToken");
        String token = login.replaceAll(".*\"csrfToken\":\"([^\"]+)\".*", "$1");
        String started = lab.run(
                "lan",
                "curl",
                "-sk",
                "-b",
                cookies,
                "-X",
                "POST",
                "-H",
                "X-CSRF-Token: " + token,
                PAGE + "/api/v1/failover-test");
        assertThat(started).contains("\"state\":\"running\"");

        await(
                "the test finishes",
                () -> !lab.run("lan", "curl", "-sk", "-b", cookies, PAGE + "/api/v1/failover-test")
                        .contains("\"state\":\"running\""),
                Duration.ofSeconds(90));
        String result = lab.run("lan", "curl", "-sk", "-b", cookies, PAGE + "/api/v1/failover-test");
        assertThat(result).contains("\"state\":\"passed\"").contains("\"sbcViaLte\":true");
        assertThat(lab.activeDefault()).isEqualTo("eth0");
        assertThat(lab.run("rtr", "nft", "list", "set", "inet", "dialtone", "blocked"))
                .as("the cut is lifted")
                .doesNotContain("eth0");
    }

    private static java.util.List<String> events(LabAgent agent) {
        try {
            return agent.events();
        } catch (Exception e) {
            return java.util.List.of();
        }
    }

    private static boolean okAfter(Phone phone, long ms) {
        try {
            return phone.firstOkAfter(ms).isPresent();
        } catch (Exception e) {
            return false;
        }
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, condition, Duration.ofSeconds(30));
    }

    static void await(String what, BooleanSupplier condition, Duration limit) throws InterruptedException {
        await(what, condition, limit, () -> "");
    }

    static void await(String what, BooleanSupplier condition, Duration limit, Supplier<String> context)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit + ": " + what + " " + context.get());
            }
            Thread.sleep(20);
        }
    }
}
