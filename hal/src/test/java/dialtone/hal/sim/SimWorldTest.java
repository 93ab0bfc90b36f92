package dialtone.hal.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dialtone.hal.Hal;
import dialtone.hal.HalException;
import dialtone.hal.Uplink;
import dialtone.hal.firewall.Counter;
import dialtone.hal.firewall.Firewall;
import dialtone.hal.modem.ModemStatus;
import dialtone.hal.net.LinkStatus;
import dialtone.hal.net.ProbeMethod;
import dialtone.hal.net.ProbeResult;
import dialtone.hal.net.ProbeTarget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SimWorldTest {
    private static final ProbeTarget SBC = ProbeTarget.of(ProbeMethod.SIP, "sbc.example.net");
    private static final Duration TIMEOUT = Duration.ofMillis(100);

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final Clock wall = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    private final SimWorld world = new SimWorld(wall, nanos::get, new SplittableRandom(7), SimWorld.Interfaces.DEFAULT);
    private final Hal hal = world.hal();

    @Test
    void aDeadPrimaryLineKeepsItsLinkUpButAnswersNoProbe() {
        world.setPrimary(SimWorld.LineState.DOWN, 0);

        LinkStatus eth0 = hal.links().link("eth0").orElseThrow();
        assertThat(eth0.up()).isTrue();
        assertThat(eth0.addresses()).isNotEmpty();
        assertThat(hal.prober().probe(Uplink.PRIMARY, SBC, TIMEOUT).answered()).isFalse();
        assertThat(hal.prober().probe(Uplink.LTE, SBC, TIMEOUT).answered()).isTrue();
    }

    @Test
    void aLossyLineLosesAboutTheRequestedShareOfProbes() {
        world.setPrimary(SimWorld.LineState.LOSSY, 30);

        int lost = 0;
        for (int i = 0; i < 1000; i++) {
            if (!world.probe(Uplink.PRIMARY, ProbeMethod.ICMP).isPresent()) {
                lost++;
            }
        }
        assertThat(lost).isBetween(250, 350);
    }

    @Test
    void probesThroughLteAreCountedOnLte() {
        assertThat(hal.firewall().readAndResetLteBytes()).isEqualTo(Firewall.LteBytes.ZERO);

        ProbeResult result = hal.prober().probe(Uplink.LTE, SBC, Duration.ofSeconds(1));

        assertThat(result.answered()).isTrue();
        assertThat(result.rtt()).isBetween(Duration.ofMillis(30), Duration.ofMillis(200));
        Firewall.LteBytes after = hal.firewall().readAndResetLteBytes();
        assertThat(after.sent()).isEqualTo(new Counter(1, 480));
        assertThat(after.received()).isEqualTo(new Counter(1, 420));
        assertThat(hal.firewall().readAndResetLteBytes()).isEqualTo(Firewall.LteBytes.ZERO);
    }

    @Test
    void callsSendG711OnWhicheverUplinkIsActive() {
        world.setActiveCalls(2);
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        hal.routes().activate(Uplink.LTE);
        nanos.addAndGet(Duration.ofSeconds(60).toNanos());

        Firewall.LteBytes lte = hal.firewall().readAndResetLteBytes();
        long oneMinuteOfTwoCalls = 2L * 50 * 60 * 200;
        assertThat(lte.sent().bytes()).isEqualTo(oneMinuteOfTwoCalls);
        assertThat(lte.received().bytes()).isEqualTo(oneMinuteOfTwoCalls);
        long tenSecondsOnPrimary = 2L * 50 * 10;
        assertThat(hal.links().link("eth0").orElseThrow().counters().txBytes())
                .as("interface counters include the 14-byte Ethernet header")
                .isEqualTo(tenSecondsOnPrimary * (200 + 14));
    }

    @Test
    void callsOnADeadPrimaryOnlySend() {
        world.setPrimary(SimWorld.LineState.DOWN, 0);
        world.setActiveCalls(1);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());

        var counters = hal.links().link("eth0").orElseThrow().counters();
        assertThat(counters.txPackets()).isEqualTo(50);
        assertThat(counters.rxPackets()).isZero();
    }

    @Test
    void lteSignalBarsComeBackFromTheModemReadings() {
        for (int bars = 0; bars <= 5; bars++) {
            world.setLte(true, bars);
            ModemStatus status = hal.modem().status();
            assertThat(status.signal().bars()).isEqualTo(bars);
        }
    }

    @Test
    void anUnregisteredModemHasNoBearerAndNoRoute() {
        world.setLte(false, 3);

        ModemStatus status = hal.modem().status();
        assertThat(status.registered()).isFalse();
        assertThat(status.bearer().connected()).isFalse();
        assertThat(hal.links().link("wwan0").orElseThrow().up()).isFalse();
        assertThatThrownBy(() -> hal.routes().activate(Uplink.LTE)).isInstanceOf(HalException.class);
        assertThat(hal.routes().active()).contains(Uplink.PRIMARY);
    }

    @Test
    void anUnpluggedModemHasNoInterface() {
        world.setModemPresent(false);

        assertThat(hal.modem().status()).isEqualTo(ModemStatus.ABSENT);
        assertThat(hal.links().link("wwan0")).isEmpty();
    }

    @Test
    void aResetModemSearchesForTenSecondsThenRegistersAgain() {
        hal.modem().reset();
        assertThat(hal.modem().status().registration()).isEqualTo(ModemStatus.Registration.SEARCHING);

        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(hal.modem().status().registration()).isEqualTo(ModemStatus.Registration.HOME);
    }

    @Test
    void theClockMovesWhenTheDemoAdvancesIt() {
        world.advanceClock(Duration.ofDays(8));

        assertThat(hal.clock().instant()).isEqualTo(Instant.parse("2026-12-01T12:00:00Z"));
        assertThat(world.snapshot().clockOffset()).isEqualTo(Duration.ofDays(8));
    }

    @Test
    void clockTrustFollowsTheWorld() {
        assertThat(hal.clockTrust().trusted()).isTrue();
        world.setClockTrusted(false);
        assertThat(hal.clockTrust().trusted()).isFalse();
    }

    @Test
    void impossibleSettingsAreRefused() {
        assertThatThrownBy(() -> world.setLte(true, 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> world.setPrimary(SimWorld.LineState.LOSSY, 101))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> world.setActiveCalls(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSimulatedHalSaysItIsSimulated() {
        assertThat(hal.simulated()).isTrue();
    }
}
