package dialtone.agent.web;

import dialtone.agent.modem.AntennaMode;
import dialtone.web.port.AntennaView;

/** The antenna placement mode, as the web UI shows it. */
public final class AntennaAdapter implements AntennaView {
    private final AntennaMode mode;

    public AntennaAdapter(AntennaMode mode) {
        this.mode = mode;
    }

    @Override
    public AntennaReport report() {
        return view(mode.report());
    }

    @Override
    public AntennaReport start() {
        return view(mode.begin());
    }

    @Override
    public AntennaReport stop() {
        return view(mode.end());
    }

    private static AntennaReport view(AntennaMode.Report report) {
        return new AntennaReport(
                report.active(),
                report.until() == null ? null : report.until().toString(),
                report.readings().stream().map(AntennaAdapter::view).toList(),
                report.best() == null ? null : view(report.best()),
                report.readings().isEmpty()
                        ? null
                        : report.readings().getFirst().verdict().words());
    }

    private static Reading view(AntennaMode.Reading r) {
        return new Reading(
                r.at().toString(),
                r.signal().bars(),
                r.signal().rsrpDbm(),
                r.signal().rsrqDb(),
                r.signal().sinrDb(),
                r.verdict().calls());
    }
}
