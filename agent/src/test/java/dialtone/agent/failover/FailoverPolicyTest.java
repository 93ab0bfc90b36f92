package dialtone.agent.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.agent.failover.FailoverAction.Activate;
import dialtone.agent.failover.FailoverAction.CheckSbcViaPrimary;
import dialtone.agent.failover.FailoverAction.Report;
import dialtone.agent.failover.FailoverEvent.LteReadiness;
import dialtone.agent.failover.FailoverEvent.MediaFlows;
import dialtone.agent.failover.FailoverEvent.ModeSet;
import dialtone.agent.failover.FailoverEvent.PrimaryHealth;
import dialtone.agent.failover.FailoverEvent.SbcViaPrimary;
import dialtone.agent.failover.FailoverEvent.SwitchFailed;
import dialtone.agent.failover.FailoverEvent.Switched;
import dialtone.agent.failover.FailoverEvent.Tick;
import dialtone.agent.failover.FailoverState.Phase;
import dialtone.agent.failover.UplinkHealth.State;
import dialtone.hal.Uplink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailoverPolicyTest {
    private static final Duration HOLD = Duration.ofSeconds(60);
    private static final Duration MAX_WAIT = Duration.ofMinutes(20);

    private final FailoverPolicy policy = new FailoverPolicy(new FailoverPolicy.Settings(HOLD, MAX_WAIT, 6, true));
    private Instant now = Instant.parse("2026-11-23T12:00:00Z");
    private FailoverState state = FailoverState.initial(Uplink.PRIMARY, Mode.AUTO, now);
    private final List<FailoverAction> actions = new ArrayList<>();

    private List<FailoverAction> on(FailoverEvent event) {
        FailoverPolicy.Transition t = policy.on(state, event, now);
        state = t.next();
        actions.addAll(t.actions());
        return t.actions();
    }

    private void at(Duration later) {
        now = now.plus(later);
    }

    private static PrimaryHealth primary(State state) {
        Instant lastGood = Instant.parse("2026-11-23T11:59:59Z");
        return new PrimaryHealth(new UplinkHealth(state, state == State.UP ? 0.0 : 100.0, null, null, lastGood));
    }

    private void onLte() {
        on(new LteReadiness(true));
        on(primary(State.UP));
        on(primary(State.DOWN));
        on(new Switched(Uplink.LTE));
        actions.clear();
    }

    private List<Report> reports(String type) {
        return actions.stream()
                .filter(a -> a instanceof Report r && r.type().equals(type))
                .map(a -> (Report) a)
                .toList();
    }

    @Test
    void aDeadPrimaryMovesThePhonesToLteAndReportsTheDetectionTime() {
        on(new LteReadiness(true));
        on(primary(State.UP));
        assertThat(on(new Tick())).isEmpty();

        at(Duration.ofMillis(1200));
        List<FailoverAction> decided = on(primary(State.DOWN));

        assertThat(decided).singleElement().isInstanceOf(Activate.class);
        assertThat(((Activate) decided.getFirst()).to()).isEqualTo(Uplink.LTE);
        assertThat(state.phase()).isEqualTo(Phase.FAILING_OVER);
        assertThat(on(primary(State.DOWN)))
                .as("no second switch while one is under way")
                .isEmpty();

        at(Duration.ofMillis(30));
        on(new Switched(Uplink.LTE));
        assertThat(state.phase()).isEqualTo(Phase.ON_LTE);
        Report failover = reports("failover").getFirst();
        assertThat(failover.message()).contains("down");
        assertThat(failover.facts()).containsEntry("detectionMs", 2230L);
    }

    @Test
    void aLinetooLossyForCallsAlsoFailsOver() {
        on(new LteReadiness(true));
        on(primary(State.DEGRADED));

        assertThat(actions).anyMatch(a -> a instanceof Activate act && act.to() == Uplink.LTE);
        assertThat(state.reason()).startsWith("degraded");
    }

    @Test
    void withoutLteADeadPrimaryIsReportedOnceAndNothingMoves() {
        on(primary(State.DOWN));
        on(primary(State.DOWN));
        on(new Tick());

        assertThat(actions).noneMatch(a -> a instanceof Activate);
        assertThat(reports("no-backup")).hasSize(1);
        assertThat(reports("no-backup").getFirst().severity()).isEqualTo("error");
    }

    @Test
    void failbackWaitsForTheHoldTimeThenAsksTheSbc() {
        onLte();
        on(primary(State.UP));
        at(Duration.ofSeconds(59));
        assertThat(on(new Tick())).isEmpty();

        at(Duration.ofSeconds(1));
        assertThat(on(new Tick())).singleElement().isInstanceOf(CheckSbcViaPrimary.class);
        assertThat(on(new Tick())).as("one question at a time").isEmpty();

        List<FailoverAction> decided = on(new SbcViaPrimary(true));
        assertThat(decided).singleElement().isEqualTo(new Activate(Uplink.PRIMARY, state.reason()));
        assertThat(state.reason()).contains("healthy for 60 s", "SBC answers", "no call");
        on(new Switched(Uplink.PRIMARY));
        assertThat(state.phase()).isEqualTo(Phase.ON_PRIMARY);
        assertThat(reports("failback").getFirst().facts()).containsKeys("onLteSeconds", "outageSeconds");
    }

    @Test
    void anSbcThatDoesNotAnswerKeepsThePhonesOnLte() {
        onLte();
        on(primary(State.UP));
        at(HOLD);
        on(new Tick());
        on(new SbcViaPrimary(false));
        at(Duration.ofSeconds(5));
        assertThat(on(new Tick())).isEmpty();

        at(Duration.ofSeconds(5));
        assertThat(on(new Tick())).singleElement().isInstanceOf(CheckSbcViaPrimary.class);
        on(new SbcViaPrimary(false));
        assertThat(reports("sbc-unreachable")).hasSize(1);
        assertThat(state.phase()).isEqualTo(Phase.ON_LTE);
    }

    @Test
    void withoutConfiguredSbcsFailbackDoesNotAsk() {
        FailoverPolicy noSbc = new FailoverPolicy(new FailoverPolicy.Settings(HOLD, MAX_WAIT, 6, false));
        onLte();
        state = noSbc.on(state, primary(State.UP), now).next();
        at(HOLD);

        assertThat(noSbc.on(state, new Tick(), now).actions()).singleElement().isInstanceOf(Activate.class);
    }

    @Test
    void aPrimaryThatFaltersDuringTheHoldStartsItAgain() {
        onLte();
        on(primary(State.UP));
        at(Duration.ofSeconds(50));
        on(primary(State.DOWN));
        at(Duration.ofSeconds(1));
        on(primary(State.UP));
        at(Duration.ofSeconds(30));

        assertThat(on(new Tick())).isEmpty();
        at(Duration.ofSeconds(30));
        assertThat(on(new Tick())).singleElement().isInstanceOf(CheckSbcViaPrimary.class);
    }

    @Test
    void failbackNeverCutsACallUntilTheMaximumWait() {
        onLte();
        on(new MediaFlows(2));
        on(primary(State.UP));
        at(HOLD);
        on(new Tick());
        assertThat(on(new SbcViaPrimary(true))).noneMatch(a -> a instanceof Activate);
        assertThat(reports("waiting-for-calls")).hasSize(1);

        at(Duration.ofMinutes(10));
        on(new SbcViaPrimary(true));
        assertThat(on(new Tick())).noneMatch(a -> a instanceof Activate);
        on(new MediaFlows(0));
        assertThat(actions).anyMatch(a -> a instanceof Activate act && act.to() == Uplink.PRIMARY);
    }

    @Test
    void afterTheMaximumWaitFailbackGoesAheadDespiteCalls() {
        onLte();
        on(new MediaFlows(1));
        on(primary(State.UP));
        at(HOLD);
        on(new Tick());
        on(new SbcViaPrimary(true));
        for (int minute = 1; minute < 20; minute++) {
            at(Duration.ofMinutes(1));
            on(new SbcViaPrimary(true));
            assertThat(actions).noneMatch(a -> a instanceof Activate);
        }
        at(Duration.ofMinutes(1));
        on(new SbcViaPrimary(true));

        assertThat(actions).anyMatch(a -> a instanceof Activate act && act.to() == Uplink.PRIMARY);
        assertThat(state.reason()).contains("calls still active after 20 min");
    }

    @Test
    void eachFailoverWithinAnHourDoublesTheHoldTime() {
        onLte();
        assertThat(policy.holdTime(state, now)).isEqualTo(HOLD);
        on(primary(State.UP));
        at(HOLD);
        on(new Tick());
        on(new SbcViaPrimary(true));
        on(new Switched(Uplink.PRIMARY));
        at(Duration.ofSeconds(5));
        on(primary(State.DOWN));
        on(new Switched(Uplink.LTE));

        assertThat(policy.holdTime(state, now)).isEqualTo(HOLD.multipliedBy(2));
        assertThat(policy.holdTime(state, now.plus(Duration.ofMinutes(61)))).isEqualTo(HOLD);
    }

    @Test
    void pastTheSwitchCapItStaysOnLteButStillFailsOver() {
        FailoverPolicy capped =
                new FailoverPolicy(new FailoverPolicy.Settings(Duration.ofSeconds(10), MAX_WAIT, 2, false));
        on(new LteReadiness(true));
        for (FailoverEvent e : List.of(primary(State.DOWN), new Switched(Uplink.LTE), primary(State.UP))) {
            state = capped.on(state, e, now).next();
        }
        at(Duration.ofSeconds(10));
        state = capped.on(state, new Tick(), now).next();
        state = capped.on(state, new Switched(Uplink.PRIMARY), now).next();
        at(Duration.ofSeconds(1));
        FailoverPolicy.Transition again = capped.on(state, primary(State.DOWN), now);
        assertThat(again.actions()).as("failover is never refused").anyMatch(a -> a instanceof Activate);
        state = capped.on(again.next(), new Switched(Uplink.LTE), now).next();

        state = capped.on(state, primary(State.UP), now).next();
        at(Duration.ofMinutes(30));
        FailoverPolicy.Transition stay = capped.on(state, new Tick(), now);

        assertThat(stay.actions()).noneMatch(a -> a instanceof Activate);
        assertThat(stay.actions())
                .anyMatch(a -> a instanceof Report r && r.type().equals("switch-cap"));
    }

    @Test
    void losingLteWhileTheLineAnswersFailsBackAtOnce() {
        onLte();
        on(primary(State.UP));
        on(new LteReadiness(false));

        assertThat(actions).anyMatch(a -> a instanceof Activate act && act.to() == Uplink.PRIMARY);
        assertThat(state.reason()).contains("LTE is not available");
    }

    @Test
    void forcedModesOverrideHealthAndDoNotCountAsFlaps() {
        on(new LteReadiness(true));
        on(primary(State.UP));
        on(new ModeSet(Mode.FORCE_LTE, "installer"));
        assertThat(actions).anyMatch(a -> a instanceof Activate act && act.to() == Uplink.LTE);
        on(new Switched(Uplink.LTE));
        assertThat(state.switches()).isEmpty();

        at(Duration.ofMinutes(5));
        on(new ModeSet(Mode.AUTO, "installer"));
        assertThat(reports("mode")).hasSize(2);
        assertThat(actions.getLast()).isInstanceOf(CheckSbcViaPrimary.class);
    }

    @Test
    void forcingThePrimaryWorksEvenWhenItLooksDead() {
        onLte();
        on(new ModeSet(Mode.FORCE_PRIMARY, "operator"));

        assertThat(actions).anyMatch(a -> a instanceof Activate act && act.to() == Uplink.PRIMARY);
    }

    @Test
    void aFailedSwitchIsReportedAndRetriedAfterAPause() {
        on(new LteReadiness(true));
        on(primary(State.DOWN));
        on(new SwitchFailed(Uplink.LTE, "Nexthop has invalid gateway"));
        assertThat(state.phase()).isEqualTo(Phase.ON_PRIMARY);
        assertThat(reports("switch-failed")).hasSize(1);
        actions.clear();

        at(Duration.ofSeconds(2));
        assertThat(on(new Tick())).isEmpty();
        at(Duration.ofSeconds(3));
        assertThat(on(new Tick())).singleElement().isInstanceOf(Activate.class);
        on(new SwitchFailed(Uplink.LTE, "Nexthop has invalid gateway"));
        assertThat(reports("switch-failed"))
                .as("retries are not reported again")
                .isEmpty();
        assertThat(state.phase()).isEqualTo(Phase.ON_PRIMARY);
    }
}
