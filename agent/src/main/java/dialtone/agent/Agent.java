package dialtone.agent;

import dialtone.agent.runtime.ServiceGroup;
import dialtone.agent.store.Database;
import dialtone.hal.Hal;
import java.nio.channels.FileLock;

/**
 * A running agent: its services in start order, and what they stand on (the hardware ports, the
 * database, the data directory's lock). {@link #stop} undoes {@link #start} in reverse.
 */
public final class Agent {
    private final Hal hal;
    private final ServiceGroup services;
    private final Database database;
    private final FileLock dataDirLock;

    Agent(Hal hal, ServiceGroup services, Database database, FileLock dataDirLock) {
        this.hal = hal;
        this.services = services;
        this.database = database;
        this.dataDirLock = dataDirLock;
    }

    public void start(String readyStatus) {
        services.start();
        hal.watchdog().ready(readyStatus);
    }

    public void stop() {
        hal.watchdog().stopping();
        services.stop();
        database.close();
        DataDir.release(dataDirLock);
    }
}
