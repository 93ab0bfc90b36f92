package dialtone.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.agent.lab.Carrier;
import dialtone.agent.lab.Lab;
import dialtone.agent.lab.LabAgent;
import dialtone.agent.lab.LabProcess;
import dialtone.agent.lab.LabServices;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The LTE meter against the carrier's own counter, on a real kernel: the agent's nftables counters
 * and SQLite ledger versus what the lab's carrier namespace counts (and would bill).
 */
class UsageLabIT {
    private static final long MB = 1_000_000;

    private Lab lab;
    private Path dir;

    @BeforeEach
    void build() throws Exception {
        lab = Lab.up();
        dir = lab.tempDir("usage");
        lab.run("lte", "nft", "reset", "counter", "ip", "carrier", "subscriber_bytes");
    }

    @AfterEach
    void tearDown() {
        lab.close();
    }

    @Test
    void theMeterMatchesTheCarrierWithinATenthOfAPercentOverFiftyMegabytes() throws Exception {
        LabAgent agent = lab.keep(LabAgent.start(lab, dir, "usage.interval = 5s"));
        lab.outage();
        FailoverLabIT.await("failover", () -> lab.activeDefault().equals("wwan0"));

        LabServices.bulkBothWays(lab, dir, 26 * MB);
        agent.close(); // an orderly stop reads the counters one last time

        long carrier = Carrier.billedBytes(lab);
        long metered = agent.meteredBytes();
        System.out.printf(
                "carrier %d bytes, meter %d bytes, error %.4f %%%n",
                carrier, metered, 100.0 * (metered - carrier) / carrier);
        assertThat(carrier).isGreaterThan(50 * MB);
        assertThat(Math.abs(metered - carrier)).isLessThanOrEqualTo(carrier / 1000);
    }

    @Test
    void killingTheAgentTwentyTimesNeverCorruptsTheLedgerAndLosesAtMostAnIntervalEachTime() throws Exception {
        Duration interval = Duration.ofSeconds(5);

        LabAgent agent = LabAgent.start(lab, dir, "usage.interval = " + interval.toSeconds() + "s");
        lab.outage();
        FailoverLabIT.await("failover", () -> lab.activeDefault().equals("wwan0"));
        int kbPerSecond = 500;
        LabProcess upload = lab.keep(LabServices.steadyUpload(lab, dir, kbPerSecond, 120));
        SplittableRandom random = new SplittableRandom(42);
        for (int kill = 0; kill < 20; kill++) {
            Thread.sleep(500 + random.nextInt(2_500));
            agent.kill();
            agent = LabAgent.start(lab, dir, "usage.interval = " + interval.toSeconds() + "s");
        }
        upload.close();
        Thread.sleep(1_000);
        agent.close();

        long carrier = Carrier.billedBytes(lab);
        long metered = agent.meteredBytes();
        long oneInterval = 2 * kbPerSecond * 1_000L * interval.toSeconds(); // generous: twice the send rate
        System.out.printf(
                "after 20 x SIGKILL: carrier %d bytes, meter %d bytes, lost %d%n", carrier, metered, carrier - metered);
        assertThat(agent.integrity()).isEqualTo("ok");
        assertThat(carrier).isGreaterThan(10 * MB);
        assertThat(carrier - metered).isBetween(-carrier / 1000, 20 * oneInterval);
    }
}
