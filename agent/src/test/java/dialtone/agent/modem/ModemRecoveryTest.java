package dialtone.agent.modem;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.agent.events.Event;
import dialtone.agent.events.EventLog;
import dialtone.agent.store.Database;
import dialtone.agent.store.Migrations;
import dialtone.hal.Hal;
import dialtone.hal.HalException;
import dialtone.hal.modem.DataSettings;
import dialtone.hal.modem.LteModem;
import dialtone.hal.modem.ModemStatus;
import dialtone.hal.modem.ModemStatus.Bearer;
import dialtone.hal.modem.ModemStatus.Registration;
import dialtone.hal.modem.ModemStatus.SimCard;
import dialtone.hal.modem.ModemStatus.SimState;
import dialtone.hal.modem.Signal;
import dialtone.hal.sim.SimWorld;
import dialtone.hal.sim.SimWorld.ModemFault;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery on the simulated modem, through the same port the ModemManager adapter implements:
 * each fault is mended by exactly one step, so which step brought the modem back is known.
 */
class ModemRecoveryTest {
    @TempDir
    Path dir;

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicBoolean callsOnLte = new AtomicBoolean();
    private SimWorld world;
    private Hal hal;
    private Database db;
    private EventLog events;
    private ModemWatch watch;
    private ModemRecovery recovery;

    @BeforeEach
    void build() {
        world = new SimWorld(
                Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC),
                nanos::get,
                new SplittableRandom(7),
                SimWorld.Interfaces.DEFAULT);
        hal = world.hal();
        db = Database.open(dir.resolve("dialtone.db"), new Migrations(Migrations.PRODUCTION));
        events = new EventLog(db, hal.clock());
        watch = new ModemWatch(hal.modem());
        recovery = new ModemRecovery(
                watch,
                new ModemRecovery.Ports(hal.modem(), callsOnLte::get),
                new RecoveryLadder(RecoveryLadder.Settings.DEFAULT),
                new PinGate(() -> null, memory()),
                () -> new DataSettings("voice.example", null, null, false),
                events,
                hal.clock(),
                ModemWatch.INTERVAL);
        run(Duration.ofSeconds(10));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aDroppedBearerComesBackOnTheFirstStep() {
        world.setModemFault(ModemFault.BEARER_DROPPED);
        run(Duration.ofMinutes(3));

        assertThat(types()).containsExactly("modem-trouble", "modem-recovery-step", "modem-recovered");
        assertThat(last("modem-recovered").facts()).containsEntry("step", "reconnect");
        assertThat(hal.modem().status().ready()).isTrue();
    }

    @Test
    void aModemStuckSearchingComesBackOnTheSecondStep() {
        world.setModemFault(ModemFault.STUCK_SEARCHING);
        run(Duration.ofMinutes(6));

        assertThat(steps()).containsExactly("reconnect", "reset");
        assertThat(last("modem-recovered").facts()).containsEntry("step", "reset");
    }

    @Test
    void aHungModemComesBackOnTheThirdStep() {
        world.setModemFault(ModemFault.HUNG);
        run(Duration.ofMinutes(3));

        assertThat(steps()).containsExactly("reconnect", "reset", "power_cycle");
        assertThat(types()).contains("modem-recovery-step-failed");
        assertThat(last("modem-recovered").facts()).containsEntry("step", "power_cycle");
        assertThat(watch.silence()).isNull();
    }

    @Test
    void aDeadModemGetsAPersonAndThenAnHourOfRest() {
        world.setModemFault(ModemFault.DEAD);
        run(Duration.ofMinutes(5));
        assertThat(steps()).containsExactly("reconnect", "reset", "power_cycle");
        assertThat(types()).containsOnlyOnce("modem-needs-attention");

        run(Duration.ofMinutes(50));
        assertThat(steps()).as("resting").hasSize(3);
        run(Duration.ofMinutes(10));
        assertThat(steps())
                .as("from the bottom again after the hour")
                .containsExactly("reconnect", "reset", "power_cycle", "reconnect", "reset", "power_cycle");
        assertThat(types()).filteredOn("modem-needs-attention"::equals).hasSize(2);
    }

    @Test
    void anUnpluggedModemIsReportedAndItsReturnNoticed() {
        world.setModemPresent(false);
        run(Duration.ofMinutes(3));
        assertThat(last("modem-trouble").facts()).containsEntry("trouble", "absent");
        assertThat(types()).contains("modem-needs-attention");

        world.setModemPresent(true);
        run(Duration.ofSeconds(30));
        assertThat(types()).last().isEqualTo("modem-recovered");
        assertThat(hal.modem().status().ready()).isTrue();
    }

    @Test
    void stepsThatCutTheRadioWaitForTheCallsOnLteToEnd() {
        callsOnLte.set(true);
        world.setModemFault(ModemFault.STUCK_SEARCHING);
        run(Duration.ofMinutes(10));
        assertThat(steps()).containsExactly("reconnect");
        assertThat(types()).containsOnlyOnce("modem-recovery-deferred");

        callsOnLte.set(false);
        run(Duration.ofSeconds(30));
        assertThat(steps()).containsExactly("reconnect", "reset");
    }

    @Test
    void newSettingsAreAppliedAtTheNextJudgementWithoutARestart() {
        world.setModemFault(ModemFault.BEARER_DROPPED); // as after an APN the carrier refused
        recovery.reconnect();
        recovery.judge();

        assertThat(types()).containsExactly("lte-settings-applied");
        assertThat(world.modemFault()).isEqualTo(ModemFault.NONE);
    }

    @Test
    void aWrongPinIsOfferedOnceEvenAcrossRestartsAndACorrectedOneAgain() {
        PinAskingModem sim = new PinAskingModem("2468");
        PinGate.Memory memory = memory();
        for (int restart = 0; restart < 3; restart++) { // the agent restarted twice, same database
            runWith(sim, new PinGate(() -> "1357", memory), 20);
        }
        assertThat(sim.offered).containsExactly("1357");
        assertThat(sim.attemptsLeft).isEqualTo(2);
        assertThat(types()).contains("modem-pin-refused");

        runWith(sim, new PinGate(() -> "2468", memory), 1); // the installer corrects lte.sim-pin
        assertThat(sim.offered).containsExactly("1357", "2468");
        assertThat(sim.unlocked).isTrue();
    }

    private void runWith(LteModem modem, PinGate pins, int readings) {
        ModemWatch watch = new ModemWatch(modem);
        ModemRecovery recovery = new ModemRecovery(
                watch,
                new ModemRecovery.Ports(modem, () -> false),
                new RecoveryLadder(RecoveryLadder.Settings.DEFAULT),
                pins,
                () -> DataSettings.CARRIER_DEFAULT,
                events,
                hal.clock(),
                ModemWatch.INTERVAL);
        for (int i = 0; i < readings; i++) {
            watch.read();
            recovery.judge();
        }
    }

    /** A SIM that wants {@code pin}: three attempts, then the PUK; every offer recorded. */
    static final class PinAskingModem implements LteModem {
        final List<String> offered = new ArrayList<>();
        final String pin;
        int attemptsLeft = 3;
        boolean unlocked;

        PinAskingModem(String pin) {
            this.pin = pin;
        }

        @Override
        public ModemStatus status() {
            SimState state =
                    unlocked ? SimState.READY : attemptsLeft == 0 ? SimState.PUK_LOCKED : SimState.PIN_REQUIRED;
            return new ModemStatus(
                    true,
                    new SimCard(state, "8901260882310000123", null, attemptsLeft),
                    Registration.UNKNOWN,
                    null,
                    null,
                    Signal.UNKNOWN,
                    null,
                    Bearer.DOWN,
                    null,
                    null);
        }

        @Override
        public void enterPin(String offeredPin) {
            offered.add(offeredPin);
            if (offeredPin.equals(pin)) {
                unlocked = true;
                return;
            }
            attemptsLeft--;
            throw new HalException("AT+CPIN", "+CME ERROR: 16");
        }

        @Override
        public void connect(DataSettings settings) {}

        @Override
        public void reset() {}

        @Override
        public void powerCycle() {}
    }

    /** Time passes in steps of the watch's interval: a reading, then a judgement, as on the box. */
    private void run(Duration duration) {
        for (long t = 0; t < duration.toSeconds(); t += ModemWatch.INTERVAL.toSeconds()) {
            world.advanceClock(ModemWatch.INTERVAL);
            nanos.addAndGet(ModemWatch.INTERVAL.toNanos());
            watch.read();
            recovery.judge();
        }
    }

    private List<Event> all() {
        return events.page(null, 500).reversed();
    }

    private List<String> types() {
        return all().stream().map(Event::type).toList();
    }

    private List<String> steps() {
        return all().stream()
                .filter(e -> e.type().equals("modem-recovery-step"))
                .map(e -> (String) e.facts().get("step"))
                .toList();
    }

    private Event last(String type) {
        return all().stream()
                .filter(e -> e.type().equals(type))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    static PinGate.Memory memory() {
        List<String> tried = new ArrayList<>();
        return new PinGate.Memory() {
            @Override
            public Optional<String> tried() {
                return tried.isEmpty() ? Optional.empty() : Optional.of(tried.getLast());
            }

            @Override
            public void remember(String digest) {
                tried.add(digest);
            }
        };
    }
}
