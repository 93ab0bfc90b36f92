package dialtone.agent.web;

import dialtone.agent.events.EventLog;
import dialtone.web.port.EventsView;
import java.util.List;

/** The event log, as the web UI pages through it. */
public final class EventsAdapter implements EventsView {
    private final EventLog log;

    public EventsAdapter(EventLog log) {
        this.log = log;
    }

    @Override
    public List<EventItem> page(Long before, int limit) {
        return log.page(before, limit).stream()
                .map(e -> new EventItem(e.seq(), e.at().toString(), e.type(), e.severity(), e.message(), e.facts()))
                .toList();
    }
}
