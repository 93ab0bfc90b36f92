package dialtone.agent.web;

import dialtone.agent.failover.FailoverController;
import dialtone.agent.failover.FailoverEvent.ModeSet;
import dialtone.agent.failover.FailoverTest;
import dialtone.agent.failover.FailoverTestResult;
import dialtone.agent.failover.Mode;
import dialtone.agent.store.Settings;
import dialtone.web.port.FailoverControls;
import dialtone.web.port.FailoverTestReport;
import java.time.Instant;
import java.util.Optional;

/** The web UI's hold on failover: the persisted mode and the installer's failover test. */
public final class FailoverControlsAdapter implements FailoverControls {
    public static final String MODE_KEY = "failover.mode";

    private final FailoverController controller;
    private final FailoverTest test;
    private final Settings settings;

    public FailoverControlsAdapter(FailoverController controller, FailoverTest test, Settings settings) {
        this.controller = controller;
        this.test = test;
        this.settings = settings;
    }

    /** The mode kept in the database, {@code auto} on a new device or if the stored value is unknown. */
    public static Mode storedMode(Settings settings) {
        return settings.get(MODE_KEY).flatMap(Mode::parse).orElse(Mode.AUTO);
    }

    @Override
    public String mode() {
        return controller.state().mode().id();
    }

    @Override
    public void setMode(String mode, String by) {
        Mode chosen = Mode.parse(mode).orElseThrow(() -> new IllegalArgumentException("unknown mode " + mode));
        settings.put(MODE_KEY, chosen.id());
        controller.submit(new ModeSet(chosen, by));
    }

    @Override
    public FailoverTestReport startTest() {
        try {
            return report(test.start());
        } catch (FailoverTest.Refused refused) {
            throw new Refused(refused.reasons());
        }
    }

    @Override
    public Optional<FailoverTestReport> latestTest() {
        return test.latest().map(FailoverControlsAdapter::report);
    }

    static FailoverTestReport report(FailoverTestResult r) {
        return new FailoverTestReport(
                r.id(),
                r.state(),
                r.step(),
                iso(r.startedAt()),
                iso(r.finishedAt()),
                r.detectionMs(),
                r.sbcViaLte(),
                r.sbcViaLteMs(),
                r.signalBars(),
                r.rsrpDbm(),
                r.operator(),
                r.failbackMs(),
                r.problems());
    }

    private static String iso(Instant at) {
        return at == null ? null : at.toString();
    }
}
