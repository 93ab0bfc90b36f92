package dialtone.web.port;

import java.util.List;

/**
 * The installer's failover test, as the API serves it (times ISO-8601; numbers null until
 * measured).
 *
 * @param state {@code running}, {@code passed} or {@code failed}
 * @param step what the test is doing now, or did last
 */
public record FailoverTestReport(
        String id,
        String state,
        String step,
        String startedAt,
        String finishedAt,
        Long detectionMs,
        Boolean sbcViaLte,
        Long sbcViaLteMs,
        Integer signalBars,
        Double rsrpDbm,
        String operator,
        Long failbackMs,
        List<String> problems) {}
