package dialtone.agent.web;

import dialtone.agent.config.AgentConfig;
import dialtone.agent.usage.UsageLedger;
import dialtone.agent.usage.UsageMeter;
import dialtone.agent.usage.UsageSummary;
import dialtone.web.port.UsageView;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The meter and its ledger, as the usage page and the API show them. */
public final class UsageAdapter implements UsageView {
    private final AgentConfig.Usage plan;
    private final UsageMeter meter;
    private final UsageLedger ledger;

    public UsageAdapter(AgentConfig.Usage plan, UsageMeter meter, UsageLedger ledger) {
        this.plan = plan;
        this.meter = meter;
        this.ledger = ledger;
    }

    @Override
    public UsageReport usage() {
        return report(meter.summary());
    }

    @Override
    public UsageReport correct(long carrierBytes, String by) {
        return report(meter.correct(carrierBytes, by));
    }

    private UsageReport report(UsageSummary s) {
        Instant end = s.cycle().endInstant();
        Map<Instant, Long> cycleHours = ledger.hours(s.cycle().startInstant(), end);
        Map<LocalDate, Long> days = new TreeMap<>();
        cycleHours.forEach((hour, bytes) -> days.merge(hour.atZone(plan.zone()).toLocalDate(), bytes, Long::sum));
        List<Amount> daily = new ArrayList<>();
        days.forEach((day, bytes) -> daily.add(new Amount(day.toString(), bytes)));
        List<Amount> hourly = new ArrayList<>();
        Instant now = Instant.now();
        ledger.hours(now.minus(Duration.ofHours(48)), now.plus(Duration.ofHours(1)))
                .forEach((hour, bytes) -> hourly.add(new Amount(hour.toString(), bytes)));
        return new UsageReport(
                s.cycle().start().toOffsetDateTime().toString(),
                s.cycle().end().toOffsetDateTime().toString(),
                s.usedBytes(),
                s.capBytes(),
                Math.round(s.percent() * 10) / 10.0,
                s.forecastBytes(),
                s.projectedOverageGb(),
                s.projectedOverageCost().toPlainString(),
                s.minutesLeft(),
                plan.codec(),
                plan.atCap(),
                s.restricted(),
                s.pendingBytes(),
                daily,
                hourly);
    }
}
