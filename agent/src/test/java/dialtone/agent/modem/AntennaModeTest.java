package dialtone.agent.modem;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.hal.Hal;
import dialtone.hal.sim.SimWorld;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AntennaModeTest {
    private final SimWorld world = SimWorld.live(SimWorld.Interfaces.DEFAULT);
    private final Hal hal = world.hal();
    private final AntennaMode mode = new AntennaMode(hal.modem(), hal.clock(), Duration.ofMillis(20));

    @AfterEach
    void off() {
        mode.stop();
    }

    @Test
    void readingsFollowTheAntennaAndTheBestIsKept() throws Exception {
        world.setLte(true, 2);
        mode.begin();
        await(() -> mode.report().readings().size() >= 2);
        world.setLte(true, 5);
        await(() -> mode.report().readings().getFirst().signal().bars() == 5);
        world.setLte(true, 1);
        await(() -> mode.report().readings().getFirst().signal().bars() == 1);

        AntennaMode.Report report = mode.report();
        assertThat(report.active()).isTrue();
        assertThat(report.best().signal().bars()).isEqualTo(5);
        assertThat(report.best().verdict().calls()).isEqualTo(AntennaVerdict.AT_MOST);
        assertThat(report.readings().getFirst().verdict().words()).startsWith("too weak for calls");
    }

    @Test
    void itTurnsItselfOffAfterItsLength() throws Exception {
        mode.begin();
        await(() -> !mode.report().readings().isEmpty());
        world.advanceClock(AntennaMode.LENGTH.plusSeconds(1));

        await(() -> !mode.report().active());
        int kept = mode.report().readings().size();
        Thread.sleep(100);
        assertThat(mode.report().readings()).as("no more readings once off").hasSize(kept);
    }

    @Test
    void offByDefaultAndOnlyTheLastFiveMinutesAreKept() throws Exception {
        assertThat(mode.report().active()).isFalse();
        for (int i = 0; i < AntennaMode.KEEP + 50; i++) {
            mode.read();
        }
        assertThat(mode.report().readings()).as("off: nothing read").isEmpty();

        mode.begin();
        for (int i = 0; i < AntennaMode.KEEP + 50; i++) {
            mode.read();
        }
        assertThat(mode.report().readings()).hasSize(AntennaMode.KEEP);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 5 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
