package dialtone.agent.failover;

import java.time.Instant;
import java.util.List;

/**
 * What the installer's failover test measured. Numbers are null when the test did not get that
 * far; {@code problems} says why it failed, in words for the installation report.
 *
 * @param state {@code running}, {@code passed} or {@code failed}
 * @param step what the test is doing now, or did last
 * @param detectionMs from cutting the primary to the phones' traffic on LTE
 * @param sbcViaLteMs round trip of a SIP OPTIONS to the SBC through LTE
 * @param failbackMs from restoring the primary to the phones' traffic back on it (includes the hold time)
 */
public record FailoverTestResult(
        String id,
        String state,
        String step,
        Instant startedAt,
        Instant finishedAt,
        Long detectionMs,
        Boolean sbcViaLte,
        Long sbcViaLteMs,
        Integer signalBars,
        Double rsrpDbm,
        String operator,
        Long failbackMs,
        List<String> problems) {

    public FailoverTestResult {
        problems = List.copyOf(problems);
    }

    static FailoverTestResult started(String id, Instant at) {
        return new FailoverTestResult(
                id,
                "running",
                "cutting the Internet line",
                at,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of());
    }

    FailoverTestResult step(String next) {
        return new FailoverTestResult(
                id,
                state,
                next,
                startedAt,
                finishedAt,
                detectionMs,
                sbcViaLte,
                sbcViaLteMs,
                signalBars,
                rsrpDbm,
                operator,
                failbackMs,
                problems);
    }

    FailoverTestResult detected(Long ms) {
        return new FailoverTestResult(
                id,
                state,
                step,
                startedAt,
                finishedAt,
                ms,
                sbcViaLte,
                sbcViaLteMs,
                signalBars,
                rsrpDbm,
                operator,
                failbackMs,
                problems);
    }

    FailoverTestResult sbc(boolean answered, Long ms) {
        return new FailoverTestResult(
                id,
                state,
                step,
                startedAt,
                finishedAt,
                detectionMs,
                answered,
                ms,
                signalBars,
                rsrpDbm,
                operator,
                failbackMs,
                problems);
    }

    FailoverTestResult signal(int bars, Double rsrp, String operatorName) {
        return new FailoverTestResult(
                id,
                state,
                step,
                startedAt,
                finishedAt,
                detectionMs,
                sbcViaLte,
                sbcViaLteMs,
                bars,
                rsrp,
                operatorName,
                failbackMs,
                problems);
    }

    FailoverTestResult finished(Instant at, Long failback, List<String> found) {
        return new FailoverTestResult(
                id,
                found.isEmpty() ? "passed" : "failed",
                "done",
                startedAt,
                at,
                detectionMs,
                sbcViaLte,
                sbcViaLteMs,
                signalBars,
                rsrpDbm,
                operator,
                failback,
                found);
    }
}
