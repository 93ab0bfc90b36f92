package dialtone.agent.runtime;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.tinylog.Logger;

/**
 * Starts services in order and stops them in reverse, logging each step. If one fails to start,
 * the ones already started are stopped again before the failure is passed on.
 */
public final class ServiceGroup {
    private final List<Service> services;
    private final Deque<Service> started = new ArrayDeque<>();

    public ServiceGroup(List<Service> services) {
        this.services = List.copyOf(services);
    }

    public synchronized void start() {
        for (Service service : services) {
            if (started.contains(service)) {
                continue;
            }
            long begin = System.nanoTime();
            try {
                service.start();
            } catch (RuntimeException e) {
                Logger.error("Could not start {}: {}", service.name(), e.getMessage());
                stop();
                throw e;
            }
            started.push(service);
            Logger.debug("Started {} in {} ms", service.name(), (System.nanoTime() - begin) / 1_000_000);
        }
    }

    public synchronized void stop() {
        while (!started.isEmpty()) {
            Service service = started.pop();
            long begin = System.nanoTime();
            try {
                service.stop();
                Logger.info("Stopped {} in {} ms", service.name(), (System.nanoTime() - begin) / 1_000_000);
            } catch (RuntimeException e) {
                Logger.error(e, "Stopping {} failed; going on with the rest", service.name());
            }
        }
    }
}
