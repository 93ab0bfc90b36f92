package dialtone.agent.panel;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import dialtone.agent.e911.LocationService;
import dialtone.agent.events.Event;
import dialtone.agent.events.EventLog;
import dialtone.agent.panel.PanelState.Carrier;
import dialtone.agent.panel.PanelState.LteSignal;
import dialtone.agent.store.Database;
import dialtone.agent.store.Migrations;
import dialtone.agent.store.Settings;
import dialtone.hal.gpio.Indicators.Led;
import dialtone.hal.linux.Pi4jPanel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The front panel end to end on Pi4J's mock pins: the real GPIO adapter, the gesture, the LED table
 * and the reset, with a hand-driven monotonic clock (no waiting for ten seconds). The only real
 * time is the adapter's blink thread catching up with the clock.
 */
class FrontPanelGpioTest {
    private static final Pi4jPanel.Pins PINS = new Pi4jPanel.Pins(5, 6, 13, 19, 26);
    private static final String PASSWORD_KEY = "installer.password-hash";

    @TempDir
    Path dir;

    private final AtomicLong nanos = new AtomicLong(50_000_000_000L);
    private final AtomicInteger restarts = new AtomicInteger();
    private final Context pi4j = Pi4J.newContextBuilder()
            .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance())
            .build();
    private Pi4jPanel panel;
    private Database db;
    private Settings settings;
    private EventLog events;
    private FrontPanelService service;
    private MockDigitalInput button;

    @BeforeEach
    void aBoxOnLteWithItsLocationRegistered() {
        db = Database.open(dir.resolve("dialtone.db"), new Migrations(Migrations.PRODUCTION));
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
        settings = new Settings(db, clock);
        events = new EventLog(db, clock);
        settings.put(PASSWORD_KEY, "pbkdf2$set-on-site");
        panel = Pi4jPanel.open(PINS, () -> pi4j, nanos::get);
        PanelState state = new PanelState(true, Carrier.LTE, LteSignal.GOOD, LocationService.Status.REGISTERED);
        service = new FrontPanelService(
                new FrontPanelService.Ports(panel, panel, nanos::get, restarts::incrementAndGet),
                () -> state,
                new FactoryReset(events),
                events);
        button = pi4j.io("button");
        button.mockState(DigitalState.HIGH); // idle, pulled up (a mock input starts low)
        service.refresh();
    }

    @AfterEach
    void close() {
        panel.close();
        db.close();
    }

    @Test
    void theStatusIsOnThePins() {
        assertLit(Led.HEALTH, Led.SIGNAL, Led.E911, Led.UPLINK); // the uplink's slow blink starts lit
        advanceMillis(500);
        awaitDark(Led.UPLINK);
        assertLit(Led.HEALTH, Led.SIGNAL, Led.E911);
    }

    @Test
    void aShortPressShowsALampTestThenTheStatus() {
        advanceMillis(500);
        awaitDark(Led.UPLINK);

        button.mockState(DigitalState.LOW);
        advanceMillis(300);
        button.mockState(DigitalState.HIGH);

        assertLit(Led.values()); // the lamp test: the uplink lit although its blink was dark
        assertThat(types()).containsExactly("panel-status-shown");
        advanceMillis(1_000);
        service.refresh();
        assertLit(Led.values());

        advanceMillis(1_100);
        service.refresh();
        assertLit(Led.HEALTH, Led.SIGNAL, Led.E911, Led.UPLINK);
        advanceMillis(500);
        awaitDark(Led.UPLINK); // blinking again: the status is back
        assertThat(settings.get(PASSWORD_KEY)).isPresent();
        assertThat(restarts).hasValue(0);
    }

    @Test
    void aTenSecondHoldCountsDownOnTheLedsThenResetsAndRestarts() {
        button.mockState(DigitalState.LOW);
        holdUntilMillis(2_000);
        assertLit(Led.values()); // the countdown begins: all blink fast, lit first
        advanceMillis(125);
        awaitDark(Led.values());

        holdUntilMillis(2_500);
        assertLit(Led.HEALTH);
        advanceMillis(125);
        awaitDark(Led.UPLINK, Led.SIGNAL, Led.E911);
        assertLit(Led.HEALTH);

        holdUntilMillis(5_000);
        advanceMillis(125);
        awaitDark(Led.SIGNAL, Led.E911);
        assertLit(Led.HEALTH, Led.UPLINK);

        holdUntilMillis(7_500);
        advanceMillis(125);
        awaitDark(Led.E911);
        assertLit(Led.HEALTH, Led.UPLINK, Led.SIGNAL);
        assertThat(settings.get(PASSWORD_KEY)).as("nothing reset before 10 s").isPresent();

        holdUntilMillis(10_000);
        assertLit(Led.values());
        assertThat(settings.get(PASSWORD_KEY)).isEmpty();
        assertThat(types()).containsExactly("device-reset");
        assertThat(restarts).hasValue(1);

        holdUntilMillis(12_000);
        button.mockState(DigitalState.HIGH);
        assertThat(restarts).as("one reset per hold").hasValue(1);
    }

    @Test
    void releasingBeforeTenSecondsChangesNothing() {
        button.mockState(DigitalState.LOW);
        holdUntilMillis(9_900);
        button.mockState(DigitalState.HIGH);
        holdUntilMillis(15_000);

        assertThat(settings.get(PASSWORD_KEY)).contains("pbkdf2$set-on-site");
        assertThat(restarts).hasValue(0);
        List<Event> log = events.page(null, 10);
        assertThat(log).extracting(Event::type).containsExactly("device-reset-cancelled");
        assertThat(log.getFirst().facts()).containsEntry("heldMs", 9_900);
        assertLit(Led.HEALTH, Led.SIGNAL, Led.E911); // the status again
    }

    /** The service's ticks, every 250 ms, until {@code ms} after the press. */
    private long pressedAt = -1;

    private void holdUntilMillis(long ms) {
        if (pressedAt < 0) {
            pressedAt = nanos.get();
        }
        while (nanos.get() < pressedAt + ms * 1_000_000) {
            nanos.set(Math.min(nanos.get() + 250_000_000, pressedAt + ms * 1_000_000));
            service.refresh();
        }
    }

    private void advanceMillis(long ms) {
        nanos.addAndGet(ms * 1_000_000);
    }

    private List<String> types() {
        return events.page(null, 10).stream().map(Event::type).toList();
    }

    private void assertLit(Led... leds) {
        for (Led led : leds) {
            assertThat(output(led).state()).as(led + " lit").isEqualTo(DigitalState.HIGH);
        }
    }

    /** The blink thread sets a blink's dark half within a step (62 ms) of the clock reaching it. */
    private void awaitDark(Led... leds) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        for (Led led : leds) {
            while (output(led).state() != DigitalState.LOW && System.nanoTime() < deadline) {
                LockSupport.parkNanos(2_000_000);
            }
            assertThat(output(led).state()).as(led + " dark").isEqualTo(DigitalState.LOW);
        }
    }

    private DigitalOutput output(Led led) {
        return pi4j.io("led-" + led.name().toLowerCase(), DigitalOutput.class);
    }
}
