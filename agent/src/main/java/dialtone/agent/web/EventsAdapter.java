package dialtone.agent.web;

import dialtone.agent.events.EventLog;
import dialtone.web.port.EventsView;
import java.util.List;

/** The event log, as the web UI pages through and filters it. */
public final class EventsAdapter implements EventsView {
    private final EventLog log;

    public EventsAdapter(EventLog log) {
        this.log = log;
    }

    @Override
    public List<EventItem> page(EventQuery query) {
        EventLog.Filter filter =
                new EventLog.Filter(query.before(), query.limit(), query.severity(), query.type(), query.text());
        return log.page(filter).stream()
                .map(e -> new EventItem(e.seq(), e.at().toString(), e.type(), e.severity(), e.message(), e.facts()))
                .toList();
    }
}
