package dialtone.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.agent.lab.Lab;
import dialtone.agent.lab.LabAgent;
import dialtone.agent.lab.LabServices;
import dialtone.agent.lab.Phone;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Failover on a real kernel: the agent's Linux adapters drive iproute2, nftables and conntrack in a
 * router namespace; Kamailio is the provider's registrar; a sipp phone registers every 2 s; outages
 * and loss are injected at the primary's ISP, behind a link that stays up.
 */
class FailoverLabIT {
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
                () -> lab.activeDefault().equals("eth0") && okAfter(phone, 0));

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
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit + ": " + what);
            }
            Thread.sleep(20);
        }
    }
}
