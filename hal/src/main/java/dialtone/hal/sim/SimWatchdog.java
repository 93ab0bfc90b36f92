package dialtone.hal.sim;

import dialtone.hal.sys.Watchdog;
import java.util.concurrent.atomic.AtomicLong;

/** No supervisor on a laptop: counts the pets so tests can see the gate work. */
final class SimWatchdog implements Watchdog {
    private final AtomicLong pets = new AtomicLong();

    @Override
    public void ready(String status) {}

    @Override
    public void pet() {
        pets.incrementAndGet();
    }

    @Override
    public void stopping() {}
}
