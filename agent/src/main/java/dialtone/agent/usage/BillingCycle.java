package dialtone.agent.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * One billing cycle: from local midnight of the start day to local midnight of the next one, in
 * the carrier's time zone. A start day the month does not have (29-31) means its last day, as
 * carriers do; DST shifts are the zone's business ({@link LocalDate#atStartOfDay(ZoneId)}).
 */
public record BillingCycle(ZonedDateTime start, ZonedDateTime end) {

    public static BillingCycle containing(Instant at, ZoneId zone, int startDay) {
        LocalDate date = at.atZone(zone).toLocalDate();
        LocalDate thisMonths = startIn(YearMonth.from(date), startDay);
        LocalDate start =
                date.isBefore(thisMonths) ? startIn(YearMonth.from(date).minusMonths(1), startDay) : thisMonths;
        LocalDate end = startIn(YearMonth.from(start).plusMonths(1), startDay);
        return new BillingCycle(start.atStartOfDay(zone), end.atStartOfDay(zone));
    }

    private static LocalDate startIn(YearMonth month, int day) {
        return month.atDay(Math.min(day, month.lengthOfMonth()));
    }

    public Instant startInstant() {
        return start.toInstant();
    }

    public Instant endInstant() {
        return end.toInstant();
    }

    public boolean contains(Instant at) {
        return !at.isBefore(startInstant()) && at.isBefore(endInstant());
    }

    public Duration length() {
        return Duration.between(start, end);
    }
}
