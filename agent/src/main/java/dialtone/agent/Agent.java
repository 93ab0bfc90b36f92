package dialtone.agent;

import dialtone.agent.runtime.ServiceGroup;
import dialtone.agent.store.Database;
import dialtone.hal.sys.Watchdog;
import java.nio.channels.FileLock;

/**
 * A running agent: its services in start order, and what they stand on (the database, the data
 * directory's lock), under its supervisor. {@link #stop} undoes {@link #start} in reverse.
 */
public final class Agent {
    private final Watchdog supervisor;
    private final ServiceGroup services;
    private final Database database;
    private final FileLock dataDirLock;

    Agent(Watchdog supervisor, ServiceGroup services, Database database, FileLock dataDirLock) {
        this.supervisor = supervisor;
        this.services = services;
        this.database = database;
        this.dataDirLock = dataDirLock;
    }

    public void start(String readyStatus) {
        services.start();
        supervisor.ready(readyStatus);
    }

    public void stop() {
        supervisor.stopping();
        services.stop();
        database.close();
        DataDir.release(dataDirLock);
    }
}
